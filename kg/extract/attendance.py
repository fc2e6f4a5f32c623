"""Placeholder until the attendance extractor lands (returns the meeting unchanged)."""

from __future__ import annotations

from kg.records import Meeting


def extract_attendance(meeting: Meeting, text: str) -> Meeting:
    """Return `meeting` unchanged (placeholder)."""
    return meeting
