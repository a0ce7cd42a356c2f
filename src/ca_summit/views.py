"""The records each command returns: their JSON shape (and so their JSON Schema) and their tables.

JSON contract: snake_case keys in a fixed order, amounts in base units, rates as fractions, finite
numbers only, ISO dates. `ca-summit schema COMMAND` prints the schema generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from . import display as d
from .display import Bound, Lang
from .report import Cell, Column, Table, cell

Finite = Annotated[float, Field(allow_inf_nan=False)]


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="null")


class Actor(View):
    id: str = Field(description="ISO 3166-1 alpha-2 code of a participant, or a person's id.")
    name: str
    as_written: str | None = Field(description="How the source names the actor, if otherwise.")


def _names(actors: list[Actor]) -> str:
    return ", ".join(actor.name + (f" ({actor.as_written})" if actor.as_written else "") for actor in actors)


class Driver(View):
    id: str
    label: str
    quote: str


class PointView(View):
    id: str
    kind: str
    text: str
    by: list[Actor]
    subject: str | None
    figures: list[str] = Field(description="Ids of the trade figures the point cites.")
    drivers: list[Driver]
    quote: str = Field(description="Verbatim excerpt of the source.")


# --- areas -------------------------------------------------------------------------------------


class AreaView(View):
    id: str
    number: int
    title: str
    summary: str = Field(description="What was said or proposed, in one paragraph.")
    by: list[Actor] = Field(description="Who said or proposed it, where the source says.")
    is_new: bool | None = Field(description="null where the source does not say.")
    is_new_quote: str | None
    points: list[PointView]
    quote: str


class AreasView(RootModel[list[AreaView]]):
    model_config = ConfigDict(frozen=True)

    def tables(self, lang: Lang) -> list[Table]:
        columns = (
            Column("number", "#", numeric=True),
            Column("title", d.tr(lang, "Area", "Domaine")),
            Column("summary", d.tr(lang, "What was said or proposed", "Ce qui a été dit ou proposé")),
            Column("by", d.tr(lang, "By", "Par")),
            Column("is_new", d.tr(lang, "New", "Nouveau")),
            Column("id", "id", in_table=False),
        )
        rows = [
            (
                cell(area.number),
                cell(area.title),
                cell(area.summary, "\n".join(point.text for point in area.points)),
                cell("; ".join(actor.id for actor in area.by), _names(area.by)),
                cell(area.is_new, d.tr(lang, "yes", "oui") if area.is_new else ""),
                cell(area.id),
            )
            for area in self.root
        ]
        note = d.tr(
            lang,
            "New: blank where the article does not say. Sources: ca-summit areas --json.",
            "Nouveau : vide quand l’article ne le dit pas. Sources : ca-summit areas --json.",
        )
        title = d.tr(lang, "Areas of cooperation", "Domaines de coopération")
        return [Table(title, columns, rows, (note,))]


# --- trade -------------------------------------------------------------------------------------


class Metric(View):
    id: str
    label: str
    value: Finite
    unit: str = Field(description="A currency code, 'fraction' or 'fraction_per_year'.")
    bound: Bound | None = Field(description="lower: at least this; upper: at most this.")
    approximate: bool
    qualifier: str | None = Field(
        description="The source's own qualifier of a stated figure: stated, more_than, less_than, "
        "approaching or about."
    )
    derived: bool = Field(description="Computed from the stated figures rather than stated.")
    basis: str = Field(description="Where the number comes from.")
    quote: str | None = Field(description="Verbatim excerpt of the source, for stated figures.")


def metric_text(metric: Metric, lang: Lang) -> str:
    """`≥ 12.47 %/yr`, `≈ 15 bn USD`: the value with its bound, as a reader wants it."""
    if metric.qualifier is not None:
        return d.qualified(_unit_text(metric, lang, signed=False), metric.qualifier)
    return d.bounded(_unit_text(metric, lang, signed=True), metric.bound, metric.approximate)


def _unit_text(metric: Metric, lang: Lang, *, signed: bool) -> str:
    if metric.unit == "fraction":
        return (d.signed_percent if signed else d.percent)(metric.value, lang, 1)
    if metric.unit == "fraction_per_year":
        return d.percent(metric.value, lang) + d.tr(lang, "/yr", "/an")
    return d.amount(metric.value, metric.unit, lang)


class Assumption(View):
    id: str
    text: str


class Period(View):
    start_year: int
    end_year: int
    years: int


class PathPoint(View):
    year: int
    value: Finite
    progress: Finite = Field(description="value / target.")


Status = Literal["reached", "already_reached", "never_reached", "beyond_horizon"]


class Projection(View):
    target: Finite
    current: Finite
    base_year: int
    rate: Finite
    rate_source: Literal["implied", "given"]
    rate_bound: Bound | None
    status: Status = Field(
        description="beyond_horizon: reached only after the year 9999; never_reached: the rate "
        "does not grow the value."
    )
    already_reached: bool
    years_to_target: Finite | None
    years_bound: Bound | None
    target_year: int | None = Field(description="The first whole year at or above the target.")
    growth_needed: Finite
    by_year: int | None
    required_rate: Finite | None = Field(description="The rate that reaches the target in by_year.")
    path: list[PathPoint]
    path_truncated: bool


class TradeView(View):
    currency: str
    base_year: int
    base_year_assumed: bool
    period: Period
    metrics: list[Metric]
    assumptions: list[Assumption]
    projection: Projection | None

    def tables(self, lang: Lang) -> list[Table]:
        metrics = Table(
            d.tr(lang, "Intra-regional trade", "Commerce intrarégional"),
            (
                Column("label", d.tr(lang, "Metric", "Indicateur")),
                Column("value", d.tr(lang, "Value", "Valeur"), numeric=True),
                Column("unit", d.tr(lang, "Unit", "Unité"), in_table=False),
                Column("bound", d.tr(lang, "Bound", "Borne"), in_table=False),
                Column("approximate", "approximate", in_table=False),
                Column("basis", d.tr(lang, "Basis", "Fondement")),
                Column("id", "id", in_table=False),
            ),
            [
                (
                    cell(metric.label),
                    cell(metric.value, metric_text(metric, lang)),
                    cell(metric.unit),
                    cell(metric.bound),
                    cell(metric.approximate),
                    cell(metric.basis),
                    cell(metric.id),
                )
                for metric in self.metrics
            ],
            (
                d.tr(
                    lang,
                    "> more than, ≈ approaching (the article's words); ≥ at least, ≤ at most "
                    "(what follows from them).",
                    "> plus de, ≈ avoisinant (les mots de l’article) ; ≥ au moins, ≤ au plus "
                    "(ce qui en découle).",
                ),
                *(d.tr(lang, "Assumption: ", "Hypothèse : ") + a.text for a in self.assumptions),
            ),
        )
        if self.projection is None:
            return [metrics]
        projection = self.projection
        path = Table(
            d.tr(lang, "Path to ", "Trajectoire vers ") + d.amount(projection.target, self.currency, lang),
            (
                Column("year", d.tr(lang, "Year", "Année"), numeric=True),
                Column("value", d.tr(lang, "Trade", "Commerce"), numeric=True),
                Column("progress", d.tr(lang, "Progress to target", "Vers la cible"), bar=True),
                Column("progress_pct", "%", numeric=True, in_data=False),
            ),
            [
                (
                    cell(step.year),
                    cell(step.value, d.amount(step.value, self.currency, lang, 4)),
                    cell(step.progress, d.bar(step.progress)),
                    cell(step.progress, d.percent(step.progress, lang, 1)),
                )
                for step in projection.path
            ],
            (d.tr(lang, "Path truncated to 100 years.", "Trajectoire tronquée à 100 ans."),)
            if projection.path_truncated
            else (),
            primary=True,
        )
        return [self._projection_table(projection, lang), path, metrics]

    def _projection_table(self, p: Projection, lang: Lang) -> Table:
        t = d.tr
        rate = d.percent(p.rate, lang) + t(lang, "/yr", "/an")
        source = t(lang, "implied by the article's figures", "tirée des chiffres de l’article")
        if p.rate_source == "given":
            source = t(lang, "given with --rate", "donnée par --rate")
        if p.status == "already_reached":
            when = t(lang, "already reached", "déjà atteinte")
        elif p.status == "never_reached":
            when = t(lang, "never reached at this rate", "jamais atteinte à ce rythme")
        elif p.status == "beyond_horizon":
            when = t(lang, "not before the year 9999", "pas avant l’an 9999")
        else:
            assert p.years_to_target is not None
            when = d.bounded(d.years(p.years_to_target, lang), p.years_bound, False)
            when += t(lang, f", during {p.target_year}", f", courant {p.target_year}")
        fields: list[tuple[str, str, Cell]] = [
            ("target", t(lang, "Target", "Cible"), cell(p.target, d.amount(p.target, self.currency, lang))),
            (
                "current",
                t(lang, f"Trade in {p.base_year}", f"Commerce en {p.base_year}"),
                cell(p.current, d.amount(p.current, self.currency, lang)),
            ),
            (
                "growth_needed",
                t(lang, "Growth needed", "Hausse nécessaire"),
                cell(p.growth_needed, d.signed_percent(p.growth_needed, lang)),
            ),
            (
                "rate",
                t(lang, "Rate", "Rythme"),
                cell(p.rate, d.bounded(rate, p.rate_bound, False) + f" ({source})"),
            ),
            ("years_to_target", t(lang, "Reached in", "Atteinte en"), cell(p.years_to_target, when)),
        ]
        if p.by_year is not None:
            required = (
                d.percent(p.required_rate, lang) + t(lang, "/yr", "/an")
                if p.required_rate is not None
                else t(lang, "none: already reached", "aucun : déjà atteinte")
            )
            fields.append(
                (
                    "required_rate",
                    t(lang, f"Rate needed by {p.by_year}", f"Rythme requis d’ici {p.by_year}"),
                    cell(p.required_rate, required),
                )
            )
        return Table(
            t(lang, "Projection", "Projection"),
            (Column("field", ""), Column("value", "")),
            [(cell(key, label), value) for key, label, value in fields],
            style="fields",
        )


# --- summary -----------------------------------------------------------------------------------


class MeetingView(View):
    name: str
    edition: int
    date: dt.date
    speaker: Actor | None
    quote: str


class AreaLine(View):
    id: str
    title: str
    summary: str
    is_new: bool | None


class SummaryView(View):
    meeting: MeetingView
    participants: list[Actor]
    figures: list[Metric]
    areas: list[AreaLine]
    assumptions: list[Assumption]

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        m = self.meeting
        speaker = m.speaker.name if m.speaker else ""
        fields = [
            ("name", t(lang, "Meeting", "Réunion"), cell(m.name)),
            ("edition", t(lang, "Edition", "Édition"), cell(m.edition)),
            ("date", "Date", cell(m.date.isoformat())),
            (
                "participants",
                t(lang, "Participants", "Participants"),
                cell(
                    "; ".join(a.id for a in self.participants),
                    ", ".join(f"{a.name} ({a.id})" for a in self.participants),
                ),
            ),
            ("speaker", t(lang, "Speaker", "Orateur"), cell(m.speaker.id if m.speaker else None, speaker)),
        ]
        fields += [(f.id, f.label, cell(f.value, metric_text(f, lang))) for f in self.figures]
        fields += [
            (
                a.id,
                a.title + (t(lang, " (new)", " (nouveau)") if a.is_new else ""),
                cell(a.summary),
            )
            for a in self.areas
        ]
        return [
            Table(
                t(lang, "The meeting at a glance", "La réunion en bref"),
                (Column("field", ""), Column("value", "")),
                [(cell(key, label), value) for key, label, value in fields],
                tuple(t(lang, "Assumption: ", "Hypothèse : ") + a.text for a in self.assumptions),
                style="fields",
            )
        ]


# --- facts, quotes, countries, search ----------------------------------------------------------

FactKind = Literal[
    "meeting",
    "participant",
    "person",
    "figure",
    "area",
    "statement",
    "proposal",
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
    model_config = ConfigDict(frozen=True)

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
    model_config = ConfigDict(frozen=True)

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
                        cell(q.speaker.id if q.speaker else None, _names([q.speaker]) if q.speaker else ""),
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
    model_config = ConfigDict(frozen=True)

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


# --- validate ----------------------------------------------------------------------------------


class ProblemView(View):
    line: int
    column: int
    field: str
    message: str


class ValidationView(View):
    file: str
    valid: bool
    problems: list[ProblemView]

    def lines(self) -> list[str]:
        if self.valid:
            return [f"{self.file}: valid"]
        return [
            f"{self.file}:{p.line}:{p.column}: " + (f"{p.field}: " if p.field else "") + p.message
            for p in self.problems
        ]

    def tables(self, lang: Lang) -> list[Table]:
        return [
            Table(
                self.file,
                (
                    Column("line", "line", numeric=True),
                    Column("column", "column", numeric=True),
                    Column("field", "field"),
                    Column("message", "message"),
                ),
                [(cell(p.line), cell(p.column), cell(p.field), cell(p.message)) for p in self.problems],
            )
        ]
