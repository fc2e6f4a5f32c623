"""Outcomes mapping: a `Meeting`'s topics, decisions, actions, discrepancies to triples.

Input is a meeting record and the text its spans point into; output is an iterator of
triples (`kg.mapping.evidence.Triple`). Items link their thesaurus topics directly
(`kg:topic`) and through a `kg:TopicTagging` that keeps the matched phrase; a
`kg:Decision` carries its kind and status as closed-list concepts, its reference, title,
sentence and `kg:MonetaryAmount`s; a `kg:Action` its owner as written; a
`kg:Discrepancy` its kind and description. Every node has `kg:Evidence` for its words.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import Literal, URIRef

from kg.mapping.evidence import Triple, evidence_triples
from kg.mapping.iris import concept_iri, meeting_iri, part_iri, topic_iri
from kg.mapping.literals import text_literal
from kg.mapping.vocab import KG, RDF, XSD
from kg.records import Action, Decision, Discrepancy, ItemTopic, Meeting


def decimal_literal(value: Decimal) -> Literal:
    """Write `value` as an `xsd:decimal` in canonical form, so Turtle round-trips it.

    >>> str(decimal_literal(Decimal("3650000"))), str(decimal_literal(Decimal("2.50")))
    ('3650000.0', '2.5')
    """
    text = format(value.normalize(), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def outcome_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the topic, decision, action and discrepancy triples of `meeting`."""
    for tagging in meeting.topics:
        yield from topic_triples(meeting, tagging, text=text)
    for index, decision in enumerate(meeting.decisions, start=1):
        yield from decision_triples(meeting, decision, index, text=text)
    for index, action in enumerate(meeting.actions, start=1):
        yield from action_triples(meeting, action, index, text=text)
    for index, discrepancy in enumerate(meeting.discrepancies, start=1):
        yield from discrepancy_triples(meeting, discrepancy, index, text=text)


def _item(meeting: Meeting, position: int | None) -> URIRef | None:
    return None if position is None else part_iri(meeting, "item", position)


def topic_triples(
    meeting: Meeting, tagging: ItemTopic, *, text: str
) -> Iterator[Triple]:
    """Yield `item kg:topic concept` and the tagging node with phrase and evidence."""
    item = part_iri(meeting, "item", tagging.item)
    node = part_iri(meeting, "topic", f"{tagging.item}-{tagging.key}")
    yield item, KG.topic, topic_iri(tagging.key)
    yield item, KG.tagging, node
    yield node, RDF.type, KG.TopicTagging
    yield node, KG.item, item
    yield node, KG.topic, topic_iri(tagging.key)
    yield node, KG.phrase, text_literal(tagging.phrase)
    yield from evidence_triples(node, tagging.span, meeting=meeting, text=text)


def decision_triples(
    meeting: Meeting, decision: Decision, index: int, *, text: str
) -> Iterator[Triple]:
    """Yield one decision: kind, reference, title, sentence, status and amounts."""
    node = part_iri(meeting, "decision", index)
    yield meeting_iri(meeting), KG.decision, node
    yield node, RDF.type, KG.Decision
    yield node, KG.meeting, meeting_iri(meeting)
    item = _item(meeting, decision.item)
    if item is not None:
        yield node, KG.item, item
    yield node, KG.decisionKind, concept_iri("decision-kind", decision.kind.value)
    yield node, KG.text, text_literal(decision.text)
    if decision.ref is not None:
        yield node, KG.reference, text_literal(decision.ref)
    if decision.title:
        yield node, KG.title, text_literal(decision.title)
    if decision.status is not None:
        yield (
            node,
            KG.decisionStatus,
            concept_iri("decision-status", decision.status.value),
        )
    yield from evidence_triples(node, decision.span, meeting=meeting, text=text)
    for number, amount in enumerate(decision.amounts, start=1):
        money = URIRef(f"{node}/amount/{number}")
        yield node, KG.amount, money
        yield money, RDF.type, KG.MonetaryAmount
        yield money, KG.amountValue, decimal_literal(amount.value)
        yield money, KG.currency, text_literal(amount.currency)
        yield from evidence_triples(money, amount.span, meeting=meeting, text=text)


def action_triples(
    meeting: Meeting, action: Action, index: int, *, text: str
) -> Iterator[Triple]:
    """Yield one action: its sentence, item and owner as written."""
    node = part_iri(meeting, "action", index)
    yield meeting_iri(meeting), KG.action, node
    yield node, RDF.type, KG.Action
    yield node, KG.meeting, meeting_iri(meeting)
    item = _item(meeting, action.item)
    if item is not None:
        yield node, KG.item, item
    yield node, KG.text, text_literal(action.text)
    if action.owner is not None:
        yield node, KG.owner, text_literal(action.owner)
    yield from evidence_triples(node, action.span, meeting=meeting, text=text)


def discrepancy_triples(
    meeting: Meeting, discrepancy: Discrepancy, index: int, *, text: str
) -> Iterator[Triple]:
    """Yield one disagreement between the agenda and the minutes."""
    node = part_iri(meeting, "discrepancy", index)
    yield meeting_iri(meeting), KG.discrepancy, node
    yield node, RDF.type, KG.Discrepancy
    yield node, KG.meeting, meeting_iri(meeting)
    item = _item(meeting, discrepancy.item)
    if item is not None:
        yield node, KG.item, item
    yield node, KG.discrepancyKind, text_literal(discrepancy.kind)
    yield node, KG.description, text_literal(discrepancy.description)
    yield from evidence_triples(node, discrepancy.span, meeting=meeting, text=text)
