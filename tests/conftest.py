from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from ca_summit.cli.app import main
from ca_summit.cli.registry import Command
from ca_summit.corpus.loader import load_meeting_file
from ca_summit.corpus.models import MeetingFile
from ca_summit.resources import bundled_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "source" / "000_27d775fb22bdf83e.txt"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache of parsed files (cache.py) kept out of the user's home: one for the session."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """The bundled data folder, copied as it is: a user's folder of data files."""
    from ca_summit.corpus.files import data_path

    folder = tmp_path / "data"
    shutil.copytree(data_path(), folder)
    return folder


@pytest.fixture(scope="session")
def summit() -> MeetingFile:
    return load_meeting_file()


def shared_or_skip(path: Path, what: str) -> None:
    """Files of ../shared/ are beside the checkout in CI, not in users' clones: a test that needs one
    skips, saying why, where it is absent, and fails in CI, where its absence is a broken setup."""
    if path.is_file():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what} beside the checkout, at {path}")
    pytest.skip(f"{what} is not beside this checkout ({path}); nothing to compare with")


def matplotlib_or_skip() -> None:
    """The chart tests need the extra `ca-summit[plot]`: a clone without it skips them, saying why;
    CI installs it (the README's test command), so there its absence fails."""
    import importlib.util

    if importlib.util.find_spec("matplotlib") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail("CI needs matplotlib: install the test extras with the plot extra, '.[test,plot]'")
    pytest.skip("matplotlib is not installed (pip install -e '.[test,plot]'); no chart to test")


@pytest.fixture(scope="session")
def article() -> str:
    shared_or_skip(ARTICLE, "the source article")
    return ARTICLE.read_text(encoding="utf-8")


class Result(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


_OURS = ("CA_SUMMIT_", "FORCE_COLOR", "CLICOLOR", "NO_COLOR", "PAGER", "COLUMNS", "LINES")


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the real entry point, `main(argv)`, in-process: its parser choice and its error boundary
    included. stdout and stderr are byte streams decoded as UTF-8, as a pipe would give them."""

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        out, err = io.BytesIO(), io.BytesIO()
        with monkeypatch.context() as patch:
            for key in [k for k in os.environ if k.startswith(_OURS)]:
                patch.delenv(key)
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
            stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
            patch.setattr(sys, "stdout", stdout)
            patch.setattr(sys, "stderr", stderr)
            code = main(list(args))
            result = Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))
        return result

    return run


@pytest.fixture
def invoke_json(invoke: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: str) -> Any:
        result = invoke(*args, "--json")
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        return json.loads(result.stdout)

    return run


def _entry_point() -> list[str]:
    script = Path(sys.executable).parent / "ca-summit"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ca_summit"]


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed entry point as a user would: a real process, from an unrelated folder."""

    def run(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith(_OURS)}
        environment.update(env or {})
        return subprocess.run(
            [*_entry_point(), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=tmp_path,
            timeout=60,
            **kwargs,
        )

    return run


@pytest.fixture
def bundled_text() -> str:
    return bundled_path().read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def make(text: str, name: str = "summit.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


MINIMAL = """\
format_version: 2
source: {language: fr, document: test.txt}
meeting:
  name: {fr: Réunion, en: Meeting}
  edition: 6
  date: 2024-08-09
  quote: la réunion
participants:
  - {code: KZ, name: {fr: Kazakhstan, en: Kazakhstan}, quote: le Kazakhstan}
areas:
  - id: trade
    title: {fr: Commerce, en: Trade}
    quote: le commerce
    points:
      - id: point
        kind: statement
        by: [KZ]
        text: {fr: Le commerce croît., en: Trade grows.}
        quote: le commerce croît
"""


def example_args(command: Command) -> list[str]:
    """The command's example as arguments: what stands before any pipe or redirection."""
    words = shlex.split(command.example.split("|")[0].split(">")[0])
    assert words[:2] == ["ca-summit", command.name], command.example
    return words[1:]


@pytest.fixture
def in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the files the examples name (my_summit.yaml), and a broken one."""
    (tmp_path / "my_summit.yaml").write_text(MINIMAL, encoding="utf-8")
    broken = MINIMAL.replace("edition: 6", "edition: six").replace("kind: statement", "kind: gossip")
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


_SHARED_WITH_VALUE = ("--format", "-f", "--fields", "--lang", "--data")


def records_args(command: Command) -> list[str]:
    """A run of the command that prints records, without the example's own output options."""
    if command.name == "validate":
        return ["validate", "broken.yaml"]  # a valid file has no problem to list
    args, kept = iter(example_args(command)), []
    for arg in args:
        if arg in _SHARED_WITH_VALUE:
            next(args)
        elif arg != "--json":
            kept.append(arg)
    return kept


@pytest.fixture
def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files read from here on, in order: by name when read through the loader's one
    reader, as "NAME (snapshot)" when a bundled file is read from its checked snapshot."""
    from ca_summit.corpus import loader, snapshot

    read: list[str] = []
    original, original_value = loader.read_bytes, snapshot.snapshot_value

    def counting(path: Path, what: str = "data file") -> bytes:
        read.append(path.name)
        return original(path, what)

    def counting_value(path: Path) -> Any:
        read.append(f"{path.name} (snapshot)")
        return original_value(path)

    monkeypatch.setattr(loader, "read_bytes", counting)
    monkeypatch.setattr(snapshot, "snapshot_value", counting_value)
    return read
