"""The mapping's fast paths give exactly what the plain rdflib calls they replace give.

`kg.mapping.literals` caches literals and skips rdflib's normalising of plain strings,
`kg.mapping.iris` caches slugs, file keys and minted IRIs, and `kg.mapping.vocab`
snapshots the namespaces: each is held here to the slow path's answer.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal
from rdflib.namespace import RDF as RDF_NAMESPACE
from rdflib.namespace import XSD as XSD_NAMESPACE

from kg import namespaces
from kg.mapping import iris, literals, vocab
from kg.mapping.people import person_iri
from kg.records import PersonName


def _state(literal: Literal) -> tuple[object, ...]:
    """Everything a reader of a literal can see."""
    return (
        type(literal),
        str(literal),
        literal.language,
        literal.datatype,
        type(literal.datatype),
        literal.value,
        type(literal.value),
        literal.ill_typed,
        literal.n3(),
    )


@given(st.text())
def test_text_literal_is_the_plain_literal(text: str) -> None:
    assert _state(literals.text_literal(text)) == _state(Literal(text))
    assert literals.text_literal(text) is literals.text_literal(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_integer_literals_are_rdflib_integers(value: int) -> None:
    integer = Literal(value, datatype=XSD_NAMESPACE.integer)
    assert _state(literals.integer_literal(value)) == _state(integer)
    offset = Literal(str(value), datatype=XSD_NAMESPACE.integer)
    assert _state(literals.offset_literal(value)) == _state(offset)


def test_true_is_rdflib_true() -> None:
    assert _state(literals.TRUE) == _state(Literal(True))


@given(st.text())
def test_cached_slug_matches_uncached(text: str) -> None:
    assert iris.slug(text) == iris.slug.__wrapped__(text)


@given(st.text())
def test_file_key_matches_the_stem_rule(name: str) -> None:
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    assert iris.file_key(name) == iris.slug(stem)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-/"))
def test_mint_is_the_namespace_term(path: str) -> None:
    minted = iris.mint(path)
    assert minted == namespaces.ID[path]
    assert type(minted) is type(namespaces.ID[path])
    assert iris.mint(path) is minted


@given(st.text())
def test_person_iri_drops_dots_as_before(full: str) -> None:
    before = namespaces.ID[f"person/kent/{iris.slug(re.sub(r'[.]', ' ', full))}"]
    assert person_iri("kent", PersonName(full)) == before


def test_vocab_holds_every_term_of_the_namespaces() -> None:
    pairs = (
        (vocab.KG, namespaces.KG),
        (vocab.RDF, RDF_NAMESPACE),
        (vocab.XSD, XSD_NAMESPACE),
    )
    for snapshot, namespace in pairs:
        for name in namespace.__annotations__:
            assert getattr(snapshot, name) == namespace[name]
            assert type(getattr(snapshot, name)) is type(namespace[name])
