"""Summary tables for the meeting: ``summary.csv`` (for other tools) and ``summary.xlsx`` (for people).

The CSV keeps stable English column names, so that other tools can rely on them; its text
columns (target, area, verdict in words, notes) are in the report's language and its numbers
are plain numbers. The Excel file is for reading: every cell says what the dashboard says
(the same functions of :mod:`analysis.words`: "99,4 %", "1.000 lao động/năm", "giữ mức hiện
nay", "57 %‡"), as text, because an Excel number format cannot fix the decimal comma (Excel
shows a number with the separators of the reader's computer) and because some cells are words
("Đạt", "–"). The numbers themselves are in the CSV. Its sheets: ``tong_hop`` (the verdicts),
``doi_chieu`` (the published methods' pace comparisons, kept apart so that they are not read
as a second verdict) and ``phuong_phap`` (how to read them). Both files are byte-for-byte
reproducible.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..assessment import status_label
from ..export import reproducible_office_file, write_bytes_atomic, write_text_atomic
from ..text import check_language, label, register_labels
from ..words import (chance_shown, deadline_figure_in, decimals_against, decimals_for, fmt_number, is_benchmark,
                     is_holding, is_missing, latest_decimals, needed_text, ratio_below_one, reach_text, target_text,
                     value_text)
from .row_words import DARK_VERDICTS, source_parts
from .style import verdict_color

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
    "method", "reading", "illustrative", "approximate", "sources", "notes", "chance_text", "holding",
    "un_status_text", "method_plain", "latest_decimals", "benchmark", "projected_decimals", "reach_met",
    "deadline_value", "deadline_approximate", "deadline_decimals",
]
"""Columns of summary.csv, in order (names are a contract: keep them stable; new ones go at the
end). ``verdict`` is the headline; ``status`` (with ``status_method``) and ``un_status`` are the
published methods, kept for comparison with other SDG trackers, and ``status_text`` says what
``status`` compares, as a pace and never in a verdict's words. ``chance_text`` is the chance as
the tables show it ("57 %‡", "–"); ``holding`` marks a target met already, whose chance is
the chance of holding it to the deadline. ``un_status_text`` says the UN ratio in words.
``latest_decimals`` is how many decimals every output prints ``latest_value`` with (empty: the
unit's usual ones). ``benchmark`` marks a commune held to a level of its own where the plan sets
the district's (T14; :func:`analysis.words.is_benchmark`). ``projected_decimals`` is how many
decimals the projected median is printed with, where the usual ones would put it on the other
side of the target (19,993 % against "≥ 20 %" is "19,99 %", not "20,0 %" beside "Khó đạt").
``reach_met`` says that ``reach`` is a year whose figure met the target, not a projected one.
``deadline_value`` is the deadline year's own figure where it decided the verdict (empty
otherwise), printed with ``deadline_decimals``; ``deadline_approximate`` marks it as an estimate.
With a later figure in, ``latest_value`` is that later one (2026's 100 % beside 2025's "Không
đạt" at 83,3 %)."""

register_labels({
    "col_target_id": ("Mã", "ID"),
    "col_target": ("Chỉ tiêu", "Target"),
    "col_area": ("Địa bàn", "Area"),
    "col_area_code": ("Mã địa bàn", "Area code"),
    "col_deadline": ("Năm hạn", "Deadline"),
    "col_origin": ("Nguồn mục tiêu", "Target from"),
    "col_latest_year": ("Năm số liệu mới nhất", "Latest year"),
    "col_latest_value": ("Giá trị mới nhất", "Latest value"),
    # the figure a passed deadline was judged by: "2026 | 100,0 % | ≥ 90 % | Không đạt" read as a wrong verdict
    "col_deadline_value": ("Số liệu năm hạn (căn cứ đánh giá)", "Deadline-year figure (judged by)"),
    "col_target_text": ("Mục tiêu", "Goal"),
    "col_target_value": ("Giá trị mục tiêu", "Target value"),
    "col_needed": ("Cần mỗi năm (từ số liệu mới nhất đến năm hạn)", "Needed a year (from the latest figure to the deadline)"),
    "col_verdict": ("Đánh giá", "Verdict"),
    "col_verdict_reason": ("Vì sao", "Why"),
    "col_years_met": ("Số năm đạt", "Years met"),
    "col_met_rule": ("Cách tính đạt", "When met"),
    "col_pace": ("Tốc độ từ năm gốc so với mức cần từ năm gốc", "Pace since the baseline against the pace needed"),
    "col_pace_method": ("Phương pháp công bố", "Published method"),
    "col_un_progress": ("Quãng đường đi được đến năm hạn (UN)", "Share of the way covered by the deadline (UN)"),
    "col_probability": ("Khả năng đạt", "Chance of meeting"),
    "col_probability_words": ("Đánh giá khả năng", "Chance in words"),
    # a level met already has its year in the past: "Năm dự báo đạt 2018" read as a projection gone wrong
    "col_reach": ("Năm đạt (hoặc năm trung vị dự báo đạt)", "Year met (or the median projection's year)"),
    "col_median": ("Dự báo năm hạn (trung vị)", "Projected at deadline (median)"),
    "col_range80": ("Khoảng dự báo 80 %", "80 % projection range"),
    "col_range95": ("Khoảng dự báo 95 %", "95 % projection range"),
    "col_method": ("Cách dự báo", "How it was projected"),
    "col_illustrative": ("Minh họa", "Illustrative"),
    "col_approximate": ("Ước tính (≈)", "Estimated (≈)"),
    "col_sources": ("Nguồn số liệu", "Sources"),
    "col_notes": ("Ghi chú", "Notes"),
    "origin_plan": ("Kế hoạch", "Plan"),
    "origin_assumption": ("Giả định", "Assumption"),
    "origin_reading": ("Cách đọc của công cụ", "Workbench's reading"),
    "origin_projection": ("Chỉ dự báo", "Projection only"),
    # a commune's own level where the plan sets the district's (T14): "Giả định" for its 2030 row read as if
    # the plan's 20 % were assumed for the commune
    "origin_benchmark": ("Mức so sánh của xã", "The commune's benchmark"),
    "origin_benchmark_assumption": ("Mức so sánh của xã, giả định giữ như năm 2025",
                                    "The commune's benchmark, assumed to stay as in 2025"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "sheet_summary": ("tong_hop", "summary"),
    "sheet_comparison": ("doi_chieu", "comparison"),
    "sheet_methods": ("phuong_phap", "methods"),
    "summary_numbers_note": ("Số liệu dạng số (để tính toán) và tên các phương pháp dự báo (cột method) ở tệp "
                             "summary.csv cùng thư mục.",
                             "The figures as numbers (for calculations) and the projection methods by name (column "
                             "method) are in summary.csv beside this file."),
    "comparison_title": (
        "Đối chiếu với các phương pháp công bố (Eurostat, Thống kê Canada, SDSN, Liên Hợp Quốc), để so sánh với các "
        "bộ theo dõi mục tiêu phát triển bền vững. Đây không phải đánh giá: đánh giá của báo cáo ở trang tong_hop "
        "(theo khả năng đạt và tốc độ 3 năm có số liệu gần nhất, cùng cách tính). Các phương pháp này so tốc độ từ năm gốc với mục tiêu như "
        "ghi, nên có thể khác đánh giá.",
        "Comparison with published methods (Eurostat, Statistics Canada, SDSN, the United Nations), for comparison "
        "with SDG trackers. This is not a verdict: the report's verdict is on the summary sheet (from the chance of "
        "meeting the target and the pace of the 3 latest years with figures, counted alike). These methods compare the pace since the baseline with the "
        "target as written, so they may differ from the verdict."),
    "pace_enough": ("tốc độ từ {base} đủ so với mức cần từ năm gốc (tỷ số {ratio})",
                    "pace since {base} enough for the pace needed from the baseline (ratio {ratio})"),
    # from 95 % of the pace needed the published methods count it on track: "gần đủ", not "đủ (tỷ số 0,97)"
    "pace_nearly": ("tốc độ từ {base} gần đủ so với mức cần từ năm gốc (tỷ số {ratio})",
                    "pace since {base} nearly enough for the pace needed from the baseline (ratio {ratio})"),
    "pace_short": ("tốc độ từ {base} chưa đủ so với mức cần từ năm gốc (tỷ số {ratio})",
                   "pace since {base} short of the pace needed from the baseline (ratio {ratio})"),
    "pace_away": ("tốc độ từ {base} ngược hướng mục tiêu (tỷ số {ratio})",
                  "pace since {base} away from the target (ratio {ratio})"),
    "flow_enough": ("bình quân mỗi năm từ {base} đủ so với mức mỗi năm của kế hoạch (tỷ số {ratio})",
                    "yearly average since {base} enough for the plan's yearly level (ratio {ratio})"),
    "flow_nearly": ("bình quân mỗi năm từ {base} gần đủ so với mức mỗi năm của kế hoạch (tỷ số {ratio})",
                    "yearly average since {base} nearly enough for the plan's yearly level (ratio {ratio})"),
    "flow_short": ("bình quân mỗi năm từ {base} chưa đủ so với mức mỗi năm của kế hoạch (tỷ số {ratio})",
                   "yearly average since {base} short of the plan's yearly level (ratio {ratio})"),
    "pace_latest_meets": ("giá trị mới nhất đáp ứng mục tiêu như ghi; không tính tỷ số tốc độ",
                          "the latest value meets the target as written; no pace ratio"),
    "pace_fell_back": ("đáp ứng mục tiêu như ghi ở năm gốc {base}, nay không còn; không tính tỷ số tốc độ",
                       "met the target as written in {base}, no longer; no pace ratio"),
    "pace_deadline_met": ("giá trị năm hạn {deadline} đáp ứng mục tiêu như ghi",
                          "the {deadline} value meets the target as written"),
    "pace_deadline_missed": ("giá trị năm hạn {deadline} không đáp ứng mục tiêu như ghi",
                             "the {deadline} value does not meet the target as written"),
    "pace_deadline_unknown": ("chưa có số liệu năm hạn {deadline}", "no figure yet for {deadline}"),
    "pace_no_ratio": ("không tính được tỷ số (thiếu số liệu)", "no ratio (too few figures)"),
    "method_none": ("không tính tỷ số", "no ratio"),
    "un_progress": ("giữ tốc độ từ {base} thì đến {deadline} đi được {share} quãng đường từ năm gốc đến mục tiêu",
                    "at the pace since {base}, {share} of the way from the baseline to the target by {deadline}"),
    "un_ahead": ("giữ tốc độ từ {base} thì đạt mục tiêu trước năm {deadline}",
                 "at the pace since {base}, the target is reached before {deadline}"),
    "pace_cumulative_met": ("tổng mức giảm từ {base} đã đủ {low} điểm %/năm tính bình quân (cộng dồn; đánh giá "
                            "chính xét từng năm); không tính tỷ số tốc độ",
                            "the total fall since {base} averages {low} points a year (cumulative; the verdict "
                            "judges each year); no pace ratio"),
    "un_backwards": ("giữ tốc độ từ {base} thì đến {deadline} xa mục tiêu hơn năm gốc",
                     "at the pace since {base}, further from the target by {deadline} than at the baseline"),
})

_XLSX_COLUMNS = [
    ("col_target_id", "target_id", 7), ("col_target", "target", 46), ("col_area", "area", 22),
    ("col_deadline", "deadline", 9), ("col_origin", "origin", 11), ("col_latest_year", "latest_year", 10),
    ("col_latest_value", "latest_value", 13), ("col_deadline_value", "deadline_value", 14),
    ("col_target_text", "target_text", 16),
    ("col_verdict", "verdict_text", 26), ("col_probability", "chance_text", 11),
    ("col_needed", "needed_text", 18), ("col_years_met", "years_met_text", 11),
    ("col_verdict_reason", "verdict_reason", 80), ("col_reach", "reach", 12),
    ("col_median", "projected_median", 14), ("col_range80", "projected_range_80", 20),
    ("col_range95", "projected_range_95", 20),
    ("col_met_rule", "met_rule", 30), ("col_method", "method_plain", 60), ("col_illustrative", "illustrative", 10),
    ("col_approximate", "approximate", 10), ("col_sources", "sources", 60), ("col_notes", "notes", 80),
]
"""The summary sheet: (header label, summary column or a text made from it, width). Every
quantity is text written as the dashboard writes it; years are whole numbers."""

_COMPARISON_COLUMNS = [
    ("col_target_id", "target_id", 7), ("col_target", "target", 46), ("col_area", "area", 22),
    ("col_deadline", "deadline", 9), ("col_pace_method", "status_method", 34), ("col_pace", "status_text", 60),
    ("col_un_progress", "un_status_text", 60),
]
"""The comparison sheet: the published methods' pace comparisons, apart from the verdicts."""

_METHOD_TEXT = {
    "vi": [
        "Cách đọc bảng",
        "Đánh giá: trả lời câu hỏi của cuộc họp — có đạt chỉ tiêu đúng hạn không. Khả năng đạt (xác suất giá trị năm "
        "hạn đạt mục tiêu, theo dự báo đã kiểm chứng trên số liệu thống kê của nhiều nước) xác định nhóm, tốc độ 3 "
        "năm có số liệu gần nhất so "
        "với mức cần mỗi năm xác định trong nhóm: khả năng từ 50 % trở lên — \"Đúng tiến độ\" nếu số liệu mới nhất "
        "đã đạt (khả năng giữ được) hoặc tốc độ gần đây đủ (từ 95 % mức cần), còn lại \"Cần đẩy nhanh tiến độ\"; khả năng "
        "dưới 50 % — \"Dự báo chậm lại, khó đạt\" nếu tốc độ gần đây đủ (dự báo chậm lại), còn lại \"Xa dần mục "
        "tiêu\" nếu tốc độ 3 năm có số liệu gần nhất đi ngược hướng, năm gần nhất chưa quay lại "
        "và dự báo cũng không quay lại, \"Cần đẩy "
        "nhanh tiến độ\" nếu khả năng "
        "từ 20 %, \"Chuyển biến chậm, khó đạt\" nếu dưới 20 %; số liệu mới nhất đã đạt mà khả năng giữ được dưới "
        "50 % — \"Khó giữ mức đã đạt\". Chỉ khi đã có số liệu năm hạn: \"Đã đạt\" hoặc \"Không đạt\". "
        "Vì vậy \"Đúng tiến độ\" luôn đi cùng khả năng từ 50 % trở lên.",
        "Qua đợt sắp xếp đơn vị hành chính ngày 1/7/2025, tốc độ chỉ đo trên các năm tính như nhau: từ năm 2025 khi "
        "đã có 2 số liệu, trước đó là các năm đến 2024 (lý do ghi rõ, ví dụ \"tính trên 13 xã cũ\"). Nếu đến năm "
        "2024 đã đạt và từ năm 2025 mới có 1 số liệu thì chưa tính được tốc độ: đánh giá theo khả năng đạt.",
        "Năm hạn đã qua mà chưa có số liệu năm đó (\"chờ số liệu năm 2025\"): đánh giá theo khả năng giá trị năm đó đạt "
        "mục tiêu, bằng lời của báo cáo tổng kết, không phải của tiến độ: \"Ước đạt\" khi khả năng từ 50 % trở lên, "
        "\"Khó đạt\" từ 20 % đến dưới 50 %, \"Ước không đạt\" dưới 20 %, kể cả khi số liệu mới nhất đã đạt (khả năng "
        "giữ được mức đã đạt).",
        "Chỉ tiêu hằng năm: giảm tỷ lệ hộ nghèo 3–4 điểm %/năm đánh giá từng năm (mức giảm làm tròn một chữ số thập "
        "phân; khi tỷ lệ còn dưới 3 % thì cần giảm hết phần còn lại); việc làm 1.000–1.500 lao động/năm đánh giá từng "
        "năm, không cộng dồn phần vượt của năm trước; an ninh, quốc phòng đánh giá từng năm. Cột \"Số năm đạt\".",
        "Đạt: mục tiêu ghi tròn ở giới hạn (100 %, 0 %) được coi là đạt khi giá trị làm tròn bằng mục tiêu (từ 99,5 %); "
        "\"cơ bản không còn ấp đặc biệt khó khăn\" là toàn huyện còn không quá 1 ấp (cách hiểu lời văn kế hoạch); "
        "các mục tiêu khác so đúng như ghi (\"trên 80 %\" là lớn hơn 80).",
        "Đảng viên người Khmer: kế hoạch đặt mức 20 % cho toàn huyện. Từng xã được so với tỷ lệ người Khmer trong dân "
        "số của chính xã đó: đây là cách đọc của công cụ, theo yêu cầu \"phù hợp với tỷ lệ dân số ở từng địa phương\" "
        "mà kế hoạch đặt cho cán bộ, công chức, viên chức (mục II.2 và mục V.19 của Kế hoạch), không phải chỉ tiêu kế hoạch giao cho xã.",
        "Khả năng đạt có dấu ‡: chỉ tiêu đã đạt trước năm hạn; con số là khả năng giữ được mức đạt đến năm hạn "
        "(năm nào cũng còn đạt: khả năng nhỏ nhất trong các năm đến năm hạn). \"–\": "
        "đã có số liệu năm hạn (đánh giá theo số liệu đó) hoặc không có chỉ tiêu.",
        "Cần mỗi năm: mức tăng/giảm bình quân mỗi năm từ năm số liệu mới nhất đến năm hạn; \"giữ mức đã đạt\" khi "
        "số liệu mới nhất đã đạt hoặc vượt mục tiêu trước năm hạn; \"–\" khi đã có kết quả năm hạn. Số đếm cần "
        "chưa tới 1 đơn vị mỗi năm ghi theo số năm (\"−1 ấp/3 năm\"); năm hạn đã qua mà số liệu mới nhất cách "
        "hơn 1 năm ghi cả mức cần (\"−8 xã so với năm 2023\"). Tỷ lệ của vài xã (6 xã mới) chỉ thay đổi từng "
        "xã một, nên ghi số xã cần thêm (\"+1 xã/5 năm\"); phần vì sao ghi cả mức tăng điểm %/năm đến mức được "
        "tính là đạt. Giống bảng tổng hợp một trang.",
        "Năm đạt: năm đầu của chuỗi năm liên tiếp có số liệu đạt đến nay (\"đã đạt từ 2025\"); chưa đạt thì là "
        "năm mà trung vị dự báo (giá trị giữa: khả năng cao hơn và thấp hơn bằng nhau) đạt, nên đi cùng khả năng "
        "đạt bên cạnh, không phải một điều chắc chắn.",
        "Trang doi_chieu (để so sánh với các bộ theo dõi mục tiêu phát triển bền vững, không phải đánh giá): tỷ số tốc "
        "độ thay đổi mỗi năm từ năm gốc (2021) so với tốc độ cần từ năm gốc để đạt mục tiêu như ghi (Eurostat, Thống "
        "kê Canada; SDSN cho mục tiêu tính bằng điểm %/năm hoặc về 0; việc làm: bình quân mỗi năm so với mức mỗi năm). "
        "Tỷ số từ 1: tốc độ đủ; từ 0,95 đến dưới 1: gần đủ (tính là đủ); từ 0 đến dưới 0,95: chưa đủ (Eurostat tách tiếp ở 0,60); dưới 0: ngược hướng. Cột "
        "Liên Hợp Quốc (UNSD 2023): giữ tốc độ bình quân từ năm gốc thì đến năm hạn đi được bao nhiêu phần quãng "
        "đường từ năm gốc đến mục tiêu (UN coi từ 95 % là đạt hoặc đúng tiến độ, dưới 10 % là trì trệ).",
        "Mục tiêu 2030 của các chỉ tiêu chỉ đặt đến 2025 là giả định (giữ nguyên mức 2025), ghi \"Giả định\"; kế hoạch "
        "không đặt chỉ tiêu giảm nghèo đến 2030 nên dòng 2030 của chỉ tiêu này chỉ là dự báo.",
        "Tỷ lệ hộ nghèo: mức xuất phát của dự báo chỉ lấy theo chuẩn nghèo mới nhất có số liệu (chuẩn "
        "2022–2025, số liệu từ rà soát cuối năm 2021); các số liệu theo chuẩn cũ chỉ góp tốc độ thay đổi hằng năm (cho xu hướng và độ rộng khoảng "
        "dự báo), không góp mức.",
        "Dòng có \"Minh họa = có\" dựa trên số liệu minh họa, không phải số liệu thật.",
    ],
    "en": [
        "How to read this table",
        "Verdict: the meeting's question — will the target be met on time? The chance (the probability that the "
        "deadline's value meets the target, from a projection whose intervals were checked on many countries' "
        "statistics) sets the "
        "band and the pace of the 3 latest years with figures against the yearly rate needed decides within it: at a chance of 50 % or "
        "more — \"On track\" if the latest value already meets it (the chance of holding it) or the recent pace is "
        "enough (95 % of the rate needed), else \"Needs to speed up\"; below 50 % — \"Slowing, unlikely to be met\" if the recent "
        "pace is enough (the projection expects it to slow), else \"Moving away from the target\" if the series ran the "
        "wrong way over those 3 years and neither the last year nor the projection turns back, \"Needs to speed up\" at a chance of 20 % or "
        "more, \"Slow progress, unlikely to be met\" below; a latest value that meets it with a chance under 50 % of holding "
        "— \"Hard to hold the level met\". Only once "
        "the deadline's figure is in: \"Achieved\" or \"Not met\". So \"On track\" always comes with a chance of 50 % "
        "or more.",
        "Across the administrative reform of 1 July 2025 the pace is measured on years counted alike: from 2025 once "
        "there are 2 figures, until then on the years to 2024 (the reason names them, e.g. \"over 13 former "
        "units\"). When the target was met to 2024 and 2025 has 1 figure so far, there is no pace yet: the chance "
        "alone decides.",
        "A deadline year that has ended without its figure (\"awaiting the 2025 figure\") is judged by the chance that "
        "its value meets the target, in the words of an end-of-period review rather than of progress: \"Likely met\" "
        "at 50 % or more, \"In doubt\" at 20 % to under 50 %, \"Likely missed\" below 20 %, a latest figure that meets it "
        "included (the chance of holding it).",
        "Yearly targets: the poverty fall of 3–4 points a year is judged year by year (falls rounded to one decimal; "
        "below 3 % the year needs all that is left); 1,000–1,500 jobs a year are judged year by year, with no surplus "
        "carried; security and defence year by year. See \"Years met\".",
        "Met: a target written as a whole number at a bound (100 %, 0 %) is met when the value rounds to it (from "
        "99.5 %); \"basically no especially difficult hamlets\" is at most 1 in the district (a reading of "
        "the plan's words); other targets as written (\"above 80 %\" is more than 80).",
        "Khmer party members: the plan sets 20 % for the district. Each commune is compared with its own Khmer "
        "population share: the workbench's reading, after the plan's \"in proportion to the population in each "
        "locality\" for cadres and civil servants (sections II.2 and V.19 of the plan), not a target the plan sets for communes.",
        "A chance marked ‡: the target is met already, before its deadline; the figure is the chance of holding it to "
        "the deadline (still met every year until then: the least of those years' chances). \"–\": the deadline's figure is in (the verdict rests on it) or there is no target.",
        "Needed a year: the average yearly change from the latest year to the deadline; \"hold the level reached\" "
        "when the latest value already meets or passes the target before the deadline; \"–\" once the deadline's "
        "result is in. A count needing less than one unit a year is given over years (\"−1 hamlet in 3 yrs\"); a deadline "
        "passed more than a year after the latest figure, as the whole change (\"−8 communes from 2023\"). A share "
        "of a few communes (the 6 new ones) moves one commune at a time, so it is given in communes (\"+1 commune in "
        "5 yrs\"); the reason also gives the points a year to the level that counts as met. As on the dashboard.",
        "Year met: the first year of the unbroken run of met figures up to now (\"met since 2025\"); if not met "
        "yet, the year the median projection (the middle value: as likely to be above as below) meets it, to be "
        "read with the chance beside it, not as a certainty.",
        "The comparison sheet (for comparison with SDG trackers, not a verdict): the yearly change since the baseline "
        "(2021) over the change needed from the baseline to meet the target as written (Eurostat, Statistics Canada; "
        "SDSN for targets in points a year or at zero; jobs: the yearly average over the yearly level). A ratio of "
        "1 or more: pace enough; 0.95 to under 1: nearly enough (counted as enough); 0 to under 0.95: short (Eurostat splits at 0.60); below 0: the wrong way. The UN "
        "column (UNSD 2023): the share of the way from the baseline to the target covered by the deadline at the "
        "average pace since the baseline (the UN calls 95 % or more met or on track, under 10 % stagnation).",
        "2030 values of targets the plan sets for 2025 only are assumptions (the 2025 value carried), marked so; the "
        "plan sets no 2030 poverty target, so that row is a projection only.",
        "Poverty: the projection's level comes only from the latest poverty line with figures (the "
        "2022–2025 line, figures from the end-2021 review on); figures on earlier lines lend only their yearly changes (to the trend and the width of the "
        "interval), not their level.",
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
                   "latest_decimals", "benchmark", "reach_met"):
        out[column] = table[column]
    # the data say some sources in both languages ("… / Illustrative data, not real"): one, the reader's
    out["sources"] = ["; ".join(source_parts(text, lang)) for text in table["sources"]]
    rows = [row for _, row in table.iterrows()]
    out["target_text"] = [target_text(row, lang) if row["origin"] != "projection" else "" for row in rows]
    out["met_rule"] = table[f"met_rule_{lang}"]
    out["needed_text"] = [needed_text(row, lang, per_year=False) for row in rows]  # under "Cần mỗi năm"
    out["verdict_text"] = [status_label(key, lang) if key else label("projection_only", lang)
                           for key in table["verdict"]]
    out["verdict_reason"] = table[f"verdict_reason_{lang}"]
    out["projected_decimals"] = pd.array([None if is_missing(row["projected_median"])
                                          else decimals_against(float(row["projected_median"]), row)
                                          for row in rows], dtype="Int64")
    out["status_text"] = [pace_text(row, lang) for row in rows]
    out["probability_words"] = [status_label(key, lang) for key in table["probability_words"]]
    out["reach"] = [status_label(str(key), lang) if str(key) == "not_by_2035" else str(key) for key in table["reach"]]
    out["method"] = table["projection_method_vi" if lang == "vi" else "projection_method"]
    out["method_plain"] = table["projection_method_plain_vi" if lang == "vi" else "projection_method_plain"]
    out["notes"] = table["notes_vi" if lang == "vi" else "notes_en"]
    out["chance_text"] = [chance_shown(row, lang) for row in rows]
    out["holding"] = [is_holding(row) for row in rows]
    out["un_status_text"] = [un_progress_text(row, lang) for row in rows]
    decided = [deadline_figure_in(row) for row in rows]
    out["deadline_value"] = [row["deadline_value"] if judged else math.nan for row, judged in zip(rows, decided)]
    out["deadline_approximate"] = [bool(row["deadline_approximate"]) and judged for row, judged in zip(rows, decided)]
    out["deadline_decimals"] = pd.array([decimals_against(float(row["deadline_value"]), row) if judged else None
                                         for row, judged in zip(rows, decided)], dtype="Int64")
    return out[SUMMARY_COLUMNS].reset_index(drop=True)


def pace_text(row: pd.Series, lang: str = "vi") -> str:
    """What the published method (``status``, ``status_method``) compares, said as a pace and
    never in a verdict's words, so that it is not read as a second verdict.

    >>> row = pd.Series({"status": "on_track", "status_method": "growth_rate_ratio", "status_ratio": 1.0213,
    ...                  "base_year": 2021, "deadline": 2025})
    >>> pace_text(row)
    'tốc độ từ 2021 đủ so với mức cần từ năm gốc (tỷ số 1,02)'
    >>> pace_text(row.copy().replace({1.0213: 0.971}))
    'tốc độ từ 2021 gần đủ so với mức cần từ năm gốc (tỷ số 0,97)'
    >>> pace_text(row.copy().replace({"on_track": "moving_away", 1.0213: -0.15}), "en")
    'pace since 2021 away from the target (ratio −0.15)'
    >>> pace_text(row.copy().replace({"on_track": "achieved", "growth_rate_ratio": "deadline_passed"}))
    'giá trị năm hạn 2025 đáp ứng mục tiêu như ghi'
    """
    status, method = row["status"], row["status_method"]
    base, deadline = _year(row.get("base_year")), int(row["deadline"])
    if not status:
        return ""
    if method == "deadline_passed":
        key = {"achieved": "pace_deadline_met", "missed": "pace_deadline_missed"}.get(status, "pace_deadline_unknown")
        return label(key, lang).format(deadline=deadline)
    if method == "fell_below_target":
        return label("pace_fell_back", lang).format(base=base)
    if status == "achieved" and row.get("kind") == "yearly_reduction":
        # a fall of 3 points a year, added up since the baseline: not the year-by-year reading
        return label("pace_cumulative_met", lang).format(base=base, low=fmt_number(float(row["target_low"]), lang, 0))
    if status == "achieved":
        return label("pace_latest_meets", lang)
    ratio = row.get("status_ratio")
    if status == "too_little_data" or is_missing(ratio):
        return label("pace_no_ratio", lang)
    # as printed: a ratio of 0,998 reads "1,00", which "gần đủ" would contradict
    enough = ("nearly" if ratio_below_one(ratio) else "enough") if status == "on_track" else "short"
    if method == "flow_ratio":
        key = f"flow_{enough}"
    else:
        key = "pace_away" if status == "moving_away" else f"pace_{enough}"
    return label(key, lang).format(base=base, ratio=fmt_number(float(ratio), lang, 2))


def _year(value) -> str:
    return "–" if is_missing(value) else str(int(value))


def un_progress_text(row: pd.Series, lang: str = "vi") -> str:
    """The UN expected-progress ratio in words: the share of the way to the target covered by the
    deadline at the pace since the baseline ("" where it is not computed).

    >>> un_progress_text(pd.Series({"un_progress_ratio": 0.838, "base_year": 2021, "deadline": 2025}))
    'giữ tốc độ từ 2021 thì đến 2025 đi được 84 % quãng đường từ năm gốc đến mục tiêu'
    >>> un_progress_text(pd.Series({"un_progress_ratio": 5.04, "base_year": 2021, "deadline": 2030}))
    'giữ tốc độ từ 2021 thì đạt mục tiêu trước năm 2030'
    """
    ratio = row["un_progress_ratio"]
    if is_missing(ratio):
        return ""
    base, deadline = _year(row["base_year"]), int(row["deadline"])
    if ratio < 0:
        return label("un_backwards", lang).format(base=base, deadline=deadline)
    if ratio > 1:  # "504 % of the way" reads as nonsense: the pace reaches the target early
        return label("un_ahead", lang).format(base=base, deadline=deadline)
    return label("un_progress", lang).format(base=base, deadline=deadline,
                                             share=f"{fmt_number(100 * float(ratio), lang, 0)} %")


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
    """Write the formatted summary.xlsx: the verdicts on their colours with the chance and the
    change needed as the dashboard writes them, a comparison sheet for the published methods,
    a methods sheet.

    Quantities are text cells in the report's number style (see the module's docstring). Text
    that Excel would take for a formula (sources come from the data files) is written as a
    string cell, never as a formula.
    """
    check_language(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = label("sheet_summary", lang)
    _header(sheet, [label(key, lang) for key, _, _ in _XLSX_COLUMNS])
    verdict_column = [key for _, key, _ in _XLSX_COLUMNS].index("verdict_text") + 1
    for _, row in summary.iterrows():
        _append(sheet, [_summary_cell(row, key, lang) for _, key, _ in _XLSX_COLUMNS])
        color = verdict_color(row, None)
        cell = sheet.cell(sheet.max_row, verdict_column)
        cell.font = Font(bold=True, color="FFFFFF" if row["verdict"] in DARK_VERDICTS else "000000")
        if color:
            cell.fill = PatternFill("solid", fgColor=color.lstrip("#"))
    _widths(sheet, _XLSX_COLUMNS)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(_XLSX_COLUMNS))}{sheet.max_row}"
    # the footnotes, below the filtered rows
    notes = ([label("holding_mark", lang)] if summary["holding"].any() else []) + [label("summary_numbers_note", lang)]
    sheet.append([])
    for note in notes:
        sheet.append([note])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True)

    comparison = book.create_sheet(label("sheet_comparison", lang))
    comparison.append([label("comparison_title", lang)])
    comparison["A1"].font = Font(bold=True)
    _header(comparison, [label(key, lang) for key, _, _ in _COMPARISON_COLUMNS])
    for _, row in summary.iterrows():
        _append(comparison, [_comparison_cell(row, key, lang) for _, key, _ in _COMPARISON_COLUMNS])
    _widths(comparison, _COMPARISON_COLUMNS)
    comparison.freeze_panes = "C3"
    comparison.auto_filter.ref = f"A2:{get_column_letter(len(_COMPARISON_COLUMNS))}{comparison.max_row}"

    methods = book.create_sheet(label("sheet_methods", lang))
    for line in _METHOD_TEXT[lang]:
        methods.append([line])
    methods["A1"].font = Font(bold=True, size=13)
    methods.column_dimensions["A"].width = 160
    for cell in methods["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.creator = "Cầu Ngang target workbench"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_bytes_atomic(path, reproducible_office_file(buffer.getvalue()))


def _header(sheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(sheet, columns: list[tuple[str, str, int]]) -> None:
    for index, (_, _, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _append(sheet, values: list) -> None:
    """A row of cells; text that Excel would run as a formula stays text (a string cell shown
    with Excel's quote prefix): sources come from the data files, "+2,3 điểm %" from us."""
    from ..export import FORMULA_STARTS

    sheet.append([None if is_missing(value) else (value.item() if hasattr(value, "item") else value)
                  for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
        # long texts (the reasons, the targets' names) wrap within their column instead of being cut
        cell.alignment = _WRAPPED


_WRAPPED = Alignment(wrap_text=True, vertical="top")


def _summary_cell(row: pd.Series, key: str, lang: str):
    """One cell of the summary sheet: a quantity as the dashboard writes it, a year as a number."""
    if key == "years_met_text":
        return "" if is_missing(row["years_met"]) else \
            label("years_met", lang).format(met=row["years_met"], counted=row["years_counted"])
    if key == "reach":
        return reach_text(row, lang)
    if key == "origin":
        if is_benchmark(row):
            return label("origin_benchmark_assumption" if row["origin"] == "assumption" else "origin_benchmark", lang)
        return label(f"origin_{row['origin']}", lang)
    if key in ("illustrative", "approximate"):
        return label("yes" if row[key] else "no", lang)
    if key == "latest_value":
        text = quantity_text(row["latest_value"], row["unit"], lang, decimals=latest_decimals(row))
        return f"≈{text}" if row["approximate"] and text != "–" else text
    if key == "deadline_value":
        if is_missing(row["deadline_value"]):
            return "–"
        text = quantity_text(float(row["deadline_value"]), row["unit"], lang, decimals=_stored(row, "deadline_decimals"))
        return f"≈{text}" if row["deadline_approximate"] else text
    if key == "projected_median":
        return quantity_text(row["projected_median"], row["unit"], lang, projected=True,
                             decimals=_stored(row, "projected_decimals"))
    if key in ("projected_range_80", "projected_range_95"):  # the review quotes the 80 % one
        level = key[-2:]
        low = quantity_text(row[f"projected_lo_{level}"], row["unit"], lang, projected=True, bare=True)
        high = quantity_text(row[f"projected_hi_{level}"], row["unit"], lang, projected=True)
        return "–" if "–" in (low, high) else f"{low} – {high}"
    if key == "needed_text" and row["verdict"] == "":
        return "–"
    value = row[key]
    if key in ("deadline", "latest_year"):
        return None if is_missing(value) else int(value)
    return value


def _stored(row: pd.Series, column: str) -> int | None:
    """The decimals a summary column stores for a value (empty: the unit's usual ones)."""
    return None if is_missing(row[column]) else int(row[column])


def quantity_text(value: float, unit: str, lang: str = "vi", projected: bool = False, bare: bool = False,
                  decimals: int | None = None) -> str:
    """A value of the summary sheet as the dashboard writes it ("99,4 %", "1.120 lao động",
    "Đạt"); ``bare`` drops the unit (the first end of a range); a projected yes/no is "–".

    >>> quantity_text(1120.0, "workers"), quantity_text(99.359, "percent"), quantity_text(1.0, "flag")
    ('1.120 lao động', '99,4 %', 'Đạt')
    >>> quantity_text(97.06, "percent", bare=True), quantity_text(0.7, "flag", projected=True)
    ('97,1', '–')
    """
    if is_missing(value) or (projected and unit == "flag"):
        return "–"
    if bare and unit != "flag":
        return fmt_number(float(value), lang, decimals_for(unit) if decimals is None else decimals)
    return value_text(float(value), unit, lang, decimals=decimals)


def _comparison_cell(row: pd.Series, key: str, lang: str):
    if key == "status_method":
        if not row["status"]:
            return ""
        method = row["status_method"]
        if method == "deadline_passed" or (method and not is_missing(row["status_ratio"])):
            return label(method, lang)
        return label("method_none", lang)  # met already, or met at the baseline: no ratio was computed
    value = row[key]
    if key == "deadline":
        return int(value)
    return value
