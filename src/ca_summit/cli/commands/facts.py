"""`ca-summit facts`."""

from typing import TYPE_CHECKING, Annotated

import typer

from ...corpus.kinds import FACT_KINDS
from . import Context, cited
from .complete import MeetingOption, area_ids, choices, one_of

if TYPE_CHECKING:
    from ...corpus.files import Meeting
    from ...queries.facts import FactsRequest
    from ...render.report import Tabular


AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        metavar="ID",
        show_default=False,
        autocompletion=area_ids,
        help="Only the facts of this area (see 'ca-summit areas').",
    ),
]


def options(
    *,
    area: AreaOption = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            parser=one_of(FACT_KINDS, "a kind"),
            autocompletion=choices(FACT_KINDS),
            show_default=False,
            help=f"Only facts of this kind: {', '.join(FACT_KINDS)}.",
        ),
    ] = None,
    meeting: MeetingOption = None,
) -> "FactsRequest":
    """Every fact with its verbatim citation; with --meeting, another meeting's facts as public
    reports give them, each with its sources."""
    from ...queries.facts import FactsRequest

    return FactsRequest(area=area, kind=kind, meeting=meeting)


def run(request: "FactsRequest", context: Context) -> "Tabular":
    from ...queries.facts import facts
    from ...views.facts import present_facts

    meeting = context.meeting(request.meeting)
    if meeting.data.has_article:  # the article's facts, each with its verbatim quote
        return cited(present_facts(facts(meeting.data, request), context.lang), meeting.data, context.lang)
    return _reported(meeting, request)


def _reported(meeting: "Meeting", request: "FactsRequest") -> "Tabular":
    """A meeting without an article: its facts from public reports (no areas, no kinds of the article)."""
    from ...errors import SummitError
    from ...queries.series_search import series_facts
    from ...views.facts import present_meeting_facts

    if request.area is not None or request.kind is not None:
        raise SummitError(
            f"--area and --kind are an article's; the {meeting.year} meeting has facts from public "
            "reports only",
            usage=True,
        )
    return present_meeting_facts(series_facts(meeting))
