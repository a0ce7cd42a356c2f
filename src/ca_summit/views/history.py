"""`ca-summit trade --history`, and the figures reported later beside a projection's path.

Every claim keeps its own qualifier, speaker and sources; nothing here picks one figure over another.
"""

# No `from __future__ import annotations` in views (see views/trade.py).

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..render import display as d
from ..render.display import Lang
from ..render.report import Cell, Column, Table, cell
from .base import Finite, Source, View, copied, made, present_source

if TYPE_CHECKING:
    from ..corpus.models import Conflict
    from ..queries import history as q

YearBasis = Literal["stated", "last_year", "not_stated", "assumption"]
# The claims' qualifiers as signs, as the article's are in display.py.
_SIGNS = {"exact": "", "more_than": "> ", "about": "≈ ", "up_to": "≤ ", "at_least": "≥ "}


def claim_sign(qualifier: str | None) -> str:
    return _SIGNS.get(qualifier or "", "")


class ConflictLink(View):
    id: str = Field(description="The conflict's id in the data (the facts table's C-number).")
    topic: str


class ClaimGrowth(View):
    rate: Finite | None = Field(description="A fraction: 0.27 is +27 %.")
    multiplier: Finite | None
    multiplier_max: Finite | None
    qualifier: str
    period_years: int | None
    since_year: int | None
    note: str | None


class Claim(View):
    id: str
    meeting: int = Field(description="The edition of the meeting whose file holds the claim.")
    scope: str
    country: str | None
    countries: list[str]
    flow: str
    year: int | None = Field(description="The year the figure refers to; null when not stated.")
    year_basis: YearBasis = Field(
        description="stated; last_year (said as 'last year'); assumption (year_assumption names it); "
        "not_stated."
    )
    year_assumption: str | None
    year_assumption_text: str | None
    part_of_year: str | None
    value: Finite | None = Field(description="In base units of currency.")
    qualifier: str | None = Field(description="exact, more_than, about, up_to or at_least.")
    currency: str
    start_value: Finite | None
    start_year: int | None
    growth: list[ClaimGrowth]
    speaker: str
    speaker_role: str | None
    stated_on: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known.")
    stated_on_note: str | None
    occasion: str
    confidence: str
    note: str | None
    differs_from: list[str] = Field(description="Claims for the same year more than 5 % apart.")
    conflicts: list[ConflictLink]
    sources: list[Source]


class HistoryTarget(View):
    id: str
    meeting: int
    scope: str
    country: str | None
    countries: list[str]
    value: Finite | None
    multiplier: Finite | None
    multiplier_max: Finite | None
    qualifier: str | None
    currency: str
    by_year: int | None
    within_years: int | None
    horizon: str | None
    claim: str | None
    set_by: str
    set_by_role: str | None
    set_on: str | None
    occasion: str
    confidence: str
    note: str | None
    conflicts: list[ConflictLink]
    sources: list[Source]


class Disagreement(View):
    year: int
    claims: list[str]
    values: list[Finite]
    spread: Finite = Field(description="Largest / smallest − 1.")
    conflicts: list[ConflictLink]


