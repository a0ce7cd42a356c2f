"""Amounts and rates as people type them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_summit.cli.parsing import parse_amount, parse_rate


@pytest.mark.parametrize(
    "text",
    [
        "15e9",
        "15E9",
        "1.5e10",
        "15000000000",
        "15_000_000_000",
        "15 000 000 000",
        "15\u00a0000\u00a0000\u00a0000",
        "15bn",
        "15 bn",
        "15B",
        "15b",
        "$15B",
        "$15bn",
        "US$15B",
        "USD 15bn",
        "15bn USD",
        "15 billion",
        "15 Billion",
        "15 billions",
        "15 milliards",
        "15 milliards de dollars",
        "15 Md",
        "15Md",
        "15 Mds",
        "15 Mrd",
        "15000M",
        "15000 mn",
        "15000 million",
        "0.015T",
        "0.015 tn",
        "15000000k",
        " 15e9 ",
        "15 billion dollars",
        "15\u202fMd",
        "15 Mrd.",
    ],
)
def test_fifteen_billion_every_way(text: str) -> None:
    assert parse_amount(text) == pytest.approx(15e9, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "is not an amount"),
        ("abc", "is not an amount"),
        ("15 zillion", "is not an amount"),
        ("nan", "is not an amount"),
        ("inf", "is not an amount"),
        ("-inf", "is not an amount"),
        ("Infinity", "is not an amount"),
        ("15,000", "is not an amount"),
        ("1e9e9", "is not an amount"),
        ("0", "is not a positive amount"),
        ("-15e9", "is not a positive amount"),
        ("-0", "is not a positive amount"),
        ("0.0bn", "is not a positive amount"),
        ("1e400", "is not a positive amount"),
        ("1e-400", "is not a positive amount"),
        ("1e19", "out of range"),
        ("0.001", "out of range"),
        ("9" * 500, "is not an amount"),
    ],
)
def test_bad_amounts(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as caught:
        parse_amount(text)
    assert "expected" in str(caught.value) or "amounts go from" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.05", 0.05),
        ("5%", 0.05),
        ("5 %", 0.05),
        ("-2%", -0.02),
        ("0", 0.0),
        ("-0", 0.0),
        ("1e-9", 1e-9),
        ("12.5%", 0.125),
        (".5", 0.5),
        ("150%", 1.5),
        ("1_000%", 10.0),
    ],
)
def test_rates(text: str, expected: float) -> None:
    value = parse_rate(text)
    assert value == pytest.approx(expected)
    assert math.copysign(1, value) == 1 or expected < 0


@pytest.mark.parametrize("text", ["", "five", "nan", "inf", "-100%", "-1", "-2", "1e400", "1e7", "5%%"])
def test_bad_rates(text: str) -> None:
    with pytest.raises(ValueError, match=r"rate|range"):
        parse_rate(text)


@given(st.text(max_size=60))
def test_amount_parser_never_crashes(text: str) -> None:
    try:
        value = parse_amount(text)
    except ValueError:
        return
    assert math.isfinite(value) and value > 0


@given(st.text(max_size=60))
def test_rate_parser_never_crashes(text: str) -> None:
    try:
        value = parse_rate(text)
    except ValueError:
        return
    assert math.isfinite(value) and value > -1
