"""One module a command: its own options (the parameters of `options`, which returns the typed
request), and `run`, which asks the query and shapes the view. The shared options are added by
`ca_summit.cli.options`; the command is declared in `ca_summit.cli.registry`.

Modules here import no Pydantic, YAML or Rich at import time: `--help` and usage errors build the
parsers without them. `run` imports what it needs.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ...render.display import Lang

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from ...corpus.files import Meeting
    from ...corpus.models import MeetingFile
    from ...corpus.series import Corpus
    from ...render.report import Tabular


@dataclass
class Context:
    """What a command's `run` gets beside its request: the data to read, the language, the
    warnings its reading gave (printed on stderr by the CLI before the output, one line each), and
    what it wrote beside its output (said on stderr after it)."""

    data: Path | None
    lang: Lang
    warnings: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # side outputs written (a chart), said after the output
    _read: "list[Corpus]" = field(default_factory=list)  # the corpus, once read

    def corpus(self) -> "Corpus":
        """Every meeting `--data` names (the bundled data, a folder or a file), read one way, once
        a run however often a command asks."""
        if not self._read:
            from ...corpus.reading import read

            self._read.append(read(self.data))
            self.warnings[:] = self._read[0].warnings
        return self._read[0]

    def meeting(self, which: str | None) -> "Meeting":
        """The meeting a one-meeting command is about: `--meeting`, else the article's."""
        return self.corpus().one(which)


def article_listing(
    context: Context,
    which: str | None,
    query: "Callable[[MeetingFile], Sequence[Any]]",
    present: "Callable[[Any, Lang], Tabular]",
    what: tuple[str, str],
) -> "Tabular":
    """A listing of what only an article gives (areas, quotes, country notes) for one meeting: the
    records, or for a meeting that the data has no article of, one line that says so (`what`: the
    records' name in English and French)."""
    from ...views.base import no_article, or_nothing

    meeting = context.meeting(which)
    found = query(meeting.data)
    view = cited(present(found, context.lang), meeting.data, context.lang)
    return or_nothing(view, list(found), no_article(what, meeting.year))


def cited(view: "Tabular", summit: "MeetingFile", lang: Lang) -> "Tabular":
    """The view, told how its meeting's article is cited and what its actors are called: what its
    Markdown document needs and its JSON does not carry."""
    from ...views.base import actor_names, article_of

    view._article = article_of(summit, lang)  # type: ignore[attr-defined]
    if hasattr(view, "_names"):
        view._names = actor_names(summit, lang)
    return view
