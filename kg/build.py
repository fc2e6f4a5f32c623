"""Build stage: one document's text in, its meeting as N-Triples and warnings out.

The ingest workers' path (`kg.pipeline.ingest` runs `build_documents`, in a process
pool when there are enough documents): parse (`kg.parse.parse_document`), map
(`kg.mapping.each_triple`) and write each triple once as an N-Triples line
(`map_meeting`, `kg.mapping.ntriples`), validate the triples (`check_meeting`,
`kg.validate.validate_lines`) and join the lines (`meeting_ntriples`). No rdflib
`Graph` is built on the way, unless pySHACL needs one, and no Oxigraph term is made in
Python. `bench.embedded` times the same functions stage by stage.
"""

from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, overload

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.mapping import each_triple, meeting_to_graph
from kg.mapping.evidence import Triple
from kg.mapping.iris import meeting_graph_iri
from kg.mapping.ntriples import ntriples_lines
from kg.namespaces import KG, bind_prefixes
from kg.parse import parse_document
from kg.records import Meeting, Source

if TYPE_CHECKING:
    from kg.validate import Report

T = TypeVar("T")
R = TypeVar("R")
# Documents per process below which a pool costs more than it saves (a worker costs
# about a second to start; a document about a tenth).
POOL_MIN = 8
# Most documents in one task: 16 rather than 8 halves the coordinator's share of CPU
# spent sending and receiving (0.6 → 0.4 ms a meeting, measured at 1,000 meetings).
MAX_CHUNK = 16
# Allocations (less deallocations) between two young-generation collections in a
# worker. Building a document allocates and frees many small objects and keeps few,
# so Python's default of 700 collects about twice a document for nothing.
WORKER_GC_THRESHOLD = 10_000


@dataclass(frozen=True, slots=True)
class Mapped:
    """One mapped meeting: its graph IRI, its triples and their N-Triples lines.

    `lines[i]` is `triples[i]` as Oxigraph writes it, in UTF-8
    (`kg.mapping.ntriples`); a store loads the lines into the graph `name`.
    """

    name: URIRef
    triples: tuple[Triple, ...]
    lines: tuple[bytes, ...]

    @classmethod
    def of(cls, name: URIRef, triples: Iterable[Triple]) -> Mapped:
        """Give the distinct `triples` (in order) with their lines, as graph `name`."""
        return cls(name, *ntriples_lines(triples))

    @property
    def quads(self) -> Sequence[ox.Quad]:
        """Give the triples as Oxigraph quads in the default graph, made when read."""
        return ParsedLines(self.lines)

    def graph(self) -> Graph:
        """Give the triples as a new rdflib graph (what pySHACL reads)."""
        graph = bind_prefixes(Graph())
        graph.addN((s, p, o, graph) for s, p, o in self.triples)
        return graph


def build_meeting(text: str, source: Source) -> tuple[URIRef, Graph]:
    """Parse and map one document: its named graph IRI and its triples as a graph."""
    meeting = parse_document(text, source)
    return meeting_graph_iri(meeting), meeting_to_graph(meeting, text)


def map_meeting(meeting: Meeting, text: str) -> Mapped:
    """Map one meeting read from `text`: its triples, each written as a line once."""
    # The mappers' triples go straight to `ntriples_lines`, which keeps each once.
    return Mapped.of(meeting_graph_iri(meeting), each_triple(meeting, text))


def check_meeting(mapped: Mapped, *, engine: str = "sparql") -> Report:
    """Check a mapped meeting against the SHACL shapes (`engine` as `kg.validate`)."""
    # pySHACL is slow to import and only `ingest` and `validate` need it.
    from kg.validate import validate_lines

    return validate_lines(
        mapped.triples, mapped.lines, data=mapped.graph, engine=engine
    )


def meeting_ntriples(mapped: Mapped) -> bytes:
    """Give a mapped meeting as N-Triples bytes, the form meetings travel in."""
    return b"".join(mapped.lines)


class ParsedLines(Sequence[ox.Quad]):
    r"""The quads of N-Triples lines (one triple each), parsed when first read.

    >>> quads = ParsedLines((b'<http://e.org/a> <http://e.org/p> "x"@en .\n',))
    >>> len(quads), str(quads[0].object)
    (1, '"x"@en')
    """

    def __init__(self, lines: Sequence[bytes]) -> None:
        """Hold `lines`; they are parsed when a quad is first asked for."""
        self._lines = lines
        self._quads: list[ox.Quad] | None = None

    def __len__(self) -> int:
        """Give the number of lines, without parsing them."""
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> ox.Quad: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ox.Quad]: ...

    def __getitem__(self, index: int | slice) -> ox.Quad | Sequence[ox.Quad]:
        """Give the quad (or quads) of the line (lines) at `index`."""
        if self._quads is None:
            text = b"".join(self._lines)
            self._quads = list(ox.parse(text, ox.RdfFormat.N_TRIPLES, lenient=True))
        return self._quads[index]


