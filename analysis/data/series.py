"""From observation rows to one yearly series per indicator × area × population group.

Rules, in the order they apply:

- only ``preferred`` rows are used (conflicting published figures are all kept in the data,
  one marked preferred);
- a share indicator with declared counts (``numerator``/``denominator`` in the catalogue,
  e.g. Khmer party members over all members) is computed from count rows for the years
  that have counts but no share row;
- a district is built from its communes when it can be: the sum of the communes' counts
  (ratio of sums for shares, plain sum for counts and yearly flows; for a share of communes,
  the share whose yes/no flag is 1, or a count the district reports over the number of
  communes counted), in the years every commune that ever reported the indicator reported
  it; otherwise the district's own reported figures are used;
- in a year where the district reports a real figure itself, that figure is used even when the
  communes could be summed: a district-reported real figure is never replaced by a sum of
  communes, least of all of illustrative ones; and an indicator declared
  ``district_reported`` (party members, cadres: district bodies count people who belong to no
  commune) is never built from communes at all;
- the measurement standard is kept with each year, so that callers can keep to the points
  since the latest break (:func:`since_latest_standard`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .catalogue import commune_codes, load_standards

__all__ = ["YearlySeries", "build_series", "measured", "since_latest_standard", "one_standard_a_year", "AGGREGATED_SOURCE", "merge_rule",
           "reported_rows"]

AGGREGATED_SOURCE = re.compile(r"^tổng hợp từ (?P<n>\d+) (?P<vi>[^/]+?) / combined from \d+ (?P<en>[^—]+?) — ")
"""The note a summed area puts before the sources of the figures it summed ("tổng hợp từ 13 xã /
combined from 13 communes — …"): the reports read it back to say it in one language. "Combined",
not "sum": a rate is the ratio of the summed counts."""

COLUMNS = ["value", "numerator", "denominator", "standard", "illustrative", "source", "how", "approximate"]
"""``approximate``: the point is an estimate (a rate rebuilt without counts, or a share of a new
commune apportioned to the former district): charts mark it "≈"."""


@dataclass
class YearlySeries:
    """One yearly series: a frame indexed by year with :data:`COLUMNS`."""

    indicator: str
    area_code: str
    group: str
    frame: pd.DataFrame

    @property
    def illustrative(self) -> bool:
        """True when any point of the series is illustrative data."""
        return bool(self.frame["illustrative"].any())


def reported_rows(observations: pd.DataFrame, indicator: str, area: str, group: str) -> pd.DataFrame:
    """The figures ``area`` reported itself for ``indicator`` and ``group`` (the preferred row of
    each year), by year, in the columns of a series."""
    mask = ((observations["indicator"] == indicator) & (observations["area_code"] == area)
            & (observations["group"] == group) & observations["preferred"])
    rows = observations.loc[mask].sort_values("year")
    frame = pd.DataFrame({
        "value": rows["value"].to_numpy(float),
        "numerator": rows["numerator"].to_numpy(float),
        "denominator": rows["denominator"].to_numpy(float),
        "standard": rows["standard"].to_numpy(object),
        "illustrative": rows["illustrative"].to_numpy(bool),
        "source": rows["source"].to_numpy(object),
        "how": "reported",
        "approximate": _said_about(rows),
    }, index=pd.Index(rows["year"].to_numpy(int), name="year"))
    return frame


APPROXIMATE_QUALIFIERS = ("about", "nearly")
"""Qualifiers of a figure given as an estimate ("khoảng", "ước thực hiện", "gần"): drawn and written
with ≈, as the estimates the workbench makes itself are."""


def _said_about(rows: pd.DataFrame) -> np.ndarray:
    """Whether each row's figure is an estimate by its own qualifier: a 2026 "ước thực hiện" was drawn
    as a measured point, and a 2030 projection started from it without a mark.

    >>> _said_about(pd.DataFrame({"qualifier": ["about", "", "more_than", "nearly"]})).tolist()
    [True, False, False, True]
    """
    if "qualifier" not in rows:
        return np.zeros(len(rows), dtype=bool)
    return rows["qualifier"].isin(APPROXIMATE_QUALIFIERS).to_numpy(bool)


def _from_counts(observations, numerator, denominator, area) -> pd.DataFrame:
    """A share (percent) from separate count rows of its numerator and denominator."""
    if not numerator or not denominator:
        return pd.DataFrame(columns=COLUMNS)
    num = reported_rows(observations, numerator[0], area, numerator[1])
    den = reported_rows(observations, denominator[0], area, denominator[1])
    years = num.index.intersection(den.index)
    years = [y for y in years if den.at[y, "value"] > 0]
    if not years:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame({
        "value": [100 * num.at[y, "value"] / den.at[y, "value"] for y in years],
        "numerator": [num.at[y, "value"] for y in years],
        "denominator": [den.at[y, "value"] for y in years],
        "standard": [num.at[y, "standard"] for y in years],
        "illustrative": [bool(num.at[y, "illustrative"] or den.at[y, "illustrative"]) for y in years],
        "source": [num.at[y, "source"] for y in years],
        "how": "from counts",
        "approximate": [bool(num.at[y, "approximate"] or den.at[y, "approximate"]) for y in years],
    }, index=pd.Index(years, name="year"))
    return frame


def _with_shares_from_counts(observations, indicator, group, numerator, denominator, areas) -> pd.DataFrame:
    """``observations`` with a row of ``indicator`` added for each commune and year whose share is
    given only as separate counts (party members: the Khmer ones and all), so that an area built
    from its communes counts them: six new communes' counts for 2025 built no 2025 point of the
    former district, whose T14 then waited for a figure nothing could send."""
    if not numerator or not denominator:
        return observations
    communes = set(areas.index[areas["kind"].isin(["commune", "town"])])
    codes = [code for code in observations.loc[observations["indicator"] == numerator[0], "area_code"].unique()
             if code in communes]
    made = []
    for code in codes:
        counted = _from_counts(observations, numerator, denominator, code)
        own = reported_rows(observations, indicator, code, group)
        counted = counted.loc[~counted.index.isin(own.index)]
        if len(counted):
            made.append(counted.reset_index().assign(indicator=indicator, area_code=code, group=group, preferred=True))
    if not made:
        return observations
    rows = pd.concat(made, ignore_index=True)[["indicator", "area_code", "group", "year", "standard", "value",
                                               "numerator", "denominator", "illustrative", "source", "preferred"]]
    return pd.concat([observations, rows.astype({"year": observations["year"].dtype})], ignore_index=True)


def _single_area(observations, indicator, area, group, numerator, denominator) -> pd.DataFrame:
    reported = reported_rows(observations, indicator, area, group)
    counted = _from_counts(observations, numerator, denominator, area)
    if len(counted):
        counted = counted.loc[~counted.index.isin(reported.index)]
        reported = pd.concat([reported, counted]).sort_index() if len(reported) else counted
    return reported


def _aggregate(observations, indicator, group, communes, aggregate, flags: str = "", shares: dict | None = None,
               population: dict | None = None, what: tuple[str, str] = ("xã, thị trấn", "communes"),
               how: str = "") -> pd.DataFrame:
    """An area from its communes, in the years every one of ``communes`` reported: an area is the
    sum of all its parts, never of the ones that happened to send their figures.

    ``aggregate`` is "sum" (counts, yearly flows) or "ratio" (the sum of numerators over the sum
    of denominators). A share of communes (``flags``) is the share of the communes whose flag is 1.
    ``shares`` counts only a share of a commune's counts (apportioning; the point is then
    approximate). ``population`` (code → 2019 population) weights a rate given without
    counts; with it missing the plain mean is used; either way the point is approximate. Without
    ``population`` (the district from its own communes), years without counts are left out."""
    if aggregate in ("none", "district_reported"):
        return pd.DataFrame(columns=COLUMNS)
    source_indicator = flags or indicator
    mask = ((observations["indicator"] == source_indicator) & (observations["group"] == group)
            & observations["area_code"].isin(communes) & observations["preferred"])
    rows = observations.loc[mask]
    if flags:
        rows = rows.assign(numerator=rows["value"], denominator=1.0)
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    shares = shares or {}
    reporting = set(communes)
    # the counts a rate without them borrows: a real point only from real rows (a real 4,9 / 3,2 / 4,1 % weighted
    # by made-up households made a point drawn as real from illustrative data), an illustrative one from any
    counts_from = {made_up: _denominators(observations, source_indicator, group, communes, made_up)
                   for made_up in (False, True)} if aggregate == "ratio" else {False: {}, True: {}}
    out = {}
    # a year counts on a standard every commune reported it on: one commune's 2021 on the old poverty line
    # beside all 15 on the new one lost the district its 2021 point
    for (year, standard), part in rows.groupby(["year", "standard"]):
        if set(part["area_code"]) != reporting:
            continue
        weight = part["area_code"].map(lambda code: shares.get(code, 1.0)).to_numpy(float)
        apportioned = (bool((weight < 1).any()) and not flags) or bool(_said_about(part).any())
        if flags:
            weight = np.ones(len(part))  # a commune counts whole in a share of communes
        illustrative = bool(part["illustrative"].any())
        underlying = "; ".join(sorted(set(part["source"])))
        units = what[1] if len(part) != 1 else {"communes and towns": "commune or town"}.get(what[1],
                                                                                          what[1].removesuffix("s"))
        source = f"tổng hợp từ {len(part)} {what[0]} / combined from {len(part)} {units} — {underlying}"
        if aggregate == "ratio" and not flags and part["denominator"].isna().any():
            part, estimated = _estimate_counts(part, counts_from[illustrative])
            apportioned = apportioned or estimated
        if aggregate == "sum":
            out[year, standard] = (float((weight * part["value"].to_numpy(float)).sum()), np.nan, np.nan, standard,
                         illustrative, source, apportioned)
        elif part["numerator"].notna().all() and part["denominator"].notna().all():
            num = float((weight * part["numerator"].to_numpy(float)).sum())
            den = float((weight * part["denominator"].to_numpy(float)).sum())
            if den > 0:
                out[year, standard] = (100 * num / den, num, den, standard, illustrative, source, apportioned)
        elif population is not None:
            people = part["area_code"].map(lambda code: population.get(code, np.nan)).to_numpy(float)
            if np.isnan(people).any():
                people = np.ones(len(part))
            people = people * weight
            out[year, standard] = (float((people * part["value"].to_numpy(float)).sum() / people.sum()), np.nan,
                                   np.nan, standard, illustrative, source, True)
    if not out:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame(list(out.values()), index=[year for year, _ in out],
                         columns=["value", "numerator", "denominator", "standard", "illustrative", "source", "approximate"])
    frame["how"] = how or ("sum of communes" if aggregate == "sum" else (
        "share of communes" if flags else "ratio of commune counts"))
    frame.index = pd.Index(frame.index.astype(int), name="year")
    return frame[COLUMNS].sort_index(kind="stable")


def _denominators(observations, indicator, group, communes, illustrative: bool = True) -> dict:
    """Each commune's denominators by year, from every row that has one (preferred or not; real
    rows only unless ``illustrative``): a commune whose figure comes without counts is weighted by
    its nearest year's denominator."""
    mask = ((observations["indicator"] == indicator) & (observations["group"] == group)
            & observations["area_code"].isin(communes) & observations["denominator"].notna())
    if not illustrative:
        mask &= ~observations["illustrative"].astype(bool)
    rows = observations.loc[mask, ["area_code", "year", "denominator"]]
    return {code: dict(zip(part["year"], part["denominator"])) for code, part in rows.groupby("area_code")}


