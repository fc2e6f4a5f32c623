"""Core mapping: meeting, document, body and agenda item triples with evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from kg.mapping.core import meeting_triples, xsd_time
from kg.mapping.iris import ID
from kg.namespaces import KG
from kg.records import Body, BodyKind, Item, Layout, Located, Meeting, Source, Span

TEXT = (
    "Avon and Somerset Police and Crime Board\n"
    "4 April 2018, 13:00 - 17:00, Gordano Room\n"
    "1. Apologies\nNone were received.\n"
    "2. Minutes\nAgreed.\n"
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def _meeting(**changes: object) -> Meeting:
    meeting = Meeting(
        source=Source(name="004_x.txt", sha256="a" * 64, length=len(TEXT)),
        layout=Layout.NUMBERED_MINUTES,
        body=Body(
            name="Avon and Somerset Police and Crime Board",
            kind=BodyKind.PCC_BOARD,
            span=_span("Avon and Somerset Police and Crime Board"),
            force=Located("avon-and-somerset", _span("Avon and Somerset")),
        ),
        date=Located(dt.date(2018, 4, 4), _span("4 April 2018")),
        start_time=Located("13:00", _span("13:00")),
        end_time=Located("17:00", _span("17:00")),
        venue=Located("Gordano Room", _span("Gordano Room")),
        items=(
            Item(1, "1", "Apologies", _span("Apologies"), _span("None were received.")),
            Item(2, "2", "Minutes", _span("Minutes"), _span("Agreed."), "2", "Minutes"),
        ),
    )
    return dataclasses.replace(meeting, **changes)  # type: ignore[arg-type]


def _graph(meeting: Meeting | None = None) -> Graph:
    graph = Graph()
    for triple in meeting_triples(meeting or _meeting(), TEXT):
        graph.add(triple)
    return graph


MEETING = ID["meeting/004-x"]
BODY = ID["body/avon-and-somerset/avon-and-somerset-police-and-crime-board"]


def test_meeting_has_body_source_date_times_and_venue() -> None:
    graph = _graph()
    assert (MEETING, RDF.type, KG.Meeting) in graph
    assert (MEETING, KG.body, BODY) in graph
    assert (MEETING, KG.source, ID["document/004-x"]) in graph
    assert (MEETING, KG.date, Literal("2018-04-04", datatype=XSD.date)) in graph
    assert (MEETING, KG.startTime, Literal("13:00:00", datatype=XSD.time)) in graph
    assert (MEETING, KG.endTime, Literal("17:00:00", datatype=XSD.time)) in graph
    assert (MEETING, KG.venue, Literal("Gordano Room")) in graph
    assert (MEETING, KG.layout, Literal("numbered-minutes")) in graph


def test_source_document_has_file_name_hash_and_length() -> None:
    graph = _graph()
    document = ID["document/004-x"]
    assert graph.value(document, KG.fileName) == Literal("004_x.txt")
    assert graph.value(document, KG.sha256) == Literal("a" * 64)
    assert graph.value(document, KG.length) == Literal(len(TEXT), datatype=XSD.integer)


def test_body_is_typed_by_kind_and_linked_to_force() -> None:
    graph = _graph()
    assert set(graph.objects(BODY, RDF.type)) == {KG.Body, KG.PCCBoard}
    assert graph.value(BODY, KG.bodyKind) == ID["body-kind/pcc-board"]
    assert graph.value(BODY, KG.forceArea) == ID["force/avon-and-somerset"]


def test_other_body_without_force_has_no_subclass_or_force() -> None:
    body = Body(name="Joint Audit Committee", kind=BodyKind.OTHER)
    graph = _graph(_meeting(body=body))
    node = ID["body/unknown/joint-audit-committee"]
    assert set(graph.objects(node, RDF.type)) == {KG.Body}
    assert graph.value(node, KG.forceArea) is None


def test_items_are_linked_both_ways_in_order() -> None:
    graph = _graph()
    items = sorted(graph.objects(MEETING, KG.hasItem))
    assert items == [ID["meeting/004-x/item/1"], ID["meeting/004-x/item/2"]]
    second = items[1]
    assert graph.value(second, KG.meeting) == MEETING
    assert graph.value(second, KG.position) == Literal(2, datatype=XSD.integer)
    assert graph.value(second, KG.number) == Literal("2")
    assert graph.value(second, KG.title) == Literal("Minutes")
    assert graph.value(second, KG.agendaTitle) == Literal("Minutes")
    assert graph.value(items[0], KG.agendaTitle) is None


def test_each_value_has_its_own_evidence_quoting_the_text() -> None:
    graph = _graph()
    quotes = {
        str(node).rsplit("/", 1)[-1]: str(graph.value(node, KG.quote))
        for node in graph.objects(MEETING, KG.evidence)
    }
    assert quotes == {
        "date-evidence": "4 April 2018",
        "startTime-evidence": "13:00",
        "endTime-evidence": "17:00",
        "venue-evidence": "Gordano Room",
        "body-evidence": "Avon and Somerset Police and Crime Board",
        "forceArea-evidence": "Avon and Somerset",
    }
    assert graph.value(BODY, KG.evidence) is None
    for node in graph.subjects(RDF.type, KG.Evidence):
        start, end = (int(graph.value(node, p)) for p in (KG.start, KG.end))
        assert str(graph.value(node, KG.quote)) == TEXT[start:end]


def test_missing_values_give_no_triples() -> None:
    graph = _graph(_meeting(date=None, start_time=None, end_time=None, venue=None))
    for predicate in (KG.date, KG.startTime, KG.endTime, KG.venue):
        assert graph.value(MEETING, predicate) is None
    keys = {
        str(node).rsplit("/", 1)[-1] for node in graph.objects(MEETING, KG.evidence)
    }
    assert keys == {"body-evidence", "forceArea-evidence"}


def test_same_input_gives_identical_triples_without_blank_nodes() -> None:
    first, second = _graph(), _graph()
    assert set(first) == set(second)
    assert not any(isinstance(term, BNode) for triple in first for term in triple)


def test_clock_times_become_xsd_time() -> None:
    assert xsd_time("9:05") == Literal("09:05:00", datatype=XSD.time)
    assert xsd_time("14:00:30") == Literal("14:00:30", datatype=XSD.time)
