from pathlib import Path

import networkx as nx
from click.testing import CliRunner

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
    assert result.output.startswith("Error: cannot open")


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
