"""Rewrite the bundled data's snapshots (data/snapshot/NAME.json) after a full check of the folder.

python tools/snapshot.py
"""

from __future__ import annotations

from ca_summit.corpus.files import data_files, data_path
from ca_summit.corpus.reading import check_folder
from ca_summit.corpus.snapshot import snapshot_folder, snapshot_texts
from ca_summit.errors import SummitError

if __name__ == "__main__":
    corpus, problems = check_folder(data_path())
    if corpus is None:
        raise SummitError.from_problems(problems)
    folder = snapshot_folder()
    folder.mkdir(exist_ok=True)
    texts = snapshot_texts(data_files(data_path()))
    for stale in folder.glob("*.json"):
        if stale.name not in texts:
            stale.unlink()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
