"""Assessing each target: where we are, where the trend leads, and what yearly rate is needed.

For every target × area × deadline, :func:`assess` reports the latest value, the target, the
gap, the yearly rate needed from now (percentage points and compound percent per year, both
ends of a range), the observed yearly change (last five years, last three, and since the plan's
baseline), the probability of meeting the target from the calibrated projection, the year the
projection reaches it, and two kinds of judgement:

- the headline **verdict** (:mod:`analysis.assessment.verdict`): one word per row that never
  contradicts its chance, with a sentence saying why;
- the secondary **status** by a named published method (the ``status_method`` column), kept for
  comparison with other SDG trackers (:mod:`analysis.assessment.rates`): the Eurostat /
  Statistics Canada growth-rate ratio from the baseline, the SDSN linear-rate ratio where
  compound rates are undefined (a target of 0) and for the poverty fall read in points, and the
  UN expected-progress ratio (``un_status``).

"Met" is one rule everywhere (:mod:`analysis.assessment.met`); targets set year by year are
judged year by year (:mod:`analysis.assessment.yearly`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Iterable

import pandas as pd

from ..data.catalogue import MAPS, commune_codes, load_areas, load_indicators, load_reforms, load_targets
from ..data.observations import load_observations
from ..data.series import (PLACE_UNITS, YearlySeries, build_series, counts_whole, measured, one_standard_a_year,
                           since_latest_standard)
from ..data.reform import merged_into, part_inside
from ..projection import probability_beyond, project
from ..projection.engine import MIN_POINTS_ALL_METHODS
from ..text import in_sentence, label, register_labels
from ..words import (chance_text, change_needed, change_text, communes_met, communes_more_words, decimals_against,
                     exact_decimals, fmt_number, half_up, more_than_needed, need_decimals, ratio_below_one, target_text,
                     unit_word, value_text, whole_units_over, years_met_text, years_span)
from .met import INCREASING, MetRule, meets, met_rule
from .rates import (THRESHOLDS as STATUS_THRESHOLDS, _cagr, expected_progress_ratio, growth_rate_ratio,
                    linear_rate_ratio, missing, probability_words, required_rate, status_from_ratio, un_status)
from .verdict import ON_TRACK_PACE, RECENT_YEARS, Evidence, decide, reason
from .yearly import REPORTING_PRECISION, reduction_level, yearly_record

__all__ = ["assess", "target_series", "TargetSeries", "COLUMNS", "UNTIL", "status_label", "default_map"]

UNTIL = 2035
"""Projections run to this year; a target not reached by then reads "not by 2035"."""

register_labels({
    "moderate": ("Có chuyển biến, cần đẩy nhanh", "Moderate progress, acceleration needed"),
    "insufficient": ("Chuyển biến chậm, khó đạt", "Insufficient progress"),
    "missed": ("Không đạt đúng hạn", "Missed at the deadline"),
    "un_on_track": ("Đã đạt hoặc đúng tiến độ", "Target met or on track"),
    "un_fair": ("Có chuyển biến, cần đẩy nhanh", "Fair progress, acceleration needed"),
    "un_stagnation": ("Trì trệ hoặc thụt lùi", "Stagnation or regression"),
    "likely": ("Nhiều khả năng đạt", "Likely"),
    "possible": ("Có thể đạt", "Possible"),
    "unlikely": ("Khó đạt", "Unlikely"),
    "very_unlikely": ("Rất khó đạt", "Very unlikely"),
    "hold_likely": ("Nhiều khả năng giữ được", "Likely to hold"),
    "hold_possible": ("Có thể giữ được", "May hold"),
    "hold_unlikely": ("Khó giữ được", "Unlikely to hold"),
    "hold_very_unlikely": ("Rất khó giữ được", "Very unlikely to hold"),
    # the median's year, as sure as the chance beside it: "Chưa đạt đến năm 2035" beside 43 % read as a certainty
    "not_by_2035": ("Trung vị dự báo chưa đạt đến năm 2035", "Median projection: not by 2035"),
    "about_value": ("khoảng {value}", "about {value}"),
    "growth_rate_ratio": ("Tỷ số tốc độ tăng trưởng (Eurostat, Thống kê Canada)",
                          "Growth-rate ratio (Eurostat, Statistics Canada)"),
    "linear_rate_ratio": ("Tỷ số tốc độ thay đổi tuyệt đối (SDSN)", "Linear-rate ratio (SDSN)"),
    "flow_ratio": ("Tỷ số số lượng bình quân năm so với mục tiêu năm", "Average yearly flow over the yearly target"),
    "deadline_passed": ("Đã qua hạn: so với giá trị năm hạn", "Deadline passed: value at the deadline"),
    "fell_below_target": ("Đã đạt ở năm gốc, nay thấp hơn mục tiêu", "Met at the baseline, below the target now"),
    "year_fall_met": ("Năm {year} giảm {fall} điểm %: đạt", "{year}: down {fall} pts, met"),
    "year_fall_missed": ("Năm {year} giảm {fall} điểm %: không đạt", "{year}: down {fall} pts, not met"),
    "year_rise": ("Năm {year} tăng {fall} điểm %: không đạt", "{year}: up {fall} pts, not met"),
    "year_value_met": ("Năm {year}: {value}, đạt", "{year}: {value}, met"),
    "year_value_missed": ("Năm {year}: {value}, không đạt", "{year}: {value}, not met"),
    # the plan sets no level to reach: "về 0 %" is the workbench's reading of a fall larger than what is left,
    # and says so (a commune's "cần về 0 %" read as a target of the plan)
    "below_low_end": ("Tỷ lệ còn dưới {low} %, mức giảm {low} điểm %/năm không còn khả thi; cần giảm hết phần còn lại "
                      "(cách đọc của công cụ).",
                      "The rate is below {low} %, so a fall of {low} points a year is no longer possible; "
                      "what is left needs to go (the workbench's reading)."),
    "reaches_zero": ("Giảm {low} điểm %/năm thì đến năm {deadline} tỷ lệ về 0 %: cần giảm hết phần còn lại (cách đọc "
                     "của công cụ).",
                     "At {low} points a year the rate reaches 0 % by {deadline}: what is left needs to go (the "
                     "workbench's reading)."),
    # the figures a pace runs between ("in 2021–2024" in English sentences, where "from … to …" does not fit)
    "pace_span": ("từ năm {start} đến năm {end}", "{start}–{end}"),
    # a pace measured on the years before what is counted changed, the later ones too few to measure one
    "pace_span_before": ("từ năm {start} đến năm {end} ({basis})", "{start}–{end} ({basis})"),
    # what the years before the reform counted, named: "theo cách tính trước năm 2025" said too little
    "basis_units": ("tính trên {before} xã cũ", "over {before} former units"),
    "basis_district": ("số của huyện, gồm cả các cơ quan cấp huyện", "the district's own, its bodies included"),
    "basis_part": ("phần {part} cũ", "former {part} only"),
    "basis_places": ("đếm trong {before} xã, thị trấn cũ", "counted in the {before} former communes and towns"),
    "basis_before": ("theo cách tính trước năm {year}", "counted as before {year}"),
    "pace_unknown_met_before": ("đến năm {last} đã đạt ({basis}); từ năm {year} mới có {n} số liệu, chưa tính được "
                                "tốc độ",
                                "to {last} it was met ({basis}); from {year} there is {n} figure so far, too few for "
                                "a pace"),
    "pace_unknown_few": ("từ năm {start} đến năm {end} chỉ có 1 số liệu, chưa tính được tốc độ",
                         "{start}–{end} has only 1 figure, too few for a pace"),
    # a pace ending on an estimate (a new commune's share assumed) is one too, as its figure is "khoảng"
    "pace_span_estimated": ("từ năm {start} đến năm {end} (năm {end}: số ước tính)",
                            "{start}–{end} ({end} an estimate)"),
    # an office's provisional year-end figure ("ước thực hiện"), not a share of a new commune assumed
    "pace_span_provisional": ("từ năm {start} đến năm {end} (năm {end}: số ước thực hiện)",
                              "{start}–{end} ({end} provisional)"),
    # the plan sets T14 for the district only: what a commune is held to is the workbench's reading, and
    # says so ("Mục tiêu của xã" read as a target the plan gave the commune)
    "commune_target": ("Mức so sánh của xã: {value}, bằng tỷ lệ người Khmer trong dân số năm {year}{illustrative} "
                       "(Kế hoạch chỉ đặt chỉ tiêu cho toàn huyện).",
                       "The commune's benchmark: {value}, its Khmer share of the population in {year}{illustrative} "
                       "(the plan sets the target for the whole district only)."),
    "illustrative_suffix": (", số liệu minh họa", ", illustrative"),
    "goal_at_least": ("từ {value} trở lên", "at least {value}"),
    "goal_above": ("trên {value}", "above {value}"),
    "goal_at_most": ("không quá {value}", "at most {value}"),
    "goal_below": ("dưới {value}", "below {value}"),
    "goal_zero": ("về {value}", "down to {value}"),
    "goal_with_threshold": ("{target}, tính là đạt khi {bar}", "{target}, counted as met at {bar}"),
    "goal_with_communes": ("{target}, tức đủ {k}/{n} xã", "{target}, i.e. {k} of {n} communes"),
    # the level counted as met after "counted as met at": "at 99.5 % or more", not "at at least 99.5 %"
    "met_at_least": ("từ {value} trở lên", "{value} or more"),
    "met_above": ("trên {value}", "more than {value}"),
    "met_at_most": ("không quá {value}", "{value} or less"),
    "met_below": ("dưới {value}", "less than {value}"),
})


register_labels({
    "units_change": ("Đến năm {last} tỷ lệ tính trên {before} đơn vị cấp xã cũ, từ năm {year} trên {after} xã mới: thay "
                     "đổi giữa năm {last} và năm {year} có phần do cách tính.",
                     "To {last} the share counts {before} former commune-level units, from {year} the {after} new "
                     "communes: the change from {last} to {year} is partly how it is counted."),
    "r_counted_whole": ("Từ năm {year}, {names} được tính cả xã, kể cả phần không thuộc {area}.",
                        "From {year}, {names} is counted whole, including its part outside the {area}."),
    # T20: a count of communes from 15 old units to 6 new communes falls by the merger too
    "r_communes_recounted": ("Đến năm {last} đếm trong {before} xã, thị trấn cũ, từ năm {year} trong {after} xã mới, "
                             "nên mức thay đổi có phần do sắp xếp đơn vị hành chính; {names} được tính cả xã, kể cả "
                             "phần không thuộc {area}.",
                             "To {last} counted among {before} former communes and towns, from {year} among the "
                             "{after} new communes, so the change is partly the merger; {names} is counted whole, "
                             "including its part outside the {area}."),
    # T14, T16: "Đã đạt" in the year the district's bodies left the count says what the old count gave
    "r_counted_otherwise": ("Từ năm {year}, số liệu là tổng của các xã mới, không gồm các cơ quan cấp huyện cũ; "
                            "năm {last}, tính cả các cơ quan đó: {before}.",
                            "From {year} the figure is the new communes' sum, without the former district-level "
                            "bodies; in {last}, with them: {before}."),
    "r_communes_missing": ("Năm {year} mới có số liệu của {n}/{total} {units}; còn chờ: {names}.",
                           "{year}: figures from {n} of {total} {units} so far; still awaited: {names}."),
    "composition_change": (
        "Đến năm {last} là số của huyện, gồm cả các cơ quan, đơn vị cấp huyện; từ năm {year} là tổng của các xã "
        "mới, không gồm các cơ quan cấp huyện cũ: thay đổi giữa năm {last} và năm {year} có phần do cách tính.",
        "To {last} the district's own figure, its district-level bodies included; from {year} the new communes' "
        "sum, without the former district-level bodies: the change from {last} to {year} is partly how it is "
        "counted."),
})


COLUMNS = [
    "target_id", "target_vi", "target_en", "kind", "indicator", "group", "unit",
    "area_code", "area_vi", "area_en", "area_kind", "deadline", "origin", "assumption_vi", "assumption_en",
    "latest_year", "latest_value", "base_year", "base_value", "n_points", "first_year_used", "standard",
    "target_value", "target_value_other_end", "target_low", "target_high", "target_illustrative", "gap",
    "met_threshold", "met_strict", "met_rule_vi", "met_rule_en", "met_units", "met_units_later", "met_before_year",
    "met_threshold_before", "met_units_before", "counted_otherwise_from", "counted_whole_from",
    "units_changed_from", "units_before", "units_after",
    "needed_points_per_year", "needed_percent_per_year",
    "needed_points_per_year_other_end", "needed_percent_per_year_other_end",
    "observed_points_per_year_5y", "observed_points_per_year_recent", "observed_points_per_year_since_base",
    "observed_percent_per_year_since_base", "latest_year_change",
    "ratio_5y", "ratio_since_base",
    "cumulative_since_start", "cumulative_target", "years_met", "years_counted", "latest_decimals",
    "verdict", "verdict_reason_vi", "verdict_reason_en", "awaiting_figure", "latest_met",
    "status", "status_ratio", "status_method", "un_progress_ratio", "un_status",
    "probability", "probability_words", "reach_year", "reach", "reach_met",
    "projected_median", "projected_lo_80", "projected_hi_80", "projected_lo_95", "projected_hi_95",
    "reading", "benchmark", "projection_method", "projection_method_vi", "projection_method_plain",
    "projection_method_plain_vi",
    "illustrative", "latest_illustrative", "approximate",
    "deadline_value", "deadline_illustrative", "deadline_approximate",
    "sources",
    "notes_vi", "notes_en",
]
"""Columns of the table :func:`assess` returns, in order."""


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


def _in_scope(scope: str, areas: pd.DataFrame, code: str) -> bool:
    """Whether a target of ``scope`` is assessed in area ``code`` (communes and towns are
    "commune"; every other kind of area is district-like)."""
    commune = code in areas.index and areas.at[code, "kind"] in ("commune", "town")
    return scope == "both" or (scope == "commune") == commune


def _default_areas(scope: str, areas: pd.DataFrame, district: str, map: str) -> list[str]:
    communes = commune_codes(areas, district, map=map)
    return {"district": [district], "commune": communes, "both": [district] + communes}[scope]


def _exists_by(code: str, deadline: int, areas: pd.DataFrame) -> bool:
    """The area is still a unit at the end of the deadline year. A commune merged into a new one
    (1/7/2025) has no target of its own for 2030: its figures stop in 2024 and its successor's
    are judged instead (the new map). The district is kept: its code stands for the former
    district's area, rebuilt from the new communes.

    >>> areas = load_areas()
    >>> _exists_by("29428", 2025, areas), _exists_by("29428", 2030, areas), _exists_by("848", 2030, areas)
    (True, False, True)
    >>> _exists_by("29416-2025", 2030, areas), _exists_by("84", 2030, areas)
    (True, True)
    """
    if merged_into(code, areas) is None or pd.isna(areas.at[code, "valid_to"]):
        return True
    # the end-of-period review still judges the old units for 2025, on their projected values
    return deadline <= areas.at[code, "valid_to"].year


def default_map(observations: pd.DataFrame, areas: pd.DataFrame | None = None) -> str:
    """The commune map a report uses by default: "new" once any figure of a new commune is in
    (2025 and later), else "old".

    >>> default_map(load_observations())
    'old'
    """
    areas = load_areas() if areas is None else areas
    new = areas.index[areas["map"] == "new"]
    return "new" if observations["area_code"].isin(new).any() else "old"


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
    as_of: dt.date | None = None,
    map: str = "old",
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
        A dict to fill with the series and projections used (see :func:`series_key`), so that
        charts can draw exactly what was assessed without projecting again.
    as_of
        The date the assessment is made (default: today). A deadline year that has ended
        without its figure is marked ``awaiting_figure``.
    map
        The commune map: ``"old"`` (the 15 communes and towns of Cầu Ngang district, to 2024)
        or ``"new"`` (the 6 communes of Vĩnh Long from 1/7/2025, their history rebuilt from the
        old units). The district (848) is assessed across both: from 2025 it is the former
        district's area, built from the new communes.

    >>> table = assess(deadlines=[2025])
    >>> row = table.query("target_id == 'T14' and area_code == '848'").iloc[0]
    >>> row["status"], row["status_method"], round(float(row["latest_value"]), 2), int(row["latest_year"])
    ('insufficient', 'growth_rate_ratio', 17.95, 2024)
    >>> row["verdict"], bool(row["awaiting_figure"]), round(float(row["target_value"]), 1)
    ('likely_missed', True, 20.0)
    """
    if poverty_reading not in ("points", "relative"):
        raise ValueError('poverty_reading must be "points" or "relative"')
    if map not in MAPS:
        raise ValueError(f"map must be one of {MAPS}, not {map!r}")
    observations = load_observations() if observations is None else observations
    targets = load_targets() if targets is None else targets
    area_table, indicators = load_areas(), load_indicators()
    targets = targets[targets["kind"] != "qualitative"]
    if deadlines is not None:
        targets = targets[targets["deadline"].isin(list(deadlines))]
    chosen = list(areas) if areas is not None else None
    rows: list[dict] = []
    cache = {} if cache is None else cache
    context = _Context(observations, area_table, indicators, poverty_reading, until, cache,
                       (as_of or dt.date.today()).year, load_reforms(), map)
    for _, target in targets.iterrows():
        if chosen is None:
            codes = _default_areas(target["scope"], area_table, district, map)
        else:
            codes = [code for code in chosen if _in_scope(target["scope"], area_table, code)]
        for code in codes:
            if not _exists_by(code, int(target["deadline"]), area_table):
                continue
            rows.append(_assess_one(target, code, context))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["latest_decimals"] = _latest_decimals(table)
    for column in ("latest_year", "base_year", "first_year_used", "reach_year", "n_points", "years_met",
                   "years_counted", "latest_decimals"):
        table[column] = table[column].astype("Int64")
    table["deadline"] = table["deadline"].astype(int)
    for column in ("illustrative", "latest_illustrative", "approximate", "awaiting_figure", "target_illustrative",
                   "latest_met", "deadline_illustrative", "deadline_approximate", "reach_met"):
        table[column] = table[column].astype(bool)
    return table


