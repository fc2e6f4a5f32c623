"""Checking a meeting from its N-Triples lines gives the report its quads give.

`kg.build.check_meeting` loads the store of the checks left to SPARQL from the lines
`kg.mapping.ntriples` writes (`validate_lines`), not from Oxigraph quads: random
triples of the shapes' classes, predicates and awkward values, and the seed meeting
with parts taken out, are reported the same either way.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.mapping import meeting_to_triples
from kg.mapping.ntriples import ntriples_lines
from kg.namespaces import KG
from kg.parse import parse_document
from kg.pipeline import read_document
from kg.terms import graph_quads
from kg.validate import Report, _default_compiled, validate_lines, validate_quads

CHECKS = [c for c in _default_compiled().checks if c.local is not None]
CLASSES = sorted({URIRef(cls) for c in CHECKS for cls in c.classes or ()})
PREDICATES = sorted({URIRef(c.local.predicate) for c in CHECKS if c.local})
NODES = [URIRef(f"https://w3id.org/police-kg/id/n{i}") for i in range(4)]
VALUES: list[Node] = [
    *NODES,
    Literal("GBP"),
    Literal('say "hi"\n'),
    Literal("GBP", datatype=XSD.string),
    Literal("7", datatype=XSD.integer),
    Literal("-1", datatype=XSD.integer),
    Literal("abc", datatype=XSD.integer, normalize=False),
    Literal("2024-01-31", datatype=XSD.date),
]
TRIPLES = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(NODES), st.just(RDF.type), st.sampled_from(CLASSES)),
        st.tuples(
            st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(VALUES)
        ),
    ),
    max_size=40,
)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "004_86c6655b3b10abe6.txt"


def _same_reports(triples: list[tuple[Node, Node, Node]]) -> Report:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    distinct = list(dict.fromkeys(triples))
    by_quads = validate_quads(
        tuple(graph_quads(distinct)), data=lambda: graph, triples=distinct
    )
    kept, lines = ntriples_lines(triples)
    assert validate_lines(kept, lines, data=lambda: graph) == by_quads
    return by_quads


@settings(max_examples=40, deadline=None)
@given(triples=TRIPLES)
def test_lines_give_the_report_of_quads(triples: list[tuple[Node, Node, Node]]) -> None:
    _same_reports(triples)


def test_a_broken_meeting_is_reported_the_same_from_its_lines() -> None:
    text, source = read_document(SEED)
    triples = meeting_to_triples(parse_document(text, source), text)
    broken = [t for t in triples if t[1] not in (KG.title, KG.start)]
    assert not _same_reports(broken).conforms
