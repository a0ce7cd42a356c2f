"""Ctrl-C and SIGTERM, at any moment of a run: exit 130 or 143, one line on stderr, no traceback,
no temporary file left behind. Only a process shows it.

Each signal is sent by the process to itself at a chosen point (while a module is being imported,
or as a cache entry is written), so that "early" and "late" are exact, not a guess at a delay: the
script below is `python -m ca_summit` with a hook in its import system.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ca_summit.corpus.cache import FOLDER, SUFFIX

from conftest import _entry_point

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

# Sends SIGNAL to this process when MODULE is first imported; or, MODULE being "os.open" or
# "os.replace", as a temporary file is made (just made, nothing written) or renamed into place
# (written whole); then runs as `-m` does.
HOOKED = """\
import os, runpy, signal, sys

SIGNAL, MODULE = getattr(signal, sys.argv[1]), sys.argv[2]
del sys.argv[1:3]

class Hook:
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), SIGNAL)
        return None

def after(call):
    def hooked(path, *args, **kwargs):
        done = call(path, *args, **kwargs)
        if str(path).endswith(".tmp"):
            os.kill(os.getpid(), SIGNAL)
        return done
    return hooked

if MODULE.startswith("os."):
    name = MODULE[3:]
    setattr(os, name, after(getattr(os, name)))
else:
    sys.meta_path.insert(0, Hook())
runpy.run_module("ca_summit", run_name="__main__", alter_sys=True)
"""


def _run(
    tmp_path: Path, signame: str, module: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "PAGER"))}
    return subprocess.run(
        [sys.executable, "-c", HOOKED, signame, module, *args],
        capture_output=True,
        text=True,
        env={**environment, **(env or {})},
        cwd=tmp_path,
        timeout=10,
    )


# typer: imported by the entry before the CLI's error boundary (the early tenth of a second);
# ca_summit.views.facts: imported by the command as it runs, inside Typer's own handling.
@pytest.mark.parametrize("module", ["typer", "ca_summit.views.facts"])
@pytest.mark.parametrize(
    ("signame", "code", "said"), [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")]
)
def test_a_signal_at_any_moment_ends_the_run_with_one_line(
    tmp_path: Path, module: str, signame: str, code: int, said: str
) -> None:
    result = _run(tmp_path, signame, module, "facts")
    assert (result.returncode, result.stderr, result.stdout) == (code, f"ca-summit: {said}\n", "")


@pytest.mark.parametrize("point", ["os.open", "os.replace"])
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_signal_during_a_cache_write_leaves_no_temporary_file(
    tmp_path: Path, bundled_copy: Path, signame: str, point: str
) -> None:
    cache = tmp_path / "cache"
    args = ("--data", str(bundled_copy), "meetings")
    result = _run(tmp_path, signame, point, *args, env={"CA_SUMMIT_CACHE_DIR": str(cache)})
    assert result.returncode == 128 + getattr(signal, signame)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    left = [path.suffix for path in (cache / FOLDER).iterdir()]
    assert left == [SUFFIX]  # the entry being written when the signal came, whole; nothing else


WAITING_PAGER = """\
import pathlib, sys, time
pathlib.Path(sys.argv[1]).write_text("paging")
sys.stdin.read()
time.sleep(30)
"""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this system")
def test_sigterm_while_the_pager_shows_the_output(tmp_path: Path) -> None:
    """The installed entry point, stopped late: its output is with a pager that has not quit."""
    script, marker = tmp_path / "pager.py", tmp_path / "paging"
    script.write_text(WAITING_PAGER, encoding="utf-8")
    master, slave = os.openpty()
    errors = (tmp_path / "stderr").open("wb")  # a file: the pager, still alive, holds it open too
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "PAGER"))}
    process = subprocess.Popen(
        [*_entry_point(), "facts"],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=errors,
        env={**environment, "PAGER": f"{sys.executable} {script} {marker}", "LINES": "10", "TERM": "dumb"},
        cwd=tmp_path,
        start_new_session=True,  # the pager goes with the process group at the end
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 10
        while not marker.exists() and time.monotonic() < deadline:
            select.select([master], [], [], 0.02)  # nothing is written to the screen while paging
        assert marker.exists()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 143
        assert (tmp_path / "stderr").read_text(encoding="utf-8") == "ca-summit: terminated\n"
    finally:
        with contextlib.suppress(ProcessLookupError):  # the pager, waiting still
            os.killpg(process.pid, signal.SIGKILL)
        os.close(master)
        errors.close()
