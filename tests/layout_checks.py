"""What a reader sees wrong on a rendered chart, found from the figure's own artists.

Every check works on a figure whose layout is frozen (:func:`analysis.reports.style.freeze_layout`)
and returns the problems it found as sentences, so that a failing test says what to look at:

- text running off the figure, or two texts on top of each other;
- text drawn on a data mark (a point, a line, a target diamond);
- "…" anywhere (nothing may be cut), numbers written the other language's way;
- a title whose last line is one word;
- a panel's verdict badge inside its plot, a dashboard cell's letters outside its cell or
  touching its edge.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis.reports.style import freeze_layout

TOLERANCE = 1.0
"""Pixels two boxes may share before they count as touching (anti-aliasing, rounding)."""

ENGLISH_DECIMAL = re.compile(r"(?<![\d.,/])\d+\.(?!\d{3}(?!\d))\d+")
"""A point as the decimal mark ("11.3", "2.5"); "1.000" (a Vietnamese thousand) is fine."""
ENGLISH_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d,])")
"""A comma between thousands ("1,000") — in Vietnamese it is a decimal comma."""
VIETNAMESE_DECIMAL = re.compile(r"(?<![\d.,/])\d+,(?!\d{3}(?!\d))\d+")
"""A comma as the decimal mark ("11,3") in English text."""


def prepare(figure: Figure):
    """Freeze the layout, draw once, and return the renderer."""
    if not hasattr(figure.canvas, "get_renderer"):
        FigureCanvasAgg(figure)  # the workbench's figures are made without a canvas
    freeze_layout(figure)
    figure.draw_without_rendering()
    return figure.canvas.get_renderer()


def _tick_label_shown(text: Text) -> bool:
    """Tick labels exist for ticks outside the view too; only those inside are drawn."""
    for ax in text.figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if text is tick.label1 or text is tick.label2:
                    low, high = sorted(axis.get_view_interval())
                    span = (high - low) * 1e-6
                    return ax.get_visible() and text.get_visible() and low - span <= tick.get_loc() <= high + span
    return True


def is_watermark(text: Text) -> bool:
    """The faint "MINH HỌA" across a plot is meant to sit under the data."""
    return (text.get_alpha() or 1.0) < 0.2


def texts(figure: Figure) -> list[Text]:
    """Every text the reader sees (not empty, visible, its axes visible, ticks in view)."""
    out = []
    for text in figure.findobj(Text):
        if not text.get_text().strip() or not text.get_visible():
            continue
        if text.axes is not None and not text.axes.get_visible():
            continue
        if not _tick_label_shown(text):
            continue
        out.append(text)
    return out


def extent(text: Text, renderer) -> Bbox:
    """The box a text covers, with its coloured box (a badge) if it has one."""
    box = text.get_window_extent(renderer)
    patch = text.get_bbox_patch()
    if patch is not None:
        box = Bbox.union([box, patch.get_window_extent(renderer)])
    return box


def _overlap(a: Bbox, b: Bbox, tolerance: float = TOLERANCE) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance)


def _name(text: Text) -> str:
    return repr(text.get_text()[:60])


def outside_figure(figure: Figure, renderer, margin: float = 0.0) -> list[str]:
    """Texts not wholly inside the figure (``margin`` pixels in from its edges)."""
    page = figure.bbox
    problems = []
    for text in texts(figure):
        if is_watermark(text):
            continue
        box = extent(text, renderer)
        if box.x0 < page.x0 + margin - TOLERANCE or box.x1 > page.x1 - margin + TOLERANCE or \
                box.y0 < page.y0 + margin - TOLERANCE or box.y1 > page.y1 - margin + TOLERANCE:
            problems.append(f"{_name(text)} runs off the figure: {np.round(box.extents, 1)}")
    return problems


def overlapping_texts(figure: Figure, renderer) -> list[str]:
    """Pairs of texts whose boxes overlap."""
    boxes = [(text, extent(text, renderer)) for text in texts(figure) if not is_watermark(text)]
    return [f"{_name(a)} overlaps {_name(b)}" for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
            if _overlap(box_a, box_b)]


def crowded_texts(figure: Figure, renderer, air: float = 2.0) -> list[str]:
    """Pairs of texts closer than ``air`` points, side by side or one above the other: two cells of a
    table that touch read as one ("down 3–4 pts/yr≈2.1 % (2025; down 1.1)")."""
    gap = renderer.points_to_pixels(air)
    boxes = [(text, extent(text, renderer)) for text in texts(figure) if not is_watermark(text)]
    return [f"{_name(a)} is within {air} pt of {_name(b)}" for (a, box_a), (b, box_b)
            in itertools.combinations(boxes, 2) if _overlap(box_a, box_b, tolerance=-gap)]


def _drawn_line(line: Line2D) -> bool:
    return line.get_visible() and line.get_linestyle() not in ("None", "", " ", "none")


def texts_on_data(figure: Figure, renderer) -> list[str]:
    """Texts drawn on a data mark: a marker, or a line the figure draws (not grid lines)."""
    problems = []
    candidates = [(text, extent(text, renderer)) for text in texts(figure) if not is_watermark(text)]
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        clip = ax.bbox
        for line in ax.lines:
            if not line.get_visible() or not len(line.get_xdata()):
                continue
            points = line.get_transform().transform(np.column_stack([line.get_xdata(), line.get_ydata()]))
            radius = renderer.points_to_pixels(line.get_markersize()) / 2 if line.get_marker() not in (None, "None", "", " ") \
                else None
            for text, box in candidates:
                hit = False
                if radius is not None:
                    for x, y in points:
                        if line.get_clip_on() and not clip.contains(x, y):
                            continue
                        if box.x0 - radius + TOLERANCE < x < box.x1 + radius - TOLERANCE and \
                                box.y0 - radius + TOLERANCE < y < box.y1 + radius - TOLERANCE:
                            hit = True
                            break
                if not hit and _drawn_line(line):
                    inner = Bbox.from_extents(box.x0 + TOLERANCE, box.y0 + TOLERANCE, box.x1 - TOLERANCE,
                                              box.y1 - TOLERANCE)
                    if line.get_clip_on():
                        inner = Bbox.intersection(inner, clip)
                    path = line.get_transform().transform_path(line.get_path())
                    hit = inner is not None and inner.width > 0 and inner.height > 0 and \
                        path.intersects_bbox(inner, filled=False)
                if hit:
                    problems.append(f"{_name(text)} sits on the data line {line.get_label()!r}")
    return problems


def cut_texts(figure: Figure) -> list[str]:
    """Texts cut with an ellipsis."""
    return [f"{_name(text)} is cut" for text in texts(figure) if "…" in text.get_text() or "..." in text.get_text()]


def number_format_problems(figure: Figure, lang: str) -> list[str]:
    """Numbers written the other language's way (tick labels included)."""
    problems = []
    for text in texts(figure):
        words = text.get_text()
        patterns = (ENGLISH_DECIMAL, ENGLISH_THOUSANDS) if lang == "vi" else (VIETNAMESE_DECIMAL,)
        for pattern in patterns:
            for match in pattern.finditer(words):
                problems.append(f"{_name(text)} writes {match.group(0)!r}")
    return problems


