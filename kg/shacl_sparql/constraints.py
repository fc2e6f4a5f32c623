"""Value constraints: a shape's parameter in, its SPARQL test and Python form out.

Part of the SPARQL validation engine (`kg.shacl_sparql`), used by
`kg.shacl_sparql.compile`. `value_filter` writes the FILTER that keeps the values
failing a constraint; `local_form` says how the same check runs in Python
(`kg.shacl_sparql.local` and `.values`), where it can run there exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.shacl_sparql.regex import python_regex

_NODE_KINDS: dict[Node, str] = {
    SH.IRI: "!isIRI(?value)",
    SH.Literal: "!isLiteral(?value)",
    SH.BlankNode: "!isBlank(?value)",
    SH.BlankNodeOrIRI: "isLiteral(?value)",
    SH.BlankNodeOrLiteral: "isIRI(?value)",
    SH.IRIOrLiteral: "isBlank(?value)",
}
# Range bounds: the comparison a conforming value passes.
_BOUNDS: dict[Node, str] = {
    SH.minInclusive: ">=",
    SH.minExclusive: ">",
    SH.maxInclusive: "<=",
    SH.maxExclusive: "<",
}
PAIRS: dict[Node, str] = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
# Datatypes SPARQL can cast, so an ill-formed lexical form ("abc"^^xsd:integer) fails.
CASTABLE = {XSD[t] for t in "integer decimal double float boolean date time".split()}
CASTABLE.add(XSD.dateTime)
# The prefixes every compiled query declares (its FILTERs write rdfs: terms).
HEADER = f"PREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\nPREFIX xsd: <{XSD}>\n"


class NotCompilableError(Exception):
    """A shape uses a feature this engine does not compile (pySHACL checks it)."""


@dataclass(frozen=True, slots=True)
class Local:
    """A check simple enough to run in Python on the triples (`kg.shacl_sparql.local`).

    The values checked are those of `predicate`, or of its inverse when `inverse`.
    `kind` is "absent" (focus nodes without a value), "least" or "most" (focus nodes
    with fewer or more distinct values than `limit`), "class" (values that are not
    instances of `cls` or of a subclass of it), or the name of a value constraint
    (`sh:datatype`, `sh:nodeKind`, `sh:in`, `sh:minLength`, `sh:maxLength`,
    `sh:pattern`, the four range bounds, `sh:lessThan`, `sh:lessThanOrEquals`) with
    its parameters in `terms` (the members of `sh:in`; the pattern and its flags).
    `test` is the check's SPARQL FILTER on ?value (and ?other, the values of the
    predicate a pair constraint names): Python asks Oxigraph that about the values
    it cannot decide alone (`kg.shacl_sparql.values`).
    """

    kind: str
    predicate: str
    limit: int = 0
    cls: str = ""
    inverse: bool = False
    terms: tuple[Node, ...] = ()
    test: str = ""


def local_name(term: Node) -> str:
    """Give the last segment of an IRI: the name of a constraint, a kind of node."""
    return re.split(r"[#/]", str(term))[-1]


def local_form(
    shapes: Graph, prop: Node, parameter: Node, value: Node, path: Node | None
) -> Local | None:
    """Say how the check runs in Python (`Local`), where it can run there exactly.

    >>> path = URIRef("http://e.org/p")
    >>> form = local_form(Graph(), path, SH.datatype, XSD.date, path)
    >>> form.kind, form.predicate, form.test.startswith("!isLiteral")
    ('datatype', 'http://e.org/p', True)
    """
    predicate, inverse = _simple_path(shapes, path)
    if predicate is None:
        return None
    base = Local(local_name(parameter), predicate, inverse=inverse)
    if parameter in (SH.minCount, SH.maxCount, SH["class"]):
        return _counted_or_class(base, parameter, value)
    if parameter in PAIRS:
        if not isinstance(value, URIRef):
            return None
        test = f"!COALESCE(?value {PAIRS[parameter]} ?other, false)"
        return replace(base, terms=(value,), test=test)
    terms = _value_terms(shapes, prop, parameter, value)
    if terms is None:
        return None
    limit = int(str(value)) if parameter in (SH.minLength, SH.maxLength) else 0
    test = value_filter(shapes, prop, parameter, value)
    return replace(base, terms=terms, limit=limit, test=test)


def _counted_or_class(base: Local, parameter: Node, value: Node) -> Local | None:
    if parameter == SH["class"]:
        return replace(base, cls=str(value)) if isinstance(value, URIRef) else None
    count = int(str(value))
    if parameter == SH.maxCount:
        return replace(base, kind="most", limit=count)
    # `sh:minCount 1` has a kind of its own: it needs no count, only a value.
    return replace(base, kind="absent" if count == 1 else "least", limit=count)


def _simple_path(shapes: Graph, path: Node | None) -> tuple[str | None, bool]:
    """Give the predicate of an IRI path or of the inverse of one, and which it is."""
    if isinstance(path, URIRef):
        return str(path), False
    if path is None or shapes.value(path, RDF.first) is not None:
        return None, False
    inverse = shapes.value(path, SH.inversePath)
    return (str(inverse), True) if isinstance(inverse, URIRef) else (None, False)


def _value_terms(
    shapes: Graph, prop: Node, parameter: Node, value: Node
) -> tuple[Node, ...] | None:
    """Give the parameters a value test in Python needs (None: it cannot be one)."""
    if parameter in (SH.minLength, SH.maxLength):
        return ()
    if parameter == SH.datatype:
        return (value,) if isinstance(value, URIRef) else None
    if parameter == SH.nodeKind:
        return (value,) if value in _NODE_KINDS else None
    if parameter == SH["in"]:
        # Literal members would need SPARQL's term equality; IRIs are their text.
        members = tuple(Collection(shapes, value))
        return members if all(isinstance(m, URIRef) for m in members) else None
    if parameter == SH.pattern:
        flags = str(shapes.value(prop, SH.flags) or "")
        if python_regex(str(value), flags) is None:
            return None
        return Literal(str(value)), Literal(flags)
    if parameter in _BOUNDS:
        return (value,) if isinstance(value, (Literal, URIRef)) else None
    return None


def value_filter(shapes: Graph, prop: Node, parameter: Node, value: Node) -> str:
    """Give a FILTER expression that is true when ?value breaks the constraint."""
    if parameter == SH.datatype:
        return _datatype_test(value)
    if parameter == SH["class"]:
        return f"NOT EXISTS {{ ?value a/rdfs:subClassOf* {value.n3()} }}"
    if parameter == SH["in"]:
        members = " || ".join(
            f"sameTerm(?value, {m.n3()})" for m in Collection(shapes, value)
        )
        return f"!({members or 'false'})"
    if parameter == SH.nodeKind and value in _NODE_KINDS:
        return _NODE_KINDS[value]
    if parameter in (SH.minLength, SH.maxLength):
        bound = "<" if parameter == SH.minLength else ">"
        return f"isBlank(?value) || STRLEN(STR(?value)) {bound} {int(str(value))}"
    if parameter == SH.pattern:
        flags = shapes.value(prop, SH.flags)
        extra = f", {Literal(str(flags)).n3()}" if flags else ""
        pattern = Literal(str(value)).n3()
        return f"isBlank(?value) || !REGEX(STR(?value), {pattern}{extra})"
    if parameter in _BOUNDS:
        return f"!COALESCE(?value {_BOUNDS[parameter]} {value.n3()}, false)"
    raise NotCompilableError(f"constraint {local_name(parameter)}")


def _datatype_test(datatype: Node) -> str:
    wrong = f"!isLiteral(?value) || datatype(?value) != {datatype.n3()}"
    if datatype == XSD.string:
        # A language-tagged literal is an rdf:langString, not an xsd:string.
        return f"{wrong} || lang(?value) != ''"
    if datatype in CASTABLE:
        cast = f"{datatype.n3()}(STR(?value))"
        return f"{wrong} || !COALESCE(isLiteral({cast}), false)"
    return wrong
