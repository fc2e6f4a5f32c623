"""Placeholder until the people mapper lands (yields no triples)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.mapping.evidence import Triple
from kg.records import Meeting


def people_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield no triples (placeholder)."""
    yield from ()
