"""`ca-summit trade`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

import math
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..growth import Bound, Known, Status
from ..queries.trade import DERIVED
from ..render import display as d
from ..render.display import Lang
from ..render.report import Cell, Column, Table, cell
from .base import Assumption, Finite, Metric, View, made, metric_text
from .history import ReportedFigure, TradeHistory, present_reported

if TYPE_CHECKING:
    from ..corpus.models import AmountFigure, GrowthFigure
    from ..queries import history as q
    from ..queries.history import Reported
    from ..queries.trade import ProjectionResult, TradeResult


class Period(View):
    start_year: int
    end_year: int
    years: int


class PathPoint(View):
    year: int
    value: Finite
    progress: Finite = Field(description="value / target.")
    bound: Bound | None = Field(
        description="Of value and progress: lower, at least this (the rate is a lower bound); upper, at most."
    )
    approximate: bool
    reported: list[ReportedFigure] = Field(
        description="The intra-regional figures the series later reported for this year, with where "
        "each falls against the path."
    )


ProjectedStatus = Literal["reaches_target", "already_reached", "never_reaches", "beyond_horizon"]
_PROJECTED: dict[Status, ProjectedStatus] = {
    "reached": "reaches_target",
    "already_reached": "already_reached",
    "never_reached": "never_reaches",
    "beyond_horizon": "beyond_horizon",
}


class Verdict(View):
    status: Literal["below_path", "on_path", "above_path", "undetermined", "mixed"] = Field(
        description="Where the figures reported for `year` fall against the path value and its bound "
        "(each figure's own position is in path[].reported): below_path (the pace did not hold), "
        "on_path, above_path, undetermined (a bounded figure across the path's edge), mixed (the "
        "figures fall on different sides)."
    )
    year: int = Field(description="The latest path year with reported figures.")
    claims: list[str] = Field(description="The ids of the figures reported for that year.")
    reported_min: Finite = Field(description="The smallest of their values, in base units.")
    reported_max: Finite = Field(description="The largest of their values.")
    path_value: Finite = Field(description="The path's value for that year.")
    path_bound: Bound | None = Field(description="lower: the path value is an at-least; upper: an at-most.")
    path_approximate: bool
    target_reached: bool = Field(
        description="A figure reported for that year is at or above the target (an 'up to' is not)."
    )


class Projection(View):
    target: Finite
    current: Finite
    current_qualifier: str = Field(description="The source's qualifier of the current figure.")
    current_bound: Bound | None
    current_approximate: bool
    base_year: int
    rate: Finite
    rate_source: Literal["implied", "given"]
    rate_bound: Bound | None
    rate_approximate: bool
    base_year_basis: Literal["data", "assumed", "given", "reported"] = Field(
        description="Where the base year comes from: the data; the data's assumption (the article does "
        "not say it); --base-year; or the reported figure of --from (start_claim)."
    )
    start_claim: str | None = Field(
        description="With --from: the trade claim whose figure and year the path starts from."
    )
    projected_status: ProjectedStatus = Field(
        description="What the path does, if the pace held (a projection, not a fact): reaches_target "
        "(in target_year); already_reached (the current figure is at or above the target); never_reaches "
        "(the rate does not grow the value); beyond_horizon (only after the year 9999)."
    )
    already_reached: bool
    years_to_target: Finite | None
    years_bound: Bound | None = Field(description="Of years_to_target and of target_year.")
    years_approximate: bool
    target_year: int | None = Field(description="The first year of the path at or above the target.")
    growth_needed: Finite
    growth_needed_bound: Bound | None
    growth_needed_approximate: bool
    by_year: int | None
    required_rate: Finite | None = Field(description="The rate that reaches the target in by_year.")
    required_rate_bound: Bound | None
    required_rate_approximate: bool
    path: list[PathPoint]
    path_truncated: bool = Field(
        description="The path stops before its end year: after 100 years, at the year 9999 (the "
        "calendar's end) short of the target, or where values overflow."
    )
    verdict: Verdict | None = Field(
        description="What happened: the path against the latest of its years the series reported "
        "figures for; null when none of its years has any yet."
    )


class TradeView(View):
    currency: str
    base_year: int | None = Field(
        description="null with --history where no meeting has an article's figures."
    )
    base_year_assumed: bool
    period: Period | None
    metrics: list[Metric]
    assumptions: list[Assumption]
    projection: Projection | None
    history: TradeHistory | None = Field(description="With --history: every claim of the meeting series.")

    def tables(self, lang: Lang) -> list[Table]:
        if self.history is not None:
            return self.history.tables(lang)
        metrics = Table(
            d.tr(lang, "Intra-regional trade", "Commerce intrarégional"),
            (
                Column("label", d.tr(lang, "Metric", "Indicateur")),
                Column("value", d.tr(lang, "Value", "Valeur"), numeric=True),
                Column("unit", d.tr(lang, "Unit", "Unité"), in_table=False),
                Column("bound", d.tr(lang, "Bound", "Borne"), in_table=False),
                Column("approximate", "approximate", in_table=False),
                Column("qualifier", "qualifier", in_table=False),
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
                    cell(metric.qualifier),
                    cell(metric.basis),
                    cell(metric.id),
                )
                for metric in self.metrics
            ],
            (
                d.tr(
                    lang,
                    "> more than, ≈ close to (the article's words); ≥ at least, ≤ at most "
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
                Column("bound", d.tr(lang, "Bound", "Borne"), in_table=False),
                Column("approximate", "approximate", in_table=False),
            ),
            [
                (
                    cell(
                        step.year, _base_year(projection, lang) if step.year == projection.base_year else None
                    ),
                    cell(step.value, _known(d.amount(step.value, self.currency, lang, decimals=2), step)),
                    cell(step.progress, d.bar(step.progress)),
                    cell(step.progress, _known(d.percent(step.progress, lang, 1, fixed=True), step)),
                    cell(step.bound),
                    cell(step.approximate),
                )
                for step in projection.path
            ],
            (
                *_path_notes(projection.path, lang),
                *(
                    (
                        d.tr(
                            lang,
                            "Path shortened: at most 100 years, none after 9999, and no further than "
                            "finite numbers go.",
                            "Trajectoire raccourcie : 100 ans au plus, aucune année après 9999, et pas "
                            "au-delà des nombres finis.",
                        ),
                    )
                    if projection.path_truncated
                    else ()
                ),
            ),
            primary=True,
        )
        later = _reported_table(projection, self.currency, lang)
        return [self._projection_table(projection, lang), path, *later, metrics]

    def _projection_table(self, p: Projection, lang: Lang) -> Table:
        t = d.tr
        assert self.period is not None  # a projection starts from an article's figures
        period = f"{self.period.start_year}–{self.period.end_year}"
        source = t(lang, f"the {period} pace carried forward", f"le rythme de {period}, prolongé")
        if p.rate_source == "given":
            source = t(lang, "given with --rate", "donné par --rate")
        rate = d.bounded(d.percent(p.rate, lang) + t(lang, "/yr", "/an"), p.rate_bound, p.rate_approximate)
        fields: list[tuple[str, str, Cell]] = [
            ("target", t(lang, "Target", "Cible"), cell(p.target, d.amount(p.target, self.currency, lang))),
            (
                "current",
                t(lang, "Trade in ", "Commerce en ") + _base_year(p, lang),
                cell(p.current, d.qualified(d.amount(p.current, self.currency, lang), p.current_qualifier)),
            ),
            (
                "growth_needed",
                t(lang, "Growth needed", "Hausse nécessaire"),
                cell(
                    p.growth_needed,
                    d.bounded(
                        d.signed_percent(p.growth_needed, lang),
                        p.growth_needed_bound,
                        p.growth_needed_approximate,
                    ),
                ),
            ),
            ("rate", t(lang, "Rate", "Rythme"), cell(p.rate, f"{rate} ({source})")),
            (
                "years_to_target",
                t(lang, "Target on the path", "Cible sur la trajectoire"),
                cell(p.years_to_target, _when(p, lang)),
            ),
            (
                "verdict",
                t(lang, "Against the reports", "Face aux chiffres"),
                cell(None if p.verdict is None else p.verdict.status, _verdict_text(p, self.currency, lang)),
            ),
        ]
        if p.by_year is not None:
            required = (
                d.bounded(
                    d.percent(p.required_rate, lang) + t(lang, "/yr", "/an"),
                    p.required_rate_bound,
                    p.required_rate_approximate,
                )
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


def _date(date: str | None, lang: Lang) -> str:
    from .history import partial_date

    return partial_date(date, lang) if date else ""


_POSITIONS = {
    "below": ("below", "en dessous"),
    "within": ("within", "dans la trajectoire"),
    "above": ("above", "au-dessus"),
    "undetermined": ("undetermined", "indéterminé"),
}


def _reported_table(p: Projection, currency: str, lang: Lang) -> list[Table]:
    """The figures later reported for the path's years, beside the path value: whether the pace held."""
    from .history import claim_sign, sources, speaker

    t = d.tr
    rows = [
        (
            cell(step.year),
            cell(step.value, _known(d.amount(step.value, currency, lang, decimals=2), step)),
            cell(r.value, claim_sign(r.qualifier) + d.amount(r.value, r.currency, lang, decimals=2)),
            cell(r.position, t(lang, *_POSITIONS[r.position])),
            cell(
                r.speaker,
                "\n".join(
                    filter(
                        None,
                        (speaker(r.speaker, r.speaker_role), _date(r.stated_on, lang) or r.stated_on_note),
                    )
                ),
            ),
            cell(None, sources(r.sources, lang)),
        )
        for step in p.path
        for r in step.reported
    ]
    if not rows:
        return []
    return [
        Table(
            t(lang, "Reported later", "Rapporté depuis"),
            (
                Column("year", t(lang, "Year", "Année"), numeric=True),
                Column("path", t(lang, "Path", "Trajectoire"), numeric=True),
                Column("value", t(lang, "Reported", "Rapporté"), numeric=True),
                Column("position", t(lang, "Against the path", "Face à la trajectoire")),
                Column("speaker", t(lang, "Stated by", "Dit par")),
                Column("sources", t(lang, "Sources", "Sources")),
            ),
            rows,
            (
                t(
                    lang,
                    "below: under the path's whole range (≥: under its lower bound, the pace did not hold); "
                    "within: inside it; above: over it.",
                    "en dessous : sous toute la plage de la trajectoire (≥ : sous son minimum, le rythme "
                    "n’a pas tenu) ; dans la trajectoire : dedans ; au-dessus : au-delà.",
                ),
            ),
        )
    ]


