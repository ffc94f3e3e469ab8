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
from .charts import needed_text, target_text
from ..export import reproducible_office_file, write_bytes_atomic, write_text_atomic
from .style import STATUS_COLORS
from ..text import check_language, label, register_labels

__all__ = ["summary_frame", "write_summary_csv", "write_summary_xlsx", "SUMMARY_COLUMNS"]

SUMMARY_COLUMNS = [
    "target_id", "target", "area_code", "area", "deadline", "origin", "latest_year", "latest_value", "unit",
    "target_value", "target_text", "gap", "needed_points_per_year", "needed_percent_per_year",
    "needed_points_per_year_other_end", "needed_percent_per_year_other_end", "needed_text",
    "observed_points_per_year_5y", "observed_points_per_year_since_base", "cumulative_since_start",
    "cumulative_target", "status", "status_text", "status_ratio", "status_method", "un_progress_ratio",
    "un_status", "probability", "probability_words", "reach", "projected_median", "projected_lo_80",
    "projected_hi_80", "projected_lo_95", "projected_hi_95", "method", "reading", "illustrative", "sources", "notes",
]
"""Columns of summary.csv, in order (names are a contract: keep them stable)."""

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
    "col_status": ("Tình trạng", "Status"),
    "col_status_method": ("Phương pháp đánh giá", "Status method"),
    "col_probability": ("Khả năng đạt", "Chance of meeting"),
    "col_probability_words": ("Đánh giá khả năng", "Chance in words"),
    "col_reach": ("Năm dự báo đạt", "Year reached (projection)"),
    "col_median": ("Dự báo năm hạn (trung vị)", "Projected at deadline (median)"),
    "col_lo95": ("Cận dưới 95%", "95 % lower"),
    "col_hi95": ("Cận trên 95%", "95 % upper"),
    "col_method": ("Phương pháp dự báo", "Projection method"),
    "col_illustrative": ("Minh họa", "Illustrative"),
    "col_sources": ("Nguồn số liệu", "Sources"),
    "col_notes": ("Ghi chú", "Notes"),
    "origin_plan": ("Kế hoạch", "Plan"),
    "origin_assumption": ("Giả định", "Assumption"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "sheet_summary": ("tong_hop", "summary"),
    "sheet_methods": ("phuong_phap", "methods"),
})

_XLSX_COLUMNS = [
    ("col_target_id", "target_id", 7), ("col_target", "target", 46), ("col_area", "area", 22),
    ("col_deadline", "deadline", 9), ("col_origin", "origin", 11), ("col_latest_year", "latest_year", 10),
    ("col_latest_value", "latest_value", 11), ("col_target_text", "target_text", 16),
    ("col_needed_points", "needed_points_per_year", 14), ("col_needed_percent", "needed_percent_per_year", 14),
    ("col_status", "status_text", 24), ("col_probability", "probability", 11),
    ("col_probability_words", "probability_words", 16), ("col_reach", "reach", 12),
    ("col_median", "projected_median", 14), ("col_lo95", "projected_lo_95", 11), ("col_hi95", "projected_hi_95", 11),
    ("col_status_method", "status_method", 26), ("col_method", "method", 60), ("col_illustrative", "illustrative", 10),
    ("col_sources", "sources", 60), ("col_notes", "notes", 80),
]

