"""Checking and loading observations: every row of every file checked, as one table.

An observation is one figure: an indicator, for an area and a population group, in a year
(and, for poverty, on a stated measurement standard), with its source. The files are found and
read, cell by cell, by :mod:`analysis.data.reading` (the tidy layout is its :data:`COLUMNS`);
this module checks what needs the whole row or other rows: known indicators, areas, groups
and units, the poverty standard of the year, duplicates, figures that look like a slip (a
fraction among percentages, a value ten times its neighbours) and commune codes used across
the 2025 reform.

Every cell of every row is checked on its own, so that a row with four mistakes shows all
four at once; everything wrong is collected and raised once as :class:`~analysis.DataError`.
A cell formatted as a percentage in Excel (stored as 0.125 for "12,5%") is converted to 12.5
and said so in the check's summary.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..text import fold, in_sentence, nfc
from .catalogue import (GROUPS, INTEGER_UNITS, _display, commune_codes, load_areas, load_indicators, load_reforms,
                        load_standards, load_targets, load_units)
from .names import GENERIC_HINT, area_names, area_option_codes, merged_name_hints, suggestions_for
from .numbers import format_number
from .problems import Lookup, RowProblems, problem
from .reading import (COLUMNS, QUALIFIERS, REQUIRED_COLUMNS, data_files, data_sources, default_sources, file_frame,
                      protected_paths, read_file)
from .reform import merged_fields, resolve_areas, unit_name
from .series import merge_rule

__all__ = ["load_observations", "check_observations", "ObservationCheck", "FileRead", "default_sources", "protected_paths",
           "area_option_codes",
           "COLUMNS", "REQUIRED_COLUMNS", "QUALIFIERS", "KEY"]

KEY = ["indicator", "area_code", "group", "year", "standard"]
"""The columns that identify one observation."""

PERCENT_UNITS = ("percent", "percentage_points")
FRACTION_GUARD_ABOVE = 5.0
"""A percentage in (0, 1] is flagged when the other values of its series are all above this."""

_UNIT_ALIASES = {"%": "percent", "phần trăm": "percent", "pct": "percent", "hộ": "households",
                 "người": "persons", "xã": "communes", "ấp": "hamlets", "điểm %": "percentage_points",
                 "lao động": "workers", "học sinh": "pupils", "đảng viên": "party_members"}
_PEOPLE_UNITS = ("persons", "workers", "pupils", "party_members")
"""Units an office may write as "người": workers, pupils and party members are people."""
_WHAT = {
    "indicator": ("mã chỉ tiêu", "the indicator id"),
    "area_code": ("mã địa bàn", "the area code"),
    "group": ("nhóm dân số (all nếu là toàn bộ dân số)", "the population group (all for everyone)"),
    "year": ("năm", "the year"),
    "value": ("giá trị", "the value"),
    "source": ("nguồn số liệu (văn bản, báo cáo hoặc cơ quan)", "the source (document, report or office)"),
}
_COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}



# ---------------------------------------------------------------------------------------
# what a check found


@dataclass(frozen=True)
class FileRead:
    """What was read from one file, for the check's summary."""

    file: str
    rows: int
    sheet: str | None = None
    """The Excel sheet read (chosen by its header row), ``None`` for a CSV file."""
    converted_rows: tuple[int, ...] = ()
    """Rows whose value cell was formatted as a percentage in Excel and was multiplied by 100."""
    converted_first: float | None = None
    """The first of those values, as a percentage (the message shows its own cell: 0,955 → 95,5)."""


@dataclass
class ObservationCheck:
    """The result of :func:`check_observations`: the observations (``None`` when there are
    problems), every problem, the warnings (figures that are accepted but look wrong) and
    what was read from each file."""

    observations: pd.DataFrame | None
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    files: list[FileRead] = field(default_factory=list)

    def raise_for_problems(self) -> None:
        """Raise :class:`~analysis.DataError` listing every problem, if there is any."""
        if self.problems:
            raise DataError(self.problems)

    def summary_lines(self, every_file: bool = True) -> list[str]:
        """What was read, file by file, in both languages (sheets read, cells converted);
        with ``every_file=False`` only the Excel files are listed (which sheet was read, what was
        converted), under a count of every file read: "Đã đọc 1 tệp" above one Excel file read as if
        the office's CSV beside it had been left out."""
        shown = [read for read in self.files if every_file or read.sheet is not None or read.converted_rows]
        if not shown:
            return []
        total = len(self.files)
        if len(shown) == total:
            lines = [f"Đã đọc {total} tệp / Read {total} file{'s' * (total != 1)}:"]
        else:
            lines = [f"Đã đọc {total} tệp, trong đó {len(shown)} tệp Excel / Read {total} files, "
                     f"{len(shown)} of them Excel:"]
        for read in shown:
            sheet = f', trang / sheet "{read.sheet}"' if read.sheet is not None else ""
            lines.append(f"  {read.file}{sheet}: {_count_vi(read.rows)} dòng / {read.rows:,} row{'' if read.rows == 1 else 's'}")
            if read.converted_rows:
                n = len(read.converted_rows)
                where = _row_list(read.converted_rows)
                percent = read.converted_first if read.converted_first is not None else 12.5
                example_vi = f"{format_number(percent / 100, 'vi')} → {format_number(percent, 'vi')}"
                example_en = f"{format_number(percent / 100, 'en')} → {format_number(percent, 'en')}"
                # the file's own first cell as the example ("0,955 → 95,5"), with its row when there are several
                at_vi, at_en = (f"dòng {read.converted_rows[0]}: ", f"row {read.converted_rows[0]}: ") if n > 1 else ("", "")
                lines.append(f"    {_count_vi(n)} ô định dạng % trong Excel đã đổi sang phần trăm ở dòng {where} "
                             f"({at_vi}{example_vi}) / {n:,} %-formatted Excel cell{'s' * (n != 1)} converted to "
                             f"percentages on row{'s' * (n != 1)} {where} ({at_en}{example_en})")
        return lines

    def warning_lines(self) -> list[str]:
        """The warnings, numbered, each in Vietnamese then English (nothing when there are none);
        at most :data:`~analysis.errors.PRINT_LIMIT` of each kind, then how many more (a wrong
        export must not print a million lines)."""
        if not self.warnings:
            return []
        from ..errors import PRINT_LIMIT, numbered_lines

        def listed(warnings: list[Problem]) -> list[str]:
            more = len(warnings) - PRINT_LIMIT
            return numbered_lines(warnings) + ([f"… và {_count_vi(more)} cảnh báo khác / … and {more:,} more."]
                                               if more > 0 else [])

        files = [w for w in self.warnings if w.row is None and w.column is None]
        figures = [w for w in self.warnings if w not in files]
        lines = []
        if figures:
            n = len(figures)
            # "still used" was untrue of a figure marked expected, or for a group no target reads
            lines.append(f"Cảnh báo ({_count_vi(n)}; không phải lỗi, số liệu vẫn được đọc) / Warnings ({n:,}; not "
                         "errors, the figures are still read):")
            lines += listed(figures)
        if files:
            n = len(files)
            lines.append(f"Tệp không được đọc ({_count_vi(n)}) / Files not read ({n:,}):")
            lines += listed(files)
        return lines


def _count_vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _row_list(rows: Sequence[int], limit: int = 20) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f", … (+{len(rows) - limit})" if len(rows) > limit else "")


# ---------------------------------------------------------------------------------------
# checks of every row, column by column


@dataclass
class _Context:
    indicators: pd.DataFrame
    areas: pd.DataFrame
    standards: pd.DataFrame
    units: pd.DataFrame

    @cached_property
    def pairs_read(self) -> dict[tuple[str, str], list[str]]:
        """(indicator, group) → the targets that read it (:func:`_pairs_read`), once per check."""
        return _pairs_read(self.indicators)

    def local_real(self, frame: pd.DataFrame) -> pd.Series:
        """The real (not illustrative) rows of the district, its communes and towns."""
        return frame["area_code"].map(self.areas["kind"]).isin(["district", "commune", "town"]) \
            & ~frame["illustrative"].astype(bool)


_QUALIFIER_WORDS = {fold(word): code for words, code in (
    (("hơn", "trên", "vượt"), "more_than"),
    (("ít nhất", "tối thiểu", "từ", "trở lên"), "at_least"),
    (("gần", "gần như", "suýt"), "nearly"),
    (("khoảng", "xấp xỉ", "ước", "ước tính", "ước thực hiện", "ước th", "ước đạt"), "about"),
    (("dưới", "chưa đến", "chưa tới"), "less_than"),
    (("tối đa", "không quá", "nhiều nhất"), "at_most"),
    (("dự kiến", "kế hoạch", "kh", "dự báo", "chỉ tiêu"), "expected"),
) for word in words}
"""An office's Vietnamese word for a qualifier (with or without diacritics) → its code: "ước thực
hiện" is a year's estimated outturn (about: used), "dự kiến" a plan (expected: not used)."""

