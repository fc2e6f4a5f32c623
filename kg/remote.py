"""Store stage, remote backend: SPARQL text and rdflib graphs in, HTTP requests out.

`RemoteStore` implements `kg.store.GraphStore` over any SPARQL 1.1 endpoint: SELECT and
ASK go through SPARQLWrapper (results as pyoxigraph terms, like the embedded store),
updates are POSTed to the update URL, and whole named graphs are replaced with one Graph
Store HTTP Protocol `PUT ?graph=IRI` (added to with `POST`). Queries see the endpoint's
default graph, which must be the union of the named graphs (oxigraph:
`--union-default-graph`; see `docs/endpoints.md` for Fuseki, GraphDB and Virtuoso).

Credentials never come from the command line (see `kg.credentials`: environment
variables, else a netrc file).
Every failure is an `EndpointError`: one line naming the URL (without credentials), with
`transient` set for the ones worth retrying (connection errors, timeouts, 429, 502-504).
"""

from __future__ import annotations

import base64
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from SPARQLWrapper import ASK, DIGEST, JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.credentials import (
    PASSWORD_VARIABLE,
    USER_VARIABLE,
    Credentials,
    find_credentials,
)
from kg.errors import KgError
from kg.store import GraphStore, Results, Term, open_data

DEFAULT_TIMEOUT = 30.0
# HTTP statuses a later attempt may get past: rate limit and gateway trouble.
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
USER_AGENT = "kg (police governance knowledge graph)"


class EndpointError(KgError):
    """A request to an endpoint failed; `transient` when retrying may succeed."""

    def __init__(
        self,
        message: str,
        *,
        transient: bool = False,
        status: int = 0,
        retry_after: float | None = None,
    ) -> None:
        """Keep a one-line `message`, the HTTP `status` (0: none) and `Retry-After`."""
        super().__init__(message)
        self.transient = transient
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Endpoint:
    """The URLs of one SPARQL 1.1 store: query, update, Graph Store; timeout; login."""

    query_url: str
    update_url: str
    store_url: str
    timeout: float = DEFAULT_TIMEOUT
    credentials: Credentials | None = field(default=None, repr=False)


def guess_urls(query_url: str) -> tuple[str, str] | None:
    """Guess the update and Graph Store URLs that go with a SPARQL query URL.

    >>> guess_urls("http://127.0.0.1:7878/query")
    ('http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
    >>> guess_urls("http://localhost:3030/ds/sparql")
    ('http://localhost:3030/ds/update', 'http://localhost:3030/ds/data')
    >>> guess_urls("http://localhost:7200/repositories/kg")[1]
    'http://localhost:7200/repositories/kg/rdf-graphs/service'
    """
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")

    def at(new_path: str) -> str:
        return urllib.parse.urlunsplit(parts._replace(path=new_path, query=""))

    if path == "/query":  # the oxigraph server
        return at("/update"), at("/store")
    if "/repositories/" in path:  # GraphDB, RDF4J
        return at(path + "/statements"), at(path + "/rdf-graphs/service")
    base, _, last = path.rpartition("/")
    if base and last in ("sparql", "query"):  # Fuseki: /dataset/sparql
        return at(base + "/update"), at(base + "/data")
    if path == "/sparql":  # Virtuoso
        return query_url, at("/sparql-graph-crud-auth")
    return None


