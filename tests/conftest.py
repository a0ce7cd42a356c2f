from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ca_summit.cli import app
from ca_summit.loader import bundled_path, load_summit
from ca_summit.models import Summit

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "source" / "000_27d775fb22bdf83e.txt"


@pytest.fixture(scope="session")
def summit() -> Summit:
    return load_summit()


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the source article is not beside this checkout ({ARTICLE}); quotes not compared")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def invoke() -> Callable[..., Any]:
    """Run the Typer app in-process (CliRunner) and return the result."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Any:
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return run


@pytest.fixture
def invoke_json(invoke: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: str) -> Any:
        result = invoke(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def _entry_point() -> list[str]:
    script = Path(sys.executable).parent / "ca-summit"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ca_summit"]


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed entry point as a user would: a real process, from an unrelated folder."""

    def run(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith(("CA_SUMMIT_", "FORCE_COLOR", "NO_COLOR"))
        }
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
format_version: 1
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
