"""`trade`: bounds worded as bounds, the year a target is reached, and every qualifier kept."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_summit.corpus.models import MeetingFile
from ca_summit.errors import SummitError
from ca_summit.queries.trade import RequestProblem, TradeRequest, check_request, trade
from ca_summit.views.trade import present

Invoke = Callable[..., Any]
WIDE = {"COLUMNS": "200"}


def _lines(invoke: Invoke, *args: str) -> list[str]:
    return [line.strip() for line in invoke(*args, env=WIDE).stdout.splitlines()]


def _field(lines: list[str], label: str) -> str:
    (line,) = [line for line in lines if line.startswith(label + "  ")]
    return line[len(label) :].strip()


# --- bounds worded as bounds ----------------------------------------------------------------------


def test_the_reached_year_is_a_latest_year_when_the_rate_is_a_lower_bound(invoke: Invoke) -> None:
    en = _lines(invoke, "trade", "--project", "15e9")
    assert _field(en, "Target on the path") == (
        "the path reaches it by 2025 at the latest (≤ 2.95 years), if the pace held"
    )
    fr = _lines(invoke, "--lang", "fr", "trade", "--project", "15e9")
    assert _field(fr, "Cible sur la trajectoire") == (
        "la trajectoire l’atteint au plus tard en 2025 (≤ 2,95\u00a0ans), si le rythme tenait"
    )
    assert not any("during" in line or "courant" in line for line in en + fr)


def test_a_given_rate_gives_a_plain_year(invoke: Invoke) -> None:
    assert (
        _field(_lines(invoke, "trade", "-p", "15e9", "-r", "5%"), "Target on the path")
        == "the path reaches it during 2030 (7.12 years), if the pace held"
    )
    fr = _lines(invoke, "--lang", "fr", "trade", "-p", "15e9", "-r", "5%")
    assert _field(fr, "Cible sur la trajectoire") == (
        "la trajectoire l’atteint courant 2030 (7,12\u00a0ans), si le rythme tenait"
    )
    assert _field(fr, "Rythme") == "5\u202f%/an (donné par --rate)"


def test_the_rate_row_says_it_carries_the_period_pace_forward(invoke: Invoke) -> None:
    assert (
        _field(_lines(invoke, "trade", "-p", "15e9"), "Rate")
        == "≥ 12.47%/yr (the 2017–2022 pace carried forward)"
    )
    assert (
        _field(_lines(invoke, "trade", "-p", "15e9", "--base-year", "2020"), "Rate")
        == "≥ 12.47%/yr (the 2015–2020 pace carried forward)"
    )
    fr = _lines(invoke, "--lang", "fr", "trade", "-p", "15e9")
    assert _field(fr, "Rythme") == "≥ 12,47\u202f%/an (le rythme de 2017–2022, prolongé)"


def test_path_points_carry_their_bound(invoke: Invoke, invoke_json: Invoke) -> None:
    path = invoke_json("trade", "-p", "15e9")["projection"]["path"]
    assert [(p["year"], p["bound"], p["approximate"]) for p in path] == [
        (2022, None, False),
        (2023, "lower", False),
        (2024, "lower", False),
        (2025, "lower", False),
    ]
    lines = _lines(invoke, "trade", "-p", "15e9")
    lines = lines[: lines.index("Reported later")]  # the path's own lines
    assert [line for line in lines if line.startswith(("2022 ", "2023 "))] == [
        "2022 (assumed)     10.60 bn USD   ██████████████▏           70.7%",
        "2023   ≥ 11.92 bn USD   ███████████████▉        ≥ 79.5%",
    ]
    # The base year keeps its "(assumed)" wherever it is shown, in the projection as in the path.
    assert _field(lines, "Trade in 2022 (assumed)") == "10.6 bn USD"
    assert "Commerce en 2022 (hypothèse)   10,6\u00a0Md\u00a0USD" in _lines(
        invoke, "--lang", "fr", "trade", "-p", "15e9"
    )
    given = _lines(invoke, "trade", "-p", "15e9", "--base-year", "2023")
    assert _field(given, "Trade in 2023 (given)") == "10.6 bn USD"
    assert "≥ at least: the path grows from lower bounds." in lines
    fr = _lines(invoke, "--lang", "fr", "trade", "-p", "15e9")
    assert "2025   ≥ 15,08\u00a0Md\u00a0USD   ████████████████████   ≥ 100,5\u202f%" in fr
    assert "≥ au moins\u202f: la trajectoire part de minimums." in fr


def test_a_given_rate_leaves_the_path_unbounded(invoke: Invoke, invoke_json: Invoke) -> None:
    path = invoke_json("trade", "-p", "15e9", "-r", "5%")["projection"]["path"]
    assert {p["bound"] for p in path} == {None}
    assert not any(line.startswith("≥") for line in _lines(invoke, "trade", "-p", "15e9", "-r", "5%"))


def test_the_path_csv_and_markdown_carry_the_bound(invoke: Invoke) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("trade", "-p", "15e9", "-f", "csv").stdout)))
    assert [(r["year"], r["bound"], r["approximate"]) for r in rows] == [
        ("2022", "", "false"),
        ("2023", "lower", "false"),
        ("2024", "lower", "false"),
        ("2025", "lower", "false"),
    ]
    md = invoke("trade", "-p", "15e9", "-f", "markdown").stdout.splitlines()
    assert md[0] == "| year | value | progress | bound | approximate | reported |"
    assert md[3].startswith("| 2023 | 11922308799.30") and " | lower | false | claim: t17," in md[3]


def test_the_basis_says_the_year_is_assumed(invoke: Invoke, invoke_json: Invoke) -> None:
    bases = {m["id"]: m["basis"] for m in invoke_json("trade")["metrics"]}
    assert bases["intra-regional-trade"] == "stated; year 2022 (assumed)"
    assert bases["intra-regional-trade-growth"] == "stated; 2017–2022 (assumed)"
    given = {m["id"]: m["basis"] for m in invoke_json("trade", "--base-year", "2022")["metrics"]}
    assert given["intra-regional-trade"] == "stated; year 2022 (given)"
    fr = json.loads(invoke("--lang", "fr", "trade", "--json").stdout)["metrics"][0]["basis"]
    assert fr == "chiffre de l’article; année 2022 (hypothèse)"


def test_a_year_the_data_states_is_not_assumed(
    invoke_json: Invoke, write: Callable[..., Path], bundled_text: str
) -> None:
    text = _one(bundled_text, "  base_year_assumption: base-year\n", "")
    view = invoke_json("--data", str(write(text)), "trade")
    assert view["base_year_assumed"] is False
    assert view["metrics"][0]["basis"] == "stated; year 2022"


# --- numbers --------------------------------------------------------------------------------------


def test_a_target_barely_above_today_is_reached_the_next_year(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "--project", "10600000001")["projection"]
    assert p["projected_status"] == "reaches_target" and p["target_year"] == 2023
    assert p["path"][0]["value"] < 10600000001 <= p["path"][1]["value"]


def test_a_target_on_a_path_value_is_reached_in_that_year(invoke_json: Invoke) -> None:
    # 10.6 bn at 10 % is 11.66 bn after a year: typed, it is reached that year, not the next.
    assert invoke_json("trade", "-p", "11.66e9", "-r", "10%")["projection"]["target_year"] == 2023
    assert invoke_json("trade", "-p", "13.78e9", "-r", "30%")["projection"]["target_year"] == 2023
    path = invoke_json("trade", "-p", "15e9", "-r", "10%")["projection"]["path"]
    on_2024 = path[2]["value"]
    assert invoke_json("trade", "-p", repr(on_2024), "-r", "10%")["projection"]["target_year"] == 2024
    above = math.nextafter(on_2024, math.inf)
    assert invoke_json("trade", "-p", repr(above), "-r", "10%")["projection"]["target_year"] == 2025


def test_a_positive_rate_is_never_never_reached(invoke: Invoke) -> None:
    result = invoke("trade", "-p", "15e9", "-r", "1e-320", "--json")
    p = json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))["projection"]
    assert (
        p["projected_status"] == "beyond_horizon"
        and p["target_year"] is None
        and p["years_to_target"] is None
    )
    assert len(p["path"]) == 101 and p["path_truncated"] is True
    assert _field(_lines(invoke, "trade", "-p", "15e9", "-r", "1e-320"), "Target on the path") == (
        "after the year 9999 at this rate"
    )


# --- qualifiers reach the projection ----------------------------------------------------------------


def _one(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture
def about_rate(write: Callable[..., Path], bundled_text: str) -> str:
    return str(
        write(
            _one(
                bundled_text, "    rate: 0.8\n    qualifier: more_than", "    rate: 0.8\n    qualifier: about"
            )
        )
    )


@pytest.fixture
def more_than_current(write: Callable[..., Path], bundled_text: str) -> str:
    old = "amount: 10600000000\n    qualifier: stated"
    return str(write(_one(bundled_text, old, "amount: 10600000000\n    qualifier: more_than")))


def test_an_approximate_rate_reaches_the_projection(
    invoke: Invoke, invoke_json: Invoke, about_rate: str
) -> None:
    p = invoke_json("--data", about_rate, "trade", "-p", "15e9")["projection"]
    assert (p["rate_bound"], p["rate_approximate"]) == (None, True)
    assert (p["years_bound"], p["years_approximate"]) == (None, True)
    assert [(s["bound"], s["approximate"]) for s in p["path"]] == [(None, False)] + [(None, True)] * 3
    lines = _lines(invoke, "--data", about_rate, "trade", "-p", "15e9")
    assert _field(lines, "Rate") == "≈ 12.47%/yr (the 2017–2022 pace carried forward)"
    assert (
        _field(lines, "Target on the path")
        == "the path reaches it around 2025 (≈ 2.95 years), if the pace held"
    )
    assert "2023   ≈ 11.92 bn USD   ███████████████▉        ≈ 79.5%" in lines
    assert _field(lines, "growth of intra-regional trade") == "≈ 80%   stated; 2017–2022 (assumed)"
    fr = _lines(invoke, "--data", about_rate, "--lang", "fr", "trade", "-p", "15e9")
    assert _field(fr, "Cible sur la trajectoire") == (
        "la trajectoire l’atteint vers 2025 (≈ 2,95\u00a0ans), si le rythme tenait"
    )
    assert "≈ environ\u202f: la trajectoire part de chiffres approchés." in fr
    assert "≈ about: the path grows from approximate figures." in lines
    rows = list(
        csv.DictReader(io.StringIO(invoke("--data", about_rate, "trade", "-p", "15e9", "-f", "csv").stdout))
    )
    assert [r["approximate"] for r in rows] == ["false", "true", "true", "true"]


def test_a_lower_bound_on_the_current_figure_reaches_the_projection(
    invoke: Invoke, invoke_json: Invoke, more_than_current: str
) -> None:
    p = invoke_json("--data", more_than_current, "trade", "-p", "15e9", "--by", "2030")["projection"]
    assert (p["current_qualifier"], p["current_bound"], p["current_approximate"]) == (
        "more_than",
        "lower",
        False,
    )
    assert p["growth_needed_bound"] == "upper" and p["required_rate_bound"] == "upper"
    assert p["years_bound"] == "upper"
    assert {s["bound"] for s in p["path"]} == {"lower"}  # from the first year: the figure itself
    lines = _lines(invoke, "--data", more_than_current, "trade", "-p", "15e9", "--by", "2030")
    assert _field(lines, "Trade in 2022 (assumed)") == "> 10.6 bn USD"
    assert _field(lines, "Growth needed") == "≤ +41.5%"
    assert _field(lines, "Rate needed by 2030") == "≤ 4.44%/yr"
    assert "2022 (assumed)   ≥ 10.60 bn USD   ██████████████▏         ≥ 70.7%" in lines
    metrics = list(
        csv.DictReader(io.StringIO(invoke("--data", more_than_current, "trade", "-f", "csv").stdout))
    )
    assert (metrics[0]["qualifier"], metrics[0]["bound"]) == ("more_than", "lower")


def test_bounds_that_pull_both_ways_leave_an_approximate_value(
    invoke: Invoke, invoke_json: Invoke, write: Callable[..., Path], bundled_text: str
) -> None:
    text = _one(
        bundled_text,
        "amount: 10600000000\n    qualifier: stated",
        "amount: 10600000000\n    qualifier: less_than",
    )
    path = str(write(text))
    p = invoke_json("--data", path, "trade", "-p", "15e9")["projection"]
    # A current figure at most 10.6 bn and a rate at least 12.47 %: the years are neither bound.
    assert (p["years_bound"], p["years_approximate"]) == (None, True)
    assert (p["path"][0]["bound"], p["path"][1]["bound"], p["path"][1]["approximate"]) == (
        "upper",
        None,
        True,
    )


# --- the query's interface -------------------------------------------------------------------------


def test_check_request_names_fields_and_the_caller_words_them(summit: MeetingFile) -> None:
    problem = check_request(summit, TradeRequest(by_year=2030))
    assert problem == RequestProblem("needs_target", 2022, 2030, 5)
    assert problem.describe() == "rate and by_year need a target (target)"
    late = check_request(summit, TradeRequest(target=15e9, by_year=2022))
    assert late is not None
    assert late.describe({"by_year": "--by"}) == "--by 2022 must come after the base year 2022"
    early = check_request(summit, TradeRequest(base_year=4))
    assert (
        early is not None and early.describe() == "base year 4 leaves no room for the 5-year period before it"
    )
    assert check_request(summit, TradeRequest(target=15e9, by_year=2023)) is None


def test_the_query_refuses_an_unchecked_request_as_a_usage_error(summit: MeetingFile) -> None:
    with pytest.raises(SummitError) as caught:
        trade(summit, TradeRequest(rate=0.05))
    assert caught.value.exit_code == 2
    assert caught.value.message == "rate and by_year need a target (target)"


def test_the_result_is_not_worded_until_presented(summit: MeetingFile) -> None:
    result = trade(summit, TradeRequest(target=15e9))
    assert result.base_year_source == "assumed"
    assert result.projection is not None and result.projection.target_year == 2025
    en, fr = present(result, "en"), present(result, "fr")
    assert en.metrics[0].label == "intra-regional trade" and fr.metrics[0].label == "commerce intrarégional"
    assert en.model_dump()["projection"] == fr.model_dump()["projection"]


# --- properties of the projection ----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    target=st.floats(min_value=0.01, max_value=1e18),
    rate=st.one_of(st.none(), st.floats(min_value=5e-324, max_value=1e6)),
    base_year=st.one_of(st.none(), st.integers(min_value=6, max_value=9999)),
)
def test_the_target_year_is_the_first_path_year_at_or_above_the_target(
    summit: MeetingFile, target: float, rate: float | None, base_year: int | None
) -> None:
    p = trade(summit, TradeRequest(target, rate, None, base_year)).projection
    assert p is not None
    assert p.status != "never_reached"  # the implied rate and every given one here are positive
    values = {step.year: step.value.value for step in p.path}
    if p.status in ("reached", "already_reached"):
        assert p.target_year is not None
        if p.target_year <= p.base_year + 100:  # the path shows at most 100 years
            assert p.path[-1].year == p.target_year and values[p.target_year] >= target
            assert not p.path_truncated
        else:
            assert p.path_truncated and len(p.path) == 101
        assert all(value < target for year, value in values.items() if year < p.target_year)
    else:
        assert p.target_year is None and all(value < target for value in values.values())
        assert p.path_truncated  # the target lies past the path, cut at 100 years or at 9999


@pytest.mark.parametrize("base_year", ["9998", "9999"])
def test_a_path_cut_by_the_calendar_says_so(invoke: Invoke, base_year: str) -> None:
    """The path stops at 9999 short of the target: that is a shortened path, worded without a
    contradiction (it was "not before the year 9999 … perhaps sooner", path_truncated false)."""
    p = json.loads(invoke("trade", "--project", "15e9", "--base-year", base_year, "--json").stdout)[
        "projection"
    ]
    assert (p["projected_status"], p["target_year"], p["path"][-1]["year"]) == ("beyond_horizon", None, 9999)
    assert p["path_truncated"] is True
    lines = _lines(invoke, "trade", "--project", "15e9", "--base-year", base_year)
    assert (
        _field(lines, "Target on the path")
        == "after the year 9999 at these figures, which are lower bounds: perhaps sooner"
    )
    assert (
        "Path shortened: at most 100 years, none after 9999, and no further than finite numbers go." in lines
    )


def test_a_path_that_reaches_the_target_in_9999_is_whole(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "--project", "11e9", "--rate", "5%", "--base-year", "9998")["projection"]
    assert (p["projected_status"], p["target_year"], [s["year"] for s in p["path"]]) == (
        "reaches_target",
        9999,
        [9998, 9999],
    )
    assert p["path_truncated"] is False


def test_a_path_cut_where_values_overflow_says_so(invoke_json: Invoke) -> None:
    # --by asks for the path to 2120; at 100,000,000 % a year, values pass floats after 2071.
    p = invoke_json("trade", "--project", "15e9", "--rate", "1e6", "--by", "2120")["projection"]
    assert (p["projected_status"], p["target_year"], p["path"][-1]["year"]) == ("reaches_target", 2023, 2071)
    assert p["path_truncated"] is True


def test_a_bounded_figure_leaves_beyond_and_never_open(invoke: Invoke, more_than_current: str) -> None:
    beyond = _lines(invoke, "--data", more_than_current, "trade", "-p", "1e18", "-r", "1e-9")
    assert _field(beyond, "Target on the path") == (
        "after the year 9999 at these figures, which are lower bounds: perhaps sooner"
    )
    tiny = _lines(invoke, "--data", more_than_current, "--lang", "fr", "trade", "-p", "15e9", "-r", "1e-320")
    assert _field(tiny, "Cible sur la trajectoire") == (
        "après l’an 9999 avec ces chiffres, qui sont des minimums\u202f: peut-être plus tôt"
    )
    never = _lines(invoke, "--data", more_than_current, "trade", "-p", "15e9", "-r", "0")
    assert _field(never, "Target on the path") == "not reached at these figures, which are lower bounds"
    assert (
        _field(_lines(invoke, "trade", "-p", "15e9", "-r", "0"), "Target on the path")
        == "never reached at this rate"
    )


def test_a_projection_starts_from_a_reported_figure_with_its_qualifier(invoke: Any) -> None:
    p = json.loads(invoke("trade", "--project", "15e9", "--from", "t26", "--json").stdout)["projection"]
    assert (p["start_claim"], p["base_year"], p["base_year_basis"]) == ("t26", 2024, "reported")
    assert (p["current"], p["current_bound"], p["current_approximate"]) == (11.5e9, None, False)
    assert p["path"][0]["year"] == 2024 and p["path"][0]["value"] == 11.5e9
    lower = json.loads(invoke("trade", "--project", "15e9", "--from", "t6", "--json").stdout)["projection"]
    assert (lower["base_year"], lower["current_bound"], lower["current_qualifier"]) == (
        2018,
        "lower",
        "more_than",
    )
    table = invoke("trade", "--project", "15e9", "--from", "t26", env={"COLUMNS": "120"}).stdout
    assert "Trade in 2024 (reported, t26)" in table
    article = json.loads(invoke("trade", "--project", "15e9", "--json").stdout)["projection"]
    assert (article["start_claim"], article["base_year_basis"]) == (None, "assumed")


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ("t8", "it covers part of a year (January–September)"),
        ("t24", "it is a figure of country with region trade, not the region's trade"),
        ("t12", "it gives a growth, not a value"),
        ("t5", "the year it refers to is not stated"),
    ],
)
def test_a_figure_that_cannot_start_a_path_is_refused_saying_why(invoke: Any, claim: str, why: str) -> None:
    result = invoke("trade", "--project", "15e9", "--from", claim)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"ca-summit: error: --from {claim}: {why}; a projection starts from a year's whole trade\n"
    )


def test_an_unknown_claim_or_a_from_without_a_projection_is_a_usage_error(invoke: Any) -> None:
    unknown = invoke("trade", "--project", "15e9", "--from", "t99")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "ca-summit: error: no trade claim 't99'; the closest: t9, t29, t19 "
        "(see 'ca-summit trade --history')\n",
    )
    for args in (["--from", "t26"], ["-p", "15e9", "--from", "t26", "--base-year", "2020"]):
        assert invoke("trade", *args).exit_code == 2


def test_a_folder_is_read_once_a_run_however_often_the_command_asks(
    invoke: Any, bundled_copy: Any, files_read: list[str]
) -> None:
    # --from looks its claim up in the corpus, and the projection reads the corpus again.
    result = invoke("trade", "-p", "15e9", "--from", "t26", "--data", str(bundled_copy), "--json")
    assert result.exit_code == 0, result.stderr
    meetings = [name for name in files_read if name.endswith(".yaml") and name != "entities.yaml"]
    assert sorted(meetings) == sorted(
        p.name for p in bundled_copy.rglob("*.yaml") if p.name != "entities.yaml"
    )
