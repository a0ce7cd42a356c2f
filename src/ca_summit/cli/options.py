"""The options every command shares, declared once, and the one settings object they resolve to.

A command module declares only its own options (the parameters of its `options` function); the
shared ones are added to its signature here, like sqlite-utils' `output_options`, so a new shared
option reaches every command from this file alone.

The root takes --data, --lang, --no-pager and --color too (`ca-summit --lang fr areas`), declared
here once for both places. Precedence: the command's own option, then the root's, then the
environment (CA_SUMMIT_DATA, CA_SUMMIT_LANG; for colour, see output.colour_wanted). --no-pager
given in either place turns the pager off.
"""

# No `from __future__ import annotations`: Typer reads these annotations at run time.

import inspect
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NamedTuple, TypeVar

import typer

from ..errors import SummitError
from ..render.display import Lang
from ..render.output import Color, Format
from .registry import Command

T = TypeVar("T")


def usage_parser(parse: Callable[[str], T]) -> Callable[[str], T]:
    """A Typer parser that turns the parse function's ValueError into a usage error."""

    def parser(text: str) -> T:
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return parser


class Language(StrEnum):
    en = "en"
    fr = "fr"


LANG_ENV = "CA_SUMMIT_LANG"
DATA_ENV = "CA_SUMMIT_DATA"


class Settings(NamedTuple):
    """What the shared options settle, for one run of one command."""

    data: Path | None  # None: the bundled file
    lang: Lang
    format: Format
    fields: tuple[str, ...] | None  # None: every field
    records: str | None  # where the records are in the output (Command.records_for)
    columns: tuple[str, ...]  # every field of a record, as CSV prints them
    pager: bool
    color: Color


class Root(NamedTuple):
    """The root options, before a command's own: `ca-summit --data F --lang fr COMMAND`."""

    data: Path | None = None
    lang: Language | None = None
    no_pager: bool = False
    color: Color | None = None


def usage(message: str) -> SummitError:
    return SummitError(message, usage=True)


def _env_lang() -> Lang:
    value = os.environ.get(LANG_ENV, "")
    if value.strip() == "":
        return "en"
    try:
        return Language(value.strip().lower()).value
    except ValueError:
        raise usage(f"{LANG_ENV}={value!r} is not a language; choose en or fr") from None


def _env_data() -> Path | None:
    value = os.environ.get(DATA_ENV, "")
    return Path(value) if value else None


def _root(ctx: typer.Context) -> Root:
    root = ctx.find_root()
    if isinstance(root.obj, Root):
        return root.obj
    # Completing a value: the root callback has not run, its options are parsed all the same.
    return Root(**{name: root.params[name] for name in Root._fields if root.params.get(name) is not None})


def resolve_lang(ctx: typer.Context, lang: Language | None) -> Lang:
    chosen = lang if lang is not None else _root(ctx).lang
    return chosen.value if chosen is not None else _env_lang()


def resolve_data(ctx: typer.Context, data: Path | None) -> Path | None:
    chosen = data if data is not None else _root(ctx).data
    return chosen if chosen is not None else _env_data()


def _resolve_color(ctx: typer.Context, color: Color | None) -> Color:
    chosen = color if color is not None else _root(ctx).color
    return chosen if chosen is not None else Color.auto


def _complete_fields(ctx: typer.Context, incomplete: str) -> list[str]:
    """`--fields id,ti<TAB>`: the command's fields (those of the mode the line asks for: trade
    --history's), after those already typed."""
    from .fields import record_fields
    from .registry import find

    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    taken = set(done.split(","))
    command = find(ctx.info_name or "")
    if command is None:
        return []
    valid = record_fields(command.name, command.records_for(ctx.params))
    return [prefix + f for f in valid if f.startswith(last) and f not in taken]


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="Output format: table (default), json, jsonl (one record a line), csv or markdown.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,...",
        show_default=False,
        autocompletion=_complete_fields,
        help="Only these fields, in this order, in every format (see 'ca-summit schema COMMAND').",
    ),
]
NoPagerOption = Annotated[
    bool, typer.Option("--no-pager", help="Never page the table, even when it is taller than the screen.")
]
ColorOption = Annotated[
    Color | None,
    typer.Option(
        "--color",
        case_sensitive=False,
        show_default=False,
        help="Colour the table: auto (default: on a terminal, unless NO_COLOR; FORCE_COLOR or "
        "CLICOLOR_FORCE force it), always or never. The other formats are never coloured.",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        case_sensitive=False,
        show_default=False,
        help=f"Language of labels and text: en (default) or fr (also {LANG_ENV}).",
    ),
]


def data_path_argument(text: str) -> Path:
    """--data's value: a path, never the empty text (which Path would read as the current folder)."""
    if not text:
        raise typer.BadParameter(
            f"needs a file or a folder (for the bundled data, leave --data and {DATA_ENV} unset)"
        )
    return Path(text)


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="PATH",
        parser=data_path_argument,
        show_default=False,
        help="A meeting file, or a folder of data files read with its subfolders, instead of the "
        f"bundled data (also {DATA_ENV}).",
    ),
]

_SHARED: dict[str, tuple[Any, Any]] = {
    "output_format": (FormatOption, None),
    "json_": (JsonOption, False),
    "fields": (FieldsOption, None),
    "no_pager": (NoPagerOption, False),
    "color": (ColorOption, None),
    "lang": (LangOption, None),
    "data": (DataOption, None),
}


def _output_format(fmt: Format | None, json_: bool) -> Format:
    if json_ and fmt not in (None, Format.json):
        raise usage(f"--json conflicts with --format {fmt.value}")
    return Format.json if json_ else (fmt or Format.table)


def _fields(command: Command, text: str | None, valid: tuple[str, ...]) -> tuple[str, ...] | None:
    if text is None:
        return None
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    if not chosen:
        raise usage(f"--fields needs at least one field; choose from: {', '.join(valid)}")
    unknown = [field for field in chosen if field not in valid]
    if unknown:
        raise usage(f"unknown field {unknown[0]!r} for {command.name}; choose from: {', '.join(valid)}")
    if len(set(chosen)) < len(chosen):
        raise usage("--fields names a field twice")
    return chosen


def with_shared_options(command: Command, own: Callable[..., Any]) -> Callable[..., Any]:
    """The command's own `options` function with the shared options added to its signature.

    Called by Typer with every option; returns (settings, request), where the request is what the
    command's own options made. Every check of the shared options is a usage error, made here,
    before any data is read.
    """
    signature = inspect.signature(own)
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        for name, (annotation, default) in _SHARED.items()
    ]

    def parse(ctx: typer.Context, **values: Any) -> tuple[Settings, Any]:
        from .fields import record_fields

        records = command.records_for(values)
        columns = record_fields(command.name, records)
        settings = Settings(
            data=resolve_data(ctx, values.pop("data")),
            lang=resolve_lang(ctx, values.pop("lang")),
            format=_output_format(values.pop("output_format"), values.pop("json_")),
            fields=_fields(command, values.pop("fields"), columns),
            records=records,
            columns=columns,
            pager=not (values.pop("no_pager") or _root(ctx).no_pager),
            color=_resolve_color(ctx, values.pop("color")),
        )
        return settings, own(**values)

    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    parameters = [context, *signature.parameters.values(), *shared]
    parse.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    parse.__annotations__ = {p.name: p.annotation for p in parameters}
    parse.__doc__ = own.__doc__
    return parse
