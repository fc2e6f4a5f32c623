"""`kg viz`'s page in headless Chromium: drawn, counted, filtered, safe, not blank."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kg.store import OxigraphStore
from kg.viz.html import page_view, write_page

pytestmark = pytest.mark.browser

WAIT = "--virtual-time-budget=15000"
Expected = Callable[..., tuple[int, int]]


class Dom(HTMLParser):
    """Read the dumped DOM: the graph element's attributes, the title, every tag."""

    def __init__(self) -> None:
        super().__init__()
        self.graph: dict[str, str | None] = {}
        self.tags: list[str] = []
        self.title = ""
        self._in_title = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_title = tag == "title"
        if dict(attrs).get("id") == "graph":
            self.graph = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def open_page(browser: Callable[..., Any], page: Path, fragment: str = "") -> Dom:
    result = browser(f"{page.as_uri()}{fragment}", WAIT, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "the page logged to the console"
    dom = Dom()
    dom.feed(result.stdout)
    assert dom.graph.get("data-drawn") == "true", "the drawing did not stabilise"
    assert "data-errors" not in dom.graph
    return dom


@pytest.fixture
def mini_page(mini_store: OxigraphStore, tmp_path: Path) -> Path:
    page = tmp_path / "mini.html"
    write_page(page_view(mini_store), page)
    return page


def test_page_counts_every_node_and_shows_markup_as_text(
    browser: Callable[..., Any],
    mini_page: Path,
    mini_store: OxigraphStore,
    expected: Expected,
) -> None:
    dom = open_page(browser, mini_page, "#search=Evil")
    nodes, meetings = expected(mini_store)
    assert int(dom.graph["data-node-count"] or 0) == nodes
    assert int(dom.graph["data-meeting-count"] or 0) == meetings
    assert dom.title == "Police governance knowledge graph"
    assert "b" not in dom.tags and "img" not in dom.tags
    shown = "".join(dom.text)
    assert "<b>Evil</b> Panel <script>document.title='pwned1'</script>" in shown


def test_cyber_crime_filter_leaves_its_meetings_neighbourhood(
    browser: Callable[..., Any],
    mini_page: Path,
    mini_store: OxigraphStore,
    expected: Expected,
) -> None:
    dom = open_page(browser, mini_page, "#topic=cyber-crime")
    nodes, meetings = expected(mini_store, "cyber-crime")
    assert (nodes, meetings) == (13, 2)
    assert int(dom.graph["data-node-count"] or 0) == nodes
    assert int(dom.graph["data-meeting-count"] or 0) == meetings


def test_screenshot_is_not_blank(
    browser: Callable[..., Any], mini_page: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "graph.png"
    flags = (WAIT, "--window-size=1280,800", f"--screenshot={shot}")
    result = browser(mini_page.as_uri(), *flags)
    assert result.returncode == 0, result.stderr[-2000:]
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50
    assert max(n for n, _ in colours) < 0.95 * 1280 * 800


def test_seeds_page_reports_every_node(
    browser: Callable[..., Any],
    seed_store: OxigraphStore,
    tmp_path: Path,
    expected: Expected,
) -> None:
    nodes, meetings = expected(seed_store)
    if meetings == 0:
        pytest.skip("the seeds' graph holds no meetings until the core mapper lands")
    page = tmp_path / "seeds.html"
    write_page(page_view(seed_store), page)
    dom = open_page(browser, page)
    assert int(dom.graph["data-node-count"] or 0) == nodes
    filtered = open_page(browser, page, "#topic=cyber-crime")
    assert (
        int(filtered.graph["data-node-count"] or 0)
        == expected(seed_store, "cyber-crime")[0]
    )
