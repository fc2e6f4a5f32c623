"""The SPARQL engine (`kg.shacl_sparql`) against pySHACL, the reference.

Both engines must report the same set of (focus node, path, constraint component,
source file) on the seeds, on generated meetings (`bench.corpus`) and on graphs broken
on purpose: at least one broken case per constraint kind the shapes use, plus custom
shapes for the targets and paths `shapes/` does not use yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from bench.corpus import generate
from kg.mapping import meeting_to_graph
from kg.namespaces import KG
from kg.parse import parse_document
from kg.records import Source
from kg.shacl_sparql import compile_shapes, to_oxigraph
from kg.terms import graph_quads
from kg.validate import (
    Report,
    shapes_graph,
    validate,
    validate_oxigraph,
    validate_quads,
)

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
SEED = next(p for p in SEEDS if p.name.startswith("004"))
Key = tuple[str, str | None, str | None, str | None]


def _keys(report: Report) -> set[Key]:
    return {(r.focus_node, r.path, r.component, r.source_file) for r in report.results}


def _build(text: str, name: str) -> Graph:
    source = Source(name, hashlib.sha256(text.encode()).hexdigest(), len(text))
    return meeting_to_graph(parse_document(text, source), text)


def _assert_same(graph: Graph, *, shapes: Graph | None = None) -> set[Key]:
    reference = validate(graph, shapes=shapes, engine="pyshacl")
    ours = validate(graph, shapes=shapes, engine="sparql")
    assert _keys(ours) == _keys(reference), (reference.render(), ours.render())
    assert ours.conforms == reference.conforms
    return _keys(reference)


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return _build(SEED.read_text(encoding="utf-8"), SEED.name)


def test_every_shape_used_compiles_or_is_listed_for_pyshacl() -> None:
    compiled = compile_shapes(shapes_graph())
    assert compiled.checks
    # The dataset shape uses sh:node and a qualified shape: pySHACL checks it.
    assert compiled.fallback == (URIRef("https://w3id.org/police-kg/id/shape-dataset"),)
    assert "node" in compiled.reasons[0] or "qualified" in compiled.reasons[0]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_give_the_same_report(path: Path) -> None:
    graph = _build(path.read_text(encoding="utf-8"), path.name)
    _assert_same(graph)


def test_generated_meetings_give_the_same_report() -> None:
    merged = Graph()
    for index in range(50):
        stem, text, _ = generate(index, 7)
        for triple in _build(text, f"{stem}.txt"):
            merged.add(triple)
    _assert_same(merged)


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _set(cls: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        graph.set((_first(graph, cls), prop, value))  # type: ignore[arg-type]

    return change


def _add(cls: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        graph.add((_first(graph, cls), prop, value))  # type: ignore[arg-type]

    return change


def _drop(cls: URIRef, prop: URIRef) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        graph.remove((_first(graph, cls), prop, None))

    return change


def _unlist_item(graph: Graph) -> None:
    graph.remove((None, KG.hasItem, _first(graph, KG.AgendaItem)))


def _second_meeting_lists_item(graph: Graph) -> None:
    graph.add(
        (
            URIRef("https://w3id.org/police-kg/id/meeting/other"),
            KG.hasItem,
            _first(graph, KG.AgendaItem),
        )
    )


def _all_decision_kinds(graph: Graph) -> None:
    decision = _first(graph, KG.Decision)
    for kind in ("decision-notice", "resolution", "agreement"):
        iri = URIRef(f"https://w3id.org/police-kg/id/decision-kind/{kind}")
        graph.add((decision, KG.decisionKind, iri))


def _retype_quote(graph: Graph) -> None:
    evidence = _first(graph, KG.Evidence)
    graph.set((evidence, KG.quote, Literal("a quote of the wrong length, retyped")))


def _end_past_document(graph: Graph) -> None:
    evidence = _first(graph, KG.Evidence)
    graph.set((evidence, KG.end, Literal(10**7)))
    graph.set(
        (evidence, KG.start, Literal(10**7 - len(str(graph.value(evidence, KG.quote)))))
    )


BROKEN: dict[str, Callable[[Graph], None]] = {
    # sh:minCount
    "item without title": _drop(KG.AgendaItem, KG.title),
    "meeting without source": _drop(KG.Meeting, KG.source),
    "attendance without evidence": _drop(KG.Attendance, KG.evidence),
    # sh:maxCount
    "two meeting dates": _add(
        KG.Meeting, KG.date, Literal("1999-01-01", datatype=XSD.date)
    ),
    "two decision kinds": _all_decision_kinds,
    # sh:datatype
    "position as a string": _set(KG.AgendaItem, KG.position, Literal("1")),
    "ill-formed integer": _set(
        KG.AgendaItem, KG.position, Literal("one", datatype=XSD.integer)
    ),
    "language-tagged title": _set(
        KG.AgendaItem, KG.title, Literal("Apologies", lang="en")
    ),
    "date as a dateTime": _set(
        KG.Meeting, KG.date, Literal("2018-04-05T10:00:00", datatype=XSD.dateTime)
    ),
    # sh:class
    "decision in an item": _set(
        KG.Decision,
        KG.meeting,
        URIRef("https://w3id.org/police-kg/id/meeting/x/item/1"),
    ),
    "amount of no class": _set(KG.Decision, KG.amount, Literal("£3.65M")),
    # sh:in
    "status off the list": _set(
        KG.Attendance,
        KG.status,
        URIRef("https://w3id.org/police-kg/id/attendance-status/late"),
    ),
    "body kind as a string": _set(KG.Body, KG.bodyKind, Literal("pcc-board")),
    # sh:nodeKind
    "topic as a literal": _set(KG.TopicTagging, KG.topic, Literal("finance")),
    # sh:pattern
    "upper-case digest": _set(KG.SourceDocument, KG.sha256, Literal("AB" * 32)),
    "currency in words": _set(KG.MonetaryAmount, KG.currency, Literal("pounds")),
    "force outside the forces": _set(
        KG.Body, KG.forceArea, URIRef("https://example.org/force/dorset")
    ),
    # sh:minLength
    "empty action text": _set(KG.Action, KG.text, Literal("")),
    # sh:minInclusive
    "position zero": _set(KG.AgendaItem, KG.position, Literal(0)),
    "negative length": _set(KG.SourceDocument, KG.length, Literal(-1)),
    "start not a number": _set(KG.Evidence, KG.start, Literal("early")),
    # sh:lessThanOrEquals
    "start after end": _set(KG.Evidence, KG.start, Literal(10**6)),
    # ill-formed values and terms of the wrong kind
    "amount as a decimal with a point only": _set(
        KG.MonetaryAmount,
        KG.amountValue,
        Literal("-.", datatype=XSD.decimal, normalize=False),
    ),
    "start time past midnight": _set(
        KG.Meeting, KG.startTime, Literal("25:00:00", datatype=XSD.time)
    ),
    "date on the thirtieth of February": _set(
        KG.Meeting, KG.date, Literal("2023-02-30", datatype=XSD.date)
    ),
    "length with a leading zero and negative": _set(
        KG.SourceDocument,
        KG.length,
        Literal("-01", datatype=XSD.integer, normalize=False),
    ),
    "title as an IRI": _set(KG.AgendaItem, KG.title, URIRef("https://example.org/t")),
    "phrase as a blank node": _set(KG.TopicTagging, KG.phrase, BNode()),
    # inverse path with sh:minCount / sh:maxCount
    "item listed by no meeting": _unlist_item,
    "item listed by two meetings": _second_meeting_lists_item,
    # sh:sparql (SPARQL target and constraints)
    "quote of the wrong length": _retype_quote,
    "evidence past the document": _end_past_document,
}


@pytest.mark.parametrize("change", list(BROKEN.values()), ids=list(BROKEN))
def test_broken_meetings_give_the_same_report(
    seed_graph: Graph, change: Callable[[Graph], None]
) -> None:
    graph = _copy(seed_graph)
    change(graph)
    assert _assert_same(graph), "the change must break a shape"


# Values pySHACL reads otherwise than Oxigraph: Oxigraph gives "0"^^xsd:int the
# datatype xsd:integer and refuses integers past 64 bits, and its REGEX `$` does not
# match before a final newline. The checks run in Python must read them as Oxigraph.
READ_BY_OXIGRAPH: dict[str, Callable[[Graph], None]] = {
    "position as an xsd:int": _set(
        KG.AgendaItem, KG.position, Literal("0", datatype=XSD.int)
    ),
    "position past 64 bits": _set(
        KG.AgendaItem,
        KG.position,
        Literal("99999999999999999999", datatype=XSD.integer, normalize=False),
    ),
    "currency with a newline": _set(KG.MonetaryAmount, KG.currency, Literal("GBP\n")),
}
IN_PYTHON = BROKEN | READ_BY_OXIGRAPH


@pytest.mark.parametrize("change", list(IN_PYTHON.values()), ids=list(IN_PYTHON))
def test_broken_meetings_give_the_same_report_checked_in_python(
    seed_graph: Graph, change: Callable[[Graph], None]
) -> None:
    graph = _copy(seed_graph)
    change(graph)
    triples = tuple(graph)
    quads = tuple(graph_quads(triples))
    by_queries = validate_quads(quads, data=lambda: graph)
    in_python = validate_quads(quads, data=lambda: graph, triples=triples)
    assert in_python == by_queries, (by_queries.render(), in_python.render())
    assert not in_python.conforms


DATASET = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/ds> a dcat:Dataset ; dcterms:title "Minutes"@en ;
    dcterms:description "x" ; dcterms:license <http://example.org/some-licence> ;
    dcterms:issued "2024-01-01"^^xsd:date ; dcterms:modified "2024-01-01"^^xsd:date .
"""