def lone_last_words(figure: Figure) -> list[str]:
    """Wrapped texts (titles, headings, cells, legend entries, footers) whose last line is a
    single word of a text of three words or more ("2025" alone under a title)."""
    problems = []
    for text in texts(figure):
        lines = text.get_text().split("\n")
        if len(lines) > 1 and len(lines[-1].split()) < 2 and len(text.get_text().split()) >= 3:
            problems.append(f"{_name(text)} leaves {lines[-1]!r} alone on its last line")
    return problems


def badges(ax) -> list[Text]:
    """The texts of ``ax`` drawn in a coloured box."""
    return [text for text in ax.texts if text.get_bbox_patch() is not None and text.get_visible()]


def badges_inside_plots(figure: Figure, renderer) -> list[str]:
    """Verdict badges that overlap the plot area of their panel."""
    problems = []
    for ax in figure.axes:
        for badge in badges(ax):
            if _overlap(extent(badge, renderer), ax.bbox):
                problems.append(f"badge {_name(badge)} sits inside its plot")
    return problems


def ink_extent(text: Text, renderer) -> Bbox:
    """The box a text's letters cover. Its layout box (:func:`extent`) gives each line the font's
    height times the line spacing, so the stacked marks of Vietnamese ("Chuyển") can stand above
    it, and a mark below the last line under it: the box is moved out to where the first line's
    letters rise and the last line's sink."""
    box = text.get_window_extent(renderer)
    if text.get_rotation() % 360 or not text.get_text():
        return box
    _, lines, _ = text._get_layout(renderer)
    prop = text.get_fontproperties()
    (first, (_, ascent, _), _), (last, (_, _, descent), _) = lines[0], lines[-1]
    above = below = 0.0
    if first:
        _, height, sink = renderer.get_text_width_height_descent(first, prop, ismath=False)
        above = height - sink - ascent
    if last:
        _, _, sink = renderer.get_text_width_height_descent(last, prop, ismath=False)
        below = sink - descent
    return Bbox.from_extents(box.x0, box.y0 - below, box.x1, box.y1 + above)


