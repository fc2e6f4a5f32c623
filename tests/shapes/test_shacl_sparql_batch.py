"""Batched checks (`kg.shacl_sparql.batch`) find what the checks find one by one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.mapping import meeting_to_graph
from kg.mapping.reference import add_reference
from kg.namespaces import KG
from kg.parse import parse_document
from kg.records import Source
from kg.shacl_sparql import (
    Check,
    Failure,
    compile_shapes,
    find_failures,
    oxigraph_select,
)
from kg.shacl_sparql.batch import UNION_SIZE, batch_checks
from kg.shacl_sparql.run import _failure
from kg.terms import graph_quads
from kg.validate import shapes_graph, validate_quads

SEED = Path(__file__).resolve().parents[2] / "seeds" / "004_86c6655b3b10abe6.txt"


def _one_by_one(store: ox.Store, checks: tuple[Check, ...]) -> list[Failure]:
    select = oxigraph_select(store)
    failures = []
    for check in checks:
        variables, rows = select(check.sparql)
        for row in rows:
            failures.append(_failure(check, dict(zip(variables, row, strict=True))))
    return failures


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    text = SEED.read_text(encoding="utf-8")
    source = Source(SEED.name, hashlib.sha256(text.encode()).hexdigest(), len(text))
    return meeting_to_graph(parse_document(text, source), text)


def test_every_check_is_in_one_batch_and_the_queries_are_fewer() -> None:
    checks = compile_shapes(shapes_graph()).checks
    batches = batch_checks(checks)
    assert sorted(c.sparql for b in batches for c in b.checks) == sorted(
        c.sparql for c in checks
    )
    assert len(batches) < len(checks) / 2
    assert all(len(b.checks) <= UNION_SIZE or "VALUES" in b.sparql for b in batches)
    kinds = {c.part.kind for c in checks if c.part is not None}
    assert kinds == {"absent", "most", "value", "sparql"}
    alone = [b for b in batches if len(b.checks) == 1]
    assert all(b.sparql == b.checks[0].sparql for b in alone)


def _broken(graph: Graph) -> Graph:
    """Break one constraint of each kind: a missing title, two dates, bad values."""
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    item = sorted(broken.subjects(RDF.type, KG.AgendaItem))[0]
    meeting = next(broken.subjects(RDF.type, KG.Meeting))
    broken.remove((item, KG.title, None))
    broken.add((meeting, KG.date, Literal("2001-01-01", datatype=XSD.date)))
    broken.add((item, KG.position, Literal("first")))
    broken.add((meeting, KG.body, URIRef("https://example.org/not-a-body")))
    return broken


def test_batches_find_what_the_checks_find_one_by_one(seed_graph: Graph) -> None:
    checks = compile_shapes(shapes_graph()).checks
    store = ox.Store()
    store.extend(graph_quads(_broken(seed_graph)))
    add_reference(store)
    batched = find_failures(oxigraph_select(store), checks)
    alone = _one_by_one(store, checks)
    assert sorted(batched, key=repr) == sorted(alone, key=repr)
    components = {f.component for f in batched}
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent"} <= components
    assert {"DatatypeConstraintComponent", "ClassConstraintComponent"} <= components


def test_checks_run_in_python_find_what_the_queries_find(seed_graph: Graph) -> None:
    broken = _broken(seed_graph)
    item = sorted(broken.subjects(RDF.type, KG.AgendaItem))[0]
    evidence = sorted(broken.subjects(RDF.type, KG.Evidence))[0]
    # "x" and "x"^^xsd:string are one term to SPARQL, two to rdflib.
    for value in (Literal("x"), Literal("x", datatype=XSD.string)):
        broken.add((evidence, KG.quote, value))
        broken.add((item, KG.meeting, value))
    broken.add((KG.Evidence, RDFS.subClassOf, KG.AgendaItem))
    triples = tuple(broken)
    quads = tuple(graph_quads(triples))
    by_queries = validate_quads(quads, data=lambda: broken)
    in_python = validate_quads(quads, data=lambda: broken, triples=triples)
    assert in_python == by_queries
    components = {r.component for r in in_python.results}
    assert {"ClassConstraintComponent", "MaxCountConstraintComponent"} <= components
