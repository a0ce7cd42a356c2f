"""`ca-summit search`."""

from typing import TYPE_CHECKING, Annotated

import typer

from ..options import usage_parser
from ..parsing import parse_text
from . import Context
from .complete import MeetingFilter

if TYPE_CHECKING:
    from ...queries.facts import SearchRequest
    from ...render.report import Tabular


def options(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            parser=usage_parser(parse_text),
            help="Words to find; case and accents are ignored.",
        ),
    ],
    *,
    meeting: MeetingFilter = None,
) -> "SearchRequest":
    """Find text across the article's areas, facts and quotes, in both languages, and across every
    fact, trade claim and target of the meeting series, with their sources."""
    from ...queries.facts import SearchRequest

    return SearchRequest(text=text, meeting=meeting)


def run(request: "SearchRequest", context: Context) -> "Tabular":
    from ...queries.series_search import search_meetings
    from ...views.facts import present_search

    corpus = context.corpus()
    found = search_meetings(corpus.select(request.meeting), corpus.entities, request)
    return present_search(found, context.lang)
