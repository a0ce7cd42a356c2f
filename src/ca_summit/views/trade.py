"""`ca-summit trade`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from typing import Literal

from pydantic import Field

from .. import display as d
from ..display import Bound, Lang
from ..report import Cell, Column, Table, cell
from .base import Assumption, Finite, Metric, View, metric_text


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
    path_truncated: bool = Field(
        description="The path stops before its end year: after 100 years, or where values overflow."
    )


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
                    cell(step.value, d.amount(step.value, self.currency, lang, decimals=2)),
                    cell(step.progress, d.bar(step.progress)),
                    cell(step.progress, d.percent(step.progress, lang, 1, fixed=True)),
                )
                for step in projection.path
            ],
            (
                d.tr(
                    lang,
                    "Path shortened: at most 100 years, and no further than finite numbers go.",
                    "Trajectoire raccourcie : 100 ans au plus, et pas au-delà des nombres finis.",
                ),
            )
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
