"""`ca-summit areas`."""

from typing import TYPE_CHECKING

from . import Context
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """The areas of cooperation of a meeting's article: what was said or proposed, by whom,
    and what is new."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.areas import areas
    from ...views.areas import present
    from ...views.base import no_article, or_nothing

    meeting = context.meeting(request)
    found = areas(meeting.data)
    message = no_article(("areas of cooperation", "domaines de coopération"), meeting.label)
    return or_nothing(present(found, context.lang), found, message)
