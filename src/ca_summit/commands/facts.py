"""`ca-summit facts`."""

from typing import TYPE_CHECKING, Annotated

import typer

from ..kinds import FACT_KINDS
from . import Context
from .complete import area_ids, choices, one_of

if TYPE_CHECKING:
    from ..queries.facts import FactsRequest
    from ..report import Tabular


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
) -> "FactsRequest":
    """Every fact with its verbatim citation."""
    from ..queries.facts import FactsRequest

    return FactsRequest(area=area, kind=kind)


def run(request: "FactsRequest", context: Context) -> "Tabular":
    from ..queries.facts import facts
    from ..views.facts import present_facts

    return present_facts(facts(context.article(), request), context.lang)
