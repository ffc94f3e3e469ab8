"""When a value meets a target: one rule used alike by the verdict, the chance, charts and tables.

The plan writes its targets to a precision: "100 %" and "0" are whole numbers at a bound. A
projected share comes ever closer to 100 % without reaching it, so "met" must be a threshold
the value can reach. The rule (data/targets.yaml, ``met_at``):

- a target written as a whole number at a bound (100 %, 0 %) is met when the value rounds to
  it at that precision: ≥ 99,5 % for 100 %, < 0,5 % for 0 %;
- ``met_at`` in the catalogue sets the threshold instead, with a note saying why (T03: "cơ bản
  không còn" = at most 1 hamlet in the district, none in a commune);
- every other target is met as written: "trên 80 %" strictly above 80, "từ 20 % trở lên" at
  20 or more (19,9 % does not meet 20 %, as the offices report one decimal).

Counts are whole numbers: a continuous projection meets a count threshold within half a unit.
The secondary ``status`` column keeps the published methods' comparison with the value as
written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..data.catalogue import INTEGER_UNITS
from ..text import label, register_labels
from .rates import missing

__all__ = ["MetRule", "met_rule", "meets", "INCREASING", "INTEGER_UNITS"]

INCREASING = {"at_least": 1, "above": 1, "share_of_total": 1, "yearly_flow": 1,
              "at_most": -1, "count_to_zero": -1, "yearly_reduction": -1}
"""+1 where a higher value is progress, -1 where a lower one is."""

register_labels({
    "met_rule_bound": ("Đạt khi {symbol} {threshold} ({target} theo độ chính xác kế hoạch ghi, làm tròn)",
                       "Met when {symbol} {threshold} ({target} at the precision the plan writes, rounded)"),
    "met_rule_catalogue": ("Đạt khi {symbol} {threshold}: {note}", "Met when {symbol} {threshold}: {note}"),
    "met_rule_none": ("Đạt khi không còn {unit} nào: {note}", "Met when no {unit} is left: {note}"),
})


@dataclass(frozen=True)
class MetRule:
    """The threshold a value must reach to meet a target, and which way."""

    level: float
    """The target as written."""
    threshold: float
    """The value that counts as meeting it."""
    increasing: bool
    strict: bool
    """Strictly beyond the threshold ("trên 80 %")."""
    source: str
    """"as_written", "bound" (rounded to the plan's precision), "catalogue" (``met_at``) or "grid"
    (a share of a few communes, met half a commune short)."""
    note_vi: str = ""
    note_en: str = ""
    units: int | None = None
    """For a share of a few communes ("grid"), how many it counts."""
    later_units: int | None = None
    """For a share of communes whose deadline falls after the reform: the new communes it then counts."""
    earlier: tuple[tuple[int, "MetRule"], ...] = ()
    """(year, rule) for figures that counted other communes than the latest one: once the six new
    communes report, a 2024 figure of 14/15 is still judged on the 15 units it counted."""
    before_reform: int | None = None
    """The last year before the reform, when the latest figure is after it: its rule is said beside
    this one ("đến năm 2024 … 15 xã, thị trấn")."""

    def at(self, year: int) -> "MetRule":
        """The rule that judges a figure of ``year``: its own count's where it counted others.

        >>> fifteen = MetRule(100.0, 96.7, True, False, "grid", units=15)
        >>> six = MetRule(100.0, 91.7, True, False, "grid", units=6, earlier=((2024, fifteen),))
        >>> six.at(2024).met(14 / 15 * 100), six.at(2025).met(14 / 15 * 100)
        (False, True)
        """
        return next((rule for earlier_year, rule in self.earlier if earlier_year == year), self)

    def aim(self) -> float:
        """The level a yearly need aims at: the threshold, except for a share of a few communes, where
        it is the share of the fewest communes that meet it ("≥ 60 %" of 6 communes, met from 58,3 %, is
        4/6 = 66,7 %): half a commune is no commune, and "cần tăng 5,0 điểm %/năm … thêm 2 xã" did not
        add up (2 of 6 communes in 5 years is 6,7 points a year). On the communes the deadline counts.

        >>> round(MetRule(60.0, 58.3, True, False, "grid", units=6).aim(), 2)
        66.67
        >>> round(MetRule(60.0, 57.7, True, False, "grid", units=13, later_units=6).aim(), 2), MetRule(100.0, 99.5, True, False, "bound").aim()
        (66.67, 99.5)
        """
        if self.source != "grid" or not self.units:
            return self.threshold
        n = self.later_units or self.units
        return 100 * math.ceil(self.threshold * n / 100 - 1e-9) / n

    def met(self, value: float) -> bool:
        """Whether ``value`` meets the target.

        >>> rule = MetRule(100.0, 99.5, True, False, "bound")
        >>> rule.met(99.5), rule.met(99.49)
        (True, False)
        >>> MetRule(80.0, 80.0, True, True, "as_written").met(80.0)
        False
        """
        if missing(value):
            return False
        if self.increasing:
            return value > self.threshold if self.strict else value >= self.threshold - 1e-9
        return value < self.threshold if self.strict else value <= self.threshold + 1e-9

    def projection_threshold(self, unit: str) -> float:
        """The level a continuous projection must reach: half a unit looser for whole counts.

        >>> MetRule(0.0, 1.0, False, False, "catalogue").projection_threshold("hamlets")
        1.5
        """
        if unit not in INTEGER_UNITS:
            return self.threshold
        return self.threshold - 0.5 if self.increasing else self.threshold + 0.5

    def words(self, lang: str, fmt, unit=None) -> str:
        """The rule in words for a chart footer or a table, or "" when the target is as written.

        ``fmt`` formats a number (e.g. :func:`analysis.words.fmt_number`); ``unit``, when given,
        words the unit after it (``unit(number_text, lang)``: "Đạt khi ≤ 1 ấp", not "≤ 1").
        """
        if self.source == "as_written":
            return ""
        symbol = ("<" if self.strict else "≤") if not self.increasing else (">" if self.strict else "≥")
        decimals = 0 if float(self.threshold).is_integer() else 1
        threshold, target = fmt(self.threshold, lang, decimals), fmt(self.level, lang, 0)
        if self.source == "bound":
            return label("met_rule_bound", lang).format(symbol=symbol, threshold=f"{threshold} %",
                                                        target=f"{target} %")
        note = self.note_vi if lang == "vi" else self.note_en
        if self.source == "catalogue" and not self.increasing and not self.strict and self.threshold == 0 \
                and unit is not None:
            # "Đạt khi ≤ 0 ấp" for a commune's "none left"
            return label("met_rule_none", lang).format(unit=unit("1", lang), note=note)
        if self.source == "grid":
            threshold = f"{threshold} %"
        elif unit is not None:
            threshold = f"{threshold} {unit(threshold, lang)}"
        return label("met_rule_catalogue", lang).format(symbol=symbol, threshold=threshold, note=note)


def met_rule(target: pd.Series, area_kind: str, level: float, unit: str, units_counted: int | None = None) -> MetRule:
    """The rule for ``target`` (a catalogue row) in an area of ``area_kind``, for ``level``.

    A share of ``units_counted`` communes can only be k/n: it meets "100 %" of 13 communes from
    96,2 % on (12/13 is 92,3 %), half a commune short, as a count is met within half a unit; a
    projection put at 98 % by a continuous law is all 13 communes, and the chance said so (a
    "67 %" chance of holding 100 % beside an 80 % band of 96,8–100 %).

    >>> from analysis import load_targets
    >>> t = load_targets().set_index(["target_id", "deadline"])
    >>> met_rule(t.loc[("T06", 2025)], "district", 100.0, "percent").threshold
    99.5
    >>> met_rule(t.loc[("T03", 2025)], "district", 0.0, "hamlets").threshold
    1.0
    >>> met_rule(t.loc[("T03", 2025)], "commune", 0.0, "hamlets").threshold
    0.0
    >>> rule = met_rule(t.loc[("T08", 2025)], "district", 80.0, "percent")
    >>> rule.threshold, rule.strict, rule.source
    (80.0, True, 'as_written')
    >>> rule = met_rule(t.loc[("T04", 2025)], "district", 100.0, "percent", units_counted=13)
    >>> rule.threshold, rule.met(100.0), rule.met(12 / 13 * 100), rule.note_vi
    (96.2, True, False, 'tỷ lệ của 13 xã chỉ nhận các mức k/13 (12/13 là 92,3 %), nên từ 96,2 % trở lên là đủ 13/13 xã')
    >>> met_rule(t.loc[("T17", 2030)], "district", 60.0, "percent", units_counted=13).threshold
    57.7
    """
    kind = target["kind"]
    increasing = INCREASING[kind] > 0
    levels = target.get("met_at") or {}
    if levels:
        where = "commune" if area_kind in ("commune", "town") else "district"
        threshold = levels.get(where, levels.get("value"))
        if threshold is not None:
            return MetRule(level, float(threshold), increasing, False, "catalogue",
                           target.get("met_at_note_vi", ""), target.get("met_at_note_en", ""))
    if unit == "percent" and increasing and units_counted and units_counted >= 2 and target.get("communes") \
            and not missing(level):
        n = units_counted
        fewest = math.floor(level * n / 100 + 1e-9) + 1 if kind == "above" else math.ceil(level * n / 100 - 1e-9)
        if 1 <= fewest <= n and abs(100 * (fewest - 0.5) / n - level) > 1e-9:  # 90 % of 15 is 13,5: as written
            below = f"{fewest - 1}/{n}"
            share = (fewest - 1) / n * 100
            # to one decimal, as the offices report: 96,2 for 96,15… still sits between 12/13 and 13/13
            threshold = round(100 * (fewest - 0.5) / n, 1)
            return MetRule(level, threshold, True, False, "grid",
                           f"tỷ lệ của {n} xã chỉ nhận các mức k/{n} ({below} là {share:.1f} %), nên từ {threshold:.1f} % "
                           f"trở lên là đủ {fewest}/{n} xã".replace(".", ","),
                           f"a share of {n} communes can only be k/{n} ({below} is {share:.1f} %), so from "
                           f"{threshold:.1f} % on it is {fewest}/{n} communes", units=n)
    if unit == "percent" and not missing(level) and float(level).is_integer():
        if increasing and level == 100:
            return MetRule(level, 99.5, True, False, "bound")
        if not increasing and level == 0:
            return MetRule(level, 0.5, False, True, "bound")
    return MetRule(level, level, increasing, kind == "above", "as_written")


def meets(value: float, target: float, kind: str) -> bool:
    """Whether ``value`` meets a target of ``target`` of this kind, as written (strictly for
    "above"): the comparison of the published status methods.

    >>> meets(80.0, 80.0, "above"), meets(80.0, 80.0, "at_least"), meets(2.0, 3.0, "yearly_reduction")
    (False, True, True)
    """
    if kind == "above":
        return value > target
    if INCREASING[kind] > 0:
        return value >= target - 1e-9
    return value <= target + 1e-9
