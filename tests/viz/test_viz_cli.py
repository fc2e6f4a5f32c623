import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from PIL import Image

from kg.viz.cli import network_command, plot_command, viz_command

MINI = str(Path(__file__).parent / "data" / "mini.trig")


def test_viz_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(viz_command, ["--data", MINI, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "18 nodes" in result.output
    assert 'id="graph"' in out.read_text(encoding="utf-8")


def test_viz_command_filters_and_focuses(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    args = ["--data", MINI, "--out", str(out), "--topic", "cyber-crime"]
    result = CliRunner().invoke(viz_command, [*args, "--since", "2018-01-01"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(": 6 nodes, 5 edges\n")
    focus = "https://w3id.org/police-kg/id/force/kent"
    result = CliRunner().invoke(viz_command, [*args, "--focus", focus])
    assert result.exit_code == 1
    assert "no such node drawn" in result.output


def test_viz_command_reports_a_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.ttl")
    args = ["--data", missing, "--out", str(tmp_path / "x.html")]
    result = CliRunner().invoke(viz_command, args)
    assert result.exit_code == 1
    assert result.output.endswith("missing.ttl: no such file or folder\n")


def test_plot_command_writes_svg_and_png(tmp_path: Path) -> None:
    for kind, name in [("heatmap", "h.svg"), ("meeting", "m.png")]:
        out = tmp_path / name
        args = ["--data", MINI, "--kind", kind, "--out", str(out)]
        result = CliRunner().invoke(plot_command, args)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_network_command_prints_and_writes(tmp_path: Path) -> None:
    args = ["--data", MINI, "--out-dir", str(tmp_path)]
    result = CliRunner().invoke(network_command, args)
    assert result.exit_code == 0, result.output
    assert "Sue Mountstevens: 2 bodies" in result.output
    assert nx.read_gexf(tmp_path / "people.gexf").number_of_nodes() == 3


def test_plot_kinds_match_the_registry() -> None:
    from kg.viz.cli import PLOT_KINDS
    from kg.viz.plot import PLOTS

    assert PLOT_KINDS == tuple(sorted(PLOTS))


def test_kg_group_has_the_picture_commands() -> None:
    from kg.cli import cli

    assert {"viz", "plot", "network"} <= set(cli.commands)


SEED_FORCES = ("Avon and Somerset", "Thames Valley", "West Mercia", "West Yorkshire")


def svg_labels(path: Path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return " ".join(
        "".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")
    )


def test_seed_heatmap_and_meeting_drawing(seed_graph: Path, tmp_path: Path) -> None:
    data = ["--data", str(seed_graph)]
    runner = CliRunner()
    outputs = {
        "heatmap.svg": ["--kind", "heatmap"],
        "heatmap.png": ["--kind", "heatmap"],
        "meeting.svg": ["--kind", "meeting", "--meeting", "000-ba695e77e2479c4d"],
        "meeting.png": ["--kind", "meeting"],
    }
    for name, args in outputs.items():
        result = runner.invoke(
            plot_command, [*data, *args, "--out", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
    heatmap = svg_labels(tmp_path / "heatmap.svg")
    assert all(force in heatmap for force in SEED_FORCES)
    assert "Cyber crime" in heatmap and "Finance and budget" in heatmap
    meeting = svg_labels(tmp_path / "meeting.svg")
    assert "Avon and Somerset Police and Crime Panel" in meeting
    assert "Cyber crime" in meeting
    for name in ("heatmap.png", "meeting.png"):
        with Image.open(tmp_path / name) as image:
            assert image.format == "PNG"


def test_seed_network_lists_bridges_and_reads_back(
    seed_graph: Path, tmp_path: Path
) -> None:
    args = ["--data", str(seed_graph), "--out-dir", str(tmp_path)]
    result = CliRunner().invoke(network_command, args)
    assert result.exit_code == 0, result.output
    assert "people at meetings of more than one body:" in result.output
    sizes = re.findall(r"== ([\w-]+): (\d+) nodes, (\d+) edges", result.output)
    assert {name for name, _, _ in sizes} == {"people", "forces", "person-body"}
    for name, nodes, edges in sizes:
        for back in (
            nx.read_graphml(tmp_path / f"{name}.graphml"),
            nx.read_gexf(tmp_path / f"{name}.gexf"),
        ):
            assert (len(back), back.number_of_edges()) == (int(nodes), int(edges))
