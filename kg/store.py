"""Store stage: rdflib graphs of meetings in, a SPARQL-queryable quad store out.

Each meeting's triples live in their own named graph (`iris.meeting_graph_iri`), the
reference data in `REFERENCE_GRAPH` and ingest runs in `PROVENANCE_GRAPH`, so re-
ingesting a document replaces exactly its graph. Queries see the union of all graphs as
their default graph. Callers use the `GraphStore` protocol only; `OxigraphStore` is the
embedded default (pyoxigraph, in memory or persistent in a folder). A remote SPARQL 1.1
endpoint backend implements the same protocol (`select`/`ask` as queries, `update` and
`replace_graph` as SPARQL Update, `quads` as a `CONSTRUCT`), so no caller changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError

Term = ox.NamedNode | ox.BlankNode | ox.Literal
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Graph file extensions `--data` and `--out` understand, with their formats.
FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True, slots=True)
class Results:
    """The answer to a SELECT query: column names and rows of terms (None = unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]


class GraphStore(Protocol):
    """What the pipeline, queries and exports need of a store, whatever its backend."""

    def select(self, sparql: str) -> Results:
        """Run a SELECT query over the union of all graphs."""

    def ask(self, sparql: str) -> bool:
        """Run an ASK query over the union of all graphs."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph `name` hold exactly the triples of `graph`."""

    def add_triples(self, name: URIRef, graph: Graph) -> None:
        """Add the triples of `graph` to the named graph `name`, keeping the rest."""

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store (default graph and named graphs)."""

    def close(self) -> None:
        """Flush and release the store."""


class OxigraphStore:
    """The embedded store: a `pyoxigraph.Store` in memory or in a folder."""

    def __init__(self, store: ox.Store) -> None:
        """Wrap an open pyoxigraph store (see `memory_store`, `folder_store`)."""
        self.oxigraph = store

    def select(self, sparql: str) -> Results:
        """Run a SELECT query; a query that is not a SELECT is a `KgError`."""
        solutions = self._query(sparql)
        if not isinstance(solutions, ox.QuerySolutions):
            raise KgError("not a SELECT query")
        names = tuple(v.value for v in solutions.variables)
        rows = tuple(tuple(_term(s[n]) for n in names) for s in solutions)
        return Results(names, rows)

    def ask(self, sparql: str) -> bool:
        """Run an ASK query."""
        return bool(self._query(sparql))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        self.oxigraph.update(sparql)

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Clear the named graph `name` and load `graph` into it."""
        node = ox.NamedNode(str(name))
        if self.oxigraph.contains_named_graph(node):
            self.oxigraph.remove_graph(node)
        self.oxigraph.add_graph(node)
        self.oxigraph.extend(graph_quads(graph, node))

    def add_triples(self, name: URIRef, graph: Graph) -> None:
        """Add the triples of `graph` to the named graph `name`."""
        self.oxigraph.extend(graph_quads(graph, ox.NamedNode(str(name))))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store."""
        return iter(self.oxigraph.quads_for_pattern(None, None, None, None))

    def close(self) -> None:
        """Flush a persistent store to disk."""
        self.oxigraph.flush()

    def _query(self, sparql: str) -> object:
        try:
            return self.oxigraph.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise KgError(f"SPARQL syntax error: {_first_line(error)}") from error


def _term(value: object) -> Term | None:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    return None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def graph_quads(graph: Graph, name: ox.NamedNode) -> Iterator[ox.Quad]:
    """Convert the triples of an rdflib `graph` to quads in the named graph `name`.

    >>> from rdflib import Namespace
    >>> EX = Namespace("http://example.org/")
    >>> g = Graph()
    >>> _ = g.add((EX.a, EX.p, Literal("x", lang="en")))
    >>> [str(q) for q in graph_quads(g, ox.NamedNode("http://example.org/g"))]
    ['<http://example.org/a> <http://example.org/p> "x"@en <http://example.org/g>']
    """
    cache: dict[Node, Term] = {}
    for s, p, o in graph:
        subject, predicate = _convert(s, cache), _convert(p, cache)
        assert isinstance(subject, ox.NamedNode | ox.BlankNode)
        assert isinstance(predicate, ox.NamedNode)
        yield ox.Quad(subject, predicate, _convert(o, cache), name)


def _convert(node: Node, cache: dict[Node, Term]) -> Term:
    known = cache.get(node)
    if known is not None:
        return known
    term: Term
    if isinstance(node, URIRef):
        term = ox.NamedNode(str(node))
    elif isinstance(node, BNode):
        term = ox.BlankNode()
    elif isinstance(node, Literal) and node.language:
        term = ox.Literal(str(node), language=node.language)
    elif isinstance(node, Literal) and node.datatype:
        term = ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
    elif isinstance(node, Literal):
        term = ox.Literal(str(node))
    else:
        raise TypeError(f"cannot store {node!r}")
    cache[node] = term
    return term


def memory_store() -> OxigraphStore:
    """Open an empty store in memory."""
    return OxigraphStore(ox.Store())


def is_store_folder(folder: Path) -> bool:
    """Tell whether `folder` holds an Oxigraph store (its RocksDB `CURRENT` file)."""
    return (folder / "CURRENT").is_file()


def folder_store(folder: Path, *, create: bool = True) -> OxigraphStore:
    """Open the persistent store in `folder`, made when missing or empty if `create`."""
    if folder.exists() and not folder.is_dir():
        raise KgError(f"{folder}: not a folder (a --store is a folder)")
    if not is_store_folder(folder):
        empty = not folder.exists() or not any(folder.iterdir())
        if not (create and empty):
            raise KgError(
                f"{folder}: not a kg store folder (`kg ingest --store` makes one"
                " in a new or empty folder)"
            )
    try:
        return OxigraphStore(ox.Store(str(folder)))
    except OSError as error:
        raise KgError(f"{folder}: cannot open store: {_first_line(error)}") from error


def open_data(path: Path) -> OxigraphStore:
    """Open `--data PATH`: a store folder, or a graph file read into memory."""
    if path.is_dir():
        return folder_store(path, create=False)
    if not path.is_file():
        raise KgError(f"{path}: no such file or folder")
    store = memory_store()
    load_file(store, path)
    return store


def graph_format(path: Path) -> ox.RdfFormat:
    """Name the RDF format of a graph file from its extension.

    >>> graph_format(Path("out/graph.nq")).name
    'N-Quads'
    """
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        known = " ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown graph file extension (use one of {known})")
    return found


def load_file(store: OxigraphStore, path: Path) -> None:
    """Add the triples or quads of the graph file `path` to `store`."""
    fmt = graph_format(path)
    if path.stat().st_size == 0:
        raise KgError(f"{path}: empty file")
    try:
        store.oxigraph.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as error:
        raise KgError(f"{path}: not valid {fmt.name}: {_first_line(error)}") from error


def add_quads(store: OxigraphStore, quads: Iterable[ox.Quad]) -> None:
    """Add `quads` as they are (their graph names kept)."""
    store.oxigraph.extend(quads)


def to_rdflib(quads: Iterable[ox.Quad]) -> Graph:
    """Merge `quads` into one rdflib `Graph` (for pySHACL), prefixes bound."""
    from kg.namespaces import bind_prefixes

    graph = bind_prefixes(Graph())
    blanks: dict[str, BNode] = {}
    for quad in quads:
        graph.add(
            (
                _rdflib(quad.subject, blanks),
                _rdflib(quad.predicate, blanks),
                _rdflib(quad.object, blanks),
            )
        )
    return graph


def _rdflib(term: object, blanks: dict[str, BNode]) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return blanks.setdefault(term.value, BNode())
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r}")


def replace_graph_turtle(
    store: GraphStore, name: URIRef, documents: Iterable[str]
) -> None:
    """Make the named graph `name` hold exactly the Turtle `documents`.

    The embedded store parses them with Oxigraph (about 20 times faster than rdflib).
    """
    if not isinstance(store, OxigraphStore):
        graph = Graph()
        for text in documents:
            graph.parse(data=text, format="turtle")
        store.replace_graph(name, graph)
        return
    store.replace_graph(name, Graph())
    for text in documents:
        store.oxigraph.load(
            text, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(name))
        )
