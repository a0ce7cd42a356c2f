"""Time of `meetings --json` on a generated folder of 100 meetings against a folder of one, as a
ratio measured in one run. Budget (issue 11): ≤ 2, as a user runs it: again on the same folder, so
with the cache of checked files (ca_summit/cache.py) warm. The first run on a folder, which reads
every file in full, is reported beside it ("cold": the cache turned off), and not judged.

The ratio is the median of the ratios of each run on the many to the run on the one right after
it: a pair sees the machine as it is at that moment (see startup.py).

Then a folder of 3,000 small meeting files (one fact each: about 2 MB; more files than the cache's
bound of 2,000 entries), warm, against the same folder with the cache off. Budget (issue 20):
≤ 1.1, so that the cache never makes a run slower than no cache, whatever the folder's size.

Each generated meeting is a copy of a bundled one (2022, Cholpon-Ata: 17 facts, 4 trade claims, 2
targets, 4 conflicts, 24 references), given its own edition, year and ids so that the folder is a
valid series; the one-meeting folder holds the first copy. Both run alternately, as fresh processes.

    python benchmarks/series.py             # report
    python benchmarks/series.py --runs 21   # steadier medians
    python benchmarks/series.py --check     # exit 1 over budget

It also times `export --sqlite` of the folder of 100 meetings, cache warm (budget: ≤ 3 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "data" / "series" / "2022-cholpon-ata.yaml"
BUDGET = 2.0
EXPORT_BUDGET = 3.0  # seconds: export --sqlite of the folder of 100 meetings (issue 19)
COUNT = 100
FIRST_YEAR = 1926  # the 100th meeting is held in 2025
LARGE = 3000  # small files, past the cache's bound
LARGE_BUDGET = 1.1
SMALL = """\
format_version: 1
references:
  - {{id: ref-a, url: "https://example.org/a", publisher: Example, published: "2030-05", language: en}}
record:
  edition: {edition}
  held: {{start: "{year}-05-01", end: "{year}-05-01"}}
  held_fact: m{edition}-date
  city: Almaty
  venue: A hall
  venue_fact: m{edition}-date
  host_country: KZ
  chair: {{person: A Person, role: President, fact: m{edition}-date}}
  attendees:
    - {{country: KZ, person: A Person, role: President, fact: m{edition}-date}}
facts:
  - {{id: m{edition}-date, topic: date, text: Held on one day, confidence: confirmed-1-source, refs: [ref-a]}}
