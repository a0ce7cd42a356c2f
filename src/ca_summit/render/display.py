"""How numbers, dates and words read in a table, in English or French. Pure text; no Rich.

Hand-written rather than Babel: the runtime may only depend on typer, rich, pydantic and pyyaml,
and the rules needed here are few. French: a narrow no-break space (U+202F) before ; : ! ? % and
inside « », a no-break space (U+00A0) between a number and its unit, `10,6`, `14 septembre 2023`,
`5e`. English: `80%`, “curly quotes”, `14 September 2023`, `5th`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from ..growth import Bound

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")

NNBSP = "\u202f"  # narrow no-break space: before French high punctuation, inside « »
NBSP = "\u00a0"  # no-break space: between a number and its unit
_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
_KINDS = {
    "meeting": ("meeting", "réunion"),
    "participant": ("participant", "participant"),
    "person": ("person", "personne"),
    "figure": ("figure", "chiffre"),
    "area": ("area", "domaine"),
    "statement": ("statement", "déclaration"),
    "proposal": ("proposal", "proposition"),
    "announcement": ("announcement", "annonce"),
    "advocacy": ("advocacy", "plaidoyer"),
    "estimate": ("estimate", "estimation"),
    "observation": ("observation", "observation"),
    "concern": ("concern", "inquiétude"),
    "context": ("context", "contexte"),
    "driver": ("driver", "moteur"),
    "quote": ("quote", "citation"),
    "meeting_fact": ("reported fact", "fait rapporté"),
    "trade_claim": ("trade claim", "chiffre du commerce"),
    "target": ("target", "cible"),
}
# How well public reports support a fact of the series (the facts table's confidence).
_CONFIDENCE = {
    "confirmed-2-sources": ("2 sources or more", "2 sources ou plus"),
    "confirmed-1-source": ("1 source", "1 source"),
    "conflicting": ("conflicting", "contesté"),
}
# What a fact of the series is about (its topic in the data).
_TOPICS = {
    "date": ("date", "date"),
    "date_variant": ("other date", "autre date"),
    "scheduling": ("scheduling", "calendrier"),
    "format": ("format", "format"),
    "venue": ("venue", "lieu"),
    "host": ("host", "hôte"),
    "attendee": ("attendee", "participant"),
    "delegation": ("delegation", "délégation"),
    "guest": ("guest", "invité"),
    "origin": ("origin", "origine"),
    "documents": ("documents", "documents"),
    "document": ("document", "document"),
    "decision": ("decision", "décision"),
    "proposal": ("proposal", "proposition"),
    "position": ("position", "position"),
    "side_events": ("side events", "événements en marge"),
    "award": ("award", "distinction"),
    "follow_up": ("follow-up", "suites"),
    "context": ("context", "contexte"),
}
_FIELDS = {
    "text_en": ("English text", "texte anglais"),
    "text_fr": ("French text", "texte français"),
    "quote": ("source", "source"),
    "alias": ("other name", "autre nom"),
}
# The source's qualifier in words, as a reader says it: « avoisinant » is "close to".
_QUALIFIER_WORDS = {
    "stated": ("", ""),
    "more_than": ("more than ", "plus de "),
    "less_than": ("less than ", "moins de "),
    "approaching": ("close to ", "près de "),
    "about": ("about ", "environ "),
}

_SCALES = (
    (1e12, "tn", "Bn"),
    (1e9, "bn", "Md"),
    (1e6, "mn", "M"),
)
_BOUND_SIGN = {"lower": "≥ ", "upper": "≤ "}
_QUALIFIER_SIGN = {
    "stated": "",
    "more_than": "> ",
    "less_than": "< ",
    "approaching": "≈ ",
    "about": "≈ ",
}


def typeset(text: str, lang: Lang) -> str:
    """Our own French words with French spacing: `Hypothèse : « dollars » ; 80 %`.

    Never for a verbatim quote, which stays as printed."""
    if lang != "fr":
        return text
    for mark in ";:!?%":
        text = text.replace(" " + mark, NNBSP + mark).replace(NBSP + mark, NNBSP + mark)
    text = text.replace("« ", "«" + NNBSP).replace("«" + NBSP, "«" + NNBSP)
    return text.replace(" »", NNBSP + "»").replace(NBSP + "»", NNBSP + "»")


def tr(lang: Lang, en: str, fr: str) -> str:
    """A label in the reader's language; French labels get French spacing."""
    return typeset(fr, lang) if lang == "fr" else en


def quoted(text: str, lang: Lang, *, verbatim: bool) -> str:
    """Text between quotation marks: « … » in French, “…” in English.

    Marks inside our own words become the inner kind (“ ” inside « », ‘ ’ inside “ ”); a verbatim
    quote keeps every character as printed, and only the marks around it are ours."""
    if lang == "fr":
        inner = text if verbatim else typeset(text.replace("« ", "“").replace(" »", "”"), lang)
        return f"«{NNBSP}{inner}{NNBSP}»"
    inner = text if verbatim else text.replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def _named(words: dict[str, tuple[str, str]], value: str, lang: Lang) -> str:
    """A code of the data in words, in the language; an unknown one shows as it is."""
    en, fr = words.get(value, (value, value))
    return tr(lang, en, fr)


