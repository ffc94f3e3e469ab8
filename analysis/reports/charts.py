"""Meeting charts: a fan chart per target and area, small multiples by commune, a dashboard.

Each chart must be understood in ten seconds by someone who has never seen the workbench:
the title says what and where, the subtitle says the verdict, the legend says what each mark
is, and the footer says where the numbers come from — and, when any of them are made up, says
so in red: "MINH HỌA / ILLUSTRATIVE".

All functions return a :class:`matplotlib.figure.Figure` of a fixed size (see
:mod:`analysis.style`); nothing is drawn on pyplot's global state.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..assessment import TargetSeries, status_label
from ..data.catalogue import load_standards, load_units
from .style import A4_LANDSCAPE, COLORS, RC, SLIDE, STATUS_COLORS, new_figure
from ..text import check_language, label, register_labels

__all__ = ["fan_chart", "small_multiples", "dashboard", "fmt_number", "target_text", "needed_text"]

register_labels({
    "observed": ("Số liệu thực tế", "Observed"),
    "observed_illustrative": ("Số liệu minh họa", "Illustrative data"),
    "earlier_standard": ("Chuẩn cũ (không dùng để dự báo)", "Earlier standard (not used)"),
    "median": ("Dự báo (trung vị)", "Projection (median)"),
    "band80": ("Khoảng dự báo 80%", "80 % interval"),
    "band95": ("Khoảng dự báo 95%", "95 % interval"),
    "target": ("Mục tiêu", "Target"),
    "needed_path": ("Lộ trình cần đạt", "Path needed"),
    "source": ("Nguồn", "Source"),
    "illustrative_banner": ("MINH HỌA / ILLUSTRATIVE — số liệu minh họa, không phải số liệu thật",
                            "ILLUSTRATIVE / MINH HỌA — made-up data, not real figures"),
    "chance": ("khả năng đạt", "chance"),
    "pace_since": ("tốc độ từ", "pace since"),
    "projection_word": ("dự báo", "projection"),
    "small_multiples_title": ("theo xã — tình trạng năm", "by commune — status for"),
    "dashboard_source": ("Nguồn: số liệu công bố (data/observations/published.csv; nguồn và trích dẫn từng số "
                         "liệu trong tệp) và số liệu do các cơ quan gửi", "Sources: published figures "
                         "(data/observations/published.csv, with each figure's source and quote) and office returns"),
    "met_word": ("Đạt", "Met"),
    "not_met_word": ("Chưa đạt", "Not met"),
    "no_projection": ("chưa đủ số liệu để dự báo", "too little data to project"),
    "indicator_col": ("Chỉ tiêu", "Target"),
    "target_col": ("Mục tiêu", "Goal"),
    "latest_col": ("Hiện nay", "Latest"),
    "needed_col": ("Cần mỗi năm", "Needed a year"),
    "status_col": ("Tình trạng", "Status"),
    "probability_col": ("Khả năng đạt", "Chance"),
    "dashboard_title": ("Tiến độ thực hiện các chỉ tiêu Kế hoạch 20/KH-UBND — huyện Cầu Ngang",
                        "Progress on the targets of Plan 20/KH-UBND — Cầu Ngang district"),
    "dashboard_method": ("Tình trạng: tỷ số tốc độ tăng trưởng (Eurostat) — ngưỡng 0,95 / 0,60 / 0. "
                         "Khả năng đạt: từ dự báo đã hiệu chỉnh (≥80% nhiều khả năng, 50–80% có thể, "
                         "20–50% khó, <20% rất khó).",
                         "Status: growth-rate ratio (Eurostat), thresholds 0.95 / 0.60 / 0. Chance: from "
                         "the calibrated projection (≥80 % likely, 50–80 % possible, 20–50 % unlikely, "
                         "<20 % very unlikely)."),
    "assumption_mark": ("* giá trị 2030 là giả định (kế hoạch chỉ đặt mục tiêu 2025)",
                        "* 2030 value is an assumption (the plan sets the target for 2025 only)"),
    "district_panel": ("Toàn huyện", "District"),
    "points_per_year": ("điểm %/năm", "pts/yr"),
    "per_year": ("/năm", "/yr"),
    "by": ("đến", "by"),
    "year_reached": ("đạt năm", "reached"),
})


# ---------------------------------------------------------------------------------------
# words and numbers


def fmt_number(value: float, lang: str = "vi", decimals: int = 1, sign: bool = False) -> str:
    """A number written the way a reader of ``lang`` expects.

    >>> fmt_number(1234.5, "vi"), fmt_number(1234.5, "en"), fmt_number(-0.83, "vi", 2, sign=True)
    ('1.234,5', '1,234.5', '−0,83')
    >>> fmt_number(float("nan"))
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{abs(value):,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if value < 0 and float(text.replace(".", "").replace(",", "")) != 0:
        return "−" + text
    return ("+" + text) if sign and value > 0 else text


def _decimals(unit: str) -> int:
    return 1 if unit in ("percent", "percentage_points", "percent_change", "million_vnd") else 0


def _unit_word(unit: str, lang: str) -> str:
    return load_units().at[unit, lang]


def _value_text(value: float, unit: str, lang: str, compact: bool = False, exact: bool = False) -> str:
    """A value with its unit: "19,9%", "1.120 lao động"; ``compact`` drops count units,
    ``exact`` shows a whole number without decimals (targets: "≥ 95%", "> 99,7%")."""
    decimals = 0 if exact and float(value).is_integer() else _decimals(unit)
    number = fmt_number(value, lang, decimals)
    if unit == "percent":
        return f"{number}%"
    if unit == "flag":
        return label("met_word" if value >= 1 else "not_met_word", lang)
    return number if compact else f"{number} {_unit_word(unit, lang)}"


def target_text(row: pd.Series, lang: str = "vi", compact: bool = False) -> str:
    """The target as a planner would say it, e.g. "≥ 95%", "> 80%", "−3 đến −4 điểm %/năm".

    >>> target_text(pd.Series({"kind": "above", "target_value": 80.0, "unit": "percent"}))
    '> 80%'
    >>> target_text(pd.Series({"kind": "yearly_flow", "target_low": 1000.0, "target_high": 1500.0,
    ...                        "unit": "workers"}), "en")
    '1,000–1,500 workers/yr'
    """
    kind, unit = row["kind"], row["unit"]
    if kind == "yearly_reduction":
        low, high = fmt_number(row["target_low"], lang, 0), fmt_number(row["target_high"], lang, 0)
        if row.get("reading", "points") == "relative":
            return f"−{low}–{high}%{label('per_year', lang)}"
        return f"−{low}–{high} {label('points_per_year', lang)}"
    if kind == "yearly_flow":
        low, high = fmt_number(row["target_low"], lang, 0), fmt_number(row["target_high"], lang, 0)
        words = "" if compact else f" {_unit_word(unit, lang)}"
        return f"{low}–{high}{words}{label('per_year', lang)}"
    symbol = {"at_least": "≥", "share_of_total": "≥", "above": ">", "at_most": "≤", "count_to_zero": "≤"}[kind]
    if kind == "count_to_zero":
        return f"0 {_unit_word(unit, lang)}"
    if unit == "flag":
        return label("met_word", lang)
    return f"{symbol} {_value_text(row['target_value'], unit, lang, compact, exact=True)}"


def needed_text(row: pd.Series, lang: str = "vi", compact: bool = False) -> str:
    """The yearly change needed from now, e.g. "+2,3 điểm %/năm" or "820 lao động/năm".

    >>> needed_text(pd.Series({"kind": "at_least", "unit": "percent", "needed_points_per_year": 2.28,
    ...                        "status": "moderate"}))
    '+2,3 điểm %/năm'
    """
    if row["status"] in ("achieved", "missed", "no_data") or _missing(row["needed_points_per_year"]):
        return "–"
    unit, value = row["unit"], row["needed_points_per_year"]
    if row["kind"] == "yearly_flow":
        words = "" if compact else f" {_unit_word(unit, lang)}"
        return f"{fmt_number(value, lang, 0)}{words}{label('per_year', lang)}"
    if unit == "percent":
        return f"{fmt_number(value, lang, 1, sign=True)} {label('points_per_year', lang)}"
    return f"{fmt_number(value, lang, _decimals(unit), sign=True)} {_unit_word(unit, lang)}{label('per_year', lang)}"


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _verdict(row: pd.Series, lang: str) -> str:
    """"2025 — pace since 2021: on track; projection: 83 % chance (likely)"."""
    status = status_label(row["status"], lang)
    if row["status"] in ("on_track", "moderate", "insufficient", "moving_away") and not _missing(row["base_year"]):
        status = f"{label('pace_since', lang)} {row['base_year']}: {status.lower()}"
    text = f"{row['deadline']} — {status}"
    if not _missing(row["probability"]) and row["status"] not in ("achieved", "missed"):
        chance = fmt_number(100 * row["probability"], lang, 0)
        words = status_label(row["probability_words"], lang).lower()
        text += f"; {label('projection_word', lang)}: {label('chance', lang)} {chance}% ({words})"
    return text


def _source_line(rows: pd.DataFrame, lang: str) -> str:
    parts = {part.strip() for text in rows["sources"] for part in str(text).split("|") if part.strip()}
    joined = "; ".join(sorted(parts))
    return f"{label('source', lang)}: " + textwrap.shorten(joined, width=200, placeholder=" …")


def _footer(figure: Figure, rows: pd.DataFrame, lang: str, method: str = "", source: str = "") -> None:
    """Source (and method) lines at the bottom; for illustrative data, a red line under them."""
    lines = [source or _source_line(rows, lang)]
    if method:
        lines.append(textwrap.shorten(method, width=200, placeholder=" …"))
    illustrative = bool(rows["illustrative"].any())
    figure.text(0.01, 0.035 if illustrative else 0.008, "\n".join(lines), ha="left", va="bottom", fontsize=8.5,
                color="#595959")
    if illustrative:
        figure.text(0.01, 0.006, label("illustrative_banner", lang), ha="left", va="bottom", fontsize=11,
                    fontweight="bold", color=COLORS["vermillion"])


def _watermark(ax, lang: str, size: float = 64) -> None:
    """A faint "MINH HỌA" across a plot of illustrative data (the footer says why)."""
    ax.text(0.5, 0.5, "MINH HỌA" if lang == "vi" else "ILLUSTRATIVE", transform=ax.transAxes, ha="center",
            va="center", fontsize=size, color=COLORS["vermillion"], alpha=0.07, rotation=18, fontweight="bold",
            zorder=0)


def _standard_name(standard: str, lang: str) -> str:
    standards = load_standards()
    match = standards[standards["standard"] == standard]
    return match[lang].iloc[0] if len(match) else standard


# ---------------------------------------------------------------------------------------
# fan chart


def fan_chart(rows: pd.DataFrame, data: TargetSeries, lang: str = "vi", scenario: pd.Series | None = None) -> Figure:
    """Fan chart of one target in one area, on a 16:9 slide.

    ``rows`` are the :func:`analysis.assess` rows of the target and area (one per deadline);
    ``data`` the :class:`~analysis.assessment.TargetSeries` behind them; ``scenario`` an
    optional what-if path (year → value) drawn as a dotted line.
    """
    check_language(lang)
    rows = rows.sort_values("deadline")
    first = rows.iloc[0]
    unit = first["unit"]
    with matplotlib.rc_context(RC):
        figure = new_figure(SLIDE)
        figure.get_layout_engine().set(rect=(0, 0.085, 1, 0.90))
        ax = figure.add_subplot()
        _draw_fan(ax, rows, data, lang, detailed=True)
        if scenario is not None:
            ax.plot(scenario.index, scenario.to_numpy(), linestyle=":", linewidth=2.5, color=COLORS["purple"],
                    label=label("scenario", lang), zorder=4)
        name = first["target_vi"] if lang == "vi" else first["target_en"]
        area = first["area_vi"] if lang == "vi" else first["area_en"]
        figure.suptitle(textwrap.fill(f"{name} — {area}", 95), x=0.01, ha="left", fontsize=17, fontweight="bold")
        ax.set_title("\n".join(_verdict(r, lang) for _, r in rows.iterrows()), loc="left", fontsize=12.5,
                     fontweight="normal", color="#333333")
        ax.set_ylabel(_unit_word(unit, lang) if unit != "percent" else "%")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=11)
        if rows["illustrative"].any():
            _watermark(ax, lang)
        method = ""
        if data.projection is not None:
            method = data.projection.attrs["method_vi" if lang == "vi" else "method"]
        _footer(figure, rows, lang, method=label("projection_word", lang).capitalize() + ": " + method)
    return figure


