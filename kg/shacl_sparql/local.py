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

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.shacl_sparql.constraints import Local
from kg.shacl_sparql.values import (
    PAIR_KINDS,
    Test,
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
        # Predicate IRIs compare fastest as plain strings (an rdflib term compares
        # in Python); each predicate term's string is made once.
        names: dict[Node, str] = {}
        # The objects that may be IRIs, kept for `dangling`, which few reach.
        objects: list[Node] = []
        subject: Node | None = None
        properties: Properties = {}
        for s, p, o in triples:
            if s is not subject:  # a subject's triples mostly come together
                subject = s
                known = nodes.get(s)
                if known is None:
                    nodes[s] = known = {}
                properties = known
            predicate = names.get(p)
            if predicate is None:
                names[p] = predicate = str(p)
            found = properties.get(predicate)
            if found is None:
                properties[predicate] = found = []
            found.append(o)
            if type(o) is not Literal:
                objects.append(o)
        self._nodes = nodes
        self._objects = objects
        self._instances: dict[Node, list[Node]] | None = None
        self._subclasses: dict[Node, list[Node]] = {}
        self._closures: dict[str, set[Node]] = {}
        self._focuses: dict[tuple[str, ...], dict[Node, Properties]] = {}
        self._inverses: dict[str, dict[Node, list[Node]]] = {}
        self._paths: dict[
            tuple[tuple[str, ...], str, bool], list[tuple[Node, Sequence[Node]]]
        ] = {}

    def dangling(self) -> list[Node]:
        """Give the IRIs the triples point at but say nothing about, in order."""
        found: dict[str, Node] = {}
        for node in self._objects:
            # Most objects are IRIs, and an rdflib term class is an ABC: asking
            # `isinstance` costs more when the answer is no.
            if node not in self._nodes and isinstance(node, URIRef):
                found[str(node)] = node
        return list(found.values())

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

    def values_on(
        self, classes: tuple[str, ...], predicate: str, *, inverse: bool
    ) -> list[tuple[Node, Sequence[Node]]]:
        """Give each instance of `classes` and its values of `predicate` (or inverse).

        Checks of one path share the list (a node's path has several constraints).
        """
        key = (classes, predicate, inverse)
        found = self._paths.get(key)
        if found is None:
            focus = self.focus(classes)
            if inverse:
                by_value = self.subjects_of(predicate)
                found = [(this, by_value.get(this, ())) for this in focus]
            else:
                found = [
                    (this, values.get(predicate, ())) for this, values in focus.items()
                ]
            self._paths[key] = found
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


def local_rows(index: Index, classes: tuple[str, ...], local: Local) -> list[Row]:
    """Give the rows the check's own query gives, found in `index`."""
    return rows_of(local)(index, classes)


# A check in Python: an index and the classes of the check's focus nodes in, the
# rows its query gives out.
Rows = Callable[[Index, tuple[str, ...]], list[Row]]


@lru_cache(maxsize=512)
def rows_of(local: Local) -> Rows:
    """Give the function that finds the check's rows, made once for every index."""
    if local.kind in _COUNTS:
        return partial(_count_rows, local)
    test = value_test(local)
    if test is not None:
        return partial(_tested_rows, local, lambda _: test)
    if local.kind == "class":
        return partial(_tested_rows, local, partial(_not_instance, (local.cls,)))
    if local.kind in PAIR_KINDS:
        return partial(_pair_rows, local)
    raise ValueError(f"unknown kind of local check {local.kind!r}")


def _count_rows(local: Local, index: Index, classes: tuple[str, ...]) -> list[Row]:
    """Give the rows of focus nodes with too few or too many values."""
    limit = local.limit
    found = index.values_on(classes, local.predicate, inverse=local.inverse)
    # Counting distinct values costs more than counting values: only when it matters.
    if local.kind == "absent":
        failing = [this for this, values in found if not values]
    elif local.kind == "least":
        failing = [
            this
            for this, values in found
            if len(values) < limit or len(distinct(values)) < limit
        ]
    else:
        failing = [
            this
            for this, values in found
            if len(values) > limit and len(distinct(values)) > limit
        ]
    return [{"this": this} for this in failing]


def _tested_rows(
    local: Local,
    make_test: Callable[[Index], Test],
    index: Index,
    classes: tuple[str, ...],
) -> list[Row]:
    """Give the rows of values failing a test of one value (made for the index)."""
    rows: list[Row] = []
    test = make_test(index)
    found = index.values_on(classes, local.predicate, inverse=local.inverse)
    # Most values pass: each focus node's failing ones are sought only if any fail.
    if not any(map(test, [value for _, values in found for value in values])):
        return rows
    for this, values in found:
        bad = [value for value in values if test(value)]
        if bad:
            rows.extend({"this": this, "value": shown(v)} for v in distinct(bad))
    return rows


def _not_instance(cls: tuple[str, ...], index: Index) -> Test:
    """Give the test of `sh:class`: true of a value not an instance of `cls`."""
    # The instances of the class are the focus nodes a query of it would have.
    instances = index.focus(cls)
    return lambda value: value not in instances


def _pair_rows(local: Local, index: Index, classes: tuple[str, ...]) -> list[Row]:
    """Give the rows of values failing `sh:lessThan` (or `OrEquals`) on the node."""
    rows: list[Row] = []
    predicate, other = local.predicate, str(local.terms[0])
    by_value = index.subjects_of(predicate) if local.inverse else None
    for this, properties in index.focus(classes).items():
        if by_value is None:
            values = properties.get(predicate)
        else:
            values = by_value.get(this)
        if values:
            others = properties.get(other, ())
            # The usual node, one value and one other that pass, is told without a
            # list: a meeting's evidence start and end, 0.15 → 0.09 ms a meeting.
            if len(values) == 1 and len(others) == 1:
                if not pair_fails(local, values[0], others[0]):
                    continue
            bad = [value for value in values if _fails_any(local, value, others)]
            rows.extend({"this": this, "value": shown(v)} for v in distinct(bad))
    return rows


def _fails_any(local: Local, value: Node, others: Iterable[Node]) -> bool:
    for other in others:  # a loop: a generator costs more than the usual one test
        if pair_fails(local, value, other):
            return True
    return False


# The kinds of checks of the number of values: a focus node with too few or too many
# is a row.
_COUNTS = ("absent", "least", "most")
