"""Term conversion: rdflib triples in, Oxigraph quads out.

The mapping stage builds rdflib terms and the store and validation hold Oxigraph
terms; `graph_quads` converts the one to the other (`kg.store` re-exports it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def graph_quads(
    triples: Iterable[tuple[Node, Node, Node]], name: ox.NamedNode | None = None
) -> Iterator[ox.Quad]:
    """Convert rdflib triples (a `Graph`, a list) to quads in the named graph `name`.

    Without `name` the quads are in the default graph. Each IRI and blank node is
    converted once (a blank node stays one node); literals keep their language or
    datatype. The quads come in the order of the triples.

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
    # `ox.Quad` tries each kind of term in turn for its object, and a failed try
    # costs half a microsecond: a quad of a literal costs 1.4 microseconds, three
    # times the parser's. So the quads of most literals are written as N-Quads
    # and parsed at once; their places in `quads` wait for them.
    quads: list[ox.Quad | None] = []
    written = _Written(name)
    for s, p, o in triples:
        subject = nodes.get(s) or _node(s, nodes)
        predicate = nodes.get(p) or _node(p, nodes)
        if type(o) is Literal:
            if written.add(len(quads), s, p, o, nodes):
                quads.append(None)
                continue
            value: Term = _literal(o, nodes)
        else:
            value = nodes.get(o) or _node(o, nodes)
        quads.append(ox.Quad(subject, predicate, value, name))  # type: ignore[arg-type]
    written.fill(quads)
    yield from quads  # type: ignore[misc]


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


def _escaped(text: str) -> str:
    r"""Give `text` as it may stand between the quotes of an N-Triples string.

    >>> _escaped('say "hi"')
    'say \\"hi\\"'
    """
    # `in` and `replace` scan at C speed; `str.translate` with a table of strings
    # costs tens of microseconds on a long quote.
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r")
    return text


# Datatypes whose literals carry a language tag: those are made one by one.
_TAGGED = frozenset({str(RDF.langString), f"{RDF}dirLangString"})


class _Written:
    """The N-Quads of the literal triples `graph_quads` leaves to the parser."""

    def __init__(self, name: ox.NamedNode | None) -> None:
        # Written after each line's object ("DEFAULT" is how the default graph shows).
        named = isinstance(name, (ox.NamedNode, ox.BlankNode))
        self._graph = f" {name}" if named else ""
        # The lines' text in parts (joined once: a str subclass formats slowly).
        self._parts: list[str] = []
        self._places: list[int] = []
        # What ends a line after the literal's text: a plain literal's, and by
        # datatype IRI ("" for one whose literals are made one by one). rdflib
        # gives each literal its own datatype `URIRef`, found by its text faster.
        self._plain = f'"{self._graph} .\n'
        self._ends: dict[str, str] = {}

    def add(
        self, place: int, s: Node, p: Node, o: Literal, nodes: dict[Node, Term]
    ) -> bool:
        """Write the triple, the quad at `place`, unless `ox.Quad` must make it.

        Its subject and predicate are IRIs already made into `nodes` (and so known
        valid), as is its datatype; a language-tagged literal is left out.
        """
        if type(s) is not URIRef or type(p) is not URIRef or o.language:
            return False
        datatype = o.datatype
        if datatype is None:
            end = self._plain
        else:
            known = self._ends.get(str(datatype))
            end = self._end(datatype, nodes) if known is None else known
        if not end:
            return False
        self._parts.extend(("<", s, "> <", p, '> "', _escaped(o), end))
        self._places.append(place)
        return True

    def _end(self, datatype: Node, nodes: dict[Node, Term]) -> str:
        iri = nodes.get(datatype) or _node(datatype, nodes)
        end = "" if str(datatype) in _TAGGED else f'"^^{iri}{self._graph} .\n'
        self._ends[str(datatype)] = end
        return end

    def fill(self, quads: list[ox.Quad | None]) -> None:
        """Put each written quad, parsed from the lines, in its place in `quads`."""
        if not self._parts:
            return
        # Every IRI written was checked when made into a node: the parser need not.
        made = ox.parse("".join(self._parts), ox.RdfFormat.N_QUADS, lenient=True)
        for place, quad in zip(self._places, made, strict=True):
            quads[place] = quad
