"""The query runner: loading by name, the `#+` header, binding values as RDF terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import XSD

from kg.cli import cli
from kg.errors import KgError
from kg.namespaces import ID, KG
from kg.queries import (
    Param,
    bind_params,
    keep_blocks,
    load_query,
    parse_query,
    query_names,
    run_page,
    run_query,
    where_brace,
    with_page,
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


# The force parameter drives the join through a block kept only when it is bound.
BLOCKED = """#+ params: force: force (optional), since: xsd:date (optional)
PREFIX ex: <http://example.org/>
SELECT ?meeting ?date
WHERE {
  #+ if force
  ?meeting ex:force ?force .
  #+ end
  ?meeting ex:date ?date .
  FILTER(!BOUND(?since) || ?date >= ?since)
}
ORDER BY ?meeting
"""


def blocked(store: OxigraphStore, params: dict[str, str]) -> list[str]:
    results = run_query(store, parse_query("b", BLOCKED, origin="b.rq"), params)
    return [row[0].value.rsplit("/", 1)[-1] for row in results.rows if row[0]]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"since": "2019-01-01"},
        {"force": "avon-and-somerset"},
        {"force": "thames-valley", "since": "2018-01-01"},
        {"force": "no-such-force"},
    ],
)
def test_a_block_kept_for_a_bound_parameter_gives_the_filtered_rows(
    dated_store: OxigraphStore, params: dict[str, str]
) -> None:
    assert blocked(dated_store, params) == meetings(dated_store, params)


def test_a_block_goes_when_its_parameter_is_left_out() -> None:
    query = parse_query("b", BLOCKED, origin="b.rq")
    declared = {p.name for p in query.params}
    bare = keep_blocks(query.text, set(), declared=declared, origin="b.rq")
    kept = keep_blocks(query.text, {"force"}, declared=declared, origin="b.rq")
    assert "ex:force" not in bare and "#+" not in bare.split("WHERE")[1]
    assert "?meeting ex:force ?force ." in kept and "#+ end" not in kept


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("#+ if colour\n?s ?p ?o .\n#+ end", "unknown parameter '#+ if colour'"),
        ("#+ if force\n?s ?p ?force .", "`#+ if force` has no `#+ end`"),
        ("?s ?p ?o .\n#+ end", "a stray '#+ end'"),
        ("#+ if force\n#+ if force\n#+ end\n#+ end", "a stray '#+ if force'"),
        ("?s ?p ?o .\n#+ else", "a stray '#+ else'"),
        ("#+ if has zz:key\n?s ?p ?o .\n#+ end", "unknown parameter '#+ if has zz"),
    ],
)
def test_a_misplaced_block_is_a_broken_query(body: str, message: str) -> None:
    text = f"#+ params: force: force (optional)\nSELECT * {{\n{body}\n}}"
    with pytest.raises(KgError, match="q.rq: ") as raised:
        parse_query("q", text, origin="q.rq")
    assert message in str(raised.value)


HAS_KEY = """#+ summary: How a name would be found.
#+ params: force: force (optional)
PREFIX kg: <https://w3id.org/police-kg/def#>
SELECT ?how ?by WHERE {
  #+ if has kg:nameKey
  BIND("key" AS ?how)
  #+ else
  BIND("scan" AS ?how)
  #+ end
  #+ if force
  BIND("force" AS ?by)
  #+ else
  BIND("all" AS ?by)
  #+ end
}
"""


def test_a_data_block_is_kept_when_the_store_holds_its_property() -> None:
    query = parse_query("has", HAS_KEY, origin="has.rq")
    store = memory_store()
    bare = run_query(store, query, {}).rows
    assert bare == ((ox.Literal("scan"), ox.Literal("all")),)
    graph = Graph()
    graph.add((EX.someone, KG.nameKey, Literal("ann bee")))
    store.replace_graph(EX.g, graph)
    rows = run_query(store, query, {"force": "avon-and-somerset"}).rows
    assert rows == ((ox.Literal("key"), ox.Literal("force")),)


@pytest.mark.parametrize(
    "hostile",
    [
        "x\n#+ end\n} ; DROP ALL #",
        "avon-and-somerset\n#+ if force",
        '" } #+ end',
    ],
)
def test_a_hostile_value_cannot_open_or_close_a_block(
    dated_store: OxigraphStore, hostile: str
) -> None:
    before = sorted(map(str, dated_store.quads()))
    for name in ("force", "since"):
        with pytest.raises(KgError) as raised:
            blocked(dated_store, {name: hostile})
        assert "\n" not in str(raised.value) and f"{name}=" in str(raised.value)
    query = parse_query(
        "s",
        "#+ params: v: string (optional)\nSELECT ?v WHERE {\n#+ if v\n#+ end\n}",
        origin="s.rq",
    )
    assert run_query(dated_store, query, {"v": hostile}).rows == (
        (ox.Literal(hostile),),
    )
    assert sorted(map(str, dated_store.quads())) == before


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (None, 0, ["m1", "m2", "m3"]),
        (2, 0, ["m1", "m2"]),
        (2, 2, ["m3"]),
        (0, 0, []),
        (None, 1, ["m2", "m3"]),
        (5, 5, []),
    ],
)
def test_limit_and_offset_give_one_page_of_the_ordered_rows(
    dated_store: OxigraphStore, limit: int | None, offset: int, expected: list[str]
) -> None:
    query = parse_query("dated", DATED, origin="dated.rq")
    rows = run_query(dated_store, query, {}, limit=limit, offset=offset).rows
    assert [row[0].value.rsplit("/", 1)[-1] for row in rows if row[0]] == expected


def test_a_page_says_whether_more_rows_follow(dated_store: OxigraphStore) -> None:
    query = parse_query("dated", DATED, origin="dated.rq")
    assert run_page(dated_store, query, {}, limit=2).more
    assert not run_page(dated_store, query, {}, limit=3).more
    assert not run_page(dated_store, query, {}, limit=2, offset=1).more
    page = run_page(dated_store, query, {}, limit=None)
    assert (len(page.results.rows), page.more) == (3, False)


def test_a_query_with_its_own_limit_is_paged_after_it_runs(
    dated_store: OxigraphStore,
) -> None:
    text = DATED.replace("ORDER BY ?meeting", "ORDER BY ?meeting LIMIT 2")
    query = parse_query("own", text, origin="own.rq")
    rows = run_query(dated_store, query, {}, limit=5, offset=1).rows
    assert [row[0].value.rsplit("/", 1)[-1] for row in rows if row[0]] == ["m2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT * { ?s ?p ?o }\nLIMIT 3\nOFFSET 1\n"),
        ("SELECT * { ?s ?p ?o } # } LIMIT", "SELECT * { ?s ?p ?o } # } LIMIT\nLIMIT 3"),
        ('SELECT * { ?s ?p "}" } ORDER BY ?s', 'SELECT * { ?s ?p "}" } ORDER BY ?s\nL'),
        ("SELECT * { ?s ?p ?o } OFFSET 2", None),
        ("SELECT * { } VALUES ?s { 1 }", None),
        ("SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 1 } }", "SELECT * { { SELECT"),
    ],
)
def test_with_page_ends_the_query_unless_it_pages_itself(
    text: str, expected: str | None
) -> None:
    paged = with_page(text, 3, 1)
    if expected is None:
        assert paged is None
    else:
        assert paged is not None and paged.startswith(expected)
        assert paged.endswith("\nLIMIT 3\nOFFSET 1\n")


def test_a_negative_limit_or_offset_is_refused(dated_store: OxigraphStore) -> None:
    query = parse_query("dated", DATED, origin="dated.rq")
    for page in ({"limit": -1}, {"offset": -1}):
        with pytest.raises(KgError, match="whole number"):
            run_query(dated_store, query, {}, **page)


def test_the_terminal_table_shows_a_page_and_says_more_follow(
    seed_graph: Path,
) -> None:
    args = ["query", "participants", "--data", str(seed_graph)]
    every = CliRunner().invoke(cli, [*args, "--format", "csv"])
    total = len(every.stdout.splitlines()) - 1
    assert every.exit_code == 0 and "more follow" not in every.stderr and total > 3
    paged = CliRunner().invoke(cli, [*args, "--limit", "2", "--offset", "1"])
    assert paged.exit_code == 0, paged.output
    assert "(2 rows)" in paged.stdout
    assert "showing rows 2-3; more follow (--offset 3" in paged.stderr
    assert "--limit 0 for all" in paged.stderr
    whole = CliRunner().invoke(cli, [*args, "--limit", "0"])
    assert f"({total} rows)" in whole.stdout and not whole.stderr
    csv_page = CliRunner().invoke(cli, [*args, "--format", "csv", "--limit", "1"])
    assert len(csv_page.stdout.splitlines()) == 2 and "more follow" in csv_page.stderr


def test_a_table_shows_the_default_page_unless_asked_for_all(
    seed_graph: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.cli.TABLE_PAGE", 2)
    args = ["query", "participants", "--data", str(seed_graph)]
    table = CliRunner().invoke(cli, args)
    assert "(2 rows)" in table.stdout and "showing rows 1-2" in table.stderr
    whole = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert whole.exit_code == 0 and not whole.stderr


def test_select_rows_keep_column_order_with_none_for_unbound_and_triple_terms() -> None:
    results = memory_store().select(
        "SELECT ?t ?u ?x ?s WHERE { BIND(TRIPLE(<http://a>, <http://b>, <http://c>)"
        ' AS ?t) BIND(1 AS ?x) BIND("s" AS ?s) }'
    )
    assert results.variables == ("t", "u", "x", "s")
    one = ox.Literal("1", datatype=ox.NamedNode(str(XSD.integer)))
    assert results.rows == ((None, None, one, ox.Literal("s")),)
