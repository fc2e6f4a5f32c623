"""Running compiled SHACL checks: `Check`s and a SELECT function in, `Failure`s out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Also converts rdflib triples
to an in-memory Oxigraph store, for validating a graph that is not in a store yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.namespaces import bind_prefixes
from kg.shacl_sparql.batch import CHECK, Batch, batch_checks
from kg.shacl_sparql.compile import Check
from kg.shacl_sparql.local import Index, Rows, rows_of
from kg.shacl_sparql.reads import Reads, all_reads, read_triples
from kg.shacl_sparql.targets import selects_none
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


def find_failures(
    select: Select,
    checks: Iterable[Check],
    *,
    index: Index | None = None,
) -> list[Failure]:
    """Run `checks` through `select`: one `Failure` per failing focus node and value.

    The checks run in batches (`batch_checks`); the failures come in check order.
    Given an `index` of everything `select` queries, the checks `Check.local`
    describes run in Python on it (`kg.shacl_sparql.local`), and a batch runs only
    if it has focus nodes (`_may_fail`), with the same failures.
    """
    plan = _plan_of(tuple(checks), local=index is not None)
    found: list[tuple[int, Failure]] = []
    if index is not None:
        for n, check, local_rows in plan.local:
            assert check.classes is not None
            for bound in local_rows(index, check.classes):
                found.append((n, _failure(check, bound)))
    for batch, positions, classes in plan.batches:
        if index is not None and not _may_fail(select, index, batch, classes):
            continue
        variables, rows = select(batch.sparql)
        for row in rows:
            bound = {name: term for name, term in zip(variables, row, strict=True)}
            which = bound.pop(CHECK, None) if len(batch.checks) > 1 else None
            at = int(_show(which) or 0)
            found.append((positions[at], _failure(batch.checks[at], bound)))
    found.sort(key=lambda pair: pair[0])
    return [failure for _, failure in found]


def _may_fail(
    select: Select, index: Index, batch: Batch, classes: tuple[str, ...] | None
) -> bool:
    """Tell whether the batch's checks may find focus nodes to fail.

    Its focus nodes are the instances of its `classes`, when known, found in the
    index; the others are sought by a query of the focus alone, which costs Oxigraph
    less than the batch's constraints do (most meetings have none to fail).
    """
    if classes is not None:
        return bool(index.focus(classes))
    part = batch.checks[0].part
    if part is None:
        return True
    # a focus the index rules out needs neither the query nor a store to query
    if selects_none(part.header, part.focus, index):
        return False
    _, rows = select(f"{part.header}SELECT ?this WHERE {{ {part.focus} }} LIMIT 1")
    return bool(rows)


@dataclass(frozen=True)
class _Plan:
    """How `find_failures` runs checks: in Python, and in batches (with positions)."""

    # The checks run in Python: their positions, and how each finds its rows.
    local: tuple[tuple[int, Check, Rows], ...]
    # Each batch, its checks' positions and their focus classes (None: not known).
    batches: tuple[tuple[Batch, tuple[int, ...], tuple[str, ...] | None], ...]

    @cached_property
    def reads(self) -> Reads | None:
        """The triples the batches' queries can match (None: any)."""
        return all_reads(read_triples(batch.sparql) for batch, _, _ in self.batches)


def queried_triples(checks: tuple[Check, ...]) -> Reads | None:
    """Give the triples the queries `find_failures` runs (given an index) can match.

    None when one of them may match any triple (`kg.shacl_sparql.reads`).
    """
    return _plan_of(checks, local=True).reads


def _plan_of(checks: tuple[Check, ...], *, local: bool) -> _Plan:
    # `_plan`'s cache hashes every check, which costs more than a meeting's queries
    # save; the same tuple of checks comes back for every meeting: look it up by id.
    key = (id(checks), local)
    known = _PLANS.get(key)
    if known is None or known[0] is not checks:
        if len(_PLANS) >= _PLANS_KEPT:
            _PLANS.clear()
        known = _PLANS[key] = (checks, _plan(checks, local=local))
    return known[1]


# Plans by the id of their checks, with the checks (so that the id stays theirs).
_PLANS_KEPT = 8
_PLANS: dict[tuple[int, bool], tuple[tuple[Check, ...], _Plan]] = {}


@lru_cache(maxsize=8)
def _plan(checks: tuple[Check, ...], *, local: bool) -> _Plan:
    position = {check: n for n, check in enumerate(checks)}
    here = tuple(
        (position[c], c, rows_of(c.local))
        for c in checks
        if local and c.local is not None and c.classes is not None
    )
    done = {id(check) for _, check, _ in here}
    rest = tuple(check for check in checks if id(check) not in done)
    batches = tuple(
        (batch, tuple(position[c] for c in batch.checks), _classes(batch))
        for batch in batch_checks(rest)
    )
    return _Plan(here, batches)


def _classes(batch: Batch) -> tuple[str, ...] | None:
    found = {check.classes for check in batch.checks}
    return found.pop() if len(found) == 1 else None


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
    # An rdflib term (a row found in Python) is a `str` of its lexical form.
    if isinstance(term, str):
        return str(term)
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
    store.extend(graph_quads(triples))
    return store
