"""`kg push` against a real oxigraph server behind a fault injector.

Each fault (a 500 on one graph, an answer slower than the timeout, the server stopped
mid-push, a wrong login) must leave a one-line report of the graphs that made it, be
retried when the request is safe to repeat, and a second run must finish the job with
exactly the triples of one clean push: no graph missing, no triple doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fault_proxy import FaultProxy, Rule, start_proxy

from kg.cli import cli
from kg.push import PushError, RetryPolicy, push_store
from kg.remote import RemoteStore, make_endpoint
from kg.serve import Server, start_server, stop_server
from kg.store import OxigraphStore, open_data

pytestmark = pytest.mark.server
FAST = RetryPolicy(attempts=3, first_delay=0.01, max_delay=0.05)
SECRET = "c0rrect-h0rse"


@pytest.fixture(autouse=True)
def no_login(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No login from the person running the tests leaks in."""
    for name in ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_AUTH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture()
def fault_proxy(oxigraph_server: Server) -> Iterator[FaultProxy]:
    """A proxy to a fresh real oxigraph server, with no faults until a test adds one."""
    proxy = FaultProxy(upstream_port=oxigraph_server.port)
    server = start_proxy(proxy)
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def local(seeds_trig: Path) -> OxigraphStore:
    return open_data(seeds_trig)


def remote_for(url: str, *, timeout: float = 10) -> RemoteStore:
    return RemoteStore(make_endpoint(url, environ={}, timeout=timeout))


def graph_sizes(store: RemoteStore | OxigraphStore) -> dict[str, int]:
    rows = store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ).rows
    return {g.value: int(n.value) for g, n in rows if g is not None and n is not None}


def assert_as_one_clean_push(server: Server, local: OxigraphStore) -> None:
    """The server holds exactly the local quads: every graph whole, none doubled."""
    remote = remote_for(server.query_url)
    assert graph_sizes(remote) == graph_sizes(local)
    assert {str(q) for q in remote.quads()} == {str(q) for q in local.quads()}


def push_line(url: str, data: Path, *extra: str) -> tuple[int, str]:
    args = ["push", "--data", str(data), "--endpoint", url, *extra]
    result = CliRunner().invoke(cli, args)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return result.exit_code, lines[0]


def test_a_500_on_one_graph_names_what_made_it_and_a_rerun_finishes(
    fault_proxy: FaultProxy,
    oxigraph_server: Server,
    local: OxigraphStore,
    seeds_trig: Path,
) -> None:
    fault_proxy.rules.append(Rule("meeting/002", status=500, times=-1))
    status, line = push_line(fault_proxy.query_url, seeds_trig, "--retries", "1")
    assert status == 1
    assert "push failed at graph id:graph/meeting/002" in line and "HTTP 500" in line
    assert "2 graphs made it (id:graph/meeting/000" in line and "6 not sent" in line
    tried = [m for m, g, s in fault_proxy.log if "meeting/002" in g]
    assert tried == ["PUT", "PUT"]  # a graph replacement is retried
    made = graph_sizes(remote_for(oxigraph_server.query_url))
    assert len(made) == 2 and all(made[g] == graph_sizes(local)[g] for g in made)
    fault_proxy.rules.clear()
    assert push_line(fault_proxy.query_url, seeds_trig)[0] == 0
    assert_as_one_clean_push(oxigraph_server, local)


def test_a_passing_500_is_retried_and_the_push_completes(
    fault_proxy: FaultProxy, oxigraph_server: Server, local: OxigraphStore
) -> None:
    fault_proxy.rules.append(Rule("graph/reference", status=500, times=2))
    report = push_store(local, remote_for(fault_proxy.query_url), policy=FAST)
    assert report.retries == 2 and len(report.graphs) == 8
    assert_as_one_clean_push(oxigraph_server, local)


