"""The meeting deck: a title slide, the dashboard, and the focus targets (python-pptx).

Pictures are the 16:9 PNGs (python-pptx cannot place SVG), each filling its slide. The file is
byte-for-byte reproducible (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from ..export import reproducible_office_file, write_bytes_atomic
from .style import COLORS, SLIDE
from ..text import check_language, label, register_labels

__all__ = ["write_deck"]

register_labels({
    "deck_title": ("Tiến độ thực hiện Kế hoạch 20/KH-UBND", "Progress on Plan 20/KH-UBND"),
    "deck_subtitle": ("Phát triển toàn diện vùng đồng bào dân tộc Khmer — huyện Cầu Ngang, tỉnh Trà Vinh",
                      "Comprehensive development of the Khmer community — Cầu Ngang district, Trà Vinh"),
    "deck_data_to": ("Số liệu đến năm", "Data up to"),
    "deck_illustrative": ("Lưu ý: nhiều số liệu trong bản này là số liệu MINH HỌA, không phải số liệu thật.",
                          "Note: many figures in this deck are ILLUSTRATIVE, not real data."),
})

_FIXED_DATE = dt.datetime(2022, 2, 21)


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def write_deck(path: str | Path, pictures: list[Path], lang: str = "vi", latest_year: int | None = None,
               illustrative: bool = False) -> Path:
    """Write the deck: a title slide, then one full-slide picture per file in ``pictures``."""
    check_language(lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE[0]), Inches(SLIDE[1])
    blank = deck.slide_layouts[6]
    title = deck.slides.add_slide(blank)
    _text(title, label("deck_title", lang), Inches(0.8), Inches(2.2), Pt(40), bold=True)
    _text(title, label("deck_subtitle", lang), Inches(0.8), Inches(3.3), Pt(22))
    if latest_year is not None:
        _text(title, f"{label('deck_data_to', lang)} {latest_year}", Inches(0.8), Inches(4.1), Pt(18),
              color=COLORS["grey"])
    if illustrative:
        _text(title, label("deck_illustrative", lang), Inches(0.8), Inches(5.2), Pt(20), bold=True,
              color=COLORS["vermillion"])
    for picture in pictures:
        slide = deck.slides.add_slide(blank)
        slide.shapes.add_picture(str(picture), Emu(0), Emu(0), width=deck.slide_width, height=deck.slide_height)
    properties = deck.core_properties
    properties.title = label("deck_title", lang)
    properties.author = "Cầu Ngang target workbench"
    properties.created = properties.modified = _FIXED_DATE
    properties.last_modified_by = "Cầu Ngang target workbench"
    properties.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return write_bytes_atomic(path, reproducible_office_file(buffer.getvalue()))


def _text(slide, text: str, left, top, size, bold: bool = False, color: str = COLORS["black"]) -> None:
    box = slide.shapes.add_textbox(left, top, Inches(SLIDE[0] - 1.6), Inches(1.0))
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = size
    run.font.bold = bold
    run.font.name = "Arial"
    run.font.color.rgb = _rgb(color)
