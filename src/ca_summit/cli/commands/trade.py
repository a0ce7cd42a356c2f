"""`ca-summit trade`."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from ...corpus.series import DEFAULT_YEAR
from ...errors import SummitError
from ..options import usage_parser
from ..parsing import AMOUNT_HELP, RATE_HELP, parse_amount, parse_rate
from . import Context
from .complete import meeting_option

if TYPE_CHECKING:
    from ...queries.trade import TradeRequest
    from ...render.report import Tabular
    from ...views.trade import TradeView


def _parsed(flag: str, short: str, metavar: str, parse: Callable[[str], float], help: str) -> Any:
    parser = usage_parser(parse)
    return typer.Option(flag, short, metavar=metavar, parser=parser, show_default=False, help=help)


class Asked(NamedTuple):
    """The query's request, and where to draw it (--plot): a side output, not the query's."""

    request: "TradeRequest"
    plot: Path | None = None
    start: str | None = None  # --from: a claim's id, looked up in the data


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
    year: Annotated[
        int | None, _year("--year", "With --history: only the figures and targets that refer to this year.")
    ] = None,
    since: Annotated[
        int | None, _year("--since", "With --history: only those that refer to this year or a later one.")
    ] = None,
    until: Annotated[
        int | None,
        _year("--until", "With --history: only those that refer to this year or an earlier one."),
    ] = None,
    meeting: Annotated[
        str | None, meeting_option(f"the article's, {DEFAULT_YEAR}; with --history, every meeting")
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="CLAIM_ID",
            show_default=False,
            help="With --project: start from a figure reported later (a claim of intra-regional trade "
            "with a value and a year, such as t25: see 'ca-summit trade --history') instead of the "
            "article's, with its qualifier; the pace stays the article's unless --rate is given.",
        ),
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            metavar="FILE",
            show_default=False,
            help="Also draw the history or the projection as a chart into FILE, SVG or PNG by its "
            "extension (overwritten; needs the extra: pip install 'ca-summit[plot]').",
        ),
    ] = None,
) -> Asked:
    """Intra-regional trade: the figures, what they imply, and projections to a target."""
    # Told before any data is read (check_request words the same problem for other callers).
    if history and (project is not None or rate is not None or by is not None or base_year is not None):
        raise SummitError(
            "--history lists the reported figures; it takes no --project, --rate, --by or --base-year",
            usage=True,
        )
    if project is None and (rate is not None or by is not None):
        raise SummitError("--rate and --by need a target (--project AMOUNT)", usage=True)
    since, until = _years(year, since, until, history=history)
    if start is not None and (project is None or base_year is not None):
        raise SummitError(
            "--from starts a projection (--project AMOUNT) from a reported figure, whose year is its "
            "own: it takes no --base-year",
            usage=True,
        )
    if plot is not None:
        if not history and project is None:
            raise SummitError("--plot draws --history or a projection (--project AMOUNT)", usage=True)
        from ...render.chart import chart_format

        chart_format(plot)  # a usage error before any data is read
    from ...queries.trade import TradeRequest

    request = TradeRequest(
        target=project,
        rate=rate,
        by_year=by,
        base_year=base_year,
        history=history,
        meeting=meeting,
        since=since,
        until=until,
    )
    return Asked(request, plot, start)


def _years(
    year: int | None, since: int | None, until: int | None, *, history: bool
) -> tuple[int | None, int | None]:
    """The years --history keeps, as (since, until): --year is both ends."""
    if (year, since, until) == (None, None, None):
        return None, None
    if not history:
        raise SummitError("--year, --since and --until filter --history's figures", usage=True)
    if year is not None:
        if since is not None or until is not None:
            raise SummitError(
                "--year is one year; give it alone, or a range with --since and --until", usage=True
            )
        return year, year
    if since is not None and until is not None and since > until:
        raise SummitError(
            f"--since {since} comes after --until {until}: no year is in that range", usage=True
        )
    return since, until


# How the request's fields are spelled on the command line, for the query's problems.
_FLAGS = {"target": "--project AMOUNT", "rate": "--rate", "by_year": "--by", "base_year": "--base-year"}


def run(asked: Asked, context: Context) -> "Tabular":
    request = asked.request
    if asked.start is not None:
        from ...queries.trade import start_figure

        request = request._replace(start=start_figure(context.corpus().meetings, asked.start))
    view = _view(request, context)
    if asked.plot is not None:
        _plot(view, asked.plot, context)
    return view


def _plot(view: "TradeView", path: Path, context: Context) -> None:
    """The chart is a side output: written before the usual output is printed, said after it."""
    from ...render.chart import write_chart
    from ...views.chart import history_chart, projection_chart

    if view.history is not None:
        chart = history_chart(view.history, view.currency, context.lang)
    else:
        assert view.projection is not None  # options() allows --plot with --history or --project
        chart = projection_chart(view, view.projection, context.lang)
    write_chart(chart, path)
    context.done.append(f"wrote {path}")


def _view(request: "TradeRequest", context: Context) -> "TradeView":
    from ...queries.trade import check_request, trade
    from ...views.trade import present

    corpus = context.corpus()
    if request.history:  # every meeting's reported figures (--meeting: one's)
        from ...queries.history import Years, history
        from ...views.history import present_history
        from ...views.trade import history_alone

        years = Years(request.since, request.until)
        found = present_history(history(corpus.select(request.meeting), corpus.naming, years), context.lang)
        article = next((m for m in corpus.meetings if m.year == DEFAULT_YEAR and m.data.trade), None)
        if article is None:
            return history_alone(found)
        return present(trade(article.data, request), context.lang, history=found)
    # The figures and the projection are one meeting's, the article's by default, held against
    # what every meeting reported.
    meeting = corpus.one(request.meeting)
    if meeting.data.trade is None:
        raise SummitError(
            f"the {meeting.year} meeting has no article's trade figures to start from; the figures "
            f"reported there: ca-summit trade --history --meeting {meeting.year}"
        )
    problem = check_request(meeting.data, request)
    if problem is not None:
        raise SummitError(problem.describe(_FLAGS), usage=True)
    result = trade(meeting.data, request)
    if result.projection is None:
        return present(result, context.lang)
    from ...queries.history import against_path

    return present(
        result,
        context.lang,
        reported=against_path(corpus.meetings, result.projection.path, corpus.naming),
    )
