"""French as a French reader expects it, English as an English reader expects it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from ca_summit.render import display as d

Invoke = Callable[..., Any]
NNBSP, NBSP = "\u202f", "\u00a0"


def _table(invoke: Invoke, *args: str) -> str:
    result = invoke(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _row(out: str, label: str) -> str:
    """The value of a fields table's row, spaces at either end trimmed."""
    (line,) = [line for line in out.splitlines() if line.strip().startswith(label + "  ")]
    return line.strip()[len(label) :].strip()


def test_numbers_and_units() -> None:
    assert d.percent(0.8, "en", 1) == "80%"
    assert d.percent(0.8, "fr", 1) == f"80{NNBSP}%"
    assert d.percent(0.12475, "fr") == f"12,47{NNBSP}%"
    assert d.signed_percent(0.415, "en") == "+41.5%"
    assert d.amount(10.6e9, "USD", "en") == "10.6 bn USD"
    assert d.amount(10.6e9, "USD", "fr") == f"10,6{NBSP}Md{NBSP}USD"
    assert d.amount(1234.5, "USD", "fr") == f"1{NNBSP}234{NBSP}USD"
    assert d.years(2.95, "fr") == f"2,95{NBSP}ans"
    assert d.years(2.95, "en") == "2.95 years"


def test_dates_and_ordinals() -> None:
    assert d.long_date(dt.date(2023, 9, 14), "fr") == f"14{NBSP}septembre 2023"
    assert d.long_date(dt.date(2023, 9, 14), "en") == "14 September 2023"
    assert d.long_date(dt.date(2024, 8, 1), "fr") == f"1er{NBSP}août 2024"
    assert d.edition(5, "fr") == f"5e{NBSP}édition"
    assert d.edition(1, "fr") == f"1re{NBSP}édition"
    assert [d.ordinal(n, "en") for n in (1, 2, 3, 5, 11, 12, 13, 21, 112)] == [
        "1st",
        "2nd",
        "3rd",
        "5th",
        "11th",
        "12th",
        "13th",
        "21st",
        "112th",
    ]


def test_french_spacing_of_our_own_words() -> None:
    text = "L’article parle de « dollars » ; on les lit : USD ! Vrai ? 80 %"
    assert d.typeset(text, "fr") == (
        f"L’article parle de «{NNBSP}dollars{NNBSP}»{NNBSP}; on les lit{NNBSP}: USD{NNBSP}! "
        f"Vrai{NNBSP}? 80{NNBSP}%"
    )
    assert d.typeset(text, "en") == text
    assert d.tr("fr", "Assumption: ", "Hypothèse : ") == f"Hypothèse{NNBSP}: "


def test_quotation_marks() -> None:
    verbatim = "les « avantages mutuels »"
    assert d.quoted(verbatim, "fr", verbatim=True) == f"«{NNBSP}les « avantages mutuels »{NNBSP}»"
    assert d.quoted(verbatim, "fr", verbatim=False) == f"«{NNBSP}les “avantages mutuels”{NNBSP}»"
    assert d.quoted("the “mutual benefits”", "en", verbatim=False) == "“the ‘mutual benefits’”"
    assert d.quoted("the “mutual benefits”", "en", verbatim=True) == "“the “mutual benefits””"


def test_enumerated_values_are_translated() -> None:
    assert [d.kind(k, "fr") for k in ("statement", "proposal", "figure", "driver")] == [
        "déclaration",
        "proposition",
        "chiffre",
        "moteur",
    ]
    assert d.kind("statement", "en") == "statement"
    assert d.field("text_fr", "fr") == "texte français"
    assert d.field("quote", "en") == "source"
    assert d.worded("approaching", "en") == "close to "
    assert d.worded("about", "en") == "about "
    assert d.worded("approaching", "fr") == "près de "


