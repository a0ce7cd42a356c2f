"""`ca-summit validate`: every problem of a data file."""

from __future__ import annotations

from pathlib import Path

from ..loader import check, read_text
from ..views.validate import ProblemView, ValidationView


def validation(path: Path) -> ValidationView:
    """The report on one file; an unreadable file is a SummitError, not a problem of its content."""
    _, problems = check(read_text(path), str(path))
    return ValidationView(
        file=str(path),
        valid=not problems,
        problems=[
            ProblemView(line=p.line, column=p.column, field=p.field, message=p.message) for p in problems
        ],
    )