@dataclass(frozen=True, slots=True)
class Built:
    """One document after a worker: its graph IRI and N-Triples, or its error."""

    name: str = ""
    ntriples: bytes = b""
    warnings: tuple[str, ...] = ()
    error: str | None = None


def build_document(job: tuple[str, str, Source, str | None]) -> Built:
    """Parse, map and (with an engine name) validate one document, in any process."""
    path, text, source, engine = job
    try:
        mapped = map_meeting(parse_document(text, source), text)
    except Exception as error:  # a parser bug must not stop the other documents
        return Built(error=f"{type(error).__name__}: {error}")
    warnings = structure_warnings(mapped.triples, name=path)
    if engine is not None:
        report = check_meeting(mapped, engine=engine)
        warnings += report_warnings(report, name=path)
    return Built(str(mapped.name), meeting_ntriples(mapped), tuple(warnings))


def build_documents(
    work: Iterable[tuple[str, str, Source, str | None]], *, jobs: int | None = None
) -> Iterator[Built]:
    """Build documents (`build_document` jobs) in order, in a pool if there are many.

    `jobs` is the number of processes (default: the CPU count); 1, or fewer than
    `POOL_MIN` documents a process, builds them here. Either way the same function
    builds each document, so the store is loaded with the same bytes in the same order.
    `work` is taken as the pool needs it, so a lazy `work` is read while documents are
    built; only enough to choose the pool and its chunk size is taken at first.
    """
    workers = jobs or os.cpu_count() or 1
    rest = iter(work)
    # Beyond this many documents, the chunk size is MAX_CHUNK whatever the total.
    first = list(itertools.islice(rest, 8 * workers * MAX_CHUNK if workers > 1 else 0))
    if workers == 1 or len(first) < POOL_MIN * workers:
        yield from map(build_document, itertools.chain(first, rest))
        return
    with ProcessPoolExecutor(
        workers, mp_context=_pool_context(), initializer=tune_worker_gc
    ) as pool:
        chunk = chunk_size(len(first), workers)
        try:
            yield from ordered_map(
                pool,
                build_document,
                itertools.chain(first, rest),
                chunk=chunk,
                window=4 * workers,
            )
        finally:
            pool.shutdown(cancel_futures=True)


def chunk_size(documents: int, workers: int) -> int:
    """Give how many documents go to a worker at a time.

    Enough that the coordinator's cost of a send and a receive is small beside the
    work, few enough that the workers finish together (each gets eight chunks or more).

    >>> chunk_size(100, 2), chunk_size(10_000, 2)
    (6, 16)
    """
    return max(1, min(MAX_CHUNK, documents // (8 * workers)))


def ordered_map(
    pool: Executor, fn: Callable[[T], R], items: Iterable[T], *, chunk: int, window: int
) -> Iterator[R]:
    """Like `pool.map(fn, items, chunksize=chunk)` with at most `window` chunks queued.

    `Executor.map` submits every item at once, so the texts wait pickled in the call
    queue and the results pile up while the reader is slower than the workers (2.4 GB
    for 10,000 meetings); here the next chunk goes only when one has been read.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(ordered_map(pool, abs, range(-5, 0), chunk=2, window=1))
    [5, 4, 3, 2, 1]
    """
    pending: deque[Future[list[R]]] = deque()
    batches = iter(functools.partial(_take, iter(items), chunk), [])
    try:
        for batch in itertools.islice(batches, window):
            pending.append(pool.submit(_apply, fn, batch))
        while pending:
            done = pending.popleft().result()
            batch = next(batches, [])
            if batch:
                pending.append(pool.submit(_apply, fn, batch))
            yield from done
    finally:
        for future in pending:
            future.cancel()


def _take(items: Iterator[T], count: int) -> list[T]:
    return list(itertools.islice(items, count))


def _apply(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]


def tune_worker_gc() -> None:
    """Collect garbage less often in a worker, and never scan what is loaded now.

    Objects alive at this point (modules, shapes, thesaurus) live as long as the
    worker, so `gc.freeze` takes them out of every collection.
    """
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _pool_context() -> multiprocessing.context.BaseContext:
    # Never a plain fork: an open store's RocksDB threads may hold locks a forked
    # worker would wait on forever. A fork server is a fresh process that imports this
    # module once; workers fork from it, single-threaded, with the parsers loaded.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def structure_warnings(
    triples: Iterable[tuple[Node, Node, Node]], *, name: str
) -> list[str]:
    """Say what a meeting lacks when its document's structure was not recognised.

    >>> structure_warnings(Graph(), name="a.txt")
    ['a.txt: no agenda items or date recognised; ingested with what was found']
    """
    present = {p for _, p, _ in triples}
    wanted = ((KG.hasItem, "agenda items"), (KG.date, "date"))
    missing = [what for term, what in wanted if term not in present]
    if not missing:
        return []
    lacking = " or ".join(missing)
    return [f"{name}: no {lacking} recognised; ingested with what was found"]


def report_warnings(report: Report, *, name: str) -> list[str]:
    """Give a meeting's SHACL report as warnings: none if it conforms."""
    if report.conforms:
        return []
    return [f"{name}: does not conform to the shapes:\n{report.render()}"]
