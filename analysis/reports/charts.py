"""Meeting charts: a fan chart per target and area, small multiples by commune, a dashboard.

Each chart must be understood in ten seconds by someone who has never seen the workbench:
the title says what and where, the subtitle says the verdict and its chance, the legend says
what each mark is (and the target's value and the yearly rate needed), the lines under the
plot say why, and the footer says where the numbers come from — and, when any of them are made
up, says so in red: "MINH HỌA" (in a table, the made-up figures are in italics). Nothing is cut: long texts are wrapped.

All functions return a :class:`matplotlib.figure.Figure` of a fixed size (see
:mod:`analysis.reports.style`); nothing is drawn on pyplot's global state. What a row says (its
verdict, marks and sources) is :mod:`analysis.reports.row_words`', shared with the tables and
slides; lines are fitted to their room by :mod:`analysis.reports.text_fit`.
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Bbox
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..assessment import TargetSeries
from ..assessment.met import INTEGER_UNITS
from ..assessment.yearly import yearly_record
from ..data.catalogue import load_standards
from ..projection.engine import MIN_POINTS_ALL_METHODS
from ..text import check_language, label, register_labels
from ..words import (INCREASING_KINDS, chance_shown, fmt_number, latest_notes, is_benchmark, is_holding,
                     is_missing as _missing, met_level, met_phrase, needed_text, needed_words, target_text,
                     target_with_threshold, unit_word, value_text, years_met_text)
from .style import A4_LANDSCAPE, COLORS, RC, SLIDE, new_figure, verdict_color
from .row_words import (COUNTED_SUM, DARK_VERDICTS, assumption_note, at_deadline, catalogue_name, column_rows,
                        deadline_figure_line, district_first, is_plan_aim, judged_awaiting, latest_text,
                        latest_value_text, mark_notes, marked_goal, marked_verdict, merged_note, merged_sums, part_note,
                        projection_only, reason_after, short_verdict, source_parts, verdict_line, zero_reading_note)
from .text_fit import NBSP, WIDTH_SAFETY, fit_lines, text_width

__all__ = ["fan_chart", "small_multiples", "dashboard", "deadline_board", "method_lines", "chance_shown",
           "SLIDE_FOOTER_SIZE", "DECK_TEXT_SIZE"]

register_labels({
    "observed": ("Số liệu thực tế", "Observed"),
    "observed_illustrative": ("Số liệu minh họa", "Illustrative data"),
    "earlier_standard": ("Chuẩn cũ (không dùng để dự báo)", "Earlier standard (not used for the projection)"),
    "earlier_standard_illustrative": ("Chuẩn cũ, minh họa (không dùng để dự báo)",
                                      "Earlier standard, illustrative (not used for the projection)"),
    "target_band": ("Khoảng mục tiêu mỗi năm", "Target range each year"),
    "earlier_standard_changes": ("Chuẩn cũ (chỉ dùng tốc độ thay đổi, không dùng mức)",
                                 "Earlier standard (its yearly changes used, not its level)"),
    # hollow is made up, as for the current standard's points; a cross is not used at all
    "earlier_standard_changes_illustrative": ("Chuẩn cũ, minh họa (chỉ dùng tốc độ thay đổi, không dùng mức)",
                                              "Earlier standard, illustrative (its yearly changes used, not its level)"),
    "median": ("Dự báo (trung vị)", "Projection (median)"),
    "band80": ("Khoảng dự báo 80 %", "80 % interval"),
    "band95": ("Khoảng dự báo 95 %", "95 % interval"),
    "band95_clipped": ("Khoảng dự báo 95 % (năm {year}: {interval}, vượt khung)",
                       "95 % interval ({year}: {interval}, runs off the chart)"),
    "target": ("Mục tiêu", "Target"),
    "target_entry": ("Mục tiêu {deadline}{star}: {value}", "Target {deadline}{star}: {value}"),
    "aim_entry": ("Mục tiêu (không ghi năm; xét ở năm {deadline}){star}: {value}",
                  "Aim (no year given; taken at {deadline}){star}: {value}"),
    "needed_path": ("Lộ trình cần đạt", "Path needed"),
    "met_line": ("Mức tính là đạt", "Counts as met from"),
    "met_line_value": ("Mức tính là đạt: {phrase}", "Counts as met: {phrase}"),
    "own_target_line": ("Mức so sánh của từng xã", "Each commune's own benchmark"),
    "benchmark_entry": ("Mức so sánh của xã {deadline}{star}: {value}", "Commune benchmark {deadline}{star}: {value}"),
    "benchmark": ("Mức so sánh của xã", "Commune benchmark"),
    "standard_break": ("Đổi chuẩn: {name}; số liệu theo chuẩn này từ năm {year}",
                       "New standard: {name}; figures on it from {year}"),
    "standard_break_review": ("Đổi chuẩn: {name}; số liệu theo chuẩn này từ năm {year} (rà soát cuối năm {year})",
                              "New standard: {name}; figures on it from {year} (the end-{year} review)"),
    "approximate_mark": ("Số liệu ước tính", "Estimate"),
    "needed_entry": ("Lộ trình cần đạt ({deadline}): {rate}", "Path needed ({deadline}): {rate}"),
    "source": ("Nguồn", "Source"),
    "more_sources": ("và {n} nguồn khác (xem bảng tổng hợp)", "and {n} more sources (see the summary table)"),
    "more_source": ("và {n} nguồn khác (xem bảng tổng hợp)", "and {n} more source (see the summary table)"),
    "illustrative_banner": ("MINH HỌA — số liệu minh họa, không phải số liệu thật",
                            "ILLUSTRATIVE — made-up data, not real figures"),
    # a table of targets holds real and made-up figures side by side: which is which is said row by row
    "illustrative_banner_rows": ("MINH HỌA — số liệu in nghiêng là số liệu minh họa, không phải số liệu thật",
                                 "ILLUSTRATIVE — figures in italics are made up, not real"),
    "projection_word": ("dự báo", "projection"),
    "small_multiples_title": ("theo xã — đánh giá năm", "by commune — verdict for"),
    "dashboard_source": ("Nguồn: số liệu công bố (data/observations/published.csv; nguồn và trích dẫn từng số "
                         "liệu trong tệp) và số liệu do các cơ quan gửi", "Sources: published figures "
                         "(data/observations/published.csv, with each figure's source and quote) and office returns"),
    "no_projection": ("chưa đủ số liệu để dự báo", "too little data to project"),
    "no_data_chart": ("Chưa có số liệu cho chỉ tiêu này ở địa bàn này.", "No figures for this target in this area yet."),
    "indicator_col": ("Chỉ tiêu", "Target"),
    "target_col": ("Mục tiêu", "Goal"),
    "latest_col": ("Số liệu mới nhất", "Latest"),
    "latest_in_col": ("Số liệu {year}", "Latest, {year}"),
    "needed_col": ("Cần mỗi năm", "Needed a year"),
    "status_col": ("Đánh giá", "Verdict"),
    "probability_col": ("Khả năng đạt", "Chance"),
    "dashboard_title": ("Tiến độ thực hiện các chỉ tiêu Kế hoạch 20/KH-UBND — {area}",
                        "Progress on the targets of Plan 20/KH-UBND — {area}"),
    "board_title": ("Các chỉ tiêu Kế hoạch 20/KH-UBND — đánh giá năm {deadline} — {area}",
                    "The targets of Plan 20/KH-UBND — verdict for {deadline} — {area}"),
    "dashboard_method": ("Năm hạn đã qua, chờ số liệu (†): \"Ước đạt\" khi khả năng đạt từ 50 %, \"Khó đạt\" 20–50 %, "
                         "\"Ước không đạt\" dưới 20 %. Năm hạn chưa qua: \"Đúng tiến độ\" khi khả năng từ 50 % và tốc độ "
                         "3 năm gần nhất đủ so với mức cần (hoặc đã đạt‡; chưa có tốc độ: theo khả năng); \"Dự báo "
                         "chậm lại, khó đạt\" khi tốc độ đủ mà khả năng dưới 50 %; tốc độ chưa đủ: \"Cần đẩy nhanh tiến "
                         "độ\" khi khả năng từ 20 %, \"Chuyển biến chậm, khó đạt\" dưới 20 %, \"Xa dần mục tiêu\" khi "
                         "cả 3 năm, năm gần nhất và dự báo đều ngược hướng. Chỉ tiêu hằng năm đánh giá từng năm.",
                         "Deadline passed, figure awaited (†): \"likely met\" at a chance of 50 % or more, \"in "
                         "doubt\" at 20–50 %, \"likely missed\" below 20 %. Deadline to come: \"on track\" at 50 % or "
                         "more with the last 3 years' pace enough for the need (or met already‡; with no pace yet, "
                         "by the chance); \"slowing, unlikely to be met\" below 50 % with enough pace; without it, "
                         "\"needs to speed up\" at 20 % or more, "
                         "\"slow progress, unlikely to be met\" below 20 %, \"moving away from the target\" when the 3 "
                         "years, the last one and the projection all run the wrong way. Yearly targets are judged year "
                         "by year."),
    # said where the colours are shown beside the verdicts: the same "Dự báo chậm lại, khó đạt" is yellow at 23 %
    # and orange at 1 % (the colour says how worried to be, the words why)
    "dashboard_colours": ("Màu: xanh — đạt, đúng tiến độ; vàng — cần chú ý; cam — khả năng dưới 20 %; đỏ — không "
                          "đạt, xa dần mục tiêu.",
                          "Colours: green — met, on track; yellow — needs attention; orange — a chance under 20 %; "
                          "red — not met, moving away."),
    "district_panel": ("Toàn huyện", "District"),
    "and_word": ("và", "and"),
    "falls_title": ("Mức giảm mỗi năm (điểm %) so với chỉ tiêu {low}–{high} điểm — {met}",
                    "Yearly fall (points) against the {low}–{high} point target — {met}"),
    "falls_band": ("Chỉ tiêu: giảm {low}–{high} điểm", "Target: down {low}–{high} points"),
    "falls_projected": ("Dự báo {year}", "Projected {year}"),
    "why": ("Vì sao", "Why"),
    "hold_badge_note": ("\"giữ\": đã đạt; khả năng giữ được mức đạt đến năm {deadline}",
                        "\"hold\": met already; the chance of holding it to {deadline}"),
    "hold_badge_at_risk": (" (dưới 50 %: \"Khó giữ mức đạt\")", " (under 50 %: \"hard to hold\")"),
    "merged_panels": ("{n} xã, thị trấn cũ đã sắp xếp từ 1/7/2025 không có mục tiêu năm {deadline}: xem bản đồ xã mới.",
                      "{n} old communes and towns, merged on 1 July 2025, have no {deadline} target: see the new "
                      "communes' map."),
})
FOOTER_SIZE = 8.5
"""Points of the footer's text (why, the met rule, method, sources) on an A4 page."""
SLIDE_FOOTER_SIZE = 10.0
"""The same on a slide chart: the deck shows it at 0,86 of the slide, where it measures 8,6 points."""
FOOTER_LINE = 0.0205
"""Height of one 8,5-point footer line, as a fraction of a 7,5-inch slide."""


