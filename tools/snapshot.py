"""Rewrite the bundled data's snapshots (data/snapshot/NAME.json) after a full check of the files.

python tools/snapshot.py
"""

from __future__ import annotations

from ca_summit.corpus.series import load_series, series_path
from ca_summit.corpus.snapshot import snapshot_folder, snapshot_texts
from ca_summit.resources import bundled_path

if __name__ == "__main__":
    checked = load_series(
        series_path(), extra=(bundled_path(),), cached=False
    )  # a SummitError if any problem
    folder = snapshot_folder()
    folder.mkdir(exist_ok=True)
    texts = snapshot_texts(checked)
    for stale in folder.glob("*.json"):
        if stale.name not in texts:
            stale.unlink()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
