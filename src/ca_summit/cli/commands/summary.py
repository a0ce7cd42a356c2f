"""`ca-summit summary`."""

from typing import TYPE_CHECKING

from . import Context, cited
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
    meeting = corpus.one(request)
    return cited(present(summary(meeting, corpus.naming), context.lang), meeting.data, context.lang)
