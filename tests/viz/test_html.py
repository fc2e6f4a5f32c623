import json
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser

import pytest

from kg.store import OxigraphStore
from kg.viz.html import page_view, render_page, script_json
from kg.viz.model import Selection

EVIL_MINUTES = """\
<script>document.title='pwned1'</script> Police & Crime Panel – Minutes

15th March 2017

1. Apologies for absence

- Councillor <b>Richard</b> Brown<script>document.title='pwned2'</script>
- Bryony <img src=x onerror=document.title='pwned3'> Ball

2. Cyber crime </script><script>document.title='pwned4'</script>

The panel discussed cyber crime and online fraud <i>at length</i>.
"""


class Scripts(HTMLParser):
    """Collect every element's tag and the text of each script element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self._in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self._in_script = dict(attrs).get("type") or "text/javascript"

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse_page(page: str) -> Scripts:
    parser = Scripts()
    parser.feed(page)
    return parser


def test_script_json_escapes_markup() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert not re.search("[<>&\u2028]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_page_is_self_contained(mini_store: OxigraphStore) -> None:
    page = render_page(page_view(mini_store))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page
    assert "vis-network" in page and "@version 9.1.2" in page


def test_document_strings_cannot_add_elements(mini_store: OxigraphStore) -> None:
    page = render_page(page_view(mini_store))
    parsed = parse_page(page)
    assert parsed.tags.count("script") == 3
    assert "img" not in parsed.tags and "b" not in parsed.tags
    kinds = [kind for kind, _ in parsed.scripts]
    assert kinds == ["application/json", "text/javascript", "text/javascript"]
    data = json.loads(parsed.scripts[0][1])
    labels = {n["label"] for n in data["nodes"]}
    assert "<b>Evil</b> Panel <script>document.title='pwned1'</script>" in labels
    assert "pwned" not in parsed.scripts[1][1] + parsed.scripts[2][1]


def test_the_glue_never_writes_html(mini_store: OxigraphStore) -> None:
    glue = parse_page(render_page(page_view(mini_store))).scripts[2][1]
    assert "textContent" in glue
    assert not re.search(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", glue
    )


def test_page_data_carries_filters(mini_store: OxigraphStore) -> None:
    page = render_page(page_view(mini_store, selection=Selection(topic="cyber-crime")))
    data = json.loads(parse_page(page).scripts[0][1])
    assert sorted(m.rsplit("/", 1)[-1] for m in data["meetings"]) == ["m1", "m3"]
    assert ["cyber-crime", "Cyber crime"] in data["topics"]
    assert len(data["nodes"]) == 13


def test_ingested_html_renders_as_text(
    ingest_documents: Callable[[Iterable[tuple[str, str]]], OxigraphStore],
) -> None:
    store = ingest_documents([("evil-minutes.txt", EVIL_MINUTES)])
    view = page_view(store)
    if not view.nodes:
        pytest.skip("the core mapper does not write meetings yet")
    parsed = parse_page(render_page(view))
    assert parsed.tags.count("script") == 3
    assert "img" not in parsed.tags
    assert "pwned" in parsed.scripts[0][1]
