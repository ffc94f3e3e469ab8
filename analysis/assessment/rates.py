"""Rates and ratios of progress towards a target, as the published methods define them.

See ../shared/reference/progress-methods.md (worked example A is the test oracle):

- **growth-rate ratio** (Eurostat; Statistics Canada / Open SDG):
  ``R = d · CAGR_observed / |CAGR_required|`` from the baseline year, with the thresholds
  0.95 / 0.60 / 0: on track · moderate progress, acceleration needed · insufficient progress ·
  moving away;
- **linear-rate ratio** (SDSN): the same with yearly changes in points instead of compound rates;
- **expected-progress ratio** (UNSD from 2023): ``P = (ŷ_T − y_b) / (y* − y_b)`` with ``ŷ_T`` the
  latest value carried to the deadline at the observed compound rate; ≥ 0.95 on track,
  0.10–0.95 fair progress but acceleration needed, < 0.10 stagnation or regression;
- the yearly rate needed from now (:func:`required_rate`), and words for a probability.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

__all__ = ["RequiredRate", "required_rate", "growth_rate_ratio", "linear_rate_ratio", "expected_progress_ratio",
           "status_from_ratio", "un_status", "probability_words", "THRESHOLDS", "missing"]

THRESHOLDS = (0.95, 0.60, 0.0)
"""Growth-rate ratio thresholds: on track · moderate progress · insufficient · moving away."""


class RequiredRate(NamedTuple):
    """The yearly change needed to go from the latest value to the target by the deadline."""

    points_per_year: float
    """Change per year in the indicator's units (percentage points for a percentage)."""
    percent_per_year: float
    """Compound change per year, in percent of the value."""


def required_rate(latest_value: float, latest_year: int, target_value: float, target_year: int) -> RequiredRate:
    """Yearly rate needed from now: points per year and compound percent per year.

    Worked example A of progress-methods.md §0.1 (a poverty rate of 7.5 % in 2022):

    >>> r = required_rate(7.5, 2022, 5.0, 2025)
    >>> round(r.points_per_year, 2), round(r.percent_per_year, 1)
    (-0.83, -12.6)
    >>> r = required_rate(7.5, 2022, 3.0, 2030)
    >>> round(r.points_per_year, 2), round(r.percent_per_year, 1)
    (-0.56, -10.8)

    The compound rate is undefined from a value of 0 (NaN); a deadline already reached gives
    NaN for both.
    """
    years = target_year - latest_year
    if years <= 0 or any(map(missing, (latest_value, target_value))):
        return RequiredRate(math.nan, math.nan)
    points = (target_value - latest_value) / years
    if latest_value > 0 and target_value >= 0:
        percent = ((target_value / latest_value) ** (1 / years) - 1) * 100
    else:
        percent = math.nan
    return RequiredRate(points, percent)


def missing(value) -> bool:
    """True for None, NaN and pandas' NA.

    >>> missing(None), missing(float("nan")), missing(0.0)
    (True, True, False)
    """
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _cagr(first: float, last: float, years: float) -> float:
    if years <= 0 or first <= 0 or last < 0:
        return math.nan
    return (last / first) ** (1 / years) - 1


def growth_rate_ratio(base_value: float, base_year: int, latest_value: float, latest_year: int,
                      target_value: float, target_year: int, direction: int) -> float:
    """Eurostat / Statistics Canada ratio of observed to required compound growth from the base.

    ``direction`` is +1 when an increase is progress, -1 when a decrease is.

    >>> round(growth_rate_ratio(12.0, 2015, 7.5, 2022, 5.0, 2025, -1), 3)  # worked example A
    0.775
    >>> round(growth_rate_ratio(12.0, 2015, 7.5, 2022, 3.0, 2030, -1), 3)
    0.736
    """
    observed = _cagr(base_value, latest_value, latest_year - base_year)
    required = _cagr(base_value, target_value, target_year - base_year)
    if math.isnan(observed) or math.isnan(required) or required == 0 or target_value <= 0:
        return math.nan
    return direction * observed / abs(required)


def linear_rate_ratio(base_value: float, base_year: int, latest_value: float, latest_year: int,
                      target_value: float, target_year: int, direction: int) -> float:
    """SDSN-style ratio of the observed to the required change per year, from the base.

    >>> round(linear_rate_ratio(12.0, 2015, 7.5, 2022, 5.0, 2025, -1), 3)  # worked example A
    0.918
    >>> round(linear_rate_ratio(12.0, 2015, 7.5, 2022, 3.0, 2030, -1), 3)
    1.071
    """
    if latest_year <= base_year or target_year <= base_year:
        return math.nan
    observed = (latest_value - base_value) / (latest_year - base_year)
    required = (target_value - base_value) / (target_year - base_year)
    if required == 0:
        return math.nan
    return direction * observed / abs(required)


def expected_progress_ratio(base_value: float, base_year: int, latest_value: float, latest_year: int,
                            target_value: float, target_year: int) -> float:
    """UNSD (2023) share of the base-to-target distance covered by the deadline at the
    observed compound rate.

    >>> round(expected_progress_ratio(12.0, 2015, 7.5, 2022, 5.0, 2025), 3)  # worked example A
    0.838
    >>> round(expected_progress_ratio(12.0, 2015, 7.5, 2022, 3.0, 2030), 3)
    0.846
    """
    rate = _cagr(base_value, latest_value, latest_year - base_year)
    if math.isnan(rate) or target_value == base_value:
        return math.nan
    expected = latest_value * (1 + rate) ** (target_year - latest_year)
    return (expected - base_value) / (target_value - base_value)


def status_from_ratio(ratio: float) -> str:
    """Status key for a growth-rate (or linear-rate) ratio.

    >>> [status_from_ratio(r) for r in (1.2, 0.95, 0.775, 0.6, 0.3, 0.0, -0.1)]
    ['on_track', 'on_track', 'moderate', 'moderate', 'insufficient', 'insufficient', 'moving_away']
    """
    if math.isnan(ratio):
        return "too_little_data"
    on_track, moderate, insufficient = THRESHOLDS
    if ratio >= on_track:
        return "on_track"
    if ratio >= moderate:
        return "moderate"
    if ratio >= insufficient:
        return "insufficient"
    return "moving_away"


def un_status(ratio: float) -> str:
    """UNSD 2023 status key for an expected-progress ratio.

    >>> un_status(0.838), un_status(0.97), un_status(0.05)
    ('un_fair', 'un_on_track', 'un_stagnation')
    """
    if math.isnan(ratio):
        return ""
    if ratio >= 0.95:
        return "un_on_track"
    if ratio >= 0.10:
        return "un_fair"
    return "un_stagnation"


def probability_words(probability: float, holding: bool = False) -> str:
    """Words for a probability of meeting a target, or, ``holding``, of still meeting a level
    met already (beside "Khó giữ mức đã đạt", "Rất khó đạt" read as a second verdict).

    >>> [probability_words(p) for p in (0.9, 0.8, 0.6, 0.5, 0.3, 0.2, 0.1)]
    ['likely', 'likely', 'possible', 'possible', 'unlikely', 'unlikely', 'very_unlikely']
    >>> probability_words(0.19, holding=True)
    'hold_very_unlikely'
    """
    if math.isnan(probability):
        return ""
    prefix = "hold_" if holding else ""
    if probability >= 0.8:
        return prefix + "likely"
    if probability >= 0.5:
        return prefix + "possible"
    if probability >= 0.2:
        return prefix + "unlikely"
    return prefix + "very_unlikely"