def texts_outside_cells(figure: Figure, renderer, air: float = 1.0) -> list[str]:
    """Texts centred on a coloured cell (a dashboard verdict) whose letters spill out of it or
    come closer than ``air`` points to its edges (touching them reads as cramped), texts beside
    a cell that come as close to it, and texts that run out of a row's stripe or into one."""
    problems = []
    gap = renderer.points_to_pixels(air) - TOLERANCE
    for ax in figure.axes:
        cells = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
        for text in ax.texts:
            if not text.get_text().strip():
                continue
            box = ink_extent(text, renderer)
            centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
            for cell in cells:
                area = cell.get_window_extent(renderer)
                if area.width >= 0.9 * ax.bbox.width:  # a row's stripe: its texts stay inside it, the others out
                    if ax.axison:
                        continue  # a band across a plot, not a table's row
                    inside = area.y0 <= centre[1] <= area.y1
                    if inside and (box.y0 < area.y0 - TOLERANCE or box.y1 > area.y1 + TOLERANCE):
                        problems.append(f"{_name(text)} runs out of its row")  # English T11, three lines
                    elif not inside and box.y0 < area.y1 - TOLERANCE and area.y0 + TOLERANCE < box.y1:
                        problems.append(f"{_name(text)} runs into the next row")
                    continue
                if area.contains(*centre) and not (area.x0 + gap <= box.x0 and box.x1 <= area.x1 - gap
                                                   and area.y0 + gap <= box.y0 and box.y1 <= area.y1 - gap):
                    problems.append(f"{_name(text)} spills out of its cell or touches its edge")
                elif not area.contains(*centre) and (box.x0 < area.x1 + gap and area.x0 - gap < box.x1
                                                     and box.y0 < area.y1 + gap and area.y0 - gap < box.y1):
                    # "+2 communes/5 yrs", wider than its column, ran into the verdict beside it
                    problems.append(f"{_name(text)} runs into the cell beside it")
    return problems


def all_problems(figure: Figure, lang: str) -> list[str]:
    """Every check above, for one figure."""
    renderer = prepare(figure)
    return (outside_figure(figure, renderer) + overlapping_texts(figure, renderer) + texts_on_data(figure, renderer)
            + cut_texts(figure) + number_format_problems(figure, lang) + lone_last_words(figure)
            + badges_inside_plots(figure, renderer) + texts_outside_cells(figure, renderer))