# ---------------------------------------------------------------------------------------
# words


def _room(figure: Figure, share: float = 0.98) -> float:
    """Points across ``share`` of the figure, less the measuring margin."""
    return figure.get_figwidth() * 72 * share * WIDTH_SAFETY


def _title(figure: Figure, text: str, size: float) -> None:
    """The figure's title at its top left, on as few balanced lines as the page's width allows."""
    figure.suptitle("\n".join(fit_lines(text, _room(figure), size, "bold")), x=0.01, ha="left",
                    fontsize=size, fontweight="bold")


def _sources_sentence(shown: list[str], more: int, lang: str) -> str:
    text = f"{label('source', lang)}: " + "; ".join(shown)
    if more:
        text += "; " + label("more_sources" if more > 1 else "more_source", lang).format(n=more)
    return text


def _row_sources(row: pd.Series, rows: pd.DataFrame, lang: str) -> list[str]:
    """A row's sources; under panels of several areas, the district's sums of communes said once, as
    its panel is named ("Toàn huyện: tổng hợp từ 15 xã, thị trấn" — alone it read as every panel's;
    on the new map "…: tổng hợp từ 15 xã, thị trấn và 6 xã mới", not the panel named twice)."""
    parts = source_parts(row["sources"], lang)
    if rows["area_code"].nunique() < 2 or row.get("area_kind") not in ("district", "aggregate"):
        return parts
    sums = [found for found in map(COUNTED_SUM.match, parts) if found]
    if not sums:
        return parts
    joined = f" {label('and_word', lang)} ".join(
        part.string if i == 0 else part.string[len(part["how"]) + 1:] for i, part in enumerate(sums))
    named = f"{_panel_title(row, str(row['area_code']), lang)}: {joined}"
    return [named] + [part for part in parts if not COUNTED_SUM.match(part)]


def footer_sources(rows: pd.DataFrame, lang: str) -> list[str]:
    """The sources a chart of ``rows`` names in its footer, each once and in that order; a slide's
    notes list these, so that they count what its picture counts."""
    return merged_sums(list(dict.fromkeys(part for _, row in rows.iterrows() for part in _row_sources(row, rows, lang))))


def _source_lines(rows: pd.DataFrame, lang: str, width: float, size: float = FOOTER_SIZE,
                  most: int = 2) -> list[str]:
    """The sources, wrapped to at most ``most`` lines of ``size`` points; beyond that, how many
    more (never cut: the speaker notes and summary.xlsx name them all)."""
    parts = footer_sources(rows, lang)
    if not parts:
        return []
    shown: list[str] = []
    for i, part in enumerate(parts):
        candidate = _sources_sentence(shown + [part], len(parts) - i - 1, lang)
        if shown and len(fit_lines(candidate, width, size)) > most:
            break
        shown.append(part)
    return fit_lines(_sources_sentence(shown, len(parts) - len(shown), lang), width, size)


def _footer(figure: Figure, rows: pd.DataFrame, lang: str, paragraphs: list[str],
            size: float = FOOTER_SIZE, banner: str = "illustrative_banner") -> float:
    """Write ``paragraphs`` and the sources at the bottom in ``size`` points, each wrapped to
    the page's width; for illustrative data, a red line under them (``banner``). Returns the
    height used, as a fraction of the figure."""
    width = _room(figure)
    text = [line for paragraph in paragraphs for line in fit_lines(paragraph, width, size)] + \
        _source_lines(rows, lang, width, size)
    illustrative = bool(rows["illustrative"].any())
    scale = SLIDE[1] / figure.get_figheight()
    line = FOOTER_LINE * scale * size / FOOTER_SIZE
    bottom = (0.036 * scale) if illustrative else 0.01
    figure.text(0.01, bottom, "\n".join(text), ha="left", va="bottom", fontsize=size, color="#404040",
                linespacing=1.25)
    if illustrative:
        figure.text(0.01, 0.008 * scale, label(banner, lang), ha="left", va="bottom", fontsize=11,
                    fontweight="bold", color=COLORS["vermillion"])
    return bottom + line * len(text) + 0.012 * scale


def _watermark(ax, lang: str, size: float = 64) -> None:
    """A faint "MINH HỌA" across a plot of illustrative data (the footer says why)."""
    ax.text(0.5, 0.5, "MINH HỌA" if lang == "vi" else "ILLUSTRATIVE", transform=ax.transAxes, ha="center",
            va="center", fontsize=size, color=COLORS["vermillion"], alpha=0.07, rotation=18, fontweight="bold",
            zorder=0)


def _standard_name(standard: str, lang: str) -> str:
    standards = load_standards()
    match = standards[standards["standard"] == standard]
    return match[lang].iloc[0] if len(match) else standard


def _break_words(year: int, standard: str, lang: str) -> str:
    """The legend of a standard's break: its name and the first year of figures on it. A
    poverty standard is first used by the review at the end of the year before it applies (the
    2022–2025 line by the end-2021 review), which the words then say, so that "2021" and
    "2022–2025" do not read as a contradiction.

    >>> _break_words(2021, "2022-2025", "vi")
    'Đổi chuẩn: Chuẩn nghèo đa chiều 2022–2025 (NĐ 07/2021/NĐ-CP); số liệu theo chuẩn này từ năm 2021 (rà soát cuối năm 2021)'
    >>> _break_words(2016, "2016-2020", "en")
    'New standard: Multidimensional poverty line 2016–2020 (Decision 59/2015/QĐ-TTg); figures on it from 2016'
    """
    standards = load_standards()
    match = standards[standards["standard"] == standard]
    first = match["first_year"].iloc[0] if len(match) else None
    review = first is not None and not _missing(first) and year < int(first)
    return label("standard_break_review" if review else "standard_break", lang).format(
        year=year, name=_standard_name(standard, lang))


def _earlier_changes_used(earlier: pd.DataFrame, projection: pd.DataFrame | None) -> pd.DataFrame:
    """The points on an earlier standard whose yearly changes (not their level) the projection
    used for its trend and width (``attrs["earlier_points_used"]``, from ``attrs["first_year_used"]``
    to the break); the others were not used at all."""
    if projection is None or not len(earlier) or not projection.attrs.get("earlier_points_used"):
        return earlier.iloc[0:0]
    first, brk = projection.attrs.get("first_year_used"), projection.attrs.get("break_used")
    chosen = earlier if first is None else earlier.loc[earlier.index >= first]
    if brk is None:
        return chosen.iloc[-int(projection.attrs["earlier_points_used"]):]
    # a year measured on both standards: its older figure is what joined the older points
    overlap = chosen.loc[chosen.index >= brk] if projection.attrs.get("break_adjusted") else chosen.iloc[0:0]
    return pd.concat([chosen.loc[chosen.index < brk].iloc[-int(projection.attrs["earlier_points_used"]):], overlap])


# ---------------------------------------------------------------------------------------
# fan chart


