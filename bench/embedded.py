"""Benchmark of the project's pipeline: document paths in, a dict of stage timings out.

One run reads the documents (`kg.pipeline.read_document`), then a process pool over
documents parses, maps and validates each one as the ingest workers do
(`kg.parse.parse_document`, `kg.build.map_meeting`, `kg.build.check_meeting`) and
hands back its meeting as N-Triples bytes (`kg.build.meeting_ntriples`); the
coordinator loads each into its named graph as it arrives, one transaction a meeting
(`kg.pipeline.load_ntriples`, as `kg ingest` loads), into an in-memory Oxigraph
store, finishes it as `kg ingest` does (`kg.pipeline.finish_store`: reference graph,
provenance, people resolution), runs every saved query several times and exports the
store to Turtle and N-Triples (`kg.export.export_store`). Stage times inside workers
are CPU seconds summed over documents, as is the coordinator's CPU during the pool;
every other time is wall-clock.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import multiprocessing
import os
import resource
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

import kg
from kg.build import (
    check_meeting,
    chunk_size,
    map_meeting,
    meeting_ntriples,
    ordered_map,
    tune_worker_gc,
)
from kg.export import export_store
from kg.namespaces import KG
from kg.parse import parse_document
from kg.pipeline import IngestReport, finish_store, load_ntriples, read_document
from kg.queries import load_query, query_names, run_page
from kg.records import Source
from kg.results import TABLE_PAGE
from kg.store import OxigraphStore, memory_store

Progress = Callable[[str, int], None]
# Worker-side stages, in order; their seconds are summed over documents.
DOC_STAGES = ("parse", "map", "validate", "serialise")
# Stop repeating a query once it has run this long in total (at least 3 runs are made).
QUERY_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Built:
    """One document after the worker: its graph name, N-Triples and what it cost."""

    name: str
    ntriples: bytes
    triples: int
    violations: int
    seconds: tuple[float, ...]


def warm_worker() -> None:
    """Load the shapes, thesaurus and pySHACL once per process, outside the timings,
    then tune the garbage collector as `kg ingest` workers do."""
    from kg.validate import shapes_graph

    # The run's SIGTERM handler (`bench.run`) unwinds with SystemExit; a worker that
    # caught it mid-task once kept the pool's shutdown waiting 270 s. A worker the
    # pool terminates must simply stop.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    shapes_graph()
    build_document(("1. Apologies\nNone\n2. Minutes\nAgreed\n", _probe_source()))
    tune_worker_gc()


def _probe_source() -> Source:
    return Source(name="warm-up.txt", sha256="0" * 64, length=36)


def build_document(job: tuple[str, Source], *, engine: str | None = "sparql") -> Built:
    """Parse, map and validate one document (with `engine`); its meeting as N-Triples.

    The stages are `kg.build`'s, the ingest workers' own, timed one by one in CPU
    seconds of the worker (not wall-clock: a worker waiting for a core is not counted).
    """
    clock = time.process_time
    text, source = job
    start = clock()
    meeting = parse_document(text, source)
    parsed = clock()
    mapped = map_meeting(meeting, text)
    mapped_at = clock()
    violations = len(check_meeting(mapped, engine=engine).results) if engine else 0
    validated = clock()
    data = meeting_ntriples(mapped)
    done = clock()
    stages = (start, parsed, mapped_at, validated, done)
    seconds = tuple(end - begin for begin, end in itertools.pairwise(stages))
    return Built(str(mapped.name), data, len(mapped.quads), violations, seconds)


def build_all(
    jobs: Iterable[tuple[str, Source]],
    *,
    count: int,
    workers: int,
    progress: Progress,
    engine: str | None = "sparql",
    sink: Callable[[Built], None] | None = None,
) -> tuple[list[Built], float, float, float]:
    """Build every document on a pool of `workers` processes, in document order.

    `jobs` (`count` of them) is taken as the pool needs it, as `kg ingest` takes its
    documents (`kg.build.ordered_map`): a lazy `jobs` reads while the workers build.
    Gives the built documents, the seconds of pool start-up (imports, shapes and
    thesaurus loaded in each worker), the seconds of the work itself and the CPU
    seconds the coordinator used meanwhile (reading, loading, the pool's threads).
    With a `sink`, each document goes to it as it arrives, kept without its N-Triples.
    """
    built: list[Built] = []
    context = multiprocessing.get_context("fork")
    start = time.perf_counter()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=warm_worker
    ) as pool:
        # The pool is warm before the clock starts: every worker has answered.
        while len(set(pool.map(_worker_id, range(4 * workers)))) < workers:
            pass
        warm = time.perf_counter()
        cpu = -own_cpu()
        progress("ingest+validate", 0)
        build = functools.partial(build_document, engine=engine)
        chunk = chunk_size(count, workers)
        results = ordered_map(pool, build, jobs, chunk=chunk, window=4 * workers)
        try:
            for done, item in enumerate(results, 1):
                if sink is not None:
                    sink(item)
                    item = dataclasses.replace(item, ntriples=b"")
                built.append(item)
                if done % 50 == 0:
                    progress("ingest+validate", done)
        finally:
            # A run stopped (SIGTERM unwinds) waits only for the chunks under way.
            pool.shutdown(cancel_futures=True)
        end = time.perf_counter()
        cpu += own_cpu()
    return built, warm - start, end - warm, cpu


def own_cpu() -> float:
    """CPU seconds this process has used, all its threads (the pool's too)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Reader:
    """Reads documents as they are taken, as `kg ingest` does, and counts the seconds
    and keeps each document's `Source`."""

    def __init__(self, paths: list[Path]) -> None:
        """Read `paths`, in order, when iterated."""
        self.paths = paths
        self.seconds = 0.0
        self.sources: list[Source] = []

    def __iter__(self) -> Iterator[tuple[str, Source]]:
        """Give each document's text and source."""
        for path in self.paths:
            start = time.perf_counter()
            text, source = read_document(path)
            self.seconds += time.perf_counter() - start
            self.sources.append(source)
            yield text, source


class Loader:
    """Loads each meeting into a new in-memory store as it arrives, one transaction
    each as `kg ingest` does (while the workers build the next ones), and counts the
    seconds. The store is made at the first meeting, after the pool has forked: a
    worker forked from a process holding a store can die on its first query."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._store: OxigraphStore | None = None

    @property
    def store(self) -> OxigraphStore:
        if self._store is None:
            self._store = memory_store()
        return self._store

    def __call__(self, built: Built) -> None:
        start = time.perf_counter()
        load_ntriples(self.store, URIRef(built.name), built.ntriples)
        self.seconds += time.perf_counter() - start


def _worker_id(_: int) -> int:
    time.sleep(0.01)
    return os.getpid()


def finish(store: OxigraphStore, built: list[Built], sources: list[Source]) -> None:
    """Reference graph, provenance of the run and people resolution (`kg ingest`)."""
    generated = [(URIRef(b.name), s) for b, s in zip(built, sources, strict=True)]
    report = IngestReport()
    finish_store(
        store, version=kg.__version__, used=sources, generated=generated, report=report
    )
    if report.warnings:
        raise RuntimeError("; ".join(report.warnings))


def time_queries(
    store: OxigraphStore,
    params: dict[str, dict[str, str]],
    *,
    runs: int,
    limit: int | None = TABLE_PAGE,
) -> dict[str, dict[str, Any]]:
    """Run each saved query `runs` times (fewer if slow): p50, p95 and rows.

    Each runs as `kg query NAME --param …` shows it: the first page of `limit` rows
    (None: every row), with whether more rows follow.
    """
    timings: dict[str, dict[str, Any]] = {}
    for name in query_names():
        query = load_query(name)
        bound = params.get(name, {})
        seconds: list[float] = []
        rows, more = 0, False
        while _more(seconds, runs):
            start = time.perf_counter()
            page = run_page(store, query, bound, limit=limit)
            seconds.append(time.perf_counter() - start)
            rows, more = len(page.results.rows), page.more
        timings[name] = {
            "params": bound,
            "limit": limit,
            "rows": rows,
            "more": more,
            "runs": len(seconds),
            "p50_ms": 1000 * percentile(seconds, 50),
            "p95_ms": 1000 * percentile(seconds, 95),
        }
    return timings


def _more(seconds: list[float], runs: int) -> bool:
    return len(seconds) < runs and (len(seconds) < 3 or sum(seconds) < QUERY_SECONDS)


def percentile(values: list[float], pct: float) -> float:
    """Give the `pct` percentile of `values`, interpolating between neighbours.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.5
    """
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_exports(store: OxigraphStore) -> dict[str, float]:
    """Export the store to Turtle and N-Triples files: seconds and megabytes each."""
    found: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        for label, suffix in (("turtle", ".ttl"), ("ntriples", ".nt")):
            path = Path(folder) / f"graph{suffix}"
            start = time.perf_counter()
            export_store(store, path)
            found[f"export_{label}_s"] = time.perf_counter() - start
            found[f"export_{label}_mb"] = path.stat().st_size / 1e6
    return found


def query_params(store: OxigraphStore) -> dict[str, dict[str, str]]:
    """Pick parameter values the data has: the busiest body, force, topic and person.

    A listing of every meeting's rows is asked for one force, as a person looking
    through the graph would ask for it (`kg query actions --param force=…`). So is
    `people-across-bodies`, since a person's IRI names its force; but it asks for the
    force with the most bodies, as a force of one body has nobody across bodies.
    """
    prefix = f"PREFIX kg: <{KG}>\n"
    body, force = _top(store, prefix + _TOP_BODY, 2)
    (topic,) = _top(store, prefix + _TOP_TOPIC, 1)
    (name,) = _top(store, prefix + _TOP_NAME, 1)
    (spread,) = _top(store, prefix + _TOP_BODIES, 1)
    force_key = force.rsplit("/", 1)[-1]
    topic_key = topic.rsplit("/", 1)[-1]
    listings = (
        "actions",
        "agenda-items",
        "participants",
        *VIZ_QUERIES,
    )
    return {
        **{listing: {"force": force_key} for listing in listings},
        "attendance-record": {"name": name},
        "decisions": {"force": force_key, "since": "2018-01-01"},
        "force-timeline": {"force": force_key},
        "item-topics": {"topic": topic_key},
        "meetings": {"body": body, "since": "2016-01-01", "until": "2021-12-31"},
        "pccs-discussing": {"topic": topic_key},
        "people-across-bodies": {"force": spread.rsplit("/", 1)[-1]},
        "topic-cooccurrence": {"force": force_key},
        "topics-by-force": {"force": force_key},
    }


VIZ_QUERIES = ("viz-decisions", "viz-items", "viz-meetings", "viz-people")


_TOP_BODY = """SELECT ?body ?force (COUNT(?m) AS ?n)
WHERE { ?m a kg:Meeting ; kg:body ?body . ?body kg:forceArea ?force }
GROUP BY ?body ?force ORDER BY DESC(?n) ?body LIMIT 1"""
_TOP_TOPIC = """SELECT ?topic (COUNT(?item) AS ?n)
WHERE { ?item kg:topic ?topic } GROUP BY ?topic ORDER BY DESC(?n) ?topic LIMIT 1"""
_TOP_NAME = """SELECT ?name (COUNT(?a) AS ?n)
WHERE { ?a a kg:Attendance ; kg:person/kg:name ?name }
GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1"""
_TOP_BODIES = """SELECT ?force (COUNT(DISTINCT ?body) AS ?n)
WHERE { ?body kg:forceArea ?force } GROUP BY ?force ORDER BY DESC(?n) ?force LIMIT 1"""


def _top(store: OxigraphStore, sparql: str, width: int) -> tuple[str, ...]:
    rows = store.select(sparql).rows
    if not rows:
        raise RuntimeError(f"no data to choose query parameters from: {sparql}")
    return tuple(str(term.value) for term in rows[0][:width] if term is not None)


def ingest_stages(
    paths: list[Path], *, workers: int, progress: Progress, validation: str
) -> tuple[OxigraphStore, dict[str, Any]]:
    """Read, build (pool), load and finish: the store and each stage's seconds.

    `validation` is the engine that checks each meeting in its worker, as `kg ingest`
    does: `sparql` (`kg.shacl_sparql`, the default) or `pyshacl`. The whole store is
    also checked once with the SPARQL engine (`kg validate`), timed apart.
    """
    clock = time.perf_counter
    start = clock()
    reader, loader = Reader(paths), Loader()
    built, warm_s, work_s, coordinator_cpu_s = build_all(
        reader,
        count=len(paths),
        workers=workers,
        progress=progress,
        engine=validation,
        sink=loader,
    )
    loaded = clock()
    store = loader.store
    finish(store, built, reader.sources)
    finished = clock()
    # The target's peak is the ingest's: before the whole-store check, queries, exports.
    peaks = {
        "ingest_peak_rss_mb": peak_mb(resource.RUSAGE_SELF),
        "ingest_peak_worker_rss_mb": peak_mb(resource.RUSAGE_CHILDREN),
    }
    checked = store_validation(store)
    return store, {
        "validation": validation,
        # Seconds the coordinator spent reading, within the pool's time.
        "read_s": reader.seconds,
        "pool_start_s": warm_s,
        "ingest_validate_s": work_s,
        # Seconds the coordinator spent loading, within the pool's time.
        "load_s": loader.seconds,
        "coordinator_cpu_s": coordinator_cpu_s,
        "finish_s": finished - loaded,
        # The pool's start-up is a constant, reported apart from the per-N work.
        "end_to_end_s": finished - start - warm_s,
        **peaks,
        **checked,
        "documents": len(built),
        "meeting_triples": sum(b.triples for b in built),
        "violations": sum(b.violations for b in built),
        "nonconforming_documents": sum(1 for b in built if b.violations),
        **cpu_seconds(built),
    }


def peak_mb(who: int) -> float:
    """Give the peak resident memory of `who` (a `resource.RUSAGE_*`) in megabytes.

    For `RUSAGE_CHILDREN` it is the largest of the children waited for (the pool's
    workers, once the pool has closed).
    """
    # Linux gives ru_maxrss in kilobytes.
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(built: list[Built]) -> dict[str, float]:
    """Seconds of each worker stage, summed over the documents."""
    return {
        f"cpu_{stage}_s": sum(b.seconds[index] for b in built)
        for index, stage in enumerate(DOC_STAGES)
    }


def store_validation(store: OxigraphStore) -> dict[str, Any]:
    """Check the whole store with the SPARQL engine (`kg validate`): time, results."""
    from kg.pipeline import validate_store
    from kg.shacl_sparql import compile_shapes
    from kg.validate import shapes_graph

    start = time.perf_counter()
    report = validate_store(store, engine="sparql")
    return {
        "sparql_validate_s": time.perf_counter() - start,
        "sparql_checks": len(compile_shapes(shapes_graph()).checks),
        "sparql_violations": len(report.results),
        "sparql_failures_sample": [r.render() for r in report.results[:10]],
    }


def run_embedded(
    paths: list[Path],
    *,
    workers: int,
    query_runs: int,
    progress: Progress,
    validation: str = "sparql",
) -> dict[str, Any]:
    """Run the whole pipeline once on `paths`: seconds per stage, counts, queries."""
    store, result = ingest_stages(
        paths, workers=workers, progress=progress, validation=validation
    )
    result["store_quads"] = len(store.oxigraph)
    progress("queries", result["documents"])
    start = time.perf_counter()
    result["queries"] = time_queries(store, query_params(store), runs=query_runs)
    result["queries_s"] = time.perf_counter() - start
    # The largest worker, before the export's `sort` process joins the children (a
    # child forked from this process counts this process's size as its own).
    result["peak_worker_rss_mb"] = peak_mb(resource.RUSAGE_CHILDREN)
    progress("export", result["documents"])
    result.update(time_exports(store))
    return result
