"""The one domain error type, and the problems it carries."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a data file, located as precisely as the file allows."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class SummitError(Exception):
    """Everything that goes wrong, as the user should hear it.

    The CLI boundary turns it into one line on stderr: exit code 2 when the command line asked for
    something impossible (`usage`), 1 when the data or the run failed.
    """

    def __init__(self, message: str, *, problems: tuple[Problem, ...] = (), usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems
        self.exit_code = 2 if usage else 1

    @classmethod
    def from_problems(cls, problems: list[Problem], checked: object = None) -> SummitError:
        """The first problem, and how to see them all: `validate` of what was checked (a folder's
        problems may lie across its files), else of the file the first one is in."""
        first = str(problems[0])
        more = len(problems) - 1
        if more:
            plural = "s" if more > 1 else ""
            where = problems[0].path if checked is None else checked
            first += f" (and {more} more problem{plural}; run 'ca-summit validate {where}')"
        return cls(first, problems=tuple(problems))
