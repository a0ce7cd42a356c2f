"""A cache of parsed data files, so that a folder of many meetings is not parsed again on every
run: YAML is most of what a file costs.

An entry is the parsed content of one data file (a meeting's, or an entities file's) that passed
every check of its own, named by the
SHA-256 of the file's SHA-256 and of the code that parses and checks it (every module of ca_summit
that the loader, crossref, the models and this module import, found by reading their imports, and
the versions of PyYAML, Pydantic and Python). It is a file of three parts:

    ca-summit cache 2\\n
    <SHA-256 of the data file, hex> <digest, hex>\\n
    <the parsed content, as JSON>

where the digest is the SHA-256 of the code's digest, the file's SHA-256 and the JSON's bytes. A hit
is an entry whose recorded SHA-256 is its file's and whose digest matches its content (an entry
swapped, copied over another or edited by hand is not one), and whose content then passes the
models' validation and the file's own checks of ids and references, as the file itself would. Any
other entry is a miss: the file is read in full, and kept again. The threat model is that of
__pycache__: the user's own account is trusted, other users are not, so a cache folder that is not
the user's own, or that others can write to, is not used (one warning a run says so). `validate`
never reads the cache: it reads every file itself.

Where: $CA_SUMMIT_CACHE_DIR, else $XDG_CACHE_HOME/ca-summit, else ~/.cache/ca-summit (on Windows,
%LOCALAPPDATA%/ca-summit), in a folder of its own (0700) named for the format it keeps; a folder
of an older format is removed. CA_SUMMIT_CACHE_DIR set to the empty string turns the cache off. A
cache that cannot be read or written is skipped without a word: it only ever saves time. It keeps
about MAX_ENTRIES entries, or twice what a run used when that is more: past that, once the folder
has been read, the oldest entries the run did not use go, never more than the run added. A folder of
more files than MAX_ENTRIES is kept whole rather than missed, written and pruned on every run, and a
run on another folder takes out no more than it puts in (see settle).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ..interrupts import deferred

ENV = "CA_SUMMIT_CACHE_DIR"
MAX_ENTRIES = 2000
FOLDER = "checked-v2"
OLD_FOLDERS = ("checked-v1",)  # the formats before: removed when found
SUFFIX = ".entry"
_MAGIC = b"ca-summit cache 2\n"
_HEX = 64  # characters of a SHA-256 in hex

# The modules whose imports name the code that decides a file's verdict, their own included.
ROOTS = ("corpus.loader", "corpus.crossref", "corpus.models", "corpus.cache")
_IMPORT = re.compile(
    rb"^[ \t]*from[ \t]+(\.+|ca_summit\b\.?)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M
)
_PACKAGE = Path(__file__).resolve().parents[1]  # ca_summit


def root() -> Path | None:
    """The folder named for the cache (its format's folder goes inside), or None when it is off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.name == "nt" and os.environ.get("LOCALAPPDATA"))
    if base and not os.path.isabs(base):
        base = None  # the XDG specification: a relative path is ignored
    try:
        home = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found
        return None
    return home / "ca-summit"


def folder() -> Path | None:
    """Where the entries are kept, or None when the cache is off."""
    named = root()
    return None if named is None else named / FOLDER


def code_files() -> list[Path]:
    """The source files of the code that decides a verdict: ROOTS and every module of ca_summit that
    they import, directly or not (an import inside a function or for type checking included), with
    the packages holding them."""
    found: dict[str, Path] = {}
    todo = [f"ca_summit.{name}" for name in ROOTS]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in found or path is None:
            continue
        found[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:n]) for n in range(1, len(parts))]  # its packages' __init__
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for dots, module, names in _IMPORT.findall(path.read_bytes()):
            if dots.startswith(b"ca_summit"):
                base = "ca_summit"
            else:
                base = ".".join(package.split(".")[: len(package.split(".")) - len(dots) + 1])
            target = ".".join(part for part in (base, module.decode()) if part)
            todo.append(target)
            for imported in names.strip(b"()").split(b","):
                word = imported.split(b"#")[0].split()
                if word:
                    todo.append(f"{target}.{word[0].decode()}")  # a module, if a file says so
    return sorted(found.values())


def _module_file(name: str) -> Path | None:
    *folders, last = name.split(".")[1:] or [""]
    for path in (_PACKAGE.joinpath(*folders, last, "__init__.py"), _PACKAGE.joinpath(*folders, f"{last}.py")):
        if path.is_file():
            return path
    return None


@cache
def _checker() -> bytes:
    """What an entry's verdict depends on besides the file: the code that parses and checks it."""
    import pydantic
    import pydantic_core
    import yaml

    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for version in (yaml.__version__, pydantic.VERSION, pydantic_core.__version__, sys.version):
        digest.update(version.encode() + b"\0")
    return digest.digest()


