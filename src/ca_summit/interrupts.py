"""Ctrl-C and SIGTERM end a run the same way at any moment: exit 130 or 143, one line on stderr.

The process's entry installs `stop` before it imports anything else, so that a signal during the
imports is not Python's KeyboardInterrupt with its traceback. `stop` raises `Stopped`, which is not
an Exception: no `except Exception` takes it for an error, and Typer, which turns KeyboardInterrupt
into a silent exit 130, lets it through; every `finally` on the way out runs (an interrupted cache
write removes its temporary file). Importing ca_summit as a library installs nothing.
"""

from __future__ import annotations

# Only what the interpreter has already loaded (`signal` aside): the window before `install`,
# where Ctrl-C is still Python's KeyboardInterrupt, lasts as long as these imports.
import os
import signal
import sys

SIGNALS: dict[int, str] = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
_state = {"stopping": False, "finished": False, "signum": 0}


class Stopped(BaseException):
    """A signal asked the run to stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(SIGNALS.get(signum, f"signal {signum}"))
        self.exit_code = 128 + signum

    def announce(self) -> None:
        """One line on stderr, written to the descriptor: stderr's object may be gone, or mid-write."""
        try:  # noqa: SIM105 (contextlib is not imported before the handler is installed)
            os.write(2, f"ca-summit: {self}\n".encode())
        except OSError:
            pass


def stop(signum: int, frame: object) -> None:
    """The handler: the first signal stops the run; one that comes while it stops, or once the
    run has finished its work, changes nothing."""
    if _state["stopping"] or _state["finished"]:
        return
    _state["stopping"] = True
    _state["signum"] = signum
    raise Stopped(signum)


def install() -> None:
    for signum in SIGNALS:
        signal.signal(signum, stop)
    sys.unraisablehook = _unraisable


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """Python swallows what a weakref callback or a __del__ raises, with a traceback on stderr: a
    signal that lands there is kept for `finished` instead, without a word."""
    if unraisable.exc_type is None or not issubclass(unraisable.exc_type, Stopped):
        sys.__unraisablehook__(unraisable)


def finished() -> None:
    """The run's work is done: a signal from here on does not turn its exit into a failure. One
    that came before and was swallowed (raised inside a weakref callback or a __del__) ends the
    run now, as it would have."""
    if _state["stopping"] and not _state["finished"]:
        raise Stopped(int(_state["signum"]))
    _state["finished"] = True


class deferred:  # lower case: used as `with deferred():`, as contextlib's helpers are
    """Ctrl-C and SIGTERM wait until the block is over: for a few steps that must not be cut
    between two (a temporary file made but not yet known to the code that removes it)."""

    def __enter__(self) -> None:
        try:
            self._previous: set[int] | None = set(signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS))
        except (AttributeError, OSError, ValueError):  # Windows has no signal masks
            self._previous = None

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self._previous)
