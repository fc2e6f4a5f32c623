"""Planning stage: a seeded `random.Random` to a `Meeting` (body, date, people, items).

The plan fixes every fact the gold will state; the renderers only choose how to print
it.
"""

from __future__ import annotations

import random

from bench.synth import people as pp
from bench.synth.agenda import ITEMS
from bench.synth.content import Context
from bench.synth.forces import FORCES, Force
from bench.synth.model import Meeting, Person
from bench.synth.vocab import format_date, format_times, pick_date, pick_venue

LAYOUTS = (
    "numbered-minutes",
    "agenda-and-minutes",
    "moderngov-item",
    "moderngov-table",
)
LAYOUT_WEIGHTS = (35, 25, 15, 25)
KINDS = {
    "numbered-minutes": ("police-and-crime-panel", "pcc-board", "council-committee"),
    "agenda-and-minutes": ("pcc-board",),
    "moderngov-item": ("council-committee", "police-and-crime-panel"),
    "moderngov-table": ("police-and-crime-panel", "council-committee"),
}
BOARDS = (
    "Police and Crime Board",
    "Community Outcomes Meeting",
    "Accountability Board",
    "Performance and Accountability Board",
    "Strategic Policing and Crime Board",
)
COMMITTEES = (
    "Overview and Scrutiny Performance Board",
    "Safer Communities Scrutiny Committee",
    "Community Safety Scrutiny Panel",
    "Crime and Disorder Committee",
    "Scrutiny Board (Safer and Stronger Communities)",
)
SHORT = {
    "police-and-crime-panel": "the Panel",
    "pcc-board": "the Board",
    "council-committee": "the Committee",
    "other": "the Authority",
}


def pick_body(rng: random.Random, force: Force, layout: str) -> tuple[str, str, str]:
    """(body kind, body name in full, name as the header prints it)."""
    if force.id == "btp":
        name = rng.choice(
            (
                "British Transport Police Authority",
                "British Transport Police Authority Performance Review Committee",
            )
        )
        return "other", name, name
    if force.id == "city-of-london":
        return (
            "pcc-board",
            "City of London Police Authority Board",
            "Police Authority Board",
        )
    kind = rng.choice(KINDS[layout])
    if kind == "police-and-crime-panel":
        full = force.panel or f"{force.area} Police and Crime Panel"
        return kind, full, rng.choice((full, full, "Police & Crime Panel"))
    if kind == "pcc-board":
        board = rng.choice(BOARDS)
        return (
            kind,
            f"{force.area} {board}",
            rng.choice((f"{force.area} {board}", board)),
        )
    full = f"{rng.choice(force.councils)} {rng.choice(COMMITTEES)}"
    return kind, full, full


def pick_actor(rng: random.Random, force: Force, kind: str) -> str:
    """How the prose names the person held to account."""
    if force.id == "btp":
        return "the Chief Constable"
    if force.id == "metropolitan":
        return "the Deputy Mayor for Policing and Crime"
    return rng.choice(
        ("the Commissioner", "the PCC", "the Police and Crime Commissioner")
    )


def pick_people(names: pp.Names, force: Force, layout: str, kind: str) -> list[Person]:
    """The participants with their statuses, as the layout can show them."""
    rng = names.rng
    if layout == "moderngov-item":
        lead = names.person("Cllr", role="Lead Member for Crime and Disorder")
        officer = names.person(
            rng.choice(("Superintendent", "Inspector", "Chief Inspector")),
            status="in-attendance",
        )
        lead.given = officer.given = ""
        return [lead, officer]
    if layout == "moderngov-table" or (
        layout == "numbered-minutes" and rng.random() < 0.3 and kind != "pcc-board"
    ):
        sent = pp.members_and_apologies(names, force, sent=rng.randrange(1, 6))
        return [p for p in sent if p.status == "apologies"]
    if kind in ("pcc-board", "other"):
        return pp.board_people(names, force)
    return pp.panel_people(names, force)


def pick_substitutes(
    names: pp.Names, people: list[Person]
) -> list[tuple[Person, Person]]:
    """Pair a substitute with up to one absent councillor."""
    absent = [p for p in people if p.status == "apologies" and p.organisation]
    if not absent or names.rng.random() < 0.6:
        return []
    return [(pp.substitute_for(names, absent[0]), absent[0])]


def pick_times(rng: random.Random) -> tuple[int, int | None]:
    """Start and (maybe) end, in minutes after midnight."""
    start = rng.choice((570, 600, 630, 780, 810, 840, 1080))
    end = start + 5 * rng.randrange(18, 48) if rng.random() < 0.7 else None
    return start, end


def make_context(rng: random.Random, meeting: Meeting, force: Force) -> Context:
    """What the items may mention, and who may own their actions."""
    ranked = [
        p.short
        for p in meeting.people
        if p.status in ("present", "in-attendance")
        and p.title
        and not p.title.startswith(("Councillor", "Cllr", "M", "Dr"))
    ]
    owners = (meeting.actor, "the Chief Constable", *ranked[:2])
    area = "the rail network" if force.id == "btp" else force.area
    return Context(
        area,
        force.name,
        rng.choice(force.towns),
        meeting.actor,
        SHORT[meeting.body_kind],
        owners,
        meeting.date.year,
    )


def plan_meeting(rng: random.Random) -> Meeting:
    """Draw one whole meeting."""
    layout = rng.choices(LAYOUTS, LAYOUT_WEIGHTS)[0]
    force = rng.choice(FORCES)
    kind, body, header = pick_body(rng, force, layout)
    day = pick_date(rng)
    start, end = pick_times(rng)
    show_date = layout in LAYOUTS[:2] or rng.random() < 0.5
    shown = show_date and (layout != "numbered-minutes" or rng.random() < 0.6)
    names = pp.Names(rng)
    people = pick_people(names, force, layout, kind)
    town = rng.choice(force.towns)
    meeting = Meeting(
        layout,
        force.id,
        force.area,
        force.name,
        kind,
        body,
        header,
        day,
        format_date(day, rng.randrange(6)),
        start if shown else None,
        end if shown else None,
        format_times(start, end, rng.randrange(4)) if shown else None,
        pick_venue(rng, town) if rng.random() < 0.6 else None,
        pick_actor(rng, force, kind),
        people,
        pick_substitutes(names, people),
        show_date=show_date,
    )
    if layout == "moderngov-item":
        meeting.venue = None
    ctx = make_context(rng, meeting, force)
    meeting.items = ITEMS[layout](rng, ctx, meeting, names)
    return meeting
