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

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.terms import Term as Term  # re-exported: the store's term types
from kg.terms import graph_quads as graph_quads  # re-exported: the conversion

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Graph file extensions `--data` and `--out` understand, with their formats.
FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

_T = TypeVar("_T")


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

    def add_ntriples(self, name: URIRef, data: bytes) -> None:
        """Add the N-Triples `data` to the graph `name`, keeping the rest."""

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store (default graph and named graphs)."""

    def close(self) -> None:
        """Flush and release the store."""


class OxigraphStore:
    """The embedded store: a `pyoxigraph.Store` in memory or in a folder."""

    def __init__(self, store: ox.Store, *, folder: Path | None = None) -> None:
        """Wrap an open pyoxigraph store (see `memory_store`, `folder_store`).

        `folder` is where a persistent store lives (None: in memory).
        """
        self.oxigraph = store
        self.folder = folder

    def select(self, sparql: str) -> Results:
        """Run a SELECT query; a query that is not a SELECT is a `KgError`."""
        solutions = self._query(sparql)
        if not isinstance(solutions, ox.QuerySolutions):
            raise KgError("not a SELECT query")
        names = tuple(v.value for v in solutions.variables)
        # A solution gives its values in the order of the variables: one call a row,
        # not a lookup by name a value (3-9 ms less on a page of 1,000 rows).
        rows = tuple(tuple(solution) for solution in solutions)
        if any(type(value) not in _TERM_TYPES for row in rows for value in row):
            rows = tuple(tuple(map(_term, row)) for row in rows)
        return Results(names, rows)

    def ask(self, sparql: str) -> bool:
        """Run an ASK query."""
        return bool(self._query(sparql))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        self.oxigraph.update(sparql)

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph `name` hold exactly `graph`, in one transaction."""
        node = ox.NamedNode(str(name))
        self.oxigraph.update(replace_update(node, graph_quads(graph, node)))

    def add_ntriples(self, name: URIRef, data: bytes) -> None:
        """Add the N-Triples `data` to the named graph `name`, in one transaction."""
        # Parsed in Rust: a Python term a statement (`extend`) costs three times more.
        graph = ox.NamedNode(str(name))
        self.oxigraph.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store."""
        return iter(self.oxigraph.quads_for_pattern(None, None, None, None))

    def close(self) -> None:
        """Flush a persistent store to disk."""
        self.oxigraph.flush()

    def reading(self, read: Callable[[ox.Store], _T]) -> _T:
        """Give `read(store)` for the pyoxigraph store underneath.

        For a reader beside a writer (`ReadOnlyStore`), `read` runs again on a newer
        view if the one it had went stale, so it must start from nothing each time.
        """
        return read(self.oxigraph)

    def _query(self, sparql: str) -> object:
        try:
            return self.oxigraph.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise KgError(f"SPARQL syntax error: {_first_line(error)}") from error


# What a row may hold as it is: a term of the store or None (unbound).
_TERM_TYPES = frozenset({ox.NamedNode, ox.BlankNode, ox.Literal, type(None)})


def _term(value: object) -> Term | None:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    return None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def replace_update(name: ox.NamedNode, quads: Iterable[ox.Quad]) -> str:
    """One SPARQL Update making the graph `name` hold exactly the triples of `quads`.

    Oxigraph runs an update request as one transaction, so a reader, or a store
    reopened after the process was killed, sees the old graph or the new one, never
    a mix (`Store.remove_graph` then `extend` are two transactions).

    >>> g = ox.NamedNode("http://example.org/g")
    >>> print(replace_update(g, [ox.Quad(g, g, ox.Literal("a"), g)]))
    DROP SILENT GRAPH <http://example.org/g> ;
    CREATE SILENT GRAPH <http://example.org/g> ;
    INSERT DATA { GRAPH <http://example.org/g> {
    <http://example.org/g> <http://example.org/g> "a" .
    } }
    """
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return ntriples_update(name, data)


def ntriples_update(name: ox.NamedNode, data: bytes) -> str:
    r"""One SPARQL Update making the graph `name` hold exactly the N-Triples `data`.

    N-Triples statements are SPARQL triples as they stand (`\u` escapes included).
    """
    return (
        f"DROP SILENT GRAPH {name} ;\nCREATE SILENT GRAPH {name} ;\n"
        f"INSERT DATA {{ GRAPH {name} {{\n{data.decode('utf-8')}}} }}"
    )


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
        return OxigraphStore(ox.Store(str(folder)), folder=folder)
    except OSError as error:
        if "lock" in str(error).lower():
            raise KgError(
                f"{folder}: the store is being written by another process (a"
                " `kg ingest --store`?); run this again when it has finished"
            ) from None
        raise KgError(f"{folder}: cannot open store: {_first_line(error)}") from error


# A reader beside a writer may find its view of the folder gone (below): tries.
READ_ATTEMPTS = 6


class ReadOnlyStore(OxigraphStore):
    """A store folder opened for reading only, without taking the writer's lock.

    Any number of readers run beside each other and beside the one writer (`kg ingest
    --store`), each seeing the store as it was when opened. RocksDB opens a file of
    that view only when a query first needs it, and the writer's compactions delete
    old files: a read that finds its file gone reopens the folder (a newer view) and
    runs again, since reading twice changes nothing.
    """

    def __init__(self, folder: Path) -> None:
        """Open `folder` for reading (see `read_store`)."""
        self.folder = folder

        def opening() -> ox.Store:
            return ox.Store.read_only(str(folder))

        try:
            super().__init__(self._again(opening, reopen=False), folder=folder)
        except OSError as error:
            message = f"{folder}: cannot open store: {_first_line(error)}"
            raise KgError(message) from error

    def select(self, sparql: str) -> Results:
        """Run a SELECT query (again on a newer view if the writer moved on)."""
        return self._again(lambda: OxigraphStore.select(self, sparql))

    def ask(self, sparql: str) -> bool:
        """Run an ASK query (again on a newer view if the writer moved on)."""
        return self._again(lambda: OxigraphStore.ask(self, sparql))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, read whole so a view that goes stale can be read again."""
        return iter(self._again(lambda: list(OxigraphStore.quads(self))))

    def reading(self, read: Callable[[ox.Store], _T]) -> _T:
        """Give `read(store)`, run again on a newer view if the writer moved on."""
        return self._again(lambda: read(self.oxigraph))

    def update(self, sparql: str) -> None:
        """Refuse: a store opened for reading takes no writes."""
        raise KgError("the store was opened for reading only")

    def close(self) -> None:
        """Nothing to flush: nothing was written."""

    def _again(self, read: Callable[[], _T], *, reopen: bool = True) -> _T:
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                if reopen and attempt > 1:
                    self.oxigraph = ox.Store.read_only(str(self.folder))
                return read()
            except (OSError, RuntimeError) as error:
                text = str(error)
                if "No such file" not in text and "Corruption" not in text:
                    raise
                if attempt == READ_ATTEMPTS and reopen:
                    message = f"{self.folder}: the store kept changing while read"
                    raise KgError(f"{message} ({_first_line(error)})") from error
                if attempt == READ_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")


def read_store(folder: Path) -> ReadOnlyStore:
    """Open the store in `folder` for reading, never blocked by a writer's lock."""
    if folder.exists() and not is_store_folder(folder):
        raise KgError(
            f"{folder}: not a kg store folder (`kg ingest --store` makes one"
            " in a new or empty folder)"
        )
    return ReadOnlyStore(folder)


def open_data(path: Path) -> OxigraphStore:
    """Open `--data PATH`: a store folder (for reading), or a graph file in memory."""
    if path.is_dir():
        return read_store(path)
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

    The embedded store parses them with Oxigraph (about 20 times faster than rdflib)
    and swaps the graph in one transaction (`replace_update`).
    """
    if not isinstance(store, OxigraphStore):
        graph = Graph()
        for text in documents:
            graph.parse(data=text, format="turtle")
        store.replace_graph(name, graph)
        return
    quads = (
        quad
        for text in documents
        for quad in ox.parse(text, format=ox.RdfFormat.TURTLE)
    )
    store.oxigraph.update(replace_update(ox.NamedNode(str(name)), quads))