def fan_chart(rows: pd.DataFrame, data: TargetSeries, lang: str = "vi", scenario: pd.Series | None = None,
              footer_size: float = SLIDE_FOOTER_SIZE, for_deck: bool = False, what_if: str = "",
              scenario_words: str = "") -> Figure:
    """Fan chart of one target in one area, on a 16:9 slide.

    ``rows`` are the :func:`analysis.assess` rows of the target and area (one per deadline);
    ``data`` the :class:`~analysis.assessment.TargetSeries` behind them; ``scenario`` an
    optional what-if path (year → value) drawn as a dotted line, named with ``scenario_words``
    ("+0,3 điểm %/năm"); ``what_if`` says in the title what was supposed ("giả định mục tiêu ≥ 22 %"),
    so that a copied chart never passes for the plan's own. A target read as yearly falls
    (poverty) gets a second panel with each year's fall against the 3–4 point band.
    ``footer_size`` is the size of the notes and sources under the chart, in points: a document
    that prints the slide smaller asks for larger ones, so that they stay readable on paper.
    ``for_deck`` makes the version a meeting room reads: legend and footer at
    :data:`DECK_TEXT_SIZE`, and the footer keeps only what reading the chart needs (when a
    target counts as met, the assumed 2030 target, the sources); why and how it was projected
    go in the slide's notes (:func:`method_lines`).
    """
    check_language(lang)
    rows = rows.sort_values("deadline")
    first = rows.iloc[0]
    unit = first["unit"]
    falls = first["kind"] == "yearly_reduction" and first["reading"] == "points" and len(data.used) >= 2
    with matplotlib.rc_context(RC):
        figure = new_figure(SLIDE)
        name = first["target_vi"] if lang == "vi" else first["target_en"]
        area = first["area_vi"] if lang == "vi" else first["area_en"]
        _title(figure, f"{name} — {area}" + (f" ({what_if})" if what_if else ""), 17)
        why = [] if for_deck else [reason_after(label("why", lang), r, lang)
                                   for _, r in rows.iterrows() if r[f"verdict_reason_{lang}"]]
        rules = sorted({r[f"met_rule_{lang}"] for _, r in rows.iterrows() if r[f"met_rule_{lang}"]})
        method = [] if for_deck else method_lines(rows, data, lang)
        assumed = assumption_note(rows[rows["target_value"].notna()], lang)
        assumed += [merged] if (merged := merged_note(str(first["area_code"]), lang)) else []
        assumed += [part] if (part := part_note(str(first["area_code"]), lang)) else []
        legend_size = DECK_TEXT_SIZE if for_deck else FAN_LEGEND_SIZE
        bottom = _footer(figure, rows, lang, why + rules + method + assumed,
                         DECK_TEXT_SIZE if for_deck else footer_size)
        if falls:
            grid = figure.add_gridspec(2, 1, height_ratios=(2.6, 1))
            ax = figure.add_subplot(grid[0])
            _draw_falls(figure.add_subplot(grid[1], sharex=ax), rows, data, lang)
        else:
            ax = figure.add_subplot()
        if len(data.used) == 0:
            ax.text(0.5, 0.5, label("no_data_chart", lang), transform=ax.transAxes, ha="center", va="center",
                    fontsize=14, color=COLORS["grey"])
        _draw_fan(ax, rows, data, lang, detailed=True)
        if scenario is not None:
            # black, not the reform line's purple; the scale widens to show the whole path
            ax.plot(scenario.index, scenario.to_numpy(), linestyle=":", linewidth=2.5, color=COLORS["black"],
                    label=label("scenario", lang) + (f": {scenario_words}" if scenario_words else ""), zorder=4)
            low, high = ax.get_ylim()
            pad = 0.05 * (high - low)
            top = float(scenario.max()) + pad
            ax.set_ylim(min(low, float(scenario.min()) - pad), max(high, min(top, 100 + pad) if unit == "percent"
                                                                     else top))
        ax.set_title("\n".join(verdict_line(r, lang) for _, r in rows.iterrows()), loc="left", fontsize=12.5,
                     fontweight="bold", color="#222222")
        ax.set_ylabel(unit_word(unit, lang) if unit != "percent" else "%")
        # one legend for both panels, right of the plots; its own column is kept free for it,
        # so that it may run down beside the panel of yearly falls
        handles, texts = [], []
        for each in figure.axes:
            for handle, text in zip(*each.get_legend_handles_labels()):
                handles.append(handle)
                texts.append("\n".join(fit_lines(text, FAN_LEGEND_WIDTH, legend_size)))
        right = 1.0
        if handles:
            widest = max(text_width(line, legend_size) for text in texts for line in text.split("\n"))
            right = 1 - (widest + 4.5 * legend_size) / (figure.get_figwidth() * 72 * WIDTH_SAFETY)
            legend = ax.legend(handles, texts, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=legend_size)
            legend.set_in_layout(False)
        figure.get_layout_engine().set(rect=(0, bottom, right, 1 - bottom))
        if rows["illustrative"].any():
            _watermark(ax, lang)
    return figure


FAN_LEGEND_SIZE = 10.5
"""Points of a fan chart's legend."""
DECK_TEXT_SIZE = 13.0
"""Points of a deck chart's legend and footer: the deck shows the chart at 0,86 of the slide,
where they measure 11,2 points, readable from the back of a meeting room."""
FAN_LEGEND_WIDTH = 365
"""Points a legend entry's words may take on one line before they wrap (the reform line fits whole)."""


def method_lines(rows: pd.DataFrame, data: TargetSeries, lang: str) -> list[str]:
    """"Dự báo: …" in plain words, when a projection is drawn (not "Dự báo: không dự báo"):
    under a fan chart, or in the notes of the deck's slide."""
    if _projection_shown(data, int(rows["deadline"].max())) is None:
        return []
    return [label("projection_word", lang).capitalize() + ": " +
            data.projection.attrs["method_plain_vi" if lang == "vi" else "method_plain"]]


def _x_range(frame: pd.DataFrame, last_deadline: int) -> tuple[float, float]:
    """The years a fan shows: its data (at least the four years before the last deadline) to
    the last deadline, or to the latest figure when that is later (a milestone of 2022 with
    figures to 2024: the tables quote the 2024 figure, so the chart shows it)."""
    start = int(frame.index.min()) if len(frame) else last_deadline - 10
    end = max(last_deadline, int(frame.index.max())) if len(frame) else last_deadline
    return min(start, last_deadline - 4) - 0.5, end + 0.8


def _projection_shown(data: TargetSeries, last_deadline: int) -> pd.DataFrame | None:
    """The projected years a fan draws (up to the last deadline), ``None`` when there are none:
    then neither its bands nor its method are named."""
    projection = data.projection
    if projection is None or projection.attrs["method"] == "none" or not projection["median"].notna().any():
        return None
    shown = projection.loc[projection.index <= last_deadline]
    return shown if len(shown) and len(data.used) else None


def _holds(row: pd.Series) -> bool:
    """Whether the latest value is already where the target asks (nothing to climb: the
    target is met by holding the level, not by a step back)."""
    needed = row["needed_points_per_year"]
    return _missing(needed) or needed * (1 if row["kind"] in INCREASING_KINDS else -1) <= 0