@dataclass
class _Context:
    observations: pd.DataFrame
    areas: pd.DataFrame
    indicators: pd.DataFrame
    reading: str
    until: int
    cache: dict
    this_year: int
    reforms: tuple = ()
    map: str = "old"
    cutoff: int | None = None
    """The last year of figures used (a deadline judged without the later years, see
    :func:`_gap_at_deadline`); None: every year."""


@dataclass
class TargetSeries:
    """The data behind one target × area: the full series, the part used, and its projection."""

    series: "YearlySeries"
    used: pd.DataFrame
    """The points on the latest measurement standard (the ones projected)."""
    break_year: int | None
    standard: str
    projection: pd.DataFrame | None
    reform: object = None
    """The administrative reform the area's series crosses (data/admin_reforms.yaml), if any."""


def series_key(target: pd.Series, code: str) -> tuple:
    """The cache key of the series behind ``target`` (an assess or catalogue row) in ``code``."""
    return (target["indicator"], code, target["group"], target.get("communes", "all") or "all")


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
    context = _Context(observations, load_areas(), load_indicators(), "points", until, {}, dt.date.today().year,
                       load_reforms())
    return _series_and_projection(target, area_code, context)


def _series_and_projection(target, code, context: _Context) -> TargetSeries:
    key = series_key(target, code)
    cache, areas, indicators = context.cache, context.areas, context.indicators
    if key not in cache:
        numerator = (target["numerator_indicator"], target["numerator_group"]) if target["numerator_indicator"] else None
        denominator = (target["denominator_indicator"], target["denominator_group"]) \
            if target["denominator_indicator"] else None
        series = build_series(context.observations, target["indicator"], code, target["group"], areas, indicators,
                              numerator, denominator, which=target.get("communes", "all") or "all",
                              reforms=context.reforms)
        # a year reported on two poverty lines keeps the newer one's figure; the older joins the newer level
        # by the difference measured in that year (it was a traceback: "history has the same year twice")
        yearly, overlaps = one_standard_a_year(series.frame)
        part, break_year, standard = since_latest_standard(yearly)
        values = part["value"]
        bounds = indicators.at[target["indicator"], "bounds"]
        # The engine takes the level from the latest standard and only the yearly changes from older ones.
        comparable = yearly[yearly["standard"] != "mixed"]
        changed = comparable["standard"].ne(comparable["standard"].shift()).to_numpy()
        breaks = comparable.index[changed][1:].tolist()
        projection = project(comparable["value"], context.until, bounds=bounds, breaks=breaks,
                             overlaps=overlaps) if len(values) else None
        cache[key] = TargetSeries(series, part, break_year, standard, projection, _reform_of(code, context.reforms))
    return cache[key]


def _reform_of(code: str, reforms) -> object:
    """The reform an area's series crosses: the continuing district, an old unit or a new one."""
    for reform in reforms:
        if code == reform.continues or code in reform.crosswalk or \
                any(code in old for old in reform.crosswalk.values()):
            return reform
    return None