def kind(value: str, lang: Lang) -> str:
    """A kind of fact, translated."""
    return _named(_KINDS, value, lang)


def confidence(value: str, lang: Lang) -> str:
    """A fact's confidence in words."""
    return _named(_CONFIDENCE, value, lang)


def topic(value: str, lang: Lang) -> str:
    """A fact's topic in words."""
    return _named(_TOPICS, value, lang)


def field(value: str, lang: Lang) -> str:
    """Where a search matched, in words."""
    return _named(_FIELDS, value, lang)


def long_date(date: dt.date, lang: Lang) -> str:
    month = _MONTHS[lang][date.month - 1]
    if lang == "fr":
        return f"{'1er' if date.day == 1 else date.day}{NBSP}{month} {date.year}"  # day and month unsplit
    return f"{date.day} {month} {date.year}"


def _localised(text: str, lang: Lang) -> str:
    """English digits as the language writes them: `12,345.6` or `12 345,6`."""
    return text.replace(",", NNBSP).replace(".", ",") if lang == "fr" else text


def _unit_space(lang: Lang) -> str:
    return NBSP if lang == "fr" else " "


def _fixed(value: float, decimals: int, *, trim: bool) -> str:
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if trim and "." in text else text


def number(value: float, lang: Lang, digits: int = 3) -> str:
    """A number to `digits` significant digits, with the language's decimal mark."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    magnitude = math.floor(math.log10(abs(value)))
    return _localised(_fixed(value, max(0, digits - 1 - magnitude), trim=True), lang)


def amount(value: float, currency: str, lang: Lang, digits: int = 3, *, decimals: int | None = None) -> str:
    """`10.6 bn USD` (en) or `10,6 Md USD` (fr); with `decimals`, always that many (for columns)."""
    scale, en, fr = next(((s, e, f) for s, e, f in _SCALES if abs(value) >= s), (1.0, "", ""))
    scaled = value / scale
    text = (
        number(scaled, lang, digits)
        if decimals is None
        else _localised(_fixed(scaled, decimals, trim=False), lang)
    )
    space = _unit_space(lang)
    unit = tr(lang, en, fr)
    return f"{text}{space}{unit}{space}{currency}" if unit else f"{text}{space}{currency}"


def percent(rate: float, lang: Lang, decimals: int = 2, *, fixed: bool = False) -> str:
    """A fraction as a percentage: 0.12475 → `12.47%` (en) or `12,47 %` (fr, U+202F)."""
    sign = NNBSP + "%" if lang == "fr" else "%"
    return _localised(_fixed(rate * 100, decimals, trim=not fixed), lang) + sign


def signed_percent(rate: float, lang: Lang, decimals: int = 1) -> str:
    text = percent(rate, lang, decimals)
    return text if text.startswith("-") else "+" + text


def years(value: float, lang: Lang) -> str:
    return number(value, lang, 3) + _unit_space(lang) + tr(lang, "years", "ans")


def qualified(text: str, qualifier: str) -> str:
    return _QUALIFIER_SIGN.get(qualifier, "") + text


def bounded(text: str, bound: Bound | None, approximate: bool) -> str:
    if bound is not None:
        return _BOUND_SIGN[bound] + text
    return ("≈ " + text) if approximate else text


def bar(fraction: float, width: int = 20) -> str:
    """A horizontal bar, full at 1, drawn with eighth blocks for a smooth edge."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[rest] if rest else ""
    return ("█" * full + partial).ljust(width)


def range_bar(low: float, high: float, width: int = 20) -> str:
    """A bar solid up to `low` and shaded up to `high` (fractions of a full bar): a range at a glance."""
    solid = bar(low, width).rstrip()
    shaded = round(min(max(high, 0.0), 1.0) * width) - len(solid)
    return (solid + "░" * max(shaded, 0)).ljust(width)


def ordinal(n: int, lang: Lang) -> str:
    if lang == "fr":
        return "1re" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def edition(n: int, lang: Lang) -> str:
    return tr(lang, f"{ordinal(n, lang)} edition", f"{ordinal(n, lang)}{NBSP}édition")


def meeting_line(n: int, name: str, date: dt.date, lang: Lang) -> str:
    return f"{name}, {edition(n, lang)}, {long_date(date, lang)}"


def worded(qualifier: str, lang: Lang) -> str:
    en, fr = _QUALIFIER_WORDS.get(qualifier, ("", ""))
    return tr(lang, en, fr)


def _colon(label: str, lang: Lang) -> str:
    return f"{label}{NNBSP}: " if lang == "fr" else f"{label}: "


def amount_line(label: str, value: float, currency: str, qualifier: str, lang: Lang) -> str:
    """`potential of mutual trade: close to 15 bn USD`, the qualifier in the source's sense."""
    return _colon(label, lang) + worded(qualifier, lang) + amount(value, currency, lang)


def growth_line(label: str, rate: float, qualifier: str, period_years: int, lang: Lang) -> str:
    over = tr(lang, f" over {period_years} years", f" en {period_years}{NBSP}ans")
    return _colon(label, lang) + worded(qualifier, lang) + percent(rate, lang, 1) + over


def new_line(title: str, lang: Lang) -> str:
    return _colon(title, lang) + tr(lang, "new", "une nouveauté")
