"""Build stage: one document to quads, checked and serialised as the graph path does."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.build import (
    Mapped,
    build_document,
    build_meeting,
    check_meeting,
    map_meeting,
    meeting_ntriples,
    structure_warnings,
)
from kg.mapping import meeting_to_graph, meeting_to_triples
from kg.namespaces import KG
from kg.parse import parse_document
from kg.pipeline import load_ntriples
from kg.records import Meeting, Source
from kg.store import graph_quads, memory_store
from kg.validate import validate

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_86c6655b3b10abe6.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[Meeting, str, Source]:
    text = SEED.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    source = Source(SEED.name, digest, len(text))
    return parse_document(text, source), text, source


def _triples(data: bytes, format: str) -> set[tuple[object, ...]]:
    graph = Graph().parse(data=data, format=format)
    return set(graph)


def test_the_triples_are_the_graphs_each_once(
    seed: tuple[Meeting, str, Source],
) -> None:
    meeting, text, _ = seed
    triples = meeting_to_triples(meeting, text)
    assert len(triples) == len(set(triples))
    assert set(triples) == set(meeting_to_graph(meeting, text))


def test_the_quads_hold_the_triples(seed: tuple[Meeting, str, Source]) -> None:
    meeting, text, _ = seed
    mapped = map_meeting(meeting, text)
    assert len(mapped.quads) == len(mapped.triples)
    assert all(q.graph_name == ox.DefaultGraph() for q in mapped.quads)
    graph = meeting_to_graph(meeting, text)
    assert _triples(meeting_ntriples(mapped), "nt") == set(graph)
    assert set(mapped.graph()) == set(mapped.triples)


def test_the_ntriples_are_what_oxigraph_writes_for_the_triples(
    seed: tuple[Meeting, str, Source],
) -> None:
    meeting, text, _ = seed
    quads = graph_quads(meeting_to_triples(meeting, text))
    written = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)
    assert meeting_ntriples(map_meeting(meeting, text)) == written


def test_the_worker_sends_the_graph_of_build_meeting(
    seed: tuple[Meeting, str, Source],
) -> None:
    _, text, source = seed
    built = build_document(("a.txt", text, source, "sparql"))
    name, graph = build_meeting(text, source)
    assert built.name == str(name) and built.error is None
    assert _triples(built.ntriples, "nt") == set(graph)
    assert built.warnings == ()


def _mapped(*triples: tuple[URIRef, URIRef, URIRef | Literal]) -> Mapped:
    name = URIRef("https://example.org/g")
    return Mapped.of(name, triples)


def test_ntriples_load_into_the_meeting_graph_even_with_awkward_literals() -> None:
    a, p = URIRef("https://example.org/a"), URIRef("https://example.org/p")
    mapped = _mapped((a, p, Literal("one .\ntwo .")), (a, p, Literal("x", lang="en")))
    store = memory_store()
    load_ntriples(store, mapped.name, meeting_ntriples(mapped))
    name = ox.NamedNode(mapped.name)
    expected = {ox.Quad(q.subject, q.predicate, q.object, name) for q in mapped.quads}
    assert set(store.quads()) == expected


def test_structure_warnings_read_any_triples() -> None:
    node = URIRef("https://example.org/m")
    date = (node, KG.date, Literal("2020-01-01"))
    assert structure_warnings([date, (node, KG.hasItem, node)], name="a") == []
    (warning,) = structure_warnings([date], name="a")
    assert warning.startswith("a: no agenda items recognised")


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_checking_quads_finds_what_validating_the_graph_finds(
    seed: tuple[Meeting, str, Source], engine: str
) -> None:
    meeting, text, _ = seed
    kept = [
        t
        for t in meeting_to_triples(meeting, text)
        if t[1] not in (KG.title, KG.body) and t[2] != KG.SourceDocument
    ]
    kept.append((URIRef(f"{kept[0][0]}/x"), RDF.type, KG.Meeting))
    name = map_meeting(meeting, text).name
    broken = Mapped.of(name, kept)
    report = check_meeting(broken, engine=engine)
    assert not report.conforms
    assert report == validate(broken.graph(), engine=engine)
    assert {"kg:title", "kg:body"} <= {r.path for r in report.results}
