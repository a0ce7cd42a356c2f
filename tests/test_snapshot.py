"""The bundled data's snapshots: current, made into what validation makes, and never used for an
edited file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from ca_summit.corpus import reading, snapshot
from ca_summit.corpus.files import data_files, data_path
from ca_summit.corpus.loader import examine, load_meeting_file, read_text
from ca_summit.corpus.models import MeetingFile, validated
from ca_summit.resources import bundled_path

from conftest import Result


def full_check() -> list[Path]:
    """The bundled data files, once the folder was checked whole and found without a problem."""
    corpus, problems = reading.check_folder(data_path(), cached=False)
    assert problems == [] and corpus is not None
    return data_files(data_path())


def same(made: Any, validated: Any, where: str = "") -> None:
    """Equal values of the same types, and models that record the same fields as set, all the way down."""
    assert type(made) is type(validated), where
    if isinstance(made, BaseModel):
        assert made.model_fields_set == validated.model_fields_set, where
        for name in type(made).model_fields:
            same(getattr(made, name), getattr(validated, name), f"{where}.{name}")
    elif isinstance(made, list):
        assert len(made) == len(validated), where
        for i, (a, b) in enumerate(zip(made, validated, strict=True)):
            same(a, b, f"{where}[{i}]")
    else:
        assert made == validated, where


def test_the_snapshots_are_current() -> None:
    # Stale, they would only cost speed (the files are then checked in full): run tools/snapshot.py.
    folder = snapshot.snapshot_folder()
    written = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.json")}
    assert written == snapshot.snapshot_texts(full_check())


def test_the_snapshots_make_what_validation_makes() -> None:
    made = snapshot.snapshot_values()
    assert made is not None
    paths = full_check()
    assert [path for path, _ in made] == paths
    for path, value in made:
        fast = validated(value)
        full = examine(read_text(path), str(path)).summit
        assert full is not None, path
        same(fast, full, path.name)
        assert fast.model_dump_json() == full.model_dump_json()
    # What the commands read (from the snapshots) is what a check of the folder makes.
    corpus, _ = reading.check_folder(data_path(), cached=False)
    assert corpus is not None
    served = reading.read(None)
    assert [m.path for m in served.meetings] == [m.path for m in corpus.meetings]
    for fast_meeting, full_meeting in zip(served.meetings, corpus.meetings, strict=True):
        same(fast_meeting.data, full_meeting.data, fast_meeting.path.name)
    assert served.entities == corpus.entities


def test_the_article_is_made_as_the_loader_validates_it() -> None:
    value = snapshot.snapshot_value(bundled_path())
    assert value is not None
    made = validated(value)
    assert isinstance(made, MeetingFile) and made.has_article
    same(made, load_meeting_file(bundled_path()), "summit")


def test_an_edited_file_is_not_read_from_its_snapshot(
    bundled_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "data_path", lambda: bundled_copy)
    article = bundled_copy / bundled_path().name
    assert snapshot.snapshot_values() is not None
    assert snapshot.snapshot_value(article) is not None
    edited = bundled_copy / "series" / "2021-awaza.yaml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("city: turkmenbashi", "city: awaza"), encoding="utf-8"
    )
    assert snapshot.snapshot_values() is None
    assert snapshot.snapshot_value(article) is not None  # the article's file is unchanged
    # The bundled data then is read as any folder: the edit is what the commands see.
    monkeypatch.setattr(reading, "data_path", lambda: bundled_copy)
    monkeypatch.setattr(reading, "_bundled", [])
    assert reading.read(None).find("2021").record.city == "awaza"  # type: ignore[union-attr]
    edited.unlink()
    assert snapshot.snapshot_values() is None  # a snapshot without its file
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert snapshot.snapshot_value(article) is None


def test_a_data_file_without_a_snapshot_means_the_full_check(
    bundled_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "data_path", lambda: bundled_copy)
    (bundled_copy / "series" / "2030-almaty.yml").write_text("format_version: 1\n", encoding="utf-8")
    assert snapshot.snapshot_values() is None


@pytest.mark.parametrize("garbage", ["", "[]", '{"file": 1}', "{" * 100_000, '{"file": "summit_2023.yaml"}'])
def test_a_damaged_snapshot_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: str
) -> None:
    shutil.copytree(snapshot.snapshot_folder(), tmp_path / "snapshot")
    (tmp_path / "snapshot" / "summit_2023.json").write_text(garbage, encoding="utf-8")
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda: tmp_path / "snapshot")
    assert snapshot.snapshot_value(bundled_path()) is None
    assert snapshot.snapshot_values() is None
    assert snapshot.snapshot_value(data_path() / "entities.yaml") is not None  # the others still serve


def test_the_commands_on_the_bundled_data_parse_no_yaml(
    files_read: list[str], invoke: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "_bundled", [])  # not yet read in this run
    for command in (
        ["areas"],
        ["summary"],
        ["facts", "--meeting", "2018"],
        ["search", "rahmon"],
        ["sources"],
        ["trade", "--project", "15e9"],
        ["meetings"],
        ["meetings", "2019"],
    ):
        assert invoke(*command, "--json").exit_code == 0
    expected = sorted(f"{path.name} (snapshot)" for path in data_files(data_path()))
    assert sorted(files_read) == expected  # each file once: the corpus is read once a run
    files_read.clear()
    assert invoke("areas", "--data", str(bundled_path()), "--json").exit_code == 0
    # A file named by the user is read and validated (or its cache entry read: an .entry file); the
    # bundled entities it may cite come from their snapshot.
    read = [name for name in files_read if not name.endswith(".entry")]
    assert read == [bundled_path().name, "entities.yaml (snapshot)"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda value: [value],  # not a mapping
        lambda value: {k: v for k, v in value.items() if k != "record"},  # required, missing
        lambda value: {**value, "minutes": []},  # no such field
        lambda value: {**value, "trade_claims": [{**value["trade_claims"][0], "value": "nan"}]},
        lambda value: {**value, "trade_claims": [{**value["trade_claims"][0], "value": float("inf")}]},
        lambda value: {**value, "facts": value["facts"][0]},  # a list that is not one
        lambda value: {**value, "facts": [{**value["facts"][0], "refs": "a-ref"}]},
        lambda value: {**value, "record": {**value["record"], "held": {"start": "2018-03-15"}}},
        lambda value: {**value, "trade_claims": [{**value["trade_claims"][0], "value": 10**400}]},
        lambda value: {**value, "record": {**value["record"], "city": 5}},
        lambda value: {**value, "record": {**value["record"], "edition": "1"}},
    ],
)
def test_a_snapshot_value_of_another_shape_is_refused_by_validation(damage: Callable[[Any], Any]) -> None:
    value = snapshot.snapshot_value(data_path() / "series" / "2018-astana.yaml")
    assert value is not None
    assert validated(value) == load_meeting_file(data_path() / "series" / "2018-astana.yaml")
    with pytest.raises(ValidationError):
        validated(damage(value))


def test_a_snapshot_that_does_not_validate_means_the_files_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Callable[..., Result], files_read: list[str]
) -> None:
    # Bound to its file's digest, yet validated all the same: a snapshot damaged in place (its digest
    # kept) means the bundled files are read in full, never a model of what the models refuse.
    expected = invoke("meetings", "--json")
    shutil.copytree(snapshot.snapshot_folder(), tmp_path / "snapshot")
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda: tmp_path / "snapshot")
    monkeypatch.setattr(reading, "_bundled", [])  # not yet read in this run
    path = data_path() / "series" / "2019-tashkent.yaml"
    written = tmp_path / "snapshot" / snapshot.snapshot_name(path)
    entry = json.loads(written.read_text(encoding="utf-8"))
    entry["value"]["record"]["city"] = 5
    written.write_text(json.dumps(entry), encoding="utf-8")
    files_read.clear()
    assert invoke("meetings", "--json") == expected
    assert sorted(name for name in files_read if not name.endswith("(snapshot)")) == sorted(
        path.name for path in data_files(data_path())
    )
