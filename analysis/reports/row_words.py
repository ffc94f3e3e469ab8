"""What every output writes of an assessed row: its verdict line, its marks and their notes,
its latest figure, its sources.

The dashboard, the deadline boards, the fan charts, the summary table, the slides and the index
page show the same row; they take its words from here, so that a verdict, its mark (* an
assumed target, † judged while the deadline's figure is awaited, ‡ a level met to be held, §
a commune's own benchmark) and its note never differ between two outputs.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from ..assessment import status_label
from ..assessment.met import meets
from ..data.reform import merged_into, part_inside, short_date
from ..data.series import AGGREGATED_SOURCE
from ..text import label, register_labels
from ..words import (chance_text, communes_met, deadline_figure_in, decimals_against, fmt_number, is_benchmark,
                     is_holding, is_missing as _missing, latest_decimals, latest_notes, target_text, threshold_phrase,
                     value_text)

__all__ = ["DARK_VERDICTS", "verdict_line", "decided", "has_chance", "judged_awaiting", "source_parts", "merged_sums",
           "column_rows", "marked_verdict", "marked_goal", "mark_notes", "merged_note", "part_note"]

register_labels({
    # the 2022 milestones (M1, M2) counted among "2 chỉ tiêu đã đạt" read as two targets of 2025 met
    "milestones_note": (" (tính cả {n} mốc năm {years})", " (including {n} milestone{s} of {years})"),
    # the plan sets T14 for the district only: what a commune's panel draws is the workbench's benchmark
    "part_note": ("Trước năm {year} (≈): số liệu của {old} cũ, chưa gồm {outside}.",
                  "Before {year} (≈): figures of former {old} only, without {outside}."),
    # true of a rate under 3 % and of one at 4–6 % in 2023 alike: "còn ít hơn mức giảm 3 điểm" was not
    "zero_reading_note": ("Mục tiêu 0 %: giảm {low} điểm %/năm thì đến năm {deadline} tỷ lệ về 0 %, nên cần giảm hết "
                          "phần còn lại (cách đọc của công cụ; kế hoạch đặt mức giảm {low}–{high} điểm %/năm)",
                          "Target 0 %: at {low} points a year the rate reaches 0 % by {deadline}, so what is left "
                          "needs to go (the workbench's reading; the plan sets a fall of {low}–{high} points a year)"),
    "chance": ("khả năng đạt", "chance"),
    "chance_to_hold": ("khả năng giữ được", "chance of holding it"),
    "threshold_mark": ("Tính là đạt: {pairs}", "Counted as met: {pairs}"),
    # why the met level is not the figure written: 100 % is written to a whole percent; "cơ bản
    # không còn" (basically none left) is a reading of the plan's words, not a rounding
    "threshold_reason_rounding": (" (làm tròn theo độ chính xác kế hoạch ghi)",
                                  " (rounded to the precision the plan writes)"),
    "threshold_reason_reading": (" (cách hiểu lời văn kế hoạch)", " (a reading of the plan's words)"),
    "threshold_reason_units": ("", ""),  # "(8/13 xã)" says it: a share of 13 communes is counted in whole communes
    # a no-break space keeps the count with its figure: a footer broke "≥ 58.3 %" / "(4/6 communes)"
    "threshold_pair_units": ("{target} khi {phrase}\u00a0({k}/{n}\u00a0xã)",
                             "{target} at {phrase}\u00a0({k}/{n}\u00a0communes)"),
    # a deadline after the 2025 reform: what the level means on the new communes ("8/13 xã" for 2030 named a
    # count that year cannot have)
    "threshold_pair_later": ("{target} khi {phrase}\u00a0({k}/{n}\u00a0xã)",
                             "{target} at {phrase}\u00a0({k}/{n}\u00a0communes)"),
    # the line the figures before the reform were judged on (15 units), beside the new communes' own
    "threshold_pair_before": ("{target} khi {phrase}\u00a0({k}/{n}\u00a0xã; đến năm {year}: {before}, "
                              "{k_before}/{n_before}\u00a0xã)",
                              "{target} at {phrase}\u00a0({k}/{n}\u00a0communes; up to {year}: {before}, "
                              "{k_before}/{n_before}\u00a0communes)"),
    "threshold_mark_needed": ("; cột cần mỗi năm tính tới mức đó", "; the yearly need is measured to that level"),
    "threshold_pair": ("{target} khi {phrase}", "{target} at {phrase}"),
    "threshold_pair_areas": ("{pair} ở {areas}", "{pair} in {areas}"),
    "holding_mark": ("‡ số liệu mới nhất đã đạt: khả năng giữ được đến năm hạn",
                     "‡ latest figure met: the chance of holding it to the deadline"),
    "holding_at_risk": (" (năm hạn chưa qua, dưới 50 %: \"Khó giữ mức đã đạt\")",
                        " (deadline year not yet over, under 50 %: \"hard to hold the level met\")"),
    "projection_only_line": ("{deadline} — kế hoạch không đặt chỉ tiêu; dự báo {median} (80 %: {low}–{high})",
                             "{deadline} — no target in the plan; projected {median} (80 %: {low}–{high})"),
    "deadline_figure_line": ("năm {deadline}: {value}", "{deadline}: {value}"),
    "benchmark_mark": ("§ mức so sánh của xã (cách đọc của công cụ): Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện",
                       "§ the commune's benchmark (the workbench's reading): the plan sets this target for the whole "
                       "district only"),
    "benchmark_assumption_mark": ("* mức so sánh năm 2030 là giả định: giữ như năm 2025",
                                  "* the 2030 benchmark is an assumption: the 2025 one held"),
    "assumption_mark": ("* mục tiêu 2030 là giả định (kế hoạch chỉ đặt mục tiêu đến 2025)",
                        "* the 2030 target is an assumption (the plan sets the target to 2025 only)"),
    "awaiting_mark": ("† chờ số liệu năm {year}: đánh giá theo khả năng đạt",
                      "† awaiting the {year} figure: judged by its chance"),
    "short_achieved": ("Đã đạt", "Achieved"),
    "short_hold": ("giữ", "hold"),
    "short_on_track": ("Đúng tiến độ", "On track"),
    "short_likely_met": ("Ước đạt", "Likely met"),
    "short_in_doubt": ("Khó đạt", "In doubt"),
    "short_likely_missed": ("Ước không đạt", "Likely missed"),
    "short_met_at_risk": ("Khó giữ mức đạt", "Hard to hold"),
    "short_needs_acceleration": ("Cần đẩy nhanh", "Speed up"),
    "short_slowing": ("Dự báo chậm lại", "Slowing"),
    # an old commune's chart stops at 2025: a planner looking for its 2030 is sent to the new commune
    "merged_note": ("Từ {date}, {old} là một phần của {new} (mới): mục tiêu năm 2030 được đánh giá cho xã mới.",
                    "From {date} {old} is part of the new {new} commune: the 2030 targets are assessed for the new "
                    "commune."),
    "short_off_track": ("Chậm, khó đạt", "Slow progress"),
    "short_moving_away": ("Xa dần mục tiêu", "Moving away"),
    "short_deadline_missed": ("Không đạt", "Not met"),
    "short_too_little_data": ("Chưa đủ số liệu", "Too little data"),
    "short_no_data": ("Không có số liệu", "No data"),
    "short_": ("Chỉ dự báo", "Projection only"),
    "projected_level": ("Chỉ dự báo, mức {value}", "Projection only, level {value}"),
    "too_few_to_project": ("chưa đủ số liệu", "too few figures"),
    "projection_only_bare_line": ("{deadline} — kế hoạch không đặt chỉ tiêu; chưa đủ số liệu để dự báo",
                                  "{deadline} — no target in the plan; too few figures to project"),
})

DARK_VERDICTS = ("achieved", "likely_met", "on_track", "moving_away", "deadline_missed", "missed")
"""Verdicts whose colour is dark enough for white text."""




def projection_only(row: pd.Series, lang: str) -> str:
    """A deadline the plan sets no target for, in a table cell: "Chỉ dự báo, mức 0,3 %" — "Chỉ dự
    báo: 0,3 %" beside the chance column read as a chance of 0,3 %.

    >>> projection_only(pd.Series({"projected_median": 0.31, "unit": "percent"}), "vi")
    'Chỉ dự báo, mức 0,3 %'
    >>> projection_only(pd.Series({"projected_median": 0.31, "unit": "percent"}), "en")
    'Projection only, level 0.3 %'
    >>> projection_only(pd.Series({"projected_median": float("nan"), "unit": "percent"}), "vi")
    'Chỉ dự báo: chưa đủ số liệu'
    """
    if _missing(row["projected_median"]):
        return label("short_", lang) + ": " + label("too_few_to_project", lang)
    return label("projected_level", lang).format(value=value_text(row["projected_median"], row["unit"], lang))


def verdict_line(row: pd.Series, lang: str) -> str:
    """The subtitle line of one deadline: "2025 — Chuyển biến chậm, khó đạt · khả năng đạt 12 % · chờ số liệu năm 2025"."""
    if row["origin"] == "projection" and _missing(row["projected_median"]):
        return label("projection_only_bare_line", lang).format(deadline=row["deadline"])
    if row["origin"] == "projection":
        return label("projection_only_line", lang).format(
            deadline=row["deadline"], median=value_text(row["projected_median"], row["unit"], lang),
            low=value_text(row["projected_lo_80"], row["unit"], lang),
            high=value_text(row["projected_hi_80"], row["unit"], lang))
    parts = [f"{row['deadline']} — {status_label(row['verdict'], lang)}"]
    if not _missing(row["years_met"]):
        parts[0] += f" ({label('years_met', lang).format(met=row['years_met'], counted=row['years_counted'])})"
    if has_chance(row):
        words = label("chance_to_hold" if is_holding(row) else "chance", lang)
        parts.append(f"{words} {chance_text(row['probability'], lang)}")
    if row["awaiting_figure"]:
        parts.append(label("awaiting", lang).format(year=row["deadline"]).lower())
    return " · ".join(parts)


def milestones_note(deadlines: list[int], lang: str) -> str:
    """What a count holds that its year does not say, beside that count: " (tính cả 2 mốc năm 2022)" for
    the deadlines of other years among it (the 2022 milestones), "" for none — as the deck and the
    review both say it.

    >>> milestones_note([2022, 2022], "vi"), milestones_note([2022], "en"), milestones_note([], "vi")
    (' (tính cả 2 mốc năm 2022)', ' (including 1 milestone of 2022)', '')
    """
    if not deadlines:
        return ""
    return label("milestones_note", lang).format(n=len(deadlines), s="" if len(deadlines) == 1 else "s",
                                                 years=", ".join(str(y) for y in sorted(set(deadlines))))


def reason_after(prefix: str, row: pd.Series, lang: str) -> str:
    """A row's reason after ``prefix`` and its deadline ("Vì sao (2030): Cần tăng …"), the year said once: a
    reason that opens on it keeps only the prefix ("Vì sao: Năm 2025: …", not "Vì sao (2025): Năm 2025: …"),
    and with no prefix it stands alone ("Năm 2025: …", not "2025: Năm 2025: …").

    >>> row = pd.Series({"deadline": 2025, "verdict_reason_vi": "Năm 2025: 1.154, đạt.", "verdict_reason_en": "x"})
    >>> reason_after("Vì sao", row, "vi"), reason_after("", row, "vi")
    ('Vì sao: Năm 2025: 1.154, đạt.', 'Năm 2025: 1.154, đạt.')
    >>> reason_after("", row.replace({"Năm 2025: 1.154, đạt.": "Cần giữ mức."}), "vi")
    '2025: Cần giữ mức.'
    """
    reason = row[f"verdict_reason_{lang}"]
    if re.match(rf"(Năm )?{int(row['deadline'])}\b", reason):
        return f"{prefix}: {reason}" if prefix else reason
    return f"{prefix} ({int(row['deadline'])}): {reason}" if prefix else f"{int(row['deadline'])}: {reason}"


def decided(row: pd.Series) -> bool:
    """Whether the verdict is the deadline year's own figure (met or not): a past, known
    outcome, which has no chance (:func:`analysis.words.deadline_figure_in`).

    >>> row = pd.Series({"verdict": "achieved", "deadline": 2022, "latest_year": 2024, "probability": 1.0})
    >>> decided(row), decided(row.copy().replace({2024: 2021}))
    (True, False)
    """
    return deadline_figure_in(row)


def has_chance(row: pd.Series) -> bool:
    """Whether the row has a chance worth showing: a projection's, not the 1 or 0 of an outcome
    already known (:func:`decided`), nor none at all (too little data).

    >>> has_chance(pd.Series({"verdict": "too_little_data", "deadline": 2025, "latest_year": 2023,
    ...                       "probability": float("nan")}))
    False
    """
    return not _missing(row["probability"]) and not decided(row)


def judged_awaiting(row: pd.Series) -> bool:
    """Whether the row is marked †: an ended deadline year judged by its chance while its figure
    is awaited (only where there is a chance to show)."""
    return bool(row.get("awaiting_figure")) and has_chance(row)


def short_verdict(row: pd.Series, lang: str) -> str:
    words = label(f"short_{row['verdict']}", lang) + ("*" if row.get("origin") == "assumption" else "") \
        + ("†" if judged_awaiting(row) else "")  # as on the dashboard
    if is_holding(row) and row["verdict"] != "met_at_risk":  # "Khó giữ mức đạt · giữ 25 %" said "hold" twice
        words += f" · {label('short_hold', lang)} {chance_text(row['probability'], lang)}"
    elif has_chance(row) and row["verdict"] not in ("achieved", "deadline_missed"):
        words += f" · {chance_text(row['probability'], lang)}"
    return words


_BILINGUAL = re.compile(r"^(?P<vi>.*[^\x00-\x7f].*?) / (?P<en>[A-Z][\x20-\x2e\x30-\x7e]*)$")
"""A source said in both languages: "Số liệu minh họa, … (scripts/…) / Illustrative data, not real"."""
_WORD_PAIR = re.compile(r"(\w+) / (\w+)\)")
"""Two words for one thing at the end of a parenthesis: "(3/13 xã / communes)"."""


_SCRIPT_NOTE = re.compile(r"\s*\(scripts/[^()]*\)")


def source_parts(sources: str, lang: str) -> list[str]:
    """The sources of a summary row ("a | b; c"), each once, in the reader's language where the
    data say them in both.

    >>> text = ("tổng hợp từ 15 xã, thị trấn / combined from 15 communes — Số liệu minh họa, không phải số liệu "
    ...         "thật (scripts/x.py, seed 1) / Illustrative data, not real | Sở GD: Báo cáo (3/13 xã / communes)")
    >>> source_parts(text, "en")
    ['combined from 15 communes', 'Illustrative data, not real', 'Sở GD: Báo cáo (3/13 communes)']
    >>> source_parts(text, "vi")[1:]
    ['Số liệu minh họa, không phải số liệu thật', 'Sở GD: Báo cáo (3/13 xã)']

    The script that made illustrative data ("scripts/x.py, seed 1") is for the README and
    summary.csv, not for a meeting: a planner cannot explain a seed.
    """
    out: list[str] = []
    for chunk in str(sources or "").split(" | "):  # the assessment's separator: a "|" inside a source stays
        chunk = chunk.strip()
        aggregate = AGGREGATED_SOURCE.match(chunk)
        if aggregate:
            out.append(f"tổng hợp từ {aggregate['n']} {aggregate['vi']}" if lang == "vi"
                       else f"combined from {aggregate['n']} {aggregate['en'].strip()}")
            chunk = chunk[aggregate.end():]
        for part in (p.strip() for p in chunk.split("; ")):
            if not part:
                continue
            both = _BILINGUAL.match(part)
            if both:
                notes = re.findall(r"\([^()]*\)", both["vi"])
                if lang == "vi":
                    part = both["vi"].strip()
                else:
                    part = " ".join([both["en"].strip(), *notes]) if "(" not in both["en"] else both["en"].strip()
            part = _WORD_PAIR.sub(lambda m: (m[1] if lang == "vi" else m[2]) + ")", part)
            out.append(_SCRIPT_NOTE.sub("", part))
    return communes_reports_merged(list(dict.fromkeys(out)))


_COMMUNE_REPORT = re.compile(r"^(?P<title>.+), (?P<body>UBND|Ủy ban nhân dân|Đảng ủy|Đảng bộ) xã "
                             r"(?P<name>[^,;()]+?)(?P<note> \([^()]*\))?$")
"""A report each commune sent under the same title: "Quyết định …, UBND xã Cầu Ngang", and with
the same note after the name: "…, UBND xã Vinh Kim (số liệu đến 30/11/2026)"."""


def communes_reports_merged(parts: list[str]) -> list[str]:
    """Reports of the same title from several communes, said once with the communes named, in the
    place of the first (six copies of a title took the Word appendix a page a row).

    >>> communes_reports_merged(["Sở Y tế", "Báo cáo việc làm năm 2025, UBND xã Cầu Ngang",
    ...                          "Báo cáo việc làm năm 2025, UBND xã Mỹ Long", "Báo cáo thống kê, Đảng ủy xã Vinh Kim"])
    ['Sở Y tế', 'Báo cáo việc làm năm 2025, UBND các xã Cầu Ngang, Mỹ Long', 'Báo cáo thống kê, Đảng ủy xã Vinh Kim']
    >>> communes_reports_merged(["Ước năm 2026, UBND xã Hiệp Mỹ (đến 30/11)", "Ước năm 2026, UBND xã Ngũ Lạc (đến 30/11)"])
    ['Ước năm 2026, UBND các xã Hiệp Mỹ, Ngũ Lạc (đến 30/11)']
    """
    def key(found):
        return found["title"], found["body"], found["note"] or ""

    names: dict[tuple[str, str, str], list[str]] = {}
    for part in parts:
        if found := _COMMUNE_REPORT.match(part):
            names.setdefault(key(found), []).append(found["name"].strip())
    out, said = [], set()
    for part in parts:
        found = _COMMUNE_REPORT.match(part)
        title = key(found) if found else None
        if title is None or len(names[title]) < 2:
            out.append(part)
        elif title not in said:  # the others are said with the first
            said.add(title)
            out.append(f"{title[0]}, {title[1]} các xã {', '.join(names[title])}{title[2]}")
    return out


COUNTED_SUM = re.compile(r"^(?P<how>tổng hợp từ|combined from) (?P<n>\d+) (?P<what>.+?)s?$")


MERGED_SUM_UNITS = ("đơn vị cũ", "old unit")
"""The units whose sums :func:`merged_sums` says as one range: each new commune is rebuilt from its
own old units. Sums of communes are of different targets and different communes ("tổng hợp từ
13 xã" for the new-rural count, "từ 8 xã" for the ethnic-minority communes), so "từ 8–13 xã" named
a sum that does not exist, and the footer counted one source fewer than the slide's notes."""


def merged_sums(parts: list[str]) -> list[str]:
    """Sums of different numbers of old units said once, with the range of the numbers (new
    communes rebuilt from 1, 2 or 3 old units each), in the place of the first of them.

    >>> merged_sums(["tổng hợp từ 3 đơn vị cũ", "Sở Y tế", "tổng hợp từ 1 đơn vị cũ", "tổng hợp từ 2 đơn vị cũ"])
    ['tổng hợp từ 1–3 đơn vị cũ', 'Sở Y tế']
    >>> merged_sums(["combined from 3 old units", "combined from 1 old unit", "combined from 15 communes"])
    ['combined from 1–3 old units', 'combined from 15 communes']
    >>> merged_sums(["tổng hợp từ 13 xã", "tổng hợp từ 8 xã"])
    ['tổng hợp từ 13 xã', 'tổng hợp từ 8 xã']
    """
    ranges: dict[tuple[str, str], list[int]] = {}
    for part in parts:
        found = COUNTED_SUM.match(part)
        if found and found["what"] in MERGED_SUM_UNITS:
            ranges.setdefault((found["how"], found["what"]), []).append(int(found["n"]))
    out, said = [], set()
    for part in parts:
        found = COUNTED_SUM.match(part)
        key = (found["how"], found["what"]) if found else None
        numbers = ranges.get(key, [])
        if len(set(numbers)) < 2:
            out.append(part)
        elif key not in said:  # the others of the range are said with the first
            said.add(key)
            plural = "s" if found["how"] == "combined from" else ""
            out.append(f"{found['how']} {min(numbers)}–{max(numbers)} {found['what']}{plural}")
    return out


def merged_note(code: str, lang: str) -> str:
    """A line for an old commune merged into a new one: why its chart stops at 2025 ("" for any
    other area).

    >>> merged_note("29428", "vi")
    'Từ 1/7/2025, Xã Mỹ Hòa là một phần của Xã Cầu Ngang (mới): mục tiêu năm 2030 được đánh giá cho xã mới.'
    >>> merged_note("29428", "en"), merged_note("29431-2025", "vi"), merged_note("848", "vi")
    ('From 1 July 2025 Mỹ Hòa commune is part of the new Cầu Ngang commune: the 2030 targets are assessed for the new commune.', '', '')
    """
    from ..data.catalogue import load_areas

    areas = load_areas()
    successor = merged_into(code, areas)
    if successor is None:
        return ""
    new = areas.at[successor, f"name_{lang}"]
    return label("merged_note", lang).format(
        date=short_date(areas.at[successor, "valid_from"], lang), old=areas.at[code, f"name_{lang}"],
        new=new if lang == "vi" else new.removesuffix(" commune"))


def part_note(code: str, lang: str) -> str:
    """A line for a new commune that also holds land from outside the plan's area: its figures
    before the reform are those of its old unit(s) in the district only ("" for any other area).
    The "≈" of those points said "estimated", and the chart named the whole new commune.

    >>> part_note("29530-2025", "vi")
    'Trước năm 2025 (≈): số liệu của xã Thạnh Hòa Sơn cũ, chưa gồm xã Ngũ Lạc cũ của huyện Duyên Hải.'
    >>> part_note("29431-2025", "vi"), part_note("29530-2025", "en").startswith("Before 2025 (≈): figures of former Thạnh")
    ('', True)
    """
    inside = part_inside(code, lang)
    if inside is None:
        return ""
    reform, old = inside
    return label("part_note", lang).format(year=reform.first_year, old=old,
                                           outside=reform.outside[code][0 if lang == "vi" else 1])


def catalogue_name(code: str, lang: str) -> str:
    from ..data.catalogue import load_areas

    areas = load_areas()
    return areas.at[code, f"name_{lang}"] if code in areas.index else code


def district_first(column: pd.Series) -> pd.Series:
    if column.name == "area_kind":
        return column.map(lambda kind: 0 if kind in ("district", "aggregate") else 1)
    return column


# ---------------------------------------------------------------------------------------
# dashboard


def column_rows(rows: pd.DataFrame, deadline: int, deadlines: tuple[int, ...] = (2025, 2030)) -> pd.DataFrame:
    """The row each target of ``rows`` (one area) shows in the dashboard's column for
    ``deadline``, in the targets' order: its own row for that deadline; in the first column,
    the earliest row of a target with no row for any of ``deadlines`` (the 2022 milestones,
    "Đã đạt (2022)"). A target with nothing to show there is left out: T17, set for 2030
    only, is not in the 2025 column. The deck's counts and the dashboard read the same rows.

    >>> rows = pd.DataFrame({"target_id": ["T02", "T02", "T17", "M1"], "deadline": [2025, 2030, 2030, 2022]})
    >>> column_rows(rows, 2025)["target_id"].tolist(), column_rows(rows, 2030)["target_id"].tolist()
    (['T02', 'M1'], ['T02', 'T17'])
    """
    picked = []
    for _, group in rows.groupby("target_id", sort=False):
        own = group[group["deadline"] == deadline]
        if len(own):
            picked.append(own.iloc[0])
        elif deadline == deadlines[0] and not group["deadline"].isin(deadlines).any():
            picked.append(group.nsmallest(1, "deadline").iloc[0])
    return pd.DataFrame(picked).reset_index(drop=True) if picked else rows.iloc[0:0]


def marked_verdict(row: pd.Series, lang: str, deadline: int) -> str:
    """The verdict in words with its marks: * a 2030 target the plan does not set, † judged by
    the chance while the deadline year's figure is awaited (only where there is a chance), and
    the deadline's year when it is not the column's (a milestone of 2022)."""
    words = status_label(row["verdict"], lang) + ("*" if row["origin"] == "assumption" else "") + \
        ("†" if judged_awaiting(row) else "")
    return words if row["deadline"] == deadline else f"{words} ({row['deadline']})"


def marked_goal(row: pd.Series, lang: str, compact: bool = False) -> str:
    """The target as the tables show it, with § where a commune is held to a level the plan does
    not set (T14: its own Khmer share of the population; the plan's 20 % is the district's).

    >>> row = pd.Series({"kind": "share_of_total", "unit": "percent", "target_value": 42.0, "origin": "assumption",
    ...                  "benchmark": True})
    >>> marked_goal(row, "vi"), marked_goal(row.replace({True: False}), "vi")
    ('≥ 42 %§', '≥ 42 %')
    """
    return target_text(row, lang, compact=compact) + ("§" if is_benchmark(row) else "")


def zero_reading_note(rows: list, lang: str) -> list[str]:
    """Where a panel's target of a yearly fall sits at 0 % (what is left is less than the fall the
    plan asks for), the footer says it is the workbench's reading: ten communes' diamonds at 0 %
    with nothing said read as a target of 0 % that the plan sets.

    >>> row = pd.Series({"kind": "yearly_reduction", "reading": "points", "target_value": 0.0, "target_low": 3.0,
    ...                  "target_high": 4.0, "deadline": 2025, "latest_year": 2024})
    >>> zero_reading_note([row], "vi")
    ['Mục tiêu 0 %: giảm 3 điểm %/năm thì đến năm 2025 tỷ lệ về 0 %, nên cần giảm hết phần còn lại (cách đọc của công cụ; kế hoạch đặt mức giảm 3–4 điểm %/năm)']
    """
    at_zero = [row for row in rows if row is not None and row.get("kind") == "yearly_reduction"
               and row.get("reading") == "points" and not _missing(row.get("target_value"))
               and row["target_value"] <= 0 and not _missing(row.get("latest_year"))
               and row["deadline"] > row["latest_year"]]
    if not at_zero:
        return []
    low, high = (fmt_number(float(at_zero[0][key]), lang, 0) for key in ("target_low", "target_high"))
    return [label("zero_reading_note", lang).format(low=low, high=high, deadline=int(at_zero[0]["deadline"]))]


def is_plan_aim(row: pd.Series) -> bool:
    """Whether the plan states the target as an aim with no year, read at this deadline (T20: the
    catalogue notes how the plan's own target is read).

    >>> is_plan_aim(pd.Series({"origin": "plan", "assumption_vi": "Kế hoạch nêu … không ghi năm"}))
    True
    >>> is_plan_aim(pd.Series({"origin": "plan", "assumption_vi": float("nan")})), is_plan_aim(pd.Series({
    ...     "origin": "assumption", "assumption_vi": "Kế hoạch chỉ đặt mục tiêu đến năm 2025"}))
    (False, False)
    """
    note = row.get("assumption_vi")
    return row.get("origin") == "plan" and isinstance(note, str) and bool(note.strip())


def assumption_note(rows: pd.DataFrame, lang: str) -> list[str]:
    """The note of the * on an assumed 2030 level, if any row has one: a commune's benchmark (T14)
    is not a target the plan sets at all, so "kế hoạch chỉ đặt mục tiêu đến 2025" would misstate it."""
    assumed = rows[rows["origin"] == "assumption"] if len(rows) else rows
    if not len(assumed):
        return []
    benchmarks = assumed.apply(is_benchmark, axis=1)
    return [label("benchmark_assumption_mark" if benchmarks.all() else "assumption_mark", lang)]


def mark_notes(shown: pd.DataFrame, lang: str, thresholds: bool = False, needed_column: bool = True) -> list[str]:
    """The footnotes of the marks ``shown`` carries (see :func:`marked_verdict`), each once; with
    ``thresholds`` (a table with the target), also what counts as met where it is not the
    target's own figure ("100 % khi ≥ 99,5 %"), and, with ``needed_column``, that the table's
    yearly need is to that level."""
    notes = []
    if len(shown) and shown.apply(is_benchmark, axis=1).any():
        notes.append(label("benchmark_mark", lang))
    notes += assumption_note(shown, lang)
    awaiting = shown[shown.apply(judged_awaiting, axis=1)] if len(shown) else shown
    if len(awaiting):
        notes.append(label("awaiting_mark", lang).format(year=int(awaiting["deadline"].min())))
    if len(shown) and shown.apply(is_holding, axis=1).any():
        # the verdict a chance of holding under 50 % gives is explained where it is shown
        at_risk = shown["verdict"].eq("met_at_risk").any()
        notes.append(label("holding_mark", lang) + (label("holding_at_risk", lang) if at_risk else ""))
    # "100 %" beside 98,9 % and "+0,6" adds up only once 99,5 % is said
    pairs = _threshold_pairs(shown, lang) if thresholds else []
    if pairs:
        notes.append(label("threshold_mark", lang).format(pairs="; ".join(pairs))
                     + (label("threshold_mark_needed", lang) if needed_column else ""))
    return notes


def _threshold_pairs(shown: pd.DataFrame, lang: str) -> list[str]:
    """"0 ấp khi ≤ 1 ấp" for each row whose met level is not its target's figure, once each; where
    the table's other areas of the same target have another (a commune has no especially difficult
    hamlet left only at 0, the district "basically" at 1), the areas it is said for are named:
    "0 ấp khi ≤ 1 ấp ở Huyện Cầu Ngang". Why follows each group: roundings of a whole-percent
    bound first, then shares of a few communes ("≥ 60 % khi ≥ 57,7 % (8/13 xã)", ``met_units``), then
    readings of the plan's words.

    >>> rows = pd.DataFrame({"target_id": "T03", "kind": "count_to_zero", "unit": "hamlets", "target_value": 0.0,
    ...                      "met_threshold": [1.0, 0.0], "area_vi": ["Huyện Cầu Ngang", "Xã Long Sơn"]})
    >>> _threshold_pairs(rows, "vi")
    ['0 ấp khi ≤\xa01 ấp ở Huyện Cầu Ngang (cách hiểu lời văn kế hoạch)']
    >>> share = pd.DataFrame({"target_id": "T06", "kind": "at_least", "unit": "percent", "target_value": [100.0],
    ...                       "met_threshold": [99.5], "area_vi": ["Huyện Cầu Ngang"]})
    >>> _threshold_pairs(pd.concat([rows, share]), "vi")  # doctest: +NORMALIZE_WHITESPACE
    ['100 % khi ≥\xa099,5 % (làm tròn theo độ chính xác kế hoạch ghi)',
     '0 ấp khi ≤\xa01 ấp ở Huyện Cầu Ngang (cách hiểu lời văn kế hoạch)']
    >>> t17 = pd.DataFrame({"target_id": "T17", "kind": "at_least", "unit": "percent", "target_value": [60.0],
    ...                     "met_threshold": [57.7], "met_units": [13.0], "latest_value": [38.5], "area_vi": ["Huyện"]})
    >>> _threshold_pairs(t17, "vi"), _threshold_pairs(t17.assign(latest_value=61.5), "vi")  # 8/13 in: nothing to say
    (['≥\xa060 % khi ≥\xa057,7 %\xa0(8/13\xa0xã)'], [])
    >>> _threshold_pairs(t17.assign(met_units_later=6.0), "vi")  # a 2030 deadline counts the 6 new communes
    ['≥\xa060 % khi ≥\xa057,7 %\xa0(4/6\xa0xã)']
    >>> t13 = pd.DataFrame({"target_id": "T13", "kind": "at_least", "unit": "percent", "target_value": [100.0],
    ...                     "met_threshold": [91.7], "met_units": [6.0], "latest_value": [83.3], "area_vi": ["Huyện"],
    ...                     "met_before_year": [2024], "met_threshold_before": [96.7], "met_units_before": [15]})
    >>> _threshold_pairs(t13, "vi")  # 2025 on the 6 new communes, 2024 and before on the 15 units
    ['100 % khi ≥\xa091,7 %\xa0(6/6\xa0xã; đến năm 2024: ≥\xa096,7 %, 15/15\xa0xã)']
    """
    pairs: dict[str, list[str]] = {"threshold_reason_rounding": [], "threshold_reason_units": [],
                                   "threshold_reason_reading": []}
    for _, rows in shown.groupby("target_id", sort=False):
        # a latest figure at the target as written (100 % of 13 communes) needs no threshold to add up
        phrases = ["" if _at_target(row) else threshold_phrase(row, lang) for _, row in rows.iterrows()]
        for phrase in dict.fromkeys(p for p in phrases if p):
            having = [row for (_, row), p in zip(rows.iterrows(), phrases) if p == phrase]
            # the communes the deadline counts and the fewest of them that meet it (6 new ones from 2025)
            communes = communes_met(having[0])
            counted = communes is not None
            k, n = communes if counted else ("", 0)
            later = having[0].get("met_units_later")
            key = ("threshold_pair_later" if later is not None and not _missing(later) else "threshold_pair_units") \
                if counted else "threshold_pair"
            pair = label(key, lang).format(target=target_text(having[0], lang), phrase=phrase, n=n, k=k)
            before_year = having[0].get("met_before_year")
            if counted and before_year is not None and not _missing(before_year):
                n_before, threshold = int(having[0]["met_units_before"]), float(having[0]["met_threshold_before"])
                pair = label("threshold_pair_before", lang).format(
                    target=target_text(having[0], lang), phrase=phrase, n=n, k=k, year=int(before_year),
                    before=f"≥ {value_text(threshold, 'percent', lang, exact=True)}", n_before=n_before,
                    k_before=math.ceil(threshold * n_before / 100 - 1e-9))
            pair = re.sub(r"([≥≤<>]) ", "\\1\u00a0", pair)  # "≥" stays with its figure: a footer broke "≥ | 60 %"
            if len(having) < len(rows):
                names = list(dict.fromkeys(row["area_vi" if lang == "vi" else "area_en"] for row in having))
                pair = label("threshold_pair_areas", lang).format(pair=pair, areas=", ".join(names))
            group = pairs["threshold_reason_units" if counted else
                          "threshold_reason_rounding" if _rounds_to_bound(having[0]) else "threshold_reason_reading"]
            if pair not in group:
                group.append(pair)
    return [text for reason, group in pairs.items() if group
            for text in group[:-1] + [group[-1] + label(reason, lang)]]


def _at_target(row: pd.Series) -> bool:
    """Whether the row's latest figure meets its target as written (100 % for 100 %)."""
    latest, level = row.get("latest_value"), row.get("target_value")
    if _missing(latest) or _missing(level) or row["kind"] not in ("at_least", "above", "at_most", "count_to_zero"):
        return False
    return meets(float(latest), float(level), row["kind"])


def _rounds_to_bound(row: pd.Series) -> bool:
    """Whether the met level is the target's whole-percent bound rounded (100 % met at 99,5 %),
    rather than a reading of the plan's words set in the catalogue."""
    return row["unit"] == "percent" and row["target_value"] in (0, 100)


def latest_value_text(row: pd.Series, lang: str) -> str:
    if _missing(row["latest_value"]):
        return "–"
    # a count to bring to zero keeps its unit, as its goal does ("3 ấp" beside "0 ấp"; a bare "3" said nothing)
    shown = value_text(row["latest_value"], row["unit"], lang, compact=row["kind"] != "count_to_zero",
                       decimals=latest_decimals(row))
    return f"{'≈' if row['approximate'] else ''}{shown}"


def latest_text(row: pd.Series, lang: str) -> str:
    """The latest figure and its year, and a yearly fall's own fall, as the boards show it:
    "3,2 % (2024; giảm 1,7)" beside "giảm 3–4 điểm %/năm", where "3,2 %" alone read as a fall.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_value": 3.2, "latest_year": 2024,
    ...                  "latest_year_change": -1.7, "approximate": False, "latest_decimals": 1})
    >>> latest_text(row, "vi"), latest_text(row.drop("latest_year_change"), "en")
    ('3,2 % (2024; giảm 1,7)', '3.2 % (2024)')
    >>> hamlets = row.drop("latest_year_change")
    >>> hamlets[["kind", "unit", "latest_value", "latest_decimals"]] = ["count_to_zero", "hamlets", 3.0, 0]
    >>> latest_text(hamlets, "vi")
    '3 ấp (2024)'
    """
    value = latest_value_text(row, lang)
    return value if _missing(row["latest_value"]) else value + latest_notes(row, lang)


def deadline_figure_line(group: pd.DataFrame, lang: str) -> str:
    """A second line under a target's latest figure for the first deadline decided by its own
    year's figure while a later figure is in: "95,2 % (2026)" beside 2025's "Không đạt" read as a
    contradiction until "năm 2025: 92,0 %" says what the verdict rests on. Empty otherwise.

    >>> row = pd.Series({"origin": "plan", "verdict": "deadline_missed", "deadline": 2025, "latest_year": 2026,
    ...                  "latest_value": 95.2, "deadline_value": 92.0, "deadline_approximate": False,
    ...                  "deadline_illustrative": False, "approximate": False, "latest_illustrative": False,
    ...                  "latest_decimals": pd.NA, "latest_year_change": math.nan, "unit": "percent",
    ...                  "kind": "at_least", "met_threshold": 95.0, "met_strict": False, "probability": 0.0})
    >>> deadline_figure_line(pd.DataFrame([row]), "vi"), deadline_figure_line(pd.DataFrame([row.replace({2026: 2025})]), "en")
    ('\\nnăm 2025: 92,0 %', '')
    """
    for _, row in group.sort_values("deadline").iterrows():
        if row["origin"] == "projection":
            continue
        shown = at_deadline(row)
        if shown is not row:
            return "\n" + label("deadline_figure_line", lang).format(deadline=int(row["deadline"]),
                                                                      value=latest_value_text(shown, lang))
    return ""


def at_deadline(row: pd.Series) -> pd.Series:
    """A row decided by its deadline year's own figure, with a later figure in since, as a board of
    that deadline shows it: the deadline year's figure, the one the verdict rests on ("≈66,3 % (2026)"
    beside 2025's "Không đạt" hid the 63,7 % that decided it). Other rows as they are.

    >>> row = pd.Series({"verdict": "deadline_missed", "deadline": 2025, "latest_year": 2026, "latest_value": 66.3,
    ...                  "deadline_value": 63.7, "deadline_approximate": True, "deadline_illustrative": False,
    ...                  "approximate": True, "latest_illustrative": False, "latest_decimals": pd.NA,
    ...                  "latest_year_change": 2.6, "unit": "percent", "kind": "above", "met_threshold": 80.0,
    ...                  "met_strict": True, "probability": 0.0})
    >>> shown = at_deadline(row)
    >>> shown["latest_value"], shown["latest_year"], bool(shown["approximate"]), at_deadline(shown.replace({2025: 2026}))["latest_value"]
    (63.7, 2025, True, 63.7)
    """
    if not deadline_figure_in(row) or _missing(row.get("deadline_value")) or _missing(row["latest_year"]) \
            or int(row["latest_year"]) <= int(row["deadline"]):
        return row
    out = row.copy()
    value = float(row["deadline_value"])
    out["latest_value"], out["latest_year"] = value, int(row["deadline"])
    out["approximate"], out["latest_illustrative"] = bool(row["deadline_approximate"]), bool(row["deadline_illustrative"])
    out["latest_decimals"] = decimals_against(value, row)  # "79,96 %" beside "Không đạt", never "80,0 %"
    out["latest_year_change"] = math.nan  # a yearly fall's own fall is the later year's
    return out
