"""A pager as git has one: on a terminal, for long output, never in a pipe; when it fails, the output
goes out without it, with one warning."""

from __future__ import annotations

import functools
import os
import select
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ca_summit.render.pager import page, pager_command, run_pager, wanted

from conftest import _entry_point

FAKE_PAGER = """\
import sys
data = sys.stdin.buffer.read()
with open(sys.argv[1], "wb") as out:
    out.write(data)
"""


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["less", "-FRX"]),
        ({"PAGER": "more -s"}, ["more", "-s"]),
        ({"PAGER": "more", "CA_SUMMIT_PAGER": "most -w"}, ["most", "-w"]),
        ({"PAGER": "'/opt/my pager' --raw"}, ["/opt/my pager", "--raw"]),
        ({"PAGER": ""}, None),
        ({"PAGER": "   "}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "more", "CA_SUMMIT_PAGER": ""}, None),  # set and empty: no pager, as git
        ({"PAGER": 'less "unbalanced'}, None),
    ],
)
def test_pager_command(environ: dict[str, str], expected: list[str] | None) -> None:
    assert pager_command(environ) == expected


@pytest.mark.parametrize(
    ("enabled", "is_terminal", "height", "rows", "expected"),
    [
        (True, True, 40, 24, True),
        (True, True, 23, 24, False),  # fits, with a line left for the prompt
        (True, True, 24, 24, True),
        (True, False, 400, 24, False),  # a pipe or a file: never
        (False, True, 400, 24, False),  # --no-pager
    ],
)
def test_when_to_page(enabled: bool, is_terminal: bool, height: int, rows: int, expected: bool) -> None:
    assert wanted(enabled=enabled, is_terminal=is_terminal, height=height, rows=rows) is expected


def test_a_missing_pager_falls_back_to_plain_output(tmp_path: Path) -> None:
    written: list[str] = []
    pager = tmp_path / "no-such-pager"
    warning = page("text\n", [str(pager)], {}, written.append)
    assert written == ["text\n"]
    assert warning == f"cannot run the pager {pager} (No such file or directory): the output is not paged"


@pytest.mark.parametrize(
    ("command", "status"),
    [(["false"], 1), ([sys.executable, "-c", "import sys; sys.stdin.read(10); sys.exit(3)"], 3)],
)
def test_a_pager_that_fails_loses_nothing(command: list[str], status: int) -> None:
    written: list[str] = []
    warning = page("a line of text\n" * 100_000, command, dict(os.environ), written.append)
    assert written == ["a line of text\n" * 100_000]
    assert (
        warning == f"the pager {shlex.join(command)} failed (exit status {status}): the output is not paged"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["true"],
        [sys.executable, "-c", "import sys; sys.stdin.read(10)"],
        # Ended by a signal (Ctrl-C reaches the pager, not us): the reader's choice, not a failure.
        [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"],
    ],
)
def test_a_pager_that_quits_early_ends_quietly(command: list[str], capfd: pytest.CaptureFixture[str]) -> None:
    written: list[str] = []
    warning = page("a line of text\n" * 100_000, command, dict(os.environ), written.append)
    assert (written, warning) == ([], None)
    assert capfd.readouterr().err == ""


def test_without_a_terminal_the_text_is_written_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CA_SUMMIT_PAGER", "no-such-pager-is-run")
    written: list[str] = []
    run_pager("x\n" * 100, enabled=True, rows=24, is_terminal=False, write=written.append)
    assert written == ["x\n" * 100]


needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this system")


def _on_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    """Run the entry point (or `python -c`) with stdout on a pseudo-terminal: exit code, screen, stderr."""
    master, slave = os.openpty()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "PAGER", "LESS"))}
    process = subprocess.Popen(
        [sys.executable, *args] if args[0] == "-c" else [*_entry_point(), *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env={**environment, "TERM": "dumb", **env},
        cwd=cwd,
    )
    os.close(slave)
    screen = b""
    while True:  # read as it comes: a full pseudo-terminal would block the writer
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:  # hang guard
            process.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the writer side is closed
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    assert process.stderr is not None
    error = process.stderr.read().decode()
    return process.wait(timeout=60), screen.decode("utf-8", "replace"), error


@pytest.fixture
def fake_pager(tmp_path: Path) -> Callable[[], tuple[str, Path]]:
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER, encoding="utf-8")
    paged = tmp_path / "paged.txt"
    return lambda: (shlex.join([sys.executable, str(script), str(paged)]), paged)


