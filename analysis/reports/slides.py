"""The meeting deck: a title slide, the dashboard one deadline a slide, and a slide for each
target that needs the meeting's attention (python-pptx).

Each content slide shows its chart (a PNG; python-pptx cannot place SVG) above an editable
line that says the verdict and the yearly rate needed (or, under a dashboard, how many targets
stand where), so a presenter can change the wording before the meeting; the chart's sentences
(why) go in the speaker notes. The file is byte-for-byte reproducible (fixed document dates and
zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from ..assessment import NEEDS_ATTENTION, VERDICTS, status_label
from ..export import reproducible_office_file, write_bytes_atomic
from ..text import check_language, label, register_labels
from ..words import communes_needed, is_benchmark, needed_text, needed_words
from .charts import footer_sources
from .row_words import column_rows, decided, milestones_note, reason_after, verdict_line
from .style import COLORS, PNG_DPI, SLIDE

__all__ = ["write_deck", "SlideContent", "dashboard_slide", "fan_slide", "multiples_slide", "deck_targets",
           "judged_rows"]

register_labels({
    "deck_title": ("Tiến độ thực hiện Kế hoạch 20/KH-UBND", "Progress on Plan 20/KH-UBND"),
    # the programme, then the place on a line of its own: a wrap balanced over both split "huyện | Cầu Ngang"
    "deck_subtitle": ("Phát triển toàn diện vùng đồng bào dân tộc Khmer",
                      "Comprehensive development of the Khmer community"),
    # the deck is shown after the 2025 reform: the old map's units are named as they were, and where they are now;
    # the district was never in Vĩnh Long ("địa bàn huyện Cầu Ngang cũ, tỉnh Vĩnh Long" said it was)
    "deck_place": ("huyện Cầu Ngang, tỉnh Trà Vinh (cũ), nay thuộc tỉnh Vĩnh Long",
                   "Cầu Ngang district, Trà Vinh province (former), now in Vĩnh Long"),
    "deck_place_new": ("địa bàn huyện Cầu Ngang cũ, nay thuộc 6 xã của tỉnh Vĩnh Long",
                       "the former Cầu Ngang district, now within 6 communes of Vĩnh Long"),
    "deck_data_to": ("Số liệu đến năm", "Data up to"),
    "deck_communes_to": ("(một số xã đến năm {year})", "(some communes to {year})"),
    "deck_illustrative": ("Lưu ý: nhiều số liệu trong bản này là số liệu MINH HỌA, không phải số liệu thật.",
                          "Note: many figures in this deck are ILLUSTRATIVE, not real data."),
    # "needed hold the level reached" did not read; "needed: …" does, before a rate as before a level
    "deck_needed": ("cần", "needed:"),
    # what is counted is said ("16 chuyển biến chậm" on a slide of communes read as 16 communes), and each
    # verdict comes before its number ("3 needs to speed up" is not English)
    "deck_count": ("{deadline}, số chỉ tiêu — {counts}", "{deadline}, targets — {counts}"),
    "deck_count_areas": ("{deadline}, số địa bàn (huyện và các xã) — {counts}",
                         "{deadline}, areas (district and communes) — {counts}"),
    # the new map's first panel is "Địa bàn huyện Cầu Ngang cũ": no district is left to count
    "deck_count_areas_new": ("{deadline}, số địa bàn (huyện cũ và các xã mới) — {counts}",
                             "{deadline}, areas (former district and new communes) — {counts}"),
    "deck_assumed": (" ({n}/{total} mục tiêu năm {deadline} là giả định*)",
                     " ({n} of {total} targets for {deadline} are assumptions*)"),
    "deck_sources": ("Nguồn", "Sources"),
    # "Không đạt: 5" on T14's communes counted them against levels the plan never set them
    "deck_benchmark": (" (các xã: so với mức so sánh của xã; Kế hoạch chỉ đặt chỉ tiêu cho toàn huyện)",
                       " (communes: against their own benchmark; the plan sets the target for the whole district only)"),
})

PICTURE_SCALE = 0.86
"""A 16:9 chart fills this share of the slide's height; the editable line sits under it."""
PICTURE_TOP = 0.1
"""Inches between the slide's top edge and the chart, so that its title does not touch the edge."""
CAPTION_ROOM = 0.55
"""Inches a picture shown at its own size leaves under it for a two-line editable line."""
_FIXED_DATE = dt.datetime(2022, 2, 21)


