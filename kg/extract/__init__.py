"""Extraction stage: a parsed `Meeting` plus its text to a fuller `Meeting`.

Each extractor is a pure function `(meeting, text) -> meeting` that fills one family of
records (attendance, topics, decisions, actions) using the items and spans the layout
parser found. They run in the order of `EXTRACTORS`; later ones may read earlier
results.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import actions, attendance, decisions, topics
from kg.records import Meeting

Extractor = Callable[[Meeting, str], Meeting]

EXTRACTORS: tuple[Extractor, ...] = (
    attendance.extract_attendance,
    topics.tag_topics,
    decisions.extract_decisions,
    actions.extract_actions,
)


def extract_all(meeting: Meeting, text: str) -> Meeting:
    """Run every extractor over `meeting` in turn."""
    for extract in EXTRACTORS:
        meeting = extract(meeting, text)
    return meeting