@needs_pty
def test_long_output_on_a_terminal_goes_through_the_pager(
    tmp_path: Path, fake_pager: Callable[[], tuple[str, Path]]
) -> None:
    command, paged = fake_pager()
    code, screen, error = _on_a_terminal(
        ["facts"], {"CA_SUMMIT_PAGER": command, "PAGER": "false", "LINES": "30", "COLUMNS": "100"}, tmp_path
    )
    assert (code, error) == (0, "")
    text = paged.read_text(encoding="utf-8")
    assert text.startswith("Facts\n\n  id ") and "tokayev-directives" in text
    assert "Facts" not in screen  # everything went to the pager


@needs_pty
def test_short_output_on_a_terminal_is_not_paged(
    tmp_path: Path, fake_pager: Callable[[], tuple[str, Path]]
) -> None:
    command, paged = fake_pager()
    code, screen, error = _on_a_terminal(
        ["areas"], {"PAGER": command, "LINES": "500", "COLUMNS": "100"}, tmp_path
    )
    assert (code, error) == (0, "")
    assert not paged.exists()
    assert "Areas of cooperation" in screen


@needs_pty
@pytest.mark.parametrize(
    ("pager", "warning"),
    [
        ("false", "the pager false failed (exit status 1)"),
        (f"{sys.executable} -c 'raise SystemExit(3)'", "failed (exit status 3)"),
        ("no-such-pager-here", "cannot run the pager no-such-pager-here (No such file or directory)"),
    ],
)
def test_a_pager_that_fails_on_a_terminal_loses_nothing(tmp_path: Path, pager: str, warning: str) -> None:
    env = {"PAGER": pager, "LINES": "10", "COLUMNS": "100"}
    code, screen, error = _on_a_terminal(["quotes"], env, tmp_path)
    assert code == 0
    assert error.startswith("ca-summit: warning: ") and error.count("\n") == 1
    assert error.endswith(f"{warning}: the output is not paged\n")
    assert "Direct quotes" in screen and "mutual-benefits" in screen
    lines = screen.replace("\r\n", "\n").rstrip("\n").splitlines()
    assert lines == _plain_quotes(), "the whole output, once"


@functools.cache
def _plain_quotes() -> list[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "PAGER"))}
    result = subprocess.run(
        [*_entry_point(), "quotes"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environment, "COLUMNS": "100"},
        timeout=10,
        check=True,
    )
    return result.stdout.rstrip("\n").splitlines()


def test_a_pipe_is_never_paged(
    cli: Callable[..., subprocess.CompletedProcess[str]], fake_pager: Callable[[], tuple[str, Path]]
) -> None:
    command, paged = fake_pager()
    result = cli("facts", env={"CA_SUMMIT_PAGER": command, "LINES": "5"})
    assert result.returncode == 0 and result.stdout.startswith("Facts\n")
    assert not paged.exists()


RENDER = """\
from ca_summit.render.output import Format, render
from ca_summit.render.report import Column, Table, cell

class Long:
    def tables(self, lang):
        return [Table("Long", (Column("n", "n", numeric=True),), [(cell(n),) for n in range(100)])]

    def model_dump_json(self, *, indent=None):
        return "[]"

render(Long(), Format.table, "en", pager=PAGER)
"""


@needs_pty
@pytest.mark.parametrize("pager", [True, False])
def test_render_pages_only_when_asked(
    tmp_path: Path, fake_pager: Callable[[], tuple[str, Path]], pager: bool
) -> None:
    command, paged = fake_pager()
    script = RENDER.replace("PAGER", str(pager))
    code, screen, error = _on_a_terminal(["-c", script], {"PAGER": command, "LINES": "10"}, tmp_path)
    assert (code, error) == (0, "")
    assert paged.exists() is pager
    shown = paged.read_text(encoding="utf-8") if pager else screen.replace("\r\n", "\n")
    assert shown.rstrip().splitlines()[-1] == "  99"
