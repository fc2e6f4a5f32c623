"""Checks run in Python (`kg.shacl_sparql.local`, `.values`) give the rows SPARQL gives.

Each local form is run on data full of edge cases (ill-formed and non-canonical
literals, language tags, blank nodes, IRIs where literals are expected) and its rows
compared with the rows of the same check's own query in Oxigraph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.shacl_sparql import Check, compile_shapes, oxigraph_select, to_oxigraph
from kg.shacl_sparql.local import Index, local_rows
from kg.shacl_sparql.regex import python_regex
from kg.shacl_sparql.values import distinct

EX = Namespace("http://example.org/")


def _typed(text: str, datatype: str) -> Literal:
    # Not normalised: the lexical form reaches the checks as written.
    return Literal(text, datatype=XSD[datatype], normalize=False)


VALUES: list[Node] = [
    EX.a,
    EX.b,
    URIRef("http://example.org/id/force/dorset"),
    URIRef("https://w3id.org/police-kg/id/force/dorset"),
    BNode(),
    Literal(""),
    Literal("abc"),
    Literal("GBP"),
    Literal("GBP\n"),
    Literal("gbp"),
    Literal("ÄÖÜ"),
    Literal("😀ab"),
    Literal("a\nb"),
    Literal("axb"),
    Literal("abc", lang="en"),
    Literal("GBP", lang="EN-gb"),
    _typed("abc", "string"),
    _typed("m", "string"),
    _typed("0", "integer"),
    _typed("1", "integer"),
    _typed("5", "integer"),
    _typed("-1", "integer"),
    _typed("-0", "integer"),
    _typed("01", "integer"),
    _typed("+5", "integer"),
    _typed(" 5 ", "integer"),
    _typed("abc", "integer"),
    _typed("99999999999999999999", "integer"),
    _typed("9223372036854775807", "integer"),
    _typed("1.5", "decimal"),
    _typed("1.", "decimal"),
    _typed(".5", "decimal"),
    _typed("1.50", "decimal"),
    _typed("abc", "decimal"),
    _typed("1e3", "double"),
    _typed("INF", "double"),
    _typed("NaN", "double"),
    _typed("one", "double"),
    _typed("1.5", "float"),
    _typed("2020-02-29", "date"),
    _typed("2021-02-29", "date"),
    _typed("2020-13-45", "date"),
    _typed("0000-01-01", "date"),
    _typed("2020-01-01Z", "date"),
    _typed("2020-01-01+01:00", "date"),
    _typed("-0044-03-15", "date"),
    _typed("10:00:00", "time"),
    _typed("24:00:00", "time"),
    _typed("12:00", "time"),
    _typed("23:59:59.5", "time"),
    _typed("10:00:00Z", "time"),
    _typed("2020-01-01T10:00:00", "dateTime"),
    _typed("2020-01-01T25:00:00", "dateTime"),
    _typed("2020-01-01T10:00:00Z", "dateTime"),
    _typed("true", "boolean"),
    _typed("1", "boolean"),
    _typed("TRUE", "boolean"),
    _typed("5", "int"),
    _typed("0", "int"),
    _typed("2020-01-01T10:00:00Z", "dateTimeStamp"),
    _typed("2020", "gYear"),
    _typed("P1D", "duration"),
    _typed("x", "token"),
    _typed("5", "nonNegativeInteger"),
    Literal("x", datatype=EX.dt),
]

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:shape a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property
        [ sh:path ex:p ; sh:datatype xsd:string ] ,
        [ sh:path ex:p ; sh:datatype xsd:integer ] ,
        [ sh:path ex:p ; sh:datatype xsd:decimal ] ,
        [ sh:path ex:p ; sh:datatype xsd:double ] ,
        [ sh:path ex:p ; sh:datatype xsd:float ] ,
        [ sh:path ex:p ; sh:datatype xsd:date ] ,
        [ sh:path ex:p ; sh:datatype xsd:time ] ,
        [ sh:path ex:p ; sh:datatype xsd:dateTime ] ,
        [ sh:path ex:p ; sh:datatype xsd:boolean ] ,
        [ sh:path ex:p ; sh:datatype xsd:int ] ,
        [ sh:path ex:p ; sh:datatype xsd:dateTimeStamp ] ,
        [ sh:path ex:p ; sh:datatype xsd:token ] ,
        [ sh:path ex:p ; sh:datatype rdf:langString ] ,
        [ sh:path ex:p ; sh:datatype ex:dt ] ,
        [ sh:path ex:p ; sh:nodeKind sh:IRI ] ,
        [ sh:path ex:p ; sh:nodeKind sh:Literal ] ,
        [ sh:path ex:p ; sh:nodeKind sh:BlankNode ] ,
        [ sh:path ex:p ; sh:nodeKind sh:BlankNodeOrIRI ] ,
        [ sh:path ex:p ; sh:nodeKind sh:BlankNodeOrLiteral ] ,
        [ sh:path ex:p ; sh:nodeKind sh:IRIOrLiteral ] ,
        [ sh:path ex:p ; sh:in ( ex:a ex:b ) ] ,
        [ sh:path ex:p ; sh:in ( ) ] ,
        [ sh:path ex:p ; sh:minLength 3 ] ,
        [ sh:path ex:p ; sh:maxLength 3 ] ,
        [ sh:path ex:p ; sh:minLength 0 ] ,
        [ sh:path ex:p ; sh:pattern "^[A-Z]{3}$" ] ,
        [ sh:path ex:p ;
          sh:pattern "^https://w3id\\\\.org/police-kg/id/force/[a-z0-9-]+$" ] ,
        [ sh:path ex:p ; sh:pattern "^[0-9a-f]{1,3}" ] ,
        [ sh:path ex:p ; sh:pattern "a.b" ] ,
        [ sh:path ex:p ; sh:pattern "a.b" ; sh:flags "s" ] ,
        [ sh:path ex:p ; sh:pattern "^(ab|x)+?c*$" ] ,
        [ sh:path ex:p ; sh:pattern "[^a-z]" ] ,
        [ sh:path ex:p ; sh:pattern "" ] ,
        [ sh:path ex:p ; sh:minInclusive 0 ] ,
        [ sh:path ex:p ; sh:minExclusive 0 ] ,
        [ sh:path ex:p ; sh:maxInclusive 5 ] ,
        [ sh:path ex:p ; sh:maxExclusive 1.5 ] ,
        [ sh:path ex:p ; sh:minInclusive "2020-01-01"^^xsd:date ] ,
        [ sh:path ex:p ; sh:maxInclusive "m" ] ,
        [ sh:path ex:p ; sh:maxExclusive ex:a ] ,
        [ sh:path ex:p ; sh:lessThan ex:q ] ,
        [ sh:path ex:p ; sh:lessThanOrEquals ex:q ] ,
        [ sh:path ex:p ; sh:minCount 1 ] ,
        [ sh:path ex:p ; sh:minCount 2 ] ,
        [ sh:path ex:p ; sh:minCount 0 ] ,
        [ sh:path ex:p ; sh:maxCount 1 ] ,
        [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] ,
        [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 1 ] ,
        [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 2 ] ,
        [ sh:path [ sh:inversePath ex:p ] ; sh:nodeKind sh:IRI ] ,
        [ sh:path [ sh:inversePath ex:p ] ; sh:class ex:C ] .
"""
# Parameter values Python may read otherwise than Oxigraph: SPARQL checks them.
NOT_LOCAL = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:other a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property
        [ sh:path ex:p ; sh:in ( ex:a "x" ) ] ,
        [ sh:path ex:p ; sh:pattern "^ab" ; sh:flags "i" ] ,
        [ sh:path ex:p ; sh:pattern "\\\\d+" ] ,
        [ sh:path ex:p ; sh:pattern "[[:alpha:]]" ] ,
        [ sh:path ex:p ; sh:pattern "x{1000}" ] ,
        [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .
"""


def _data() -> Graph:
    """One focus node per value, its ex:q values, and nodes with several values."""
    graph = Graph()
    others = [_typed("5", "integer"), _typed("1.5", "decimal"), Literal("m"), EX.a]
    for n, value in enumerate(VALUES):
        node = EX[f"n{n}"]
        graph.add((node, RDF.type, EX.C))
        graph.add((node, EX.p, value))
        graph.add((node, EX.q, others[n % len(others)]))
    # Several values, two of them one term in Oxigraph; a blank node as ex:q.
    graph.add((EX.many, RDF.type, EX.C))
    for value in (_typed("1.0", "decimal"), _typed("1.00", "decimal"), Literal("x")):
        graph.add((EX.many, EX.p, value))
    graph.add((EX.many, EX.q, BNode()))
    graph.add((EX.empty, RDF.type, EX.C))
    graph.add((EX.n0, EX.p, EX.n1))
    graph.add((EX.n2, EX.p, EX.n1))
    return graph


def _text(term: object) -> str:
    """Write a row's term in N-Triples, every blank node alike."""
    if isinstance(term, (BNode, ox.BlankNode)):
        return "_:"
    if isinstance(term, Node):
        return str(next(iter(to_oxigraph([(EX.s, EX.p, term)]))).object)
    return str(term)


def _rows(rows: object, variables: tuple[str, ...]) -> list[tuple[str, ...]]:
    return sorted(tuple(_text(row.get(v)) for v in variables) for row in rows)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def checks() -> tuple[Check, ...]:
    compiled = compile_shapes(Graph().parse(data=SHAPES, format="turtle"))
    return compiled.checks


def test_every_constraint_here_runs_in_python(checks: tuple[Check, ...]) -> None:
    missing = [(c.component, c.sparql) for c in checks if c.local is None]
    assert not missing


def test_doubtful_parameters_stay_in_sparql() -> None:
    compiled = compile_shapes(Graph().parse(data=NOT_LOCAL, format="turtle"))
    assert len(compiled.checks) == 6
    assert all(check.local is None for check in compiled.checks)


def test_python_rows_are_the_sparql_rows(checks: tuple[Check, ...]) -> None:
    data = _data()
    select = oxigraph_select(to_oxigraph(data))
    index = Index(data)
    for check in checks:
        assert check.local is not None and check.classes is not None
        names, found = select(check.sparql)
        expected = _rows([dict(zip(names, row, strict=True)) for row in found], names)
        ours = _rows(local_rows(index, check.classes, check.local), names)
        assert ours == expected, (check.component, check.sparql)


def test_python_rows_on_an_empty_class(checks: tuple[Check, ...]) -> None:
    index = Index(
        Graph().parse(data="<http://e.org/a> <http://e.org/p> 1 .", format="turtle")
    )
    for check in checks:
        assert check.local is not None and check.classes is not None
        assert not list(local_rows(index, check.classes, check.local))


@pytest.mark.parametrize(
    ("pattern", "flags", "texts"),
    [
        ("^[A-Z]{3}$", "", ["GBP", "GBP\n", "gbp", "GBPX", ""]),
        ("a.b", "", ["a\nb", "axb", "a😀b"]),
        ("a.b", "s", ["a\nb", "axb"]),
        ("^(?:ab|c)+?$", "", ["abab", "abc", "ac", ""]),
        ("[-a]x", "", ["-x", "ax", "bx"]),
        ("[^0-9]", "", ["123", "12a", "\n"]),
        ("x{2,}y{0,1}", "", ["xx", "xxy", "xy"]),
    ],
)
def test_translated_patterns_match_as_oxigraph_does(
    pattern: str, flags: str, texts: list[str]
) -> None:
    regex = python_regex(pattern, flags)
    assert regex is not None
    store = ox.Store()
    for text in texts:
        query = (
            f"ASK {{ FILTER REGEX({ox.Literal(text)}, {ox.Literal(pattern)},"
            f" {ox.Literal(flags)}) }}"
        )
        assert bool(store.query(query)) == (regex.search(text) is not None), text


@pytest.mark.parametrize(
    "pattern",
    [
        "\\d",
        "\\w+",
        "[[:alpha:]]",
        "[a&&b]",
        "a{,3}",
        "a{2",
        "a**",
        "a++",
        "(?i)a",
        "x{101}",
        "(ab){2}",
        "[z-a]",
        "[]",
        "é",
        "*a",
        "a|*",
    ],
)
def test_patterns_read_otherwise_are_not_translated(pattern: str) -> None:
    assert python_regex(pattern) is None


def test_flags_other_than_s_are_not_translated() -> None:
    assert python_regex("a", "i") is None and python_regex("a", "m") is None
    assert python_regex("a", "q") is None and python_regex("a", "s") is not None


def test_distinct_values_are_told_apart_as_oxigraph_does() -> None:
    values = [
        Literal("x"),
        _typed("x", "string"),
        Literal("x", lang="en"),
        Literal("x", lang="EN"),
        _typed("01", "integer"),
        _typed("1", "integer"),
        _typed("1", "decimal"),
        EX.a,
        EX.a,
    ]
    store = to_oxigraph((EX.s, EX.p, value) for value in values)
    count = store.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(count, ox.QuerySolutions)
    assert len(distinct(values)) == int(next(iter(count))["n"].value)
