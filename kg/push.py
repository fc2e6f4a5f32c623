"""Publish stage: the named graphs of a local `OxigraphStore` in, a remote store out.

`push_store` sends each named graph (meetings, reference, provenance, resolution…) to a
`kg.remote.RemoteStore` with one Graph Store Protocol `PUT ?graph=IRI` of N-Triples, so
pushing twice leaves the remote store as pushing once. A graph bigger than `batch_size`
triples goes in batches: a `PUT` of the first, then a `POST` of each next one (a graph
with blank nodes always goes whole, since a blank node label only names one node within
one request). Every request is idempotent (a PUT replaces; a POSTed batch has no blank
nodes, so sending it twice adds it once), so a failure that may pass (no connection,
timeout, 429, any 5xx) is retried with bounded exponential backoff; a refusal (other
4xx: a bad login, a request too big) stops the push at once with a `PushError` naming
the endpoint, the graph it stopped at and the graphs that made it. Running the push
again finishes the job without doubling anything. The local store is only ever read.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.remote import Endpoint, EndpointError, RemoteStore, public_url
from kg.store import OxigraphStore, open_data

DEFAULT_BATCH_SIZE = 50_000
# Names of graphs that made it, listed in a failure message before "and N more".
NAMES_SHOWN = 3


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to wait before retrying a transient failure."""

    attempts: int = 4
    first_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, error: EndpointError) -> float:
        """Seconds to wait after failed `attempt` (1-based), honouring `Retry-After`.

        >>> [RetryPolicy().delay(n, EndpointError("x")) for n in (1, 2, 3, 6)]
        [0.5, 1.0, 2.0, 8.0]
        """
        wanted = self.first_delay * 2.0 ** (attempt - 1)
        if error.retry_after is not None:
            wanted = max(wanted, error.retry_after)
        return min(wanted, self.max_delay)


@dataclass
class PushReport:
    """What a push did: graphs and triples sent, retries, seconds taken."""

    graphs: list[str] = field(default_factory=list)
    triples: int = 0
    requests: int = 0
    retries: int = 0
    seconds: float = 0.0

    def summary(self, url: str) -> str:
        """One line for people: graphs, triples, time.

        >>> PushReport(["g"], 10, 1, 0, 0.25).summary("http://h/store")
        'pushed 1 graph, 10 triples to http://h/store in 0.2 s (1 request, 0 retries)'
        """
        graphs = f"{len(self.graphs)} graph{'' if len(self.graphs) == 1 else 's'}"
        requests = f"{self.requests} request{'' if self.requests == 1 else 's'}"
        return (
            f"pushed {graphs}, {self.triples} triples to {public_url(url)} "
            f"in {self.seconds:.1f} s ({requests}, {self.retries} retries)"
        )


class PushError(KgError):
    """A push stopped part way; `report` says which graphs made it."""

    def __init__(self, message: str, report: PushReport) -> None:
        """Keep the one-line `message` and the partial `report`."""
        super().__init__(message)
        self.report = report


@dataclass(frozen=True, slots=True)
class Batch:
    """One request's worth of a graph: N-Triples, their count, PUT or POST."""

    graph: URIRef | None
    body: bytes
    triples: int
    replace: bool


Progress = Callable[[str, int], None]


def graph_names(store: OxigraphStore) -> list[URIRef | None]:
    """List the graphs to push: named graphs sorted, the default first if not empty.

    >>> s = OxigraphStore(ox.Store())
    >>> n = ox.NamedNode("http://example.org/g")
    >>> s.oxigraph.add(ox.Quad(n, n, n, n))
    >>> graph_names(s)
    [rdflib.term.URIRef('http://example.org/g')]
    """
    named = store.oxigraph.named_graphs()
    names: list[URIRef | None] = []
    names.extend(sorted(URIRef(g.value) for g in named if isinstance(g, ox.NamedNode)))
    default = store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())
    if next(iter(default), None) is not None:
        names.insert(0, None)
    return names


def graph_batches(
    store: OxigraphStore, name: URIRef | None, *, batch_size: int
) -> Iterator[Batch]:
    """Cut the local graph `name` into the requests that make the remote one equal."""
    graph = ox.DefaultGraph() if name is None else ox.NamedNode(str(name))
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
    ]
    has_blank = any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
        for t in triples
    )
    size = len(triples) if has_blank else max(1, batch_size)
    for start in range(0, max(1, len(triples)), size or 1):
        part = triples[start : start + size] if size else []
        body = ox.serialize(part, format=ox.RdfFormat.N_TRIPLES) or b""
        yield Batch(name, body, len(part), replace=start == 0)


def count_triples(store: RemoteStore) -> int:
    """Count the triples in the remote store's named graphs."""
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    first = rows[0][0] if rows else None
    return int(first.value) if first is not None else 0


