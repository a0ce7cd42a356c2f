"""`ca-summit summary`."""

from typing import TYPE_CHECKING

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


def options() -> None:
    """The meeting at a glance: date, participants, headline figures, areas."""


def run(request: None, context: Context) -> "Tabular":
    from ...queries.summary import summary
    from ...views.summary import present

    return present(summary(context.summit()), context.lang)
