from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.actions import action_owner, actions_of_item, extract_actions, is_action
from kg.extract.decisions import extract_decisions
from kg.parse import parse_structure
from kg.records import Item, Source, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "The Commissioner to share the Digital strategy with members.",
            "The Commissioner",
        ),
        (
            "The report to be recirculated to members with funding details.",
            None,
        ),
        ("The Commissioner agreed to report back on this matter.", "The Commissioner"),
        ("The PCC offered to raise this with council leaders.", "The PCC"),
        (
            "Constabulary are going to scope out the knock on effects of bail changes.",
            "Constabulary",
        ),
        ("A date will be confirmed to the PCC soon.", None),
        ("An update will be given at the next Police and Crime Board.", None),
        (
            "The Chair asked that an update on RESTART be added to the work programme.",
            None,
        ),
        (
            "Panel Members were encouraged to contact their Local Safeguarding Board.",
            "Panel Members",
        ),
        ("DI Smith to circulate the survey results to members.", "DI Smith"),
        ("ACC Milson would keep the PCC updated.", "ACC Milson"),
        ("The PCC will continue this dialogue with the Chief.", "The PCC"),
    ],
)
def test_actions_and_owners_table(sentence: str, owner: str | None) -> None:
    assert is_action(sentence)
    assert action_owner(sentence) == owner


@pytest.mark.parametrize(
    "sentence",
    [
        "The Decision Notice will be signed and published on the PCC's website.",
        "Work is ongoing with Get Safe Online who have a wide range of resources.",
        "The Constabulary are looking to work with partners.",
        "The need to work with Uber and other transport providers was highlighted.",
        "The PCC was asked what activities the Dark Web Team were looking at?",
        "Members were asked to consider the summary of activities in appendix 1.",
        "If an incident happened on a device then it would be included.",
        "A meeting will be held on 30 May to agree next steps.",
        "The new system will provide better data on demand.",
    ],
)
def test_not_actions(sentence: str) -> None:
    assert not is_action(sentence)


def test_lines_under_an_action_heading_are_actions() -> None:
    text = "Update\n\nThe PCC noted the floods.\n\nAction:\n\nThe PCC to be told."
    item = Item(1, "3", "Update", Span(0, 6), Span(8, len(text)))
    (action,) = actions_of_item(item, text)
    assert action.text == "The PCC to be told."


def test_a_decided_sentence_is_not_also_an_action() -> None:
    path = SEEDS / "000_ba695e77e2479c4d.txt"
    text = path.read_text(encoding="utf-8")
    meeting = parse_structure(text, Source(path.name, "0", len(text)))
    meeting = extract_actions(extract_decisions(meeting, text), text)
    decided = {d.span for d in meeting.decisions}
    assert not decided & {a.span for a in meeting.actions}
    texts = [a.text for a in meeting.actions]
    assert (
        "The report to be recirculated to members to provide updated funding details."
        in texts
    )
    assert all(text[a.span.start : a.span.end] == a.text for a in meeting.actions)


def test_the_work_clause_of_a_decision_sentence_is_an_action() -> None:
    path = SEEDS / "004_86c6655b3b10abe6.txt"
    text = path.read_text(encoding="utf-8")
    meeting = parse_structure(text, Source(path.name, "0", len(text)))
    meeting = extract_actions(extract_decisions(meeting, text), text)
    owners = {a.text: a.owner for a in meeting.actions}
    clause = (
        "the Constabulary will work with the OPCC to refine the continuous "
        "improvement activity."
    )
    assert owners[clause] == "the Constabulary"
