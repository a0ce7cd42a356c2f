"""Typer wiring only: options, help, and the one error boundary (`main`)."""

# No `from __future__ import annotations`: Typer reads these signatures at every run, and string
# annotations would have to be compiled and evaluated first (measured: a few ms of start-up).

import io
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn, get_args

import typer

from . import __version__
from .display import Lang
from .errors import SummitError
from .output import Format, StdoutClosed, render
from .parsing import AMOUNT_HELP, RATE_HELP, parse_amount, parse_rate
from .report import Tabular

if TYPE_CHECKING:
    from .models import Summit

_APP_SETTINGS: dict[str, Any] = {
    "name": "ca-summit",
    "help": (
        "Explore the facts and figures of the fifth Consultative Meeting of the Heads of State of "
        "Central Asia (14 September 2023), each traceable to its source.\n\n"
        "Example: ca-summit areas"
    ),
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "invoke_without_command": True,
}
app = typer.Typer(**_APP_SETTINGS)


class Language(StrEnum):
    en = "en"
    fr = "fr"


class Settings(NamedTuple):
    data: Path | None
    lang: Lang


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ca-summit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="CA_SUMMIT_DATA",
            metavar="PATH",
            help="A summit data file to read instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language,
        typer.Option(
            "--lang", envvar="CA_SUMMIT_LANG", case_sensitive=False, help="Language of labels and text."
        ),
    ] = Language.en,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = Settings(data=data, lang=lang.value)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="PATH",
        show_default=False,
        help="A summit data file to read instead of the bundled one (also CA_SUMMIT_DATA).",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        case_sensitive=False,
        show_default=False,
        help="Language of labels and text: en (default) or fr (also CA_SUMMIT_LANG).",
    ),
]


def _settings(ctx: typer.Context, data: Path | None = None, lang: Language | None = None) -> Settings:
    """The global options, where a command's own --data or --lang wins over the root's."""
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return Settings(
        data=data if data is not None else settings.data,
        lang=lang.value if lang is not None else settings.lang,
    )


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="Output format: table (default), json, csv or markdown.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def _format(fmt: Format | None, json_: bool) -> Format:
    if json_ and fmt not in (None, Format.json):
        raise typer.BadParameter(f"--json conflicts with --format {fmt.value}", param_hint="--json")
    return Format.json if json_ else (fmt or Format.table)


def _load(settings: Settings) -> "Summit":
    from .loader import load_summit

    return load_summit(settings.data)


def _usage(parse: Callable[[str], float]) -> Callable[[str], float]:
    """A Typer parser that turns the parse function's ValueError into a usage error."""

    def parser(text: str) -> float:
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return parser


def _show(
    ctx: typer.Context,
    query: Callable[..., Tabular],
    fmt: Format | None,
    json_: bool,
    lang: Language | None,
    data: Path | None,
    *args: Any,
    **options: Any,
) -> None:
    """What every data command does: settle the options, load the data, ask, print the view."""
    output = _format(fmt, json_)  # a usage error is reported before any data is read
    settings = _settings(ctx, data, lang)
    render(query(_load(settings), settings.lang, *args, **options), output, settings.lang)