@dataclass(frozen=True)
class SlideContent:
    """One content slide: its picture, the editable line under it, and the speaker notes."""

    picture: Path
    caption: str
    notes: str


def _counts(rows: pd.DataFrame, lang: str, deadline: int | None = None) -> str:
    """"Đúng tiến độ: 3; Chuyển biến chậm, khó đạt: 2" for the verdicts of ``rows`` (semicolons:
    some verdicts hold a comma). Rows due in another year than ``deadline`` (the 2022 milestones)
    are said beside their own verdict's count, as the review says them.

    >>> _counts(pd.DataFrame({"verdict": ["off_track", "on_track", "off_track", "needs_acceleration"]}), "en")
    'On track: 1; Needs to speed up: 1; Slow progress, unlikely to be met: 2'
    >>> _counts(pd.DataFrame({"verdict": ["achieved", "achieved", "deadline_missed"], "deadline": [2022, 2025, 2025]}),
    ...         "vi", deadline=2025)
    'Đã đạt: 2 (tính cả 1 mốc năm 2022); Không đạt: 1'
    """
    pieces = []
    for key in VERDICTS:
        these = rows[rows["verdict"] == key]
        if not len(these):
            continue
        # "Không đạt: 12 (tính cả 2 mốc năm 2022)" said the two milestones met were missed: the note was
        # put after the last count, whichever verdict the milestones had
        other = [int(d) for d in these["deadline"] if d != deadline] if deadline is not None else []
        pieces.append(f"{status_label(key, lang)}: {len(these)}{milestones_note(other, lang)}")
    return "; ".join(pieces)


