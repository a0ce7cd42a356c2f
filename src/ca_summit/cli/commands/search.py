"""`ca-summit search`."""

from typing import TYPE_CHECKING, Annotated

import typer

from . import Context
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...corpus.series import Meeting
    from ...queries.facts import SearchRequest
    from ...render.report import Tabular


def options(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case and accents are ignored.")],
    *,
    meeting: MeetingOption = None,
) -> "SearchRequest":
    """Find text across the article's areas, facts and quotes, in both languages, and across every
    fact, trade claim and target of the meeting series, with their sources."""
    from ...queries.facts import SearchRequest

    return SearchRequest(text=text, meeting=meeting)


def run(request: "SearchRequest", context: Context) -> "Tabular":
    from ...corpus.picking import pick, series
    from ...queries.series_search import search_meetings
    from ...views.facts import present_search

    meetings = _lone(context) if _is_file(context) else series(context.data)
    if request.meeting is not None:
        meetings = [pick(meetings, request.meeting)]
    return present_search(search_meetings(meetings, request), context.lang)


def _is_file(context: Context) -> bool:
    return context.data is not None and not context.data.is_dir()


def _lone(context: Context) -> "list[Meeting]":
    """A data file named by --data: searched alone, as its own series."""
    from ...corpus.series import Meeting

    assert context.data is not None
    return [Meeting(context.data, context.summit())]
