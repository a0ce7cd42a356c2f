"""`ca-summit facts`, `quotes`, `countries` and `search`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field, PrivateAttr, RootModel

from ..corpus.kinds import FactKind, HitKind
from ..queries.facts import CountryData, Fact, Match, QuoteData
from ..render import display as d
from ..render.display import Lang
from ..render.document import Article, Document, Report, text
from ..render.report import Column, Table, cell
from .base import Actor, Source, View, listed, made, names, present_actor, present_source

if TYPE_CHECKING:  # the series' results: the article's facts need not import them
    from ..queries.series_search import MeetingSearch, SeriesItem, SeriesMatch


class FactView(View):
    id: str
    kind: FactKind
    area: str | None = Field(description="The id of the area the fact belongs to, if any.")
    text: str
    by: list[str] = Field(description="Actor ids: participant codes or person ids.")
    quote: str = Field(description="Verbatim excerpt of the source.")


class FactsView(RootModel[list[FactView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)
    _article: Article | None = PrivateAttr(default=None)
    _names: dict[str, str] = PrivateAttr(default_factory=dict)

    def markdown(self, lang: Lang) -> str:
        """Each fact in our words, who it is by, and the article's words it rests on."""
        doc = Document(d.tr(lang, "Facts", "Faits"))
        for f in self.root:
            by = ", ".join(self._names.get(ref, ref) for ref in f.by)
            label = d.kind(f.kind, lang) + (d.tr(lang, ", by ", ", par ") + by if by else "")
            doc.para(f"**{text(d.typeset(f.text, lang))}** ({text(label)})")
            doc.quote(f.quote)
        return doc.sources(lang, self._article, ())

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        return [
            Table(
                t(lang, "Facts", "Faits"),
                (
                    Column("id", "id"),
                    Column("kind", t(lang, "Kind", "Type")),
                    Column("area", t(lang, "Area", "Domaine")),
                    Column("text", t(lang, "Fact", "Fait")),
                    Column("by", t(lang, "By", "Par")),
                    Column("quote", t(lang, "Source (verbatim)", "Source (verbatim)")),
                ),
                [
                    (
                        cell(f.id),
                        cell(f.kind, d.kind(f.kind, lang)),
                        cell(f.area),
                        cell(f.text, d.typeset(f.text, lang)),
                        cell("; ".join(f.by), ", ".join(f.by)),
                        cell(f.quote, d.quoted(f.quote, lang, verbatim=True)),
                    )
                    for f in self.root
                ],
            )
        ]


class QuoteView(View):
    id: str
    speaker: Actor | None
    french: str = Field(description="The words exactly as printed.")
    english: str
    context: str | None
    quote: str = Field(description="Verbatim excerpt of the source around the words.")