_METHOD_TEXT = {
    "vi": [
        "Cách đọc bảng",
        "Tình trạng: so tốc độ thay đổi từ năm gốc (2021, hoặc năm gần nhất có số liệu theo chuẩn hiện hành) với tốc độ "
        "cần để đạt mục tiêu đúng hạn. Tỷ số ≥ 0,95: đúng tiến độ; 0,60–0,95: có tiến bộ, cần tăng tốc; 0–0,60: tiến bộ "
        "chưa đủ; < 0: đi ngược mục tiêu (phương pháp tỷ số tốc độ tăng trưởng của Eurostat / Thống kê Canada; với mục "
        "tiêu tính bằng điểm %/năm hoặc về 0 dùng tỷ số thay đổi tuyệt đối của SDSN).",
        "Khả năng đạt: xác suất giá trị năm hạn đạt mục tiêu, theo dự báo đã kiểm định trên chuỗi số liệu thật "
        "(≥ 80% nhiều khả năng; 50–80% có thể; 20–50% khó; < 20% rất khó).",
        "Cần thay đổi mỗi năm: mức tăng/giảm bình quân mỗi năm từ năm số liệu mới nhất đến năm hạn.",
        "Mục tiêu 2030 của các chỉ tiêu chỉ đặt đến 2025 là giả định (giữ nguyên mức 2025), ghi \"Giả định\".",
        "Tỷ lệ hộ nghèo: chỉ dùng số liệu theo chuẩn nghèo hiện hành (2022–2025); \"giảm 3–4%/năm\" hiểu là điểm phần trăm.",
        "Dòng có \"Minh họa = có\" dựa trên số liệu minh họa, không phải số liệu thật.",
    ],
    "en": [
        "How to read this table",
        "Status compares the yearly change since the baseline (2021, or the nearest year measured on the current "
        "standard) with the change needed to meet the target on time. Ratio ≥ 0.95: on track; 0.60–0.95: moderate "
        "progress, acceleration needed; 0–0.60: insufficient progress; < 0: moving away (Eurostat / Statistics "
        "Canada growth-rate ratio; SDSN linear-rate ratio for targets in points a year or at zero).",
        "Chance of meeting: the probability that the deadline's value meets the target, from a projection whose "
        "intervals were checked on real series (≥ 80 % likely; 50–80 % possible; 20–50 % unlikely; < 20 % very unlikely).",
        "Needed change a year: the average yearly change from the latest year to the deadline.",
        "2030 values of targets the plan sets for 2025 only are assumptions (the 2025 value carried), marked so.",
        "Poverty: only figures on the current poverty line (2022–2025) are used; \"3–4 %/năm\" is read in points.",
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
    for column in ("latest_year", "latest_value", "unit", "target_value", "gap", "needed_points_per_year",
                   "needed_percent_per_year", "needed_points_per_year_other_end", "needed_percent_per_year_other_end",
                   "observed_points_per_year_5y", "observed_points_per_year_since_base", "cumulative_since_start",
                   "cumulative_target", "status", "status_ratio", "status_method", "un_progress_ratio", "un_status",
                   "probability", "reach", "projected_median", "projected_lo_80", "projected_hi_80",
                   "projected_lo_95", "projected_hi_95", "reading", "illustrative", "sources"):
        out[column] = table[column]
    out["target_text"] = [target_text(row, lang) for _, row in table.iterrows()]
    out["needed_text"] = [needed_text(row, lang) for _, row in table.iterrows()]
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
    status_column = [key for _, key, _ in _XLSX_COLUMNS].index("status_text") + 1
    for _, row in summary.iterrows():
        values = []
        for _, key, _ in _XLSX_COLUMNS:
            value = row[key]
            if key == "origin":
                value = label(f"origin_{value}", lang)
            elif key == "illustrative":
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
        color = STATUS_COLORS.get(row["status"])
        if color:
            cell = sheet.cell(sheet.max_row, status_column)
            cell.fill = PatternFill("solid", fgColor=color.lstrip("#"))
            if row["status"] in ("achieved", "on_track", "moving_away", "missed"):
                cell.font = Font(color="FFFFFF", bold=True)
    formats = {"latest_value": "0.0#", "needed_points_per_year": "+0.00;-0.00;0", "needed_percent_per_year":
               "+0.0;-0.0;0", "probability": "0%", "projected_median": "0.0#", "projected_lo_95": "0.0#",
               "projected_hi_95": "0.0#"}
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
