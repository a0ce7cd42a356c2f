"""Typer wiring only: the registry's commands, the root options, and the one error boundary (`main`).

The root group resolves a command only when it is invoked (Typer's documented `cls=` hook with a
`TyperGroup` subclass, as Click's "lazily loading subcommands"): a run builds the parser of its
own command, and imports the modules of that command alone.
"""

# No `from __future__ import annotations`: Typer reads these signatures at every run, and string
# annotations would have to be compiled and evaluated first (measured: a few ms of start-up).

import importlib
import inspect
import io
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import SummitError
from ..render.output import StdoutClosed, WriteFailed, render
from ..render.stderr import new_run
from ..render.stderr import say as _say
from .commands import Context
from .options import (
    ColorOption,
    DataOption,
    LangOption,
    NoPagerOption,
    Root,
    Settings,
    with_shared_options,
)
from .registry import COMMANDS, Command, find

HELP = (
    "Explore the facts and figures of the Consultative Meetings of the Heads of State of Central "
    "Asia: the fifth (14 September 2023) as one article tells it, and the series 2018–2025 as public "
    "reports tell it, each fact traceable to its source."
)
COMPLETE_ENV = "_CA_SUMMIT_COMPLETE"
_SETTINGS: dict[str, Any] = {
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "add_completion": False,
}


class LazyGroup(TyperGroup):
    """The registry's commands, each built when it is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [command.name for command in COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        spec = find(cmd_name)
        if spec is None:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = build(spec)
        return self.commands[cmd_name]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The registry's one-line summaries: listing the commands builds none of them.
        with formatter.section("Commands"):
            formatter.write_dl([(command.name, command.summary) for command in COMMANDS])


def _help(spec: Command, doc: str | None) -> str:
    # Dedented here: Typer 0.29 keeps a docstring's indentation in the help.
    return f"{inspect.cleandoc(doc or spec.summary)}\n\nExample: {spec.example}"


def build(spec: Command) -> Any:
    """The Click command of a registry entry: its module's own options, plus the shared ones."""
    module = importlib.import_module(spec.module)
    own = module.options
    if spec.has_output:
        parse = with_shared_options(spec, own)

        def callback(**values: Any) -> int:
            settings, request = parse(**values)
            return execute(spec, module.run, settings, request)

        signature_of = parse
    else:

        def callback(**values: Any) -> int:
            module.run(own(**values), Context(data=None, lang="en"))
            return 0

        signature_of = own
    callback.__signature__ = inspect.signature(signature_of)  # type: ignore[attr-defined]
    callback.__annotations__ = dict(signature_of.__annotations__)
    single = typer.Typer(**_SETTINGS)
    single.command(name=spec.name, help=_help(spec, own.__doc__), short_help=spec.summary)(callback)
    return typer.main.get_command(single)


def execute(spec: Command, run: Any, settings: Settings, request: Any) -> int:
    """Ask, then print: the data is read only once the command line is known to be good."""
    context = Context(data=settings.data, lang=settings.lang)
    view = run(request, context)
    for warning in context.warnings:  # what the data leaves unsure, said before the output
        _say(f"warning: {warning}")
    unpaged = render(
        view,
        settings.format,
        settings.lang,
        fields=settings.fields,
        records=settings.records,
        columns=settings.columns,
        pager=settings.pager,
        color=settings.color,
    )
    if unpaged is not None:  # the pager failed; the output went out all the same
        _say(f"warning: {unpaged}")
    for done in context.done:  # after the output: a pager would hide it
        _say(done)
    return int(getattr(view, "exit_code", 0))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ca-summit {__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    data: DataOption = None,
    lang: LangOption = None,
    no_pager: NoPagerOption = False,
    color: ColorOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    install_completion: Annotated[
        bool, typer.Option("--install-completion", help="Install completion for the current shell.")
    ] = False,
    show_completion: Annotated[
        bool, typer.Option("--show-completion", help="Print the completion script for the current shell.")
    ] = False,
) -> None:
    ctx.obj = Root(data=data, lang=lang, no_pager=no_pager, color=color)
    if install_completion or show_completion:
        # Handled here, not in an eager callback, so that anything after the flag (a mistyped shell,
        # a command) is a usage error before the shell's start-up file is touched.
        if ctx.invoked_subcommand is not None:
            raise SummitError("--install-completion and --show-completion take no command", usage=True)
        from typer import completion

        handler = completion.install_callback if install_completion else completion.show_callback
        handler(ctx, None, True)  # type: ignore[arg-type]
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


app = typer.Typer(
    name="ca-summit",
    cls=LazyGroup,
    help=f"{HELP}\n\nExample: ca-summit areas",
    invoke_without_command=True,
    **_SETTINGS,
)
app.callback()(_root)


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


def main(argv: list[str] | None = None) -> int:
    """The entry point and error boundary: every failure becomes one line on stderr."""
    _tolerant_streams()
    new_run()
    args = sys.argv[1:] if argv is None else argv
    if COMPLETE_ENV in os.environ:  # the shell asks for completions: Typer's classes answer
        # The root has its own --install-completion (add_completion=False), so Typer's shell classes
        # are registered here, by the public function that add_completion's options are built with.
        from typer import completion

        completion.get_completion_inspect_parameters()
    try:
        command = typer.main.get_command(app)
        result = command.main(args=args, prog_name="ca-summit", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SummitError as error:
        _say(f"error: {error.message}")
        return error.exit_code
    except StdoutClosed:
        _silence_stdout()
        return 0
    except WriteFailed as error:
        _silence_stdout()
        _say(f"error: cannot write the output: {error}")
        return 1
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
    except SystemExit as exit_:  # completion's handlers end the run themselves
        return exit_.code if isinstance(exit_.code, int) else 0
    except Exception as error:
        if os.environ.get("CA_SUMMIT_DEBUG"):
            raise
        _say(
            f"internal error: {type(error).__name__}: {error} "
            "(please report it; CA_SUMMIT_DEBUG=1 shows the traceback)"
        )
        return 1