class QuotesView(RootModel[list[QuoteView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)
    _article: Article | None = PrivateAttr(default=None)

    def markdown(self, lang: Lang) -> str:
        """Each quote as the article prints it, who said it and what about; in English, its
        translation."""
        doc = Document(d.tr(lang, "Direct quotes", "Citations"))
        for q in self.root:
            who = names([q.speaker]) if q.speaker else d.tr(lang, "Unnamed speaker", "Orateur non nommé")
            about = " — " + q.context if q.context else ""
            doc.para(f"**{text(who)}**{text(d.typeset(about, lang))}")
            doc.quote(q.french)
            if lang == "en":
                doc.para(text(d.quoted(q.english, "en", verbatim=False) + " (our translation)"))
        return doc.sources(lang, self._article, ())

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        return [
            Table(
                t(lang, "Direct quotes", "Citations"),
                (
                    Column("speaker", t(lang, "Speaker", "Orateur")),
                    Column("french", t(lang, "French original", "Original")),
                    Column("english", t(lang, "English", "Anglais")),
                    Column("context", t(lang, "About", "À propos")),
                    Column("id", "id"),
                ),
                [
                    (
                        cell(q.speaker.id if q.speaker else None, names([q.speaker]) if q.speaker else ""),
                        cell(q.french, d.quoted(q.french, "fr", verbatim=True)),
                        cell(q.english, d.quoted(q.english, "en", verbatim=False)),
                        cell(q.context, d.typeset(q.context or "", lang)),
                        cell(q.id),
                    )
                    for q in self.root
                ],
            )
        ]


class Said(View):
    id: str
    kind: FactKind
    text: str
    quote: str


class CountryView(View):
    code: str
    name: str
    name_en: str
    name_fr: str
    said: list[Said] = Field(description="What the source says of or by this country.")


class CountriesView(RootModel[list[CountryView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        return [
            Table(
                t(lang, "Participants", "Participants"),
                (
                    Column("code", "ISO"),
                    Column("name_en", t(lang, "Name (English)", "Nom (anglais)")),
                    Column("name_fr", t(lang, "Name (French)", "Nom (français)")),
                    Column("said", t(lang, "What the article says", "Ce qu’en dit l’article")),
                ),
                [
                    (
                        cell(c.code),
                        cell(c.name_en),
                        cell(c.name_fr),
                        cell(
                            " | ".join(s.text for s in c.said),
                            "\n".join(f"• {d.typeset(s.text, lang)}" for s in c.said),
                        ),
                    )
                    for c in self.root
                ],
            )
        ]


class Hit(View):
    id: str
    kind: HitKind = Field(description="The article's kinds of fact, or meeting_fact, trade_claim, target.")
    area: str | None
    field: str = Field(description="Where the text matched: text_en, text_fr, quote, alias or note.")
    snippet: str = Field(description="The matching text, shortened around the match.")
    text: str
    quote: str | None = Field(description="Verbatim excerpt of the article; null for the series' items.")
    meeting: int = Field(description="The edition of the meeting the hit belongs to.")
    sources: list[Source] = Field(description="The public reports an item of the series cites.")


class SearchView(RootModel[list[Hit]]):
    """The hits, a list like every listing's output; the table's title says what was asked."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    _query: str = PrivateAttr(default="")

    @property
    def hits(self) -> list[Hit]:
        return self.root

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        query = self._query
        nothing = t(lang, f"No match for {query!r}.", f"Aucun résultat pour «\u202f{query}\u202f».")
        return [
            Table(
                t(lang, "Search: ", "Recherche : ") + query,
                (
                    Column("id", "id"),
                    Column("meeting", t(lang, "Meeting", "Réunion"), numeric=True),
                    Column("kind", t(lang, "Kind", "Type")),
                    Column("field", t(lang, "Matched in", "Trouvé dans")),
                    Column("snippet", t(lang, "Match", "Extrait")),
                    Column("text", t(lang, "Fact", "Fait")),
                    Column("sources", t(lang, "Sources", "Sources"), in_data=False),
                ),
                [
                    (
                        cell(h.id),
                        cell(h.meeting, d.ordinal(h.meeting, lang)),
                        cell(h.kind, d.kind(h.kind, lang)),
                        cell(h.field, d.field(h.field, lang)),
                        cell(h.snippet),
                        cell(h.text, d.typeset(h.text, lang)),
                        cell(None, _publishers(h.sources)),
                    )
                    for h in self.hits
                ],
                empty=nothing,
            )
        ]


def _publishers(sources: list[Source]) -> str:
    return "\n".join(source.publisher for source in sources)


class MeetingFact(View):
    """A fact of a meeting told by public reports: the keys of the article's facts, and its sources."""

    id: str
    kind: HitKind
    area: str | None
    text: str = Field(description="In our own words, in English.")
    by: list[str]
    quote: str | None = Field(description="Always null: a report's fact has no excerpt of the article.")
    meeting: int
    topic: str | None
    confidence: str
    note: str | None
    sources: list[Source]


class MeetingFactsView(RootModel[list[MeetingFact]]):
    model_config = ConfigDict(frozen=True, defer_build=True)

    def markdown(self, lang: Lang) -> str:
        """Each fact in our words (English, as the series' data is), with the reports it rests on."""
        doc = Document(d.tr(lang, "Facts from public reports", "Faits tirés de sources publiques"))
        for f in self.root:
            topic = d.topic(f.topic, lang) if f.topic else d.kind(f.kind, lang)
            note = f" ({f.note})" if f.note else ""
            said = d.tr(lang, "; sources: ", " ; sources : ") + ", ".join(s.publisher for s in f.sources)
            colon = d.tr(lang, ": ", "\u202f: ")
            doc.items(
                [
                    f"**{text(topic)}**{colon}{text(f.text + note)} "
                    f"({text(d.confidence(f.confidence, lang) + said)})"
                ]
            )
        reports = [Report(s.publisher, s.published, s.url) for f in self.root for s in f.sources]
        return doc.sources(lang, None, reports)

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        return [
            Table(
                t(lang, "Facts from public reports", "Faits tirés de sources publiques"),
                (
                    Column("id", "id"),
                    Column("topic", t(lang, "Topic", "Sujet")),
                    Column("text", t(lang, "Fact", "Fait")),
                    Column("confidence", t(lang, "Confidence", "Fiabilité")),
                    Column("sources", t(lang, "Sources", "Sources"), in_data=False),
                ),
                [
                    (
                        cell(f.id),
                        cell(f.topic, d.topic(f.topic, lang) if f.topic else None),
                        cell(f.text),
                        cell(f.confidence, d.confidence(f.confidence, lang)),
                        cell(None, _publishers(f.sources)),
                    )
                    for f in self.root
                ],
                (
                    t(
                        lang,
                        "Written in our own words from the sources listed; the series' data is in English.",
                        "Rédigés avec nos mots d’après les sources citées ; les données de la série sont "
                        "en anglais.",
                    ),
                ),
            )
        ]


def _fact(fact: Fact, lang: Lang) -> FactView:
    return made(
        FactView,
        id=fact.id,
        kind=fact.kind,
        area=fact.area,
        text=fact.text.get(lang),
        by=list(fact.by),
        quote=fact.quote,
    )


def present_facts(result: list[Fact], lang: Lang) -> FactsView:
    return listed(FactsView, [_fact(fact, lang) for fact in result])


def present_quotes(result: list[QuoteData], lang: Lang) -> QuotesView:
    return listed(
        QuotesView,
        [
            made(
                QuoteView,
                id=q.id,
                speaker=present_actor(data.speaker, lang) if data.speaker else None,
                french=q.text.fr,
                english=q.text.en,
                context=q.context.get(lang) if q.context else None,
                quote=q.quote,
            )
            for data in result
            for q in (data.quote,)
        ],
    )


def present_countries(result: list[CountryData], lang: Lang) -> CountriesView:
    return listed(
        CountriesView,
        [
            made(
                CountryView,
                code=p.code,
                name=p.name.get(lang),
                name_en=p.name.en,
                name_fr=p.name.fr,
                said=[
                    made(Said, id=f.id, kind=f.kind, text=f.text.get(lang), quote=f.quote) for f in data.said
                ],
            )
            for data in result
            for p in (data.participant,)
        ],
    )


def _hit(match: Match, meeting: int, lang: Lang) -> Hit:
    # The reader's language first, then the other, then the quote or an alias.
    order: tuple[Lang, Lang] = ("fr", "en") if lang == "fr" else ("en", "fr")
    texts = [(f"text_{each}", match.snippets.get(each)) for each in order]
    field, snippet = next((f, s) for f, s in [*texts, match.elsewhere or ("", "")] if s is not None)
    fact = match.fact
    return made(
        Hit,
        id=fact.id,
        kind=fact.kind,
        area=fact.area,
        field=field,
        snippet=snippet,
        text=fact.text.get(lang),
        quote=fact.quote,
        meeting=meeting,
        sources=[],
    )


def _series_hit(found: "SeriesMatch") -> Hit:
    item = found.item
    return made(
        Hit,
        id=item.id,
        kind=item.kind,
        area=None,
        field="text_en" if found.field == "text" else found.field,
        snippet=found.snippet,
        text=item.text,
        quote=None,
        meeting=item.meeting,
        sources=[present_source(ref) for ref in item.sources],
    )


def present_search(result: "MeetingSearch", lang: Lang) -> SearchView:
    hits = [_hit(match, meeting, lang) for meeting, match in result.article]
    hits += [_series_hit(found) for found in result.series]
    view = listed(SearchView, hits)
    view._query = result.query
    return view


def present_meeting_facts(items: "list[SeriesItem]") -> MeetingFactsView:
    return listed(
        MeetingFactsView,
        [
            made(
                MeetingFact,
                id=item.id,
                kind=item.kind,
                area=None,
                text=item.text,
                by=[],
                quote=None,
                meeting=item.meeting,
                topic=item.topic,
                confidence=item.confidence,
                note=item.note,
                sources=[present_source(ref) for ref in item.sources],
            )
            for item in items
        ],
    )
