"""`--data FOLDER`: a folder of data files for every command, read whole and checked as `validate
FOLDER` checks it, each problem reported as file:line:col."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.corpus.files import data_path

Invoke = Callable[..., Any]


def test_a_folder_of_the_seven_meetings_validates_and_loads(invoke: Invoke, bundled_copy: Path) -> None:
    result = invoke("validate", str(bundled_copy), env={"COLUMNS": "300"})  # a long path, one line
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bundled_copy}: valid"
    assert lines[1].startswith(f"{bundled_copy}: note:")
    assert "quotes not checked in a folder" in " ".join(result.stdout.split())  # however it wraps
    listed = invoke("meetings", "--data", str(bundled_copy), "--json")
    assert listed.exit_code == 0, listed.stderr
    assert '"file": "summit_2023.yaml"' in listed.stdout
    assert invoke(
        "meetings", "2023", "--data", str(bundled_copy), "--fields", "city", "-f", "csv"
    ).stdout == ("city\nDushanbe\n")


def test_validate_a_folder_names_each_problems_file(invoke: Invoke) -> None:
    # The bundled series/ folder alone lacks the article's 2023 file, where two targets a conflict names are.
    series = data_path() / "series"
    result = invoke("validate", str(series))
    last = series / "2025-tashkent.yaml"
    assert result.exit_code == 1
    unknown = "unknown fact or claim or target"
    assert result.stdout == (
        f"{last}:793:7: conflicts.6.positions.0.items.2: {unknown} 't14' in the series\n"
        f"{last}:805:7: conflicts.6.positions.2.items.0: {unknown} 't15' in the series\n"
    )


def test_validate_a_folder_finds_an_id_declared_in_two_files(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "2030-a.yaml").write_text(meeting_text(8, "2030-05-01", "e8"), encoding="utf-8")
    (tmp_path / "2031-b.yaml").write_text(meeting_text(9, "2031-05-01", "e8"), encoding="utf-8")
    result = invoke("validate", "--data", str(tmp_path), "--json")
    assert result.exit_code == 1
    assert '"file": "' + str(tmp_path / "2031-b.yaml") + '"' in result.stdout
    lines = invoke("validate", str(tmp_path)).stdout.splitlines()
    assert lines == [
        f"{tmp_path / '2031-b.yaml'}:16:10: facts.0.id: fact id 'e8-date' is also declared in "
        f"{tmp_path / '2030-a.yaml'}"
    ]
    table = invoke("validate", str(tmp_path), "--format", "table", env={"COLUMNS": "200"})
    assert "2031-b.yaml" in table.stdout


def test_a_broken_file_in_a_folder_is_located(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "2030-a.yaml").write_text(
        meeting_text(8, "2030-05-01", "e8").replace("Almaty", "[x"), encoding="utf-8"
    )
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / '2030-a.yaml'}:")


@pytest.mark.parametrize("command", ["areas", "summary", "facts", "quotes", "countries", "trade"])
def test_the_article_commands_read_a_folder_as_the_bundled_data(
    invoke: Invoke, bundled_copy: Path, command: str
) -> None:
    bundled = invoke(command, "--json")
    copied = invoke(command, "--data", str(bundled_copy), "--json")
    assert (copied.exit_code, copied.stderr) == (bundled.exit_code, bundled.stderr) == (0, "")
    assert copied.stdout == bundled.stdout


@pytest.mark.parametrize("command", ["areas", "summary", "facts", "trade"])
def test_the_article_commands_check_a_folder_whole_as_validate_does(invoke: Invoke, command: str) -> None:
    # The series/ folder alone has the problems validate lists: no command reads past them.
    series = data_path() / "series"
    result = invoke(command, "--data", str(series))
    assert (result.exit_code, result.stdout) == (1, "")
    first = invoke("validate", str(series)).stdout.splitlines()[0]
    assert result.stderr.startswith(f"ca-summit: error: {first} (and 1 more problem; ")
