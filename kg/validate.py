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

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.check_store import (
    Stated,
    indexed,
    read_by_triple,
    reference_quads,
    reference_triples,
    select_on_demand,
)
from kg.mapping.reference import add_reference, reference_for
from kg.namespaces import SH, bind_prefixes
from kg.resources import names, read_text
from kg.shacl_results import Report as Report  # re-exported
from kg.shacl_results import Result as Result  # re-exported
from kg.shacl_results import (
    conforms,
    read_results,
    sorted_results,
    with_source_files,
)
from kg.shacl_results import shorten as shorten  # re-exported
from kg.shacl_results import source_file as source_file  # re-exported
from kg.shacl_sparql import (
    Compiled,
    Index,
    compile_shapes,
    find_failures,
    oxigraph_select,
    queried_triples,
    to_oxigraph,
)

Triple = tuple[Node, Node, Node]
# Ways a node shape picks its focus nodes.
_TARGET_KEYS = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
)


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
    stated: Collection[Stated],
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
    index, described = indexed(triples)
    compiled = _default_compiled()
    read = queried_triples(compiled.checks)
    if read is None:
        checked = select_on_demand(stated, reference_quads(described))
    else:
        reads = read
        # the triples the queries read are picked when a query runs (most meetings
        # need none, `kg.shacl_sparql.targets`)
        checked = select_on_demand(
            lambda: read_by_triple(triples, stated, reads),
            lambda: reference_quads(described, reads),
        )
    failures = find_failures(checked, compiled.checks, index=index)
    results: list[Result] = []
    if failures:
        files = checked
        if read is not None:  # finding source files reads other triples
            files = select_on_demand(stated, reference_quads(described))
        results.extend(with_source_files(files, failures))

    def has_instances(cls: Node) -> bool:
        # Unlike the ASK `_has_instances` runs, the index may only answer for an IRI.
        return not isinstance(cls, URIRef) or bool(index.focus((str(cls),)))

    may_apply = _may_apply(_default_fallback_targets(), has_instances)
    return _report(results, _default_shapes(), compiled, data, may_apply=may_apply)


ENGINES = ("pyshacl", "sparql")


def check(engine: str) -> None:
    """Refuse an engine name that is not in `ENGINES`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}")


def _pyshacl_report(data: Graph, shapes: Graph) -> Report:
    results = _run_pyshacl(data, shapes)
    return Report(conforms=conforms(results), results=sorted_results(results))


def _run_pyshacl(data: Graph, shapes: Graph) -> list[Result]:
    _, results_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return list(read_results(results_graph, data=data))


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
    results = [*with_source_files(select, failures)]
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
    return Report(conforms=conforms(results), results=sorted_results(results))


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
    reference = reference_triples()
    for node in set(graph.objects()) - set(graph.subjects()):
        if isinstance(node, URIRef):
            for _, predicate, value in reference.triples((node, None, None)):
                data.add((node, predicate, value))
    return data
