"""`ca-summit sources`."""

from typing import TYPE_CHECKING

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


def options() -> None:
    """Every source the meetings cite: address, publisher, date, language, and how many facts, trade
    claims, targets and sides of conflicts cite it. Most cited first. --data may name a folder."""


def run(request: None, context: Context) -> "Tabular":
    from ...queries.sources import sources
    from ...views.sources import present

    return present(sources(context.data), context.lang)
