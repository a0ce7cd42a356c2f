"""Arguments whose bytes are not what the locale reads: search's text is echoed in its output, so it
either reads as the text typed, in every format, or is refused as a usage error, in every format.

A byte that is not UTF-8 (\\xff) reaches Python as the surrogate escape U+DCFF; under LC_ALL=C
without Python's UTF-8 mode, every non-ASCII byte does, so "Tokaïev" arrives as
"Toka\\udcc3\\udcafev". The JSON echoed those escapes and crashed ("internal error").
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from conftest import _entry_point

Invoke = Callable[..., Any]
FORMATS = ["table", "json", "jsonl", "csv", "markdown"]
TOKAYEV_UNDER_C = "Toka\udcc3\udcafev"  # "Tokaïev" as an ASCII locale decodes its UTF-8 bytes


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_whose_bytes_the_locale_could_not_read_is_searched_as_typed(invoke: Invoke, fmt: str) -> None:
    result = invoke("search", TOKAYEV_UNDER_C, "-f", fmt)
    assert result == invoke("search", "Tokaïev", "-f", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "tokayev-directives" in result.stdout
    if fmt == "table":  # the title says what was asked (the JSON is the list of hits)
        assert result.stdout.splitlines()[0] == "Search: Tokaïev"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x\udcffy", "not UTF-8 text (byte 0xff at position 1)"),
        ("é\udcff", "not UTF-8 text (byte 0xff at position 2)"),
        ("x\ud800", "not UTF-8 text (characters mixed with bytes of another encoding)"),
    ],
)
def test_text_that_is_not_utf8_is_a_usage_error(invoke: Invoke, fmt: str, text: str, said: str) -> None:
    result = invoke("search", text, "-f", fmt)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"ca-summit: error: Invalid value for 'TEXT': {said} (see 'ca-summit search --help')\n"
    )


def _c_locale(*args: bytes) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "LC_", "LANG"))}
    env = {**environment, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    command = [os.fsencode(part) for part in _entry_point()]
    return subprocess.run([*command, *args], capture_output=True, env=env, timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX command lines are bytes")
def test_a_real_command_line_under_the_c_locale() -> None:
    found = _c_locale(b"search", "Tokaïev".encode())
    assert (found.returncode, found.stderr) == (0, b"")
    assert found.stdout.splitlines()[0] == "Search: Tokaïev".encode()
    refused = _c_locale(b"search", b"caf\xff", b"--json")
    assert (refused.returncode, refused.stdout) == (2, b"")
    assert refused.stderr.count(b"\n") == 1 and b"not UTF-8 text (byte 0xff at position 3)" in refused.stderr
