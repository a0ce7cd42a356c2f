"""The README tells the truth: its command reference is generated, its commands exist."""

from __future__ import annotations

import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import readme_commands

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_command_reference_is_fresh() -> None:
    assert readme_commands.replaced(README) == README, (
        "README.md's command reference is stale: run python tools/readme_commands.py"
    )


def test_first_screen_gives_the_two_fresh_machine_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:20])
    blocks = re.findall(r"```bash\n(.*?)```", first_screen, re.S)
    assert len(blocks) == 2
    assert "pip install ." in blocks[0] and "ca-summit areas" in blocks[0]
    assert "'.[test]'" in blocks[1] and "pytest" in blocks[1]


def test_every_command_is_documented() -> None:
    for command in (
        "areas",
        "trade",
        "summary",
        "facts",
        "quotes",
        "countries",
        "search",
        "validate",
        "schema",
    ):
        assert f"### `ca-summit {command}`" in README
