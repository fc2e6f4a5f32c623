"""Strings from documents render as text in every page and report `kg` writes.

Hostile minutes (`hostile.py`: `<script>`, HTML, Markdown, quotes, backslashes) go
through `kg ingest`; the HTML page, SVG pictures, network files and query outputs must
show them as text, never as markup, and give them back unchanged where the format
carries values (JSON, CSV).
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hostile import DECISION, ITEM_TITLES, SCRIPT, hostile_graph

from kg.cli import cli
from kg.results import format_table
from kg.store import Results

# Raw C0/C1 controls and bidirectional overrides: what a table must never print.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_graph(tmp_path_factory)


class Elements(html.parser.HTMLParser):
    """The start tags of an HTML page, with the text of its JSON data block."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_data = dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data += data


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def page_elements(data: Path, out: Path) -> Elements:
    run("viz", "--data", str(data), "--out", str(out))
    parsed = Elements()
    parsed.feed(out.read_text(encoding="utf-8"))
    return parsed


def test_the_html_page_shows_document_markup_as_text(
    hostile_trig: Path, seeds_trig: Path, tmp_path: Path
) -> None:
    page = page_elements(hostile_trig, tmp_path / "hostile.html")
    plain = page_elements(seeds_trig, tmp_path / "seeds.html")
    assert sorted(t for t, _ in page.tags) == sorted(t for t, _ in plain.tags)
    assert not {"img", "b"} & {t for t, _ in page.tags}
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    texts = list(strings(json.loads(page.data)))
    assert any(SCRIPT in text for text in texts)  # kept as text, whole
    assert any(DECISION in text for text in texts)
    assert not any("title" in node for node in json.loads(page.data)["nodes"])


def test_the_page_script_puts_strings_in_as_text_only() -> None:
    glue = (resources.files("kg.viz") / "templates" / "graph.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in glue


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()  # well-formed XML, or this raises
    tags = {element.tag.rpartition("}")[2] for element in root.iter()}
    assert not {"script", "foreignObject", "iframe"} & tags
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)
    return ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("text")]


def test_svg_pictures_carry_document_strings_as_text(
    hostile_trig: Path, tmp_path: Path
) -> None:
    meeting = tmp_path / "meeting.svg"
    run(
        "plot",
        "--data",
        str(hostile_trig),
        "--kind",
        "meeting",
        "--meeting",
        "900-hostile",
        "--out",
        str(meeting),
    )
    texts = svg_texts(meeting)
    assert any(SCRIPT in text for text in texts)
    for kind in ("heatmap", "timeline"):
        out = tmp_path / f"{kind}.svg"
        run("plot", "--data", str(hostile_trig), "--kind", kind, "--out", str(out))
        assert svg_texts(out)


def test_network_files_are_well_formed_xml(hostile_trig: Path, tmp_path: Path) -> None:
    run("network", "--data", str(hostile_trig), "--out-dir", str(tmp_path))
    files = sorted(tmp_path.glob("*.g*"))
    assert len(files) >= 4
    for path in files:
        root = ET.parse(path).getroot()
        assert not any(e.tag.endswith("script") for e in root.iter())


def test_json_and_csv_answers_give_the_strings_back_unchanged(
    hostile_trig: Path,
) -> None:
    query = ("query", "agenda-items", "--data", str(hostile_trig))
    answer = json.loads(run(*query, "--format", "json"))
    titles = {b["title"]["value"] for b in answer["results"]["bindings"]}
    assert set(ITEM_TITLES) <= titles
    rows = list(csv.DictReader(io.StringIO(run(*query, "--format", "csv"))))
    assert set(ITEM_TITLES) <= {row["title"] for row in rows}
    assert len(rows) == len(answer["results"]["bindings"])


def test_the_table_keeps_one_line_per_row(hostile_trig: Path) -> None:
    table = run("query", "agenda-items", "--data", str(hostile_trig))
    lines = table.splitlines()
    assert lines[-1] == f"({len(lines) - 3} rows)"
    assert any(SCRIPT in line for line in lines)


def test_the_table_escapes_what_a_terminal_would_act_on() -> None:
    hostile = "a\nforged row\r\x1b[2J\x1b]0;title\x07\x00\x9b\u202eevil\u2066"
    rows = ((ox.Literal(hostile), ox.Literal("x")),)
    table = format_table(Results(("v", "w"), rows), width=200)
    assert len(table.splitlines()) == 4
    assert not UNPRINTABLE.search(table)
    assert "\\x1b[2J" in table and "\\u202eevil" in table


@pytest.mark.parametrize("value", [SCRIPT, "line\nfeed", "\x1b[31mred", "\u202eevil"])
def test_a_validation_report_stays_one_line_per_result(
    value: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.ttl"
    literal = ox.Literal(value)
    path.write_text(
        "@prefix kg: <https://w3id.org/police-kg/def#> .\n"
        "<https://w3id.org/police-kg/id/meeting/x> a kg:Meeting ;\n"
        f"  kg:date {literal} ; kg:venue {literal} .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    count = int(re.match(r"Does not conform: (\d+)", lines[0])[1])  # type: ignore[index]
    assert len(lines) == count + 1
    assert not UNPRINTABLE.search(result.output)
