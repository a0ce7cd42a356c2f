"""A cache of checked meeting files, so that a folder of many meetings is neither parsed nor
validated again on every run: that is most of what a file costs.

An entry is the parsed content of one file that passed every check of its own. It is stored under
the SHA-256 of the file's exact text and of the checking code: the source of the modules that parse
and check (loader, crossref, models, series_models, limits, kinds) and the versions of PyYAML and
Pydantic. An edited file, or another version of any of them, never finds an entry. A hit is trusted
as Python trusts its __pycache__: its models are made without validation (construct.py), so a run
pays only for the checks across the folder's files, which depend on the folder. An entry that
cannot be read or made (damaged, or not what this code writes) is a miss, and the file is read in
full. `validate` never reads the cache: it reads every file itself.

Where: $CA_SUMMIT_CACHE_DIR, else $XDG_CACHE_HOME/ca-summit, else ~/.cache/ca-summit (on Windows,
%LOCALAPPDATA%/ca-summit), in a folder of its own (0700). CA_SUMMIT_CACHE_DIR set to the empty
string turns the cache off. A cache that cannot be read or written is skipped without a word: it
only ever saves time. It holds at most MAX_ENTRIES entries; past that, the oldest go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..interrupts import deferred

if TYPE_CHECKING:
    from .models import EntitiesFile, MeetingFile

ENV = "CA_SUMMIT_CACHE_DIR"
MAX_ENTRIES = 2000
_FOLDER = "checked-v1"


def folder() -> Path | None:
    """Where the checked files are kept, or None when the cache is off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) / _FOLDER if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.name == "nt" and os.environ.get("LOCALAPPDATA"))
    if base and not os.path.isabs(base):
        base = None  # the XDG specification: a relative path is ignored
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found
        return None
    return root / "ca-summit" / _FOLDER


@cache
def _checker() -> bytes:
    """What an entry's verdict depends on besides the text: the code that parses and checks a file."""
    import pydantic
    import pydantic_core
    import yaml

    from . import crossref, kinds, limits, loader, models

    digest = hashlib.sha256()
    for module in (loader, crossref, models, limits, kinds):
        digest.update(Path(module.__file__ or "").read_bytes() + b"\0")
    for version in (yaml.__version__, pydantic.VERSION, pydantic_core.__version__):
        digest.update(version.encode() + b"\0")
    return digest.digest()


def entry(text: str) -> Path | None:
    """Where the entry of a file with this text is kept, or None when the cache is off."""
    where = folder()
    if where is None:
        return None
    key = hashlib.sha256(_checker() + text.encode("utf-8", "surrogatepass")).hexdigest()
    return where / f"{key}.json"


def load(entry: Path) -> tuple[dict[str, Any], MeetingFile | EntitiesFile] | None:
    """The parsed content of the file of this entry, and its models, when the cache has them."""
    from ..errors import SummitError
    from .loader import read_text
    from .models import validated

    try:
        # The loader's reader: a regular file only (a FIFO put there cannot hang the run), bounded.
        value = json.loads(read_text(entry, "cache entry"))
        made = validated(value) if isinstance(value, dict) else None
    except (SummitError, ValueError, RecursionError, LookupError, TypeError, AttributeError):
        return None  # damaged, or not what this code writes: read the file
    if made is None:
        return None
    return value, made


def store(entry: Path, value: object) -> None:
    """Keep, as this entry, the parsed content of a file that passed every check of its own (written
    whole, or not at all)."""
    where = entry.parent
    with contextlib.suppress(OSError, ValueError, RecursionError):
        import tempfile  # a measurable import, paid only when something is stored

        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        with deferred():  # Ctrl-C or SIGTERM waits for the entry, whole or removed: no stray file
            handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        _prune(where)


_counted: dict[Path, int] = {}  # entries of a folder, as last listed, plus those stored since


def _prune(where: Path) -> None:
    """Past MAX_ENTRIES, the oldest half goes. The folder is listed once a run, and again only when
    the entries stored since may have passed the bound (a first run on a large folder stores many)."""
    if where in _counted:
        _counted[where] += 1
        if _counted[where] <= MAX_ENTRIES:
            return
    entries = [entry for entry in os.scandir(where) if entry.name.endswith(".json")]
    _counted[where] = len(entries)
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime)
    for entry in entries[: len(entries) - MAX_ENTRIES // 2]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
    _counted[where] = MAX_ENTRIES // 2
