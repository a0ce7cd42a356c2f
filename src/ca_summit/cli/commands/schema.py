"""`ca-summit schema`."""

from typing import Annotated

import typer

from ..registry import schema_names
from . import Context
from .complete import choices, one_of

NAMES = schema_names()


def options(
    name: Annotated[
        str,
        typer.Argument(
            metavar="COMMAND",
            parser=one_of(NAMES, "a command with JSON output, nor 'data'"),
            autocompletion=choices(NAMES),
            help=f"A command's name, or 'data' for the data file: {', '.join(NAMES)}.",
        ),
    ],
) -> str:
    """Print the JSON Schema (draft 2020-12) of a command's JSON output, or of the data file."""
    return name


def run(request: str, context: Context) -> None:
    from ...render.output import write
    from ...resources import schema_path

    write(schema_path(request).read_text(encoding="utf-8"))