def test_an_answer_past_the_timeout_is_resent_without_doubling(
    fault_proxy: FaultProxy, oxigraph_server: Server, local: OxigraphStore
) -> None:
    # The server adds the second batch (a POST), but its answer comes too late:
    # sending the batch again must not add anything twice.
    # A timeout of 1.5 s leaves a loaded machine room for the other requests.
    fault_proxy.rules.append(Rule("meeting/001", delay=4.0, skip=1))
    remote = remote_for(fault_proxy.query_url, timeout=1.5)
    report = push_store(local, remote, batch_size=40, policy=FAST)
    assert report.retries == 1
    assert [m for m, g, _ in fault_proxy.log if "meeting/001" in g][:3] == [
        "PUT",
        "POST",
        "POST",
    ]
    assert_as_one_clean_push(oxigraph_server, local)


def test_a_server_slower_than_the_timeout_fails_in_one_line_then_finishes(
    fault_proxy: FaultProxy,
    oxigraph_server: Server,
    local: OxigraphStore,
    seeds_trig: Path,
) -> None:
    fault_proxy.rules.append(Rule("graph/reference", delay=1.0, times=-1))
    extra = ("--timeout", "0.3", "--retries", "1")
    status, line = push_line(fault_proxy.query_url, seeds_trig, *extra)
    assert status == 1 and "no answer within 0.3 s (timeout)" in line
    assert "push failed at graph id:graph/reference" in line
    assert "6 graphs made it" in line and "2 not sent" in line
    fault_proxy.rules.clear()
    assert push_line(fault_proxy.query_url, seeds_trig)[0] == 0
    assert_as_one_clean_push(oxigraph_server, local)


def stop_after(server: Server, graphs: int) -> Callable[[str, int], None]:
    done: list[str] = []

    def progress(name: str, triples: int) -> None:
        done.append(name)
        if len(done) == graphs:
            stop_server(server)

    return progress


def test_a_server_stopped_mid_push_then_restarted_gets_the_rest(
    oxigraph_server: Server, local: OxigraphStore, tmp_path: Path
) -> None:
    remote = remote_for(oxigraph_server.query_url)
    with pytest.raises(PushError) as caught:
        push_store(local, remote, policy=FAST, progress=stop_after(oxigraph_server, 3))
    message = str(caught.value)
    assert "connection refused" in message and "3 graphs made it" in message
    assert len(caught.value.report.graphs) == 3
    location = tmp_path / "server-store"  # where the `oxigraph_server` fixture keeps it
    again = start_server(location, port=oxigraph_server.port, writable=True)
    try:
        assert len(graph_sizes(remote)) == 3  # what made it was kept
        report = push_store(local, remote, policy=FAST)
        assert len(report.graphs) == 8 and report.retries == 0
        assert_as_one_clean_push(again, local)
    finally:
        stop_server(again)


def test_a_wrong_login_is_refused_at_once_and_never_shown(
    fault_proxy: FaultProxy,
    oxigraph_server: Server,
    local: OxigraphStore,
    seeds_trig: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fault_proxy.login = ("publisher", SECRET)
    monkeypatch.setenv("KG_ENDPOINT_USER", "publisher")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "wr0ng-password")
    status, line = push_line(fault_proxy.query_url, seeds_trig)
    assert status == 1 and "HTTP 401" in line and "KG_ENDPOINT_PASSWORD" in line
    assert "wr0ng" not in line and "no graph made it" in line
    assert len(fault_proxy.log) == 1  # a refusal is not retried
    query = ["query", "meetings", "--endpoint", fault_proxy.query_url]
    refused = CliRunner().invoke(cli, query)
    assert refused.exit_code == 1 and "HTTP 401" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", SECRET)
    assert push_line(fault_proxy.query_url, seeds_trig)[0] == 0
    assert_as_one_clean_push(oxigraph_server, local)
    answered = CliRunner().invoke(cli, [*query, "--format", "csv"])
    local_rows = CliRunner().invoke(
        cli, ["query", "meetings", "--data", str(seeds_trig), "--format", "csv"]
    )
    assert answered.exit_code == 0 and answered.output == local_rows.output
