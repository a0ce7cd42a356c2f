"""`ca-summit search`."""

from typing import TYPE_CHECKING, Annotated

import typer

from . import Context

if TYPE_CHECKING:
    from ..queries.facts import SearchRequest
    from ..report import Tabular


def options(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case and accents are ignored.")],
) -> "SearchRequest":
    """Find text across areas, facts and quotes, in both languages."""
    from ..queries.facts import SearchRequest

    return SearchRequest(text=text)


def run(request: "SearchRequest", context: Context) -> "Tabular":
    from ..queries.facts import search
    from ..views.facts import present_search

    return present_search(search(context.article(), request), context.lang)
