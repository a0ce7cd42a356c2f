"""Rewrite the bundled series' snapshot (data/series/snapshot.json) after a full check of its files.

python tools/snapshot.py
"""

from __future__ import annotations

from ca_summit.resources import bundled_path
from ca_summit.series import load_series, series_path
from ca_summit.snapshot import NAME, snapshot_text

if __name__ == "__main__":
    checked = load_series(series_path(), extra=(bundled_path(),))  # a SummitError if any problem
    (series_path() / NAME).write_text(snapshot_text(checked), encoding="utf-8")
