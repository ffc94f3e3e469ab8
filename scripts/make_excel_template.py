"""Make data/templates/mau_nhap_so_lieu.xlsx: the Excel template offices fill in.

Sheets: `huong_dan` (instructions, Vietnamese then English), `du_lieu` (the data sheet the
loader reads: header row only, with drop-down lists), `chi_tieu` (indicator ids) and
`dia_ban` (area codes). The workbook's timestamps are fixed so that the file is the same on
every run.

Run: python scripts/make_excel_template.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.data.catalogue import GROUPS, load_areas, load_indicators  # noqa: E402
from analysis.export import reproducible_office_file, write_bytes_atomic  # noqa: E402
from analysis.data.observations import COLUMNS, QUALIFIERS, REQUIRED_COLUMNS  # noqa: E402

OUT = ROOT / "data" / "templates" / "mau_nhap_so_lieu.xlsx"
FIXED_TIME = dt.datetime(2022, 2, 21)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

INSTRUCTIONS_VI = [
    "MẪU NHẬP SỐ LIỆU — Công cụ theo dõi chỉ tiêu Kế hoạch 20/KH-UBND (vùng đồng bào Khmer, địa bàn huyện Cầu Ngang cũ)",
    "",
    "Lưu ý sắp xếp đơn vị hành chính: từ 1/7/2025 không còn cấp huyện; 15 xã, thị trấn của huyện Cầu Ngang sắp xếp thành",
    "6 xã mới của tỉnh Vĩnh Long (NQ 1687/NQ-UBTVQH15). Số liệu năm 2024 trở về trước ghi mã đơn vị cũ; số liệu năm 2025",
    "trở đi ghi mã xã mới (xã mới dùng lại mã của một đơn vị cũ, ví dụ xã Cầu Ngang 29416) — xem trang \"dia_ban\".",
    "",
    "1. Ghi số liệu vào trang \"du_lieu\", mỗi dòng một số liệu: một chỉ tiêu, một địa bàn, một nhóm dân số, một năm.",
    "2. Không đổi tên, không xóa, không chèn thêm dòng tiêu đề; không gộp ô.",
    "3. Các cột bắt buộc: " + ", ".join(REQUIRED_COLUMNS) + ". Các cột khác điền khi có.",
    "4. Mã chỉ tiêu xem trang \"chi_tieu\"; mã địa bàn (mã TCTK) xem trang \"dia_ban\" (cột \"dùng cho năm\").",
    "5. Tỷ lệ ghi theo phần trăm, không kèm dấu %: 12,5 (hoặc 12.5). Số lớn ghi 1234 hoặc 1.234 đều được,",
    "   nhưng dùng một kiểu cho cả tệp. Để ô ở định dạng General hoặc Number (không dùng định dạng % hay ngày).",
    "6. Chỉ tiêu nghèo: luôn ghi chuẩn nghèo ở cột standard (2016-2020 hoặc 2022-2025); các chuẩn không so sánh được.",
    "7. Khi biết số đếm, ghi tử số (numerator, ví dụ số hộ nghèo Khmer) và mẫu số (denominator, tổng số hộ Khmer).",
    "8. Cột source ghi rõ văn bản hoặc báo cáo (số, ngày) hoặc cơ quan cung cấp.",
    "9. Lưu tệp dạng .xlsx, hoặc CSV UTF-8, rồi gửi trước ngày 15/12 hằng năm: các xã gửi UBND xã tổng hợp, UBND xã",
    "   gửi Sở Dân tộc và Tôn giáo tỉnh Vĩnh Long (trước 1/7/2025: Phòng Dân tộc huyện Cầu Ngang).",
    "",
    "Ví dụ một dòng (trang du_lieu):",
]
INSTRUCTIONS_EN = [
    "",
    "DATA TEMPLATE — Cầu Ngang target workbench (Plan 20/KH-UBND)",
    "The 2025 reorganisation: from 1 July 2025 there are no districts; the 15 communes and towns of Cầu Ngang became 6",
    "new communes of Vĩnh Long province (NQ 1687/NQ-UBTVQH15). Figures up to 2024 use the old units' codes; figures for",
    "2025 on use the new communes' codes (a new commune reuses one old code, e.g. xã Cầu Ngang 29416) — see \"dia_ban\".",
    "1. Enter data on the \"du_lieu\" sheet, one figure per row: one indicator, area, population group and year.",
    "2. Do not rename, delete or add header rows; do not merge cells.",
    "3. Required columns: " + ", ".join(REQUIRED_COLUMNS) + ". Fill the others when known.",
    "4. Indicator ids are on sheet \"chi_tieu\"; area (GSO) codes on sheet \"dia_ban\" (column \"years\").",
    "5. Percentages as numbers without %: 12,5 or 12.5. Use one number style in the whole file. Keep cells",
    "   formatted as General or Number (not as a percentage or a date).",
    "6. Poverty indicators: always state the poverty standard (2016-2020 or 2022-2025); the lines are not comparable.",
    "7. When counts are known, give the numerator (e.g. poor Khmer households) and denominator (all Khmer households).",
    "8. The source column names the document or report (number, date) or the office.",
    "9. Save as .xlsx or CSV UTF-8 and send before 15 December each year: to the new commune's People's Committee,",
    "   which sends it to the Department of Ethnic and Religious Affairs of Vĩnh Long (before 1/7/2025: the district's",
    "   Office of Ethnic Affairs).",
]
EXAMPLE = {"indicator": "poverty_rate_households", "area_code": "29431", "group": "khmer", "year": 2025,
           "standard": "2022-2025", "value": 2.13, "unit": "percent", "numerator": 43, "denominator": 2021,
           "qualifier": "", "source": "Báo cáo rà soát hộ nghèo cuối năm 2025, UBND xã Vinh Kim (ví dụ)",
           "source_url": "", "quote": "", "note": "", "illustrative": "FALSE", "preferred": "TRUE"}


def build() -> bytes:
    indicators, areas = load_indicators(), load_areas()
    book = Workbook()
    guide = book.active
    guide.title = "huong_dan"
    for line in INSTRUCTIONS_VI:
        guide.append([line])
    guide.append(list(COLUMNS))
    guide.append([EXAMPLE[c] for c in COLUMNS])
    for line in INSTRUCTIONS_EN:
        guide.append([line])
    guide.append([])
    guide.append(["Cột / Column", "Ý nghĩa", "Meaning", "Bắt buộc / Required"])
    for column, (vi, en) in COLUMNS.items():
        guide.append([column, vi, en, "x" if column in REQUIRED_COLUMNS else ""])
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 70
    guide.column_dimensions["C"].width = 70
    guide["A1"].font = Font(bold=True, size=13)

    data = book.create_sheet("du_lieu")
    data.append(list(COLUMNS))
    for cell in data[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True)
        data.column_dimensions[cell.column_letter].width = 16
    data.freeze_panes = "A2"

    ids = book.create_sheet("chi_tieu")
    ids.append(["indicator", "tên chỉ tiêu", "name", "unit"])
    for key, row in indicators.iterrows():
        ids.append([key, row["vi"], row["en"], row["unit"]])
    codes = book.create_sheet("dia_ban")
    codes.append(["area_code", "tên", "name", "kind", "dùng cho năm / years"])
    # the new communes first (figures from 2025), then the old units (to 2024), then the rest
    order = sorted(areas.index, key=lambda code: {"new": 0, "old": 1}.get(areas.at[code, "map"], 2))
    for key in order:
        row = areas.loc[key]
        written = row["gso_code"] if row["map"] == "new" else key  # offices write the GSO code
        years = "2025 –" if row["map"] == "new" else ("– 2024" if row["map"] == "old" or key == "848" else "")
        codes.append([written, row["name_vi"], row["name_en"], row["kind"], years])
    for sheet in (ids, codes):
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 60
        sheet.column_dimensions["C"].width = 60

    column_letter = {name: data.cell(1, i + 1).column_letter for i, name in enumerate(COLUMNS)}
    lists = {
        "indicator": f"chi_tieu!$A$2:$A${len(indicators) + 1}",
        "area_code": f"dia_ban!$A$2:$A${len(areas) + 1}",
        "group": '"' + ",".join(GROUPS) + '"',
        "qualifier": '"' + ",".join(QUALIFIERS) + '"',
        "illustrative": '"TRUE,FALSE"',
        "preferred": '"TRUE,FALSE"',
    }
    for name, formula in lists.items():
        rule = DataValidation(type="list", formula1=formula, allow_blank=True)
        rule.add(f"{column_letter[name]}2:{column_letter[name]}5000")
        data.add_data_validation(rule)

    book.properties.creator = "Cầu Ngang target workbench"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    write_bytes_atomic(OUT, reproducible_office_file(build()))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