def _draw_fan(ax, rows: pd.DataFrame, data: TargetSeries, lang: str, detailed: bool,
              estimates: bool = True) -> pd.DataFrame:
    """Observed points, bands, median, targets and the path needed (small panels: only the
    points used, and the 80 % band). Every mark gets a legend label (short ones in small
    panels), so that a legend lists exactly what is drawn. "≈" marks go beside estimated
    points when ``estimates`` (else the caller adds them once the scale is final, with
    :func:`_mark_estimates`). Returns the points drawn."""
    frame = data.series.frame
    used = data.used
    # (a year on two standards is in both: its older figure is an earlier one)
    newest = frame["standard"].eq(used["standard"].iloc[-1]) if "standard" in frame and len(used) else True
    earlier = frame.loc[~(frame.index.isin(used.index) & newest)] if detailed else frame.iloc[0:0]
    projection = data.projection
    last_deadline = int(rows["deadline"].max())
    first_shown, last_shown = _x_range(frame if detailed else used, last_deadline)
    size = 8 if detailed else 5
    changes_used = _earlier_changes_used(earlier, projection)
    for made_up, key in ((False, "earlier_standard_changes"), (True, "earlier_standard_changes_illustrative")):
        points = changes_used[changes_used["illustrative"].astype(bool) == made_up]
        if len(points):
            ax.plot(points.index, points["value"], "o", markerfacecolor="white" if made_up else COLORS["grey"],
                    markeredgecolor=COLORS["grey"], markeredgewidth=1.3, markersize=6, alpha=0.8,
                    label=label(key, lang), clip_on=False)
    unused = earlier.loc[~earlier.index.isin(changes_used.index)]
    # made up or not, said as for the points whose changes are used: "× Chuẩn cũ" beside "○ Chuẩn cũ, minh họa"
    # read as if the cross were a real figure
    for made_up, key in ((False, "earlier_standard"), (True, "earlier_standard_illustrative")):
        points = unused[unused["illustrative"].astype(bool) == made_up]
        if len(points):
            ax.plot(points.index, points["value"], "x", color=COLORS["grey"], markeredgewidth=1.3, markersize=6,
                    alpha=0.8, label=label(key, lang), clip_on=False)
    reform = getattr(data, "reform", None)
    if reform is not None and first_shown < reform.first_year - 0.5 and reform.first_year + 0.5 < last_shown:
        # (only when a year after it is on the scale: a line at the scale's edge says nothing)
        # yearly figures from the reform's first year on are the new communes' (1/7/2025),
        # named in the legend, so that its words never run into the data or other labels
        words = reform.line_vi if lang == "vi" else reform.line_en
        ax.axvline(reform.first_year - 0.5, color=COLORS["purple"], linestyle="-.", linewidth=1.3 if detailed else 0.9,
                   label=words if detailed else words.split(" (")[0])
    if data.break_year is not None and detailed:
        # the standard's name goes in the legend too: across the plot it ran into the reform line
        ax.axvline(data.break_year - 0.5, color=COLORS["grey"], linestyle=":", linewidth=1.2,
                   label=_break_words(data.break_year, data.standard, lang))
    shown = _projection_shown(data, last_deadline)
    if shown is not None:
        years = np.r_[used.index[-1], shown.index]

        def joined(column):
            return np.r_[used["value"].iloc[-1], shown[column]]

        if detailed:
            ax.fill_between(years, joined("lo_95"), joined("hi_95"), color=COLORS["blue"], alpha=0.13,
                            linewidth=0, label=label("band95", lang))
        ax.fill_between(years, joined("lo_80"), joined("hi_80"), color=COLORS["blue"], alpha=0.28, linewidth=0,
                        label=label("band80", lang))
        ax.plot(years, joined("median"), color=COLORS["blue"], linewidth=2.4 if detailed else 2,
                label=label("median", lang))
    # points beyond the scale (a small panel's) are left out: unclipped, they would be drawn
    # over the legend
    used = used.loc[used.index <= last_shown]
    real = used[~used["illustrative"]]
    made_up = used[used["illustrative"]]
    # observed points are drawn above the target marks, which may sit on the same spot (a
    # value that just meets its target), and are never clipped: a value of 0 stays whole
    # (an empty unclipped line would count in the layout as a mark at the origin: none is drawn)
    if len(real):
        ax.plot(real.index, real["value"], "o", color=COLORS["black"], markersize=size,
                label=label("observed", lang), zorder=8, clip_on=False)
    if len(made_up):
        ax.plot(made_up.index, made_up["value"], "o", markerfacecolor="white", markeredgecolor=COLORS["black"],
                markeredgewidth=1.5 if detailed else 1.2, markersize=size, label=label("observed_illustrative", lang),
                zorder=8, clip_on=False)
    for _, row in rows.iterrows():
        if _missing(row["target_value"]) or row["origin"] == "projection":
            continue
        deadline, level = int(row["deadline"]), float(row["target_value"])
        star = "*" if row["origin"] == "assumption" else ""
        # the path needed ends where the value counts as met (99,5 % for a target of 100 %; 4/6 communes, 66,7 %,
        # for 60 % of 6: the rate in its legend runs there)
        end = level if _missing(row.get("met_threshold")) or row["kind"] == "yearly_reduction" \
            else met_level(row)
        path = row["kind"] != "yearly_flow" and not _missing(row["latest_value"]) and \
            deadline > row["latest_year"] and row["verdict"] != "achieved"
        value = _target_words(row, lang)
        if path and _holds(row):
            # already there: the target is met by holding the level, which a line down to the
            # target would contradict; the legend says it instead
            path = False
            value += f" — {needed_text(row, lang)}"
        benchmark = is_benchmark(row)  # a commune's own level, not the plan's target (T14)
        if detailed:
            # T20's plan gives no year: "Mục tiêu 2025: 0 xã" said it did
            key = "benchmark_entry" if benchmark else "aim_entry" if is_plan_aim(row) else "target_entry"
            entry = label(key, lang).format(deadline=deadline, star=star, value=value)
        else:
            entry = label("benchmark" if benchmark else "target", lang)
        # markers are never clipped: a target at 0 or 100 % stays whole on the axis; a commune's own
        # benchmark is hollow: drawn as the plan's target, it read as one
        ax.plot([deadline], [level], "D", color=COLORS["vermillion"], markersize=10 if detailed else 6,
                markerfacecolor="white" if benchmark else COLORS["vermillion"], markeredgewidth=1.6 if benchmark else 1,
                label=entry, zorder=7, clip_on=False)
        if row["kind"] == "yearly_reduction" and not _missing(row["target_value_other_end"]):
            ax.plot([deadline, deadline], [row["target_value_other_end"], level], color=COLORS["vermillion"],
                    linewidth=3 if detailed else 2, clip_on=False)
        if row["kind"] == "yearly_flow":
            # a count every year: the band the yearly figure must reach, not a path
            start = int(row["latest_year"]) if not _missing(row["latest_year"]) else deadline - 1
            if deadline == int(rows.loc[rows["kind"] == "yearly_flow", "deadline"].min()):
                # named in the legend, and under the projection's bands, which keep their blue
                ax.fill_between([start, last_deadline], row["target_low"], row["target_high"],
                                color=COLORS["vermillion"], alpha=0.10, linewidth=0, zorder=0.5,
                                label=label("target_band", lang))  # its values are the target's own entry
                # the need of the first deadline still open: a deadline already met needs nothing ("Lộ trình cần
                # đạt: –" stood in the legend of the jobs chart once 2025's figure was in)
                needs = [needed_text(r, lang) for _, r in rows[rows["kind"] == "yearly_flow"].sort_values("deadline")
                         .iterrows()]
                need = next((text for text in needs if text != "–"), "")
                ax.plot([start, last_deadline], [row["target_low"]] * 2, linestyle="--", color=COLORS["vermillion"],
                        linewidth=1.5, label=label("needed_path", lang) + (": " + need if detailed and need else ""))
            continue
        if path:
            rate = needed_words(row, lang) or needed_text(row, lang)
            ax.plot([row["latest_year"], deadline], [row["latest_value"], end], linestyle="--",
                    color=COLORS["vermillion"], linewidth=1.5,
                    label=label("needed_entry", lang).format(deadline=deadline, rate=rate) if detailed
                    else label("needed_path", lang))
        if end != level and row["kind"] != "yearly_reduction" and not _missing(row["latest_year"]) \
                and deadline > row["latest_year"]:  # not backwards from a later figure to a past milestone
            # where the value counts as met (99,5 % for 100 %): in a small panel it is what tells
            # 98,9 % from met; every dotted line drawn is named in the legend, once
            words = label("met_line_value", lang).format(phrase=met_phrase(row, lang)) if detailed \
                else label("met_line", lang)
            ax.plot([row["latest_year"], deadline], [end, end], linestyle=":", color=COLORS["vermillion"],
                    linewidth=1.0 if detailed else 1.3, alpha=0.8,
                    label="_nolegend_" if any(line.get_label() == words for line in ax.lines) else words)
    _limits(ax, rows, data, last_deadline, lang, detailed)
    if estimates:
        _mark_estimates(ax, used, lang, size, detailed)  # once every mark and the scale are there
    return used


APPROX_MARK_EDGE = 0.4
"""Width (points) of the edge drawn round the legend's "≈" marker."""


def _mark_estimates(ax, used: pd.DataFrame, lang: str, size: float, detailed: bool) -> None:
    """"≈" beside each estimated point, on a side free of other marks (above, below, right or
    left of it, in that order of preference), inside the plot."""
    if "approximate" not in used or not used["approximate"].any():
        return
    points = 13 if detailed else 8
    width, height, gap = text_width("≈", points, "bold"), 1.2 * points, size / 2 + 1.5
    for year, value in used.loc[used["approximate"], "value"].items():
        side = _free_side(ax, year, value, width, height, gap)
        offset, ha, va = {"above": ((0, gap), "center", "bottom"), "below": ((0, -gap), "center", "top"),
                          "right": ((gap, 0), "left", "center"), "left": ((-gap, 0), "right", "center")}[side]
        ax.annotate("≈", (year, value), textcoords="offset points", xytext=offset, ha=ha, va=va,
                    fontsize=points, fontweight="bold", zorder=8)
    # as wide as the marks beside the points, with a hairline edge: the default edge, stroked round a glyph of
    # the point's size, filled it into a blob
    ax.plot([], [], linestyle="", marker="$≈$", markersize=points, markeredgewidth=APPROX_MARK_EDGE,
            color=COLORS["black"], label=label("approximate_mark", lang))


def _free_side(ax, x: float, y: float, width: float, height: float, gap: float) -> str:
    """The first side of the point (x, y) where a box of ``width`` × ``height`` points, ``gap``
    points away, stays inside the plot and touches no drawn mark or line ("above" if none)."""
    pixels = ax.figure.dpi / 72
    px, py = ax.transData.transform((x, y))
    w, h, g = width * pixels, height * pixels, gap * pixels
    boxes = {"above": Bbox.from_bounds(px - w / 2, py + g, w, h), "below": Bbox.from_bounds(px - w / 2, py - g - h, w, h),
             "right": Bbox.from_bounds(px + g, py - h / 2, w, h), "left": Bbox.from_bounds(px - g - w, py - h / 2, w, h)}
    plot = ax.bbox
    for side, box in boxes.items():
        if box.y1 > plot.y1 or box.y0 < plot.y0 or box.x0 < plot.x0 or box.x1 > plot.x1:
            continue
        if not any(_touches(line, box, pixels) for line in ax.lines):
            return side
    return "above"


def _touches(line: Line2D, box: Bbox, pixels: float) -> bool:
    """Whether ``line`` (its markers or its drawn line) reaches into ``box`` (display units)."""
    if not line.get_visible() or not len(line.get_xdata()):
        return False
    xy = line.get_transform().transform(np.column_stack([line.get_xdata(), line.get_ydata()]).astype(float))
    if line.get_marker() not in (None, "None", "", " "):
        radius = line.get_markersize() * pixels / 2
        if ((xy[:, 0] > box.x0 - radius) & (xy[:, 0] < box.x1 + radius) & (xy[:, 1] > box.y0 - radius)
                & (xy[:, 1] < box.y1 + radius)).any():
            return True
    if line.get_linestyle() in ("None", "", " ", "none"):
        return False
    return line.get_transform().transform_path(line.get_path()).intersects_bbox(box, filled=False)


def _target_words(row: pd.Series, lang: str) -> str:
    if row["kind"] == "yearly_reduction":
        return f"{target_text(row, lang)} → {value_text(row['target_value'], row['unit'], lang)}"
    return target_with_threshold(row, lang)