def _estimate_counts(part: pd.DataFrame, counts_from: dict) -> tuple[pd.DataFrame, bool]:
    """Fill the counts of rates reported without them from the commune's nearest year with a
    denominator (households change little from one year to the next); the sum is then an
    estimate. Rows with no denominator in any year stay without counts."""
    part = part.copy()
    estimated = False
    for i in part.index[part["denominator"].isna()]:
        known = counts_from.get(part.at[i, "area_code"], {})
        if not known:
            continue
        year = min(known, key=lambda y: (abs(y - part.at[i, "year"]), -y))
        part.at[i, "denominator"] = float(known[year])
        part.at[i, "numerator"] = float(part.at[i, "value"]) * float(known[year]) / 100
        estimated = True
    return part, estimated


def _share_from_count(observations, count_indicator: str, area: str, group: str, n_communes: int) -> pd.DataFrame:
    """A share of communes from a count the area reports ("3 of 13 communes")."""
    rows = reported_rows(observations, count_indicator, area, group)
    if rows.empty or n_communes <= 0:
        return pd.DataFrame(columns=COLUMNS)
    frame = rows.assign(numerator=rows["value"], denominator=float(n_communes),
                        value=100 * rows["value"] / n_communes, how="from a count of communes", approximate=False)
    frame["source"] = [f"{source} ({int(count)}/{n_communes} xã / communes)"
                       for source, count in zip(frame["source"], frame["numerator"])]
    return frame


