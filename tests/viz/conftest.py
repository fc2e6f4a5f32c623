"""Fixtures for the viz tests: the hand-written graph, the seeds' graph and Chromium."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.mapping import meeting_to_graph
from kg.mapping.iris import REFERENCE_GRAPH, meeting_graph_iri
from kg.parse import parse_document
from kg.records import Source

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


def ingest_texts(texts: Iterable[tuple[str, str]]) -> ox.Store:
    """Parse and map documents the way `kg ingest` does, into an in-memory store."""
    store = ox.Store()
    store.load(
        path=str(ROOT / "ontology" / "forces.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(str(REFERENCE_GRAPH)),
    )
    for name, text in texts:
        digest = hashlib.sha256(text.encode()).hexdigest()
        meeting = parse_document(text, Source(name, digest, len(text)))
        triples = meeting_to_graph(meeting, text).serialize(format="nt")
        graph = ox.NamedNode(str(meeting_graph_iri(meeting)))
        store.load(triples.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return store


def count(store: ox.Store, query: str) -> int:
    """The single integer a `SELECT (COUNT(...) AS ?n)` query returns."""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    return int(next(iter(solutions))["n"].value)


@pytest.fixture(scope="session")
def mini_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(MINI), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="session")
def seeds_store() -> ox.Store:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return ingest_texts((p.name, p.read_text(encoding="utf-8")) for p in seeds)


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


@pytest.fixture(scope="session")
def sparql_count() -> Callable[[ox.Store, str], int]:
    return count


@pytest.fixture(scope="session")
def ingest() -> Callable[[Iterable[tuple[str, str]]], ox.Store]:
    return ingest_texts


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


def expected_nodes(store: ox.Store, topic: str | None = None) -> tuple[int, int]:
    """(nodes, meetings) the page should draw: all, or around cyber-crime meetings."""
    solutions = store.query(QUERIES[topic], use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    row = next(iter(solutions))
    return int(row["n"].value), int(row["meetings"].value)


@pytest.fixture(scope="session")
def expected() -> Callable[..., tuple[int, int]]:
    return expected_nodes
