"""The fast paths of the Python checks give what SPARQL gives, on random meetings.

Random graphs over the meeting shapes' classes and predicates, their triples in a
random order (a subject's triples apart) and their values of every kind (ill-formed
and non-canonical literals, language tags, blank nodes, IRIs), are checked in Python
(`kg.shacl_sparql.local`, the store of only the quads the queries read, the index
answering for pySHACL's fallback) and by SPARQL alone: the reports are the same.
"""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF, XSD
from rdflib.term import Node

from kg.namespaces import KG
from kg.shacl_sparql import to_oxigraph
from kg.shacl_sparql.local import Index, local_rows
from kg.terms import graph_quads
from kg.validate import _default_compiled, validate_quads

CHECKS = [c for c in _default_compiled().checks if c.local is not None]
CLASSES = sorted({URIRef(cls) for c in CHECKS for cls in c.classes or ()})
CLASSES += [URIRef(c.local.cls) for c in CHECKS if c.local and c.local.cls]
CLASSES.append(DCAT.Dataset)  # the target of the shape pySHACL checks
PREDICATES = sorted({URIRef(c.local.predicate) for c in CHECKS if c.local})
NODES: list[Node] = [URIRef(f"https://w3id.org/police-kg/id/n{i}") for i in range(5)]
NODES.append(BNode("b"))


def _typed(text: str, datatype: URIRef) -> Literal:
    return Literal(text, datatype=datatype, normalize=False)


VALUES: list[Node] = [
    *NODES,
    URIRef("https://w3id.org/police-kg/id/topic/policing"),
    URIRef("https://w3id.org/police-kg/id/attendance-status/present"),
    Literal(""),
    Literal("GBP"),
    Literal("GBP\n"),
    Literal("a quote", lang="en"),
    _typed("x", XSD.string),
    _typed("0", XSD.integer),
    _typed("7", XSD.integer),
    _typed("-1", XSD.integer),
    _typed("01", XSD.integer),
    _typed("abc", XSD.integer),
    _typed("99999999999999999999", XSD.integer),
    _typed("3", XSD.int),
    _typed("1.50", XSD.decimal),
    _typed("2024-02-30", XSD.date),
    _typed("2024-01-31", XSD.date),
    _typed("10:00:00", XSD.time),
    _typed("0" * 64, XSD.string),
]


def _triples(subjects: list[Node]) -> st.SearchStrategy[list[tuple[Node, Node, Node]]]:
    return st.lists(
        st.one_of(
            st.tuples(
                st.sampled_from(subjects), st.just(RDF.type), st.sampled_from(CLASSES)
            ),
            st.tuples(
                st.sampled_from(subjects),
                st.sampled_from(PREDICATES),
                st.sampled_from(VALUES),
            ),
        ),
        max_size=40,
        unique=True,
    )


_TRIPLES = _triples(NODES)
# Reports name the source file of a failing node by a query of its IRI.
_IRI_TRIPLES = _triples(NODES[:-1])


def _text(term: object) -> str:
    if isinstance(term, (BNode, ox.BlankNode)):
        return "_:"
    if isinstance(term, Node):
        return str(next(iter(to_oxigraph([(NODES[0], RDF.value, term)]))).object)
    return str(term)


def _rows(rows: object, variables: tuple[str, ...]) -> list[tuple[str, ...]]:
    return sorted(tuple(_text(row.get(v)) for v in variables) for row in rows)  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(triples=_TRIPLES)
def test_python_rows_are_the_sparql_rows(
    triples: list[tuple[Node, Node, Node]],
) -> None:
    store = to_oxigraph(triples)
    index = Index(triples)
    for check in CHECKS:
        assert check.local is not None and check.classes is not None
        found = store.query(check.sparql)
        assert isinstance(found, ox.QuerySolutions)
        names = tuple(v.value for v in found.variables)
        expected = _rows([{n: row[n] for n in names} for row in found], names)
        ours = _rows(local_rows(index, check.classes, check.local), names)
        assert ours == expected, check.sparql


@settings(max_examples=25, deadline=None)
@given(triples=_IRI_TRIPLES)
def test_reports_checked_in_python_are_the_sparql_reports(
    triples: list[tuple[Node, Node, Node]],
) -> None:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    quads = tuple(graph_quads(triples))
    by_queries = validate_quads(quads, data=lambda: graph)
    in_python = validate_quads(quads, data=lambda: graph, triples=tuple(triples))
    assert in_python == by_queries


def test_a_meeting_with_a_dataset_is_checked_by_pyshacl_too() -> None:
    node = NODES[0]
    triples = ((node, RDF.type, DCAT.Dataset), (node, KG.title, Literal("x")))
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    quads = tuple(graph_quads(triples))
    by_queries = validate_quads(quads, data=lambda: graph)
    in_python = validate_quads(quads, data=lambda: graph, triples=triples)
    assert in_python == by_queries and not in_python.conforms