def test_summary_in_french(invoke: Invoke) -> None:
    out = _table(invoke, "--lang", "fr", "summary")
    assert _row(out, "Date") == f"14{NBSP}septembre 2023"
    assert _row(out, "Édition") == f"5e{NBSP}édition"
    assert _row(out, "hausse du commerce intrarégional") == f"plus de 80{NNBSP}%"
    assert _row(out, "potentiel du commerce mutuel") == f"près de 15{NBSP}Md{NBSP}USD"
    assert _row(out, "L’espace informationnel (nouveauté)").startswith("Une coopération")
    assert f"Hypothèse{NNBSP}: L’article parle de «{NNBSP}dollars{NNBSP}»{NNBSP}; on les lit" in out


def test_summary_in_english(invoke: Invoke) -> None:
    out = _table(invoke, "summary")
    assert _row(out, "Date") == "14 September 2023"
    assert _row(out, "Edition") == "5th edition"
    assert _row(out, "growth of intra-regional trade") == "more than 80%"
    assert _row(out, "potential of mutual trade") == "close to 15 bn USD"


def test_summary_json_keeps_raw_data(invoke_json: Invoke) -> None:
    meeting = invoke_json("--lang", "fr", "summary")["meeting"]
    assert (meeting["date"], meeting["edition"]) == ("2023-09-14", 5)


@pytest.mark.parametrize(
    ("lang", "kind", "opening"),
    [("fr", "réunion", f"«{NNBSP}Le 14 septembre 2023"), ("en", "meeting", "“Le 14 septembre 2023")],
)
def test_facts_table(invoke: Invoke, lang: str, kind: str, opening: str) -> None:
    out = _table(invoke, "--lang", lang, "facts", "--kind", "meeting")
    (row,) = [line for line in out.splitlines() if line.strip().startswith("meeting ")]
    assert row.split()[1] == kind
    assert opening in row  # the verbatim quote keeps its ordinary spaces


def test_facts_text_in_both_languages(invoke_json: Invoke) -> None:
    fr = {f["id"]: f["text"] for f in invoke_json("--lang", "fr", "facts", "--kind", "figure")}
    en = {f["id"]: f["text"] for f in invoke_json("facts", "--kind", "figure")}
    assert fr["mutual-trade-potential"] == f"potentiel du commerce mutuel{NNBSP}: près de 15{NBSP}Md{NBSP}USD"
    assert en["mutual-trade-potential"] == "potential of mutual trade: close to 15 bn USD"
    assert en["intra-regional-trade-growth"] == "growth of intra-regional trade: more than 80% over 5 years"
    assert fr["intra-regional-trade-growth"] == (
        f"hausse du commerce intrarégional{NNBSP}: plus de 80{NNBSP}% en 5{NBSP}ans"
    )


def test_quotes_table(invoke: Invoke) -> None:
    fr = _table(invoke, "--lang", "fr", "quotes")
    assert f"«{NNBSP}avantages mutuels{NNBSP}»" in fr and "“mutual benefits”" in fr
    en = _table(invoke, "quotes")
    assert f"«{NNBSP}avantages mutuels{NNBSP}»" in en and "French original" in en


def test_areas_and_countries_headings(invoke: Invoke) -> None:
    areas = _table(invoke, "--lang", "fr", "areas")
    assert "Nouveauté" in areas and f"Nouveauté{NNBSP}: vide quand l’article ne le dit pas." in areas
    countries = _table(invoke, "--lang", "fr", "countries")
    assert "Ce qu’en dit l’article" in countries


def test_search_table(invoke: Invoke) -> None:
    fr = _table(invoke, "--lang", "fr", "search", "agences")
    assert f"Recherche{NNBSP}: agences" in fr
    (row,) = [line for line in fr.splitlines() if line.strip().startswith("press-agencies-cooperation ")]
    assert row.split()[1:5] == ["5e", "annonce", "texte", "français"]
    en = _table(invoke, "search", "agences")
    (row,) = [line for line in en.splitlines() if line.strip().startswith("press-agencies-cooperation ")]
    assert row.split()[1:5] == ["5th", "announcement", "French", "text"]