def _combine(built: pd.DataFrame, own: pd.DataFrame) -> pd.DataFrame:
    """Per year: the district's own real figure, else the figure built from communes, else
    the district's own (illustrative) figure."""
    if built.empty:
        return own
    if own.empty:
        return built
    own_real = own.loc[~own["illustrative"].astype(bool)]
    keep_built = built.loc[~built.index.isin(own_real.index)]
    rest = own.loc[~own.index.isin(keep_built.index)]
    return pd.concat([keep_built, rest]).sort_index()


QUALIFIER_NUDGE = 1e-6
"""How far beyond its value a figure said "more than" (or "less than") it is taken: enough to meet a
strict target ("trên 80 %") and far below any precision shown."""


def measured(observations: pd.DataFrame) -> pd.DataFrame:
    """The observations a series is built from: a figure whose qualifier is ``expected`` (a plan or
    a forecast, not a measurement) left out, one "more than" or "less than" its value taken a
    millionth beyond it (:data:`QUALIFIER_NUDGE`). The data check's coverage counts the same.

    >>> rows = pd.DataFrame({"value": [81.0, 80.0, 5.0], "qualifier": ["expected", "more_than", ""]})
    >>> measured(rows)["value"].tolist()
    [80.000001, 5.0]
    """
    if "qualifier" not in observations:
        return observations
    # six communes' planned 81 % ("dự kiến") made upper-secondary attendance "achieved" for 2025 as a known outcome
    observations = observations[observations["qualifier"] != "expected"]
    beyond = observations["qualifier"].isin(["more_than", "less_than"])
    if not beyond.any():
        return observations
    # "hơn 80 %" is above 80: judged as 80 it missed "trên 80 %"; a millionth of a point says which side
    # without changing any figure shown
    side = np.where(observations["qualifier"] == "more_than", QUALIFIER_NUDGE, -QUALIFIER_NUDGE)
    return observations.assign(value=observations["value"].where(~beyond, observations["value"] + side))


