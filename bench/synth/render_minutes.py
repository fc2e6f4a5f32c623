"""Writing stage for plain-text minutes: a `Meeting` to text, participants and items.

Two layouts: numbered minutes with bullet sub-lists and PRESENT / ALSO PRESENT /
Apologies lists (seeds 000 and 003), and an agenda followed by its minutes in one
document (seed 004).
"""

from __future__ import annotations

import random
import re

from bench.synth.model import Item, Meeting
from bench.synth.standard import prose_apologies
from bench.synth.write import Entry, block_text, describe, entry

Rendered = tuple[str, list[Entry], list[Item]]


def numbered_header(rng: random.Random, m: Meeting) -> str:
    """Title, date, times and venue in one of three header styles."""
    style = rng.randrange(3)
    venue = f"Venue: {m.venue}\n\n" if m.venue else ""
    times = f"{m.times_text}\n" if m.times_text else ""
    if style == 0:
        return f"\n\n{m.header_name} – Minutes\n\n{m.date_text}\n{times}\n{venue}"
    if style == 1:
        return f"\n\n\n\n{m.header_name.upper()}\n\n{m.date_text}\n{times}\n{venue}"
    at = f" at {m.venue}" if m.venue else ""
    clock = f" at {m.times_text}" if m.times_text else ""
    body = f"MINUTES of a meeting of the {m.header_name}"
    return f"{body} held{at} on {m.date_text}{clock}\n\n"


def attendance_lists(
    rng: random.Random, m: Meeting, with_apologies: bool
) -> tuple[str, list[Entry]]:
    """PRESENT, ALSO PRESENT and (unless an item holds them) Apologies lists."""
    heads = rng.choice(
        (
            ("PRESENT", "ALSO PRESENT", "APOLOGIES", "ABSENT"),
            ("Present:", "In attendance:", "Apologies:", "Absent:"),
        )
    )
    text, entries = "", []
    statuses = ("present", "in-attendance", "apologies", "absent")
    for head, status in zip(heads, statuses, strict=True):
        if status == "apologies" and not with_apologies:
            continue
        lines = []
        for person in [p for p in m.people if p.status == status]:
            shown, gold = describe(rng, person)
            lines.append(shown)
            entries.append(gold)
        if status == "present" and lines:
            for sub, absent in m.substitutes:
                shown = f"{sub.styled} (substitute for {absent.styled})"
                lines.append(shown)
                entries.append(entry(sub, shown))
        if lines:
            text += f"{head}\n\n" + "".join(f"- {line}\n" for line in lines) + "\n"
    if any(mark in text for mark in (" (1-2)\n", " (3)\n", " (AOB)\n")):
        text += "Numbers denote items present for.\n\n"
    return text, entries


def apologies_text(
    rng: random.Random, m: Meeting, listed: bool
) -> tuple[str, list[Entry]]:
    """The apologies item: bullets or a sentence; substitutes noted unless listed."""
    subs = {absent.family: sub for sub, absent in m.substitutes}
    names, entries = [], []
    for person in [p for p in m.people if p.status == "apologies"]:
        names.append(person.styled)
        entries.append(entry(person, person.styled))
        if person.family in subs and not listed:
            quote = f"{subs[person.family].styled} substituting"
            names[-1] += f" ({quote})"
            entries.append(entry(subs[person.family], quote))
    if rng.random() < 0.6:
        return "".join(f"- {n}\n" for n in names) + "\n", entries
    return (
        f"Apologies for absence were received from {prose_apologies(names)}.\n\n",
        entries,
    )


