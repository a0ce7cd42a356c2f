"""`ca-summit show ID`: every id the tool prints leads somewhere."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ca_summit.corpus.reading import read
from ca_summit.queries.show import index
from ca_summit.render.output import ID_KEYS

Invoke = Callable[..., Any]
YEARS = ["2018", "2019", "2021", "2022", "2023", "2024", "2025"]
# Every command that prints ids, on every bundled meeting where it reads one.
PRINTING = [
    ["meetings"],
    ["trade", "--history"],
    ["trade", "--project", "15e9"],
    ["search", "tokaiev"],
    ["search", "trade"],
    ["sources"],
    *(["facts", "--meeting", year] for year in YEARS),
    *([name] for name in ("areas", "quotes", "countries", "summary")),
]


def _ids(value: Any, key: str | None = None) -> Iterator[str]:
    """The ids in a JSON output: the values under an id-like key (ID_KEYS, as the tables print them)."""
    if isinstance(value, dict):
        for k, item in value.items():
            yield from _ids(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _ids(item, key)
    elif isinstance(value, str) and key in ID_KEYS:
        yield value


def test_every_id_printed_anywhere_resolves(invoke: Invoke) -> None:
    printed: set[str] = set()
    for args in PRINTING:
        result = invoke(*args, "--json")
        assert result.exit_code == 0, (args, result.stderr)
        printed |= set(_ids(json.loads(result.stdout)))
    assert {"c6", "t9", "e2-date", "information-space"} <= printed  # the walk found the kinds
    # What show looks up: one index of the corpus (building it once per id would take seconds).
    corpus = read(None)
    known = index(corpus, corpus.meetings)
    assert sorted(printed - set(known)) == []
    kinds = {item.kind: name for name in sorted(printed) for item in known[name]}
    for name in kinds.values():  # and through the command, one id of each kind printed
        assert invoke("show", name, "--json").exit_code == 0, name


def test_a_conflict_shows_its_text_sources_with_addresses(invoke: Invoke) -> None:
    shown = json.loads(invoke("show", "c6", "--json").stdout)
    (item,) = shown["items"]
    assert (item["kind"], item["meetings"], item["text"]) == ("conflict", [2022], "Regional trade in 2021")
    assert [d["key"] for d in item["details"]][:2] == ["position", "position"]
    assert all(s["url"].startswith("https://") for s in item["sources"]) and len(item["sources"]) == 2


def test_a_claim_shows_what_refers_to_it(invoke: Invoke) -> None:
    (item,) = json.loads(invoke("show", "t9", "--json").stdout)["items"]
    assert item["kind"] == "claim"
    assert {"id": "c6", "kind": "conflict", "meeting": 2022} in item["referred_by"]


def test_a_source_cited_by_two_meetings_is_one_source(invoke: Invoke) -> None:
    (item,) = json.loads(invoke("show", "kazinform-7", "--json").stdout)["items"]
    assert item["kind"] == "source" and item["meetings"] == [2019, 2024]
    assert item["referred_by"] and {r["meeting"] for r in item["referred_by"]} <= {2019, 2024}


def test_an_unknown_id_is_a_usage_error_naming_the_closest(invoke: Invoke) -> None:
    result = invoke("show", "c66")
    assert result.exit_code == 2
    assert result.stderr == "ca-summit: error: no id 'c66' in the data; the closest: c6, c16\n"


def test_the_meeting_filter_narrows_what_show_finds(invoke: Invoke) -> None:
    assert invoke("show", "c6", "--meeting", "2022").exit_code == 0
    assert invoke("show", "c6", "--meeting", "2019").exit_code == 2


@pytest.mark.parametrize(
    ("args", "lang", "line"),
    [
        (["meetings", "2022"], "en", "Any id above: ca-summit show ID."),
        (["trade", "--history"], "fr", "Pour tout identifiant ci-dessus\u202f: ca-summit show ID."),
        (["facts", "--meeting", "2019"], "en", "Any id above: ca-summit show ID."),
    ],
)
def test_tables_that_print_ids_say_how_to_look_them_up(
    invoke: Invoke, args: list[str], lang: str, line: str
) -> None:
    out = invoke(*args, "--lang", lang, env={"COLUMNS": "120"}).stdout
    assert out.rstrip("\n").splitlines()[-1] == line


def test_a_table_without_ids_says_nothing_of_show(invoke: Invoke) -> None:
    assert "show ID" not in invoke("areas", "--fields", "title").stdout


def test_an_id_of_another_meeting_says_where_it_is(invoke: Invoke) -> None:
    result = invoke("show", "c6", "--meeting", "2023")
    assert (result.exit_code, result.stderr) == (
        2,
        "ca-summit: error: no id 'c6' in the meeting 2023; it is in the meeting of 2022\n",
    )


def test_an_id_in_the_wrong_case_is_offered_first(invoke: Invoke) -> None:
    assert invoke("show", "C6").stderr == "ca-summit: error: no id 'C6' in the data; the closest: c6\n"
