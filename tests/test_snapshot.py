"""The bundled series' snapshot: current, equal to a full load, and never used for edited files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ca_summit import snapshot
from ca_summit.resources import bundled_path
from ca_summit.series import load_series, series_path


def full_load() -> list[snapshot.Meeting]:
    return load_series(series_path(), extra=(bundled_path(),))


def test_the_snapshot_is_current() -> None:
    # Stale, it would only cost speed (the files are then checked in full): run tools/snapshot.py.
    assert (series_path() / snapshot.NAME).read_text(encoding="utf-8") == snapshot.snapshot_text(full_load())


def test_the_snapshot_gives_what_the_full_check_gives() -> None:
    fast = snapshot.load_snapshot()
    assert fast is not None
    assert [(m.path, m.data) for m in fast] == [(m.path, m.data) for m in full_load()]


def test_an_edited_file_is_not_read_from_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "series"
    shutil.copytree(series_path(), folder)
    article = tmp_path / bundled_path().name
    shutil.copy(bundled_path(), article)
    monkeypatch.setattr(snapshot, "series_path", lambda: folder)
    monkeypatch.setattr(snapshot, "bundled_path", lambda: article)
    assert snapshot.load_snapshot() is not None
    edited = folder / "2021-awaza.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Turkmenbashi", "Awaza"), encoding="utf-8")
    assert snapshot.load_snapshot() is None
    edited.unlink()
    assert snapshot.load_snapshot() is None
