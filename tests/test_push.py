"""`kg push`: every named graph PUT to a real server, idempotently, with retries."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from oxigraph_server import Stub
from rdflib import URIRef

from kg.cli import cli
from kg.push import (
    ProgressBar,
    PushError,
    RetryPolicy,
    count_triples,
    graph_batches,
    push_data,
    push_store,
)
from kg.remote import RemoteStore, make_endpoint
from kg.serve import Server
from kg.store import OxigraphStore, open_data

FAST = RetryPolicy(attempts=3, first_delay=0.01, max_delay=0.02)


def remote_for(url: str, *, timeout: float = 10) -> RemoteStore:
    return RemoteStore(make_endpoint(url, environ={}, timeout=timeout))


def quad_set(quads: object) -> set[str]:
    return {str(q) for q in quads}  # type: ignore[attr-defined]


def test_small_graphs_go_in_one_put_and_big_ones_in_batches() -> None:
    store = OxigraphStore(ox.Store())
    g = ox.NamedNode("http://example.org/g")
    for i in range(5):
        store.oxigraph.add(ox.Quad(g, g, ox.Literal(str(i)), g))
    name = URIRef(g.value)
    batches = list(graph_batches(store, name, batch_size=2))
    sizes = [(b.triples, b.replace) for b in batches]
    assert sizes == [(2, True), (2, False), (1, False)]
    assert [b.graph for b in batches] == [name] * 3
    store.oxigraph.add(ox.Quad(g, g, ox.BlankNode(), g))
    whole = list(graph_batches(store, name, batch_size=2))
    assert [(b.triples, b.replace) for b in whole] == [(6, True)]


def test_the_progress_bar_counts_graphs() -> None:
    out = io.StringIO()
    bar = ProgressBar(2, out, width=4)
    bar("id:graph/a", 3)
    bar("id:graph/b", 4)
    assert out.getvalue() == "\rpushing [##--] 1/2 graphs\rpushing [####] 2/2 graphs\n"


@pytest.mark.server
def test_push_twice_leaves_the_store_as_pushing_once(
    oxigraph_server: Server, seeds_trig: Path
) -> None:
    local = open_data(seeds_trig)
    args = ["push", "--data", str(seeds_trig), "--endpoint", oxigraph_server.query_url]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    remote = remote_for(oxigraph_server.query_url)
    count = count_triples(remote)
    assert count == len(local.oxigraph) > 1000
    assert f"{count} triples" in first.output and "8 graphs" in first.output
    second = CliRunner().invoke(cli, [*args, "--batch-size", "100"])
    assert second.exit_code == 0, second.output
    assert count_triples(remote) == count
    assert quad_set(remote.quads()) == quad_set(local.quads())


@pytest.mark.server
def test_a_republished_graph_is_replaced_not_merged(
    oxigraph_server: Server, seeds_trig: Path, tmp_path: Path
) -> None:
    local = open_data(seeds_trig)
    remote = remote_for(oxigraph_server.query_url)
    push_store(local, remote)
    reference = ox.NamedNode("https://w3id.org/police-kg/id/graph/reference")
    dropped = next(iter(local.oxigraph.quads_for_pattern(None, None, None, reference)))
    local.oxigraph.remove(dropped)
    push_store(local, remote)
    assert quad_set(remote.quads()) == quad_set(local.quads())


@pytest.mark.server
def test_transient_failures_are_retried(http_stub: Callable[..., Stub]) -> None:
    stub = http_stub([503, 429, 204])
    store = OxigraphStore(ox.Store())
    g = ox.NamedNode("http://example.org/g")
    store.oxigraph.add(ox.Quad(g, g, g, g))
    report = push_store(store, remote_for(stub.url), policy=FAST)
    assert report.retries == 2 and report.graphs == ["http://example.org/g"]
    assert [r[0] for r in stub.requests] == ["PUT"] * 3
    assert stub.requests[0][1] == "/store?graph=http%3A%2F%2Fexample.org%2Fg"


@pytest.mark.server
def test_other_client_errors_are_not_retried(http_stub: Callable[..., Stub]) -> None:
    stub = http_stub([400])
    store = OxigraphStore(ox.Store())
    g = ox.NamedNode("http://example.org/g")
    store.oxigraph.add(ox.Quad(g, g, g, g))
    with pytest.raises(PushError, match="HTTP 400.*no graph made it"):
        push_store(store, remote_for(stub.url), policy=FAST)
    assert len(stub.requests) == 1


@pytest.mark.server
def test_credentials_are_sent_but_never_shown(
    http_stub: Callable[..., Stub], seeds_trig: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = http_stub([204, 500])
    monkeypatch.setenv("KG_ENDPOINT_USER", "publisher")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "pa55word")
    args = ["push", "--data", str(seeds_trig), "--endpoint", stub.url, "--retries", "0"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0 and "pa55word" not in result.output
    assert stub.requests[0][2]["Authorization"] == "Basic cHVibGlzaGVyOnBhNTV3b3Jk"
    endpoint = make_endpoint(stub.url)
    assert "pa55word" not in repr(endpoint)


def failed_push(url: str, data: Path, *extra: str) -> str:
    """Run `kg push` that must fail; check the local file is untouched; its message."""
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    args = ["push", "--data", str(data), "--endpoint", url, *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.server
def test_push_to_a_closed_port_is_one_line(closed_port: int, seeds_trig: Path) -> None:
    url = f"http://127.0.0.1:{closed_port}/query"
    line = failed_push(url, seeds_trig, "--retries", "0")
    assert f"127.0.0.1:{closed_port}/store" in line and "no graph made it" in line


@pytest.mark.server
def test_push_answered_500_names_the_graphs_that_made_it(
    http_stub: Callable[..., Stub], seeds_trig: Path
) -> None:
    stub = http_stub([204, 204, 500])
    line = failed_push(stub.url, seeds_trig, "--retries", "0")
    assert "HTTP 500" in line and "/store" in line
    assert "2 graphs made it (id:graph/meeting/000" in line
    assert len(stub.requests) == 3


@pytest.mark.server
def test_push_that_times_out_is_one_line(
    http_stub: Callable[..., Stub], seeds_trig: Path
) -> None:
    stub = http_stub([204], delay=1.5)
    line = failed_push(stub.url, seeds_trig, "--timeout", "0.3", "--retries", "1")
    assert f"127.0.0.1:{stub.port}/store: no answer within 0.3 s" in line
    assert "no graph made it" in line and len(stub.requests) == 2
    store = open_data(seeds_trig)
    with pytest.raises(PushError, match="timeout") as caught:
        push_store(store, remote_for(stub.url, timeout=0.3), policy=FAST)
    assert caught.value.report.graphs == []


@pytest.mark.server
def test_push_data_draws_progress_when_asked(
    oxigraph_server: Server, seeds_trig: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = make_endpoint(oxigraph_server.query_url, environ={})
    push_data(seeds_trig, endpoint, show_progress=True)
    assert "8/8 graphs" in capsys.readouterr().err
