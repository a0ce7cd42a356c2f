"""`validate` compares every quote with the source text, and says when it could not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ca_summit.corpus.loader import check, parse
from ca_summit.errors import SummitError
from ca_summit.queries.validate import validation as check_file
from ca_summit.resources import bundled_path
from ca_summit.views.validate import present

from conftest import ARTICLE, MINIMAL, ROOT

MEETING_QUOTE = "  quote: Le 14 septembre 2023, lors de la cinquième Réunion consultative des chefs d’État"


@pytest.fixture
def article_path(article: str) -> Path:  # skips, saying why, where the article is absent
    return ARTICLE


def test_bundled_data_quotes_are_all_in_the_article(article_path: Path) -> None:
    view = present(check_file(bundled_path(), article_path))
    assert view.valid, view.problems
    assert view.source.model_dump() == {
        "document": "000_27d775fb22bdf83e.txt",
        "path": str(article_path),
        "checked": True,
        "quotes_checked": 43,
        "note": f"43 of 43 quotes found verbatim in {article_path}",
    }


def test_an_altered_quote_is_caught_at_its_line_and_column(article_path: Path, tmp_path: Path) -> None:
    text = bundled_path().read_text(encoding="utf-8")
    assert text.count(MEETING_QUOTE) == 1
    line = text[: text.index(MEETING_QUOTE)].count("\n") + 1
    data = tmp_path / "altered.yaml"
    data.write_text(text.replace(MEETING_QUOTE, MEETING_QUOTE.replace("’", "'")), encoding="utf-8")
    view = present(check_file(data, article_path))
    assert not view.valid
    assert view.lines() == [f"{data}:{line}:10: meeting.quote: not a verbatim excerpt of {article_path}"]
    assert view.source.quotes_checked == 43


def test_the_source_next_to_the_data_file_is_found(write: Callable[..., Path]) -> None:
    data = write(MINIMAL.replace("    quote: le commerce\n", "    quote: les échanges\n"))
    source = data.parent / "test.txt"
    source.write_text("Hier, la réunion : le Kazakhstan dit que le commerce croît.\n", encoding="utf-8")
    view = present(check_file(data))
    assert view.lines() == [f"{data}:13:12: areas.0.quote: not a verbatim excerpt of {source}"]
    assert view.source.note == f"3 of 4 quotes found verbatim in {source}"
    source.write_text("la réunion, le Kazakhstan, les échanges : le commerce croît", encoding="utf-8")
    checked = present(check_file(data))
    assert (checked.lines(), checked.notes()) == (
        [f"{data}: valid"],
        [f"{data}: note: 4 of 4 quotes found verbatim in {source}"],
    )


def test_an_absent_source_is_a_note_not_a_problem(write: Callable[..., Path]) -> None:
    data = write(MINIMAL)
    view = present(check_file(data))
    assert view.valid
    assert (view.lines(), view.notes()) == (
        [f"{data}: valid"],
        [f"{data}: note: quotes not checked: the source test.txt is not next to the data file"],
    )
    assert (view.source.checked, view.source.path, view.source.quotes_checked) == (False, None, 0)


def test_a_source_named_with_a_path_is_not_looked_for(write: Callable[..., Path]) -> None:
    data = write(MINIMAL.replace("document: test.txt", "document: ../../etc/passwd"))
    assert present(check_file(data)).source.note == (
        "quotes not checked: the source '../../etc/passwd' is not a plain file name"
    )


def test_an_unreadable_source_is_an_error(write: Callable[..., Path], tmp_path: Path) -> None:
    with pytest.raises(SummitError, match=r": is a directory, not a source text$"):
        present(check_file(write(MINIMAL), tmp_path))


def test_the_json_report_names_the_source(invoke: Callable[..., Any], write: Callable[..., Path]) -> None:
    data = write(MINIMAL)
    report = json.loads(invoke("validate", str(data), "--json").stdout)
    assert report["source"] == {
        "document": "test.txt",
        "path": None,
        "checked": False,
        "quotes_checked": 0,
        "note": "quotes not checked: the source test.txt is not next to the data file",
    }


_DATA_SCHEMA = Draft202012Validator(
    json.loads((ROOT / "schemas" / "data.schema.json").read_text(encoding="utf-8"))
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("edition: 6", "edition: 7"),
        ("format_version: 2", "format_version: true"),
        ("format_version: 2", "format_version: 2.0"),
        ("2024-08-09", "2023-W37-4"),
        ("2024-08-09", "2023-257"),
        ("2024-08-09", "'2024-08-09'"),
        ("code: KZ", "code: KZZ"),
        ("edition: 6", "edition: 0"),
        ("quote: la réunion", "quote: ' la réunion'"),
        ("kind: statement", "kind: rumour"),
        ("by: [KZ]", "by: [kz_]"),
    ],
)
def test_the_data_schema_and_the_model_agree(old: str, new: str) -> None:
    text = MINIMAL.replace(old, new)
    assert text != MINIMAL
    _, problems = check(text, "f.yaml")
    assert bool(problems) == (not _DATA_SCHEMA.is_valid(parse(text).value)), problems


def test_the_table_carries_the_note(write: Callable[..., Path]) -> None:
    (table,) = present(check_file(write(MINIMAL))).tables("en")
    assert table.notes == ("quotes not checked: the source test.txt is not next to the data file",)
    assert table.rows == []


def test_a_file_of_format_1_is_valid_and_told_how_to_come_up_to_date(
    invoke: Callable[..., Any], write: Callable[..., Path]
) -> None:
    path = write(MINIMAL.replace("format_version: 2", "format_version: 1"))
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"{path}: valid"
    assert "format_version 1 is read as it is; to bring it up to date, set format_version: 2" in " ".join(
        result.stdout.split()
    )
    assert json.loads(invoke("validate", str(path), "--json").stdout)["outdated"] == [str(path)]
    assert json.loads(invoke("validate", str(write(MINIMAL)), "--json").stdout)["outdated"] == []
