"""Every command, declared once.

The CLI, `ca-summit --help`, `schema`'s choices, the published JSON Schemas, the README's command
reference and the tests' parametrisation all derive from this list. A command's own options, the
query it runs and the view it prints live in its module, `ca_summit.cli.commands.NAME`.

Adding a command means one module and one entry here; a test fails when the command lacks a
schema file, a README section or an example that runs.

Light on purpose: `--version`, `--help` and usage errors read it without importing Pydantic, YAML
or Rich.
"""

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

Kind = Literal["data", "file", "plain"]


class Command(NamedTuple):
    name: str
    summary: str  # one line, for `ca-summit --help`
    example: str  # a real invocation, shown in the help and run by the tests
    # "module:Model" in ca_summit.views: the JSON output, whose schema derives from it; "module:A|B"
    # for an output of either shape (facts: the article's, or a meeting's as public reports give it).
    view: str | None
    kind: Kind = "data"  # data: reads the summit; file: checks a file; plain: neither
    # The list in the JSON output that --fields, jsonl and CSV address: None for the output itself
    # (a list of records, or one record); a key, or a dotted path, for an object that holds its
    # records (show's items).
    records: str | None = None
    # Options that print other records: (option, path), the first option given wins (trade's
    # --history prints its claims, --project its path).
    modes: tuple[tuple[str, str], ...] = ()

    @property
    def module(self) -> str:
        return f"ca_summit.cli.commands.{self.name}"

    def records_for(self, values: Mapping[str, Any]) -> str | None:
        """Where the records are, given the command's option values (as parsed, or while completing)."""
        return next((path for option, path in self.modes if values.get(option)), self.records)

    @property
    def has_output(self) -> bool:
        """Whether the command prints a view, and so has a JSON Schema and the output options."""
        return self.view is not None


COMMANDS: tuple[Command, ...] = (
    Command(
        "areas", "The six areas of cooperation.", "ca-summit areas --json | jq '.[].title'", "areas:AreasView"
    ),
    Command(
        "trade",
        "Trade figures, their history and projections.",
        "ca-summit trade --project 15e9 --by 2030",
        "trade:TradeView",
        records="metrics",
        modes=(("history", "history.claims|history.other_scopes"), ("project", "projection.path")),
    ),
    Command("summary", "The meeting at a glance.", "ca-summit summary --lang fr", "summary:SummaryView"),
    Command(
        "facts",
        "Every fact with its verbatim citation.",
        "ca-summit facts --area information-space",
        "facts:FactsView|MeetingFactsView",
    ),
    Command(
        "quotes",
        "The direct quotes, in French and English.",
        "ca-summit quotes --fields speaker,french",
        "facts:QuotesView",
    ),
    Command(
        "countries",
        "The participants and what is said of each.",
        "ca-summit countries --json | jq '.[] | {code, n: (.said | length)}'",
        "facts:CountriesView",
    ),
    Command(
        "meetings",
        "The seven meetings: who came, what was signed, with sources.",
        "ca-summit meetings 2024",
        "meetings:MeetingsView",
    ),
    Command(
        "sources",
        "Every source cited, and how much rests on it.",
        "ca-summit sources --json | jq '.[0]'",
        "sources:SourcesView",
    ),
    Command(
        "search",
        "Find text in the article and the series.",
        "ca-summit search tokaiev",
        "facts:SearchView",
    ),
    Command(
        "show",
        "What an id stands for, with its sources and what refers to it.",
        "ca-summit show c6",
        "show:ShowView",
        records="items",
    ),
    Command(
        "export",
        "Write the corpus to a SQLite database, for Datasette.",
        "ca-summit export --sqlite summit.db --replace",
        "export:ExportView",
        records="contents",
    ),
    Command(
        "validate",
        "Check a data file and list every problem.",
        "ca-summit validate my_summit.yaml",
        "validate:ValidationView",
        kind="file",
        records="problems",
    ),
    Command(
        "schema",
        "JSON Schema of an output or of the data file.",
        "ca-summit schema areas > areas.schema.json",
        None,
        kind="plain",
    ),
)

DATA_SCHEMA = "data"  # `schema data`: the data file's schema, beside the commands' outputs


def find(name: str) -> Command | None:
    return next((command for command in COMMANDS if command.name == name), None)


def schema_names() -> tuple[str, ...]:
    return (*(command.name for command in COMMANDS if command.has_output), DATA_SCHEMA)