class TradeHistory(View):
    since: int | None = Field(
        description="--since or --year: only figures and targets for this year or later; null: no bound. "
        "Under a bound, those that refer to no year are left out."
    )
    until: int | None = Field(description="--until or --year: this year or earlier; null: no bound.")
    tolerance: Finite = Field(description="Same-year figures further apart than this fraction disagree.")
    claims: list[Claim] = Field(description="Intra-regional trade, by the year referred to; no year last.")
    other_scopes: list[Claim] = Field(description="One country's, bilateral or external: not the series.")
    disagreements: list[Disagreement]
    targets: list[HistoryTarget]

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        by_id = {claim.id: claim for claim in self.claims}
        claims = Table(
            t(lang, "Intra-regional trade, as reported", "Commerce intrarégional, tel que rapporté"),
            (
                Column("year", t(lang, "Year", "Année")),
                Column("value", t(lang, "Trade", "Commerce"), numeric=True),
                Column("growth", t(lang, "Growth", "Hausse")),
                Column("speaker", t(lang, "Stated by", "Dit par")),
                Column("stated_on", t(lang, "When", "Quand"), in_table=False),
                Column("sources", t(lang, "Sources", "Sources")),
                Column("differs_from", t(lang, "Conflict", "Conflit")),
                Column("id", "id", in_table=False),
                Column("year_basis", "year_basis", in_table=False),
                Column("qualifier", "qualifier", in_table=False),
                Column("conflicts", "conflicts", in_table=False),
                Column("confidence", "confidence", in_table=False),
            ),
            [
                (
                    cell(c.year, year_text(c, lang)),
                    cell(c.value, claim_value(c, lang)),
                    _lines(growth_text(c.growth, lang)),
                    # Who, when and where in one cell: the table stays a table on a narrow screen.
                    cell(
                        c.speaker,
                        speaker(c.speaker, c.speaker_role)
                        + "\n"
                        + when(c.stated_on, c.stated_on_note, c.occasion, lang),
                    ),
                    cell(c.stated_on),
                    _lines(sources(c.sources, lang)),
                    cell(" ".join(c.differs_from) or None, _disagrees(c)),
                    cell(c.id),
                    cell(c.year_basis),
                    cell(c.qualifier),
                    _conflict_ids(c.conflicts),
                    cell(c.confidence),
                )
                for c in self.claims
            ],
            (
                t(
                    lang,
                    "> more than, ≈ about, ≤ up to, ≥ at least (the sources' words).",
                    "> plus de, ≈ environ, ≤ jusqu’à, ≥ au moins (les mots des sources).",
                ),
                t(
                    lang,
                    "Year: as stated, said as “last year”, or assumed (see the data's assumption); "
                    "figures with no year come last, by the day they were given.",
                    "Année : dite, dite « l’an dernier », ou supposée (voir l’hypothèse des données) ; "
                    "les chiffres sans année viennent en dernier, par date.",
                ),
                t(
                    lang,
                    f"≠: another figure for the same year more than {d.percent(self.tolerance, lang, 0)} "
                    "away; cN: the conflict of the facts table.",
                    "≠ : un autre chiffre pour la même année, à plus de "
                    f"{d.percent(self.tolerance, lang, 0)} ; cN : le conflit de la table des faits.",
                ),
            ),
            empty=self._none(lang),
        )
        tables = [*self._by_year(lang), claims]
        if self.disagreements:
            tables.append(
                Table(
                    t(lang, "Figures that disagree", "Chiffres en désaccord"),
                    (
                        Column("year", t(lang, "Year", "Année"), numeric=True),
                        Column("claims", t(lang, "Figures, side by side", "Chiffres, côte à côte")),
                        Column("spread", t(lang, "Spread", "Écart"), numeric=True),
                        Column("conflicts", t(lang, "Conflict", "Conflit")),
                    ),
                    [
                        (
                            cell(g.year),
                            cell(" ".join(g.claims), "\n".join(_side(by_id[i], lang) for i in g.claims)),
                            cell(g.spread, d.percent(g.spread, lang, 1)),
                            cell(" ".join(c.id for c in g.conflicts) or None, _conflicts(g.conflicts)),
                        )
                        for g in self.disagreements
                    ],
                )
            )
        if self.other_scopes:
            tables.append(
                Table(
                    t(lang, "Other scopes, not part of the series", "Autres périmètres, hors série"),
                    (
                        Column("scope", t(lang, "Scope", "Périmètre")),
                        Column("year", t(lang, "Year", "Année")),
                        Column("value", t(lang, "Trade", "Commerce"), numeric=True),
                        Column("growth", t(lang, "Growth", "Hausse")),
                        Column("speaker", t(lang, "Stated by", "Dit par")),
                        Column("sources", t(lang, "Sources", "Sources")),
                        Column("conflicts", t(lang, "Conflict", "Conflit")),
                    ),
                    [
                        (
                            cell(c.scope, scope_text(c.scope, c.country, c.countries, c.flow, lang)),
                            cell(c.year, year_text(c, lang)),
                            cell(c.value, claim_value(c, lang)),
                            cell(None, growth_text(c.growth, lang)),
                            cell(
                                c.speaker, speaker(c.speaker, c.speaker_role) + "\n" + _on(c.stated_on, lang)
                            ),
                            cell(None, sources(c.sources, lang)),
                            _conflict_ids(c.conflicts),
                        )
                        for c in self.other_scopes
                    ],
                )
            )
        if self.targets:
            tables.append(
                Table(
                    t(lang, "Targets", "Cibles"),
                    (
                        Column("value", t(lang, "Target", "Cible"), numeric=True),
                        Column("scope", t(lang, "Scope", "Périmètre")),
                        Column("horizon", t(lang, "Horizon", "Horizon")),
                        Column("set_by", t(lang, "Set by", "Fixée par")),
                        Column("set_on", t(lang, "When", "Quand")),
                        Column("sources", t(lang, "Sources", "Sources")),
                        Column("conflicts", t(lang, "Conflict", "Conflit")),
                    ),
                    [
                        (
                            cell(g.value, target_value(g, lang)),
                            cell(g.scope, scope_text(g.scope, g.country, g.countries, "trade", lang)),
                            cell(g.horizon, _horizon(g, lang)),
                            cell(g.set_by, speaker(g.set_by, g.set_by_role)),
                            cell(g.set_on, when(g.set_on, None, g.occasion, lang)),
                            cell(None, sources(g.sources, lang)),
                            _conflict_ids(g.conflicts),
                        )
                        for g in self.targets
                    ],
                )
            )
        return tables

    def _by_year(self, lang: Lang) -> list[Table]:
        """A text chart of the series: a bar a year, solid to its lowest figure and shaded to its
        highest, every year between the first and the last, a year without a figure included."""
        t = d.tr
        by_year: dict[int, list[Claim]] = {}
        for c in self.claims:
            if c.year is not None and c.value is not None:
                by_year.setdefault(c.year, []).append(c)
        if not by_year:
            return []
        top = max(c.value or 0.0 for claims in by_year.values() for c in claims)
        rows = []
        for year in range(min(by_year), max(by_year) + 1):
            found = sorted(by_year.get(year, []), key=lambda c: c.value or 0.0)
            values = [c.value or 0.0 for c in found]
            rows.append(
                (
                    cell(year),
                    cell(None, d.range_bar(min(values) / top, max(values) / top) if found else ""),
                    cell(None, ", ".join(_short(c, lang) for c in found) or "—"),
                )
            )
        return [
            Table(
                t(lang, "By year, at a glance", "Par année, d’un coup d’œil"),
                (
                    Column("year", t(lang, "Year", "Année")),
                    Column("bar", "", bar=True),
                    Column("values", t(lang, "Figures", "Chiffres")),
                ),
                rows,
                (
                    t(
                        lang,
                        "█ up to the year's lowest figure, ░ up to its highest; the figures, in full, below.",
                        "█ jusqu’au plus bas chiffre de l’année, ░ jusqu’au plus haut ; les chiffres, en "
                        "entier, ci-dessous.",
                    ),
                ),
            )
        ]

    def _none(self, lang: Lang) -> str:
        """What the claims table says when it has no row: which years were asked for."""
        t = d.tr
        if self.since is None and self.until is None:
            return t(
                lang,
                "No intra-regional trade figure in the data.",
                "Aucun chiffre du commerce intrarégional.",
            )
        if self.since == self.until:
            years = t(lang, f"to {self.since}", f"à {self.since}")
        elif self.until is None:
            years = t(lang, f"to {self.since} or later", f"à {self.since} ou après")
        elif self.since is None:
            years = t(lang, f"to {self.until} or earlier", f"à {self.until} ou avant")
        else:
            years = t(lang, f"to {self.since}–{self.until}", f"à {self.since}–{self.until}")
        return t(
            lang,
            f"No intra-regional trade figure refers {years}.",
            f"Aucun chiffre du commerce intrarégional ne se rapporte {years}.",
        )


