"""`ca-summit export`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from . import Context
from .complete import MeetingFilter

if TYPE_CHECKING:
    from ...render.report import Tabular


class ExportRequest(NamedTuple):
    sqlite: Path
    replace: bool
    meeting: str | None


def options(
    *,
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite",
            metavar="FILE",
            show_default=False,
            help="The SQLite database to write; its Datasette metadata goes beside it, as "
            "FILE's stem + .metadata.json.",
        ),
    ],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Overwrite FILE and its metadata if they exist (never otherwise)."),
    ] = False,
    meeting: MeetingFilter = None,
) -> ExportRequest:
    """Write the corpus to a SQLite database for Datasette or any SQL tool: meetings, participants,
    documents, facts, claims, targets, conflicts, quotes, entities and sources, with primary and
    foreign keys and full-text search (FTS5) on the texts in each language, and a Datasette
    metadata file beside it.

    The file is written whole or not at all: to a temporary file, renamed into place. An existing
    file is never overwritten without --replace.
    """
    return ExportRequest(sqlite=sqlite, replace=replace, meeting=meeting)


def run(request: ExportRequest, context: Context) -> "Tabular":
    from ...queries.export import export
    from ...render.sqlite import target, write
    from ...views.export import present

    where = target(request.sqlite, replace=request.replace)  # before reading: a usage error is quick
    corpus = context.corpus()
    database = export(corpus, corpus.select(request.meeting))
    write(where, database, replace=request.replace)
    return present(database, where)
