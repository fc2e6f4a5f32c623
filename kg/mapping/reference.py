"""Reference data: every `ontology/*.ttl` file as one rdflib `Graph`.

Input is the ontology folder, read by name through `kg.resources` (the ontology itself,
the closed lists, forces, topics, post holders, alignments: whatever files exist);
output is an rdflib `Graph` that the store puts in `id/graph/reference`, so the
published graph is self-contained, and that validation reads for classes and closed
lists. The files are parsed once per process; each call returns a fresh graph, so
callers may change it.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.resources import names, read_text


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