def _short(claim: "Claim", lang: Lang) -> str:
    value = claim_sign(claim.qualifier) + d.amount(claim.value or 0.0, claim.currency, lang)
    return value + (f" ({claim.part_of_year})" if claim.part_of_year else "")


# --- wording ----------------------------------------------------------------------------------


def partial_date(text: str, lang: Lang) -> str:
    """`2024-08-09` as a long date, `2024-05` as a month, `2019` as it is: never more precise."""
    import datetime as dt

    if len(text) == 10:
        return d.long_date(dt.date.fromisoformat(text), lang)
    if len(text) == 7:  # the first of the month, its day dropped
        first = d.long_date(dt.date(int(text[:4]), int(text[5:]), 1), lang)
        return first.split("\u00a0" if lang == "fr" else " ", 1)[1]
    return text


def _on(date: str | None, lang: Lang) -> str:
    return partial_date(date, lang) if date else d.tr(lang, "date not given", "date non donnée")


def when(date: str | None, note: str | None, occasion: str, lang: Lang) -> str:
    first = partial_date(date, lang) if date else (note or d.tr(lang, "date not given", "date non donnée"))
    return f"{first}\n{occasion}"


def speaker(name: str, role: str | None) -> str:
    return f"{name}, {role}" if role else name


def sources(refs: list[Source], lang: Lang) -> str:
    return "\n".join(
        ref.publisher + (f", {partial_date(ref.published, lang)}" if ref.published else "") for ref in refs
    )


