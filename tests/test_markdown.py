"""--format markdown of areas, quotes, facts, summary and meetings is a document to paste: headings in
the reader's language, people by name, verbatim quotes as block quotes, and every source at the end,
the article cited by what is known of it (never an outlet or a date it does not state)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., Any]
NNBSP = "\u202f"
DOCUMENTS = [["areas"], ["quotes"], ["facts"], ["summary"], ["meetings"], ["facts", "--meeting", "2024"]]
HEADINGS = {
    ("areas", "en"): "# Areas of cooperation",
    ("areas", "fr"): "# Domaines de coopération",
    ("quotes", "en"): "# Direct quotes",
    ("quotes", "fr"): "# Citations",
    ("facts", "en"): "# Facts",
    ("facts", "fr"): "# Faits",
    ("summary", "en"): "# Consultative Meeting of the Heads of State of Central Asia, 5th edition",
    ("summary", "fr"): "# Réunion consultative des chefs d’État d’Asie centrale, 5e\u00a0édition",
    ("meetings", "en"): "# The Consultative Meetings",
    ("meetings", "fr"): "# Les réunions consultatives",
}


def _document(invoke: Invoke, args: list[str], lang: str) -> str:
    result = invoke(*args, "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return str(result.stdout)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("args", DOCUMENTS, ids=" ".join)
def test_a_document_with_its_sources_last_and_no_json(invoke: Invoke, args: list[str], lang: str) -> None:
    text = _document(invoke, args, lang)
    lines = text.splitlines()
    if (args[0], lang) in HEADINGS and len(args) == 1:
        assert lines[0] == HEADINGS[args[0], lang]
    assert not any(line.startswith("|") for line in lines), "a table, not a document"
    sources = text.rindex("\n## Sources\n")
    assert "\n## " not in text[sources + 1 :].removeprefix("## Sources\n"), "the sources come last"
    cited = text[sources:].splitlines()[3:]
    assert cited and all(line.startswith("- ") for line in cited)
    # No JSON left in the document: no object, no list of values.
    assert not re.search(r"[\[{]\s*[\"{\[]|\":\s", text), text


@pytest.mark.parametrize(
    ("lang", "article"),
    [
        (
            "en",
            "- An article in French on the Consultative Meeting of the Heads of State of Central Asia of "
            "14 September 2023, which names it: “Le 14 septembre 2023",
        ),
        (
            "fr",
            "- Un article en français sur la Réunion consultative des chefs d’État d’Asie centrale du "
            f"14\u00a0septembre 2023, qui la nomme ainsi{NNBSP}: «{NNBSP}Le 14 septembre 2023",
        ),
    ],
)
@pytest.mark.parametrize("command", ["areas", "quotes", "facts", "summary"])
def test_the_article_is_cited_by_what_is_known(invoke: Invoke, command: str, lang: str, article: str) -> None:
    text = _document(invoke, [command], lang)
    (line,) = [line for line in text.splitlines() if line.startswith(article[:12])]
    assert line.startswith(article.replace("“", "«" + NNBSP) if lang == "en" else article)
    unknown = {
        "en": "Outlet and date of publication: not stated.",
        "fr": f"Média et date de publication{NNBSP}: non indiqués.",
    }
    assert unknown[lang] in line and line.endswith("`000_27d775fb22bdf83e.txt`.")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_quotes_are_french_block_quotes_and_people_are_named(invoke: Invoke, lang: str) -> None:
    text = _document(invoke, ["quotes"], lang)
    assert f"> «{NNBSP}la prochaine décennie sera cruciale{NNBSP}»" in text.splitlines()
    speaker = {"en": "**Kassym-Jomart Tokayev**", "fr": "**Kassym-Jomart Tokaïev**"}[lang]
    assert any(line.startswith(speaker) for line in text.splitlines())
    assert "tokayev" not in text  # an id never stands for a person
    facts = _document(invoke, ["facts"], lang)
    assert f"{'by' if lang == 'en' else 'par'} Kassym-Jomart Toka" in facts


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_reports_are_cited_with_publisher_date_and_address(invoke: Invoke, lang: str) -> None:
    text = _document(invoke, ["meetings", "2023"], lang)
    assert (
        "- nCa (News Central Asia), 2023-09-15. <https://www.newscentralasia.net/2023/09/15/"
        "5th-consultative-meeting-of-the-heads-of-state-of-central-asia-in-tajikistan-outcomes/>"
    ) in text.splitlines()
    undated = {"en": "date not stated", "fr": "date non indiquée"}[lang]
    assert f"- Trend, {undated}. <https://en.trend.az/azerbaijan/politics/3797121.html>" in text.splitlines()
    summary = _document(invoke, ["summary"], lang)
    assert "<https://www.newscentralasia.net/2023/09/15/" in summary  # the record's sources too


def test_other_commands_keep_a_table_and_fields_make_one(invoke: Invoke) -> None:
    assert invoke("sources", "-f", "markdown").stdout.startswith("| url | publisher |")
    table = invoke("areas", "-f", "markdown", "--fields", "number,title").stdout.splitlines()
    assert table[:2] == ["| number | title |", "|---:|---|"]


def test_a_meeting_without_an_article_says_so_in_one_line(invoke: Invoke) -> None:
    result = invoke("areas", "--meeting", "2024", "-f", "markdown")
    assert result.stdout.count("\n") == 1 and "has no areas of cooperation" in result.stdout
