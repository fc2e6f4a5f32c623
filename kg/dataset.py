"""Dataset description: a store and its export files in, DCAT + VoID triples out.

What a data portal needs to list the graph: title, description, the Open Government
Licence v3.0, the publisher, issued and modified dates, each export file
(`dcat:downloadURL`, media type, size) and each source minutes document (with its
SHA-256) as a `dcat:Distribution`, the triple and entity counts, and the vocabularies
the data uses (`void:vocabulary`). `shapes/dataset.ttl` says what a description must
hold; `validate_description` checks it. Nothing here reads the clock: dates are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from kg import resources
from kg.errors import KgError
from kg.export import write_atomic
from kg.jsonld import CONTEXT_FILE
from kg.namespaces import ID, KG, ONTOLOGY_IRI, PREFIXES, bind_prefixes
from kg.store import GraphStore

# The licence of the minutes the graph is built from, and so of the graph itself.
OGL_V3 = URIRef(
    "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
)
DATASET = ID["dataset/police-governance"]
# Where the export files are published unless `base_url` says otherwise.
DOWNLOAD_BASE = urllib.parse.urljoin(str(ID), "../data/")
# Media types of the export files, by extension (IANA registrations).
MEDIA_TYPES: dict[str, str] = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
}
SOURCE_MEDIA_TYPE = "text/plain"
# DCAT-AP names media types by their IANA registration page.
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """The facts about a release that are not in the graph itself."""

    issued: dt.date
    modified: dt.date
    title: str = "Police governance meetings in England and Wales: a knowledge graph"
    description: str = (
        "Meetings of police and crime panels, PCC boards and council committees, "
        "with attendance, agenda items, topics, decisions and actions, each fact "
        "linked to the quote in the published minutes it comes from."
    )
    publisher: str = "Police governance knowledge graph project"
    base_url: str = DOWNLOAD_BASE


def describe(store: GraphStore, files: Sequence[Path], info: DatasetInfo) -> Graph:
    """Describe the data in `store`, exported as `files`, in DCAT and VoID."""
    graph = bind_prefixes(Graph())
    ds = DATASET
    for kind in (DCAT.Dataset, VOID.Dataset):
        graph.add((ds, RDF.type, kind))
    graph.add((ds, DCTERMS.title, Literal(info.title, lang="en")))
    graph.add((ds, DCTERMS.description, Literal(info.description, lang="en")))
    graph.add((ds, DCTERMS.license, OGL_V3))
    for prop, day in ((DCTERMS.issued, info.issued), (DCTERMS.modified, info.modified)):
        graph.add((ds, prop, Literal(day.isoformat(), datatype=XSD.date)))
    graph.add((ds, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    graph.add((ds, VOID.uriSpace, Literal(str(ID))))
    publisher = BNode("publisher")
    graph.add((ds, DCTERMS.publisher, publisher))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(info.publisher)))
    add_counts(graph, store)
    for path in files:
        add_file(graph, path, info)
    for document in source_documents(store):
        add_source(graph, *document)
    return graph


def add_counts(graph: Graph, store: GraphStore) -> None:
    """Add the VoID statistics of the union of the store's graphs to the dataset."""
    triples = {(q.subject, q.predicate, q.object) for q in store.quads()}
    subjects = {s for s, _, _ in triples}
    space = str(ID)
    named = {s.value for s in subjects if isinstance(s, ox.NamedNode)}
    entities = {s for s in named if s.startswith(space)}
    predicates = {p for _, p, _ in triples}
    classes = {o for _, p, o in triples if p.value == str(RDF.type)}
    for prop, value in (
        (VOID.triples, len(triples)),
        (VOID.entities, len(entities)),
        (VOID.distinctSubjects, len(subjects)),
        (VOID.properties, len(predicates)),
        (VOID.classes, len(classes)),
    ):
        graph.add((DATASET, prop, Literal(value, datatype=XSD.integer)))
    used = (t.value for t in predicates | classes if isinstance(t, ox.NamedNode))
    for vocabulary in vocabularies(used):
        graph.add((DATASET, VOID.vocabulary, URIRef(vocabulary)))


def vocabularies(iris: Iterable[str]) -> list[str]:
    """List the namespaces of `iris`: a known prefix's, else cut at the last `#`/`/`.

    >>> vocabularies(["http://www.w3.org/ns/prov#used", "http://x/a/b", "http://x/a/c"])
    ['http://www.w3.org/ns/prov#', 'http://x/a/']
    """
    known = sorted((str(ns) for ns in PREFIXES.values()), key=len, reverse=True)
    found: set[str] = set()
    for iri in iris:
        namespace = next((ns for ns in known if iri.startswith(ns)), None)
        if namespace is None:
            cut = max(iri.rfind("#"), iri.rfind("/"))
            namespace = iri[: cut + 1]
        if namespace != str(ID):
            found.add(namespace)
    return sorted(found)


