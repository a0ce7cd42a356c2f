"""What a run says on stderr: one line each, `ca-summit: ...`, and a warning once a run."""

from __future__ import annotations

import sys

_warned: set[str] = set()  # this run's warnings (cli.main starts each run with none)


def say(message: str) -> None:
    """One line on stderr, `ca-summit: MESSAGE`; nothing to say it with (stderr closed) is not a
    reason to fail."""
    from .escape import escape_control

    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"ca-summit: {escape_control(' '.join(message.split()))}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def warn(message: str) -> None:
    """`ca-summit: warning: MESSAGE`, once a run however often it is found: for what does not stop
    the run (a cache folder that is not safe to use)."""
    if message not in _warned:
        _warned.add(message)
        say(f"warning: {message}")


def new_run() -> None:
    """Forget the warnings given: a new run says each again, once (runs in one process: the tests)."""
    _warned.clear()
