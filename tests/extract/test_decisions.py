from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.decisions import decision_kind, decisions_of_item, extract_decisions
from kg.parse import parse_structure
from kg.records import DecisionKind, DecisionStatus, Item, Meeting, Source, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
AGREEMENT, RESOLUTION = DecisionKind.AGREEMENT, DecisionKind.RESOLUTION


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Resolved - no update required", RESOLUTION),
        ("RESOLVED – that the report be noted.", RESOLUTION),
        ("UNANIMOUSLY RESOLVED that the precept be approved.", RESOLUTION),
        (
            "Recommended - that under Section 100A(4) the public be excluded.",
            RESOLUTION,
        ),
        ("It was agreed that there will be a follow up report.", AGREEMENT),
        ("It was unanimously agreed that the budget be approved.", AGREEMENT),
        (
            "The Board agreed the minutes from the meeting held on 7th March 2018",
            AGREEMENT,
        ),
        ("Members agreed that the item be deferred.", AGREEMENT),
        ("Agreed to fund from reserves a Financial Investigator.", AGREEMENT),
        (
            "The Minutes of the last meeting were agreed as a correct record.",
            AGREEMENT,
        ),
        ("The notes of the meeting were confirmed as a correct record.", AGREEMENT),
        ("The following items were agreed for publication:", AGREEMENT),
        (
            "As such the PCC and Chief do not agree the proposed MFSS budget.",
            AGREEMENT,
        ),
        (
            "Race and BAME representation item be combined with the Race Action item.",
            AGREEMENT,
        ),
        ("AGREED – that the budget be approved.", AGREEMENT),
        # not this body's decision, or not a decision at all
        ("The Safer Communities Board agreed a new plan.", None),
        (
            "Clear view on the way was agreed by the Diversity and Inclusion Board.",
            None,
        ),
        ("It was recommended that a summit for small business be held.", None),
        ("The Panel had accepted the recommendation to increase the precept.", None),
        (
            "The PCC asked that a future meeting of the Panel be convened at a site.",
            None,
        ),
        ("Violence against Women and Girls could be added as a future item.", None),
        ("In February 2015 all 5 local councils agreed a Joint Protocol.", None),
    ],
)
def test_decision_kind_table(sentence: str, kind: DecisionKind | None) -> None:
    assert decision_kind(sentence) is kind


def item_of(body: str) -> tuple[Item, str]:
    text = f"Decisions\n\n{body}"
    return Item(1, "4", "Decisions", Span(0, 9), Span(11, len(text))), text


def test_decision_notice_reads_ref_title_status_and_amount() -> None:
    item, text = item_of(
        "2018/011 (Kenneth Steele House) – Decision to approve refurbishment at a cost "
        "ceiling of £3.65M to accommodate staff. The Decision Notice will be signed "
        "and "
        "published on the PCC's website."
    )
    (notice,) = decisions_of_item(item, text)
    assert notice.kind is DecisionKind.DECISION_NOTICE
    assert (notice.ref, notice.title) == ("2018/011", "Kenneth Steele House")
    assert notice.text.endswith("to accommodate staff.")
    assert text[notice.span.start : notice.span.end] == notice.text
    assert notice.status is DecisionStatus.SIGNED
    assert [a.value for a in notice.amounts] == [Decimal("3650000")]


def test_a_notice_whose_signing_is_put_off_is_deferred() -> None:
    item, text = item_of(
        "2018/007 (Williton Police Station) – Decision to complete the sale. The PCC "
        "will delay signing off this decision until the Head of Terms are agreed."
    )
    (notice,) = decisions_of_item(item, text)
    assert notice.status is DecisionStatus.DEFERRED


def test_resolved_list_gives_one_resolution_per_point() -> None:
    item, text = item_of(
        "RESOLVED:\n(1) that the report be noted;\n(2) that the Chair write to the "
        "Home Secretary.\nThe meeting closed."
    )
    found = decisions_of_item(item, text)
    assert [d.kind for d in found] == [RESOLUTION, RESOLUTION]
    assert found[1].text == "that the Chair write to the Home Secretary."


@pytest.fixture(scope="module")
def seed_004() -> Meeting:
    path = SEEDS / "004_86c6655b3b10abe6.txt"
    text = path.read_text(encoding="utf-8")
    structure = parse_structure(text, Source(path.name, "0", len(text)))
    return extract_decisions(structure, text)


def test_seed_004_notices_and_refs(seed_004: Meeting) -> None:
    refs = [d.ref for d in seed_004.decisions if d.ref]
    assert refs == [
        "2018/009",
        "2018/006",
        "2018/007",
        "2018/010",
        "2018/011",
        "2018/012",
    ]
    statuses = {d.ref: d.status for d in seed_004.decisions if d.ref}
    assert statuses["2018/006"] is DecisionStatus.DEFERRED
    assert statuses["2018/012"] is DecisionStatus.SIGNED


def test_seed_004_agenda_and_minutes_disagree_on_notices(seed_004: Meeting) -> None:
    kinds = [d.kind for d in seed_004.discrepancies if d.kind.startswith("decision-")]
    assert sorted(kinds) == sorted(
        [
            "decision-not-minuted",
            "decision-number-differs",
            "decision-number-differs",
            "decision-number-differs",
            "decision-not-on-agenda",
        ]
    )
    moved = [
        d.description
        for d in seed_004.discrepancies
        if d.kind == "decision-number-differs"
    ]
    assert any("as 2018/005" in m and "as 2018/009" in m for m in moved)


def test_a_financial_year_line_is_not_a_notice() -> None:
    item, text = item_of("2018/19 (Quarter 3) – outturn: the budget was underspent.")
    assert decisions_of_item(item, text) == []


def test_the_meeting_body_by_its_full_name_agrees() -> None:
    item, text = item_of("The Police and Crime Panel agreed to hold a workshop.")
    body = "Avon and Somerset Police and Crime Panel"
    (decision,) = decisions_of_item(item, text, body=body)
    assert decision.kind is AGREEMENT
    assert decisions_of_item(item, text, body="Thames Valley Scrutiny Board") == []