@app.command(short_help="The six areas of cooperation.")
def areas(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The six areas of cooperation: what was said or proposed, by whom, and what is new.

    Example: ca-summit areas --json | jq '.[].title'
    """
    from .queries.areas import areas as query

    _show(ctx, query, fmt, json_, lang, data)


@app.command(short_help="Trade figures and projections to a target.")
def trade(
    ctx: typer.Context,
    project: Annotated[
        float | None,
        typer.Option(
            "--project",
            "-p",
            metavar="AMOUNT",
            parser=_usage(parse_amount),
            help=f"Project the trade to a target: {AMOUNT_HELP}.",
            show_default=False,
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            "--rate",
            "-r",
            metavar="RATE",
            parser=_usage(parse_rate),
            help=f"Grow at this rate instead of the implied one: {RATE_HELP}.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        int | None,
        typer.Option(
            "--by",
            metavar="YEAR",
            min=1,
            max=9999,
            show_default=False,
            help="Also give the yearly rate that reaches the target by this year.",
        ),
    ] = None,
    base_year: Annotated[
        int | None,
        typer.Option(
            "--base-year",
            metavar="YEAR",
            min=1,
            max=9999,
            show_default=False,
            help="The year the current figure refers to (default: the data's assumption).",
        ),
    ] = None,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Intra-regional trade: the figures, what they imply, and projections to a target.

    Example: ca-summit trade --project 15e9 --by 2030
    """
    from .queries.trade import TradeRequest, check_request
    from .queries.trade import trade as query
    from .views.trade import present

    request = TradeRequest(target=project, rate=rate, by_year=by, base_year=base_year)

    def answer(summit: "Summit", lang: Lang) -> Tabular:
        problem = check_request(summit, request)
        if problem is not None:
            raise SummitError(problem.describe(_TRADE_OPTIONS), usage=True)
        return present(query(summit, request), lang)

    _show(ctx, answer, fmt, json_, lang, data)


_TRADE_OPTIONS = {
    "target": "--project AMOUNT",
    "rate": "--rate",
    "by_year": "--by",
    "base_year": "--base-year",
}


@app.command(short_help="The meeting at a glance.")
def summary(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The meeting at a glance: date, participants, speaker, headline figures, areas.

    Example: ca-summit summary --lang fr
    """
    from .queries.summary import summary as query

    _show(ctx, query, fmt, json_, lang, data)


def _kind(value: str | None) -> str | None:
    from .views.facts import FactKind

    kinds = get_args(FactKind)
    if value is not None and value not in kinds:
        raise typer.BadParameter(f"{value!r} is not a kind; choose from {', '.join(kinds)}")
    return value


@app.command(short_help="Every fact with its verbatim citation.")
def facts(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area", metavar="ID", show_default=False, help="Only the facts of this area (see 'areas')."
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            callback=_kind,
            show_default=False,
            help="Only facts of this kind: figure, statement, proposal, quote, area, participant, ...",
        ),
    ] = None,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Every fact with its verbatim citation.

    Example: ca-summit facts --area information-space
    """
    from .queries.facts import facts as query

    _show(ctx, query, fmt, json_, lang, data, area=area, kind=kind)


@app.command(short_help="The direct quotes, in French and English.")
def quotes(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The direct quotes: speaker, the French words as printed, an English rendering.

    Example: ca-summit quotes
    """
    from .queries.facts import quotes as query

    _show(ctx, query, fmt, json_, lang, data)


@app.command(short_help="The participants and what is said of each.")
def countries(
    ctx: typer.Context,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The five participants: ISO code, names in both languages, what the article says of each.

    Example: ca-summit countries --json | jq '.[] | {code, n: (.said | length)}'
    """
    from .queries.facts import countries as query

    _show(ctx, query, fmt, json_, lang, data)


@app.command(short_help="Find text in areas, facts and quotes.")
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case and accents are ignored.")],
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Find text across areas, facts and quotes, in both languages.

    Example: ca-summit search tokaiev
    """
    from .queries.facts import search as query

    _show(ctx, query, fmt, json_, lang, data, text)


@app.command(short_help="Check a data file and list every problem.")
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="The file to check (default: --data, or the bundled file).", show_default=False),
    ] = None,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Check a data file and list every problem as path:line:col: field: message.

    Exit code 0 when the file is valid, 1 otherwise.

    Example: ca-summit validate my_summit.yaml
    """
    from .loader import bundled_path
    from .queries.validate import validation

    output = _format(fmt, json_)
    settings = _settings(ctx, data, lang)
    view = validation(path or settings.data or bundled_path())
    render(view, output, settings.lang)
    if not view.valid:
        raise typer.Exit(1)


class SchemaName(StrEnum):
    areas = "areas"
    trade = "trade"
    summary = "summary"
    facts = "facts"
    quotes = "quotes"
    countries = "countries"
    search = "search"
    validate = "validate"
    data = "data"


@app.command(short_help="JSON Schema of an output or of the data file.")
def schema(
    name: Annotated[
        SchemaName, typer.Argument(metavar="COMMAND", help="A command's name, or 'data' for the data file.")
    ],
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's JSON output, or of the data file.

    Example: ca-summit schema areas > areas.schema.json
    """
    from .output import write
    from .schemas import schema_text

    write(schema_text(name.value))


def _say(message: str) -> None:
    sys.stderr.write(f"ca-summit: {' '.join(message.split())}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """After the reader closed the pipe: point stdout at /dev/null so exit's flush stays quiet."""
    if sys.stdout is None:  # it was closed before we started: nothing will flush
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _tolerant_streams() -> None:
    # A terminal or pipe that cannot encode a character gets an escape, not a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


_ROOT_OPTIONS_WITH_VALUE = ("--data", "--lang")


def _requested(argv: list[str]) -> str | None:
    """The command argv names, when that can be told without parsing it."""
    args = iter(argv)
    for arg in args:
        if arg in _ROOT_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith(tuple(option + "=" for option in _ROOT_OPTIONS_WITH_VALUE)):
            return None if arg.startswith("-") else arg
    return None


def _command_line(argv: list[str]) -> Any:
    """What parses argv. Typer builds every command's parser before it runs one, so a run that
    names its command gets an app with that command alone (measured: most of Typer's share of
    start-up); help, completion and mistakes get the whole app."""
    name = _requested(argv)
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None and (info.name or info.callback.__name__) == name
    ]
    if not chosen or "_CA_SUMMIT_COMPLETE" in os.environ:
        return typer.main.get_command(app)
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return typer.main.get_command(lean)


def main(argv: list[str] | None = None) -> int:
    """The entry point and error boundary: every failure becomes one line on stderr."""
    _tolerant_streams()
    args = sys.argv[1:] if argv is None else argv
    try:
        command = _command_line(args)
        result = command.main(args=args, prog_name="ca-summit", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SummitError as error:
        _say(f"error: {error.message}")
        return error.exit_code
    except StdoutClosed:
        _silence_stdout()
        return 0
    except typer.TyperException as error:  # Typer's usage errors: unknown option, bad value...
        code = getattr(error, "exit_code", 2)
        ctx = getattr(error, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _say(f"error: {error.format_message()}{hint}")
        return code if isinstance(code, int) else 2
    except typer.Abort:
        _say("aborted")
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except Exception as error:
        if os.environ.get("CA_SUMMIT_DEBUG"):
            raise
        _say(
            f"internal error: {type(error).__name__}: {error} "
            "(please report it; CA_SUMMIT_DEBUG=1 shows the traceback)"
        )
        return 1


def run() -> NoReturn:
    raise SystemExit(main())
