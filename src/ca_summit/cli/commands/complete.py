"""Value completion and checks for options with a closed set of values. Light: the shell calls
these at every <TAB>."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...corpus.series import DEFAULT_YEAR, MEETING_HELP
from ...errors import SummitError
from ..options import resolve_data

if TYPE_CHECKING:
    from . import Context


def choices(values: Sequence[str]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def one_of(values: Sequence[str], what: str) -> Callable[[str], str]:
    """A Typer parser that accepts only `values`: anything else is a usage error listing them."""

    def parse(text: str) -> str:
        if text not in values:
            raise typer.BadParameter(f"{text!r} is not {what}; choose from {', '.join(values)}")
        return text

    return parse


def area_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The area ids of the meeting the command line points at; none if it cannot be read."""
    try:
        meeting = _context(ctx).meeting(ctx.params.get("meeting"))
    except SummitError:
        return []
    return [area.id for area in meeting.data.areas if area.id.startswith(incomplete)]


def meeting_values(ctx: typer.Context, incomplete: str) -> list[str]:
    """The years of the meetings the command line points at, then their editions."""
    try:
        meetings = _context(ctx).corpus().meetings
    except SummitError:
        return []
    values = [str(m.year) for m in meetings] + [str(m.edition) for m in meetings]
    return [value for value in values if value.startswith(incomplete)]


def _context(ctx: typer.Context) -> "Context":
    from . import Context

    # While completing, the line's values are not converted yet: --data is still text.
    data = resolve_data(ctx, ctx.params.get("data"))
    return Context(None if data is None else Path(data), "en")


def meeting_option(default: str) -> Any:
    """`--meeting YEAR|EDITION`, completed from the data; `default` says what is read without it."""
    return typer.Option(
        "--meeting",
        metavar="YEAR|EDITION",
        show_default=False,
        autocompletion=meeting_values,
        help=f"{MEETING_HELP} Default: {default}.",
    )


MeetingOption = Annotated[str | None, meeting_option(f"the article's, {DEFAULT_YEAR}")]
MeetingFilter = Annotated[str | None, meeting_option("every meeting")]