_EXAMPLE_MARK = re.compile(r"(\((?:ví dụ|vi du|example)\))\s*$", re.IGNORECASE)
"""How the data template marks its example row's source (scripts/make_excel_template.py)."""


def _check_rows(frame: pd.DataFrame, ctx: _Context) -> tuple[list[Problem], list[Problem], np.ndarray]:
    """Check every row of every file; each cell is judged on its own (a bad year does not
    hide an unknown area on the same row). Adjusts ``frame`` in place (group in lower case,
    unit filled in, %-formatted values × 100). Returns problems, warnings and the rows whose
    value was converted from a %-formatted cell."""
    problems: list[Problem] = []
    emit = RowProblems(frame, problems)
    indicator, area = frame["indicator"], frame["area_code"]
    frame["group"] = _lower(frame["group"])
    group = frame["group"]

    for column in ("indicator", "area_code", "group", "source"):
        what_vi, what_en = _WHAT[column]
        emit(frame[column] == "", "missing_value", column, what=what_vi, what_en=what_en)

    # an id typed with capitals or spaces ("Right_Age_Attendance_Primary") is the id
    lowered = _lower(indicator).str.strip()
    frame["indicator"] = indicator = lowered.where(lowered.isin(ctx.indicators.index), indicator)
    known_indicator = indicator.isin(ctx.indicators.index)
    unknown = (indicator != "") & ~known_indicator
    if unknown.any():
        names = {fold(name): (code, nfc(name)) for column in ("vi", "en")
                 for code, name in ctx.indicators[column].items()}
        hints = suggestions_for(indicator[unknown].unique(), list(ctx.indicators.index), names, "indicator")
        # a target's id ("T02") typed for its indicator: its own indicator named
        target_ids = _target_ids(ctx.indicators)
        for typed in hints:
            if fold(typed).strip() in target_ids:
                code, target_id = target_ids[fold(typed).strip()]
                hints[typed] = (f'"{typed}" là mã chỉ tiêu {target_id} của Kế hoạch; cột indicator ghi mã số liệu '
                                f"của chỉ tiêu đó: {code}.",
                                f'"{typed}" is the plan\'s target {target_id}; the indicator column takes its '
                                f"indicator's id: {code}.")
        emit(unknown, "unknown_indicator", "indicator", text=indicator,
             suggest_vi=Lookup("text", {t: h[0] for t, h in hints.items()}, GENERIC_HINT[0]),
             suggest_en=Lookup("text", {t: h[1] for t, h in hints.items()}, GENERIC_HINT[1]))
    frame["area_code"] = area = _code_beside_its_name(area, ctx.areas)
    # a code is read with its year across the 2025 reform: 29416 in 2025 is the new xã Cầu Ngang;
    # a unit that did not exist in the row's year is refused, naming its successor or predecessors
    dated = frame["year"].notna()
    refused_rows = np.zeros(len(frame), dtype=bool)
    if dated.any():
        resolved, refused = resolve_areas(area[dated], frame.loc[dated, "year"].astype(int), ctx.areas, load_reforms())
        frame.loc[dated, "area_code"] = resolved.astype(str)
        area = frame["area_code"]
        for refusal in refused:
            position = frame.index.get_loc(refusal.index)
            refused_rows[position] = True
            problems.append(problem(refusal.kind, frame.at[refusal.index, "file"], int(frame.at[refusal.index, "row"]),
                                    "area_code", **refusal.fields))
        problems += _part_taken_for_the_whole(frame, [r.index for r in refused if r.kind == "merged_into"], ctx)
    known_area = area.isin(ctx.areas.index)
    unknown = (area != "") & ~known_area & ~refused_rows
    if unknown.any():
        names = area_names(ctx.areas)
        hints = suggestions_for(area[unknown].unique(), list(ctx.areas.index), names)
        suggest = {lang: area.map({t: h[i] for t, h in hints.items()}).fillna(GENERIC_HINT[i])
                   for i, lang in enumerate(("vi", "en"))}
        # a name of a commune merged before the row's year: its successor's code straight away, not
        # the old code that the next check refuses for that year
        for index, (vi, en) in merged_name_hints(area[unknown], frame.loc[unknown, "year"], ctx.areas).items():
            suggest["vi"][index], suggest["en"][index] = vi, en
        emit(unknown, "unknown_area", "area_code", text=area, suggest_vi=suggest["vi"], suggest_en=suggest["en"])
    # the template's example row copied into the data sheet ("… UBND xã Vinh Kim (ví dụ)") was read as xã Vinh
    # Kim's real 2025 figure
    example = frame["source"].str.extract(_EXAMPLE_MARK, expand=False)
    emit(example.notna(), "template_example", "source", marker=example.fillna(""))
    emit((group != "") & ~group.isin(GROUPS), "unknown_choice", "group", text=group, choices=", ".join(GROUPS))
    # the offices' own words for a figure's qualifier ("hơn", "ước thực hiện", "dự kiến") read as the codes: "ước"
    # (about: the figure is used) and "dự kiến" (expected: it is not) were refused with a list of English codes
    frame["qualifier"] = qualifier = frame["qualifier"].map(  # once per distinct text, as _lower does
        {text: _QUALIFIER_WORDS.get(fold(text).strip(), text) if text else text for text in frame["qualifier"].unique()})
    emit((qualifier != "") & ~qualifier.isin(QUALIFIERS), "unknown_choice", "qualifier", text=qualifier,
         choices=", ".join(QUALIFIERS))
    year = frame["year"]
    emit(year.notna() & ~year.between(1990, 2035), "year_range", "year", year=_whole(year))
    now = this_year()
    # a plan for next year ("kế hoạch", "dự kiến": expected) is no measurement and is never used: the offices
    # send it beside this year's estimate, and it was refused as a figure of a year to come
    emit(year.between(now + 1, 2035) & (qualifier != "expected"), "year_future", "year", year=_whole(year), now=now)

    unit_of = indicator.map(ctx.indicators["unit"])
    _check_units(frame, unit_of, emit)
    _check_standards(frame, ctx, emit)
    _check_whole_counts(frame, unit_of, ctx.units, emit)
    converted = _convert_percent_cells(frame, unit_of, emit)

    value, numerator, denominator = frame["value"], frame["numerator"], frame["denominator"]
    is_percent = unit_of == "percent"
    is_flag = unit_of == "flag"
    is_count = unit_of.notna() & ~unit_of.isin(["percent", "percentage_points", "percent_change", "flag"])
    emit(is_percent & value.notna() & ~value.between(0, 100), "percent_range", "value", value=value)
    emit(is_count & (value < 0), "negative_count", "value", value=value)
    emit(is_flag & value.notna() & ~value.isin([0.0, 1.0]), "flag_value", "value", value=value)
    emit(numerator < 0, "negative_count", "numerator", value=numerator)
    emit(denominator < 0, "negative_count", "denominator", value=denominator)
    emit(numerator > denominator, "numerator_above_denominator", "numerator", numerator=numerator,
         denominator=denominator)
    with np.errstate(divide="ignore", invalid="ignore"):
        computed = 100 * numerator / denominator
    disagrees = (is_percent & (denominator > 0) & (numerator >= 0) & (numerator <= denominator)
                 & ((value - computed).abs() > 0.5))
    emit(disagrees, "value_disagrees_with_counts", "value", value=value, numerator=numerator,
         denominator=denominator, computed=computed.round(2))

    dated = year.notna()
    keyed = frame.loc[dated, KEY + ["value", "illustrative", "preferred", "file", "row"]]
    keyed = _real_supersedes_illustrative(keyed)
    frame.loc[dated, "preferred"] = keyed["preferred"]
    _check_duplicates(keyed, emit)
    _check_something_preferred(keyed, emit)

    warnings_found: list[Problem] = []
    # within 0,5 point but well off near a bound: 2,23 % beside 45/2.500 = 1,8 %; a value is as
    # exact as it is written ("4 %" for 1/28 = 3,57 % is a rounding)
    near_bound = np.minimum(computed, 100 - computed)
    allowed = np.maximum(np.maximum(0.05, _half_step(value)), 0.1 * near_bound)
    strays = (is_percent & (denominator > 0) & (numerator >= 0) & (numerator <= denominator) & ~disagrees
              & ((value - computed).abs() > allowed + 1e-9))
    RowProblems(frame, warnings_found)(strays, "value_strays_from_counts", "value", value=value, numerator=numerator,
                                 denominator=denominator, computed=computed.round(2))
    fractions = _check_fractions(frame, is_percent, RowProblems(frame, warnings_found), ctx.areas)
    slipped = _check_decimal_slips(frame, unit_of, RowProblems(frame, warnings_found), ctx.areas)
    # one warning a row: 0,125 among percentages is a fraction, said once
    _check_decimal_slips_across_areas(frame, unit_of, RowProblems(frame, warnings_found), slipped | fractions)
    return problems, warnings_found, converted


