"""Time and memory of ca-summit on hostile data files, against the budget: 2 s and 200 MB each.

The corpus is tests/hostile/ plus the files made here: large ones (over 32 MiB, 150,000 keys, a
3 MB line), time traps (40,000 problems, aliases of one long text) and a wide valid file (many
participants, people, points and quotes) that every command is run on. Reported, not judged by
the tests: timing is not a test. `--check` exits 1 over budget.

    python benchmarks/hostile.py [--check]
"""

from __future__ import annotations

import argparse
import itertools
import os
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "hostile"
SECONDS, MEGABYTES = 2.0, 200
COMMANDS = ("areas", "trade", "summary", "facts", "quotes", "countries", "search")

sys.path.insert(0, str(ROOT / "tests"))
from conftest import MINIMAL  # noqa: E402  (the smallest valid file, shared with the tests)


def _make_large(folder: Path) -> list[Path]:
    over = folder / "over_32_mib.yaml"
    with over.open("wb") as stream:
        stream.truncate(32 * 1024 * 1024 + 1)
    keys = folder / "many_keys.yaml"
    keys.write_text("".join(f"k{i}: [{i}, {i}]\n" for i in range(150_000)), encoding="utf-8")
    line = folder / "long_line.yaml"
    line.write_text("source: {document: " + "x" * 3_000_000 + "}\n", encoding="utf-8")
    return [over, keys, line]


def _make_time_traps(folder: Path) -> list[Path]:
    problems = folder / "many_problems.yaml"
    problems.write_text(MINIMAL + "people: [" + ", ".join(["1"] * 40_000) + "]\n", encoding="utf-8")
    keys = folder / "many_unknown_keys.yaml"
    keys.write_text(MINIMAL + "".join(f"x{i}: 1\n" for i in range(40_000)), encoding="utf-8")
    aliases = folder / "long_scalar_aliases.yaml"
    one = "  - {code: KZ, name: {fr: Kazakhstan, en: Kazakhstan}, quote: le Kazakhstan}\n"
    many = ", ".join(["*a"] * 99_000)
    aliases.write_text(
        MINIMAL.replace(one, one[:-2] + f", aliases: [&a {'x' * 3999}, {many}]}}\n"), encoding="utf-8"
    )
    return [problems, keys, aliases]


def make_wide(path: Path, *, participants: int = 600, people: int = 1000, points: int = 2400) -> Path:
    """A valid file, wide in every list a command walks."""
    codes = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)][:participants]
    lines = [
        "format_version: 1",
        "source: {language: fr, document: wide.txt}",
        "meeting: {name: {fr: Réunion, en: Meeting}, edition: 6, date: 2024-08-09, quote: la réunion}",
        "participants:",
        *(
            f"  - {{code: {c}, name: {{fr: Pays {c}, en: Country {c}}}, aliases: [a{c}], quote: q {c}}}"
            for c in codes
        ),
        "people:",
        *(
            f"  - {{id: p{i}, name: {{fr: N{i}, en: N{i}}}, role: {{fr: R, en: R}},"
            f" country: {codes[i % len(codes)]}, quote: q p{i}}}"
            for i in range(people)
        ),
        "quotes:",
        *(
            f"  - {{id: q{i}, speaker: p{i}, text: {{fr: mot {i}, en: word {i}}}, quote: le mot {i} dit}}"
            for i in range(people)
        ),
        "trade:",
        "  currency: USD",
        "  base_year: 2022",
        "  current: {id: now, label: {fr: a, en: a}, amount: 1e10, qualifier: stated, by: [AA], quote: q}",
        "  growth: {id: rise, label: {fr: b, en: b}, rate: 0.8, qualifier: stated,"
        " period_years: 5, quote: q}",
        "areas:",
    ]
    for area in range(6):
        lines += [
            f"  - id: area{area}",
            "    title: {fr: Domaine, en: Area}",
            "    quote: le domaine",
            "    points:",
        ]
        lines += [
            f"      - {{id: a{area}-pt{i}, kind: statement, by: [{codes[i % len(codes)]}, p{i % people}],"
            f" text: {{fr: Texte {i}, en: Text {i}}}, quote: texte {i}}}"
            for i in range(points // 6)
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path: Path, *args: str) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory (MB) of `ca-summit --data PATH ARGS` (`areas`)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "ca_summit", "--data", str(path), *(args or ("areas",))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = sorted(CORPUS.glob("*.yaml")) + _make_large(folder) + _make_time_traps(folder)
        results = [(path.name, *run(path)) for path in files]
        results += [(f"{path.name} validate", *run(path, "validate", str(path))) for path in files[-3:]]
        wide = make_wide(folder / "wide.yaml")
        valid = [
            (f"wide.yaml {command}", *run(wide, command, *(["KZ"] if command == "search" else [])))
            for command in (*COMMANDS, "validate")
        ]
    wrong = [name for name, code, _, _ in results if code != 1] + [
        name for name, code, _, _ in valid if code != 0
    ]
    everything = results + valid
    worst_time = max(everything, key=lambda r: r[2])
    worst_memory = max(everything, key=lambda r: r[3])
    print(
        f"{len(results)} hostile runs exit 1, {len(valid)} runs on a wide valid file exit 0:"
        f" {not wrong} {wrong or ''}"
    )
    for name, code, seconds, megabytes in valid + results[-6:]:
        print(f"  {name}: exit {code}, {seconds:.2f} s, {megabytes:.0f} MB")
    print(f"slowest: {worst_time[0]} {worst_time[2]:.2f} s (budget {SECONDS} s)")
    print(f"largest: {worst_memory[0]} {worst_memory[3]:.0f} MB (budget {MEGABYTES} MB)")
    over = worst_time[2] > SECONDS or worst_memory[3] > MEGABYTES or wrong
    return 1 if args.check and over else 0


if __name__ == "__main__":
    raise SystemExit(main())
