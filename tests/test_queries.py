"""The query runner: loading by name, the `#+` header, binding values as RDF terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.namespaces import ID
from kg.queries import (
    Param,
    bind_params,
    load_query,
    parse_query,
    query_names,
    run_query,
    where_brace,
    with_values,
)
from kg.store import OxigraphStore, memory_store

EX = Namespace("http://example.org/")

DATED = """#+ summary: Meetings on or after a date, of a force.
#+ params: force: force (optional), since: xsd:date (optional)
PREFIX ex: <http://example.org/>
SELECT ?meeting ?date
WHERE {
  ?meeting ex:date ?date ; ex:force ?force .
  FILTER(!BOUND(?since) || ?date >= ?since)
}
ORDER BY ?meeting
"""


@pytest.fixture
def dated_store() -> OxigraphStore:
    graph = Graph()
    for name, day, force in (
        ("m1", "2017-01-05", "avon-and-somerset"),
        ("m2", "2019-06-01", "avon-and-somerset"),
        ("m3", "2020-02-02", "thames-valley"),
    ):
        graph.add((EX[name], EX.date, Literal(day, datatype=XSD.date)))
        graph.add((EX[name], EX.force, ID[f"force/{force}"]))
    store = memory_store()
    store.replace_graph(EX.g, graph)
    return store


def meetings(store: OxigraphStore, params: dict[str, str]) -> list[str]:
    query = parse_query("dated", DATED, origin="dated.rq")
    results = run_query(store, query, params)
    return [row[0].value.rsplit("/", 1)[-1] for row in results.rows if row[0]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["m1", "m2", "m3"]),
        ({"since": "2019-01-01"}, ["m2", "m3"]),
        ({"force": "avon-and-somerset"}, ["m1", "m2"]),
        ({"force": str(ID["force/thames-valley"])}, ["m3"]),
        ({"force": "avon-and-somerset", "since": "2018-01-01"}, ["m2"]),
    ],
)
def test_parameters_bind_as_terms_even_outside_the_projection(
    dated_store: OxigraphStore, params: dict[str, str], expected: list[str]
) -> None:
    assert meetings(dated_store, params) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"colour": "red"}, "unknown parameter 'colour'"),
        ({"since": "15 March 2017"}, "since='15 March 2017'"),
        ({"force": "x> } ; DROP ALL ; #"}, "not a force key"),
    ],
)
def test_bad_parameters_are_one_line_errors(
    dated_store: OxigraphStore, params: dict[str, str], message: str
) -> None:
    with pytest.raises(KgError) as raised:
        meetings(dated_store, params)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_string_value_cannot_change_the_query() -> None:
    query = parse_query(
        "q", "#+ params: name: string\nSELECT ?name WHERE { }", origin="q.rq"
    )
    store = memory_store()
    hostile = '" } ; DROP ALL ; SELECT * { "'
    results = run_query(store, query, {"name": hostile})
    assert results.rows == ((ox.Literal(hostile),),)


def test_a_required_parameter_must_be_given() -> None:
    query = parse_query(
        "q", "#+ params: topic: topic\nSELECT * { ?s ?p ?topic }", origin="q.rq"
    )
    with pytest.raises(KgError, match="missing parameter --param topic=VALUE"):
        bind_params(query, {})


@pytest.mark.parametrize(
    ("declared", "value", "term"),
    [
        ("topic: topic", "cyber-crime", ox.NamedNode(str(ID["topic/cyber-crime"]))),
        ("topic: IRI", "cyber-crime", ox.NamedNode(str(ID["topic/cyber-crime"]))),
        ("x: iri", "id:topic/cyber-crime", ox.NamedNode(str(ID["topic/cyber-crime"]))),
        ("x: iri", "http://example.org/a", ox.NamedNode("http://example.org/a")),
        ("x: integer", "007", ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer)))),
        ("x: xsd:string", "Cllr Jones", ox.Literal("Cllr Jones")),
        ("x", "Cllr Jones", ox.Literal("Cllr Jones")),
        (
            "x: xsd:date",
            "2017-03-15",
            ox.Literal("2017-03-15", datatype=ox.NamedNode(str(XSD.date))),
        ),
    ],
)
def test_each_declared_type_reads_its_term(
    declared: str, value: str, term: ox.NamedNode | ox.Literal
) -> None:
    query = parse_query("q", f"#+ params: {declared}\nSELECT * {{ }}", origin="q.rq")
    (name,) = [p.name for p in query.params]
    assert bind_params(query, {name: value}) == {name: term}


def test_header_reads_summary_and_params() -> None:
    query = parse_query("dated", DATED, origin="dated.rq")
    assert query.summary == "Meetings on or after a date, of a force."
    assert query.params == (
        Param("force", "force", optional=True),
        Param("since", "xsd:date", optional=True),
    )


def test_an_unknown_parameter_type_is_a_broken_query() -> None:
    with pytest.raises(KgError, match="q.rq: parameter type 'colour'"):
        parse_query("q", "#+ params: x: colour\nSELECT * { }", origin="q.rq")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", 15),
        ("PREFIX a: <http://x/#> SELECT * { ?s ?p ?o }", 32),
        ("# a comment { with a brace\nSELECT * { ?s ?p ?o }", 36),
        ('SELECT (CONCAT("{", ?x) AS ?y) { ?s ?p ?x }', 31),
        ("SELECT (IF(?a < 3, 1, 2) AS ?b) { ?s ?p ?a }", 32),
        ("SELECT ?x", None),
    ],
)
def test_where_brace_skips_iris_strings_comments_and_expressions(
    text: str, expected: int | None
) -> None:
    assert where_brace(text) == expected
    if expected is not None:
        assert text[expected] == "{"


def test_with_values_leaves_a_query_without_parameters_alone() -> None:
    assert with_values(DATED, {}, origin="q") == DATED


def test_saved_queries_load_by_name_with_a_summary() -> None:
    names = query_names()
    assert "pccs-discussing" in names
    for name in names:
        query = load_query(name)
        assert query.name == name
        assert query.summary, f"queries/{name}.rq has no #+ summary"


def test_every_saved_query_runs_on_the_seeds(seed_store: OxigraphStore) -> None:
    for name in query_names():
        query = load_query(name)
        params = {
            p.name: "cyber-crime"
            if p.type in ("topic", "iri")
            else "avon-and-somerset"
            if p.type == "force"
            else "2017-01-01"
            if p.type == "xsd:date"
            else "x"
            for p in query.params
            if not p.optional
        }
        results = run_query(seed_store, query, params)
        assert results.variables, name


@pytest.mark.parametrize(
    "name", ["../queries/participants", "no-such-query", ".hidden"]
)
def test_unknown_or_escaping_names_are_refused(name: str) -> None:
    with pytest.raises(KgError):
        load_query(name)


def test_a_query_file_path_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("#+ summary: Mine.\nSELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    query = load_query(str(path))
    assert (query.name, query.summary, query.origin) == ("mine", "Mine.", str(path))


def test_a_broken_query_file_names_itself_when_run(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?s WHERE { ?s ?p ", encoding="utf-8")
    with pytest.raises(KgError) as raised:
        run_query(memory_store(), load_query(str(path)), {})
    assert str(path) in str(raised.value)
    assert "\n" not in str(raised.value)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_string_value_comes_back_unchanged(value: str) -> None:
    query = parse_query("q", "#+ params: v: string\nSELECT ?v WHERE { }", origin="q")
    results = run_query(memory_store(), query, {"v": value})
    assert results.rows == ((ox.Literal(value),),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such query file"),
        (b"SELECT \xe9", "not UTF-8 text"),
        (b"  \n", "empty query file"),
        (b"#+ params: x: colour\nSELECT * { }", "parameter type 'colour'"),
    ],
)
def test_unusable_query_files_name_themselves(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "q.rq"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KgError) as raised:
        load_query(str(path))
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)