def _half_step(values: pd.Series) -> np.ndarray:
    """Half the last written decimal of each value: 0,5 for 4, 0,05 for 99,4, 0,005 for 2,23.

    >>> _half_step(pd.Series([4.0, 99.4, 2.23, float("nan")])).tolist()
    [0.5, 0.05, 0.005, 0.5]
    """
    numbers = values.to_numpy(dtype=float)
    step = np.full(numbers.shape, 0.5)
    undecided = np.isfinite(numbers)
    for decimals in range(7):
        scaled = numbers * 10 ** decimals
        whole = undecided & (np.abs(scaled - np.round(scaled)) < 1e-6)
        step[whole] = 0.5 / 10 ** decimals
        undecided &= ~whole
    return step


def this_year() -> int:
    """The current year: no figure can belong to a later one (a typed 2030 for 2025 would
    otherwise judge the 2030 target today)."""
    return dt.date.today().year


def _check_whole_counts(frame: pd.DataFrame, unit_of: pd.Series, units: pd.DataFrame, emit: RowProblems) -> None:
    """Counts (workers, households, hamlets; any numerator or denominator) are whole numbers.

    A count cell that could be read either way ("1.120", "2.000"), was read by the style of the
    file's other cells, and would also be a whole number read the other way is refused: 1,12 or
    2 workers is what an English-style neighbour makes of a Vietnamese thousand (read the
    Vietnamese way, "1.288" is 1288 and 1,288 is no count: that reading stands). A count read
    the Vietnamese way as the larger one stands too: "1.000" beside "52,3" is a thousand, and
    a count of 1 is never typed "1.000" (refusing it refused the template's own "1.234"
    style). Any other count with decimals is refused too (English-locale Excel stores a
    typed 1.120 as the number 1,12)."""
    # a %-formatted count cell is refused as such (it shows another figure than the one stored)
    whole_value = unit_of.isin([u for u in INTEGER_UNITS if u != "flag"]) & ~frame["_percent_value"]
    unit_vi = unit_of.map(units["vi"]).fillna("")
    unit_en = unit_of.map(units["en"]).fillna("")
    count_words = ("số đếm", "counts")
    for column, counted in (("value", whole_value), ("numerator", True), ("denominator", True)):
        numbers, other, typed = frame[column], frame.pop(f"_other_{column}"), frame.pop(f"_typed_{column}")
        inferred = (typed != "") & counted & (other % 1 == 0) & (other > numbers)
        emit(inferred, "ambiguous_count", column, text=typed, read=numbers, other=other,
             unit_vi=unit_vi if column == "value" else count_words[0],
             unit_en=unit_en if column == "value" else count_words[1])
        if column == "value":
            emit(whole_value & ~inferred & numbers.notna() & (numbers % 1 != 0), "count_not_whole", column,
                 value=numbers, indicator=frame["indicator"], unit_vi=unit_vi, unit_en=unit_en)
        else:  # 9945,5 households: summed into a new commune's and the district's rates as typed
            emit(~inferred & numbers.notna() & (numbers % 1 != 0), "count_part_not_whole", column, value=numbers,
                 part_vi="tử số" if column == "numerator" else "mẫu số", part_en=column)


def _lower(series: pd.Series) -> pd.Series:
    """Text in lower case, computed once per distinct value (columns repeat a few values)."""
    return series.map({value: value.lower() for value in series.unique()})


def _whole(series: pd.Series) -> np.ndarray:
    """Whole numbers as Python ints (so that 2024 is not written 2.024), NaN as None."""
    return np.array([None if v != v else int(v) for v in series.to_numpy()], dtype=object)


def _check_units(frame: pd.DataFrame, unit_of: pd.Series, emit: RowProblems) -> None:
    given = frame["unit"]
    lowered = _lower(given)
    canonical = lowered.map(_UNIT_ALIASES).fillna(lowered)
    canonical = canonical.where(~((lowered == "người") & unit_of.isin(_PEOPLE_UNITS)), unit_of)
    mismatch = (given != "") & unit_of.notna() & (canonical != unit_of)
    emit(mismatch, "unit_mismatch", "unit", text=given, indicator=frame["indicator"], expected=unit_of)
    frame["unit"] = canonical.where(given != "", unit_of.fillna(""))


_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\s*")


def _check_standards(frame: pd.DataFrame, ctx: _Context, emit: RowProblems) -> None:
    """Indicators measured against a standard (the poverty lines) must say which one:
    the lines are not comparable, so a figure without its line cannot be placed. A range typed
    with another dash or spaces ("2022–2025", "2022 - 2025", as Word writes it) is read as the
    catalogue writes it."""
    frame["standard"] = frame["standard"].map(
        {text: _DASHES.sub("-", text) for text in frame["standard"].unique()})
    indicator, standard, year = frame["indicator"], frame["standard"], frame["year"]
    family = indicator.map(ctx.indicators["standards"])
    emit((family == "") & (standard != ""), "standard_not_applicable", "standard", indicator=indicator,
         text=standard)
    for name, options in ctx.standards.groupby("family"):
        rows = family == name
        if not rows.any():
            continue
        choices = ", ".join(options["standard"])
        emit(rows & (standard != "") & ~standard.isin(options["standard"]), "unknown_choice", "standard",
             text=standard, choices=choices)
        usual = {}
        for y in year[rows].dropna().unique():
            covering = options[(options["first_year"] <= y) & (options["last_year"] >= y)]["standard"]
            if len(covering) == 1:
                usual[y] = covering.item()
        # a 2025 figure typed on the 2016–2020 line started a new "standard" of one point: the commune's 2025
        # verdict became "too little data" and the district's 2025 was lost, after a clean check. A line's
        # own years and one on each side are its: the end-of-2021 review is the 2022–2025 line's baseline,
        # and 2021 was also counted on the 2016–2020 line, extended to the end of that year
        dated = options.dropna(subset=["first_year", "last_year"]).set_index("standard")
        first = standard.map(dated["first_year"]).astype(float)
        last = standard.map(dated["last_year"]).astype(float)
        outside = rows & first.notna() & year.notna() & ((year < first - 1) | (year > last + 1))
        emit(outside, "standard_outside_years", "standard", text=standard, year=_whole(year),
             first=_whole(first), last=_whole(last),
             usual_vi=_lookup(year, {y: f": năm {int(y)} thường là {s}" for y, s in usual.items()}),
             usual_en=_lookup(year, {y: f": {int(y)} is usually on {s}" for y, s in usual.items()}))
        blank = rows & (standard == "")
        if not blank.any():
            continue
        single = year.isin(list(usual))
        emit(blank & year.notna() & ~single, "standard_needed", "standard", indicator=indicator,
             year=_whole(year), choices=choices)
        hint_vi = _lookup(year, {y: f" (năm {int(y)} thường là {s})" for y, s in usual.items()})
        hint_en = _lookup(year, {y: f" ({int(y)} is usually on {s})" for y, s in usual.items()})
        emit(blank & (single | year.isna()), "standard_required", "standard", indicator=indicator,
             choices=choices, usual_vi=hint_vi, usual_en=hint_en)


def _lookup(series: pd.Series, mapping: dict, default: str = "") -> pd.Series:
    """``series`` mapped through ``mapping`` as text, ``default`` where it has no entry."""
    mapped = series.map(mapping)
    return mapped.astype(object).where(mapped.notna(), default)


def _convert_percent_cells(frame: pd.DataFrame, unit_of: pd.Series, emit: RowProblems) -> np.ndarray:
    """Excel stores "12,5%" as 0.125 in a cell formatted as a percentage: a value cell so
    formatted is converted to 12.5 when its indicator is a percentage; any other number
    cell so formatted is refused (the figure shown is not the figure meant)."""
    percent_value = frame.pop("_percent_value").to_numpy()
    convertible = percent_value & unit_of.isin(PERCENT_UNITS).to_numpy()
    if convertible.any():
        frame.loc[convertible, "value"] = (frame.loc[convertible, "value"] * 100).round(9)
    emit(percent_value & unit_of.notna().to_numpy() & ~convertible, "percent_format_not_percent", "value",
         shown=(frame["value"] * 100).round(9), what="chỉ tiêu này", what_en="this indicator")
    for name, what_vi, what_en in (("numerator", "tử số", "the numerator"),
                                   ("denominator", "mẫu số", "the denominator")):
        flagged = frame.pop(f"_percent_{name}").to_numpy()
        emit(flagged, "percent_format_not_percent", name, shown=(frame[name] * 100).round(9),
             what=what_vi, what_en=what_en)
    return convertible


