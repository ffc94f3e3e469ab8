"""Loading observation files: CSV or Excel, files or folders, every cell checked.

An observation is one figure: an indicator, for an area and a population group, in a year
(and, for poverty, on a stated measurement standard), with its source. The tidy layout is
documented in :data:`COLUMNS` and in the Excel template under ``data/templates/``.

Every cell of every row is checked on its own, so that a row with four mistakes shows all
four at once; everything wrong is collected and raised once as :class:`~analysis.DataError`.
Files are read as streams and checked column by column (a wrong export of a million rows is
checked in under a minute, CSV or Excel), and are only ever read, never modified.

Excel files are read the way a person sees them: only visible sheets, the data sheet chosen
by its header row, a cell stored as a date refused (Excel turns "12/5" into the 12th of May),
and a cell formatted as a percentage (Excel stores "12,5%" as 0.125) converted to 12.5 and
said so in the check's summary.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import sys
import unicodedata
import warnings
from array import array
from contextlib import closing
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from tqdm import tqdm

from .. import paths
from ..errors import DataError, Problem
from ..text import in_sentence, nfc
from .catalogue import (GROUPS, INTEGER_UNITS, _display, commune_codes, load_areas, load_indicators, load_reforms,
                        load_standards, load_targets, load_units)
from .numbers import Convention, NumberColumnReader, date_text, format_number
from .numbers import parse as parse_number
from .problems import problem, problem_words
from .reform import merged_fields, merged_into, resolve_areas, unit_name
from .series import merge_rule
from .xlsx import XlsxWorkbook
from openpyxl.utils import get_column_letter

__all__ = ["load_observations", "check_observations", "ObservationCheck", "FileRead", "default_sources", "protected_paths",
           "area_option_codes",
           "COLUMNS", "REQUIRED_COLUMNS", "QUALIFIERS", "KEY"]

COLUMNS: dict[str, tuple[str, str]] = {
    "indicator": ("Mã chỉ tiêu (xem trang chi_tieu của mẫu)", "Indicator id (see the template's chi_tieu sheet)"),
    "area_code": ("Mã địa bàn: mã xã của TCTK (xem trang dia_ban của mẫu; từ năm 2025 mã xã mới)",
                  "Area code: the GSO code of the commune (see the template's dia_ban sheet; from 2025 the new commune's)"),
    "group": ("Nhóm dân số: all, khmer, kinh, hoa, ethnic_minority", "Population group: all, khmer, kinh, hoa, ethnic_minority"),
    "year": ("Năm (4 chữ số); số liệu rà soát cuối năm ghi năm đó", "Year (four digits); a year-end review counts for that year"),
    "standard": ("Chuẩn đo lường, bắt buộc cho chỉ tiêu nghèo: 2011-2015, 2016-2020, 2022-2025",
                 "Measurement standard, required for poverty indicators: 2011-2015, 2016-2020, 2022-2025"),
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
FLAG_COLUMNS = ("illustrative", "preferred")
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in NUMBER_COLUMNS + FLAG_COLUMNS + ("year",))
QUALIFIERS = ("more_than", "at_least", "nearly", "about", "less_than", "at_most", "expected")
KEY = ["indicator", "area_code", "group", "year", "standard"]
"""The columns that identify one observation."""

DATA_SHEET_NAMES = ("du_lieu", "dữ liệu", "data", "so_lieu", "số liệu")
"""Usual names of the data sheet: when no visible sheet has every required column, the one so
named is read, so that its missing columns are named (two sheets that have them all are refused)."""

DATA_SUFFIXES = (".csv", ".xlsx", ".xls")
SPREADSHEET_SUFFIXES = (".ods", ".fods", ".xlsm", ".xlsb", ".numbers", ".et")
"""Spreadsheets the loader does not read: one in a data folder is refused (its figures would
be lost), where any other file is only named in a warning."""
PERCENT_UNITS = ("percent", "percentage_points")
FRACTION_GUARD_ABOVE = 5.0
"""A percentage in (0, 1] is flagged when the other values of its series are all above this."""

_TRUE = {"true", "1", "yes", "có", "co", "x", "đúng"}
_FALSE = {"false", "0", "no", "không", "khong", ""}
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
_DATE_EXAMPLE = {"year": ("2024", "2024"), "value": ("12,5", "12.5"), "numerator": ("161", "161"),
                 "denominator": ("1288", "1288")}
_COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}
_DATE_TYPES = (dt.date, dt.time, dt.timedelta)
_YEAR = re.compile(r"\d{4}")
_CACHE_LIMIT = 100_000
_PROGRESS_EVERY = 4096
_PROGRESS_DELAY = 2.0
"""Seconds a read must last before its progress bar appears (office files never show one)."""


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
            lines.append(f"Cảnh báo ({_count_vi(n)}; số liệu vẫn được dùng) / Warnings ({n:,}; the figures are "
                         "still used):")
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
# finding files


def default_sources() -> list[Path]:
    """The data read when no path is given: the shipped ``data/observations/`` (published
    and illustrative figures) and the offices' files in ``data/offices/``.

    Read at call time, so that a test can point :data:`analysis.paths.OFFICES_DIR` elsewhere.
    """
    return [paths.OBSERVATIONS_DIR, paths.OFFICES_DIR]


def protected_paths(data) -> list[Path]:
    """The paths ``--out`` must never replace, contain or sit inside: the data read and the
    project's data folder."""
    if data is None:
        sources = default_sources()
    elif isinstance(data, (str, Path)):
        sources = [Path(data)]
    else:
        sources = [Path(p) for p in data]
    return [paths.DATA_DIR, *sources]


def _sources(path) -> tuple[list[Path], set[Path]]:
    """The paths to read, and those of them that may hold no file (the offices' folder)."""
    if path is None:
        return default_sources(), {paths.OFFICES_DIR}
    if isinstance(path, (str, Path)):
        return [Path(path)], set()
    return [Path(p) for p in path], set()


SPREADSHEET_LOCKS = (".xlsx", ".xls", ".xlsm")
"""Lock files of these are Excel's (a Word document's "~$…docx" is not a workbook)."""


def _data_files(path: Path, problems: list[Problem], optional: bool = False,
                skipped: list[Problem] | None = None) -> list[Path]:
    """The data files of ``path`` (a file or a folder). Other files of a folder are not read;
    each one is added to ``skipped`` (an office's .ods would otherwise be left out without a
    word), except hidden files and READMEs; an Excel lock file (~$…) is added as a workbook
    still open."""
    label = _display(path)
    if not path.exists():
        if not optional:
            problems.append(problem("path_not_found", label, None, None))
        return []
    if path.is_file():
        if path.suffix.lower() not in DATA_SUFFIXES:
            problems.append(problem("unsupported_file_type", label, None, None, suffix=path.suffix or "?"))
            return []
        return [path]
    # subfolders too: an e-mailed archive unpacked into data/offices/ makes one (walked once)
    found = sorted(p for p in path.rglob("*") if p.is_file()
                   and not any(part.startswith((".", "__MACOSX")) for part in p.relative_to(path).parts))
    entries = [p for p in found if not any(part.startswith("~$") for part in p.relative_to(path).parts)]
    files = [p for p in entries if p.suffix.lower() in DATA_SUFFIXES]
    # a spreadsheet that cannot be read holds figures that would be lost: refused, not skipped
    problems.extend(problem("spreadsheet_not_read", _display(p), None, None, suffix=p.suffix.lower())
                    for p in entries if p.suffix.lower() in SPREADSHEET_SUFFIXES)
    if skipped is not None:
        # Excel's lock file "~$name.xlsx" sits beside a workbook still open: what is read may not be what was typed
        locks = [p for p in found if p.name.startswith("~$") and p.suffix.lower() in SPREADSHEET_LOCKS]
        skipped.extend(problem("open_in_excel", _display(p), None, None, lock=p.name,
                               workbook=next((w.name for w in files if w.parent == p.parent
                                              and w.name.endswith(p.name[2:])), p.name[2:]))
                       for p in locks)
        skipped.extend(problem("file_not_read", _display(p), None, None, suffix=p.suffix or p.name)
                       for p in entries if p not in files and p.suffix.lower() not in SPREADSHEET_SUFFIXES
                       and not p.stem.upper().startswith("README"))
    if not files and not optional:
        problems.append(problem("no_files", label, None, None))
    return files


