"""Outcomes mapping: topic, decision, action, discrepancy triples and their shapes."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.mapping.core import meeting_triples
from kg.mapping.iris import ID, meeting_iri, part_iri, topic_iri
from kg.mapping.outcomes import outcome_triples
from kg.namespaces import KG
from kg.records import (
    EXAMPLE_MEETING,
    Action,
    Amount,
    Decision,
    DecisionKind,
    DecisionStatus,
    Discrepancy,
    ItemTopic,
    Span,
)
from kg.resources import read_text

TEXT = (
    "Avon and Somerset Panel\n15 March 2017\n\n1. Cyber Crime\n"
    "2018/011 (Kenneth Steele House) – Decision to approve £3.65M. "
    "The PCC to share the strategy."
)
NOTICE = Span(TEXT.index("2018/011"), TEXT.index(" The PCC"))
TOPIC = Span(TEXT.index("Cyber Crime"), TEXT.index("Cyber Crime") + 11)
MONEY = Span(TEXT.index("£3.65M"), TEXT.index("£3.65M") + 6)
ACTION = Span(TEXT.index("The PCC"), len(TEXT))
MEETING = dataclasses.replace(
    EXAMPLE_MEETING,
    topics=(ItemTopic(1, "cyber-crime", "Cyber Crime", TOPIC),),
    decisions=(
        Decision(
            1,
            DecisionKind.DECISION_NOTICE,
            TEXT[NOTICE.start : NOTICE.end],
            NOTICE,
            ref="2018/011",
            title="Kenneth Steele House",
            status=DecisionStatus.SIGNED,
            amounts=(Amount(Decimal("3650000"), "GBP", MONEY),),
        ),
    ),
    actions=(Action(1, TEXT[ACTION.start :], ACTION, "The PCC"),),
    discrepancies=(
        Discrepancy("decision-not-minuted", "2018/008 not minuted", NOTICE),
    ),
)


def _graph() -> Graph:
    graph = Graph()
    for family in (meeting_triples, outcome_triples):
        for triple in family(MEETING, TEXT):
            graph.add(triple)
    return graph


def _shapes() -> Graph:
    shapes = Graph()
    for name in ("decision.ttl", "action.ttl", "topic.ttl"):
        shapes.parse(data=read_text("shapes", name), format="turtle")
    return shapes


def _violations(graph: Graph) -> set[tuple[URIRef, str]]:
    conforms, report, _ = validate(graph, shacl_graph=_shapes())
    assert not conforms
    sh = "http://www.w3.org/ns/shacl#"
    return {
        (
            report.value(r, URIRef(sh + "focusNode")),
            str(report.value(r, URIRef(sh + "resultPath"))),
        )
        for r in report.subjects(RDF.type, URIRef(sh + "ValidationResult"))
    }


def test_item_links_topic_directly_and_through_a_tagging() -> None:
    graph = _graph()
    item = part_iri(MEETING, "item", 1)
    assert (item, KG.topic, topic_iri("cyber-crime")) in graph
    tagging = graph.value(item, KG.tagging)
    assert graph.value(tagging, KG.phrase) == Literal("Cyber Crime")
    quote = graph.value(graph.value(tagging, KG.evidence), KG.quote)
    assert quote == Literal("Cyber Crime")


def test_decision_has_kind_status_ref_and_typed_amount() -> None:
    graph = _graph()
    decision = graph.value(meeting_iri(MEETING), KG.decision)
    assert graph.value(decision, KG.decisionKind) == ID["decision-kind/decision-notice"]
    assert graph.value(decision, KG.decisionStatus) == ID["decision-status/signed"]
    assert graph.value(decision, KG.reference) == Literal("2018/011")
    amount = graph.value(decision, KG.amount)
    value = graph.value(amount, KG.amountValue)
    assert value.datatype == XSD.decimal and value.toPython() == Decimal("3650000")
    assert graph.value(amount, KG.currency) == Literal("GBP")
    assert graph.value(graph.value(amount, KG.evidence), KG.quote) == Literal("£3.65M")


def test_action_and_discrepancy_keep_their_words() -> None:
    graph = _graph()
    action = graph.value(meeting_iri(MEETING), KG.action)
    assert graph.value(action, KG.owner) == Literal("The PCC")
    assert graph.value(action, KG.text) == Literal("The PCC to share the strategy.")
    discrepancy = graph.value(meeting_iri(MEETING), KG.discrepancy)
    assert graph.value(discrepancy, KG.discrepancyKind) == Literal(
        "decision-not-minuted"
    )


def test_mapped_outcomes_conform() -> None:
    conforms, _, text = validate(_graph(), shacl_graph=_shapes())
    assert conforms, text


def test_decision_with_odd_kind_empty_text_and_no_evidence_fails() -> None:
    graph = _graph()
    decision = next(graph.subjects(RDF.type, KG.Decision))
    graph.set((decision, KG.decisionKind, ID["decision-kind/rumour"]))
    graph.set((decision, KG.text, Literal("")))
    graph.remove((decision, KG.evidence, None))
    assert _violations(graph) == {
        (decision, str(KG.decisionKind)),
        (decision, str(KG.text)),
        (decision, str(KG.evidence)),
    }


@pytest.mark.parametrize(
    "value", [Literal("£3.65M"), Literal(3650000.0, datatype=XSD.double)]
)
def test_amount_must_be_a_decimal_with_a_currency(value: Literal) -> None:
    graph = _graph()
    amount = next(graph.subjects(RDF.type, KG.MonetaryAmount))
    graph.set((amount, KG.amountValue, value))
    graph.remove((amount, KG.currency, None))
    assert _violations(graph) == {
        (amount, str(KG.amountValue)),
        (amount, str(KG.currency)),
    }


def test_action_and_tagging_without_text_or_phrase_fail() -> None:
    graph = _graph()
    action = next(graph.subjects(RDF.type, KG.Action))
    tagging = next(graph.subjects(RDF.type, KG.TopicTagging))
    graph.remove((action, KG.text, None))
    graph.remove((tagging, KG.phrase, None))
    assert _violations(graph) == {(action, str(KG.text)), (tagging, str(KG.phrase))}


def test_same_input_gives_same_triples() -> None:
    assert sorted(_graph().serialize(format="nt").splitlines()) == sorted(
        _graph().serialize(format="nt").splitlines()
    )
