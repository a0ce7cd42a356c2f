"""`ca-summit trade`."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...errors import SummitError
from ..parsing import AMOUNT_HELP, RATE_HELP, parse_amount, parse_rate
from . import Context

if TYPE_CHECKING:
    from ...corpus.series import Meeting
    from ...corpus.series_models import Summit
    from ...queries.trade import TradeRequest
    from ...render.report import Tabular


def _usage(parse: Callable[[str], float]) -> Callable[[str], float]:
    """A Typer parser that turns the parse function's ValueError into a usage error."""

    def parser(text: str) -> float:
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return parser


def _parsed(flag: str, short: str, metavar: str, parse: Callable[[str], float], help: str) -> Any:
    return typer.Option(flag, short, metavar=metavar, parser=_usage(parse), show_default=False, help=help)


def _year(flag: str, help: str) -> Any:
    return typer.Option(flag, metavar="YEAR", min=1, max=9999, show_default=False, help=help)


def options(
    *,
    project: Annotated[
        float | None,
        _parsed("--project", "-p", "AMOUNT", parse_amount, f"Project the trade to a target: {AMOUNT_HELP}."),
    ] = None,
    rate: Annotated[
        float | None,
        _parsed(
            "--rate", "-r", "RATE", parse_rate, f"Grow at this rate instead of the implied one: {RATE_HELP}."
        ),
    ] = None,
    by: Annotated[
        int | None, _year("--by", "Also give the yearly rate that reaches the target by this year.")
    ] = None,
    base_year: Annotated[
        int | None,
        _year("--base-year", "The year the current figure refers to (default: the data's assumption)."),
    ] = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Every trade figure of the meeting series, by the year it refers to, with its "
            "speaker and sources; disagreeing figures, other scopes and targets apart.",
        ),
    ] = False,
) -> "TradeRequest":
    """Intra-regional trade: the figures, what they imply, and projections to a target."""
    # Told before any data is read (check_request words the same problem for other callers).
    if history and (project is not None or rate is not None or by is not None or base_year is not None):
        raise SummitError(
            "--history lists the reported figures; it takes no --project, --rate, --by or --base-year",
            usage=True,
        )
    if project is None and (rate is not None or by is not None):
        raise SummitError("--rate and --by need a target (--project AMOUNT)", usage=True)
    from ...queries.trade import TradeRequest

    return TradeRequest(target=project, rate=rate, by_year=by, base_year=base_year, history=history)


# How the request's fields are spelled on the command line, for the query's problems.
_FLAGS = {"target": "--project AMOUNT", "rate": "--rate", "by_year": "--by", "base_year": "--base-year"}


def run(request: "TradeRequest", context: Context) -> "Tabular":
    from ...queries.trade import check_request, trade
    from ...views.trade import present

    # Only --project and --history read the series; plain trade reads the one article file.
    series = request.target is not None or request.history
    summit, meetings = _series(context) if series else (context.article(), [])
    problem = check_request(summit, request)
    if problem is not None:
        raise SummitError(problem.describe(_FLAGS), usage=True)
    result = trade(summit, request)
    if request.history:
        from ...queries.history import history
        from ...views.history import present_history

        return present(result, context.lang, history=present_history(history(meetings), context.lang))
    if result.projection is None:
        return present(result, context.lang)
    from ...queries.history import against_path

    return present(result, context.lang, reported=against_path(meetings, result.projection.path))


def _series(context: Context) -> "tuple[Summit, list[Meeting]]":
    """The article summit and the meetings of the series it belongs to: the bundled seven (the
    article's file read once, as one of them), a folder's, or a lone file as its own series."""
    from ...corpus.series import Meeting, load_bundled_series, load_series
    from ...corpus.series_models import Summit
    from ...resources import bundled_path

    if context.data is not None and not context.data.is_dir():
        summit = context.summit()
        return summit, [Meeting(context.data, summit)]
    meetings = load_bundled_series() if context.data is None else load_series(context.data)
    article = bundled_path() if context.data is None else None
    for meeting in meetings:
        data = meeting.data
        if isinstance(data, Summit) and data.trade is not None and article in (None, meeting.path):
            return data, meetings
    raise SummitError(f"{context.data}: no meeting file of this folder has the article's trade figures")
