"""How numbers and words read in a table, in English or French. Pure text; no Rich."""

from __future__ import annotations

import math
from typing import Literal

Lang = Literal["en", "fr"]
Bound = Literal["lower", "upper"]

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


def number(value: float, lang: Lang, digits: int = 3) -> str:
    """A number to `digits` significant digits, with the language's decimal mark."""
    if value == 0 or not math.isfinite(value):
        text = "0" if value == 0 else str(value)
    else:
        magnitude = math.floor(math.log10(abs(value)))
        decimals = max(0, digits - 1 - magnitude)
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def amount(value: float, currency: str, lang: Lang, digits: int = 3) -> str:
    """`10.6 bn USD` (en) or `10,6 Md USD` (fr)."""
    for scale, en, fr in _SCALES:
        if abs(value) >= scale:
            return f"{number(value / scale, lang, digits)} {tr(lang, en, fr)} {currency}"
    return f"{number(value, lang, digits)} {currency}"


def percent(rate: float, lang: Lang, decimals: int = 2) -> str:
    """A fraction as a percentage: 0.12475 → `12.47 %` (en) or `12,47 %` (fr)."""
    text = f"{rate * 100:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return f"{text} %"


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