def _commune_target(target, code, context: _Context) -> tuple[float, bool, int] | None:
    """What a commune is compared with instead of the district's target (T14: its own Khmer
    share of the population): (value, illustrative, year), from the census figures in
    data/areas.csv, else from observations of the declared indicator. A commune made in the 2025
    reform takes its own latest real figure up to the deadline, else its old units' figures,
    weighted by their 2019 population where every one is known (else their plain mean, counted
    as illustrative).

    The value is rounded to one decimal, as every output prints it: against an unrounded 46,941 %
    a commune at 46,92 % read "đạt 46,9 % … từ 46,9 % trở lên … Không đạt" (a census share means
    nothing past its first decimal, and this benchmark is the workbench's reading, not the plan's)."""
    indicator = target["commune_target_indicator"]
    areas = context.areas
    if not indicator or code not in areas.index or areas.at[code, "kind"] not in ("commune", "town"):
        return None
    parts = next((reform.predecessors(code) for reform in context.reforms if reform.predecessors(code)), [code])
    if parts != [code]:
        # a new commune's own real figure first: its 2025 population count was passed over for its old
        # units' 2019 figures, illustrative ones among them (xã Ngũ Lạc judged on Thạnh Hòa Sơn's 42 % alone)
        own = _unit_share(target, code, context)
        if own is not None and not own[1]:
            return half_up(own[0], 1), False, own[2]
    found = [_unit_share(target, part, context) for part in parts]
    if any(f is None for f in found):
        return None
    if len(found) == 1:
        value, guessed, year = found[0]
        return half_up(value, 1), guessed, year
    population = [areas.at[part, "population_2019"] for part in parts]
    if all(not missing(p) for p in population):
        weights = [float(p) for p in population]
        guessed = False
    else:
        weights, guessed = [1.0] * len(parts), True
    value = sum(w * f[0] for w, f in zip(weights, found)) / sum(weights)
    return half_up(value, 1), guessed or any(f[1] for f in found), max(f[2] for f in found)


def _unit_share(target, code, context: _Context) -> tuple[float, bool, int] | None:
    """One unit's figure of the commune-target indicator (census first, then observations)."""
    areas, indicator = context.areas, target["commune_target_indicator"]
    if indicator == "khmer_population_share":
        population, khmer = areas.at[code, "population_2019"], areas.at[code, "khmer_2019"]
        if not missing(population) and not missing(khmer) and population > 0:
            return 100 * float(khmer) / float(population), False, 2019
    obs = measured(context.observations)  # a plan's 2027 population share set xã Ngũ Lạc's benchmark
    rows = obs[(obs["indicator"] == indicator) & (obs["area_code"] == code)
               & (obs["group"] == target["commune_target_group"]) & obs["preferred"]
               & (obs["year"] <= int(target["deadline"]))]
    if rows.empty:
        return None
    last = rows.sort_values(["year", "illustrative"], ascending=[True, False]).iloc[-1]
    return float(last["value"]), bool(last["illustrative"]), int(last["year"])


def _recent_window(values: pd.Series, basis_from: int | None = None) -> pd.Series:
    """The points the recent pace is measured between: the last RECENT_YEARS years of change, all
    counted alike. From ``basis_from`` on the series counts otherwise (the new communes from 2025):
    the pace is measured on those years once there are two of them, on the years before until then.
    13/13 old communes in 2024 and 5/6 new ones in 2025 read as "giảm 5,6 điểm %/năm, ngược hướng
    mục tiêu" and made a verdict of what was counted.

    >>> values = pd.Series([100.0, 100.0, 100.0, 100.0, 83.3], index=range(2021, 2026))
    >>> list(_recent_window(values).index), list(_recent_window(values, 2025).index)
    ([2022, 2023, 2024, 2025], [2021, 2022, 2023, 2024])
    >>> list(_recent_window(pd.concat([values, pd.Series([100.0], index=[2026])]), 2025).index)
    [2025, 2026]
    """
    if basis_from is not None and int(values.index[0]) < basis_from <= int(values.index[-1]):
        after = values[values.index >= basis_from]
        values = after if len(after) >= 2 else values[values.index < basis_from]
    return values[values.index >= int(values.index[-1]) - RECENT_YEARS]


def _recent_change(window: pd.Series) -> float:
    """Mean yearly change between the first and last points of ``window`` (:func:`_recent_window`)."""
    if len(window) < 2:
        return math.nan
    return (float(window.iloc[-1]) - float(window.iloc[0])) / (int(window.index[-1]) - int(window.index[0]))


def _basis_changed_from(code: str, found: TargetSeries, unit: str, whole: bool, changed: int | None,
                        units_changed: tuple | None) -> int | None:
    """The year from which the series counts otherwise, if it does: the reform's first year for the
    district's own count become the new communes' sum (T14, T16), a share of 13 or 15 old units become
    one of 6 new communes (T04, T12, T13, T17, T20), a count of places taking xã Ngũ Lạc whole (T03),
    and xã Ngũ Lạc itself, whose years before are the old Thạnh Hòa Sơn's alone. None otherwise."""
    reform = found.reform
    if changed is not None:
        return changed
    if units_changed is not None:
        return units_changed[0]
    if reform is not None and code == reform.continues and reform.apportion and (whole or unit in PLACE_UNITS):
        frame = found.series.frame
        # only where the figures from the reform on are the new communes' (an office's own district figure is not)
        if (frame.loc[frame.index >= reform.first_year, "how"] == "sum of new communes").any():
            return reform.first_year
    inside = part_inside(code)
    return inside[0].first_year if inside is not None else None


def _unit_after(unit: str):
    """The words of a count's unit after a number ("1 ấp"); percentages carry their own "%"."""
    if unit in ("percent", "percentage_points", "percent_change"):
        return None
    return lambda number, lang: unit_word(unit, lang, number)


def _gap_at_deadline(values: pd.Series, deadline: int) -> bool:
    """The deadline year has no figure but a later year has one (2024 and 2026, no 2025): the
    deadline is judged as it was before the later figures came, awaiting its own year's figure.
    "Chưa đủ số liệu" for a 2025 that had been "Ước đạt" until a 2026 figure arrived told the
    meeting less than it knew.

    >>> gap, none = pd.Series([90.0, 92.0], index=[2024, 2026]), pd.Series([90.0, 91.0], index=[2024, 2025])
    >>> _gap_at_deadline(gap, 2025), _gap_at_deadline(none, 2025)
    (True, False)
    """
    return len(values) > 0 and deadline < int(values.index[-1]) and deadline not in values.index


