"""A fault injector: a small HTTP proxy in front of a real oxigraph server.

It forwards every request unchanged to the real server and answers with the real
server's answer, except where a rule says otherwise: answer an HTTP error instead of
forwarding (for requests about one graph), forward then wait before answering (so the
client times out although the server did the work), or ask for an HTTP Basic login.
It injects faults; the SPARQL answers always come from the real server.
"""

from __future__ import annotations

import base64
import http.client
import http.server
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"
# Headers that describe one hop, not the request: never forwarded.
_HOP_HEADERS = frozenset({"connection", "keep-alive", "transfer-encoding", "host"})


@dataclass
class Rule:
    """A fault for requests whose graph IRI contains `graph`: what, how many times."""

    graph: str
    status: int = 0
    delay: float = 0.0
    times: int = 1  # -1: every time
    skip: int = 0  # let this many matching requests through first
    seen: int = 0


@dataclass
class FaultProxy:
    """The proxy's settings, and what it saw: (method, graph or "", status) each."""

    upstream_port: int
    port: int = 0
    rules: list[Rule] = field(default_factory=list)
    login: tuple[str, str] | None = None
    log: list[tuple[str, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def query_url(self) -> str:
        """The proxy's URL, shaped like the oxigraph server's query URL."""
        return f"http://{LOOPBACK}:{self.port}/query"

    def fault_for(self, graph: str) -> Rule | None:
        """The rule that applies to this request, counting it; None: forward it."""
        with self.lock:
            for rule in self.rules:
                if not graph or rule.graph not in graph:
                    continue
                rule.seen += 1
                if rule.seen > rule.skip and (
                    rule.times < 0 or rule.seen - rule.skip <= rule.times
                ):
                    return rule
        return None

    def authorised(self, header: str | None) -> bool:
        """Tell whether the `Authorization` header carries the required login."""
        if self.login is None:
            return True
        token = base64.b64encode(":".join(self.login).encode()).decode()
        return header == f"Basic {token}"


def graph_of(path: str) -> str:
    """The graph IRI named by a Graph Store Protocol request path ("" for none)."""
    query = urllib.parse.urlsplit(path).query
    return urllib.parse.parse_qs(query).get("graph", [""])[0]


def _handler(proxy: FaultProxy) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _relay(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            graph = graph_of(self.path)
            if not proxy.authorised(self.headers.get("Authorization")):
                proxy.log.append((self.command, graph, 401))
                self._answer(401, {"WWW-Authenticate": 'Basic realm="kg"'}, b"")
                return
            rule = proxy.fault_for(graph)
            if rule is not None and rule.status:
                proxy.log.append((self.command, graph, rule.status))
                self._answer(rule.status, {}, b"injected fault")
                return
            status, headers, answer = self._forward(body)
            if rule is not None and rule.delay:
                time.sleep(rule.delay)
            proxy.log.append((self.command, graph, status))
            self._answer(status, headers, answer)

        def _forward(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
            upstream = http.client.HTTPConnection(LOOPBACK, proxy.upstream_port, 30)
            headers = {
                k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS
            }
            headers.pop("Authorization", None)
            try:
                upstream.request(self.command, self.path, body or None, headers)
                reply = upstream.getresponse()
                answer = reply.read()
                kept = {
                    k: v
                    for k, v in reply.getheaders()
                    if k.lower() not in _HOP_HEADERS | {"content-length"}
                }
                return reply.status, kept, answer
            except OSError:
                return 502, {}, b"upstream unreachable"
            finally:
                upstream.close()

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout faults)
            self.close_connection = True

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _relay  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Keep the test output quiet."""

    return Handler


def start_proxy(proxy: FaultProxy) -> http.server.ThreadingHTTPServer:
    """Start serving `proxy` on a free port of 127.0.0.1 (its `port` is set)."""
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), _handler(proxy))
    server.daemon_threads = True
    proxy.port = int(server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
