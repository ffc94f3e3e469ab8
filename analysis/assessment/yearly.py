"""Targets judged year by year, as the plan's offices report them.

- "Giảm tỷ lệ hộ nghèo … từ 3–4 %/năm" (T01): each year's fall in percentage points against 3
  (the lenient end; 4 reported beside it). Once the rate is below 3 %, a fall of 3 points is
  no longer possible: the year then needs to fall by all that is left. With
  ``reading="relative"`` the fall is 3–4 % of the rate instead.
- "Hàng năm, tạo việc làm mới … 1.000–1.500 lao động" (T05): each year's count against 1,000
  (and 1,500); no surplus of one year counts for another.
- "Hàng năm …" level targets (T12, T13): each year's value against the target.

A yearly fall is reported to one decimal ("năm 2023 giảm 2,4 điểm %"), so a fall that rounds
to the required one meets it.
"""

from __future__ import annotations

import pandas as pd

from .met import MetRule

__all__ = ["REPORTING_PRECISION", "required_fall", "reduction_level", "yearly_record"]

REPORTING_PRECISION = 0.05
"""Half the last reported decimal of a yearly fall: a fall of 2,95 points reads "3,0"."""


def required_fall(previous: float, low: float, reading: str = "points") -> float:
    """The fall a year needs from last year's rate ``previous``.

    >>> required_fall(11.3, 3), required_fall(1.4, 3), round(required_fall(10.0, 3, "relative"), 2)
    (3, 1.4, 0.3)
    """
    if reading == "relative":
        return previous * low / 100
    return min(low, previous)


def reduction_level(latest: float, years: int, low: float, reading: str = "points") -> float:
    """The rate reached after ``years`` yearly falls of ``low`` from ``latest`` (never below 0),
    in points as written: 3,65 − 3 is 0,65, which prints "0,7" beside "3,7 %" and "giảm 3,0", not
    the float 0,6499999… that printed "0,6".

    >>> reduction_level(3.2, 1, 3), reduction_level(3.65, 1, 3), reduction_level(5.0, 2, 3)
    (0.2, 0.65, 0.0)
    >>> round(reduction_level(10.0, 2, 3, "relative"), 3)
    9.409
    """
    if reading == "relative":
        return latest * (1 - low / 100) ** years
    return max(round(latest - low * years, 10), 0.0)


def yearly_record(values: pd.Series, start: int, kind: str, low: float, rule: MetRule | None = None,
                  reading: str = "points") -> pd.DataFrame:
    """One row per year of the plan that can be judged: ``year``, ``value``, ``change`` (the
    year's fall for a yearly reduction, the value otherwise), ``required`` and ``met``.

    A fall needs the year before: the plan's baseline year (``start``) is judged only as the
    start of the first fall. ``rule`` (the met rule) is needed for level targets only.

    >>> falls = pd.Series([11.3, 8.2, 5.8, 3.2], index=[2021, 2022, 2023, 2024])
    >>> rule = MetRule(3.0, 3.0, False, False, "as_written")
    >>> record = yearly_record(falls, 2021, "yearly_reduction", 3, rule)
    >>> record[["year", "change", "met"]].round(1).values.tolist()
    [[2022, 3.1, True], [2023, 2.4, False], [2024, 2.6, False]]
    >>> jobs = pd.Series([930.0, 1040, 1090, 980], index=[2021, 2022, 2023, 2024])
    >>> yearly_record(jobs, 2021, "yearly_flow", 1000, rule)["met"].tolist()
    [False, True, True, False]
    """
    rows = []
    if kind == "yearly_reduction":
        for year in values.index:
            if year <= start or year - 1 not in values.index:
                continue
            previous, value = float(values[year - 1]), float(values[year])
            fall = previous - value
            need = required_fall(previous, low, reading)
            rows.append({"year": int(year), "value": value, "change": fall, "required": need,
                         "met": fall >= need - (REPORTING_PRECISION if reading == "points" else 1e-9)})
    else:
        for year, value in values.items():
            if year < start:
                continue
            if kind == "yearly_flow":
                met = float(value) >= low - 1e-9
                need = low
            else:
                own = rule.at(int(year))  # a figure that counted other communes is judged on its own count
                met, need = own.met(float(value)), own.threshold
            rows.append({"year": int(year), "value": float(value), "change": float(value), "required": need,
                         "met": bool(met)})
    return pd.DataFrame(rows, columns=["year", "value", "change", "required", "met"])
