"""Placeholder until the topics extractor lands (returns the meeting unchanged)."""

from __future__ import annotations

from kg.records import Meeting


def tag_topics(meeting: Meeting, text: str) -> Meeting:
    """Return `meeting` unchanged (placeholder)."""
    return meeting
