"""N-Triples lines: the mappers' triples written as Oxigraph writes them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.mapping.ntriples import ntriples_lines
from kg.terms import graph_quads

A, P = URIRef("https://example.org/a"), URIRef("https://example.org/p")
# Every character Oxigraph escapes, and some it writes as they are.
AWKWARD = "".join(map(chr, range(0x30))) + '\x7f\x80\xa0\u2028\ufeff\U0001f600 é\\"'


@pytest.mark.parametrize(
    "value",
    [
        Literal(AWKWARD),
        Literal("one .\ntwo ."),
        Literal("x", lang="EN-gb"),
        Literal("x", datatype=XSD.string),
        Literal("01", datatype=XSD.integer),
        Literal(True),
        Literal("2024-03-01", datatype=XSD.date),
        Literal("x", datatype=URIRef("https://example.org/type")),
        Literal("x", datatype=RDF.langString),
        URIRef("https://example.org/é"),
        RDF.type,
    ],
)
def test_a_line_is_what_oxigraph_writes(value: URIRef | Literal) -> None:
    (_,), (line,) = ntriples_lines([(A, P, value)])
    written = ox.serialize(graph_quads([(A, P, value)]), format=ox.RdfFormat.N_TRIPLES)
    assert line == written


def test_an_iri_oxigraph_refuses_is_refused() -> None:
    with pytest.raises(ValueError):
        ntriples_lines([(URIRef("https://example.org/a b"), P, A)])


def test_each_triple_is_kept_once_in_order_as_oxigraph_tells_them_apart() -> None:
    plain, typed = Literal("x"), Literal("x", datatype=XSD.string)
    kept, lines = ntriples_lines([(A, P, plain), (A, P, A), (A, P, typed), (A, P, A)])
    assert kept == ((A, P, plain), (A, P, A))
    assert lines == (f'<{A}> <{P}> "x" .\n'.encode(), f"<{A}> <{P}> <{A}> .\n".encode())


def test_a_blank_node_is_one_node_in_every_line() -> None:
    blank = BNode()
    _, lines = ntriples_lines([(blank, P, A), (A, P, blank)])
    assert lines[0].split()[0] == lines[1].split()[2]
    assert lines[0].startswith(b"_:")
