"""The contract scripts rely on, tested on the installed entry point in real processes:
stdout holds only data, errors are one line on stderr, exit codes 0/1/2, pipes, colour, encodings."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.cli.registry import COMMANDS
from ca_summit.resources import bundled_path

from conftest import _entry_point, example_args

Cli = Callable[..., subprocess.CompletedProcess[str]]
Invoke = Callable[..., Any]
RUNS = [example_args(command) for command in COMMANDS if command.has_output]
FORMATS = ["table", "json", "jsonl", "csv", "markdown"]
ESCAPE = "\x1b["


def assert_usage_error(result: Any, *fragments: str) -> None:
    code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    assert code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ca-summit: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_every_command_speaks_every_format(
    invoke: Invoke, in_folder: Path, args: list[str], fmt: str
) -> None:
    args = [arg for arg in args if arg not in ("--json", "--fields", "speaker,french")]
    result = invoke(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert ESCAPE not in result.stdout
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "jsonl":  # a valid file has no problem to list: no line at all
        assert [json.loads(line) for line in result.stdout.splitlines()] or args[0] == "validate"
    else:
        assert result.stdout.strip()


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["nonsense"], ["No such command 'nonsense'"]),
        (["areas", "--nope"], ["No such option: --nope", "(see 'ca-summit areas --help')"]),
        (["areas", "--json", "--format", "csv"], ["--json conflicts with --format csv"]),
        (["--lang", "de", "areas"], ["Invalid value for '--lang'"]),
        (["trade", "--project", "lots"], ["'lots' is not an amount", "15 milliards"]),
        (["trade", "--project", "0"], ["'0' is not a positive amount"]),
        (["trade", "--project", "-15e9"], ["is not a positive amount"]),
        (["trade", "--project", "nan"], ["'nan' is not an amount"]),
        (["trade", "--project", "inf"], ["'inf' is not an amount"]),
        (["trade", "--project", "1e999"], ["'1e999' is not a positive amount"]),
        (["trade", "--project", "15 zillion"], ["'15 zillion' is not an amount"]),
        (["trade", "--project", "15e9", "--rate", "fast"], ["'fast' is not a rate"]),
        (["trade", "--project", "15e9", "--rate", "-100%"], ["out of range"]),
        (["trade", "--project", "15e9", "--rate", "nan"], ["'nan' is not a rate"]),
        (["trade", "--project", "15e9", "--by", "2022"], ["--by 2022 must come after the base year 2022"]),
        (["trade", "--project", "15e9", "--by", "10000"], ["Invalid value for '--by'"]),
        (["trade", "--project", "15e9", "--by", "99999999999999999999"], ["--by"]),
        (["trade", "--by", "2030"], ["--rate and --by need a target"]),
        (["trade", "--base-year", "0"], ["Invalid value for '--base-year'"]),
        (["trade", "--base-year", "3"], ["base year 3 leaves no room for the 5-year period before it"]),
        (["facts", "--kind", "gossip"], ["'gossip' is not a kind"]),
        (["facts", "--area", "space"], ["no area 'space'; the areas are: trade-flows"]),
        (["search", "   "], ["the search text is empty"]),
        (["search"], ["Missing argument 'TEXT'"]),
        (["schema", "nope"], ["Invalid value for 'COMMAND'"]),
    ],
)
def test_usage_errors(invoke: Invoke, args: list[str], fragments: list[str]) -> None:
    assert_usage_error(invoke(*args), *fragments)
    if args[0] not in ("nonsense", "schema"):
        assert_usage_error(invoke(*args, "--json"), *fragments)


def test_bad_language_in_the_environment(invoke: Invoke) -> None:
    assert_usage_error(invoke("areas", env={"CA_SUMMIT_LANG": "de"}), "CA_SUMMIT_LANG")
    assert invoke("areas", "--lang", "fr", env={"CA_SUMMIT_LANG": "de"}).exit_code == 0  # the option wins


def test_missing_data_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--data", str(tmp_path / "nope.yaml"), "areas", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"ca-summit: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_broken_data_file_from_the_environment(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format_version: 1\nmeeting: [\n", encoding="utf-8")
    result = invoke("summary", "--json", env={"CA_SUMMIT_DATA": str(path)})
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.fullmatch(rf"ca-summit: error: {re.escape(str(path))}:3:1: invalid YAML: .*\n", result.stderr)
    good = invoke("summary", "--json", "--data", str(bundled_path()), env={"CA_SUMMIT_DATA": str(path)})
    assert good.exit_code == 0  # --data wins over the environment
    assert invoke("schema", "areas", env={"CA_SUMMIT_DATA": str(path)}).exit_code == 0


def test_no_arguments_shows_help(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 0
    assert "Usage: ca-summit" in result.stdout and "areas" in result.stdout


@pytest.mark.parametrize("args", [["facts"], ["facts", "--json"], ["facts", "-f", "csv"], ["schema", "data"]])
def test_reader_closing_the_pipe_early_is_quiet(args: list[str]) -> None:
    process = subprocess.Popen([*_entry_point(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the command writes a byte
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert stderr == b""


def test_head_of_a_pipe(tmp_path: Path) -> None:
    command = " ".join(_entry_point())
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} facts --format csv | head -1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "id,kind,area,text,by,quote,meeting,topic,confidence,note,sources\n"
    assert result.stderr == ""


@pytest.mark.parametrize("args", [["areas"], ["areas", "--json"], ["schema", "data"]])
def test_stdout_closed_before_the_start(tmp_path: Path, args: list[str]) -> None:
    command = " ".join([*_entry_point(), *args])
    result = subprocess.run(
        ["bash", "-c", f"{command} >&-"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_colour_only_when_asked_and_never_in_data(invoke: Invoke) -> None:
    assert ESCAPE not in invoke("areas").stdout  # a pipe is not a terminal
    forced = invoke("areas", env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert ESCAPE in forced.stdout
    for fmt in ("json", "jsonl", "csv", "markdown"):
        assert ESCAPE not in invoke("areas", "--format", fmt, env={"FORCE_COLOR": "1"}).stdout
    no_colour = invoke("trade", "-p", "15e9", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|38;)", no_colour)


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always", "areas"], {}, True),
        (["areas", "--color", "always"], {}, True),
        (["areas", "--color", "ALWAYS"], {}, True),
        (["--color", "always", "areas"], {"NO_COLOR": "1"}, True),  # the flag first
        (["areas", "--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--color", "never", "areas"], {"CLICOLOR_FORCE": "1"}, False),
        (["--color", "never", "areas", "--color", "always"], {}, True),  # the command's own wins
        (["--color", "always", "areas", "--color", "never"], {}, False),
        (["--color", "never", "areas", "--color", "auto"], {"FORCE_COLOR": "1"}, True),
        (["areas", "--color", "auto"], {}, False),  # not a terminal
        (["areas"], {"NO_COLOR": "1", "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"}, False),
        (["areas"], {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),  # NO_COLOR empty: as if unset
        (["areas"], {"CLICOLOR_FORCE": "1"}, True),
        (["areas"], {"CLICOLOR_FORCE": "0"}, False),
        (["areas"], {"FORCE_COLOR": "0"}, False),
        (["areas"], {"FORCE_COLOR": ""}, False),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else str(a),
)
def test_colour_follows_the_flag_then_no_color_then_force_color(
    invoke: Invoke, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    result = invoke(*args, env={"COLUMNS": "120", **env})
    assert (result.exit_code, result.stderr) == (0, "")
    assert (ESCAPE in result.stdout) == coloured
    assert _ANSI.sub("", result.stdout) == invoke("areas", env={"COLUMNS": "120"}).stdout


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_color_always_outweighs_no_color_in_colours_not_only_bold(invoke: Invoke) -> None:
    colours = re.compile(r"\x1b\[[0-9;]*(3[0-9]|38;)")  # trade's bars are cyan
    assert colours.search(invoke("--color", "always", "trade", "-p", "15e9", env={"NO_COLOR": "1"}).stdout)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_the_data_formats_are_never_coloured(invoke: Invoke, fmt: str, where: str) -> None:
    colour = ["--color", "always"]
    args = [*colour, "areas", "-f", fmt] if where == "before" else ["areas", "-f", fmt, *colour]
    result = invoke(*args, env={"FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == invoke("areas", "-f", fmt).stdout
    assert ESCAPE not in result.stdout


def test_on_a_terminal_the_table_is_coloured(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from ca_summit.render import output

    monkeypatch.setattr(output, "_isatty", lambda stream: True)  # stdout's one terminal check
    assert ESCAPE in invoke("areas", "--no-pager", env={"TERM": "xterm"}).stdout
    assert ESCAPE not in invoke("areas", "--no-pager", env={"TERM": "dumb"}).stdout
    assert ESCAPE in invoke("areas", "--no-pager", env={"TERM": "dumb", "FORCE_COLOR": "1"}).stdout
    assert ESCAPE not in invoke("areas", "--no-pager", env={"NO_COLOR": "1"}).stdout
    assert ESCAPE not in invoke("--color", "never", "areas", "--no-pager").stdout


def test_an_unknown_colour_choice_is_a_usage_error(invoke: Invoke) -> None:
    for args in (["--color", "purple", "areas"], ["areas", "--color", "purple"]):
        result = invoke(*args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert "'purple' is not one of 'auto', 'always', 'never'" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "paged"),
    [
        (["facts"], True),
        (["--no-pager", "facts"], False),
        (["facts", "--no-pager"], False),
        (["--no-pager", "facts", "--no-pager"], False),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else str(a),
)
def test_no_pager_before_or_after_the_command(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], paged: bool
) -> None:
    from ca_summit.render import output

    monkeypatch.setattr(output, "_isatty", lambda stream: True)
    pager = tmp_path / "pager.py"
    pager.write_text("import sys\nopen(sys.argv[1], 'wb').write(sys.stdin.buffer.read())\n")
    out = tmp_path / "paged.txt"
    command = f"{sys.executable} {pager} {out}"
    result = invoke(*args, env={"CA_SUMMIT_PAGER": command, "LINES": "10", "COLUMNS": "100", "NO_COLOR": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert out.exists() == paged
    text = out.read_text(encoding="utf-8") if paged else result.stdout
    assert text.startswith("Facts\n") and "tokayev-directives" in text
    assert (result.stdout == "") == paged


def test_json_is_utf8_not_escaped(invoke: Invoke) -> None:
    result = invoke("quotes", "--json")
    assert "décennie" in result.stdout and "\\u00e9" not in result.stdout


def test_ascii_only_stdout_gets_no_traceback(cli: Cli) -> None:
    table = cli("quotes", env={"PYTHONIOENCODING": "ascii"})
    assert table.returncode == 0 and table.stderr == ""
    data = subprocess.run(
        [*_entry_point(), "quotes", "--json"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=60,
    )
    assert data.returncode == 0 and data.stderr == b""
    assert "décennie" in data.stdout.decode("utf-8")  # JSON is UTF-8 whatever the locale


@pytest.mark.parametrize("columns", ["1", "20", "1000"])
def test_narrow_and_wide_terminals(invoke: Invoke, columns: str) -> None:
    result = invoke("trade", "-p", "15e9", env={"COLUMNS": columns})
    assert result.exit_code == 0 and result.stderr == ""


def test_no_home_folder(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOME", raising=False)
    result = invoke("areas")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(
    "args", [["areas", "--json"], ["trade", "--project", "15e9", "--json"], ["facts", "--format", "csv"]]
)
def test_data_formats_never_import_rich(args: list[str]) -> None:
    code = (
        "import sys\nfrom ca_summit.cli.app import main\n"
        f"code = main({args!r})\n"
        "loaded = sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.'))\n"
        "sys.stderr.write(repr(loaded))\nraise SystemExit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stderr == "[]"


def _loaded_after(args: list[str], prefixes: tuple[str, ...]) -> tuple[int, list[str]]:
    """The exit code of `main(args)` in a fresh interpreter, and which of these modules it loaded
    (a package, or a module of ca_summit)."""
    code = (
        "import sys\nfrom ca_summit.cli.app import main\n"
        f"code = main({args!r})\n"
        "names = {m.split('.')[0] for m in sys.modules} | set(sys.modules)\n"
        f"loaded = sorted(names & {set(prefixes)!r})\n"
        "sys.stderr.write(repr(loaded))\nraise SystemExit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    return result.returncode, eval(result.stderr.splitlines()[-1])


def test_no_command_but_a_chart_imports_matplotlib(tmp_path: Path) -> None:
    """matplotlib is an optional extra, and slow to import: every command's example, and the trade
    views, in one interpreter, load none of it; a chart does."""
    from conftest import matplotlib_or_skip, records_args

    runs = [records_args(c) for c in COMMANDS if c.has_output and c.name != "validate"]
    runs += [["trade", "--history"], ["trade", "--project", "15e9", "--json"], ["validate"]]
    chart = ["trade", "--history", "--plot", str(tmp_path / "chart.svg"), "--json"]
    code = (
        "import io, sys\nfrom ca_summit.cli.app import main\n"
        "codes = []\n"
        f"for args in {runs!r}:\n"
        "    sys.stdout = io.StringIO()\n"
        "    codes.append(main(args))\n"
        "before = 'matplotlib' in sys.modules\n"
        f"codes.append(main({chart!r}))\n"
        "sys.__stderr__.write(repr((codes, before, 'matplotlib' in sys.modules)))\n"
    )
    # In tmp_path: export's example writes its database in the folder it runs in.
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    codes, before, after = eval(result.stderr.splitlines()[-1])
    assert codes[:-1] == [0] * len(runs) and before is False
    matplotlib_or_skip()
    assert (codes[-1], after) == (0, True)  # the test would prove nothing if no chart loaded it


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["-h"]], ids=" ".join)
def test_the_root_s_help_and_version_import_neither_pydantic_nor_yaml_nor_rich(args: list[str]) -> None:
    """They end at an eager option (or the root's own help) before Typer coerces any value."""
    assert _loaded_after(args, ("pydantic", "yaml", "rich")) == (0, [])


# What our code needs for these is light; Typer (>= 0.29) coerces every parameter it parses, even an
# unset one such as the root's --data, through a Pydantic adapter, so Pydantic comes with the parse.
# None of our models, nor YAML, nor Rich: no data is read and nothing is laid out.
_NO_DATA = ("pydantic", "yaml", "rich", "ca_summit.models", "ca_summit.series_models", "ca_summit.views")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 0),  # the root's help too, but once its options are parsed
        (["areas", "--help"], 0),
        (["schema", "data"], 0),
        (["nonsense"], 2),
        (["areas", "--fields", "colour"], 2),
        (["facts", "--kind", "gossip"], 2),
        (["trade", "--project", "lots"], 2),
        (["trade", "--by", "2030"], 2),
        (["areas", "--json", "--format", "csv"], 2),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else str(a),
)
def test_a_command_s_help_usage_errors_and_schema_import_typer_s_pydantic_and_no_data(
    args: list[str], code: int
) -> None:
    assert _loaded_after(args, _NO_DATA) == (code, ["pydantic"])


