"""Running compiled SHACL checks: `Check`s and a SELECT function in, `Failure`s out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Also converts rdflib triples
to an in-memory Oxigraph store, for validating a graph that is not in a store yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.shacl_sparql.compile import Check

# A SELECT runner: query text in, (variable names, rows of Oxigraph terms) out.
Select = Callable[[str], tuple[tuple[str, ...], Iterable[tuple[object, ...]]]]
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")
# Prefixed names for paths in reports, the same as `kg.validate` gives pySHACL's.
_NAMES = bind_prefixes(Graph()).namespace_manager


@dataclass(frozen=True, slots=True)
class Failure:
    """One failing focus node (and value) of one check, as SPARQL found it."""

    focus: str
    path: str | None
    component: str
    message: str
    severity: str


def find_failures(select: Select, checks: Iterable[Check]) -> list[Failure]:
    """Run `checks` through `select`: one `Failure` per failing focus node and value."""
    failures: list[Failure] = []
    for check in checks:
        variables, rows = select(check.sparql)
        for row in rows:
            bound = {name: term for name, term in zip(variables, row, strict=True)}
            failures.append(_failure(check, bound))
    return failures


def _failure(check: Check, bound: dict[str, object]) -> Failure:
    path = bound.get("path")
    shown = check.path
    if isinstance(path, ox.NamedNode):
        shown = URIRef(path.value).n3(_NAMES)
    message = _PLACEHOLDER.sub(lambda m: _show(bound.get(m.group(1))), check.message)
    return Failure(
        focus=_show(bound.get("this")),
        path=shown,
        component=check.component,
        message=message,
        severity=check.severity,
    )


def _show(term: object) -> str:
    return str(getattr(term, "value", "")) if term is not None else ""


def oxigraph_select(store: ox.Store) -> Select:
    """Make a `Select` over `store`, its named graphs seen as one default graph."""

    def select(sparql: str) -> tuple[tuple[str, ...], Iterable[tuple[object, ...]]]:
        solutions = store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        names = tuple(v.value for v in solutions.variables)
        return names, [tuple(s[n] for n in names) for s in solutions]

    return select


def to_oxigraph(triples: Iterable[tuple[Node, Node, Node]]) -> ox.Store:
    """Load rdflib triples into a new in-memory Oxigraph store (default graph)."""
    store = ox.Store()
    store.extend(ox_quads(triples))
    return store


def ox_quads(
    triples: Iterable[tuple[Node, Node, Node]], graph: ox.NamedNode | None = None
) -> Iterator[ox.Quad]:
    """Convert rdflib triples to Oxigraph quads (in `graph`, else the default graph).

    >>> a, p = URIRef("http://e.org/a"), URIRef("http://e.org/p")
    >>> [str(q) for q in ox_quads([(a, p, Literal("x", lang="en"))])]
    ['<http://e.org/a> <http://e.org/p> "x"@en']
    """
    cache: dict[Node, object] = {}
    for s, p, o in triples:
        yield ox.Quad(_term(s, cache), _term(p, cache), _term(o, cache), graph)  # type: ignore[arg-type]


def _term(node: Node, cache: dict[Node, object]) -> object:
    known = cache.get(node)
    if known is None:
        known = cache[node] = _new_term(node)
    return known


def _new_term(node: Node) -> object:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode()
    if isinstance(node, Literal) and node.language:
        return ox.Literal(str(node), language=node.language)
    if isinstance(node, Literal) and node.datatype:
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
    return ox.Literal(str(node))
