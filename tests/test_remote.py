"""The remote backend: endpoint URLs, credentials, and saved queries run both ways."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import Stub

from kg.cli import cli
from kg.credentials import find_credentials
from kg.errors import KgError
from kg.push import push_data
from kg.queries import load_query, query_names, run_query
from kg.remote import EndpointError, RemoteStore, make_endpoint, open_source
from kg.serve import Server
from kg.store import Results, open_data


def test_oxigraph_urls_are_guessed_from_the_query_url() -> None:
    endpoint = make_endpoint("http://127.0.0.1:7878/query", environ={})
    assert endpoint.update_url == "http://127.0.0.1:7878/update"
    assert endpoint.store_url == "http://127.0.0.1:7878/store"


def test_fuseki_and_virtuoso_urls_are_guessed() -> None:
    fuseki = make_endpoint("http://localhost:3030/kg/sparql", environ={})
    assert fuseki.store_url == "http://localhost:3030/kg/data"
    virtuoso = make_endpoint("http://localhost:8890/sparql", environ={})
    assert virtuoso.store_url == "http://localhost:8890/sparql-graph-crud-auth"


def test_an_unknown_layout_needs_graph_store() -> None:
    with pytest.raises(KgError, match="give --graph-store"):
        make_endpoint("http://localhost:9999/", environ={})
    given = make_endpoint("http://h:9/", graph_store="http://x/gsp", environ={})
    assert given.store_url == "http://x/gsp"


def test_credentials_in_the_url_are_refused_without_echoing_them() -> None:
    with pytest.raises(KgError) as caught:
        make_endpoint("http://me:hunter2@localhost:7878/query", environ={})
    assert "hunter2" not in str(caught.value)
    assert "KG_ENDPOINT_USER" in str(caught.value)


def test_credentials_come_from_the_environment_first(tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine db.example login fromnetrc password p1\n")
    netrc.chmod(0o600)
    env = {"KG_ENDPOINT_USER": "fromenv", "KG_ENDPOINT_PASSWORD": "p2"}
    found = find_credentials("http://db.example/q", env, netrc_file=str(netrc))
    assert found is not None and (found.user, found.password) == ("fromenv", "p2")
    assert "p2" not in repr(found)


def test_credentials_fall_back_to_the_netrc_entry_of_the_host(tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine db.example login ann password s3cret\n")
    netrc.chmod(0o600)
    found = find_credentials("https://db.example/q", {"NETRC": str(netrc)})
    assert found is not None and (found.user, found.password) == ("ann", "s3cret")
    assert find_credentials("https://other.example/q", {"NETRC": str(netrc)}) is None


def test_data_and_endpoint_are_exclusive() -> None:
    with pytest.raises(KgError, match="either --data"):
        open_source(None, None)
    with pytest.raises(KgError, match="either --data"):
        open_source(Path("x.ttl"), "http://127.0.0.1:1/query")


def sample_params(name: str, local: Results | None = None) -> dict[str, str]:
    """Values for a saved query's required parameters, taken from the seeds."""
    values = {"topic": "cyber-crime", "name": "", "force": "avon-and-somerset"}
    if local is not None and local.rows:
        values["name"] = local.rows[0][local.variables.index("name")].value
    return {p.name: values[p.name] for p in load_query(name).params if not p.optional}


@pytest.fixture()
def pushed(oxigraph_server: Server, seeds_trig: Path) -> RemoteStore:
    """The oxigraph server holding the seeds, pushed with `kg push`."""
    endpoint = make_endpoint(oxigraph_server.query_url, environ={}, timeout=10)
    push_data(seeds_trig, endpoint, show_progress=False)
    return RemoteStore(endpoint)


@pytest.mark.server
def test_every_saved_query_gives_the_same_rows_both_ways(
    pushed: RemoteStore, seeds_trig: Path
) -> None:
    local = open_data(seeds_trig)
    people = run_query(local, "participants", {})
    nonempty = 0
    for name in query_names():
        params = sample_params(name, people)
        here, there = run_query(local, name, params), run_query(pushed, name, params)
        assert here.variables == there.variables, name
        assert sorted(map(str, here.rows)) == sorted(map(str, there.rows)), name
        nonempty += bool(here.rows)
    assert nonempty >= 4, "too few saved queries return rows on the seeds to compare"


@pytest.mark.server
def test_cli_query_at_the_endpoint_prints_what_the_local_query_prints(
    pushed: RemoteStore, seeds_trig: Path
) -> None:
    args = ["query", "pccs-discussing", "--param", "topic=cyber-crime"]
    args += ["--format", "csv"]
    runner = CliRunner()
    here = runner.invoke(cli, [*args, "--data", str(seeds_trig)])
    there = runner.invoke(cli, [*args, "--endpoint", pushed.endpoint.query_url])
    assert here.exit_code == there.exit_code == 0, there.output
    assert here.output == there.output
    meetings = ["query", "meetings", "--format", "csv"]
    local_rows = runner.invoke(cli, [*meetings, "--data", str(seeds_trig)]).output
    url = pushed.endpoint.query_url
    remote_rows = runner.invoke(cli, [*meetings, "--endpoint", url]).output
    assert remote_rows == local_rows and local_rows.count("\n") > 1


@pytest.mark.server
def test_a_bad_query_at_the_endpoint_is_a_one_line_error(pushed: RemoteStore) -> None:
    with pytest.raises(EndpointError, match="HTTP 400") as caught:
        pushed.select("SELECT WHERE nonsense")
    assert "\n" not in str(caught.value)


def run_failing_query(url: str, *extra: str) -> str:
    args = ["query", "meetings", "--endpoint", url, *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.server
def test_query_at_a_closed_port_is_one_line(closed_port: int) -> None:
    line = run_failing_query(f"http://127.0.0.1:{closed_port}/query")
    assert f"127.0.0.1:{closed_port}" in line and "cannot connect" in line


@pytest.mark.server
def test_query_answered_500_is_one_line(http_stub: Callable[..., Stub]) -> None:
    stub = http_stub([500])
    line = run_failing_query(stub.url)
    assert stub.url in line and "500" in line


@pytest.mark.server
def test_query_that_times_out_is_one_line(http_stub: Callable[..., Stub]) -> None:
    stub = http_stub([200], delay=2.5)
    line = run_failing_query(stub.url, "--timeout", "1")
    assert stub.url in line and "timeout" in line


@pytest.mark.server
def test_a_comment_word_does_not_turn_a_select_into_an_update(
    pushed: RemoteStore,
) -> None:
    # SPARQLWrapper takes the first keyword it finds, in comments too: "drops" = DROP.
    text = "# This drops nothing and adds nothing.\nSELECT (1 AS ?one) {}"
    assert pushed.select(text).rows[0][0].value == "1"  # type: ignore[union-attr]
    assert pushed.ask("# insert a comment\nASK {}")
