"""Summary tables for the meeting: ``summary.csv`` (for other tools) and ``summary.xlsx`` (for people).

The CSV keeps stable English column names, so that other tools can rely on them; its text
columns (target, area, status in words, notes) are in the report's language. The Excel file
has headers in the report's language, coloured status cells, and a second sheet explaining
the methods. Both are byte-for-byte reproducible.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..assessment import status_label
from ..export import reproducible_office_file, write_bytes_atomic, write_text_atomic
from ..text import check_language, label, register_labels
from ..words import needed_text, target_text
from .charts import DARK_VERDICTS
from .style import STATUS_COLORS

__all__ = ["summary_frame", "write_summary_csv", "write_summary_xlsx", "SUMMARY_COLUMNS"]

SUMMARY_COLUMNS = [
    "target_id", "target", "area_code", "area", "deadline", "origin", "latest_year", "latest_value", "unit",
    "target_value", "target_text", "met_threshold", "met_rule", "gap", "needed_points_per_year",
    "needed_percent_per_year", "needed_points_per_year_other_end", "needed_percent_per_year_other_end", "needed_text",
    "observed_points_per_year_5y", "observed_points_per_year_recent", "observed_points_per_year_since_base",
    "cumulative_since_start", "cumulative_target", "years_met", "years_counted",
    "verdict", "verdict_text", "verdict_reason", "awaiting_figure", "probability", "probability_words",
    "status", "status_text", "status_ratio", "status_method", "un_progress_ratio", "un_status",
    "reach", "projected_median", "projected_lo_80", "projected_hi_80", "projected_lo_95", "projected_hi_95",
    "method", "reading", "illustrative", "approximate", "sources", "notes",
]
"""Columns of summary.csv, in order (names are a contract: keep them stable). ``verdict`` is the
headline; ``status`` (with ``status_method``) and ``un_status`` are the published methods, kept
for comparison with other SDG trackers."""

register_labels({
    "col_target_id": ("Mã", "ID"),
    "col_target": ("Chỉ tiêu", "Target"),
    "col_area": ("Địa bàn", "Area"),
    "col_area_code": ("Mã địa bàn", "Area code"),
    "col_deadline": ("Năm hạn", "Deadline"),
    "col_origin": ("Nguồn mục tiêu", "Target from"),
    "col_latest_year": ("Năm số liệu mới nhất", "Latest year"),
    "col_latest_value": ("Giá trị mới nhất", "Latest value"),
    "col_target_text": ("Mục tiêu", "Goal"),
    "col_target_value": ("Giá trị mục tiêu", "Target value"),
    "col_needed_points": ("Cần thay đổi mỗi năm (điểm)", "Needed change a year (points)"),
    "col_needed_percent": ("Cần thay đổi mỗi năm (%)", "Needed change a year (%)"),
    "col_verdict": ("Đánh giá", "Verdict"),
    "col_verdict_reason": ("Vì sao", "Why"),
    "col_years_met": ("Số năm đạt", "Years met"),
    "col_met_rule": ("Cách tính đạt", "When met"),
    "col_status": ("Tình trạng theo tốc độ từ năm gốc (Eurostat/SDSN)", "Pace since the baseline (Eurostat/SDSN)"),
    "col_status_method": ("Phương pháp tình trạng", "Status method"),
    "col_probability": ("Khả năng đạt", "Chance of meeting"),
    "col_probability_words": ("Đánh giá khả năng", "Chance in words"),
    "col_reach": ("Năm dự báo đạt", "Year reached (projection)"),
    "col_median": ("Dự báo năm hạn (trung vị)", "Projected at deadline (median)"),
    "col_lo95": ("Cận dưới 95 %", "95 % lower"),
    "col_hi95": ("Cận trên 95 %", "95 % upper"),
    "col_method": ("Phương pháp dự báo", "Projection method"),
    "col_illustrative": ("Minh họa", "Illustrative"),
    "col_approximate": ("Ước tính (≈)", "Estimated (≈)"),
    "col_sources": ("Nguồn số liệu", "Sources"),
    "col_notes": ("Ghi chú", "Notes"),
    "origin_plan": ("Kế hoạch", "Plan"),
    "origin_assumption": ("Giả định", "Assumption"),
    "origin_projection": ("Chỉ dự báo", "Projection only"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "sheet_summary": ("tong_hop", "summary"),
    "sheet_methods": ("phuong_phap", "methods"),
})

_XLSX_COLUMNS = [
    ("col_target_id", "target_id", 7), ("col_target", "target", 46), ("col_area", "area", 22),
    ("col_deadline", "deadline", 9), ("col_origin", "origin", 11), ("col_latest_year", "latest_year", 10),
    ("col_latest_value", "latest_value", 11), ("col_target_text", "target_text", 16),
    ("col_verdict", "verdict_text", 26), ("col_probability", "probability", 11),
    ("col_needed_points", "needed_points_per_year", 14), ("col_needed_percent", "needed_percent_per_year", 14),
    ("col_years_met", "years_met_text", 11), ("col_verdict_reason", "verdict_reason", 80),
    ("col_probability_words", "probability_words", 16), ("col_reach", "reach", 12),
    ("col_median", "projected_median", 14), ("col_lo95", "projected_lo_95", 11), ("col_hi95", "projected_hi_95", 11),
    ("col_met_rule", "met_rule", 30), ("col_status", "status_text", 26), ("col_status_method", "status_method", 26),
    ("col_method", "method", 60), ("col_illustrative", "illustrative", 10),
    ("col_approximate", "approximate", 10), ("col_sources", "sources", 60),
    ("col_notes", "notes", 80),
]

_METHOD_TEXT = {
    "vi": [
        "Cách đọc bảng",
        "Đánh giá: trả lời câu hỏi của cuộc họp — có đạt chỉ tiêu đúng hạn không. Khả năng đạt (xác suất giá trị năm "
        "hạn đạt mục tiêu, theo dự báo đã kiểm định trên chuỗi số liệu thật) xác định nhóm, tốc độ 3 năm gần đây so "
        "với mức cần mỗi năm xác định trong nhóm: khả năng từ 50 % trở lên — \"Đã đạt\" nếu số liệu mới nhất đã đạt, "
        "\"Đúng tiến độ\" nếu tốc độ gần đây đủ (từ 95 % mức cần), còn lại \"Có chuyển biến, cần đẩy nhanh\"; khả năng "
        "dưới 50 % — \"Xa dần mục tiêu\" nếu số liệu đi ngược hướng, \"Có chuyển biến, cần đẩy nhanh\" nếu khả năng "
        "từ 20 %, \"Chuyển biến chậm, khó đạt\" nếu dưới 20 %. Khi đã có số liệu năm hạn: \"Đã đạt\" hoặc \"Không đạt\". "
        "Vì vậy \"Đúng tiến độ\" luôn đi cùng khả năng từ 50 % trở lên.",
        "Năm hạn đã qua mà chưa có số liệu năm đó (\"chờ số liệu năm 2025\"): đánh giá theo khả năng giá trị năm đó đạt "
        "mục tiêu.",
        "Chỉ tiêu hằng năm: giảm tỷ lệ hộ nghèo 3–4 điểm %/năm đánh giá từng năm (mức giảm làm tròn một chữ số thập "
        "phân; khi tỷ lệ còn dưới 3 % thì cần giảm hết phần còn lại); việc làm 1.000–1.500 lao động/năm đánh giá từng "
        "năm, không cộng dồn phần vượt của năm trước; an ninh, quốc phòng đánh giá từng năm. Cột \"Số năm đạt\".",
        "Đạt: mục tiêu ghi tròn ở giới hạn (100 %, 0 %) được coi là đạt khi giá trị làm tròn bằng mục tiêu (từ 99,5 %); "
        "\"cơ bản không còn ấp đặc biệt khó khăn\" là toàn huyện còn không quá 1 ấp (data/targets.yaml, met_at); "
        "các mục tiêu khác so đúng như ghi (\"trên 80 %\" là lớn hơn 80).",
        "Đảng viên người Khmer: toàn huyện so với 20 %; từng xã so với tỷ lệ người Khmer trong dân số của xã (kế hoạch "
        "yêu cầu \"phù hợp với tỷ lệ dân số ở từng địa phương\").",
        "Tình trạng theo tốc độ từ năm gốc (cột phụ, để so sánh với các bộ theo dõi SDG): tỷ số tốc độ thay đổi từ năm "
        "gốc (2021) so với tốc độ cần từ năm gốc — ≥ 0,95 đúng tiến độ; 0,60–0,95 có chuyển biến, cần đẩy nhanh; 0–0,60 "
        "chuyển biến chậm; < 0 xa dần mục tiêu (Eurostat / Thống kê Canada; SDSN cho mục tiêu tính bằng điểm %/năm hoặc "
        "về 0). Cột này so với mục tiêu đúng như ghi.",
        "Cần mỗi năm: mức tăng/giảm bình quân mỗi năm từ năm số liệu mới nhất đến năm hạn.",
        "Mục tiêu 2030 của các chỉ tiêu chỉ đặt đến 2025 là giả định (giữ nguyên mức 2025), ghi \"Giả định\"; kế hoạch "
        "không đặt chỉ tiêu giảm nghèo đến 2030 nên dòng 2030 của chỉ tiêu này chỉ là dự báo.",
        "Tỷ lệ hộ nghèo: chỉ dùng số liệu theo chuẩn nghèo hiện hành (2022–2025).",
        "Dòng có \"Minh họa = có\" dựa trên số liệu minh họa, không phải số liệu thật.",
    ],
    "en": [
        "How to read this table",
        "Verdict: the meeting's question — will the target be met on time? The chance (the probability that the "
        "deadline's value meets the target, from a projection whose intervals were checked on real series) sets the "
        "band and the last 3 years' pace against the yearly rate needed decides within it: at a chance of 50 % or "
        "more — \"Achieved\" if the latest value already meets it, \"On track\" if the recent pace is enough (95 % of "
        "the rate needed), else \"Progress, needs to speed up\"; below 50 % — \"Moving away\" if the series runs the "
        "wrong way, \"Progress, needs to speed up\" at a chance of 20 % or more, \"Slow progress, unlikely\" below. Once "
        "the deadline's figure is in: \"Achieved\" or \"Not met\". So \"On track\" always comes with a chance of 50 % "
        "or more.",
        "A deadline year that has ended without its figure (\"awaiting the 2025 figure\") is judged by the chance that "
        "its value meets the target.",
        "Yearly targets: the poverty fall of 3–4 points a year is judged year by year (falls rounded to one decimal; "
        "below 3 % the year needs all that is left); 1,000–1,500 jobs a year are judged year by year, with no surplus "
        "carried; security and defence year by year. See \"Years met\".",
        "Met: a target written as a whole number at a bound (100 %, 0 %) is met when the value rounds to it (from "
        "99.5 %); \"basically no especially difficult hamlets\" is at most 1 in the district (data/targets.yaml, "
        "met_at); other targets as written (\"above 80 %\" is more than 80).",
        "Khmer party members: the district against 20 %; each commune against its own Khmer population share (the "
        "plan asks for \"in proportion to the population in each locality\").",
        "Pace since the baseline (a secondary column, for comparison with SDG trackers): the yearly change since the "
        "baseline (2021) over the change needed from the baseline — ≥ 0.95 on track; 0.60–0.95 moderate progress; "
        "0–0.60 insufficient; < 0 moving away (Eurostat / Statistics Canada; SDSN for targets in points a year or at "
        "zero). It compares with the target as written.",
        "Needed change a year: the average yearly change from the latest year to the deadline.",
        "2030 values of targets the plan sets for 2025 only are assumptions (the 2025 value carried), marked so; the "
        "plan sets no 2030 poverty target, so that row is a projection only.",
        "Poverty: only figures on the current poverty line (2022–2025) are used.",
        "Rows with \"Illustrative = yes\" rest on made-up illustrative data, not real figures.",
    ],
}


def summary_frame(table: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The summary table (columns :data:`SUMMARY_COLUMNS`) from :func:`analysis.assess`'s table."""
    check_language(lang)
    out = pd.DataFrame({
        "target_id": table["target_id"],
        "target": table["target_vi" if lang == "vi" else "target_en"],
        "area_code": table["area_code"],
        "area": table["area_vi" if lang == "vi" else "area_en"],
        "deadline": table["deadline"],
        "origin": table["origin"],
    })
    for column in ("latest_year", "latest_value", "unit", "target_value", "met_threshold", "gap",
                   "needed_points_per_year", "needed_percent_per_year", "needed_points_per_year_other_end",
                   "needed_percent_per_year_other_end", "observed_points_per_year_5y", "observed_points_per_year_recent",
                   "observed_points_per_year_since_base", "cumulative_since_start", "cumulative_target", "years_met",
                   "years_counted", "verdict", "awaiting_figure", "status", "status_ratio", "status_method",
                   "un_progress_ratio", "un_status", "probability", "reach", "projected_median", "projected_lo_80",
                   "projected_hi_80", "projected_lo_95", "projected_hi_95", "reading", "illustrative", "approximate",
                   "sources"):
        out[column] = table[column]
    out["target_text"] = [target_text(row, lang) if row["origin"] != "projection" else "" for _, row in table.iterrows()]
    out["met_rule"] = table[f"met_rule_{lang}"]
    out["needed_text"] = [needed_text(row, lang) for _, row in table.iterrows()]
    out["verdict_text"] = [status_label(key, lang) if key else label("projection_only", lang)
                           for key in table["verdict"]]
    out["verdict_reason"] = table[f"verdict_reason_{lang}"]
    out["status_text"] = [status_label(key, lang) for key in table["status"]]
    out["probability_words"] = [status_label(key, lang) for key in table["probability_words"]]
    out["reach"] = [status_label(str(key), lang) if str(key) == "not_by_2035" else str(key) for key in table["reach"]]
    out["method"] = table["projection_method_vi" if lang == "vi" else "projection_method"]
    out["notes"] = table["notes_vi" if lang == "vi" else "notes_en"]
    return out[SUMMARY_COLUMNS].reset_index(drop=True)


