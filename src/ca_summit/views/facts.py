"""`ca-summit facts`, `quotes`, `countries` and `search`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from typing import Literal

from pydantic import ConfigDict, Field, RootModel

from .. import display as d
from ..display import Lang
from ..report import Column, Table, cell
from .base import Actor, View, names

FactKind = Literal[
    "meeting",
    "participant",
    "person",
    "figure",
    "area",
    "statement",
    "proposal",
    "advocacy",
    "announcement",
    "estimate",
    "observation",
    "concern",
    "context",
    "driver",
    "quote",
]


class FactView(View):
    id: str
    kind: FactKind
    area: str | None = Field(description="The id of the area the fact belongs to, if any.")
    text: str
    by: list[str] = Field(description="Actor ids: participant codes or person ids.")
    quote: str = Field(description="Verbatim excerpt of the source.")


class FactsView(RootModel[list[FactView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)

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
                        cell(f.kind),
                        cell(f.area),
                        cell(f.text),
                        cell("; ".join(f.by), ", ".join(f.by)),
                        cell(f.quote, f"« {f.quote} »"),
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
                        cell(q.french, f"« {q.french} »"),
                        cell(q.english, f"“{q.english}”"),
                        cell(q.context),
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
                        cell(" | ".join(s.text for s in c.said), "\n".join(f"• {s.text}" for s in c.said)),
                    )
                    for c in self.root
                ],
            )
        ]


class Hit(View):
    id: str
    kind: FactKind
    area: str | None
    field: str = Field(description="Where the text matched: text_en, text_fr, quote or alias.")
    snippet: str = Field(description="The matching text, shortened around the match.")
    text: str
    quote: str


class SearchView(View):
    query: str
    count: int
    hits: list[Hit]

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        note = () if self.hits else (t(lang, "No match.", "Aucun résultat."),)
        return [
            Table(
                t(lang, f"Search: {self.query}", f"Recherche : {self.query}"),
                (
                    Column("id", "id"),
                    Column("kind", t(lang, "Kind", "Type")),
                    Column("field", t(lang, "Matched in", "Trouvé dans")),
                    Column("snippet", t(lang, "Match", "Extrait")),
                    Column("text", t(lang, "Fact", "Fait")),
                ),
                [(cell(h.id), cell(h.kind), cell(h.field), cell(h.snippet), cell(h.text)) for h in self.hits],
                note,
            )
        ]
