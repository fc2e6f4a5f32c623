"""Literals the mappers make, each made once per value.

rdflib makes a literal slowly: it casts the value to Python and back and checks the
result (one to four microseconds), and a meeting has a few hundred literals. Most of
them repeat: offsets and positions, and the same names, titles and phrases within a
meeting (a title is also its evidence quote) and from meeting to meeting. Literals
are immutable, so each function here keeps the ones it made, bounded by an LRU cache.
"""

from __future__ import annotations

import functools

from rdflib import Literal

from kg.mapping.vocab import XSD

# `kg:virtual true`, the one boolean the mappers write.
TRUE = Literal(True)


@functools.lru_cache(maxsize=1 << 10)
def text_literal(text: str) -> Literal:
    """Give the plain literal of `text`, the same as `Literal(text)`.

    rdflib's normalising step casts a plain string to itself, so it is skipped.

    >>> text_literal("Gordano Room") == Literal("Gordano Room")
    True
    """
    return Literal(text, normalize=False)


@functools.lru_cache(maxsize=1 << 16)
def offset_literal(offset: int) -> Literal:
    """Give the xsd:integer literal of a character offset.

    >>> offset_literal(42).n3()
    '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    # Given as a lexical form: rdflib converts a Python int more slowly still. The
    # form of an int is already canonical: normalising it again costs a fifth more
    # (4.0 against 3.0 microseconds a literal, about 19 new offsets a meeting).
    return Literal(str(offset), datatype=XSD.integer, normalize=False)


@functools.lru_cache(maxsize=1 << 10)
def integer_literal(value: int) -> Literal:
    """Give the xsd:integer literal of a count or position.

    >>> integer_literal(3).n3()
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    return Literal(value, datatype=XSD.integer)
