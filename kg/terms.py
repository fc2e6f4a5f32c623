"""Term conversion: rdflib triples in, Oxigraph quads out.

The mapping stage builds rdflib terms and the store and validation hold Oxigraph
terms; `graph_quads` converts the one to the other (`kg.store` re-exports it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def graph_quads(
    triples: Iterable[tuple[Node, Node, Node]], name: ox.NamedNode | None = None
) -> Iterator[ox.Quad]:
    """Convert rdflib triples (a `Graph`, a list) to quads in the named graph `name`.

    Without `name` the quads are in the default graph. Each IRI and blank node is
    converted once (a blank node stays one node); literals keep their language or
    datatype.

    >>> from rdflib import Graph, Namespace
    >>> EX = Namespace("http://example.org/")
    >>> g = Graph()
    >>> _ = g.add((EX.a, EX.p, Literal("x", lang="en")))
    >>> [str(q) for q in graph_quads(g, ox.NamedNode("http://example.org/g"))]
    ['<http://example.org/a> <http://example.org/p> "x"@en <http://example.org/g>']
    """
    # IRIs repeat (predicates, classes, the meeting's nodes), literals mostly do not,
    # and an rdflib literal hashes slowly: only IRIs and blank nodes are cached.
    nodes: dict[Node, Term] = {}
    for s, p, o in triples:
        subject = nodes.get(s) or _node(s, nodes)
        predicate = nodes.get(p) or _node(p, nodes)
        value = _literal(o, nodes) if type(o) is Literal else nodes.get(o)
        yield ox.Quad(subject, predicate, value or _node(o, nodes), name)  # type: ignore[arg-type]


def _node(node: Node, nodes: dict[Node, Term]) -> Term:
    term: Term
    if isinstance(node, URIRef):
        term = ox.NamedNode(node)
    elif isinstance(node, BNode):
        term = ox.BlankNode()
    elif isinstance(node, Literal):
        return _literal(node, nodes)
    else:
        raise TypeError(f"cannot store {node!r}")
    nodes[node] = term
    return term


def _literal(node: Literal, nodes: dict[Node, Term]) -> ox.Literal:
    if node.language:
        return ox.Literal(node, language=node.language)
    datatype = node.datatype
    if datatype:
        known = nodes.get(datatype) or _node(datatype, nodes)
        return ox.Literal(node, datatype=known)  # type: ignore[arg-type]
    return ox.Literal(node)
