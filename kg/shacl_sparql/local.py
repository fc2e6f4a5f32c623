"""Running simple checks in Python: a store's triples in, the rows SPARQL gives out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). A meeting's triples are in
memory before they are in a store, and a query costs Oxigraph a fixed 20-40
microseconds however small the data, so the checks `Check.local` describes (counts,
`sh:class` and per-value constraints on an IRI path or its inverse, focus nodes
picked by class) run on an index of the rdflib triples instead; the value tests are
in `kg.shacl_sparql.values`. An `Index` also tells when a check's focus class has no
instances, so its query can be skipped. Terms are told apart as Oxigraph tells them
(`values.distinct`), and a row holds rdflib terms, shown as their lexical forms, or
the Oxigraph term where Oxigraph writes a value its own way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.shacl_sparql.constraints import Local
from kg.shacl_sparql.values import (
    PAIR_KINDS,
    distinct,
    pair_fails,
    shown,
    value_test,
)

# A row as `kg.shacl_sparql.run` reads one: variable name to term.
Row = dict[str, object]
# A node's values by predicate IRI.
Properties = dict[str, list[Node]]
_TYPE = str(RDF.type)
_SUBCLASS = str(RDFS.subClassOf)


class Index:
    """The triples of a store's graphs (seen as one), by subject and predicate IRI.

    >>> a, b = URIRef("http://e.org/a"), URIRef("http://e.org/B")
    >>> index = Index([(a, RDF.type, b)])
    >>> [str(n) for n in index.focus(("http://e.org/B",))]
    ['http://e.org/a']
    """

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        nodes: dict[Node, Properties] = {}
        # IRIs compare fastest as plain strings (an rdflib term compares in Python).
        iris: dict[str, Node] = {}
        for s, p, o in triples:
            properties = nodes.get(s)
            if properties is None:
                nodes[s] = properties = {}
            found = properties.get(str(p))
            if found is None:
                properties[str(p)] = found = []
            found.append(o)
            if isinstance(o, URIRef):
                iris[str(o)] = o
        self._nodes = nodes
        self._iris = iris
        self._instances: dict[Node, list[Node]] | None = None
        self._subclasses: dict[Node, list[Node]] = {}
        self._closures: dict[str, set[Node]] = {}
        self._focuses: dict[tuple[str, ...], dict[Node, Properties]] = {}
        self._inverses: dict[str, dict[Node, list[Node]]] = {}

    def dangling(self) -> list[Node]:
        """Give the IRIs the triples point at but say nothing about, in order."""
        return [node for node in self._iris.values() if node not in self._nodes]

    def values_of(self, node: Node) -> Properties:
        """Give `node`'s values by predicate IRI (empty for a node not a subject)."""
        return self._nodes.get(node, {})

    def add(self, node: Node, properties: Properties) -> None:
        """Add the values of a node the triples say nothing about (kept, not copied)."""
        if node in self._nodes or self._instances is not None:
            raise ValueError(f"cannot add {node!r} to the index now")
        self._nodes[node] = properties

    def _classes(self) -> dict[Node, list[Node]]:
        if self._instances is None:
            self._instances = {}
            for node, properties in self._nodes.items():
                for cls in properties.get(_TYPE, ()):
                    self._instances.setdefault(cls, []).append(node)
                for cls in properties.get(_SUBCLASS, ()):
                    self._subclasses.setdefault(cls, []).append(node)
        return self._instances

    def within(self, cls: str) -> set[Node]:
        """Give `cls` and every class `rdfs:subClassOf*` reaches it from."""
        found = self._closures.get(cls)
        if found is None:
            self._classes()
            start = URIRef(cls)
            found = {start}
            todo: list[Node] = [start]
            while todo:
                for sub in self._subclasses.get(todo.pop(), ()):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self._closures[cls] = found
        return found

    def focus(self, classes: tuple[str, ...]) -> dict[Node, Properties]:
        """Give the instances of `classes` and their subclasses, with their values."""
        found = self._focuses.get(classes)
        if found is None:
            found = {}
            for cls in classes:
                for sub in self.within(cls):
                    for node in self._classes().get(sub, ()):
                        found[node] = self._nodes[node]
            self._focuses[classes] = found
        return found

    def subjects_of(self, predicate: str) -> dict[Node, list[Node]]:
        """Give the subjects that have each node as a value of `predicate`."""
        found = self._inverses.get(predicate)
        if found is None:
            found = {}
            for node, properties in self._nodes.items():
                for value in properties.get(predicate, ()):
                    found.setdefault(value, []).append(node)
            self._inverses[predicate] = found
        return found

    def is_a(self, node: Node, cls: str) -> bool:
        """Tell whether `node` is an instance of `cls` or of a subclass of it."""
        properties = self._nodes.get(node)
        types = properties.get(_TYPE, ()) if properties is not None else ()
        return bool(types) and not self.within(cls).isdisjoint(types)


def local_rows(index: Index, classes: tuple[str, ...], local: Local) -> Iterator[Row]:
    """Give the rows the check's own query gives, found in `index`."""
    predicate, limit = local.predicate, local.limit
    inverse = index.subjects_of(predicate) if local.inverse else None
    count = _COUNTS.get(local.kind)
    failing = _failing(index, local) if count is None else None
    for this, properties in index.focus(classes).items():
        if inverse is None:
            values = properties.get(predicate, ())
        else:
            values = inverse.get(this, ())
        if count is not None:
            if count(values, limit):
                yield {"this": this}
        elif values and failing is not None:
            # Most values pass: the distinct failing ones are sought only if any fail.
            bad = failing(values, properties)
            for value in distinct(bad) if bad else ():
                yield {"this": this, "value": shown(value)}


# The failing ones of a focus node's values (given the node's own values too).
Failing = Callable[[Sequence[Node], Properties], list[Node]]


def _failing(index: Index, local: Local) -> Failing:
    """Give the function that picks a focus node's values failing the check."""
    test = value_test(local)
    if test is not None:
        return lambda values, _: [value for value in values if test(value)]
    if local.kind == "class":
        cls = local.cls
        return lambda values, _: [v for v in values if not index.is_a(v, cls)]
    if local.kind in PAIR_KINDS:
        other = str(local.terms[0])

        def failing(values: Sequence[Node], properties: Properties) -> list[Node]:
            others = properties.get(other, ())
            return [value for value in values if _fails_any(local, value, others)]

        return failing
    raise ValueError(f"unknown kind of local check {local.kind!r}")


def _fails_any(local: Local, value: Node, others: Iterable[Node]) -> bool:
    return any(pair_fails(local, value, other) for other in others)


def _absent(values: Sequence[Node], limit: int) -> bool:
    return not values


def _fewer(values: Sequence[Node], limit: int) -> bool:
    # Counting distinct values costs more than counting values: only when it matters.
    return len(values) < limit or len(distinct(values)) < limit


def _more(values: Sequence[Node], limit: int) -> bool:
    return len(values) > limit and len(distinct(values)) > limit


# Checks of the number of values: a focus node with too few or too many is a row.
_COUNTS: dict[str, Callable[[Sequence[Node], int], bool]] = {
    "absent": _absent,
    "least": _fewer,
    "most": _more,
}
