"""Queries answer in both languages and name no flag; the views pick the language."""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable
from typing import Any

import pytest

from ca_summit.corpus import folding
from ca_summit.corpus.files import Meeting
from ca_summit.corpus.models import MeetingFile, Participant, Point, Text
from ca_summit.corpus.reading import read
from ca_summit.errors import SummitError
from ca_summit.queries import facts as query_facts
from ca_summit.queries.areas import areas
from ca_summit.queries.facts import FactsRequest, Match, countries, facts, needles, quotes, search
from ca_summit.queries.series_search import MeetingSearch
from ca_summit.queries.summary import summary
from ca_summit.resources import bundled_path
from ca_summit.views.areas import present as present_areas
from ca_summit.views.facts import present_countries, present_facts, present_quotes, present_search
from ca_summit.views.summary import present as present_summary


def test_an_unknown_area_names_the_value_and_the_choices_not_the_flag(summit: MeetingFile) -> None:
    with pytest.raises(SummitError) as caught:
        facts(summit, FactsRequest(area="nowhere"))
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("no area 'nowhere'; the areas are: ")
    assert "--" not in caught.value.message


def test_facts_hold_both_languages(summit: MeetingFile) -> None:
    (fact,) = facts(summit, FactsRequest(kind="area", area="information-space"))
    assert isinstance(fact.text, Text)
    assert present_facts([fact], "fr").root[0].text == fact.text.fr
    assert present_facts([fact], "en").root[0].text == fact.text.en


APOSTROPHES = ["'", "’", "‘", "ʼ", "`", "´"]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_every_apostrophe_folds_to_one(apostrophe: str) -> None:
    assert folding.fold(f"C{apostrophe}EST") == "c'est"
    assert folding.find(f"enfin, et c{apostrophe}est une", "c'est") == (10, 15)


@pytest.mark.parametrize(
    ("text", "at", "starts"),
    [
        ("tokayev", 0, True),
        ("a tokayev", 2, True),
        ("«tokayev", 1, True),
        ("x_tokayev", 2, False),
        ("xtokayev", 1, False),
        ("_tokayev", 1, False),
        ("étokayev", 1, False),
        ("a-b", 2, True),
    ],
)
def test_a_word_starts_after_no_letter_digit_or_underscore(text: str, at: int, starts: bool) -> None:
    assert folding.starts_word(text, at) is starts


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_search_matches_an_apostrophe_however_typed(invoke_json: Callable[..., Any], apostrophe: str) -> None:
    hits = invoke_json("search", f"c{apostrophe}est une nouveauté")  # the text has c’est
    assert [hit["id"] for hit in hits] == ["information-space-is-new", "press-agencies-cooperation-is-new"]


def _article_only(text: str, matches: list[Match]) -> MeetingSearch:
    """The article's matches alone, as the 5th meeting's."""
    return MeetingSearch(text, [(5, match) for match in matches], [])


def test_search_finds_the_same_facts_in_either_language(summit: MeetingFile) -> None:
    result = search(summit, needles("agences", {}))
    assert [(m.fact.id, sorted(m.snippets), m.elsewhere) for m in result] == [
        ("press-agencies-cooperation", ["fr"], None),
        ("press-agencies-cooperation-is-new", ["fr"], None),
    ]
    only = _article_only("agences", result)
    assert [h.field for h in present_search(only, "fr").hits] == ["text_fr", "text_fr"]
    assert [h.field for h in present_search(only, "en").hits] == ["text_fr", "text_fr"]


def test_search_prefers_the_readers_language(summit: MeetingFile) -> None:
    result = search(summit, needles("Ouzbékistan", {}))
    uz = next(m for m in result if m.fact.id == "uz")
    assert sorted(uz.snippets) == ["fr"]
    en = {h.id: h.field for h in present_search(_article_only("Ouzbékistan", result), "en").hits}
    assert en["uz"] == "text_fr"
    assert en["kz"] == "quote"


