"""The force reference data (`ontology/forces.ttl`) and the force resolver."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph

from kg import resources
from kg.namespaces import KG
from kg.parse.forces import area_label, find_mentions, force_lexicon, resolve_force
from kg.records import Span

POLICE_UK = {
    "avon-and-somerset",
    "bedfordshire",
    "cambridgeshire",
    "cheshire",
    "city-of-london",
    "cleveland",
    "cumbria",
    "derbyshire",
    "devon-and-cornwall",
    "dorset",
    "durham",
    "dyfed-powys",
    "essex",
    "gloucestershire",
    "greater-manchester",
    "gwent",
    "hampshire",
    "hertfordshire",
    "humberside",
    "kent",
    "lancashire",
    "leicestershire",
    "lincolnshire",
    "merseyside",
    "metropolitan",
    "norfolk",
    "north-wales",
    "north-yorkshire",
    "northamptonshire",
    "northern-ireland",
    "northumbria",
    "nottinghamshire",
    "south-wales",
    "south-yorkshire",
    "staffordshire",
    "suffolk",
    "surrey",
    "sussex",
    "thames-valley",
    "warwickshire",
    "west-mercia",
    "west-midlands",
    "west-yorkshire",
    "wiltshire",
}


def forces_graph() -> Graph:
    return Graph().parse(
        data=resources.read_text("ontology", "forces.ttl"), format="turtle"
    )


def test_every_police_uk_force_and_btp_is_declared_once() -> None:
    graph = forces_graph()
    notations = [
        str(n)
        for f in graph.subjects(RDF.type, KG.PoliceForce)
        for n in graph.objects(f, SKOS.notation)
    ]
    assert len(POLICE_UK) == 44
    assert sorted(notations) == sorted(POLICE_UK | {"btp"})


def test_every_force_has_a_labelled_pcc_post() -> None:
    graph = forces_graph()
    for force in graph.subjects(RDF.type, KG.PoliceForce):
        post = graph.value(force, KG.pccPost)
        assert post is not None, force
        assert (post, RDF.type, KG.Post) in graph
        assert graph.value(post, SKOS.prefLabel) is not None
        assert str(post).endswith("/pcc")


@pytest.mark.parametrize(
    ("force", "post"),
    [
        ("greater-manchester", "Mayor of Greater Manchester"),
        ("metropolitan", "Mayor of London"),
        ("essex", "Police, Fire and Crime Commissioner for Essex"),
        ("staffordshire", "Police, Fire and Crime Commissioner for Staffordshire"),
        ("thames-valley", "Police and Crime Commissioner for Thames Valley"),
    ],
)
def test_pcc_post_arrangement(force: str, post: str) -> None:
    graph = forces_graph()
    [subject] = [s for s, n in graph.subject_objects(SKOS.notation) if str(n) == force]
    assert str(graph.value(graph.value(subject, KG.pccPost), SKOS.prefLabel)) == post


@pytest.mark.parametrize(
    ("wording", "force"),
    [
        ("TVP", "thames-valley"),
        ("Avon & Somerset Constabulary", "avon-and-somerset"),
        ("West Mercia Police", "west-mercia"),
        ("WYP", "west-yorkshire"),
        ("Worcestershire", "west-mercia"),
        ("Telford", "west-mercia"),
        ("Bristol", "avon-and-somerset"),
        ("Oxfordshire", "thames-valley"),
        ("Buckinghamshire", "thames-valley"),
        ("British Transport Police", "btp"),
        ("WEST YORKSHIRE", "west-yorkshire"),
        ("North Lincolnshire", "humberside"),
    ],
)
def test_wordings_minutes_use(wording: str, force: str) -> None:
    [mention] = find_mentions(f"The {wording} report")
    assert mention.force == force
    assert mention.span == Span(4, 4 + len(wording))


@pytest.mark.parametrize(
    "text", ["reading the report", "the kent of it", "thames valley"]
)
def test_lower_case_words_are_not_places(text: str) -> None:
    assert resolve_force(text) is None


def test_repeated_mentions_beat_a_passing_other_force() -> None:
    text = (
        "Statement on the closure of the British Transport Police station at "
        "Bath Spa.\n"
        "Child Sexual Exploitation in Avon and Somerset ... Somerset Council ...\n"
        "the position in Avon and Somerset."
    )
    found = resolve_force(text)
    assert found is not None and found.value == "avon-and-somerset"
    assert text[found.span.start : found.span.end] == "Avon and Somerset"


def test_the_heading_outweighs_the_body_text() -> None:
    text = "West Yorkshire Community Outcomes Meeting\n" + "Bristol. " * 3
    found = resolve_force(text, heading=Span(0, 41))
    assert found is not None and found.value == "west-yorkshire"


def test_one_passing_place_name_is_not_enough() -> None:
    assert resolve_force("A visit to Leeds.") is None


def test_area_labels_write_body_names() -> None:
    assert area_label("thames-valley") == "Thames Valley"
    assert area_label("metropolitan") == "London"
    assert len(force_lexicon().areas) == 45