def _draw_falls(ax, rows: pd.DataFrame, data: TargetSeries, lang: str) -> None:
    """Each year's fall in points against the 3–4 point band; the projected fall of the next
    year as a hollow bar."""
    first = rows[rows["origin"] != "projection"].iloc[0] if (rows["origin"] != "projection").any() else rows.iloc[0]
    low, high = float(first["target_low"]), float(first["target_high"])
    values = data.used["value"]
    start = int(first["base_year"]) if not _missing(first["base_year"]) else int(values.index[0])
    record = yearly_record(values, start, "yearly_reduction", low, None)
    ax.axhspan(low, high, color=COLORS["green"], alpha=0.15, linewidth=0,
               label=label("falls_band", lang).format(low=fmt_number(low, lang, 0), high=fmt_number(high, lang, 0)))
    colors = [COLORS["green"] if met else COLORS["orange"] for met in record["met"]]
    ax.bar(record["year"], record["change"], width=0.6, color=colors, zorder=3)
    for year, change in zip(record["year"], record["change"]):
        ax.annotate(fmt_number(change, lang, 1), (year, max(change, 0)), textcoords="offset points", xytext=(0, 2),
                    ha="center", va="bottom", fontsize=10, fontweight="bold")
    projection = data.projection
    # two or three points: the projection keeps the latest value, and a hollow bar of 0,0 read as "no fall expected"
    if projection is not None and len(projection) and projection["median"].notna().any() \
            and len(values) >= MIN_POINTS_ALL_METHODS:
        year = int(projection.index[0])
        fall = float(values.iloc[-1] - projection["median"].iloc[0])
        ax.bar([year], [fall], width=0.6, facecolor="white", edgecolor=COLORS["blue"], linewidth=1.5, zorder=3,
               hatch="//", label=label("falls_projected", lang).format(year=year))
        ax.annotate(fmt_number(fall, lang, 1), (year, max(fall, 0)), textcoords="offset points", xytext=(0, 2),
                    ha="center", va="bottom", fontsize=10, color=COLORS["blue"])
    met = years_met_text(int(record["met"].sum()), len(record), lang)
    if len(record) and int(record["year"].max()) > int(first["deadline"]):
        # its years named where they pass a deadline the subtitle counts to: "đạt 1 trong 5 năm" under "2025 —
        # Không đạt (đạt 1 trong 4 năm)" read as two counts of one record
        met += f" ({int(record['year'].min())}–{int(record['year'].max())})"
    ax.set_title(label("falls_title", lang).format(low=fmt_number(low, lang, 0), high=fmt_number(high, lang, 0),
                                                   met=met), loc="left", fontsize=11, fontweight="normal")
    top = max([high, *record["change"].tolist(), 0]) * 1.35
    bottom = min([0, *record["change"].tolist()]) * 1.35
    ax.set_ylim(bottom, top)
    ax.yaxis.set_major_formatter(_tick_formatter(ax, lang))  # "2,5", not "2.5", on a Vietnamese chart
    ax.axhline(0, color="#555555", linewidth=0.8)


MIN_SPAN = {"percent": 5.0, "count": 2.0}
"""The least height of a chart's scale, in points of a percentage or in units of a count."""
WIDE_BAND = 2.0
"""A fan's scale leaves out its 95 % band when the band would make the scale more than this many
times as tall as the points, targets, median and 80 % band need: a province's Khmer poverty at
1,4 % with a 95 % band reaching 77 % by 2030 pressed every real figure onto the axis. The band
then runs off the frame, and its legend entry gives its ends."""


def _limits(ax, rows, data: TargetSeries, last_deadline: int, lang: str, detailed: bool = True) -> None:
    frame = data.series.frame if detailed else data.used
    values = list(frame["value"]) + [v for v in rows["target_value"] if not _missing(v)]
    projection = data.projection
    wide: list[float] = []
    if projection is not None:
        # a small panel's scale follows its points, targets and median, not a wide band, so that
        # 98,9 % stays apart from 99,5 % (the band, clipped, still shows how wide it is)
        bands = ["lo_80", "hi_80", "median"] if detailed else ["median"]
        shown = projection.loc[projection.index <= last_deadline]
        values += [v for v in shown[bands].to_numpy().ravel() if not math.isnan(v)]
        if detailed:
            wide = [v for v in shown[["lo_95", "hi_95"]].to_numpy().ravel() if not math.isnan(v)]
    if not detailed:
        values += [v for v in rows["met_threshold"] if not _missing(v)]
    unit = rows.iloc[0]["unit"]
    if not values:  # nothing to draw: an empty frame with a sensible scale
        values = [0.0, 100.0] if unit == "percent" else [0.0, 1.0]
    low, high = min(values), max(values)
    # a scale at least a few units tall: a commune with no hamlet for ten years is drawn on
    # 0–2 hamlets, a share at 100 % on 95–100 %, not on a span of 10⁻¹⁰ that magnifies nothing
    least = MIN_SPAN.get(unit, MIN_SPAN["count"] if unit in INTEGER_UNITS else 0.0)
    if wide and max(high, *wide) - min(low, *wide) <= WIDE_BAND * max(high - low, least):
        low, high = min(low, *wide), max(high, *wide)
    elif wide:
        _name_clipped_band(ax, shown, unit, lang)
    if high - low < least:
        middle = (low + high) / 2
        low, high = middle - least / 2, middle + least / 2
        if unit == "percent" and high > 100.0:
            low, high = low - (high - 100.0), 100.0
        if unit != "percentage_points" and unit != "percent_change" and low < 0.0:
            low, high = 0.0, high - low
    pad = 0.08 * (high - low) if high > low else max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    if unit == "percent":
        low, high = max(low, 0.0), min(high, 100.0 + pad / 2)
    elif unit not in ("percentage_points", "percent_change"):
        low = max(low, 0.0)
    if unit == "flag":
        # a met / not-met indicator: two named levels, not a scale
        low, high = -0.25, 1.35
        ax.set_yticks([0, 1], [label("not_met_word", lang), label("met_word", lang)])
    ax.set_ylim(low, high)
    ax.set_xlim(*_x_range(frame, last_deadline))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if unit in INTEGER_UNITS and high - low <= 20:  # a few hamlets come whole: no tick at 0,25 hamlet
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if unit != "flag":
        ax.yaxis.set_major_formatter(_tick_formatter(ax, lang))


def _name_clipped_band(ax, shown: pd.DataFrame, unit: str, lang: str) -> None:
    """Give the 95 % band's legend entry its ends in the last year drawn, since the band runs
    off the frame (:data:`WIDE_BAND`)."""
    last = shown.dropna(subset=["lo_95", "hi_95"])
    if not len(last):
        return
    year, ends = int(last.index[-1]), last.iloc[-1]
    interval = f"{value_text(float(ends['lo_95']), unit, lang)}–{value_text(float(ends['hi_95']), unit, lang)}"
    for band in ax.collections:
        if band.get_label() == label("band95", lang):
            band.set_label(label("band95_clipped", lang).format(year=year, interval=interval))


def _tick_formatter(ax, lang: str) -> FuncFormatter:
    """Tick labels written the way the reader of ``lang`` writes numbers ("2.250", "99,5"), with
    as many decimals as the ticks need: steps of 2,5 are labelled 82,5 and 85,0, never 83 and 85.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.set_yticks([82.5, 85.0, 87.5])
    >>> formatter = _tick_formatter(ax, "vi")
    >>> [formatter(v, 0) for v in (82.5, 85.0, 87.5)]
    ['82,5', '85,0', '87,5']
    >>> _ = ax.set_yticks([0, 500, 1000]); [formatter(v, 0) for v in (0, 500, 1000)]
    ['0', '500', '1.000']
    """

    def tick(value, _position):
        return fmt_number(value, lang, _tick_decimals(ax.yaxis.get_majorticklocs()))

    return FuncFormatter(tick)


def _tick_decimals(ticks) -> int:
    """Fewest decimals (up to 6) that write every tick exactly.

    >>> _tick_decimals([0, 2.5, 5]), _tick_decimals([0.1, 0.2]), _tick_decimals([10, 20])
    (1, 1, 0)
    """
    ticks = np.asarray(ticks, float)
    scale = float(np.max(np.abs(np.diff(ticks)))) if ticks.size > 1 else 1.0
    for decimals in range(7):
        if np.allclose(ticks, np.round(ticks, decimals), rtol=0, atol=1e-6 * max(scale, 1e-12)):
            return decimals
    return 6


# ---------------------------------------------------------------------------------------
# small multiples


