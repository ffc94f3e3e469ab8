"""One style for every chart: sizes, colours, fonts, and how figures are saved.

- Sizes are fixed: a 16:9 slide (13.33 × 7.5 in) and A4 (11.69 × 8.27 in landscape); no
  "tight" cropping, so every PNG of a kind has the same pixel size.
- Colours are the Okabe–Ito palette, safe for colour-blind readers; status colours always
  come with their words.
- DejaVu Sans, shipped with matplotlib, covers every Vietnamese letter; PDFs embed TrueType
  (Type 42) fonts; SVGs keep their text as text so that it can be searched and edited.
- Saved files are reproducible: no dates or software versions in their metadata, fixed SVG ids.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..export import write_bytes_atomic

__all__ = ["SLIDE", "A4_LANDSCAPE", "A4_PORTRAIT", "COLORS", "STATUS_COLORS", "RC", "new_figure", "save_figure",
           "verdict_color"]

SLIDE = (13.333, 7.5)
"""A 16:9 slide, in inches."""
A4_LANDSCAPE = (11.69, 8.27)
A4_PORTRAIT = (8.27, 11.69)
PNG_DPI = 200

COLORS = {
    "blue": "#0072B2",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "orange": "#E69F00",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#8C8C8C",
    "light_grey": "#D9D9D9",
}
"""Okabe & Ito (2008) colour-blind-safe palette, plus greys."""

STATUS_COLORS = {
    "achieved": COLORS["green"],
    "likely_met": COLORS["green"],
    "in_doubt": COLORS["yellow"],
    "likely_missed": COLORS["orange"],
    "on_track": COLORS["green"],
    "met_at_risk": COLORS["sky"],
    "needs_acceleration": COLORS["yellow"],
    "slowing": COLORS["orange"],  # below 20 %; from 20 % yellow (verdict_color)
    "off_track": COLORS["orange"],
    "moving_away": COLORS["vermillion"],
    "deadline_missed": COLORS["vermillion"],
    "moderate": COLORS["yellow"],
    "insufficient": COLORS["orange"],
    "missed": COLORS["vermillion"],
    "too_little_data": COLORS["light_grey"],
    "no_data": COLORS["light_grey"],
}
"""Colours of the verdicts (and of the secondary statuses), always shown with their words."""


def verdict_color(row, default: str | None = COLORS["light_grey"]) -> str | None:
    """The colour of a row's verdict (``default`` for none): :data:`STATUS_COLORS`, except that a
    pace enough but projected to slow ("Dự báo chậm lại, khó đạt") is as urgent as its chance,
    yellow from 20 % as "cần đẩy nhanh" and "khó đạt", orange below as "chậm, khó đạt" (one orange
    at 43 % beside a yellow "cần đẩy nhanh" at 23 % ranked an enough pace as the worse one).

    >>> [verdict_color({"verdict": "slowing", "probability": p}) for p in (0.43, 0.01)] == [COLORS["yellow"],
    ...                                                                                    COLORS["orange"]]
    True
    >>> verdict_color({"verdict": "on_track", "probability": 0.8}) == COLORS["green"], verdict_color({"verdict": ""})
    (True, '#D9D9D9')
    """
    from ..assessment.verdict import CHANCE_BANDS

    if row["verdict"] == "slowing" and row.get("probability", 0) >= CHANCE_BANDS[1]:
        return COLORS["yellow"]
    return STATUS_COLORS.get(row["verdict"], default)

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 13,
    "axes.titlesize": 18,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.8,
    "legend.frameon": False,
    "legend.fontsize": 11,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "svg.hashsalt": "cau-ngang-workbench",
    "figure.dpi": 100,
    "savefig.dpi": PNG_DPI,
    "path.simplify": True,
}
"""matplotlib settings applied to every chart of the workbench."""

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def new_figure(size: tuple[float, float] = SLIDE) -> Figure:
    """A figure of a fixed size drawn with the workbench style (no pyplot global state).

    It holds an invisible frame the size of the page: a notebook shows a figure cut to the box
    of what the layout placed ("tight"), and a fan chart's legend, kept out of the layout so that
    it may run down beside both panels, was cut off at its right ("Lộ trình cần đạt (2025): giảm
    1,…"); with the frame, the notebook shows the whole page, as the report saves it.

    >>> figure = new_figure()
    >>> ax = figure.add_subplot()
    >>> note = figure.text(0.5, 0.5, "chú thích ngoài bố cục")
    >>> note.set_in_layout(False)
    >>> [round(float(v), 6) for v in figure.get_tightbbox().bounds] == [0, 0, *SLIDE]
    True
    """
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=size, layout="constrained")
    figure.add_artist(Rectangle((0, 0), 1, 1, transform=figure.transFigure, fill=False, edgecolor="none",
                                linewidth=0))
    return figure


def freeze_layout(figure: Figure) -> Figure:
    """Run the constrained layout once and fix every axes where it put it, rounded.

    The layout solver can place axes a few units in the last decimal apart from one process to
    the next, which changes PDF and SVG bytes; positions rounded to a millionth of the figure
    (far below a pixel) are the same everywhere.
    """
    engine = figure.get_layout_engine()
    if engine is None or engine.__class__.__name__ == "PlaceHolderLayoutEngine":
        return figure
    with matplotlib.rc_context(RC):
        figure.draw_without_rendering()
    for ax in figure.axes:
        ax.set_position([round(value, 6) for value in ax.get_position().bounds])
    figure.set_layout_engine("none")
    return figure


def render(figure: Figure, fmt: str) -> bytes:
    """The bytes of ``figure`` in ``fmt`` (png, svg, pdf), reproducibly."""
    freeze_layout(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        figure.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=_METADATA[fmt])
    data = buffer.getvalue()
    return _stable_svg_ids(data) if fmt == "svg" else data


_HASH_ID = re.compile(r'id="([A-Za-z]+[0-9a-f]{10})"')


def _stable_svg_ids(svg: bytes) -> bytes:
    """Renumber matplotlib's hashed SVG ids in order of appearance.

    matplotlib derives clip-path ids from the memory address of the clip path, so the same
    figure drawn in another process gets other ids; numbering them makes the file reproducible.

    >>> _stable_svg_ids(b'<g id="pafb46745b8"/><use href="url(#pafb46745b8)"/>').decode()
    '<g id="id0001"/><use href="url(#id0001)"/>'
    """
    text = svg.decode("utf-8")
    mapping: dict[str, str] = {}
    for match in _HASH_ID.finditer(text):
        mapping.setdefault(match.group(1), f"id{len(mapping) + 1:04d}")
    if not mapping:
        return svg
    pattern = re.compile(r'(?<=["#])(' + "|".join(map(re.escape, mapping)) + r')(?=["\)])')
    return pattern.sub(lambda m: mapping[m.group(1)], text).encode("utf-8")


def save_figure(figure: Figure, stem: str | Path, formats: tuple[str, ...] = ("png", "svg", "pdf")) -> list[Path]:
    """Save ``figure`` as ``stem.png`` (200 dpi), ``stem.svg`` and ``stem.pdf``; returns the paths."""
    stem = Path(stem)
    return [write_bytes_atomic(stem.with_suffix(f".{fmt}"), render(figure, fmt)) for fmt in formats]
