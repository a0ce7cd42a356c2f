"""`ca-summit validate`: every problem of a data file, its quotes compared with the source text."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..corpus.loader import Checked, examine, read_text, verbatim_problems
from ..errors import Problem


class SourceCheck(NamedTuple):
    """Whether the quotes were compared with the source text, and with which file."""

    document: str | None  # the source file the data names (source.document)
    path: str | None  # the file the quotes were compared with, if any
    checked: bool
    quotes_checked: int
    note: str | None  # what was compared, or why nothing was


UPGRADE = (
    "format_version 1 is read as it is; to bring it up to date, set format_version: 2 and write people, "
    "cities and speakers as entity ids where an entity exists ('ca-summit show ID' shows one)"
)


class Validation(NamedTuple):
    file: str
    source: SourceCheck
    problems: list[Problem]
    outdated: list[str] = []  # the files written in an older format_version  # noqa: RUF012

    @property
    def valid(self) -> bool:
        return not self.problems


def validation(path: Path, source: Path | None = None) -> Validation:
    """The report on one file; an unreadable file is a SummitError, not a problem of its content.

    Every quote must be a verbatim excerpt of `source`; without it, of the file that the data's
    `source.document` names next to the data file, when there is one.
    """
    if path.is_dir():
        return _folder(path)
    checked = examine(read_text(path), str(path))
    problems = checked.problems
    document = _document_name(checked)
    note: str | None = None
    if source is None:
        source, note = _beside(path, document)
    source_view = SourceCheck(document=document, path=None, checked=False, quotes_checked=0, note=note)
    if source is not None and checked.document is not None:
        count, missing = verbatim_problems(
            checked.document, str(path), read_text(source, "source text"), str(source)
        )
        problems = sorted([*problems, *missing], key=lambda p: (p.line, p.column))
        note = f"{count - len(missing)} of {count} quotes found verbatim in {source}"
        source_view = SourceCheck(
            document=document, path=str(source), checked=True, quotes_checked=count, note=note
        )
    return Validation(str(path), source_view, problems, _outdated(checked, path))


def _outdated(checked: Checked, path: Path) -> list[str]:
    return [str(path)] if checked.summit is not None and checked.summit.format_version == 1 else []


def _folder(folder: Path) -> Validation:
    """A folder of meeting files: each file's problems, then those across files (ids declared twice,
    conflicts naming items no file declares)."""
    from ..corpus.reading import check_folder

    corpus, problems = check_folder(folder)
    outdated = [] if corpus is None else [str(m.path) for m in corpus.meetings if m.data.format_version == 1]
    note = "quotes not checked in a folder: validate the article's file alone to compare them"
    return Validation(str(folder), SourceCheck(None, None, False, 0, note), problems, outdated)


def _document_name(checked: Checked) -> str | None:
    """The source file the data names, if it names one as text."""
    value = checked.document.value if checked.document is not None else None
    source = value.get("source") if isinstance(value, dict) else None
    document = source.get("document") if isinstance(source, dict) else None
    return document if isinstance(document, str) and document.strip() else None


def _beside(path: Path, document: str | None) -> tuple[Path | None, str | None]:
    """The source text next to the data file, or why there is none to compare with."""
    if document is None:  # no article, and so no quote to compare
        return None, None
    if Path(document).name != document:
        return None, f"quotes not checked: the source {document!r} is not a plain file name"
    beside = path.parent / document
    if not beside.exists():
        return None, f"quotes not checked: the source {document} is not next to the data file"
    return beside, None
