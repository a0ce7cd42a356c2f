"""`ca-summit areas`."""

from typing import TYPE_CHECKING

from . import Context

if TYPE_CHECKING:
    from ...render.report import Tabular


def options() -> None:
    """The six areas of cooperation: what was said or proposed, by whom, and what is new."""


def run(request: None, context: Context) -> "Tabular":
    from ...queries.areas import areas
    from ...views.areas import present

    return present(areas(context.article()), context.lang)
