"""Which triples a query reads: SPARQL text in, the predicates (and objects) it matches.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Oxigraph loads a store at
about a microsecond a quad, and the few checks a meeting leaves to SPARQL read a
handful of its predicates, so `kg.validate` loads only the quads they can match. A
store of those quads answers the query as the whole store does when every triple
pattern names its predicate (or a path of IRIs): a pattern only ever matches triples
with that predicate, and with its object when that is an IRI (`?x a kg:Evidence`).
`read_triples` says None (load everything) when it cannot tell: a variable
predicate, a negated property set, a path that may take zero steps (it matches any
node of the graph, and Oxigraph asks whether a constant end is one), `GRAPH`,
`SERVICE`, a `FROM` clause, a pattern rdflib leaves untranslated (as it leaves those
of `EXISTS`), or a query rdflib does not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rdflib import URIRef
from rdflib.paths import AlternativePath, InvPath, MulPath, OneOrMore, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

# The triples a query can match: (predicate IRI, object IRI) pairs, the object None
# where the query may match any object of the predicate.
Reads = frozenset[tuple[str, str | None]]
# Parts of a query that read triples beyond its patterns' predicates (named graphs,
# remote services) or that rdflib left untranslated.
_OPAQUE = ("Graph", "ServiceGraphPattern", "GroupGraphPatternSub", "TriplesBlock")
_KINDS = ("SelectQuery", "AskQuery")


class _UnknownReadError(Exception):
    """The query may read triples of any predicate."""


@lru_cache(maxsize=64)
def read_triples(sparql: str) -> Reads | None:
    """Give the triples `sparql` can match (`Reads`; None: it may match any).

    >>> sorted(read_triples("SELECT * { ?x <http://e.org/p>/^<http://e.org/q> ?y }"))
    [('http://e.org/p', None), ('http://e.org/q', None)]
    >>> sorted(read_triples("ASK { ?x a <http://e.org/C> }"))
    [('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://e.org/C')]
    >>> read_triples("SELECT * { ?x <http://e.org/p>* ?y }") is None
    True
    """
    try:
        query = prepareQuery(sparql)
    except Exception:  # rdflib reads less than Oxigraph does: assume the worst
        return None
    algebra = query.algebra
    if algebra.name not in _KINDS or algebra.get("datasetClause") is not None:
        return None
    found: set[tuple[str, str | None]] = set()
    try:
        _walk(algebra, found)
    except _UnknownReadError:
        return None
    return frozenset(found)


def all_reads(reads: Iterable[Reads | None]) -> Reads | None:
    """Give the triples any of several queries can match (None: any triple)."""
    found: set[tuple[str, str | None]] = set()
    for read in reads:
        if read is None:
            return None
        found |= read
    return frozenset(found)


def _walk(part: object, found: set[tuple[str, str | None]]) -> None:
    """Add the triples the patterns in `part` (and parts within it) match."""
    if isinstance(part, CompValue):
        if part.name in _OPAQUE:
            raise _UnknownReadError(part.name)
        if part.name == "BGP":
            for _, predicate, value in part["triples"]:
                if isinstance(predicate, URIRef):
                    # A blank node in a pattern is a variable; a literal is left to
                    # Oxigraph (it may read the lexical form otherwise than rdflib).
                    named = str(value) if isinstance(value, URIRef) else None
                    found.add((str(predicate), named))
                else:
                    _path(predicate, found)
            return
        for value in part.values():
            _walk(value, found)
    elif isinstance(part, (list, tuple, set, frozenset)):
        for value in part:
            _walk(value, found)


def _path(predicate: object, found: set[tuple[str, str | None]]) -> None:
    if isinstance(predicate, URIRef):
        found.add((str(predicate), None))
    elif isinstance(predicate, (SequencePath, AlternativePath)):
        for step in predicate.args:
            _path(step, found)
    elif isinstance(predicate, InvPath):
        _path(predicate.arg, found)
    elif isinstance(predicate, MulPath) and predicate.mod == OneOrMore:
        _path(predicate.path, found)
    else:
        raise _UnknownReadError(repr(predicate))