# ---------------------------------------------------------------------------------------
# one file's cells, column by column


class _TextColumn:
    """Text cells, NFC-normalised and stripped; repeated values share one string."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._cache: dict[str, str] = {}

    def add(self, cell: object) -> None:
        if cell is None:
            self.values.append("")
        elif type(cell) is str:
            text = self._cache.get(cell)
            if text is None:
                text = nfc(cell).strip()
                if len(self._cache) < _CACHE_LIMIT:
                    self._cache[cell] = text
            self.values.append(text)
        else:
            self.values.append(_text(cell))


class _YearColumn:
    """Years as numbers (NaN where there is none), with the cells that are not a year."""

    def __init__(self) -> None:
        self.values = array("d")
        self.invalid: dict[int, str] = {}
        self.dates: dict[int, str] = {}
        self.decimals: dict[int, float] = {}
        """Numbers with a fraction in a year cell: 2,026 is "2.026" typed where "." is the decimal mark."""
        self.blank: list[int] = []
        self._cache: dict[str, float | str] = {}

    def add(self, cell: object) -> None:
        position = len(self.values)
        year = float("nan")
        if cell is None:
            self.blank.append(position)
        elif isinstance(cell, str):
            known = self._cache.get(cell)
            if known is None:
                text = nfc(cell).strip()
                known = float(int(text)) if _YEAR.fullmatch(text) else text
                if len(self._cache) < _CACHE_LIMIT:
                    self._cache[cell] = known
            if isinstance(known, float):
                year = known
            elif known:
                self.invalid[position] = known
            else:
                self.blank.append(position)
        elif isinstance(cell, bool):
            self.invalid[position] = str(cell)
        elif isinstance(cell, (int, float)):
            if cell != cell:
                self.blank.append(position)
            elif float(cell).is_integer():
                year = float(cell)
            else:
                self.decimals[position] = float(cell)
        elif isinstance(cell, _DATE_TYPES):
            self.dates[position] = _text(cell)
        else:
            self.invalid[position] = _text(cell)
        self.values.append(year)


class _FlagColumn:
    """Yes/no cells: 1, 0, or -1 where blank (the column's default applies)."""

    def __init__(self) -> None:
        self.values = array("b")
        self.invalid: dict[int, str] = {}

    def add(self, cell: object) -> None:
        if cell is None:
            self.values.append(-1)
            return
        if isinstance(cell, bool):
            self.values.append(int(cell))
            return
        text = _text(cell).lower()
        if text == "":
            self.values.append(-1)
        elif text in _TRUE:
            self.values.append(1)
        elif text in _FALSE:
            self.values.append(0)
        else:
            self.invalid[len(self.values)] = _text(cell)
            self.values.append(-1)


class _FileColumns:
    """The known columns of one file, filled one row at a time."""

    def __init__(self, label: str, header: list[str], sheet: str | None = None, header_row: int = 1,
                 typed: Sequence[object] | None = None):
        self.label, self.header, self.sheet, self.header_row = label, header, sheet, header_row
        self.typed = {name: nfc(str(cell)).strip() for name, cell in zip(header, typed or header) if name}
        """Each header as the person typed it ("Mẫu số" for ``mẫu_số``): a message quotes it so."""
        self.position: dict[str, int] = {}
        self.problems: list[Problem] = []
        for i, name in enumerate(header):
            if name in COLUMNS and name not in self.position:
                self.position[name] = i
        for name in self.position:
            where = [get_column_letter(i + 1) for i, typed in enumerate(header) if typed == name]
            if len(where) > 1:  # a second year/value pair copied to add a year: it would be dropped
                self.problems.append(problem("repeated_column", label, header_row, name, count=len(where),
                                             letters=", ".join(where)))
        self.rows = array("q")
        self.text = {n: _TextColumn() for n in TEXT_COLUMNS if n in self.position}
        self.numbers = {n: NumberColumnReader() for n in NUMBER_COLUMNS if n in self.position}
        self.percent = {n: array("b") for n in self.numbers}
        """Excel only: 1 where the number cell is formatted as a percentage."""
        self.year = _YearColumn() if "year" in self.position else None
        self.flags = {n: _FlagColumn() for n in FLAG_COLUMNS if n in self.position}
        self.dropped = 0
        """Rows left out because they could not be read (already reported)."""
        self.unnamed = [i for i, name in enumerate(header) if not name]
        self.unnamed_filled: dict[int, int] = {}
        """A column with a blank header cell (a merged "numerator" over the denominators too): its
        first row with something in it, by position. Its figures would be dropped without a word."""
        columns = [*self.text.items(), *self.numbers.items(), *self.flags.items()]
        if self.year is not None:
            columns.append(("year", self.year))
        self._adders = [(self.position[name], column.add) for name, column in columns]
        self.percent_positions = [(self.position[name], self.percent[name].append) for name in self.numbers]

    @property
    def missing(self) -> list[str]:
        return [c for c in REQUIRED_COLUMNS if c not in self.position]

    def add(self, row: int, cells: Sequence[object]) -> None:
        self.rows.append(row)
        n = len(cells)
        for i, add in self._adders:
            add(cells[i] if i < n else None)
        for i in self.unnamed:
            if i < n and i not in self.unnamed_filled and _filled(cells[i]):
                self.unnamed_filled[i] = row


def _text(cell: object) -> str:
    """A cell as text, as the person who typed it would recognise it.

    >>> _text(3.0), _text(dt.datetime(2024, 12, 31)), _text(dt.datetime(2024, 12, 31, 8, 30))
    ('3', '31/12/2024', '31/12/2024 08:30')
    """
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    if isinstance(cell, _DATE_TYPES):  # a date typed into a year or number column
        return date_text(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return nfc(str(cell)).strip()


def _column_name(cell: object) -> str:
    return nfc(str(cell if cell is not None else "")).strip().lower().replace(" ", "_")


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _progress(label: str, total: int | None, unit: str) -> tqdm:
    """A progress bar on stderr that only appears when a read takes more than a moment."""
    return tqdm(total=total, desc=f"Đọc / reading {label}", unit=unit, unit_scale=True, file=sys.stderr,
                delay=_PROGRESS_DELAY, leave=False, disable=False, mininterval=1.0)


# ---------------------------------------------------------------------------------------
# reading CSV


class _NotUtf8(Exception):
    pass


def _read_csv(path: Path, label: str, problems: list[Problem]) -> _FileColumns | None:
    try:
        with open(path, "rb") as handle:
            if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                # "Unicode text" exports (UTF-16) are small office files: decode them whole.
                handle.seek(0)
                try:
                    lines: Iterable[str] = io.StringIO(handle.read().decode("utf-16"), newline="")
                except UnicodeDecodeError:
                    problems.append(problem("encoding", label, None, None))
                    return None
                return _read_csv_lines(lines, label, problems, None, path.stat().st_size)
            handle.seek(0)
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            try:
                return _read_csv_lines(text, label, problems, handle, path.stat().st_size)
            except UnicodeDecodeError:
                problems.append(problem("encoding", label, None, None))
                return None
    except OSError as error:
        problems.append(problem("unreadable", label, None, None, detail=error.strerror or type(error).__name__))
        return None


def _read_csv_lines(lines, label: str, problems: list[Problem], raw, size: int) -> _FileColumns | None:
    lines = iter(lines)
    first_line = next(lines, "")
    # Excel in a Vietnamese locale (decimal comma) writes ';' between fields.
    delimiter = max([",", ";", "\t"], key=first_line.lstrip("\ufeff").count)
    reader = csv.reader(chain([first_line.lstrip("\ufeff")], lines), delimiter=delimiter)
    columns: _FileColumns | None = None
    found: list[Problem] = []
    split_at: list[int] = []
    with _progress(label, size, "B") as progress:
        position = 0
        try:
            for record in reader:
                if not any(cell.strip() for cell in record):
                    continue
                if columns is None:
                    columns = _FileColumns(label, [_column_name(c) for c in record], header_row=reader.line_num,
                                           typed=record)
                    if columns.missing:
                        break
                    width = len(columns.header)
                    split_at = _split_positions(columns) if delimiter == "," else []
                    continue
                if split_at and (halves := _split_decimal(record, split_at)):
                    found.append(problem("split_decimal", label, reader.line_num, None, whole=halves[0],
                                         part=halves[1]))
                    columns.dropped += 1
                    continue
                if len(record) != width:
                    # Trailing empty cells are harmless; anything else means broken quoting or separators.
                    while len(record) > width and not record[-1].strip():
                        record.pop()
                    if len(record) > width:
                        found.append(problem("bad_layout", label, reader.line_num, None,
                                             found=len(record), expected=width))
                        columns.dropped += 1
                        continue
                columns.add(reader.line_num, record)
                if raw is not None and len(columns.rows) % _PROGRESS_EVERY == 0:
                    now = raw.tell()
                    progress.update(now - position)
                    position = now
        except csv.Error as error:
            problems.append(problem("unreadable", label, reader.line_num, None, detail=str(error)))
            return None
    if columns is None:
        problems.append(problem("empty_file", label, None, None))
        return None
    columns.problems.extend(found)
    return columns


_DIGITS = re.compile(r"[+\-\u2212]?\d+")
_DECIMAL_PART = re.compile(r"\d{1,6}")


def _split_positions(columns: _FileColumns) -> list[int]:
    """Number columns followed by a text column (unit, source…): in a comma-separated file a
    decimal comma typed without quotes ("95,4") splits there, and a text cell holding only
    digits ("4" as a source) is the sign of it."""
    text_columns = set(TEXT_COLUMNS) - {"area_code", "indicator", "group"}
    return [i for name in NUMBER_COLUMNS if (i := columns.position.get(name)) is not None
            and i + 1 < len(columns.header) and columns.header[i + 1] in text_columns]


def _split_decimal(record: list[str], positions: list[int]) -> tuple[str, str] | None:
    """The two halves of a decimal split at its comma, if the record shows one.

    >>> _split_decimal(["health", "29431", "khmer", "2025", "95", "4", "UBND"], [4])
    ('95', '4')
    >>> _split_decimal(["health", "29431", "khmer", "2025", "95", "UBND"], [4]) is None
    True
    """
    for i in positions:
        if (i + 1 < len(record) and _DIGITS.fullmatch(record[i].strip())
                and _DECIMAL_PART.fullmatch(record[i + 1].strip())):
            return record[i].strip(), record[i + 1].strip()
    return None


# ---------------------------------------------------------------------------------------
# reading Excel


def _read_excel(path: Path, label: str, problems: list[Problem]) -> _FileColumns | None:
    try:
        if _excel_format(path) == ".xls":
            return _read_xls(path, label, problems)
        return _read_xlsx(path, label, problems)
    except Exception as exc:  # noqa: BLE001 - any reader failure means the same to a planner
        problems.append(problem("damaged_file", label, None, None, detail=type(exc).__name__))
        return None


def _excel_format(path: Path) -> str:
    """".xlsx" or ".xls" by the file's first bytes, else by its name: an .xlsx renamed .xls (or saved
    so by a tool) is a ZIP file, and was called broken by the .xls reader.

    >>> import tempfile, zipfile
    >>> renamed = Path(tempfile.mkdtemp()) / "xa.xls"
    >>> with zipfile.ZipFile(renamed, "w") as book:
    ...     book.writestr("[Content_Types].xml", "")
    >>> _excel_format(renamed), _excel_format(renamed.with_name("missing.xls"))
    ('.xlsx', '.xls')
    """
    try:
        with open(path, "rb") as file:
            start = file.read(8)
    except OSError:
        start = b""
    if start.startswith(b"PK\x03\x04"):
        return ".xlsx"
    if start.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the OLE2 container of Excel 97–2003
        return ".xls"
    return ".xls" if path.suffix.lower() == ".xls" else ".xlsx"


TITLE_ROWS = 10
"""Filled rows searched for the header row: an office's sheet may open with a title
("BÁO CÁO SỐ LIỆU … XÃ VINH KIM") and a blank line above the column names."""


class _Header(tuple):
    """A sheet's header row: (row number, cells), whether title rows sat above it and whether
    any filled row follows it."""

    titled: bool = False
    rows_below: bool = True


def _first_filled_row(rows: Iterable[tuple[int, Sequence[object]]]) -> tuple[int, list[object]] | None:
    """The header row among the numbered rows: the first filled row, or, when it lacks the
    required columns, the first of the next few filled rows that has them all (title rows
    above the header are skipped, as a person reading the sheet skips them; the result is
    then marked ``titled``)."""
    first = None
    filled = ((n, c) for n, c in rows if any(_filled(v) for v in c))
    for seen, (number, cells) in enumerate(filled):
        if first is None:
            first = _Header((number, list(cells)))
        if not set(REQUIRED_COLUMNS) - {_column_name(c) for c in cells}:
            header = _Header((number, list(cells)))
            header.titled = seen > 0
            header.rows_below = next(filled, None) is not None
            return header
        if seen + 1 >= TITLE_ROWS:
            break
    return first


def _xlsx_header(book: XlsxWorkbook, sheet) -> tuple[int, list[object]] | None:
    with closing(book.rows(sheet)) as rows:
        return _first_filled_row((number, values) for number, values, _ in rows)


def _choose_sheet(label: str, headers: list[tuple[str, tuple[int, list[object]] | None]],
                  problems: list[Problem]) -> int | None:
    """The visible sheet to read: one whose header row (its first filled row) holds every
    required column, preferring the usual data sheet names. ``headers`` lists the visible
    sheets with their first filled row (``None`` when empty)."""
    fitting = [i for i, (_, first) in enumerate(headers)
               if first is not None and not (set(REQUIRED_COLUMNS) - {_column_name(c) for c in first[1]})]
    # a sheet with figures under its header comes first (the instructions sheet shows the column
    # names under its own title, an empty copy of the data sheet holds nothing); then one whose
    # header opens the sheet
    for mark, keep in (("rows_below", True), ("titled", False)):
        if len(fitting) > 1 and any(getattr(headers[i][1], mark) == keep for i in fitting):
            fitting = [i for i in fitting if getattr(headers[i][1], mark) == keep]
    names = [nfc(name).strip().lower() for name, _ in headers]
    if len(fitting) > 1:  # a copied sheet ("du_lieu (2)"): reading one would drop the other's rows
        problems.append(problem("several_data_sheets", label, None, None, count=len(fitting),
                                sheets=", ".join(f'"{headers[i][0]}"' for i in fitting)))
        return None
    if fitting:
        return fitting[0]
    if len(headers) == 1:
        return 0  # the only sheet: its missing columns are reported one by one
    usual = [i for i, name in enumerate(names) if name in DATA_SHEET_NAMES and headers[i][1] is not None]
    if usual:
        return usual[0]  # the template's data sheet with a column renamed: say which one
    listed = ", ".join(f'"{name}"' for name, _ in headers) or "–"
    problems.append(problem("no_data_sheet", label, None, None, sheets=listed,
                            required=", ".join(REQUIRED_COLUMNS)))
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _sheet_columns(label: str, headers: list[tuple[str, tuple[int, list[object]] | None]],
                   problems: list[Problem]) -> tuple[int, int, _FileColumns] | None:
    """The data sheet chosen among the visible ones (see :func:`_choose_sheet`): its index, its
    header row and the columns its header names; ``None`` (with the problem) when there is none."""
    chosen = _choose_sheet(label, headers, problems)
    if chosen is None:
        return None
    title, first = headers[chosen]
    if first is None:
        problems.append(problem("empty_file", label, None, None))
        return None
    header_row, header = first
    return chosen, header_row, _FileColumns(label, [_column_name(c) for c in header], sheet=title, typed=header,
                                            header_row=header_row)


def _add_sheet_rows(columns: _FileColumns, rows: Iterable[tuple[int, list[object], Sequence[bool]]]) -> None:
    """Add a sheet's numbered rows with, by column, whether the cell is formatted as a
    percentage; blank rows are left out."""
    for number, values, percents in rows:
        if not any(_filled(v) for v in values):
            continue
        columns.add(number, values)
        n = len(values)
        for i, append in columns.percent_positions:
            append(1 if i < n and percents[i] and _is_number(values[i]) else 0)


def _read_xlsx(path: Path, label: str, problems: list[Problem]) -> _FileColumns | None:
    with warnings.catch_warnings():
        # Files written by tools other than Excel trigger these harmless openpyxl warnings.
        warnings.filterwarnings("ignore", message="Workbook contains no default style", category=UserWarning)
        warnings.filterwarnings("ignore", message=".*extension is not supported", category=UserWarning)
        warnings.filterwarnings("ignore", message="Data Validation extension", category=UserWarning)
        book = XlsxWorkbook(path)
    with book:
        visible = [sheet for sheet in book.sheets if sheet.visible]
        found = _sheet_columns(label, [(sheet.title, _xlsx_header(book, sheet)) for sheet in visible], problems)
        if found is None:
            return None
        chosen, header_row, columns = found
        if columns.missing:
            return columns
        sheet = visible[chosen]
        with _progress(label, book.stated_rows(sheet), "dòng/rows") as progress:

            def counted(rows):
                done = header_row
                for row in rows:
                    if row[0] - done >= _PROGRESS_EVERY:
                        progress.update(row[0] - done)
                        done = row[0]
                    yield row

            _add_sheet_rows(columns, counted(book.rows(sheet, min_row=header_row + 1, width=len(columns.header))))
        _refuse_hidden_rows(columns, book.hidden_rows)
        return columns


def _read_xls(path: Path, label: str, problems: list[Problem]) -> _FileColumns | None:
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True)
    visible = [book.sheet_by_index(i) for i in range(book.nsheets) if book.sheet_by_index(i).visibility == 0]

    def cell_value(sheet, r: int, c: int) -> object:
        cell = sheet.cell(r, c)
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(cell.value, "#ERROR")
        return cell.value

    def rows(sheet, start: int = 0):
        """The sheet's rows from ``start`` (0-based), each with its number as Excel shows it."""
        for r in range(start, sheet.nrows):
            yield r + 1, [cell_value(sheet, r, c) for c in range(sheet.ncols)]

    found = _sheet_columns(label, [(sheet.name, _first_filled_row(rows(sheet))) for sheet in visible], problems)
    if found is None:
        return None
    chosen, header_row, columns = found
    if columns.missing:
        return columns
    sheet = visible[chosen]
    wanted = {i for i, _ in columns.percent_positions}

    def is_percent(r: int, c: int) -> bool:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        fmt = book.format_map.get(xf.format_key)
        return fmt is not None and "%" in fmt.format_str

    _add_sheet_rows(columns, ((number, values, [c in wanted and is_percent(number - 1, c) for c in range(len(values))])
                              for number, values in rows(sheet, start=header_row)))
    _refuse_hidden_rows(columns, [r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden])
    return columns


def _refuse_hidden_rows(columns: _FileColumns, hidden: Sequence[int]) -> None:
    """A hidden row with figures is how an office sets a draft aside: neither used nor dropped
    without a word."""
    if hidden:
        read = set(np.frombuffer(columns.rows, dtype=np.int64).tolist()) if len(columns.rows) else set()
        columns.problems.extend(problem("hidden_row", columns.label, row, None)
                                for row in sorted(set(hidden) & read))


# ---------------------------------------------------------------------------------------
# one file's cells → a typed table and the problems found in single cells


MISSPELT_CUTOFF = 0.8
"""How close (difflib ratio) an unknown header must be to an optional column to be taken for
it misspelt: "denominatr" (0.95) and "prefered" (0.94) are; a column of notes of one's own
("ghi_chu_xa") is not, and stays ignored."""
FIGURE_COLUMNS = ("standard", "unit", "numerator", "denominator", "qualifier", "illustrative", "preferred")
"""The optional columns whose loss changes what is read (a figure, its standard or unit, which
row is used): a header that is one of them misspelt, annotated ("denominator (tổng số hộ)") or
in Vietnamese ("mẫu số") is refused. A misspelt note, quote or link (a column "notes" of one's
own) loses no figure and stays ignored."""
VIETNAMESE_FIGURE_COLUMNS = {"tử_số": "numerator", "mẫu_số": "denominator"}
"""Headers an office may write in Vietnamese for a figure column (as :func:`_column_name` spells them)."""
VIETNAMESE_REQUIRED_COLUMNS = {"chỉ_tiêu": "indicator", "mã_xã": "area_code", "mã_địa_bàn": "area_code",
                               "địa_bàn": "area_code", "nhóm": "group", "năm": "year", "giá_trị": "value",
                               "số_liệu": "value", "nguồn": "source"}
"""Headers an office may write in Vietnamese for a required column, with or without diacritics:
named in the message, so that "thiếu cột "value"" says which header to rename."""


def _vietnamese_column(typed: str, column: str) -> bool:
    """``typed`` is a Vietnamese name of the required ``column``, with or without its marks.

    >>> [_vietnamese_column(t, "value") for t in ("giá_trị", "gia_tri", "giá_trị_(%)", "giá_trị_khác_x", "nguồn")]
    [True, True, True, True, False]
    """
    plain = _fold(typed)
    return any(column == meant and plain.startswith(key := _fold(name)) and not plain[len(key):len(key) + 1].isalnum()
               for name, meant in VIETNAMESE_REQUIRED_COLUMNS.items())


def _meant_column(typed: str, absent: Sequence[str]) -> str | None:
    """The figure column an unknown header stands for, if any: misspelt, annotated after the
    name, or the Vietnamese name.

    >>> absent = ["numerator", "denominator"]
    >>> [_meant_column(t, absent) for t in ("denominatr", "denominator_(tổng_số_hộ)", "mẫu_số", "ghi_chu_xa")]
    ['denominator', 'denominator', 'denominator', None]
    >>> _meant_column("numerators_seen", absent) is None
    True
    """
    meant = difflib.get_close_matches(typed, absent, n=1, cutoff=MISSPELT_CUTOFF)
    if meant:
        return meant[0]
    for name, column in [*((a, a) for a in absent), *VIETNAMESE_FIGURE_COLUMNS.items()]:
        if column in absent and typed.startswith(name) and not typed[len(name):len(name) + 1].isalnum():
            return column
    return None


def _file_frame(columns: _FileColumns) -> pd.DataFrame | None:
    label, found = columns.label, columns.problems
    others = [name for name in columns.header if name and name not in COLUMNS]
    absent = [name for name in FIGURE_COLUMNS if name not in columns.header]
    for typed in others:
        # an optional column typed differently would be dropped without a word, with its figures
        meant = _meant_column(typed, absent)
        if meant:
            found.append(problem("misspelt_column", label, columns.header_row, columns.typed.get(typed, typed),
                                 meant=meant))
    for i, first_row in sorted(columns.unnamed_filled.items()):
        found.append(problem("unnamed_column", label, columns.header_row, get_column_letter(i + 1),
                             first_row=first_row))
    if columns.missing:
        for column in columns.missing:
            typed = difflib.get_close_matches(column, others, n=1, cutoff=0.6) \
                or [other for other in others if _vietnamese_column(other, column)][:1]
            if typed:  # a required column typed differently or in Vietnamese: name the header cell to rename
                found.append(problem("renamed_column", label, 1, column, typed=columns.typed.get(typed[0], typed[0])))
            else:
                found.append(problem("missing_column", label, 1, column))
        return None
    n = len(columns.rows)
    if n == 0:
        if not columns.dropped:
            found.append(problem("empty_file", label, None, None))
        return None
    rows = np.frombuffer(columns.rows, dtype=np.int64).copy()
    data: dict[str, object] = {"file": [label] * n, "row": rows}
    for name in TEXT_COLUMNS:
        data[name] = columns.text[name].values if name in columns.text else [""] * n

    year = columns.year
    data["year"] = np.array(year.values, dtype=float)
    for i in year.blank:
        found.append(problem("missing_value", label, int(rows[i]), "year", what="năm", what_en="the year"))
    for i, text in year.invalid.items():
        found.append(problem("year_not_integer", label, int(rows[i]), "year", text=text, text_en=text))
    for i, number in year.decimals.items():
        thousands = round(number * 1000)
        # 2,026 is 2026 typed "2.026" where "." is the decimal mark: said so, in the reader's own number style
        meant = thousands if abs(number * 1000 - thousands) < 1e-6 and 1990 <= thousands <= 2035 else None
        found.append(problem("year_decimal", label, int(rows[i]), "year", value=number, meant=str(meant),
                             dotted=f"{meant // 1000}.{meant % 1000:03d}") if meant else
                     # a number in a cell: each reader's decimal mark, no grouping ("2020,5", not "2.020,5")
                     problem("year_not_integer", label, int(rows[i]), "year", text=repr(number).replace(".", ","),
                             text_en=repr(number)))
    for i, text in year.dates.items():
        found.append(_date_problem(label, int(rows[i]), "year", text))

    file_shows = set().union(*(reader.evidence for reader in columns.numbers.values()))
    for name in NUMBER_COLUMNS:
        if name not in columns.numbers:
            data[name] = np.full(n, np.nan)
            data[f"_percent_{name}"] = np.zeros(n, dtype=bool)
            data[f"_other_{name}"] = np.full(n, np.nan)
            data[f"_typed_{name}"] = np.full(n, "", dtype=object)
            continue
        reader = columns.numbers[name]
        parsed = reader.finish(file_shows)
        data[name] = parsed.numbers
        # "1.120" read by the other cells' style: kept with its other reading, for counts to refuse
        data[f"_other_{name}"] = parsed.alternative
        typed = np.full(n, "", dtype=object)
        typed[parsed.inferred] = [reader.texts[i] for i in parsed.inferred]
        data[f"_typed_{name}"] = typed
        percent = columns.percent[name]
        data[f"_percent_{name}"] = (np.frombuffer(percent, dtype=np.int8).astype(bool) if len(percent)
                                    else np.zeros(n, dtype=bool))
        for i in parsed.invalid:
            text = reader.texts[i]
            kind = "percent_sign" if text.endswith("%") else \
                "formula_without_value" if text.startswith("=") else "not_a_number"
            found.append(problem(kind, label, int(rows[i]), name, text=text))
        for i in parsed.ambiguous:
            text = reader.texts[i]
            # floats: each sentence writes both readings its own way (1.120 or 1,12 in Vietnamese)
            found.append(problem("ambiguous_number", label, int(rows[i]), name, text=text,
                                 as_vi=parse_number(text, Convention.VIETNAMESE),
                                 as_en=parse_number(text, Convention.ENGLISH)))
        for i in parsed.dates:
            found.append(_date_problem(label, int(rows[i]), name, reader.texts[i]))
        if parsed.mixed:
            (vi_i, vi_text), (en_i, en_text) = parsed.examples["vi"], parsed.examples["en"]
            found.append(problem("mixed_number_format", label, None, name,
                                 vi_example=f'"{vi_text}" (dòng/row {rows[vi_i]})',
                                 en_example=f'"{en_text}" (dòng/row {rows[en_i]})'))
        if name == "value":
            for i in parsed.blank:
                # a figure not known yet is a row left out, not a 0 typed to get past the check
                found.append(problem("missing_value", label, int(rows[i]), "value",
                                     what="giá trị (chưa có số liệu thì xóa cả dòng, đừng ghi 0)",
                                     what_en="the value (if the figure is not known, delete the row rather than write 0)"))

    for name, default in (("illustrative", False), ("preferred", True)):
        if name not in columns.flags:
            data[name] = np.full(n, default)
            continue
        flags = columns.flags[name]
        values = np.frombuffer(flags.values, dtype=np.int8)
        data[name] = np.where(values < 0, default, values == 1)
        for i, text in flags.invalid.items():
            found.append(problem("not_boolean", label, int(rows[i]), name, text=text))
    frame = pd.DataFrame(data)
    del data
    columns.text.clear()
    columns.numbers.clear()
    return _without_note_rows(frame, columns)


def _without_note_rows(frame: pd.DataFrame, columns: _FileColumns) -> pd.DataFrame:
    """Rows with words but no area, year or value ("Ghi chú: …", "Người lập biểu") are notes
    typed under the data: one problem each, not one per empty cell."""
    loose = (frame["area_code"] == "").to_numpy() & frame["year"].isna().to_numpy() & frame["value"].isna().to_numpy()
    if not loose.any():
        return frame
    found = columns.problems
    rows = set(frame.loc[loose, "row"].tolist())
    found[:] = [p for p in found if not (p.row in rows and p.column in ("year", "value"))]
    notes = frame[loose]
    named = np.zeros(len(notes), dtype=bool)  # each row named once, at its first cell with words
    for name in TEXT_COLUMNS:
        words = (notes[name] != "").to_numpy() & ~named
        _Emit(notes, found)(words, "note_row", name, text=notes[name].str.slice(0, 60))
        named |= words
    return frame[~loose].reset_index(drop=True)


def _date_problem(label: str, row: int, column: str, text: str) -> Problem:
    example_vi, example_en = _DATE_EXAMPLE[column]
    return problem("date_cell", label, row, column, text=text, example_vi=example_vi, example_en=example_en)


# ---------------------------------------------------------------------------------------
# checks of every row, column by column


@dataclass
class _Context:
    indicators: pd.DataFrame
    areas: pd.DataFrame
    standards: pd.DataFrame
    units: pd.DataFrame


@dataclass(frozen=True)
class _Lookup:
    """A field looked up from another field of the same row (a suggestion for the text typed)."""

    field: str
    table: dict
    default: object


class _Emit:
    """Turns a row mask into problems; a field given as an array is taken row by row, a
    :class:`_Lookup` from another field of the row."""

    def __init__(self, frame: pd.DataFrame, out: list[Problem]):
        self.files = frame["file"].to_numpy()
        self.rows = frame["row"].to_numpy()
        self.out = out

    def __call__(self, mask, kind: str, column: str | None, **fields) -> None:
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not where.size:
            return
        per_row = {k: np.asarray(v, dtype=object) for k, v in fields.items() if isinstance(v, (pd.Series, np.ndarray))}
        lookups = {k: v for k, v in fields.items() if isinstance(v, _Lookup)}
        fixed = {k: v for k, v in fields.items() if k not in per_row and k not in lookups}
        for i in where:
            values = {k: v[i] for k, v in per_row.items()}
            for k, lookup in lookups.items():
                values[k] = lookup.table.get(values[lookup.field], lookup.default)
            self.out.append(problem(kind, self.files[i], int(self.rows[i]), column, **fixed, **values))


def _check_rows(frame: pd.DataFrame, ctx: _Context) -> tuple[list[Problem], list[Problem], np.ndarray]:
    """Check every row of every file; each cell is judged on its own (a bad year does not
    hide an unknown area on the same row). Adjusts ``frame`` in place (group in lower case,
    unit filled in, %-formatted values × 100). Returns problems, warnings and the rows whose
    value was converted from a %-formatted cell."""
    problems: list[Problem] = []
    emit = _Emit(frame, problems)
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
        names = {_fold(name): (code, nfc(name)) for column in ("vi", "en")
                 for code, name in ctx.indicators[column].items()}
        hints = _hints(indicator[unknown].unique(), list(ctx.indicators.index), names, "indicator")
        emit(unknown, "unknown_indicator", "indicator", text=indicator,
             suggest_vi=_Lookup("text", {t: h[0] for t, h in hints.items()}, _GENERIC_HINT[0]),
             suggest_en=_Lookup("text", {t: h[1] for t, h in hints.items()}, _GENERIC_HINT[1]))
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
    known_area = area.isin(ctx.areas.index)
    unknown = (area != "") & ~known_area & ~refused_rows
    if unknown.any():
        names = _area_names(ctx.areas)
        hints = _hints(area[unknown].unique(), list(ctx.areas.index), names)
        suggest = {lang: area.map({t: h[i] for t, h in hints.items()}).fillna(_GENERIC_HINT[i])
                   for i, lang in enumerate(("vi", "en"))}
        # a name of a commune merged before the row's year: its successor's code straight away, not
        # the old code that the next check refuses for that year
        for index, (vi, en) in _merged_name_hints(area[unknown], frame.loc[unknown, "year"], ctx.areas).items():
            suggest["vi"][index], suggest["en"][index] = vi, en
        emit(unknown, "unknown_area", "area_code", text=area, suggest_vi=suggest["vi"], suggest_en=suggest["en"])
    emit((group != "") & ~group.isin(GROUPS), "unknown_choice", "group", text=group, choices=", ".join(GROUPS))
    qualifier = frame["qualifier"]
    emit((qualifier != "") & ~qualifier.isin(QUALIFIERS), "unknown_choice", "qualifier", text=qualifier,
         choices=", ".join(QUALIFIERS))
    year = frame["year"]
    emit(year.notna() & ~year.between(1990, 2035), "year_range", "year", year=_whole(year))
    now = this_year()
    emit(year.between(now + 1, 2035), "year_future", "year", year=_whole(year), now=now)

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
    _Emit(frame, warnings_found)(strays, "value_strays_from_counts", "value", value=value, numerator=numerator,
                                 denominator=denominator, computed=computed.round(2))
    fractions = _check_fractions(frame, is_percent, _Emit(frame, warnings_found), ctx.areas)
    slipped = _check_decimal_slips(frame, unit_of, _Emit(frame, warnings_found))
    # one warning a row: 0,125 among percentages is a fraction, said once
    _check_decimal_slips_across_areas(frame, unit_of, _Emit(frame, warnings_found), slipped | fractions)
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


def _check_whole_counts(frame: pd.DataFrame, unit_of: pd.Series, units: pd.DataFrame, emit: _Emit) -> None:
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


def _lower(series: pd.Series) -> pd.Series:
    """Text in lower case, computed once per distinct value (columns repeat a few values)."""
    return series.map({value: value.lower() for value in series.unique()})


def _whole(series: pd.Series) -> np.ndarray:
    """Whole numbers as Python ints (so that 2024 is not written 2.024), NaN as None."""
    return np.array([None if v != v else int(v) for v in series.to_numpy()], dtype=object)


def _check_units(frame: pd.DataFrame, unit_of: pd.Series, emit: _Emit) -> None:
    given = frame["unit"]
    lowered = _lower(given)
    canonical = lowered.map(_UNIT_ALIASES).fillna(lowered)
    canonical = canonical.where(~((lowered == "người") & unit_of.isin(_PEOPLE_UNITS)), unit_of)
    mismatch = (given != "") & unit_of.notna() & (canonical != unit_of)
    emit(mismatch, "unit_mismatch", "unit", text=given, indicator=frame["indicator"], expected=unit_of)
    frame["unit"] = canonical.where(given != "", unit_of.fillna(""))


_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\s*")


def _check_standards(frame: pd.DataFrame, ctx: _Context, emit: _Emit) -> None:
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


def _convert_percent_cells(frame: pd.DataFrame, unit_of: pd.Series, emit: _Emit) -> np.ndarray:
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


def _check_duplicates(frame: pd.DataFrame, emit_all: _Emit) -> None:
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
    emit = _Emit(repeated, emit_all.out)
    # the figure and both values named: the planner sees at once whether the two rows agree
    named = dict(indicator=repeated["indicator"], area=repeated["area_code"], year=_whole(repeated["year"]),
                 value=repeated["value"], other_value=first_value)
    emit(later & same_file, "duplicate_key", None, other_row=first_row, **named)
    emit(later & ~same_file, "duplicate_key_other_file", None, other_row=first_row, other_file=first_file, **named)


def _check_something_preferred(frame: pd.DataFrame, emit_all: _Emit) -> None:
    """``preferred`` = FALSE chooses between rows of one figure (two rows all FALSE are a
    duplicate, reported as such); a lone row marked FALSE would not be used, without a word."""
    frame = frame[~(frame["illustrative"].astype(bool) & ~frame["preferred"].astype(bool)
                    & frame.duplicated(KEY, keep=False))]
    lone = frame[~frame.duplicated(KEY, keep=False) & ~frame["preferred"].astype(bool)]
    if lone.empty:
        return
    _Emit(lone, emit_all.out)(np.ones(len(lone), dtype=bool), "none_preferred", "preferred",
                              indicator=lone["indicator"], area=lone["area_code"], year=_whole(lone["year"]))


def _check_fractions(frame: pd.DataFrame, is_percent: pd.Series, emit: _Emit, areas: pd.DataFrame) -> pd.Series:
    """Warn about a percentage in (0, 1] whose series is otherwise above 5 %: most likely a
    fraction typed for a percentage (0.125 for 12.5 %). A new commune's series includes the
    figures of the old units it was made of (its own begin in 2025). Returns the rows warned about."""
    value = frame["value"]
    rows = is_percent & value.notna() & (frame["indicator"] != "")
    if not rows.any():
        return pd.Series(False, index=frame.index)
    series = frame.loc[rows, ["indicator", "area_code", "group"]].assign(value=value[rows], own=True)
    successor = series["area_code"].map(areas["successor_code"].where(areas["map"] == "old"))
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


def _check_decimal_slips(frame: pd.DataFrame, unit_of: pd.Series, emit: _Emit) -> pd.Series:
    """Warn about a value about ten times off its neighbouring years in its own series; returns
    the rows warned about."""
    none = pd.Series(False, index=frame.index)
    levels = unit_of.notna() & ~unit_of.isin(["percentage_points", "percent_change", "flag"])
    rows = levels & (frame["value"] > 0) & frame["year"].notna() & frame["preferred"].astype(bool)
    if rows.sum() < 3:
        return none
    key = ["indicator", "area_code", "group", "standard"]
    picked = frame.loc[rows, key + ["year", "value"]]
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
    # both neighbours say the same (off by ten, the same way); at a series' end, its one neighbour
    # and the one beyond it agree with each other, so that the end itself is the odd one
    inner = (before_same & after_same & off(ratio_before) & off(ratio_after)
             & ((ratio_before > 1) == (ratio_after > 1)))

    def steady(a: pd.Series, b: pd.Series) -> pd.Series:  # two neighbours agree with each other
        return (a / b).between(0.5, 2.0)

    first = ~before_same & after_same & (group == group.shift(-2)) & off(ratio_after) \
        & steady(value.shift(-1), value.shift(-2))
    last = before_same & ~after_same & (group == group.shift(2)) & off(ratio_before) \
        & steady(value.shift(1), value.shift(2))
    flagged = (inner | first | last).reindex(frame.index, fill_value=False)
    if not flagged.any():
        return flagged
    # the neighbouring years named in the message, each language writing its numbers its way
    neighbours = {lang: pd.Series("", index=frame.index, dtype=object) for lang in ("vi", "en")}
    for index in flagged.index[flagged.to_numpy()]:
        position = series.index.get_loc(index)
        around = [series.iloc[p] for p in (position - 1, position + 1)
                  if 0 <= p < len(series) and series.iloc[p]["_series"] == series.iloc[position]["_series"]]
        for lang, texts in neighbours.items():
            texts[index] = "; ".join(f"{int(p['year'])}: {format_number(float(p['value']), lang)}" for p in around)
    emit(flagged, "decimal_slip", "value", value=frame["value"], indicator=frame["indicator"],
         neighbours_vi=neighbours["vi"], neighbours_en=neighbours["en"])
    return flagged


SLIP_AREAS = 3
"""The fewest other areas, with figures for the same year within a factor of two of each
other, that a percentage about ten times off theirs is checked against."""


def _check_decimal_slips_across_areas(frame: pd.DataFrame, unit_of: pd.Series, emit: _Emit,
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
    for index, row in candidates.iterrows():
        same = (picked[key] == row[key]).all(axis=1)
        others = picked.loc[same & (picked.index != index), "value"]
        if len(others) < SLIP_AREAS or others.max() > 2 * others.min():
            continue
        ratios = row["value"] / others
        times = [times for times in SLIP_TIMES if _off_by(ratios, times).all()]
        if not times:
            continue
        flagged[index] = True
        times_off[index] = times[0]
        for lang, texts in spans.items():
            texts[index] = f"{format_number(float(others.min()), lang)}–{format_number(float(others.max()), lang)}"
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
# suggestions


def _fold(text: str) -> str:
    """Lower case without diacritics, so that "Xa Kim Hoa" matches "Xã Kim Hòa"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def _area_names(areas: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Area names (folded) → (the code an office writes, the name). The code is the GSO code
    where there is one: "29431" is xã Vinh Kim before the reform and the new xã Vinh Kim from
    2025, read with the row's year; the catalogue's own "29431-2025" is not for typing."""
    typed = {code: str(gso) if isinstance(gso, str) and gso.strip() else code
             for code, gso in areas["gso_code"].items()} if "gso_code" in areas else {}
    names = {_fold(n): (typed.get(code, code), n) for code, n in areas["name_en"].items()}
    names.update({_fold(n): (typed.get(code, code), nfc(n)) for code, n in areas["name_vi"].items()})
    return names


def _merged_name_hints(texts: pd.Series, years: pd.Series, areas: pd.DataFrame) -> dict:
    """For rows naming (by name, not code) a commune merged before the row's year: index → (vi,
    en) words giving its successor's code, with the fix a typed old code gets
    (:func:`~analysis.data.reform.merged_fields`).

    >>> from analysis.data.catalogue import load_areas
    >>> areas = load_areas()
    >>> hints = _merged_name_hints(pd.Series(["Kim Hòa", "Kim Hòa", "Xã Vinh Kim"]), pd.Series([2025.0, 2024.0, 2025.0]),
    ...                            areas)
    >>> list(hints), hints[0][0]  # doctest: +NORMALIZE_WHITESPACE
    ([0], 'Xã Kim Hòa đã nhập vào Xã Vinh Kim từ 1/7/2025: ghi một số liệu cho cả xã Vinh Kim (mã 29431, gồm xã
    Kim Hòa, xã Vinh Kim), không ghi riêng phần của xã Kim Hòa: từ năm 2025 số liệu theo xã mới.')

    An old unit whose code the new commune reuses is one of them: "Hiệp Mỹ Tây" for 2026 is not
    xã Hiệp Mỹ (29455), of which it is a third.

    >>> hints = _merged_name_hints(pd.Series(["Hiệp Mỹ Tây"]), pd.Series([2026]), areas)
    >>> hints[0][0].startswith("Xã Hiệp Mỹ Tây đã nhập vào Xã Hiệp Mỹ từ 1/7/2025: ghi một số liệu cho cả xã Hiệp Mỹ")
    True
    """
    reforms = load_reforms()
    by_name = {_fold(name): code for column in ("name_en", "name_vi") for code, name in areas[column].items()}
    out = {}
    for index, text in texts.items():
        year = years.get(index)
        # "Kim Hòa" for xã Kim Hòa; a bare "Cầu Ngang" stays ambiguous (district, town, new commune). The
        # name, not the code a new commune may reuse, says which unit is meant
        code = by_name.get(_fold(str(text))) or by_name.get(_fold(f"Xã {text}"))
        successor = None if code is None else merged_into(code, areas)
        if successor is None or pd.isna(year):
            continue
        reform = next((r for r in reforms if int(year) >= r.first_year), None)
        if reform is None:
            continue  # named before the reform: the old unit's own figure
        fields = merged_fields(code, int(year), areas, reform)
        old, new = areas.loc[code], areas.loc[successor]
        vi, en = problem_words("merged_into", fields)[2:]
        # the text typed is quoted in the message itself; the fix is the one a typed old code gets
        out[index] = (f"{nfc(old['name_vi'])} đã nhập vào {nfc(new['name_vi'])} từ {fields['date']}: {vi}",
                      f"{old['name_en']} was merged into {new['name_en']} on {fields['date_en']}: {en}")
    return out


SUGGESTION_LIMIT = 10_000
"""Distinct unknown values given a "did you mean" each; beyond that (a wrong export, not an
office's typing) the others get the generic advice, which keeps checking fast."""


_GENERIC_HINT = ("dùng một mã có trong danh mục.", "use an id listed in the catalogue.")


def _hints(texts, choices: list[str], names: dict[str, tuple[str, str]],
           what: str = "area") -> dict[str, tuple[str, str]]:
    """Suggestions for the first :data:`SUGGESTION_LIMIT` distinct texts (the rest get the generic one)."""
    return {text: _suggest(text, choices, names, what) for text in texts[:SUGGESTION_LIMIT]}


_NAME_OF = {"area": ("tên địa bàn", "an area name"), "indicator": ("tên chỉ tiêu", "an indicator's name")}


def _suggest(text: str, choices: list[str], names: dict[str, tuple[str, str]], what: str = "area") -> tuple[str, str]:
    """Words for "did you mean …": an area or an indicator typed by name (with or without its
    accents), or an id with a typo."""
    key = _fold(text)
    if key in names:
        code, name = names[key]
        name_vi, name_en = _NAME_OF[what]
        return (f'"{text}" là {name_vi}; hãy ghi mã {code}.', f'"{text}" is {name_en}; write its code {code}.')
    # "Cau Ngang" names the district, the old town and the new commune: each is offered, shortest
    # name first (a group of communes named after the district last)
    endings = sorted((len(folded), folded) for folded in names if key and folded.endswith(" " + key))
    if endings:
        listed = [f"{names[folded][0]} ({names[folded][1]})" for _, folded in endings[:3]]
        if len(listed) == 1:
            return (f"có phải mã {listed[0]}?", f"did you mean code {listed[0]}?")
        return (f"có phải một trong các mã: {'; '.join(listed)}?", f"did you mean one of the codes: {'; '.join(listed)}?")
    close = difflib.get_close_matches(text, choices, n=3, cutoff=0.6)
    if close:
        listed = ", ".join(close)
        return (f"có phải: {listed}?", f"did you mean: {listed}?")
    # a name with a typo ("Xã Vinh Kiêm"): the names it is close to, with their codes
    named = difflib.get_close_matches(key, list(names), n=3, cutoff=0.8)
    if named:
        listed = "; ".join(dict.fromkeys(f"{names[n][0]} ({names[n][1]})" for n in named))
        return (f"có phải mã {listed}?", f"did you mean code {listed}?")
    return _GENERIC_HINT


_AREA_EXAMPLES = {
    None: ("848 (huyện), 29431 (Xã Vinh Kim từ 1/7/2025) hoặc 29434 (Xã Kim Hòa đến 30/6/2025)",
           "848 (district), 29431 (Vinh Kim commune from 1 July 2025) or 29434 (Kim Hòa commune to 30 June 2025)"),
    "new": ("848 (địa bàn huyện cũ) hoặc 29431 (Xã Vinh Kim)", "848 (the former district) or 29431 (Vinh Kim commune)"),
    "old": ("848 (huyện) hoặc 29434 (Xã Kim Hòa)", "848 (district) or 29434 (Kim Hòa commune)"),
}
"""Codes to give as examples for ``--area``, on either commune map (and for a map not chosen yet)."""


def area_option_codes(typed: Sequence[str], map_name: str | None = None, areas: pd.DataFrame | None = None) -> list[str]:
    """The area codes meant by ``--area``: a code as written, or an area's name ("Xã Vinh Kim",
    with or without accents) for its code; otherwise :class:`~analysis.DataError` naming each
    unknown one with the names or codes it is close to, and examples on the ``map_name`` map.

    >>> area_option_codes(["848", "Xã Vinh Kim", "xa vinh kim", "Vinh Kim"])
    ['848', '29431', '29431', '29431']
    >>> area_option_codes(["Xã Vinh Kiêm"], "new")
    Traceback (most recent call last):
    ...
    analysis.errors.DataError: ... "Xã Vinh Kiêm" ... có phải mã 29431 (Xã Vinh Kim)? ...
    """
    areas = load_areas() if areas is None else areas
    # names are offered for the areas a report is made for: the district and its communes
    local = areas[areas["kind"].isin(["district", "commune", "town"])]
    names = _area_names(local if map_name is None else local[local["map"].isin(["", map_name])])
    # each folded name with the areas (of either map) that carry it; _area_names keeps one typed code a name
    carried: dict[str, set[str]] = {}
    for code, row in local.iterrows():
        for name in (row["name_vi"], row["name_en"]):
            carried.setdefault(_fold(str(name)), set()).add(code)
    codes, problems = [], []
    for text in (str(t).strip() for t in typed):
        if text in areas.index:
            codes.append(text)
            continue
        key = _fold(text)
        # "Vinh Kim" for xã Vinh Kim; "Cầu Ngang" (district, town, commune) is asked
        named = carried.get(key) or {code for name, held in carried.items() if name.endswith(" " + key) for code in held}
        found = _named_on_map(named, text, map_name, local)
        if isinstance(found, str):
            codes.append(found)
            continue
        if found is not None:
            problems.append(found)
            continue
        vi, en = _suggest(text, list(local.index), names)
        if (vi, en) == _GENERIC_HINT:
            example_vi, example_en = _AREA_EXAMPLES[map_name]
            if map_name == "new":  # six to choose from: each named, an office finds its own among them
                listed = [(areas.at[code, "gso_code"] or code, areas.at[code, "name_vi"], areas.at[code, "name_en"])
                          for code in commune_codes(areas, map="new")]
                example_vi = "848 (địa bàn huyện cũ) hoặc mã một xã: " + ", ".join(f"{c} ({n})" for c, n, _ in listed)
                example_en = "848 (the former district) or a commune's code: " + ", ".join(
                    f"{c} ({n})" for c, _, n in listed)
            vi, en = f"ghi mã hoặc tên một địa bàn, ví dụ {example_vi}.", f"give an area's code or name, e.g. {example_en}."
        problems.append(problem("unknown_area", "--area", None, None, text=text, suggest_vi=vi, suggest_en=en))
    if problems:
        raise DataError(problems)
    return codes


def _named_on_map(named: set[str], text: str, map_name: str | None, areas: pd.DataFrame) -> str | Problem | None:
    """The code of the one area ``named`` means on ``map_name`` (a typed code, read with the map,
    when the map is not chosen yet); a problem when the name is of a unit of the other map that
    its code would swap for another (xã Cầu Ngang of 2025 on the old map is the town; the town on
    the new map is the new xã); None when nothing or several areas fit."""
    if not named:
        return None
    typed = {code: str(areas.at[code, "gso_code"] or code) for code in named}
    if map_name is None:
        return typed.popitem()[1] if len(set(typed.values())) == 1 else None
    on_map = [code for code in named if areas.at[code, "map"] in ("", map_name)]
    if len(on_map) == 1:
        return on_map[0]
    if on_map:
        return None
    code = sorted(named)[0] if len(named) == 1 else None
    if code is None:
        return None
    takes = areas.index[(areas["gso_code"] == typed[code]) & (areas["map"] == map_name)]
    if not len(takes):
        return code  # an old unit on the new map: shown as it was, with a note naming its successor
    name, other = nfc(str(areas.at[code, "name_vi"])), nfc(str(areas.at[takes[0], "name_vi"]))
    name_en, other_en = str(areas.at[code, "name_en"]), str(areas.at[takes[0], "name_en"])
    other_map = "new" if map_name == "old" else "old"
    return Problem("--area", None, None,
                   f'"{text}" là {name}, trên bản đồ xã {"mới" if other_map == "new" else "cũ"}; trên bản đồ đang '
                   f'dùng mã {typed[code]} là {other}.',
                   f'"{text}" is {name_en}, on the {other_map} commune map; on the map in use code {typed[code]} is '
                   f"{other_en}.",
                   f"thêm --map {other_map} để báo cáo {name}, hoặc ghi tên một địa bàn của bản đồ đang dùng.",
                   f"add --map {other_map} to report on {name_en}, or give an area of the map in use.")


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
    sources, optional = _sources(path)
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
        for file in _data_files(source, problems, optional=either or source in optional, skipped=skipped):
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    if either and not files:
        problems.append(problem("no_files", " + ".join(_display(s) for s in sources), None, None))
    for file in files:
        label = _display(file)
        reader = _read_csv if file.suffix.lower() == ".csv" else _read_excel
        columns = reader(file, label, problems)
        if columns is None:
            continue
        parsed = _file_frame(columns)
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
    if frame is None:  # pragma: no cover - no files and no problem cannot happen: _data_files reports it
        raise DataError([problem("no_files", ", ".join(_display(s) for s in sources), None, None)])
    frame["year"] = frame["year"].astype(int)
    ordered = list(COLUMNS) + ["file", "row"]
    frame = frame[ordered].sort_values(KEY + ["preferred", "file", "row"], ascending=[True] * 5 + [False, True, True])
    warnings_found += _waiting_for_communes(frame, ctx) + _reused_code_before_reform(frame, ctx)
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
    # the indicators whose figures of the new communes make the former district's (series.merge_rule)
    merged = [indicator for indicator, row in ctx.indicators.iterrows() if merge_rule(row["aggregate"], row["unit"])]
    for reform in load_reforms():
        members = commune_codes(ctx.areas, reform.continues, map="new")
        if not members:
            continue
        used = frame[frame["preferred"] & (frame["year"] >= reform.first_year)]
        own = set(zip(*(used.loc[used["area_code"] == reform.continues, key] for key in ("indicator", "group", "year"))))
        rows = used[used["area_code"].isin(members) & used["indicator"].isin(merged)]
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
    """A file giving a new commune's code (29455, xã Hiệp Mỹ from 2025) for years before the reform
    too, without the commune's other old units those years: before 1/7/2025 that code is one old
    unit (xã Hiệp Mỹ Tây), so a whole-commune 2024 figure typed under it was silently filed as a
    third of the commune's, and 2025 read as a rise. Told once per file and new commune, at the
    first such row; the figures are kept (a real figure of the old unit is right as it is)."""
    found = []
    for reform in load_reforms():
        for new, old_units in reform.crosswalk.items():
            code = ctx.areas.at[new, "gso_code"] if new in ctx.areas.index else None
            if not code or code not in old_units:
                continue  # a new commune under a code of its own: no old unit shares it
            others = [unit for unit in old_units if unit != code]
            for file, rows in frame[frame["area_code"].isin([code, new, *others])].groupby("file", sort=True):
                before = rows[(rows["area_code"] == code) & (rows["year"] < reform.first_year)]
                after = rows[(rows["area_code"] == new) & (rows["year"] >= reform.first_year)]
                siblings = set(zip(rows.loc[rows["area_code"].isin(others), "indicator"],
                                   rows.loc[rows["area_code"].isin(others), "year"]))
                alone = before[[(i, y) not in siblings and i in set(after["indicator"])
                                for i, y in zip(before["indicator"], before["year"])]]
                if alone.empty:
                    continue
                first = alone.sort_values("row").iloc[0]
                years = [str(y) for y in sorted(set(alone["year"].astype(int)))]
                fields = merged_fields(code, int(first["year"]), ctx.areas, reform)
                parts = ", ".join(f"{unit_name(ctx.areas, unit)} ({unit})" for unit in old_units)
                found.append(problem(
                    "reused_code_before_reform", str(file), int(first["row"]), "area_code", code=code,
                    year=_listed(years, "và"), year_en=_listed(years, "and"), area=fields["area"],
                    successor=fields["successor"], first_year=reform.first_year, parts=parts,
                    count=len(old_units), date=fields["date"], date_en=fields["date_en"],
                    **_also_rows(sorted(alone["row"]), int(first["row"]))))
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
