"""The standard items of business: minutes, declarations, work programme, next meeting.

Input: a seeded `random.Random` and the meeting's `Context`; output: `Item`s. None of
these items discusses a topic except the work programme (its list of future items) and
the private complaints item (its title).
"""

from __future__ import annotations

import random

from bench.synth.content import Context, cap, topic_sentence
from bench.synth.model import Block, Item, Line
from bench.synth.topics import listed_title


def para(*texts: str) -> Block:
    """A paragraph block of plain lines."""
    return Block("para", [Line(t) for t in texts])


def declarations_item(rng: random.Random) -> Item:
    """Declarations of interest, with none declared."""
    item = Item(
        "declarations",
        rng.choice(("Declarations of interest", "Declarations of Interest")),
    )
    item.blocks.append(
        para(
            rng.choice(
                (
                    "None advised",
                    "There were none.",
                    "No declarations of interest were made.",
                )
            )
        )
    )
    return item


def minutes_item(rng: random.Random, previous: str) -> Item:
    """Approval of the previous meeting's minutes: an agreement."""
    title = rng.choice(
        (
            "Minutes of previous meeting",
            "Minutes of the previous meeting",
            "Notes of the previous meeting including matters arising",
            "Minutes and Action Update",
        )
    )
    verb = rng.choice(("agreed", "confirmed", "approved"))
    noun = "notes" if title.startswith("Notes") else "minutes"
    quote = (
        f"The {noun} of the meeting held on {previous} were {verb} as a correct record."
    )
    item = Item("minutes", title)
    item.blocks.append(Block("para", [Line(quote, "agreement", quote)]))
    if rng.random() < 0.5:
        item.blocks.append(para("There were no matters arising."))
    return item


def public_item(rng: random.Random) -> Item:
    """Public forum or question time, with nothing received."""
    item = Item("public", rng.choice(("Public Forum", "Public Question Time")))
    item.blocks.append(
        para(rng.choice(("There were no public questions.", "None received.")))
    )
    return item


def chair_item(rng: random.Random, ctx: Context, late: str | None) -> Item:
    """Chair's business; `late` names a former member only mentioned, not present."""
    item = Item("chair", rng.choice(("Chairman's Business", "Chair's Announcements")))
    texts = ["The Chair welcomed Members to the meeting."]
    if late:
        texts.append(
            f"The Chair paid tribute to the late {late}, a former member of {ctx.body}."
        )
    item.blocks.append(para(" ".join(texts)))
    return item


def announcements_item(rng: random.Random, ctx: Context, keys: list[str]) -> Item:
    """Lettered announcements (`a) **Title** – text`), one topic each."""
    item = Item("announcements", "Police and Crime Commissioner Announcements")
    lines = []
    for key in keys:
        item.add_topic(key)
        title = listed_title(key, rng.randrange(4))
        lines.append(Line(f"**{title}** – {topic_sentence(rng, ctx, key)}"))
    item.blocks.append(Block("letters", lines))
    return item


def work_programme_item(rng: random.Random, keys: list[str]) -> Item:
    """The work programme: future items listed (their topics count here)."""
    item = Item("work", rng.choice(("Work Programme", "Future Agenda Items")))
    titles = [listed_title(k, rng.randrange(4)) for k in keys]
    for key in keys:
        item.add_topic(key)
    item.blocks.append(
        para("The following items were put forward for future meetings:")
    )
    item.blocks.append(Block("bullets", [Line(t) for t in titles]))
    if rng.random() < 0.5:
        quote = f"It was agreed that {titles[0]} would be added to the work programme."
        item.blocks.append(Block("para", [Line(quote, "agreement", quote)]))
    return item


def aob_item(rng: random.Random) -> Item:
    """Any other business, with none."""
    item = Item(
        "aob", rng.choice(("Any other business", "A.O.B", "Any Other Business"))
    )
    item.blocks.append(para(rng.choice(("None", "There was no other business."))))
    return item


def next_meeting_item(rng: random.Random, when: str, venue: str | None) -> Item:
    """The date (and maybe venue) of the next meeting: never this meeting's facts."""
    item = Item("next", rng.choice(("Date of next meeting", "Date of Next Meeting")))
    item.blocks.append(para(f"{when}."))
    if venue:
        item.blocks.append(para(f"Venue: {venue}."))
    return item


def exclusion_item(rng: random.Random) -> Item:
    """Exclusion of the press and public: a resolution."""
    lead = rng.choice(("Recommended - that", "RESOLVED that"))
    quote = (
        f"{lead} under Section 100A(4) of the Local Government Act 1972, the public be "
        "excluded from the meeting for the consideration of the following item, on the "
        "grounds that it involves the likely disclosure of exempt information as "
        "defined in Part I of Schedule 12A to the Act (as amended)."
    )
    item = Item("exclusion", "Exclusion of the Press and Public")
    item.blocks.append(Block("para", [Line(quote, "resolution", quote)]))
    return item


def private_item(rng: random.Random, ctx: Context) -> Item:
    """The exempt complaints item that follows an exclusion."""
    item = Item(
        "private",
        rng.choice(("Complaint update", "Complaints against the Commissioner")),
    )
    item.add_topic("complaints-and-standards")
    quote = rng.choice(
        (
            "Resolved - no update required",
            f"RESOLVED that the complaint against {ctx.actor} be closed.",
        )
    )
    item.blocks.append(Block("para", [Line(quote, "resolution", quote)]))
    return item


def prose_apologies(people: list[str]) -> str:
    """`A, B and C` as minutes join names.

    >>> prose_apologies(["Cllr A", "Cllr B", "Mr C"])
    'Cllr A, Cllr B and Mr C'
    """
    return cap(
        ", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else people[0]
    )
