"""`trade --history` over the bundled series, and the figures reported later beside a projection."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.queries.history import position

Invoke = Callable[..., Any]
WIDE = {"COLUMNS": "200"}


@pytest.fixture(scope="module")
def history() -> Any:
    from ca_summit.cli.commands import Context
    from ca_summit.cli.commands.trade import Asked, run
    from ca_summit.queries.trade import TradeRequest

    view = run(Asked(TradeRequest(history=True)), Context(data=None, lang="en"))
    return json.loads(view.model_dump_json())["history"]


def _lines(invoke: Invoke, *args: str) -> list[str]:
    return [line.rstrip() for line in invoke(*args, env=WIDE).stdout.splitlines()]


# --- the series of intra-regional claims ----------------------------------------------------------


def test_intra_regional_claims_come_in_order_of_the_year_they_refer_to(history: Any) -> None:
    assert [(c["id"], c["year"], c["year_basis"]) for c in history["claims"][:11]] == [
        ("t1", 2016, "stated"),
        ("t3", 2017, "stated"),
        ("t7", 2018, "stated"),
        ("t6", 2018, "stated"),
        ("t8", 2019, "stated"),
        ("t9", 2021, "last_year"),
        ("t10", 2021, "last_year"),
        ("t15", 2022, "assumption"),
        ("t17", 2023, "last_year"),
        ("t26", 2024, "last_year"),
        ("t27", 2024, "stated"),
    ]
    # No year stated: last, by the day they were given (a claim with no day at the very end).
    assert [c["id"] for c in history["claims"][11:]] == [
        "t5", "t12", "t14", "t16", "t18", "t19", "t20", "t21", "t22", "t33", "t29", "t28", "t32",
    ]  # fmt: skip
    assert {c["year"] for c in history["claims"][11:]} == {None}


def test_the_assumed_year_is_the_article_files_own_assumption(history: Any) -> None:
    t15 = next(c for c in history["claims"] if c["id"] == "t15")
    assert (t15["year"], t15["year_assumption"], t15["meeting"]) == (2022, "base-year", 5)
    assert t15["year_assumption_text"].startswith("The article does not say which")


def test_a_claim_carries_its_speaker_occasion_growth_and_sources(history: Any) -> None:
    t6 = next(c for c in history["claims"] if c["id"] == "t6")
    assert (t6["value"], t6["qualifier"], t6["speaker"], t6["speaker_role"]) == (
        12_200_000_000.0,
        "more_than",
        "Elyor Ganiyev",
        "Deputy Prime Minister of Uzbekistan",
    )
    assert (t6["stated_on"], t6["occasion"], t6["confidence"]) == (
        "2019-03-15",
        "1st Central Asian Economic Forum, Tashkent",
        "confirmed-1-source",
    )
    assert t6["growth"] == [
        {
            "rate": 0.35,
            "multiplier": None,
            "multiplier_max": None,
            "qualifier": "exact",
            "period_years": 1,
            "since_year": 2017,
            "note": None,
        }
    ]
    assert [(s["publisher"], s["published"]) for s in t6["sources"]] == [
        ("UZ-Line", "2019-03-20"),
        ("The Times of Central Asia", None),
    ]
    assert t6["sources"][1]["url"] == "https://timesca.com/?p=6400"


def test_same_year_figures_more_than_five_percent_apart_disagree(history: Any) -> None:
    assert [
        (g["year"], g["claims"], g["values"], round(g["spread"], 4), [c["id"] for c in g["conflicts"]])
        for g in history["disagreements"]
    ] == [
        (2018, ["t7", "t6"], [4.3e9, 12.2e9], 1.8372, ["c3"]),
        (2021, ["t9", "t10"], [8e9, 6e9], 0.3333, ["c6"]),
        (2024, ["t26", "t27"], [11.5e9, 10.7e9], 0.0748, ["c12"]),
    ]
    by_id = {c["id"]: c for c in history["claims"]}
    assert by_id["t26"]["differs_from"] == ["t27"] and by_id["t27"]["differs_from"] == ["t26"]
    # 11 bn for 2023 (t17) has no other figure for 2023; t15's 10.6 bn is the assumed 2022.
    assert by_id["t17"]["differs_from"] == [] and by_id["t15"]["differs_from"] == []
    assert history["tolerance"] == 0.05


def test_other_scopes_are_kept_apart_from_the_series(history: Any) -> None:
    assert [(c["id"], c["scope"]) for c in history["other_scopes"]] == [
        ("t2", "country_with_region"),
        ("t4", "country_with_region"),
        ("e1-trade-uzkz", "bilateral"),
        ("t13", "country_with_region"),
        ("t24", "country_with_region"),
        ("t25", "country_with_region"),
        ("e7-trade-kg", "country_with_region"),
        ("t11", "country_with_region"),
        ("e5-trade-tj", "country_with_region"),
    ]
    assert {c["scope"] for c in history["claims"]} == {"intra_regional"}
    assert [c["id"] for c in next(c for c in history["other_scopes"] if c["id"] == "t25")["conflicts"]] == [
        "c17"
    ]


def test_targets_say_who_set_them_and_when(history: Any) -> None:
    targets = {t["id"]: t for t in history["targets"]}
    assert len(targets) == 15
    t22 = targets["t22-target"]
    assert (t22["value"], t22["set_by"], t22["set_on"], t22["horizon"], t22["claim"]) == (
        20e9,
        "Emomali Rahmon",
        "2024-08-09",
        "Soon",
        "t22",
    )
    assert (targets["t23"]["multiplier"], targets["t23"]["within_years"]) == (2.0, 5)
    assert [c["id"] for c in targets["t31-external"]["conflicts"]] == ["c16"]
    assert targets["t31-external"]["scope"] == "external"


# --- through the command line ---------------------------------------------------------------------


def test_history_table_flags_disagreements_side_by_side(invoke: Invoke) -> None:
    lines = _lines(invoke, "trade", "--history")
    assert "Intra-regional trade, as reported" in lines
    start = lines.index("Figures that disagree")
    assert [line.strip() for line in lines[start + 8 : start + 10]] == [
        "2024   11.5 bn USD (Kassym-Jomart Tokayev, 16 November 2025), t26     7.5%   "
        "c12: Regional trade in 2024",
        "10.7 bn USD (Shavkat Mirziyoyev, 16 November 2025), t27",
    ]
    assert "Other scopes, not part of the series" in lines and "Targets" in lines


def test_history_opens_with_a_text_chart_a_row_a_year(invoke: Invoke) -> None:
    lines = _lines(invoke, "trade", "--history")
    assert lines[0] == "By year, at a glance"
    rows = lines[4:13]
    assert [row.split()[0] for row in rows] == [str(year) for year in range(2016, 2025)]
    # Solid to the lowest figure of 2018 (4.3 of the largest, 12.2: 7 cells of 20), shaded to its highest.
    assert rows[2].split("   ")[1].strip() == "███████░░░░░░░░░░░░░"
    assert rows[2].rstrip().endswith("4.3 bn USD, > 12.2 bn USD")
    assert rows[4].split() == ["2020", "—"]  # a year without a figure is there, empty
    assert rows[8].split("   ")[1].strip() == "█████████████████▌░"  # 10.7 and 11.5 of 12.2


def test_history_table_in_french(invoke: Invoke) -> None:
    lines = _lines(invoke, "--lang", "fr", "trade", "--history")
    start = lines.index("Chiffres en désaccord")
    assert lines[start + 2].split() == ["Année", "Chiffres,", "côte", "à", "côte", "Écart", "Conflit"]
    assert (
        lines[start + 4]
        .strip()
        .startswith("2018   4,3\u00a0Md\u00a0USD (Experts at an ISRS round table, 2019), t7")
    )
    assert "183,7\u202f%" in lines[start + 4]
    row = next(line for line in lines if line.lstrip().startswith("2021 («\u202fl’an dernier\u202f»)"))
    assert "> 8\u00a0Md\u00a0USD   +27\u202f% en 1\u00a0an" in row


def test_history_takes_no_projection_options(invoke: Invoke) -> None:
    for extra in (["--project", "15e9"], ["--base-year", "2020"]):
        result = invoke("trade", "--history", *extra)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "--history lists the reported figures; it takes no --project" in result.stderr


def test_history_fields_and_jsonl(invoke: Invoke) -> None:
    # --fields picks the fields of the claims, the records that CSV prints; the rest is kept.
    picked = json.loads(invoke("trade", "--history", "--json", "--fields", "id,year").stdout)
    assert picked["history"]["claims"][:2] == [{"id": "t1", "year": 2016}, {"id": "t3", "year": 2017}]
    assert picked["history"]["disagreements"][2]["year"] == 2024
    lines = invoke("trade", "--history", "--format", "jsonl", "--fields", "id").stdout.splitlines()
    assert [json.loads(line) for line in lines[:2]] == [{"id": "t1"}, {"id": "t3"}]
    # JSON Lines are the claims of every scope, as CSV: the series' first, then the other scopes.
    assert len(lines) == len(picked["history"]["claims"]) + len(picked["history"]["other_scopes"])


def test_history_csv_is_every_claim_of_every_scope_with_its_addresses(invoke: Invoke) -> None:
    import csv

    from ca_summit.cli.fields import record_fields

    out = invoke("trade", "--history", "--format", "csv").stdout
    rows = list(csv.DictReader(out.splitlines()))
    # The CSV's columns are the claims' JSON keys: what --fields takes.
    fields = record_fields("trade", "history.claims|history.other_scopes")
    assert out.splitlines()[0] == ",".join(fields)
    assert {"scope", "country", "sources"} <= set(fields)
    t6 = next(row for row in rows if row["id"] == "t6")
    assert (t6["year"], t6["value"], t6["growth"], t6["speaker"], t6["stated_on"]) == (
        "2018",
        "12200000000",
        "+35% since 2017",
        "Elyor Ganiyev",
        "2019-03-15",
    )
    assert (t6["differs_from"], t6["qualifier"], t6["conflicts"]) == ("t7", "more_than", "c3")
    # A source is named by its address, in the order the JSON gives them.
    history = json.loads(invoke("trade", "--history", "--json").stdout)["history"]
    claims = history["claims"] + history["other_scopes"]
    json_t6 = next(c for c in claims if c["id"] == "t6")
    assert t6["sources"].split("; ") == [s["url"] for s in json_t6["sources"]]
    assert all(row["sources"].startswith("http") for row in rows)  # every claim cites a source
    # The other scopes are rows too, each with its scope: as many rows as claims in the JSON.
    assert len(rows) == len(claims)
    assert {row["scope"] for row in rows} == {"intra_regional", "country_with_region", "bilateral"}
    assert next(row for row in rows if row["id"] == "t24")["country"] == "UZ"


def test_history_markdown_has_the_addresses_and_scopes(invoke: Invoke) -> None:
    lines = invoke("trade", "--history", "--format", "markdown").stdout.splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert "sources" in header and "scope" in header
    t4 = next(line for line in lines if line.startswith("| t4 |"))
    cells = [cell.strip() for cell in t4.strip("|").split("|")]
    assert cells[header.index("scope")] == "country_with_region"
    assert cells[header.index("sources")].startswith("https://")


def invoke_json_history(invoke: Invoke) -> list[Any]:
    history = json.loads(invoke("trade", "--history", "--json").stdout)["history"]
    return [*history["claims"], *history["other_scopes"]]


# --- --year, --since, --until ----------------------------------------------------------------------


def _years(invoke: Invoke, *args: str) -> dict[str, list[Any]]:
    history = json.loads(invoke("trade", "--history", "--json", *args).stdout)["history"]
    return {key: history[key] for key in ("claims", "other_scopes", "targets", "disagreements")}


def test_year_keeps_the_figures_that_refer_to_that_year(invoke: Invoke) -> None:
    found = _years(invoke, "--year", "2024")
    assert [c["id"] for c in found["claims"]] == ["t26", "t27"]
    assert [c["id"] for c in found["other_scopes"]] == ["t24", "t25"]
    assert [g["year"] for g in found["disagreements"]] == [2024]
    assert found["targets"] == []  # no target of the data names a year


def test_since_and_until_are_inclusive_bounds(invoke: Invoke) -> None:
    assert [c["year"] for c in _years(invoke, "--since", "2023")["claims"]] == [2023, 2024, 2024]
    assert [c["year"] for c in _years(invoke, "--until", "2017")["claims"]] == [2016, 2017]
    both = _years(invoke, "--since", "2018", "--until", "2019")
    assert [c["id"] for c in both["claims"]] == ["t7", "t6", "t8"]
    assert [c["id"] for c in both["other_scopes"]] == ["e1-trade-uzkz"]
    # Without a filter the figures with no year are there, last.
    assert _years(invoke)["claims"][-1]["year"] is None


def test_a_filter_that_matches_nothing_is_empty_lists_and_one_line(invoke: Invoke) -> None:
    found = _years(invoke, "--year", "2030")
    assert found == {"claims": [], "other_scopes": [], "targets": [], "disagreements": []}
    result = invoke("trade", "--history", "--year", "2030")
    assert (result.exit_code, result.stdout) == (0, "No intra-regional trade figure refers to 2030.\n")
    fr = invoke("trade", "--history", "--since", "2030", "--lang", "fr")
    assert fr.stdout == "Aucun chiffre du commerce intrarégional ne se rapporte à 2030 ou après.\n"
    csv_out = invoke("trade", "--history", "--year", "2030", "--format", "csv").stdout
    assert csv_out.splitlines()[1:] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--history", "--since", "2030", "--until", "2020"), "--since 2030 comes after --until 2020"),
        (("--history", "--year", "2024", "--since", "2020"), "--year is one year; give it alone"),
        (("--year", "2024"), "--year, --since and --until filter --history's figures"),
        (("--history", "--year", "abc"), "Invalid value for '--year'"),
    ],
)
def test_a_malformed_filter_is_a_usage_error(invoke: Invoke, args: tuple[str, ...], message: str) -> None:
    result = invoke("trade", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_plain_trade_has_no_history(invoke_json: Invoke) -> None:
    assert invoke_json("trade")["history"] is None


# --- the projection held against later reports -----------------------------------------------------


def test_the_projection_shows_what_was_reported_later(invoke_json: Invoke) -> None:
    path = invoke_json("trade", "--project", "15e9")["projection"]["path"]
    assert [(p["year"], [(r["claim"], r["value"], r["position"]) for r in p["reported"]]) for p in path] == [
        (2022, []),
        (2023, [("t17", 11e9, "below")]),
        (2024, [("t26", 11.5e9, "below"), ("t27", 10.7e9, "below")]),
        (2025, []),
    ]
    t27 = path[2]["reported"][1]
    assert (t27["speaker"], t27["stated_on"], t27["meeting"], t27["year_basis"]) == (
        "Shavkat Mirziyoyev",
        "2025-11-16",
        7,
        "stated",
    )
    assert [(s["publisher"], s["published"]) for s in t27["sources"]] == [("Kun.uz", "2025-11-17")]


def test_reported_later_table(invoke: Invoke) -> None:
    lines = _lines(invoke, "trade", "--project", "15e9")
    start = lines.index("Reported later")
    assert lines[start + 2].split() == [
        "Year",
        "Path",
        "Reported",
        "Against",
        "the",
        "path",
        "Stated",
        "by",
        "Sources",
    ]
    assert lines[start + 4].split()[:9] == ["2023", "≥", "11.92", "bn", "USD", "11.00", "bn", "USD", "below"]
    fr = _lines(invoke, "--lang", "fr", "trade", "--project", "15e9")
    start = fr.index("Rapporté depuis")
    assert "en dessous" in fr[start + 4]


def test_a_lone_data_file_is_its_own_series(invoke_json: Invoke, tmp_path: Path) -> None:
    from ca_summit.resources import bundled_path

    path = tmp_path / "summit.yaml"
    path.write_text(bundled_path().read_text(encoding="utf-8"), encoding="utf-8")
    projected = invoke_json("--data", str(path), "trade", "--project", "15e9")["projection"]["path"]
    assert [p["reported"] for p in projected] == [[], [], [], []]
    history = invoke_json("--data", str(path), "trade", "--history")["history"]
    assert [c["id"] for c in history["claims"]] == ["t15", "t14", "t16"]


@pytest.mark.parametrize(
    ("reported", "qualifier", "path", "bound", "approximate", "expected"),
    [
        (10.7, "exact", 13.41, "lower", False, "below"),  # under a lower bound: the pace did not hold
        (14.0, "exact", 13.41, "lower", False, "within"),
        (14.0, "exact", 13.41, "upper", False, "above"),
        (13.0, "exact", 13.41, "upper", False, "within"),
        (13.41, "exact", 13.41, None, False, "within"),
        (13.0, "exact", 13.41, None, False, "below"),
        (13.0, "exact", 13.41, None, True, "within"),  # ≈: within 5 %
        (12.0, "more_than", 13.41, "lower", False, "undetermined"),  # > 12 may or may not reach it
        (14.0, "more_than", 13.41, "lower", False, "within"),
        (12.0, "up_to", 13.41, "lower", False, "below"),
        (14.0, "at_least", 13.41, None, False, "above"),
    ],
)
def test_position_against_a_bounded_path_value(
    reported: float, qualifier: str, path: float, bound: Any, approximate: bool, expected: str
) -> None:
    assert position(reported, qualifier, path, bound, approximate) == expected


def test_a_folder_of_meetings_is_the_series(invoke_json: Invoke, tmp_path: Path) -> None:
    from ca_summit.corpus.files import data_files, data_path
    from ca_summit.resources import bundled_path

    # The bundled data files, flat in one folder, the article under a name of its own: names mean nothing.
    for path in data_files(data_path()):
        name = "2023-dushanbe.yaml" if path == bundled_path() else path.name
        (tmp_path / name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    history = invoke_json("--data", str(tmp_path), "trade", "--history")["history"]
    assert [g["year"] for g in history["disagreements"]] == [2018, 2021, 2024]
    path = invoke_json("--data", str(tmp_path), "trade", "--project", "15e9")["projection"]["path"]
    assert [[r["claim"] for r in p["reported"]] for p in path] == [[], ["t17"], ["t26", "t27"], []]


# --- the verdict: what happened to the path ------------------------------------------------------------


def test_the_verdict_is_the_latest_reported_year_against_the_path(invoke: Invoke) -> None:
    p = json.loads(invoke("trade", "--project", "15e9", "--json").stdout)["projection"]
    assert p["verdict"] == {
        "status": "below_path",
        "year": 2024,
        "claims": ["t26", "t27"],
        "reported_min": 10.7e9,
        "reported_max": 11.5e9,
        "path_value": p["path"][2]["value"],
        "path_bound": "lower",
        "path_approximate": False,
        "target_reached": False,
    }
    lines = _lines(invoke, "trade", "--project", "15e9")
    (line,) = [line.strip() for line in lines if line.strip().startswith("Against the reports")]
    assert line.split("  ")[-1].strip() == (
        "not reached: 2024 reported 10.7–11.5 bn USD, below the path's ≥ 13.41 bn USD"
    )
    # At 1 % a year the path's 10.81 bn for 2024 lies between the two figures; at 0.1 %, under both.
    slow = json.loads(invoke("trade", "-p", "15e9", "-r", "1%", "--json").stdout)["projection"]["verdict"]
    assert (slow["status"], slow["year"], slow["target_reached"]) == ("mixed", 2024, False)
    slower = json.loads(invoke("trade", "-p", "15e9", "-r", "0.1%", "--json").stdout)["projection"]
    assert (slower["verdict"]["status"], slower["verdict"]["target_reached"]) == ("above_path", False)
    # A target under what was reported is reached, whatever the path.
    low = json.loads(invoke("trade", "-p", "10.65e9", "-r", "0.1%", "--json").stdout)["projection"]["verdict"]
    assert (low["status"], low["target_reached"]) == ("above_path", True)
    # From a base year with nothing reported after it, no verdict, and a line that says so.
    later = json.loads(invoke("trade", "-p", "15e9", "--base-year", "2025", "--json").stdout)["projection"]
    assert later["verdict"] is None
    lines = _lines(invoke, "trade", "-p", "15e9", "--base-year", "2025")
    assert any(line.endswith("nothing reported yet for 2026–2028") for line in lines)
    # A path that stops at its base year (the calendar's end) has no year to compare: the line says
    # so, never a sentence cut short ("nothing reported yet for").
    for lang, words in (("en", "the path has no year after 9999"), ("fr", "pas d’année après 9999")):
        lines = _lines(invoke, "--lang", lang, "trade", "-p", "15e9", "--base-year", "9999")
        (line,) = [line.strip() for line in lines if "9999" in line and "compar" in line]
        assert line.endswith(words)
