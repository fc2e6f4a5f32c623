"""Testing values in Python: a `Local` value check in, the values SPARQL fails out.

Part of the SPARQL validation engine (`kg.shacl_sparql`), used by
`kg.shacl_sparql.local`. Each test gives exactly what the check's SPARQL FILTER
gives in Oxigraph. Python decides the cases it knows for sure: the kind of a term,
an IRI's text, a plain or language-tagged string, a short well-formed integer, date
or time. Oxigraph reads other typed literals its own way (it keeps "01"^^xsd:integer
as "1", it refuses "99999999999999999999"^^xsd:integer, it compares dates with
time zones), so about those values Python asks Oxigraph itself: the check's FILTER
on that one value, in an empty store, remembered by value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import ge, gt, le, lt

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.shacl_sparql.constraints import CASTABLE, HEADER, Local
from kg.shacl_sparql.regex import python_regex

# A value test: true when the value fails the check.
Test = Callable[[Node], bool]
_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
_XSD = str(XSD)
_INTEGER_IRI = str(XSD.integer)
_same = str.__eq__
# Lexical forms Oxigraph surely reads as valid values of these datatypes.
_INTEGER = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,15})?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]")
_COMPARE = {
    "minInclusive": ge,
    "minExclusive": gt,
    "maxInclusive": le,
    "maxExclusive": lt,
    "lessThan": lt,
    "lessThanOrEquals": le,
}
PAIR_KINDS = ("lessThan", "lessThanOrEquals")
# Any store will do to evaluate an expression on given values: this one is empty.
_EMPTY = ox.Store()


def value_test(local: Local) -> Test | None:
    """Give the test of a one-value check (`sh:datatype`, ...), None for other kinds.

    >>> from rdflib.namespace import SH
    >>> fails = value_test(Local("nodeKind", "http://e.org/p", terms=(SH.IRI,)))
    >>> fails(URIRef("http://e.org/a")), fails(Literal("a"))
    (False, True)
    """
    return _test(local) if local.kind in _MAKERS else None


@lru_cache(maxsize=512)
def _test(local: Local) -> Test:
    return _MAKERS[local.kind](local)


def _datatype(local: Local) -> Test:
    wanted = str(local.terms[0])
    valid = _VALID.get(wanted)

    def fails(value: Node) -> bool:
        if not isinstance(value, Literal):
            return True
        actual = _datatype_of(value)
        if actual not in _KEPT and actual.startswith(_XSD):
            return _fails_in_oxigraph(local.test, value)
        if actual != wanted:
            return True
        if valid is None or valid(str(value)):
            return False
        # Not surely well-formed: Oxigraph decides, as its cast does in the query.
        return _fails_in_oxigraph(local.test, value)

    return fails


def _datatype_of(value: Literal) -> str:
    datatype = value.datatype
    if datatype is not None:
        return str(datatype)
    return _LANG_STRING if value.language else _STRING


def _valid_date(text: str) -> bool:
    found = _DATE.fullmatch(text)
    if found is None or found.group(1) == "0000":
        return False
    try:
        datetime.date(*(int(part) for part in found.groups()))
    except ValueError:
        return False
    return True


def _valid_date_time(text: str) -> bool:
    date, _, time = text.partition("T")
    return _valid_date(date) and _TIME.fullmatch(time) is not None


_SURELY_VALID: dict[str, Callable[[str], object]] = {
    str(XSD.integer): _INTEGER.fullmatch,
    str(XSD.decimal): _DECIMAL.fullmatch,
    str(XSD.boolean): {"true", "false", "1", "0"}.__contains__,
    str(XSD.date): _valid_date,
    str(XSD.time): _TIME.fullmatch,
    str(XSD.dateTime): _valid_date_time,
}
# The XSD datatypes Oxigraph surely keeps: it may give a literal of another one a
# datatype of its own ("5"^^xsd:int is the xsd:integer 5), so Oxigraph decides those.
_KEPT = frozenset({_STRING, *(str(datatype) for datatype in CASTABLE)})
# The datatypes whose lexical forms the query checks (by a cast), each with a test of
# the forms Python knows are well-formed: Oxigraph decides the others.
_VALID: dict[str, Callable[[str], object]] = {
    str(datatype): _SURELY_VALID.get(str(datatype), lambda text: False)
    for datatype in CASTABLE
}


def _node_kind(local: Local) -> Test:
    allowed = _KINDS[str(local.terms[0])]
    return lambda value: not isinstance(value, allowed)


# The rdflib types of the terms each sh:nodeKind allows.
_KINDS: dict[str, tuple[type, ...]] = {
    str(SH.IRI): (URIRef,),
    str(SH.Literal): (Literal,),
    str(SH.BlankNode): (BNode,),
    str(SH.BlankNodeOrIRI): (BNode, URIRef),
    str(SH.BlankNodeOrLiteral): (BNode, Literal),
    str(SH.IRIOrLiteral): (URIRef, Literal),
}


def _in(local: Local) -> Test:
    members = {str(term) for term in local.terms}
    return lambda value: not isinstance(value, URIRef) or str(value) not in members


def _length(local: Local) -> Test:
    least = local.kind == "minLength"

    def fails(value: Node) -> bool:
        if _blank(value):
            return True
        if _plain(value):
            size = len(str(value))  # code points, as STRLEN counts
            return size < local.limit if least else size > local.limit
        return _fails_in_oxigraph(local.test, value)

    return fails


def _blank(term: Node) -> bool:
    # The terms tested are mostly literals, and an rdflib term class is an ABC:
    # `isinstance` costs ten times more when false than when true or skipped.
    return type(term) is not Literal and isinstance(term, BNode)


def _plain(value: Node) -> bool:
    """Tell whether STR(value) is surely `str(value)`: an IRI or a string literal."""
    if type(value) is not Literal and isinstance(value, URIRef):
        return True
    return isinstance(value, Literal) and _datatype_of(value) in (_STRING, _LANG_STRING)


def _pattern(local: Local) -> Test:
    regex = python_regex(str(local.terms[0]), str(local.terms[1]))
    if regex is None:
        raise ValueError(f"pattern {local.terms[0]!r} is not read the same in Python")
    search = regex.search

    def fails(value: Node) -> bool:
        if _blank(value):
            return True
        if _plain(value):
            return search(str(value)) is None
        return _fails_in_oxigraph(local.test, value)

    return fails


def _bound(local: Local) -> Test:
    compare = _COMPARE[local.kind]
    bound = integer_value(local.terms[0])

    def fails(value: Node) -> bool:
        if _blank(value):
            # Comparing a blank node is an error, and an error fails the value.
            return True
        number = integer_value(value)
        if number is not None and bound is not None:
            return not compare(number, bound)
        return _fails_in_oxigraph(local.test, value)

    return fails


def integer_value(term: Node) -> int | None:
    """Give the value of an xsd:integer literal Oxigraph surely reads as Python does."""
    if isinstance(term, Literal):
        datatype = term.datatype
        # `str.__eq__` compares the IRIs' text (an rdflib term compares in Python).
        if datatype is not None and _same(datatype, _INTEGER_IRI):
            text = str(term)
            number = _INTEGERS.get(text)
            return _readinteger_value(text) if number is None else number
    return None


# The values of the xsd:integer lexical forms read so far (offsets and counts),
# each form matched and converted once: every evidence has two offsets, each tested
# by several checks. Bounded: cleared when full.
_INTEGERS: dict[str, int] = {}
_INTEGERS_KEPT = 1 << 16


def _readinteger_value(text: str) -> int | None:
    """Give the value of `text` if Oxigraph surely reads it as Python does.

    >>> _readinteger_value("42"), _readinteger_value("4 2")
    (42, None)
    """
    if not _INTEGER.fullmatch(text):
        return None
    if len(_INTEGERS) >= _INTEGERS_KEPT:
        _INTEGERS.clear()
    number = _INTEGERS[text] = int(text)
    return number


_MAKERS: dict[str, Callable[[Local], Test]] = {
    "datatype": _datatype,
    "nodeKind": _node_kind,
    "in": _in,
    "minLength": _length,
    "maxLength": _length,
    "pattern": _pattern,
    "minInclusive": _bound,
    "minExclusive": _bound,
    "maxInclusive": _bound,
    "maxExclusive": _bound,
}


def pair_fails(local: Local, value: Node, other: Node) -> bool:
    """Tell whether `value` fails `sh:lessThan` (or `OrEquals`) against `other`."""
    if _blank(value) or _blank(other):
        return True
    left, right = integer_value(value), integer_value(other)
    if left is not None and right is not None:
        return not _COMPARE[local.kind](left, right)
    return _fails_in_oxigraph(local.test, value, other)


def _fails_in_oxigraph(test: str, value: Node, other: Node | None = None) -> bool:
    return _holds(test, _sparql(value), _sparql(other) if other is not None else "")


@lru_cache(maxsize=4096)
def _holds(test: str, value: str, other: str) -> bool:
    """Tell whether the FILTER `test` keeps ?value (and ?other), as SPARQL terms."""
    row = f"({value} {other or 'UNDEF'})"
    query = f"{HEADER}ASK {{ VALUES (?value ?other) {{ {row} }} FILTER ({test}) }}"
    return bool(_EMPTY.query(query))  # an ASK query's result is a bool


def _sparql(term: Node) -> str:
    """Write an IRI or literal as SPARQL does (Oxigraph escapes what needs it)."""
    if isinstance(term, URIRef):
        return str(ox.NamedNode(term))
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(term, language=term.language))
        datatype = term.datatype
        if datatype is not None:
            return str(ox.Literal(term, datatype=ox.NamedNode(datatype)))
        return str(ox.Literal(term))
    raise TypeError(f"no SPARQL value for {term!r}")


def distinct(values: Iterable[Node]) -> list[Node]:
    """Give the distinct terms of `values`, as Oxigraph tells them apart.

    >>> len(distinct([Literal("x"), Literal("x", datatype=XSD.string)]))
    1
    >>> one, two = (Literal(n, datatype=XSD.decimal) for n in ("1.0", "1.00"))
    >>> len(distinct([one, two]))
    1
    """
    values = list(values)
    if len(values) < 2:
        return values
    found: dict[object, Node] = {}
    for value in values:
        found.setdefault(_key(value), value)
    return list(found.values())


def _key(value: Node) -> object:
    # rdflib tells "x" from "x"^^xsd:string (one term in RDF 1.1) and "1.0" from
    # "1.00"^^xsd:decimal (one value Oxigraph keeps once).
    if not isinstance(value, Literal):
        return value
    if value.language:
        return (str(value), value.language.lower())
    if _datatype_of(value) == _STRING:
        return (str(value), _STRING)
    return str(shown(value))


def shown(value: Node) -> object:
    """Give a row's value as SPARQL gives it: a typed literal as Oxigraph has it."""
    if not isinstance(value, Literal) or _plain(value):
        return value
    return _canonical(_sparql(value))


@lru_cache(maxsize=1024)
def _canonical(term: str) -> object:
    solutions = _EMPTY.query(f"SELECT ?value WHERE {{ VALUES ?value {{ {term} }} }}")
    assert isinstance(solutions, ox.QuerySolutions)
    return next(iter(solutions))["value"]