def content_digest(sha: str, body: bytes) -> str:
    return hashlib.sha256(_checker() + sha.encode() + b"\0" + body).hexdigest()


class Cache:
    """One load's use of the cache folder: the entries it found and kept, and the bound kept at the
    end (settle)."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.used: set[str] = set()
        self.stored = 0

    def entry(self, data: bytes) -> tuple[Path, str]:
        """Where the entry of a file with these bytes is kept, and the file's SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        name = hashlib.sha256(_checker() + sha.encode()).hexdigest() + SUFFIX
        return self.where / name, sha

    def load(self, entry: Path, sha: str) -> Any:
        """The parsed content kept in this entry for the file of this SHA-256, when the entry is
        bound to that file and its content is what was kept; else None. The content is not
        validated here: the caller checks it as it would check the file (loader.rechecked)."""
        from ..errors import SummitError
        from .loader import read_bytes

        try:
            # The loader's reader: a regular file only (a FIFO put there cannot hang the run), bounded.
            data = read_bytes(entry, "cache entry")
            head, _, body = data.partition(b"\n")[2].partition(b"\n")
            recorded, _, digest = head.decode("ascii").partition(" ")
            if not data.startswith(_MAGIC) or recorded != sha or digest != content_digest(sha, body):
                return None
            value = json.loads(body)
        except (SummitError, ValueError, RecursionError):
            return None  # damaged, or not what this code writes: read the file
        return value if isinstance(value, dict) else None

    def keep(self, entry: Path, sha: str, value: object) -> None:
        """Keep, as this entry, the parsed content of a file that passed every check of its own
        (written whole, or not at all)."""
        with contextlib.suppress(OSError, ValueError, RecursionError):
            import tempfile  # a measurable import, paid only when something is stored

            # Each folder made the user's alone: mkdir's parents would get the default mode.
            self.where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.where.mkdir(mode=0o700, exist_ok=True)
            body = json.dumps(value, separators=(",", ":"), allow_nan=False).encode("ascii")
            data = b"%s%s %s\n%s" % (_MAGIC, sha.encode(), content_digest(sha, body).encode(), body)
            with deferred():  # Ctrl-C or SIGTERM waits for the entry, whole or removed: no stray file
                handle, temporary = tempfile.mkstemp(dir=self.where, suffix=".tmp")
                try:
                    with os.fdopen(handle, "wb") as stream:
                        stream.write(data)
                    os.replace(temporary, entry)
                except BaseException:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)
                    raise
            self.stored += 1
        self.used.add(entry.name)

    def use(self, entry: Path) -> None:
        self.used.add(entry.name)

    def settle(self) -> None:
        """After a load that kept entries: past the bound, the oldest entries this load did not use
        go, but never more than the load added. The bound is MAX_ENTRIES, or twice what the load
        used when that is more, so that a folder larger than MAX_ENTRIES stays whole, two such
        folders used in turn stay too, and a run on a small folder takes out no more than it adds:
        the cache never makes a run slower than no cache by pruning what the next run needs."""
        if not self.stored:
            return  # a run that kept nothing added nothing: the folder is not even listed
        bound = max(MAX_ENTRIES, 2 * len(self.used))
        with contextlib.suppress(OSError):
            entries = [entry for entry in os.scandir(self.where) if entry.name.endswith(SUFFIX)]
            excess = len(entries) - bound
            if excess <= 0:
                return
            others = [entry for entry in entries if entry.name not in self.used]
            others.sort(key=lambda entry: entry.stat().st_mtime)  # the oldest first
            for entry in others[: min(excess, self.stored)]:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def open_cache() -> Cache | None:
    """The cache for one load, or None when it is off or its folder is not safe to use (said once
    a run on stderr). A folder of an older format is removed."""
    named = root()
    if named is None:
        return None
    where = named / FOLDER
    for place in (named, where):
        problem = _unsafe(place)
        if problem:
            from ..render.stderr import warn

            warn(f"the cache folder {place} {problem}; the cache is off")
            return None
    for old in OLD_FOLDERS:
        _remove(named / old)
    return Cache(where)


def _unsafe(place: Path) -> str | None:
    """Why a folder of the cache must not be used: another's, or writable by others; None when it
    is the user's own, or not there yet (it will be made so)."""
    try:
        info = place.stat()
    except OSError:
        return None
    if not hasattr(os, "geteuid"):
        return None  # no owners and modes to read (Windows): the folder's ACLs decide
    if info.st_uid != os.geteuid():
        return "is not owned by you"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "is writable by others"
    return None


def _remove(old: Path) -> None:
    if not os.path.lexists(old):
        return
    with contextlib.suppress(OSError):
        if old.is_symlink() or not old.is_dir():
            old.unlink()  # a link is removed, never followed
            return
        import shutil

        shutil.rmtree(old, ignore_errors=True)
