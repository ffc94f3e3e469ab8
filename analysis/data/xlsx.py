"""Reading an .xlsx workbook fast: its sheets, then one sheet's rows as a stream.

openpyxl reads the workbook's parts (the list of sheets and their visibility, the shared
strings, the cell styles); the cells of a sheet are streamed with lxml instead of openpyxl's
row reader, which builds a Python object per cell and takes minutes on a wrong export of a
million rows, and first reads the whole sheet once more when the sheet does not state its size.
The cells read the same as with ``openpyxl.load_workbook(path, read_only=True,
data_only=True)`` (``tests/test_xlsx.py`` compares the two): shared and inline strings as
text, numbers as int or float, booleans, error codes as their text, formulas as their last
computed value, and a number whose format is a date or time as a ``datetime`` (so that the
loader can refuse it). Alongside each value: whether its cell is formatted as a percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

__all__ = ["XlsxWorkbook", "Sheet"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _INLINE, _TEXT, _RUN, _FORMULA = (_NS + t for t in ("row", "v", "is", "t", "r", "f"))
_DIMENSION, _SHEET_DATA = _NS + "dimension", _NS + "sheetData"


@dataclass(frozen=True)
class Sheet:
    """A worksheet of the workbook: its name, whether Excel shows it, its part in the archive."""

    title: str
    visible: bool
    part: str


class XlsxWorkbook:
    """An .xlsx workbook opened to read its sheets' rows; close it (or use ``with``) when done."""

    def __init__(self, path: Path | str):
        self.hidden_rows: list[int] = []
        """Hidden rows met by the latest :meth:`rows` (their numbers)."""
        # openpyxl refuses a name not ending .xlsx (an .xlsx saved or renamed as .xls), not an open file
        self._file = None if Path(path).suffix.lower() in (".xlsx", ".xlsm") else open(path, "rb")
        try:
            reader = ExcelReader(self._file or str(path), read_only=True, data_only=True)
        except BaseException:
            self._close_file()
            raise
        try:
            # The parts openpyxl's load_workbook reads, without opening every sheet.
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self.sheets = [Sheet(sheet.name, sheet.state == "visible", rel.target)
                           for sheet, rel in reader.parser.find_sheets()
                           if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
        except BaseException:
            reader.archive.close()
            self._close_file()
            raise
        self._archive = reader.archive
        self._strings = reader.shared_strings
        book = reader.wb
        self._epoch = book.epoch
        self._dates, self._durations = book._date_formats, book._timedelta_formats
        self._percent = _percent_styles(book)

    def close(self) -> None:
        self._archive.close()
        self._close_file()

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> "XlsxWorkbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stated_rows(self, sheet: Sheet) -> int | None:
        """The last row number the sheet states in its size (``<dimension ref="A1:P1000">``),
        read from the part's beginning; ``None`` when the sheet does not state it."""
        with self._archive.open(sheet.part) as source:
            for _, element in etree.iterparse(source, events=("start",), huge_tree=True,
                                              resolve_entities=False, no_network=True):
                if element.tag == _DIMENSION:
                    found = re.search(r"(\d+)$", element.get("ref", ""))
                    return int(found.group(1)) if found else None
                if element.tag == _SHEET_DATA:
                    return None
        return None

    def rows(self, sheet: Sheet, min_row: int = 1, width: int = 0) -> Iterator[tuple[int, list[object], list[bool]]]:
        """Each row of ``sheet`` from ``min_row`` on that holds at least one cell: its number
        (1-based, as Excel shows it), its values by column (``None`` where no cell is written; at
        least ``width`` of them) and, by column, whether the cell is a number formatted as a
        percentage. The numbers of the hidden rows read are collected in ``hidden_rows``."""
        strings, dates, durations, percent, epoch = (self._strings, self._dates, self._durations,
                                                     self._percent, self._epoch)
        self.hidden_rows: list[int] = []
        columns: dict[str, int] = {}
        row_number = 0
        with self._archive.open(sheet.part) as source:
            for _, row in etree.iterparse(source, events=("end",), tag=_ROW, huge_tree=True,
                                          resolve_entities=False, no_network=True):
                written = row.get("r")
                row_number = int(written) if written else row_number + 1
                if row_number >= min_row and len(row):
                    if row.get("hidden") in ("1", "true"):
                        self.hidden_rows.append(row_number)
                    values: list[object] = [None] * width
                    percents = [False] * width
                    position = -1
                    for cell in row:
                        reference = cell.get("r")
                        position = _column_of(reference, columns) if reference else position + 1
                        if position >= len(values):
                            gap = position + 1 - len(values)
                            values.extend([None] * gap)
                            percents.extend([False] * gap)
                        kind = cell.get("t", "n")
                        if kind == "inlineStr":
                            values[position] = _inline_text(cell)
                            continue
                        text = cell.findtext(_VALUE)
                        if not text:
                            formula = cell.findtext(_FORMULA)
                            if formula:  # written by a tool that does not compute: not an empty cell
                                values[position] = "=" + formula
                            continue
                        if kind == "n":
                            value = _number(text)
                            style = int(cell.get("s", 0))
                            if style in dates:
                                try:
                                    value = from_excel(value, epoch, timedelta=style in durations)
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                            elif style in percent:
                                percents[position] = True
                        elif kind == "s":
                            value = strings[int(text)]
                        elif kind == "b":
                            value = bool(int(text))
                        elif kind == "d":
                            value = from_ISO8601(text)
                        else:  # "str" (a formula's text) and "e" (an error code) read as text
                            value = text
                        values[position] = value
                    yield row_number, values, percents
                # Free what was read: a million rows must not stay in memory.
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]


def _percent_styles(book) -> frozenset[int]:
    """The style ids whose number format shows a percentage."""
    found = set()
    for style_id, style in enumerate(book._cell_styles):
        number_format_id = style.numFmtId
        if number_format_id < BUILTIN_FORMATS_MAX_SIZE:
            text = BUILTIN_FORMATS.get(number_format_id, "General")
        else:
            text = book._number_formats[number_format_id - BUILTIN_FORMATS_MAX_SIZE]
        if "%" in (text or ""):
            found.add(style_id)
    return frozenset(found)


def _number(text: str) -> int | float:
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


def _inline_text(cell) -> str | None:
    inline = cell.find(_INLINE)
    if inline is None:
        return None
    text = inline.findtext(_TEXT)
    if text is not None and len(inline) == 1:
        return text  # the usual plain string: no rich-text runs to join
    parts = [text or ""]
    parts.extend(run.findtext(_TEXT) or "" for run in inline.iterfind(_RUN))
    return "".join(parts)


def _column_of(reference: str, cache: dict[str, int]) -> int:
    letters = reference.rstrip("0123456789")
    index = cache.get(letters)
    if index is None:
        index = cache[letters] = column_index_from_string(letters) - 1
    return index
