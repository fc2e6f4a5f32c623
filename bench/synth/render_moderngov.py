"""Writing stage for modern.gov pages: a `Meeting` to text, participants and items.

Two layouts: a single agenda-item page with `·` and `Ø` bullets (seed 001), and a
meeting's item table flattened with `|` separators, `Minutes:` markers and "... view the
full minutes text for item 62/21 |" tails (seed 002).
"""

from __future__ import annotations

import random

from bench.synth.model import Item, Meeting
from bench.synth.standard import prose_apologies
from bench.synth.topics import NEUTRAL, TOPICS, listed_title
from bench.synth.vocab import FAMILY, GIVEN
from bench.synth.write import Entry, entry

Rendered = tuple[str, list[Entry], list[Item]]
GAP = "\n\n \n\n"


def item_page_intro(rng: random.Random, m: Meeting, headings: list[str]) -> str:
    """Breadcrumb (when dated), title and what the body was asked to consider."""
    item, lead = m.items[0], m.people[0]
    text = "Agendas, Meetings and Minutes - Agenda item\n\n"
    if m.show_date:
        when = f"{m.date_text} {m.times_text}" if m.times_text else m.date_text
        text += f"Meeting of {m.body_name}, {when} (Item {item.number}.)\n\n"
    text += f"Agenda item\n\n{item.title}\n\nMinutes:\n\n"
    short = "Panel" if m.body_kind == "police-and-crime-panel" else "Committee"
    asked = f"The {short}" if m.show_date else f"The {m.body_name}"
    text += f"{asked} was asked to:{GAP}·       Consider the annual update on crime "
    text += f"and disorder in {m.area}\n\n"
    text += "·       Consider the role of partners in relation to:\n\n"
    text += "".join(f"Ø  {heading}\n\n" for heading in headings) + " \n\n"
    return text + (
        f"The Chairman invited {lead.short} to introduce the item, in his role as "
        f"{lead.role}.{GAP}"
    )


def render_item_page(rng: random.Random, m: Meeting) -> Rendered:
    """One agenda item's page: what the body was asked, then discussion by topic."""
    item, (lead, officer) = m.items[0], m.people
    item.number = str(rng.randrange(10, 1200)) if m.show_date else "1"
    headings = [listed_title(k, rng.randrange(4)) for k in item.topics]
    text = item_page_intro(rng, m, headings)
    lines = [ln for b in item.blocks for ln in b.lines if not ln.text.endswith(":")]
    text += f"During the discussion, the following main points were made:{GAP}"
    text += "".join(f"·       {line.text}{GAP}" for line in lines if not line.topic)
    for key, heading in zip(item.topics, headings, strict=True):
        text += f"{heading}{GAP}"
        text += "".join(f"·       {ln.text}{GAP}" for ln in lines if ln.topic == key)
    text += (
        f"{officer.short} of {m.force_name} responded to questions from Members.{GAP}"
        f"The Chairman thanked everyone for attending.{GAP}Supporting documents:"
    )
    entries = [entry(lead, lead.short, role=True), entry(officer, officer.short)]
    return text, entries, m.items


def table_apologies(m: Meeting) -> tuple[str, list[Entry]]:
    """`Apologies … were submitted by Councillor A (Council – Cllr B substituting)`."""
    subs = {absent.family: sub for sub, absent in m.substitutes}
    parts, entries = [], []
    for person in [p for p in m.people if p.status == "apologies"]:
        if person.family in subs:
            quote = f"{subs[person.family].styled} substituting"
            parts.append(f"{person.styled} ({person.organisation} – {quote})")
            entries.append(entry(person, person.styled, org=True))
            entries.append(entry(subs[person.family], quote, org=True))
        elif person.organisation:
            parts.append(f"{person.styled} ({person.organisation})")
            entries.append(entry(person, parts[-1], org=True))
        else:
            parts.append(person.styled)
            entries.append(entry(person, person.styled))
    return f"Apologies for absence were submitted by {prose_apologies(parts)}.", entries


def cut_tail(rng: random.Random, ref: str) -> str:
    """A neutral sentence broken off by the page's `view the full minutes text` link."""
    words = rng.choice(NEUTRAL).format(actor="the PCC", body="the Panel").split()
    return (
        f"{' '.join(words[: max(3, len(words) // 2)])} ... view the full minutes text "
        f"for item {ref} |"
    )


def members_questions(rng: random.Random, item: Item) -> list[str]:
    """`Members’ Questions` with numbered questions and bracketed replies."""
    lines = ["Members’ Questions"]
    for number, key in enumerate(item.topics[:3], 1):
        phrase = rng.choice(TOPICS[key].phrases)
        lines.append(
            f"({number}) The PCC was asked what was being done about {phrase}?"
        )
        lines.append(f"[The PCC replied that {phrase} was kept under regular review.]")
    return lines


def table_row(rng: random.Random, item: Item, position: int, ref: str | None) -> str:
    """One row: title, maybe report link and time, `Minutes:` and the minuted lines."""
    item.number = ref or str(position)
    lines = []
    for block in item.blocks:
        bullet = "- " if block.kind == "bullets" else ""
        lines += [f"{bullet}{line.text}" for line in block.lines]
    if item.kind == "topic" and rng.random() < 0.5:
        lines += members_questions(rng, item)
    body = "\n".join(lines)
    if item.kind == "work":
        return f"{item.title}. Minutes: {body}\n|\n"
    head = item.title + (".") * (item.kind == "minutes")
    if item.kind == "topic":
        clock = f"{min(9 + position // 2, 11)}.{rng.choice('0134')}5am"
        head += f" PDF {rng.randrange(90, 600)} KB {clock}"
        phrase = rng.choice(TOPICS[item.topics[0]].phrases)
        head += f" The PCC provides a report on {phrase}."
    tail = f"\n{cut_tail(rng, ref)}\n|\n" if ref else " |\n|\n"
    return f"{head} Minutes: {body}{tail}"


def table_header(rng: random.Random, m: Meeting) -> str:
    """Venue, contact (not a participant), optional date, webcast note, table head."""
    taken = {p.family for p in m.people} | {s.family for s, _ in m.substitutes}
    family = rng.choice([f for f in FAMILY if f not in taken])
    given = rng.choice(GIVEN)
    text = f"Venue: {m.venue}\n" if m.venue else ""
    text += (
        f"Contact: {given} {family}, {m.header_name} Scrutiny Officer Tel: 07990 "
        f"{rng.randrange(100000, 999999)}; Email: {given.lower()}.{family.lower()}"
        "@council.gov.uk\n"
    )
    if m.show_date:
        when = f"{m.date_text} {m.times_text}" if m.times_text else m.date_text
        text += f"Meeting: {when}\n"
    return text + (
        f"Note: https://webcast.example.gov.uk/core/portal/webcast_interactive/"
        f"{rng.randrange(100000, 999999)}\nNo. | Item |\n---|---|\n"
    )


def render_table(rng: random.Random, m: Meeting) -> Rendered:
    """The flattened item table of one meeting."""
    text = table_header(rng, m)
    first, year = rng.randrange(1, 90), rng.randrange(18, 25)
    entries: list[Entry] = []
    for position, item in enumerate(m.items, 1):
        if item.kind == "apologies":
            item.number = str(position)
            body, entries = table_apologies(m)
            text += f"{item.title} Minutes: {body} |\n|\n"
            continue
        ref = None
        if item.kind == "topic" and rng.random() < 0.7:
            ref = f"{first + position}/{year}"
        text += table_row(rng, item, position, ref)
    return text, entries, m.items
