"""`kg serve`: a local, read-only oxigraph endpoint over a graph file or store."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.queries import run_query
from kg.remote import EndpointError, RemoteStore, make_endpoint
from kg.serve import Server, serve_data, server_command, store_location
from kg.store import open_data


def test_the_server_binds_loopback_and_unions_the_default_graph(tmp_path: Path) -> None:
    command = server_command(tmp_path, host="127.0.0.1", port=7878)
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1] == "127.0.0.1:7878"
    assert "--union-default-graph" in command
    writable = server_command(tmp_path, host="127.0.0.1", port=1, writable=True)
    assert writable[1] == "serve"


def test_a_missing_graph_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="no such file"):
        with store_location(tmp_path / "missing.ttl"):
            pass


@pytest.mark.server
def test_serve_answers_the_saved_queries_then_cleans_up(seeds_trig: Path) -> None:
    seen: dict[str, object] = {}

    def ready(server: Server) -> None:
        remote = RemoteStore(make_endpoint(server.query_url, environ={}, timeout=5))
        seen["rows"] = run_query(remote, "meetings", {}).rows
        with pytest.raises(EndpointError):  # read-only unless --writable
            remote.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        seen["location"] = Path(server.process.args[3])  # type: ignore[index]
        # SIGTERM, not SIGINT: a shell starting tests in the background (`cmd &`)
        # makes them ignore SIGINT, and the server inherits that and never stops.
        server.process.send_signal(signal.SIGTERM)

    serve_data(seeds_trig, port=0, on_ready=ready)
    local = run_query(open_data(seeds_trig), "meetings", {}).rows
    assert seen["rows"] == local and len(local) == 5
    assert not Path(str(seen["location"])).exists()


@pytest.mark.server
def test_kg_serve_prints_the_url_and_stops_on_sigterm(seeds_trig: Path) -> None:
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    process = subprocess.Popen(
        [*kg, "serve", "--data", str(seeds_trig), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line
        url = line.split()[2]
        remote = RemoteStore(make_endpoint(url, environ={}, timeout=5))
        assert remote.ask("ASK { ?m a <https://w3id.org/police-kg/def#Meeting> }")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        with pytest.raises(EndpointError, match="cannot connect"):
            remote.ask("ASK {}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
