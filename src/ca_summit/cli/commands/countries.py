"""`ca-summit countries`."""

from typing import TYPE_CHECKING

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


def options() -> None:
    """The five participants: ISO code, names in both languages, what the article says of each."""


def run(request: None, context: Context) -> "Tabular":
    from ...queries.facts import countries
    from ...views.facts import present_countries

    return present_countries(countries(context.article()), context.lang)
