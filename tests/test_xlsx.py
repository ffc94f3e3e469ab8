"""The fast .xlsx reader reads every kind of cell as openpyxl does, from the files Excel writes
(shared strings, a stated size) and from those other tools write (inline strings, no size)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from analysis.data.xlsx import XlsxWorkbook

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
    with XlsxWorkbook(path) as book:
        out = []
        for number, values, percents in book.rows(book.sheets[0], width=width):
            if any(v is not None for v in values):
                out.append((number, values, percents[:len(values)]))
        return out


def _trimmed(rows, width):
    """Both readers padded to the same width (openpyxl pads to the sheet's widest row)."""
    return [(n, (v + [None] * width)[:width], (p + [False] * width)[:width]) for n, v, p in rows]


def _unsaved_formulas_as_openpyxl_reads_them(fast, slow, width):
    """Our rows with each formula that has no saved result put back to None, as openpyxl reads it.

    A formula without a saved result reads as its formula, so that the loader can say so instead
    of calling the cell empty; the fixture's only such formula is its HYPERLINK.
    """
    expected = {n: v for n, v, _ in slow}
    unsaved = [(n, i, x) for n, v, _ in fast for i, x in enumerate(v)
               if isinstance(x, str) and x.startswith("=") and expected.get(n, [None] * width)[i] is None]
    assert all(x == '=HYPERLINK("x")' for _, _, x in unsaved)
    for n, i, _ in unsaved:
        next(values for number, values, _ in fast if number == n)[i] = None
    return fast


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


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)
def _as_excel_writes_it(path: Path, target: Path, size: bytes = b'<dimension ref="A1:F9"/>') -> Path:
    """``path`` (openpyxl writes every string inline) rewritten as Excel writes a workbook: the
    strings in a shared table, cells pointing to it by number, the sheet stating its size."""
    table: list[bytes] = []

    def shared(match: re.Match) -> bytes:
        table.append(match.group(3))
        return b'<c ' + match.group(1) + b't="s"' + match.group(2) + b'><v>%d</v></c>' % (len(table) - 1)

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = _INLINE.sub(shared, data)
                data = re.sub(rb"<dimension [^>]*/>", b"", data).replace(b"<sheetViews>", size + b"<sheetViews>", 1)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdStrings" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
            copy.writestr(info, data)
        items = b"".join(b"<si>" + text + b"</si>" for text in table)
        copy.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                      b'count="%d" uniqueCount="%d">' % (len(table), len(table)) + items + b"</sst>")
    return target


def test_reads_shared_strings_and_the_stated_size(tmp_path):
    path = _as_excel_writes_it(_workbook(tmp_path / "book.xlsx", write_only=False), tmp_path / "excel.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert b't="s"' in archive.read("xl/worksheets/sheet1.xml")  # the fixture is what it claims
        assert b"inlineStr" not in archive.read("xl/worksheets/sheet1.xml")
    width = len(ROWS[0])
    fast, slow = _trimmed(_fast_rows(path), width), _trimmed(_openpyxl_rows(path), width)
    assert _unsaved_formulas_as_openpyxl_reads_them(fast, slow, width) == slow
    assert fast[0][1] == ROWS[0]
    assert {n: v for n, v, _ in fast}[9][1] == "Xã Kim Hòa"
    with XlsxWorkbook(path) as book:
        assert book.stated_rows(book.sheets[0]) == 9
    with XlsxWorkbook(tmp_path / "book.xlsx") as book:
        assert book.stated_rows(book.sheets[0]) == 9  # openpyxl's normal writer states it too


def test_sheets_listed_with_their_visibility(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "du_lieu_cu"
    book.active.sheet_state = "hidden"
    book.create_sheet("Trang tính 2")
    book.save(tmp_path / "two.xlsx")
    with XlsxWorkbook(tmp_path / "two.xlsx") as read:
        assert [(s.title, s.visible) for s in read.sheets] == [("du_lieu_cu", False), ("Trang tính 2", True)]


@pytest.mark.parametrize("write_only", [False, True], ids=["normal writer", "streaming writer"])
def test_reads_every_cell_as_openpyxl_does(tmp_path, write_only):
    path = _workbook(tmp_path / "book.xlsx", write_only)
    width = len(ROWS[0])
    fast, slow = _trimmed(_fast_rows(path), width), _trimmed(_openpyxl_rows(path), width)
    assert _unsaved_formulas_as_openpyxl_reads_them(fast, slow, width) == slow
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


def test_an_office_file_saved_the_excel_way_loads_the_same(tmp_path):
    from analysis import load_observations

    original = Path(__file__).parent / "data" / "good" / "office_return.xlsx"
    folder = tmp_path / "excel"
    folder.mkdir()
    _as_excel_writes_it(original, folder / "office_return.xlsx", size=b"")
    expected, read = load_observations(original), load_observations(folder / "office_return.xlsx")
    assert len(read) == len(expected) > 0
    assert read.drop(columns=["file"], errors="ignore").equals(expected.drop(columns=["file"], errors="ignore"))


def test_a_long_read_shows_its_progress_against_the_stated_size(tmp_path, monkeypatch, capsys):
    from analysis.data import reading
    from analysis.data.observations import check_observations

    monkeypatch.setattr(reading, "_PROGRESS_DELAY", 0)
    monkeypatch.setattr(reading, "_PROGRESS_EVERY", 2)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "area_code", "group", "year", "value", "source"])
    for year in range(2015, 2025):
        sheet.append(["poverty_rate", "848", "khmer", year, 10.0, "Báo cáo"])
    book.save(tmp_path / "long.xlsx")
    check_observations(tmp_path / "long.xlsx")
    shown = capsys.readouterr().err
    assert "Đọc / reading" in shown and "/11" in shown  # the sheet states 11 rows


def test_a_year_cell_holding_a_decimal_is_told_as_the_year_it_was_typed_for(tmp_path):
    # 2026 typed "2.026" in a sheet that reads "." as the decimal mark is the number 2,026: the message quoted
    # "2.026", which a Vietnamese reader takes for 2026, and "2020.5" in a Vietnamese sentence
    from openpyxl import Workbook

    from analysis import check_observations

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area_code", "group", "year", "standard", "value", "source"])
    sheet.append(["poverty_rate_households", "29434", "khmer", 2.026, "2022-2025", 4.1, "UBND xã Kim Hòa"])
    sheet.append(["poverty_rate_households", "29434", "khmer", 2020.5, "2022-2025", 4.1, "UBND xã Kim Hòa"])
    book.save(tmp_path / "kim_hoa.xlsx")
    decimal, half = check_observations(tmp_path / "kim_hoa.xlsx").problems
    assert (decimal.row, decimal.column) == (2, "year")
    assert decimal.message_vi.startswith("ô năm chứa số thập phân 2,026: có lẽ năm 2026 được gõ là \"2.026\"")
    assert decimal.fix_vi.endswith(": 2026.") and "the decimal number 2.026: probably the year 2026" in decimal.message_en
    assert half.message_vi == '"2020,5" không phải là một năm.' and half.message_en == '"2020.5" is not a year.'
