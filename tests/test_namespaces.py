"""`kg.namespaces.KG` and `ontology/kg.ttl` declare the same terms, each documented."""

from __future__ import annotations

import re
from enum import Enum

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import resources
from kg.mapping.iris import concept_iri
from kg.namespaces import ID, KG, ONTOLOGY_IRI, bind_prefixes
from kg.records import AttendanceStatus, BodyKind, DecisionKind, DecisionStatus

KG_NS = ONTOLOGY_IRI + "#"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(
        data=resources.read_text("ontology", "kg.ttl"), format="turtle"
    )


def declared_terms(graph: Graph) -> set[str]:
    return {
        str(s).removeprefix(KG_NS)
        for kind in TERM_TYPES
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(KG_NS)
    }


def python_terms() -> set[str]:
    return set(KG.__annotations__)


def test_every_python_term_is_declared_in_the_ontology(ontology: Graph) -> None:
    assert python_terms() - declared_terms(ontology) == set()


def test_every_ontology_term_is_in_the_python_namespace(ontology: Graph) -> None:
    assert declared_terms(ontology) - python_terms() == set()


def test_every_term_has_a_label_and_a_comment(ontology: Graph) -> None:
    undocumented = [
        term
        for term in sorted(declared_terms(ontology))
        if ontology.value(KG[term], RDFS.label) is None
        or ontology.value(KG[term], RDFS.comment) is None
    ]
    assert undocumented == []


def test_the_ontology_has_a_version(ontology: Graph) -> None:
    assert ontology.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo) is not None
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology


def test_alignment_axioms_point_outside_our_namespace(ontology: Graph) -> None:
    aligned = {
        o
        for p in (RDFS.subClassOf, RDFS.subPropertyOf)
        for o in ontology.objects(None, p)
    }
    assert any(str(o).startswith("http://www.w3.org/ns/org#") for o in aligned)
    assert any(str(o).startswith("http://www.w3.org/ns/oa#") for o in aligned)


@pytest.mark.parametrize("name", resources.names("ontology", ".ttl"))
def test_every_ontology_file_parses(name: str) -> None:
    graph = Graph().parse(data=resources.read_text("ontology", name), format="turtle")
    assert len(graph) > 0


def test_unknown_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = KG.noSuchTerm


def test_bind_prefixes_binds_kg() -> None:
    graph = bind_prefixes(Graph())
    assert dict(graph.namespaces())["kg"] == URIRef(KG_NS)


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (kind, name)
        for kind in ("ontology", "shapes")
        for name in resources.names(kind, ".ttl")
    ],
)
def test_data_files_use_only_declared_terms(kind: str, name: str) -> None:
    graph = Graph().parse(data=resources.read_text(kind, name), format="turtle")
    used = {
        str(term).removeprefix(KG_NS)
        for term in graph.all_nodes()
        if isinstance(term, URIRef) and str(term).startswith(KG_NS)
    }
    assert used - python_terms() == set()


@pytest.mark.parametrize("name", resources.names("queries", ".rq"))
def test_saved_queries_use_only_declared_terms(name: str) -> None:
    text = resources.read_text("queries", name)
    assert f"PREFIX kg: <{KG_NS}>" in text or "kg:" not in text
    used = set(re.findall(r"\bkg:([A-Za-z]\w*)", text))
    assert used - python_terms() == set()


@pytest.mark.parametrize(
    ("scheme", "enum"),
    [
        ("body-kind", BodyKind),
        ("attendance-status", AttendanceStatus),
        ("decision-kind", DecisionKind),
        ("decision-status", DecisionStatus),
    ],
)
def test_closed_lists_match_the_record_enums(scheme: str, enum: type[Enum]) -> None:
    lists = Graph().parse(data=resources.read_text("ontology", "lists.ttl"))
    members = set(lists.subjects(SKOS.inScheme, ID[f"{scheme}-scheme"]))
    assert members == {concept_iri(scheme, member.value) for member in enum}
    for concept in members:
        assert str(lists.value(concept, SKOS.notation)) == str(concept).rsplit("/")[-1]
        assert lists.value(concept, SKOS.prefLabel) is not None
