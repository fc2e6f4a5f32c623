"""Validation stage: an rdflib `Graph` of meetings in, a readable SHACL `Report` out.

The shapes are every `shapes/*.ttl` file, loaded by name through `kg.resources`. The
data graph is the given graph plus the reference triples about the nodes it points at
(a force, a closed-list concept, a topic), so `sh:class` checks see their types without
validating the whole reference graph each time. Two engines (`ENGINES`) give the same
results: `sparql` (default) runs the shapes compiled to SPARQL (`kg.shacl_sparql`) on an
Oxigraph store, with pySHACL only for node shapes that do not compile; `pyshacl` is the
reference, run without OWL inference. Each result names its focus node, path, message,
severity, constraint component and the source document's file name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import TypeVar

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.paths import InvPath, Path
from rdflib.term import Node

from kg.mapping import vocab
from kg.mapping.reference import add_reference, reference_for, reference_graph
from kg.namespaces import KG, PREFIXES, SH, bind_prefixes
from kg.resources import names, read_text
from kg.shacl_sparql import (
    Compiled,
    Failure,
    Index,
    Select,
    compile_shapes,
    find_failures,
    oxigraph_select,
    path_text,
    queried_triples,
    to_oxigraph,
)
from kg.shacl_sparql.local import Properties
from kg.shacl_sparql.reads import Reads
from kg.terms import graph_quads

Triple = tuple[Node, Node, Node]
# Ways a node shape picks its focus nodes.
_TARGET_KEYS = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
)

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


def validate(
    graph: Graph, *, shapes: Graph | None = None, engine: str = "sparql"
) -> Report:
    """Validate `graph` against `shapes` (default: every `shapes/*.ttl` file).

    `engine` is a name in `ENGINES`: `sparql` (compiled checks on an in-memory
    Oxigraph copy, pySHACL only for shapes that do not compile) or `pyshacl`.
    """
    if engine == "pyshacl":
        data = with_reference(graph)
        return _pyshacl_report(data, shapes if shapes is not None else shapes_graph())
    check(engine)
    store = to_oxigraph(graph)
    add_reference(store)
    return validate_oxigraph(store, shapes=shapes, data=lambda: with_reference(graph))


def validate_quads(
    quads: Collection[ox.Quad],
    *,
    data: Callable[[], Graph],
    engine: str = "sparql",
    triples: Collection[Triple] | None = None,
) -> Report:
    """Validate one meeting given as Oxigraph quads, as `validate` validates a graph.

    `data()` gives the same triples as an rdflib graph: pySHACL reads that (the
    `pyshacl` engine, or shapes that do not compile), and only then is it built.
    `triples`, the same triples again in the same order (`triples[i]` is `quads[i]`)
    if the caller has them, let the simplest checks run in Python
    (`kg.shacl_sparql.find_failures`) instead of as queries.
    """
    if engine == "pyshacl":
        return _pyshacl_report(with_reference(data()), shapes_graph())
    check(engine)
    if triples is None:
        store = ox.Store()
        store.extend(quads)
        store.extend(reference_for(quads))
        return validate_oxigraph(store, data=lambda: with_reference(data()))
    return _validate_indexed(triples, quads, data=lambda: with_reference(data()))


def validate_lines(
    triples: Sequence[Triple],
    lines: Sequence[bytes],
    *,
    data: Callable[[], Graph],
    engine: str = "sparql",
) -> Report:
    """Validate one meeting given as its triples and their N-Triples lines.

    `lines[i]` is `triples[i]` as Oxigraph writes it, in UTF-8
    (`kg.mapping.ntriples`); the report is `validate_quads`'s for the same quads,
    given the triples. The store the checks left to SPARQL query is loaded from the
    lines: no Oxigraph term is made in Python.
    """
    if engine == "pyshacl":
        return _pyshacl_report(with_reference(data()), shapes_graph())
    check(engine)
    return _validate_indexed(triples, lines, data=lambda: with_reference(data()))


def _validate_indexed(
    triples: Collection[Triple],
    stated: Collection[_Stated],
    *,
    data: Callable[[], Graph],
) -> Report:
    """Validate `triples`, given as Oxigraph quads or N-Triples lines (`stated`).

    `stated[i]` is `triples[i]`. The simplest checks run in Python on an index of
    the triples and of the reference triples about the IRIs they point at (those
    `reference_for` finds). The checks left to SPARQL run on a store of only the
    quads their queries can match (`queried_triples`): loading the rest would cost
    more than the checks. Failures, which are rare, are traced to their source files
    in a store of all.
    """
    index, described = _indexed(triples)
    compiled = _default_compiled()
    read = queried_triples(compiled.checks)
    if read is None:
        checked = _select(stated, _reference_quads(described))
    else:
        reads = read
        # the triples the queries read are picked when a query runs (most meetings
        # need none, `kg.shacl_sparql.targets`)
        checked = _select(
            lambda: _read_by_triple(triples, stated, reads),
            lambda: _reference_quads(described, reads),
        )
    failures = find_failures(checked, compiled.checks, index=index)
    results: list[Result] = []
    if failures:
        files = checked
        if read is not None:  # finding source files reads other triples
            files = _select(stated, _reference_quads(described))
        results.extend(_with_source_files(files, failures))

    def has_instances(cls: Node) -> bool:
        # Unlike the ASK `_has_instances` runs, the index may only answer for an IRI.
        return not isinstance(cls, URIRef) or bool(index.focus((str(cls),)))

    may_apply = _may_apply(_default_fallback_targets(), has_instances)
    return _report(results, _default_shapes(), compiled, data, may_apply=may_apply)


def _indexed(triples: Iterable[Triple]) -> tuple[Index, list[Node]]:
    """Index `triples` and the reference triples about the IRIs they point at.

    Gives the index and those IRIs: the same reference triples `reference_for`
    finds.
    """
    index = Index(triples)
    about = _reference_by_subject()
    described: list[Node] = []
    for node in index.dangling():
        found = about.get(node)
        if found is not None:
            index.add(node, found[0])
            described.append(node)
    return index, described


def _reference_quads(
    described: Iterable[Node], read: Reads | None = None
) -> list[ox.Quad]:
    """Give the reference quads about `described` (those `read` names)."""
    about = _reference_reading(read)
    return [quad for node in described for quad in about[node]]


@lru_cache(maxsize=4)
def _reference_reading(read: Reads | None) -> dict[Node, tuple[ox.Quad, ...]]:
    about = _reference_by_subject()
    if read is None:
        return {node: quads for node, (_, quads) in about.items()}
    return {node: tuple(_read(quads, read)) for node, (_, quads) in about.items()}


_Stateds = Collection[ox.Quad] | Collection[bytes]


def _select(
    stated: _Stateds | Callable[[], _Stateds],
    reference: Iterable[ox.Quad] | Callable[[], Iterable[ox.Quad]] = (),
) -> Select:
    """Query a new store of `stated` (quads, or N-Triples lines) and `reference`.

    The store is made at the first query, from what `stated` and `reference` give
    when they are functions: most meetings need none (`kg.shacl_sparql.targets`),
    and loading one costs half a millisecond.
    """
    select: Select | None = None

    def query(sparql: str) -> tuple[tuple[str, ...], Iterable[tuple[object, ...]]]:
        nonlocal select
        if select is None:
            select = _store_select(
                stated() if callable(stated) else stated,
                reference() if callable(reference) else reference,
            )
        return select(sparql)

    return query


def _store_select(
    stated: Collection[ox.Quad] | Collection[bytes], reference: Iterable[ox.Quad]
) -> Select:
    store = ox.Store()
    if isinstance(next(iter(stated), None), bytes):
        # Lines written as Oxigraph writes them, their IRIs checked by Oxigraph.
        text = b"".join(stated)  # type: ignore[arg-type]
        store.load(text, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    else:
        store.extend(stated)  # type: ignore[arg-type]
    store.extend(reference)
    return oxigraph_select(store)


def _read(quads: Iterable[ox.Quad], read: Reads) -> list[ox.Quad]:
    """Give the `quads` a query reading `read` can match."""
    objects = _objects_read(read)
    kept = []
    for quad in quads:
        predicate = quad.predicate
        if predicate in objects:
            wanted = objects[predicate]
            if wanted is None or quad.object in wanted:
                kept.append(quad)
    return kept


def _read_by_triple(
    triples: Collection[Triple], quads: Collection[_Stated], read: Reads
) -> list[_Stated]:
    """Give the `quads` a query reading `read` can match, told by their `triples`.

    `quads[i]` is `triples[i]`, as an Oxigraph quad or as an N-Triples line.
    `_read` gives the same from the quads alone, but each Oxigraph term it reads is
    a new Python object to hash; the triples' predicates are mostly the very keys
    of `_terms_read`, found at once.
    """
    if len(triples) != len(quads):
        raise ValueError("each triple needs its quad")
    wanted = _terms_read(read).get
    # One flag a triple, then `compress`: half the time of a loop appending the
    # quads (0.06 against 0.13 ms a meeting).
    keep = [
        (objects := wanted(predicate, _UNREAD)) is None
        or (objects is not _UNREAD and value in objects)
        for _, predicate, value in triples
    ]
    return list(compress(quads, keep))


# A triple as a store is given one: an Oxigraph quad or an N-Triples line.
_Stated = TypeVar("_Stated", ox.Quad, bytes)
# What `_terms_read` gives for a predicate no query reads.
_UNREAD: frozenset[URIRef] = frozenset()


@lru_cache(maxsize=8)
def _terms_read(read: Reads) -> dict[Node, frozenset[URIRef] | None]:
    """Give the objects `read` names for each predicate as rdflib terms (None: any).

    The terms are the mappers' own objects where they have them: a dict finds the
    very key at once, and an equal one only by `URIRef.__eq__`, run in Python.
    """
    terms = {str(term): term for term in _vocabulary()}

    def term(iri: str) -> URIRef:
        return terms.get(iri) or URIRef(iri)

    return {
        term(predicate.value): (
            None if values is None else frozenset(term(v.value) for v in values)
        )
        for predicate, values in _objects_read(read).items()
    }


def _vocabulary() -> list[URIRef]:
    return [*vars(vocab.KG).values(), *vars(vocab.RDF).values()]


@lru_cache(maxsize=8)
def _objects_read(read: Reads) -> dict[ox.NamedNode, frozenset[ox.NamedNode] | None]:
    """Give the objects `read` names for each predicate (None: any object)."""
    anything = {predicate for predicate, value in read if value is None}
    named: dict[str, set[ox.NamedNode]] = {}
    for predicate, value in read:
        if value is not None and predicate not in anything:
            named.setdefault(predicate, set()).add(ox.NamedNode(value))
    objects: dict[ox.NamedNode, frozenset[ox.NamedNode] | None]
    objects = {ox.NamedNode(predicate): None for predicate in anything}
    for predicate, values in named.items():
        objects[ox.NamedNode(predicate)] = frozenset(values)
    return objects


@lru_cache(maxsize=1)
def _reference_by_subject() -> dict[Node, tuple[Properties, tuple[ox.Quad, ...]]]:
    """Give each reference subject's values (as an `Index` holds them) and quads."""
    triples = list(_reference())
    quads: dict[Node, list[ox.Quad]] = {}
    for triple, quad in zip(triples, graph_quads(triples), strict=True):
        quads.setdefault(triple[0], []).append(quad)
    index = Index(triples)
    return {node: (index.values_of(node), tuple(quads[node])) for node in quads}


