"""Reference data: every `ontology/*.ttl` file as one rdflib `Graph`.

Input is the ontology folder, read by name through `kg.resources` (the ontology itself,
the closed lists, forces, topics, post holders, alignments: whatever files exist);
output is an rdflib `Graph` that the store puts in `id/graph/reference`, so the
published graph is self-contained, and that validation reads for classes and closed
lists. The files are parsed once per process; each call returns a fresh graph, so
callers may change it. `reference_additions` and `reference_for` give, as Oxigraph
quads, the reference triples about the IRIs a meeting points at (its force, closed-list
concepts, topics), which validation adds to the meeting's triples.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.resources import names, read_text
from kg.terms import graph_quads


def reference_files() -> list[str]:
    """Give the sorted names of the ontology's Turtle files.

    >>> "kg.ttl" in reference_files()
    True
    """
    return names("ontology", ".ttl")


def reference_graph() -> Graph:
    """Return a new graph holding the triples of every ontology file."""
    graph = bind_prefixes(Graph())
    for triple in _reference_triples():
        graph.add(triple)
    return graph


@lru_cache(maxsize=1)
def _reference_triples() -> tuple[tuple[Node, Node, Node], ...]:
    graph = Graph()
    for name in reference_files():
        graph.parse(data=read_text("ontology", name), format="turtle")
    return tuple(sorted(graph))


# Objects of a data graph that are not subjects in it: the IRIs to describe.
_DANGLING = """SELECT DISTINCT ?node WHERE {
    ?s ?p ?node FILTER isIRI(?node) FILTER NOT EXISTS { ?node ?q ?r } }"""


def add_reference(store: ox.Store) -> None:
    """Add to `store` the reference triples about the IRIs it points at."""
    store.extend(reference_additions(store))


def reference_additions(store: ox.Store) -> list[ox.Quad]:
    """Give the reference triples about IRIs `store` points at but does not describe."""
    by_subject = _reference_quads()
    found = store.query(_DANGLING, use_default_graph_as_union=True)
    assert isinstance(found, ox.QuerySolutions)
    nodes = [row[0].value for row in found]
    return [quad for node in nodes for quad in by_subject.get(node, ())]


def reference_for(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Give the reference triples about IRIs `quads` point at but do not describe.

    The same as `reference_additions` finds in a store holding just `quads`, without
    a query.
    """
    subjects: set[object] = set()
    objects: dict[object, None] = {}
    for quad in quads:
        subjects.add(quad.subject)
        if isinstance(quad.object, ox.NamedNode):
            objects[quad.object] = None
    by_subject = _reference_quads()
    nodes = [o.value for o in objects if o not in subjects]  # type: ignore[attr-defined]
    return [quad for node in nodes for quad in by_subject.get(node, ())]


@lru_cache(maxsize=1)
def _reference_quads() -> dict[str, tuple[ox.Quad, ...]]:
    by_subject: dict[str, list[ox.Quad]] = {}
    for quad in graph_quads(_reference_triples()):
        by_subject.setdefault(quad.subject.value, []).append(quad)  # type: ignore[union-attr]
    return {subject: tuple(quads) for subject, quads in by_subject.items()}
