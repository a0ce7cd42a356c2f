"""Hostile input: every file a user can hand us ends in one line on stderr and exit 1, with nothing
run, no hang and bounded memory; every argument ends in a clean exit 2 or a correct finite answer.
A corpus of such files lives in tests/hostile/; the large and special ones are made here."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ca_summit.corpus.loader import MAX_BYTES, check, load_meeting_file
from ca_summit.errors import SummitError

from conftest import _entry_point

_SUMMIT = load_meeting_file()
CORPUS = sorted((Path(__file__).parent / "hostile").glob("*.yaml"))
MEMORY_LIMIT_KB = 200 * 1024


Invoke = Callable[..., Any]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run from an empty folder, where a file that ran code would leave its mark."""
    monkeypatch.chdir(tmp_path)


def _assert_clean_data_error(invoke: Invoke, path: Path, tmp_path: Path) -> None:
    # In-process, through main(argv), run from tmp_path (see in_tmp): the reader refuses what is
    # not a regular file before reading it, so no FIFO or device can hang the test.
    code, stdout, stderr = invoke("--data", str(path), "areas", "--json")
    assert code == 1, stderr
    assert stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith(f"ca-summit: error: {path}"), stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "pwned.txt").exists()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_file_is_a_clean_data_error(invoke: Invoke, path: Path, tmp_path: Path) -> None:
    _assert_clean_data_error(invoke, path, tmp_path)


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 30


