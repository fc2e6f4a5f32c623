"""Running compiled SHACL checks: `Check`s and a SELECT function in, `Failure`s out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Also converts rdflib triples
to an in-memory Oxigraph store, for validating a graph that is not in a store yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.shacl_sparql.batch import CHECK, batch_checks
from kg.shacl_sparql.compile import Check
from kg.terms import graph_quads

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
    """Run `checks` through `select`: one `Failure` per failing focus node and value.

    The checks run in batches (`batch_checks`); the failures come in check order.
    """
    ordered = tuple(checks)
    position = {check: n for n, check in enumerate(ordered)}
    found: list[tuple[int, Failure]] = []
    for batch in batch_checks(ordered):
        variables, rows = select(batch.sparql)
        for row in rows:
            bound = {name: term for name, term in zip(variables, row, strict=True)}
            which = bound.pop(CHECK, None) if len(batch.checks) > 1 else None
            check = batch.checks[int(_show(which) or 0)]
            found.append((position[check], _failure(check, bound)))
    found.sort(key=lambda pair: pair[0])
    return [failure for _, failure in found]


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

    >>> from rdflib import Literal
    >>> a, p = URIRef("http://e.org/a"), URIRef("http://e.org/p")
    >>> [str(q) for q in ox_quads([(a, p, Literal("x", lang="en"))])]
    ['<http://e.org/a> <http://e.org/p> "x"@en']
    """
    return graph_quads(triples, graph)
