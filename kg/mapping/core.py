"""Core mapping: a `kg.records.Meeting` to the triples of its body and agenda items.

Input is a meeting record and the text its spans point into; output is an iterator of
triples (`kg.mapping.evidence.Triple`): the `kg:Meeting` with its date, times, venue
and source document, the `kg:Body` that met (typed by its kind, linked to its force
area), and one `kg:AgendaItem` per item in order of business. Every read value gets a
`kg:Evidence` node of its own (a distinct `key=`), so a reader can check each one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg.mapping.evidence import Triple, evidence_triples
from kg.mapping.iris import (
    body_iri,
    concept_iri,
    document_iri,
    force_iri,
    meeting_iri,
    part_iri,
)
from kg.mapping.literals import integer_literal, text_literal
from kg.mapping.vocab import KG, RDF, XSD
from kg.records import BodyKind, Item, Located, Meeting, Span

BODY_CLASSES: dict[BodyKind, URIRef] = {
    BodyKind.POLICE_AND_CRIME_PANEL: KG.PoliceAndCrimePanel,
    BodyKind.PCC_BOARD: KG.PCCBoard,
    BodyKind.COUNCIL_COMMITTEE: KG.CouncilCommittee,
}

# "14:00", "9:30" or "14:00:00"
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def meeting_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the meeting, source document, body and agenda item triples of `meeting`."""
    yield from meeting_node_triples(meeting, text)
    yield from document_triples(meeting)
    yield from body_triples(meeting, text)
    for item in meeting.items:
        yield from item_triples(meeting, item, text=text)


def xsd_time(clock: str) -> Literal:
    """Give the `xsd:time` literal of a clock time written "HH:MM" (or "HH:MM:SS").

    Anything else stays a plain literal, which the meeting shape then reports.

    >>> str(xsd_time("9:30")), xsd_time("14:00").datatype.endswith("#time")
    ('09:30:00', True)
    >>> xsd_time("25:00").datatype is None
    True
    """
    match = _CLOCK.match(clock.strip())
    if match is None:
        return Literal(clock)
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return Literal(clock)
    return Literal(f"{hours:02d}:{minutes:02d}:{seconds:02d}", datatype=XSD.time)


def meeting_node_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the meeting node: type, body, source, layout, date, times and venue."""
    node = meeting_iri(meeting)
    yield node, RDF.type, KG.Meeting
    yield node, KG.body, body_iri(meeting.body.name, _force_id(meeting))
    yield node, KG.source, document_iri(meeting)
    yield node, KG.layout, text_literal(meeting.layout.value)
    if meeting.date is not None:
        day = Literal(meeting.date.value, datatype=XSD.date)
        date = Located(day, meeting.date.span)
        yield from _located(meeting, node, KG.date, date, text=text)
    clocks = ((KG.startTime, meeting.start_time), (KG.endTime, meeting.end_time))
    for predicate, clock in clocks:
        if clock is not None:
            time = Located(xsd_time(clock.value), clock.span)
            yield from _located(meeting, node, predicate, time, text=text)
    if meeting.venue is not None:
        venue = Located(text_literal(meeting.venue.value), meeting.venue.span)
        yield from _located(meeting, node, KG.venue, venue, text=text)


def document_triples(meeting: Meeting) -> Iterator[Triple]:
    """Yield the source document: file name, SHA-256 and length in characters."""
    node = document_iri(meeting)
    yield node, RDF.type, KG.SourceDocument
    yield node, KG.fileName, text_literal(meeting.source.name)
    yield node, KG.sha256, text_literal(meeting.source.sha256)
    yield node, KG.length, integer_literal(meeting.source.length)


def body_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the body that met: its name, kind, class by kind and force area.

    A body is shared by all its meetings, so the quotes naming it and its force hang
    off this meeting (`body-evidence`, `forceArea-evidence`), one per document.
    """
    body = meeting.body
    node = body_iri(body.name, _force_id(meeting))
    yield node, RDF.type, KG.Body
    if body.kind in BODY_CLASSES:
        yield node, RDF.type, BODY_CLASSES[body.kind]
    yield node, KG.name, text_literal(body.name)
    yield node, KG.bodyKind, concept_iri("body-kind", body.kind.value)
    mentioned = meeting_iri(meeting)
    if body.span is not None:
        span = body.span
        yield from _evidence(meeting, mentioned, span, key="body-evidence", text=text)
    if body.force is not None:
        yield node, KG.forceArea, force_iri(body.force.value)
        span = body.force.span
        key = "forceArea-evidence"
        yield from _evidence(meeting, mentioned, span, key=key, text=text)


def item_triples(meeting: Meeting, item: Item, *, text: str) -> Iterator[Triple]:
    """Yield one agenda item, linked both ways to its meeting."""
    node = part_iri(meeting, "item", item.position)
    meeting_node = meeting_iri(meeting)
    yield meeting_node, KG.hasItem, node
    yield node, RDF.type, KG.AgendaItem
    yield node, KG.meeting, meeting_node
    yield node, KG.position, integer_literal(item.position)
    yield node, KG.number, text_literal(item.number)
    title = Located(text_literal(item.title), item.title_span)
    yield from _located(meeting, node, KG.title, title, text=text)
    if item.agenda_number is not None:
        yield node, KG.agendaNumber, text_literal(item.agenda_number)
    if item.agenda_title is not None:
        yield node, KG.agendaTitle, text_literal(item.agenda_title)
    if item.text_span.end > item.text_span.start:
        span = item.text_span
        yield from _evidence(meeting, node, span, key="text-evidence", text=text)


def _located(
    meeting: Meeting,
    node: URIRef,
    predicate: URIRef,
    value: Located[URIRef] | Located[Literal],
    *,
    text: str,
) -> Iterator[Triple]:
    """`node predicate value` plus evidence keyed after the predicate's local name."""
    yield node, predicate, value.value
    local = str(predicate).rsplit("#", 1)[-1]
    yield from _evidence(meeting, node, value.span, key=f"{local}-evidence", text=text)


def _evidence(
    meeting: Meeting, node: URIRef, span: Span, *, key: str, text: str
) -> Iterator[Triple]:
    yield from evidence_triples(node, span, meeting=meeting, text=text, key=key)


def _force_id(meeting: Meeting) -> str | None:
    return meeting.body.force.value if meeting.body.force is not None else None
