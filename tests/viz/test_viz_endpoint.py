from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.serve import Server

pytestmark = pytest.mark.server


def test_pictures_from_an_endpoint_match_the_file(
    oxigraph_server: Server, seeds_trig: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    push = ["push", "--data", str(seeds_trig), "--endpoint", oxigraph_server.query_url]
    assert runner.invoke(cli, push).exit_code == 0
    outputs = []
    for source in (
        ["--data", str(seeds_trig)],
        ["--endpoint", oxigraph_server.query_url],
    ):
        page = tmp_path / "graph.html"
        result = runner.invoke(cli, ["viz", *source, "--out", str(page)])
        assert result.exit_code == 0, result.output
        outputs.append(result.output.split(": ", 1)[1])
        result = runner.invoke(cli, ["network", *source])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert " nodes, " in outputs[0]
