"""Amounts and rates as people type them: `15e9`, `15_000_000_000`, `$15B`, `15 milliards`, `5%`;
and text, whatever the locale made of its bytes.

Pure functions: they return a finite float or raise ValueError with a message that says what is
accepted. The CLI turns that into a usage error.
"""

from __future__ import annotations

import functools
import math
import os
import re

from ..corpus.limits import AMOUNT_MAX, AMOUNT_MIN, RATE_MAX

AMOUNT_HELP = (
    "a positive amount in USD such as 15e9, 15000000000, 15_000_000_000, 15bn, 15B, $15B, "
    "'15 billion', '15 milliards' or '15 Md'"
)
RATE_HELP = "a yearly rate as a fraction (0.05) or a percentage (5%), greater than -100%"

_UNITS = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "trillions": 1e12,
}
_SPACES = "[ \u00a0\u202f]"
_NUMBER = (
    r"[+-]?(?:\d{1,3}(?:" + _SPACES + r"\d{3})+|\d+(?:_\d+)*)(?:\.\d+)?(?:e[+-]?\d+)?"
    r"|[+-]?\.\d+(?:e[+-]?\d+)?"
)
_GAP = "[ \u00a0\u202f]*"
_AMOUNT = (
    r"^(?:(?:us\$|\$|usd)" + _GAP + r")?(?P<number>" + _NUMBER + r")" + _GAP + r"(?P<unit>[a-z]*)\.?"
    r"(?:" + _GAP + r"(?:(?:de +)?(?:us +)?dollars?|usd|\$))?$"
)
_RATE = r"^(?P<number>[+-]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(?P<pct>%?)$"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    # Compiled on first use: commands that take no amount do not pay for it at start-up.
    return re.compile(source, re.IGNORECASE | re.ASCII)


_MAX_INPUT = 200


def parse_amount(text: str) -> float:
    """An amount in base units, between AMOUNT_MIN and AMOUNT_MAX."""
    cleaned = text.strip()
    match = _pattern(_AMOUNT).match(cleaned) if len(cleaned) <= _MAX_INPUT else None
    unit = match["unit"].lower() if match else ""
    if match is None or unit not in _UNITS:
        raise ValueError(f"{_shown(text)} is not an amount; expected {AMOUNT_HELP}")
    number = float("".join(c for c in match["number"] if c.isdigit() or c in "+-.eE"))
    value = number * _UNITS[unit]
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{_shown(text)} is not a positive amount; expected {AMOUNT_HELP}")
    if not AMOUNT_MIN <= value <= AMOUNT_MAX:
        raise ValueError(
            f"{_shown(text)} is out of range: amounts go from {AMOUNT_MIN:g} to {AMOUNT_MAX:g} USD"
        )
    return value


def parse_rate(text: str) -> float:
    """A rate as a fraction, greater than -1 and at most RATE_MAX."""
    cleaned = text.strip()
    match = _pattern(_RATE).match(cleaned) if len(cleaned) <= _MAX_INPUT else None
    if match is None:
        raise ValueError(f"{_shown(text)} is not a rate; expected {RATE_HELP}")
    value = float(match["number"].replace("_", ""))
    if match["pct"]:
        value /= 100
    if not math.isfinite(value) or value <= -1:
        raise ValueError(f"{_shown(text)} is out of range; expected {RATE_HELP}")
    if value > RATE_MAX:
        raise ValueError(
            f"{_shown(text)} is out of range: rates go up to {RATE_MAX:g} ({RATE_MAX * 100:g}%) a year"
        )
    return value + 0.0  # -0.0 becomes 0.0


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def parse_text(text: str) -> str:
    """Text as it was typed. Bytes that the locale could not decode (any non-ASCII text under
    LC_ALL=C without Python's UTF-8 mode) reach Python as surrogate escapes: read again as UTF-8,
    they are the typed text. Bytes that are not UTF-8 either are no text to search for, nor one
    that JSON can echo: a ValueError."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text
    try:
        return os.fsencode(text).decode("utf-8")
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise ValueError(f"not UTF-8 text (byte 0x{byte:02x} at position {error.start})") from None
    except UnicodeEncodeError:  # characters and undecodable bytes mixed: no one encoding wrote them
        raise ValueError("not UTF-8 text (characters mixed with bytes of another encoding)") from None
