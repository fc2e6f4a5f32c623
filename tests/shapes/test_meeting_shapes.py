"""Shapes `meeting.ttl` and `evidence.ttl`: conforming and violating snippets."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SKOS

from kg import resources
from kg.namespaces import ID, KG, SH
from kg.validate import shapes_graph, validate

PREFIXES = """
@base <https://w3id.org/police-kg/id/> .
@prefix kg: <https://w3id.org/police-kg/def#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

MEETING = """
<meeting/m> a kg:Meeting ; kg:body <body/dorset/panel> ; kg:source <document/m> ;
    kg:date "2020-01-15"^^xsd:date ; kg:startTime "10:00:00"^^xsd:time ;
    kg:hasItem <meeting/m/item/1> .
<body/dorset/panel> a kg:Body, kg:PoliceAndCrimePanel ; kg:name "Dorset Panel" ;
    kg:bodyKind <body-kind/police-and-crime-panel> ; kg:forceArea <force/dorset> .
<document/m> a kg:SourceDocument ; kg:fileName "m.txt" ; kg:length 40 ;
    kg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" .
<meeting/m/item/1> a kg:AgendaItem ; kg:meeting <meeting/m> ; kg:position 1 ;
    kg:number "1" ; kg:title "Apologies" .
"""

EVIDENCE = """
<meeting/m/date-evidence> a kg:Evidence ; kg:document <document/m> ;
    kg:start 5 ; kg:end 15 ; kg:quote "15 January" .
"""


def _graph(*snippets: str) -> Graph:
    return Graph().parse(data=PREFIXES + "".join(snippets), format="turtle")


def _shapes(name: str) -> Graph:
    return shapes_graph(files=(name,))


def _failures(graph: Graph, name: str) -> set[tuple[URIRef, str | None]]:
    report = validate(graph, shapes=_shapes(name))
    return {(URIRef(r.focus_node), r.path) for r in report.results}


@pytest.mark.parametrize("name", ["meeting.ttl", "evidence.ttl"])
def test_a_well_formed_meeting_conforms(name: str) -> None:
    report = validate(_graph(MEETING, EVIDENCE), shapes=_shapes(name))
    assert report.conforms, report.render()


@pytest.mark.parametrize(
    ("snippet", "focus", "path"),
    [
        ('<meeting/m> kg:body <body/x> . <body/x> a kg:Body ; kg:name "X" ; '
         "kg:bodyKind <body-kind/other> .", "meeting/m", "kg:body"),
        ('<meeting/m> kg:date "2020-02-01"^^xsd:date .', "meeting/m", "kg:date"),
        ('<meeting/m> kg:startTime "ten o\'clock" .', "meeting/m", "kg:startTime"),
        ("<body/dorset/panel> kg:bodyKind <body-kind/parish> .",
         "body/dorset/panel", "kg:bodyKind"),
        ("<meeting/m/item/2> a kg:AgendaItem ; kg:meeting <meeting/m> ; "
         'kg:position 2 ; kg:number "2" .', "meeting/m/item/2", "kg:title"),
        ('<meeting/m/item/1> kg:position "first" .', "meeting/m/item/1", "kg:position"),
        ('<meeting/n> a kg:Meeting . <meeting/m/item/1> kg:meeting <meeting/n> .',
         "meeting/m/item/1", "kg:meeting"),
        ("<meeting/m/item/3> a kg:AgendaItem ; kg:meeting <meeting/m> ; "
         'kg:position 3 ; kg:number "3" ; kg:title "AOB" .',
         "meeting/m/item/3", "^kg:hasItem"),
    ],
)  # fmt: skip
def test_a_broken_meeting_fails_on_the_right_node(
    snippet: str, focus: str, path: str
) -> None:
    assert (ID[focus], path) in _failures(_graph(MEETING, snippet), "meeting.ttl")


@pytest.mark.parametrize(
    ("snippet", "path"),
    [
        ("kg:start 5 ; kg:end 15 ; kg:quote \"15 Jan\" .", "kg:quote"),
        ("kg:start 35 ; kg:end 45 ; kg:quote \"0123456789\" .", "kg:end"),
        ("kg:start -1 ; kg:end 0 ; kg:quote \"\" .", "kg:start"),
        ("kg:start 9 ; kg:end 5 ; kg:quote \"\" .", "kg:start"),
        ("kg:start \"5\" ; kg:end 6 ; kg:quote \"x\" .", "kg:start"),
    ],
)  # fmt: skip
def test_broken_evidence_fails_on_the_right_path(snippet: str, path: str) -> None:
    evidence = "<meeting/m/bad> a kg:Evidence ; kg:document <document/m> ; " + snippet
    failures = _failures(_graph(MEETING, evidence), "evidence.ttl")
    assert (ID["meeting/m/bad"], path) in failures


def test_every_shape_says_why_and_what() -> None:
    for shapes_file in ("meeting.ttl", "evidence.ttl"):
        shapes = _shapes(shapes_file)
        constraints = [
            *shapes.objects(None, SH.property),
            *shapes.objects(None, SH.sparql),
        ]
        assert constraints
        for node in constraints:
            assert shapes.value(node, SH.message) is not None, node
            assert shapes.value(node, RDFS.comment) is not None, node
        for shape in shapes.subjects(None, SH.NodeShape):
            assert shapes.value(shape, RDFS.comment) is not None, shape


def test_kg_terms_in_shapes_exist() -> None:
    for shapes_file in ("meeting.ttl", "evidence.ttl"):
        for term in _shapes(shapes_file).all_nodes():
            if isinstance(term, URIRef) and str(term).startswith(str(KG._NS)):
                assert getattr(KG, str(term).split("#")[1]) == term


def test_closed_list_constraints_name_exactly_the_list_concepts() -> None:
    lists = Graph().parse(data=resources.read_text("ontology", "lists.ttl"))
    schemes: dict[str, set[str]] = {}
    for concept in lists.subjects(SKOS.inScheme, None):
        scheme, _ = str(concept).removeprefix(str(ID)).split("/")
        schemes.setdefault(scheme, set()).add(str(concept))
    checked = 0
    for name in resources.names("shapes", ".ttl"):
        shapes = _shapes(name)
        for values in shapes.objects(None, SH["in"]):
            members = {str(v) for v in Collection(shapes, values)}
            scheme = next(iter(members)).removeprefix(str(ID)).split("/")[0]
            if scheme in schemes:
                assert members == schemes[scheme], (name, scheme)
                checked += 1
    assert checked >= 2
