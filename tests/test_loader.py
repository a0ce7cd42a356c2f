"""The loader: safe parsing, YAML 1.1 traps, and errors at the right line and column."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_summit.corpus.loader import MAX_BYTES, _resolve_plain, check, load_meeting_file, parse, read_text
from ca_summit.errors import SummitError

from conftest import MINIMAL

Write = Callable[..., Path]


def problems_of(text: str) -> list[str]:
    _, problems = check(text, "f.yaml")
    return [str(p) for p in problems]


def test_minimal_file_is_valid(write: Write) -> None:
    summit = load_meeting_file(write(MINIMAL))
    assert summit.meeting.edition == 6
    assert summit.trade is None


def test_plain_scalars_follow_yaml_1_2() -> None:
    doc = parse("a: NO\nb: yes\nc: 1e9\nd: 2023-09-14\ne: true\nf: ~\ng: 0x1F\nh: '12'\ni: 015\n")
    assert doc.value == {
        "a": "NO",
        "b": "yes",
        "c": 1e9,
        "d": "2023-09-14",
        "e": True,
        "f": None,
        "g": 31,
        "h": "12",
        "i": 15,
    }


def test_norway_stays_a_country_code(write: Write) -> None:
    text = MINIMAL.replace("code: KZ", "code: NO").replace("by: [KZ]", "by: [NO]")
    summit = load_meeting_file(write(text))
    assert summit.participants[0].code == "NO"


def test_unquoted_date_is_a_date(write: Write) -> None:
    assert str(load_meeting_file(write(MINIMAL)).meeting.date) == "2024-08-09"


def test_number_where_text_is_expected_is_an_error_at_its_line() -> None:
    text = MINIMAL.replace("text: {fr: Le commerce croît., en: Trade grows.}", "text: {fr: 2023, en: Trade}")
    assert problems_of(text) == [
        "f.yaml:18:20: areas.0.points.0.text.fr: Input should be a valid string; quote it to make it text"
    ]


def test_quoted_number_is_not_an_integer() -> None:
    assert problems_of(MINIMAL.replace("edition: 6", 'edition: "6"')) == [
        "f.yaml:5:12: meeting.edition: Input should be a valid integer; write a whole number without quotes"
    ]


def test_bad_date() -> None:
    assert problems_of(MINIMAL.replace("2024-08-09", "9 August 2024")) == [
        "f.yaml:6:9: meeting.date: expected an ISO date such as 2023-09-14, got '9 August 2024'"
    ]


def test_unknown_key_points_at_the_key() -> None:
    text = MINIMAL.replace("  edition: 6\n", "  edition: 6\n  edtion: 6\n")
    assert problems_of(text) == ["f.yaml:6:3: meeting.edtion: Extra inputs are not permitted"]


def test_missing_field_points_at_its_mapping() -> None:
    text = MINIMAL.replace("  quote: la réunion\n", "")
    assert problems_of(text) == ["f.yaml:4:3: meeting.quote: Field required"]


def test_duplicate_key_points_at_the_second() -> None:
    text = MINIMAL.replace("  edition: 6\n", "  edition: 6\n  edition: 7\n")
    assert problems_of(text) == ["f.yaml:6:3: meeting.edition: duplicate key 'edition'"]


def test_every_problem_is_reported_each_at_its_line() -> None:
    text = (
        MINIMAL.replace("edition: 6", "edition: six")
        .replace("code: KZ", "code: kz")
        .replace("kind: statement", "kind: rumour")
        .replace("by: [KZ]", "by: [KZ, XX]")
    )
    problems = problems_of(text)
    assert problems == [
        "f.yaml:5:12: meeting.edition: Input should be a valid integer; write a whole number without quotes",
        "f.yaml:9:12: participants.0.code: String should match pattern '^[A-Z]{2}$'",
        "f.yaml:16:15: areas.0.points.0.kind: Input should be 'statement', 'proposal', 'advocacy', "
        "'announcement', 'estimate', 'observation', 'concern' or 'context'",
    ]


def test_cross_checks_are_located() -> None:
    text = MINIMAL.replace("by: [KZ]", "by: [KZ, XX]").replace("- id: point", "- id: trade")
    assert problems_of(text) == [
        "f.yaml:15:13: areas.0.points.0.id: duplicate id 'trade' (first used at areas.0.id)",
        "f.yaml:17:18: areas.0.points.0.by.1: unknown actor 'XX': not a participant code or a person id",
    ]


def test_load_meeting_file_raises_one_line_naming_the_rest(write: Write) -> None:
    path = write(MINIMAL.replace("edition: 6", "edition: six").replace("code: KZ", "code: kz"))
    with pytest.raises(SummitError) as caught:
        load_meeting_file(path)
    assert caught.value.message == (
        f"{path}:5:12: meeting.edition: Input should be a valid integer; write a whole number without "
        f"quotes (and 1 more problem; run 'ca-summit validate {path}')"
    )
    assert "\n" not in caught.value.message
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2\n", "f.yaml:2:1: invalid YAML: did not find expected ',' or ']'"),
        ("a: b\n---\na: c\n", "f.yaml:2:1: a data file holds one YAML document, found a second"),
        ("", "f.yaml:1:1: the file holds no data"),
        ("# only a comment\n", "f.yaml:1:1: the file holds no data"),
        ("a: *nowhere\n", "f.yaml:1:4: unknown alias *nowhere"),
        ("? [a, b]\n: c\n", "f.yaml:1:3: keys must be text"),
        (
            "a: !!python/object/apply:os.system [echo hi]\n",
            "f.yaml:1:4: a: tag !!python/object/apply:os.system is not allowed: plain YAML data only",
        ),
        ("a: !!binary aGk=\n", "f.yaml:1:4: a: tag !!binary is not allowed: plain YAML data only"),
        ("a: !!int x\n", "f.yaml:1:4: a: 'x' is not a valid int"),
        ("a: " + "9" * 5000 + "\n", "f.yaml:1:4: a: integer too large"),
    ],
)
def test_yaml_level_problems(text: str, expected: str) -> None:
    assert expected in problems_of(text)


def test_no_tag_runs_code(tmp_path: Path, write: Write) -> None:
    marker = tmp_path / "pwned"
    path = write(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(SummitError):
        load_meeting_file(path)
    assert not marker.exists()


def test_alias_bomb_is_refused_before_expansion() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    problems = problems_of("\n".join(lines) + "\n")
    assert len(problems) == 1
    assert "expands to more than 100000 nodes (too many aliases?)" in problems[0]


def test_deep_flow_nesting_is_refused() -> None:
    problems = problems_of("[" * 10_000 + "]" * 10_000 + "\n")
    assert len(problems) == 1
    assert "nest" in problems[0]


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(100))
    assert problems_of(text) == ["f.yaml:65:129: nested deeper than 64 levels"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SummitError, match=r"nope\.yaml: no such file$"):
        load_meeting_file(tmp_path / "nope.yaml")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SummitError, match=r": is a directory, not a data file$"):
        read_text(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SummitError, match=r": is not a regular file, not a data file$"):
        read_text(fifo)


def test_device_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(SummitError, match=r"/dev/zero: is not a regular file"):
        read_text(Path("/dev/zero"))


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(SummitError, match=r"larger than 32 MiB, refused$"):
        read_text(big)


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: b\nc: Réunion\n".encode("latin-1"))
    with pytest.raises(SummitError) as caught:
        read_text(path)
    assert caught.value.message == f"{path}:2:5: not UTF-8 text (byte 0xe9)"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_meeting_file(path).meeting.edition == 6


# The YAML 1.2 core schema's own patterns (https://yaml.org/spec/1.2.2/#1032-tag-resolution); the
# loader resolves without them, for start-up time, and must agree with them on every string.
_CORE_PATTERNS = {
    "null": r"null|Null|NULL|~|",
    "bool": r"true|True|TRUE|false|False|FALSE",
    "int": r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+",
    "float": r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN",
}


def _by_the_spec(value: str) -> str:
    for name, pattern in _CORE_PATTERNS.items():
        if re.fullmatch(pattern, value):
            return name
    return "str"


@given(st.text(alphabet="0123456789+-.eExoabfinINFtrulsTRULSN~_ ", max_size=12))
def test_plain_scalars_resolve_as_the_spec_says(value: str) -> None:
    assert _resolve_plain(value) == "tag:yaml.org,2002:" + _by_the_spec(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "~",
        "null",
        "true",
        "FALSE",
        "0",
        "-7",
        "+7",
        "0o17",
        "0x1F",
        "0o",
        "0x",
        "08",
        "1.",
        ".5",
        "+.5",
        "-.5",
        "1e5",
        "1E-5",
        ".e5",
        "1.e5",
        ".",
        "+",
        "e",
        "1_0",
        ".inf",
        "-.Inf",
        ".NaN",
        "nan",
        "inf",
        "1e",
    ],
)
def test_plain_scalar_edges(value: str) -> None:
    assert _resolve_plain(value) == "tag:yaml.org,2002:" + _by_the_spec(value)


def test_aliases_of_a_long_text_are_refused_by_their_characters() -> None:
    # 251 aliases are few nodes, but 251 copies of 4,000 characters are more than the budget.
    text = f"a: &a {'x' * 4000}\nb: [{', '.join(['*a'] * 300)}]\n"
    assert problems_of(text) == [
        f"f.yaml:2:{5 + 4 * 250}: aliases expand to more than 1000000 characters (too many aliases?)"
    ]


def test_aliases_within_the_character_budget_are_expanded() -> None:
    doc = parse(f"a: &a {'x' * 4000}\nb: [{', '.join(['*a'] * 250)}]\n")
    assert len(doc.value["b"]) == 250
    assert doc.value["b"][249] == "x" * 4000


def test_many_problems_are_each_reported() -> None:
    text = MINIMAL + "people: [" + ", ".join(["1"] * 5000) + "]\n"
    problems = problems_of(text)
    assert len(problems) == 5000
    assert problems[-1] == (
        f"f.yaml:20:{10 + 3 * 4999}: people.4999: Input should be a valid dictionary or instance of Person"
    )


def test_format_version_true_is_not_one() -> None:
    assert problems_of(MINIMAL.replace("format_version: 2", "format_version: true")) == [
        "f.yaml:1:17: format_version: expected the number 2 (or 1), got true"
    ]


@pytest.mark.parametrize(
    "date", ["2023-W37-4", "2023-257", "2023-09-14T10:00", "2023-9-14", "２０２３-09-14"]
)
def test_only_yyyy_mm_dd_is_a_date(date: str) -> None:
    assert problems_of(MINIMAL.replace("2024-08-09", date)) == [
        f"f.yaml:6:9: meeting.date: expected an ISO date such as 2023-09-14, got {date!r}"
    ]


@pytest.mark.parametrize("key", ["1", "[a]", "{a: 1}", "null", "true"])
def test_a_key_that_is_not_text_hides_no_other_problem(key: str) -> None:
    text = MINIMAL.replace("  edition: 6\n", f"  edition: six\n  {key}: 1\n  edtion: 1\n")
    assert problems_of(text) == [
        "f.yaml:5:12: meeting.edition: Input should be a valid integer; write a whole number without quotes",
        "f.yaml:6:3: meeting: keys must be text",
        "f.yaml:7:3: meeting.edtion: Extra inputs are not permitted",
    ]


def test_a_base_year_without_room_for_the_growth_period(bundled_text: str) -> None:
    text = bundled_text.replace("base_year: 2022", "base_year: 5")
    assert "base_year: 5" in text
    assert [p.split(": ", 1)[1] for p in problems_of(text)] == [
        "trade: base year 5 leaves no room for the 5-year period before it"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'a: "x\u2028y"\nb: 1\nc: !!binary x\n',
            "f.yaml:3:4: c: tag !!binary is not allowed: plain YAML data only",
        ),
        (
            'a: "\u2029\u2029"\nc: !!binary x\n',
            "f.yaml:2:4: c: tag !!binary is not allowed: plain YAML data only",
        ),
        ('a: "\r\r"\nc: !!binary x\n', "f.yaml:2:4: c: tag !!binary is not allowed: plain YAML data only"),
        ('a: "\x85"\nc: !!binary x\n', "f.yaml:2:4: c: tag !!binary is not allowed: plain YAML data only"),
        ("a: ééé {x: 1}\n", "f.yaml:1:10: invalid YAML: mapping values are not allowed in this context"),
        ("a: éé\x01\n", "f.yaml:1:6: invalid YAML: control characters are not allowed"),
        ("a: 😀\x01", "f.yaml:1:5: invalid YAML: control characters are not allowed"),
        ('a: "\u2028"\nb: [1\n', "f.yaml:3:1: invalid YAML: did not find expected ',' or ']'"),
    ],
)
def test_positions_count_characters_and_lines_end_at_lf_only(text: str, expected: str) -> None:
    assert problems_of(text)[-1] == expected


def test_a_not_utf8_byte_is_located_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_bytes("a: b\nc: ééé".encode() + b"\xff\n")
    with pytest.raises(SummitError) as caught:
        read_text(path)
    assert caught.value.message == f"{path}:2:7: not UTF-8 text (byte 0xff)"
