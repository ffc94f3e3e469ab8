"""Assessing each target: where we are, where the trend leads, and what yearly rate is needed.

For every target × area × deadline, :func:`assess` reports the latest value, the target, the
gap, the yearly rate needed from now (percentage points and compound percent per year, both
ends of a range), the observed yearly change (last five years and since the plan's baseline),
a status by a named method, the UN expected-progress ratio, the probability of meeting the
target from the calibrated projection, and the year the projection reaches the target.

Methods (see ../shared/reference/progress-methods.md; the ``status_method`` column says which
one each row uses):

- **growth-rate ratio** (Eurostat; Statistics Canada / Open SDG, the default):
  ``R = d · CAGR_observed / |CAGR_required|`` from the baseline year, with the thresholds
  0.95 / 0.60 / 0: on track · moderate progress, acceleration needed · insufficient progress ·
  moving away; "achieved" when the latest value already meets the target;
- **linear-rate ratio** (SDSN): the same with yearly changes in points instead of compound
  rates. Used where compound rates are undefined (a target of 0, values at 0) and for the
  poverty target read in percentage points per year;
- **expected-progress ratio** (UNSD from 2023): ``P = (ŷ_T − y_b) / (y* − y_b)`` with ``ŷ_T`` the
  latest value carried to the deadline at the observed compound rate; ≥ 0.95 on track,
  0.10–0.95 fair progress but acceleration needed, < 0.10 stagnation or regression.

The probability comes from :func:`analysis.project` (calibrated intervals): ≥ 0.8 likely,
0.5–0.8 possible, 0.2–0.5 unlikely, < 0.2 very unlikely.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, NamedTuple

import numpy as np
import pandas as pd

from ..data.catalogue import commune_codes, load_areas, load_indicators, load_targets
from ..data.observations import load_observations
from ..projection import probability_beyond, project
from ..data.series import YearlySeries, build_series, since_latest_standard
from ..text import label, register_labels

__all__ = [
    "RequiredRate",
    "required_rate",
    "growth_rate_ratio",
    "linear_rate_ratio",
    "expected_progress_ratio",
    "status_from_ratio",
    "probability_words",
    "assess",
    "meets",
    "target_series",
    "TargetSeries",
    "COLUMNS",
]

UNTIL = 2035
"""Projections run to this year; a target not reached by then reads "not by 2035"."""

THRESHOLDS = (0.95, 0.60, 0.0)
"""Growth-rate ratio thresholds: on track · moderate progress · insufficient · moving away."""

register_labels({
    "achieved": ("Đã đạt", "Achieved"),
    "on_track": ("Đúng tiến độ", "On track"),
    "moderate": ("Có tiến bộ, cần tăng tốc", "Moderate progress, acceleration needed"),
    "insufficient": ("Tiến bộ chưa đủ", "Insufficient progress"),
    "moving_away": ("Đi ngược mục tiêu", "Moving away from the target"),
    "missed": ("Không đạt đúng hạn", "Missed at the deadline"),
    "too_little_data": ("Chưa đủ số liệu", "Too little data"),
    "no_data": ("Không có số liệu", "No data"),
    "un_on_track": ("Đã đạt hoặc đúng tiến độ", "Target met or on track"),
    "un_fair": ("Có tiến bộ, cần tăng tốc", "Fair progress, acceleration needed"),
    "un_stagnation": ("Trì trệ hoặc thụt lùi", "Stagnation or regression"),
    "likely": ("Nhiều khả năng đạt", "Likely"),
    "possible": ("Có thể đạt", "Possible"),
    "unlikely": ("Khó đạt", "Unlikely"),
    "very_unlikely": ("Rất khó đạt", "Very unlikely"),
    "not_by_2035": ("Chưa đạt trước 2035", "Not by 2035"),
    "growth_rate_ratio": ("Tỷ số tốc độ tăng trưởng (Eurostat, Thống kê Canada)",
                          "Growth-rate ratio (Eurostat, Statistics Canada)"),
    "linear_rate_ratio": ("Tỷ số tốc độ thay đổi tuyệt đối (SDSN)", "Linear-rate ratio (SDSN)"),
    "flow_ratio": ("Tỷ số số lượng bình quân năm so với mục tiêu năm", "Average yearly flow over the yearly target"),
    "deadline_passed": ("Đã qua hạn: so với giá trị năm hạn", "Deadline passed: value at the deadline"),
    "fell_below_target": ("Đã đạt ở năm gốc, nay thấp hơn mục tiêu", "Met at the baseline, below the target now"),
})


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
    if years <= 0 or any(map(_missing, (latest_value, target_value))):
        return RequiredRate(math.nan, math.nan)
    points = (target_value - latest_value) / years
    if latest_value > 0 and target_value >= 0:
        percent = ((target_value / latest_value) ** (1 / years) - 1) * 100
    else:
        percent = math.nan
    return RequiredRate(points, percent)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


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


def probability_words(probability: float) -> str:
    """Words for a probability of meeting a target.

    >>> [probability_words(p) for p in (0.9, 0.8, 0.6, 0.5, 0.3, 0.2, 0.1)]
    ['likely', 'likely', 'possible', 'possible', 'unlikely', 'unlikely', 'very_unlikely']
    """
    if math.isnan(probability):
        return ""
    if probability >= 0.8:
        return "likely"
    if probability >= 0.5:
        return "possible"
    if probability >= 0.2:
        return "unlikely"
    return "very_unlikely"


# ---------------------------------------------------------------------------------------

COLUMNS = [
    "target_id", "target_vi", "target_en", "kind", "indicator", "group", "unit",
    "area_code", "area_vi", "area_en", "area_kind", "deadline", "origin", "assumption_vi", "assumption_en",
    "latest_year", "latest_value", "base_year", "base_value", "n_points", "first_year_used", "standard",
    "target_value", "target_value_other_end", "target_low", "target_high", "gap",
    "needed_points_per_year", "needed_percent_per_year",
    "needed_points_per_year_other_end", "needed_percent_per_year_other_end",
    "observed_points_per_year_5y", "observed_points_per_year_since_base", "observed_percent_per_year_since_base",
    "ratio_5y", "ratio_since_base",
    "cumulative_since_start", "cumulative_target",
    "status", "status_ratio", "status_method", "un_progress_ratio", "un_status",
    "probability", "probability_words", "reach_year", "reach",
    "projected_median", "projected_lo_80", "projected_hi_80", "projected_lo_95", "projected_hi_95",
    "reading", "projection_method", "projection_method_vi", "illustrative", "sources", "notes_vi", "notes_en",
]
"""Columns of the table :func:`assess` returns, in order."""

_INCREASING = {"at_least": 1, "above": 1, "share_of_total": 1, "yearly_flow": 1,
               "at_most": -1, "count_to_zero": -1, "yearly_reduction": -1}


INTEGER_UNITS = ("households", "persons", "communes", "district_units", "hamlets", "party_members", "pupils",
                 "workers", "flag")
"""Units counted in whole numbers: a projection within half a unit of the target meets it."""


def _projection_threshold(level: float, kind: str, unit: str) -> float:
    """The level a continuous projection must reach for a whole-number count to meet it."""
    if unit not in INTEGER_UNITS:
        return level
    return level - 0.5 if _INCREASING[kind] > 0 else level + 0.5


def meets(value: float, target: float, kind: str) -> bool:
    """Whether ``value`` meets a target of ``target`` of this kind (strictly for "above").

    >>> meets(80.0, 80.0, "above"), meets(80.0, 80.0, "at_least"), meets(2.0, 3.0, "yearly_reduction")
    (False, True, True)
    """
    if kind == "above":
        return value > target
    if _INCREASING[kind] > 0:
        return value >= target - 1e-9
    return value <= target + 1e-9


def _base_point(part: pd.Series, plan_start: int) -> tuple[int, float]:
    """The baseline: the plan's start year if observed, else the last year before it, else
    the first year after it (always on the current standard)."""
    years = part.index
    if plan_start in years:
        year = plan_start
    elif (years < plan_start).any():
        year = int(years[years < plan_start].max())
    else:
        year = int(years.min())
    if year == int(years.max()) and len(years) > 1:
        year = int(years.min())
    return year, float(part.loc[year])


def _target_levels(row: pd.Series, base_year: int, base_value: float, reading: str) -> tuple[float, float, float]:
    """(assessed level at the deadline, level of the low end, level of the high end)."""
    kind, deadline = row["kind"], int(row["deadline"])
    if kind == "yearly_reduction":
        years = deadline - base_year
        if reading == "relative":
            low = base_value * (1 - row["low"] / 100) ** years
            high = base_value * (1 - row["high"] / 100) ** years
        else:
            low = max(0.0, base_value - row["low"] * years)
            high = max(0.0, base_value - row["high"] * years)
        return low, low, high
    if kind == "yearly_flow":
        return row["low"], row["low"], row["high"]
    return row["value"], row["value"], row["value"]


def _in_scope(scope: str, areas: pd.DataFrame, code: str) -> bool:
    """Whether a target of ``scope`` is assessed in area ``code`` (communes and towns are
    "commune"; every other kind of area is district-like)."""
    commune = code in areas.index and areas.at[code, "kind"] in ("commune", "town")
    return scope == "both" or (scope == "commune") == commune


def _default_areas(scope: str, areas: pd.DataFrame, district: str) -> list[str]:
    communes = commune_codes(areas, district)
    return {"district": [district], "commune": communes, "both": [district] + communes}[scope]


def assess(
    observations: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    *,
    areas: Iterable[str] | None = None,
    deadlines: Iterable[int] | None = None,
    poverty_reading: str = "points",
    district: str = "848",
    until: int = UNTIL,
    cache: dict | None = None,
) -> pd.DataFrame:
    """Assess every target × area × deadline; one tidy row each (columns :data:`COLUMNS`).

    Parameters
    ----------
    observations, targets
        Default: :func:`analysis.load_observations` and :func:`analysis.load_targets`.
    areas
        Area codes to assess. Default: by each target's scope, the district and/or its 15
        communes and towns. Any other area (the province, say) can be named.
    deadlines
        Deadlines to keep (default: every deadline in the catalogue).
    poverty_reading
        How "giảm … từ 3–4 %/năm" is read: ``"points"`` (percentage points a year, the
        default and the usual planning reading) or ``"relative"`` (3–4 % of the rate a year).
        The ``reading`` column says which was used.
    cache
        A dict to fill with the series and projections used, keyed by (indicator, area,
        group), so that charts can draw exactly what was assessed without projecting again.

    >>> table = assess(deadlines=[2025])
    >>> row = table.query("target_id == 'T14' and area_code == '848'").iloc[0]
    >>> row["status"], row["status_method"], round(float(row["latest_value"]), 2), int(row["latest_year"])
    ('on_track', 'growth_rate_ratio', 19.89, 2024)
    """
    if poverty_reading not in ("points", "relative"):
        raise ValueError('poverty_reading must be "points" or "relative"')
    observations = load_observations() if observations is None else observations
    targets = load_targets() if targets is None else targets
    area_table, indicators = load_areas(), load_indicators()
    targets = targets[targets["kind"] != "qualitative"]
    if deadlines is not None:
        targets = targets[targets["deadline"].isin(list(deadlines))]
    chosen = list(areas) if areas is not None else None
    rows: list[dict] = []
    cache = {} if cache is None else cache
    for _, target in targets.iterrows():
        if chosen is None:
            codes = _default_areas(target["scope"], area_table, district)
        else:
            codes = [code for code in chosen if _in_scope(target["scope"], area_table, code)]
        for code in codes:
            rows.append(_assess_one(target, code, observations, area_table, indicators, poverty_reading,
                                    until, cache))
    table = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("latest_year", "base_year", "first_year_used", "reach_year", "n_points"):
        table[column] = table[column].astype("Int64")
    table["deadline"] = table["deadline"].astype(int)
    table["illustrative"] = table["illustrative"].astype(bool)
    return table


@dataclass
class TargetSeries:
    """The data behind one target × area: the full series, the part used, and its projection."""

    series: "YearlySeries"
    used: pd.DataFrame
    """The points on the latest measurement standard (the ones projected)."""
    break_year: int | None
    standard: str
    projection: pd.DataFrame | None


def target_series(target_id: str, area_code: str, observations: pd.DataFrame | None = None,
                  until: int = UNTIL) -> TargetSeries:
    """The series and projection :func:`assess` uses for ``target_id`` in ``area_code``.

    >>> ts = target_series("T01", "848")
    >>> ts.break_year, ts.standard, ts.used.index.tolist()
    (2021, '2022-2025', [2021, 2022, 2023, 2024])
    """
    observations = load_observations() if observations is None else observations
    targets = load_targets()
    target = targets[targets["target_id"] == target_id].iloc[0]
    return _series_and_projection(target, area_code, observations, load_areas(), load_indicators(), until, {})


def _series_and_projection(target, code, observations, areas, indicators, until, cache):
    key = (target["indicator"], code, target["group"])
    if key not in cache:
        numerator = (target["numerator_indicator"], target["numerator_group"]) if target["numerator_indicator"] else None
        denominator = (target["denominator_indicator"], target["denominator_group"]) \
            if target["denominator_indicator"] else None
        series = build_series(observations, target["indicator"], code, target["group"], areas, indicators,
                              numerator, denominator)
        part, break_year, standard = since_latest_standard(series.frame)
        values = part["value"]
        bounds = indicators.at[target["indicator"], "bounds"]
        # The engine takes the level from the latest standard and only the yearly changes from older ones.
        comparable = series.frame[series.frame["standard"] != "mixed"]
        changed = comparable["standard"].ne(comparable["standard"].shift()).to_numpy()
        breaks = comparable.index[changed][1:].tolist()
        projection = project(comparable["value"], until, bounds=bounds, breaks=breaks) if len(values) else None
        cache[key] = TargetSeries(series, part, break_year, standard, projection)
    return cache[key]


def _assess_one(target, code, observations, areas, indicators, reading, until, cache) -> dict:
    kind, deadline = target["kind"], int(target["deadline"])
    direction = _INCREASING[kind]
    found = _series_and_projection(target, code, observations, areas, indicators, until, cache)
    part, break_year, standard, projection = found.used, found.break_year, found.standard, found.projection
    values = part["value"]
    area_row = areas.loc[code] if code in areas.index else None
    row = {column: math.nan for column in COLUMNS}
    row.update({
        "target_id": target["target_id"], "target_vi": target["vi"], "target_en": target["en"], "kind": kind,
        "indicator": target["indicator"], "group": target["group"],
        "unit": indicators.at[target["indicator"], "unit"],
        "area_code": code,
        "area_vi": area_row["name_vi"] if area_row is not None else code,
        "area_en": area_row["name_en"] if area_row is not None else code,
        "area_kind": area_row["kind"] if area_row is not None else "",
        "deadline": deadline, "origin": target["origin"],
        "assumption_vi": target["note_vi"], "assumption_en": target["note_en"],
        "target_low": target["low"], "target_high": target["high"],
        "n_points": len(values), "standard": standard,
        "reading": (reading if kind == "yearly_reduction" else ""),
        "illustrative": bool(part["illustrative"].any()) if len(part) else False,
        "sources": " | ".join(sorted(set(part["source"]))) if len(part) else "",
        "status_method": "", "un_status": "", "probability_words": "", "reach": "",
        "projection_method": projection.attrs["method"] if projection is not None else "",
        "projection_method_vi": projection.attrs["method_vi"] if projection is not None else "",
    })
    notes_vi, notes_en = [], []
    if projection is not None:
        notes_vi += projection.attrs["notes_vi"]
        notes_en += projection.attrs["notes"]
    if break_year is not None:
        notes_vi.insert(0, f"Chỉ dùng {len(values)} số liệu từ khi áp dụng chuẩn mới ({standard}, từ năm {break_year}).")
        notes_en.insert(0, f"Only the {len(values)} points since the {standard} standard ({break_year} on) are used.")
    if len(values) == 0:
        row.update(status="no_data", notes_vi=" ".join(notes_vi), notes_en=" ".join(notes_en))
        return row

    latest_year, latest = int(values.index[-1]), float(values.iloc[-1])
    plan_start = int(target["plan_start"])
    since = values[values.index >= plan_start]  # the plan's years
    base_year, base_value = _base_point(values, plan_start)
    target_level, level_low, level_high = _target_levels(target, base_year, base_value, reading)
    row.update(latest_year=latest_year, latest_value=latest, base_year=base_year, base_value=base_value,
               first_year_used=int(values.index[0]), target_value=target_level, gap=target_level - latest)
    if kind in ("yearly_reduction", "yearly_flow"):
        row["target_value_other_end"] = level_high
    if kind == "yearly_reduction":
        if level_low == 0 and reading == "points":
            notes_vi.append(f"Giảm {target['low']:g} điểm %/năm từ {base_value:.1f}% năm {base_year} thì đến {deadline} "
                            "tỷ lệ hộ nghèo về 0%: mục tiêu khi đó có nghĩa là xóa hộ nghèo.")
            notes_en.append(f"At {target['low']:g} points a year from {base_value:.1f} % in {base_year} the rate reaches 0 % "
                            f"by {deadline}: the target then means ending poverty.")

    # needed rates
    needed = required_rate(latest, latest_year, level_low, deadline)
    other = required_rate(latest, latest_year, level_high, deadline)
    row.update(needed_points_per_year=needed.points_per_year, needed_percent_per_year=needed.percent_per_year)
    if kind in ("yearly_reduction", "yearly_flow"):
        row.update(needed_points_per_year_other_end=other.points_per_year,
                   needed_percent_per_year_other_end=other.percent_per_year)

    # observed changes
    window = values[values.index >= latest_year - 5]
    if len(window) >= 2:
        row["observed_points_per_year_5y"] = (latest - float(window.iloc[0])) / (latest_year - int(window.index[0]))
    if latest_year > base_year:
        row["observed_points_per_year_since_base"] = (latest - base_value) / (latest_year - base_year)
        cagr = _cagr(base_value, latest, latest_year - base_year)
        row["observed_percent_per_year_since_base"] = cagr * 100 if not math.isnan(cagr) else math.nan
    if kind == "yearly_flow":
        years_total = deadline - plan_start + 1
        cumulative_target = target["low"] * years_total
        done = float(since.sum())
        remaining_years = deadline - latest_year
        row.update(cumulative_since_start=done, cumulative_target=cumulative_target)
        row["needed_points_per_year"] = (max(0.0, cumulative_target - done) / remaining_years
                                         if remaining_years > 0 else math.nan)
        row["needed_points_per_year_other_end"] = (
            max(0.0, target["high"] * years_total - done) / remaining_years if remaining_years > 0 else math.nan)
        row["needed_percent_per_year"] = row["needed_percent_per_year_other_end"] = math.nan
    needed_pts = row["needed_points_per_year"]
    if not _missing(needed_pts) and needed_pts != 0:
        for source, column in (("observed_points_per_year_5y", "ratio_5y"),
                               ("observed_points_per_year_since_base", "ratio_since_base")):
            if not _missing(row[source]):
                row[column] = row[source] / needed_pts

    # status
    base_met = kind != "yearly_flow" and meets(base_value, target_level, kind)
    if deadline <= latest_year:
        if kind == "yearly_flow":
            met = row["cumulative_since_start"] >= row["cumulative_target"] if deadline == latest_year else math.nan
        else:
            at_deadline = values.get(deadline, math.nan)
            met = meets(at_deadline, target_level, kind) if not _missing(at_deadline) else math.nan
        row["status"] = "too_little_data" if _missing(met) else ("achieved" if met else "missed")
        row["status_method"] = "deadline_passed"
    elif kind != "yearly_flow" and meets(latest, target_level, kind):
        row["status"] = "achieved"
        row["status_method"] = "growth_rate_ratio"
    elif len(values) < 2:
        row["status"] = "too_little_data"
    elif base_met:
        # It met the target at the baseline and has since fallen short: a ratio to the
        # distance still to go is meaningless (the distance had the other sign).
        row.update(status="moving_away", status_method="fell_below_target")
        notes_vi.append(f"Đã đạt mục tiêu năm {base_year} ({base_value:.1f}) nhưng nay thấp hơn.")
        notes_en.append(f"Met the target in {base_year} ({base_value:.1f}) but has fallen short since.")
    else:
        ratio, method = _status_ratio(target, kind, direction, base_year, base_value, latest_year, latest,
                                      target_level, deadline, since, reading)
        row.update(status=status_from_ratio(ratio), status_ratio=ratio, status_method=method)
    if row["status_method"] == "deadline_passed" and row["status"] in ("achieved", "missed"):
        row["probability"] = 1.0 if row["status"] == "achieved" else 0.0
        row["probability_words"] = probability_words(row["probability"])
    elif len(values) >= 2 and kind != "yearly_flow" and latest_year > base_year and not base_met:
        progress = expected_progress_ratio(base_value, base_year, latest, latest_year, target_level, deadline)
        row.update(un_progress_ratio=progress, un_status=un_status(progress))
    bounds = indicators.at[target["indicator"], "bounds"]
    if (row["status"] not in ("achieved", "missed") and row["unit"] == "percent"
            and target_level in bounds and abs(latest - target_level) <= 1.0):
        notes_vi.append(f"Cách mục tiêu {target_level:g}% không quá 1 điểm: theo quy tắc của UNSD/Eustat được coi như đã đạt.")
        notes_en.append(f"Within 1 point of a {target_level:g} % target, which the UNSD/Eustat rule counts as met.")

    # projection: value at the deadline, probability, year reached
    if projection is not None and len(values) >= 2:
        if deadline in projection.index:
            for column, source in (("projected_median", "median"), ("projected_lo_80", "lo_80"),
                                   ("projected_hi_80", "hi_80"), ("projected_lo_95", "lo_95"),
                                   ("projected_hi_95", "hi_95")):
                row[column] = float(projection.at[deadline, source])
            threshold = _projection_threshold(target_level, kind, row["unit"])
            row["probability"] = probability_beyond(projection, deadline, threshold, above=direction > 0)
        row["probability_words"] = probability_words(row["probability"])
        reach = _reach_year(projection, latest_year, latest, target_level, kind, row["unit"])
        row["reach_year"] = reach if reach is not None else pd.NA
        row["reach"] = str(reach) if reach is not None else "not_by_2035"
    if target["every_year"] and kind != "yearly_flow":
        met = sum(meets(v, target_level, kind) for v in since)
        notes_vi.append(f"Chỉ tiêu hằng năm: đạt {met}/{len(since)} năm từ {plan_start}.")
        notes_en.append(f"A yearly target: met in {met} of {len(since)} years since {plan_start}.")
    if kind == "yearly_flow":
        met = int((since >= target["low"]).sum())
        notes_vi.append(f"Đạt từ {target['low']:,.0f} trở lên {met}/{len(since)} năm từ {plan_start}.")
        notes_en.append(f"At least {target['low']:,.0f} in {met} of {len(since)} years since {plan_start}.")
    row.update(notes_vi=" ".join(notes_vi), notes_en=" ".join(notes_en))
    return row


def _status_ratio(target, kind, direction, base_year, base_value, latest_year, latest, level, deadline,
                  since, reading) -> tuple[float, str]:
    """The status ratio and its method; ``since`` are the points of the plan's years."""
    if kind == "yearly_flow":
        return (float(since.mean()) / target["low"] if len(since) else math.nan), "flow_ratio"
    if latest_year <= base_year:
        return math.nan, ""
    if kind == "count_to_zero" or (kind == "yearly_reduction" and reading == "points"):
        return (linear_rate_ratio(base_value, base_year, latest, latest_year, level, deadline, direction),
                "linear_rate_ratio")
    ratio = growth_rate_ratio(base_value, base_year, latest, latest_year, level, deadline, direction)
    if math.isnan(ratio):
        return (linear_rate_ratio(base_value, base_year, latest, latest_year, level, deadline, direction),
                "linear_rate_ratio")
    return ratio, "growth_rate_ratio"


def _reach_year(projection: pd.DataFrame, latest_year: int, latest: float, level: float, kind: str,
                unit: str) -> int | None:
    """The first year the projected median meets the target (the latest year if met now)."""
    if kind != "yearly_flow" and meets(latest, level, kind) or kind == "yearly_flow" and latest >= level:
        return latest_year
    threshold = _projection_threshold(level, kind, unit)
    for year, median in projection["median"].items():
        if not math.isnan(median) and meets(median, threshold, kind if kind != "yearly_flow" else "at_least"):
            return int(year)
    return None


def status_label(key: str, lang: str = "vi") -> str:
    """Words for a status, UN status, probability or reach key (``""`` for none).

    >>> status_label("moderate", "en"), status_label("likely")
    ('Moderate progress, acceleration needed', 'Nhiều khả năng đạt')
    """
    if not key:
        return ""
    if key.isdigit():
        return key
    return label(key, lang)