ENGINES = ("pyshacl", "sparql")


def check(engine: str) -> None:
    """Refuse an engine name that is not in `ENGINES`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}")


def _pyshacl_report(data: Graph, shapes: Graph) -> Report:
    results = _run_pyshacl(data, shapes)
    return Report(conforms=_conforms(results), results=_sorted(results))


def _conforms(results: Iterable[Result]) -> bool:
    # As pySHACL with `allow_warnings`: warnings and notes alone still conform.
    return not any(r.severity == "Violation" for r in results)


def _run_pyshacl(data: Graph, shapes: Graph) -> list[Result]:
    _, results_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return list(read_results(results_graph, data=data))


def _sorted(results: Iterable[Result]) -> tuple[Result, ...]:
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


def validate_oxigraph(
    store: ox.Store,
    *,
    shapes: Graph | None = None,
    data: Callable[[], Graph] | None = None,
    index: Index | None = None,
) -> Report:
    """Validate everything in `store` (its graphs as one) with the SPARQL engine.

    `index`, when given, holds all the triples in `store`: the simplest checks then
    run on it in Python (`kg.shacl_sparql.find_failures`).

    Node shapes that do not compile (`kg.shacl_sparql.Compiled.fallback`) are checked
    by pySHACL on `data()` (the same triples as an rdflib graph) whenever the store may
    hold focus nodes of theirs; without `data` that is a `ValueError`, never a skip.
    """
    compiled = _default_compiled() if shapes is None else compile_shapes(shapes)
    shapes = shapes if shapes is not None else _default_shapes()
    select = oxigraph_select(store)
    failures = find_failures(select, compiled.checks, index=index)
    results = [*_with_source_files(select, failures)]
    targets = _fallback_targets(shapes, compiled.fallback)
    may_apply = _may_apply(targets, lambda cls: _has_instances(store, cls))
    return _report(results, shapes, compiled, data, may_apply=may_apply)


def _report(
    results: list[Result],
    shapes: Graph,
    compiled: Compiled,
    data: Callable[[], Graph] | None,
    *,
    may_apply: bool,
) -> Report:
    """Add pySHACL's results for the fallback shapes, if they may apply, and report."""
    if compiled.fallback and may_apply:
        if data is None:
            raise ValueError("shapes need pySHACL: " + "; ".join(compiled.reasons))
        results.extend(_run_pyshacl(data(), fallback_shapes(shapes, compiled)))
    return Report(conforms=_conforms(results), results=_sorted(results))


@lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    return shapes_graph()


@lru_cache(maxsize=1)
def _default_compiled() -> Compiled:
    return compile_shapes(_default_shapes())


def fallback_shapes(shapes: Graph, compiled: Compiled) -> Graph:
    """Give `shapes` with only the fallback node shapes still targeting anything."""
    left = Graph()
    fallback = set(compiled.fallback)
    for s, p, o in shapes:
        targets = p in _TARGET_KEYS or (p == RDF.type and o == RDFS.Class)
        if not (targets and s not in fallback):
            left.add((s, p, o))
    return left


def _may_apply(
    targets: tuple[Node, ...] | None, has_instances: Callable[[Node], bool]
) -> bool:
    """Tell whether the data may hold a focus node of the fallback shapes.

    `targets` are their target classes (`_fallback_targets`); `has_instances(cls)`
    tells whether the data may hold an instance of `cls`.
    """
    return targets is None or any(has_instances(cls) for cls in targets)


def _fallback_targets(
    shapes: Graph, fallback: Iterable[Node]
) -> tuple[Node, ...] | None:
    """Give the classes the `fallback` shapes target (None: they target more)."""
    classes: list[Node] = []
    for shape in fallback:
        keys = set(shapes.predicates(shape)) & {*_TARGET_KEYS, RDF.type}
        if keys - {SH.targetClass, RDF.type} or (shape, RDF.type, RDFS.Class) in shapes:
            return None
        classes.extend(shapes.objects(shape, SH.targetClass))
    return tuple(classes)


@lru_cache(maxsize=1)
def _default_fallback_targets() -> tuple[Node, ...] | None:
    return _fallback_targets(_default_shapes(), _default_compiled().fallback)


def _has_instances(store: ox.Store, cls: Node) -> bool:
    ask = f"ASK {{ ?this a/<{RDFS.subClassOf}>* {cls.n3()} }}"
    return bool(store.query(ask, use_default_graph_as_union=True))


def _with_source_files(select: Select, failures: list[Failure]) -> Iterator[Result]:
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