def year_text(claim: "Claim", lang: Lang) -> str:
    if claim.year is None:
        return d.tr(lang, "not stated", "non dite")
    extra = {
        "stated": "",
        "last_year": d.tr(lang, " (“last year”)", " (« l’an dernier »)"),
        "assumption": d.tr(lang, " (assumed)", " (supposée)"),
        "not_stated": "",
    }[claim.year_basis]
    part = f", {claim.part_of_year}" if claim.part_of_year else ""
    return f"{claim.year}{extra}{part}"


def claim_value(claim: "Claim", lang: Lang) -> str:
    if claim.value is None:
        return "—"
    text = claim_sign(claim.qualifier) + d.amount(claim.value, claim.currency, lang)
    if claim.start_value is not None:
        start = d.amount(claim.start_value, claim.currency, lang)
        since = f" ({claim.start_year})" if claim.start_year else ""
        text = d.tr(lang, f"{text}, from {start}{since}", f"{text}, depuis {start}{since}")
    return text


def _measure(g: ClaimGrowth, lang: Lang) -> str:
    if g.rate is not None:
        return d.signed_percent(g.rate, lang, 1)
    high = f"–{d.number(g.multiplier_max, lang)}" if g.multiplier_max is not None else ""
    return f"×{d.number(g.multiplier or 0.0, lang)}{high}"


def growth_text(growth: list[ClaimGrowth], lang: Lang) -> str:
    parts = []
    for g in growth:
        text = claim_sign(g.qualifier) + _measure(g, lang)
        if g.since_year is not None:
            text += d.tr(lang, f" since {g.since_year}", f" depuis {g.since_year}")
        elif g.period_years is not None:
            text += d.tr(lang, f" in {g.period_years} yr", f" en {g.period_years}\u00a0an")
            text += "s" if g.period_years > 1 else ""
        if g.note:
            text += f" ({g.note})"
        parts.append(text)
    return "\n".join(parts)


def scope_text(scope: str, country: str | None, countries: list[str], flow: str, lang: Lang) -> str:
    words = {
        "intra_regional": d.tr(lang, "intra-regional", "intrarégional"),
        "country_with_region": d.tr(lang, f"{country} with the region", f"{country} avec la région"),
        "bilateral": d.tr(lang, "bilateral ", "bilatéral ") + "–".join(countries),
        "external": d.tr(lang, "with the rest of the world", "avec le reste du monde"),
        "regional_and_external": d.tr(lang, "mutual and external", "mutuel et extérieur"),
    }
    text = words.get(scope, scope)
    return text + (d.tr(lang, ", exports", ", exportations") if flow == "exports" else "")


def target_value(target: HistoryTarget, lang: Lang) -> str:
    if target.value is not None:
        return claim_sign(target.qualifier) + d.amount(target.value, target.currency, lang)
    if target.multiplier is not None:
        high = f"–{d.number(target.multiplier_max, lang)}" if target.multiplier_max is not None else ""
        return f"×{d.number(target.multiplier, lang)}{high}"
    return "—"


def _horizon(target: HistoryTarget, lang: Lang) -> str:
    if target.by_year is not None:
        return d.tr(lang, f"by {target.by_year}", f"d’ici {target.by_year}")
    if target.within_years is not None:
        return d.tr(lang, f"within {target.within_years} years", f"en {target.within_years}\u00a0ans")
    return target.horizon or d.tr(lang, "not given", "non donné")


