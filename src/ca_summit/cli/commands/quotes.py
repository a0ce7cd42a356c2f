"""`ca-summit quotes`."""

from typing import TYPE_CHECKING

from . import Context, article_listing
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """The direct quotes of a meeting's article: speaker, the French words as printed, an
    English rendering."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.facts import quotes
    from ...views.facts import present_quotes

    return article_listing(context, request, quotes, present_quotes, ("direct quotes", "citations directes"))
