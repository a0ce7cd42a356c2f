"""`ca-summit validate`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from pydantic import Field

from ..queries.validate import UPGRADE, Validation
from ..render.display import Lang
from ..render.report import Column, Table, cell
from .base import View, made


class ProblemView(View):
    file: str = Field(description="The file the problem is in (one of a folder's, for a folder).")
    line: int
    column: int
    field: str
    message: str


class SourceView(View):
    """Whether the quotes were compared with the source text, and with which file."""

    document: str | None = Field(description="The source file the data names (source.document).")
    path: str | None = Field(description="The file the quotes were compared with, if any.")
    checked: bool = Field(description="Whether every quote was compared with the source text.")
    quotes_checked: int = Field(description="How many quotes were compared.")
    note: str | None = Field(description="What was compared, or why nothing was.")


class ValidationView(View):
    file: str
    valid: bool
    source: SourceView
    problems: list[ProblemView]
    outdated: list[str] = Field(description="Valid files in an older format_version, read as they are.")

    @property
    def exit_code(self) -> int:
        """1 when the file has a problem: `validate` is then a failed check."""
        return 0 if self.valid else 1

    def lines(self) -> list[str]:
        if self.valid:
            return [f"{self.file}: valid"]
        return [
            f"{p.file}:{p.line}:{p.column}: " + (f"{p.field}: " if p.field else "") + p.message
            for p in self.problems
        ]

    def notes(self) -> list[str]:
        # A verdict of valid says whether the quotes were part of it, and how to bring it up to date.
        if not self.valid:
            return []
        notes = [f"{self.file}: note: {self.source.note}"] if self.source.note else []
        return notes + [f"{path}: note: {UPGRADE}" for path in self.outdated]

    def tables(self, lang: Lang) -> list[Table]:
        return [
            Table(
                self.file,
                (
                    # A folder's problems lie in its files: the table names each one's.
                    Column("file", "file", in_table=any(p.file != self.file for p in self.problems)),
                    Column("line", "line", numeric=True),
                    Column("column", "column", numeric=True),
                    Column("field", "field"),
                    Column("message", "message"),
                ),
                [
                    (cell(p.file), cell(p.line), cell(p.column), cell(p.field), cell(p.message))
                    for p in self.problems
                ],
                notes=(self.source.note,) if self.source.note else (),
            )
        ]


def present(validation: Validation) -> ValidationView:
    return made(
        ValidationView,
        file=validation.file,
        valid=validation.valid,
        source=made(SourceView, **validation.source._asdict()),
        problems=[
            made(ProblemView, file=p.path, line=p.line, column=p.column, field=p.field, message=p.message)
            for p in validation.problems
        ],
        outdated=validation.outdated,
    )