def _draw_fan(ax, rows: pd.DataFrame, data: TargetSeries, lang: str, detailed: bool) -> None:
    """Observed points, bands, median, targets and the path needed (small panels: only the
    points used, and the 80 % band)."""
    frame = data.series.frame
    used = data.used
    earlier = frame.loc[~frame.index.isin(used.index)] if detailed else frame.iloc[0:0]
    projection = data.projection
    last_deadline = int(rows["deadline"].max())
    if len(earlier):
        ax.plot(earlier.index, earlier["value"], "o", color=COLORS["grey"], markersize=6, alpha=0.7,
                label=label("earlier_standard", lang))
    if data.break_year is not None and detailed:
        ax.axvline(data.break_year - 0.5, color=COLORS["grey"], linestyle=":", linewidth=1.2)
        ax.annotate(_standard_name(data.standard, lang), (data.break_year - 0.4, 1.0),
                    xycoords=("data", "axes fraction"), va="top", fontsize=10, color=COLORS["grey"])
    if projection is not None and projection["median"].notna().any():
        shown = projection.loc[projection.index <= last_deadline]
        years = np.r_[used.index[-1], shown.index]
        def joined(column):
            return np.r_[used["value"].iloc[-1], shown[column]]
        if detailed:
            ax.fill_between(years, joined("lo_95"), joined("hi_95"), color=COLORS["blue"], alpha=0.13,
                            linewidth=0, label=label("band95", lang))
        ax.fill_between(years, joined("lo_80"), joined("hi_80"), color=COLORS["blue"], alpha=0.28, linewidth=0,
                        label=label("band80", lang))
        ax.plot(years, joined("median"), color=COLORS["blue"], linewidth=2.4, label=label("median", lang))
    real = used[~used["illustrative"]]
    made_up = used[used["illustrative"]]
    # observed points are drawn above the target marks, which may sit on the same spot
    ax.plot(real.index, real["value"], "o", color=COLORS["black"], markersize=8 if detailed else 5,
            label=label("observed", lang) if len(real) else None, zorder=6)
    ax.plot(made_up.index, made_up["value"], "o", markerfacecolor="white", markeredgecolor=COLORS["black"],
            markeredgewidth=1.5, markersize=8 if detailed else 5,
            label=label("observed_illustrative", lang) if len(made_up) else None, zorder=6)
    for _, row in rows.iterrows():
        if _missing(row["target_value"]):
            continue
        deadline, level = int(row["deadline"]), float(row["target_value"])
        ax.plot([deadline], [level], "D", color=COLORS["vermillion"], markersize=10 if detailed else 6,
                label=label("target", lang) if deadline == int(rows["deadline"].min()) else None, zorder=5)
        if row["kind"] == "yearly_reduction" and not _missing(row["target_value_other_end"]):
            ax.plot([deadline, deadline], [row["target_value_other_end"], level], color=COLORS["vermillion"],
                    linewidth=3)
        if detailed:
            star = "*" if row["origin"] == "assumption" else ""
            ax.annotate(f"{label('target', lang)} {deadline}{star}: {_target_label(row, lang)}", (deadline, level),
                        textcoords="offset points", xytext=(-8, 10), ha="right", fontsize=11,
                        color=COLORS["vermillion"], fontweight="bold")
        if not _missing(row["latest_value"]) and deadline > row["latest_year"] and row["status"] != "achieved":
            ax.plot([row["latest_year"], deadline], [row["latest_value"], level], linestyle="--",
                    color=COLORS["vermillion"], linewidth=1.5,
                    label=label("needed_path", lang) if deadline == int(rows["deadline"].min()) else None)
    _limits(ax, rows, data, last_deadline, lang, detailed)


