"""Start-up time of ca-summit against the least its stack can do, as ratios measured in one run.

The floor is a minimal Typer app with two commands, one of which reads a one-key YAML document with
PyYAML into a one-field Pydantic model and prints it as JSON (or, for the table floor, through a
Rich table). Each ca-summit command and its floor run alternately, as fresh processes, so that both
see the same machine; the report gives the medians of each, and the ratio: the median of the ratios
of each run of ours to the floor's run right after it. A pair sees the machine as it is at that
moment, where the ratio of two medians is exposed to a shared machine's drift over the run.
Budgets (each case's own, in its row): ratio ≤ 1.15 for the commands that read one meeting and ≤ 1.30
for those that read every meeting, both with validated loading; ≤ 1.25 for a command's `--help` and a
usage error (Typer parses with Pydantic); ≤ 0.75 for `--version` and `--help`, which must not pay for
the models, YAML or Rich.
And `export --sqlite` of the bundled corpus ≤ 1.5 × `meetings --json`, paired the same way.

    python benchmarks/startup.py                 # report
    python benchmarks/startup.py --runs 41       # more runs, steadier medians
    python benchmarks/startup.py --check         # exit 1 when a ratio is over budget
    python benchmarks/startup.py --instructions  # also count instructions (valgrind): the same
                                                 # on every run, where wall-clock time is noisy
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BUDGET = 1.25  # a command's --help and usage errors, parsed by Typer (0.29: with Pydantic)
ONE_MEETING = 1.15  # the commands that read one meeting, with validated loading (issue 17)
ALL_MEETINGS = 1.30  # the commands that read every meeting, likewise
VERSION_BUDGET = 0.75

FLOOR_APP = """
import typer
import yaml
from pydantic import BaseModel

app = typer.Typer()


class Doc(BaseModel):
    name: str