def test_python_dash_m(tmp_path: Path) -> None:
    from ca_summit import __version__

    result = subprocess.run(
        [sys.executable, "-m", "ca_summit", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.stdout == f"ca-summit {__version__}\n"


def test_shell_completion_is_available(cli: Cli, tmp_path: Path) -> None:
    result = cli("--show-completion", env={"SHELL": "/bin/bash"})
    assert result.returncode == 0
    assert "_CA_SUMMIT_COMPLETE=complete_bash" in result.stdout
    installed = cli("--install-completion", env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert installed.returncode == 0, installed.stderr
    assert "ca-summit" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize("extra", ["nosuchshell", "bash", "areas"])
def test_completion_installation_refuses_anything_after_it(cli: Cli, tmp_path: Path, extra: str) -> None:
    result = cli("--install-completion", extra, env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert_usage_error(result)
    assert list(tmp_path.iterdir()) == []  # no start-up file touched


def test_usage_errors_exit_2_with_stderr_closed(tmp_path: Path) -> None:
    for args in ("nonsense", "areas --nope", "trade --project lots"):
        command = " ".join([*_entry_point(), args])
        result = subprocess.run(
            ["bash", "-c", f"{command} 2>&-"], capture_output=True, cwd=tmp_path, timeout=60
        )
        assert result.returncode == 2, args


def test_a_full_disk_is_a_clean_runtime_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    for args in ("areas", "areas --json", "facts -f csv", "schema data"):
        command = " ".join([*_entry_point(), args])
        result = subprocess.run(
            ["bash", "-c", f"{command} >/dev/full"], capture_output=True, text=True, cwd=tmp_path, timeout=60
        )
        assert result.returncode == 1, args
        assert result.stderr == "ca-summit: error: cannot write the output: No space left on device\n", args


def test_arguments_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    result = subprocess.run([*_entry_point(), "--data", name, "areas"], capture_output=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == b"ca-summit: error: " + os.fsencode(tmp_path) + b"/caf\\xe9.yaml: no such file\n"


@pytest.mark.parametrize("text", ["Tokaïev", "[/x]", "[red]Tokaïev[/red]", "\x1b]0;pwned\x07"])
def test_any_search_text_under_the_c_locale(cli: Cli, text: str) -> None:
    for env in ({}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}):
        result = cli("search", text, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert "\x1b]" not in result.stdout
