"""`ca-summit facts`."""

from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ..kinds import FACT_KINDS
from . import Context
from .complete import area_ids, choices, one_of

if TYPE_CHECKING:
    from ..report import Tabular


class FactsRequest(NamedTuple):
    area: str | None
    kind: str | None


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
) -> FactsRequest:
    """Every fact with its verbatim citation."""
    return FactsRequest(area=area, kind=kind)


def run(request: FactsRequest, context: Context) -> "Tabular":
    from ..queries.facts import facts

    return facts(context.summit(), context.lang, area=request.area, kind=request.kind)
