"""`ca-summit areas`."""

from typing import TYPE_CHECKING

from . import Context, article_listing
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

    return article_listing(
        context, request, areas, present, ("areas of cooperation", "domaines de coopération")
    )
