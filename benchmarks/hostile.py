"""Time and memory of ca-summit on hostile data files, against the budget: 2 s and 200 MB each.

The corpus is tests/hostile/ plus the large files made here (over 32 MiB, 150,000 keys, a 3 MB
line). Reported, not judged by the tests: timing is not a test. `--check` exits 1 over budget.

    python benchmarks/hostile.py [--check]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "hostile"
SECONDS, MEGABYTES = 2.0, 200


def _make_large(folder: Path) -> list[Path]:
    over = folder / "over_32_mib.yaml"
    with over.open("wb") as stream:
        stream.truncate(32 * 1024 * 1024 + 1)
    keys = folder / "many_keys.yaml"
    keys.write_text("".join(f"k{i}: [{i}, {i}]\n" for i in range(150_000)), encoding="utf-8")
    line = folder / "long_line.yaml"
    line.write_text("source: {document: " + "x" * 3_000_000 + "}\n", encoding="utf-8")
    return [over, keys, line]


def run(path: Path) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory (MB) of `ca-summit --data PATH areas`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "ca_summit", "--data", str(path), "areas"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = sorted(CORPUS.glob("*.yaml")) + _make_large(Path(folder))
        results = [(path.name, *run(path)) for path in files]
    worst_time = max(results, key=lambda r: r[2])
    worst_memory = max(results, key=lambda r: r[3])
    wrong = [name for name, code, _, _ in results if code != 1]
    print(f"{len(results)} hostile files; exit code 1 for all: {not wrong} {wrong or ''}")
    print(f"slowest: {worst_time[0]} {worst_time[2]:.2f} s (budget {SECONDS} s)")
    print(f"largest: {worst_memory[0]} {worst_memory[3]:.0f} MB (budget {MEGABYTES} MB)")
    over = worst_time[2] > SECONDS or worst_memory[3] > MEGABYTES or wrong
    return 1 if args.check and over else 0


if __name__ == "__main__":
    raise SystemExit(main())
