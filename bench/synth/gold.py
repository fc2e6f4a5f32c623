"""Gold stage: what a renderer wrote (text, participants, items) to a GOLD.md record.

Every quote is checked to be an exact substring of the text before the record is
returned.
"""

from __future__ import annotations

from typing import Any

from bench.synth.model import Item, Meeting
from bench.synth.vocab import hhmm
from bench.synth.write import Entry, item_records


def meeting_fields(m: Meeting) -> dict[str, str | None]:
    """The `meeting` object: only what the text states."""
    return {
        "date": m.date.isoformat() if m.show_date else None,
        "start_time": hhmm(m.start),
        "end_time": hhmm(m.end),
        "body_kind": m.body_kind,
        "body_name": m.body_name,
        "force": m.force_id,
        "venue": m.venue,
    }


def build_gold(
    doc: str, m: Meeting, text: str, entries: list[Entry], items: list[Item]
) -> dict[str, Any]:
    """The gold record of one generated document."""
    decisions, actions = [], []
    for item in items:
        found = item_records(item)
        decisions += found[0]
        actions += found[1]
    gold = {
        "doc": doc,
        "meeting": meeting_fields(m),
        "participants": entries,
        "agenda_items": [{"number": i.number, "title": i.title} for i in items],
        "item_topics": {i.number: list(i.topics) for i in items if i.topics},
        "decisions": decisions,
        "actions": actions,
        "notes": [f"synthetic: layout {m.layout}"],
    }
    check_quotes(gold, text)
    return gold


def check_quotes(gold: dict[str, Any], text: str) -> None:
    """Raise `ValueError` when a quote is not an exact substring of `text`."""
    quotes = [p["quote"] for p in gold["participants"]]
    quotes += [d["quote"] for d in gold["decisions"]] + [
        a["quote"] for a in gold["actions"]
    ]
    for quote in quotes:
        if quote not in text:
            raise ValueError(f"{gold['doc']}: quote not in text: {quote!r}")
