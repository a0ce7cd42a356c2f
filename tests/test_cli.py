"""Each command's behaviour, in-process through Typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.resources import bundled_path

from conftest import MINIMAL

Invoke = Callable[..., Any]

AREA_TITLES = [
    "Increasing trade flows",
    "Industrial cooperation",
    "Logistics and transport",
    "Digital transformation",
    "Cultural and humanitarian cooperation",
    "The information space",
]


def test_areas_table(invoke: Invoke) -> None:
    result = invoke("areas", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for title in AREA_TITLES:
        assert title in result.stdout
    assert "Kazakhstan (Astana)" in result.stdout
    assert "Kassym-Jomart Tokayev" in result.stdout


def test_areas_json(invoke_json: Invoke) -> None:
    areas = invoke_json("areas")
    assert [a["title"] for a in areas] == AREA_TITLES
    assert [a["number"] for a in areas] == [1, 2, 3, 4, 5, 6]
    assert [a["is_new"] for a in areas] == [None, None, None, None, None, True]
    assert areas[5]["is_new_quote"] == "enfin, et c’est une nouveauté"
    points = [
        (p["id"], p["is_new"], p["is_new_quote"])
        for a in areas
        for p in a["points"]
        if p["is_new"] is not None
    ]
    assert points == [("press-agencies-cooperation", True, "enfin, et c’est une nouveauté")]
    industrial = areas[1]
    assert industrial["by"] == [{"id": "KZ", "name": "Kazakhstan", "as_written": "Astana"}]
    assert industrial["points"][0]["kind"] == "proposal"
    assert industrial["points"][0]["quote"].startswith("Astana a proposé un vaste plan d’action")
    assert list(areas[0]) == [
        "id",
        "number",
        "title",
        "summary",
        "by",
        "is_new",
        "is_new_quote",
        "points",
        "quote",
    ]


def test_areas_in_french(invoke: Invoke) -> None:
    result = invoke("--lang", "fr", "areas", "--json")
    titles = [a["title"] for a in json.loads(result.stdout)]
    assert titles[0] == "L’augmentation des flux commerciaux"
    # the command's own --lang works too, and wins over the root's
    again = invoke("--lang", "en", "areas", "--lang", "fr", "--json")
    assert json.loads(again.stdout)[0]["title"] == "L’augmentation des flux commerciaux"


def test_lang_from_the_environment(invoke: Invoke) -> None:
    result = invoke("areas", "--json", env={"CA_SUMMIT_LANG": "fr"})
    assert json.loads(result.stdout)[5]["title"] == "L’espace informationnel"
    table = invoke("areas", env={"CA_SUMMIT_LANG": "fr", "COLUMNS": "200"})
    assert "Domaines de coopération" in table.stdout


def _metrics(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in view["metrics"]}


def test_trade_metrics(invoke_json: Invoke) -> None:
    view = invoke_json("trade")
    assert view["projection"] is None
    assert view["base_year"] == 2022 and view["base_year_assumed"] is True
    assert view["period"] == {"start_year": 2017, "end_year": 2022, "years": 5}
    m = _metrics(view)
    assert m["intra-regional-trade"]["value"] == 10_600_000_000
    assert m["intra-regional-trade-growth"] | {"quote": None, "label": None} == {
        "id": "intra-regional-trade-growth",
        "label": None,
        "value": 0.8,
        "unit": "fraction",
        "bound": "lower",
        "approximate": False,
        "qualifier": "more_than",
        "derived": False,
        "basis": "stated; 2017–2022 (assumed)",
        "quote": None,
    }
    assert round(m["trade-at-period-start"]["value"] / 1e9, 2) == 5.89
    assert m["trade-at-period-start"]["bound"] == "upper"
    assert round(m["implied-annual-growth"]["value"], 4) == 0.1247
    assert m["implied-annual-growth"]["bound"] == "lower"
    assert m["mutual-trade-potential"]["approximate"] is True
    assert m["mutual-trade-potential"]["qualifier"] == "approaching"
    assert round(m["growth-to-potential"]["value"], 3) == 0.415
    assert m["growth-to-potential"]["approximate"] is True
    assert [a["id"] for a in view["assumptions"]] == ["base-year", "dollars-are-usd", "potential-is-a-level"]


def test_trade_table_shows_qualifiers(invoke: Invoke) -> None:
    out = invoke("trade", env={"COLUMNS": "200"}).stdout
    for text in (
        "10.6 bn USD",
        "> 80%",
        "≤ 5.89 bn USD",
        "≥ 12.47%/yr",
        "≈ 15 bn USD",
        "≈ +41.5%",
        "Assumption: The article does not say which",
    ):
        assert text in out


def test_project_fifteen_billion(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "--project", "15e9")["projection"]
    assert round(p["years_to_target"], 2) == 2.95
    assert p["years_bound"] == "upper" and p["rate_bound"] == "lower"
    assert (
        p["target_year"] == 2025
        and p["projected_status"] == "reaches_target"
        and p["already_reached"] is False
    )
    assert p["rate_source"] == "implied"
    assert round(p["growth_needed"], 3) == 0.415
    assert [step["year"] for step in p["path"]] == [2022, 2023, 2024, 2025]
    assert p["path"][0] == {
        "year": 2022,
        "value": 10_600_000_000,
        "progress": pytest.approx(10.6 / 15),
        "bound": None,
        "approximate": False,
        "reported": [],  # the base year is projected from, not a projection
    }
    assert p["path"][-1]["value"] >= 15e9 > p["path"][-2]["value"]


def test_project_table_has_bars(invoke: Invoke) -> None:
    out = invoke("trade", "--project", "15e9", env={"COLUMNS": "200"}).stdout
    assert "the path reaches it by 2025 at the latest (≤ 2.95 years), if the pace held" in out
    assert "██████████████▏" in out  # 2022: 70.7 % of the way
    assert "████████████████████" in out  # 2025: there


def test_required_rate_by_year(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "--project", "15bn", "--by", "2030")["projection"]
    assert round(p["required_rate"], 4) == 0.0444
    assert p["path"][-1]["year"] == 2030


def test_given_rate(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "-p", "15 milliards", "--rate", "5%")["projection"]
    assert p["rate"] == 0.05 and p["rate_source"] == "given" and p["rate_bound"] is None
    assert p["years_bound"] is None
    assert p["target_year"] == 2030  # 10.6 × 1.05^8 = 15.66 ≥ 15 > 10.6 × 1.05^7


def test_never_reached(invoke: Invoke, invoke_json: Invoke) -> None:
    p = invoke_json("trade", "-p", "15e9", "-r", "-2%")["projection"]
    assert p["projected_status"] == "never_reaches"
    assert p["years_to_target"] is None and p["target_year"] is None
    assert len(p["path"]) == 11
    assert "never reached at this rate" in invoke("trade", "-p", "15e9", "-r", "0").stdout


def test_already_reached(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "-p", "10e9")["projection"]
    assert p["already_reached"] is True and p["projected_status"] == "already_reached"
    assert p["years_to_target"] == 0 and p["target_year"] == 2022


def test_beyond_the_year_9999(invoke_json: Invoke) -> None:
    p = invoke_json("trade", "-p", "1e18", "-r", "1e-9")["projection"]
    assert p["projected_status"] == "beyond_horizon" and p["target_year"] is None
    assert p["years_to_target"] > 1e9
    assert len(p["path"]) == 101 and p["path_truncated"] is True


def test_base_year(invoke_json: Invoke) -> None:
    view = invoke_json("trade", "--base-year", "2023", "-p", "15e9")
    assert view["base_year_assumed"] is False
    assert view["period"]["start_year"] == 2018
    assert "base-year" not in [a["id"] for a in view["assumptions"]]
    assert view["projection"]["target_year"] == 2026


def test_csv_of_the_path(invoke: Invoke) -> None:
    out = invoke("trade", "-p", "15e9", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["year"] for r in rows] == ["2022", "2023", "2024", "2025"]
    assert float(rows[0]["value"]) == 10_600_000_000
    assert rows[0]["value"] == "10600000000"


def test_csv_and_markdown_of_areas(invoke: Invoke) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("areas", "-f", "csv").stdout)))
    assert [r["title"] for r in rows] == AREA_TITLES
    assert rows[5]["is_new"] == "true" and rows[0]["is_new"] == ""
    assert rows[0]["number"] == "1"
    md = invoke("areas", "--format", "markdown", "--fields", "number,title,is_new").stdout.splitlines()
    assert md[0] == "| number | title | is_new |"
    assert md[1] == "|---:|---|---|"
    assert len(md) == 8


def test_summary(invoke_json: Invoke, invoke: Invoke) -> None:
    view = invoke_json("summary")
    assert view["meeting"]["date"] == "2023-09-14" and view["meeting"]["edition"] == 5
    assert list(view["meeting"]) == ["name", "edition", "date", "quote"]
    assert [p["id"] for p in view["participants"]] == ["KZ", "UZ", "TM", "KG", "TJ"]
    assert [f["id"] for f in view["figures"]] == [
        "intra-regional-trade",
        "intra-regional-trade-growth",
        "mutual-trade-potential",
    ]
    assert len(view["areas"]) == 6
    fr = invoke("--lang", "fr", "summary", env={"COLUMNS": "200"}).stdout
    assert "La réunion en bref" in fr and "10,6\u00a0Md\u00a0USD" in fr and "Orateur" not in fr


def test_facts_cite_their_source(invoke_json: Invoke) -> None:
    facts = invoke_json("facts")
    assert len({f["id"] for f in facts}) == len(facts)
    assert all(f["quote"] for f in facts)
    kinds = {f["kind"] for f in facts}
    assert {"meeting", "participant", "person", "figure", "area", "statement", "proposal", "quote"} <= kinds


def test_facts_filters(invoke_json: Invoke) -> None:
    info = invoke_json("facts", "--area", "information-space")
    assert [f["id"] for f in info] == [
        "information-space",
        "information-space-is-new",
        "press-agencies-cooperation",
        "press-agencies-cooperation-is-new",
    ]
    (novelty,) = [f for f in info if f["id"] == "press-agencies-cooperation-is-new"]
    assert (novelty["kind"], novelty["by"], novelty["quote"]) == (
        "observation",
        [],
        "enfin, et c’est une nouveauté",
    )
    assert novelty["text"] == "Cooperation between news agencies: new"
    proposals = invoke_json("facts", "--kind", "proposal")
    assert [f["id"] for f in proposals] == ["industrial-action-plan"]
    both = invoke_json("facts", "--kind", "advocacy", "--area", "digital-transformation")
    assert [(f["id"], f["by"]) for f in both] == [("digital-collaboration", ["KZ"])]
    figures = invoke_json("facts", "--kind", "figure")
    assert [(f["id"], f["by"]) for f in figures] == [
        ("intra-regional-trade", ["tokayev"]),
        ("mutual-trade-potential", ["KZ", "UZ", "TM", "KG", "TJ"]),
        ("intra-regional-trade-growth", ["tokayev"]),
    ]


def test_quotes(invoke_json: Invoke) -> None:
    quotes = invoke_json("quotes")
    assert [(q["speaker"]["id"], q["french"]) for q in quotes] == [
        ("tokayev", "avantages mutuels"),
        ("KZ", "la prochaine décennie sera cruciale"),
        ("KZ", "de la manière dont ces nations saisiront cette opportunité historique"),
    ]
    assert quotes[1]["speaker"]["as_written"] == "Astana"
    assert quotes[1]["english"] == "the next decade will be crucial"


def test_countries(invoke_json: Invoke) -> None:
    countries = invoke_json("countries")
    assert [(c["code"], c["name_en"], c["name_fr"]) for c in countries] == [
        ("KZ", "Kazakhstan", "Kazakhstan"),
        ("UZ", "Uzbekistan", "Ouzbékistan"),
        ("TM", "Turkmenistan", "Turkménistan"),
        ("KG", "Kyrgyzstan", "Kirghizistan"),
        ("TJ", "Tajikistan", "Tadjikistan"),
    ]
    said = {c["code"]: [s["id"] for s in c["said"]] for c in countries}
    assert "industrial-action-plan" in said["KZ"] and "press-agencies-cooperation" in said["KZ"]
    assert "betting-on-digital" in said["KZ"]  # "et en particulier le Kazakhstan"
    about_all_five = [
        "mutual-trade-potential",
        "kazakhstan-commitment",  # « l’ensemble des pays de la région »
        "taking-the-pulse",  # « les cinq pays de la zone »
        "trade-potential-estimate",
        "betting-on-digital",  # « les différents pays de la région »
        "press-agencies-cooperation",  # « les agences de presse des cinq pays »
    ]
    assert said["UZ"] == said["TM"] == said["KG"] == said["TJ"] == about_all_five


@pytest.mark.parametrize("query", ["tokaiev", "TOKAÏEV", "Tokayev", "tokaïev", "  Tokaev "])
def test_search_finds_tokayev_however_spelled(invoke_json: Invoke, query: str) -> None:
    hits = invoke_json("search", query)
    assert "tokayev" in [h["id"] for h in hits]


def test_search_reports_where_and_what(invoke_json: Invoke) -> None:
    (hit,) = invoke_json("search", "transcaspienne")
    assert hit["id"] == "trans-caspian-route" and hit["area"] == "logistics-transport"
    assert hit["field"] == "text_fr" and "transcaspienne" in hit["snippet"]


def test_search_across_languages_and_quotes(invoke_json: Invoke) -> None:
    assert {h["id"] for h in invoke_json("search", "news agencies")} >= {"press-agencies-cooperation"}
    assert [h["field"] for h in invoke_json("search", "rendez vous")] == ["quote"]


def test_search_without_hits_is_not_an_error(invoke: Invoke) -> None:
    result = invoke("search", "zzz-nothing", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert invoke("search", "zzz-nothing").stdout == "No match for 'zzz-nothing'.\n"


def test_validate_bundled(invoke: Invoke) -> None:
    result = invoke("validate", env={"COLUMNS": "300"})
    assert result.exit_code == 0
    data = bundled_path()
    assert result.stdout == (
        f"{data}: valid\n"
        f"{data}: note: quotes not checked: the source 000_27d775fb22bdf83e.txt"
        " is not next to the data file\n"
    )


def test_validate_reports_every_problem(invoke: Invoke, write: Callable[..., Path]) -> None:
    path = write(MINIMAL.replace("edition: 6", "edition: six").replace("code: KZ", "code: kz"))
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:5:12: meeting.edition: Input should be a valid integer; write a whole number without quotes",
        f"{path}:9:12: participants.0.code: String should match pattern '^[A-Z]{{2}}$'",
    ]
    report = json.loads(invoke("validate", str(path), "--json").stdout)
    assert report["valid"] is False
    assert [(p["line"], p["column"], p["field"]) for p in report["problems"]] == [
        (5, 12, "meeting.edition"),
        (9, 12, "participants.0.code"),
    ]


def test_validate_reports_references_beside_structure_problems(
    invoke: Invoke, write: Callable[..., Path]
) -> None:
    path = write(MINIMAL.replace("by: [KZ]", "by: [XX]").replace("edition: 6", "edition: six"))
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:5:12: meeting.edition: Input should be a valid integer; write a whole number without quotes",
        f"{path}:17:14: areas.0.points.0.by.0: unknown actor 'XX': not a participant code or a person id",
    ]


def test_references_to_a_broken_declaration_are_not_echoed(
    invoke: Invoke, write: Callable[..., Path]
) -> None:
    # The participant's code is what is wrong; 'KZ' in by is not reported as an unknown actor too.
    path = write(MINIMAL.replace("code: KZ", "code: kz"))
    result = invoke("validate", str(path))
    assert result.stdout == f"{path}:9:12: participants.0.code: String should match pattern '^[A-Z]{{2}}$'\n"


def test_data_option_and_variable(invoke: Invoke, write: Callable[..., Path]) -> None:
    mine = write(MINIMAL)
    other = write(MINIMAL.replace("edition: 6", "edition: 7"), "other.yaml")
    by_variable = invoke("summary", "--json", env={"CA_SUMMIT_DATA": str(mine)})
    assert json.loads(by_variable.stdout)["meeting"]["edition"] == 6
    by_option = invoke("--data", str(other), "summary", "--json", env={"CA_SUMMIT_DATA": str(mine)})
    assert json.loads(by_option.stdout)["meeting"]["edition"] == 7
    on_command = invoke("summary", "--data", str(other), "--json", env={"CA_SUMMIT_DATA": str(mine)})
    assert json.loads(on_command.stdout)["meeting"]["edition"] == 7


def test_user_data_without_trade_figures(invoke: Invoke, write: Callable[..., Path]) -> None:
    path = write(MINIMAL)
    areas = json.loads(invoke("--data", str(path), "areas", "--json").stdout)
    assert [a["id"] for a in areas] == ["trade"]
    assert json.loads(invoke("--data", str(path), "summary", "--json").stdout)["figures"] == []


def test_version(invoke: Invoke) -> None:
    from ca_summit import __version__

    assert invoke("--version").stdout == f"ca-summit {__version__}\n"


def test_the_entry_turns_the_collector_off_for_its_process_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import signal

    from ca_summit import interrupts
    from ca_summit.cli import entry

    assert gc.isenabled()  # importing the package (as every test does) leaves it on
    monkeypatch.setattr(sys, "argv", ["ca-summit", "--version"])
    monkeypatch.setattr(interrupts, "_state", {"stopping": False, "finished": False})
    handlers = {signum: signal.getsignal(signum) for signum in interrupts.SIGNALS}
    try:
        with pytest.raises(SystemExit) as done:
            entry.run()
        assert done.value.code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
        for signum, handler in handlers.items():  # the entry's handlers are for its own process
            signal.signal(signum, handler)


@pytest.mark.parametrize(
    "spelling",
    ["15e9", "15000000000", "15_000_000_000", "15bn", "15B", "$15B", "15 billion", "15 milliards", "15 Md"],
)
def test_every_spelling_of_the_target(invoke_json: Invoke, spelling: str) -> None:
    projection = invoke_json("trade", "--project", spelling)["projection"]
    assert projection["target"] == 15_000_000_000
    assert projection["target_year"] == 2025


def test_search_folds_white_space_like_the_text(invoke_json: Invoke, write: Callable[..., Path]) -> None:
    path = write(MINIMAL.replace("en: Trade grows.}", "en: Trade   grows    fast.}"))
    hits = invoke_json("--data", str(path), "search", "grows  FAST")
    assert [(h["id"], h["field"], h["snippet"]) for h in hits] == [
        ("point", "text_en", "Trade   grows    fast.")
    ]


def test_a_signal_swallowed_by_a_weakref_callback_still_ends_the_run(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """SIGTERM that lands in a weakref callback (as one did during an import's module lock) was
    swallowed by Python, with 6 lines on stderr, and the run exited 0."""
    import signal
    import weakref

    from ca_summit import interrupts
    from ca_summit.cli import app, entry

    def main_with_a_signal_in_a_callback() -> int:
        class Thing:
            pass

        thing = Thing()
        ref = weakref.ref(thing, lambda _: interrupts.stop(signal.SIGTERM, None))
        del thing
        assert ref() is None  # the callback ran, and Python swallowed what it raised
        return 0

    monkeypatch.setattr(app, "main", main_with_a_signal_in_a_callback)
    monkeypatch.setattr(interrupts, "_state", {"stopping": False, "finished": False, "signum": 0})
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    handlers = {signum: signal.getsignal(signum) for signum in interrupts.SIGNALS}
    try:
        with pytest.raises(SystemExit) as done:
            entry.run()
    finally:
        import gc

        gc.enable()
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert done.value.code == 143
    assert capfd.readouterr().err == "ca-summit: terminated\n"
