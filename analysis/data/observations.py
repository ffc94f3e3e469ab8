"""Loading observation files: CSV or Excel, one file or a folder, checked row by row.

An observation is one figure: an indicator, for an area and a population group, in a year
(and, for poverty, on a stated measurement standard), with its source. The tidy layout is
documented in :data:`COLUMNS` and in the Excel template under ``data/templates/``.

Everything wrong in the input is collected and raised once as :class:`~analysis.DataError`;
the input files are only ever read.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .. import paths
from .catalogue import GROUPS, _display, load_areas, load_indicators, load_standards, load_units
from ..errors import DataError, Problem
from .numbers import evidence, parse_column
from .problems import problem
from ..text import nfc

__all__ = ["load_observations", "COLUMNS", "REQUIRED_COLUMNS", "QUALIFIERS", "KEY"]

COLUMNS: dict[str, tuple[str, str]] = {
    "indicator": ("Mã chỉ tiêu (xem data/indicators.yaml)", "Indicator id (see data/indicators.yaml)"),
    "area_code": ("Mã địa bàn (mã xã/huyện/tỉnh của TCTK, xem data/areas.csv)",
                  "Area code (GSO code of the commune/district/province, see data/areas.csv)"),
    "group": ("Nhóm dân số: all, khmer, kinh, hoa, ethnic_minority", "Population group: all, khmer, kinh, hoa, ethnic_minority"),
    "year": ("Năm (4 chữ số); số liệu rà soát cuối năm ghi năm đó", "Year (four digits); a year-end review counts for that year"),
    "standard": ("Chuẩn đo lường, chỉ cho chỉ tiêu nghèo: 2011-2015, 2016-2020, 2022-2025",
                 "Measurement standard, poverty indicators only: 2011-2015, 2016-2020, 2022-2025"),
    "value": ("Giá trị (tỷ lệ ghi theo %, ví dụ 12,5)", "Value (percentages in %, e.g. 12.5)"),
    "unit": ("Đơn vị; để trống thì lấy theo chỉ tiêu", "Unit; blank means the indicator's unit"),
    "numerator": ("Tử số khi biết số đếm (ví dụ số hộ nghèo)", "Numerator when counts are known (e.g. poor households)"),
    "denominator": ("Mẫu số khi biết số đếm (ví dụ tổng số hộ)", "Denominator when counts are known (e.g. all households)"),
    "qualifier": ("Nếu nguồn ghi 'hơn', 'gần', 'khoảng'...: more_than, at_least, nearly, about, less_than, at_most, expected",
                  "When the source says 'over', 'nearly', 'about'…: more_than, at_least, nearly, about, less_than, at_most, expected"),
    "source": ("Nguồn: văn bản, báo cáo hoặc cơ quan cung cấp", "Source: document, report or office that supplied the figure"),
    "source_url": ("Đường dẫn nguồn (nếu có)", "Link to the source (if any)"),
    "quote": ("Trích nguyên văn câu có số liệu", "Verbatim quote of the sentence with the figure"),
    "note": ("Ghi chú", "Note"),
    "illustrative": ("TRUE nếu là số liệu minh họa, không phải số liệu thật", "TRUE for illustrative (made-up) data"),
    "preferred": ("Khi có nhiều nguồn cho cùng một số liệu: TRUE cho nguồn được dùng",
                  "When several sources give the same figure: TRUE on the one to use"),
}
"""Every column of an observation file, with its meaning in Vietnamese and English."""

REQUIRED_COLUMNS = ("indicator", "area_code", "group", "year", "value", "source")
NUMBER_COLUMNS = ("value", "numerator", "denominator")
QUALIFIERS = ("more_than", "at_least", "nearly", "about", "less_than", "at_most", "expected")
KEY = ["indicator", "area_code", "group", "year", "standard"]
"""The columns that identify one observation."""

_TRUE = {"true", "1", "yes", "có", "co", "x", "đúng"}
_FALSE = {"false", "0", "no", "không", "khong", ""}
_UNIT_ALIASES = {"%": "percent", "phần trăm": "percent", "pct": "percent", "hộ": "households",
                 "người": "persons", "xã": "communes", "ấp": "hamlets", "điểm %": "percentage_points"}
_WHAT = {
    "indicator": ("mã chỉ tiêu", "the indicator id"),
    "area_code": ("mã địa bàn", "the area code"),
    "group": ("nhóm dân số (all nếu là toàn bộ dân số)", "the population group (all for everyone)"),
    "year": ("năm", "the year"),
    "value": ("giá trị", "the value"),
    "source": ("nguồn số liệu (văn bản, báo cáo hoặc cơ quan)", "the source (document, report or office)"),
}


@dataclass
class _RawTable:
    label: str
    header: list[str]
    rows: list[int] = field(default_factory=list)
    cells: list[list[object]] = field(default_factory=list)
    dropped: int = 0
    """Rows left out because they could not be read (already reported)."""


# ---------------------------------------------------------------------------------------
# reading files


def _data_files(path: Path, problems: list[Problem]) -> list[Path]:
    label = _display(path)
    if not path.exists():
        problems.append(problem("path_not_found", label, None, None))
        return []
    if path.is_file():
        if path.suffix.lower() not in (".csv", ".xlsx", ".xls"):
            problems.append(problem("unsupported_file_type", label, None, None, suffix=path.suffix or "?"))
            return []
        return [path]
    files = sorted(
        p for p in path.iterdir()
        if p.is_file() and p.suffix.lower() in (".csv", ".xlsx", ".xls")
        and not p.name.startswith((".", "~$"))
    )
    if not files:
        problems.append(problem("no_files", label, None, None))
    return files


def _decode(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _read_csv(path: Path, label: str, problems: list[Problem]) -> _RawTable | None:
    raw = path.read_bytes()
    text = _decode(raw)
    if text is None:
        problems.append(problem("encoding", label, None, None))
        return None
    if not text.strip():
        problems.append(problem("empty_file", label, None, None))
        return None
    first_line = text.lstrip("\ufeff").splitlines()[0]
    # Excel in a Vietnamese locale (decimal comma) writes ';' between fields.
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    table: _RawTable | None = None
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [_column_name(c) for c in record]
            table = _RawTable(label, header)
            continue
        if len(record) != len(header):
            # Trailing empty cells are harmless; anything else means broken quoting or separators.
            trimmed = list(record)
            while len(trimmed) > len(header) and not trimmed[-1].strip():
                trimmed.pop()
            if len(trimmed) < len(header):
                trimmed += [""] * (len(header) - len(trimmed))
            elif len(trimmed) > len(header):
                problems.append(problem("bad_layout", label, reader.line_num, None,
                                        found=len(record), expected=len(header)))
                table.dropped += 1
                continue
            record = trimmed
        table.rows.append(reader.line_num)
        table.cells.append(list(record))
    return table


def _read_excel(path: Path, label: str, problems: list[Problem]) -> _RawTable | None:
    try:
        records = list(_excel_records(path))
    except Exception as exc:  # noqa: BLE001 - any reader failure means the same to a planner
        problems.append(problem("unreadable", label, None, None, detail=type(exc).__name__))
        return None
    table: _RawTable | None = None
    for number, record in records:
        if not any(_filled(c) for c in record):
            continue
        if table is None:
            table = _RawTable(label, [_column_name(c) for c in record])
            continue
        record = list(record)[: len(table.header)]
        record += [None] * (len(table.header) - len(record))
        table.rows.append(number)
        table.cells.append(record)
    if table is None:
        problems.append(problem("empty_file", label, None, None))
    return table


DATA_SHEET_NAMES = ("du_lieu", "dữ liệu", "data", "so_lieu", "số liệu")
"""Sheet names taken as the data sheet; otherwise the first sheet is read."""


def _excel_records(path: Path):
    """Yield (row number, cells) of the data sheet of an .xlsx or .xls file."""
    if path.suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(str(path))
        names = [nfc(n).strip().lower() for n in book.sheet_names()]
        index = next((names.index(n) for n in DATA_SHEET_NAMES if n in names), 0)
        sheet = book.sheet_by_index(index)
        for r in range(sheet.nrows):
            cells = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                cells.append(None if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else cell.value)
            yield r + 1, cells
        return
    import openpyxl

    with warnings.catch_warnings():
        # Files written by tools other than Excel trigger this harmless openpyxl warning.
        warnings.filterwarnings("ignore", message="Workbook contains no default style", category=UserWarning)
        warnings.filterwarnings("ignore", message=".*extension is not supported", category=UserWarning)
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        names = [nfc(n).strip().lower() for n in book.sheetnames]
        index = next((names.index(n) for n in DATA_SHEET_NAMES if n in names), 0)
        sheet = book.worksheets[index]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _column_name(cell: object) -> str:
    return nfc(str(cell if cell is not None else "")).strip().lower().replace(" ", "_")


# ---------------------------------------------------------------------------------------
# parsing cells


@dataclass
class _Context:
    indicators: pd.DataFrame
    areas: pd.DataFrame
    standards: pd.DataFrame
    units: pd.DataFrame


def _text(cell: object) -> str:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return nfc(str(cell)).strip()


def _parse_table(table: _RawTable, ctx: _Context, problems: list[Problem]) -> pd.DataFrame | None:
    label = table.label
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    for column in missing:
        problems.append(problem("missing_column", label, 1 if table.header else None, column))
    if missing:
        return None
    if not table.cells:
        if not table.dropped:
            problems.append(problem("empty_file", label, None, None))
        return None
    position = {name: i for i, name in reversed(list(enumerate(table.header))) if name in COLUMNS}
    cells = {name: [record[i] for record in table.cells] for name, i in position.items()}
    n = len(table.rows)
    out = pd.DataFrame({"file": [label] * n, "row": table.rows})

    for column in COLUMNS:
        if column in NUMBER_COLUMNS or column in ("year", "illustrative", "preferred"):
            continue
        out[column] = [_text(c) for c in cells[column]] if column in cells else [""] * n

    for column in ("indicator", "area_code", "group", "source"):
        for i in out.index[out[column] == ""]:
            what_vi, what_en = _WHAT[column]
            problems.append(problem("missing_value", label, out.at[i, "row"], column, what=what_vi, what_en=what_en))

    out["year"] = _parse_years(cells["year"], out["row"], label, problems)
    _parse_numbers(cells, out, label, problems)
    for column, default in (("illustrative", False), ("preferred", True)):
        out[column] = _parse_booleans(cells.get(column), default, out["row"], label, column, problems)
    out["group"] = out["group"].str.lower()
    _check_units(out, ctx, label, problems)
    _check_standards(out, ctx, label, problems)
    return out


def _parse_years(cells: list[object], rows: pd.Series, label: str, problems: list[Problem]) -> list:
    years = []
    for row, cell in zip(rows, cells):
        text = _text(cell)
        if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer():
            years.append(int(cell))
        elif re.fullmatch(r"\d{4}", text):
            years.append(int(text))
        else:
            years.append(None)
            if text:
                problems.append(problem("year_not_integer", label, row, "year", text=text))
            else:
                problems.append(problem("missing_value", label, row, "year", what="năm", what_en="the year"))
    return years


def _parse_numbers(cells: dict, out: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    present = [c for c in NUMBER_COLUMNS if c in cells]
    file_shows = evidence([c for col in present for c in cells[col] if isinstance(c, str)])
    for column in NUMBER_COLUMNS:
        if column not in cells:
            out[column] = float("nan")
            continue
        column_cells = [c.strip() if isinstance(c, str) else c for c in cells[column]]
        parsed = parse_column(column_cells, file_shows)
        out[column] = [float("nan") if v is None else v for v in parsed.values]
        for i in parsed.invalid:
            text = _text(column_cells[i])
            kind = "percent_sign" if text.endswith("%") else "not_a_number"
            problems.append(problem(kind, label, out.at[i, "row"], column, text=text))
        for i in parsed.ambiguous:
            text = _text(column_cells[i])
            as_vi, as_en = text.replace(".", ""), text.replace(",", "")
            if "," in text:
                as_vi, as_en = text.replace(",", "."), text.replace(",", "")
            problems.append(problem("ambiguous_number", label, out.at[i, "row"], column,
                                    text=text, as_vi=as_vi, as_en=as_en))
        if parsed.mixed:
            from .numbers import classify

            kinds = {i: classify(c) for i, c in enumerate(column_cells) if isinstance(c, str) and c}
            vi_i = next(i for i, k in kinds.items() if k == "vi")
            en_i = next(i for i, k in kinds.items() if k == "en")
            problems.append(problem(
                "mixed_number_format", label, None, column,
                vi_example=f'"{column_cells[vi_i]}" (dòng/row {out.at[vi_i, "row"]})',
                en_example=f'"{column_cells[en_i]}" (dòng/row {out.at[en_i, "row"]})',
            ))
        blank = out.index[out[column].isna() & pd.Series([_text(c) == "" for c in column_cells])]
        if column == "value":
            for i in blank:
                problems.append(problem("missing_value", label, out.at[i, "row"], column,
                                        what="giá trị", what_en="the value"))


def _parse_booleans(column_cells, default: bool, rows: pd.Series, label: str, column: str,
                    problems: list[Problem]) -> list[bool]:
    if column_cells is None:
        return [default] * len(rows)
    values = []
    for row, cell in zip(rows, column_cells):
        if isinstance(cell, bool):
            values.append(cell)
            continue
        text = _text(cell).lower()
        if text == "":
            values.append(default)
        elif text in _TRUE:
            values.append(True)
        elif text in _FALSE:
            values.append(False)
        else:
            values.append(default)
            problems.append(problem("not_boolean", label, row, column, text=_text(cell)))
    return values


def _check_units(out: pd.DataFrame, ctx: _Context, label: str, problems: list[Problem]) -> None:
    units = []
    for i in out.index:
        indicator, given = out.at[i, "indicator"], out.at[i, "unit"]
        expected = ctx.indicators.at[indicator, "unit"] if indicator in ctx.indicators.index else ""
        canonical = _UNIT_ALIASES.get(given.lower(), given.lower()) if given else expected
        if given and expected and canonical != expected:
            problems.append(problem("unit_mismatch", label, out.at[i, "row"], "unit",
                                    text=given, indicator=indicator, expected=expected))
        units.append(canonical)
    out["unit"] = units


def _check_standards(out: pd.DataFrame, ctx: _Context, label: str, problems: list[Problem]) -> None:
    standards = []
    for i in out.index:
        indicator, given, year = out.at[i, "indicator"], out.at[i, "standard"], out.at[i, "year"]
        family = ctx.indicators.at[indicator, "standards"] if indicator in ctx.indicators.index else ""
        if not family:
            if given:
                problems.append(problem("standard_not_applicable", label, out.at[i, "row"], "standard",
                                        indicator=indicator, text=given))
            standards.append("")
            continue
        options = ctx.standards[ctx.standards["family"] == family]
        choices = ", ".join(options["standard"])
        if given:
            if given not in set(options["standard"]):
                problems.append(problem("unknown_choice", label, out.at[i, "row"], "standard",
                                        text=given, choices=choices))
            standards.append(given)
            continue
        covering = options[(options["first_year"] <= year) & (options["last_year"] >= year)] \
            if year is not None else options.iloc[0:0]
        if len(covering) == 1:
            standards.append(covering["standard"].item())
        else:
            if year is not None:
                problems.append(problem("standard_needed", label, out.at[i, "row"], "standard",
                                        indicator=indicator, year=year, choices=choices))
            standards.append("")
    out["standard"] = standards


# ---------------------------------------------------------------------------------------
# schema checks (pandera) and checks across rows


def _schema(ctx: _Context) -> pa.DataFrameSchema:
    percent = ctx.indicators.index[ctx.indicators["unit"] == "percent"]
    flags = ctx.indicators.index[ctx.indicators["unit"] == "flag"]
    counts = ctx.indicators.index[~ctx.indicators["unit"].isin(["percent", "percentage_points", "percent_change", "flag"])]
    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.isin(list(ctx.indicators.index), name="known_indicator", error="known_indicator")),
            "area_code": pa.Column(str, pa.Check.isin(list(ctx.areas.index), name="known_area", error="known_area")),
            "group": pa.Column(str, pa.Check.isin(GROUPS, name="known_group", error="known_group")),
            "year": pa.Column(int, pa.Check.in_range(1990, 2035, name="year_range", error="year_range")),
            "qualifier": pa.Column(str, pa.Check.isin(("",) + QUALIFIERS, name="known_qualifier", error="known_qualifier")),
            "value": pa.Column(float, nullable=True),
            "numerator": pa.Column(float, pa.Check.ge(0, name="negative_count", error="negative_count"), nullable=True),
            "denominator": pa.Column(float, pa.Check.ge(0, name="negative_count", error="negative_count"), nullable=True),
        },
        checks=[
            pa.Check(lambda df: ~df["indicator"].isin(percent) | df["value"].between(0, 100) | df["value"].isna(),
                     name="percent_range"),
            pa.Check(lambda df: ~df["indicator"].isin(counts) | (df["value"] >= 0) | df["value"].isna(),
                     name="negative_value"),
            pa.Check(lambda df: ~df["indicator"].isin(flags) | df["value"].isin([0.0, 1.0]) | df["value"].isna(),
                     name="flag_value"),
            pa.Check(lambda df: ~(df["numerator"] > df["denominator"]), name="numerator_above_denominator"),
            pa.Check(lambda df: ~(df["indicator"].isin(percent) & (df["denominator"] > 0)
                                  & (df["numerator"] <= df["denominator"])
                                  & ((df["value"] - 100 * df["numerator"] / df["denominator"]).abs() > 0.5)),
                     name="value_disagrees_with_counts"),
        ],
        strict=False,
    )


def _schema_problems(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    try:
        _schema(ctx).validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    found = []
    seen = set()
    for case in cases.itertuples(index=False):
        if pd.isna(case.index):
            continue
        i = int(case.index)
        if (i, case.check) in seen:
            continue
        seen.add((i, case.check))
        found.append((i, case.check))
    problems = []
    for i, check in sorted(found):
        problems.append(_problem_for_check(check, frame.loc[i], ctx))
    return problems


def _problem_for_check(check: str, row: pd.Series, ctx: _Context) -> Problem:
    file, number = row["file"], int(row["row"])
    name = re.sub(r"\(.*", "", str(check))
    if name == "known_indicator":
        vi, en = _suggest(row["indicator"], list(ctx.indicators.index), {})
        return problem("unknown_indicator", file, number, "indicator", text=row["indicator"],
                       suggest_vi=vi, suggest_en=en)
    if name == "known_area":
        names = {nfc(n).lower(): (code, n) for code, n in ctx.areas["name_vi"].items()}
        names.update({n.lower(): (code, n) for code, n in ctx.areas["name_en"].items()})
        vi, en = _suggest(row["area_code"], list(ctx.areas.index), names)
        return problem("unknown_area", file, number, "area_code", text=row["area_code"],
                       suggest_vi=vi, suggest_en=en)
    if name == "known_group":
        return problem("unknown_choice", file, number, "group", text=row["group"], choices=", ".join(GROUPS))
    if name == "known_qualifier":
        return problem("unknown_choice", file, number, "qualifier", text=row["qualifier"],
                       choices=", ".join(QUALIFIERS))
    if name == "year_range":
        return problem("year_range", file, number, "year", year=row["year"])
    if name == "percent_range":
        return problem("percent_range", file, number, "value", value=_fmt(row["value"]))
    if name == "negative_value":
        return problem("negative_count", file, number, "value", value=_fmt(row["value"]))
    if name == "negative_count":
        column = "numerator" if row["numerator"] < 0 else "denominator"
        return problem("negative_count", file, number, column, value=_fmt(row[column]))
    if name == "flag_value":
        return problem("flag_value", file, number, "value", value=_fmt(row["value"]))
    if name == "numerator_above_denominator":
        return problem("numerator_above_denominator", file, number, "numerator",
                       numerator=_fmt(row["numerator"]), denominator=_fmt(row["denominator"]))
    if name == "value_disagrees_with_counts":
        return problem("value_disagrees_with_counts", file, number, "value", value=_fmt(row["value"]),
                       numerator=_fmt(row["numerator"]), denominator=_fmt(row["denominator"]),
                       computed=_fmt(round(100 * row["numerator"] / row["denominator"], 2)))
    raise AssertionError(f"no wording for check {check!r}")  # pragma: no cover - every check is worded


def _fmt(value: float) -> str:
    """A number as a person would write it back (no trailing .0)."""
    return f"{value:g}" if pd.notna(value) else ""


def _suggest(text: str, choices: list[str], names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """Words for "did you mean …": an area typed by name, or an id with a typo."""
    key = nfc(text).lower()
    if key in names:
        code, name = names[key]
        return (f'"{text}" là tên địa bàn; hãy ghi mã {code}.', f'"{text}" is an area name; write its code {code}.')
    for lowered, (code, name) in names.items():
        if key and lowered.endswith(" " + key):
            return (f"có phải mã {code} ({name})?", f"did you mean code {code} ({name})?")
    close = difflib.get_close_matches(text, choices, n=3, cutoff=0.6)
    if close:
        listed = ", ".join(close)
        return (f"có phải: {listed}?", f"did you mean: {listed}?")
    return ("dùng một mã có trong danh mục.", "use an id listed in the catalogue.")


def _retired_problems(frame: pd.DataFrame, ctx: _Context) -> list[Problem]:
    problems = []
    valid_to = ctx.areas["valid_to"].dropna()
    for i in frame.index[frame["area_code"].isin(valid_to.index)]:
        end = valid_to[frame.at[i, "area_code"]]
        if frame.at[i, "year"] > end.year:
            problems.append(problem(
                "area_retired", frame.at[i, "file"], int(frame.at[i, "row"]), "area_code",
                area=ctx.areas.at[frame.at[i, "area_code"], "name_vi"], valid_to=end.strftime("%d/%m/%Y"),
                year=frame.at[i, "year"],
            ))
    return problems


def _real_supersedes_illustrative(frame: pd.DataFrame) -> pd.DataFrame:
    """Where a real figure and an illustrative one share a key, the real one is used: the
    illustrative row is kept but no longer preferred (so office files can be added without
    editing the illustrative set)."""
    real_keys = frame.loc[~frame["illustrative"], KEY].drop_duplicates()
    if real_keys.empty:
        return frame
    marker = frame[KEY].merge(real_keys.assign(_real=True), on=KEY, how="left")["_real"].fillna(False).to_numpy()
    superseded = frame["illustrative"].to_numpy() & marker.astype(bool)
    if superseded.any():
        frame = frame.copy()
        frame.loc[superseded, "preferred"] = False
    return frame


def _duplicate_problems(frame: pd.DataFrame) -> list[Problem]:
    problems = []
    for _, group in frame.groupby(KEY, sort=False, dropna=False):
        if len(group) < 2 or group["preferred"].sum() == 1:
            continue
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            where_vi = f"dòng {first['row']}" + ("" if first["file"] == other["file"] else f" của {first['file']}")
            where_en = f"row {first['row']}" + ("" if first["file"] == other["file"] else f" of {first['file']}")
            problems.append(problem("duplicate_key", other["file"], int(other["row"]), None,
                                    other=where_vi, other_en=where_en))
    return problems


# ---------------------------------------------------------------------------------------


def load_observations(
    path: str | Path | None = None,
    *,
    indicators_path: str | Path | None = None,
    areas_path: str | Path | None = None,
) -> pd.DataFrame:
    """Read and check observation files; return one tidy table.

    ``path`` is a CSV or Excel file (``.xlsx``, ``.xls``) or a folder of them (default:
    ``data/observations/``). Numbers may be written the Vietnamese way (``12,5``;
    ``1.234``) or the English way; text is NFC-normalised. Every problem in every file is
    collected and raised as one :class:`~analysis.DataError`; files are never modified.

    Returns one row per observation with the columns of :data:`COLUMNS` (``year`` an int,
    numbers as floats, ``illustrative``/``preferred`` as booleans, ``standard`` filled in
    from the year where the indicator has standards) plus ``file`` and ``row``. Where a real
    figure and an illustrative one share indicator, area, group, year and standard, the real
    one is preferred.

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
    path = Path(path) if path is not None else paths.OBSERVATIONS_DIR
    ctx = _Context(
        indicators=load_indicators(indicators_path),
        areas=load_areas(areas_path),
        standards=load_standards(indicators_path),
        units=load_units(indicators_path),
    )
    problems: list[Problem] = []
    frames = []
    for file in _data_files(path, problems):
        label = _display(file)
        reader = _read_csv if file.suffix.lower() == ".csv" else _read_excel
        table = reader(file, label, problems)
        if table is None:
            continue
        parsed = _parse_table(table, ctx, problems)
        if parsed is not None:
            frames.append(parsed)
    if frames:
        frame = pd.concat(frames, ignore_index=True)
        frame = frame.dropna(subset=["year"]).astype({"year": int})
        frame = _real_supersedes_illustrative(frame)
        problems += _schema_problems(frame, ctx)
        problems += _retired_problems(frame[frame["area_code"].isin(ctx.areas.index)], ctx)
        problems += _duplicate_problems(frame)
    if problems:
        problems.sort(key=lambda p: (p.file, p.row or 0))
        raise DataError(problems)
    ordered = list(COLUMNS) + ["file", "row"]
    frame = frame[ordered].sort_values(KEY + ["preferred", "file", "row"], ascending=[True] * 5 + [False, True, True])
    return frame.reset_index(drop=True)
