"""`facts --meeting` and `search` across the meeting series."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.corpus.reading import read
from ca_summit.errors import SummitError

Invoke = Callable[..., Any]


# --- facts --meeting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("meeting", ["2023", "5"])
@pytest.mark.parametrize("fmt", [[], ["--json"], ["--format", "csv"]])
def test_the_article_meeting_gives_todays_facts_byte_for_byte(
    invoke: Invoke, meeting: str, fmt: list[str]
) -> None:
    plain = invoke("facts", *fmt)
    chosen = invoke("facts", "--meeting", meeting, *fmt)
    assert chosen.exit_code == plain.exit_code == 0
    assert chosen.stdout == plain.stdout


def test_another_meeting_lists_its_reported_facts_with_sources(invoke_json: Invoke) -> None:
    facts = invoke_json("facts", "--meeting", "2018")
    assert len(facts) == 17
    assert [f["id"] for f in facts[:5]] == ["e1-date", "e1-venue", "e1-format", "e1-host", "e1-kz"]
    first = facts[0]
    assert (first["text"], first["topic"], first["confidence"], first["meeting"], first["quote"]) == (
        "15 March 2018 (a Thursday)",
        "date",
        "confirmed-2-sources",
        1,
        None,
    )
    assert [s["publisher"] for s in first["sources"]] == ["Kazinform", "EURACTIV", "MIR 24", "Asia-Plus"]
    assert (
        first["sources"][0]["url"]
        == "https://en.inform.kz/news/leaders-of-central-asian-countries-meet-in-astana_a3185658/"
    )
    assert invoke_json("facts", "--meeting", "1") == facts


def test_reported_facts_take_the_facts_fields(invoke: Invoke) -> None:
    result = invoke("facts", "--meeting", "2018", "--fields", "id,text", "--format", "csv")
    assert result.stdout.splitlines()[:2] == ["id,text", "e1-date,15 March 2018 (a Thursday)"]


def test_reported_facts_table(invoke: Invoke) -> None:
    lines = invoke("facts", "--meeting", "2024", env={"COLUMNS": "200"}).stdout.splitlines()
    assert lines[0] == "Facts from public reports"
    assert lines[4].split()[:6] == ["e6-date", "date", "9", "August", "2024", "(a"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--meeting", "2020"],
            "no meeting held in 2020; the meetings are: 2018 (1), 2019 (2), 2021 (3), 2022 (4), 2023 (5), "
            "2024 (6), 2025 (7)",
        ),
        (["--meeting", "9"], "no meeting of edition 9; the meetings are: 2018 (1), 2019 (2), 2021 (3)"),
        (["--meeting", "x"], "'x' is not a meeting (a year such as 2018, or an edition such as 1)"),
        (["--meeting", ""], "'' is not a meeting"),
        (["--meeting", "0"], "no meeting of edition 0"),
        (["--meeting", "2018", "--kind", "quote"], "--area and --kind are an article's"),
        (["--meeting", "2018", "--area", "trade"], "--area and --kind are an article's"),
    ],
)
def test_a_meeting_not_in_the_data_is_a_usage_error(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("facts", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_lone_data_file_is_its_one_meeting(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    from ca_summit.resources import bundled_path

    path = write(bundled_path().read_text(encoding="utf-8"), "summit.yaml")
    result = invoke("--data", str(path), "facts", "--meeting", "2018")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "ca-summit: error: no meeting held in 2018; the meetings are: 2023 (5)\n"
    for which in ("2023", "5"):
        assert invoke("--data", str(path), "facts", "--meeting", which).stdout == invoke("facts").stdout


@pytest.mark.parametrize(
    ("which", "problem"),
    [
        ("", "'' is not a meeting (a year such as 2018, or an edition such as 1)"),
        ("2018.0", "'2018.0' is not a meeting (a year such as 2018, or an edition such as 1)"),
        ("-1", "no meeting of edition -1"),
        ("10000", "no meeting held in 10000"),
    ],
)
def test_a_meeting_is_a_year_or_an_edition_given_as_text(which: str, problem: str) -> None:
    corpus = read(None)
    assert (corpus.find(" 2018 ").year, corpus.find("7").year) == (2018, 2025)
    with pytest.raises(SummitError) as caught:
        corpus.find(which)
    assert caught.value.exit_code == 2
    assert caught.value.message == f"{problem}; the meetings are: {corpus.listing()}"


# --- search across the series ----------------------------------------------------------------------


def test_search_spans_every_meeting_by_default(invoke_json: Invoke) -> None:
    found = invoke_json("search", "rahmon")
    assert len(found) == 13
    assert [(h["id"], h["meeting"], h["kind"]) for h in found][:3] == [
        ("e1-tj", 1, "meeting_fact"),
        ("e2-tj", 2, "meeting_fact"),
        ("e2-ifas", 2, "meeting_fact"),
    ]
    assert sorted({h["meeting"] for h in found}) == [1, 2, 3, 4, 5, 6, 7]
    t22 = next(h for h in found if h["id"] == "t22")
    assert (t22["kind"], t22["field"], t22["quote"]) == ("trade_claim", "text_en", None)
    assert t22["text"] == "Emomali Rahmon, President of Tajikistan (6th meeting, Astana (speech))"
    assert [s["publisher"] for s in t22["sources"]] == [
        "News.az",
        "Turkic.World",
        "Steppe News",
        "qazaq-stan.press",
    ]


def test_search_lists_the_articles_facts_first(invoke_json: Invoke) -> None:
    hits = invoke_json("search", "tokayev")
    assert [(h["id"], h["meeting"], h["sources"]) for h in hits[:2]] == [
        ("tokayev", 5, []),
        ("tokayev-directives", 5, []),
    ]
    assert hits[0]["quote"] is not None
    assert [(h["id"], h["meeting"]) for h in hits[2:5]] == [
        ("press-agencies-cooperation", 5),
        ("e2-kz", 2),  # the series' hits follow, meeting by meeting
        ("e3-kz", 3),
    ]
    assert hits[3]["sources"] != []


def test_search_one_meeting(invoke_json: Invoke) -> None:
    found = invoke_json("search", "rahmon", "--meeting", "2024")
    assert [(h["id"], h["kind"]) for h in found] == [
        ("e6-attendees", "meeting_fact"),
        ("t22", "trade_claim"),
        ("t22-target", "target"),
    ]
    article = invoke_json("search", "agences", "--meeting", "5")
    assert [h["id"] for h in article] == [
        "press-agencies-cooperation",
        "press-agencies-cooperation-is-new",
    ]


def test_search_hits_name_their_meeting_in_the_table(invoke: Invoke) -> None:
    lines = invoke(
        "--lang", "fr", "search", "rahmon", "--meeting", "2024", env={"COLUMNS": "200"}
    ).stdout.splitlines()
    row = next(line for line in lines if line.strip().startswith("t22-target "))
    assert row.split()[1:3] == ["6e", "cible"]


def test_search_jsonl_gives_one_hit_a_line(invoke: Invoke) -> None:
    lines = invoke("search", "rahmon", "--format", "jsonl", "--fields", "id,meeting").stdout.splitlines()
    assert len(lines) == 13
    assert json.loads(lines[-1]) == {"id": "e7-tj", "meeting": 7}
