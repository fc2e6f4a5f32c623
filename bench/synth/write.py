"""Shared writing helpers: how a person is listed, how blocks print, gold records.

A listed person yields both the text printed and the gold participant, so the two can
never disagree: the gold's role and organisation are exactly those the text shows.
"""

from __future__ import annotations

import random

from bench.synth.model import Block, Item, Person

Entry = dict[str, str | None]


def entry(
    person: Person,
    quote: str,
    *,
    status: str | None = None,
    role: bool = False,
    org: bool = False,
    titled: bool = True,
) -> Entry:
    """The gold participant for `person` as listed by `quote`."""
    return {
        "name": person.name,
        "title": person.title if titled else None,
        "role": person.role if role else None,
        "organisation": person.organisation if org else None,
        "status": status or person.status,
        "quote": quote,
    }


def describe(
    rng: random.Random, person: Person, status: str | None = None
) -> tuple[str, Entry]:
    """How a list of attendees prints `person`, and the gold that follows."""
    if person.role and person.role.endswith("Commissioner") and rng.random() < 0.5:
        text = f"{person.name} – {person.role} (PCC)"
        return text, entry(person, text, status=status, role=True)
    if person.role and person.title in (None, "Mr", "Mrs", "Ms", "Dr"):
        text = f"{person.styled}, {person.role}"
        return text, entry(person, text, status=status, role=True, org=True)
    if person.organisation and person.title in (None, "Mr", "Mrs", "Ms", "Dr"):
        text = f"{person.styled}, {person.organisation}"
        return text, entry(person, text, status=status, org=True)
    if person.organisation and rng.random() < 0.5:
        text = f"{person.styled} ({person.organisation})"
        return text, entry(person, text, status=status, org=True)
    text = person.styled
    if person.title and person.title[0] in "CDIST" and rng.random() < 0.3:
        text += rng.choice((" (1-2)", " (3)", " (AOB)"))
    return text, entry(person, text, status=status, role=person.role is not None)


def block_text(block: Block, bullet: str = "- ") -> str:
    """A block as plain text: paragraphs, bullets or lettered bullets."""
    if block.kind == "bullets":
        return "\n".join(f"{bullet}{line.text}" for line in block.lines) + "\n\n"
    if block.kind == "letters":
        return (
            "\n".join(
                f"{bullet}{'abcdefgh'[i]}) {line.text}"
                for i, line in enumerate(block.lines)
            )
            + "\n\n"
        )
    return "".join(f"{para_text(line.text)}\n\n" for line in block.lines)


def para_text(text: str) -> str:
    """A paragraph; some `Action:` lines print the label on a line of its own.

    >>> para_text("Action: The PCC to write to members.")
    'Action:\\n\\nThe PCC to write to members.'
    """
    if text.startswith("Action: ") and len(text) % 2 == 0:
        return f"Action:\n\n{text[8:]}"
    return text


def item_records(
    item: Item,
) -> tuple[list[dict[str, str | None]], list[dict[str, str | None]]]:
    """The gold decisions and actions that an item's lines record."""
    decisions, actions = [], []
    for block in item.blocks:
        for line in block.lines:
            if line.kind == "action":
                actions.append(
                    {"item": item.number, "owner": line.owner, "quote": line.gold_quote}
                )
            elif line.kind != "plain":
                decisions.append(
                    {
                        "item": item.number,
                        "ref": line.ref,
                        "kind": line.kind,
                        "quote": line.gold_quote,
                    }
                )
    return decisions, actions