def small_multiples(rows: pd.DataFrame, data: dict[str, TargetSeries], lang: str = "vi",
                    deadline: int = 2025) -> Figure:
    """One target, district and every commune side by side (up to 4 × 4 panels on a 16:9 slide).

    ``rows`` are the assess rows of the target (all areas, all deadlines); ``data`` maps area
    code to its :class:`~analysis.assessment.TargetSeries`. Each panel's verdict sits in a
    coloured badge above the panel, never on the data.
    """
    check_language(lang)
    codes = list(dict.fromkeys(rows.sort_values(["area_kind", "area_code"], key=district_first)["area_code"]))
    # an area without a row for the deadline where others have one is a commune merged before it (the old
    # map's in 2030): its 2025 badge under a title saying 2030 read as a 2030 verdict
    judged = set(rows.loc[rows["deadline"] == deadline, "area_code"])
    merged = [code for code in codes if judged and code not in judged]
    codes = [code for code in codes if not judged or code in judged]
    ncols = 4 if len(codes) > 9 else 3 if len(codes) > 4 else 2
    nrows = max(1, math.ceil(len(codes) / ncols))
    with matplotlib.rc_context({**RC, "axes.titlesize": PANEL_TITLE_SIZE, "xtick.labelsize": 9, "ytick.labelsize": 9}):
        figure = new_figure(SLIDE)
        first = rows.iloc[0]
        name = first["target_vi"] if lang == "vi" else first["target_en"]
        _title(figure, f"{name} — {label('small_multiples_title', lang)} {deadline}", 16)
        # a target the plan sets for the district only, each commune compared with its own level
        # (T14: its Khmer share of the population): the title's value is not the panels', so
        # each panel draws its own and the footer says why
        own_note = _commune_target_note(first["target_id"], lang)
        own = bool(own_note) and (rows["area_kind"] != "district").any()
        badges = {code: _badge_row(rows[rows["area_code"] == code], deadline) for code in codes}
        # a badge's "giữ 31 %" is a chance of holding a level met, not of meeting it: said once, below
        # (and the badge a chance under 50 % gives, where one shows it: an ended year's is "Khó đạt")
        at_risk = any(row.get("verdict") == "met_at_risk" for row in badges.values())
        holding = [label("hold_badge_note", lang).format(deadline=deadline)
                   + (label("hold_badge_at_risk", lang) if at_risk else "")] \
            if any(is_holding(row) for row in badges.values()) else []
        if any(judged_awaiting(row) for row in badges.values()):
            holding.insert(0, label("awaiting_mark", lang).format(year=deadline))
        moved = [label("merged_panels", lang).format(n=len(merged), deadline=deadline)] if merged else []
        rows = rows[rows["area_code"].isin(codes)]
        assumed = assumption_note(pd.DataFrame(list(badges.values())), lang)  # the badges' "*"
        zero = zero_reading_note(list(badges.values()), lang)
        zero += [part for code in codes if (part := part_note(str(code), lang))]
        bottom = _footer(figure, rows, lang, ([own_note] if own else []) + zero + assumed + holding + moved,
                         SLIDE_FOOTER_SIZE)
        axes = np.atleast_1d(figure.subplots(nrows, ncols, sharex=True, sharey=True)).ravel()
        titles = {code: _panel_title(badges[code], code, lang) for code in codes}
        stacked = _badges_stacked(figure, ncols, [(titles[code], short_verdict(badges[code], lang)) for code in codes])
        limits, drawn = [], []
        # every panel to the deadline judged, and only its target: 2030's diamonds and paths under a title saying
        # "đánh giá năm 2025" had no line in the legend and no "*" for an assumed target (and on the old map the
        # communes stop at 2025: the district's 2030 target stood beside the next commune's name)
        for ax, code in zip(axes, codes):
            area_rows = rows[(rows["area_code"] == code) & (rows["deadline"] == badges[code]["deadline"])]
            drawn.append(_draw_fan(ax, area_rows, data[code], lang, detailed=False, estimates=False))
            limits.append(ax.get_ylim())
            row = badges[code]
            if own and is_benchmark(row) and not _missing(row["target_value"]):  # the district's is the plan's
                # solid: the path needed beside it is dashed in the same colour
                ax.axhline(row["target_value"], color=COLORS["vermillion"], linestyle="-", linewidth=1.0,
                           alpha=0.55, label=label("own_target_line", lang), zorder=2)
            pad = 0.25 * BADGE_SIZE
            # the badge sits at the panel's right, beside the name; where a name and a badge do not
            # both fit, every badge of the figure goes under its name, at the left, the name raised
            # above it
            ax.set_title(titles[code], loc="left", fontweight="bold",
                         pad=BADGE_SIZE * 1.2 + 4 * pad + 6 if stacked else None)
            color = verdict_color(row)
            # the badge's box, not only its words, ends within the panel's width and above its top
            ax.annotate(short_verdict(row, lang), (0.0 if stacked else 1.0, 1.0), xycoords="axes fraction",
                        xytext=(pad if stacked else -pad, pad + 2), textcoords="offset points",
                        ha="left" if stacked else "right", va="bottom", fontsize=BADGE_SIZE, fontweight="bold",
                        color="white" if row["verdict"] in DARK_VERDICTS else "black",
                        bbox={"boxstyle": "round,pad=0.25", "facecolor": color, "edgecolor": "none"})
            if row["illustrative"]:
                _watermark(ax, lang, size=20)
        for ax in axes[len(codes):]:
            ax.set_visible(False)
        for index, ax in enumerate(axes[:len(codes)]):
            if index + ncols >= len(codes):  # nothing drawn below it: its years are not read off another panel
                ax.xaxis.set_tick_params(labelbottom=True)
        # the panels share one scale: the union of what each needs; its unit is said on each row's first panel
        axes[0].set_ylim(min(low for low, _ in limits), max(high for _, high in limits))
        unit = first["unit"]
        for ax in axes[:len(codes):ncols]:
            ax.set_ylabel(unit_word(unit, lang) if unit != "percent" else "%", fontsize=9)
        for ax, used in zip(axes, drawn):
            _mark_estimates(ax, used, lang, 5, detailed=False)
        # the legend lists what the panels draw, once each
        handles: dict[str, object] = {}
        for ax in axes[:len(codes)]:
            for handle, text in zip(*ax.get_legend_handles_labels()):
                handles.setdefault(text, handle)
        columns = _legend_columns(list(handles), figure, LEGEND_SIZE)
        legend_rows = math.ceil(len(handles) / columns)
        room = bottom + 0.012 + legend_rows * 0.033
        figure.get_layout_engine().set(rect=(0, room, 1, 1 - room), h_pad=0.03, w_pad=0.04)
        figure.legend(list(handles.values()), list(handles), loc="lower right", bbox_to_anchor=(0.995, bottom),
                      ncols=columns, fontsize=LEGEND_SIZE)
    return figure


def _panel_title(row: pd.Series, code: str, lang: str) -> str:
    """A panel's name: the area's, or "Toàn huyện" for the district on the map it was drawn on."""
    area = row["area_vi"] if lang == "vi" else row["area_en"]
    if row["area_kind"] == "district" and area == catalogue_name(code, lang):
        return label("district_panel", lang)  # on the new map the former district keeps its own name
    return area


PANEL_TITLE_SIZE = 10.5
"""Points of a small multiple's panel name."""


def _badges_stacked(figure: Figure, ncols: int, pairs: list[tuple[str, str]]) -> bool:
    """Whether some panel's name and verdict badge would not fit side by side: "Xã Thạnh Hòa Sơn"
    beside "Khó đạt† · giữ 25 %" is wider than a panel of a 4 × 4 slide. A panel is
    taken as its share of the figure less the y axis' labels and the gaps between panels (on a
    slide of 4 columns, 216 points where the drawn panels measure 225).

    >>> figure = new_figure(SLIDE)
    >>> _badges_stacked(figure, 4, [("Xã Trường Thọ", "Ước đạt† · giữ 61 %")])
    False
    >>> _badges_stacked(figure, 4, [("Xã Thạnh Hòa Sơn", "Ước không đạt† · giữ 25 %")])
    True
    """
    panel = (_room(figure) - 30) / ncols - 4
    badge_room = 2 * 0.25 * BADGE_SIZE + 8  # the badge's padding and a gap before the name
    return any(text_width(title, PANEL_TITLE_SIZE, "bold") + text_width(badge, BADGE_SIZE, "bold") + badge_room > panel
               for title, badge in pairs)


def _badge_row(area_rows: pd.DataFrame, deadline: int) -> pd.Series:
    """The row a panel's badge shows: the deadline's, or the area's first (a target with one
    earlier deadline)."""
    area_rows = area_rows.sort_values("deadline")
    chosen = area_rows[area_rows["deadline"] == deadline]
    return chosen.iloc[0] if len(chosen) else area_rows.iloc[0]


LEGEND_SIZE = 9
"""Points of the small multiples' legend."""
BADGE_SIZE = 9.5
"""Points of a panel's verdict badge."""


def _legend_columns(texts: list[str], figure: Figure, size: float) -> int:
    """How many legend columns fit across the figure (an entry: its mark, its words and the
    space to the next, about 4,8 letters' width). Matplotlib fills ``columns`` columns one by one,
    the first ones holding an entry more: 9 entries in 8 columns are 8 columns (2 + 1 × 7), not 5
    of 2 — which is what was measured, and a legend wider than the slide lost its left end."""
    widths = [text_width(text, size) + 4.8 * size for text in texts]
    for columns in range(len(texts), 1, -1):
        rows, larger = divmod(len(texts), columns)
        sizes = [rows + 1] * larger + [rows] * (columns - larger)
        starts = [sum(sizes[:i]) for i in range(columns)]
        if sum(max(widths[start:start + size]) for start, size in zip(starts, sizes) if size) <= _room(figure):
            return columns
    return 1


def _commune_target_note(target_id: str, lang: str) -> str:
    """The catalogue's note on what a commune is compared with, for a target set for the
    district only ("" for the others)."""
    from ..data.catalogue import load_targets

    targets = load_targets()
    match = targets.loc[targets["target_id"] == target_id, f"commune_target_note_{lang}"]
    return str(match.iloc[0]) if len(match) and isinstance(match.iloc[0], str) else ""


