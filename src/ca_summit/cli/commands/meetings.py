"""`ca-summit meetings`."""

from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ...render.display import Lang
from . import Context
from .complete import MeetingFilter

if TYPE_CHECKING:
    from ...render.report import Tabular


class MeetingsRequest(NamedTuple):
    which: str | None  # a year or an edition; None: every meeting


def options(
    which: Annotated[
        str | None,
        typer.Argument(
            metavar="YEAR|EDITION",
            show_default=False,
            help="One meeting, by the year it was held (2024) or its edition (6): its full record.",
        ),
    ] = None,
    *,
    meeting: MeetingFilter = None,
) -> MeetingsRequest:
    """The Consultative Meetings in order: dates, place, chair, attendees, guests, documents adopted.

    With a year or an edition, one meeting's full record: every fact with its sources, and the
    conflicts between sources. --data may name a folder of meeting files.
    """
    if which is not None and meeting is not None and which != meeting:
        from ...errors import SummitError

        raise SummitError(f"two meetings named: {which} and --meeting {meeting}; name one", usage=True)
    return MeetingsRequest(which=which if which is not None else meeting)


def run(request: MeetingsRequest, context: Context) -> "Tabular":
    from ...queries.meetings import meetings
    from ...views.base import or_nothing
    from ...views.meetings import present

    found = meetings(context.corpus(), request.which)
    message: dict[Lang, str] = {
        "en": "No record from public reports here: the data has only an article of this meeting "
        "(see 'ca-summit summary').",
        "fr": "Aucun compte rendu tiré de rapports publics ici\u202f: les données n’ont qu’un article "
        "sur cette réunion (voir «\u202fca-summit summary\u202f»).",
    }
    return or_nothing(present(found, context.lang), found, message)
