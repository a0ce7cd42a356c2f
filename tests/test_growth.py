"""Compound-growth arithmetic: properties, edges, and reference values from elsewhere."""

from __future__ import annotations

import math

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_summit import growth

amounts = st.floats(min_value=0.01, max_value=1e18, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=1e-9, max_value=1e6, allow_nan=False, allow_infinity=False)
any_rates = st.floats(min_value=-0.999999, max_value=1e6, allow_nan=False, allow_infinity=False)
periods = st.integers(min_value=1, max_value=200)


def test_spreadsheet_rri() -> None:
    # RRI(96, 10000, 11000) = 0.0009933 in Excel, LibreOffice and Google Sheets.
    rate = growth.rate_to_reach(10_000, 11_000, 96)
    assert rate is not None
    assert round(rate, 7) == 0.0009933


def test_spreadsheet_pduration() -> None:
    # PDURATION(2.5%, 2000, 2200) = 3.86
    assert round(growth.periods_to_reach(2_000, 2_200, 0.025) or 0, 2) == 3.86


def test_the_article_figures() -> None:
    rate = growth.compound_rate(0.8, 5)
    assert round(rate, 6) == 0.124746
    assert round(growth.start_value(10.6e9, 0.8) / 1e9, 2) == 5.89
    assert round(growth.growth_between(10.6e9, 15e9) or 0, 4) == 0.4151
    assert round(growth.periods_to_reach(10.6e9, 15e9, rate) or 0, 2) == 2.95
    assert round(growth.rate_to_reach(10.6e9, 15e9, 8) or 0, 4) == 0.0444


@pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")  # numpy-financial's nper, pmt=0
def test_agrees_with_numpy_financial() -> None:
    start = growth.start_value(10.6e9, 0.8)
    assert growth.compound_rate(0.8, 5) == pytest.approx(float(npf.rate(5, 0, -start, 10.6e9)), rel=1e-9)
    rate = growth.compound_rate(0.8, 5)
    assert growth.periods_to_reach(10.6e9, 15e9, rate) == pytest.approx(
        float(npf.nper(rate, 0, -10.6e9, 15e9)), rel=1e-9
    )


@given(start=amounts, end=amounts, n=periods)
def test_against_numpy_financial_rate(start: float, end: float, n: int) -> None:
    rate = growth.rate_to_reach(start, end, n)
    assert rate is not None
    expected = (end / start) ** (1 / n) - 1
    assert rate == pytest.approx(expected, rel=1e-9, abs=1e-12)


@given(growth_=st.floats(min_value=-0.99, max_value=1e6), n=periods)
def test_compounding_the_implied_rate_gives_back_the_growth(growth_: float, n: int) -> None:
    rate = growth.compound_rate(growth_, n)
    assert math.isfinite(rate)
    end = growth.value_after(100.0, rate, n)
    assert end is not None
    assert end == pytest.approx(100.0 * (1 + growth_), rel=1e-9)


@given(start=amounts, small=amounts, large=amounts, rate=rates)
def test_years_to_target_grow_with_the_target(start: float, small: float, large: float, rate: float) -> None:
    small, large = min(small, large), max(small, large)
    slow, fast = growth.periods_to_reach(start, small, rate), growth.periods_to_reach(start, large, rate)
    assert slow is not None and fast is not None
    assert slow <= fast


@given(start=amounts, end=amounts, n=st.floats(min_value=1, max_value=1e4))
def test_required_rate_and_years_invert_each_other(start: float, end: float, n: float) -> None:
    rate = growth.rate_to_reach(start, end, n)
    assert rate is not None
    if end > start and rate > 0:
        years = growth.periods_to_reach(start, end, rate)
        if years is not None:
            assert years == pytest.approx(n, rel=1e-6)


@given(start=amounts, end=amounts, rate=any_rates)
def test_never_nan_never_infinite(start: float, end: float, rate: float) -> None:
    for value in (
        growth.periods_to_reach(start, end, rate),
        growth.growth_between(start, end),
        growth.value_after(start, rate, 100),
    ):
        assert value is None or math.isfinite(value)


def test_tiny_rates_keep_their_precision() -> None:
    # Without log1p, log(1 + 1e-12) loses most digits; the answer would be off by percent.
    years = growth.periods_to_reach(100.0, 101.0, 1e-12)
    assert years == pytest.approx(math.log(1.01) / 1e-12, rel=1e-9)


def test_no_growth_never_reaches_and_the_reached_is_zero() -> None:
    assert growth.periods_to_reach(10.0, 20.0, 0.0) is None
    assert growth.periods_to_reach(10.0, 20.0, -0.5) is None
    assert growth.periods_to_reach(10.0, 10.0, 0.1) == 0.0
    assert growth.periods_to_reach(10.0, 5.0, -0.5) == 0.0


def test_overflow_is_none_not_infinity() -> None:
    assert growth.value_after(1e300, 1e6, 100) is None
    assert growth.periods_to_reach(1.0, 1e18, 5e-324) is None
    # 1e300 grows to 1e306 after one period; the next would overflow, so the path stops there.
    assert [s.period for s in growth.path(1e300, 1e6, 5)] == [0, 1]
