import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from kg.store import OxigraphStore
from kg.viz.data import read_meetings
from kg.viz.plot import meeting_graph, pick_meeting, topic_force_counts, write_plot

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_heatmap_counts_items_per_topic_and_force(mini_store: OxigraphStore) -> None:
    topics, forces, counts = topic_force_counts(read_meetings(mini_store).values())
    assert forces == ["Avon and Somerset", "West Mercia"]
    assert topics == ["Budget and precept", "Child sexual exploitation", "Cyber crime"]
    assert counts == [[1, 2], [1, 0], [1, 1]]


def test_heatmap_svg_holds_forces_and_topics(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / "heatmap.svg"
    write_plot(read_meetings(mini_store), "heatmap", out)
    text = svg_text(out)
    for label in (
        "Avon and Somerset",
        "West Mercia",
        "Cyber crime",
        "Budget and precept",
    ):
        assert label in text


@pytest.mark.parametrize("kind", ["heatmap", "timeline", "meeting"])
def test_png_pictures_are_pictures(
    mini_store: OxigraphStore, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.png"
    write_plot(read_meetings(mini_store), kind, out)
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.width > 200 and image.height > 80


def test_timeline_svg_names_the_years(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.svg"
    write_plot(read_meetings(mini_store), "timeline", out)
    text = svg_text(out)
    assert "2017" in text and "2020" in text and "Cyber crime" in text


def test_meeting_drawing_holds_body_people_topics(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / "meeting.svg"
    write_plot(read_meetings(mini_store), "meeting", out, meeting="m1")
    text = svg_text(out)
    for label in (
        "Avon and Somerset Police and Crime Panel",
        "Richard Brown",
        "Cyber crime",
        "7 Cyber crime update",
        "resolution",
        "present",
    ):
        assert label in text


def test_meeting_drawing_keeps_markup_literal(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / "evil.svg"
    write_plot(read_meetings(mini_store), "meeting", out, meeting="m4")
    root = ET.parse(out).getroot()
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", "script", "b")]
    assert "<b>Evil</b> Panel" in svg_text(out)


def test_graphviz_labels_are_never_html(mini_store: OxigraphStore) -> None:
    meetings = read_meetings(mini_store)
    source = meeting_graph(pick_meeting(meetings, "m4")).source
    assert 'label="<b>Evil</b> Panel' in source.replace("\\n", " ")


def test_unknown_meeting_and_format_are_refused(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    meetings = read_meetings(mini_store)
    with pytest.raises(KeyError):
        write_plot(meetings, "meeting", tmp_path / "x.svg", meeting="nope")
    with pytest.raises(ValueError, match="svg or .png"):
        write_plot(meetings, "heatmap", tmp_path / "x.pdf")
