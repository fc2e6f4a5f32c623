"""`graph_quads` parses most literal quads from N-Quads: the same quads, one by one.

The reference below is the plain conversion (`ox.Quad` of each triple, its terms made
by `ox.NamedNode` and `ox.Literal`). Random triples of every kind of literal (any
text, escapes and control characters included, datatypes, language tags) come out as
the same quads, in the same order, in the default graph or a named one.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.terms import graph_quads

SUBJECTS = [URIRef(f"https://w3id.org/police-kg/id/n{i}") for i in range(3)]
PREDICATES = [URIRef(f"https://w3id.org/police-kg/def#p{i}") for i in range(3)]
DATATYPES = [XSD.string, XSD.integer, XSD.date, RDF.langString, RDF.HTML]
# The graphs the quads go in (a default graph given is the default graph).
GRAPHS = [None, ox.NamedNode("https://w3id.org/police-kg/id/g"), ox.DefaultGraph()]
# Any text but lone surrogates, which neither way can write.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


def _reference(
    triples: list[tuple[Node, Node, Node]], name: ox.NamedNode | None
) -> list[ox.Quad]:
    quads = []
    for s, p, o in triples:
        if isinstance(o, Literal):
            if o.language:
                value: ox.NamedNode | ox.Literal = ox.Literal(o, language=o.language)
            elif o.datatype:
                value = ox.Literal(o, datatype=ox.NamedNode(o.datatype))
            else:
                value = ox.Literal(o)
        else:
            value = ox.NamedNode(str(o))
        quads.append(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), value, name))
    return quads


LITERALS = st.one_of(
    TEXT.map(Literal),
    st.builds(
        lambda text, datatype: Literal(text, datatype=datatype, normalize=False),
        TEXT,
        st.sampled_from(DATATYPES),
    ),
    st.builds(
        lambda text, lang: Literal(text, lang=lang),
        TEXT,
        st.sampled_from(["en", "en-GB", "cy"]),
    ),
)
TRIPLES = st.lists(
    st.tuples(
        st.sampled_from(SUBJECTS),
        st.sampled_from(PREDICATES),
        st.one_of(LITERALS, st.sampled_from(SUBJECTS)),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(triples=TRIPLES, name=st.sampled_from(GRAPHS))
def test_literal_quads_are_the_quads_made_one_by_one(
    triples: list[tuple[Node, Node, Node]], name: ox.NamedNode | None
) -> None:
    try:
        expected = _reference(triples, name)
    except ValueError:  # rdf:langString without a language: refused both ways
        with pytest.raises(ValueError):
            list(graph_quads(triples, name))
        return
    assert list(graph_quads(triples, name)) == expected


def test_a_blank_subject_stays_one_node_beside_written_literals() -> None:
    node = BNode()
    triples = [
        (node, PREDICATES[0], Literal("a")),
        (SUBJECTS[0], PREDICATES[0], Literal('say "hi"\n')),
        (node, PREDICATES[1], Literal("b")),
    ]
    first, second, third = graph_quads(triples)
    assert first.subject == third.subject and isinstance(first.subject, ox.BlankNode)
    assert second.object == ox.Literal('say "hi"\n')


def test_an_invalid_datatype_iri_is_refused() -> None:
    bad = Literal("x", datatype=URIRef("not an iri"))
    with pytest.raises(ValueError):
        list(graph_quads([(SUBJECTS[0], PREDICATES[0], bad)]))
