"""The body that met: its name written out with its area, and its kind."""

from __future__ import annotations

import pytest

from kg.parse.body import read_body
from kg.parse.forces import resolve_force
from kg.records import Span


def body_of(text: str, head_end: int) -> tuple[str, str]:
    head = Span(0, head_end)
    body = read_body(text, head=head, force=resolve_force(text, heading=head))
    return body.name, body.kind.value


@pytest.mark.parametrize(
    ("heading", "rest", "name", "kind"),
    [
        (
            "Police & Crime Panel – Minutes",
            "Avon and Somerset. Bristol.",
            "Avon and Somerset Police and Crime Panel",
            "police-and-crime-panel",
        ),
        (
            "Contact: Jo Bloggs, Thames Valley Police & Crime Panel Scrutiny Officer",
            "TVP",
            "Thames Valley Police and Crime Panel",
            "police-and-crime-panel",
        ),
        (
            "COMMUNITY OUTCOMES MEETING",
            "West Yorkshire Police. WYP.",
            "West Yorkshire Community Outcomes Meeting",
            "pcc-board",
        ),
        (
            "Police and Crime Board, 4th April 2018",
            "Avon and Somerset. Bristol.",
            "Avon and Somerset Police and Crime Board",
            "pcc-board",
        ),
        (
            "STAFFORDSHIRE POLICE, FIRE AND CRIME PANEL",
            "Stoke-on-Trent.",
            "Staffordshire Police, Fire and Crime Panel",
            "police-and-crime-panel",
        ),
        (
            "Strategic Policing and Crime Board",
            "West Midlands Police. Birmingham.",
            "West Midlands Strategic Policing and Crime Board",
            "pcc-board",
        ),
        (
            "Performance and Accountability Board",
            "Kent Police. Medway.",
            "Kent Performance and Accountability Board",
            "pcc-board",
        ),
    ],
)
def test_body_named_in_the_heading(
    heading: str, rest: str, name: str, kind: str
) -> None:
    assert body_of(f"{heading}\n{rest}", len(heading)) == (name, kind)


def test_a_council_body_named_only_by_its_initials() -> None:
    text = (
        "Agenda item\nAnnual Worcestershire County Council Community Safety Report\n"
        "The Board was asked to consider ... feedback from the Police and Crime "
        "Panel.\n"
        "The OSPB should receive feedback. The Board agreed. OSPB would wish ...\n"
        "West Mercia Police were undertaking assessments in Worcestershire."
    )
    assert body_of(text, 11) == (
        "Worcestershire County Council Overview and Scrutiny Performance Board",
        "council-committee",
    )


def test_an_unknown_body_is_named_by_the_first_heading_line() -> None:
    assert body_of("Joint Audit Committee\nThe committee met.", 21) == (
        "Joint Audit Committee",
        "other",
    )
