"""Saved-query parameters carrying SPARQL syntax are data: they change only the answer.

Every declared parameter of every saved query, and every parameter type, gets values
written to break out of a literal or an IRI (`"} ; DROP ALL #`, `<iri>`, quotes,
newlines). Each run must either answer (no rows: nothing is called that) or refuse the
value in one line naming it, and the store must hold exactly what it held before, on
the embedded store and on a real SPARQL server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import PERSON, SCRIPT, SPARQL, hostile_graph

from kg.cli import cli
from kg.errors import KgError
from kg.push import push_store
from kg.queries import TYPES, load_query, parse_query, query_names, run_query
from kg.remote import RemoteStore, make_endpoint
from kg.serve import Server
from kg.store import GraphStore, OxigraphStore, open_data

HOSTILE = (
    SPARQL,
    '"} ; DROP ALL ; SELECT * { ?s ?p "',
    "x' } ; CLEAR ALL #",
    "<http://example.org/a> } ; DROP ALL #",
    "http://example.org/a> } ; DROP ALL ; INSERT DATA { <http://x/a> <http://x/b> <http://x/c>",
    "id:topic/x> } ; DROP ALL #",
    "cyber-crime\n} ; DROP ALL",
    "avon-and-somerset> } DROP ALL {<x",
    '2017-01-01"^^xsd:date } ; DROP ALL #',
    "2017-01-01\n} ; DROP ALL #",
    '\\" } ; DROP ALL #',
    '"""',
    "?s",
    "$name",
    "VALUES ?x { 1 }",
    SCRIPT,
    "",
    "\x00\x1b[31m",
    "é 漢字 😀 \u202e",
)
# A value each type accepts, for the parameters a run needs besides the hostile one.
VALID = {
    "force": "avon-and-somerset",
    "topic": "cyber-crime",
    "iri": "id:topic/x",
    "xsd:date": "2017-01-01",
    "date": "2017-01-01",
    "string": PERSON,
    "xsd:string": PERSON,
    "integer": "1",
    "xsd:integer": "1",
}
PARAMETERS = [
    (name, param.name) for name in query_names() for param in load_query(name).params
]


@pytest.fixture(scope="module")
def hostile_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_graph(tmp_path_factory)


def digest(store: GraphStore) -> str:
    text = "\n".join(sorted(map(str, store.quads())))
    return hashlib.sha256(text.encode()).hexdigest()


def run_hostile(store: GraphStore, name: str, param: str) -> Iterator[str]:
    """Run `name` with each hostile value of `param`; yield a line per outcome."""
    query = load_query(name)
    others = {
        p.name: VALID[p.type]
        for p in query.params
        if not p.optional and p.name != param
    }
    for value in HOSTILE:
        try:
            results = run_query(store, query, {**others, param: value})
        except KgError as error:
            message = str(error)
            assert "\n" not in message and f"{param}=" in message, message
            yield "refused"
            continue
        assert results.rows == (), (name, param, value, results.rows)
        yield "answered"


@pytest.fixture(scope="module")
def hostile_store(hostile_trig: Path) -> OxigraphStore:
    return open_data(hostile_trig)


def test_the_saved_queries_have_every_kind_of_parameter() -> None:
    kinds = {p.type for q, _ in PARAMETERS for p in load_query(q).params}
    assert {"force", "topic", "iri", "xsd:date", "xsd:string"} <= kinds


@pytest.mark.parametrize(("name", "param"), PARAMETERS)
def test_hostile_values_change_only_the_answer(
    hostile_store: OxigraphStore, name: str, param: str
) -> None:
    before = digest(hostile_store)
    outcomes = list(run_hostile(hostile_store, name, param))
    assert len(outcomes) == len(HOSTILE)
    assert digest(hostile_store) == before


@pytest.mark.parametrize("kind", sorted(TYPES))
def test_every_parameter_type_binds_hostile_text_as_data(
    hostile_store: OxigraphStore, kind: str
) -> None:
    query = parse_query(
        "probe",
        f"#+ params: v: {kind}\nSELECT ?s WHERE {{ ?s ?p ?o FILTER(?o = ?v) }}",
        origin="probe.rq",
    )
    before = digest(hostile_store)
    for value in HOSTILE:
        try:
            rows = run_query(hostile_store, query, {"v": value}).rows
        except KgError as error:
            assert "\n" not in str(error) and "v=" in str(error)
            continue
        assert rows == ()
    assert digest(hostile_store) == before


def test_quotes_in_a_value_find_exactly_what_they_name(
    hostile_store: OxigraphStore,
) -> None:
    for spelling in (PERSON, PERSON.upper()):
        rows = run_query(hostile_store, "attendance-record", {"name": spelling}).rows
        assert [str(r[1].value if r[1] else "") for r in rows] == [
            "https://w3id.org/police-kg/id/person/avon-and-somerset/ann-obrien"
        ]
        assert rows[0][2] is not None and rows[0][2].value.endswith("/900-hostile")
    since = run_query(hostile_store, "meetings", {"since": "2017-03-15"}).rows
    assert any(str(c.value).endswith("/900-hostile") for r in since for c in r if c)


def test_the_cli_prints_no_rows_for_a_hostile_name(hostile_trig: Path) -> None:
    args = [
        "query",
        "attendance-record",
        "--data",
        str(hostile_trig),
        "--param",
        f"name={PERSON}\n}} ; DROP ALL #",
        "--format",
        "csv",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "name,person,meeting,date,body,status,role,substituteFor,quote"
    ]


@pytest.mark.server
def test_hostile_values_at_a_real_endpoint_change_nothing(
    oxigraph_server: Server, hostile_store: OxigraphStore
) -> None:
    remote = RemoteStore(make_endpoint(oxigraph_server.query_url, environ={}))
    push_store(hostile_store, remote)
    before = {str(q) for q in remote.quads()}
    assert len(before) == len(hostile_store.oxigraph)
    for name, param in PARAMETERS:
        assert len(list(run_hostile(remote, name, param))) == len(HOSTILE)
    found = run_query(remote, "attendance-record", {"name": PERSON}).rows
    assert len(found) == 1
    assert {str(q) for q in remote.quads()} == before
