"""`ca-summit validate`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ..options import data_path_argument
from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


class ValidateRequest(NamedTuple):
    path: Path | None
    source: Path | None


def options(
    path: Annotated[
        Path | None,
        typer.Argument(
            parser=data_path_argument,
            help="The file, or folder of meeting files, to check (default: --data, or the bundled file).",
            show_default=False,
        ),
    ] = None,
    *,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            metavar="TEXT",
            show_default=False,
            help="The source text every quote must be a verbatim excerpt of "
            "(default: the file the data names in source.document, next to it).",
        ),
    ] = None,
) -> ValidateRequest:
    """Check a data file, or a folder of meeting files, and list every problem as
    path:line:col: field: message.

    Exit code 0 when the file is valid, 1 otherwise.
    """
    return ValidateRequest(path=path, source=source)


def run(request: ValidateRequest, context: Context) -> "Tabular":
    from ...queries.validate import validation
    from ...resources import bundled_path
    from ...views.validate import present

    return present(validation(request.path or context.data or bundled_path(), request.source))