def _assess_one(target, code, context: _Context) -> dict:
    kind, deadline, origin = target["kind"], int(target["deadline"]), target["origin"]
    direction = INCREASING[kind]
    reading = context.reading
    found = _series_and_projection(target, code, context)
    if context.cutoff is None and _gap_at_deadline(found.used["value"], deadline):
        later = sorted(int(year) for year in found.used.index if int(year) > deadline)
        earlier = replace(context, observations=context.observations[context.observations["year"] <= deadline],
                          cache=context.cache.setdefault(("until", deadline), {}), cutoff=deadline)
        row = _assess_one(target, code, earlier)
        # the year the series meets the target is the series' own, whatever the deadline: "2030" beside the 2030
        # row's "đã đạt từ 2026" told two stories of one series
        every_year = _assess_one(target, code, replace(context, cutoff=int(found.used.index[-1])))
        row["reach"], row["reach_year"], row["reach_met"] = (every_year[key] for key in ("reach", "reach_year",
                                                                                        "reach_met"))
        years = ", ".join(str(year) for year in later)
        row["notes_vi"] = " ".join(filter(None, [row["notes_vi"], (
            f"Chưa có số liệu năm {deadline} dù đã có số liệu năm {years}: năm {deadline} được ước từ số liệu đến "
            f"năm {deadline - 1}.")]))
        row["notes_en"] = " ".join(filter(None, [row["notes_en"], (
            f"No {deadline} figure though {years} has one: {deadline} is estimated from the figures up to "
            f"{deadline - 1}.")]))
        return row
    part, standard, projection = found.used, found.standard, found.projection
    values = part["value"]
    areas, indicators = context.areas, context.indicators
    area_row = areas.loc[code] if code in areas.index else None
    area_kind = area_row["kind"] if area_row is not None else ""
    unit = indicators.at[target["indicator"], "unit"]
    own = _commune_target(target, code, context)  # (level, illustrative, year) of a commune's own benchmark
    row = {column: math.nan for column in COLUMNS}
    row.update({
        "target_id": target["target_id"], "target_vi": target["vi"], "target_en": target["en"], "kind": kind,
        "indicator": target["indicator"], "group": target["group"], "unit": unit,
        "area_code": code,
        "area_vi": _area_name(code, area_row, found.reform, context.map, "vi"),
        "area_en": _area_name(code, area_row, found.reform, context.map, "en"),
        "area_kind": area_kind,
        # a commune compared with its own level (T14) has a target the plan did not set for it
        "deadline": deadline,
        "origin": "reading" if origin == "plan" and own is not None else origin,
        # … and keeps it for a 2030 target assumed from 2025 ("assumption"): § on every deadline's row
        "benchmark": origin != "projection" and own is not None,
        "assumption_vi": target["note_vi"], "assumption_en": target["note_en"],
        "target_low": target["low"], "target_high": target["high"], "target_illustrative": False,
        "n_points": len(values), "standard": standard,
        "reading": (reading if kind == "yearly_reduction" else ""),
        "illustrative": bool(part["illustrative"].any()) if len(part) else False,
        "approximate": bool(part["approximate"].iloc[-1]) if len(part) else False,  # the latest value
        "latest_illustrative": bool(part["illustrative"].iloc[-1]) if len(part) else False,
        # the deadline year's own figure, when in: a board of that year shows it, not a later one
        "deadline_value": float(values[deadline]) if deadline in values.index else math.nan,
        "deadline_illustrative": bool(part.at[deadline, "illustrative"]) if deadline in values.index else False,
        "deadline_approximate": bool(part.at[deadline, "approximate"]) if deadline in values.index else False,
        "sources": " | ".join(sorted(set(part["source"]))) if len(part) else "",
        "verdict": "", "status": "", "status_method": "", "un_status": "", "probability_words": "", "reach": "",
        "met_rule_vi": "", "met_rule_en": "", "awaiting_figure": False, "reach_met": False,
        "projection_method": projection.attrs["method"] if projection is not None else "",
        "projection_method_vi": projection.attrs["method_vi"] if projection is not None else "",
        "projection_method_plain": projection.attrs["method_plain"] if projection is not None else "",
        "projection_method_plain_vi": projection.attrs["method_plain_vi"] if projection is not None else "",
    })
    notes_vi, notes_en = [], []
    if origin == "plan" and target["note_vi"]:  # how the plan's target is read (T20: a general aim, no year)
        notes_vi.append(target["note_vi"])
        notes_en.append(target["note_en"])
    if projection is not None:
        notes_vi += projection.attrs["notes_vi"]
        notes_en += projection.attrs["notes"]
    whole = counts_whole(unit, indicators.at[target["indicator"], "flags"]
                         if target["indicator"] in indicators.index else "")
    changed = _counted_otherwise_from(code, found, indicators)
    row["counted_otherwise_from"] = changed or math.nan
    units_changed = _units_changed(code, found, indicators)
    if units_changed is not None:
        row.update(units_changed_from=units_changed[0], units_before=units_changed[1], units_after=units_changed[2])
    notes_vi += _reform_notes(code, found, "vi", whole, changed is not None)
    notes_en += _reform_notes(code, found, "en", whole, changed is not None)
    if units_changed is not None:
        year, before, after = units_changed
        for lang, notes in (("vi", notes_vi), ("en", notes_en)):
            notes.append(label("units_change", lang).format(year=year, last=year - 1, before=before, after=after))
    if len(values) == 0:
        if origin != "projection" and kind != "yearly_reduction":
            # the catalogue's target, shown with or without figures (a yearly fall needs a figure to start from)
            level, level_other = _read_target(target, code, area_kind, unit, values, math.nan, 0, 0, math.nan,
                                              context, notes_vi, notes_en)[:2]
            row.update(target_value=level)
            if kind == "yearly_flow":
                row["target_value_other_end"] = level_other
        reasons = {lang: _communes_waited_for(code, target, context, lang) or label("r_no_data", lang)
                   for lang in ("vi", "en")}
        row.update(status="no_data", verdict="no_data", notes_vi=" ".join(notes_vi), notes_en=" ".join(notes_en),
                   verdict_reason_vi=reasons["vi"], verdict_reason_en=reasons["en"])
        return row

    latest_year, latest = int(values.index[-1]), float(values.iloc[-1])
    plan_start = int(target["plan_start"])
    since = values[values.index >= plan_start]  # the plan's years
    base_year, base_value = _base_point(values, plan_start)
    basis_from = _basis_changed_from(code, found, unit, whole, changed, units_changed)
    recent_window = _recent_window(values, basis_from)  # the years the recent pace runs between
    recent = _recent_change(recent_window)
    row.update(latest_year=latest_year, latest_value=latest, base_year=base_year, base_value=base_value,
               first_year_used=int(values.index[0]), observed_points_per_year_recent=recent)
    if latest_year - 1 in values.index:  # the latest year's own change (a yearly fall is judged on it)
        row["latest_year_change"] = latest - float(values[latest_year - 1])
    window = values[values.index >= latest_year - 5]
    if len(window) >= 2:
        row["observed_points_per_year_5y"] = (latest - float(window.iloc[0])) / (latest_year - int(window.index[0]))
    if latest_year > base_year:
        row["observed_points_per_year_since_base"] = (latest - base_value) / (latest_year - base_year)
        cagr = _cagr(base_value, latest, latest_year - base_year)
        row["observed_percent_per_year_since_base"] = cagr * 100 if not math.isnan(cagr) else math.nan
    _projected(row, projection, deadline)

    if origin == "projection":
        text_vi = label("r_projection_only", "vi").format(deadline=deadline)
        text_en = label("r_projection_only", "en").format(deadline=deadline)
        row.update(verdict_reason_vi=text_vi, verdict_reason_en=text_en,
                   notes_vi=" ".join(notes_vi), notes_en=" ".join(notes_en))
        return row

    target_read = _read_target(target, code, area_kind, unit, values, latest, latest_year, base_year, base_value,
                               context, notes_vi, notes_en, _units_counted(target, part, code, context),
                               _units_at_deadline(target, code, deadline, latest_year, context))
    level, level_other, status_level, rule, target_illustrative = target_read
    # a deadline passed is shown with the rule that judged its figure: M2's 2022 on 8 communes, not
    # on the 5 new communes that did not exist then
    shown = rule.at(deadline) if rule is not None and deadline <= latest_year else rule
    row.update(target_value=level, target_illustrative=target_illustrative, gap=level - latest if not missing(level) else math.nan,
               met_threshold=shown.threshold if shown is not None else math.nan,
               met_strict=bool(shown.strict) if shown is not None else False,
               met_units=shown.units if shown is not None and shown.units else math.nan,
               met_units_later=shown.later_units if shown is not None and shown.later_units else math.nan,
               met_rule_vi=shown.words("vi", fmt_number, _unit_after(unit)) if shown is not None else "",
               met_rule_en=shown.words("en", fmt_number, _unit_after(unit)) if shown is not None else "")
    if shown is not None and shown.before_reform is not None:  # the boards say the old units' line too
        before = shown.at(shown.before_reform)
        row.update(met_before_year=shown.before_reform, met_threshold_before=before.threshold,
                   met_units_before=before.units)
    if kind in ("yearly_reduction", "yearly_flow"):
        row["target_value_other_end"] = level_other

    _needed(row, target, kind, latest, latest_year, deadline, level, level_other, rule, reading, since, plan_start)
    _status(row, target, kind, direction, values, since, base_year, base_value, latest_year, latest,
            status_level, deadline, reading, notes_vi, notes_en)
    _chance(row, target, kind, direction, projection, values, latest_year, latest, deadline, rule, unit)
    bounds = indicators.at[target["indicator"], "bounds"]
    if (unit == "percent" and level in bounds and rule is not None and not rule.met(latest)
            and abs(latest - level) <= 1.0):
        # the other method's view, said as such: "được coi như đã đạt" beside "Không đạt" read as a contradiction
        # the threshold as it is (0,05 for a poverty rate brought down to 0 %, not "0,1"), on the target's side: "đạt
        # khi từ 0,1 %" for a rate to bring down said the rule backwards
        decimals = exact_decimals(float(rule.threshold), 2)
        threshold_vi, threshold_en = (fmt_number(rule.threshold, lang, decimals) for lang in ("vi", "en"))
        if rule.increasing:
            bar_vi, bar_en = (f"trên {threshold_vi} %", f"above {threshold_en} %") if rule.strict else \
                (f"từ {threshold_vi} %", f"from {threshold_en} %")
        else:
            bar_vi, bar_en = (f"dưới {threshold_vi} %", f"below {threshold_en} %") if rule.strict else \
                (f"không quá {threshold_vi} %", f"at {threshold_en} % or less")
        notes_vi.append(f"Cách mục tiêu {fmt_number(level, 'vi', 0)} % không quá 1 điểm, mức mà quy tắc của UNSD/Eurostat "
                        f"coi như đạt; báo cáo này chỉ tính là đạt khi {bar_vi}.")
        notes_en.append(f"Within 1 point of a {fmt_number(level, 'en', 0)} % target, which the UNSD/Eurostat rule counts "
                        f"as met; this report counts it met only {bar_en}.")

    record = None
    if kind in ("yearly_reduction", "yearly_flow") or target["every_year"]:
        record = yearly_record(values, plan_start, kind, target["low"], rule, reading)
        record = record[record["year"] <= deadline]
        if len(record):  # no year of the plan judged yet: nothing to count ("0/0 năm" said nothing)
            row.update(years_met=int(record["met"].sum()), years_counted=len(record))

    row["awaiting_figure"] = bool(deadline < context.this_year and latest_year < deadline)
    met_before = (basis_from is not None and rule is not None and kind not in ("yearly_reduction", "yearly_flow")
                  and len(recent_window) and int(recent_window.index[-1]) < latest_year
                  and rule.at(int(recent_window.index[-1])).met(float(recent_window.iloc[-1])))
    if met_before:
        # the old count met the target (T04: 13/13 old communes to 2024): its pace, none at 100 %, says nothing of
        # the new count's (5/6 in 2025), and "chỉ giữ nguyên, chưa bằng mức cần" faulted a level at the target
        row["observed_points_per_year_recent"] = math.nan
    evidence = _evidence(row, target, kind, direction, values, latest_year, latest, deadline, rule, record, basis_from)
    row["verdict"] = decide(evidence)
    row["latest_met"] = evidence.latest_met  # the chance before the deadline is then a chance of holding
    if row["verdict"] in ("achieved", "deadline_missed") and evidence.deadline_known:
        row["probability"] = 1.0 if row["verdict"] == "achieved" else 0.0
        row["probability_words"] = ""  # the outcome is known: no chance to put in words (the tables show "–")
    estimated = set(part.index[part["approximate"].astype(bool)])  # years said "khoảng" in the yearly sentence
    for lang in ("vi", "en"):
        words = _reason_words(row, target, lang, values, deadline, rule, recent_window, basis_from,
                              str(part["how"].iloc[-1]))
        if missing(row["observed_points_per_year_recent"]) and kind not in ("yearly_reduction", "yearly_flow"):
            # one figure in the last years (a gap before it): no pace to set against the need
            words["pace_unknown"] = label("pace_unknown_few", lang).format(
                start=latest_year - RECENT_YEARS, end=latest_year)
        if met_before:
            words["pace_unknown"] = label("pace_unknown_met_before", lang).format(
                last=int(recent_window.index[-1]), year=basis_from, n=int((values.index >= basis_from).sum()),
                basis=_basis_words(row, basis_from, lang))
        sentences = [reason(row["verdict"], evidence, lang, words)]
        if evidence.deadline_known and record is not None and (record["year"] == deadline).any():
            sentences = []  # the year-by-year sentence below says how the deadline year went
        if own is not None:
            sentences.insert(0, _commune_target_sentence(own[0], unit, own[2], own[1], lang))
        sentences += _yearly_sentences(row, target, kind, record, latest, deadline, level, lang, approximate=estimated)
        row[f"verdict_reason_{lang}"] = " ".join(s for s in sentences if s)
    if unit in PLACE_UNITS and found.reform is not None and code == found.reform.continues \
            and latest_year >= found.reform.first_year and found.reform.apportion:
        row["counted_whole_from"] = found.reform.first_year
        # the verdict of a count of places may rest on a hamlet outside the former district: said in the reason
        # (and so in the review), not only in the notes
        for lang in ("vi", "en"):
            names = ", ".join(in_sentence(context.areas.at[unit, f"name_{lang}"], lang)
                              for unit in found.reform.apportion if unit in context.areas.index)
            row[f"verdict_reason_{lang}"] += " " + label(
                "r_communes_recounted" if unit == "communes" else "r_counted_whole", lang).format(
                year=found.reform.first_year, names=names, last=found.reform.first_year - 1,
                before=found.reform.units_before, after=found.reform.units_after,
                area=in_sentence(found.reform.continues_name_vi if lang == "vi" else found.reform.continues_name_en, lang))
    if changed is not None and latest_year >= changed and changed - 1 in values.index:
        # the verdict rests on figures counted without the district's bodies: said where it is read, beside the
        # last figure counted with them (T14: 17,95 % in 2024, "Đã đạt" with 20,2 % in 2025)
        for lang in ("vi", "en"):
            last = float(values[changed - 1])  # as reported: 17,95 %, not "18,0 %"
            before = value_text(last, unit, lang, exact=True, decimals=max(1, exact_decimals(last, 2)))
            row[f"verdict_reason_{lang}"] += " " + label("r_counted_otherwise", lang).format(
                year=changed, last=changed - 1, before=before)
    if row["awaiting_figure"]:
        for lang in ("vi", "en"):
            waiting = _communes_missing_in(code, target, context, deadline, lang)
            if waiting:
                row[f"verdict_reason_{lang}"] += " " + waiting
    row.update(notes_vi=" ".join(notes_vi), notes_en=" ".join(notes_en))
    return row