@app.command()
def show(path: str, table: bool = False) -> None:
    with open(path, encoding="utf-8") as stream:
        doc = Doc.model_validate(yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if table:
        from rich.console import Console
        from rich.table import Table

        grid = Table("name")
        grid.add_row(doc.name)
        Console().print(grid)
    else:
        print(doc.model_dump_json())


@app.command()
def other() -> None:
    print("other")


app()
"""

CASES = (  # name, ca-summit's arguments, the floor's, the budget, the exit code both must give
    ("areas --json", ["areas", "--json"], ["show", "{doc}"], ONE_MEETING, 0),
    ("summary --json", ["summary", "--json"], ["show", "{doc}"], ONE_MEETING, 0),
    ("areas (table)", ["areas"], ["show", "{doc}", "--table"], ONE_MEETING, 0),
    (
        "trade --project 15e9 --json",
        ["trade", "--project", "15e9", "--json"],
        ["show", "{doc}"],
        ALL_MEETINGS,
        0,
    ),
    ("trade --history --json", ["trade", "--history", "--json"], ["show", "{doc}"], ALL_MEETINGS, 0),
    ("meetings --json", ["meetings", "--json"], ["show", "{doc}"], ALL_MEETINGS, 0),
    ("show c6 --json", ["show", "c6", "--json"], ["show", "{doc}"], ALL_MEETINGS, 0),
    ("meetings (table)", ["meetings"], ["show", "{doc}", "--table"], ALL_MEETINGS, 0),
    ("--version", ["--version"], ["show", "{doc}"], VERSION_BUDGET, 0),
    # The light paths and the two that parse a command's options, all against the floor's data run:
    # the root's help is as light as --version; a command's help and a usage error build the
    # command's parser, which Typer >= 0.29 does with Pydantic, so they get the data commands' budget.
    ("--help", ["--help"], ["show", "{doc}"], VERSION_BUDGET, 0),
    ("areas --help", ["areas", "--help"], ["show", "{doc}"], BUDGET, 0),
    ("areas --nope (usage error)", ["areas", "--nope"], ["show", "{doc}"], BUDGET, 2),
)


def _time(command: list[str], env: dict[str, str], code: int = 0) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run, which must exit with `code`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != code:
        raise SystemExit(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}, not {code}")
    return wall, usage.ru_utime + usage.ru_stime


# name, ours and floor wall, ours and floor CPU (medians), wall and CPU ratios (paired), budget
Result = tuple[str, float, float, float, float, float, float, float]


def paired(ours: list[float], floor: list[float]) -> float:
    """The median of the ratios of each of our runs to the floor's run that came right after it."""
    return statistics.median(a / b for a, b in zip(ours, floor, strict=True))


@contextlib.contextmanager
def _cases() -> Iterator[tuple[dict[str, str], list[tuple[str, list[str], list[str], float, int]]]]:
    """The environment and, per case, the ca-summit and floor commands, with warm caches."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "floor_app.py").write_text(FLOOR_APP, encoding="utf-8")
        doc = Path(folder) / "doc.yaml"
        doc.write_text("name: Central Asia\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": folder, "COLUMNS": "100", "NO_COLOR": "1"}
        # Measure what an installed user runs: bytecode cached (the warm-up writes it), as pip does
        # for a wheel, rather than every module recompiled on every run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cases = []
        for name, ours_args, floor_args, budget, code in CASES:
            ours = [sys.executable, "-m", "ca_summit", *ours_args]
            floor = [sys.executable, "-m", "floor_app", *(a.format(doc=doc) for a in floor_args)]
            _time(ours, env, code), _time(floor, env)  # warm the caches
            cases.append((name, ours, floor, budget, code))
        yield env, cases


def measure(runs: int) -> list[Result]:
    results = []
    with _cases() as (env, cases):
        for name, ours, floor, budget, code in cases:
            ours_runs, floor_runs = [], []
            for _ in range(runs):
                ours_runs.append(_time(ours, env, code))
                floor_runs.append(_time(floor, env))
            ours_wall, ours_cpu = [wall for wall, _ in ours_runs], [cpu for _, cpu in ours_runs]
            floor_wall, floor_cpu = [wall for wall, _ in floor_runs], [cpu for _, cpu in floor_runs]
            results.append(
                (
                    name,
                    statistics.median(ours_wall),
                    statistics.median(floor_wall),
                    statistics.median(ours_cpu),
                    statistics.median(floor_cpu),
                    paired(ours_wall, floor_wall),
                    paired(ours_cpu, floor_cpu),
                    budget,
                )
            )
    return results


def _instructions(command: list[str], env: dict[str, str]) -> int:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,  # a usage error's case exits 2 by design; _time checked every exit code already
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))  # type: ignore[union-attr]


def count_instructions() -> list[tuple[str, float]]:
    """Instructions executed, ours over the floor's, for each case (one run each: they repeat)."""
    with _cases() as (env, cases):
        return [
            (name, _instructions(ours, env) / _instructions(floor, env)) for name, ours, floor, _, _ in cases
        ]


def report(results: list[Result], runs: int) -> str:
    lines = [
        "| command | ca-summit ms (wall / CPU) | floor ms (wall / CPU) | ratio (wall / CPU) |",
        "|---|---:|---:|---:|",
    ]
    for name, ours, floor, ours_cpu, floor_cpu, ratio, cpu_ratio, budget in results:
        flag = "" if ratio <= budget else f" (over budget: {budget})"
        lines.append(
            f"| `{name}` | {ours * 1000:.0f} / {ours_cpu * 1000:.0f} | {floor * 1000:.0f} / "
            f"{floor_cpu * 1000:.0f} | {ratio:.2f} / {cpu_ratio:.2f}{flag} |"
        )
    lines.append("")
    lines.append(
        f"Medians of {runs} alternating runs each (the ratio: of each pair of runs), Python "
        f"{sys.version.split()[0]}; budget (wall-clock ratio): {ONE_MEETING} for a command on one "
        f"meeting, {ALL_MEETINGS} on every meeting, {BUDGET} for a command's --help and a usage error, "
        f"{VERSION_BUDGET} for --version and --help."
    )
    return "\n".join(lines)


EXPORT_BUDGET = 1.5  # issue 19: export --sqlite of the bundled corpus against meetings --json


def measure_export(runs: int) -> tuple[float, float, float]:
    """`export --sqlite` of the bundled corpus against `meetings --json`, alternately: the medians
    of each, and the median of the ratios of each export to the meetings run right after it."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        base = [sys.executable, "-m", "ca_summit"]
        export = [*base, "export", "--sqlite", str(Path(folder) / "summit.db"), "--replace", "--json"]
        meetings = [*base, "meetings", "--json"]
        _time(export, env), _time(meetings, env)  # warm the caches
        ours, floor = [], []
        for _ in range(runs):
            ours.append(_time(export, env)[0])
            floor.append(_time(meetings, env)[0])
        return statistics.median(ours), statistics.median(floor), paired(ours, floor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = parser.parse_args()
    results = measure(args.runs)
    print(report(results, args.runs))
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("\nvalgrind is not installed: no instruction counts")
        else:
            print("\n| command | instructions, ratio to the floor |\n|---|---:|")
            for name, ratio in count_instructions():
                print(f"| `{name}` | {ratio:.2f} |")
    export, meetings, ratio = measure_export(args.runs)
    flag = "" if ratio <= EXPORT_BUDGET else f" (over budget: {EXPORT_BUDGET})"
    print(
        f"\n`export --sqlite` of the bundled corpus: {export * 1000:.0f} ms against `meetings --json`: "
        f"{meetings * 1000:.0f} ms; ratio {ratio:.2f}{flag} (budget: ≤ {EXPORT_BUDGET}, paired runs)."
    )
    over = [result[0] for result in results if result[5] > result[7]]
    return 1 if args.check and (over or ratio > EXPORT_BUDGET) else 0


if __name__ == "__main__":
    raise SystemExit(main())