def test_shapes_that_do_not_compile_are_checked_by_pyshacl() -> None:
    graph = Graph().parse(data=DATASET, format="turtle")
    keys = _assert_same(graph)
    components = {key[2] for key in keys}
    assert {
        "HasValueConstraintComponent",
        "QualifiedMinCountConstraintComponent",
    } <= components


def test_a_store_without_rdflib_data_refuses_shapes_it_cannot_compile() -> None:
    store = to_oxigraph(Graph().parse(data=DATASET, format="turtle"))
    with pytest.raises(ValueError, match="pySHACL"):
        validate_oxigraph(store)


CUSTOM_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:s1 a sh:NodeShape ; sh:targetNode ex:a, ex:missing ;
    sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:hasValue ex:v ] .
ex:s2 a sh:NodeShape ; sh:targetSubjectsOf ex:q ;
    sh:property [ sh:path ( ex:q ex:r ) ; sh:maxLength 3 ; sh:maxCount 1 ] ,
                [ sh:path [ sh:alternativePath ( ex:q [ sh:inversePath ex:p ] ) ] ;
                  sh:nodeKind sh:IRI ; sh:severity sh:Warning ] .
ex:s3 a sh:NodeShape ; sh:targetObjectsOf ex:p ;
    sh:property [ sh:path [ sh:oneOrMorePath ex:next ] ; sh:maxExclusive 5 ] ,
                [ sh:path ex:size ; sh:lessThan ex:cap ] .
"""
CUSTOM_DATA = """
@prefix ex: <http://example.org/> .
ex:a ex:p ex:b ; ex:q ex:c, "lit" .
ex:c ex:r "long text", "ok" .
ex:b ex:next ex:e ; ex:size 9 ; ex:cap 6 .
ex:e ex:next 7 .
ex:d ex:p ex:a .
"""


def test_targets_and_paths_beyond_the_shapes_give_the_same_report() -> None:
    shapes = Graph().parse(data=CUSTOM_SHAPES, format="turtle")
    assert not compile_shapes(shapes).fallback
    keys = _assert_same(Graph().parse(data=CUSTOM_DATA, format="turtle"), shapes=shapes)
    components = {key[2] for key in keys}
    assert {
        "MinCountConstraintComponent",
        "HasValueConstraintComponent",
        "MaxLengthConstraintComponent",
        "MaxCountConstraintComponent",
        "NodeKindConstraintComponent",
        "MaxExclusiveConstraintComponent",
        "LessThanConstraintComponent",
    } <= components