def add_file(graph: Graph, path: Path, info: DatasetInfo) -> None:
    """Add the export file `path` as a distribution: download URL, type, size, hash."""
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise KgError(f"{path}: not an export file ({', '.join(MEDIA_TYPES)})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KgError(f"{path}: cannot read: {error.strerror or error}") from None
    url = URIRef(urllib.parse.urljoin(info.base_url, urllib.parse.quote(path.name)))
    node = ID[f"dataset/police-governance/distribution/{path.name}"]
    graph.add((DATASET, DCAT.distribution, node))
    graph.add((DATASET, VOID.dataDump, url))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(path.name)))
    graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCAT.accessURL, url))
    graph.add((node, DCAT.mediaType, URIRef(IANA_MEDIA_TYPES + media_type)))
    size = Literal(len(data), datatype=XSD.nonNegativeInteger)
    graph.add((node, DCAT.byteSize, size))
    graph.add((node, KG.sha256, Literal(hashlib.sha256(data).hexdigest())))
    graph.add((node, DCTERMS.license, OGL_V3))
    if path.suffix.lower() == ".jsonld" and (path.parent / CONTEXT_FILE).is_file():
        # The inline @context is the published one: say where it lives.
        context = urllib.parse.urljoin(info.base_url, CONTEXT_FILE)
        graph.add((node, DCTERMS.conformsTo, URIRef(context)))


def source_documents(store: GraphStore) -> list[tuple[URIRef, str, str]]:
    """List (IRI, file name, SHA-256) of each source minutes document in the store."""
    rows = store.select(
        f"SELECT DISTINCT ?doc ?name ?sha WHERE {{ ?doc a <{KG.SourceDocument}> ; "
        f"<{KG.fileName}> ?name ; <{KG.sha256}> ?sha }} ORDER BY ?doc"
    ).rows
    return [
        (URIRef(doc.value), name.value, sha.value)
        for doc, name, sha in rows
        if doc is not None and name is not None and sha is not None
    ]


def add_source(graph: Graph, document: URIRef, name: str, sha256: str) -> None:
    """Add a source minutes document as a distribution (the original text)."""
    graph.add((DATASET, DCAT.distribution, document))
    graph.add((DATASET, DCTERMS.source, document))
    graph.add((document, RDF.type, DCAT.Distribution))
    graph.add((document, DCTERMS.title, Literal(name)))
    text = Literal("Source minutes (plain text)", lang="en")
    graph.add((document, DCTERMS.description, text))
    graph.add((document, DCAT.accessURL, document))
    graph.add((document, DCAT.mediaType, URIRef(IANA_MEDIA_TYPES + SOURCE_MEDIA_TYPE)))
    graph.add((document, KG.sha256, Literal(sha256)))
    graph.add((document, DCTERMS.license, OGL_V3))


def validate_description(graph: Graph) -> tuple[bool, str]:
    """Check a description against `shapes/dataset.ttl`: (conforms, report text)."""
    from pyshacl import validate

    text = resources.read_text("shapes", "dataset.ttl")
    shapes = Graph().parse(data=text, format="turtle")
    conforms, _, text = validate(graph, shacl_graph=shapes, advanced=True)
    return bool(conforms), str(text)


def issued_before(path: Path) -> dt.date | None:
    """Read the `dct:issued` date of the description at `path`, kept across releases."""
    if not path.is_file():
        return None
    try:
        old = Graph().parse(path)
    except Exception:  # an unreadable old description is simply replaced
        return None
    value = old.value(DATASET, DCTERMS.issued)
    if isinstance(value, Literal) and isinstance(value.toPython(), dt.date):
        return value.toPython()  # type: ignore[no-any-return]
    return None


# rdflib serialisers for a description file, by extension.
DESCRIPTION_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def release_files(out: Path) -> list[Path]:
    """List the export files of one release: `out` and its siblings in other formats.

    >>> release_files(Path("/nowhere/graph.ttl"))
    []
    """
    siblings = (out.with_suffix(ext) for ext in MEDIA_TYPES)
    return [path for path in siblings if path.is_file()]


def write_description(
    store: GraphStore,
    path: Path,
    files: Sequence[Path],
    *,
    today: dt.date,
    publisher: str | None = None,
    base_url: str | None = None,
) -> Graph:
    """Describe `store` released as `files`, check it, and write it to `path`.

    The issued date of an earlier description at `path` is kept; modified is `today`.
    """
    rdf_format = DESCRIPTION_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise KgError(f"{path}: a description is {', '.join(DESCRIPTION_FORMATS)}")
    info = DatasetInfo(issued=issued_before(path) or today, modified=today)
    if publisher:
        info = dataclasses.replace(info, publisher=publisher)
    if base_url:
        info = dataclasses.replace(info, base_url=base_url.rstrip("/") + "/")
    graph = describe(store, files, info)
    conforms, report = validate_description(graph)
    if not conforms:
        first = next((ln for ln in report.splitlines() if "Message:" in ln), report)
        raise KgError(f"{path}: description does not conform: {first.strip()}")
    write_atomic(path, graph.serialize(format=rdf_format, encoding="utf-8"))
    return graph
