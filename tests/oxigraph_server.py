"""Fixtures for the endpoint tests: a real oxigraph server, stub HTTP servers, seeds.

Registered from `tests/conftest.py` through `pytest_plugins`. Every server binds
127.0.0.1 on a port the system hands out, lives in a temporary folder and is stopped in
the fixture's teardown, so a failing test leaves no process behind.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.serve import Server, free_port, start_server, stop_server

LOOPBACK = "127.0.0.1"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds as `kg ingest seeds --out seeds.trig` writes them (graphs kept)."""
    path = tmp_path_factory.mktemp("seeds-trig") / "seeds.trig"
    args = ["ingest", str(SEEDS), "--out", str(path), "--no-validate"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[Server]:
    """A fresh, empty, writable oxigraph server with `--union-default-graph`."""
    server = start_server(tmp_path / "server-store", host=LOOPBACK, writable=True)
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture()
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (an endpoint that is down)."""
    return free_port(LOOPBACK)


@dataclass
class Stub:
    """A scripted HTTP server: the statuses it answers in turn, and what it was sent."""

    statuses: list[int]
    delay: float = 0.0
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        """The stub's URL, shaped like an oxigraph query endpoint."""
        return f"http://{LOOPBACK}:{self.port}/query"

    def next_status(self) -> int:
        """The status for the next request (the last one repeats)."""
        return self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]


def _handler(stub: Stub) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            stub.requests.append((self.command, self.path, dict(self.headers)))
            if stub.delay:
                time.sleep(stub.delay)
            status = stub.next_status()
            body = b"" if status == 204 else b"stub answer"
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout tests)

        do_GET = do_POST = do_PUT = _answer  # noqa: N815 (http.server's names)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Keep the test output quiet."""

    return Handler


@pytest.fixture()
def http_stub() -> Iterator[Callable[..., Stub]]:
    """A factory of stub servers on 127.0.0.1: `http_stub([503, 204], delay=0)`."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(statuses: list[int], *, delay: float = 0.0) -> Stub:
        stub = Stub(list(statuses), delay)
        server = http.server.ThreadingHTTPServer((LOOPBACK, 0), _handler(stub))
        server.daemon_threads = True
        stub.port = int(server.server_address[1])
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return stub

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
