"""The cache of parsed data files: a warm folder is not parsed again, yet every file is still
validated and checked, every problem is placed in its file, and a cache that is damaged, off,
unwritable, tampered with or not the user's own changes nothing but the time. Every run goes through
the real entry point (cli.app.main, the `invoke` fixture)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.corpus import cache, loader

Invoke = Callable[..., Any]
Load = Callable[[Path], str]

FILES = 8  # the bundled folder's data files: seven meetings and the entities


@pytest.fixture
def folder(bundled_copy: Path) -> Path:
    return bundled_copy


@pytest.fixture
def entries(tmp_path: Path) -> Path:
    """Where this test's own cache keeps its entries."""
    return tmp_path / "cache" / cache.FOLDER


@pytest.fixture
def load(invoke: Invoke, entries: Path) -> Load:
    """`meetings --json` on a folder with this test's own cache, through the real entry point: its
    stdout, once the run is known to have succeeded in silence."""

    def run(folder: Path) -> str:
        result = invoke("meetings", "--data", str(folder), "--json", env={cache.ENV: str(entries.parent)})
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
        return str(result.stdout)

    return run


@pytest.fixture
def warm(entries: Path, kept: Path) -> Path:
    """This test's own cache, holding every file of the shared folder (a copy of `kept`)."""
    shutil.copytree(kept, entries.parent)
    return entries


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
    folder: Path, entries: Path, parsed: list[int], load: Load
) -> None:
    cold = load(folder)
    assert len(parsed) == FILES
    assert len(list(entries.glob("*.entry"))) == FILES
    warm = load(folder)
    assert len(parsed) == FILES  # no file parsed again, the entities file included
    assert warm == cold


def test_a_warm_article_alone_is_not_parsed_again(
    tmp_path: Path, entries: Path, parsed: list[int], load: Load
) -> None:
    # A meeting file of the article has no record: its entry is a hit like any other.
    from ca_summit.resources import bundled_path

    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(bundled_path(), alone)
    cold = load(alone)
    assert len(parsed) == 1
    assert load(alone) == cold
    assert len(parsed) == 1


def test_an_edited_file_is_parsed_again(folder: Path, parsed: list[int], load: Load) -> None:
    load(folder)
    edited = folder / "series" / "2021-awaza.yaml"
    text = edited.read_text(encoding="utf-8").replace("venue: Awaza Congress Centre,", "venue: A hall,")
    edited.write_text(text, encoding="utf-8")
    parsed.clear()
    awaza = [meeting for meeting in json.loads(load(folder)) if meeting["year"] == 2021]
    assert parsed == [len(edited.read_text(encoding="utf-8"))]
    assert awaza[0]["venue"] == "A hall, Awaza national tourist zone"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"{not json",
        lambda data: b"[]",
        lambda data: b"{" * 100_000,
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data.replace(b"ca-summit cache 2", b"ca-summit cache 9", 1),
        lambda data: data.split(b"\n", 2)[2],  # the content alone, as the old format kept it
        lambda data: data + b" ",
        lambda data: data.replace(b" ", b" 0", 1),  # the digest, one digit longer
    ],
)
def test_a_damaged_entry_costs_a_parse_and_nothing_else(
    shared: Path, warm: Path, parsed: list[int], load: Load, invoke: Invoke, damage: Callable[[bytes], bytes]
) -> None:
    expected = as_read_in_full(invoke, "meetings", shared)
    for entry in warm.glob("*.entry"):
        entry.write_bytes(damage(entry.read_bytes()))
    parsed.clear()
    assert load(shared) == expected
    assert len(parsed) == FILES
    parsed.clear()
    load(shared)  # the entries were written anew
    assert parsed == []


