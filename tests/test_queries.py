"""Queries answer in both languages and name no flag; the views pick the language."""

from __future__ import annotations

import pytest

from ca_summit.errors import SummitError
from ca_summit.models import Summit, Text
from ca_summit.queries.areas import areas
from ca_summit.queries.facts import FactsRequest, SearchRequest, countries, facts, quotes, search
from ca_summit.queries.summary import summary
from ca_summit.views.areas import present as present_areas
from ca_summit.views.facts import present_countries, present_facts, present_quotes, present_search
from ca_summit.views.summary import present as present_summary


def test_an_unknown_area_names_the_value_and_the_choices_not_the_flag(summit: Summit) -> None:
    with pytest.raises(SummitError) as caught:
        facts(summit, FactsRequest(area="nowhere"))
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("no area 'nowhere'; the areas are: ")
    assert "--" not in caught.value.message


def test_facts_hold_both_languages(summit: Summit) -> None:
    (fact,) = facts(summit, FactsRequest(kind="area", area="information-space"))
    assert isinstance(fact.text, Text)
    assert present_facts([fact], "fr").root[0].text == fact.text.fr
    assert present_facts([fact], "en").root[0].text == fact.text.en


def test_search_finds_the_same_facts_in_either_language(summit: Summit) -> None:
    result = search(summit, SearchRequest("agences"))
    assert [(m.fact.id, sorted(m.snippets), m.elsewhere) for m in result.matches] == [
        ("press-agencies-cooperation", ["fr"], None)
    ]
    assert [h.field for h in present_search(result, "fr").hits] == ["text_fr"]
    assert [h.field for h in present_search(result, "en").hits] == ["text_fr"]


def test_search_prefers_the_readers_language(summit: Summit) -> None:
    result = search(summit, SearchRequest("Ouzbékistan"))
    uz = next(m for m in result.matches if m.fact.id == "uz")
    assert sorted(uz.snippets) == ["fr"]
    en = {h.id: h.field for h in present_search(result, "en").hits}
    assert en["uz"] == "text_fr"
    assert en["kz"] == "quote"


def test_every_command_presents_in_both_languages(summit: Summit) -> None:
    for lang in ("en", "fr"):
        assert present_areas(areas(summit), lang).root[0].title == summit.areas[0].title.get(lang)
        assert present_summary(summary(summit), lang).meeting.name == summit.meeting.name.get(lang)
        quote = summit.quotes[0]
        assert present_quotes(quotes(summit), lang).root[0].context == (
            quote.context.get(lang) if quote.context else None
        )
        first = present_countries(countries(summit), lang).root[0]
        assert first.name == summit.participants[0].name.get(lang)
