"""Batching compiled checks: `Check`s in, fewer SPARQL queries that run them all out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Each query costs Oxigraph a
fixed 20-40 microseconds however small the data, and a meeting is checked against
over a hundred constraints, so checks of one focus share queries: `absent` checks
(`sh:minCount 1` on an IRI path) in one `VALUES` list, `most` checks (`sh:maxCount`)
in one grouped count, and value checks (datatype, class, pattern, ...) and SPARQL
constraints in `UNION`s of at most `UNION_SIZE` (Oxigraph plans a long union
slowly). A query's ?check column says which check a row fails; a row gives the
variables the check's own query gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.shacl_sparql.compile import Check

# The column naming a row's check (compiled checks bind no such variable).
CHECK = "check"
# Value checks per UNION query.
UNION_SIZE = 8
# A SPARQL constraint using the ?check variable itself runs alone.
_OWN_CHECK = re.compile(rf"[?$]{CHECK}\b")


@dataclass(frozen=True, slots=True)
class Batch:
    """One query and the checks it runs: its ?check column indexes `checks`.

    A batch of one check runs that check's own query, without a ?check column.
    """

    sparql: str
    checks: tuple[Check, ...]


@lru_cache(maxsize=8)
def batch_checks(checks: tuple[Check, ...]) -> tuple[Batch, ...]:
    """Group `checks` into batches; checks that cannot be grouped run alone."""
    groups: dict[tuple[str, str, str], list[Check]] = defaultdict(list)
    batches: list[Batch] = []
    for check in checks:
        part = check.part
        if part is None or (part.kind == "sparql" and _OWN_CHECK.search(part.pattern)):
            batches.append(Batch(check.sparql, (check,)))
        else:
            groups[(part.kind, part.header, part.focus)].append(check)
    for (kind, _, _), members in groups.items():
        size = UNION_SIZE if kind in ("value", "sparql") else len(members)
        for start in range(0, len(members), size):
            batches.append(_batch(kind, tuple(members[start : start + size])))
    return tuple(batches)


def _batch(kind: str, checks: tuple[Check, ...]) -> Batch:
    if len(checks) == 1:
        return Batch(checks[0].sparql, checks)
    parts = [c.part for c in checks if c.part is not None]
    header, focus = parts[0].header, parts[0].focus
    if kind == "absent":
        rows = " ".join(f"({n} {p.pattern})" for n, p in enumerate(parts))
        where = (
            f"{focus} VALUES (?{CHECK} ?predicate) {{ {rows} }}"
            " FILTER NOT EXISTS { ?this ?predicate ?any }"
        )
        sparql = f"{header}SELECT DISTINCT ?{CHECK} ?this WHERE {{ {where} }}"
    elif kind == "most":
        rows = " ".join(f"({n} {p.pattern} {p.limit})" for n, p in enumerate(parts))
        where = (
            f"{focus} VALUES (?{CHECK} ?predicate ?most) {{ {rows} }}"
            " ?this ?predicate ?counted ."
        )
        sparql = (
            f"{header}SELECT ?{CHECK} ?this WHERE {{ {where} }}"
            f" GROUP BY ?{CHECK} ?this ?most HAVING (COUNT(DISTINCT ?counted) > ?most)"
        )
    else:
        union = " UNION ".join(
            f"{{ BIND ({n} AS ?{CHECK}) {p.pattern} }}" for n, p in enumerate(parts)
        )
        # A SPARQL constraint's rows keep every variable its own SELECT gives.
        shown = "*" if kind == "sparql" else f"DISTINCT ?{CHECK} ?this ?value"
        sparql = f"{header}SELECT {shown} WHERE {{ {focus} {union} }}"
    return Batch(sparql, checks)
