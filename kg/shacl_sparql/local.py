"""Running simple checks in Python: a store's triples in, the rows SPARQL gives out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). A meeting's triples are in
memory before they are in a store, and a query costs Oxigraph a fixed 20-40
microseconds however small the data, so the checks `Check.local` describes
(`sh:minCount 1`, `sh:maxCount` and `sh:class` on an IRI path, focus nodes picked by
class) run on an index of the rdflib triples instead. An `Index` also tells when a
check's focus class has no instances, so its query can be skipped. Terms compare as
SPARQL compares them (an rdflib term equals another of the same kind and lexical
form), and a row holds rdflib terms, shown as their lexical forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from kg.shacl_sparql.compile import Local

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

    def is_a(self, node: Node, cls: str) -> bool:
        """Tell whether `node` is an instance of `cls` or of a subclass of it."""
        properties = self._nodes.get(node)
        types = properties.get(_TYPE, ()) if properties is not None else ()
        return bool(types) and not self.within(cls).isdisjoint(types)


def _distinct(values: Iterable[Node]) -> dict[object, Node]:
    """Give the distinct terms of `values`, as SPARQL tells them apart, by key.

    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> len(_distinct([Literal("x"), Literal("x", datatype=XSD.string)]))
    1
    """
    # rdflib tells "x" from "x"^^xsd:string; in RDF 1.1 and SPARQL they are one term.
    found: dict[object, Node] = {}
    for value in values:
        key: object = value
        if isinstance(value, Literal):
            datatype = value.datatype or (None if value.language else XSD.string)
            language = value.language.lower() if value.language else None
            key = (str(value), str(datatype), language)
        found.setdefault(key, value)
    return found


def local_rows(index: Index, classes: tuple[str, ...], local: Local) -> Iterator[Row]:
    """Give the rows the check's own query gives, found in `index`."""
    for this, properties in index.focus(classes).items():
        values = properties.get(local.predicate, ())
        if local.kind == "absent":
            if not values:
                yield {"this": this}
        elif local.kind == "most":
            if len(values) > local.limit and len(_distinct(values)) > local.limit:
                yield {"this": this}
        elif local.kind == "class":
            for value in _distinct(values).values():
                if not index.is_a(value, local.cls):
                    yield {"this": this, "value": value}
        else:
            raise ValueError(f"unknown kind of local check {local.kind!r}")