def test_an_entry_is_found_only_by_the_code_that_checked_it(
    shared: Path, warm: Path, parsed: list[int], load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An entry's verdict is its code's: one written by other checks (another version of the models,
    # the loader, PyYAML, Pydantic or Python) must not be found.
    load(shared)
    assert parsed == []
    monkeypatch.setattr(cache, "_checker", lambda: b"other checking code")
    load(shared)
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
    folder: Path, entries: Path, load: Load, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(folder)

    def refuse(*args: object) -> None:
        raise AssertionError("validate read the cache")

    monkeypatch.setattr(cache.Cache, "load", refuse)
    result = invoke("validate", str(folder), "--json", env={cache.ENV: str(entries.parent)})
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_cache_can_be_turned_off(folder: Path, tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("meetings", "--data", str(folder), env={cache.ENV: "", "XDG_CACHE_HOME": str(tmp_path)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert not (tmp_path / "ca-summit").exists()


def test_the_cache_goes_where_xdg_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "ca-summit" / "checked-v2"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for ignored in ("", "relative/cache"):  # a relative path is ignored, as the XDG specification says
        monkeypatch.setenv("XDG_CACHE_HOME", ignored)
        assert cache.folder() == tmp_path / "home" / ".cache" / "ca-summit" / "checked-v2"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_an_entry_that_is_not_a_file_cannot_hang_a_run(
    shared: Path, warm: Path, parsed: list[int], load: Load, invoke: Invoke
) -> None:
    expected = as_read_in_full(invoke, "meetings", shared)
    for entry in warm.glob("*.entry"):
        entry.unlink()
        os.mkfifo(entry)  # opened for reading, a FIFO with no writer would block
    parsed.clear()
    assert load(shared) == expected
    assert len(parsed) == FILES


def test_an_unusable_cache_changes_nothing(folder: Path, tmp_path: Path, invoke: Invoke) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for where in (blocked, blocked / "below", Path("/proc/no-such-place")):
        result = invoke("meetings", "--data", str(folder), "--json", env={cache.ENV: str(where)})
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert len(json.loads(result.stdout)) == 7


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


def test_one_file_named_alone_is_read_through_the_cache(
    folder: Path, entries: Path, parsed: list[int], invoke: Invoke
) -> None:
    env = {cache.ENV: str(entries.parent)}
    file = folder / "series" / "2019-tashkent.yaml"
    first = invoke("meetings", "--data", str(file), "--json", env=env)
    again = invoke("meetings", "--data", str(file), "--json", env=env)
    assert (first.exit_code, first.stderr) == (again.exit_code, again.stderr) == (0, "")
    assert again.stdout == first.stdout
    assert parsed == [len(file.read_text(encoding="utf-8"))]  # once: the second run from the cache


def test_the_cache_folder_is_listed_only_by_a_run_that_stored(
    folder: Path, entries: Path, load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    original = os.scandir

    def counting(path: Any) -> Any:
        listed.append(str(path))
        return original(path)

    monkeypatch.setattr(cache.os, "scandir", counting)
    # os.scandir is also how the data folder is walked: only the cache folder's listings count here.
    load(folder)  # every file stored
    assert [path for path in listed if path.startswith(str(entries))] == [str(entries)]
    load(folder)  # all found: nothing stored, nothing to bound
    assert [path for path in listed if path.startswith(str(entries))] == [str(entries)]


# --- Entries tampered with: a miss, never output, never a crash, for every command that reads a folder.

FOLDER_COMMANDS = {
    "meetings": ["meetings", "--json"],
    "trade --history": ["trade", "--history", "--json"],
    "sources": ["sources", "--json"],
    "search": ["search", "tashkent", "--json"],
    "facts --meeting": ["facts", "--meeting", "2019", "--json"],
}
TASHKENT = "series/2019-tashkent.yaml"  # the meeting every command above shows something of
ASTANA = "series/2018-astana.yaml"
ENTITIES = "entities.yaml"


def entry_of(where: Path, path: Path) -> Path:
    return cache.Cache(where).entry(path.read_bytes())[0]


def opened(entry: Path) -> tuple[str, dict[str, Any]]:
    """The SHA-256 an entry is bound to, and its content."""
    _, head, body = entry.read_bytes().split(b"\n", 2)
    return head.decode().split()[0], json.loads(body)


def rewritten(entry: Path, change: Callable[[dict[str, Any]], None], *, signed: bool) -> None:
    """The entry's content changed: its digest kept (a naive edit), or made anew for the new
    content (`signed`: only what validation finds can then tell)."""
    data = entry.read_bytes()
    magic, head, _ = data.split(b"\n", 2)
    sha, digest = head.decode().split()
    value = opened(entry)[1]
    change(value)
    body = json.dumps(value).encode()
    if signed:
        digest = cache.content_digest(sha, body)
    entry.write_bytes(b"%s\n%s %s\n%s" % (magic, sha.encode(), digest.encode(), body))


def _record(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda value: value["record"].update(fields)


def _claim(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda value: value["trade_claims"][0].update(fields)


def _dangling(value: dict[str, Any]) -> None:
    value["facts"][0]["refs"] = ["no-such-reference"]


WRONG = {  # what validation or the file's own checks refuse
    "a number as text": _record(edition="2"),
    "a city as a number": _record(city=5),
    "an amount of 10^400": _claim(value=10**400),
    "a reference to no id": _dangling,
    "a scope outside the list": _claim(scope="interplanetary"),
}
WELL_FORMED = {  # what only the digest tells from what was kept
    "another city": _record(city="Samarkand"),
    "another edition": _record(edition=9),
    "another scope": _claim(scope="bilateral"),
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the bundled data folder for the tests of this part: they change only the cache."""
    from ca_summit.corpus.files import data_path

    folder = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(data_path(), folder)
    return folder


@pytest.fixture(scope="module")
def kept(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache that holds every file of the shared folder, made once: each test uses a copy."""
    from ca_summit.cli.app import main

    root = tmp_path_factory.mktemp("kept") / "cache"
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(io.StringIO()):
        patch.setenv(cache.ENV, str(root))
        assert main(["meetings", "--data", str(shared)]) == 0
    assert len(list((root / cache.FOLDER).glob("*.entry"))) == FILES
    return root


_expected: dict[str, Any] = {}


def as_read_in_full(invoke: Invoke, name: str, folder: Path) -> Any:
    """What a command prints on the shared folder with the cache off (once per command)."""
    if name not in _expected:
        result = invoke(*FOLDER_COMMANDS[name], "--data", str(folder), env={cache.ENV: ""})
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
        _expected[name] = result.stdout
    return _expected[name]


def tampered_run(
    invoke: Invoke, tmp_path: Path, kept: Path, folder: Path, name: str, tamper: Callable[[Path], None]
) -> tuple[Any, Path]:
    """The command's run on a warm cache (a copy of `kept`) whose entries `tamper` changed: its
    result, and where the entries are."""
    root = tmp_path / "cache"
    shutil.copytree(kept, root)
    env = {cache.ENV: str(root)}
    tamper(root / cache.FOLDER)
    return invoke(*FOLDER_COMMANDS[name], "--data", str(folder), env=env), root / cache.FOLDER


def _same_as_read_in_full(invoke: Invoke, result: Any, name: str, folder: Path) -> None:
    assert result.stderr == ""
    assert result.exit_code == 0
    assert result.stdout == as_read_in_full(invoke, name, folder)


def edited_run(
    invoke: Invoke,
    tmp_path: Path,
    kept: Path,
    shared: Path,
    name: str,
    *,
    file: str,
    edit: Callable[[dict[str, Any]], None],
    signed: bool,
) -> None:
    """The command on a warm cache whose entry for `file` was edited prints what a run with the cache
    off prints, in silence, and the entry is kept anew from the file."""
    result, where = tampered_run(
        invoke,
        tmp_path,
        kept,
        shared,
        name,
        lambda where: rewritten(entry_of(where, shared / file), edit, signed=signed),
    )
    _same_as_read_in_full(invoke, result, name, shared)
    assert opened(entry_of(where, shared / file)) == opened(entry_of(kept / cache.FOLDER, shared / file))


@pytest.mark.parametrize("name", FOLDER_COMMANDS)
@pytest.mark.parametrize("change", [*WRONG, *WELL_FORMED])
def test_an_entry_edited_by_hand_is_a_miss(
    invoke: Invoke, tmp_path: Path, kept: Path, shared: Path, name: str, change: str
) -> None:
    edit = {**WRONG, **WELL_FORMED}[change]
    edited_run(invoke, tmp_path, kept, shared, name, file=TASHKENT, edit=edit, signed=False)


@pytest.mark.parametrize("name", FOLDER_COMMANDS)
@pytest.mark.parametrize("change", WRONG)
def test_an_entry_whose_content_is_wrong_is_a_miss_even_with_its_digest(
    invoke: Invoke, tmp_path: Path, kept: Path, shared: Path, name: str, change: str
) -> None:
    # The digest made anew for the new content: what the file's own checks refuse is still refused.
    edited_run(invoke, tmp_path, kept, shared, name, file=TASHKENT, edit=WRONG[change], signed=True)


def _entity(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda value: value["entities"][0].update(fields)


ENTITY_EDITS = {  # an entities file has no record: its entry is checked as a meeting's is
    "an entity of no kind": (_entity(kind="planet"), True),
    "an entity with no name": (_entity(name=None), True),
    "another name": (_entity(name={"en": "Atlantis", "fr": "Atlantide"}), False),
}


@pytest.mark.parametrize("name", FOLDER_COMMANDS)
@pytest.mark.parametrize("change", ENTITY_EDITS)
def test_an_entities_entry_edited_is_a_miss(
    invoke: Invoke, tmp_path: Path, kept: Path, shared: Path, name: str, change: str
) -> None:
    # What the models refuse, even with its digest made anew; what they accept, by the digest.
    edit, signed = ENTITY_EDITS[change]
    edited_run(invoke, tmp_path, kept, shared, name, file=ENTITIES, edit=edit, signed=signed)


def _swap(where: Path, folder: Path) -> None:
    one, other = entry_of(where, folder / TASHKENT), entry_of(where, folder / ASTANA)
    swapped = one.with_suffix(".swap")
    one.rename(swapped)
    other.rename(one)
    swapped.rename(other)


def _copy(where: Path, folder: Path) -> None:
    shutil.copy(entry_of(where, folder / ASTANA), entry_of(where, folder / TASHKENT))


@pytest.mark.parametrize("name", FOLDER_COMMANDS)
@pytest.mark.parametrize("move", [_swap, _copy], ids=["swapped", "copied over another"])
def test_an_entry_under_another_files_name_is_a_miss(
    invoke: Invoke, tmp_path: Path, kept: Path, shared: Path, name: str, move: Callable[[Path, Path], None]
) -> None:
    result, _ = tampered_run(invoke, tmp_path, kept, shared, name, lambda where: move(where, shared))
    _same_as_read_in_full(invoke, result, name, shared)


def test_validate_never_reads_a_tampered_cache(invoke: Invoke, tmp_path: Path, shared: Path) -> None:
    root = tmp_path / "cache"
    env = {cache.ENV: str(root)}
    assert invoke("meetings", "--data", str(shared), env=env).exit_code == 0
    rewritten(entry_of(root / cache.FOLDER, shared / TASHKENT), _record(city=5), signed=True)
    cold = invoke("validate", str(shared), env={cache.ENV: ""})
    warm = invoke("validate", str(shared), env=env)
    assert warm == cold
    assert warm.exit_code == 0


# --- A cache folder that is not the user's own is not used.


def _planted(invoke: Invoke, root: Path, folder: Path) -> None:
    """A warm cache whose entry for 2019 says, with a digest made anew, that it was held elsewhere:
    what another user could plant in a folder open to them."""
    assert invoke("meetings", "--data", str(folder), env={cache.ENV: str(root)}).exit_code == 0
    rewritten(entry_of(root / cache.FOLDER, folder / TASHKENT), _record(city="Samarkand"), signed=True)


@pytest.mark.parametrize(
    ("unsafe", "problem"),
    [
        (lambda root: root.chmod(0o777), "{root} is writable by others"),
        (lambda root: root.chmod(0o770), "{root} is writable by others"),
        (lambda root: (root / cache.FOLDER).chmod(0o702), "{root}/checked-v2 is writable by others"),
        (lambda root: os.chown(root, 65534, 65534), "{root} is not owned by you"),
        (lambda root: os.chown(root / cache.FOLDER, 65534, -1), "{root}/checked-v2 is not owned by you"),
    ],
    ids=["0777", "group-writable", "its entries' folder", "another's", "its entries' folder another's"],
)
def test_a_cache_folder_that_is_not_the_users_own_is_not_used(
    invoke: Invoke,
    tmp_path: Path,
    shared: Path,
    unsafe: Callable[[Path], None],
    problem: str,
) -> None:
    if "not owned" in problem and os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    root = tmp_path / "cache"
    _planted(invoke, root, shared)
    unsafe(root)
    warning = f"ca-summit: warning: the cache folder {problem.format(root=root)}; the cache is off\n"
    before = sorted(root.rglob("*"))
    for name in ("meetings", "facts --meeting"):
        result = invoke(*FOLDER_COMMANDS[name], "--data", str(shared), env={cache.ENV: str(root)})
        assert result.exit_code == 0
        assert result.stderr == warning  # once a run
        assert result.stdout == as_read_in_full(invoke, name, shared)
    assert sorted(root.rglob("*")) == before  # nothing written there


def test_root_may_use_a_folder_of_its_own(
    invoke: Invoke, tmp_path: Path, shared: Path, parsed: list[int]
) -> None:
    root = tmp_path / "cache"
    env = {cache.ENV: str(root)}
    assert invoke("meetings", "--data", str(shared), env=env).exit_code == 0
    assert oct(root.stat().st_mode & 0o777) == oct(0o700)  # made the user's alone
    assert oct((root / cache.FOLDER).stat().st_mode & 0o777) == oct(0o700)
    parsed.clear()
    result = invoke("meetings", "--data", str(shared), env=env)
    assert (result.exit_code, result.stderr, parsed) == (0, "", [])


# --- The folder of the old format; the bound.


def test_the_old_cache_folder_is_removed(invoke: Invoke, tmp_path: Path, shared: Path) -> None:
    root = tmp_path / "cache"
    old = root / "checked-v1"
    old.mkdir(parents=True, mode=0o700)
    (old / f"{'0' * 64}.json").write_text(json.dumps({"record": 5}), encoding="utf-8")
    result = invoke("meetings", "--data", str(shared), "--json", env={cache.ENV: str(root)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert sorted(path.name for path in root.iterdir()) == [cache.FOLDER]


def test_an_old_cache_folder_that_is_a_link_is_removed_not_followed(
    invoke: Invoke, tmp_path: Path, shared: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    root = tmp_path / "cache"
    root.mkdir(mode=0o700)
    (root / "checked-v1").symlink_to(elsewhere)
    assert invoke("meetings", "--data", str(shared), env={cache.ENV: str(root)}).exit_code == 0
    assert not os.path.lexists(root / "checked-v1")
    assert (elsewhere / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_folder_larger_than_the_bound_is_kept_whole(
    folder: Path, entries: Path, parsed: list[int], load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    load(folder)
    assert len(list(entries.glob("*.entry"))) == FILES  # the run's own entries are never pruned
    parsed.clear()
    load(folder)
    assert parsed == []  # the next run finds every file: no miss, no write, no prune
    assert not list(entries.glob("*.tmp"))


def _folders(tmp_path: Path, count: int, files: int) -> list[Path]:
    found = []
    for n in range(count):
        where = tmp_path / f"folder-{n}"
        where.mkdir()
        for edition in range(1, files + 1):
            year = 2030 + 10 * n + edition
            text = meeting_text(edition, f"{year}-05-01", f"e{n}x{edition}")
            (where / f"{year}-m.yaml").write_text(text, encoding="utf-8")
        found.append(where)
    return found


def test_two_folders_used_in_turn_both_stay_past_the_bound(
    tmp_path: Path, entries: Path, parsed: list[int], load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    first, second = _folders(tmp_path, 2, 3)
    load(first)
    load(second)  # six entries, past MAX_ENTRIES, but within twice what a run uses
    assert len(list(entries.glob("*.entry"))) == 6
    parsed.clear()
    load(first)
    load(second)
    assert parsed == []  # in turn, neither misses: no thrashing


def test_past_the_bound_the_oldest_entries_no_run_used_go_first(
    tmp_path: Path, entries: Path, parsed: list[int], load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    first, second, third = _folders(tmp_path, 3, 3)
    for folder in (first, second, third):
        load(folder)
    assert len(list(entries.glob("*.entry"))) == 6  # the first folder's, the oldest, went
    parsed.clear()
    load(second)
    load(third)
    assert parsed == []
    load(first)
    assert len(parsed) == 3


def test_a_run_on_a_small_folder_takes_out_no_more_than_it_adds(
    tmp_path: Path, entries: Path, parsed: list[int], load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 20: a run on another folder cut a folder larger than the bound to half the bound, and
    # its next run then missed, wrote and pruned more than a run with the cache off would read.
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    (big,) = _folders(tmp_path, 1, 6)
    small = tmp_path / "small"
    small.mkdir()
    (small / "2099-m.yaml").write_text(meeting_text(1, "2099-05-01", "sx1"), encoding="utf-8")
    load(big)
    load(small)  # seven entries, past the bound of 2 x 1: the small run may take out one, its own count
    assert len(list(entries.glob("*.entry"))) == 6
    parsed.clear()
    load(big)
    assert len(parsed) == 1  # one miss, where the old rule left the big folder two entries of six


# --- The code an entry is bound to.


def _imports(path: Path, package: str) -> set[str]:
    """The modules of ca_summit a source file imports, anywhere in it, read by Python's own parser."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] == "ca_summit":
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "ca_summit")
    return found


def test_an_entry_is_bound_to_every_module_that_decides_a_verdict() -> None:
    import importlib.util

    package = Path(cache.__file__).parents[1]
    expected: set[Path] = set()
    todo = [f"ca_summit.corpus.{name}" for name in ("loader", "crossref", "models", "cache")]
    while todo:
        name = todo.pop()
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # a name imported from a module, not a module
            continue
        if spec is None or spec.origin is None or Path(spec.origin) in expected:
            continue
        expected.add(Path(spec.origin))
        parts = name.split(".")
        todo += [".".join(parts[:n]) for n in range(1, len(parts))]
        inside = name if spec.submodule_search_locations else name.rpartition(".")[0]
        todo += _imports(Path(spec.origin), inside)
    assert {path.relative_to(package) for path in cache.code_files()} == {
        path.relative_to(package) for path in expected
    }
    assert {"crossref.py", "loader.py", "models.py", "cache.py", "limits.py"} <= {
        path.name for path in expected
    }


def test_every_file_of_that_code_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    cache._checker.cache_clear()
    before = cache._checker()
    original = Path.read_bytes
    try:
        for changed in cache.code_files():

            def reading(path: Path, changed: Path = changed) -> bytes:
                return original(path) + (b"\n# changed" if path == changed else b"")

            monkeypatch.setattr(Path, "read_bytes", reading)
            cache._checker.cache_clear()
            assert cache._checker() != before, changed
    finally:
        monkeypatch.undo()
        cache._checker.cache_clear()


def test_an_unsafe_folder_is_named_once_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ca_summit.render.stderr import new_run

    root = tmp_path / "open"
    root.mkdir(mode=0o777)
    root.chmod(0o777)
    monkeypatch.setenv(cache.ENV, str(root))
    new_run()
    assert cache.open_cache() is None
    assert cache.open_cache() is None  # a second load in the same run
    warning = f"ca-summit: warning: the cache folder {root} is writable by others; the cache is off\n"
    assert capsys.readouterr().err == warning
    new_run()
    assert cache.open_cache() is None
    assert capsys.readouterr().err == warning
