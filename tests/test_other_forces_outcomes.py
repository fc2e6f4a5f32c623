"""Decisions, decision references and actions of minutes from other forces and bodies.

The fixtures `tests/fixtures/other_forces/o_*.txt` are minutes in the layouts and
phrasings of other forces (numbered minutes, modern.gov pages, agenda and minutes,
action logs as tables, PCC decision numbers, confirmation hearings, precepts), each
with a gold file beside it in the format of `../shared/eval/GOLD.md`. The records are
matched against the gold as the scorer matches them (quotes overlap: one contains the
other, or their content words share half of the smaller set; pairs one to one), and
each field's F1 over all fixtures must stay above a floor a little under its score.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.parse import parse_document
from kg.pipeline import read_document
from kg.records import Meeting

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "other_forces"
DOCUMENTS = sorted(FIXTURES.glob("o_*.txt"))
# the scorer's function words, left out when content words are compared
STOPWORDS = frozenset(
    "a an and are as at be been by for from had has have he her his in is it its of on "
    "or she that the their them they this to was were which will with would".split()
)
FLOORS = {"decisions": 0.9, "decision_refs": 0.9, "actions": 0.9}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("’", "")).split())


def overlap(a: str, b: str) -> float:
    """Give 1 when one text holds the other, else the shared share of content words.

    >>> overlap("RESOLVED that the report be noted.", "the report be noted")
    1.0
    """
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return 1.0
    wa, wb = set(fa.split()) - STOPWORDS, set(fb.split()) - STOPWORDS
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def hits(gold: list[Any], found: list[Any], same: Callable[[Any, Any], float]) -> int:
    """Pair gold and found one to one, best pairs first; count the pairs."""
    pairs = sorted(
        (-score, i, j)
        for i, g in enumerate(gold)
        for j, f in enumerate(found)
        if (score := same(g, f)) > 0
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
    return len(used_g)


def quoted(a: str, b: str) -> float:
    score = overlap(a, b)
    return score if score >= 0.5 else 0.0


def fields(
    meeting: Meeting, gold: dict[str, Any]
) -> Iterator[tuple[str, list[str], list[str]]]:
    yield (
        "decisions",
        [d["quote"] for d in gold["decisions"]],
        [d.text for d in meeting.decisions],
    )
    yield (
        "decision_refs",
        sorted({d["ref"] for d in gold["decisions"] if d["ref"]}),
        (sorted({d.ref for d in meeting.decisions if d.ref})),
    )
    yield (
        "actions",
        [a["quote"] for a in gold["actions"]],
        [a.text for a in meeting.actions],
    )


@pytest.fixture(scope="module")
def tallies() -> dict[str, list[int]]:
    """Hits, gold and found counts of each field over every fixture."""
    counts = {name: [0, 0, 0] for name in FLOORS}
    for path in DOCUMENTS:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text, source = read_document(path)
        meeting = parse_document(text, source)
        for name, wanted, got in fields(meeting, gold):
            same = quoted if name != "decision_refs" else lambda a, b: float(a == b)
            counts[name][0] += hits(wanted, got, same)
            counts[name][1] += len(wanted)
            counts[name][2] += len(got)
    return counts


def test_there_are_fixtures_with_gold() -> None:
    assert len(DOCUMENTS) >= 8
    assert all(path.with_suffix(".json").exists() for path in DOCUMENTS)


def test_gold_quotes_are_in_their_documents() -> None:
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert gold["doc"] == path.name
        for record in gold["decisions"] + gold["actions"]:
            assert record["quote"] in text, (path.name, record["quote"])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_f1_stays_above_its_floor(
    name: str, tallies: dict[str, list[int]]
) -> None:
    matched, wanted, found = tallies[name]
    precision = matched / found if found else 1.0
    recall = matched / wanted if wanted else 1.0
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    assert f1 >= FLOORS[name], f"{name}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