def test_peak_memory_of_the_worst_files(tmp_path: Path) -> None:
    worst = tmp_path / "many_keys.yaml"
    worst.write_text("".join(f"k{i}: [{i}, {i}]\n" for i in range(300_000)), encoding="utf-8")
    for path in (worst, Path(__file__).parent / "hostile" / "billion_laughs.yaml"):
        process = subprocess.Popen(
            [*_entry_point(), "--data", str(path), "areas"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 1
        assert usage.ru_maxrss < MEMORY_LIMIT_KB, f"{path.name}: {usage.ru_maxrss} KiB"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_text("source: {document: " + "x" * 3_000_000 + "}\n"), id="long-line"),
        pytest.param(lambda p: p.write_text("".join(f"k{i}: {i}\n" for i in range(150_000))), id="many-keys"),
        pytest.param(lambda p: p.open("wb").truncate(MAX_BYTES + 1), id="over-32-MiB"),
        pytest.param(lambda p: p.mkdir(), id="directory"),
        pytest.param(lambda p: os.mkfifo(p), id="fifo"),
        pytest.param(lambda p: p.symlink_to("/dev/zero"), id="device"),
        pytest.param(lambda p: p.symlink_to(p.parent / "nowhere"), id="dangling-link"),
    ],
)
def test_special_files(invoke: Invoke, tmp_path: Path, make: object) -> None:
    path = tmp_path / "special.yaml"
    make(path)  # type: ignore[operator]
    _assert_clean_data_error(invoke, path, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; permission cannot be denied")
def test_unreadable_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("format_version: 1\n")
    path.chmod(0)
    _assert_clean_data_error(invoke, path, tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["trade", "-p", "1e18", "-r", "1e6"],
        ["trade", "-p", "0.01"],
        ["trade", "-p", "1e18", "-r", "5e-324"],
        ["trade", "-p", "1e18", "-r", "-99.9999999%"],
        ["trade", "-p", "15e9", "-r", "-0"],
        ["trade", "-p", "15e9", "--by", "9999"],
        ["trade", "-p", "1e18", "--by", "2023"],
        ["trade", "-p", "15e9", "--base-year", "9999"],
        ["trade", "-p", "15e9", "--base-year", "6"],
        ["search", "x" * 100_000],
        ["search", "ï" * 1000],
    ],
    ids=lambda a: " ".join(x[:20] for x in a),
)
def test_extreme_arguments_give_finite_answers(invoke: Invoke, args: list[str]) -> None:
    code, stdout, stderr = invoke(*args, "--json")
    assert code == 0, stderr
    assert stderr == ""
    json.loads(stdout, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


def test_a_search_text_of_combining_marks_alone_is_empty(invoke: Invoke) -> None:
    # Accents are ignored, so marks with nothing to sit on leave nothing to look for.
    code, stdout, stderr = invoke("search", "\u0301\u0301", "--json")
    assert (code, stdout, stderr) == (2, "", "ca-summit: error: the search text is empty\n")


@pytest.mark.parametrize(
    "value",
    [
        "nan",
        "NaN",
        "inf",
        "-inf",
        "infinity",
        "1e309",
        "-0",
        "0x10",
        "1e-400",
        "١٥e9",
        "15e9\n15e9",
        "+-1",
        "15,5bn",
        "$",
        "bn",
        "15 bn bn",
    ],
)
def test_odd_amounts_are_usage_errors(invoke: Invoke, value: str) -> None:
    code, stdout, stderr = invoke("trade", "-p", value, "--json")
    assert code == 2, stderr
    assert stdout == "" and stderr.count("\n") == 1 and stderr.startswith("ca-summit: error: ")


# --- fuzzing the loader with mutated YAML ------------------------------------------------------

_SEED = (Path(__file__).parents[1] / "data" / "summit_2023.yaml").read_text(encoding="utf-8")[:6000]
_JUNK = st.sampled_from(
    [*":-[]{}&*!|>'\"#%@`,? \n\t", "!!python/name:os.system", "*a", "&a", "<<: ", "---", "...", "\x00", "é"]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = _SEED
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:at] + draw(_JUNK) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=40)) :]
        else:
            end = min(len(text), at + draw(st.integers(min_value=1, max_value=200)))
            text = text[:end] + text[at:end] + text[end:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_yaml_gives_only_clean_problems(text: str) -> None:
    summit, problems = check(text, "fuzz.yaml")
    assert (summit is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert "\n" not in problem.message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_only_clean_errors(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(data)
    with pytest.raises(SummitError) as caught:
        load_meeting_file(path)
    assert "\n" not in caught.value.message


# --- fuzzing the projection ---------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    target=st.floats(min_value=0.01, max_value=1e18),
    rate=st.one_of(st.none(), st.floats(min_value=-0.999999, max_value=1e6)),
    by_year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
    base_year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
)
def test_projection_is_finite_or_a_usage_error(
    target: float, rate: float | None, by_year: int | None, base_year: int | None
) -> None:
    from ca_summit.queries.trade import TradeRequest, trade
    from ca_summit.views.trade import present

    try:
        view = present(trade(_SUMMIT, TradeRequest(target, rate, by_year, base_year)), "en")
    except SummitError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        assert refused.exit_code == 2, refused.message
        return
    document = json.loads(view.model_dump_json(), parse_constant=lambda name: pytest.fail(name))
    projection = document["projection"]
    statuses = ("reaches_target", "already_reached", "never_reaches", "beyond_horizon")
    assert projection["projected_status"] in statuses
    assert (projection["target_year"] is None) == (
        projection["projected_status"] in ("never_reaches", "beyond_horizon")
    )
    assert 1 <= len(projection["path"]) <= 101
    years = [step["year"] for step in projection["path"]]
    assert years == list(range(years[0], years[0] + len(years)))


def test_an_edition_of_five_digits_or_more_is_refused_by_validate_and_every_command(
    invoke: Any, write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    """An edition has at most four digits, as a year: one of 10**20, which validate used to accept,
    made `export --sqlite` fail with an internal OverflowError."""
    from conftest import MINIMAL

    for edition in ("10000", "1" + "0" * 20):
        path = write(MINIMAL.replace("edition: 6", f"edition: {edition}"), f"e{len(edition)}.yaml")
        checked = invoke("validate", str(path))
        assert checked.exit_code == 1
        assert "edition: Input should be less than or equal to 9999" in checked.stdout
        for args in (["meetings", "--json"], ["export", "--sqlite", str(tmp_path / f"x{len(edition)}.db")]):
            result = invoke(*args, "--data", str(path))
            assert result.exit_code == 1 and result.stdout == ""
            assert result.stderr.count("\n") == 1 and "edition" in result.stderr
