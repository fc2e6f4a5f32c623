"""Compiling SHACL shapes to SPARQL: a shapes `Graph` in, `Compiled` checks out.

Part of the SPARQL validation engine (`kg.shacl_sparql`); see there for what compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.shacl_sparql.constraints import (
    HEADER,
    PAIRS,
    Local,
    local_form,
    local_name,
    value_filter,
)
from kg.shacl_sparql.constraints import NotCompilableError as NotCompilableError

# Predicates of a node shape that compile (targets, property shapes, SPARQL, notes).
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_DESCRIPTIONS = {RDF.type, RDFS.comment, RDFS.label, SH.name, SH.description}
_NODE_KEYS = {*_TARGETS, *_DESCRIPTIONS} | {
    SH[key] for key in "target property sparql severity message deactivated".split()
}
# Parameters that only describe or qualify a constraint (no check of their own).
_NOTES = _DESCRIPTIONS | {
    SH[key] for key in "path message severity flags order group deactivated".split()
}
# Prefixed names for paths in reports, the same as `kg.validate` gives pySHACL's.
_NAMES = bind_prefixes(Graph()).namespace_manager


@dataclass(frozen=True, slots=True)
class Part:
    """How a check joins others of its focus in one query (`kg.shacl_sparql.batch`).

    `kind` is "value" (`pattern` binds ?this and ?value where a value of one path
    fails), "absent" (`pattern` is an IRI: focus nodes without a value for it),
    "most" (`pattern` is an IRI, `limit` the most values allowed) or "sparql"
    (`pattern` is a SPARQL constraint's SELECT, as a sub-query).
    """

    kind: str
    header: str
    focus: str
    pattern: str
    limit: int = 0


@dataclass(frozen=True, slots=True)
class Check:
    """One compiled constraint: its query and what a failing row reports.

    `classes`, when not None, says the focus nodes are exactly the instances of these
    classes and their subclasses, so a check of a class without instances finds
    nothing; `local` says how to run the check without SPARQL, when it can be.
    """

    component: str
    path: str | None
    message: str
    severity: str
    sparql: str
    part: Part | None = None  # None: the check runs alone
    classes: tuple[str, ...] | None = None
    local: Local | None = None


@dataclass(frozen=True, slots=True)
class Compiled:
    """The checks of the shapes that compiled; the node shapes left for pySHACL."""

    checks: tuple[Check, ...]
    fallback: tuple[Node, ...] = ()
    reasons: tuple[str, ...] = ()


def compile_shapes(shapes: Graph) -> Compiled:
    """Compile every targeted node shape of `shapes`; list the ones that cannot be.

    >>> from kg.validate import shapes_graph
    >>> compiled = compile_shapes(shapes_graph(files=("meeting.ttl",)))
    >>> len(compiled.checks) > 20, compiled.fallback
    (True, ())
    """
    checks: list[Check] = []
    fallback: list[Node] = []
    reasons: list[str] = []
    for shape in sorted(set(_targeted(shapes)), key=str):
        try:
            checks.extend(_shape_checks(shapes, shape))
        except NotCompilableError as why:
            fallback.append(shape)
            reasons.append(f"{shape.n3(shapes.namespace_manager)}: {why}")
    return Compiled(tuple(checks), tuple(fallback), tuple(reasons))


def _targeted(shapes: Graph) -> Iterator[Node]:
    for key in (*_TARGETS, SH.target):
        yield from shapes.subjects(key, None)
    # An rdfs:Class that is also a shape targets its own instances (implicit target).
    for shape in shapes.subjects(RDF.type, RDFS.Class):
        if (shape, RDF.type, SH.NodeShape) in shapes:
            yield shape


def _shape_checks(shapes: Graph, shape: Node) -> list[Check]:
    extra = set(shapes.predicates(shape)) - _NODE_KEYS
    if extra:
        raise NotCompilableError(
            "node-level " + ", ".join(sorted(local_name(p) for p in extra))
        )
    if _deactivated(shapes, shape):
        return []
    prefixes, focus = _focus(shapes, shape)
    classes = _target_classes(shapes, shape)
    severity = _severity(shapes, shape)
    checks: list[Check] = []
    for prop in sorted(shapes.objects(shape, SH.property), key=str):
        if not _deactivated(shapes, prop):
            checks.extend(_property_checks(shapes, prop, focus, prefixes, classes))
    for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
        if not _deactivated(shapes, constraint):
            check = _sparql_check(shapes, constraint, focus, prefixes, severity)
            checks.append(replace(check, classes=classes))
    return checks


def _deactivated(shapes: Graph, node: Node) -> bool:
    value = shapes.value(node, SH.deactivated)
    return isinstance(value, Literal) and value.toPython() is True


def _severity(shapes: Graph, node: Node) -> str:
    return local_name(shapes.value(node, SH.severity) or SH.Violation)


def _focus(shapes: Graph, shape: Node) -> tuple[dict[str, str], str]:
    """Give the prefixes and a group pattern binding ?this to each focus node."""
    parts: list[str] = []
    prefixes: dict[str, str] = {}
    for cls in sorted(shapes.objects(shape, SH.targetClass), key=str):
        parts.append(f"?this a/rdfs:subClassOf* {cls.n3()} .")
    if (shape, RDF.type, RDFS.Class) in shapes:
        parts.append(f"?this a/rdfs:subClassOf* {shape.n3()} .")
    for node in sorted(shapes.objects(shape, SH.targetNode), key=str):
        parts.append(f"VALUES ?this {{ {node.n3()} }}")
    for prop in sorted(shapes.objects(shape, SH.targetSubjectsOf), key=str):
        parts.append(f"?this {prop.n3()} ?target_object .")
    for prop in sorted(shapes.objects(shape, SH.targetObjectsOf), key=str):
        parts.append(f"?target_subject {prop.n3()} ?this .")
    for target in sorted(shapes.objects(shape, SH.target), key=str):
        prefixes.update(_prefixes(shapes, target))
        parts.append(_embedded_select(shapes, target, kind=SH.SPARQLTarget))
    union = " UNION ".join(f"{{ {part} }}" for part in parts)
    return prefixes, f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _target_classes(shapes: Graph, shape: Node) -> tuple[str, ...] | None:
    """Give the classes whose instances are all the focus nodes, if that is all."""
    if any((shape, key, None) in shapes for key in (*_TARGETS[1:], SH.target)):
        return None
    classes = set(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)
    if not all(isinstance(cls, URIRef) for cls in classes):
        return None
    return tuple(sorted(str(cls) for cls in classes))


def _embedded_select(shapes: Graph, node: Node, *, kind: URIRef) -> str:
    """Give a SPARQL target's or constraint's SELECT, to embed as a sub-query."""
    keys = set(shapes.predicates(node)) - {RDF.type, RDFS.comment, SH.message}
    types = set(shapes.objects(node, RDF.type))
    if keys - {SH.select, SH.prefixes} or (types and types != {kind}):
        raise NotCompilableError(f"{local_name(kind)} with other parameters")
    select = shapes.value(node, SH.select)
    if select is None:
        raise NotCompilableError(f"{local_name(kind)} without sh:select")
    text = str(select).strip()
    if not text.upper().startswith("SELECT"):
        raise NotCompilableError(f"{local_name(kind)} whose query has its own prologue")
    return f"{{ {text} }}"


def _prefixes(shapes: Graph, node: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for declarations in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(declarations, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                found[str(prefix)] = str(namespace)
    return found


def path_sparql(shapes: Graph, path: Node | None) -> str:
    """Write a SHACL property path as a SPARQL property path.

    >>> g = Graph().parse(data="[] <http://www.w3.org/ns/shacl#inversePath> <p> .",
    ...                   format="turtle", publicID="http://e.org/")
    >>> path_sparql(g, next(g.subjects()))
    '^<http://e.org/p>'
    """
    if isinstance(path, URIRef):
        return path.n3()
    if not isinstance(path, BNode):
        raise NotCompilableError(f"sh:path {path!r}")
    if shapes.value(path, RDF.first) is not None:
        steps = [path_sparql(shapes, step) for step in Collection(shapes, path)]
        return "(" + "/".join(steps) + ")"
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        inner = path_sparql(shapes, inverse)
        return f"^{inner}" if isinstance(inverse, URIRef) else f"^({inner})"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        options = [path_sparql(shapes, p) for p in Collection(shapes, alternatives)]
        return "(" + "|".join(options) + ")"
    for key, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+")):
        repeated = shapes.value(path, key)
        if repeated is not None:
            return f"({path_sparql(shapes, repeated)}){mark}"
    once = shapes.value(path, SH.zeroOrOnePath)
    if once is not None:
        return f"({path_sparql(shapes, once)})?"
    raise NotCompilableError("an unknown kind of sh:path")


def path_text(shapes: Graph, path: Node | None) -> str | None:
    """Write a path as reports show it: a prefixed name, `^` for an inverse."""
    if path is None:
        return None
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return "^" + inverse.n3(_NAMES)
    if isinstance(path, URIRef):
        return path.n3(_NAMES)
    return path_sparql(shapes, path)


def _property_checks(
    shapes: Graph,
    prop: Node,
    focus: str,
    prefixes: dict[str, str],
    classes: tuple[str, ...] | None,
) -> list[Check]:
    raw = shapes.value(prop, SH.path)
    path = path_sparql(shapes, raw)
    shown = path_text(shapes, raw)
    message = str(shapes.value(prop, SH.message) or "")
    severity = _severity(shapes, prop)
    header = _header(prefixes)
    checks = []
    for parameter, value in sorted(shapes.predicate_objects(prop)):
        if parameter in _NOTES:
            continue
        where = _constraint(shapes, prop, parameter, value, path, focus)
        component = _component(parameter)
        text = message or f"{component} failed on {shown}"
        query = f"{header}SELECT DISTINCT ?this ?value WHERE {{ {where} }}"
        part = _part(
            where, focus, header=header, parameter=parameter, value=value, path=raw
        )
        local = None
        if classes is not None:
            local = local_form(shapes, prop, parameter, value, raw)
        checks.append(
            Check(component, shown, text, severity, query, part, classes, local)
        )
    return checks


def _part(
    where: str,
    focus: str,
    *,
    header: str,
    parameter: Node,
    value: Node,
    path: Node | None,
) -> Part | None:
    """Say how the check `where` joins others of its focus, if it can."""
    if parameter in (SH.minCount, SH.maxCount):
        if not isinstance(path, URIRef):
            return None
        if parameter == SH.maxCount:
            return Part("most", header, focus, path.n3(), int(str(value)))
        if int(str(value)) == 1:
            return Part("absent", header, focus, path.n3())
        return None
    if parameter == SH.hasValue or not where.startswith(focus):
        return None
    # A value check is the focus, then patterns and a filter on one path's values.
    return Part("value", header, focus, where.removeprefix(focus).strip())


def _component(parameter: Node) -> str:
    name = local_name(parameter)
    return name[0].upper() + name[1:] + "ConstraintComponent"


def _header(prefixes: dict[str, str]) -> str:
    own = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
    return HEADER + own


def _constraint(
    shapes: Graph, prop: Node, parameter: Node, value: Node, path: str, focus: str
) -> str:
    """Give the patterns that bind ?this (and ?value) where the constraint fails."""
    each = f"{focus} ?this {path} ?value ."
    if parameter == SH.minCount:
        if int(str(value)) == 1:
            return f"{focus} FILTER NOT EXISTS {{ ?this {path} ?any }}"
        return _count(focus, path, f"< {int(str(value))}", optional=True)
    if parameter == SH.maxCount:
        return _count(focus, path, f"> {int(str(value))}", optional=False)
    if parameter == SH.hasValue:
        return f"{focus} FILTER NOT EXISTS {{ ?this {path} {value.n3()} }}"
    if parameter in PAIRS:
        test = f"?value {PAIRS[parameter]} ?other"
        return f"{each} ?this {value.n3()} ?other . FILTER (!COALESCE({test}, false))"
    return f"{each} FILTER ({value_filter(shapes, prop, parameter, value)})"


def _count(focus: str, path: str, test: str, *, optional: bool) -> str:
    values = f"?this {path} ?counted"
    pattern = f"OPTIONAL {{ {values} }}" if optional else f"{values} ."
    return (
        "{ SELECT ?this (COUNT(DISTINCT ?counted) AS ?count)"
        f" WHERE {{ {focus} {pattern} }} GROUP BY ?this }} FILTER (?count {test})"
    )


def _sparql_check(
    shapes: Graph,
    constraint: Node,
    focus: str,
    prefixes: dict[str, str],
    severity: str,
) -> Check:
    select = _embedded_select(shapes, constraint, kind=SH.SPARQLConstraint)
    header = _header({**prefixes, **_prefixes(shapes, constraint)})
    message = str(shapes.value(constraint, SH.message) or "SPARQL constraint failed")
    # `$this` and `?this` are one variable, so the join keeps each target's failures.
    query = f"{header}SELECT * WHERE {{ {focus} {select} }}"
    part = Part("sparql", header, focus, select)
    return Check("SPARQLConstraintComponent", None, message, severity, query, part)
