"""`ca-summit trade`."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import SummitError
from ..parsing import AMOUNT_HELP, RATE_HELP, parse_amount, parse_rate
from . import Context

if TYPE_CHECKING:
    from ..queries.trade import TradeRequest
    from ..report import Tabular


def _usage(parse: Callable[[str], float]) -> Callable[[str], float]:
    """A Typer parser that turns the parse function's ValueError into a usage error."""

    def parser(text: str) -> float:
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return parser


def _year(flag: str, help: str) -> Any:
    return typer.Option(flag, metavar="YEAR", min=1, max=9999, show_default=False, help=help)


def options(
    *,
    project: Annotated[
        float | None,
        typer.Option(
            "--project",
            "-p",
            metavar="AMOUNT",
            parser=_usage(parse_amount),
            help=f"Project the trade to a target: {AMOUNT_HELP}.",
            show_default=False,
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            "--rate",
            "-r",
            metavar="RATE",
            parser=_usage(parse_rate),
            help=f"Grow at this rate instead of the implied one: {RATE_HELP}.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        int | None, _year("--by", "Also give the yearly rate that reaches the target by this year.")
    ] = None,
    base_year: Annotated[
        int | None,
        _year("--base-year", "The year the current figure refers to (default: the data's assumption)."),
    ] = None,
) -> "TradeRequest":
    """Intra-regional trade: the figures, what they imply, and projections to a target."""
    if project is None and (rate is not None or by is not None):
        # Told before any data is read (check_request words the same problem for other callers).
        raise SummitError("--rate and --by need a target (--project AMOUNT)", usage=True)
    from ..queries.trade import TradeRequest

    return TradeRequest(target=project, rate=rate, by_year=by, base_year=base_year)


# How the request's fields are spelled on the command line, for the query's problems.
_FLAGS = {"target": "--project AMOUNT", "rate": "--rate", "by_year": "--by", "base_year": "--base-year"}


def run(request: "TradeRequest", context: Context) -> "Tabular":
    from ..queries.trade import check_request, trade
    from ..views.trade import present

    summit = context.article()
    problem = check_request(summit, request)
    if problem is not None:
        raise SummitError(problem.describe(_FLAGS), usage=True)
    return present(trade(summit, request), context.lang)
