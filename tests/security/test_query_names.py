"""A query NAME resolves only inside `queries/`; a `FILE.rq` path is the user's file.

Names with path separators, dots, control characters or a link leading out of the
folder are refused in one line; `kg query ./mine.rq` stays allowed on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import resources
from kg.cli import cli
from kg.errors import KgError
from kg.queries import load_query

ESCAPING = [
    "../queries/participants",
    "..",
    "../../etc/passwd",
    "/etc/passwd",
    "queries/meetings",
    "meetings/",
    "./meetings",
    "meetings\n",
    "meetings\x00",
    ".hidden",
    "~root",
    "C:\\queries\\meetings",
    "..\\meetings",
    "%2e%2e%2fmeetings",
    "meetings.rq/..",
    "",
]


@pytest.mark.parametrize("name", ESCAPING)
def test_names_that_leave_queries_are_refused_in_one_line(name: str) -> None:
    with pytest.raises(KgError) as raised:
        load_query(name)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("name", ["../queries/participants", "/etc/passwd"])
def test_the_cli_refuses_them_too(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["query", name, "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "query name" in result.output


def test_a_link_out_of_queries_is_not_a_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, outside = tmp_path / "queries", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (outside / "secret.rq").write_text("#+ summary: Secret.\nSELECT * { ?s ?p ?o }")
    (folder / "good.rq").write_text("#+ summary: Good.\nSELECT * { ?s ?p ?o }")
    (folder / "evil.rq").symlink_to(outside / "secret.rq")
    (folder / "alias.rq").symlink_to(folder / "good.rq")
    monkeypatch.setattr(resources, "data_dir", lambda kind: folder)
    assert load_query("good").summary == "Good."
    assert load_query("alias").summary == "Good."  # a link that stays inside is fine
    with pytest.raises(KgError, match="out of queries/"):
        load_query("evil")


def test_an_explicit_query_file_is_allowed_on_purpose(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("#+ summary: Mine.\nSELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    assert load_query(str(path)).origin == str(path)
