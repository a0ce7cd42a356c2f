"""`ca-summit quotes`."""

from typing import TYPE_CHECKING

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


def options() -> None:
    """The direct quotes: speaker, the French words as printed, an English rendering."""


def run(request: None, context: Context) -> "Tabular":
    from ...queries.facts import quotes
    from ...views.facts import present_quotes

    return present_quotes(quotes(context.article()), context.lang)
