"""Validation: the seeds' graphs conform; a broken meeting graph fails readably."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from kg.mapping import meeting_to_graph
from kg.mapping.iris import document_iri, meeting_iri, part_iri
from kg.mapping.reference import reference_additions, reference_for
from kg.namespaces import KG
from kg.parse import parse_document
from kg.records import Meeting, Source
from kg.terms import graph_quads
from kg.validate import (
    Report,
    Result,
    source_file,
    validate,
    validate_quads,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "004_86c6655b3b10abe6.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[Meeting, Graph]:
    text = SEED.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    meeting = parse_document(text, Source(SEED.name, digest, len(text)))
    return meeting, meeting_to_graph(meeting, text)


def test_a_seed_meeting_conforms(seed: tuple[Meeting, Graph]) -> None:
    _, graph = seed
    report = validate(graph)
    assert report.conforms, report.render()
    assert report.render() == "Conforms: no SHACL violations."


def test_a_broken_meeting_fails_readably(seed: tuple[Meeting, Graph]) -> None:
    meeting, original = seed
    graph = Graph()
    for triple in original:
        graph.add(triple)
    node = meeting_iri(meeting)
    graph.remove((node, KG.body, None))
    graph.add((node, KG.date, Literal("2018-04-05", datatype=XSD.date)))
    item = part_iri(meeting, "item", 1)
    graph.remove((item, KG.title, None))
    evidence = next(graph.objects(item, KG.evidence))
    graph.set((evidence, KG.quote, Literal("Apologies, retyped")))
    report = validate(graph)
    assert not report.conforms
    failed = {(r.focus_node, r.path) for r in report.results}
    assert failed >= {
        (str(node), "kg:body"),
        (str(node), "kg:date"),
        (str(item), "kg:title"),
        (str(evidence), "kg:quote"),
    }
    assert all(r.source_file == SEED.name for r in report.results)
    text = report.render()
    assert text.startswith(f"Does not conform: {len(report.results)} result(s).")
    assert "Violation: id:meeting/004-86c6655b3b10abe6 kg:body: A meeting" in text
    assert f"[{SEED.name}]" in text


def test_a_graph_without_meetings_conforms() -> None:
    assert validate(Graph()).conforms


def test_source_file_follows_links_to_the_document(seed: tuple[Meeting, Graph]) -> None:
    meeting, graph = seed
    body = graph.value(meeting_iri(meeting), KG.body)
    for node in (document_iri(meeting), meeting_iri(meeting), body):
        assert source_file(graph, node) == SEED.name
    for evidence in graph.subjects(RDF.type, KG.Evidence):
        assert source_file(graph, evidence) == SEED.name


def test_result_renders_on_one_line() -> None:
    result = Result(
        focus_node="https://w3id.org/police-kg/id/meeting/x",
        path="kg:date",
        message="A meeting has at most one date.",
        severity="Violation",
        source_file="x.txt",
    )
    assert result.render() == (
        "Violation: id:meeting/x kg:date: A meeting has at most one date. [x.txt]"
    )
    assert Report(conforms=False, results=(result,)).render().count("\n") == 1


def test_reference_for_quads_is_what_a_store_of_them_lacks(
    seed: tuple[Meeting, Graph],
) -> None:
    _, graph = seed
    quads = list(graph_quads(graph))
    store = ox.Store()
    store.extend(quads)
    found = reference_for(quads)
    assert found and set(found) == set(reference_additions(store))


def test_validating_quads_is_validating_their_graph(
    seed: tuple[Meeting, Graph],
) -> None:
    _, original = seed
    graph = Graph()
    for triple in original:
        if triple[1] != KG.title:
            graph.add(triple)
    report = validate_quads(list(graph_quads(graph)), data=lambda: graph)
    assert not report.conforms
    assert report == validate(graph)


def test_blank_focus_nodes_are_reported_without_a_file() -> None:
    # Blank nodes cannot be named in the query that looks up source files.
    graph = Graph().parse(
        data="@prefix kg: <https://w3id.org/police-kg/def#> .\n"
        "_:m a kg:Meeting .\n[] a kg:Attendance ; kg:meeting _:m .\n",
        format="turtle",
    )
    report = validate(graph)
    assert not report.conforms
    assert {r.path for r in report.results} >= {"kg:body", "kg:person"}
    assert all(r.source_file is None for r in report.results)
    assert all(r.render().startswith("Violation: _:") for r in report.results)
