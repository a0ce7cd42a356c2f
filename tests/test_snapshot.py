"""The bundled data's snapshots: current, made into what validation makes, and never used for an
edited file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from ca_summit.corpus import snapshot
from ca_summit.corpus.loader import load_article, load_summit
from ca_summit.corpus.models import Article
from ca_summit.corpus.series import load_series, series_path
from ca_summit.corpus.series_models import Summit
from ca_summit.resources import bundled_path

from conftest import Result


def full_load() -> list[snapshot.Meeting]:
    return load_series(series_path(), extra=(bundled_path(),), cached=False)


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
    assert written == snapshot.snapshot_texts(full_load())


def test_the_snapshots_make_what_validation_makes() -> None:
    made = snapshot.load_snapshot()
    assert made is not None
    validated = full_load()
    assert [m.path for m in made] == [m.path for m in validated]
    for fast, full in zip(made, validated, strict=True):
        same(fast.data, full.data, fast.path.name)
        # The models made without validation serialise as the validated ones do.
        assert fast.data.model_dump_json() == full.data.model_dump_json()


def test_the_article_is_made_as_the_loader_validates_it() -> None:
    same(snapshot.bundled(Article), load_article(bundled_path()), "article")
    same(snapshot.bundled(Summit), load_summit(bundled_path()), "summit")


def test_an_edited_file_is_not_read_from_its_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "series"
    shutil.copytree(series_path(), folder)
    article = tmp_path / bundled_path().name
    shutil.copy(bundled_path(), article)
    monkeypatch.setattr(snapshot, "bundled_files", lambda: [*sorted(folder.glob("*.yaml")), article])
    monkeypatch.setattr(snapshot, "bundled_path", lambda: article)
    assert snapshot.load_snapshot() is not None
    assert snapshot.bundled(Article) is not None
    edited = folder / "2021-awaza.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Turkmenbashi", "Awaza"), encoding="utf-8")
    assert snapshot.load_snapshot() is None
    assert snapshot.bundled(Article) is not None  # the article's file is unchanged
    edited.unlink()
    assert snapshot.load_snapshot() is None
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert snapshot.bundled(Article) is None


@pytest.mark.parametrize("garbage", ["", "[]", '{"file": 1}', "{" * 100_000, '{"file": "summit_2023.yaml"}'])
def test_a_damaged_snapshot_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: str
) -> None:
    shutil.copytree(snapshot.snapshot_folder(), tmp_path / "snapshot")
    (tmp_path / "snapshot" / "summit_2023.json").write_text(garbage, encoding="utf-8")
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda: tmp_path / "snapshot")
    assert snapshot.bundled(Article) is None
    assert snapshot.load_snapshot() is None


def test_the_commands_on_the_bundled_data_parse_no_yaml(
    files_read: list[str], invoke: Callable[..., Result]
) -> None:
    for command in (
        ["areas"],
        ["summary"],
        ["trade", "--project", "15e9"],
        ["meetings"],
        ["meetings", "2019"],
    ):
        assert invoke(*command, "--json").exit_code == 0
    assert files_read and all(name.endswith(" (snapshot)") for name in files_read)
    files_read.clear()
    assert invoke("areas", "--data", str(bundled_path()), "--json").exit_code == 0
    assert files_read == [bundled_path().name]  # a file named by the user is read and validated


@pytest.mark.parametrize(
    ("damage", "error"),
    [
        (lambda value: [value], TypeError),  # not a mapping
        (lambda value: {k: v for k, v in value.items() if k != "record"}, KeyError),  # required, missing
        (lambda value: {**value, "minutes": []}, KeyError),  # no such field
        (lambda value: {**value, "trade_claims": [{**value["trade_claims"][0], "value": "nan"}]}, TypeError),
        (
            lambda value: {**value, "trade_claims": [{**value["trade_claims"][0], "value": float("inf")}]},
            TypeError,
        ),
        (lambda value: {**value, "facts": value["facts"][0]}, TypeError),  # a list that is not one
        (lambda value: {**value, "facts": [{**value["facts"][0], "refs": "a-ref"}]}, TypeError),
        (lambda value: {**value, "record": {**value["record"], "held": {"start": "2018-03-15"}}}, KeyError),
    ],
)
def test_build_refuses_data_of_another_shape(damage: Callable[[Any], Any], error: type[Exception]) -> None:
    from ca_summit.corpus.construct import build
    from ca_summit.corpus.series_models import MeetingFile

    meeting = snapshot.meeting(series_path() / "2018-astana.yaml")
    assert meeting is not None
    value = snapshot._value(meeting.path)
    assert build(MeetingFile, value) == meeting.data
    with pytest.raises(error):
        build(MeetingFile, damage(value))
