"""Decision phrasings of other forces' minutes: bodies, formal words, notice numbers."""

from __future__ import annotations

import pytest

from kg.extract.decisions import decision_kind, decisions_of_item, notice_head
from kg.records import DecisionKind, DecisionStatus, Item, Span

AGREEMENT, RESOLUTION = DecisionKind.AGREEMENT, DecisionKind.RESOLUTION
PANEL = "Surrey Police and Crime Panel"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "The Authority agreed to receive a further report at its next meeting.",
            AGREEMENT,
        ),
        (
            "The Police and Crime Panel AGREED the proposed precept of £310.57.",
            AGREEMENT,
        ),
        (
            "The Panel supports the appointment of Tim De Meyer as Chief Constable.",
            AGREEMENT,
        ),
        (
            "Members approved the business case and the creation of the joint team.",
            AGREEMENT,
        ),
        ("The Committee endorsed the draft strategy.", AGREEMENT),
        ("Members declined to support the proposal in its current form.", AGREEMENT),
        ("Members noted and endorsed the strategy.", AGREEMENT),
        ("The Panel RECOMMENDED that the Commissioner publish the plan.", AGREEMENT),
        ("ORDERED that the update be noted.", RESOLUTION),
        ("2.1 Resolved:", RESOLUTION),
        ("The notes of the meeting held on 21 February 2023 were agreed.", AGREEMENT),
        ("The forward work programme was approved, with one addition.", AGREEMENT),
        ("Decision: The work programme was updated to add a vetting item.", AGREEMENT),
        (
            "On being put to the vote, the recommendation that X be done was carried.",
            AGREEMENT,
        ),
        (
            "The Committee considered the report and RESOLVED to note the plan.",
            RESOLUTION,
        ),
        ("It was RESOLVED that the report be received.", RESOLUTION),
        ("The Board RESOLVED unanimously to recommend the strategy.", RESOLUTION),
        (
            "Minutes: RESOLVED that the minutes be signed as a correct record.",
            RESOLUTION,
        ),
        # discussion, requests, tasks and headings are not decisions
        ("The Committee noted the report.", None),
        ("The Panel noted that no complaints had been received.", None),
        ("AGREED ACTIONS", None),
        ("Action: Panel support officer to add a session for October.", None),
        (
            "The Panel must publish a report on whether the Panel supports the post.",
            None,
        ),
        ("The Panel had previously approved the plan in 2021.", None),
        ("Decision: none", None),
        ("The review recommended that practices are delivered locally.", None),
        ("The complaint was investigated and resolved to her satisfaction.", None),
        ("It was part of the plan, which was agreed last year.", None),
        (
            "Members felt the item should come back in the summer; this was agreed.",
            AGREEMENT,
        ),
    ],
)
def test_decision_phrasings_of_other_forces(
    sentence: str, kind: DecisionKind | None
) -> None:
    assert decision_kind(sentence, body=PANEL) is kind


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        (
            "PCC/D/12/2023 – Estates: Decision to approve the purchase of land.",
            "PCC/D/12/2023",
        ),
        ("Record of Decision 12-2022 – Custody healthcare: approved.", "12-2022"),
        (
            "Decision Report 061/2023 (Drug Testing on Arrest) was discussed.",
            "061/2023",
        ),
        ("Decision 2023/014 (Drone Capability) – deferred.", "2023/014"),
        # a dashed number is a reference only after the word "Decision"
        ("12-2022 – Custody healthcare: approved.", None),
        ("2022-23 (Quarter 3) – budget outturn.", None),
    ],
)
def test_notice_references(line: str, ref: str | None) -> None:
    head = notice_head(line)
    assert (head and head.group("ref")) == ref


def item_of(body: str) -> tuple[Item, str]:
    text = f"Business\n\n{body}"
    return Item(1, "4", "Business", Span(0, 8), Span(10, len(text))), text


def test_a_notice_named_inside_a_sentence_is_a_decision_notice() -> None:
    item, text = item_of(
        "The PFCC signed Decision Report 058/2023, approving the refurbishment of "
        "Harlow police station at a cost of £1.9m."
    )
    (notice,) = decisions_of_item(item, text)
    assert (notice.kind, notice.ref) == (DecisionKind.DECISION_NOTICE, "058/2023")
    assert notice.status is DecisionStatus.SIGNED
    assert [str(a.value) for a in notice.amounts] == ["1900000"]


def test_a_held_over_notice_is_deferred() -> None:
    item, text = item_of(
        "Record of Decision 14-2022 – Shared estates team: this decision was held over."
    )
    (notice,) = decisions_of_item(item, text)
    assert (notice.ref, notice.status) == ("14-2022", DecisionStatus.DEFERRED)


def test_the_paragraph_under_a_bare_resolved_is_a_resolution() -> None:
    item, text = item_of(
        "RESOLVED:\n\nThe Panel NOTED the Forward Work Programme.\n\n"
        "The next meeting will be on 13 April 2023."
    )
    (decision,) = decisions_of_item(item, text, body=PANEL)
    assert decision.text == "The Panel NOTED the Forward Work Programme."
    assert decision.kind is RESOLUTION


def test_a_numbered_resolution_carries_its_number() -> None:
    item, text = item_of("RESOLVED 2023/001\n\nThat the work programme be noted.")
    (decision,) = decisions_of_item(item, text, body=PANEL)
    assert (decision.kind, decision.ref) == (RESOLUTION, "2023/001")
    assert decision.text == "That the work programme be noted."
