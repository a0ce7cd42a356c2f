"""`ca-summit countries`."""

from typing import TYPE_CHECKING

from . import Context, article_listing
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """The participants of a meeting's article: ISO code, names in both languages, what the
    article says of each."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.facts import countries
    from ...views.facts import present_countries

    return article_listing(
        context, request, countries, present_countries, ("country notes", "notes par pays")
    )