def judged_rows(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each target once, at the deadline a report on ``year`` judges it by: its first deadline not
    before ``year``, else its last (the 2022 milestones) — as the yearly review counts them.

    >>> rows = pd.DataFrame({"target_id": ["T02", "T02", "T17", "M1"], "deadline": [2025, 2030, 2030, 2022]})
    >>> judged_rows(rows, 2025)["deadline"].tolist()
    [2025, 2030, 2022]
    """
    def pick(group: pd.DataFrame) -> pd.Series:
        later = group[group["deadline"] >= year]
        return (later.nsmallest(1, "deadline") if len(later) else group.nlargest(1, "deadline")).iloc[0]

    picked = [pick(group) for _, group in rows.groupby("target_id", sort=False)]
    return pd.DataFrame(picked).reset_index(drop=True) if picked else rows.iloc[0:0]


def dashboard_slide(picture: Path, rows: pd.DataFrame, lang: str, deadline: int,
                    deadlines: tuple[int, ...] = (2025, 2030)) -> SlideContent:
    """One deadline of the dashboard: how many of the targets its picture shows stand where —
    the same rows (:func:`~analysis.reports.row_words.column_rows`): a target set for 2030 only
    is not counted in 2025. Each row's verdict line and the sources go in the notes."""
    shown = column_rows(rows, deadline, deadlines)
    judged = shown[shown["verdict"] != ""]
    # what the counts hold that the year does not say: milestones of another year, assumed targets
    caption = label("deck_count", lang).format(deadline=deadline, counts=_counts(judged, lang, deadline))
    assumed = judged[(judged["deadline"] == deadline) & (judged["origin"] == "assumption")]
    if len(assumed):
        caption += label("deck_assumed", lang).format(n=len(assumed), total=int((judged["deadline"] == deadline).sum()),
                                                      deadline=deadline)
    notes = [f"{r['target_id']}: {verdict_line(r, lang)}" for _, r in shown.iterrows()]
    # the board's picture has no room for the verdicts' rule: the presenter finds it here
    notes.append(label("dashboard_method", lang) + " " + label("dashboard_colours", lang))
    sources = footer_sources(shown, lang)  # as the picture's footer counts them
    if sources:
        notes.append(f"{label('deck_sources', lang)}: " + "; ".join(sources))
    return SlideContent(picture, caption, "\n".join(notes))


def deck_targets(rows: pd.DataFrame, focus: list[str], year: int) -> list[str]:
    """The targets of ``rows`` (one area) that get slides, in the plan's order: the ``focus``
    targets and every target whose verdict at the deadline a report on ``year`` judges it by
    (:func:`judged_rows`) needs attention (:data:`~analysis.assessment.verdict.NEEDS_ATTENTION`).
    A deadline already decided by its own figure is passed over for the target's next one: a
    2025 figure in took T02 and T08 off the deck while their 2030 needed speeding up; a target
    with nothing left to judge (a 2022 milestone met: its chart would show one old point) has no
    slide.

    >>> rows = pd.DataFrame({"target_id": ["T01", "T02", "T02", "T05", "T17", "M1", "T08", "T08"],
    ...                      "deadline": [2025, 2025, 2030, 2025, 2030, 2022, 2025, 2030],
    ...                      "verdict": ["off_track", "moving_away", "on_track", "on_track", "off_track", "achieved",
    ...                                  "deadline_missed", "slowing"],
    ...                      "latest_year": [2024, 2024, 2024, 2024, 2024, 2022, 2026, 2026]})
    >>> deck_targets(rows, focus=["T05", "M1"], year=2025)
    ['T01', 'T02', 'T05', 'T17', 'T08']
    """
    still_open = rows[~rows.apply(decided, axis=1)] if len(rows) else rows
    judged = judged_rows(still_open, year)
    chosen = judged[judged["target_id"].isin(focus) | judged["verdict"].isin(NEEDS_ATTENTION)]
    return list(chosen["target_id"])


def fan_slide(picture: Path, rows: pd.DataFrame, lang: str, extra_notes: Sequence[str] = ()) -> SlideContent:
    """One target in one area: each deadline's verdict with the yearly rate needed; why (and
    ``extra_notes``: how it was projected), in the notes."""
    parts, notes = [], []
    for _, row in rows.sort_values("deadline").iterrows():
        line = verdict_line(row, lang)
        # a share of a few communes needs communes, as the dashboard says it ("+2 xã/5 năm"); the chart's path
        # above it, drawn in points, keeps its rate in the legend
        needed = needed_text(row, lang) if communes_needed(row) is not None else needed_words(row, lang)
        if needed and row["origin"] != "projection":
            line += f" · {label('deck_needed', lang)} {needed}"
        parts.append(line)
        notes.append(reason_after("", row, lang))  # "Năm 2025: …", not "2025: Năm 2025: …"
    return SlideContent(picture, "\n".join(parts), "\n".join([*notes, *extra_notes]))


def multiples_slide(picture: Path, rows: pd.DataFrame, lang: str, deadline: int, map: str = "old") -> SlideContent:
    """A target by commune: how many communes stand where; each area's verdict in the notes."""
    at = rows[rows["deadline"] == deadline]
    caption = label("deck_count_areas_new" if map == "new" else "deck_count_areas", lang).format(
        deadline=deadline, counts=_counts(at, lang))
    if at.apply(is_benchmark, axis=1).any():
        caption += label("deck_benchmark", lang)
    area = "area_vi" if lang == "vi" else "area_en"
    notes = "\n".join(f"{r[area]}: {verdict_line(r, lang)}" for _, r in at.iterrows())
    return SlideContent(picture, caption, notes)


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def write_deck(path: str | Path, slides: list[SlideContent], lang: str = "vi", latest_year: int | None = None,
               illustrative: bool = False, map: str = "old", communes_to: int | None = None) -> Path:
    """Write the deck: a title slide, then one slide per :class:`SlideContent`; the subtitle names
    the district (old map) or the former district's area, now within 6 communes of Vĩnh Long (new map). ``latest_year``
    is the district's latest figure; ``communes_to`` a later year some communes already report."""
    check_language(lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE[0]), Inches(SLIDE[1])
    blank = deck.slide_layouts[6]
    title = deck.slides.add_slide(blank)
    # 36 points: the title stays on one line in DejaVu Sans, which LibreOffice puts for Arial on Linux
    _text(title, label("deck_title", lang), Inches(0.8), Inches(2.0), Pt(36), bold=True)
    subtitle = label("deck_subtitle", lang) + "\n" + label("deck_place_new" if map == "new" else "deck_place", lang)
    _text(title, subtitle, Inches(0.8), Inches(3.1), Pt(24), height=1.4)
    if latest_year is not None:
        data_to = f"{label('deck_data_to', lang)} {latest_year}"
        if communes_to is not None and communes_to > latest_year:
            data_to += " " + label("deck_communes_to", lang).format(year=communes_to)
        _text(title, data_to, Inches(0.8), Inches(4.6), Pt(18), color=COLORS["grey"])
    if illustrative:
        _text(title, label("deck_illustrative", lang), Inches(0.8), Inches(5.4), Pt(20), bold=True,
              color=COLORS["vermillion"])
    for content in slides:
        slide = deck.slides.add_slide(blank)
        width, height = _picture_size(content.picture, deck)
        slide.shapes.add_picture(str(content.picture), Emu((deck.slide_width - width) // 2), Inches(PICTURE_TOP),
                                 width=Emu(width), height=Emu(height))
        top = height + Inches(PICTURE_TOP + 0.03)
        _text(slide, content.caption, Inches(0.6), Emu(top), Pt(13), bold=True,
              height=(deck.slide_height - top) / Inches(1) - 0.05, tight=True)
        slide.notes_slide.notes_text_frame.text = content.notes
    properties = deck.core_properties
    properties.title = label("deck_title", lang)
    properties.author = "Cầu Ngang target workbench"
    properties.created = properties.modified = _FIXED_DATE
    properties.last_modified_by = "Cầu Ngang target workbench"
    properties.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return write_bytes_atomic(path, reproducible_office_file(buffer.getvalue()))


def _picture_size(picture: Path, deck) -> tuple[int, int]:
    """The picture's width and height on the slide (EMU): its own size (pixels at the charts'
    dpi) when that fits above :data:`CAPTION_ROOM`, so that its text keeps its size in points
    (a deadline's dashboard); else :data:`PICTURE_SCALE` of the slide (a 16:9 chart)."""
    with Image.open(picture) as image:
        pixels = image.size
    width, height = (Inches(side / PNG_DPI) for side in pixels)
    if width <= deck.slide_width and height <= Inches(SLIDE[1] - PICTURE_TOP - CAPTION_ROOM):
        return int(width), int(height)
    scale = min(deck.slide_width * PICTURE_SCALE / width, deck.slide_height * PICTURE_SCALE / height)
    return int(width * scale), int(height * scale)


def _text(slide, text: str, left, top, size, bold: bool = False, color: str = COLORS["black"],
          height: float = 1.0, tight: bool = False) -> None:
    """A text box; ``tight`` drops its top and bottom margins (a caption under a board: two lines of
    13 points and PowerPoint's 0,05-inch margins ran 0,01 inch past the slide's bottom edge)."""
    box = slide.shapes.add_textbox(left, top, Inches(SLIDE[0] - 1.2), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    if tight:
        frame.margin_top = frame.margin_bottom = Emu(0)
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = size
        run.font.bold = bold
        run.font.name = "Arial"
        run.font.color.rgb = _rgb(color)
