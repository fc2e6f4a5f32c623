"""The xsd:integer values the Python checks read, remembered by lexical form, are
those read afresh: a form Oxigraph surely reads as Python does has its `int` value,
any other none, however often it comes and after the memory is cleared."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal
from rdflib.namespace import XSD

from kg.shacl_sparql import values

FORMS = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.from_regex(r"[-+ 0-9.e]{0,22}", fullmatch=True),
    st.text(max_size=8),
)


def _afresh(text: str) -> int | None:
    return int(text) if re.fullmatch(r"-?[0-9]{1,18}", text) else None


@settings(max_examples=300, deadline=None)
@given(text=FORMS, datatype=st.sampled_from([XSD.integer, XSD.int, XSD.string]))
def test_a_remembered_integer_is_the_one_read_afresh(text: str, datatype: str) -> None:
    term = Literal(text, datatype=datatype, normalize=False)
    expected = _afresh(text) if datatype == XSD.integer else None
    assert values.integer_value(term) == expected
    assert values.integer_value(term) == expected  # now remembered, if an integer


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "_INTEGERS", {})
    monkeypatch.setattr(values, "_INTEGERS_KEPT", 3)
    for n in range(10):
        term = Literal(str(n), datatype=XSD.integer, normalize=False)
        assert values.integer_value(term) == n
        assert len(values._INTEGERS) <= 3
    assert values.integer_value(Literal("7", datatype=XSD.integer)) == 7
