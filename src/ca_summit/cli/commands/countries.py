"""`ca-summit countries`."""

from typing import TYPE_CHECKING

from . import Context
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """The participants of a meeting's article: ISO code, names in both languages, what the
    article says of each."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.facts import countries
    from ...views.base import no_article, or_nothing
    from ...views.facts import present_countries

    meeting = context.meeting(request)
    found = countries(meeting.data)
    message = no_article(("country notes", "notes par pays"), meeting.label)
    return or_nothing(present_countries(found, context.lang), found, message)
