"""`ca-summit sources`."""

from typing import TYPE_CHECKING

from . import Context
from .complete import MeetingFilter

if TYPE_CHECKING:
    from ...render.report import Tabular


def options(*, meeting: MeetingFilter = None) -> str | None:
    """Every source the meetings cite: address, publisher, date, language, and how many facts, trade
    claims, targets and sides of conflicts cite it. Most cited first."""
    return meeting


def run(request: str | None, context: Context) -> "Tabular":
    from ...queries.sources import sources
    from ...views.sources import present

    return present(sources(context.corpus().select(request)), context.lang)
