"""A writer killed while it bulk-loads meetings into a store folder.

`kg.loading.MeetingLoader` holds new meetings and bulk-loads them together; RocksDB
takes each bulk load's files in one atomic step. Killed at any moment, the folder
holds each meeting whole or not at all.
"""

from __future__ import annotations

import collections
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.build import build_document
from kg.pipeline import read_document
from kg.store import folder_store

GRAPHS = 200
# Load the meetings in many small bulk loads, so a kill lands inside one.
CHILD = """
import json, sys
from rdflib import URIRef
from kg import loading
from kg.store import folder_store
loading.BULK_MEETINGS = 20
meetings = json.load(open(sys.argv[1]))
loader = loading.MeetingLoader(folder_store(__import__("pathlib").Path(sys.argv[2])))
print("ready", flush=True)
for name, data in meetings:
    loader.load(URIRef(name), data.encode())
loader.flush()
"""


def test_each_meeting_is_whole_or_absent_wherever_the_writer_is_killed(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    built = []
    for path in seed_paths:
        text, source = read_document(path)
        built.append(build_document((str(path), text, source, None)).ntriples)
    # The seeds' meetings again and again, each time in a graph of its own.
    meetings = [
        (f"http://example.org/meeting/{n}", built[n % len(built)].decode())
        for n in range(GRAPHS)
    ]
    (tmp_path / "meetings.json").write_text(json.dumps(meetings))
    expected = {name: data.count("\n") for name, data in meetings}
    chance = random.Random(7)
    loaded = []
    for trial in range(3):
        folder = tmp_path / f"store{trial}"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path / "meetings.json"), str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0.05, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        store = folder_store(folder, create=False)
        counts = collections.Counter(
            quad.graph_name.value
            for quad in store.oxigraph.quads_for_pattern(None, None, None, None)
            if isinstance(quad.graph_name, ox.NamedNode)
        )
        store.close()
        assert {name: counts[name] for name in counts} == {
            name: expected[name] for name in counts
        }
        loaded.append(len(counts))
    # The kills fell at different points: not all before or after every load.
    assert len(set(loaded)) > 1 or 0 < loaded[0] < GRAPHS, loaded