def dashboard(table: pd.DataFrame, lang: str = "vi", size: tuple[float, float] = A4_LANDSCAPE,
              deadlines: tuple[int, ...] = (2025, 2030), area: str = "848") -> Figure:
    """One page: every target of ``area`` × deadline as a traffic-light table.

    The verdict is the page's main text: words on its colour, in bold. Targets whose only
    deadline is earlier (the 2022 milestones) show that deadline's verdict in the first block
    (:func:`column_rows`).
    """
    check_language(lang)
    rows = table[table["area_code"] == area]
    order = list(dict.fromkeys(rows["target_id"]))
    columns = {deadline: column_rows(rows, deadline, deadlines).set_index("target_id") for deadline in deadlines}
    shown = pd.concat(list(columns.values())) if len(rows) else rows
    name_w, goal_w, latest_w = 0.27, 0.09, 0.11
    gap = 0.015  # between the deadlines' blocks, so that one's headings do not run into the next's
    block = (1.0 - name_w - goal_w - latest_w - gap * (len(deadlines) - 1)) / len(deadlines)
    need_w, status_w = block * 0.27, block * 0.51
    chance_w = block - need_w - status_w
    n = max(len(order), 1)
    area_name = rows["area_vi" if lang == "vi" else "area_en"].iloc[0] if len(rows) else area
    page = size[0] * 72 * WIDTH_SAFETY

    def fit(text: str, share: float, points: float, weight: str = "normal", last_heavy: bool = False) -> str:
        """``text`` wrapped to a column ``share`` of the page wide (less a little air)."""
        return "\n".join(fit_lines(text, share * page - 4, points, weight, last_heavy))

    def fit_in_row(text: str, share: float, points: float, smaller: float) -> tuple[str, dict]:
        """``text`` wrapped as :func:`fit` does, and set ``smaller`` (its lines closer) when it takes
        three lines at ``points``, so that it stays inside its row: (the wrapped text, its font size
        and line spacing)."""
        wrapped = fit(text, share, points)
        if wrapped.count("\n") < 2:
            return wrapped, {"fontsize": points, "linespacing": 0.95}
        return fit(text, share, smaller), {"fontsize": smaller, "linespacing": 0.9}

    with matplotlib.rc_context(RC):
        figure = new_figure(size)
        _title(figure, label("dashboard_title", lang).format(area=area_name), 15)
        marks = mark_notes(shown, lang, thresholds=True)
        # the marks' short notes share lines, so that the table keeps its size; a line breaks between two
        # notes, never inside one ("† awaiting the 2025 / figure: …" read as two notes)
        shared = "\u2003 ".join(mark.replace(" ", NBSP) for mark in marks[:-1])
        paragraphs = [label("dashboard_method", lang)] + ([shared] if len(marks) > 1 else [])
        bottom = _footer(figure, rows, lang, paragraphs + marks[-1:], banner="illustrative_banner_rows")
        # a margin on each side, as on the other charts: a printer cuts what touches the edge
        figure.get_layout_engine().set(rect=(0.008, bottom, 0.984, 0.99 - bottom), h_pad=0.04, w_pad=0)
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(n + 1.0, -0.9)
        header = 0.45
        cells = [("indicator_col", 0.0, name_w, "left"), ("target_col", name_w, goal_w, "center"),
                 ("latest_col", name_w + goal_w, latest_w, "center")]
        for i, deadline in enumerate(deadlines):
            left = name_w + goal_w + latest_w + i * (block + gap)
            ax.text(left + block / 2, -0.55, str(deadline), ha="center", va="center", fontsize=12, fontweight="bold")
            ax.plot([left + 0.006, left + block - 0.006], [-0.2, -0.2], color="#333333", linewidth=1)
            cells += [("needed_col", left, need_w, "center"), ("status_col", left + need_w, status_w, "center"),
                      ("probability_col", left + need_w + status_w, chance_w, "center")]
        for key, left, width, align in cells:
            # headings fill their lines from the end ("Cần" over "mỗi năm"); the chance's may use
            # the air beside its narrow column ("Khả năng đạt" whole, not "đạt" alone): the gap
            # after it, or in the last block, which has none, the verdict's wide heading before it
            # ("Khả năng đạt" centred there ran past the table's right edge)
            room = width * 1.35 + gap if key == "probability_col" else width
            if key == "probability_col" and left + width > 1 - gap / 2:
                align = "right"
            x = {"left": left + 0.005, "center": left + width / 2, "right": left + width - 0.003}[align]
            ax.text(x, header, fit(label(key, lang), room, 8, "bold", last_heavy=True), ha=align, va="center",
                    fontsize=8, fontweight="bold", linespacing=0.95)
        two_line_verdicts = []
        for r, target_id in enumerate(order):
            y = 1.5 + r
            group = rows[rows["target_id"] == target_id].set_index("deadline")
            first = group.iloc[0]
            if r % 2 == 0:
                ax.add_patch(Rectangle((0, y - 0.5), 1, 1, color="#F3F3F3", linewidth=0))
            name = first["target_vi"] if lang == "vi" else first["target_en"]
            # T11's and M2's English names took three lines at 7,6 points and ran out of their rows
            text, style = fit_in_row(f"{target_id}{NBSP}{NBSP}{name}", name_w - 0.015, 7.6, 6.8)
            ax.text(0.005, y, text, va="center", **style)
            goal = marked_goal(group[group["origin"] != "projection"].iloc[0] if (group["origin"] != "projection").any()
                               else first, lang, compact=True)
            ax.text(name_w + goal_w / 2, y, fit(goal, goal_w, 7.8), ha="center", va="center", fontsize=7.8,
                    linespacing=0.95)
            latest = latest_text(first, lang)
            # the figure a deadline's verdict rests on takes the place of the years met (the reason gives
            # them): "100,0 % (2026)" and "đạt 4 trong 5 năm" beside 2025's "Không đạt" hid the 83,3 % that
            # decided it
            decided_by = deadline_figure_line(group.reset_index(), lang)
            if decided_by or _missing(first["years_met"]):
                latest += decided_by
            else:
                latest += "\n" + years_met_text(first["years_met"], first["years_counted"], lang)
            # wrapped to its column: "≈2.1 % (2025; down 1.1)" ran into the goal beside it; a third line
            # is set smaller, so that the three stay inside the row
            latest, style = fit_in_row(latest, latest_w, 8.0, 7.0)
            ax.text(name_w + goal_w + latest_w / 2, y, latest, ha="center", va="center", **style,
                    fontstyle="italic" if first["latest_illustrative"] else "normal")
            for i, deadline in enumerate(deadlines):
                left = name_w + goal_w + latest_w + i * (block + gap)
                if target_id not in columns[deadline].index:
                    ax.text(left + block / 2, y, "–", ha="center", va="center", fontsize=8, color=COLORS["grey"])
                    continue
                row = columns[deadline].loc[target_id]
                verdict = _dashboard_cell(ax, row, deadline, left, y, need_w, status_w, chance_w, lang,
                                          fit=fit, fit_in_row=fit_in_row)
                if verdict is not None and "\n" in verdict.get_text():
                    two_line_verdicts.append(verdict)
        _air_for_two_lines(figure, ax, two_line_verdicts)
    return figure


VERDICT_SIZE = 9
"""Points of a dashboard verdict: the page's main text, bold on its colour, larger than the rest."""
CELL_HEIGHT = 0.96
"""Height of a verdict's coloured cell, as a share of its row."""
VERDICT_AIR = 1.5
"""Points kept free between a verdict's letters and the top and bottom of its cell."""
TWO_LINE_INK = 2.1
"""Height, in em, of the letters of two bold lines set at a line spacing of 1: the stacked
marks of Vietnamese ("Chuyển") rise above the font's ascent, a dot below ("đạt") sinks under it."""


def _air_for_two_lines(figure: Figure, ax, verdicts: list) -> None:
    """Set two-line verdicts small enough that their letters keep :data:`VERDICT_AIR` inside
    their cells, once the layout has fixed the rows' height."""
    if not verdicts:
        return
    from .style import freeze_layout

    freeze_layout(figure)
    y0, y1 = ax.transData.transform([(0, 0), (0, CELL_HEIGHT)])[:, 1]
    cell = abs(y1 - y0) * 72 / figure.dpi
    size = min(VERDICT_SIZE, math.floor((cell - 2 * VERDICT_AIR) / TWO_LINE_INK * 10) / 10)
    for text in verdicts:
        text.set_fontsize(size)


def _dashboard_cell(ax, row: pd.Series, deadline: int, left: float, y: float, need_w: float, status_w: float,
                    chance_w: float, lang: str, fit, fit_in_row):
    """One deadline of one target: needed a year, the verdict on its colour, the chance.
    Returns the verdict's text (None for a projection only)."""
    if row["origin"] == "projection":
        text = projection_only(row, lang)
        ax.text(left + need_w + status_w / 2, y, text, ha="center", va="center", fontsize=8, color="#555555")
        return None
    # "+2 communes in 5 yrs" took three lines at 7,6 points
    text, style = fit_in_row(needed_text(row, lang, compact=True, per_year=False), need_w, 7.6, 6.8)
    ax.text(left + need_w / 2, y, text, ha="center", va="center", **style)
    color = verdict_color(row)
    ax.add_patch(Rectangle((left + need_w + 0.002, y - CELL_HEIGHT / 2), status_w - 0.004, CELL_HEIGHT, color=color,
                           linewidth=0))
    verdict = ax.text(left + need_w + status_w / 2, y, fit(marked_verdict(row, lang, deadline), status_w - 0.006,
                                                           VERDICT_SIZE, "bold"),
                      ha="center", va="center", fontsize=VERDICT_SIZE, fontweight="bold",
                      color="white" if row["verdict"] in DARK_VERDICTS else "black", linespacing=1.0)
    chance = chance_shown(row, lang)  # with its ‡ when it is a chance of holding
    ax.text(left + need_w + status_w + chance_w / 2, y, chance, ha="center", va="center", fontsize=CHANCE_SIZE)
    return verdict


CHANCE_SIZE = 8
"""Points of a dashboard chance (below a two-line verdict's)."""


# ---------------------------------------------------------------------------------------
# one deadline on a slide


