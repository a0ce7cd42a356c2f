"""`ca-summit show`."""

from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from . import Context
from .complete import MeetingFilter

if TYPE_CHECKING:
    from ...render.report import Tabular


class ShowRequest(NamedTuple):
    id: str
    meeting: str | None


def options(
    id: Annotated[
        str, typer.Argument(metavar="ID", help="Any id the tool prints: c6, t9, e2-date, tokayev, KZ.")
    ],
    *,
    meeting: MeetingFilter = None,
) -> ShowRequest:
    """What an id stands for: a fact, a trade claim, a target, a conflict, a source, an entity, an
    assumption or the article; its text, its sources with their addresses, and what refers to it."""
    return ShowRequest(id=id, meeting=meeting)


def run(request: ShowRequest, context: Context) -> "Tabular":
    from ...queries.show import show
    from ...views.show import present

    found = show(context.corpus(), request.meeting, request.id)
    return present(request.id, found, context.lang)