def _communes_missing_in(code: str, target, context: _Context, year: int, lang: str) -> str:
    """Which communes a district's figure of ``year`` still waits for, when some have sent theirs:
    "Chờ số liệu năm 2025" with five of six communes in said nothing of which office to call."""
    areas, observations = context.areas, context.observations
    if code not in areas.index or areas.at[code, "kind"] != "district":
        return ""
    after = any(year >= reform.first_year and code == reform.continues for reform in context.reforms)
    units = commune_codes(areas, code, target.get("communes") or "all", map="new" if after else "old")
    flags = context.indicators.at[target["indicator"], "flags"] if target["indicator"] in context.indicators.index else ""
    rows = measured(observations)  # a plan is no figure sent
    rows = rows[(rows["year"] == year) & rows["area_code"].isin(units)]

    def sent_of(indicator: str, group: str) -> set:
        return set(rows.loc[(rows["indicator"] == indicator) & ((rows["group"] == group) | bool(flags)), "area_code"])

    # the share itself (or each commune's flag), or both the counts it is made of (T14: Khmer and all party
    # members; a commune that sent only one of them has not sent its figure)
    sent = sent_of(flags or target["indicator"], target["group"])
    if target.get("numerator_indicator") and target.get("denominator_indicator"):
        sent |= (sent_of(target["numerator_indicator"], target.get("numerator_group") or target["group"])
                 & sent_of(target["denominator_indicator"], target.get("denominator_group") or target["group"]))
    if not sent or sent >= set(units):
        return ""
    missing_names = ", ".join(in_sentence(areas.at[unit, f"name_{lang}"], lang) for unit in units if unit not in sent)
    units_words = _units_word(target if target.get("communes") else {**target, "communes": "all"}, year, context)
    return label("r_communes_missing", lang).format(year=year, n=len(sent), total=len(units), names=missing_names,
                                                    units=units_words[0 if lang == "vi" else 1])


def _communes_waited_for(code: str, target: pd.Series, context: _Context, lang: str) -> str:
    """Why a district has no figure when some of its communes have: the whole area is built from
    every commune's figure of the same year, so one office's file leaves it waiting ("Chưa có số
    liệu" beside that office's own figures read as the file not being used). "" otherwise."""
    areas, observations = context.areas, measured(context.observations)  # a plan is no figure sent
    if code not in areas.index or areas.at[code, "kind"] != "district":
        return ""
    units = areas.index[(areas["parent_code"] == code) & areas["kind"].isin(["commune", "town"])]
    indicators = {target["indicator"], target.get("numerator_indicator") or target["indicator"]}
    rows = observations[observations["indicator"].isin(indicators) & (observations["group"] == target["group"])
                        & observations["area_code"].isin(units)]
    if context.cutoff is not None:
        rows = rows[rows["year"] <= context.cutoff]
    if rows.empty:
        return ""
    # each unit with its years, the earliest first: an old commune and the new one of the same name stay apart
    spans = sorted((int(years.min()), int(years.max()), in_sentence(areas.at[unit, f"name_{lang}"], lang))
                   for unit, years in rows.groupby("area_code", sort=False)["year"])
    named = [f"{name} ({years_span(first, last, 'en')})" for first, last, name in spans]
    return label("r_no_data_communes", lang).format(names=", ".join(named))


def _counted_otherwise_from(code: str, found: TargetSeries, indicators: pd.DataFrame) -> int | None:
    """The reform's first year when the former district's figures before it are the district's own
    (party members, cadres: its bodies' counts included) and after it the new communes' sum (without
    them): T14 went from 17,95 % to 20,2 % and "Đã đạt" in one year, partly by what was counted."""
    reform, frame = found.reform, found.series.frame
    if reform is None or frame.empty or code != reform.continues:
        return None
    before = frame.loc[frame.index < reform.first_year, "how"]
    after = frame.loc[frame.index >= reform.first_year, "how"]
    if (before.isin(["reported", "from counts"]).any() and (after == "sum of new communes").any()
            and found.series.indicator in indicators.index
            and indicators.at[found.series.indicator, "aggregate"] == "district_reported"):
        return reform.first_year
    return None


def _units_changed(code: str, found: TargetSeries, indicators: pd.DataFrame) -> tuple[int, int, int] | None:
    """(the reform's first year, the communes counted before it, after it) for a share of communes of
    the former district that spans the reform: 13/13 in 2024 and 5/6 in 2025 read as a fall of 16,7
    points, partly what was counted. None otherwise."""
    reform, frame = found.reform, found.series.frame
    indicator = found.series.indicator
    if (reform is None or frame.empty or code != reform.continues or indicator not in indicators.index
            or not indicators.at[indicator, "flags"]):
        return None
    before = frame[(frame.index == reform.first_year - 1) & frame["denominator"].notna()]
    after = frame[(frame.index >= reform.first_year) & (frame["how"] == "sum of new communes")
                  & frame["denominator"].notna()]
    if before.empty or after.empty:
        return None
    n_before, n_after = int(before["denominator"].iloc[0]), int(after["denominator"].iloc[0])
    return (reform.first_year, n_before, n_after) if n_before != n_after else None


def _reform_notes(code: str, found: TargetSeries, lang: str, whole: bool = False,
                  counted_otherwise: bool = False) -> list[str]:
    """What the reform did to this series, in words: rebuilt history, apportioned years (``whole``:
    the new communes counted whole, see :func:`~analysis.data.series.counts_whole`)."""
    reform, frame = found.reform, found.series.frame
    if reform is None or frame.empty:
        return []
    notes = []
    rebuilt = frame.index[frame["how"] == "rebuilt from old units"]
    if len(rebuilt):
        olds = ", ".join(reform.predecessors(code))
        notes.append(f"Số liệu {rebuilt.min()}–{rebuilt.max()} tổng hợp lại từ các đơn vị cũ ({olds})." if lang == "vi"
                     else f"Figures {rebuilt.min()}–{rebuilt.max()} rebuilt from the old units ({olds}).")
        if code in reform.outside:
            outside = reform.outside[code][0 if lang == "vi" else 1]
            notes.append(f"Trước 2025 chưa gồm {outside} (≈)." if lang == "vi"
                         else f"Before 2025 it does not include {outside} (≈).")
    if counted_otherwise:
        notes.append(label("composition_change", lang).format(year=reform.first_year, last=reform.first_year - 1))
    if code == reform.continues and (frame["how"] == "sum of new communes").any():
        if whole and reform.whole_note_vi:  # hamlets, communes and shares of communes count xã Ngũ Lạc whole
            notes.append(reform.whole_note_vi if lang == "vi" else reform.whole_note_en)
            return notes
        notes.append(reform.continues_note_vi if lang == "vi" else reform.continues_note_en)
        if frame["approximate"].any():
            notes.append(reform.apportion_note_vi if lang == "vi" else reform.apportion_note_en)
    return notes


def _area_name(code: str, area_row, reform, map: str, lang: str) -> str:
    """An area's name; on the new map the district is "the former district's area"."""
    if area_row is None:
        return code
    if reform is not None and map == "new" and code == reform.continues:
        return reform.continues_name_vi if lang == "vi" else reform.continues_name_en
    return area_row[f"name_{lang}"]


def _projected(row: dict, projection: pd.DataFrame | None, deadline: int) -> None:
    if projection is None or deadline not in projection.index:
        return
    for column, source in (("projected_median", "median"), ("projected_lo_80", "lo_80"), ("projected_hi_80", "hi_80"),
                           ("projected_lo_95", "lo_95"), ("projected_hi_95", "hi_95")):
        row[column] = float(projection.at[deadline, source])


def _units_counted(target, part: pd.DataFrame, code: str, context) -> dict[int, int]:
    """For a share of communes, how many communes each year's figure counts, for the met rule
    (:func:`~analysis.assessment.met.met_rule`): its denominator where it has one (a 2024 figure of
    15 units is k/15, the former district's 2025 figure from the 6 new communes k/6); for a figure
    the district reported as a rate alone, before the reform, the units of the map of its year (a
    reported 2024 figure of 93,3 % judged on the new communes' line read as met). Empty for any
    other series."""
    indicator, indicators = target["indicator"], context.indicators
    if (not target.get("communes") or not len(part) or "denominator" not in part
            or indicator not in indicators.index or not indicators.at[indicator, "flags"]):
        return {}
    counted = {}
    for year, n in part["denominator"].astype(float).items():
        if not math.isnan(n) and n.is_integer() and n >= 2:
            counted[int(year)] = int(n)
    for reform in context.reforms:
        if code != reform.continues:
            continue
        n = len(commune_codes(context.areas, code, target["communes"], map="old"))
        for year in part.index:
            if int(year) < reform.first_year and int(year) not in counted and n >= 2:
                counted[int(year)] = n
    return counted


def _units_word(target, year: int, context) -> tuple[str, str]:
    """What a share of communes counts in ``year``, in words: "xã, thị trấn" where towns are among
    them (the 15 units before the reform), "xã" otherwise."""
    before = any(year < reform.first_year for reform in context.reforms)
    towns = target.get("communes") == "all" and before
    return ("xã, thị trấn", "communes and towns") if towns else ("xã", "communes")