def _real_supersedes_illustrative(frame: pd.DataFrame) -> pd.DataFrame:
    """Where a real figure and an illustrative one share a key, the real one is used: the
    illustrative row is kept but no longer preferred (so office files can be added without
    editing the illustrative set)."""
    real_keys = frame.loc[~frame["illustrative"], KEY].drop_duplicates()
    if real_keys.empty:
        return frame
    marker = frame[KEY].merge(real_keys.assign(_real=True), on=KEY, how="left")["_real"].notna().to_numpy()
    superseded = frame["illustrative"].to_numpy() & marker
    if superseded.any():
        frame = frame.copy()
        frame.loc[superseded, "preferred"] = False
    return frame


def _check_duplicates(frame: pd.DataFrame, emit_all: RowProblems) -> None:
    # an illustrative row a real figure supersedes is no conflict, and no row to point to
    frame = frame[~(frame["illustrative"].astype(bool) & ~frame["preferred"].astype(bool))]
    repeated = frame[frame.duplicated(KEY, keep=False)]
    if repeated.empty:
        return
    groups = repeated.groupby(KEY, sort=False, dropna=False)
    preferred = groups["preferred"].transform("sum")
    first_file, first_row = groups["file"].transform("first"), groups["row"].transform("first")
    first_value = groups["value"].transform("first")
    later = repeated.duplicated(KEY, keep="first") & (preferred != 1)
    if not later.any():
        return
    same_file = (first_file == repeated["file"]).to_numpy()
    emit = RowProblems(repeated, emit_all.out)
    # the figure and both values named: the planner sees at once whether the two rows agree
    named = dict(indicator=repeated["indicator"], area=repeated["area_code"], year=_whole(repeated["year"]),
                 value=repeated["value"], other_value=first_value)
    # every row of the figure marked FALSE: "write FALSE on the row not used" was said to rows that all said so
    none = (preferred == 0).to_numpy()
    across = (later & ~same_file & ~none).to_numpy().copy()
    across &= ~_files_sent_twice(frame, repeated, across, first_file, first_value, emit_all.out)
    emit(later & same_file & ~none, "duplicate_key", None, other_row=first_row, **named)
    emit(across, "duplicate_key_other_file", None, other_row=first_row, other_file=first_file, **named)
    emit(later & none, "duplicate_none_preferred", "preferred", other_row=first_row, other_file=first_file, **named)


def _files_sent_twice(frame: pd.DataFrame, repeated: pd.DataFrame, across: np.ndarray, first_file: pd.Series,
                      first_value: pd.Series, out: list[Problem]) -> np.ndarray:
    """A file every row of which repeats a row of one other file ("bhyt (1).csv" beside
    "bhyt.csv": the same file sent twice, or a corrected copy) is told once, with how many of
    its values differ, not once per row; returns the mask (over ``repeated``) of the rows so told."""
    told = np.zeros(len(repeated), dtype=bool)
    if not across.any():
        return told
    rows_in = frame["file"].value_counts()
    crossing = repeated[across]
    for file, part in crossing.groupby("file", sort=True):
        others = first_file[part.index].unique()
        if len(others) != 1 or len(part) != rows_in.get(file, 0) or len(part) < 2:
            continue
        values, firsts = part["value"].to_numpy(dtype=float), first_value[part.index].to_numpy(dtype=float)
        differ = int((~np.isclose(values, firsts, rtol=0, atol=1e-9, equal_nan=True)).sum())
        out.append(problem("file_sent_twice", str(file), None, None, other_file=str(others[0]),
                           n_vi=format_number(len(part), "vi"), n_en=format_number(len(part), "en"),
                           differ_vi=(f", {format_number(differ, 'vi')} dòng có giá trị khác" if differ
                                      else ", cùng giá trị"),
                           differ_en=(f", {format_number(differ, 'en')} of them with another value" if differ
                                      else ", with the same values")))
        told[repeated.index.get_indexer(part.index)] = True
    return told


def _check_something_preferred(frame: pd.DataFrame, emit_all: RowProblems) -> None:
    """``preferred`` = FALSE chooses between rows of one figure (two rows all FALSE are a
    duplicate, reported as such); a lone row marked FALSE would not be used, without a word."""
    frame = frame[~(frame["illustrative"].astype(bool) & ~frame["preferred"].astype(bool)
                    & frame.duplicated(KEY, keep=False))]
    lone = frame[~frame.duplicated(KEY, keep=False) & ~frame["preferred"].astype(bool)]
    if lone.empty:
        return
    RowProblems(lone, emit_all.out)(np.ones(len(lone), dtype=bool), "none_preferred", "preferred",
                              indicator=lone["indicator"], area=lone["area_code"], year=_whole(lone["year"]))


def _successors(codes: pd.Series, areas: pd.DataFrame) -> pd.Series:
    """Each old unit's new commune (NaN for an area the 2025 reform did not merge): the checks that
    lend the old units' figures to a new commune's first years find it so."""
    return codes.map(areas["successor_code"].where(areas["map"] == "old"))


def _check_fractions(frame: pd.DataFrame, is_percent: pd.Series, emit: RowProblems, areas: pd.DataFrame) -> pd.Series:
    """Warn about a percentage in (0, 1] whose series is otherwise above 5 %: most likely a
    fraction typed for a percentage (0.125 for 12.5 %). A new commune's series includes the
    figures of the old units it was made of (its own begin in 2025). Returns the rows warned about."""
    value = frame["value"]
    rows = is_percent & value.notna() & (frame["indicator"] != "")
    if not rows.any():
        return pd.Series(False, index=frame.index)
    series = frame.loc[rows, ["indicator", "area_code", "group"]].assign(value=value[rows], own=True)
    successor = _successors(series["area_code"], areas)
    lent = series[successor.notna() & successor.isin(areas.index)].assign(
        area_code=successor[successor.notna() & successor.isin(areas.index)], own=False)
    both = pd.concat([series, lent])
    key = [both["indicator"], both["area_code"], both["group"]]
    size = both["value"].groupby(key).transform("size")
    above = (both["value"] > FRACTION_GUARD_ABOVE).groupby(key).transform("sum")
    suspicious = both["own"] & (both["value"] > 0) & (both["value"] <= 1) & (size >= 2) & (above == size - 1)
    mask = pd.Series(False, index=frame.index)
    mask[suspicious.index[suspicious.to_numpy()]] = True
    emit(mask, "fraction_of_percent", "value", value=value, indicator=frame["indicator"],
         times_100=(value * 100).round(6))
    return mask


SLIP_RATIO = (7.0, 14.0)
"""A value this many times above or below both neighbouring years (one at a series' end) is
flagged as a misplaced decimal point: 9,92 typed for 99,2. Real yearly series do not jump
tenfold from one year to the next and back (a poverty rate falling from 30 % to 1 % over a
decade changes by far less than that in a year)."""