def test_every_command_presents_in_both_languages(summit: MeetingFile) -> None:
    meeting, naming = Meeting(bundled_path(), summit), read(None).naming
    assert summit.meeting is not None
    for lang in ("en", "fr"):
        assert present_areas(areas(summit), lang).root[0].title == summit.areas[0].title.get(lang)
        assert present_summary(summary(meeting, naming), lang).meeting.name == summit.meeting.name.get(lang)
        quote = summit.quotes[0]
        assert present_quotes(quotes(summit), lang).root[0].context == (
            quote.context.get(lang) if quote.context else None
        )
        first = present_countries(countries(summit), lang).root[0]
        assert first.name == summit.participants[0].name.get(lang)


# --- countries and search stay linear on wide files ---------------------------------------------


def _wide(summit: MeetingFile, n: int) -> MeetingFile:
    """n participants and 4n points, each point by one participant and naming another."""
    codes = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)][:n]
    participants = [
        Participant.model_construct(
            code=c, name=Text(fr=f"Pays {c}", en=f"Land {c}"), aliases=[f"Alias-{c}"], quote="q"
        )
        for c in codes
    ]
    points = [
        Point.model_construct(
            id=f"p{i}",
            kind="statement",
            by=[codes[i % n]],
            as_written=None,
            subject=None,
            figures=[],
            drivers=[],
            text=Text(fr=f"Le pays {codes[(i + 1) % n]} dit", en=f"Land {codes[(i + 1) % n]} says"),
            quote="q",
        )
        for i in range(4 * n)
    ]
    area = summit.areas[0].model_copy(update={"points": points, "new": None})
    return summit.model_copy(
        update={
            "participants": participants,
            "people": [],
            "quotes": [],
            "statements": [],
            "trade": None,
            "areas": [area],
        }
    )


def test_countries_on_a_wide_file(summit: MeetingFile) -> None:
    result = countries(_wide(summit, 30))
    assert [fact.id for fact in result[1].said] == ["p0", "p1", "p30", "p31", "p60", "p61", "p90", "p91"]
    assert [data.participant.code for data in result] == [
        "".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)
    ][:30]


class _Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
        self.calls = 0
        original = getattr(module, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


def _second_difference(counts: list[int]) -> int:
    return counts[2] - 2 * counts[1] + counts[0]


def test_countries_reads_each_fact_once(summit: MeetingFile, monkeypatch: pytest.MonkeyPatch) -> None:
    # Work grows like facts × participants if each name is sought in each fact: counts at n, 2n
    # and 3n participants (with 4n points) then have a second difference; linear work has none.
    steps = _Counter(monkeypatch, folding, "starts_word")
    reads = _Counter(monkeypatch, folding.NameIndex, "named_in")
    folds = _Counter(monkeypatch, query_facts, "fold")
    step_counts, fold_counts, read_counts = [], [], []
    for n in (10, 20, 30):
        steps.calls = folds.calls = reads.calls = 0
        countries(_wide(summit, n))
        step_counts.append(steps.calls)
        fold_counts.append(folds.calls)
        read_counts.append(reads.calls)
    assert _second_difference(step_counts) == 0 and step_counts[0] > 0
    # Three names a participant, two texts a point or area: each folded once.
    assert fold_counts == [3 * n + 2 * (4 * n + 1) for n in (10, 20, 30)]
    assert read_counts == [4 * n + 1 for n in (10, 20, 30)]  # each point, and the area's title


def test_search_reads_each_fact_once(summit: MeetingFile, monkeypatch: pytest.MonkeyPatch) -> None:
    finds = _Counter(monkeypatch, query_facts, "find")
    counts = []
    for n in (10, 20, 30):
        finds.calls = 0
        result = search(_wide(summit, n), needles("dit", {}))
        # The meeting's quote has "dit" too.
        assert [m.fact.id for m in result] == ["meeting"] + [f"p{i}" for i in range(4 * n)]
        counts.append(finds.calls)
    assert _second_difference(counts) == 0 and counts[1] > counts[0]
