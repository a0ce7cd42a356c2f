"""One corpus: every command on every meeting, --data read one way, the issue's reproductions."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.cli.registry import COMMANDS
from ca_summit.corpus.files import data_path
from ca_summit.resources import bundled_path

from conftest import MINIMAL

Invoke = Callable[..., Any]
YEARS = ["2018", "2019", "2021", "2022", "2023", "2024", "2025"]
ONE_MEETING = ["areas", "facts", "quotes", "countries", "summary"]
LISTINGS = [["meetings"], ["sources"], ["search", "trade"], ["trade", "--history"], ["show", "KZ"]]
LISTING = "the meetings are: 2018 (1), 2019 (2), 2021 (3), 2022 (4), 2023 (5), 2024 (6), 2025 (7)"


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("command", ONE_MEETING)
def test_every_one_meeting_command_runs_on_every_meeting(invoke: Invoke, command: str, year: str) -> None:
    result = invoke(command, "--meeting", year, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    json.loads(result.stdout)
    table = invoke(command, "--meeting", year)
    assert table.exit_code == 0 and table.stdout.strip()


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_every_listing_takes_a_meeting_as_a_filter(invoke: Invoke, args: list[str], year: str) -> None:
    result = invoke(*args, "--meeting", year, "--json")
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize("which", ["0", "2030", "abc", "8"])
@pytest.mark.parametrize(
    "args", [["areas"], ["meetings"], ["trade", "--history"], ["show", "c6"]], ids=" ".join
)
def test_a_meeting_that_is_not_there_exits_2_listing_those_there_are(
    invoke: Invoke, args: list[str], which: str
) -> None:
    result = invoke(*args, "--meeting", which)
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith(LISTING)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["areas", "--meeting", "2018"], "The 2018 meeting has no areas of cooperation"),
        (["quotes", "--meeting", "2021"], "The 2021 meeting has no direct quotes"),
        (["countries", "--meeting", "2025"], "The 2025 meeting has no country notes"),
        (["search", "zzzz"], "No match for 'zzzz'."),
    ],
)
def test_nothing_to_list_is_one_line_and_an_empty_list(invoke: Invoke, args: list[str], line: str) -> None:
    table = invoke(*args)
    assert table.exit_code == 0 and table.stderr == ""
    assert len(table.stdout.splitlines()) == 1 and table.stdout.startswith(line)
    data = json.loads(invoke(*args, "--json").stdout)
    assert data == []


def test_a_valid_series_file_is_searched_as_it_is(invoke: Invoke) -> None:
    # Reproduction: search on a valid 2018 series file failed with "source: Field required".
    result = invoke(
        "search", "Nazarbayev", "--data", str(data_path() / "series" / "2018-astana.yaml"), "--json"
    )
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) > 0


def test_the_meeting_of_a_data_file_is_chosen_as_search_chooses_it(invoke: Invoke) -> None:
    # Reproduction: facts --meeting 2023 --data FILE was a usage error where search on it worked.
    facts = invoke("facts", "--meeting", "2023", "--data", str(bundled_path()), "--json")
    search = invoke("search", "Tokayev", "--meeting", "2023", "--data", str(bundled_path()), "--json")
    assert (facts.exit_code, search.exit_code) == (0, 0)
    assert json.loads(facts.stdout) == json.loads(invoke("facts", "--json").stdout)


def test_an_article_only_file_has_a_meeting_and_says_it_has_no_record(invoke: Invoke, write: Any) -> None:
    # Reproduction: meetings 2023 on an article-only file printed "the meetings are: " and nothing.
    path = write(MINIMAL)  # the meeting of 2024, edition 6, from an article alone
    table = invoke("meetings", "2024", "--data", str(path))
    assert table.exit_code == 0
    assert (
        table.stdout.startswith("No record from public reports here") and len(table.stdout.splitlines()) == 1
    )
    assert json.loads(invoke("meetings", "6", "--data", str(path), "--json").stdout) == []
    missing = invoke("meetings", "2023", "--data", str(path))
    assert (missing.exit_code, missing.stderr) == (
        2,
        "ca-summit: error: no meeting held in 2023; the meetings are: 2024 (6)\n",
    )
    summary = json.loads(invoke("summary", "--data", str(path), "--json").stdout)
    assert summary["meeting"]["edition"] == 6  # a folder or file without 2023 and one meeting: that one


def test_two_files_of_one_year_are_an_error_naming_both(invoke: Invoke, bundled_copy: Path) -> None:
    twin = bundled_copy / "series" / "2018-twin.yaml"
    twin.write_text(meeting_text(edition=9, date="2018-05-01", prefix="x9"), encoding="utf-8")
    for args in (["meetings", "--data", str(bundled_copy)], ["areas", "--data", str(bundled_copy)]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert "the meeting of year 2018 is also in" in result.stderr and "2018-astana.yaml" in result.stderr
    checked = invoke("validate", str(bundled_copy))
    assert checked.exit_code == 1
    assert f"{twin}:" in checked.stdout and "the meeting of year 2018 is also in" in checked.stdout
    edition = bundled_copy / "series" / "2030-twin.yaml"
    twin.unlink()
    edition.write_text(meeting_text(edition=1, date="2030-05-01", prefix="x9"), encoding="utf-8")
    assert "the meeting of edition 1 is also in" in invoke("validate", str(bundled_copy)).stdout


def test_a_link_out_of_the_folder_is_not_followed(invoke: Invoke, bundled_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(bundled_copy / "series" / "2018-astana.yaml", outside / "2018-copy.yaml")
    (bundled_copy / "elsewhere.yaml").symlink_to(outside / "2018-copy.yaml")
    (bundled_copy / "deeper").symlink_to(outside, target_is_directory=True)
    result = invoke("meetings", "--data", str(bundled_copy), "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["edition"] for m in json.loads(result.stdout)] == [1, 2, 3, 4, 5, 6, 7]


def test_a_copy_of_the_bundled_folder_answers_as_the_bundled_data(invoke: Invoke, bundled_copy: Path) -> None:
    for args in (["meetings", "--json"], ["show", "c6", "--json"], ["search", "Toqaev", "--json"]):
        assert invoke(*args, "--data", str(bundled_copy)).stdout == invoke(*args).stdout
    # CA_SUMMIT_DATA means what --data means.
    assert (
        invoke("sources", "--json", env={"CA_SUMMIT_DATA": str(bundled_copy)}).stdout
        == invoke("sources", "--json").stdout
    )


def test_the_help_no_longer_says_which_command_takes_what(invoke: Invoke) -> None:
    for command in COMMANDS:
        if command.kind == "data":
            help_text = " ".join(invoke(command.name, "--help").stdout.split())
            assert "--data PATH" in help_text and "a folder of data files" in help_text
            assert "facts --meeting, and validate" not in help_text


NAMES = [["Tokayev", "Tokaïev", "tokaiev", "Toqaev", "Токаев"], ["Dushanbe", "Douchanbé"]]


@pytest.mark.parametrize("names", NAMES, ids=lambda names: names[0])
def test_search_finds_an_entity_by_every_name_with_the_same_hits(invoke: Invoke, names: list[str]) -> None:
    hits = [
        sorted((h["id"], h["meeting"]) for h in json.loads(invoke("search", name, "--json").stdout))
        for name in names
    ]
    assert hits[0] and all(found == hits[0] for found in hits), dict(zip(names, map(len, hits), strict=True))


def test_a_country_code_that_is_no_entity_is_said_once_like_a_name(invoke: Invoke, tmp_path: Path) -> None:
    # Every id printed resolves with show: a code no entity has is flagged when the file is read.
    path = tmp_path / "2030-new.yaml"
    text = meeting_text().replace("format_version: 1", "format_version: 2").replace("KZ", "XX")
    path.write_text(text, encoding="utf-8")
    result = invoke("meetings", "--data", str(path), "--json")
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1 and "'XX'" in result.stderr and "no entity's" in result.stderr


@pytest.mark.parametrize(
    "args", [["meetings", "--data", ""], ["--data", "", "areas"], ["validate", ""]], ids=" ".join
)
def test_an_empty_data_path_is_a_usage_error_not_the_current_folder(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert "needs a file or a folder" in result.stderr and result.stderr.count("\n") == 1
