"""Prototype validation on the store: SHACL shapes in, SPARQL checks, violations out.

A measurement aid for issue 7, not the project's validator (that is `kg.validate`,
pySHACL, the reference). `compile_shapes` turns each property shape of a node shape with
an `sh:targetClass` into one SPARQL SELECT per core constraint (`sh:minCount`,
`sh:maxCount`, `sh:datatype`, `sh:class`, `sh:in`, `sh:nodeKind`, `sh:minLength`,
`sh:pattern`, `sh:minInclusive`, `sh:hasValue`, `sh:lessThanOrEquals`) and keeps each
`sh:sparql` constraint's own SELECT (its `$this` is the same variable as `?this`, so run
unbound it finds every failing focus node at once). `run_checks` runs them all on the
Oxigraph store (union of the named graphs) and gives (focus node, path, message) rows.
Anything else (`sh:node`, qualified shapes, node-level `sh:class`) is listed as skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.store import OxigraphStore

# Constraint parameters of a property shape this prototype compiles.
COMPILED = {
    SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.nodeKind,
    SH.minLength, SH.pattern, SH.minInclusive, SH.hasValue, SH.lessThanOrEquals,
}
# Parameters that only shape a constraint (no check of their own).
IGNORED = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.flags,
           RDFS.comment, RDF.type, SH.order, SH.group}
NODE_KINDS = {SH.IRI: "!isIRI(?v)", SH.Literal: "!isLiteral(?v)",
              SH.BlankNode: "!isBlank(?v)", SH.BlankNodeOrIRI: "isLiteral(?v)"}


@dataclass(frozen=True, slots=True)
class Check:
    """One compiled constraint: the shape path it checks, its message and its query."""

    path: str
    message: str
    sparql: str


def compile_shapes(shapes: Graph) -> tuple[list[Check], list[str]]:
    """Compile every targetClass node shape's constraints; list what was skipped."""
    checks: list[Check] = []
    skipped: list[str] = []
    for shape, target in sorted(shapes.subject_objects(SH.targetClass)):
        for prop in shapes.objects(shape, SH.property):
            found, missed = _property_checks(shapes, target, prop)
            checks += found
            skipped += [f"{_n3(shape)} {_n3(p)}" for p in missed]
    for constraint in sorted(shapes.objects(None, SH.sparql)):
        checks.append(_sparql_check(shapes, constraint))
    return checks, skipped


def _property_checks(
    shapes: Graph, target: Node, prop: Node
) -> tuple[list[Check], list[Node]]:
    path = _path(shapes, shapes.value(prop, SH.path))
    message = str(shapes.value(prop, SH.message) or "constraint failed")
    focus = f"?this a/{RDFS.subClassOf.n3()}* {target.n3()} ."
    checks, missed = [], []
    for parameter, value in shapes.predicate_objects(prop):
        if parameter in IGNORED:
            continue
        if parameter not in COMPILED:
            missed.append(parameter)
            continue
        where, tail = _constraint(shapes, parameter, value, path, prop)
        query = f"SELECT DISTINCT ?this WHERE {{ {focus} {where} }} {tail}"
        checks.append(Check(path, message, query))
    return checks, missed


def _constraint(
    shapes: Graph, parameter: Node, value: Node, path: str, prop: Node
) -> tuple[str, str]:
    """The WHERE patterns of one constraint and what follows the group (HAVING)."""
    values = f"?this {path} ?v ."
    if parameter == SH.minCount:
        having = f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(value)})"
        return f"OPTIONAL {{ ?this {path} ?v }}", having
    if parameter == SH.maxCount:
        return values, f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(value)})"
    if parameter == SH.hasValue:
        return f"FILTER NOT EXISTS {{ ?this {path} {value.n3()} }}", ""
    if parameter == SH.lessThanOrEquals:
        return f"{values} ?this {value.n3()} ?w . FILTER (!(?v <= ?w))", ""
    return f"{values} FILTER ({_value_test(shapes, parameter, value, prop)})", ""


def _value_test(shapes: Graph, parameter: Node, value: Node, prop: Node) -> str:
    if parameter == SH.datatype:
        if value == XSD.string:
            # a plain literal is an xsd:string; a language-tagged one is not
            return "!isLiteral(?v) || datatype(?v) != xsd:string || lang(?v) != ''"
        return f"!isLiteral(?v) || datatype(?v) != {value.n3()}"
    if parameter == SH["class"]:
        return f"NOT EXISTS {{ ?v a/{RDFS.subClassOf.n3()}* {value.n3()} }}"
    if parameter == SH["in"]:
        members = ", ".join(m.n3() for m in Collection(shapes, value))
        return f"?v NOT IN ({members})"
    if parameter == SH.nodeKind:
        return NODE_KINDS[value]  # type: ignore[index]
    if parameter == SH.minLength:
        return f"isBlank(?v) || STRLEN(STR(?v)) < {int(value)}"
    if parameter == SH.pattern:
        flags = shapes.value(prop, SH.flags)
        extra = f", {Literal(str(flags)).n3()}" if flags else ""
        return f"isBlank(?v) || !REGEX(STR(?v), {Literal(str(value)).n3()}{extra})"
    return f"!(?v >= {value.n3()})"  # sh:minInclusive


def _path(shapes: Graph, path: Node | None) -> str:
    if isinstance(path, URIRef):
        return path.n3()
    inverse = shapes.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return f"^{inverse.n3()}"
    raise ValueError(f"unsupported sh:path {path!r}")


def _sparql_check(shapes: Graph, constraint: Node) -> Check:
    select = str(shapes.value(constraint, SH.select))
    prefixes = "".join(
        f"PREFIX {declaration.value(SH.prefix)}: <{declaration.value(SH.namespace)}>\n"
        for decls in shapes.objects(constraint, SH.prefixes)
        for declaration in (
            shapes.resource(d) for d in shapes.objects(decls, SH.declare)
        )
    )
    message = str(shapes.value(constraint, SH.message) or "SPARQL constraint failed")
    return Check("(sparql)", message, prefixes + select)


def _n3(node: Node) -> str:
    return node.n3()


def run_checks(store: OxigraphStore, checks: list[Check]) -> list[tuple[str, ...]]:
    """Run every check on `store`: one (focus node, path, message) row per failure."""
    header = f"PREFIX xsd: <{XSD}>\n"
    return sorted(set(_failures(store, checks, header)))


def _failures(
    store: OxigraphStore, checks: list[Check], header: str
) -> Iterator[tuple[str, ...]]:
    for check in checks:
        text = check.sparql if check.sparql.lstrip().startswith("PREFIX") else (
            header + check.sparql
        )
        for row in store.select(text).rows:
            focus = row[0]
            yield (str(focus.value) if focus is not None else "?", check.path,
                   check.message)
