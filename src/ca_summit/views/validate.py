"""`ca-summit validate`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from ..display import Lang
from ..report import Column, Table, cell
from .base import View


class ProblemView(View):
    line: int
    column: int
    field: str
    message: str


class ValidationView(View):
    file: str
    valid: bool
    problems: list[ProblemView]

    @property
    def exit_code(self) -> int:
        """1 when the file has a problem: `validate` is then a failed check."""
        return 0 if self.valid else 1

    def lines(self) -> list[str]:
        if self.valid:
            return [f"{self.file}: valid"]
        return [
            f"{self.file}:{p.line}:{p.column}: " + (f"{p.field}: " if p.field else "") + p.message
            for p in self.problems
        ]

    def tables(self, lang: Lang) -> list[Table]:
        return [
            Table(
                self.file,
                (
                    Column("line", "line", numeric=True),
                    Column("column", "column", numeric=True),
                    Column("field", "field"),
                    Column("message", "message"),
                ),
                [(cell(p.line), cell(p.column), cell(p.field), cell(p.message)) for p in self.problems],
            )
        ]
