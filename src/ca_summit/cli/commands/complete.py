"""Value completion and checks for options with a closed set of values. Light: the shell calls
these at every <TAB>."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from ...corpus.picking import MEETING_HELP, parse_meeting
from ..options import resolve_data


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
    """The area ids of the data the command line points at; none if it cannot be read."""
    from ...errors import SummitError
    from . import Context

    try:
        # While completing, the line's values are not converted yet: --data is still text.
        data = resolve_data(ctx, ctx.params.get("data"))
        summit = Context(None if data is None else Path(data), "en").article()
    except SummitError:
        return []
    return [area.id for area in summit.areas if area.id.startswith(incomplete)]


def _meeting(text: str) -> int:
    try:
        return parse_meeting(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


MeetingOption = Annotated[
    int | None,
    typer.Option("--meeting", metavar="YEAR|EDITION", parser=_meeting, show_default=False, help=MEETING_HELP),
]