"""


def _declared(data: dict[str, Any]) -> set[str]:
    return {
        item["id"] for key in ("facts", "trade_claims", "targets", "conflicts") for item in data.get(key, [])
    }


def _renamed(value: Any, ids: set[str], suffix: str) -> Any:
    """Every id the file declares, and every mention of one, made unique to this copy."""
    if isinstance(value, dict):
        return {k: _renamed(v, ids, suffix) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, ids, suffix) for v in value]
    return f"{value}-{suffix}" if isinstance(value, str) and value in ids else value


def generate(folder: Path, count: int) -> None:
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    ids = _declared(template)
    for n in range(1, count + 1):
        year = FIRST_YEAR + n - 1
        data = _renamed(template, ids, f"g{n}")
        data["record"]["edition"] = n
        data["record"]["held"] = {"start": f"{year}-07-21", "end": f"{year}-07-21"}
        data["record"].pop("announced", None)
        data["record"].pop("announced_fact", None)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
        (folder / f"{year}-generated.yaml").write_text(text, encoding="utf-8")


def generate_small(folder: Path, count: int) -> None:
    for edition in range(1, count + 1):
        year = 1000 + edition
        (folder / f"{year}-small.yaml").write_text(SMALL.format(edition=edition, year=year), encoding="utf-8")


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return time.perf_counter() - start


def _environment(tmp: str) -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CA_SUMMIT_CACHE_DIR", None)
    return env


BASE = [sys.executable, "-m", "ca_summit", "meetings", "--json", "--data"]


def measure(runs: int) -> dict[str, tuple[float, float, float]]:
    """Per cache state ("warm", "cold"): the medians for the folder of many and the folder of one,
    and the median of the ratios of each run on many to the run on one right after it."""
    with tempfile.TemporaryDirectory() as tmp:
        many, one = Path(tmp) / "many", Path(tmp) / "one"
        many.mkdir()
        one.mkdir()
        generate(many, COUNT)
        generate(one, 1)
        env = _environment(tmp)
        envs = {"warm": env, "cold": {**env, "CA_SUMMIT_CACHE_DIR": ""}}
        _time([*BASE, str(many)], env), _time([*BASE, str(one)], env)  # warm the caches
        medians = {}
        database = str(Path(tmp) / "series.db")
        export = [sys.executable, "-m", "ca_summit", "export", "--sqlite", database, "--replace", "--data"]
        export_runs = [_time([*export, str(many)], env) for _ in range(runs)]
        medians["export"] = statistics.median(export_runs), 0.0, 0.0
        for state, environment in envs.items():
            many_runs, one_runs = [], []
            for _ in range(runs):
                many_runs.append(_time([*BASE, str(many)], environment))
                one_runs.append(_time([*BASE, str(one)], environment))
            ratio = statistics.median(a / b for a, b in zip(many_runs, one_runs, strict=True))
            medians[state] = statistics.median(many_runs), statistics.median(one_runs), ratio
        return medians


def measure_large(runs: int) -> tuple[float, float, float]:
    """On LARGE small files: the medians warm and with the cache off, and the median of the ratios
    of each warm run to the run with the cache off right after it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "large"
        folder.mkdir()
        generate_small(folder, LARGE)
        warm = _environment(tmp)
        off = {**warm, "CA_SUMMIT_CACHE_DIR": ""}
        _time([*BASE, str(folder)], warm)  # every file kept
        warm_runs, off_runs = [], []
        for _ in range(runs):
            warm_runs.append(_time([*BASE, str(folder)], warm))
            off_runs.append(_time([*BASE, str(folder)], off))
        ratio = statistics.median(a / b for a, b in zip(warm_runs, off_runs, strict=True))
        return statistics.median(warm_runs), statistics.median(off_runs), ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args()
    medians = measure(args.runs)
    print(f"| `meetings --json` on | a folder of {COUNT} meetings, ms | a folder of 1, ms | ratio |")
    print("|---|---:|---:|---:|")
    export = medians.pop("export")[0]
    for state, (many, one, ratio) in medians.items():
        judged = state == "warm"
        flag = " (over budget)" if judged and ratio > BUDGET else "" if judged else " (not judged)"
        print(f"| {state} cache | {many * 1000:.0f} | {one * 1000:.0f} | {ratio:.2f}{flag} |")
    warm, off, large = measure_large(args.runs)
    flag = " (over budget)" if large > LARGE_BUDGET else ""
    print(f"\n| `meetings --json` on {LARGE:,} small files | warm cache, ms | cache off, ms | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| | {warm * 1000:.0f} | {off * 1000:.0f} | {large:.2f}{flag} |")
    print(
        f"\nBudgets: warm ratio ≤ {BUDGET} (100 meetings to 1), ≤ {LARGE_BUDGET} ({LARGE:,} files, warm to "
        f"off); medians of {args.runs} alternating runs (the ratio: of each pair of runs), Python "
        f"{sys.version.split()[0]}."
    )
    flag = " (over budget)" if export > EXPORT_BUDGET else ""
    print(
        f"\n`export --sqlite` of the folder of {COUNT} meetings (cache warm): {export * 1000:.0f} ms{flag} "
        f"(budget: ≤ {EXPORT_BUDGET:.0f} s; median of {args.runs} runs)."
    )
    over = medians["warm"][2] > BUDGET or large > LARGE_BUDGET or export > EXPORT_BUDGET
    return 1 if args.check and over else 0


if __name__ == "__main__":
    raise SystemExit(main())
