"""The fast .xlsx row reader reads every kind of cell as openpyxl does."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from analysis.data.xlsx_rows import worksheet_rows

ROWS = [
    ["indicator", "area_code", "year", "value", "note", "flag"],
    ["poverty_rate", "848", 2024, 3.2, "plain text", True],
    ["poverty_rate", 29416, 2023, 0.125, "=HYPERLINK(\"x\")", False],  # the value formatted as a percentage
    [None, None, None, None, None, None],  # an empty row
    ["school", "848", 2024, dt.datetime(2024, 5, 12), None, None],  # a date where a number belongs
    ["school", "848", 2022, dt.time(12, 5), "Tỷ lệ 11,3 %", None],
    [None, "gap", None, 1e-7, None, 12],  # cells left unwritten between written ones
    ["big", "848", 2021, 123456789012, "#N/A", None],
]


def _openpyxl_rows(path: Path):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        out = []
        for number, cells in enumerate(book.worksheets[0].iter_rows(), start=1):
            values = [c.value for c in cells]
            if any(v is not None for v in values):
                percent = ["%" in (c.number_format or "") and isinstance(c.value, (int, float))
                           and not isinstance(c.value, bool) for c in cells]
                out.append((number, values, percent))
        return out
    finally:
        book.close()


def _fast_rows(path: Path, width: int = 0):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        out = []
        for number, values, percents in worksheet_rows(book, book.worksheets[0], width=width):
            if any(v is not None for v in values):
                n = len(values)
                out.append((number, values, [bool(p) for p in percents][:n]))
        return out
    finally:
        book.close()


def _trimmed(rows, width):
    """Both readers padded to the same width (openpyxl pads to the sheet's widest row)."""
    return [(n, (v + [None] * width)[:width], (p + [False] * width)[:width]) for n, v, p in rows]


def _workbook(path: Path, write_only: bool) -> Path:
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("du_lieu") if write_only else book.active
    for r, row in enumerate(ROWS, start=1):
        if write_only:
            sheet.append(row)
        else:
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(r, c, value)
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # text, not a formula
    if not write_only:
        sheet["D3"].number_format = "0.0%"
        sheet["D7"].number_format = "0%"
        sheet["F7"].number_format = "0.00"
        sheet.cell(9, 2, CellRichText(["Xã ", TextBlock(InlineFont(b=True), "Kim Hòa")]))
    book.save(path)
    return path


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings"])
def test_reads_every_cell_as_openpyxl_does(tmp_path, write_only):
    path = _workbook(tmp_path / "book.xlsx", write_only)
    width = len(ROWS[0])
    fast, slow = _trimmed(_fast_rows(path), width), _trimmed(_openpyxl_rows(path), width)
    assert fast == slow
    by_row = {n: (v, p) for n, v, p in fast}
    assert by_row[5][0][3] == dt.datetime(2024, 5, 12)
    if not write_only:
        assert by_row[3][1][3] is True and by_row[7][1][3] is True and by_row[7][1][5] is False
        assert by_row[9][0][1] == "Xã Kim Hòa"  # rich text joined into its plain text
    assert 4 not in by_row  # the empty row is not read


def test_cells_without_references_and_width(tmp_path):
    """Some writers leave out the row and cell references: cells then follow one another."""
    path = _workbook(tmp_path / "book.xlsx", write_only=False)
    stripped = tmp_path / "stripped.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="[A-Z]+\d+"', b"<c", re.sub(rb'<row r="\d+"', b"<row", data))
            copy.writestr(info, data)
    rows = _fast_rows(stripped, width=8)
    assert rows[0][0] == 1 and rows[0][1][:3] == ["indicator", "area_code", "year"]
    assert all(len(values) == 8 for _, values, _ in rows)  # padded to the width asked
    # Without references an unwritten cell cannot be seen: the gap row's cells close up.
    gap = next(values for _, values, _ in rows if "gap" in values)
    assert gap[:3] == ["gap", 1e-7, 12]