def _known(text: str, step: PathPoint) -> str:
    return d.bounded(text, step.bound, step.approximate)


def _path_notes(path: list[PathPoint], lang: Lang) -> tuple[str, ...]:
    """What the signs in the path mean, for the signs it uses."""
    bounds = {step.bound for step in path}
    notes = []
    if "lower" in bounds:
        notes.append(
            d.tr(
                lang,
                "≥ at least: the path grows from lower bounds.",
                "≥ au moins : la trajectoire part de minimums.",
            )
        )
    if "upper" in bounds:
        notes.append(
            d.tr(
                lang,
                "≤ at most: the path grows from upper bounds.",
                "≤ au plus : la trajectoire part de maximums.",
            )
        )
    if any(step.approximate and step.bound is None for step in path):
        notes.append(
            d.tr(
                lang,
                "≈ about: the path grows from approximate figures.",
                "≈ environ : la trajectoire part de chiffres approchés.",
            )
        )
    return tuple(notes)


def _when(p: Projection, lang: Lang) -> str:
    """When the target is reached, worded as surely as the bounds allow."""
    t = d.tr
    if p.projected_status == "already_reached":
        if p.current_bound == "upper":  # the true figure may be below the target
            return t(
                lang,
                "already reached by this figure, which is an upper bound",
                "déjà atteinte par ce chiffre, qui est un maximum",
            )
        return t(lang, "already reached", "déjà atteinte")
    if p.projected_status == "never_reaches":
        if "lower" in (p.rate_bound, p.current_bound):  # the true figures may yet get there
            return t(
                lang,
                "not reached at these figures, which are lower bounds",
                "pas atteinte avec ces chiffres, qui sont des minimums",
            )
        return t(lang, "never reached at this rate", "jamais atteinte à ce rythme")
    if p.projected_status == "beyond_horizon":  # the path's value in 9999, the calendar's last year, is short
        if p.years_bound == "upper":  # figures that are lower bounds: the true path may get there
            return t(
                lang,
                "after the year 9999 at these figures, which are lower bounds: perhaps sooner",
                "après l’an 9999 avec ces chiffres, qui sont des minimums : peut-être plus tôt",
            )
        return t(lang, "after the year 9999 at this rate", "après l’an 9999 à ce rythme")
    year = p.target_year
    if p.years_bound == "upper":
        phrase = t(lang, f"by {year} at the latest", f"au plus tard en {year}")
    elif p.years_bound == "lower":
        phrase = t(lang, f"in {year} at the earliest", f"au plus tôt en {year}")
    elif p.years_approximate:
        phrase = t(lang, f"around {year}", f"vers {year}")
    else:
        phrase = t(lang, f"during {year}", f"courant {year}")
    if p.years_to_target is not None:
        years = d.bounded(d.years(p.years_to_target, lang), p.years_bound, p.years_approximate)
        phrase = f"{phrase} ({years})"
    # A projection, never a fact: the path reaches the target only if the pace held.
    return t(
        lang,
        f"the path reaches it {phrase}, if the pace held",
        f"la trajectoire l’atteint {phrase}, si le rythme tenait",
    )


