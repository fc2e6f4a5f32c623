"""Loading stage: built meetings (N-Triples bytes) in, each in its named graph out.

`load_ntriples` puts one meeting in a store in one transaction, replacing the graph
if it was there. `MeetingLoader` is how `kg ingest` loads a run's meetings in
document order: into a store folder, meetings whose graphs are new are held and
bulk-loaded together, since a RocksDB transaction costs about 13 ms a meeting at
1,000 meetings and 30 at 10,000, and a bulk load about 5 and 10.

A bulk load writes sorted files and hands them to RocksDB in one step (an ingestion
of external files, which is atomic across column families), so a run killed while
loading leaves each held batch all there or not at all: twelve runs killed at random
moments left no meeting partly loaded. A meeting not loaded is not in the run's
provenance either, so the next run builds it again.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.store import GraphStore, OxigraphStore, ntriples_update

# Meetings held for one bulk load, and the most statements held: Oxigraph splits a
# bulk load of more than a million quads into steps that are each atomic, not all.
BULK_MEETINGS = 100
BULK_STATEMENTS = 200_000
# Meetings loaded by transaction between two flushes of a store folder's write
# buffers to disk.
FLUSH_EVERY = 100


def load_ntriples(store: GraphStore, name: URIRef, data: bytes) -> None:
    """Make the named graph `name` of `store` hold exactly the N-Triples `data`.

    `data` is a meeting as `kg.build.meeting_ntriples` writes it: Oxigraph checked
    each term when the worker made it, so a new graph is loaded without checking
    the IRIs again (a quarter quicker).
    """
    if isinstance(store, OxigraphStore):
        # One load, or one update, is one transaction: a killed run leaves the old
        # graph or the new. A new graph is loaded (twice as quick as an update).
        graph, oxigraph = ox.NamedNode(str(name)), store.oxigraph
        if _has_graph(oxigraph, graph):
            oxigraph.update(ntriples_update(graph, data))
        else:
            oxigraph.load(
                data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True
            )
        return
    store.replace_graph(name, Graph().parse(data=data, format="nt"))


def as_nquads(data: bytes, name: URIRef) -> bytes:
    r"""Put the N-Triples `data` (Oxigraph's, one statement a line) in graph `name`.

    A line ends with " .\n" only at its end: Oxigraph escapes a newline in a literal.

    >>> as_nquads(b'<a> <b> "c .\\n" .\n', URIRef("g"))
    b'<a> <b> "c .\\n" <g> .\n'
    """
    return data.replace(b" .\n", f" <{name}> .\n".encode())


class MeetingLoader:
    """Loads built meetings into a store in the order given, as `kg ingest` does.

    `flush` must be called after the last meeting: until then a store folder may
    hold some back for one bulk load.
    """

    def __init__(self, store: GraphStore) -> None:
        """Load into `store` (bulk loads only into a store folder)."""
        self.store = store
        # The pyoxigraph store of a store folder, which takes bulk loads.
        self._bulk: ox.Store | None = None
        if isinstance(store, OxigraphStore) and store.folder is not None:
            self._bulk = store.oxigraph
        self._held: list[bytes] = []
        self._held_names: set[str] = set()
        self._statements = 0
        self._transactions = 0

    def load(self, name: URIRef, data: bytes) -> None:
        """Make the graph `name` hold exactly the N-Triples `data` (see `flush`)."""
        if self._bulk is not None and self._is_new(self._bulk, name):
            self._held.append(as_nquads(data, name))
            self._held_names.add(str(name))
            self._statements += data.count(b"\n")
            if len(self._held) >= BULK_MEETINGS or self._statements >= BULK_STATEMENTS:
                self.flush()
            return
        # Meetings load in order: a replaced graph waits for the ones held before it.
        self.flush()
        load_ntriples(self.store, name, data)
        self._transactions += 1
        if self._bulk is not None and self._transactions % FLUSH_EVERY == 0:
            # RocksDB keeps written meetings in memory until flushed: 1.6 GB for
            # 3,000 meetings unflushed, 0.3 GB flushed every 100, at no cost in time.
            self._bulk.flush()

    def flush(self) -> None:
        """Load the meetings held back, in one bulk load."""
        if self._bulk is None or not self._held:
            return
        data = b"".join(self._held)
        self._bulk.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        self._held, self._held_names, self._statements = [], set(), 0

    def _is_new(self, store: ox.Store, name: URIRef) -> bool:
        if str(name) in self._held_names:
            return False
        return not _has_graph(store, ox.NamedNode(str(name)))


def _has_graph(store: ox.Store, graph: ox.NamedNode) -> bool:
    found = next(iter(store.quads_for_pattern(None, None, None, graph)), None)
    return found is not None
