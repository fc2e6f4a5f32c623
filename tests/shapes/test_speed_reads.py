"""A store of only the quads a query reads answers it as the whole store does."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.check_store import read_by_triple, read_quads
from kg.shacl_sparql.reads import read_triples
from kg.validate import _default_compiled

EX = "http://e.org/"
NODES = [ox.NamedNode(f"{EX}n{i}") for i in range(4)] + [ox.Literal("1")]
PREDICATES = [f"{EX}p{i}" for i in range(4)]
# Path forms and group patterns a generated query is made of.
PATHS = ["<{}>", "^<{}>", "<{}>/<{}>", "(<{}>|<{}>)", "<{}>+", "<{}>*", "<{}>?"]
PATTERNS = [
    "?a {} ?b .",
    "?a {} <http://e.org/n0> .",
    "OPTIONAL {{ ?b {} ?c }}",
    "FILTER NOT EXISTS {{ ?a {} ?c }}",
    "?a ?any ?b .",
    "{{ ?a {} ?b }} UNION {{ ?b {} ?a }}",
]


def _rows(quads: list[ox.Quad], query: str) -> list[str]:
    store = ox.Store()
    store.extend(quads)
    result = store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return [str(bool(result))]
    return sorted(str(row) for row in result)


@st.composite
def _queries(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        pattern = draw(st.sampled_from(PATTERNS))
        paths = []
        for _ in range(pattern.count("{}")):
            path = draw(st.sampled_from(PATHS))
            iris = [draw(st.sampled_from(PREDICATES)) for _ in range(path.count("{}"))]
            paths.append(path.format(*iris))
        parts.append(pattern.format(*paths))
    select = draw(st.sampled_from(["SELECT *", "SELECT DISTINCT ?a", "ASK"]))
    return f"{select} WHERE {{ ?a <{EX}p0> ?z . {' '.join(parts)} }}"


_QUADS = st.lists(
    st.builds(
        ox.Quad,
        st.sampled_from(NODES[:4]),
        st.sampled_from([ox.NamedNode(p) for p in PREDICATES]),
        st.sampled_from(NODES),
    ),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(quads=_QUADS, query=_queries())
def test_projected_store_gives_the_same_rows(quads: list[ox.Quad], query: str) -> None:
    read = read_triples(query)
    if read is None:
        return
    kept = read_quads(quads, read)
    assert _rows(kept, query) == _rows(quads, query), query


def _rdflib(term: ox.NamedNode | ox.Literal) -> Node:
    return URIRef(term.value) if isinstance(term, ox.NamedNode) else Literal(term.value)


@settings(max_examples=300, deadline=None)
@given(quads=_QUADS, query=_queries())
def test_reading_by_triples_keeps_the_quads_reading_by_quads_keeps(
    quads: list[ox.Quad], query: str
) -> None:
    # Meetings are filtered through their rdflib triples (`read_by_triple`), the
    # reference data through its quads (`read_quads`): both keep the same quads.
    read = read_triples(query)
    if read is None:
        return
    triples = [
        (_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object))  # type: ignore[arg-type]
        for q in quads
    ]
    assert read_by_triple(triples, quads, read) == read_quads(quads, read), query


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?a ?p ?b }",
        "SELECT * { ?a <http://e.org/p>* ?b }",
        "SELECT * { ?a <http://e.org/p>? ?b }",
        "SELECT * { ?a !<http://e.org/p> ?b }",
        "SELECT * { GRAPH ?g { ?a <http://e.org/p> ?b } }",
        "SELECT * FROM <http://e.org/g> { ?a <http://e.org/p> ?b }",
        "CONSTRUCT WHERE { ?a <http://e.org/p> ?b }",
        "SELECT * { SERVICE <http://e.org/s> { ?a <http://e.org/p> ?b } }",
        "SELECT * { ?a <http://e.org/p> ?b FILTER EXISTS { ?b <http://e.org/q> ?c } }",
        "not SPARQL",
    ],
)
def test_queries_that_may_read_anything(query: str) -> None:
    assert read_triples(query) is None


def test_paths_of_iris_are_read() -> None:
    query = "ASK { ?a <http://e.org/p> ?b . ?b <http://e.org/q>/^<http://e.org/r>+ ?c }"
    assert read_triples(query) == {(f"{EX}{p}", None) for p in "pqr"}


def test_named_objects_are_read() -> None:
    query = "ASK { ?a <http://e.org/p> <http://e.org/n0> ; <http://e.org/q> 1 }"
    assert read_triples(query) == {(f"{EX}p", f"{EX}n0"), (f"{EX}q", None)}


def test_only_the_named_objects_of_a_predicate_are_kept() -> None:
    p, q = ox.NamedNode(f"{EX}p"), ox.NamedNode(f"{EX}q")
    quads = [ox.Quad(NODES[0], p, NODES[1]), ox.Quad(NODES[0], p, NODES[2])]
    quads += [ox.Quad(NODES[0], q, NODES[1])]
    assert read_quads(quads, frozenset({(f"{EX}p", f"{EX}n1")})) == quads[:1]
    assert read_quads(quads, frozenset({(f"{EX}p", f"{EX}n1"), (f"{EX}p", None)})) == [
        *quads[:2]
    ]


def test_the_meeting_shapes_queries_read_few_predicates() -> None:
    from kg.shacl_sparql import queried_triples

    read = queried_triples(_default_compiled().checks)
    assert read is not None and len(read) < 10
