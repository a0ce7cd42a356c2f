"""`trade --history --plot FILE` and `trade --project AMOUNT --plot FILE`: the charts, as data.

The same figures and words as the tables (claim_value, amounts in the language); render/chart.py
draws them.
"""

from ..render import display as d
from ..render.chart import Band, Chart, Kind, Level, Point
from ..render.display import Lang
from .history import TradeHistory, claim_sign, claim_value
from .trade import Projection, TradeView

_KIND: dict[str, Kind] = {
    # trade claims' qualifiers (history.py) and the article's (display.py)
    "more_than": "lower",
    "at_least": "lower",
    "up_to": "upper",
    "less_than": "upper",
    "about": "about",
    "approaching": "about",
}


def kind(qualifier: str | None) -> Kind:
    return _KIND.get(qualifier or "", "exact")


def _kinds(lang: Lang) -> dict[Kind, str]:
    t = d.tr
    return {
        "exact": t(lang, "as stated", "tel que dit"),
        "lower": t(lang, "more than, at least: a lower bound", "plus de, au moins : un minimum"),
        "upper": t(lang, "up to: an upper bound", "jusqu’à : un maximum"),
        "about": t(lang, "about: approximate", "environ : approché"),
    }


def _trade(lang: Lang) -> str:
    return d.tr(lang, "Intra-regional trade", "Commerce intrarégional")


def history_chart(history: TradeHistory, currency: str, lang: Lang) -> Chart:
    """Every intra-regional figure with a year and a value, by who stated it; the targets set for
    the series as levels (one line a value, with the years it was set)."""
    t = d.tr
    drawn = [c for c in history.claims if c.year is not None and c.value is not None]
    points = [
        Point(
            c.year,
            c.value,
            kind(c.qualifier),
            c.speaker,
            claim_value(c, lang) + (f" ({c.part_of_year})" if c.part_of_year else ""),
        )
        for c in drawn
        if c.year is not None and c.value is not None
    ]
    set_in: dict[float, set[str]] = {}
    for target in history.targets:
        if target.scope == "intra_regional" and target.value is not None:
            set_in.setdefault(target.value, set()).update([target.set_on[:4]] if target.set_on else [])
    levels = [
        Level(value, t(lang, "target ", "cible ") + d.amount(value, currency, lang) + _years(years, lang))
        for value, years in sorted(set_in.items())
    ]
    left = len(history.claims) - len(drawn)
    command = d.quoted("ca-summit trade --history", lang, verbatim=True)
    notes = (
        t(
            lang,
            "Each figure at the year it refers to, as its source gives it; none is picked over another.",
            "Chaque chiffre à l’année qu’il désigne, tel que sa source le donne ; aucun n’est préféré.",
        ),
        *(
            (
                t(
                    lang,
                    f"{left} figures give no year and are not drawn: {command} lists them.",
                    f"{left} chiffres sans année ne sont pas tracés : {command} les liste.",
                ),
            )
            if left
            else ()
        ),
    )
    return Chart(
        title=t(lang, "Intra-regional trade, as reported", "Commerce intrarégional, tel que rapporté"),
        y_label=_trade(lang),
        currency=currency,
        lang=lang,
        points=points,
        kinds=_kinds(lang),
        levels=levels,
        notes=notes,
        empty=t(lang, "No figure with a year to draw.", "Aucun chiffre daté à tracer."),
    )


def _years(years: set[str], lang: Lang) -> str:
    if not years:
        return ""
    span = min(years) if len(years) == 1 else f"{min(years)}–{max(years)}"
    return d.tr(lang, f" (set {span})", f" (fixée {span})")


def projection_chart(view: TradeView, projection: Projection, lang: Lang) -> Chart:
    """The path as a band of what its values mean (at least, at most, about), the figure it starts
    from, the figures reported later for its years, and the target as a level."""
    from ..queries.history import TOLERANCE

    t, currency, p = d.tr, view.currency, projection
    start = Point(
        p.base_year,
        p.current,
        kind(p.current_qualifier),
        t(lang, "the article's figure", "le chiffre de l’article")
        + (t(lang, " (year assumed)", " (année supposée)") if view.base_year_assumed else ""),
        d.qualified(d.amount(p.current, currency, lang), p.current_qualifier),
    )
    later = [
        Point(
            step.year,
            r.value,
            kind(r.qualifier),
            r.speaker,
            f"{claim_sign(r.qualifier)}{d.amount(r.value, r.currency, lang)}, "
            + t(lang, *_POSITION[r.position]),
        )
        for step in p.path
        for r in step.reported
    ]
    rate = d.bounded(d.percent(p.rate, lang) + t(lang, "/yr", "/an"), p.rate_bound, p.rate_approximate)
    meaning = {
        "lower": t(lang, "at least", "au moins"),
        "upper": t(lang, "at most", "au plus"),
        None: t(lang, "about", "environ") if p.path and p.path[-1].approximate else "",
    }
    bound = p.path[-1].bound if p.path else None
    band = Band(
        tuple(step.year for step in p.path),
        tuple(step.value for step in p.path),
        bound,
        TOLERANCE if bound is None and any(step.approximate for step in p.path) else 0.0,
        t(lang, "projected path", "trajectoire projetée")
        + (f", {meaning[bound]}" if meaning[bound] else "")
        + f" ({rate})",
        tuple(step.bound is None and not step.approximate for step in p.path),
    )
    target = d.amount(p.target, currency, lang)
    return Chart(
        title=t(lang, "Intra-regional trade: path to ", "Commerce intrarégional : trajectoire vers ")
        + target,
        y_label=_trade(lang),
        currency=currency,
        lang=lang,
        points=[start, *later],
        kinds=_kinds(lang),
        bands=[band],
        levels=[Level(p.target, t(lang, "target ", "cible ") + target)],
        notes=_band_notes(bound, lang),
        empty="",
    )


_POSITION = {
    "below": ("below the path", "sous la trajectoire"),
    "within": ("within the path", "dans la trajectoire"),
    "above": ("above the path", "au-dessus de la trajectoire"),
    "undetermined": ("against the path: undetermined", "face à la trajectoire : indéterminé"),
}


def _band_notes(bound: str | None, lang: Lang) -> tuple[str, ...]:
    t = d.tr
    if bound == "lower":
        return (
            t(
                lang,
                "The path grows from lower bounds: each of its values is a minimum, shaded upward. "
                "A figure reported below it says the pace did not hold.",
                "La trajectoire part de minimums : chacune de ses valeurs est un plancher, ombré vers le "
                "haut. Un chiffre rapporté en dessous dit que le rythme n’a pas tenu.",
            ),
        )
    if bound == "upper":
        return (
            t(
                lang,
                "The path grows from upper bounds: each of its values is a maximum, shaded downward.",
                "La trajectoire part de maximums : chacune de ses valeurs est un plafond, ombré vers le bas.",
            ),
        )
    return ()