def write_summary_csv(summary: pd.DataFrame, path: str | Path) -> Path:
    """Write summary.csv (UTF-8 with BOM so that Excel shows Vietnamese letters), reproducibly.

    Text that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-`` or
    ``@``; sources come from the data files) is prefixed with a single quote.
    """
    from ..export import spreadsheet_text

    summary = summary.copy()
    for column in summary.columns:
        if summary[column].dtype == object or pd.api.types.is_string_dtype(summary[column]):
            summary[column] = summary[column].map(spreadsheet_text)
    text = summary.to_csv(index=False, float_format="%.6g", lineterminator="\n")
    return write_text_atomic(path, "\ufeff" + text)


def write_summary_xlsx(summary: pd.DataFrame, path: str | Path, lang: str = "vi") -> Path:
    """Write the formatted summary.xlsx: coloured statuses, frozen header, a methods sheet.

    Text that Excel would take for a formula (sources come from the data files) is written
    as a string cell, never as a formula.
    """
    from ..export import FORMULA_STARTS

    check_language(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = label("sheet_summary", lang)
    sheet.append([label(key, lang) for key, _, _ in _XLSX_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    status_column = [key for _, key, _ in _XLSX_COLUMNS].index("verdict_text") + 1
    for _, row in summary.iterrows():
        values = []
        for _, key, _ in _XLSX_COLUMNS:
            value = row[key] if key in row.index else None
            if key == "years_met_text":
                value = (label("years_met", lang).format(met=row["years_met"], counted=row["years_counted"])
                         if not pd.isna(row["years_met"]) else None)
            elif key == "origin":
                value = label(f"origin_{value}", lang)
            elif key in ("illustrative", "approximate"):
                value = label("yes" if value else "no", lang)
            elif key == "status_method":
                value = label(value, lang) if value else ""
            if isinstance(value, float) and value != value:
                value = None
            if value is pd.NA:
                value = None
            values.append(value.item() if hasattr(value, "item") else value)
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                # Text from the data must stay text: a string cell, shown with Excel's quote prefix.
                cell.data_type = "s"
                cell.quotePrefix = True
        color = STATUS_COLORS.get(row["verdict"])
        cell = sheet.cell(sheet.max_row, status_column)
        cell.font = Font(bold=True, color="FFFFFF" if row["verdict"] in DARK_VERDICTS else "000000")
        if color:
            cell.fill = PatternFill("solid", fgColor=color.lstrip("#"))
    # a chance below half a percent reads "< 1 %" as on the dashboard, not "0 %"
    formats = {"latest_value": "0.0#", "needed_points_per_year": "+0.00;-0.00;0", "needed_percent_per_year":
               "+0.0;-0.0;0", "probability": '[=0]0 %;[<0.005]"< 1 %";0 %', "projected_median": "0.0#",
               "projected_lo_95": "0.0#", "projected_hi_95": "0.0#"}
    for index, (_, key, width) in enumerate(_XLSX_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        if key in formats:
            for cell in sheet[letter][1:]:
                cell.number_format = formats[key]
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(_XLSX_COLUMNS))}{sheet.max_row}"
    notes = book.create_sheet(label("sheet_methods", lang))
    for line in _METHOD_TEXT[lang]:
        notes.append([line])
    notes["A1"].font = Font(bold=True, size=13)
    notes.column_dimensions["A"].width = 160
    for cell in notes["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.creator = "Cầu Ngang target workbench"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_bytes_atomic(path, reproducible_office_file(buffer.getvalue()))
