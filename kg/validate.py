"""Validation stage: an rdflib `Graph` of meetings in, a readable SHACL `Report` out.

The shapes are every `shapes/*.ttl` file, loaded by name through `kg.resources`. The
data graph is the given graph plus the reference triples about the nodes it points at
(a force, a closed-list concept, a topic), so `sh:class` checks see their types without
validating the whole reference graph each time. pySHACL runs without OWL inference:
validation runs once per meeting and must stay fast. Each result names its focus node,
path, message, severity and the source document's file name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.paths import InvPath, Path
from rdflib.term import Node

from kg.mapping.reference import reference_graph
from kg.namespaces import KG, PREFIXES, SH, bind_prefixes
from kg.resources import names, read_text

# How a focus node reaches its source document's file name, tried in order.
_TO_FILE_NAME: tuple[URIRef | Path, ...] = (
    KG.fileName,
    KG.source / KG.fileName,
    KG.document / KG.fileName,
    KG.meeting / KG.source / KG.fileName,
    InvPath(KG.hasItem) / KG.source / KG.fileName,
    InvPath(KG.body) / KG.source / KG.fileName,
    InvPath(KG.evidence) / KG.evidence / KG.document / KG.fileName,
)


@dataclass(frozen=True, slots=True)
class Result:
    """One failed constraint: where (focus node, path), what (message) and how bad."""

    focus_node: str
    path: str | None
    message: str
    severity: str
    source_file: str | None = None

    def render(self) -> str:
        """Give the result as one line a person can act on."""
        where = shorten(self.focus_node) + (f" {self.path}" if self.path else "")
        document = f" [{self.source_file}]" if self.source_file else ""
        return f"{self.severity}: {where}: {self.message}{document}"


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of validating a graph: conformance and every failed constraint."""

    conforms: bool
    results: tuple[Result, ...] = ()

    def render(self) -> str:
        """Give a readable text report: one line per result, by document and node.

        >>> Report(conforms=True).render()
        'Conforms: no SHACL violations.'
        """
        if self.conforms and not self.results:
            return "Conforms: no SHACL violations."
        lines = [f"Does not conform: {len(self.results)} result(s)."]
        lines.extend(result.render() for result in self.results)
        return "\n".join(lines)


def validate(graph: Graph, *, shapes: Graph | None = None) -> Report:
    """Validate `graph` against `shapes` (default: every `shapes/*.ttl` file)."""
    data = with_reference(graph)
    conforms, results_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    results = sorted(
        read_results(results_graph, data=data),
        key=lambda r: (r.source_file or "", r.focus_node, r.path or "", r.message),
    )
    return Report(conforms=bool(conforms), results=tuple(results))


def shapes_graph(*, files: tuple[str, ...] | None = None) -> Graph:
    """Return the shapes `files` (default: all `shapes/*.ttl`) as one new graph.

    >>> len(shapes_graph(files=("meeting.ttl",))) > 0
    True
    """
    graph = Graph()
    for triple in _shape_triples(files or tuple(names("shapes", ".ttl"))):
        graph.add(triple)
    return graph


@lru_cache(maxsize=8)
def _shape_triples(files: tuple[str, ...]) -> tuple[tuple[Node, Node, Node], ...]:
    graph = Graph()
    for name in files:
        graph.parse(data=read_text("shapes", name), format="turtle")
    return tuple(graph)


def with_reference(graph: Graph) -> Graph:
    """Return `graph` plus the reference triples about the IRIs its objects point at."""
    data = bind_prefixes(Graph())
    for triple in graph:
        data.add(triple)
    reference = _reference()
    for node in set(graph.objects()) - set(graph.subjects()):
        if isinstance(node, URIRef):
            for _, predicate, value in reference.triples((node, None, None)):
                data.add((node, predicate, value))
    return data


@lru_cache(maxsize=1)
def _reference() -> Graph:
    return reference_graph()


def read_results(results: Graph, *, data: Graph) -> Iterator[Result]:
    """Turn pySHACL's results graph into `Result`s, each with its source file name."""
    names_of = bind_prefixes(Graph()).namespace_manager
    for node in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(node, SH.focusNode)
        path = results.value(node, SH.resultPath)
        severity = results.value(node, SH.resultSeverity)
        message = results.value(node, SH.resultMessage)
        yield Result(
            focus_node=str(focus) if focus is not None else "?",
            path=_path_text(path, results=results, names_of=names_of),
            message=str(message) if message is not None else "constraint failed",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            source_file=source_file(data, focus),
        )


def _path_text(path: Node | None, *, results: Graph, names_of: object) -> str | None:
    if path is None:
        return None
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + inverse.n3(names_of)  # type: ignore[arg-type]
    return path.n3(names_of)  # type: ignore[arg-type]


def shorten(iri: str) -> str:
    """Give `iri` with the data or ontology namespace written as its prefix.

    >>> shorten("https://w3id.org/police-kg/id/meeting/x/item/2")
    'id:meeting/x/item/2'
    """
    for prefix in ("id", "kg"):
        namespace = str(PREFIXES[prefix])
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def source_file(data: Graph, focus: Node | None) -> str | None:
    """Give the file name of the document `focus` was read from, when the graph says."""
    if focus is None:
        return None
    for path in _TO_FILE_NAME:
        found = sorted(
            str(v) for v in data.objects(focus, path) if isinstance(v, Literal)
        )
        if found:
            return found[0]
    return _file_name_by_iri(data, str(focus))


def _file_name_by_iri(data: Graph, focus: str) -> str | None:
    # Parts of a meeting (evidence, attendance, decisions) extend the meeting's IRI.
    meetings = sorted(str(m) for m in data.subjects(RDF.type, KG.Meeting))
    for meeting in meetings:
        if focus.startswith(f"{meeting}/"):
            found = data.objects(URIRef(meeting), KG.source / KG.fileName)
            return next((str(name) for name in found), None)
    return None
