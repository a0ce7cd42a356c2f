"""A cache of parsed meeting files, so that a folder of many meetings is not parsed again on every
run: parsing YAML is most of what a file costs.

An entry is the parsed content of one file that had no problem of its own, stored under the SHA-256
of the parser's own source and of the file's text, so an edited file, or another version of the
parser, never finds an entry. An entry is trusted to be what its file says, as a .pyc file is
trusted to be its module. A hit saves the parse only: the content is still validated and checked,
as any file's is, so no entry can hold what a file could not, and a damaged one costs at worst a
miss. Problems are always found, and placed at their line and column, by reading the file itself.

Where: $CA_SUMMIT_CACHE_DIR, else $XDG_CACHE_HOME/ca-summit, else ~/.cache/ca-summit (on Windows,
%LOCALAPPDATA%/ca-summit). CA_SUMMIT_CACHE_DIR set to the empty string turns the cache off. A cache
that cannot be read or written is skipped without a word: it only ever saves time. It holds at most
MAX_ENTRIES entries; past that, the oldest go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

ENV = "CA_SUMMIT_CACHE_DIR"
MAX_ENTRIES = 2000
_PARSED = "parsed-v1"


def folder() -> Path | None:
    """Where the parsed files are kept, or None when the cache is off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) / _PARSED if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.name == "nt" and os.environ.get("LOCALAPPDATA"))
    if base and not os.path.isabs(base):
        base = None  # the XDG specification: a relative path is ignored
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found
        return None
    return root / "ca-summit" / _PARSED


@cache
def _parser() -> bytes:
    """What the parsed content depends on besides the text: the loader's source and the YAML library."""
    import yaml

    from . import loader

    source = Path(loader.__file__).read_bytes()
    return hashlib.sha256(source + b"\0" + yaml.__version__.encode()).digest()


def _key(text: str) -> str:
    return hashlib.sha256(_parser() + text.encode("utf-8", "surrogatepass")).hexdigest()


def load(text: str) -> dict[str, Any] | None:
    """The parsed content of a file with this text, when the cache has it."""
    from .errors import SummitError
    from .loader import read_text

    where = folder()
    if where is None:
        return None
    try:
        # The loader's reader: a regular file only (a FIFO put there cannot hang the run), bounded.
        value = json.loads(read_text(where / f"{_key(text)}.json", "cache entry"))
    except (SummitError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def store(text: str, value: object) -> None:
    """Keep the parsed content of a file with this text (written whole, or not at all)."""
    where = folder()
    if where is None:
        return
    with contextlib.suppress(OSError, ValueError, RecursionError):
        import tempfile  # a measurable import, paid only when something is stored

        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, where / f"{_key(text)}.json")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(where)


def _prune(where: Path) -> None:
    entries = [entry for entry in os.scandir(where) if entry.name.endswith(".json")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime)
    for entry in entries[: len(entries) - MAX_ENTRIES // 2]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
