"""`ca-summit search`."""

from typing import TYPE_CHECKING, Annotated

import typer

from . import Context

if TYPE_CHECKING:
    from ..report import Tabular


def options(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case and accents are ignored.")],
) -> str:
    """Find text across areas, facts and quotes, in both languages."""
    return text


def run(request: str, context: Context) -> "Tabular":
    from ..queries.facts import search

    return search(context.summit(), context.lang, request)