def _disagrees(claim: Claim) -> str:
    return " ".join([*(f"≠ {i}" for i in claim.differs_from), *(c.id for c in claim.conflicts)])


def _lines(text: str) -> Cell:
    """Lines in the table; one line, joined by semicolons, in CSV and Markdown."""
    return cell(text.replace("\n", "; ") or None, text)


def _conflict_ids(conflicts: list[ConflictLink]) -> Cell:
    ids = " ".join(c.id for c in conflicts)
    return cell(ids or None, ids)


def _conflicts(conflicts: list[ConflictLink]) -> str:
    return "\n".join(f"{c.id}: {c.topic}" for c in conflicts)


def _side(claim: Claim, lang: Lang) -> str:
    return f"{claim_value(claim, lang)} ({claim.speaker}, {_on(claim.stated_on, lang)}), {claim.id}"


# --- from the query's language-neutral result ---------------------------------------------------


def _link(conflict: "Conflict") -> ConflictLink:
    return made(ConflictLink, id=conflict.id, topic=conflict.topic)


def present_claim(data: "q.ClaimData", lang: Lang) -> Claim:
    c = data.claim
    name, role = data.speaker.get(lang), c.stated_by.role
    return made(
        Claim,
        **copied(c, Claim)
        | {
            "meeting": data.edition,
            "year": data.year,
            "year_assumption_text": None if data.assumption is None else data.assumption.text.get(lang),
            "growth": [made(ClaimGrowth, **copied(g, ClaimGrowth)) for g in c.growth],
            "speaker": name,
            "speaker_role": role,
            "differs_from": list(data.differs_from),
            "conflicts": [_link(x) for x in data.conflicts],
            "sources": [present_source(ref) for ref in data.sources],
        },
    )


def _target(data: "q.TargetData", lang: Lang) -> HistoryTarget:
    g = data.target
    name, role = data.setter.get(lang), g.set_by.role
    return made(
        HistoryTarget,
        **copied(g, HistoryTarget)
        | {
            "meeting": data.edition,
            "set_by": name,
            "set_by_role": role,
            "conflicts": [_link(x) for x in data.conflicts],
            "sources": [present_source(ref) for ref in data.sources],
        },
    )


def _disagreement(g: "q.Disagreement") -> Disagreement:
    return made(
        Disagreement,
        year=g.year,
        claims=[c.claim.id for c in g.claims],
        values=[c.claim.value for c in g.claims if c.claim.value is not None],
        spread=g.spread,
        conflicts=[_link(x) for x in g.conflicts],
    )


def present_history(result: "q.HistoryResult", lang: Lang) -> TradeHistory:
    from ..queries.history import TOLERANCE

    return made(
        TradeHistory,
        since=result.years.since,
        until=result.years.until,
        tolerance=TOLERANCE,
        claims=[present_claim(c, lang) for c in result.claims],
        other_scopes=[present_claim(c, lang) for c in result.others],
        disagreements=[_disagreement(g) for g in result.disagreements],
        targets=[_target(g, lang) for g in result.targets],
    )


# --- beside a projection's path -------------------------------------------------------------------


class ReportedFigure(View):
    claim: str = Field(description="The claim's id.")
    meeting: int
    value: Finite
    qualifier: str
    currency: str
    year_basis: YearBasis
    speaker: str
    speaker_role: str | None
    stated_on: str | None
    stated_on_note: str | None
    occasion: str
    sources: list[Source]
    position: Literal["below", "within", "above", "undetermined"] = Field(
        description="Against the path value and its bound: below or above its whole range, within it, "
        "or undetermined (a bounded figure across the range's edge)."
    )


def present_reported(reported: "q.Reported", lang: Lang) -> ReportedFigure:
    c = reported.claim.claim
    name, role = reported.claim.speaker.get(lang), c.stated_by.role
    return made(
        ReportedFigure,
        claim=c.id,
        meeting=reported.claim.edition,
        value=c.value or 0.0,
        qualifier=c.qualifier or "exact",
        currency=c.currency,
        year_basis=c.year_basis,
        speaker=name,
        speaker_role=role,
        stated_on=c.stated_on,
        stated_on_note=c.stated_on_note,
        occasion=c.occasion,
        sources=[present_source(ref) for ref in reported.claim.sources],
        position=reported.position,
    )
