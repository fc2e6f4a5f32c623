"""The synthetic corpus generator: deterministic, and its gold agrees with its text."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

# `bench/` is not part of the installed `kg` package: import it from the checkout.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import generate, main, write_corpus  # noqa: E402
from bench.synth.forces import FORCES  # noqa: E402
from bench.synth.topics import TOPICS  # noqa: E402

STATUSES = {"present", "in-attendance", "apologies", "substitute", "absent"}
KINDS = {"decision-notice", "resolution", "agreement"}
BODY_KINDS = {"police-and-crime-panel", "pcc-board", "council-committee", "other"}
SAMPLE = [generate(i, 7) for i in range(40)]


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 20, seed=3)
    second = write_corpus(tmp_path / "b", 20, seed=3)
    assert first == second
    for stem in first:
        for part, suffix in (("docs", ".txt"), ("gold", ".json")):
            a = (tmp_path / "a" / part / f"{stem}{suffix}").read_bytes()
            assert a == (tmp_path / "b" / part / f"{stem}{suffix}").read_bytes()


def test_other_seed_gives_other_documents() -> None:
    assert generate(0, 1)[1] != generate(0, 2)[1]


def test_meeting_depends_only_on_seed_and_index(tmp_path: Path) -> None:
    tail = write_corpus(tmp_path, 3, seed=7, start=5)
    assert tail == [stem for stem, _, _ in SAMPLE[5:8]]


@pytest.mark.parametrize(
    ("stem", "text", "gold"), SAMPLE[:20], ids=lambda v: str(v)[:5]
)
def test_every_quote_is_an_exact_substring(stem: str, text: str, gold: dict) -> None:
    assert gold["doc"] == f"{stem}.txt"
    for record in gold["participants"] + gold["decisions"] + gold["actions"]:
        assert record["quote"] in text
    for person in gold["participants"]:
        assert person["name"] in person["quote"]
        assert person["title"] is None or person["title"] in person["quote"]


@pytest.mark.parametrize(
    ("stem", "text", "gold"), SAMPLE[:20], ids=lambda v: str(v)[:5]
)
def test_gold_fields_are_consistent(stem: str, text: str, gold: dict) -> None:
    numbers = [item["number"] for item in gold["agenda_items"]]
    assert len(numbers) == len(set(numbers))
    assert set(gold["item_topics"]) <= set(numbers)
    assert {d["item"] for d in gold["decisions"] + gold["actions"]} <= set(numbers)
    assert {d["kind"] for d in gold["decisions"]} <= KINDS
    assert {p["status"] for p in gold["participants"]} <= STATUSES
    meeting = gold["meeting"]
    assert meeting["body_kind"] in BODY_KINDS
    assert meeting["force"] in {f.id for f in FORCES}
    assert meeting["venue"] is None or meeting["venue"] in text
    for ref in (d["ref"] for d in gold["decisions"] if d["ref"]):
        assert ref in text


def test_every_layout_appears() -> None:
    layouts = Counter(gold["notes"][0] for _, _, gold in SAMPLE)
    assert len(layouts) == 4


def test_topic_keys_are_those_of_topics_tsv() -> None:
    tsv = Path(__file__).resolve().parents[3] / "shared" / "eval" / "topics.tsv"
    if tsv.exists():
        keys = {line.split("\t")[0] for line in tsv.read_text().splitlines()[1:]}
        assert set(TOPICS) == keys
    for _, _, gold in SAMPLE:
        for keys_of_item in gold["item_topics"].values():
            assert set(keys_of_item) <= set(TOPICS)


def test_command_line_writes_docs_and_gold(tmp_path: Path) -> None:
    assert main(["--meetings", "5", "--out", str(tmp_path), "--seed", "2"]) == 0
    docs = sorted(p.stem for p in (tmp_path / "docs").iterdir())
    golds = sorted(p.stem for p in (tmp_path / "gold").iterdir())
    assert docs == golds and len(docs) == 5
    assert json.loads((tmp_path / "gold" / f"{docs[0]}.json").read_text())["doc"]
