"""SHACL results: failed constraints in, `Result`s and a readable `Report` out.

A part of `kg.validate`: both engines' failures (the SPARQL engine's `Failure`s,
pySHACL's results graph) become `Result`s naming the focus node, path, message,
severity, constraint component and the file name of the document the node was read
from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.paths import InvPath, Path
from rdflib.term import Node

from kg.namespaces import KG, PREFIXES, SH
from kg.shacl_sparql import Failure, Select, path_text

# An absolute IRI that can stand between < and > in SPARQL: a focus node shown as a
# string is one of these, or a blank node label (which never has a colon).
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]*')

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
    component: str | None = None  # the SHACL constraint component's local name

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


def conforms(results: Iterable[Result]) -> bool:
    """Say if `results` hold no violation (warnings and notes alone conform)."""
    # As pySHACL with `allow_warnings`.
    return not any(r.severity == "Violation" for r in results)


def sorted_results(results: Iterable[Result]) -> tuple[Result, ...]:
    """Order `results` by source file, focus node, path, message and component."""
    return tuple(
        sorted(
            results,
            key=lambda r: (
                r.source_file or "",
                r.focus_node,
                r.path or "",
                r.message,
                r.component or "",
            ),
        )
    )


def with_source_files(select: Select, failures: list[Failure]) -> Iterator[Result]:
    """Make a `Result` of each failure, with its focus node's source file name."""
    files = source_files(select, sorted({f.focus for f in failures}))
    for failure in failures:
        yield Result(
            focus_node=failure.focus,
            path=failure.path,
            message=failure.message,
            severity=failure.severity,
            source_file=files.get(failure.focus),
            component=failure.component,
        )


def source_files(select: Select, focuses: list[str]) -> dict[str, str]:
    """Give each focus node's source file name, found as `source_file` finds it."""
    found: dict[str, str] = {}
    # A blank node (its label has no scheme) cannot be named in a query: no file.
    focuses = [f for f in focuses if _IRI.fullmatch(f)]
    for path in _TO_FILE_NAME:
        left = [f for f in focuses if f not in found]
        if not left:
            return found
        values = " ".join(f"<{f}>" for f in left)
        query = (
            "SELECT ?focus (MIN(STR(?name)) AS ?file) WHERE {"
            f" VALUES ?focus {{ {values} }} ?focus {path.n3()} ?name ."
            " FILTER isLiteral(?name) } GROUP BY ?focus"
        )
        _, rows = select(query)
        found.update({str(r[0].value): str(r[1].value) for r in rows})  # type: ignore[attr-defined]
    left = [f for f in focuses if f not in found]
    if left:
        found.update(_file_names_by_iri(select, left))
    return found


def _file_names_by_iri(select: Select, focuses: list[str]) -> dict[str, str]:
    query = (
        f"SELECT ?meeting ?file WHERE {{ ?meeting a <{KG.Meeting}> ;"
        f" <{KG.source}>/<{KG.fileName}> ?file }}"
    )
    _, rows = select(query)
    meetings: dict[str, str] = {}
    for meeting, file in sorted((str(r[0].value), str(r[1].value)) for r in rows):  # type: ignore[attr-defined]
        meetings.setdefault(meeting, file)
    found = {}
    for focus in focuses:
        owner = next((m for m in sorted(meetings) if focus.startswith(f"{m}/")), None)
        if owner is not None:
            found[focus] = meetings[owner]
    return found


def read_results(results: Graph, *, data: Graph) -> Iterator[Result]:
    """Turn pySHACL's results graph into `Result`s, each with its source file name."""
    for node in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(node, SH.focusNode)
        path = results.value(node, SH.resultPath)
        severity = results.value(node, SH.resultSeverity)
        message = results.value(node, SH.resultMessage)
        yield Result(
            focus_node=str(focus) if focus is not None else "?",
            path=path_text(results, path),
            message=str(message) if message is not None else "constraint failed",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            source_file=source_file(data, focus),
            component=_component_name(
                results.value(node, SH.sourceConstraintComponent)
            ),
        )


def _component_name(component: Node | None) -> str | None:
    return str(component).rsplit("#", 1)[-1] if component is not None else None


def shorten(iri: str) -> str:
    """Give `iri` with the data or ontology namespace written as its prefix.

    >>> shorten("https://w3id.org/police-kg/id/meeting/x/item/2")
    'id:meeting/x/item/2'
    >>> shorten("b0c4")  # a blank node's label
    '_:b0c4'
    """
    if not _IRI.fullmatch(iri):
        return f"_:{iri}"
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
