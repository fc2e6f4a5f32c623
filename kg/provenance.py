"""Provenance (store stage): ingest runs in, `prov:` triples of `PROVENANCE_GRAPH` out.

Each run is a `kg:IngestRun` (a `prov:Activity`) recording the software version and,
through `prov:used`, each source document version (`kg:fileName`, `kg:sha256`) it read.
Each meeting graph it (re)built is `prov:wasGeneratedBy` the run and
`prov:wasDerivedFrom` the document version, which is how a later run over a persistent
store knows a document is unchanged. IRIs are minted from content (no clock), so the
same input gives the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.mapping.evidence import Triple
from kg.mapping.iris import PROVENANCE_GRAPH, short_hash, slug
from kg.mapping.ntriples import ntriples_lines
from kg.namespaces import ID, KG
from kg.records import Source
from kg.store import GraphStore


def version_iri(source: Source) -> URIRef:
    """`id/source/<file name slug>/<sha256 prefix>`: one version of one document."""
    return ID[f"source/{slug(source.name)}/{source.sha256[:16]}"]


def run_iri(version: str, sources: Iterable[Source]) -> URIRef:
    """`id/run/<hash>`: the same software and documents give the same run."""
    keys = sorted(f"{s.name}\x1e{s.sha256}" for s in sources)
    return ID[f"run/{short_hash(version, *keys, size=16)}"]


def run_graph(
    version: str, used: list[Source], generated: list[tuple[URIRef, Source]]
) -> list[Triple]:
    """Describe one run: what it read and which graphs it built."""
    run = run_iri(version, used)
    triples: list[Triple] = [
        (run, RDF.type, KG.IngestRun),
        (run, RDF.type, PROV.Activity),
        (run, KG.softwareVersion, Literal(version)),
    ]
    for source in used:
        entity = version_iri(source)
        triples += [
            (run, PROV.used, entity),
            (entity, RDF.type, PROV.Entity),
            (entity, KG.fileName, Literal(source.name)),
            (entity, KG.sha256, Literal(source.sha256)),
        ]
    for name, source in generated:
        triples += [
            (name, PROV.wasGeneratedBy, run),
            (name, PROV.wasDerivedFrom, version_iri(source)),
        ]
    return triples


def record_run(
    store: GraphStore,
    version: str,
    used: list[Source],
    generated: list[tuple[URIRef, Source]],
) -> None:
    """Add a run to the provenance graph, replacing what built its graphs before."""
    prov = f"<{PROVENANCE_GRAPH}>"
    recorded = _recorded_graphs(store)
    for name, _source in generated:
        if str(name) not in recorded:
            continue
        for link in (PROV.wasGeneratedBy, PROV.wasDerivedFrom):
            store.update(f"DELETE WHERE {{ GRAPH {prov} {{ <{name}> <{link}> ?x }} }}")
    _, lines = ntriples_lines(run_graph(version, used, generated))
    store.add_ntriples(PROVENANCE_GRAPH, b"".join(lines))


def _recorded_graphs(store: GraphStore) -> set[str]:
    """Name each graph an earlier run recorded building (a first run has none)."""
    results = store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        f"SELECT DISTINCT ?g WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{\n"
        "  ?g prov:wasGeneratedBy|prov:wasDerivedFrom ?x } }"
    )
    return {str(row[0].value) for row in results.rows if row[0] is not None}


def built_documents(store: GraphStore, version: str) -> set[tuple[str, str]]:
    """List (file name, SHA-256) of each document whose graph `version` built."""
    results = store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        f"PREFIX kg: <{KG._NS}>\n"
        "SELECT ?name ?sha ?version WHERE { GRAPH <" + str(PROVENANCE_GRAPH) + "> {\n"
        "  ?g prov:wasDerivedFrom ?v ;\n"
        "     prov:wasGeneratedBy/kg:softwareVersion ?version .\n"
        "  ?v kg:fileName ?name ; kg:sha256 ?sha .\n"
        "  FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } } }"
    )
    return {
        (row[0].value, row[1].value)
        for row in results.rows
        if row[0] is not None
        and row[1] is not None
        and row[2] is not None
        and row[2].value == version
    }
