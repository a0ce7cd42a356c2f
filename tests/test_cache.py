"""The cache of parsed meeting files: a warm folder is not parsed again, yet every file is still
validated and checked, every problem is placed in its file, and a cache that is damaged, off or
unwritable changes nothing but the time."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.corpus import cache, loader
from ca_summit.corpus.files import Meeting
from ca_summit.corpus.reading import check_folder, read

Invoke = Callable[..., Any]


def load_series(folder: Path) -> list[Meeting]:
    return read(folder).meetings


FILES = 8  # the bundled folder's data files: seven meetings and the entities


@pytest.fixture
def folder(bundled_copy: Path) -> Path:
    return bundled_copy


@pytest.fixture
def entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own cache folder."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    where = cache.folder()
    assert where is not None
    return where


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text parsed from here on."""
    calls: list[int] = []
    original = loader.parse

    def counting(text: str) -> loader.Document:
        calls.append(len(text))
        return original(text)

    monkeypatch.setattr(loader, "parse", counting)
    return calls


def test_a_warm_folder_loads_the_same_meetings_without_parsing(
    folder: Path, entries: Path, parsed: list[int]
) -> None:
    cold = load_series(folder)
    assert len(parsed) == FILES
    assert len(list(entries.glob("*.json"))) == FILES
    warm = load_series(folder)
    assert len(parsed) == FILES  # no file parsed again
    assert [(m.path, m.data) for m in warm] == [(m.path, m.data) for m in cold]


def test_an_edited_file_is_parsed_again(folder: Path, entries: Path, parsed: list[int]) -> None:
    load_series(folder)
    edited = folder / "series" / "2021-awaza.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Turkmenbashi", "Awaza"), encoding="utf-8")
    parsed.clear()
    (awaza,) = [m for m in load_series(folder) if m.path == edited]
    assert parsed == [len(edited.read_text(encoding="utf-8"))]
    assert "Turkmenbashi" not in awaza.data.model_dump_json()


@pytest.mark.parametrize(
    "damage",
    [
        lambda value: "{not json",
        lambda value: "[]",
        lambda value: "{" * 100_000,
        # Not the shape this code writes: the file is read again, and wins.
        lambda value: json.dumps({**value, "record": 5}),
        lambda value: json.dumps({key: item for key, item in value.items() if key != "format_version"}),
        lambda value: json.dumps({**value, "facts": [{"id": "e2-date"}]}),
        lambda value: json.dumps({**value, "references": "kazinform-1"}),
        lambda value: json.dumps({**value, "record": {**value.get("record", {}), "held": {"start": "2019"}}}),
    ],
)
def test_a_damaged_entry_costs_a_parse_and_nothing_else(
    folder: Path, entries: Path, parsed: list[int], damage: Callable[[dict[str, Any]], str]
) -> None:
    cold = load_series(folder)
    for entry in entries.glob("*.json"):
        entry.write_text(damage(json.loads(entry.read_text(encoding="utf-8"))), encoding="utf-8")
    parsed.clear()
    assert [m.data for m in load_series(folder)] == [m.data for m in cold]
    assert len(parsed) == FILES
    parsed.clear()
    load_series(folder)  # the entries were written anew
    assert parsed == []


