"""Reference data: the 43 territorial forces of England and Wales (police.uk ids) and
BTP.

Each force carries the area name used in body names, the force's own name, a few
councils of its area (panel members come from them) and towns for venues.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Force:
    """One police force area: police.uk id, area, force name, councils, towns."""

    id: str
    area: str
    name: str
    councils: tuple[str, ...]
    towns: tuple[str, ...]
    panel: str | None = None


def _force(line: str) -> Force:
    """Read `id | area | name | council; council | town; town [| panel]`.

    >>> _force("kent | Kent | Kent Police | Kent County Council | Maidstone").area
    'Kent'
    """
    parts = [p.strip() for p in line.split("|")]
    councils = tuple(c.strip() for c in parts[3].split(";") if c.strip())
    towns = tuple(t.strip() for t in parts[4].split(";"))
    panel = parts[5] if len(parts) > 5 else None
    return Force(parts[0], parts[1], parts[2], councils, towns, panel)


_TABLE = (Path(__file__).parent / "data" / "forces.txt").read_text(encoding="utf-8")

FORCES: tuple[Force, ...] = tuple(
    _force(line) for line in _TABLE.strip().splitlines() if line.strip()
)
