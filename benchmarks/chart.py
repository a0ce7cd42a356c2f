"""Time from the command to the chart's file, cold: a fresh process each run, as a user types it.

Budget (issue 19): <= 3 s for `trade --history --plot` and `trade --project 15e9 --plot`, SVG and
PNG, once matplotlib's one-time font cache is built (a first run, not timed, builds it). An absolute
budget, unlike startup.py's ratios: the chart is its own job, with no floor to pair it with.

    python benchmarks/chart.py            # report
    python benchmarks/chart.py --runs 9   # more runs
    python benchmarks/chart.py --check    # exit 1 when a median is over budget
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 3.0
CASES = (
    ("trade --history --plot h.svg", ["trade", "--history"], "h.svg"),
    ("trade --history --plot h.png", ["trade", "--history"], "h.png"),
    ("trade --project 15e9 --plot p.svg", ["trade", "--project", "15e9"], "p.svg"),
    ("trade --project 15e9 --plot p.png", ["trade", "--project", "15e9"], "p.png"),
)


def command() -> list[str]:
    script = Path(sys.executable).parent / "ca-summit"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ca_summit"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        subprocess.run(
            [*command(), "trade", "--history", "--plot", str(folder / "warm.svg")],
            check=True,
            capture_output=True,
        )  # builds matplotlib's font cache where it is missing
        print(f"{'case':38} {'median s':>9} {'max s':>7}  budget {BUDGET:.1f} s")
        over = False
        for name, args, file in CASES:
            times = [timed([*command(), *args, "--plot", str(folder / file)]) for _ in range(options.runs)]
            median = statistics.median(times)
            over |= median > BUDGET
            print(f"{name:38} {median:9.2f} {max(times):7.2f}  {'OVER' if median > BUDGET else 'ok'}")
    finally:
        shutil.rmtree(folder)
    return 1 if options.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