def _units_at_deadline(target, code: str, deadline: int, latest_year: int, context) -> tuple[int, int] | None:
    """(communes counted, from which year) when a share of communes counts other communes at the
    deadline than in its latest figure: the former district's 13 xã are 6 new ones from 2025, and
    "8/13 xã" for 2030 named a count that year cannot have."""
    indicator, indicators = target["indicator"], context.indicators
    if not target.get("communes") or indicator not in indicators.index or not indicators.at[indicator, "flags"]:
        return None  # a share of communes is built from each commune's yes/no
    for reform in context.reforms:
        if code == reform.continues and latest_year < reform.first_year <= deadline:
            n = len(commune_codes(context.areas, code, target["communes"], map="new"))
            return (n, reform.first_year) if n >= 2 else None
    return None


def _read_target(target, code, area_kind, unit, values, latest, latest_year, base_year, base_value, context,
                 notes_vi, notes_en, units_counted: dict[int, int] | None = None,
                 units_later: tuple[int, int] | None = None) -> tuple[float, float, float, MetRule | None, bool]:
    """(level at the deadline, level at the other end of a range, level the status methods
    compare with, the met rule, whether the level comes from illustrative data) of a target
    in an area."""
    kind, deadline, reading = target["kind"], int(target["deadline"]), context.reading
    if kind == "yearly_reduction":
        low, high = float(target["low"]), float(target["high"])
        if deadline > latest_year:
            start, years = latest, deadline - latest_year
        else:
            previous = values.get(deadline - 1, math.nan)
            start, years = float(previous), 1
        level = reduction_level(start, years, low, reading) if not missing(start) else math.nan
        other = reduction_level(start, years, high, reading) if not missing(start) else math.nan
        # The status methods compare the pace since the baseline with `low` points a year.
        status_years = deadline - base_year
        status_level = (base_value * (1 - low / 100) ** status_years if reading == "relative"
                        else base_value - low * status_years)
        precision = REPORTING_PRECISION if reading == "points" else 1e-9
        rule = MetRule(level, level + precision, False, False, "as_written") if not missing(level) else None
        return level, other, status_level, rule, False
    if kind == "yearly_flow":
        low, high = float(target["low"]), float(target["high"])
        return low, high, low, MetRule(low, low, True, False, "as_written"), False
    level, illustrative = float(target["value"]), False
    own = _commune_target(target, code, context)
    if own is not None:
        level, illustrative, year = own
        for lang, notes in (("vi", notes_vi), ("en", notes_en)):
            notes.append(_commune_target_sentence(level, unit, year, illustrative, lang))
            notes.append(target[f"commune_target_note_{lang}"])
    units_counted = units_counted or {}
    rule = met_rule(target, area_kind, level, unit, units_counted.get(latest_year))
    if units_counted:
        # a figure that counted other communes (15 units until 2024, the 6 new communes from 2025) is
        # judged on its own count: on the new communes' line a 2024 figure of 14/15 read as met
        earlier = {year: replace(met_rule(target, area_kind, level, unit, n), units=n)
                   for year, n in units_counted.items() if n != units_counted.get(latest_year) and year < latest_year}
        if earlier:
            rule = replace(rule, earlier=tuple(sorted(earlier.items())))
        # the line of the old units is said once the latest figure is the new communes': a lone year that
        # counted 14 is judged on its own count, not named as "the years before" ("đến năm 2023 … 14 xã")
        last = next((reform.first_year - 1 for reform in context.reforms
                     if code == reform.continues and latest_year >= reform.first_year), None)
        if last in earlier:
            n, before = units_counted[last], earlier[last]
            rule = replace(rule, before_reform=last)
            symbol = ">" if before.strict else "≥"
            units_vi, units_en = _units_word(target, last, context)
            rule = replace(rule, note_vi=f"{rule.note_vi}; đến năm {last} tỷ lệ tính trên {n} {units_vi}, đạt khi "
                                         f"{symbol} {fmt_number(before.threshold, 'vi', 0 if float(before.threshold).is_integer() else 1)} %",
                           note_en=f"{rule.note_en}; up to {last} it counted {n} {units_en}, met when {symbol} "
                                   f"{fmt_number(before.threshold, 'en', 0 if float(before.threshold).is_integer() else 1)} %")
    if units_later is not None and rule.source == "grid" and units_later[0] != rule.units:
        # the deadline's figure counts other communes than the latest one (13 xã, then 6 new ones from 2025):
        # "đủ 8/13 xã" for 2030 named a count that year cannot have. The threshold stays the latest count's
        # (judged on 6 communes, 57,7 % and 58,3 % both mean 4 of them; a continuous projection of a share of
        # 15 units set against 6 communes' line read a missed 14/15 as a level to hold); what it means on the
        # new communes is said
        n, first_year = units_later
        k = math.ceil(rule.threshold * n / 100 - 1e-9)
        rule = replace(rule, later_units=n,
                       note_vi=f"{rule.note_vi}; từ năm {first_year} tỷ lệ tính trên {n} xã mới, mức này là đủ {k}/{n} xã",
                       note_en=f"{rule.note_en}; from {first_year} the share counts the {n} new communes, where this "
                               f"level is {k}/{n} communes")
    if own is not None:
        rule = MetRule(level, level, True, False, "as_written")
    return level, math.nan, level, rule, illustrative


def _commune_target_sentence(level: float, unit: str, year: int, illustrative: bool, lang: str) -> str:
    return label("commune_target", lang).format(value=value_text(level, unit, lang), year=year,
                                                illustrative=label("illustrative_suffix", lang) if illustrative else "")


def _needed(row, target, kind, latest, latest_year, deadline, level, level_other, rule, reading, since,
            plan_start) -> None:
    """The yearly rate needed from the latest year (both ends of a range), and its ratio to
    the observed paces."""
    if kind == "yearly_flow":
        years_total = deadline - plan_start + 1
        # up to the deadline: a 2026 estimate beside a 2025 deadline left the 2025 status "no figure"
        row.update(cumulative_since_start=float(since[since.index <= deadline].sum()),
                   cumulative_target=target["low"] * years_total)
        if deadline > latest_year:
            row.update(needed_points_per_year=float(target["low"]), needed_points_per_year_other_end=float(target["high"]))
    elif deadline > latest_year and rule is not None:
        needed = required_rate(latest, latest_year, rule.aim() if kind != "yearly_reduction" else level, deadline)
        row.update(needed_points_per_year=needed.points_per_year, needed_percent_per_year=needed.percent_per_year)
        if kind == "yearly_reduction":
            other = required_rate(latest, latest_year, level_other, deadline)
            row.update(needed_points_per_year_other_end=other.points_per_year)
            if reading == "relative":
                row.update(needed_percent_per_year=-float(target["low"]),
                           needed_percent_per_year_other_end=-float(target["high"]))
            else:  # a compound rate means nothing for a fall counted in points
                row["needed_percent_per_year"] = math.nan
    if kind == "yearly_flow":
        row["target_value"] = float(target["low"])
    needed_pts = row["needed_points_per_year"]
    if not missing(needed_pts) and needed_pts != 0 and kind != "yearly_flow":
        for source, column in (("observed_points_per_year_5y", "ratio_5y"),
                               ("observed_points_per_year_since_base", "ratio_since_base")):
            if not missing(row[source]):
                row[column] = row[source] / needed_pts


def _status(row, target, kind, direction, values, since, base_year, base_value, latest_year, latest,
            level, deadline, reading, notes_vi, notes_en) -> None:
    """The secondary status by a published method (unchanged: the value as written, the pace
    since the baseline), and the UN expected-progress ratio."""
    base_met = kind != "yearly_flow" and meets(base_value, level, kind)
    if deadline <= latest_year:
        if kind == "yearly_flow":
            met = row["cumulative_since_start"] >= row["cumulative_target"] if deadline in values.index else math.nan
        else:
            at_deadline = values.get(deadline, math.nan)
            met = meets(at_deadline, level, kind) if not missing(at_deadline) else math.nan
        row["status"] = "too_little_data" if missing(met) else ("achieved" if met else "missed")
        row["status_method"] = "deadline_passed"
    elif kind != "yearly_flow" and meets(latest, level, kind):
        row["status"] = "achieved"
        row["status_method"] = "growth_rate_ratio"
    elif len(values) < 2:
        row["status"] = "too_little_data"
    elif base_met:
        # It met the target at the baseline and has since fallen short: a ratio to the
        # distance still to go is meaningless (the distance had the other sign).
        row.update(status="moving_away", status_method="fell_below_target")
        notes_vi.append(f"Đã đạt mục tiêu năm {base_year} ({value_text(base_value, row['unit'], 'vi')}) nhưng nay "
                        "thấp hơn.")
        notes_en.append(f"Met the target in {base_year} ({value_text(base_value, row['unit'], 'en')}) but has fallen "
                        "short since.")
    else:
        ratio, method = _status_ratio(target, kind, direction, base_year, base_value, latest_year, latest,
                                      level, deadline, since, reading)
        row.update(status=status_from_ratio(ratio), status_ratio=ratio, status_method=method)
    if len(values) >= 2 and kind != "yearly_flow" and latest_year > base_year and not base_met \
            and row["status_method"] != "deadline_passed":
        progress = expected_progress_ratio(base_value, base_year, latest, latest_year, level, deadline)
        row.update(un_progress_ratio=progress, un_status=un_status(progress))


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


def _holding(target, kind, latest, rule) -> bool:
    """Whether a target's latest figure meets a level already, so that its chance before the
    deadline is a chance of holding it. A level set for every year (T12 "hằng năm 90 %", T13 "giữ
    vững 100 %") is held as any other: "giữ mức đã đạt · 80 %" beside T14's "giữ mức đã đạt · 88 %‡"
    gave two meanings to one cell. A yearly fall or count is judged year by year, never held."""
    return kind not in ("yearly_reduction", "yearly_flow") and rule is not None and rule.met(latest)


