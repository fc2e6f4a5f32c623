"""Saved queries on meetings that share a body: no row is repeated per copied fact.

A body's (and its force's) facts are written into the graph of every meeting it held,
and queries read the union of the graphs, so a join on them would multiply rows.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from kg.pipeline import ingest
from kg.queries import load_query, query_names, run_query
from kg.store import OxigraphStore, memory_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Parameters that make each query select something in the seed's meetings.
PARAMS = {
    "attendance-record": {"name": "Sue Mountstevens"},
    "force-timeline": {"force": "avon-and-somerset"},
    "decisions": {"force": "avon-and-somerset"},
    "meetings": {"force": "avon-and-somerset"},
    "pccs-discussing": {"topic": "https://w3id.org/police-kg/id/topic/finance"},
    "topic-cooccurrence": {"force": "avon-and-somerset"},
    "topics-by-force": {"force": "avon-and-somerset"},
}


def _store(tmp_path: Path, copies: int) -> OxigraphStore:
    seed = next(p for p in sorted(SEEDS.glob("*.txt")) if p.name.startswith("004"))
    paths = []
    for index in range(copies):
        path = tmp_path / f"copy{copies}-{index}.txt"
        shutil.copy(seed, path)
        paths.append(path)
    store = memory_store()
    ingest(paths, store=store, validate=False, jobs=1)
    return store


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[OxigraphStore, ...]:
    folder = tmp_path_factory.mktemp("copies")
    return _store(folder, 1), _store(folder, 3)


def _rows(store: OxigraphStore, name: str) -> list[tuple[str, ...]]:
    results = run_query(store, load_query(name), PARAMS.get(name, {}))
    return [tuple(str(term) for term in row) for row in results.rows]


@pytest.mark.parametrize("name", query_names())
def test_three_meetings_of_one_body_give_three_times_the_rows_of_one(
    stores: tuple[OxigraphStore, ...], name: str
) -> None:
    one, three = (_rows(store, name) for store in stores)
    # `people-across-bodies` wants one person at two bodies; here is only one body.
    assert one or name == "people-across-bodies", f"{name}: pick parameters"
    if not one:
        assert not three
        return
    if any("copy1-0" in " ".join(row) for row in one):  # rows name their meeting
        assert len(three) == 3 * len(one)
    # A row repeats only where the one meeting repeats it (two identical actions).
    assert max(Counter(three).values()) == max(Counter(one).values())


def test_the_meetings_query_gives_one_row_a_meeting(
    stores: tuple[OxigraphStore, ...],
) -> None:
    assert len(_rows(stores[1], "meetings")) == 3
    (alone,) = _rows(stores[0], "force-timeline")
    timeline = _rows(stores[1], "force-timeline")
    assert [row[-1] for row in timeline] == [alone[-1]] * 3


SEED_FORCE = "avon-and-somerset"
SEED_BODY = (
    "https://w3id.org/police-kg/id/body/avon-and-somerset/"
    "avon-and-somerset-police-and-crime-board"
)
NARROWING = [
    (name, param, value)
    for name in query_names()
    for param, value in (("force", SEED_FORCE), ("body", SEED_BODY))
    if any(p.name == param and p.optional for p in load_query(name).params)
]


@pytest.mark.parametrize(("name", "param", "value"), NARROWING)
def test_the_one_force_or_body_there_is_narrows_to_the_same_rows_in_order(
    stores: tuple[OxigraphStore, ...], name: str, param: str, value: str
) -> None:
    three, query = stores[1], load_query(name)
    base = {k: v for k, v in PARAMS.get(name, {}).items() if k != param}
    every = run_query(three, query, base).rows
    narrowed = run_query(three, query, {**base, param: value}).rows
    # `people-across-bodies` wants one person at two bodies; here is only one body.
    assert every or name == "people-across-bodies"
    assert narrowed == every
    other = {"force": "thames-valley", "body": SEED_BODY + "-x"}[param]
    assert run_query(three, query, {**base, param: other}).rows == ()