def public_url(url: str) -> str:
    """`url` without any user name or password, fit for messages.

    >>> public_url("http://me:secret@example.org:8080/query?x=1")
    'http://example.org:8080/query?x=1'
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=host))


def make_endpoint(
    query_url: str,
    *,
    graph_store: str | None = None,
    update: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    environ: Mapping[str, str] | None = None,
) -> Endpoint:
    """Describe the endpoint `--endpoint URL [--graph-store URL]`, with its login."""
    for url in (u for u in (query_url, graph_store, update) if u):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KgError(f"{public_url(url)}: not an http(s) URL")
        if parts.username or parts.password:
            raise KgError(
                f"{public_url(url)}: put credentials in {USER_VARIABLE} and "
                f"{PASSWORD_VARIABLE} or a netrc file, not in the URL"
            )
    guessed = guess_urls(query_url) or (query_url, "")
    if not (graph_store or guessed[1]):
        name = public_url(query_url)
        raise KgError(f"{name}: cannot tell its Graph Store URL; give --graph-store")
    env = os.environ if environ is None else environ
    login = find_credentials(query_url, env)
    store = graph_store or guessed[1]
    return Endpoint(query_url, update or guessed[0], store, timeout, login)


def open_source(
    data: Path | None, endpoint: str | None, *, timeout: float = DEFAULT_TIMEOUT
) -> GraphStore:
    """Open what a reading command names: `--data PATH` or `--endpoint URL`."""
    if data is not None and endpoint is None:
        return open_data(data)
    if endpoint is not None and data is None:
        return RemoteStore(make_endpoint(endpoint, timeout=timeout))
    raise KgError("give either --data GRAPH or --endpoint URL")


def graph_url(store_url: str, graph: URIRef | None) -> str:
    """Give the Graph Store Protocol URL of the graph `graph` (None: the default graph).

    >>> graph_url("http://h/store", URIRef("https://w3id.org/g/1"))
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Fg%2F1'
    """
    sep = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{sep}default"
    return f"{store_url}{sep}graph={urllib.parse.quote(str(graph), safe='')}"


def send(
    endpoint: Endpoint, method: str, url: str, body: bytes, content_type: str
) -> int:
    """Send one HTTP request with the endpoint's login and timeout; give its status."""
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", content_type)
    request.add_header("User-Agent", USER_AGENT)
    login = endpoint.credentials
    if login is not None and not login.digest:
        token = base64.b64encode(f"{login.user}:{login.password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    shown = url.partition("?")[0]  # the graph is named by the caller, not the URL
    try:
        with _opener(endpoint).open(request, timeout=endpoint.timeout) as answer:
            answer.read()
            return int(answer.status)
    except urllib.error.HTTPError as error:
        failure = http_error(shown, error.code, error.reason)
        failure.retry_after = retry_after(error.headers.get("Retry-After"))
        raise failure from None
    except (urllib.error.URLError, OSError) as error:
        raise connection_error(shown, error, endpoint.timeout) from None


def retry_after(value: str | None) -> float | None:
    """Read a `Retry-After` header given in seconds (an HTTP date is ignored).

    >>> retry_after("3"), retry_after(None), retry_after("Wed, 21 Oct 2026 07:28 GMT")
    (3.0, None, None)
    """
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())


def _opener(endpoint: Endpoint) -> urllib.request.OpenerDirector:
    login = endpoint.credentials
    if login is None or not login.digest:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint.store_url, login.user, login.password)
    passwords.add_password(None, endpoint.update_url, login.user, login.password)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


# What to do about a refusal, added to its message.
_HINTS = {
    401: f"check {USER_VARIABLE}/{PASSWORD_VARIABLE} or the netrc entry",
    403: "the login has no right to do this",
    413: "the request is too big: lower --batch-size",
}


def http_error(url: str, status: int, reason: object) -> EndpointError:
    """Describe an HTTP error `status` from `url`.

    >>> str(http_error("http://u:p@h/store?graph=x", 401, "Unauthorized"))
    'http://h/store?graph=x: HTTP 401 Unauthorized (check KG_ENDPOINT_USER/\
KG_ENDPOINT_PASSWORD or the netrc entry)'
    """
    text = " ".join(str(reason or "").split())
    hint = f" ({_HINTS[status]})" if status in _HINTS else ""
    return EndpointError(
        f"{public_url(url)}: HTTP {status} {text}".rstrip() + hint,
        transient=status in TRANSIENT_STATUSES,
        status=status,
    )


