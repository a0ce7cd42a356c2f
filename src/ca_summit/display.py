"""How numbers and words read in a table, in English or French. Pure text; no Rich."""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

Lang = Literal["en", "fr"]
Bound = Literal["lower", "upper"]
LANGS: tuple[Lang, ...] = ("en", "fr")

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


def tr(lang: Lang, en: str, fr: str) -> str:
    return fr if lang == "fr" else en


def _localised(text: str, lang: Lang) -> str:
    """English digits as the language writes them: `12,345.6` or `12 345,6`."""
    return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text


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
    unit = tr(lang, en, fr)
    return f"{text} {unit} {currency}" if unit else f"{text} {currency}"


def percent(rate: float, lang: Lang, decimals: int = 2, *, fixed: bool = False) -> str:
    """A fraction as a percentage: 0.12475 → `12.47 %` (en) or `12,47 %` (fr)."""
    return f"{_localised(_fixed(rate * 100, decimals, trim=not fixed), lang)} %"


def signed_percent(rate: float, lang: Lang, decimals: int = 1) -> str:
    text = percent(rate, lang, decimals)
    return text if text.startswith("-") else "+" + text


def years(value: float, lang: Lang) -> str:
    return f"{number(value, lang, 3)} {tr(lang, 'years', 'ans')}"


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


def ordinal(n: int, lang: Lang) -> str:
    if lang == "fr":
        return "1re" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def meeting_line(edition: int, name: str, date: dt.date, lang: Lang) -> str:
    return f"{ordinal(edition, lang)} {name}, {date.isoformat()}"


def amount_line(label: str, value: float, currency: str, qualifier: str, lang: Lang) -> str:
    return f"{label}: " + qualified(amount(value, currency, lang), qualifier)


def growth_line(label: str, rate: float, qualifier: str, period_years: int, lang: Lang) -> str:
    over = tr(lang, f" over {period_years} years", f" en {period_years} ans")
    return f"{label}: " + qualified(percent(rate, lang, 1), qualifier) + over


def new_line(title: str, lang: Lang) -> str:
    return tr(lang, f"{title}: new", f"{title} : une nouveauté")
