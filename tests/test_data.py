"""The bundled dataset: what the article says, cited verbatim, and nothing more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from ca_summit.corpus.loader import check
from ca_summit.corpus.models import MeetingFile, Point, points


def _quotes(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "quote" and isinstance(item, str):
                yield f"{where}.{key}", item
            else:
                yield from _quotes(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _quotes(item, f"{where}.{index}")


def test_every_quote_is_verbatim_from_the_article(summit: MeetingFile, article: str) -> None:
    quotes = list(_quotes(summit.model_dump()))
    assert len(quotes) > 40
    missing = [(where, quote) for where, quote in quotes if quote not in article]
    assert missing == []


def test_quotes_keep_the_article_typography(summit: MeetingFile, article: str) -> None:
    # The article writes ’ and « »; a straightened apostrophe would not be a quote of it.
    quotes = [quote for _, quote in _quotes(summit.model_dump())]
    assert not any("'" in quote or '"' in quote for quote in quotes)
    assert any("’" in quote for quote in quotes)
    assert any("« " in quote and " »" in quote for quote in quotes)


def test_the_meeting(summit: MeetingFile) -> None:
    assert summit.meeting.edition == 5
    assert summit.meeting.date == dt.date(2023, 9, 14)
    assert summit.meeting.name.fr == "Réunion consultative des chefs d’État d’Asie centrale"
    codes = [p.code for p in summit.participants]
    assert codes == ["KZ", "UZ", "TM", "KG", "TJ"]
    assert [p.name.en for p in summit.participants] == [
        "Kazakhstan",
        "Uzbekistan",
        "Turkmenistan",
        "Kyrgyzstan",
        "Tajikistan",
    ]
    (tokayev,) = summit.people
    assert (tokayev.name.fr, tokayev.name.en) == ("Kassym-Jomart Tokaïev", "Kassym-Jomart Tokayev")


def test_the_meeting_names_no_speaker(bundled_text: str) -> None:
    # The article names Tokaïev but never calls him the meeting's speaker or chair.
    text = bundled_text.replace("  date: 2023-09-14\n", "  date: 2023-09-14\n  speaker: tokayev\n")
    line = text.splitlines().index("  speaker: tokayev") + 1
    _, problems = check(text, "s.yaml")
    assert [str(p) for p in problems] == [f"s.yaml:{line}:3: meeting.speaker: Extra inputs are not permitted"]


def test_trade_figures_keep_their_qualifiers(summit: MeetingFile) -> None:
    trade = summit.trade
    assert trade is not None
    assert (trade.current.amount, trade.current.qualifier) == (10_600_000_000, "stated")
    assert (trade.growth.rate, trade.growth.qualifier, trade.growth.period_years) == (0.8, "more_than", 5)
    assert trade.potential is not None
    assert (trade.potential.amount, trade.potential.qualifier) == (15_000_000_000, "approaching")
    assert trade.currency == "USD"


def test_tokayev_highlighted_the_two_trade_figures(summit: MeetingFile) -> None:
    # « qui a particulièrement mis en avant la croissance notable ... 80% ... 10,6 milliards »
    trade = summit.trade
    assert trade is not None and trade.potential is not None
    assert (trade.current.by, trade.growth.by) == (["tokayev"], ["tokayev"])
    assert trade.potential.by == ["KZ", "UZ", "TM", "KG", "TJ"]


def test_a_growth_figure_by_an_unknown_actor_is_reported(bundled_text: str) -> None:
    text = bundled_text.replace(
        "    period_years: 5\n    by: [tokayev]\n", "    period_years: 5\n    by: [nobody]\n"
    )
    line = text.splitlines().index("    by: [nobody]") + 1
    _, problems = check(text, "s.yaml")
    assert [str(p) for p in problems] == [
        f"s.yaml:{line}:10: trade.growth.by.0: unknown actor 'nobody': not a participant code or a person id"
    ]


def test_the_base_year_is_a_labelled_assumption(summit: MeetingFile) -> None:
    trade = summit.trade
    assert trade is not None
    assumptions = {a.id: a for a in summit.assumptions}
    assert trade.base_year == 2022
    assert trade.base_year_assumption in assumptions
    assert "does not say" in assumptions["base-year"].text.en


def test_six_areas_and_only_one_said_to_be_new(summit: MeetingFile) -> None:
    assert [a.id for a in summit.areas] == [
        "trade-flows",
        "industrial-cooperation",
        "logistics-transport",
        "digital-transformation",
        "cultural-humanitarian",
        "information-space",
    ]
    new = [a.id for a in summit.areas if a.new is not None]
    assert new == ["information-space"]
    assert summit.areas[-1].new is not None and summit.areas[-1].new.value is True


def test_the_announced_cooperation_is_what_is_new(summit: MeetingFile) -> None:
    # « enfin, et c’est une nouveauté, une coopération entre les agences de presse ... a été annoncée »
    new = [(p.id, p.new) for a in summit.areas for p in a.points if p.new is not None]
    assert [(ident, novelty.value, novelty.quote) for ident, novelty in new] == [
        ("press-agencies-cooperation", True, "enfin, et c’est une nouveauté")
    ]


def test_who_proposed_and_announced(summit: MeetingFile) -> None:
    points = {p.id: p for a in summit.areas for p in a.points}
    assert points["industrial-action-plan"].by == ["KZ"]
    assert points["industrial-action-plan"].as_written == "Astana"
    assert points["press-agencies-cooperation"].by == ["tokayev"]
    assert points["trade-potential-estimate"].by == ["KZ", "UZ", "TM", "KG", "TJ"]
    route = points["trans-caspian-route"]
    assert route.subject is not None
    assert route.subject.en == "Trans-Caspian International Transport Route"
    assert "China" in route.text.en and "European market" in route.text.en


def test_advocacy_is_not_a_proposal(summit: MeetingFile) -> None:
    points = {p.id: p for a in summit.areas for p in a.points}
    assert (points["digital-collaboration"].kind, points["digital-collaboration"].by) == ("advocacy", ["KZ"])
    assert "a plaidé pour" in points["digital-collaboration"].quote
    assert [p.id for p in points.values() if p.kind == "proposal"] == ["industrial-action-plan"]


def test_the_guidelines_observation_is_the_journalists(summit: MeetingFile) -> None:
    (directives,) = [s for s in summit.statements if s.id == "tokayev-directives"]
    assert (directives.kind, directives.by) == ("observation", [])
    assert directives.subject is not None and directives.subject.en == "Kassym-Jomart Tokayev"


def _all_points(summit: MeetingFile) -> dict[str, Point]:
    return {p.id: p for _, p in points(summit)}


@pytest.mark.parametrize(
    ("ident", "hedge", "words"),
    [
        (
            "trans-caspian-route",
            "évidemment",
            ("évidemment dans tous les esprits", "of course on everyone's mind"),
        ),
        (
            "trade-growth-highlighted",
            "particulièrement",
            ("particulièrement mis en avant", "particularly highlighted"),
        ),
        ("common-approach", "aussi", ("a aussi insisté", "also insisted")),
        ("decisive-decade", "ainsi", ("a ainsi rappelé", "thus pointed out")),
        ("betting-on-digital", "ne cessent de", ("ne cessent de miser", "keep betting")),
        (
            "chinese-slowdown-worry",
            "D’autant plus que",
            ("d’autant plus dans les esprits que", "all the more"),
        ),
    ],
)
def test_texts_keep_the_articles_hedges(
    summit: MeetingFile, ident: str, hedge: str, words: tuple[str, str]
) -> None:
    point = _all_points(summit)[ident]
    assert hedge in point.quote
    assert (words[0] in point.text.fr, words[1] in point.text.en) == (True, True)


def test_the_slowdown_is_tied_to_the_route(summit: MeetingFile) -> None:
    worry = _all_points(summit)["chinese-slowdown-worry"]
    assert worry.text.en == (
        "The route is all the more on everyone's mind as the slowdown of Chinese growth worries investors."
    )


def test_the_areas_came_with_new_prospects(summit: MeetingFile) -> None:
    prospects = _all_points(summit)["new-prospects"]
    assert (prospects.kind, prospects.by) == ("observation", [])
    assert prospects.quote.endswith("avec de nouvelles perspectives")
    assert (
        prospects.text.en
        == "Several key areas of cooperation were taken up at the meeting, with new prospects."
    )


@pytest.mark.parametrize(
    ("ident", "rendering", "not_this"),
    [
        ("press-agencies-cooperation", "Cooperation between the news agencies", "press agencies"),
        ("decisive-decade", "pointed out", "recalled"),
        ("tokayev-directives", "guidelines", "directives"),
    ],
)
def test_english_renderings(summit: MeetingFile, ident: str, rendering: str, not_this: str) -> None:
    english = _all_points(summit)[ident].text.en
    assert rendering in english and not_this not in english


def test_about_all_marks_what_the_article_says_of_every_country(summit: MeetingFile) -> None:
    marked = {ident: p.quote for ident, p in _all_points(summit).items() if p.about_all}
    assert list(marked) == [
        "kazakhstan-commitment",
        "taking-the-pulse",
        "trade-potential-estimate",
        "betting-on-digital",
        "press-agencies-cooperation",
    ]
    wordings = ("les cinq pays", "des cinq pays", "les différents pays", "l’ensemble des pays de la région")
    assert [ident for ident, quote in marked.items() if not any(w in quote for w in wordings)] == []


def test_direct_quotes_appear_inside_their_citation(summit: MeetingFile) -> None:
    assert [q.id for q in summit.quotes] == [
        "mutual-benefits-quote",
        "crucial-decade-quote",
        "historic-opportunity-quote",
    ]
    for quote in summit.quotes:
        assert f"« {quote.text.fr} »" in quote.quote


def test_the_benefits_quote_names_the_three_drivers_as_the_article_does(summit: MeetingFile) -> None:
    (benefits,) = [s for s in summit.statements if s.id == "mutual-benefits"]
    (quote,) = [q for q in summit.quotes if q.id == "mutual-benefits-quote"]
    assert quote.context is not None
    assert [d.label.fr in quote.context.fr for d in benefits.drivers] == [True, True, True]
    assert [d.label.en in quote.context.en for d in benefits.drivers] == [True, True, True]


@pytest.mark.parametrize("driver", ["business-contacts", "joint-ventures", "regional-projects"])
def test_mutual_benefit_drivers(summit: MeetingFile, driver: str) -> None:
    (benefits,) = [s for s in summit.statements if s.id == "mutual-benefits"]
    assert driver in [d.id for d in benefits.drivers]