def _check_decimal_slips(frame: pd.DataFrame, unit_of: pd.Series, emit: RowProblems,
                         areas: pd.DataFrame | None = None) -> pd.Series:
    """Warn about a value about ten times off its neighbouring years in its own series; returns
    the rows warned about. A new commune's rates begin in 2025: the years before are its old
    units' (their mean, see :func:`_lent_by_old_units`), so that 9,92 typed for 99,2 in its first
    year is not alone in its series (it decided xã Vinh Kim's 2025 as missed without a word)."""
    none = pd.Series(False, index=frame.index)
    levels = unit_of.notna() & ~unit_of.isin(["percentage_points", "percent_change", "flag"])
    rows = levels & (frame["value"] > 0) & frame["year"].notna() & frame["preferred"].astype(bool)
    if rows.sum() < 3:
        return none
    key = ["indicator", "area_code", "group", "standard"]
    picked = frame.loc[rows, key + ["year", "value"]].assign(_lent=False)
    if areas is not None:
        picked = pd.concat([picked, _lent_by_old_units(picked[unit_of[rows] == "percent"], areas)])
    # one integer per series: shifting and comparing it is cheap on a million-row export
    series = picked.assign(_series=picked.groupby(key, sort=False).ngroup()).sort_values(["_series", "year"])
    group = series["_series"]
    before_same, after_same = group == group.shift(1), group == group.shift(-1)
    value = series["value"]
    low, high = SLIP_RATIO

    def off(ratio: pd.Series) -> pd.Series:
        return ((ratio >= low) & (ratio <= high)) | ((ratio >= 1 / high) & (ratio <= 1 / low))

    ratio_before = value / value.shift(1)
    ratio_after = value / value.shift(-1)

    def steady(a: pd.Series, b: pd.Series) -> pd.Series:  # two neighbours agree with each other
        return (a / b).between(0.5, 2.0)

    def odd_one(off) -> pd.Series:
        # both neighbours say the same (off the same way); at a series' end, its one neighbour and the one
        # beyond it agree with each other, so that the end itself is the odd one
        inner = (before_same & after_same & off(ratio_before) & off(ratio_after)
                 & ((ratio_before > 1) == (ratio_after > 1)))
        first = ~before_same & after_same & (group == group.shift(-2)) & off(ratio_after) \
            & steady(value.shift(-1), value.shift(-2))
        last = before_same & ~after_same & (group == group.shift(2)) & off(ratio_before) \
            & steady(value.shift(1), value.shift(2))
        return ((inner | first | last) & ~series["_lent"].astype(bool)).reindex(frame.index, fill_value=False)

    flagged = odd_one(off)
    # a rate far more than ten times its neighbours (62 poor households typed as the rate, beside 2,4 %): no
    # slip of the decimal point, most likely a count in the value column; so is a whole number ten times up
    # with no counts beside it (14 beside 1,56)
    upward = ((before_same & (ratio_before > 1)) | (after_same & (ratio_after > 1))).reindex(frame.index,
                                                                                             fill_value=False)
    count_like = upward & (frame["value"] % 1 == 0) & frame["numerator"].isna()
    far = (odd_one(lambda ratio: ratio > high) | (flagged & count_like)) & (unit_of == "percent")
    flagged &= ~far
    if not (flagged | far).any():
        return flagged | far
    # the neighbouring years named in the message, each language writing its numbers its way
    neighbours = {lang: pd.Series("", index=frame.index, dtype=object) for lang in ("vi", "en")}
    old_units = {"vi": " (các đơn vị cũ)", "en": " (the old units)"}
    for index in (flagged | far).index[(flagged | far).to_numpy()]:
        position = series.index.get_loc(index)
        around = [series.iloc[p] for p in (position - 1, position + 1)
                  if 0 <= p < len(series) and series.iloc[p]["_series"] == series.iloc[position]["_series"]]
        for lang, texts in neighbours.items():
            texts[index] = "; ".join(f"{int(p['year'])}{old_units[lang] if p['_lent'] else ''}: "
                                     f"{format_number(float(p['value']), lang)}" for p in around)
    emit(flagged, "decimal_slip", "value", value=frame["value"], indicator=frame["indicator"],
         neighbours_vi=neighbours["vi"], neighbours_en=neighbours["en"])
    emit(far, "rate_far_above_neighbours", "value", value=frame["value"], indicator=frame["indicator"],
         neighbours_vi=neighbours["vi"], neighbours_en=neighbours["en"])
    return flagged | far


def _lent_by_old_units(rates: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """The years before a reform of each new commune's rates, lent by the old units it was made
    of (their plain mean, enough to tell a figure ten times off), as rows of the new commune
    marked ``_lent``; indexed below 0, apart from the frame's own rows.

    >>> areas = load_areas()
    >>> rates = pd.DataFrame({"indicator": "x", "area_code": ["29431", "29434", "29431-2025"], "group": "khmer",
    ...                       "standard": "", "year": [2024.0, 2024.0, 2025.0], "value": [99.0, 98.0, 9.92],
    ...                       "_lent": False})
    >>> _lent_by_old_units(rates, areas)[["area_code", "year", "value", "_lent"]].values.tolist()
    [['29431-2025', 2024.0, 98.5, True]]
    """
    successor = _successors(rates["area_code"], areas)
    first_year = successor.map(pd.to_datetime(areas["valid_from"], errors="coerce").dt.year)
    lent = rates[successor.notna() & successor.isin(areas.index) & (rates["year"] < first_year)]
    if lent.empty:
        return lent
    lent = lent.assign(area_code=successor[lent.index]).groupby(
        ["indicator", "area_code", "group", "standard", "year"], as_index=False, sort=True)["value"].mean().round(2)
    return lent.assign(_lent=True).set_axis(pd.RangeIndex(-len(lent), 0), axis=0)


SLIP_AREAS = 3
"""The fewest other areas, with figures for the same year within a factor of two of each
other, that a percentage about ten times off theirs is checked against."""


def _check_decimal_slips_across_areas(frame: pd.DataFrame, unit_of: pd.Series, emit: RowProblems,
                                      warned: pd.Series) -> None:
    """Warn about a percentage about ten times off the same year's figures of the other areas,
    where its own series cannot tell: an office's newest year (9,1 typed for 91 in a new
    commune's first year took the district's insurance rate from 93 % to 78 % and a 2030
    verdict with it, without a word). Counts are left out: a district is not ten communes."""
    rows = (unit_of == "percent") & (frame["value"] > 0) & frame["year"].notna() \
        & frame["preferred"].astype(bool) & ~warned
    if rows.sum() <= SLIP_AREAS:
        return
    key = ["indicator", "group", "year", "standard"]
    picked = frame.loc[rows, key + ["value"]]
    median = picked.groupby(key, sort=False)["value"].transform("median")
    size = picked.groupby(key, sort=False)["value"].transform("size")
    ratio = picked["value"] / median
    candidates = picked[(size > SLIP_AREAS) & pd.concat([_off_by(ratio, times) for times in SLIP_TIMES], axis=1).any(axis=1)]
    flagged = pd.Series(False, index=frame.index)
    spans = {lang: pd.Series("", index=frame.index, dtype=object) for lang in ("vi", "en")}
    times_off = pd.Series(10, index=frame.index)
    if candidates.empty:
        return
    # each candidate against the other figures of its indicator, group, year and standard, for all at once
    # (a loop over the candidates took 880 s on a 300.000-row wrong export, one comparison per row each):
    # the others lie within a factor of two of each other, so every ratio to them is about 10 (or 100) times
    # exactly when the ratios to their least and greatest are; a row's others' least is the group's second
    # least where the row is the least, else the group's least (ties included), and so for the greatest
    value = picked["value"]
    group = picked.groupby(key, sort=False).ngroup()
    up = value.groupby(group).rank(method="first")
    down = value.groupby(group).rank(method="first", ascending=False)
    least, second_least = (value[up == k].set_axis(group[up == k]) for k in (1, 2))
    most, second_most = (value[down == k].set_axis(group[down == k]) for k in (1, 2))
    own, at = candidates["value"], group[candidates.index]
    low = np.where(own.to_numpy() == least.reindex(at).to_numpy(), second_least.reindex(at).to_numpy(),
                   least.reindex(at).to_numpy())
    high = np.where(own.to_numpy() == most.reindex(at).to_numpy(), second_most.reindex(at).to_numpy(),
                    most.reindex(at).to_numpy())
    low, high = pd.Series(low, index=candidates.index), pd.Series(high, index=candidates.index)
    agree = (size[candidates.index] - 1 >= SLIP_AREAS) & (high <= 2 * low)
    times = pd.Series(0, index=candidates.index)
    for each in reversed(SLIP_TIMES):  # the smallest that fits is said
        fits = agree & _off_by(own / low, each) & _off_by(own / high, each)
        times = times.where(~fits, each)
    found = times[times > 0].index
    flagged[found] = True
    times_off[found] = times[found]
    for lang, texts in spans.items():
        texts[found] = [f"{format_number(float(a), lang)}–{format_number(float(b), lang)}"
                        for a, b in zip(low[found], high[found])]
    emit(flagged, "decimal_slip_areas", "value", value=frame["value"], indicator=frame["indicator"],
         year=_whole(frame["year"]), span_vi=spans["vi"], span_en=spans["en"], times=times_off)


SLIP_TIMES = (10, 100)
"""How far off the other areas a percentage is warned about: a decimal point one place off
(9,1 for 91) or two (0,91 for 91, a fraction typed for a percentage)."""


def _off_by(ratio: pd.Series, times: int) -> pd.Series:
    """Whether each ratio is about ``times`` (or 1/``times``): within the span :data:`SLIP_RATIO`
    gives for a tenfold slip, scaled.

    >>> _off_by(pd.Series([9.1 / 91, 0.91 / 91, 91 / 9.1, 0.5]), 10).tolist()
    [True, False, True, False]
    >>> _off_by(pd.Series([0.91 / 91, 9.1 / 91]), 100).tolist()
    [True, False]
    """
    low, high = (bound * times / 10 for bound in SLIP_RATIO)
    return ((ratio >= low) & (ratio <= high)) | ((ratio >= 1 / high) & (ratio <= 1 / low))


# ---------------------------------------------------------------------------------------


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.row or 0, _COLUMN_ORDER.get(p.column or "", -1))


