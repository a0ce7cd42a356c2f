"""One reading of a folder: every command that reads --data FOLDER checks the whole folder as
`validate` does, and so gives the same verdict on the same hostile folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.cli.registry import COMMANDS

Invoke = Callable[..., Any]
# export writes its file in the folder of the test that runs it (`in_folder`).
ARGS = {"search": ["Astana"], "show": ["KZ"], "export": ["--sqlite", "export.db", "--replace"]}
# Every command that reads data, with the arguments it needs, and trade's other modes.
READERS = [
    *([c.name, *ARGS.get(c.name, [])] for c in COMMANDS if c.kind == "data"),
    ["trade", "--history"],
    ["meetings", "2019"],
    ["facts", "--meeting", "2019"],
]


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    """Two small meetings with a subfolder: quick to read, as any user's folder is read."""
    folder = tmp_path / "mine"
    (folder / "series").mkdir(parents=True)
    (folder / "2030-a.yaml").write_text(meeting_text(), encoding="utf-8")
    (folder / "series" / "2031-b.yaml").write_text(
        meeting_text(edition=9, date="2031-05-01", prefix="e9"), encoding="utf-8"
    )
    return folder


def _broken_sibling(folder: Path) -> None:
    (folder / "series" / "2032-broken.yaml").write_text("format_version: 2\nrecord: [\n", encoding="utf-8")


def _id_twice(folder: Path) -> None:
    text = meeting_text(edition=10, date="2032-05-01", prefix="e8")  # e8's ids again
    (folder / "2032-c.yaml").write_text(text, encoding="utf-8")


def _empty_file(folder: Path) -> None:
    (folder / "series" / "2032-empty.yaml").write_text("", encoding="utf-8")


def _same_edition(folder: Path) -> None:
    (folder / "2030-x.yaml").write_text(
        meeting_text(edition=2, date="2030-05-01", prefix="x2"), encoding="utf-8"
    )


def _same_year(folder: Path) -> None:
    (folder / "2019-x.yaml").write_text(
        meeting_text(edition=9, date="2019-05-01", prefix="x9"), encoding="utf-8"
    )


def _no_meeting(folder: Path) -> None:
    for path in [*folder.rglob("*.yaml")]:
        if path.name != "entities.yaml":
            path.unlink()


HOSTILE = [_broken_sibling, _id_twice, _empty_file, _same_edition, _same_year, _no_meeting]


@pytest.mark.parametrize("spoil", HOSTILE, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.usefixtures("in_folder")
def test_every_command_refuses_what_validate_refuses(invoke: Invoke, small_folder: Path, spoil: Any) -> None:
    spoil(small_folder)
    verdict = invoke("validate", str(small_folder))
    assert verdict.exit_code == 1, verdict.stdout
    for args in READERS:
        result = invoke(*args, "--data", str(small_folder))
        assert result.exit_code == 1, (args, result.output)
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1, (args, result.stderr)
        assert result.stderr.startswith("ca-summit: error: "), (args, result.stderr)


@pytest.mark.usefixtures("in_folder")
def test_a_folder_that_validate_accepts_every_command_reads(invoke: Invoke, bundled_copy: Path) -> None:
    (bundled_copy / "2030-new.yaml").write_text(meeting_text(), encoding="utf-8")
    assert invoke("validate", str(bundled_copy)).exit_code == 0
    for args in READERS:
        result = invoke(*args, "--data", str(bundled_copy))
        assert (result.exit_code, result.stderr) == (0, ""), (args, result.output)


def test_a_folder_without_the_articles_meeting_has_one_behaviour(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "2030-a.yaml").write_text(meeting_text(), encoding="utf-8")
    (folder / "2031-b.yaml").write_text(
        meeting_text(edition=9, date="2031-05-01", prefix="e9"), encoding="utf-8"
    )
    assert invoke("validate", str(folder)).exit_code == 0
    # Listings read every meeting; a command about one meeting asks which.
    for args in (
        ["meetings"],
        ["sources"],
        ["trade", "--history"],
        ["search", "Almaty"],
        ["show", "e8-date"],
    ):
        assert invoke(*args, "--data", str(folder)).exit_code == 0, args
    for args in (["areas"], ["summary"], ["facts"]):
        result = invoke(*args, "--data", str(folder))
        assert result.exit_code == 2
        assert result.stderr.endswith("the meetings are: 2030 (8), 2031 (9)\n")
        assert invoke(*args, "--data", str(folder), "--meeting", "2031").exit_code == 0
