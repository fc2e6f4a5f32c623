"""Validation's check store: a meeting's triples in, its checks' query runner out.

A part of `kg.validate`. The SPARQL engine checks most constraints in Python on an
`Index` of the meeting's triples and of the reference triples about the IRIs they
point at (`indexed`); the checks left to SPARQL query a new Oxigraph store of only the
triples their queries can match (`read_by_triple`, `reference_quads`), made at the
first query (`select_on_demand`): most meetings need none.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from itertools import compress
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.mapping import vocab
from kg.mapping.reference import reference_graph
from kg.shacl_sparql import Index, Select, oxigraph_select
from kg.shacl_sparql.local import Properties
from kg.shacl_sparql.reads import Reads
from kg.terms import graph_quads

Triple = tuple[Node, Node, Node]


def indexed(triples: Iterable[Triple]) -> tuple[Index, list[Node]]:
    """Index `triples` and the reference triples about the IRIs they point at.

    Gives the index and those IRIs: the same reference triples `reference_for`
    finds.
    """
    index = Index(triples)
    about = _reference_by_subject()
    described: list[Node] = []
    for node in index.dangling():
        found = about.get(node)
        if found is not None:
            index.add(node, found[0])
            described.append(node)
    return index, described


def reference_quads(
    described: Iterable[Node], read: Reads | None = None
) -> list[ox.Quad]:
    """Give the reference quads about `described` (those `read` names)."""
    about = _reference_reading(read)
    return [quad for node in described for quad in about[node]]


@lru_cache(maxsize=4)
def _reference_reading(read: Reads | None) -> dict[Node, tuple[ox.Quad, ...]]:
    about = _reference_by_subject()
    if read is None:
        return {node: quads for node, (_, quads) in about.items()}
    return {node: tuple(read_quads(quads, read)) for node, (_, quads) in about.items()}


_Stateds = Collection[ox.Quad] | Collection[bytes]


def select_on_demand(
    stated: _Stateds | Callable[[], _Stateds],
    reference: Iterable[ox.Quad] | Callable[[], Iterable[ox.Quad]] = (),
) -> Select:
    """Query a new store of `stated` (quads, or N-Triples lines) and `reference`.

    The store is made at the first query, from what `stated` and `reference` give
    when they are functions: most meetings need none (`kg.shacl_sparql.targets`),
    and loading one costs half a millisecond.
    """
    select: Select | None = None

    def query(sparql: str) -> tuple[tuple[str, ...], Iterable[tuple[object, ...]]]:
        nonlocal select
        if select is None:
            select = _store_select(
                stated() if callable(stated) else stated,
                reference() if callable(reference) else reference,
            )
        return select(sparql)

    return query


def _store_select(
    stated: Collection[ox.Quad] | Collection[bytes], reference: Iterable[ox.Quad]
) -> Select:
    store = ox.Store()
    if isinstance(next(iter(stated), None), bytes):
        # Lines written as Oxigraph writes them, their IRIs checked by Oxigraph.
        text = b"".join(stated)  # type: ignore[arg-type]
        store.load(text, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    else:
        store.extend(stated)  # type: ignore[arg-type]
    store.extend(reference)
    return oxigraph_select(store)


def read_quads(quads: Iterable[ox.Quad], read: Reads) -> list[ox.Quad]:
    """Give the `quads` a query reading `read` can match."""
    objects = _objects_read(read)
    kept = []
    for quad in quads:
        predicate = quad.predicate
        if predicate in objects:
            wanted = objects[predicate]
            if wanted is None or quad.object in wanted:
                kept.append(quad)
    return kept


def read_by_triple(
    triples: Collection[Triple], quads: Collection[Stated], read: Reads
) -> list[Stated]:
    """Give the `quads` a query reading `read` can match, told by their `triples`.

    `quads[i]` is `triples[i]`, as an Oxigraph quad or as an N-Triples line.
    `read_quads` gives the same from the quads alone, but each Oxigraph term it reads is
    a new Python object to hash; the triples' predicates are mostly the very keys
    of `_terms_read`, found at once.
    """
    if len(triples) != len(quads):
        raise ValueError("each triple needs its quad")
    wanted = _terms_read(read).get
    # One flag a triple, then `compress`: half the time of a loop appending the
    # quads (0.06 against 0.13 ms a meeting).
    keep = [
        (objects := wanted(predicate, _UNREAD)) is None
        or (objects is not _UNREAD and value in objects)
        for _, predicate, value in triples
    ]
    return list(compress(quads, keep))


# A triple as a store is given one: an Oxigraph quad or an N-Triples line.
Stated = TypeVar("Stated", ox.Quad, bytes)
# What `_terms_read` gives for a predicate no query reads.
_UNREAD: frozenset[URIRef] = frozenset()


@lru_cache(maxsize=8)
def _terms_read(read: Reads) -> dict[Node, frozenset[URIRef] | None]:
    """Give the objects `read` names for each predicate as rdflib terms (None: any).

    The terms are the mappers' own objects where they have them: a dict finds the
    very key at once, and an equal one only by `URIRef.__eq__`, run in Python.
    """
    terms = {str(term): term for term in _vocabulary()}

    def term(iri: str) -> URIRef:
        return terms.get(iri) or URIRef(iri)

    return {
        term(predicate.value): (
            None if values is None else frozenset(term(v.value) for v in values)
        )
        for predicate, values in _objects_read(read).items()
    }


def _vocabulary() -> list[URIRef]:
    return [*vars(vocab.KG).values(), *vars(vocab.RDF).values()]


@lru_cache(maxsize=8)
def _objects_read(read: Reads) -> dict[ox.NamedNode, frozenset[ox.NamedNode] | None]:
    """Give the objects `read` names for each predicate (None: any object)."""
    anything = {predicate for predicate, value in read if value is None}
    named: dict[str, set[ox.NamedNode]] = {}
    for predicate, value in read:
        if value is not None and predicate not in anything:
            named.setdefault(predicate, set()).add(ox.NamedNode(value))
    objects: dict[ox.NamedNode, frozenset[ox.NamedNode] | None]
    objects = {ox.NamedNode(predicate): None for predicate in anything}
    for predicate, values in named.items():
        objects[ox.NamedNode(predicate)] = frozenset(values)
    return objects


@lru_cache(maxsize=1)
def _reference_by_subject() -> dict[Node, tuple[Properties, tuple[ox.Quad, ...]]]:
    """Give each reference subject's values (as an `Index` holds them) and quads."""
    triples = list(reference_triples())
    quads: dict[Node, list[ox.Quad]] = {}
    for triple, quad in zip(triples, graph_quads(triples), strict=True):
        quads.setdefault(triple[0], []).append(quad)
    index = Index(triples)
    return {node: (index.values_of(node), tuple(quads[node])) for node in quads}


@lru_cache(maxsize=1)
def reference_triples() -> Graph:
    """Give the reference graph (forces, topics, posts, closed lists), read once."""
    return reference_graph()