def connection_error(url: str, error: BaseException, timeout: float) -> EndpointError:
    """Describe a request to `url` that got no HTTP answer (always transient)."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        text = f"no answer within {timeout:g} s (timeout)"
    elif isinstance(reason, ConnectionRefusedError):
        text = "cannot connect (connection refused: is the server running?)"
    else:
        detail = getattr(reason, "strerror", None) or str(reason)
        detail = detail or type(reason).__name__
        text = f"cannot connect ({' '.join(str(detail).split())})"
    return EndpointError(f"{public_url(url)}: {text}", transient=True)


class RemoteStore:
    """A `kg.store.GraphStore` over a SPARQL 1.1 endpoint (see `make_endpoint`)."""

    def __init__(self, endpoint: Endpoint) -> None:
        """Talk to `endpoint`; nothing is sent until the first call."""
        self.endpoint = endpoint

    def select(self, sparql: str) -> Results:
        """Run a SELECT query at the endpoint; its rows as pyoxigraph terms."""
        answer = self._query(sparql, SELECT)
        if "results" not in answer:
            raise KgError("not a SELECT query")
        names = tuple(answer.get("head", {}).get("vars", []))
        labels: dict[str, ox.BlankNode] = {}
        rows = tuple(
            tuple(json_to_term(b[n], labels) if n in b else None for n in names)
            for b in answer["results"]["bindings"]
        )
        return Results(names, rows)

    def ask(self, sparql: str) -> bool:
        """Run an ASK query at the endpoint."""
        answer = self._query(sparql, ASK)
        if "boolean" not in answer:
            raise KgError("not an ASK query")
        return bool(answer["boolean"])

    def update(self, sparql: str) -> None:
        """POST a SPARQL 1.1 Update to the update URL."""
        url = self.endpoint.update_url
        send(self.endpoint, "POST", url, sparql.encode(), "application/sparql-update")

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """PUT `graph` as the named graph `name` (Graph Store HTTP Protocol)."""
        self.put_graph(name, graph.serialize(format="nt", encoding="utf-8"))

    def add_ntriples(self, name: URIRef, data: bytes) -> None:
        """POST the N-Triples `data` into the graph `name` (Graph Store Protocol)."""
        self.post_graph(name, data)

    def post_graph(self, name: URIRef | None, ntriples: bytes) -> None:
        """Add the N-Triples `ntriples` to the graph `name` (None: default)."""
        url = graph_url(self.endpoint.store_url, name)
        send(self.endpoint, "POST", url, ntriples, "application/n-triples")

    def replace_graph_turtle(self, name: URIRef, documents: Iterable[str]) -> None:
        """PUT the triples of the Turtle `documents` as the named graph `name`."""
        triples = [t for text in documents for t in ox.parse(text, ox.RdfFormat.TURTLE)]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        self.put_graph(name, body or b"")

    def put_graph(self, name: URIRef | None, ntriples: bytes) -> None:
        """Make the graph `name` (None: default) hold exactly `ntriples`."""
        url = graph_url(self.endpoint.store_url, name)
        send(self.endpoint, "PUT", url, ntriples, "application/n-triples")

    def quads(self) -> Iterator[ox.Quad]:
        """Yield every quad of the named graphs (the default graph is their union)."""
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        for s, p, o, g in rows:
            if not isinstance(s, ox.NamedNode | ox.BlankNode) or o is None:
                continue
            if isinstance(p, ox.NamedNode) and isinstance(g, ox.NamedNode):
                yield ox.Quad(s, p, o, g)

    def close(self) -> None:
        """Nothing to release: each request has its own connection."""

    def _query(self, sparql: str, kind: str) -> dict[str, Any]:
        url = self.endpoint.query_url
        client = sparql_client(self.endpoint)
        client.setQuery(sparql)
        # SPARQLWrapper guesses the kind from the first keyword it sees, comments
        # included ("drops meetings" reads as DROP, sent as an update): we know it.
        client.queryType = kind
        try:
            answer = client.query().convert()
        except urllib.error.HTTPError as error:
            raise http_error(url, error.code, error.reason) from None
        except SPARQLWrapperException as error:
            raise wrapper_error(url, error) from None
        except (urllib.error.URLError, OSError) as error:
            raise connection_error(url, error, self.endpoint.timeout) from None
        except ValueError as error:  # the answer was not SPARQL JSON results
            message = f"{public_url(url)}: not a SPARQL JSON answer"
            raise EndpointError(message) from error
        if not isinstance(answer, dict):
            raise EndpointError(f"{public_url(url)}: not a SPARQL JSON answer")
        return answer


def sparql_client(endpoint: Endpoint) -> SPARQLWrapper:
    """Set up SPARQLWrapper for `endpoint`: POSTed queries, JSON results, login."""
    client = SPARQLWrapper(endpoint.query_url, agent=USER_AGENT)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(max(1, round(endpoint.timeout)))
    login = endpoint.credentials
    if login is not None:
        client.setCredentials(login.user, login.password)
        if login.digest:
            client.setHTTPAuth(DIGEST)
    return client


# SPARQLWrapper turns some HTTP statuses into its own exceptions.
_WRAPPER_STATUSES = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def wrapper_error(url: str, error: SPARQLWrapperException) -> EndpointError:
    """Describe a SPARQLWrapper exception (an HTTP error status it recognised)."""
    status = _WRAPPER_STATUSES.get(type(error).__name__, 0)
    reason = type(error).__name__
    if status == 400:
        lines = str(error).split("Response:", 1)[-1].strip().splitlines()
        reason = f"bad query: {lines[0] if lines else ''}"
    return http_error(url, status, reason)


def json_to_term(binding: Mapping[str, str], labels: dict[str, ox.BlankNode]) -> Term:
    """One binding of SPARQL JSON results as a pyoxigraph term.

    >>> json_to_term({"type": "literal", "value": "x", "xml:lang": "en"}, {})
    <Literal value=x language=en>
    """
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        # Labels only name a node within one answer; keep them apart from local ones.
        return labels.setdefault(value, ox.BlankNode())
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)
