"""`ca-summit quotes`."""

from typing import TYPE_CHECKING

from . import Context
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """The direct quotes of a meeting's article: speaker, the French words as printed, an
    English rendering."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.facts import quotes
    from ...views.base import no_article, or_nothing
    from ...views.facts import present_quotes

    meeting = context.meeting(request)
    found = quotes(meeting.data)
    message = no_article(("direct quotes", "citations directes"), meeting.label)
    return or_nothing(present_quotes(found, context.lang), found, message)
