"""Serving: a graph file or store folder in, a local SPARQL 1.1 endpoint process out.

`kg serve` runs the server binary of the `oxigraph` package (`pip install 'kg[server]'`)
with `--union-default-graph`, so the saved queries see every named graph as they do on
the embedded store. A graph file is first loaded into a store folder in a temporary
directory (removed on exit); a store folder is served in place. The server binds
127.0.0.1 unless told otherwise, and is read-only unless `writable` (then it takes
SPARQL Update and Graph Store requests, as `kg push` needs).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.store import folder_store, load_file

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
READY_TIMEOUT = 15.0
# The smallest query that proves the endpoint answers (`ASK {}`).
PROBE = "/query?query=ASK%7B%7D"


@dataclass(frozen=True, slots=True)
class Server:
    """A running server: its process and the URL of its SPARQL query endpoint."""

    process: subprocess.Popen[bytes]
    host: str
    port: int

    @property
    def base_url(self) -> str:
        """`http://HOST:PORT` (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL query URL (`/query`); `/update` and `/store` sit beside it."""
        return self.base_url + "/query"


def oxigraph_binary() -> str:
    """Find the `oxigraph` command: beside this Python first, then on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise KgError("the oxigraph server is not installed (pip install 'kg[server]')")
    return found


def free_port(host: str = DEFAULT_HOST) -> int:
    """Ask the system for a TCP port nobody listens on at `host`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def server_command(
    location: Path, *, host: str, port: int, writable: bool = False
) -> list[str]:
    """Build the command line that serves the store folder `location`."""
    mode = "serve" if writable else "serve-read-only"
    return [
        oxigraph_binary(),
        mode,
        "--location",
        str(location),
        "--bind",
        f"{host}:{port}",
        "--union-default-graph",
    ]


def start_server(
    location: Path, *, host: str = DEFAULT_HOST, port: int = 0, writable: bool = False
) -> Server:
    """Start a server over `location` (port 0: a free one) and wait until it answers."""
    chosen = port or free_port(host)
    command = server_command(location, host=host, port=chosen, writable=writable)
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Server(process, host, chosen)
    try:
        wait_until_ready(server)
    except BaseException:
        stop_server(server)
        raise
    return server


def wait_until_ready(server: Server, *, timeout: float = READY_TIMEOUT) -> None:
    """Poll the server until it answers a query; `KgError` if it dies or never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise KgError(f"the oxigraph server stopped: {_last_error(server)}")
        try:
            with urllib.request.urlopen(server.base_url + PROBE, timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    waited = f"no answer from the oxigraph server in {timeout:g} s"
    raise KgError(f"{server.base_url}: {waited}")


def _last_error(server: Server) -> str:
    pipe = server.process.stderr
    stderr = pipe.read().decode(errors="replace") if pipe is not None else ""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"exit status {server.process.returncode}"


def stop_server(server: Server, *, grace: float = 5.0) -> None:
    """Stop the server: SIGTERM, then SIGKILL if it is still there after `grace` s."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    if server.process.stderr is not None:
        server.process.stderr.close()


@contextmanager
def store_location(data: Path) -> Iterator[Path]:
    """Yield a store folder holding `data`: itself, or a temporary one for a file."""
    if data.is_dir():
        yield data
        return
    if not data.is_file():
        raise KgError(f"{data}: no such file or folder")
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as temp:
        location = Path(temp) / "store"
        store = folder_store(location)
        try:
            load_file(store, data)
        finally:
            store.close()
            # pyoxigraph releases the folder's lock when the store object goes.
            del store
        yield location


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_data(
    data: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    on_ready: Callable[[Server], None] | None = None,
) -> int:
    """Serve `data` until the server stops, Ctrl-C or SIGTERM; its exit status."""
    if threading.current_thread() is threading.main_thread():
        # A SIGTERM must unwind like Ctrl-C, so the server and temporary folder go too.
        signal.signal(signal.SIGTERM, _interrupt)
    with store_location(data) as location:
        server = start_server(location, host=host, port=port, writable=writable)
        try:
            if on_ready is not None:
                on_ready(server)
            return server.process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            stop_server(server)
