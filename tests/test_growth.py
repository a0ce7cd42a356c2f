"""Compound-growth arithmetic: properties, edges, and reference values from elsewhere."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
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


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # numpy-financial's iterations on the way
@settings(max_examples=50)
@given(
    start=st.floats(min_value=1e3, max_value=1e15),
    ratio=st.floats(min_value=0.2, max_value=5.0),
    n=st.integers(min_value=1, max_value=40),
)
def test_against_numpy_financial_rate(start: float, ratio: float, n: int) -> None:
    # numpy-financial's RATE solves by iteration: held to realistic figures, where it converges
    # (at no growth at all it gives nan).
    assume(abs(ratio - 1) > 1e-6)
    end = start * ratio
    rate = growth.rate_to_reach(start, end, n)
    assert rate is not None
    assert rate == pytest.approx(float(npf.rate(n, 0, -start, end)), rel=1e-6, abs=1e-9)


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


# --- the path, the year a target is reached, and bounds ---------------------------------------------

positive_rates = st.floats(min_value=5e-324, max_value=1e6, allow_nan=False, allow_infinity=False)
limits = st.integers(min_value=0, max_value=9999)


def _at_or_above(start: float, rate: float, period: int, end: float) -> bool:
    value = growth.value_at(start, rate, period)
    return value is None or value >= end  # past floats is past any end


@given(start=amounts, end=amounts, rate=positive_rates, limit=limits)
def test_reach_is_the_first_path_period_at_or_above_the_end(
    start: float, end: float, rate: float, limit: int
) -> None:
    found = growth.reach(start, end, rate, limit)
    assert found.status != "never_reached"  # a positive rate gets there, if only beyond the horizon
    if found.status == "already_reached":
        assert (found.period, end <= start) == (0, True)
    elif found.status == "reached":
        assert found.period is not None and 1 <= found.period <= limit
        assert _at_or_above(start, rate, found.period, end)
        assert not _at_or_above(start, rate, found.period - 1, end)
    else:
        assert found.period is None and end > start
        assert not _at_or_above(start, rate, limit, end)


@given(start=amounts, rate=st.floats(min_value=-0.9, max_value=10), n=st.integers(min_value=1, max_value=60))
def test_a_target_on_a_path_value_is_reached_in_that_period(start: float, rate: float, n: int) -> None:
    steps = growth.path(start, rate, n)
    end = steps[-1].value
    if rate <= 0 or end <= start:
        return
    found = growth.reach(start, end, rate, n)
    assert found.status == "reached" and found.period is not None
    assert steps[found.period].value >= end > steps[found.period - 1].value
    above = math.nextafter(end, math.inf)  # a hair past the value: not reached in that period
    assert growth.reach(start, above, rate, n + 1).period in (n + 1, None)


@given(
    start=amounts, rate=st.floats(min_value=-0.999, max_value=1e3), n=st.integers(min_value=0, max_value=40)
)
def test_path_values_are_the_exact_values_rounded_once(start: float, rate: float, n: int) -> None:
    exact = Fraction(start) * (1 + Fraction(rate)) ** n
    try:
        expected: float | None = float(exact)
    except OverflowError:
        expected = None
    assert growth.value_at(start, rate, n) == (None if expected is None or math.isinf(expected) else expected)


def test_reach_on_the_article_figures() -> None:
    rate = growth.compound_rate(0.8, 5)
    assert growth.reach(10.6e9, 15e9, rate, 7977) == growth.Reach("reached", 3)
    assert growth.reach(10.6e9, 10_600_000_001, rate, 7977) == growth.Reach("reached", 1)
    assert growth.reach(10.6e9, 15e9, 1e-320, 7977) == growth.Reach("beyond_horizon", None)
    assert growth.reach(10.6e9, 15e9, 0.0, 7977) == growth.Reach("never_reached", None)
    assert growth.reach(10.6e9, 10e9, -0.5, 7977) == growth.Reach("already_reached", 0)
    assert growth.reach(10.6e9, 15e9, rate, 0) == growth.Reach("beyond_horizon", None)


def test_combine_flips_bounds_of_falling_inputs() -> None:
    lower, upper, about = (
        growth.Known(1.0, "lower"),
        growth.Known(1.0, "upper"),
        growth.Known(1.0, None, True),
    )
    exact = growth.Known(1.0)
    assert growth.combine(2.0, (lower,), (exact,)) == growth.Known(2.0, "lower", False)
    assert growth.combine(2.0, (exact,), (lower,)) == growth.Known(2.0, "upper", False)
    assert growth.combine(2.0, (lower,), (upper,)) == growth.Known(2.0, "lower", False)
    assert growth.combine(2.0, (lower,), (lower,)) == growth.Known(2.0, None, True)
    assert growth.combine(2.0, (about,), (upper,)) == growth.Known(2.0, "lower", True)
    assert growth.combine(2.0) == growth.Known(2.0, None, False)


bounds = st.sampled_from([None, "lower", "upper"])
factors = st.floats(min_value=1.0, max_value=3.0)


def _moved(value: float, bound: str | None, factor: float) -> float:
    """Somewhere the true value may be, given its bound: above a lower bound, below an upper one."""
    return value * factor if bound == "lower" else value / factor if bound == "upper" else value


@given(
    start=st.floats(min_value=1e6, max_value=1e12),
    end=st.floats(min_value=1e6, max_value=1e12),
    rate=st.floats(min_value=0.01, max_value=1.0),
    start_bound=bounds,
    rate_bound=bounds,
    k=factors,
    j=factors,
)
def test_bounds_hold_where_the_inputs_may_truly_be(
    start: float, end: float, rate: float, start_bound: Any, rate_bound: Any, k: float, j: float
) -> None:
    """What combine says of the years and of a path value holds for any true inputs the bounds allow."""
    current, pace = growth.Known(start, start_bound), growth.Known(rate, rate_bound)
    true_start, true_rate = _moved(start, start_bound, k), _moved(rate, rate_bound, j)
    years = growth.periods_to_reach(start, end, rate)
    true_years = growth.periods_to_reach(true_start, end, true_rate)
    assert years is not None and true_years is not None
    said = growth.combine(years, (growth.Known(end),), (current, pace))
    if said.bound == "upper":
        assert true_years <= years * (1 + 1e-9) + 1e-9
    elif said.bound == "lower":
        assert true_years >= years * (1 - 1e-9) - 1e-9
    value, true_value = growth.value_at(start, rate, 5), growth.value_at(true_start, true_rate, 5)
    assert value is not None and true_value is not None
    said = growth.combine(value, (current, pace))
    if said.bound == "lower":
        assert true_value >= value * (1 - 1e-12)
    elif said.bound == "upper":
        assert true_value <= value * (1 + 1e-12)
    assert said.approximate == (
        start_bound is not None and rate_bound is not None and start_bound != rate_bound
    )


# --- edges found by mutation testing (mutmut on growth.py) -------------------------------------------


@pytest.mark.parametrize(("growth_", "periods"), [(0.8, 0), (0.8, -1), (-1.0, 5), (-2.0, 5)])
def test_compound_rate_refuses_no_periods_and_a_total_loss(growth_: float, periods: float) -> None:
    with pytest.raises(ValueError, match=r"^periods must be positive and growth greater than -1$"):
        growth.compound_rate(growth_, periods)


@pytest.mark.parametrize("periods", [0, -1])
def test_rate_to_reach_refuses_no_periods(periods: float) -> None:
    with pytest.raises(ValueError, match=r"^periods must be positive$"):
        growth.rate_to_reach(1.0, 2.0, periods)


def test_a_target_equal_to_the_start_is_reached_at_once_whatever_the_rate() -> None:
    assert growth.periods_to_reach(5.0, 5.0, 0.0) == 0.0
    assert growth.periods_to_reach(5.0, 5.0, -0.5) == 0.0


def test_answers_past_floats_are_none() -> None:
    # No OverflowError on the way: the infinity comes from the inputs or a division.
    assert growth.growth_between(1.0, math.inf) is None
    assert growth.rate_to_reach(1.0, math.inf, 2) is None
    assert growth.periods_to_reach(1.0, 2.0, 5e-324) is None  # log1p(1) / 5e-324
    assert growth.value_after(math.inf, 0.1, 1) is None
