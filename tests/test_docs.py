"""The README tells the truth: its command reference is generated, its commands exist."""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

Invoke = Callable[..., Any]

sys.path.insert(0, str(ROOT / "tools"))
import readme_commands  # noqa: E402 (tools/ is not a package)

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
    # The plot extra too: CI runs this command, and the chart's tests must run there, not skip.
    assert "'.[test,plot]'" in blocks[1] and "pytest" in blocks[1]


def _readme_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, re.S)


def _readme_example() -> str:
    """The article's account of a meeting, at its smallest."""
    return _readme_examples()[1]


def test_the_whole_meeting_file_of_the_readme_validates_and_reads(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "2030-new.yaml"
    path.write_text(_readme_examples()[0], encoding="utf-8")
    checked = invoke("validate", str(path))
    assert (checked.exit_code, checked.stdout) == (0, f"{path}: valid\n")
    (meeting,) = json.loads(invoke("meetings", "--data", str(path), "--json").stdout)
    assert (meeting["edition"], meeting["year"], meeting["city"]) == (8, 2030, "<city>")
    assert [a["person"] for a in meeting["attendees"]] == ["<name or entity id>"]
    claims = json.loads(invoke("trade", "--history", "--data", str(path), "--json").stdout)["history"]
    assert [c["id"] for c in claims["claims"]] == ["t8-trade"]


def test_the_data_format_example_is_valid(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "my_summit.yaml"
    path.write_text(_readme_example(), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.stdout
    assert json.loads(invoke("--data", str(path), "areas", "--json").stdout)[0]["id"] == "trade-flows"


def test_the_validate_example_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    monkeypatch.chdir(tmp_path)
    broken = _readme_example().replace("edition: 6", "edition: sixth")
    Path("broken.yaml").write_text(
        broken.replace("date: 2024-08-09", "date: 9 August 2024"), encoding="utf-8"
    )
    shown = README.split("$ ca-summit validate broken.yaml\n", 1)[1].split("```", 1)[0]
    result = invoke("validate", "broken.yaml")
    assert result.exit_code == 1
    assert result.stdout == shown


def _console_examples() -> list[tuple[list[str], str]]:
    """Each `$ ca-summit ...` in the README's console blocks with the output shown under it."""
    examples = []
    written = README.split(readme_commands.START)[0]  # the generated reference shows usage, not runs
    for block in re.findall(r"```console\n(.*?)```", written, re.S):
        for segment in re.split(r"^(?=\$ )", block, flags=re.M):
            command, _, shown = segment.partition("\n")
            if command.startswith("$ ca-summit ") and "|" not in command and ".yaml" not in command:
                examples.append((shlex.split(command)[2:], shown))
    return examples


# Examples whose output a branch changed on purpose, until the README (the lead's) shows the new one.
def _printed(invoke: Invoke, args: list[str]) -> str:
    result = invoke(*args, env={"COLUMNS": "100"})
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


def test_the_readme_shows_real_output(invoke: Invoke) -> None:
    examples = _console_examples()
    assert examples, "no example found"
    for args, shown in examples:
        assert _printed(invoke, args) == shown, f"README example 'ca-summit {' '.join(args)}' is stale"


def test_the_jq_example(invoke: Invoke) -> None:
    shown = README.split("jq -r '.[] | \"\\(.number). \\(.title) — new: \\(.is_new)\"'\n", 1)[1].split("```")[
        0
    ]
    areas = json.loads(invoke("areas", "--json").stdout)
    as_jq = [f"{a['number']}. {a['title']} — new: {json.dumps(a['is_new'])}" for a in areas]
    assert shown.splitlines() == as_jq