def _target_label(row: pd.Series, lang: str) -> str:
    if row["kind"] in ("yearly_reduction",):
        return _value_text(row["target_value"], row["unit"], lang)
    if row["kind"] == "yearly_flow":
        return f"{fmt_number(row['target_value'], lang, 0)}{label('per_year', lang)}"
    return target_text(row, lang)


def _limits(ax, rows, data: TargetSeries, last_deadline: int, lang: str, detailed: bool = True) -> None:
    frame = data.series.frame if detailed else data.used
    values = list(frame["value"]) + [v for v in rows["target_value"] if not _missing(v)]
    projection = data.projection
    if projection is not None:
        bands = ["lo_95", "hi_95"] if detailed else ["lo_80", "hi_80"]
        shown = projection.loc[projection.index <= last_deadline, bands].to_numpy().ravel()
        values += [v for v in shown if not math.isnan(v)]
    low, high = min(values), max(values)
    pad = 0.08 * (high - low) if high > low else max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    unit = rows.iloc[0]["unit"]
    if unit == "percent":
        low, high = max(low, 0.0), min(high, 100.0 + pad / 2)
    elif unit not in ("percentage_points", "percent_change"):
        low = max(low, 0.0)
    if unit == "flag":
        # a met / not-met indicator: two named levels, not a scale
        low, high = -0.25, 1.35
        ax.set_yticks([0, 1], [label("not_met_word", lang), label("met_word", lang)])
    ax.set_ylim(low, high)
    start = int(frame.index.min()) if len(frame) else last_deadline - 10
    ax.set_xlim(min(start, last_deadline - 4) - 0.5, last_deadline + 0.8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


# ---------------------------------------------------------------------------------------
# small multiples


def small_multiples(rows: pd.DataFrame, data: dict[str, TargetSeries], lang: str = "vi",
                    deadline: int = 2025) -> Figure:
    """One target, district and every commune side by side (4 × 4 panels on a 16:9 slide).

    ``rows`` are the assess rows of the target (all areas, all deadlines); ``data`` maps area
    code to its :class:`~analysis.assessment.TargetSeries`.
    """
    check_language(lang)
    codes = list(dict.fromkeys(rows.sort_values(["area_kind", "area_code"], key=_district_first)["area_code"]))
    with matplotlib.rc_context({**RC, "axes.titlesize": 11, "xtick.labelsize": 8, "ytick.labelsize": 8}):
        figure = new_figure(SLIDE)
        figure.get_layout_engine().set(rect=(0, 0.10, 1, 0.90), h_pad=0.02, w_pad=0.02)
        axes = figure.subplots(4, 4, sharex=True, sharey=True).ravel()
        limits = []
        for ax, code in zip(axes, codes):
            area_rows = rows[rows["area_code"] == code].sort_values("deadline")
            _draw_fan(ax, area_rows, data[code], lang, detailed=False)
            limits.append(ax.get_ylim())
            row = area_rows[area_rows["deadline"] == deadline].iloc[0] if (area_rows["deadline"] == deadline).any() \
                else area_rows.iloc[0]
            name = row["area_vi"] if lang == "vi" else row["area_en"]
            if row["area_kind"] == "district":
                name = label("district_panel", lang)
            ax.set_title(name, loc="left", fontweight="bold")
            color = STATUS_COLORS.get(row["status"], COLORS["light_grey"])
            ax.add_patch(Rectangle((0.0, 1.0), 1.0, 0.035, transform=ax.transAxes, color=color, clip_on=False))
            ax.text(0.99, 0.97, status_label(row["status"], lang), transform=ax.transAxes, ha="right", va="top",
                    fontsize=8, color="#333333")
            if row["illustrative"]:
                _watermark(ax, lang, size=20)
        for ax in axes[len(codes):]:
            ax.set_visible(False)
        # the panels share one scale: the union of what each needs
        axes[0].set_ylim(min(low for low, _ in limits), max(high for _, high in limits))
        first = rows.iloc[0]
        name = first["target_vi"] if lang == "vi" else first["target_en"]
        figure.suptitle(textwrap.fill(f"{name} — {label('small_multiples_title', lang)} {deadline}", 100), x=0.01,
                        ha="left", fontsize=16, fontweight="bold")
        handles = [
            Line2D([], [], marker="o", color=COLORS["black"], linestyle="", label=label("observed", lang)),
            Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor=COLORS["black"], linestyle="",
                   label=label("observed_illustrative", lang)),
            Line2D([], [], color=COLORS["blue"], linewidth=2, label=label("median", lang)),
            Patch(color=COLORS["blue"], alpha=0.28, label=label("band80", lang)),
            Line2D([], [], marker="D", color=COLORS["vermillion"], linestyle="", label=label("target", lang)),
        ]
        figure.legend(handles=handles, loc="lower right", bbox_to_anchor=(0.995, 0.055), ncols=5, fontsize=9)
        _footer(figure, rows, lang)
    return figure


