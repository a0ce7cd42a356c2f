"""One module a command: its own options (the parameters of `options`, which returns the typed
request), and `run`, which asks the query and shapes the view. The shared options are added by
`ca_summit.cli.options`; the command is declared in `ca_summit.cli.registry`.

Modules here import no Pydantic, YAML or Rich at import time: `--help` and usage errors build the
parsers without them. `run` imports what it needs.
"""

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ...corpus.snapshot import bundled
from ...render.display import Lang
from ..options import FOLDER_READERS

if TYPE_CHECKING:
    from ...corpus.models import Article
    from ...corpus.series_models import Summit


class Context(NamedTuple):
    """What a command's `run` gets beside its request: the data to read and the language."""

    data: Path | None
    lang: Lang

    def article(self) -> "Article":
        """The article's part of the data file: what the commands about the article read."""
        from ...corpus.models import Article

        if self.data is None and (made := bundled(Article)) is not None:
            return made
        from ...corpus.loader import load_article

        return load_article(self._file())

    def summit(self) -> "Summit":
        """The whole data file: the article and the series sections it may add."""
        from ...corpus.series_models import Summit

        if self.data is None and (made := bundled(Summit)) is not None:
            return made
        from ...corpus.loader import load_summit

        return load_summit(self._file())

    def _file(self) -> Path | None:
        if self.data is not None and self.data.is_dir():
            from ...errors import SummitError

            # A folder may hold several articles' meetings, or none: which one is the user's to say.
            raise SummitError(
                f"{self.data} is a folder; this command reads one article's file: "
                f"pass --data FOLDER/FILE.yaml (a folder is read by {FOLDER_READERS})"
            )
        return self.data
