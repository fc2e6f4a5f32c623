"""Fixtures for the viz tests: the hand-written graph, the seeds' graph and Chromium."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.pipeline import ingest
from kg.store import OxigraphStore, memory_store, open_data

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
MINI = HERE / "data" / "mini.trig"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]

Browser = Callable[..., subprocess.CompletedProcess[str]]


def ingest_texts(texts: Iterable[tuple[str, str]], folder: Path) -> OxigraphStore:
    """Ingest documents given as (file name, text) the way `kg ingest` does."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    store = memory_store()
    report = ingest(paths, store=store, validate=False)
    assert not report.errors, report.errors
    return store


@pytest.fixture(scope="session")
def mini_store() -> OxigraphStore:
    return open_data(MINI)


@pytest.fixture
def browser(tmp_path: Path) -> Browser:
    """Run headless Chromium with a fresh profile; skip when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("headless Chromium (/usr/bin/chromium) is not installed")

    def run(url: str, *flags: str) -> subprocess.CompletedProcess[str]:
        profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
        command = [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
        return subprocess.run(
            [*command, *flags, url], capture_output=True, text=True, timeout=90
        )

    return run


@pytest.fixture
def ingest_documents(
    tmp_path: Path,
) -> Callable[[Iterable[tuple[str, str]]], OxigraphStore]:
    return lambda texts: ingest_texts(texts, tmp_path / "documents")


# Every node the page should draw, counted straight from the graph: the meetings (those
# with a body; those with an item on cyber crime for the filtered count), their bodies
# and forces, the topics of their items, the people at them and the decisions taken.
NODES_QUERY = """
PREFIX kg: <https://w3id.org/police-kg/def#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT (COUNT(DISTINCT ?node) AS ?n) (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  { ?meeting kg:body ?body . BIND(?meeting AS ?node) }
  UNION { ?meeting kg:body ?node }
  UNION { ?meeting kg:body/kg:forceArea ?node }
  UNION { ?meeting kg:body ?body ; kg:hasItem/kg:topic ?node }
  UNION { ?meeting kg:body ?body .
          ?attendance kg:meeting ?meeting ; kg:person ?written .
          OPTIONAL { ?written owl:sameAs ?same }
          BIND(COALESCE(?same, ?written) AS ?node) }
  UNION { ?meeting kg:body ?body . ?node a kg:Decision ; kg:meeting ?meeting }
  %FILTER%
}
"""
CYBER_CRIME = """FILTER EXISTS {
    ?meeting kg:hasItem/kg:topic <https://w3id.org/police-kg/id/topic/cyber-crime>
  }"""
QUERIES = {
    None: NODES_QUERY.replace("%FILTER%", ""),
    "cyber-crime": NODES_QUERY.replace("%FILTER%", CYBER_CRIME),
}


def expected_nodes(store: OxigraphStore, topic: str | None = None) -> tuple[int, int]:
    """(nodes, meetings) the page should draw: all, or around cyber-crime meetings."""
    solutions = store.oxigraph.query(QUERIES[topic], use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    row = next(iter(solutions))
    return int(row["n"].value), int(row["meetings"].value)


@pytest.fixture(scope="session")
def expected() -> Callable[..., tuple[int, int]]:
    return expected_nodes
