"""Crash safety: `kg ingest --store`, `kg ingest --out` and `kg export` killed mid-run.

Each run is a `kg` process running the real command, killed with SIGKILL after a
random delay (fixed seed) spread over one uninterrupted run's duration. Afterwards the
store must open and hold, for each meeting, exactly the old graph or exactly the new
one; an output file must be the old bytes or the complete new ones. `KG_CRASH_KILLS`
sets the number of kills per test (default 10; `make crash-long` runs 200).
"""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export import canonical_quads
from kg.mapping.iris import PROVENANCE_GRAPH, REFERENCE_GRAPH
from kg.resolve import RESOLUTION_GRAPH

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
KILLS = int(os.environ.get("KG_CRASH_KILLS", "10"))
# Derived graphs, rebuilt by every run: not part of the old-or-new check.
DERIVED = {str(PROVENANCE_GRAPH), RESOLUTION_GRAPH.value}


# A child imports kg, says it is ready, then runs the `kg` arguments it is sent, so
# the delay before a kill is spent running the command, not importing Python modules.
CHILD = """
import json, sys
from kg.cli import cli
print("ready", flush=True)
cli.main(json.loads(sys.stdin.readline()), prog_name="kg")
"""


class Children:
    """`kg` processes, one kept spare (imported and waiting) to save start-up time."""

    def __init__(self) -> None:
        self.spare = self.spawn()

    def spawn(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def go(self, args: list[object]) -> subprocess.Popen[str]:
        child, self.spare = self.spare, self.spawn()
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == "ready\n"
        child.stdin.write(json.dumps([str(a) for a in args]) + "\n")
        child.stdin.flush()
        return child

    def finish(self, args: list[object]) -> float:
        """Run `kg args` to the end: its duration in seconds."""
        began = time.perf_counter()
        child = self.go(args)
        assert child.wait() == 0, args
        return time.perf_counter() - began

    def kill_after(self, args: list[object], delay: float) -> None:
        child = self.go(args)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.kill()  # SIGKILL: no cleanup, no flush, no finally
            child.wait()

    def close(self) -> None:
        self.spare.kill()
        self.spare.wait()


@pytest.fixture(scope="module")
def kg_processes() -> Iterator[Children]:
    children = Children()
    yield children
    children.close()


def graphs(folder: Path) -> dict[str, list[str]]:
    """Each named graph of the store in `folder`, as canonical N-Quads lines."""
    store = ox.Store(str(folder))  # opening is itself the first check
    try:
        out = {}
        for name in store.named_graphs():
            quads = store.quads_for_pattern(None, None, None, name)
            out[name.value] = [str(q) for q in canonical_quads(quads, keep_graphs=True)]
        return out
    finally:
        del store
        gc.collect()  # release RocksDB's files and lock


def edited(folder: Path) -> Path:
    """Copies of the seeds with an agenda item's wording changed."""
    folder.mkdir()
    for seed in SEEDS[:3]:
        text = seed.read_text()
        (folder / seed.name).write_text(text.replace("the", "THE"))
    return folder


def delays(duration: float) -> list[float]:
    chance = random.Random(8)
    return [chance.uniform(0, duration * 1.2) for _ in range(KILLS)]


@pytest.fixture(scope="module")
def versions(
    tmp_path_factory: pytest.TempPathFactory, kg_processes: Children
) -> dict[str, Path]:
    """An old store (three seeds), the edited documents, and their new store."""
    root = tmp_path_factory.mktemp("versions")
    old = root / "old-docs"
    old.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, old / seed.name)
    new = edited(root / "new-docs")
    kg_processes.finish(["ingest", old, "--store", root / "old", "--no-validate"])
    shutil.copytree(root / "old", root / "new")
    kg_processes.finish(["ingest", new, "--store", root / "new", "--no-validate"])
    return {"old-docs": old, "new-docs": new, "old": root / "old", "new": root / "new"}


def test_a_killed_ingest_leaves_each_meeting_old_or_new(
    versions: dict[str, Path], tmp_path: Path, kg_processes: Children
) -> None:
    finish, kill_after = kg_processes.finish, kg_processes.kill_after
    old, new = graphs(versions["old"]), graphs(versions["new"])
    meetings = [name for name in old if name not in DERIVED]
    assert len(meetings) == 4 and str(REFERENCE_GRAPH) in meetings
    assert all(old[m] != new[m] for m in meetings if m != str(REFERENCE_GRAPH))

    def args(store: Path) -> list[object]:
        return ["ingest", versions["new-docs"], "--store", store, "--no-validate"]

    store = tmp_path / "store"
    shutil.copytree(versions["old"], store)
    seen = set()
    for n, delay in enumerate(delays(finish(args(store)))):
        shutil.rmtree(store)
        shutil.copytree(versions["old"], store)
        kill_after(args(store), delay)
        after = graphs(store)
        for meeting in meetings:
            assert after.get(meeting) in (old[meeting], new[meeting]), (n, meeting)
            seen.add(after[meeting] == new[meeting])
    assert seen == {False, True} or KILLS < 5  # kills before and after the writes
    finish(args(store))  # a killed store takes the next ingest, which completes it
    assert {m: g for m, g in graphs(store).items() if m in meetings} == {
        m: new[m] for m in meetings
    }


@pytest.mark.parametrize("command", ["export", "ingest"])
def test_a_killed_write_leaves_the_old_file_or_the_whole_new_one(
    versions: dict[str, Path], tmp_path: Path, command: str, kg_processes: Children
) -> None:
    finish, kill_after = kg_processes.finish, kg_processes.kill_after
    old_file, new_file, out = (tmp_path / n for n in ("old.nq", "new.nq", "out.nq"))
    if command == "export":

        def args(target: Path) -> list[object]:
            return ["export", "--data", versions["new"], "--out", target]

        finish(["export", "--data", versions["old"], "--out", old_file])
    else:

        def args(target: Path) -> list[object]:
            docs = versions["new-docs"]
            return ["ingest", docs, "--out", target, "--no-validate"]

        finish(["ingest", versions["old-docs"], "--out", old_file, "--no-validate"])
    duration = finish(args(new_file))
    old_bytes, new_bytes = old_file.read_bytes(), new_file.read_bytes()
    assert old_bytes != new_bytes
    outcomes = set()
    for delay in delays(duration):
        shutil.copy(old_file, out)
        kill_after(args(out), delay)
        written = out.read_bytes()
        assert written in (old_bytes, new_bytes), delay
        outcomes.add(written == new_bytes)
    assert True in outcomes or KILLS < 5