_BASE_YEAR_NOTE = {
    "data": ("", ""),
    "assumed": (" (assumed)", " (hypothèse)"),
    "given": (" (given)", " (choisie)"),
    "reported": (" (reported, {claim})", " (rapporté, {claim})"),
}


def _base_year(p: Projection, lang: Lang) -> str:
    """The base year with where it comes from: the article does not say it, so it is assumed."""
    return f"{p.base_year}{d.tr(lang, *_BASE_YEAR_NOTE[p.base_year_basis]).format(claim=p.start_claim)}"


_VERDICT_WORDS = {
    "below_path": ("below the path's", "sous la trajectoire,"),
    "on_path": ("within the path's", "dans la trajectoire,"),
    "above_path": ("above the path's", "au-dessus de la trajectoire,"),
    "undetermined": ("undetermined against the path's", "indéterminé face à la trajectoire,"),
    "mixed": ("on both sides of the path's", "de part et d’autre de la trajectoire,"),
}


def _verdict_text(p: Projection, currency: str, lang: Lang) -> str:
    """`not reached: 2024 reported 10.7–11.5 bn USD, below the path's ≥ 13.41 bn USD`."""
    t = d.tr
    v = p.verdict
    if v is None:
        later = [step.year for step in p.path if step.year != p.base_year]
        if not later:  # a path that stops at its base year (9999): no year to compare
            return t(
                lang,
                f"nothing to compare: the path has no year after {p.base_year}",
                f"rien à comparer : la trajectoire n’a pas d’année après {p.base_year}",
            )
        span = f"{later[0]}–{later[-1]}" if len(later) > 1 else str(later[0])
        return t(lang, f"nothing reported yet for {span}", f"rien de rapporté encore pour {span}")
    reported = _range(v, p, currency, lang)
    path = d.bounded(d.amount(v.path_value, currency, lang, decimals=2), v.path_bound, v.path_approximate)
    en, fr = _VERDICT_WORDS[v.status]
    head = (
        t(lang, "target reached", "cible atteinte")
        if v.target_reached
        else t(lang, "not reached", "pas atteinte")
    )
    return t(
        lang,
        f"{head}: {v.year} reported {reported}, {en} {path}",
        f"{head} : {reported} rapportés pour {v.year}, {fr} {path}",
    )