def render_numbered(rng: random.Random, m: Meeting) -> Rendered:
    """Numbered minutes: header, attendance lists, `1. Title` items."""
    has_item = any(item.kind == "apologies" for item in m.items)
    listed = any(p.status == "present" for p in m.people)
    text = numbered_header(rng, m)
    lists, entries = attendance_lists(rng, m, not has_item)
    if not has_item and not listed and m.substitutes:
        body, entries = apologies_text(rng, m, False)
        lists = f"Apologies\n\n{body}"
    text += lists
    for number, item in enumerate(m.items, 1):
        item.number = str(number)
        text += f"{number}. {item.title}\n\n"
        if item.kind == "apologies":
            body, found = apologies_text(rng, m, listed)
            text, entries = text + body, entries + found
        text += "".join(block_text(block) for block in item.blocks)
    return text.rstrip() + "\n", entries, m.items


def agenda_part(rng: random.Random, m: Meeting, posts: list[str]) -> str:
    """The agenda: header, the board's posts, numbered items, decisions to sign."""
    when = f"{m.date_text} {m.times_text}" if m.times_text else m.date_text
    text = f"\n\n{m.header_name}, {when}\n\n"
    text += f"Venue: {m.venue}\n\n" if m.venue else ""
    text += "Attendees:\n\n" + "".join(f"- **{post}**\n" for post in posts) + "\n"
    text += "AGENDA\n\n"
    for number, item in enumerate(m.items, 1):
        text += f"{number}. {item.title}\n\n"
        subs = [f"- {'abcd'[i]}. {sub.title}\n" for i, sub in enumerate(item.subitems)]
        refs = [
            re.match(r"(\S+) \((.*?)\)", line.text)
            for block in item.blocks
            for line in block.lines
            if line.kind == "decision-notice"
        ]
        subs += [f"- {r.group(1)} – {r.group(2)}\n" for r in refs if r]
        text += "".join(subs) + ("\n" if subs else "")
    return text + f"Date of the Next Meeting: {m.next_meeting}\n\n"


def board_attendees(
    rng: random.Random, m: Meeting
) -> tuple[list[str], list[str], list[Entry]]:
    """Posts on the agenda, `Name, Role` lines of the minutes and their gold.

    Holders of the agenda's posts are present, everyone else in attendance (GOLD.md)."""
    present = [p for p in m.people if p.status in ("present", "in-attendance")]
    posts = [p.role for p in present if p.status == "present" and p.role]
    lines, entries = [], []
    for person in present:
        status = "present" if person.role in posts else "in-attendance"
        if person.role:
            shown = f"{person.name}, {person.role}"
            gold = entry(
                person, shown, status=status, role=True, org=True, titled=False
            )
        else:
            shown, gold = describe(rng, person, status)
        lines.append(shown)
        entries.append(gold)
    return posts, lines, entries


def render_agenda(rng: random.Random, m: Meeting) -> Rendered:
    """An agenda (posts, items, decisions to sign) followed by the DRAFT minutes."""
    posts, lines, entries = board_attendees(rng, m)
    text = agenda_part(rng, m, posts)
    text += f"DRAFT Minutes of the {m.header_name}, {m.date_text}\n\nAttendees:\n\n"
    text += "".join(f"{line}\n" for line in lines) + "\n"
    out: list[Item] = []
    for number, item in enumerate(m.items, 1):
        item.number = str(number)
        out.append(item)
        text += f"{number}. {item.title}\n\n"
        if item.kind == "apologies":
            sent = [p for p in m.people if p.status == "apologies"]
            shown = [f"{p.name}, {p.role}" for p in sent]
            entries += [
                entry(p, s, role=True, org=True, titled=False)
                for p, s in zip(sent, shown, strict=True)
            ]
            text += (
                "".join(f"{s}\n" for s in shown) + "\n"
                if shown
                else "None received.\n\n"
            )
        text += "".join(block_text(block) for block in item.blocks)
        for letter, sub in zip("abcd", item.subitems, strict=False):
            sub.number = f"{number}{letter}"
            out.append(sub)
            text += f"{letter}) {sub.title}\n\n" + "".join(
                block_text(b) for b in sub.blocks
            )
    text += f"Date of the Next Meeting: {m.next_meeting}\n"
    return text, entries, out