def _chance(row, target, kind, direction, projection, values, latest_year, latest, deadline, rule, unit) -> None:
    """The chance of meeting the target at the deadline, and the year the projection meets it."""
    if projection is None or len(values) < 2 or rule is None:
        return
    holding = _holding(target, kind, latest, rule)
    if deadline in projection.index:
        threshold = rule.projection_threshold(unit)
        # a level met already is held to the deadline only if it is still met in every year up to it:
        # its chance is at most the least of those years' chances (without this, a commune at 100 %
        # whose projection dips and comes back read "not yet secure" for 2025 but "achieved" for
        # 2030, from the same figure)
        years = [year for year in projection.index if latest_year < year <= deadline] if holding else [deadline]
        chances = {year: probability_beyond(projection, year, threshold, above=direction > 0, strict=rule.strict)
                   for year in years or [deadline]}
        weakest = min(chances, key=lambda year: (chances[year], year))
        row["probability"] = chances[weakest]
        if chance_text(chances[weakest]) != chance_text(chances[deadline]):
            row["weakest_year"] = weakest  # the reason names it (Evidence.weakest_year); not a column
    row["probability_words"] = probability_words(row["probability"], holding=holding)
    if kind == "yearly_reduction":
        return  # the year a yearly fall is "reached" means nothing
    # met in that year's own figure, not projected to be: "đã đạt từ 2026" (words.reach_text)
    row["reach_met"] = bool(rule.met(latest))
    if row["reach_met"]:
        # met since the first year of its latest run of met figures: M2, met in 2022 and every year
        # since, was "reached" in 2024 (its latest year) beside "Đã đạt (2022)"
        reach = latest_year
        for year, value in reversed(list(values.items())):
            if not rule.at(int(year)).met(float(value)):
                break
            reach = int(year)
        # met since the first figure there is: reached then or before
        reach_words = f"≤ {reach}" if reach == int(values.index[0]) else str(reach)
    else:
        threshold = rule.projection_threshold(unit)
        reach = next((int(year) for year, median in projection["median"].items()
                      if not math.isnan(median) and (median >= threshold if direction > 0 else median <= threshold)),
                     None)
        reach_words = str(reach) if reach is not None else "not_by_2035"
        if reach is None and len(values) < MIN_POINTS_ALL_METHODS:
            reach_words = ""  # the latest value kept (too few points for a trend) says nothing of "not by 2035"
    row["reach_year"] = reach if reach is not None else pd.NA
    row["reach"] = reach_words


def _evidence(row, target, kind, direction, values, latest_year, latest, deadline, rule, record,
              basis_from: int | None = None) -> Evidence:
    deadline_known = deadline <= latest_year
    deadline_met = None
    if deadline_known:
        if record is not None:
            judged = record[record["year"] == deadline]
            deadline_met = bool(judged["met"].iloc[0]) if len(judged) else None
        elif deadline in values.index and rule is not None:
            deadline_met = rule.at(deadline).met(float(values[deadline]))
    latest_change = math.nan
    if kind == "yearly_flow":
        tail = values[values.index > latest_year - RECENT_YEARS]
        recent, needed = float(tail.mean()) - float(target["low"]), 0.0
    else:
        recent = direction * row["observed_points_per_year_recent"]
        needed = direction * row["needed_points_per_year"]
        # a last change across a change of what is counted is no turn (13/13 old communes, then 5/6 new ones)
        if len(values) >= 2 and not (basis_from is not None and int(values.index[-2]) < basis_from <= latest_year):
            (year_before, before), (year_last, last) = list(values.iloc[-2:].items())
            latest_change = direction * (float(last) - float(before)) / (int(year_last) - int(year_before))
    return Evidence(
        deadline=deadline, n_points=len(values), has_target=target["origin"] != "projection", latest_year=latest_year,
        latest_met=_holding(target, kind, latest, rule),
        deadline_known=deadline_known, deadline_met=deadline_met, probability=row["probability"],
        recent=recent, needed=needed, since_base_enough=_since_base_ratio(row) >= STATUS_THRESHOLDS[0], latest_change=latest_change,
        projected_change=(direction * (row["projected_median"] - latest) if kind != "yearly_flow" else math.nan),
        deadline_passed=bool(row["awaiting_figure"]), weakest_year=row.get("weakest_year"),
    )


def _latest_decimals(table: pd.DataFrame) -> pd.Series:
    """The decimals each row's latest figure is printed with: the most any row of its target and
    area needs (:func:`analysis.words.decimals_against`), so that its 2025 and 2030 rows print it
    alike ("17,95 %" in both, not "18,0 %" in the 2030 one); NA for the unit's usual decimals."""
    wanted = pd.Series([decimals_against(row["latest_value"], row, need=True) for _, row in table.iterrows()],
                       index=table.index, dtype="Int64")
    return wanted.groupby([table["target_id"], table["area_code"]]).transform("max")


def _basis_words(row, basis_from: int, lang: str) -> str:
    """What a series counted before ``basis_from``, in words: "tính trên 13 xã cũ", "số của huyện, gồm cả các cơ
    quan cấp huyện", "phần xã Thạnh Hòa Sơn cũ"."""
    inside = part_inside(str(row["area_code"]), lang)
    if inside is not None:
        return label("basis_part", lang).format(part=inside[1])
    if not missing(row.get("units_before")):
        return label("basis_units", lang).format(before=int(row["units_before"]))
    if not missing(row.get("counted_otherwise_from")):
        return label("basis_district", lang)
    if row["unit"] in PLACE_UNITS:  # hamlets and communes: xã Ngũ Lạc counted whole only from the reform
        for reform in load_reforms():
            if reform.continues == row["area_code"]:
                return label("basis_places", lang).format(before=reform.units_before)
    return label("basis_before", lang).format(year=basis_from)


def _part_before_reform(row) -> bool:
    """Whether the latest figure is, before the reform, the old unit's own figure of a new commune that
    also holds land outside the plan's area (xã Ngũ Lạc's 2024 is the old Thạnh Hòa Sơn's): a part's
    own figure, marked "≈" for the whole commune, not an estimate of it."""
    inside = part_inside(str(row.get("area_code", "")))
    return inside is not None and int(row["latest_year"]) < inside[0].first_year


def _reason_words(row, target, lang, values, deadline, rule, window: pd.Series, basis_from: int | None = None,
                  latest_how: str = "") -> dict:
    unit = row["unit"]
    kind = row["kind"]
    target_words = target_text(pd.Series({**row, "reading": row["reading"] or "points"}), lang)
    deadline_value = values.get(deadline, math.nan)
    if kind == "yearly_reduction" and deadline - 1 in values.index and not missing(deadline_value):
        value_words = change_text(float(deadline_value) - float(values[deadline - 1]), "percent", lang, per_year=False)
    else:  # as many decimals as it takes for the figure as printed to agree with "đạt"/"chưa đạt"
        value_words = value_text(deadline_value, unit, lang, exact=True,
                                 decimals=decimals_against(deadline_value, row)) if not missing(deadline_value) else "–"
    if row.get("deadline_approximate") and not missing(deadline_value):
        # an estimate (a new commune's share of an old unit assumed), as the tables mark it "≈"
        value_words = label("about_value", lang).format(value=value_words)
    latest_year = int(row["latest_year"])
    if kind == "yearly_flow":
        tail = values[values.index > latest_year - RECENT_YEARS]
        recent_words = value_text(float(tail.mean()), unit, lang)
        needed_words = value_text(float(target["low"]), unit, lang)
        recent_span = years_span(int(tail.index[0]), latest_year, lang,
                                 every_year=len(tail) == latest_year - int(tail.index[0]) + 1)
    else:
        recent_words = change_text(row["observed_points_per_year_recent"], unit, lang)
        window_start, window_end = int(window.index[0]), int(window.index[-1])
        whole = whole_units_over(row["observed_points_per_year_recent"], unit, window_end - window_start)
        # "3 năm 2022–2024 giảm 1 ấp" beside a need said in whole units over years ("giảm 2 ấp từ năm 2024 đến
        # năm 2030"): 0,3 ấp a year beside it read as too few; beside a need of one year ("giảm 1 ấp so với năm
        # 2024") the pace stays a pace, or "1" and "1" read as enough
        if whole is not None and whole_units_over(row["needed_points_per_year"], unit, deadline - latest_year) is not None:
            recent_words = change_text(whole, unit, lang, per_year=False)
        # the figures the pace runs between, named as such: "3 năm 2022–2024 giảm 0,8" (the changes of 2022,
        # 2023 and 2024) read as from the 2022 figure to the 2024 one, which rose, beside a chart showing it
        estimated = bool(row.get("approximate")) and not _part_before_reform(row) and window_end == latest_year
        key = ("pace_span" if not estimated else
               "pace_span_estimated" if latest_how == "sum of new communes" else "pace_span_provisional")
        recent_span = label(key, lang).format(start=window_start, end=window_end)
        if window_end < latest_year or (basis_from is not None and _part_before_reform(row)):
            # the pace stops before what is counted changed, or runs on a new commune's old part: said with it
            recent_span = label("pace_span_before", lang).format(start=window_start, end=window_end,
                                                                 basis=_basis_words(row, basis_from, lang))
        # "giảm 3,0 điểm % trong năm 2025", not "mỗi năm"; "so với năm 2024" once 2025 has ended
        needed_words = change_needed(row["needed_points_per_year"], unit, deadline, latest_year,
                                     bool(row["awaiting_figure"]), lang, decimals=need_decimals(row),
                                     more_than=more_than_needed(row), pace=kind == "yearly_reduction")
        direction = INCREASING[kind]
        pace, need = row["observed_points_per_year_recent"], row["needed_points_per_year"]
        if (unit == "percent" and _first_figure(recent_words) == _first_figure(needed_words) and not missing(pace)
                and not missing(need) and direction * need > 0 and direction * pace < ON_TRACK_PACE * direction * need):
            # "Cần tăng 0,5 điểm %/năm, trong khi … tăng 0,5 điểm %/năm" beside "Chuyển biến chậm": 0,47 against
            # 0,54, printed so that the shortfall the verdict rests on shows
            recent_words = change_text(pace, unit, lang, decimals=2)
            needed_words = change_needed(need, unit, deadline, latest_year, bool(row["awaiting_figure"]), lang,
                                         decimals=2, more_than=more_than_needed(row), pace=kind == "yearly_reduction")
        needed_words += communes_more_words(row, lang)  # "…/năm; từ 91,7 % trở lên là đủ 6/6 xã: thêm 1 xã …"
    return {
        "same_pace_printed": _first_figure(recent_words) == _first_figure(needed_words),
        "flag": unit == "flag",
        "benchmark": bool(row.get("benchmark")),
        "flow": kind == "yearly_flow",
        "no_previous": kind == "yearly_reduction" and deadline in values.index and deadline - 1 not in values.index,
        # an estimate is said as one, as the yearly sentence and the tables mark it: "Đã đạt năm 2026 (97 %)"
        # stood beside "≈97,0 % (2026)"
        "latest": (label("about_value", lang) if row.get("approximate") else "{value}").format(
            value=value_text(row["latest_value"], unit, lang, exact=True,
                             decimals=decimals_against(row["latest_value"], row, need=True))),
        "target": target_words,
        "value": value_words,
        "recent": recent_words,
        "needed": needed_words,
        "recent_span": recent_span,
        "base_year": row["base_year"],
        "awaiting": row["awaiting_figure"],
        "latest_change": _latest_change_words(values, unit, lang),
        "dip": _last_shortfall(values, rule, unit, lang),
        # the first year of the latest run of figures that met it, when earlier than the latest (_chance)
        "met_since": (int(row["reach_year"]) if row.get("reach_met") and not missing(row.get("reach_year"))
                      and int(row["reach_year"]) < int(row["latest_year"]) else None),
        **_projection_words(row, rule, unit, lang),
        **_since_base_words(row, unit, lang),
    }