def check_observations(
    path: str | Path | Sequence[str | Path] | None = None,
    *,
    indicators_path: str | Path | None = None,
    areas_path: str | Path | None = None,
) -> ObservationCheck:
    """Read and check observation files; return what was found, without raising.

    ``path`` as for :func:`load_observations`. The result holds the observations (or
    ``None`` when there are problems), every problem, the warnings and, per file, the rows
    read, the Excel sheet read and the cells converted from a percentage format.

    >>> check = check_observations()
    >>> check.problems, check.warnings, [f.file for f in check.files]
    ([], [], ['data/observations/illustrative_communes.csv', 'data/observations/published.csv'])
    """
    sources, optional = data_sources(path)
    ctx = _Context(
        indicators=load_indicators(indicators_path),
        areas=load_areas(areas_path),
        standards=load_standards(indicators_path),
        units=load_units(indicators_path),
    )
    problems: list[Problem] = []
    frames: list[pd.DataFrame] = []
    reads: list[tuple[str, str | None]] = []
    seen: set[Path] = set()
    files = []
    skipped: list[Problem] = []
    # the shipped folder and the offices' folder are one store: an office that keeps all its figures
    # in data/offices/ is not sent to fill data/observations/; only both empty is a problem
    either = path is None
    for source in sources:
        for file in data_files(source, problems, optional=either or source in optional, skipped=skipped):
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    if either and not files:
        problems.append(problem("no_files", " + ".join(_display(s) for s in sources), None, None))
    for file in files:
        label = _display(file)
        columns = read_file(file, problems)
        if columns is None:
            continue
        parsed = file_frame(columns)
        problems.extend(columns.problems)
        if parsed is not None:
            frames.append(parsed)
            reads.append((label, columns.sheet))
        del columns, parsed  # the cells now live in the table; free the lists they were read into
    warnings_found: list[Problem] = skipped
    frame = None
    converted = np.zeros(0, dtype=bool)
    if frames:
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        found, row_warnings, converted = _check_rows(frame, ctx)
        problems += found
        warnings_found = skipped + row_warnings
    file_reads = []
    for label, sheet in reads:
        in_file = (frame["file"] == label).to_numpy()
        rows = tuple(int(r) for r in frame["row"].to_numpy()[in_file & converted])
        first = float(frame["value"].to_numpy()[in_file & converted][0]) if rows else None
        file_reads.append(FileRead(label, int(in_file.sum()), sheet, rows, first))
    if problems:
        problems.sort(key=_sort_key)
        return ObservationCheck(None, problems, sorted(warnings_found, key=_sort_key), file_reads)
    if frame is None:  # pragma: no cover - no files and no problem cannot happen: data_files reports it
        raise DataError([problem("no_files", ", ".join(_display(s) for s in sources), None, None)])
    frame["year"] = frame["year"].astype(int)
    ordered = list(COLUMNS) + ["file", "row"]
    frame = frame[ordered].sort_values(KEY + ["preferred", "file", "row"], ascending=[True] * 5 + [False, True, True])
    warnings_found += (_waiting_for_communes(frame, ctx) + _reused_code_before_reform(frame, ctx)
                       + _figures_no_target_reads(frame, ctx) + _expected_figures(frame, ctx)
                       + _district_beside_its_communes(frame, ctx) + _mixed_illustrative(frame))
    return ObservationCheck(frame.reset_index(drop=True), [], sorted(warnings_found, key=_sort_key), file_reads)