def build_series(
    observations: pd.DataFrame,
    indicator: str,
    area: str,
    group: str,
    areas: pd.DataFrame,
    indicators: pd.DataFrame,
    numerator: tuple[str, str] | None = None,
    denominator: tuple[str, str] | None = None,
    which: str = "all",
    reforms: tuple = (),
) -> YearlySeries:
    """The yearly series of ``indicator`` for ``area`` and ``group``.

    For a district, years that can be built from all its reporting communes are (``which``: the
    communes to count, see :func:`~analysis.data.catalogue.commune_codes`), unless the district
    reports a real figure itself that year; the district's own reported figures fill the other
    years. Across an administrative reform (``reforms``, :func:`~analysis.data.catalogue.load_reforms`):

    - a new commune's years before the reform are rebuilt from the old units it was made of;
    - the area that continues (the former district) is built from the new communes from the
      reform's first year on, counting only the declared share of a new commune that also holds
      land from outside it (those years are approximate).

    Only the figures :func:`measured` keeps are used.

    >>> from analysis import load_areas, load_indicators, load_observations
    >>> obs, areas, ind = load_observations(), load_areas(), load_indicators()
    >>> s = build_series(obs, "poverty_rate_households", "848", "khmer", areas, ind)
    >>> s.frame.loc[2024, "how"], s.illustrative
    ('ratio of commune counts', True)
    >>> ntm = build_series(obs, "ntm_communes_share", "848", "all", areas, ind, which="rural")
    >>> point = ntm.frame.loc[2022]  # the real 13/13 of 2022 beats the illustrative flags
    >>> float(point["value"]), point["how"], bool(point["illustrative"])
    (100.0, 'reported', False)
    >>> p = build_series(obs, "poverty_rate_households", "84", "khmer", areas, ind)
    >>> p.frame[["value", "standard"]].loc[2022:].values.tolist()
    [[3.61, '2022-2025'], [2.03, '2022-2025'], [1.45, '2022-2025']]
    """
    observations = measured(observations)
    own = _single_area(observations, indicator, area, group, numerator, denominator)
    kind = areas.at[area, "kind"] if area in areas.index else ""
    known = indicator in indicators.index
    aggregate = indicators.at[indicator, "aggregate"] if known else "none"
    flags = indicators.at[indicator, "flags"] if known else ""
    frame = own
    # what an area built from communes reads: their share rows, and their shares given as counts
    built_from_communes = kind == "district" or any(reform.predecessors(area) or area == reform.continues
                                                    for reform in reforms)
    pooled = _with_shares_from_counts(observations, indicator, group, numerator, denominator, areas) \
        if built_from_communes else observations  # a commune's own series never reads the others' counts
    if kind == "district":
        members = commune_codes(areas, area, which, map="old")
        counts = indicators.at[indicator, "counts"] if known else ""
        if counts:
            from_count = _share_from_count(observations, counts, area, group, len(members))
            own = pd.concat([own, from_count.loc[~from_count.index.isin(own.index)]]).sort_index()
        # "13 xã" when no town is among them (the communes of ethnic-minority areas), else "15 xã, thị trấn"
        towns = any(areas.at[code, "kind"] == "town" for code in members if code in areas.index)
        # in English too: "combined from 15 communes" merged with "13 communes" into "8–15 communes" and left the
        # English footer one source short of the Vietnamese
        what = ("xã, thị trấn", "communes and towns") if towns else ("xã", "communes")
        # a sum of some communes is not the district's count (population 2019 summed over the 6 communes
        # that reported it read 52.303), nor is a ratio of some communes' counts its rate: one office's file of
        # Hiệp Mỹ's three old units made "the district's" 2024 poverty rate, shown without a mark
        frame = _combine(_aggregate(pooled, indicator, group, members, aggregate, flags, what=what), own)
    population = areas["population_2019"].dropna().to_dict()
    merge = merge_rule(aggregate, indicators.at[indicator, "unit"] if known else "")
    for reform in reforms:
        predecessors = reform.predecessors(area)
        if predecessors and merge:
            history = _aggregate(pooled, indicator, group, predecessors, merge, "", population=population,
                                 what=("đơn vị cũ", "old units"), how="rebuilt from old units")
            history = history.loc[history.index < reform.first_year]
            if area in reform.outside:  # the new commune also holds land the old units did not
                history = history.assign(approximate=True)
            frame = _combine(history, frame)
        if area == reform.continues:
            whole = counts_whole(indicators.at[indicator, "unit"] if known else "", flags)
            after = _aggregate(pooled, indicator, group, commune_codes(areas, area, which, map="new"),
                               merge if not flags else aggregate, flags, shares={} if whole else reform.apportion,
                               population=population, what=("xã mới", "new communes"), how="sum of new communes")
            if whole and reform.apportion and not flags:  # a place of the part outside counted in: maybe too many
                after = after.assign(approximate=True)
            frame = _combine(after.loc[after.index >= reform.first_year], frame)
    frame = frame.astype({"value": float, "numerator": float, "denominator": float, "illustrative": bool})
    return YearlySeries(indicator, area, group, frame)