def short_name(name: URIRef | None) -> str:
    """Shorten a graph name as people read it (`id:graph/meeting/x`, `default`).

    >>> short_name(URIRef("https://w3id.org/police-kg/id/graph/reference"))
    'id:graph/reference'
    """
    if name is None:
        return "default"
    for prefix, namespace in PREFIXES.items():
        if str(name).startswith(str(namespace)):
            return f"{prefix}:{str(name)[len(namespace) :]}"
    return str(name)


def send_batch(
    remote: RemoteStore,
    batch: Batch,
    *,
    policy: RetryPolicy,
    sleep: Callable[[float], None],
) -> int:
    """Send one batch, retrying transient failures; the number of retries it took."""
    for attempt in range(1, policy.attempts + 1):
        try:
            if batch.replace:
                remote.put_graph(batch.graph, batch.body)
            else:
                remote.post_graph(batch.graph, batch.body)
            return attempt - 1
        except EndpointError as error:
            if not retryable(error) or attempt == policy.attempts:
                raise
            sleep(policy.delay(attempt, error))
    raise AssertionError("unreachable: the last attempt returns or raises")


def retryable(error: EndpointError) -> bool:
    """Tell whether sending the same (idempotent) request again may succeed.

    >>> [retryable(EndpointError("x", status=s)) for s in (500, 503, 401, 413)]
    [True, True, False, False]
    """
    return error.transient or error.status >= 500


def push_store(
    store: OxigraphStore,
    remote: RemoteStore,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    policy: RetryPolicy | None = None,
    progress: Progress | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushReport:
    """PUT every graph of `store` to `remote`; a `PushError` if one cannot be sent."""
    rules = policy or RetryPolicy()
    report = PushReport()
    began = time.monotonic()
    names = graph_names(store)
    for number, name in enumerate(names):
        sent = 0
        try:
            for batch in graph_batches(store, name, batch_size=batch_size):
                report.retries += send_batch(remote, batch, policy=rules, sleep=sleep)
                report.requests += 1
                sent += batch.triples
        except EndpointError as error:
            report.seconds = time.monotonic() - began
            left = len(names) - number
            message = failure_message(error, name, report, left=left)
            raise PushError(message, report) from None
        report.graphs.append(short_name(name))
        report.triples += sent
        if progress is not None:
            progress(short_name(name), sent)
    report.seconds = time.monotonic() - began
    return report


def failure_message(
    error: EndpointError, name: URIRef | None, report: PushReport, *, left: int = 1
) -> str:
    """Say in one line what failed, on which graph, and which graphs made it before.

    >>> r = PushReport(["id:g/a", "id:g/b"], 9)
    >>> failure_message(EndpointError("http://h: HTTP 500"), URIRef("g"), r, left=3)
    'push failed at graph g: http://h: HTTP 500; 2 graphs made it (id:g/a, id:g/b), \
3 not sent; run it again to finish (graphs are replaced, never doubled)'
    """
    done = report.graphs
    shown = ", ".join(done[:NAMES_SHOWN])
    more = f" and {len(done) - NAMES_SHOWN} more" if len(done) > NAMES_SHOWN else ""
    made = f"{len(done)} graphs made it ({shown}{more})" if done else "no graph made it"
    return (
        f"push failed at graph {short_name(name)}: {error}; {made}, {left} not sent;"
        " run it again to finish (graphs are replaced, never doubled)"
    )


class ProgressBar:
    """A one-line progress bar of graphs pushed, redrawn in place on a terminal."""

    def __init__(self, total: int, out: TextIO, *, width: int = 30) -> None:
        """Draw onto `out` a bar that fills up at `total` graphs."""
        self.total, self.out, self.width, self.done = max(1, total), out, width, 0

    def __call__(self, name: str, triples: int) -> None:
        """Count one more graph pushed and redraw."""
        self.done += 1
        filled = self.width * self.done // self.total
        bar = "#" * filled + "-" * (self.width - filled)
        self.out.write(f"\rpushing [{bar}] {self.done}/{self.total} graphs")
        if self.done >= self.total:
            self.out.write("\n")
        self.out.flush()


def push_data(
    data: Path,
    endpoint: Endpoint,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    policy: RetryPolicy | None = None,
    show_progress: bool | None = None,
) -> PushReport:
    """Push the graph file or store folder `data` to `endpoint` (`kg push`).

    The progress bar goes to stderr, by default only when stderr is a terminal.
    """
    store = open_data(data)
    try:
        on_terminal = sys.stderr.isatty() if show_progress is None else show_progress
        bar = ProgressBar(len(graph_names(store)), sys.stderr) if on_terminal else None
        remote = RemoteStore(endpoint)
        return push_store(
            store, remote, batch_size=batch_size, policy=policy, progress=bar
        )
    finally:
        store.close()
