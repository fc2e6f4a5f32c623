"""Shared fixtures: the seeds, their store and graph file, and `--update-golden`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.export import export_store
from kg.pipeline import find_documents, ingest
from kg.store import OxigraphStore, memory_store

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["oxigraph_server"]  # the oxigraph server and stub HTTP fixtures
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* from the current code instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five seed documents, sorted."""
    return find_documents([SEEDS])


@pytest.fixture(scope="session")
def seed_store(seed_paths: list[Path]) -> OxigraphStore:
    """A memory store holding the seeds, built once (do not change it in a test)."""
    store = memory_store()
    report = ingest(seed_paths, store=store, validate=False)
    assert not report.errors, report.errors
    return store


@pytest.fixture(scope="session")
def seed_graph(
    seed_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The seeds' graph written as Turtle, as `kg ingest seeds --out graph.ttl` does."""
    path = tmp_path_factory.mktemp("seed-graph") / "graph.ttl"
    export_store(seed_store, path)
    return path
