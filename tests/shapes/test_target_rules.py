"""A SPARQL target ruled out in Python selects nothing when Oxigraph runs it.

`kg.shacl_sparql.targets` answers the evidence shape's focus query on the index of a
meeting's triples, so that neither a store nor the query is made; the tests run the
query on a store of random evidence (offsets and quotes that fit or not, odd
datatypes, lexical forms, language tags, missing values, several documents) and hold
the Python answer to it: "none" only when the query finds none, and always then when
every value is a plain one.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from kg.namespaces import KG
from kg.shacl_sparql import Index, oxigraph_select, to_oxigraph
from kg.shacl_sparql.compile import Part
from kg.shacl_sparql.run import _plan_of
from kg.shacl_sparql.targets import quotes_fit, selects_none
from kg.validate import _default_compiled

Triple = tuple[Node, Node, Node]


def _evidence_part() -> Part:
    plan = _plan_of(tuple(_default_compiled().checks), local=True)
    parts = [
        check.part
        for batch, _, _ in plan.batches
        for check in batch.checks
        if check.part is not None and "kg:Evidence" in check.part.focus
    ]
    assert parts
    return parts[0]


def test_the_evidence_shapes_target_is_ruled_out_in_python() -> None:
    part = _evidence_part()
    assert selects_none(part.header, part.focus, Index([]))
    assert not selects_none(part.header, part.focus.replace("!=", "="), Index([]))


PLAIN = st.integers(min_value=0, max_value=60)
INTEGERS = st.one_of(
    PLAIN.map(lambda n: Literal(str(n), datatype=XSD.integer, normalize=False)),
    st.sampled_from(["+5", "05", "-3", "1e1", " 7", "99999999999999999999"]).map(
        lambda text: Literal(text, datatype=XSD.integer, normalize=False)
    ),
    PLAIN.map(lambda n: Literal(str(n), datatype=XSD.int, normalize=False)),
    PLAIN.map(lambda n: Literal(str(n))),
)
QUOTES = st.one_of(
    st.text(alphabet="ab é\n\u212a😀", max_size=12).map(Literal),
    st.text(max_size=5).map(lambda text: Literal(text, datatype=XSD.string)),
    st.text(max_size=5).map(lambda text: Literal(text, lang="en")),
    PLAIN.map(lambda n: Literal(str(n), datatype=XSD.integer, normalize=False)),
    st.just(URIRef("http://e.org/q")),
)


@st.composite
def evidence(draw: st.DrawFn, *, plain: bool) -> list[Triple]:
    ints = PLAIN.map(Literal) if plain else INTEGERS
    quotes = st.text(alphabet="ab é\n😀", max_size=12).map(Literal) if plain else QUOTES
    triples: list[Triple] = []
    for n in range(draw(st.integers(min_value=1, max_value=3))):
        node = URIRef(f"http://e.org/evidence/{n}")
        # Python checks a subclass's instances too, which the query does not select
        kinds = [KG.Evidence] if plain else [KG.Evidence, URIRef("http://e.org/Sub")]
        kind = draw(st.sampled_from(kinds))
        triples.append((node, RDF.type, kind))
        if draw(st.booleans()):
            start = draw(PLAIN)
            quote = draw(st.text(alphabet="ab é😀", min_size=0, max_size=12))
            fits = draw(st.booleans())
            end = start + len(quote) + (0 if fits else draw(st.integers(-2, 2)))
            triples += [
                (node, KG.start, Literal(start)),
                (node, KG.end, Literal(end)),
                (node, KG.quote, Literal(quote)),
            ]
        for predicate in (KG.start, KG.end):
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                triples.append((node, predicate, draw(ints)))
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            triples.append((node, KG.quote, draw(quotes)))
        for d in range(draw(st.integers(min_value=0, max_value=2))):
            document = draw(st.sampled_from([URIRef(f"http://e.org/doc/{d}"), BNode()]))
            triples.append((node, KG.document, document))
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                triples.append((document, KG.length, draw(ints)))
    if draw(st.booleans()):
        triples.append((URIRef("http://e.org/Sub"), RDFS.subClassOf, KG.Evidence))
    return triples


def _query_selects(triples: list[Triple]) -> bool:
    part = _evidence_part()
    select = oxigraph_select(to_oxigraph(triples))
    _, rows = select(f"{part.header}SELECT ?this WHERE {{ {part.focus} }} LIMIT 1")
    return bool(list(rows))


@settings(max_examples=300, deadline=None)
@given(evidence(plain=False))
def test_ruled_out_only_when_the_query_selects_none(triples: list[Triple]) -> None:
    if quotes_fit(Index(triples)):
        assert not _query_selects(triples)


@settings(max_examples=300, deadline=None)
@given(evidence(plain=True))
def test_plain_values_are_decided_as_the_query_does(triples: list[Triple]) -> None:
    assert quotes_fit(Index(triples)) == (not _query_selects(triples))