SHORTFALL_YEARS = 5
"""How far back a level met now looks for the last year it fell short (:func:`_last_shortfall`)."""


def _last_shortfall(values: pd.Series, rule, unit: str, lang: str) -> dict | None:
    """The last year before the latest, within :data:`SHORTFALL_YEARS`, whose figure fell short of
    the target, and that figure in words (None: none did, or nothing to judge by).

    >>> from analysis.assessment.met import MetRule
    >>> hamlets = pd.Series([100.0, 83.3, 66.7, 100.0], index=[2021, 2022, 2023, 2024])
    >>> rule = MetRule(100.0, 99.5, True, False, "bound")
    >>> _last_shortfall(hamlets, rule, "percent", "vi")
    {'year': 2023, 'value': '66,7 %'}
    >>> _last_shortfall(hamlets.iloc[[0, 3]], rule, "percent", "vi") is None
    True
    """
    if rule is None or len(values) < 2:
        return None
    latest_year = int(values.index[-1])
    earlier = values[(values.index < latest_year) & (values.index >= latest_year - SHORTFALL_YEARS)]
    short = [(int(year), float(value)) for year, value in earlier.items() if not rule.at(int(year)).met(float(value))]
    if not short:
        return None
    year, value = short[-1]
    return {"year": year, "value": value_text(value, unit, lang, exact=True)}


def _first_figure(text: str) -> str:
    """The direction word and first figure of a change in words, as printed.

    >>> _first_figure("giảm 3,0 điểm %/năm"), _first_figure("giảm 3,0 điểm % trong năm 2025")
    ('giảm 3,0', 'giảm 3,0')
    """
    found = re.match(r"\S+ [\d.,]+", text)
    return found.group(0) if found else text


def _latest_change_words(values, unit, lang) -> str:
    """The change between the last two points in words ("tăng 1,2 điểm %"), or ""."""
    if len(values) < 2:
        return ""
    return change_text(float(values.iloc[-1]) - float(values.iloc[-2]), unit, lang, per_year=False)


def _projection_words(row, rule, unit, lang) -> dict:
    """The projection at the deadline and the level it must reach, in words, and whether it
    falls short: why a pace that was enough can still give a low chance (near 100 % a share
    slows down; a yearly fall must reach a level)."""
    median = row["projected_median"]
    if rule is None or missing(median) or row["kind"] == "yearly_flow":
        return {"projection_short": False}
    # in words, as a report writes it: "(cần từ 60 % trở lên)", not "(cần ≥ 60 %)"
    bar = {(False, True): "goal_below", (False, False): "goal_at_most", (True, True): "goal_above",
           (True, False): "goal_at_least"}[(rule.increasing, rule.strict)]
    threshold = float(rule.threshold)
    if row["kind"] == "yearly_reduction" and unit == "percent":
        # a fall is judged on the figure as printed, to one decimal: the level as the chart's legend gives it
        goal = value_text(rule.level, unit, lang)
    elif unit == "percent":  # as many decimals as the threshold has: "≥ 99,5 %", not a rounded "≥ 100 %"
        goal = f"{fmt_number(threshold, lang, exact_decimals(threshold))} %"
    else:
        goal = value_text(threshold, unit, lang, exact=True)
    # a rising target falls short at "only" its projection, a falling one is "still" above it
    short_word = {("vi", True): "chỉ", ("vi", False): "vẫn còn", ("en", True): "only",
                  ("en", False): "still"}[(lang, rule.increasing)]
    if (row["kind"] == "yearly_reduction" and rule.level == 0) or (not rule.increasing and not rule.strict
                                                                    and threshold == 0):
        # not "không quá 0,0 %", nor "(needed: at most 0 hamlets)"
        words = label("goal_zero", lang).format(value=value_text(0, unit, lang, exact=True))
    else:
        words = label(bar, lang).format(value=goal)
        target = row.get("target_value")
        communes = communes_met(row)
        if communes is not None and not missing(target):
            # a share of a few communes: the level counted as met is a count ("tính là đạt khi từ 58,3 %" beside
            # the plan's 60 % read as a lowered target)
            words = label("goal_with_communes", lang).format(
                target=value_text(float(target), unit, lang, exact=True), k=communes[0], n=communes[1])
        elif row["kind"] != "yearly_reduction" and not missing(target) and float(target) != threshold:
            # the plan's value is the target; the level counted as met is said beside it, never instead of it
            words = label("goal_with_threshold", lang).format(
                target=value_text(float(target), unit, lang, exact=True),
                bar=label(bar.replace("goal_", "met_"), lang).format(value=goal))
    # printed with the decimals that keep it short of the bar as printed: "chỉ 99,5 % (… tính là đạt khi từ
    # 99,5 %)" for a median of 99,477 read as met
    projected = value_text(median, unit, lang, decimals=decimals_against(median, row))
    # two or three points: the projection keeps the latest value, which says nothing of a slowdown
    held = (not missing(row["n_points"]) and int(row["n_points"]) < MIN_POINTS_ALL_METHODS
            and not missing(row["latest_value"]) and math.isclose(float(median), float(row["latest_value"])))
    return {"projection_short": not rule.met(float(median)), "projected": projected, "goal": words,
            "short_word": short_word, "level_held": held, "points": int(row["n_points"]) if held else None}


def _since_base_ratio(row) -> float:
    """The pace since the baseline against the pace needed from it, in the points a year the reason
    prints both in: "Tốc độ từ 2021 đủ" rested on the compound-growth ratio of the published method
    (1,31) while the same sentence printed 4,5 points a year against 5,0 needed. A yearly target
    keeps its status ratio (its need is each year's)."""
    if row["kind"] in ("yearly_reduction", "yearly_flow"):
        return row["status_ratio"]
    level = row["met_threshold"] if not missing(row.get("met_threshold")) else row["target_value"]
    if missing(level) or missing(row["base_value"]) or missing(row["base_year"]) or missing(row["latest_year"]):
        return math.nan
    return linear_rate_ratio(float(row["base_value"]), int(row["base_year"]), float(row["latest_value"]),
                             int(row["latest_year"]), float(level), int(row["deadline"]), INCREASING[row["kind"]])


def _since_base_words(row, unit, lang) -> dict:
    """The pace since the baseline in words, whether the recent pace is slower (both windows are
    the same years until the baseline is more than three years back), and whether the pace since
    the baseline fell short of what was needed from it (an on-track status from 95 % of it)."""
    since, recent = row["observed_points_per_year_since_base"], row["observed_points_per_year_recent"]
    if missing(since) or missing(recent):
        return {"since": "", "slowed": False, "since_short": False, "since_need": ""}
    direction = INCREASING[row["kind"]]
    shown_since, shown_recent = (change_text(v, unit, lang) for v in (since, recent))
    # slower as printed at the usual decimals (the pace since the baseline may take more below)
    slowed = direction * recent < direction * since and shown_since != shown_recent
    ratio = _since_base_ratio(row)
    since_need = ""
    if not missing(ratio) and ratio > 0:
        # the pace needed from the baseline, which "gần đủ" / "đủ" is measured against, printed beside the
        # pace with as many decimals as it takes to tell them apart ("0,32 … mức cần 0,33", not "0,3 … 0,3")
        need = since / ratio
        decimals = next((d for d in (None, 2) if change_text(since, unit, lang, decimals=d)
                         != change_text(need, unit, lang, decimals=d)), 3)
        shown_since = change_text(since, unit, lang, decimals=decimals)
        since_need = change_text(need, unit, lang, decimals=decimals)
    return {"since": shown_since, "slowed": slowed, "since_short": not missing(ratio) and ratio_below_one(ratio),
            "since_need": since_need}


def _yearly_sentences(row, target, kind, record, latest, deadline, level, lang, approximate=frozenset()) -> list[str]:
    """For targets set year by year: the latest judged year, the years met, and (poverty) what
    is arithmetically possible. A year's value that is an estimate (``approximate``: its year) is
    said as one, as the tables mark it "≈"."""
    sentences = []
    if record is not None and len(record):
        last = record.iloc[-1]
        year = int(last["year"])
        if kind == "yearly_reduction":
            key = "year_rise" if last["change"] < 0 else ("year_fall_met" if last["met"] else "year_fall_missed")
            fall = fmt_number(abs(last["change"]), lang, 1)
            if {year, year - 1} & approximate:  # a fall from or to an estimate is one too
                fall = label("about_value", lang).format(value=fall)
            text = label(key, lang).format(year=year, fall=fall)
        else:
            key = "year_value_met" if last["met"] else "year_value_missed"
            value = value_text(last["value"], row["unit"], lang, exact=True)
            if year in approximate:  # "Năm 2025: 1.147 lao động" beside the board's "≈1.147"
                value = label("about_value", lang).format(value=value)
            text = label(key, lang).format(year=year, value=value)
        counted = years_met_text(int(record["met"].sum()), len(record), lang)
        sentences.append(f"{text}; {counted}.")
    if kind == "yearly_reduction" and row["reading"] == "points" and deadline > row["latest_year"] \
            and not missing(level) and level <= 0:
        low = fmt_number(float(target["low"]), lang, 0)
        # as printed: 2,967 % is "3,0 %", beside which "còn dưới 3 %" read as a mistake
        if half_up(latest, 1) < float(target["low"]):
            sentences.append(label("below_low_end", lang).format(low=low))
        else:
            sentences.append(label("reaches_zero", lang).format(low=low, deadline=deadline))
    return sentences


def status_label(key: str, lang: str = "vi") -> str:
    """Words for a verdict, status, UN status, probability or reach key (``""`` for none).

    >>> status_label("moderate", "en"), status_label("likely"), status_label("needs_acceleration")
    ('Moderate progress, acceleration needed', 'Nhiều khả năng đạt', 'Cần đẩy nhanh tiến độ')
    """
    if not key:
        return ""
    if key.removeprefix("≤ ").isdigit():  # a reach year: "2028", or "≤ 2015" (met since the first figure)
        return key
    return label(key, lang)

