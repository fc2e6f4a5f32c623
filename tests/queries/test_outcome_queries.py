"""Saved outcome queries (topics, decisions, actions, discrepancies) on the seeds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.queries import run_query
from kg.store import OxigraphStore

ID = "https://w3id.org/police-kg/id/"
M000 = "meeting/000-ba695e77e2479c4d"
M001 = "meeting/001-96ca7af883fa0b60"
M002 = "meeting/002-57c69e2b3e890af3"
M003 = "meeting/003-b078988c2590fae8"
M004 = "meeting/004-86c6655b3b10abe6"
Row = tuple[str | None, ...]


def _plain(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value.replace(ID, "")
    assert isinstance(term, ox.Literal)
    return term.value


def _brief(value: str | None) -> str | None:
    """A long sentence by its first six words (the rows below stay readable)."""
    if value is None or len(value) <= 40:
        return value
    return " ".join(value.split()[:6])


def rows(store: OxigraphStore, name: str, **params: str) -> list[Row]:
    found = run_query(store, name, params).rows
    return [tuple(_brief(_plain(term)) for term in row) for row in found]


def columns(store: OxigraphStore, name: str) -> tuple[str, ...]:
    return run_query(store, name, {}).variables


DECISIONS = [
    (M000, "9", None, "decision-kind/agreement", "It was agreed that a sub-committee"),
    (M000, "11", None, "decision-kind/agreement", "It was agreed that there will"),
    (
        M000,
        "13",
        None,
        "decision-kind/resolution",
        "Recommended - that under Section 100A(4)",
    ),
    (M000, "14", None, "decision-kind/resolution", "Resolved - no update required"),
    (
        M001,
        "1",
        None,
        "decision-kind/agreement",
        "He agreed that more regular discussions",
    ),
    (M002, "3", None, "decision-kind/agreement", "The Minutes of the meeting held"),
    (M002, "10", None, "decision-kind/agreement", "It was agreed that the Panel"),
    (
        M002,
        "10",
        None,
        "decision-kind/agreement",
        "Race and BAME representation in TVP",
    ),
    (M002, "10", None, "decision-kind/agreement", "It was agreed that this would"),
    (M003, "1", None, "decision-kind/agreement", "The notes of the meeting held"),
    (M003, "7", None, "decision-kind/agreement", "It was agreed that Hate Crime"),
    (M004, "2", None, "decision-kind/agreement", "The Board agreed the minutes from"),
    (
        M004,
        "4",
        "2018/009",
        "decision-kind/decision-notice",
        "2018/009 (Out of Court Disposals) –",
    ),
    (
        M004,
        "4",
        "2018/006",
        "decision-kind/decision-notice",
        "2018/006 (Shepton Mallet Station) – Decision",
    ),
    (
        M004,
        "4",
        "2018/007",
        "decision-kind/decision-notice",
        "2018/007 (Williton Police Station) – Decision",
    ),
    (
        M004,
        "4",
        "2018/010",
        "decision-kind/decision-notice",
        "2018/010 (BT Wide Area Network) –",
    ),
    (
        M004,
        "4",
        "2018/011",
        "decision-kind/decision-notice",
        "2018/011 (Kenneth Steele House) – Decision",
    ),
    (
        M004,
        "4",
        "2018/012",
        "decision-kind/decision-notice",
        "2018/012 (IBM Software) – Decision to",
    ),
    (
        M004,
        "6",
        None,
        "decision-kind/agreement",
        "The recommendations put forward by the",
    ),
    (M004, "6", None, "decision-kind/agreement", "It is agreed the need to"),
    (M004, "7", None, "decision-kind/agreement", "Agreed to fund from reserves a"),
    (M004, "8", None, "decision-kind/agreement", "This has been communicated to MFSS"),
    (M004, "8", None, "decision-kind/agreement", "It was agreed that external advice"),
    (
        M004,
        "12",
        None,
        "decision-kind/agreement",
        "The following items were agreed for",
    ),
]

ACTIONS_004 = [
    ("2", None, "An update will be given at"),
    ("2", None, "The PCC requested regular updates and"),
    ("2", None, "A date will be confirmed to"),
    ("3a", "the PCC", "The Constabulary are not currently in"),
    ("3a", "The PCC", "The PCC offered to raise this"),
    ("3a", "Constabulary", "Constabulary are going to scope out"),
    ("4", "The PCC", "The PCC will sign off this"),
    ("4", "The PCC", "The PCC will delay signing off"),
    ("6", "the Constabulary", "the Constabulary will work with the"),
    ("6", "The PCC", "The PCC will continue this dialogue"),
]

TOPICS_003 = [
    ("3", "topic/domestic-abuse"),
    ("3", "topic/finance"),
    ("3", "topic/modern-slavery"),
    ("3", "topic/neighbourhood-policing"),
    ("3", "topic/performance"),
    ("3", "topic/recruitment-and-workforce"),
    ("3", "topic/victims"),
    ("4", "topic/child-sexual-exploitation"),
    ("4", "topic/collaboration"),
    ("4", "topic/mental-health"),
    ("4", "topic/missing-persons"),
    ("4", "topic/modern-slavery"),
    ("4", "topic/performance"),
    ("4", "topic/safeguarding"),
    ("5", "topic/child-sexual-exploitation"),
    ("5", "topic/collaboration"),
    ("5", "topic/domestic-abuse"),
    ("5", "topic/finance"),
    ("5", "topic/modern-slavery"),
    ("5", "topic/performance"),
    ("5", "topic/recruitment-and-workforce"),
    ("5", "topic/safeguarding"),
    ("5", "topic/victims"),
    ("6", "topic/collaboration"),
    ("6", "topic/cyber-crime"),
    ("6", "topic/finance"),
    ("6", "topic/offender-management"),
    ("6", "topic/public-contact"),
    ("6", "topic/recruitment-and-workforce"),
    ("6", "topic/safeguarding"),
    ("6", "topic/technology"),
    ("7", "topic/hate-crime"),
]

DISCREPANCIES_004 = [
    (None, "decision-not-minuted"),
    ("2", "item-title-differs"),
    ("3", "item-title-differs"),
    ("3a", "item-title-differs"),
    ("4", "item-title-differs"),
    ("4", "decision-number-differs"),
    ("4", "decision-number-differs"),
    ("4", "decision-number-differs"),
    ("4", "decision-not-on-agenda"),
    ("5", "item-title-differs"),
    ("6", "item-title-differs"),
    ("10", "item-title-differs"),
    ("12", "item-title-differs"),
]


def test_outcome_queries_have_the_contract_columns(seed_store: OxigraphStore) -> None:
    assert columns(seed_store, "item-topics") == ("meeting", "number", "topic")
    assert columns(seed_store, "decisions") == (
        "meeting",
        "number",
        "ref",
        "kind",
        "text",
    )
    assert columns(seed_store, "actions") == ("meeting", "number", "owner", "text")


def test_decisions_rows(seed_store: OxigraphStore) -> None:
    assert rows(seed_store, "decisions") == DECISIONS


def test_decisions_by_force_since_and_topic(seed_store: OxigraphStore) -> None:
    of_avon = [r for r in DECISIONS if r[0] in (M000, M004)]
    assert rows(seed_store, "decisions", force="avon-and-somerset") == of_avon
    since = rows(seed_store, "decisions", since="2018-01-01")
    assert since == [r for r in DECISIONS if r[0] == M004]
    estates = rows(seed_store, "decisions", topic="estates", since="2018-01-01")
    assert [r[2] for r in estates] == [
        "2018/009", "2018/006", "2018/007", "2018/010", "2018/011", "2018/012"
    ]  # fmt: skip
    assert rows(seed_store, "decisions", force="dorset") == []


def test_actions_rows_of_one_meeting(seed_store: OxigraphStore) -> None:
    found = rows(seed_store, "actions")
    assert [r[1:] for r in found if r[0] == M004] == ACTIONS_004
    assert {r[0] for r in found} == {M000, M001, M002, M003, M004}


def test_item_topics_rows_of_one_meeting(seed_store: OxigraphStore) -> None:
    found = rows(seed_store, "item-topics")
    assert [r[1:3] for r in found if r[0] == M003] == TOPICS_003
    only = rows(seed_store, "item-topics", topic="hate-crime")
    assert only == [(M003, "7", "topic/hate-crime")]


def test_discrepancies_rows(seed_store: OxigraphStore) -> None:
    found = rows(seed_store, "discrepancies")
    assert {r[0] for r in found} == {M004}
    assert [r[1:3] for r in found] == DISCREPANCIES_004


def test_topic_cooccurrence_counts_each_pair_once(seed_store: OxigraphStore) -> None:
    found = rows(seed_store, "topic-cooccurrence")
    assert columns(seed_store, "topic-cooccurrence") == (
        "topic", "otherTopic", "items", "meetings"
    )  # fmt: skip
    pairs = [(r[0], r[1]) for r in found]
    assert len(pairs) == len(set(pairs))
    assert all(str(a) < str(b) for a, b in pairs)
    counts = [int(str(r[2])) for r in found]
    assert counts == sorted(counts, reverse=True)
    by_pair = {(r[0], r[1]): (r[2], r[3]) for r in found}
    pair = ("topic/child-sexual-exploitation", "topic/safeguarding")
    assert by_pair[pair] == ("4", "3")


@pytest.mark.parametrize(("name", "column"), [("decisions", 4), ("actions", 3)])
def test_text_column_is_a_sentence_of_the_source(
    seed_store: OxigraphStore, seed_paths: list[Path], name: str, column: int
) -> None:
    texts = " ".join(p.read_text(encoding="utf-8") for p in seed_paths)
    found = run_query(seed_store, name, {}).rows
    assert found
    for row in found:
        assert _plain(row[column]) in texts