def _range(v: Verdict, p: Projection, currency: str, lang: Lang) -> str:
    """The figures of the verdict's year: one amount, or `10.7–11.5 bn USD`; with their signs when
    a figure is qualified (`> 10 bn USD, 11 bn USD`)."""
    from .history import claim_sign

    step = next(step for step in p.path if step.year == v.year)
    figures = [(r.qualifier, r.value) for r in step.reported]
    if any(q != "exact" for q, _ in figures):
        return ", ".join(
            dict.fromkeys(claim_sign(q) + d.amount(value, currency, lang) for q, value in figures)
        )
    low, high = d.amount(v.reported_min, currency, lang), d.amount(v.reported_max, currency, lang)
    if low == high:
        return low
    number, unit = low.split(None, 1)
    return f"{number}–{high}" if high.endswith(unit) else f"{low} – {high}"


# --- from the query's language-neutral result ---------------------------------------------------


def present(
    result: "TradeResult",
    lang: Lang,
    *,
    reported: "dict[int, list[Reported]] | None" = None,
    history: TradeHistory | None = None,
) -> TradeView:
    """The trade result in `lang`: labels, bases and assumptions worded, numbers kept as numbers;
    `reported`, the series' figures for the path's years; `history`, the series' claims."""
    t, c, span = result.trade, result.trade.currency, result.period
    period = f"{span.start_year}–{span.end_year}"
    stated = d.tr(lang, "stated", "chiffre de l’article")
    # The year is the data's reading (or the user's), not the article's: say so beside "stated".
    year_note = {
        "data": "",
        "assumed": d.tr(lang, " (assumed)", " (hypothèse)"),
        "given": d.tr(lang, " (given)", " (choisie)"),
    }[result.base_year_source]
    start, implied, to_potential = DERIVED
    derived = d.tr(lang, "derived: ", "calculé : ")
    metrics = [
        _stated(
            t.current,
            result.current,
            lang,
            c,
            f"{stated}; {d.tr(lang, 'year', 'année')} {result.base_year}{year_note}",
        ),
        _stated(t.growth, result.growth, lang, "fraction", f"{stated}; {period}{year_note}"),
        _derived(
            start.id,
            d.tr(lang, f"trade in {span.start_year}", f"commerce en {span.start_year}"),
            result.start,
            c,
            derived + start.formula.get(lang),
        ),
        _derived(
            implied.id,
            implied.label.get(lang),
            result.implied,
            "fraction_per_year",
            derived + implied.formula.get(lang).format(years=span.years),
        ),
    ]
    if t.potential is not None and result.potential is not None:
        metrics.append(_stated(t.potential, result.potential, lang, c, stated))
        if result.to_potential is not None:
            metrics.append(
                _derived(
                    to_potential.id,
                    to_potential.label.get(lang),
                    result.to_potential,
                    "fraction",
                    derived + to_potential.formula.get(lang),
                )
            )
    return made(
        TradeView,
        currency=c,
        base_year=result.base_year,
        base_year_assumed=result.base_year_source == "assumed",
        period=made(Period, start_year=span.start_year, end_year=span.end_year, years=span.years),
        metrics=metrics,
        assumptions=[made(Assumption, id=a.id, text=a.text.get(lang)) for a in result.assumptions],
        projection=None
        if result.projection is None
        else _projection(result.projection, reported or {}, lang, result.base_year_source),
        history=history,
    )