PLACE_UNITS = ("hamlets", "communes")
"""Units that are places: a hamlet or a commune lies in one part of a new commune or the other."""


def counts_whole(unit: str, flags: str) -> bool:
    """Whether the area that continues counts each new commune whole rather than its declared
    share: places (one especially difficult hamlet of xã Ngũ Lạc counted 0,32 made the district's
    count 1,32) and shares of communes.

    >>> counts_whole("hamlets", ""), counts_whole("percent", "defence_strong_commune"), counts_whole("persons", "")
    (True, True, False)
    """
    return unit in PLACE_UNITS or bool(flags)


def merge_rule(aggregate: str, unit: str) -> str:
    """How the figures of merged communes combine: a rate as the ratio of summed counts, a count
    as a sum; a figure a district reports for itself merges like any commune figure."""
    if aggregate in ("sum", "ratio"):
        return aggregate
    if aggregate == "district_reported":
        return "ratio" if unit == "percent" else "sum"
    return ""


def one_standard_a_year(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, tuple[float, float]]]:
    """A series with one point a year, and the years measured on two standards.

    A year can be reported on two poverty lines (2021 was reviewed on the 2016–2020 line,
    extended to the end of 2021, and as the baseline of the 2022–2025 line). The newer
    standard's point stays (by the standards' first years, data/standards.csv); where the
    year is the first of the newer standard in the series, both values are returned as an
    overlap ``{year: (older, newer)}``, which lets the projection join the older points to the
    newer level by the difference measured in that year.

    >>> f = pd.DataFrame({"value": [20.0, 11.0, 9.5, 12.4, 9.0],
    ...                   "standard": ["2016-2020", "2016-2020", "2016-2020", "2022-2025", "2022-2025"]},
    ...                  index=[2019, 2020, 2021, 2021, 2022])
    >>> kept, overlaps = one_standard_a_year(f)
    >>> kept.index.tolist(), float(kept.loc[2021, "value"]), overlaps
    ([2019, 2020, 2021, 2022], 12.4, {2021: (9.5, 12.4)})

    An overlap joins only the older standard's own points: with none before it (a lone 2015
    on the 2011–2015 line), there is nothing to join, and no overlap.

    >>> g = f.drop([2019, 2020]).assign(standard=["2016-2020", "2022-2025", "2022-2025"])
    >>> lone = pd.concat([pd.DataFrame({"value": [19.2], "standard": ["2011-2015"]}, index=[2015]), g])
    >>> one_standard_a_year(lone)[1]
    {}
    """
    if not frame.index.has_duplicates:
        return frame, {}
    starts = load_standards().dropna(subset=["first_year"]).set_index("standard")["first_year"].astype(int)
    order = frame["standard"].map(starts).fillna(-1).to_numpy()
    ranked = frame.assign(_rank=order).reset_index(names="_year").sort_values(["_year", "_rank"], kind="stable")
    kept = ranked.drop_duplicates("_year", keep="last")
    overlaps = {}
    for year, both in ranked[ranked.duplicated("_year", keep=False)].groupby("_year"):
        newer = both.iloc[-1]
        older = both[both["standard"] != newer["standard"]]
        earlier = kept.loc[kept["_year"] < year, "standard"]
        first_of_newer = not (earlier == newer["standard"]).any()
        # the points the overlap joins: the older standard's, just before it
        joins_something = len(earlier) and len(older) and earlier.iloc[-1] == older.iloc[-1]["standard"]
        if first_of_newer and joins_something:
            overlaps[int(year)] = (float(older.iloc[-1]["value"]), float(newer["value"]))
    kept = kept.set_index("_year").drop(columns="_rank")
    kept.index.name = frame.index.name
    return kept, overlaps


def since_latest_standard(frame: pd.DataFrame) -> tuple[pd.DataFrame, int | None, str]:
    """The part of a series measured on the same standard as its latest point.

    Returns (part, first year of that standard in the series or None if the series never
    changed standard, the standard). A standard marked "mixed" (an average across lines)
    is never used.

    >>> f = pd.DataFrame({"value": [20.0, 8.0, 9.5, 6.0], "standard": ["2016-2020"] * 2 + ["2022-2025"] * 2},
    ...                  index=[2019, 2020, 2021, 2022])
    >>> part, start, standard = since_latest_standard(f)
    >>> part.index.tolist(), start, standard
    ([2021, 2022], 2021, '2022-2025')
    """
    frame = frame[frame["standard"] != "mixed"]
    if frame.empty:
        return frame, None, ""
    latest = frame["standard"].iloc[-1]
    same = frame["standard"] == latest
    # the run of points on the latest standard, going back from the end
    start = len(frame)
    while start > 0 and same.iloc[start - 1]:
        start -= 1
    part = frame.iloc[start:]
    changed = start > 0
    return part, (int(part.index[0]) if changed else None), latest
