"""`kg.namespaces.KG` and `ontology/kg.ttl` declare the same terms, each documented."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import resources
from kg.namespaces import KG, ONTOLOGY_IRI, bind_prefixes

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
