"""The only code that touches YAML: read a file safely, parse it, validate it into its model.

The file is read with a size bound and only if it is a regular file, so a FIFO or a device cannot
hang it. YAML is read event by event (libyaml's C parser when present) and built here, so that:
no tag can build a Python object; duplicate keys are errors; plain scalars follow the YAML 1.2 core
schema (`NO` is text, `1e9` a number, dates stay text); the expanded size of aliases is counted
before anything walks the tree; and every value keeps its line and column for error messages.
"""

from __future__ import annotations

import bisect
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

import yaml
from pydantic import ValidationError

from ..errors import Problem, SummitError
from ..resources import bundled_path
from .crossref import cross_check, not_in_source
from .models import Loc

MAX_BYTES = 32 * 1024 * 1024
MAX_NODES = 100_000  # counted with every alias expanded
# What aliases may add, in characters: a few aliases of one long text would otherwise cost time in
# proportion to their expansion, not to the file's size.
MAX_ALIAS_CHARS = 1_000_000
MAX_DEPTH = 64

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
# The YAML 1.2 core schema, resolved without regular expressions: compiling a dozen patterns costs
# more start-up time than parsing the whole bundled file.
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INFS = frozenset((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"))
_NANS = frozenset((".nan", ".NaN", ".NAN"))
_FLOAT_CHARS = frozenset("0123456789.eE+-")
_OCTAL = frozenset("01234567")
_HEXADECIMAL = frozenset("0123456789abcdefABCDEF")
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF") | {""}


def read_text(path: Path, what: str = "data file") -> str:
    """The file's text: a regular file, at most MAX_BYTES, UTF-8 (a BOM is allowed)."""
    return decode(read_bytes(path, what), path)


def read_bytes(path: Path, what: str = "data file") -> bytes:
    """The file's bytes: a regular file (a FIFO or a device cannot hang the read), at most MAX_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SummitError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SummitError(f"{path}: is a directory, not a {what}") from None
    except OSError as error:
        raise SummitError(f"{path}: cannot open: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise SummitError(f"{path}: is {kind}, not a {what}")
        data = b""
        if info.st_size <= MAX_BYTES:  # else refused unread; the read is bounded all the same
            with os.fdopen(fd, "rb", closefd=False) as stream:
                data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise SummitError(f"{path}: cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if info.st_size > MAX_BYTES or len(data) > MAX_BYTES:
        raise SummitError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB, refused")
    return data


def decode(data: bytes, path: Path) -> str:
    """A file's bytes as text: UTF-8, a BOM allowed; a SummitError placing the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        before = data[data.rfind(b"\n", 0, error.start) + 1 : error.start]
        column = len(before.decode("utf-8", "replace")) + 1  # in characters, as every position
        byte = data[error.start]
        raise SummitError(f"{path}:{line}:{column}: not UTF-8 text (byte 0x{byte:02x})") from None
    return text.removeprefix("\ufeff")


class _Frame:
    """A mapping or sequence being built; plain slots, as it is made for every collection."""

    __slots__ = ("anchor", "chars", "container", "has_key", "key", "loc", "size")

    def __init__(self, container: dict[str, Any] | list[Any], loc: Loc, anchor: str | None) -> None:
        self.container = container
        self.loc = loc
        self.anchor = anchor
        self.size = 1  # nodes, aliases expanded
        self.chars = 0  # characters of its scalars, aliases expanded
        self.key: Any = None  # in a mapping: the key waiting for its value
        self.has_key = False


_SKIP = object()  # the value of a rejected key: parsed, then dropped


class Document:
    """A parsed YAML document with the line and column (1-based) of every value and key."""

    def __init__(self) -> None:
        self.value: Any = None
        self.marks: dict[Loc, tuple[int, int]] = {}
        self.key_marks: dict[Loc, tuple[int, int]] = {}
        self.problems: list[tuple[Loc, tuple[int, int], str]] = []
        # Places whose value is wrong, so the models' findings there would only echo the problem;
        # a bad key is reported at its mapping but does not make the rest of the mapping unseen.
        self.flagged: set[Loc] = set()

    def flag(self, loc: Loc, position: tuple[int, int], message: str, *, covers: bool = True) -> None:
        self.problems.append((loc, position, message))
        if covers:
            self.flagged.add(loc)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The most precise position known for loc: its key, itself, or its nearest ancestor."""
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.marks and loc:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))


class _Fatal(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


# libyaml also ends a line at CR, NEL, LS and PS (YAML 1.1); a position counts lines by LF only.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _positions(text: str) -> Callable[[Any], tuple[int, int]]:
    """line:column (1-based, in characters, lines ended by LF only) of a parser's mark."""
    if not any(other in text for other in _OTHER_BREAKS):
        return lambda mark: (mark.line + 1, mark.column + 1)
    starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]

    def position(mark: Any) -> tuple[int, int]:
        line = bisect.bisect_right(starts, mark.index)  # a mark's index counts characters
        return line, mark.index - starts[line - 1] + 1

    return position


def _offset_position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _is_int(value: str) -> bool:
    digits = value[1:] if value[:1] in ("+", "-") else value
    return digits.isascii() and digits.isdigit()


def _is_radix_int(value: str) -> bool:
    if value.startswith("0o"):
        return len(value) > 2 and set(value[2:]) <= _OCTAL
    return value.startswith("0x") and len(value) > 2 and set(value[2:]) <= _HEXADECIMAL


def _is_float(value: str) -> bool:
    """[-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?, by the characters and float() itself."""
    if not value or not set(value) <= _FLOAT_CHARS or not any(c.isdigit() for c in value):
        return False
    mantissa = value.lower().split("e")[0]
    if mantissa.lstrip("+-").startswith(".") and not mantissa.lstrip("+-")[1:2].isdigit():
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def _resolve_plain(value: str) -> str:
    if value[:1] not in _MAYBE_NOT_TEXT:  # most scalars are words: settle them at the first letter
        return _CORE + "str"
    if value in _NULLS:
        return _CORE + "null"
    if value in _BOOL:
        return _CORE + "bool"
    if _is_int(value) or _is_radix_int(value):
        return _CORE + "int"
    if value in _INFS or value in _NANS or _is_float(value):
        return _CORE + "float"
    return _CORE + "str"


def _scalar(event: Any) -> tuple[Any, str | None]:
    """A scalar's value by the YAML 1.2 core schema, and a problem if its tag is not allowed."""
    value: str = event.value
    tag = event.tag
    if tag is None and event.style in (None, ""):
        tag = _resolve_plain(value)
    elif tag in (None, "!"):
        return value, None
    if tag == _CORE + "str":
        return value, None
    if tag == _CORE + "null" and value in _NULLS:
        return None, None
    if tag == _CORE + "bool" and value in _BOOL:
        return _BOOL[value], None
    if tag == _CORE + "int":
        try:
            if _is_int(value):
                return int(value), None
            if _is_radix_int(value):
                return int(value[2:], 8 if value[1] == "o" else 16), None
        except ValueError:
            return None, "integer too large"
    if tag == _CORE + "float":
        if value in _INFS:
            return (-math.inf if value.startswith("-") else math.inf), None
        if value in _NANS:
            return math.nan, None
        if _is_float(value) or _is_int(value):
            return float(value), None
    name = tag[len(_CORE) :] if tag.startswith(_CORE) else ""
    if name in ("str", "null", "bool", "int", "float"):
        return None, f"{value!r} is not a valid {name}"
    return None, f"tag {_short_tag(tag)} is not allowed: plain YAML data only"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _check_collection_tag(event: Any, kind: str) -> str | None:
    if event.tag in (None, "!", _CORE + kind):
        return None
    return f"tag {_short_tag(event.tag)} is not allowed: plain YAML data only"


def parse(text: str) -> Document:
    """Parse one YAML document into plain data with positions; raise _Fatal where it cannot go on."""
    doc = Document()
    anchors: dict[str, tuple[Any, int, int]] = {}  # value, nodes, characters
    stack: list[_Frame] = []
    total = 0
    alias_chars = 0
    documents = 0
    root_set = False

    def child_loc(frame: _Frame) -> Loc | None:
        if isinstance(frame.container, list):
            return (*frame.loc, len(frame.container))
        if frame.has_key:
            return None if frame.key is _SKIP else (*frame.loc, frame.key)
        return None  # a key

    def add(value: Any, size: int, chars: int, position: tuple[int, int], loc_known: bool = False) -> None:
        nonlocal total, root_set
        total += size
        if total > MAX_NODES:
            raise _Fatal(
                *position, f"the document expands to more than {MAX_NODES} nodes (too many aliases?)"
            )
        if not stack:
            doc.value, root_set = value, True
            doc.marks.setdefault((), position)
            return
        frame = stack[-1]
        frame.size += size
        frame.chars += chars
        if isinstance(frame.container, list):
            if not loc_known:
                doc.marks[(*frame.loc, len(frame.container))] = position
            frame.container.append(value)
            return
        if not frame.has_key:
            if not isinstance(value, str):
                doc.flag(frame.loc, position, "keys must be text", covers=False)
                frame.key = _SKIP
            elif value in frame.container:
                doc.flag((*frame.loc, value), position, f"duplicate key {value!r}")
                frame.key = _SKIP
            else:
                frame.key = value
                doc.key_marks[(*frame.loc, value)] = position
            frame.has_key = True
            return
        if frame.key is not _SKIP:
            assert isinstance(frame.container, dict)
            if not loc_known:
                doc.marks[(*frame.loc, frame.key)] = position
            frame.container[frame.key] = value
        frame.key, frame.has_key = None, False

    def start(event: Any, container: dict[str, Any] | list[Any], kind: str) -> None:
        position = _position(event.start_mark)
        if len(stack) >= MAX_DEPTH:
            raise _Fatal(*position, f"nested deeper than {MAX_DEPTH} levels")
        loc: Loc = ()
        if stack:
            # A key, or a value under a dropped key, has no place: it is reported as such, then dropped.
            parent_loc = child_loc(stack[-1])
            loc = (*stack[-1].loc, "?") if parent_loc is None else parent_loc
        doc.marks[loc] = position
        problem = _check_collection_tag(event, kind)
        if problem:
            doc.flag(loc, position, problem)
        stack.append(_Frame(container=container, loc=loc, anchor=event.anchor))

    _position = _positions(text)
    loader = _Parser(text)
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Fatal(
                        *_position(event.start_mark), "a data file holds one YAML document, found a second"
                    )
            elif isinstance(event, yaml.ScalarEvent):
                position = _position(event.start_mark)
                value, problem = _scalar(event)
                if problem:
                    loc = child_loc(stack[-1]) if stack else ()
                    doc.flag(loc or (), position, problem)
                if event.anchor:
                    anchors[event.anchor] = (value, 1, len(event.value))
                add(value, 1, len(event.value), position)
            elif isinstance(event, yaml.MappingStartEvent):
                start(event, {}, "map")
            elif isinstance(event, yaml.SequenceStartEvent):
                start(event, [], "seq")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size, frame.chars)
                total -= frame.size - 1  # its children were counted as they came
                add(frame.container, frame.size, frame.chars, doc.marks[frame.loc], loc_known=True)
            elif isinstance(event, yaml.AliasEvent):
                position = _position(event.start_mark)
                if event.anchor not in anchors:
                    raise _Fatal(*position, f"unknown alias *{event.anchor}")
                value, size, chars = anchors[event.anchor]
                alias_chars += chars
                if alias_chars > MAX_ALIAS_CHARS:
                    raise _Fatal(
                        *position,
                        f"aliases expand to more than {MAX_ALIAS_CHARS} characters (too many aliases?)",
                    )
                add(value, size, chars, position)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _position(mark) if mark is not None else (1, 1)
        raise _Fatal(line, column, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.reader.ReaderError as error:
        index = error.position
        if _Parser is not yaml.SafeLoader:  # libyaml reads UTF-8: its offset counts bytes
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        raise _Fatal(*_offset_position(text, index), f"invalid YAML: {error.reason}") from None
    except yaml.YAMLError as error:
        raise _Fatal(1, 1, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    if not root_set or doc.value is None:
        raise _Fatal(1, 1, "the file holds no data")
    return doc


def _covered(loc: Loc, reported: set[Loc]) -> bool:
    """Whether loc or a place holding it was reported: by prefixes, so N problems cost O(N)."""
    return any(loc[:n] in reported for n in range(len(loc) + 1))


def _field(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


_HINTS = {
    "string_type": "; quote it to make it text",
    "int_type": "; write a whole number without quotes",
    "float_type": "; write a number without quotes",
    "bool_type": "; write true or false",
}


if TYPE_CHECKING:
    from .models import EntitiesFile, MeetingFile


class Checked(NamedTuple):
    """What checking a data file found: the parsed document (unless unparsable), its problems in
    file order, and its content when there is none."""

    document: Document | None
    problems: list[Problem]
    summit: MeetingFile | EntitiesFile | None


def check(text: str, path: str) -> tuple[MeetingFile | None, list[Problem]]:
    """Every problem of a meeting file's text, in file order, and the meeting when there is none."""
    from .models import MeetingFile

    checked = examine(text, path, MeetingFile)
    return (checked.summit if isinstance(checked.summit, MeetingFile) else None), checked.problems


Model: TypeAlias = "type[MeetingFile] | type[EntitiesFile]"


def examine(text: str, path: str, model: Model | None = None) -> Checked:
    """Every problem of a data file's text, with the document they were found in. `model`: what the
    file must hold; None: told by the file itself (entities alone, or a meeting)."""
    try:
        doc = parse(text)
    except _Fatal as fatal:
        return Checked(None, [Problem(path, fatal.line, fatal.column, "", fatal.message)], None)
    problems = [Problem(path, *position, _field(loc), message) for loc, position, message in doc.problems]
    flagged = set(doc.flagged)
    if model is None:
        from .models import model_for

        model = model_for(doc.value)
    value = doc.value
    summit: MeetingFile | EntitiesFile | None = None
    try:
        summit = model.model_validate(value)
    except ValidationError as error:
        for detail in error.errors(include_url=False, include_input=False):
            loc = tuple(detail["loc"])
            if _covered(loc, flagged):
                continue  # already reported, by the parser, at the same place
            if detail["type"] == "value_error":  # our own validators: their words, no prefix
                message = str(detail.get("ctx", {}).get("error", detail["msg"]))
            else:
                message = detail["msg"] + _HINTS.get(detail["type"], "")
            is_key = detail["type"] == "extra_forbidden"
            line, column = doc.where(loc, key=is_key)
            problems.append(Problem(path, line, column, _field(loc), message))
            flagged.add(loc)
    for loc, message in cross_check(value, flagged, model):
        if not _covered(loc, flagged):  # a reference that is malformed is reported as such, once
            problems.append(Problem(path, *doc.where(loc), _field(loc), message))
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return Checked(doc, problems, summit if not problems else None)


def rechecked(value: object) -> MeetingFile | EntitiesFile | None:
    """A value parsed from a file that once had no problem (a cache entry's), checked again as
    `examine` checks a file (the models, then ids and references within the file): its model, or
    None at the first problem, which a file read in full would place."""
    from .models import validated

    try:
        made = validated(value)
    except ValidationError:
        return None
    return None if cross_check(value, (), type(made)) else made


def verbatim_problems(doc: Document, path: str, source: str, source_name: str) -> tuple[int, list[Problem]]:
    """How many quotes were compared with the source text, and one problem for each not found in it."""
    checked, missing = not_in_source(doc.value, source)
    message = f"not a verbatim excerpt of {source_name}"
    return checked, [Problem(path, *doc.where(loc), _field(loc), message) for loc in missing]


def load_meeting_file(path: Path | None = None) -> MeetingFile:
    """The validated meeting of one data file (the bundled article's by default), checked on its own,
    or a SummitError."""
    from .models import MeetingFile

    path = path if path is not None else bundled_path()
    checked = examine(read_text(path), str(path), MeetingFile)
    if not isinstance(checked.summit, MeetingFile):
        raise SummitError.from_problems(checked.problems)
    return checked.summit