def _stated(figure: "AmountFigure | GrowthFigure", known: Known, lang: Lang, unit: str, basis: str) -> Metric:
    return made(
        Metric,
        id=figure.id,
        label=figure.label.get(lang),
        value=known.value,
        unit=unit,
        bound=known.bound,
        approximate=known.approximate,
        qualifier=figure.qualifier,
        derived=False,
        basis=basis,
        quote=figure.quote,
    )


def _derived(id: str, label: str, known: Known, unit: str, basis: str) -> Metric:
    return made(
        Metric,
        id=id,
        label=label,
        value=known.value,
        unit=unit,
        bound=known.bound,
        approximate=known.approximate,
        qualifier=None,
        derived=True,
        basis=basis,
        quote=None,
    )


def _projection(
    p: "ProjectionResult",
    reported: "dict[int, list[Reported]]",
    lang: Lang,
    base_year_basis: Literal["data", "assumed", "given"],
) -> Projection:
    from ..queries.history import verdict

    found = verdict(reported, p.path, p.target)
    already = p.status == "already_reached"
    years = p.years_to_target
    return made(
        Projection,
        target=p.target,
        current=p.current.value,
        current_qualifier=p.current_qualifier,
        current_bound=p.current.bound,
        current_approximate=p.current.approximate,
        base_year=p.base_year,
        rate=p.rate.value,
        rate_source=p.rate_source,
        rate_bound=p.rate.bound,
        rate_approximate=p.rate.approximate,
        base_year_basis="reported" if p.start_claim is not None else base_year_basis,
        start_claim=p.start_claim,
        projected_status=_PROJECTED[p.status],
        already_reached=already,
        years_to_target=None if years is None or not math.isfinite(years.value) else years.value,
        years_bound=None if years is None else years.bound,
        years_approximate=False if years is None else years.approximate,
        target_year=p.target_year,
        growth_needed=p.growth_needed.value,
        growth_needed_bound=p.growth_needed.bound,
        growth_needed_approximate=p.growth_needed.approximate,
        by_year=p.by_year,
        required_rate=None if p.required_rate is None else p.required_rate.value,
        required_rate_bound=None if p.required_rate is None else p.required_rate.bound,
        required_rate_approximate=False if p.required_rate is None else p.required_rate.approximate,
        path=[
            made(
                PathPoint,
                year=step.year,
                value=step.value.value,
                progress=step.progress.value,
                bound=step.value.bound,
                approximate=step.value.approximate,
                reported=[present_reported(r, lang) for r in reported.get(step.year, [])],
            )
            for step in p.path
        ],
        path_truncated=p.path_truncated,
        verdict=None if found is None else _verdict(found),
    )


def _verdict(v: "q.Verdict") -> Verdict:
    return made(
        Verdict,
        status=v.status,
        year=v.year,
        claims=v.claims,
        reported_min=v.reported_min,
        reported_max=v.reported_max,
        path_value=v.step.value.value,
        path_bound=v.step.value.bound,
        path_approximate=v.step.value.approximate,
        target_reached=v.target_reached,
    )


def history_alone(history: TradeHistory) -> TradeView:
    """--history where no article gives figures to start from: the reported figures alone."""
    return made(
        TradeView,
        currency="USD",
        base_year=None,
        base_year_assumed=False,
        period=None,
        metrics=[],
        assumptions=[],
        projection=None,
        history=history,
    )
