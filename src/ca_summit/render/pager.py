"""Long output on a terminal goes through a pager, as git does; a pipe never gets one.

A pager that cannot start, or that fails (exits with a status other than 0, as `PAGER=false`
does at once), loses nothing: the text is written as it is, and the reason is handed back for one
warning line on stderr. A pager that the reader quits, or that a signal ends, has done its work.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
from collections.abc import Callable, Mapping
from typing import Any

DEFAULT = "less -FRX"  # -F: quit if one screen; -R: keep colours; -X: leave the text on screen


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """$CA_SUMMIT_PAGER, else $PAGER, else `less -FRX`; None for no pager (`PAGER=` or `cat`)."""
    for name in ("CA_SUMMIT_PAGER", "PAGER"):
        if name in environ:
            value = environ[name]
            break
    else:
        value = DEFAULT
    try:
        words = shlex.split(value)
    except ValueError:  # an unbalanced quote: there is no command to run, the text goes out as is
        return None
    return None if not words or words == ["cat"] else words


def page(
    text: str, command: list[str], environ: Mapping[str, str], fallback: Callable[[str], None]
) -> str | None:
    """Show `text` through `command`; if it cannot start or fails, through `fallback`, and say why
    (a warning for stderr). Quitting early is fine."""
    # As git does: less and lv quit on a short text and keep colours unless the user said otherwise.
    env = {"LESS": "FRX", "LV": "-c", **environ}
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search), not to us.
    previous = _ignore_interrupts()
    try:
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        except (OSError, ValueError) as error:  # not found, not executable, a NUL in the command
            fallback(text)
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            return f"cannot run the pager {shlex.join(command)} ({reason}): the output is not paged"
        assert process.stdin is not None
        with contextlib.suppress(OSError):  # the reader quit before the end: their choice
            process.stdin.write(text.encode("utf-8"))
        with contextlib.suppress(OSError):
            process.stdin.close()
        status = process.wait()
        if status > 0:  # below 0, a signal ended it: the reader's doing, or the system's
            fallback(text)
            return f"the pager {shlex.join(command)} failed (exit status {status}): the output is not paged"
        return None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _ignore_interrupts() -> Any:
    try:
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to set
        return None


def wanted(*, enabled: bool, is_terminal: bool, height: int, rows: int) -> bool:
    """A pager only on a terminal, when asked, and for more than a screen (the prompt needs a line)."""
    return enabled and is_terminal and height > rows - 1


def run_pager(
    text: str, *, enabled: bool, rows: int, is_terminal: bool, write: Callable[[str], None]
) -> str | None:
    """Write `text`, through the pager when one is wanted; a warning for stderr if it failed."""
    command = pager_command(os.environ)
    if command is not None and wanted(
        enabled=enabled, is_terminal=is_terminal, height=text.count("\n"), rows=rows
    ):
        return page(text, command, os.environ, write)
    write(text)
    return None
