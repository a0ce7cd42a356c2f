"""`ca-summit summary`."""

from typing import TYPE_CHECKING

from . import Context
from .complete import MeetingOption

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingOption = None) -> str | None:
    """A meeting at a glance: date, place, participants, headline figures, areas, documents."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.summary import summary
    from ...views.summary import present

    corpus = context.corpus()
    return present(summary(corpus.one(request), corpus.naming), context.lang)