def test_an_entry_is_found_only_by_the_code_that_checked_it(
    folder: Path, entries: Path, parsed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its models are made without validation: an entry written by other checks (another version of
    # the models, the loader, PyYAML or Pydantic) must not be found.
    load_series(folder)
    parsed.clear()
    load_series(folder)
    assert parsed == []
    monkeypatch.setattr(cache, "_checker", lambda: b"other checking code")
    load_series(folder)
    assert len(parsed) == FILES


def test_the_checking_code_is_named_by_its_source_and_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic

    before = cache._checker()
    cache._checker.cache_clear()
    monkeypatch.setattr(pydantic, "VERSION", "0.0")
    try:
        assert cache._checker() != before
    finally:
        cache._checker.cache_clear()


def test_a_problem_across_files_is_placed_in_a_file_read_from_the_cache(
    folder: Path, entries: Path, invoke: Invoke
) -> None:
    env = {cache.ENV: str(entries.parent)}
    assert invoke("meetings", "--data", str(folder), env=env).exit_code == 0  # every file cached
    (folder / "summit_2023.yaml").unlink()  # two targets that 2025's conflicts name were there
    warm = invoke("meetings", "--data", str(folder), env=env)
    cold = invoke("meetings", "--data", str(folder), env={cache.ENV: ""})
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stderr == cold.stderr
    assert (
        f"{folder / 'series' / '2025-tashkent.yaml'}:793:7: conflicts.6.positions.0.items.2:" in warm.stderr
    )


def test_an_id_declared_in_two_cached_files_is_placed(tmp_path: Path, entries: Path, invoke: Invoke) -> None:
    env = {cache.ENV: str(entries.parent)}
    (tmp_path / "2030-a.yaml").write_text(meeting_text(8, "2030-05-01", "e8"), encoding="utf-8")
    assert invoke("meetings", "--data", str(tmp_path), env=env).exit_code == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "2031-b.yaml").write_text(meeting_text(9, "2031-05-01", "e8"), encoding="utf-8")
    assert invoke("meetings", "--data", str(other), env=env).exit_code == 0
    shutil.move(other / "2031-b.yaml", tmp_path)  # both files' content now in the cache
    result = invoke("meetings", "--data", str(tmp_path), env=env)
    assert result.exit_code == 1
    assert (
        f"{tmp_path / '2031-b.yaml'}:16:10: facts.0.id: fact id 'e8-date' is also declared in"
        in result.stderr
    )


def test_validate_reads_every_file_itself(
    folder: Path, entries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_series(folder)

    def refuse(text: str) -> None:
        raise AssertionError("validate read the cache")

    monkeypatch.setattr(cache, "load", refuse)

    assert check_folder(folder)[1] == []


def test_the_cache_can_be_turned_off(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() is None
    load_series(folder)
    assert not (tmp_path / "xdg").exists()


def test_the_cache_goes_where_xdg_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "ca-summit" / "checked-v1"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for ignored in ("", "relative/cache"):  # a relative path is ignored, as the XDG specification says
        monkeypatch.setenv("XDG_CACHE_HOME", ignored)
        assert cache.folder() == tmp_path / "home" / ".cache" / "ca-summit" / "checked-v1"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_an_entry_that_is_not_a_file_cannot_hang_a_run(
    folder: Path, entries: Path, parsed: list[int]
) -> None:
    load_series(folder)
    for entry in entries.glob("*.json"):
        entry.unlink()
        os.mkfifo(entry)  # opened for reading, a FIFO with no writer would block
    parsed.clear()
    assert len(load_series(folder)) == 7
    assert len(parsed) == FILES


def test_an_unusable_cache_changes_nothing(folder: Path, tmp_path: Path, invoke: Invoke) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for where in (blocked, blocked / "below", Path("/proc/no-such-place")):
        result = invoke("meetings", "--data", str(folder), "--json", env={cache.ENV: str(where)})
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert len(json.loads(result.stdout)) == 7


def test_the_cache_keeps_at_most_its_bound(
    folder: Path, entries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    load_series(folder)
    assert 0 < len(list(entries.glob("*.json"))) <= 4
    assert not list(entries.glob("*.tmp"))


def test_one_meeting_of_a_folder_is_read_through_the_cache(
    folder: Path, entries: Path, parsed: list[int], invoke: Invoke
) -> None:
    env = {cache.ENV: str(entries.parent)}
    first = invoke("meetings", "2019", "--data", str(folder), "--json", env=env)
    assert len(parsed) == FILES  # the whole folder, as validate reads it
    again = invoke("meetings", "2019", "--data", str(folder), "--json", env=env)
    assert len(parsed) == FILES  # the second time from the cache
    assert first.exit_code == again.exit_code == 0
    assert again.stdout == first.stdout and json.loads(again.stdout)[0]["city"] == "Tashkent"


def test_storing_lists_the_cache_folder_once_a_run(
    folder: Path, entries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    original = os.scandir

    def counting(path: Any) -> Any:
        listed.append(str(path))
        return original(path)

    monkeypatch.setattr(cache.os, "scandir", counting)
    monkeypatch.setattr(cache, "_counted", {})
    load_series(folder)  # every file stored
    # os.scandir is also how the data folder is walked: only the cache folder's listings count here.
    assert [path for path in listed if path.startswith(str(entries))] == [str(entries)]
