"""`ca-summit meetings`."""

from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


class MeetingsRequest(NamedTuple):
    which: int | None  # a year or an edition; None: every meeting


def options(
    which: Annotated[
        int | None,
        typer.Argument(
            metavar="YEAR|EDITION",
            show_default=False,
            help="One meeting, by the year it was held (2024) or its edition (6): its full record.",
        ),
    ] = None,
) -> MeetingsRequest:
    """The Consultative Meetings in order: dates, place, chair, attendees, guests, documents adopted.

    With a year or an edition, one meeting's full record: every fact with its sources, and the
    conflicts between sources. --data may name a folder of meeting files.
    """
    return MeetingsRequest(which=which)


def run(request: MeetingsRequest, context: Context) -> "Tabular":
    from ...queries.meetings import meetings
    from ...views.meetings import present

    return present(meetings(request.which, context.data), context.lang)
