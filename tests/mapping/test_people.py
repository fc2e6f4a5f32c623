"""People mapping: attendance triples, person and post IRIs, attendance shapes."""

from __future__ import annotations

from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.extract.attendance import extract_attendance
from kg.mapping.iris import ID
from kg.mapping.people import people_triples
from kg.namespaces import KG
from kg.records import EXAMPLE_MEETING
from kg.resources import read_text

TEXT = (
    "PRESENT\n- Mark Burns-Williamson – Police and Crime Commissioner (PCC)\n"
    "- T/CC Dee Collins (1-2)\n\nALSO PRESENT\n- Darren Medcalf, HMIC\n\n"
    "Attendees:\n- **Monitoring Officer**\n\n1. Item\n"
)


def _graph(text: str = TEXT) -> Graph:
    meeting = extract_attendance(EXAMPLE_MEETING, text)
    graph = Graph()
    for triple in people_triples(meeting, text):
        graph.add(triple)
    return graph


def test_attendance_links_person_post_status_and_evidence() -> None:
    graph = _graph()
    person = ID["person/avon-and-somerset/mark-burns-williamson"]
    (attendance,) = graph.subjects(KG.person, person)
    assert (attendance, KG.post, ID["post/avon-and-somerset/pcc"]) in graph
    assert (attendance, KG.status, ID["attendance-status/present"]) in graph
    quote = graph.value(graph.value(attendance, KG.evidence), KG.quote)
    assert str(quote).startswith("Mark Burns-Williamson – Police")
    collins = next(
        graph.subjects(KG.person, ID["person/avon-and-somerset/dee-collins"])
    )
    assert graph.value(collins, KG.itemsAttended) == Literal("1-2")
    assert graph.value(collins, KG.post) == ID["post/avon-and-somerset/chief-constable"]


def test_post_without_holder_is_a_mention_not_a_person() -> None:
    graph = _graph()
    (mention,) = graph.subjects(RDF.type, KG.Mention)
    assert (
        graph.value(mention, KG.post) == ID["post/avon-and-somerset/monitoring-officer"]
    )
    assert len(set(graph.subjects(RDF.type, KG.Person))) == 3


def _shapes() -> Graph:
    return Graph().parse(data=read_text("shapes", "attendance.ttl"), format="turtle")


def test_mapped_attendance_conforms() -> None:
    conforms, _, text = validate(_graph(), shacl_graph=_shapes())
    assert conforms, text


def test_attendance_without_person_or_with_odd_status_fails() -> None:
    graph = _graph()
    attendance = next(graph.subjects(RDF.type, KG.Attendance))
    graph.remove((attendance, KG.person, None))
    graph.set((attendance, KG.status, URIRef(ID["attendance-status/late"])))
    conforms, report, _ = validate(graph, shacl_graph=_shapes())
    assert not conforms
    sh = "http://www.w3.org/ns/shacl#"
    paths = {
        str(report.value(r, URIRef(sh + "resultPath")))
        for r in report.subjects(RDF.type, URIRef(sh + "ValidationResult"))
    }
    focus = {
        report.value(r, URIRef(sh + "focusNode"))
        for r in report.subjects(RDF.type, URIRef(sh + "ValidationResult"))
    }
    assert paths == {str(KG.person), str(KG.status)}
    assert focus == {attendance}


def test_same_input_gives_same_turtle() -> None:
    first = _graph().serialize(format="nt")
    second = _graph().serialize(format="nt")
    assert sorted(first.splitlines()) == sorted(second.splitlines())


def test_meeting_without_force_keys_people_by_body() -> None:
    from dataclasses import replace

    meeting = replace(
        EXAMPLE_MEETING,
        body=replace(EXAMPLE_MEETING.body, force=None, name="Some Board"),
    )
    meeting = extract_attendance(meeting, "PRESENT\n- Cllr Ann Bee\n")
    graph = Graph()
    for triple in people_triples(meeting, "PRESENT\n- Cllr Ann Bee\n"):
        graph.add(triple)
    assert (ID["person/some-board/ann-bee"], RDF.type, KG.Person) in graph