def _district_first(column: pd.Series) -> pd.Series:
    if column.name == "area_kind":
        return column.map(lambda kind: 0 if kind == "district" else 1)
    return column


# ---------------------------------------------------------------------------------------
# dashboard


def dashboard(table: pd.DataFrame, lang: str = "vi", size: tuple[float, float] = A4_LANDSCAPE,
              deadlines: tuple[int, ...] = (2025, 2030), area: str = "848") -> Figure:
    """One page: every target of ``area`` × deadline as a traffic-light table.

    Each status cell carries its words as well as its colour. Targets whose only deadline is
    earlier (the 2022 milestones) show that deadline's verdict in the first block.
    """
    check_language(lang)
    rows = table[table["area_code"] == area]
    order = list(dict.fromkeys(rows["target_id"]))
    name_w, goal_w, latest_w = 0.31, 0.085, 0.105
    block = (1.0 - name_w - goal_w - latest_w) / len(deadlines)
    need_w, status_w = block * 0.40, block * 0.39
    chance_w = block - need_w - status_w
    n = len(order)
    with matplotlib.rc_context(RC):
        figure = new_figure(size)
        figure.get_layout_engine().set(rect=(0.0, 0.085, 1.0, 0.86))
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(n + 1.0, -0.9)
        header = 0.45
        cells = [("indicator_col", 0.0, name_w, "left"), ("target_col", name_w, goal_w, "center"),
                 ("latest_col", name_w + goal_w, latest_w, "center")]
        for i, deadline in enumerate(deadlines):
            left = name_w + goal_w + latest_w + i * block
            ax.text(left + block / 2, -0.55, str(deadline), ha="center", va="center", fontsize=12, fontweight="bold")
            ax.plot([left + 0.006, left + block - 0.006], [-0.2, -0.2], color="#333333", linewidth=1)
            cells += [("needed_col", left, need_w, "center"), ("status_col", left + need_w, status_w, "center"),
                      ("probability_col", left + need_w + status_w, chance_w, "center")]
        for key, left, width, align in cells:
            x = left + 0.005 if align == "left" else left + width / 2
            ax.text(x, header, textwrap.fill(label(key, lang), 9 if key == "probability_col" else 14), ha=align,
                    va="center", fontsize=8.5, fontweight="bold", linespacing=0.95)
        for r, target_id in enumerate(order):
            y = 1.5 + r
            group = rows[rows["target_id"] == target_id].set_index("deadline")
            first = group.iloc[0]
            if r % 2 == 0:
                ax.add_patch(Rectangle((0, y - 0.5), 1, 1, color="#F3F3F3", linewidth=0))
            name = first["target_vi"] if lang == "vi" else first["target_en"]
            ax.text(0.005, y, textwrap.shorten(f"{target_id}  {name}", 58, placeholder="…"), va="center", fontsize=8)
            ax.text(name_w + goal_w / 2, y, target_text(first, lang, compact=True), ha="center", va="center",
                    fontsize=8)
            latest = "–" if _missing(first["latest_value"]) else \
                f"{_value_text(first['latest_value'], first['unit'], lang, compact=True)} ({first['latest_year']})"
            ax.text(name_w + goal_w + latest_w / 2, y, latest, ha="center", va="center", fontsize=8)
            shown = [d for d in deadlines if d in group.index] or [int(group.index.min())]
            for i, deadline in enumerate(deadlines):
                left = name_w + goal_w + latest_w + i * block
                own = deadline if deadline in group.index else (shown[0] if i == 0 and shown[0] not in deadlines
                                                                else None)
                if own is None:
                    ax.text(left + block / 2, y, "–", ha="center", va="center", fontsize=8, color=COLORS["grey"])
                    continue
                row = group.loc[own]
                star = "*" if row["origin"] == "assumption" else ""
                words = status_label(row["status"], lang) + star
                if own != deadline:
                    words = f"{words} ({own})"
                ax.text(left + need_w / 2, y, needed_text(row, lang, compact=True), ha="center", va="center",
                        fontsize=7.5)
                color = STATUS_COLORS.get(row["status"], COLORS["light_grey"])
                ax.add_patch(Rectangle((left + need_w + 0.002, y - 0.42), status_w - 0.004, 0.84, color=color,
                                       linewidth=0))
                dark = row["status"] in ("achieved", "on_track", "moving_away", "missed")
                ax.text(left + need_w + status_w / 2, y, textwrap.fill(words, 19), ha="center", va="center",
                        fontsize=6.6, color="white" if dark else "black", linespacing=0.9)
                chance = "–" if _missing(row["probability"]) else f"{fmt_number(100 * row['probability'], lang, 0)}%"
                ax.text(left + need_w + status_w + chance_w / 2, y, chance, ha="center", va="center", fontsize=8)
        figure.suptitle(label("dashboard_title", lang), x=0.01, ha="left", fontsize=15, fontweight="bold")
        notes = label("dashboard_method", lang) + "  " + label("assumption_mark", lang)
        figure.text(0.01, 0.085, textwrap.fill(notes, 190), fontsize=7.5, color="#333333", va="top")
        _footer(figure, rows, lang, source=label("dashboard_source", lang))
    return figure