def _waiting_for_communes(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """The years in which some, not all, of the new communes reported a figure that the area
    continuing across a reform (the former district) is the sum or ratio of: the figures are
    used for their communes, while the former district's year waits for the others (an office
    otherwise sees its figure in no district row and nothing in the check). Told once for all the
    indicators waiting for the same communes in the same years, at the first row that reported
    one of them: a commune's file of ten indicators got ten warnings of 600 characters each."""
    found = []
    names = ctx.areas["name_vi"].to_dict(), ctx.areas["name_en"].to_dict()
    judged_alone = _district_only_targets()
    read = ctx.pairs_read
    # the indicators whose figures of the new communes make the former district's (series.merge_rule)
    merged = [indicator for indicator, row in ctx.indicators.iterrows() if merge_rule(row["aggregate"], row["unit"])]
    for reform in load_reforms():
        members = commune_codes(ctx.areas, reform.continues, map="new")
        if not members:
            continue
        # a plan ("dự kiến") is no figure: 3 of 6 communes' 2027 plans were "kept and used" beside "not used"
        used = frame[frame["preferred"] & (frame["year"] >= reform.first_year) & (frame["qualifier"] != "expected")]
        own = set(zip(*(used.loc[used["area_code"] == reform.continues, key] for key in ("indicator", "group", "year"))))
        rows = used[used["area_code"].isin(members) & used["indicator"].isin(merged)]
        if read:  # a figure no target reads is told so (_figures_no_target_reads), not "kept and used"
            rows = rows[np.array([(i, g) in read for i, g in zip(rows["indicator"], rows["group"])], dtype=bool)]
        waiting: dict[tuple, list] = {}  # the same communes missing in several years are told once
        for (indicator, group, year), part in rows.groupby(["indicator", "group", "year"], sort=True):
            reported = frozenset(part["area_code"])
            if reported < set(members) and (indicator, group, year) not in own:
                waiting.setdefault((indicator, group, reported), []).append((int(year), part))
        # the same communes missing in the same years: one warning for its indicators (each once, whatever
        # its groups) and the rows that reported them
        told: dict[tuple, tuple[dict, list]] = {}
        for (indicator, group, reported), years in waiting.items():
            key = (judged_alone.get(indicator, ""), reported, tuple(year for year, _ in years))
            indicators, parts = told.setdefault(key, ({}, []))
            indicators[indicator] = None
            parts.extend(part for _, part in years)
        for (targets, reported, years), (indicators, parts) in told.items():
            missing = [code for code in members if code not in reported]
            reporting = pd.concat(parts).sort_values(["file", "row"])
            first = reporting.iloc[0]
            # the warning stands at the first row; the others of its file are named ("dòng 5" for rows 5 and 7)
            also = _also_rows(reporting.loc[reporting["file"] == first["file"], "row"], int(first["row"]))
            named = [str(y) for y in years]
            found.append(problem(
                "district_only_waits_for_communes" if targets else "district_waits_for_communes",
                first["file"], int(first["row"]), "area_code", targets=targets,
                year=_listed(named, "và"), year_en=_listed(named, "and"),
                indicators_vi=_listed([f"“{ctx.indicators.at[i, 'vi']}” ({i})" for i in indicators], "và"),
                indicators_en=_listed([f"“{ctx.indicators.at[i, 'en']}” ({i})" for i in indicators], "and"),
                has="have" if len(indicators) > 1 else "has",
                count=len(reported), total=len(members), district=in_sentence(reform.continues_name_vi), **also,
                district_en=in_sentence(reform.continues_name_en, "en"),
                missing_vi=", ".join(names[0][code] for code in missing),
                missing_en=", ".join(names[1][code] for code in missing)))
    return found


ROWS_NAMED = 10
"""Rows a grouped warning names besides its own, at most."""


def _pairs_read(indicators: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """(indicator, group) → the targets that read it: their own figure, a share's numerator and
    denominator, a commune's benchmark, and the communes' flags a share of communes counts
    (``indicators``: the catalogue the check reads)."""
    try:
        targets = load_targets()
    except DataError:  # a broken catalogue is reported where it is loaded; here it only adds a warning
        return {}
    read: dict[tuple[str, str], list[str]] = {}
    for prefix in ("", "numerator_", "denominator_", "commune_target_"):
        for target_id, indicator, group in zip(targets["target_id"], targets[f"{prefix}indicator"],
                                               targets[f"{prefix}group"]):
            if indicator:
                for read_as in (indicator, indicators["flags"].get(indicator, "") if "flags" in indicators else ""):
                    if read_as:
                        read.setdefault((read_as, group), []).append(target_id)
    return {pair: sorted(set(ids)) for pair, ids in read.items()}


def _mixed_illustrative(frame: pd.DataFrame) -> list[Problem]:
    """A file holding real figures and some marked illustrative: an office's "x" or "có" in the
    illustrative column (a tick for "checked"?) made 5 of its 6 electricity figures illustrative, drawn and
    written as MINH HỌA, without a word. Told once per file, at its first illustrative row."""
    found = []
    for file, part in frame.groupby("file", sort=True):
        made_up = part["illustrative"].astype(bool)
        if made_up.any() and not made_up.all():
            rows = sorted(int(r) for r in part.loc[made_up, "row"])
            real = int((~made_up).sum())
            found.append(problem("mixed_illustrative", str(file), rows[0], "illustrative",
                                 n_vi=format_number(len(rows), "vi"), n_en=format_number(len(rows), "en"),
                                 real_vi=format_number(real, "vi"), real_en=format_number(real, "en"),
                                 **_also_rows(rows, rows[0])))
    return found


_CODE_AND_NAME = re.compile(r"^\s*(\d{2,5})\s*[-–—:|]\s*(\S.*?)\s*$")


def _code_beside_its_name(area: pd.Series, areas: pd.DataFrame) -> pd.Series:
    """An area written as a list shows it, "29431 - Vinh Kim": its code, where the name is that
    code's (before or after the reform); it was refused with no hint, while "Vĩnh Kim" alone got one.

    >>> from analysis.data.catalogue import load_areas
    >>> _code_beside_its_name(pd.Series(["29431 - Vinh Kim", "29431 – Xã Vinh Kim", "29431 - Kim Hòa", "848"]),
    ...                       load_areas()).tolist()
    ['29431', '29431', '29431 - Kim Hòa', '848']
    """
    distinct = pd.Series(area.unique())  # a million-row export repeats a few dozen codes
    found = distinct.str.extract(_CODE_AND_NAME)
    if found[0].isna().all():
        return area
    names = area_names(areas)  # folded name → the code an office writes

    def the_code(code, name):
        if not isinstance(code, str):
            return None
        key = fold(name)
        return code if any(typed == code for known, (typed, _) in names.items()
                           if known == key or known.endswith(" " + key)) else None

    read = {typed: code for typed, code in zip(distinct, (the_code(c, n) for c, n in zip(found[0], found[1])))
            if code is not None}
    return area.map(lambda typed: read.get(typed, typed)).astype(object)


def _part_taken_for_the_whole(frame: pd.DataFrame, merged: list, ctx: _Context) -> list[Problem]:
    """A new commune's row (under the code it reuses) in a file that gives the same figure for that
    commune's other old units too: the file lists old units, so that row is one old unit's part. The
    others are refused (merged into the new commune); deleting them, as told, left the old town's
    figure standing as the whole new commune's. Refused too, naming the rows to merge into one."""
    if not merged:
        return []
    key = ["file", "indicator", "group", "year"]
    olds = frame.loc[merged, key + ["area_code", "row"]]
    olds = olds.assign(successor=olds["area_code"].map(ctx.areas["successor_code"]))
    # the new commune's own rows in the same file, found in one merge (a mask per group took minutes on an
    # export of old codes for 2025 on)
    wholes = frame.loc[frame["area_code"].isin(set(olds["successor"].dropna())), key + ["area_code", "row"]]
    pairs = olds.merge(wholes.rename(columns={"area_code": "successor", "row": "whole_row"}), on=[*key, "successor"])
    found = []
    for (file, year, successor, whole_row), part in pairs.groupby(["file", "year", "successor", "whole_row"],
                                                                  sort=True):
        gso = ctx.areas.at[successor, "gso_code"] if successor in ctx.areas.index else ""
        if not gso or gso not in ctx.areas.index or ctx.areas.at[gso, "successor_code"] != successor:
            continue  # a new commune under a code of its own (xã Ngũ Lạc, 29530): no old unit's part under it
        others = sorted(int(r) for r in part["row"])
        found.append(problem("part_taken_for_the_whole", str(file), int(whole_row), "area_code", code=gso,
                             year=int(year), successor=unit_name(ctx.areas, successor), part=unit_name(ctx.areas, gso),
                             others=", ".join(map(str, others)),
                             rows=", ".join(map(str, sorted([int(whole_row), *others])))))
    return found


def _target_ids(indicators: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each target's id folded ("t02") → (the indicator it reads, its id as written)."""
    try:
        targets = load_targets()
    except DataError:  # a broken catalogue is reported where it is loaded; here it only adds a hint
        return {}
    return {fold(target_id): (indicator, target_id) for target_id, indicator in zip(targets["target_id"],
                                                                                   targets["indicator"])
            if indicator in indicators.index}


def _figures_no_target_reads(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """A real figure of the district or a commune for a group no target reads, where targets read
    its indicator for another group: an office's primary attendance "for all pupils" (T06 counts
    Khmer pupils) was taken, used nowhere, and the verdict stayed on the year before without a
    word. Told once per file, indicator and group, at its first row, naming the group read. Groups
    the catalogue keeps for reference (``reference_groups``: the whole district's poverty rate) and
    indicators no target reads at all (population, income: context by choice) are not told."""
    read = ctx.pairs_read
    if not read:
        return []
    rows = frame[ctx.local_real(frame)]
    reference = ctx.indicators["reference_groups"] if "reference_groups" in ctx.indicators else pd.Series(dtype=object)
    targeted = {indicator for indicator, _ in read}
    unread = rows[np.array([i in targeted and (i, g) not in read and g not in reference.get(i, ())
                            for i, g in zip(rows["indicator"], rows["group"])], dtype=bool)]
    found = []
    for (file, indicator, group), part in unread.groupby(["file", "indicator", "group"], sort=True):
        first = part.sort_values("row").iloc[0]
        others = {g: ids for (i, g), ids in read.items() if i == indicator}
        targets = sorted({t for ids in others.values() for t in ids})
        found.append(problem("figure_for_another_group", str(file), int(first["row"]), "group", indicator=indicator,
                             group=group, targets=", ".join(targets), groups=", ".join(sorted(others)),
                             s="" if len(targets) > 1 else "s", **_also_rows(sorted(part["row"]), int(first["row"]))))
    return found


DISTRICT_TOLERANCE = (0.5, 0.01)
"""A district's real figure and the one its communes' real figures add up to are told apart past
half a point for a rate (the offices' rounding) or 1 % for a count."""


def _district_beside_its_communes(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """A real figure the district reports for a year in which every one of its communes reported a
    real figure too, when the two disagree: the district's is used (a real district figure is never
    replaced by a sum), so a district row of 96,0 % beside communes whose counts make 92,3 % turned
    T02 from "likely missed" to "likely met" without a word. Indicators the district reports for
    itself (party members, cadres: ``district_reported``) count people of no commune, and are not told."""
    summed = ctx.indicators.index[ctx.indicators["aggregate"].isin(["sum", "ratio"]) & (ctx.indicators["flags"] == "")]
    rows = frame[ctx.local_real(frame) & frame["preferred"].astype(bool) & (frame["qualifier"] != "expected")
                 & frame["indicator"].isin(summed)]
    key = ["indicator", "group", "year", "standard"]
    found = []
    for district in ctx.areas.index[ctx.areas["kind"] == "district"]:
        members = commune_codes(ctx.areas, district, "all", map="old")
        own = rows[rows["area_code"] == district]
        if own.empty or not members:
            continue
        part = rows[rows["area_code"].isin(members)]
        built = part.assign(counted=part["numerator"].notna() & part["denominator"].notna()).groupby(key).agg(
            areas=("area_code", "nunique"), value=("value", "sum"), numerator=("numerator", "sum"),
            denominator=("denominator", "sum"), counted=("counted", "all"))
        built = built[built["areas"] == len(members)]
        for _, row in own.iterrows():
            at = tuple(row[k] for k in key)
            if at not in built.index:
                continue
            total = built.loc[at]
            if ctx.indicators.at[row["indicator"], "aggregate"] == "sum":
                value = float(total["value"])
                off = abs(float(row["value"]) - value) > DISTRICT_TOLERANCE[1] * max(abs(value), 1.0)
            elif total["counted"] and total["denominator"] > 0:
                value = 100 * float(total["numerator"]) / float(total["denominator"])
                off = abs(float(row["value"]) - value) > DISTRICT_TOLERANCE[0]
            else:
                continue
            if off:
                percent = " %" if ctx.indicators.at[row["indicator"], "unit"] == "percent" else ""
                name = ctx.indicators.at[row["indicator"], "vi"] if "vi" in ctx.indicators else row["indicator"]
                found.append(problem("district_differs_from_communes", str(row["file"]), int(row["row"]), "value",
                                     indicator=f"“{name}” ({row['indicator']})", indicator_en=row["indicator"],
                                     year=int(row["year"]), value=float(row["value"]),
                                     built=round(value, 2), n=len(members), unit_vi=percent, unit_en=percent))
    return found


def _expected_figures(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """Real figures of the district or a commune marked ``expected``: not used by the series
    (:func:`~analysis.data.series.build_series`), so told, once per file and year at its first row."""
    rows = frame[ctx.local_real(frame) & (frame["qualifier"] == "expected")]
    found = []
    for (file, year), part in rows.groupby(["file", "year"], sort=True):
        first = part.sort_values("row").iloc[0]
        found.append(problem("expected_not_used", str(file), int(first["row"]), "qualifier", year=int(year),
                             **_also_rows(sorted(part["row"]), int(first["row"]))))
    return found


def _also_rows(rows: Iterable, first: int) -> dict[str, str]:
    """The ``also_vi``/``also_en`` words of a warning told once at row ``first`` for ``rows``: the
    others, at most :data:`ROWS_NAMED` of them.

    >>> _also_rows([4, 5, 4, 6], 4), _also_rows([4], 4)["also_vi"]
    ({'also_vi': ' (cũng ở dòng 5, 6)', 'also_en': ' (also rows 5, 6)'}, '')
    """
    others = [str(row) for row in dict.fromkeys(int(r) for r in rows) if row != first]
    shown = ", ".join(others[:ROWS_NAMED] + (["…"] if len(others) > ROWS_NAMED else []))
    if not others:
        return {"also_vi": "", "also_en": ""}
    return {"also_vi": f" (cũng ở dòng {shown})", "also_en": f" (also row{'s' if len(others) > 1 else ''} {shown})"}


def _reused_code_before_reform(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """A new commune's code (29455, xã Hiệp Mỹ from 2025) given for years before the reform too,
    without the commune's other old units those years: before 1/7/2025 that code is one old unit
    (xã Hiệp Mỹ Tây), so a whole-commune 2024 figure typed under it was silently filed as a third
    of the commune's, and 2025 read as a rise. Looked for across every file read (an office sends
    one file a year: its 2024 file and its 2025 file are two), among real figures only (the shipped
    illustrative old units beside an office's whole-commune 2024 figure added up to a commune and
    a half), and not quoted from their source (the quote names the unit). Told once per file and
    new commune, at the first such row; the figures are kept (a real figure of the old unit is
    right as it is)."""
    found = []
    real = frame[~frame["illustrative"].astype(bool)]
    # a published figure with its source's own words names its unit: the shipped 2023 flag of the old xã Vinh
    # Kim, quoted, was warned about on every run once an office sent 2025 figures for the new xã Vinh Kim
    quoted = real["quote"].fillna("").astype(str).str.strip() != "" if "quote" in real else \
        pd.Series(False, index=real.index)
    for reform in load_reforms():
        for code, (new, others) in _reused_codes(reform, ctx.areas).items():
            old_units = reform.crosswalk[new]
            rows = real[real["area_code"].isin([code, new, *others])]
            before = rows[(rows["area_code"] == code) & (rows["year"] < reform.first_year) & ~quoted[rows.index]]
            after = rows[(rows["area_code"] == new) & (rows["year"] >= reform.first_year)]
            siblings = set(zip(rows.loc[rows["area_code"].isin(others), "indicator"],
                               rows.loc[rows["area_code"].isin(others), "year"]))
            later = set(after["indicator"])  # once: rebuilt for every row, a million-row export took minutes
            alone = before[np.array([(i, y) not in siblings and i in later
                                     for i, y in zip(before["indicator"], before["year"])], dtype=bool)]
            for file, in_file in alone.groupby("file", sort=True):
                first = in_file.sort_values("row").iloc[0]
                years = [str(y) for y in sorted(set(in_file["year"].astype(int)))]
                fields = merged_fields(code, int(first["year"]), ctx.areas, reform)
                parts = ", ".join(f"{unit_name(ctx.areas, unit)} ({unit})" for unit in old_units)
                reported = after[after["indicator"].isin(in_file["indicator"])]
                elsewhere = sorted(set(reported["file"])) if not (reported["file"] == file).any() else []
                found.append(problem(
                    "reused_code_before_reform", str(file), int(first["row"]), "area_code", code=code,
                    year=_listed(years, "và"), year_en=_listed(years, "and"), area=fields["area"],
                    successor=fields["successor"], first_year=reform.first_year, parts=parts,
                    count=len(old_units), date=fields["date"], date_en=fields["date_en"],
                    where_vi=f"tệp {elsewhere[0]}" if elsewhere else "tệp này",
                    where_en=f"the file {elsewhere[0]}" if elsewhere else "this file",
                    **_also_rows(sorted(in_file["row"]), int(first["row"]))))
    told = {problem.file for problem in found}
    return found + [p for p in _new_communes_under_an_earlier_year(real, ctx) if p.file not in told]


def _reused_codes(reform, areas: pd.DataFrame) -> dict[str, tuple[str, list[str]]]:
    """The old codes new communes reuse after ``reform`` → (the new commune, its other old units); a new
    commune under a code of its own (xã Ngũ Lạc, 29530 from Duyên Hải) shares it with no old unit."""
    reused = {}
    for new, old_units in reform.crosswalk.items():
        code = areas.at[new, "gso_code"] if new in areas.index else None
        if code and code in old_units:
            reused[code] = (new, [unit for unit in old_units if unit != code])
    return reused


def _new_communes_under_an_earlier_year(real: pd.DataFrame, ctx: _Context) -> list[Problem]:
    """A file whose figures of a year before the reform sit under two or more codes that new communes
    reuse, with none of those units' sibling old units beside them: the six new communes' 2025 figures
    typed with last year's sheet's 2024 were filed as old units' (a whole new commune's households
    added to the district's 2024 rate) without a word. Told once per file, at its first such row."""
    found = []
    for reform in load_reforms():
        reused = _reused_codes(reform, ctx.areas)
        if len(reused) < 3:
            continue
        before = real[real["year"] < reform.first_year]
        for file, in_file in before.groupby("file", sort=True):
            for (indicator, year), part in in_file.groupby(["indicator", "year"], sort=True):
                present = set(part["area_code"])
                alone = sorted(code for code, (_, others) in reused.items() if code in present and not present & set(others))
                if len(alone) < 3:  # the two towns' own 2024 file (29416, 29419) is two old units' figures
                    continue
                rows = part[part["area_code"].isin(alone)].sort_values("row")
                names = ", ".join(f"{code} ({unit_name(ctx.areas, reused[code][0])})" for code in alone)
                found.append(problem("new_communes_under_an_earlier_year", str(file), int(rows.iloc[0]["row"]),
                                     "year", year=int(year), n=len(alone), codes=names, first_year=reform.first_year,
                                     **_also_rows(sorted(rows["row"]), int(rows.iloc[0]["row"]))))
                break
    return found


def _district_only_targets() -> dict[str, str]:
    """Indicator → the targets ("T05") judged only for the whole district, for the indicators no
    commune target uses (a commune's figure of one of them shows nowhere until all communes are in)."""
    try:
        targets = load_targets()
    except DataError:  # a broken catalogue is reported where it is loaded; here it only changes a wording
        return {}
    columns = ["indicator", "numerator_indicator", "denominator_indicator", "commune_target_indicator"]
    by_commune = targets[targets["scope"] != "district"]
    used = set(by_commune[columns].to_numpy().ravel()) - {"", None}
    alone = targets[(targets["scope"] == "district") & ~targets["indicator"].isin(used) & (targets["indicator"] != "")]
    return {indicator: ", ".join(sorted(set(rows["target_id"]))) for indicator, rows in alone.groupby("indicator")}


def _listed(items: list[str], last: str) -> str:
    """"2025", "2025 và 2026", "2025, 2026 và 2027"."""
    return f"{', '.join(items[:-1])} {last} {items[-1]}" if len(items) > 1 else items[0]


def load_observations(
    path: str | Path | Sequence[str | Path] | None = None,
    *,
    indicators_path: str | Path | None = None,
    areas_path: str | Path | None = None,
) -> pd.DataFrame:
    """Read and check observation files; return one tidy table.

    ``path`` is a CSV or Excel file (``.xlsx``, ``.xls``), a folder of them, or a list of
    files and folders. By default (``None``) it is the shipped ``data/observations/``
    (published and illustrative figures) plus the offices' files in ``data/offices/``
    (:func:`default_sources`). Numbers may be written the Vietnamese way (``12,5``;
    ``1.234``) or the English way; text is NFC-normalised. Every problem in every cell of
    every file is collected and raised as one :class:`~analysis.DataError`; files are never
    modified. :func:`check_observations` returns the same without raising, with warnings.

    Returns one row per observation with the columns of :data:`COLUMNS` (``year`` an int,
    numbers as floats, ``illustrative``/``preferred`` as booleans, ``unit`` filled in from
    the indicator) plus ``file`` and ``row``. Where a real figure and an illustrative one
    share indicator, area, group, year and standard, the real one is preferred.

    >>> obs = load_observations()
    >>> real = obs[~obs["illustrative"] & obs["preferred"]]
    >>> khmer = real.query("indicator == 'poverty_rate_households' and area_code == '84' and group == 'khmer'")
    >>> print(khmer[["year", "standard", "value"]].to_string(index=False))
     year  standard  value
     2020 2016-2020   3.92
     2022 2022-2025   3.61
     2023 2022-2025   2.03
     2024 2022-2025   1.45
    """
    check = check_observations(path, indicators_path=indicators_path, areas_path=areas_path)
    check.raise_for_problems()
    return check.observations
