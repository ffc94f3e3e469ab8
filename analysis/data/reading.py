"""Reading observation files: the files of a folder, CSV or Excel, cells into typed columns.

The tidy layout is documented in :data:`COLUMNS` and in the Excel template under
``data/templates/``. Files are read as streams, column by column (a wrong export of a million
rows is read in under a minute, CSV or Excel), and are only ever read, never modified. A cell
that cannot be read (a year that is not one, a number in two styles, a date where a number
belongs) becomes a problem naming its file, row and column; checks that need the whole row or
other rows are :mod:`analysis.data.observations`'.

Excel files are read the way a person sees them: only visible sheets, the data sheet chosen
by its header row, a cell stored as a date refused (Excel turns "12/5" into the 12th of May),
and a cell formatted as a percentage (Excel stores "12,5%" as 0.125) marked for conversion.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import sys
import warnings
from array import array
from contextlib import closing
from itertools import chain
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from tqdm import tqdm

from .. import paths
from ..errors import Problem
from ..text import fold, nfc
from .catalogue import _display
from .numbers import Convention, NumberColumnReader, date_text, format_number
from .numbers import parse as parse_number
from .problems import RowProblems, problem
from .xlsx import XlsxWorkbook

__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "QUALIFIERS", "default_sources", "protected_paths", "data_sources",
           "data_files", "read_file", "file_frame"]

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

DATA_SHEET_NAMES = ("du_lieu", "dữ liệu", "data", "so_lieu", "số liệu")
"""Usual names of the data sheet: when no visible sheet has every required column, the one so
named is read, so that its missing columns are named (two sheets that have them all are refused)."""

DATA_SUFFIXES = (".csv", ".xlsx", ".xls")
SPREADSHEET_SUFFIXES = (".ods", ".fods", ".xlsm", ".xlsb", ".numbers", ".et")
"""Spreadsheets the loader does not read: one in a data folder is refused (its figures would
be lost), where any other file is only named in a warning."""

_TRUE = {"true", "1", "yes", "có", "co", "x", "đúng"}
_FALSE = {"false", "0", "no", "không", "khong", ""}
_DATE_EXAMPLE = {"year": ("2024", "2024"), "value": ("12,5", "12.5"), "numerator": ("161", "161"),
                 "denominator": ("1288", "1288")}
_DATE_TYPES = (dt.date, dt.time, dt.timedelta)
_YEAR = re.compile(r"\d{4}")
_CACHE_LIMIT = 100_000
_PROGRESS_EVERY = 4096
_PROGRESS_DELAY = 2.0
"""Seconds a read must last before its progress bar appears (office files never show one)."""


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


def data_sources(path) -> tuple[list[Path], set[Path]]:
    """The paths to read, and those of them that may hold no file (the offices' folder)."""
    if path is None:
        return default_sources(), {paths.OFFICES_DIR}
    if isinstance(path, (str, Path)):
        return [Path(path)], set()
    return [Path(p) for p in path], set()


SPREADSHEET_LOCKS = (".xlsx", ".xls", ".xlsm")
"""Lock files of these are Excel's (a Word document's "~$…docx" is not a workbook)."""


def data_files(path: Path, problems: list[Problem], optional: bool = False,
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


def read_file(file: Path, problems: list[Problem]) -> _FileColumns | None:
    """The known columns of one CSV or Excel file, with the problems of its single cells in
    ``.problems``; ``None`` (with the problem added to ``problems``) when it cannot be read."""
    reader = _read_csv if file.suffix.lower() == ".csv" else _read_excel
    return reader(file, _display(file), problems)


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
                text = _clean(cell)
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
                text = _clean(cell)
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
        self.figure_like = [i for i, name in enumerate(header) if name and name not in COLUMNS and _figure_like(name)]
        self.figure_like_filled: dict[int, int] = {}
        """A column of one's own headed like a figure of a year ("Năm 2024", "value_2024"), by position: its
        first row holding a number. Its figures would be dropped without a word (one figure a row)."""
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
        for i in self.figure_like:
            if i < n and i not in self.figure_like_filled and _looks_like_a_number(cells[i]):
                self.figure_like_filled[i] = row


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
    return _clean(str(cell))


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Characters that show nothing (a zero-width space pasted from a web page, a byte-order mark):
"29434\u200b" looked like 29434 and was told "có phải: 29434?"."""


def _clean(text: str) -> str:
    """A text cell NFC-normalised, without spaces or invisible characters at its ends.

    >>> _clean(" 29434\u200b "), _clean("\ufeffXã Kim Hòa")
    ('29434', 'Xã Kim Hòa')
    """
    return nfc(text).strip().strip(INVISIBLE).strip()


def _column_name(cell: object) -> str:
    return nfc(str(cell if cell is not None else "")).strip().lower().replace(" ", "_")


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


_MET_WORDS = {fold(word) for word in ("đạt", "chưa đạt", "không đạt", "có", "không", "x", "đạt chuẩn", "chưa đạt chuẩn")}
"""Words an office writes for a yes/no figure ("Đạt"): told to write 1 or 0, not "a number like 12,5"."""
_SCHOOL_YEAR = re.compile(r"^\s*(?:năm học|nam hoc|nh|school year)?\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$", re.IGNORECASE)
"""A school year written in a year cell ("2024-2025", "năm học 2024–2025")."""
_FIGURE_LIKE = re.compile(r"^(?:nam_)?(?:19|20)\d\d$|^(?:value|gia_tri|so_lieu)(?:_|$)")
_NUMBER_TEXT = re.compile(r"^\s*[-+]?\d[\d.,\s\u00a0]*%?\s*$")


def _figure_like(name: str) -> bool:
    """A header of one's own that names a figure of a year or another value: an office adding its 2024 figures
    beside the 2025 ones in the same rows ("Năm 2024", "2024", "value_2024", "Giá trị 2024", "Số liệu năm 2024").

    >>> [_figure_like(n) for n in ("năm_2024", "2024", "value_2024", "giá_trị_2024", "số_liệu_năm_2024")]
    [True, True, True, True, True]
    >>> [_figure_like(n) for n in ("ghi_chú", "dân_số_2019", "năm_học", "valued_by")]
    [False, False, False, False]
    """
    return bool(_FIGURE_LIKE.match(fold(name)))


def _looks_like_a_number(cell: object) -> bool:
    return _is_number(cell) or (isinstance(cell, str) and bool(_NUMBER_TEXT.match(cell)))


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
            start = handle.read(8)
            if start.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
                # an Excel workbook renamed .csv was told "not UTF-8, save as CSV UTF-8"
                problems.append(problem("excel_named_csv", label, None, None,
                                        suffix=".xlsx" if start.startswith(b"PK") else ".xls"))
                return None
            handle.seek(0)
            # UTF-16 without its byte-order mark shows as a NUL after (or before) each letter of the header:
            # read as UTF-8 it was told 'rename "i\0n\0d\0…" to "indicator"', which on a screen reads the same
            bare = ("utf-16-le" if len(start) >= 4 and start[0] and not start[1] and not start[3] else
                    "utf-16-be" if len(start) >= 4 and not start[0] and start[1] and not start[2] else None)
            if handle.read(2) in (b"\xff\xfe", b"\xfe\xff") or bare:
                # "Unicode text" exports (UTF-16) are small office files: decode them whole.
                handle.seek(0)
                try:
                    lines: Iterable[str] = io.StringIO(handle.read().decode(bare or "utf-16"), newline="")
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
UNREAD_SEARCH_ROWS = 30
"""Filled rows searched for a header on a sheet that is not read (a second table of figures may
sit under a longer title than the header search allows)."""
_FIGURE_TEXT = re.compile(r"[+\-\u2212]?\d+(?:[.,]\d+)*\s*%?")
"""A figure stored as text ("97,5", "2024"): a second sheet of them is no less a table of figures."""
TEMPLATE_GUIDE_SHEETS = ("huong_dan", "hướng dẫn", "hướng_dẫn")
"""The template's instructions sheet: its example row under the column names is not a table of figures."""
HEADER_LIKE = 3
"""Required columns a row must name (in English, in Vietnamese or misspelt) to be taken for a
data table's header on a sheet that is not read."""


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


def _header_like(rows: Iterable[tuple[int, Sequence[object]]]) -> tuple[int, str, str] | None:
    """On a sheet that is not read: a row among its first :data:`UNREAD_SEARCH_ROWS` filled ones that names
    at least :data:`HEADER_LIKE` required columns (as the template does, in Vietnamese or
    misspelt), with a figure (a number, or one stored as text) in a row under it; its row number and why it
    is not read, in
    Vietnamese and English. A second sheet of figures whose header lacks "source", or is in
    Vietnamese, was dropped without a word, where the same sheet alone was refused with the fix.

    >>> rows = enumerate([["BÁO CÁO"], ["chỉ tiêu", "mã xã", "nhóm", "năm", "giá trị"],
    ...                   ["health_insurance_coverage", "29434", "khmer", 2023, 91.5]], start=1)
    >>> _header_like(rows)[:2]
    (2, 'thiếu cột source; tên cột "chỉ tiêu", "mã xã", "nhóm", "năm", "giá trị" không theo mẫu (indicator, area_code, group, year, value)')
    >>> _header_like(enumerate([["Hướng dẫn"], list(REQUIRED_COLUMNS)], start=1)) is None  # nothing under it
    True
    """
    header = None
    for seen, (number, cells) in enumerate((n, c) for n, c in rows if any(_filled(v) for v in c)):
        if header is not None:
            if any(_is_number(v) or (isinstance(v, str) and _FIGURE_TEXT.fullmatch(v.strip())) for v in cells):
                return (header[0], *_unread_reason(header[1]))
            if seen > header[2] + UNREAD_SEARCH_ROWS:
                return None
            continue
        typed = [(nfc(str(c)).strip(), _column_name(c)) for c in cells if _filled(c)]
        named = {column: shown for column in REQUIRED_COLUMNS for shown, name in typed
                 if name == column or _vietnamese_column(name, column)
                 or difflib.get_close_matches(name, [column], n=1, cutoff=MISSPELT_CUTOFF)}
        if len(named) >= HEADER_LIKE:
            header = (number, named, seen)
        elif seen + 1 >= UNREAD_SEARCH_ROWS:
            return None
    return None


def _unread_reason(named: dict[str, str]) -> tuple[str, str]:
    """Why a sheet whose header names ``named`` (required column → the header as typed) is not
    read, in Vietnamese and English."""
    missing = [column for column in REQUIRED_COLUMNS if column not in named]
    renamed = [(shown, column) for column, shown in named.items() if _column_name(shown) != column]
    vi, en = [], []
    if missing:
        vi.append(f"thiếu cột {', '.join(missing)}")
        en.append(f"it lacks the column{'s' * (len(missing) > 1)} {', '.join(missing)}")
    if renamed:
        typed = ", ".join(f'"{shown}"' for shown, _ in renamed)
        meant = ", ".join(column for _, column in renamed)
        vi.append(f"tên cột {typed} không theo mẫu ({meant})")
        en.append(f"its column{'s' * (len(renamed) > 1)} {typed} {'are' if len(renamed) > 1 else 'is'} not named as in "
                  f"the template ({meant})")
    if not vi:
        vi.append("mỗi tệp chỉ đọc một trang số liệu")
        en.append("one data sheet is read per file")
    return "; ".join(vi), "; ".join(en)


def _refuse_unread_sheets(label: str, titles: list[str], chosen: int, rows_of, problems: list[Problem]) -> None:
    """A problem for each visible sheet other than the one read that holds a table of figures
    (:func:`_header_like`); ``rows_of(i)`` gives sheet ``i``'s numbered rows."""
    for i, title in enumerate(titles):
        if i == chosen or nfc(title).strip().lower() in TEMPLATE_GUIDE_SHEETS:
            continue
        found = _header_like(rows_of(i))
        if found is not None:
            row, why_vi, why_en = found
            problems.append(problem("sheet_not_read", label, None, None, sheet=title, header_row=row,
                                    why_vi=why_vi, why_en=why_en, read=f'"{titles[chosen]}"'))


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

        def sheet_rows(i: int):
            with closing(book.rows(visible[i])) as rows:
                yield from ((number, values) for number, values, _ in rows)

        _refuse_unread_sheets(label, [sheet.title for sheet in visible], chosen, sheet_rows, problems)
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
    _refuse_unread_sheets(label, [sheet.name for sheet in visible], chosen, lambda i: rows(visible[i]), problems)
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
VIETNAMESE_FIGURE_COLUMNS = {"tử_số": "numerator", "mẫu_số": "denominator", "chuẩn_nghèo": "standard",
                             "chuẩn_đo_lường": "standard", "minh_họa": "illustrative"}
"""Headers an office may write in Vietnamese for a figure column (as :func:`_column_name` spells them),
with or without diacritics, alone or followed by more words ("đơn vị tính"): an "đơn vị" column of
"hộ" left unread let 53 poor households pass as a rate of 53 %."""
VIETNAMESE_FIGURE_WORDS = {"chuẩn": "standard", "đơn_vị": "unit", "đơn_vị_tính": "unit", "đvt": "unit"}
"""Vietnamese headers taken for a figure column only when alone (or annotated in brackets):
"chuẩn" is the standard, "chuẩn nông thôn mới" an office's own note; "đơn vị" is the unit, "đơn
vị hành chính" or "đơn vị báo cáo" a column naming the commune or the office."""
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
    plain = fold(typed)
    return any(column == meant and plain.startswith(key := fold(name)) and not plain[len(key):len(key) + 1].isalnum()
               for name, meant in VIETNAMESE_REQUIRED_COLUMNS.items())


def _meant_column(typed: str, absent: Sequence[str]) -> str | None:
    """The figure column an unknown header stands for, if any: misspelt, annotated after the
    name, or the Vietnamese name.

    >>> absent = ["numerator", "denominator", "unit", "standard"]
    >>> [_meant_column(t, absent) for t in ("denominatr", "denominator_(tổng_số_hộ)", "mẫu_số", "ghi_chu_xa")]
    ['denominator', 'denominator', 'denominator', None]
    >>> [_meant_column(t, absent) for t in ("đơn_vị", "don_vi_tinh", "chuẩn", "chuan_(2022-2025)", "chuẩn_ntm")]
    ['unit', 'unit', 'standard', 'standard', None]
    >>> [_meant_column(t, absent) for t in ("đơn_vị_hành_chính", "đơn_vị_báo_cáo", "đvt", "đơn_vị_(hộ)")]
    [None, None, 'unit', 'unit']
    >>> _meant_column("numerators_seen", absent) is None
    True
    """
    meant = difflib.get_close_matches(typed, absent, n=1, cutoff=MISSPELT_CUTOFF)
    if meant:
        return meant[0]
    for name, column in [*((a, a) for a in absent), *VIETNAMESE_FIGURE_COLUMNS.items()]:
        if column in absent and typed.startswith(name) and not typed[len(name):len(name) + 1].isalnum():
            return column
    plain = fold(typed)
    for name, column in VIETNAMESE_FIGURE_COLUMNS.items():
        key = fold(name)
        if column in absent and plain.startswith(key) and not plain[len(key):len(key) + 1].isalnum():
            return column
    for name, column in VIETNAMESE_FIGURE_WORDS.items():
        key = fold(name)
        if column in absent and (plain == key or plain.startswith(key + "_(")):
            return column
    return None


def file_frame(columns: _FileColumns) -> pd.DataFrame | None:
    label, found = columns.label, columns.problems
    others = [name for name in columns.header if name and name not in COLUMNS]
    absent = [name for name in FIGURE_COLUMNS if name not in columns.header]
    for typed in others:
        # an optional column typed differently would be dropped without a word, with its figures
        meant = _meant_column(typed, absent)
        if meant:
            found.append(problem("misspelt_column", label, columns.header_row, columns.typed.get(typed, typed),
                                 meant=meant))
    for i, first_row in sorted(columns.figure_like_filled.items()):
        found.append(problem("figure_column_not_read", label, columns.header_row, get_column_letter(i + 1),
                             typed=columns.typed.get(columns.header[i], columns.header[i]), first_row=first_row))
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
        school = _SCHOOL_YEAR.match(text)
        if school and int(school.group(2)) == int(school.group(1)) + 1:
            # an education office's "2024-2025": told which year it is, not "for example 2024"
            found.append(problem("year_is_a_school_year", label, int(rows[i]), "year", text=text,
                                 start=school.group(1), end=school.group(2)))
        else:
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
    blank_values: list[int] = []
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
                "formula_without_value" if text.startswith("=") else \
                "met_word_not_a_flag" if fold(text).strip() in _MET_WORDS else "not_a_number"
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
            blank_values = list(parsed.blank)
    for i in blank_values:
        numerator, denominator = (float(data[part][i]) for part in ("numerator", "denominator"))
        if numerator == numerator and denominator == denominator and denominator > 0:
            # the counts are there: the rate they make is the fix, not "delete the row"
            rate = round(100 * numerator / denominator, 2)
            found.append(problem("missing_value", label, int(rows[i]), "value",
                                 what=f"giá trị; nếu là tỷ lệ (%) của tử số và mẫu số ghi ở dòng này: "
                                      f"{format_number(rate, 'vi')}",
                                 what_en=f"the value; if it is the rate (%) of this row's numerator and denominator: "
                                         f"{format_number(rate, 'en')}"))
        else:  # a figure not known yet is a row left out, not a 0 typed to get past the check
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
        RowProblems(notes, found)(words, "note_row", name, text=notes[name].str.slice(0, 60))
        named |= words
    return frame[~loose].reset_index(drop=True)


def _date_problem(label: str, row: int, column: str, text: str) -> Problem:
    example_vi, example_en = _DATE_EXAMPLE[column]
    return problem("date_cell", label, row, column, text=text, example_vi=example_vi, example_en=example_en)
