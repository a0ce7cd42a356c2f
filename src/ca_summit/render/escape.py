"""Text from the data or the user, made safe to show: no control character reaches a terminal raw,
in a table, an error line or JSON; and Markdown shows it as written."""

from __future__ import annotations

import functools
import re

# C0 controls, DEL and C1 controls, the Unicode line and paragraph separators, and the bidi
# embeddings, overrides, isolates and marks that can make text read differently from what it holds.
_CONTROL = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_CONTROL_BUT_NEWLINE = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    # Compiled on first use: most runs print no text that needs it checked (start-up time).
    return re.compile(source)


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_control(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with each control character written as an escape (`\\x1b`, `\\r`, `\\u2028`).

    One line by default (error and validate lines); `keep_newlines` keeps `\\n` for multi-line cells.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8 (a file name, an argument), as Python reads them
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _pattern(_CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL).sub(_escaped, text)


# What JSON encoders leave raw that a terminal may act on: DEL, C1 (U+009B is CSI), the line and
# paragraph separators and the bidi controls. JSON already escapes C0; a newline outside a string
# is layout, so the pattern leaves C0 alone.
_JSON_RAW = "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


def escape_json(text: str) -> str:
    """JSON text with those characters written as \\u escapes: the same JSON value, safe to show."""
    return _pattern(_JSON_RAW).sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# What Markdown would read in text rather than show: a backslash, code, emphasis, a link, HTML or an
# entity, a table cell's end, strike-through; `_` only at a word's edge (inside a word it is a letter).
_MARKDOWN = r"[\\`*\[\]<&|~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"


def escape_markdown(text: str) -> str:
    """`text` with each character Markdown would read escaped with a backslash."""
    return _pattern(_MARKDOWN).sub(r"\\\g<0>", text)