BOARD = (13.0, 6.85)
"""Inches of a deadline's dashboard on a slide: placed at its own size, under the slide's
top margin and above its editable line, so that its 12-point text is 12 points on the screen."""
BOARD_TEXT = 12.0
"""Points of the smallest text of a deadline's dashboard."""
BOARD_TEXT_LEAST = 10.0
"""Points the text of a deadline's dashboard may shrink to when its rows would not fit otherwise."""
BOARD_TITLE = 17.0
BOARD_PAD = 5.0
"""Points between a column's text and its edges."""
BOARD_PITCH = (17.0, 21.0)
"""The least and most points a one-line row of a deadline's dashboard takes."""
BOARD_LINE = 1.17
"""The height of a line of text, in em."""
BOARD_LINE_PITCH = 1.1
"""Em between the baselines of a name's lines."""
BOARD_CAP = 0.73
"""Height of a capital of the charts' font (DejaVu Sans), in em: a line is centred on it."""


def _board_cells(rows: pd.DataFrame, deadline: int, deadlines: tuple[int, ...], lang: str):
    """The rows a deadline's dashboard shows, each as (name, latest, verdict, chance) words, and
    the headings. The latest year most rows share goes in the heading ("Số liệu 2024"); a row
    of another year says its own ("8 (2023)")."""
    shown = column_rows(rows, deadline, deadlines)
    if len(shown):
        shown = pd.DataFrame([at_deadline(row) for _, row in shown.iterrows()], columns=shown.columns)
    years = shown["latest_year"].dropna() if len(shown) else pd.Series(dtype=float)
    # the most rows' year, the latest of a tie: "Số liệu 2026" over 15 rows of 2024 and 2 of 2026 put the
    # year of two in the heading and left fifteen unmarked
    counts = years.astype(int).value_counts()
    common = int(max(counts.index, key=lambda year: (counts[year], year))) if len(counts) else None
    cells = []
    for _, row in shown.iterrows():
        name = row["target_vi"] if lang == "vi" else row["target_en"]
        if row["origin"] == "projection":
            words = projection_only(row, lang)
            chance = "–"
        else:
            words = marked_verdict(row, lang, deadline)
            chance = chance_shown(row, lang)  # with its ‡ when it is a chance of holding
        # in brackets: a year other than the heading's, and a yearly fall's own fall ("3,2 % (2023; giảm 1,7)")
        other_year = not _missing(row["latest_year"]) and row["latest_year"] != common
        latest = latest_value_text(row, lang) + latest_notes(row, lang, year=other_year)
        # a commune held to its own level (T14): the board has no goal column, so § follows the name
        mark = "§" if is_benchmark(row) else ""
        cells.append((f"{row['target_id']}{NBSP}{NBSP}{name}{mark}", latest, words, chance))
    headers = [label(key, lang) for key in ("indicator_col", "latest_col", "status_col", "probability_col")]
    if common is not None:
        headers[1] = label("latest_in_col", lang).format(year=common)
    return shown, cells, headers


def deadline_board(table: pd.DataFrame, deadline: int, lang: str = "vi", area: str = "848",
                   deadlines: tuple[int, ...] = (2025, 2030)) -> Figure:
    """One deadline of the dashboard, for a slide: the rows the dashboard shows in that
    deadline's column (:func:`column_rows`), each with its target, latest value, verdict on its
    colour and chance, in text of :data:`BOARD_TEXT` points (less, down to :data:`BOARD_TEXT_LEAST`,
    only when the rows would not fit otherwise). The columns are as wide as their words; the
    targets' names wrap, the verdicts do not."""
    check_language(lang)
    rows = table[table["area_code"] == area]
    area_name = rows["area_vi" if lang == "vi" else "area_en"].iloc[0] if len(rows) else area
    size = BOARD_TEXT
    with matplotlib.rc_context(RC):
        figure = new_figure(BOARD)
        figure.set_layout_engine("none")
        width, height = BOARD[0] * 72, BOARD[1] * 72
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        margin = 7.0
        room = (width - 2 * margin) * WIDTH_SAFETY
        title = fit_lines(label("board_title", lang).format(deadline=deadline, area=area_name), room, BOARD_TITLE,
                          "bold")
        ax.text(margin, height - margin, "\n".join(title), ha="left", va="top", fontsize=BOARD_TITLE,
                fontweight="bold")
        top = height - margin - len(title) * BOARD_TITLE * BOARD_LINE - 8

        shown, cells, headers = _board_cells(rows, deadline, deadlines, lang)
        # the columns are as wide on every deadline's slide: a presenter flips between them
        every = [_board_cells(rows, other, deadlines, lang) for other in dict.fromkeys((deadline, *deadlines))]

        # the text keeps its size unless the rows would run into the footer (19 targets, six names on two
        # lines beside "≈2,3 % (2025; giảm 0,9)"): then a half point less at a time, never under BOARD_TEXT_LEAST
        for size in (float(points) for points in np.arange(BOARD_TEXT, BOARD_TEXT_LEAST - 0.01, -0.5)):
            least = BOARD_PITCH[0] * size / BOARD_TEXT  # the least pitch of a one-line row, as the text shrinks

            def widest(column: int, weight: str = "normal") -> float:
                texts = [cell[column] for _, others, _ in every for cell in others]
                heads = [text_width(heads[column], size, "bold") for _, _, heads in every]
                return max([text_width(text, size, weight) for text in texts] + heads)

            latest_w = widest(1) + 2 * BOARD_PAD
            status_w = widest(2, "bold") + 2 * BOARD_PAD
            chance_w = widest(3) + 2 * BOARD_PAD
            name_w = width - 2 * margin - latest_w - status_w - chance_w
            names = [fit_lines(cell[0], (name_w - 2 * BOARD_PAD) * WIDTH_SAFETY, size) for cell in cells]

            footer = []
            notes = mark_notes(shown, lang)
            if notes:
                # a line breaks between two notes, never inside one that fits a line ("† chờ số | liệu năm 2025")
                whole = [note.replace(" ", NBSP) if text_width(note, size) < room else note for note in notes]
                footer += fit_lines("\u2003 ".join(whole), room, size)
            footer += _source_lines(shown, lang, room, size, most=1)  # every chart names its sources
            illustrative = bool(shown["illustrative"].any()) if len(shown) else False
            line = size * BOARD_LINE
            footer_h = line * (len(footer) + illustrative) + (6 if footer or illustrative else 0)
            header_h = line + 6

            def tall_row(n_lines: int) -> float:
                """Points of a row of ``n_lines`` lines, :data:`BOARD_LINE_PITCH` apart."""
                return (n_lines - 1) * BOARD_LINE_PITCH * size + line + 2

            tall = [len(lines) for lines in names if len(lines) > 1]
            tall_h = sum(tall_row(n_lines) for n_lines in tall)
            singles = max(len(names) - len(tall), 1)
            available = top - header_h - footer_h - margin - 4  # the footer keeps its distance from the last row
            pitch = min(BOARD_PITCH[1], max(least, (available - tall_h) / singles))
            if tall_h + singles * least <= available:
                break

        def write(x: float, middle: float, lines: list[str], align: str, **style) -> None:
            """``lines`` centred on ``middle`` by their capitals, each on its own baseline: centring
            a text's box would move it with its letters (a dot below, a mark above)."""
            for i, text in enumerate(lines):
                baseline = middle + ((len(lines) - 1) / 2 - i) * BOARD_LINE_PITCH * size - BOARD_CAP * size / 2
                ax.text(x, baseline, text, ha=align, va="baseline", fontsize=size, linespacing=1.0, **style)

        left = margin
        x_name, x_latest = left, left + name_w
        x_status, x_chance = x_latest + latest_w, x_latest + latest_w + status_w
        header_y = top - header_h / 2
        for text, x, w, align in zip(headers, (x_name, x_latest, x_status, x_chance),
                                     (name_w, latest_w, status_w, chance_w), ("left", "center", "center", "center")):
            write(x + BOARD_PAD if align == "left" else x + w / 2, header_y, [text], align, fontweight="bold")
        ax.add_patch(Rectangle((left, top - header_h), width - 2 * margin, 1.0, color="#333333", linewidth=0))
        y = top - header_h - 2
        for r, ((_, row), (_, latest, words, chance), lines) in enumerate(zip(shown.iterrows(), cells, names)):
            row_h = tall_row(len(lines)) if len(lines) > 1 else pitch
            middle = y - row_h / 2
            if r % 2 == 0:
                ax.add_patch(Rectangle((left, y - row_h), width - 2 * margin, row_h, color="#F3F3F3", linewidth=0))
            write(x_name + BOARD_PAD, middle, lines, "left")
            write(x_latest + latest_w / 2, middle, [latest], "center",
                  fontstyle="italic" if row["latest_illustrative"] else "normal")
            if row["origin"] == "projection":
                write(x_status + status_w / 2, middle, [words], "center", color="#555555")
            else:
                color = verdict_color(row)
                ax.add_patch(Rectangle((x_status + 1, y - row_h + 0.5), status_w - 2, row_h - 1, color=color,
                                       linewidth=0))
                write(x_status + status_w / 2, middle, [words], "center", fontweight="bold",
                      color="white" if row["verdict"] in DARK_VERDICTS else "black")
            write(x_chance + chance_w / 2, middle, [chance], "center")
            y -= row_h
        if footer:
            ax.text(margin, margin + line * illustrative + 4, "\n".join(footer), ha="left", va="bottom", fontsize=size,
                    color="#404040", linespacing=1.0)
        if illustrative:
            ax.text(margin, margin, label("illustrative_banner_rows", lang), ha="left", va="bottom", fontsize=size,
                    fontweight="bold", color=COLORS["vermillion"])
    return figure
