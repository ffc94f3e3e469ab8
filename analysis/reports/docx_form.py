"""The Word page in the form Nghị định 30/2020/NĐ-CP sets, as python-docx building blocks.

A4 with the decree's margins, Times New Roman, 14-point justified body with its first line
indented; runs, paragraphs, the solid rules under the heading (as long as the text above them,
measured in Times' own widths), dotted lines to write on by hand, tables, page numbers in the
top margin. python-docx has no API for borders, fields and every script's font: those few are
written as raw XML here, and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import matplotlib
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

__all__ = ["FONT", "PAGE_WIDTH", "PAGE_HEIGHT", "TEXT_WIDTH", "CELL_PADDING", "text_width_cm", "keep_together",
           "set_fonts", "add_run", "add_paragraph", "add_rule", "add_dotted_lines", "add_page_numbers", "add_table",
           "repeat_header", "set_cell_text", "set_styles", "portrait", "landscape"]

FONT = "Times New Roman"

# A4 portrait, margins within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20 mm)
PAGE_WIDTH, PAGE_HEIGHT = 21.0, 29.7
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2.0, 2.0, 3.0, 1.5
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_MARGINS = (2.5, 2.0, 2.0, 2.0)
"""Top, bottom, left, right (cm) of the landscape appendix pages."""
CELL_PADDING = 0.19
"""Word's default left and right cell margin, in cm."""


# ---------------------------------------------------------------------------------------
# lengths of text, for the solid lines the decree draws under the heading


@lru_cache(maxsize=2)
def _afm_widths(bold: bool) -> dict[int, int]:
    """Advance widths (1/1000 em) of Adobe's Times metrics, shipped with matplotlib; Times New
    Roman has the same widths for the Latin letters."""
    name = "ptmb8a.afm" if bold else "ptmr8a.afm"
    widths: dict[int, int] = {}
    text = (Path(matplotlib.get_data_path()) / "fonts" / "afm" / name).read_text(encoding="latin-1")
    for line in text.splitlines():
        if line.startswith("C ") and "WX" in line:
            fields = dict(part.strip().split(" ", 1) for part in line.split(";") if part.strip().count(" ") >= 1)
            code = int(fields["C"])
            if 32 <= code < 127:
                widths[code] = int(fields["WX"])
    return widths


def text_width_cm(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of Times New Roman text, in cm (tone marks add no width).

    >>> round(text_width_cm("Độc lập - Tự do - Hạnh phúc", 13, bold=True), 1)
    5.6
    """
    widths = _afm_widths(bold)
    total = 0
    for char in text:
        base = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))[0]
        total += widths.get(ord(base), 1000 if char == "…" else 500)
    return total / 1000 * size / 72 * 2.54


# ---------------------------------------------------------------------------------------
# python-docx helpers (raw XML only where python-docx has no API: borders, fields, fonts)


def set_fonts(element, name: str = FONT) -> None:
    """Set every script's font of a run or style properties element, dropping theme fonts."""
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def add_run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(keep_together(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    return run


def keep_together(text: str) -> str:
    """Non-breaking spaces where a line must not break: between a number and its "%" and
    before "%" after "điểm", and after a sign before a number ("< 1 %", "≥ 95 %").

    >>> keep_together("khả năng đạt < 1 %, cần 2,3 điểm %") == "khả năng đạt <\u00a01\u00a0%, cần 2,3 điểm\u00a0%"
    True
    """
    return re.sub(r"([<>≤≥−+]) (?=\d)", "\\1\u00a0", text.replace(" %", "\u00a0%"))


def add_paragraph(container, text: str = "", size: float = 14, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, before: float = 6, after: float = 0,
               style: str | None = None):
    paragraph = container.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(1.27) if indent else Cm(0)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if text:
        add_run(paragraph, text, size, bold, italic)
    return paragraph


def add_rule(container, length_cm: float, room_cm: float) -> None:
    """A solid line ``length_cm`` long, centred in ``room_cm``: the bottom border of an empty
    paragraph narrowed by equal indents."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max(0.0, (room_cm - length_cm) / 2)
    fmt.left_indent = fmt.right_indent = Cm(side)
    fmt.first_line_indent = Cm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
"""Elements that follow ``w:pBdr`` in a paragraph's properties (the schema fixes the order)."""


def add_dotted_lines(container, count: int = 3) -> None:
    """Lines of dots to write on by hand (a right tab with a dot leader)."""
    for _ in range(count):
        paragraph = add_paragraph(container, indent=False, before=6)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT,
                                                          WD_TAB_LEADER.DOTS)
        add_run(paragraph, "\t")


def add_page_numbers(section) -> None:
    """Page numbers centred in the top margin, 14 pt, not on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        run = add_run(paragraph, "", 14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)


def add_table(container, widths: list[float], rows: int = 1, grid: bool = True):
    table = container.add_table(rows=rows, cols=len(widths))
    if grid:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return table


def repeat_header(row) -> None:
    """Repeat this table row at the top of every page the table runs onto."""
    marker = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(marker)


def set_cell_text(cell, text: str, size: float = 11, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    lines = str(text).split("\n")
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(1)
        paragraph.paragraph_format.first_line_indent = Cm(0)
        add_run(paragraph, line, size, bold, italic or i > 0)


def set_styles(document, lang: str) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    set_fonts(normal.element)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    normal.element.get_or_add_rPr().append(language)
    normal.paragraph_format.line_spacing = 1.1
    for name, size in (("Heading 1", 14), ("Heading 2", 14), ("Heading 3", 14)):
        style = document.styles[name]
        set_fonts(style.element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(6), Pt(0)
        fmt.first_line_indent = Cm(1.27)
        fmt.keep_with_next = True
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Caption",):
        style = document.styles[name]
        set_fonts(style.element)
        style.font.size = Pt(13)
        style.font.bold = False
        style.font.italic = True
        style.font.color.rgb = RGBColor(0, 0, 0)


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(PAGE_WIDTH), Cm(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Cm(MARGIN_TOP), Cm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Cm(MARGIN_LEFT), Cm(MARGIN_RIGHT)
    section.header_distance = Cm(1.0)


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(PAGE_HEIGHT), Cm(PAGE_WIDTH)
    top, bottom, left, right = LANDSCAPE_MARGINS
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.header_distance = Cm(1.0)
