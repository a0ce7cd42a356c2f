"""`ca-summit export`: what was written, the database and its metadata, with each table's rows."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

from pydantic import Field

from ..render import display as d
from ..render.display import Lang
from ..render.report import Column, Table, cell
from ..render.sqlite import Database, Target
from .base import View, made


class TableWritten(View):
    table: str
    rows: int
    searchable: list[str] = Field(description="The columns of its full-text index, TABLE_fts (FTS5).")
    description: str


class ExportView(View):
    database: str = Field(description="The SQLite database written.")
    metadata: str = Field(
        description="Its Datasette metadata, beside it: datasette DATABASE --metadata FILE."
    )
    contents: list[TableWritten]

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        columns = (
            Column("table", t(lang, "Table", "Table")),
            Column("rows", t(lang, "Rows", "Lignes"), numeric=True),
            Column("searchable", t(lang, "Full-text search", "Recherche plein texte")),
            Column("description", t(lang, "Holds", "Contenu"), in_table=False),
        )
        rows = [
            (
                cell(w.table),
                cell(w.rows),
                cell(" ".join(w.searchable), ", ".join(w.searchable)),
                cell(w.description),
            )
            for w in self.contents
        ]
        note = t(
            lang,
            f"Written: {self.database}, and its Datasette metadata, {self.metadata}.",
            f"Écrit\u202f: {self.database}, et ses métadonnées pour Datasette, {self.metadata}.",
        )
        title = t(lang, "SQLite database written", "Base SQLite écrite")
        return [Table(title, columns, rows, (note,))]


def present(database: Database, where: Target) -> ExportView:
    return made(
        ExportView,
        database=str(where.database),
        metadata=str(where.metadata),
        contents=[
            made(
                TableWritten,
                table=r.name,
                rows=len(r.rows),
                searchable=list(r.search),
                description=r.description,
            )
            for r in database.tables
        ],
    )
