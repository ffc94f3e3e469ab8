"""The wording of every input problem, in Vietnamese and English, and one problem per row.

Keeping the sentences in one table keeps them consistent (a planner meets the same phrase
for the same mistake in a CSV, an Excel sheet or the catalogue) and lets a test walk them all.
:class:`RowProblems` turns the rows a check flags in a table of observations into problems,
each naming its file and row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ..errors import Problem
from .numbers import format_number

__all__ = ["TEMPLATES", "problem", "problem_words", "RowProblems", "Lookup"]

# kind: (message_vi, message_en, fix_vi, fix_en); fields in braces come from the caller.
TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "path_not_found": (
        "không tìm thấy tệp hoặc thư mục này.",
        "this file or folder does not exist.",
        "kiểm tra lại đường dẫn.",
        "check the path.",
    ),
    "no_files": (
        "thư mục không có tệp .csv, .xlsx hay .xls nào.",
        "the folder holds no .csv, .xlsx or .xls file.",
        "đặt các tệp số liệu vào thư mục này.",
        "put the data files in this folder.",
    ),
    "file_not_read": (
        "tệp {suffix} trong thư mục số liệu không được đọc (chỉ đọc .csv, .xlsx, .xls).",
        "a {suffix} file in the data folder is not read (only .csv, .xlsx and .xls are).",
        "nếu tệp có số liệu, lưu lại dưới dạng .xlsx hoặc .csv (UTF-8); nếu không, chuyển tệp ra khỏi thư mục.",
        "if it holds figures, save it as .xlsx or .csv (UTF-8); if not, move it out of the folder.",
    ),
    "open_in_excel": (
        "bảng tính {workbook} đang mở trong Excel (có tệp khóa {lock}): số liệu đọc là bản đã lưu lần cuối.",
        "the workbook {workbook} is open in Excel (lock file {lock}): the figures read are those last saved.",
        "lưu và đóng bảng tính rồi chạy lại, để những gì vừa nhập không bị bỏ sót (đã đóng mà tệp khóa vẫn còn thì "
        "xóa tệp khóa).",
        "save and close the workbook, then run again, so that nothing just typed is left out (if it is closed and "
        "the lock file is still there, delete the lock file).",
    ),
    "unsupported_file_type": (
        "không đọc được loại tệp {suffix}.",
        "files of type {suffix} cannot be read.",
        "lưu tệp dưới dạng .csv (UTF-8) hoặc .xlsx.",
        "save the file as .csv (UTF-8) or .xlsx.",
    ),
    "excel_named_csv": (
        "tệp có đuôi .csv nhưng là bảng tính Excel ({suffix}) đã đổi tên.",
        "the file is named .csv but is an Excel workbook ({suffix}) renamed.",
        "đổi đuôi tệp lại thành {suffix} (hoặc mở bằng Excel và lưu thành CSV UTF-8).",
        "rename it back to {suffix} (or open it in Excel and save it as CSV UTF-8).",
    ),
    "encoding": (
        "tệp không ở mã UTF-8 nên chữ tiếng Việt sẽ bị hỏng.",
        "the file is not UTF-8 encoded, so Vietnamese text would be garbled.",
        'trong Excel chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)", hoặc gửi tệp .xlsx.',
        'in Excel use "Save As" → "CSV UTF-8 (Comma delimited)", or send the .xlsx file.',
    ),
    "empty_file": (
        "tệp không có dòng số liệu nào.",
        "the file has no data rows.",
        "điền số liệu bên dưới dòng tiêu đề (xem mẫu data/templates/); nếu đơn vị không có số liệu để gửi, chuyển "
        "tệp ra khỏi thư mục số liệu.",
        "fill in data under the header row (see the template in data/templates/); if the office has no figures to "
        "send, move the file out of the data folder.",
    ),
    "unreadable": (
        "không mở được tệp ({detail}).",
        "the file cannot be opened ({detail}).",
        "mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.",
        "open the file in Excel and save it again as .xlsx or CSV UTF-8.",
    ),
    "note_row": (
        'dòng này chỉ có chữ ("{text}"), không có địa bàn, năm hay giá trị: không phải một dòng số liệu.',
        'this row holds only words ("{text}"), no area, year or value: it is not a data row.',
        "xóa dòng này khỏi trang số liệu; ghi chú về một số liệu ghi vào cột note của dòng đó, chữ ký để ở văn "
        "bản gửi kèm.",
        "delete the row from the data sheet; a note on a figure goes in that row's note column, signatures in the "
        "covering letter.",
    ),
    "formula_without_value": (
        'ô có công thức ({text}) nhưng chưa có kết quả được lưu (tệp do một chương trình khác Excel tạo ra).',
        'the cell holds a formula ({text}) but no saved result (the file was made by a program other than Excel).',
        "mở tệp bằng Excel để công thức được tính, lưu lại rồi gửi; hoặc ghi thẳng con số vào ô.",
        "open the file in Excel so that the formula is computed, save it and send it again; or type the number in.",
    ),
    "damaged_file": (
        "không mở được tệp: tệp bị hỏng, chưa chép xong, hoặc không thật sự là tệp Excel (ví dụ trang web lưu thành "
        ".xls) ({detail}).",
        "the file cannot be opened: it is damaged, incompletely copied, or not really an Excel file (e.g. a web page "
        "saved as .xls) ({detail}).",
        "mở tệp bằng Excel: nếu không mở được, đề nghị nơi gửi gửi lại tệp; nếu mở được, lưu lại dạng .xlsx.",
        "open it in Excel: if it does not open, ask the sender to send it again; if it does, save it as .xlsx.",
    ),
    "no_data_sheet": (
        "không trang nào đang hiện ({sheets}) có dòng tiêu đề với đủ các cột bắt buộc.",
        "no visible sheet ({sheets}) has a header row with every required column.",
        "ghi số liệu vào trang du_lieu của mẫu data/templates/; dòng đầu tiên phải có các cột: {required}.",
        "enter the data on the du_lieu sheet of the template in data/templates/; its first row must hold: {required}.",
    ),
    "several_data_sheets": (
        "tệp có {count} trang số liệu ({sheets}): chỉ đọc được một trang mỗi tệp, số liệu ở trang kia sẽ bị bỏ sót.",
        "the file has {count} data sheets ({sheets}): one sheet is read per file, so the other's figures would be lost.",
        "chép các dòng vào một trang (du_lieu) rồi xóa trang kia, hoặc lưu mỗi trang thành một tệp riêng.",
        "copy the rows onto one sheet (du_lieu) and delete the other, or save each sheet as a file of its own.",
    ),
    "sheet_not_read": (
        'trang "{sheet}" có bảng số liệu (dòng tiêu đề {header_row}) nhưng không được đọc: {why_vi}. Số liệu ở '
        'trang này sẽ bị bỏ sót.',
        'sheet "{sheet}" holds a table of figures (header on row {header_row}) but is not read: {why_en}. Its '
        'figures would be lost.',
        'chép các dòng sang trang được đọc ({read}) rồi xóa trang này, hoặc lưu trang này thành một tệp riêng với '
        'tên cột như mẫu (data/templates/); nếu trang không phải số liệu để gửi, xóa hoặc ẩn trang.',
        'copy the rows onto the sheet that is read ({read}) and delete this one, or save it as a file of its own '
        'with the template\'s column names (data/templates/); if it holds no figures to send, delete or hide it.',
    ),
    "repeated_column": (
        'cột "{column}" xuất hiện {count} lần trong dòng tiêu đề (cột {letters}): chỉ đọc được một cột.',
        'column "{column}" appears {count} times in the header row (columns {letters}): only one can be read.',
        "mỗi năm một dòng: chuyển số liệu ở cột lặp sang các dòng mới (mỗi dòng một chỉ tiêu, địa bàn, năm), rồi "
        "xóa cột lặp.",
        "one row per year: move the figures of the repeated column to new rows (one indicator, area and year "
        "each), then delete the repeated column.",
    ),
    "hidden_row": (
        "dòng này đang bị ẩn trong Excel nhưng có số liệu: không rõ có nên dùng hay không.",
        "this row is hidden in Excel but holds figures: it is unclear whether it should be used.",
        "hiện dòng đó ra (chuột phải > Unhide), rồi xóa nếu là bản nháp hoặc giữ lại nếu cần dùng.",
        "unhide it (right-click > Unhide), then delete it if it is a draft or keep it if it should be used.",
    ),
    "split_decimal": (
        'số "{whole},{part}" có vẻ bị tách làm hai ô ở dấu phẩy thập phân (tệp CSV dùng dấu phẩy ngăn cột), nên các '
        "cột sau bị lệch.",
        'the number "{whole},{part}" seems split into two cells at its decimal comma (the CSV file separates columns '
        "with commas), so the columns after it are shifted.",
        'đặt số trong ngoặc kép ("{whole},{part}"), hoặc lưu tệp bằng Excel dạng CSV UTF-8 (Excel tiếng Việt dùng '
        "dấu ; ngăn cột).",
        'put the number in quotes ("{whole},{part}"), or save the file from Excel as CSV UTF-8 (Vietnamese Excel '
        "separates columns with ;).",
    ),
    "spreadsheet_not_read": (
        "tệp {suffix} trong thư mục số liệu không đọc được (chỉ đọc .csv, .xlsx, .xls): số liệu trong tệp sẽ bị bỏ sót.",
        "a {suffix} file in the data folder cannot be read (only .csv, .xlsx and .xls are): its figures would be lost.",
        "mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx (Excel Workbook), rồi xóa tệp {suffix}.",
        "open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook), then delete the {suffix} file.",
    ),
    "none_preferred": (
        "mọi dòng số liệu {indicator} của địa bàn {area}, năm {year} đều ghi preferred = FALSE: số liệu này sẽ "
        "không được dùng.",
        "every row of {indicator} for area {area}, year {year} says preferred = FALSE: the figure would not be used.",
        "để trống cột preferred (hoặc ghi TRUE) ở dòng cần dùng.",
        "leave preferred blank (or write TRUE) on the row to use.",
    ),
    "bad_layout": (
        "dòng này có {found} ô, trong khi tiêu đề có {expected} cột.",
        "this row has {found} cells while the header has {expected} columns.",
        "kiểm tra dấu phân cách và dấu ngoặc kép trong dòng này.",
        "check the separators and quotes on this row.",
    ),
    "missing_column": (
        'thiếu cột "{column}".',
        'column "{column}" is missing.',
        "thêm cột này vào dòng tiêu đề (tên cột xem trong mẫu data/templates/); tiêu đề chỉ một dòng, mỗi ô một tên "
        "cột, không gộp ô.",
        "add this column to the header row (column names are in the template in data/templates/); the header is "
        "one row, one column name per cell, no merged cells.",
    ),
    "renamed_column": (
        'thiếu cột "{column}"; dòng tiêu đề có cột "{typed}".',
        'column "{column}" is missing; the header row has a column "{typed}".',
        'đổi tên cột "{typed}" thành "{column}" (tên cột xem trong mẫu data/templates/).',
        'rename the column "{typed}" to "{column}" (column names are in the template in data/templates/).',
    ),
    "misspelt_column": (
        'cột "{column}" không có trong mẫu; có phải cột "{meant}"? Để nguyên thì số liệu của cột này bị bỏ qua.',
        'column "{column}" is not in the template; did you mean "{meant}"? Its figures would be ignored.',
        'đổi tên cột "{column}" thành "{meant}", hoặc xóa cột nếu không dùng (tên cột xem trong mẫu '
        'data/templates/).',
        'rename the column "{column}" to "{meant}", or delete it if it is not used (column names are in the '
        'template in data/templates/).',
    ),
    "figure_column_not_read": (
        "cột \"{typed}\" có số (từ dòng {first_row}) nhưng không phải cột của mẫu: để nguyên thì các số này bị bỏ qua "
        "(mỗi dòng chỉ đọc một số liệu, ở cột value).",
        "the column \"{typed}\" holds numbers (from row {first_row}) but is not a template column: left so, they "
        "would be ignored (each row holds one figure, in the value column).",
        "ghi số liệu của mỗi năm thành một dòng riêng (cột year và value, cùng chỉ tiêu, địa bàn, nhóm và nguồn), rồi "
        "xóa cột này; nếu cột chỉ để ghi chú, đổi tên cột (ví dụ \"ghi chú\").",
        "put each year's figure on a row of its own (the year and value columns, with the same indicator, area, "
        "group and source), then delete this column; if it only holds notes, rename it (e.g. \"notes\").",
    ),
    "unnamed_column": (
        "cột có số liệu (từ dòng {first_row}) nhưng ô tiêu đề của cột trống hoặc nằm trong ô gộp: để nguyên thì "
        "số liệu của cột này bị bỏ qua.",
        "the column holds figures (from row {first_row}) but its header cell is empty or merged with another: "
        "left so, its figures would be ignored.",
        'ghi tên cột vào ô tiêu đề (tên các cột xem trong mẫu data/templates/, ví dụ "denominator"), bỏ gộp ô ở '
        "dòng tiêu đề, hoặc xóa cột nếu không dùng.",
        'write the column\'s name in its header cell (the names are in the template in data/templates/, e.g. '
        '"denominator"), unmerge the header cells, or delete the column if it is not used.',
    ),
    "missing_value": (
        "ô này đang trống nhưng bắt buộc phải có.",
        "this cell is empty but is required.",
        "điền {what}.",
        "fill in {what_en}.",
    ),
    "not_a_number": (
        '"{text}" không phải là một số.',
        '"{text}" is not a number.',
        "ghi một số, ví dụ 12,5 hoặc 1.234.",
        "write a number, for example 12.5 or 1234.",
    ),
    "met_word_not_a_flag": (
        '"{text}" không phải là một số: chỉ tiêu đạt/chưa đạt (xã đạt chuẩn nông thôn mới, an toàn về an ninh trật '
        "tự…) ghi bằng số.",
        '"{text}" is not a number: a met / not met figure (a commune recognised as new-rural, safe…) is written as '
        "a number.",
        "ghi 1 nếu đạt, 0 nếu chưa đạt.",
        "write 1 if met, 0 if not.",
    ),
    "percent_sign": (
        '"{text}" có dấu %.',
        '"{text}" carries a % sign.',
        "chỉ ghi con số, không kèm dấu % (đơn vị ghi ở cột unit).",
        "write the number only, without % (the unit goes in the unit column).",
    ),
    "ambiguous_number": (
        '"{text}" có thể là {as_vi} (đọc kiểu Việt Nam) hoặc {as_en} (đọc kiểu tiếng Anh); tệp không cho biết '
        'kiểu nào.',
        '"{text}" could be {as_vi} (read the Vietnamese way) or {as_en} (read the English way); nothing in the file '
        'says which.',
        "ghi số không có dấu phân cách hàng nghìn (ví dụ 1234), hoặc ghi rõ phần thập phân bằng dấu phẩy (ví dụ 1,234).",
        "write numbers without a thousands separator (e.g. 1234), or make the decimal part explicit (e.g. 1,234 in Vietnamese style).",
    ),
    "ambiguous_count": (
        '"{text}" được đọc là {read} theo cách ghi số của các ô khác trong tệp, nhưng đây là số đếm ({unit_vi}): '
        'có thể ý là {other}.',
        '"{text}" was read as {read}, the way other cells of the file write numbers, but this is a count '
        '({unit_en}): it may mean {other}.',
        "ghi số đếm không có dấu phân cách hàng nghìn (ví dụ 1120).",
        "write counts without a thousands separator (e.g. 1120).",
    ),
    "count_not_whole": (
        "{value} không phải số nguyên, nhưng chỉ tiêu {indicator} đếm {unit_vi}.",
        "{value} is not a whole number, but indicator {indicator} counts {unit_en}.",
        # "1.120" is a whole number in a file written the Vietnamese way (the template allows it) but 1,12 in one
        # whose other figures use a decimal point (2.13): the advice says when the separator misleads
        "ghi số nguyên, không có phần lẻ (ví dụ 1120). Dấu chấm hàng nghìn (1.120) chỉ dùng được trong tệp ghi số "
        "kiểu Việt Nam; trên Excel kiểu tiếng Anh, hoặc khi các số khác trong tệp dùng dấu chấm thập phân (2.13), "
        "1.120 thành 1,12: gõ 1120.",
        "write a whole number, without a fraction (e.g. 1120). A thousands dot (1.120) works only in a file written "
        "the Vietnamese way; in English-style Excel, or when the file's other figures use a decimal point (2.13), "
        "1.120 becomes 1.12: type 1120.",
    ),
    "template_example": (
        "đây là dòng ví dụ của mẫu nhập số liệu (nguồn ghi \"{marker}\"), không phải số liệu của đơn vị.",
        "this is the data template's example row (its source says \"{marker}\"), not an office's figure.",
        "xóa dòng này; nếu là số liệu thật, ghi nguồn thật (số, ngày của báo cáo) thay cho nguồn mẫu.",
        "delete this row; if it is a real figure, write its real source (the report's number and date) instead.",
    ),
    "count_part_not_whole": (
        "{part_vi} {value} không phải số nguyên: tử số và mẫu số là số đếm (hộ, người, xã…).",
        "the {part_en} {value} is not a whole number: numerators and denominators are counts (households, "
        "people, communes…).",
        "ghi số nguyên, không có phần lẻ (ví dụ 1120); nếu chỉ biết tỷ lệ, để trống tử số và mẫu số. Dấu chấm hàng "
        "nghìn (1.120) chỉ dùng được trong tệp ghi số kiểu Việt Nam.",
        "write a whole number, without a fraction (e.g. 1120); if only the rate is known, leave the numerator and "
        "denominator blank. A thousands dot (1.120) works only in a file written the Vietnamese way.",
    ),
    "mixed_number_format": (
        "cột trộn hai kiểu ghi số: {vi_example} (kiểu Việt Nam) và {en_example} (kiểu tiếng Anh).",
        "the column mixes two number styles: {vi_example} (Vietnamese) and {en_example} (English).",
        "dùng một kiểu cho cả cột: dấu phẩy cho phần thập phân (12,5) hoặc dấu chấm (12.5).",
        "use one style for the whole column: a comma for decimals (12,5) or a dot (12.5).",
    ),
    "year_not_integer": (
        '"{text}" không phải là một năm.',
        '"{text_en}" is not a year.',
        "ghi năm bằng 4 chữ số, ví dụ 2024.",
        "write the year as four digits, for example 2024.",
    ),
    "year_is_a_school_year": (
        '"{text}" là một năm học, không phải một năm.',
        '"{text}" is a school year, not a year.',
        "ghi năm kết thúc năm học: {end} (số liệu năm học {start}–{end} là số liệu năm {end}, năm có báo cáo tổng "
        "kết năm học); nếu là số liệu của hai năm, ghi thành hai dòng.",
        "write the year the school year ends: {end} (the figures of school year {start}–{end} are the {end} "
        "figures, the year of the school year's final report); figures of two years go on two rows.",
    ),
    "year_decimal": (
        "ô năm chứa số thập phân {value}: có lẽ năm {meant} được gõ là \"{dotted}\" trong tệp dùng dấu chấm làm "
        "dấu thập phân (máy đặt kiểu số tiếng Anh).",
        "the year cell holds the decimal number {value}: probably the year {meant} typed as \"{dotted}\" in a file "
        "where \".\" is the decimal point.",
        "ghi năm bằng 4 chữ số, không có dấu chấm, dấu phẩy: {meant}.",
        "write the year as four digits, with no point or comma: {meant}.",
    ),
    "year_future": (
        "năm {year} chưa đến (năm nay là {now}): chưa thể có số liệu của năm này.",
        "year {year} has not come yet (this year is {now}): there can be no figure for it.",
        "kiểm tra lại năm; số liệu ước tính của năm nay ghi năm {now}; kế hoạch của năm sau ghi \"dự kiến\" ở cột "
        "qualifier (không dùng trong đánh giá).",
        "check the year; an estimate for this year is written as {now}; next year's plan is written \"expected\" in "
        "the qualifier column (not used in the assessment).",
    ),
    "year_range": (
        "năm {year} nằm ngoài khoảng 1990–2035.",
        "year {year} is outside 1990–2035.",
        "ghi năm từ 1990 đến 2035.",
        "use a year from 1990 to 2035.",
    ),
    "unknown_indicator": (
        'không có chỉ tiêu "{text}" trong danh mục data/indicators.yaml.',
        'indicator "{text}" is not in the catalogue data/indicators.yaml.',
        "{suggest_vi}",
        "{suggest_en}",
    ),
    "unknown_area": (
        'không có mã địa bàn "{text}" trong data/areas.csv.',
        'area code "{text}" is not in data/areas.csv.',
        "{suggest_vi}",
        "{suggest_en}",
    ),
    "area_retired": (
        "{area} không còn tồn tại sau {valid_to} (sắp xếp đơn vị hành chính 2025) nên không thể có số liệu năm {year}.",
        "{area} ceased to exist after {valid_to} (2025 administrative reform), so it cannot have data for {year}.",
        "ghi số liệu theo đơn vị hành chính mới (thêm đơn vị đó vào data/areas.csv, xem data/admin_reforms.yaml).",
        "report the figure for the new unit (add it to data/areas.csv; see data/admin_reforms.yaml).",
    ),
    "merged_into": (
        "{area} đã sáp nhập vào {successor} từ {date}: ghi số liệu cho {successor}, mã {code} (số liệu năm {year}).",
        "{area} was merged into {successor} on {date_en}: report the figure for {successor}, code {code} ({year}).",
        "ghi một số liệu cho cả {successor} (mã {code}, gồm {parts}), không ghi riêng phần của {area}: "
        "từ năm {first_year} số liệu theo xã mới.",
        "report one figure for the whole of {successor} (code {code}, made of {parts_en}), not the part that was "
        "{area}: from {first_year} figures are for the new communes.",
    ),
    "district_abolished": (
        "{area} không còn từ {date} (bỏ cấp huyện) nên không có số liệu năm {year}; số liệu địa bàn huyện cũ "
        "được tổng hợp từ các xã mới.",
        "{area} ceased to exist on {date_en} (no more districts), so it has no figure for {year}; the former "
        "district's figures are built from the new communes.",
        "ghi số liệu cho từng xã mới: {communes}.",
        "report the figure for each new commune: {communes}.",
    ),
    "province_merged": (
        "{area} đã hợp nhất vào {successor} từ {date} nên không có số liệu riêng năm {year}.",
        "{area} was merged into {successor} on {date_en}, so it has no figure of its own for {year}.",
        "ghi số liệu cho {successor}, mã {code} (không so sánh được với tỉnh Trà Vinh cũ), hoặc cho từng xã mới.",
        "report the figure for {successor}, code {code} (not comparable with the former Trà Vinh), or for each "
        "new commune.",
    ),
    "unit_not_yet": (
        "{area} chỉ có từ {date}: số liệu năm {year} (trước năm {first_year}) ghi cho đơn vị cũ: {parts}.",
        "{area} exists only from {date_en}: a figure for {year} (before {first_year}) belongs to the old units: "
        "{parts_en}.",
        "ghi mã của đơn vị cũ cho các năm trước {first_year}.",
        "use the old units' codes for the years before {first_year}.",
    ),
    "unknown_choice": (
        '"{text}" không phải là giá trị hợp lệ của cột này.',
        '"{text}" is not an allowed value in this column.',
        "dùng một trong các giá trị: {choices}.",
        "use one of: {choices}.",
    ),
    "unit_mismatch": (
        'đơn vị "{text}" không khớp với đơn vị của chỉ tiêu {indicator} ({expected}).',
        'unit "{text}" does not match the unit of indicator {indicator} ({expected}).',
        'ghi "{expected}" hoặc để trống cột unit; nếu số liệu thật sự theo đơn vị khác thì đó là một chỉ tiêu khác.',
        'write "{expected}" or leave the unit blank; a figure in another unit belongs to another indicator.',
    ),
    "standard_required": (
        "chỉ tiêu {indicator} đo theo chuẩn nghèo; các chuẩn khác nhau không so sánh được nên phải ghi rõ chuẩn.",
        "indicator {indicator} is measured against a poverty line; lines are not comparable, so the standard must be stated.",
        "ghi chuẩn ở cột standard, một trong: {choices}{usual_vi}.",
        "state the standard in the standard column, one of: {choices}{usual_en}.",
    ),
    "standard_outside_years": (
        "chuẩn {text} áp dụng cho các năm {first}–{last}, không cho năm {year}.",
        "standard {text} applies to {first}–{last}, not to {year}.",
        "sửa cột standard (hoặc cột year){usual_vi}.",
        "correct the standard column (or the year){usual_en}.",
    ),
    "standard_needed": (
        "chỉ tiêu {indicator} đo theo chuẩn nghèo, và năm {year} không thuộc hẳn một chuẩn nào.",
        "indicator {indicator} is measured against a poverty line, and {year} does not fall in a single standard's years.",
        "ghi rõ chuẩn ở cột standard: {choices}.",
        "state the standard in the standard column: {choices}.",
    ),
    "standard_not_applicable": (
        'chỉ tiêu {indicator} không có chuẩn đo lường nên cột standard phải để trống (đang ghi "{text}").',
        'indicator {indicator} has no measurement standard, so the standard column must be blank (it says "{text}").',
        "xóa nội dung ô này.",
        "clear this cell.",
    ),
    "date_cell": (
        "ô này là ngày/giờ trong Excel ({text}), không phải một số.",
        "this cell holds an Excel date or time ({text}), not a number.",
        "định dạng ô là Number (Format Cells → Number) hoặc Text rồi gõ lại, ví dụ {example_vi}; "
        "Excel tự đổi những gì trông giống ngày tháng (như 12/5 hay 12-5) thành ngày.",
        "format the cell as Number (Format Cells → Number) or Text and type it again, e.g. {example_en}; "
        "Excel turns anything that looks like a date (12/5, 12-5) into a date.",
    ),
    "percent_format_not_percent": (
        "ô được định dạng phần trăm trong Excel (hiện {shown} %) nhưng {what} không phải là tỷ lệ phần trăm.",
        "the cell is formatted as a percentage in Excel (it shows {shown} %) but {what_en} is not a percentage.",
        "bỏ định dạng % (Format Cells → Number) và gõ lại con số.",
        "remove the % format (Format Cells → Number) and type the figure again.",
    ),
    "not_boolean": (
        '"{text}" không phải là có/không.',
        '"{text}" is not a yes/no value.',
        "ghi TRUE hoặc FALSE (hoặc có/không, 1/0).",
        "write TRUE or FALSE (or yes/no, 1/0).",
    ),
    "percent_range": (
        "tỷ lệ {value} nằm ngoài khoảng 0–100 %.",
        "the percentage {value} is outside 0–100 %.",
        "kiểm tra lại: tỷ lệ phần trăm phải từ 0 đến 100 (ghi 12,5 chứ không ghi 0,125).",
        "check the figure: a percentage lies between 0 and 100 (write 12.5, not 0.125).",
    ),
    "negative_count": (
        "số đếm {value} bị âm.",
        "the count {value} is negative.",
        "số hộ, người, xã... phải từ 0 trở lên.",
        "counts of households, people, communes… are zero or more.",
    ),
    "flag_value": (
        "chỉ tiêu đạt/chưa đạt chỉ nhận 0 hoặc 1, đang ghi {value}.",
        "a met/not-met indicator takes 0 or 1, not {value}.",
        "ghi 1 nếu đạt, 0 nếu chưa đạt.",
        "write 1 if met, 0 if not.",
    ),
    "numerator_above_denominator": (
        "tử số {numerator} lớn hơn mẫu số {denominator}.",
        "the numerator {numerator} is larger than the denominator {denominator}.",
        "kiểm tra lại hai cột numerator (phần) và denominator (tổng).",
        "check the numerator (part) and denominator (total) columns.",
    ),
    "value_disagrees_with_counts": (
        "giá trị {value} % không khớp với tử số/mẫu số ({numerator}/{denominator} = {computed} %).",
        "the value {value} % disagrees with numerator/denominator ({numerator}/{denominator} = {computed} %).",
        "sửa giá trị hoặc các số đếm cho khớp nhau.",
        "correct the value or the counts so that they agree.",
    ),
    "value_strays_from_counts": (
        "giá trị {value} % khác tỷ lệ tính từ tử số/mẫu số ({numerator}/{denominator} = {computed} %) nhiều hơn "
        "sai số làm tròn (tuy chưa quá 0,5 điểm %): ở mức thấp hoặc gần 100 %, khác biệt này có thể làm thay đổi kết quả đánh giá.",
        "the value {value} % differs from numerator/denominator ({numerator}/{denominator} = {computed} %) by more "
        "than rounding (though by under 0.5 points): near 0 or 100 % such a difference can change the verdict.",
        "kiểm tra lại giá trị và các số đếm; nếu cả hai đều đúng (khác thời điểm, khác nguồn) thì bỏ qua cảnh báo này.",
        "check the value and the counts; if both are right (different dates or sources), ignore this warning.",
    ),
    "district_waits_for_communes": (
        "năm {year}, {indicators_vi} mới có số liệu của {count}/{total} xã mới{also_vi}. Số của {district} "
        "tính từ cả {total} xã nên chưa có số năm {year}; các chỉ tiêu của {district} vẫn chờ số liệu năm đó. "
        "Số của xã được giữ và dùng cho các chỉ tiêu đặt cho từng xã.",
        "in {year_en}, {indicators_en} {has} figures from {count} of the {total} new communes{also_en}. The figure "
        "of the {district_en} is built from all {total}, so it has none for {year_en} yet; its targets still "
        "await the figure. The commune's figure is kept and used by the targets set for each commune.",
        "khi có, nhập số liệu năm {year} của các xã còn thiếu: {missing_vi}.",
        "when they are in, add the figures for {year_en} of the communes still missing: {missing_en}.",
    ),
    "figure_for_another_group": (
        "{indicator} cho nhóm {group}{also_vi}: không chỉ tiêu nào của Kế hoạch đọc nhóm này, nên số liệu được nhận "
        "nhưng không dùng trong đánh giá; {targets} đo nhóm {groups}.",
        "{indicator} for the group {group}{also_en}: no target of the plan reads this group, so the figure is taken "
        "but not used in the assessment; {targets} measure{s} the group {groups}.",
        "nếu số liệu là của nhóm {groups}, sửa cột group; nếu đúng là của nhóm {group} (số tham khảo), bỏ qua cảnh "
        "báo này.",
        "if the figure is for the group {groups}, correct the group column; if it really is for {group} (for "
        "reference), ignore this warning.",
    ),
    "expected_not_used": (
        "số liệu ghi \"dự kiến\" hoặc \"kế hoạch\" (expected) cho năm {year}{also_vi} là số kế hoạch hoặc dự báo, không "
        "phải số thực hiện: không dùng để đánh giá và dự báo, năm {year} chờ số thực hiện.",
        "the figure marked expected for {year}{also_en} is a plan or a forecast, not an outcome: it is not used "
        "to assess or project, and {year} waits for the actual figure.",
        "khi có số thực hiện, ghi số đó và bỏ chữ \"dự kiến\"; số ước thực hiện cả năm (đã gần hết năm) ghi \"ước\" ở "
        "cột qualifier.",
        "when the actual figure is known, give it without expected; a year-end estimate of the year's outcome is "
        "marked about.",
    ),
    "reused_code_before_reform": (
        "mã {code} năm {year}{also_vi} là {area} (cũ), một trong {count} đơn vị cũ của {successor}; {where_vi} dùng cùng mã "
        "cho cả {successor} từ năm {first_year}. Nếu số năm {year} là của cả {successor}, nó đang được tính "
        "như số của riêng {area}.",
        "code {code} in {year_en}{also_en} is the former {area}, one of the {count} old units of {successor}; {where_en} uses "
        "the same code for the whole of {successor} from {first_year}. If the {year_en} figure is for the whole "
        "of {successor}, it is being counted as {area}'s alone.",
        "trước {date}, ghi số của từng đơn vị cũ dưới mã của nó: {parts}; số của cả {successor} chỉ ghi từ năm "
        "{first_year}. Nếu đây đúng là số của riêng {area}, giữ nguyên.",
        "before {date_en}, give each old unit's figure under its own code: {parts}; the whole of {successor} only "
        "from {first_year}. If this is {area}'s own figure, leave it as it is.",
    ),
    "new_communes_under_an_earlier_year": (
        "năm {year}{also_vi}: {n} mã mà từ năm {first_year} là mã của xã mới ({codes}), không kèm đơn vị cũ nào khác "
        "của các xã đó; trước năm {first_year} mỗi mã này là một đơn vị cũ, nên số liệu đang được tính cho đơn vị cũ.",
        "{year}{also_en}: {n} codes that new communes use from {first_year} ({codes}), with none of those "
        "communes' other old units; before {first_year} each of these codes is one old unit, so the figures are "
        "being counted as the old units'.",
        "nếu đây là số liệu của các xã mới (ví dụ năm {first_year} ghi theo mẫu của năm trước), sửa năm; nếu đúng là "
        "số của các đơn vị cũ năm {year}, giữ nguyên.",
        "if these are the new communes' figures (say {first_year} typed on last year's sheet), correct the year; if "
        "they are the old units' {year} figures, leave them.",
    ),
    "district_only_waits_for_communes": (
        "năm {year}, {indicators_vi} mới có số liệu của {count}/{total} xã mới{also_vi}. Chỉ tiêu {targets} "
        "chỉ đánh giá cho cả {district}, tính từ cả {total} xã: số của xã được giữ và ghi trong báo cáo riêng "
        "của xã (review --area), nhưng chưa được tính cho {targets}, và {targets} vẫn chờ số liệu năm {year}.",
        "in {year_en}, {indicators_en} {has} figures from {count} of the {total} new communes{also_en}. Target "
        "{targets} is judged only for the whole {district_en}, built from all {total}: the commune's figure is "
        "kept and given in the commune's own review (review --area), but not counted for {targets} yet, and "
        "{targets} still awaits the figure for {year_en}.",
        "khi có, nhập số liệu năm {year} của các xã còn thiếu: {missing_vi}.",
        "when they are in, add the figures for {year_en} of the communes still missing: {missing_en}.",
    ),
    "fraction_of_percent": (
        "tỷ lệ {value} % nằm trong khoảng 0–1, trong khi các giá trị khác của chỉ tiêu {indicator} "
        "cho địa bàn và nhóm này đều trên 5 %; có thể đây là phân số (0,125 thay cho 12,5 %).",
        "the percentage {value} lies between 0 and 1 while the other values of {indicator} for this area and "
        "group are all above 5 %; it may be a fraction (0.125 for 12.5 %).",
        "nếu ý là {times_100} % thì ghi {times_100}; nếu số liệu đúng là {value} % thì bỏ qua cảnh báo này.",
        "if it means {times_100} %, write {times_100}; if the figure really is {value} %, ignore this warning.",
    ),
    "decimal_slip_areas": (
        "{value} % khác khoảng {times} lần so với số liệu năm {year} của chỉ tiêu {indicator} ở các địa bàn khác "
        "({span_vi} %); có thể gõ nhầm vị trí dấu thập phân.",
        "{value} % is about {times} times off the {year} figures of {indicator} in the other areas ({span_en} %); "
        "the decimal point may be misplaced.",
        "kiểm tra lại số liệu gốc; nếu số liệu đúng là {value} % thì bỏ qua cảnh báo này.",
        "check the source; if the figure really is {value} %, ignore this warning.",
    ),
    "decimal_slip": (
        "{value} khác khoảng 10 lần so với các năm liền kề của chỉ tiêu {indicator} cho địa bàn và nhóm này "
        "({neighbours_vi}); có thể gõ nhầm vị trí dấu thập phân.",
        "{value} is about 10 times off the neighbouring years of {indicator} for this area and group "
        "({neighbours_en}); the decimal point may be misplaced.",
        "kiểm tra lại số liệu gốc; nếu số liệu đúng là {value} thì bỏ qua cảnh báo này.",
        "check the source; if the figure really is {value}, ignore this warning.",
    ),
    "rate_far_above_neighbours": (
        "tỷ lệ {value} cao gấp nhiều lần các năm liền kề của chỉ tiêu {indicator} cho địa bàn và nhóm này "
        "({neighbours_vi}); có thể là số đếm (số hộ, số người) ghi vào cột value.",
        "the rate {value} is many times the neighbouring years of {indicator} for this area and group "
        "({neighbours_en}); it may be a count (households, people) written in the value column.",
        "kiểm tra lại số liệu gốc: cột value ghi tỷ lệ (%); số hộ hoặc số người ghi vào cột numerator và tổng số vào "
        "cột denominator. Nếu tỷ lệ đúng là {value} thì bỏ qua cảnh báo này.",
        "check the source: the value column holds the rate (%); a number of households or people goes in the "
        "numerator column and the total in the denominator column. If the rate really is {value}, ignore this "
        "warning.",
    ),
    "part_taken_for_the_whole": (
        "mã {code} năm {year} là cả {successor}, nhưng tệp này cũng ghi các đơn vị cũ của xã đó (dòng {others}): có "
        "lẽ số ở dòng này chỉ là phần của {part} cũ.",
        "code {code} in {year} is the whole of {successor}, but this file also gives that commune's old units (rows "
        "{others}): the figure on this row is probably only the former {part}'s part.",
        "ghi một số cho cả {successor} (gộp số của các dòng {rows}: cộng số đếm, hoặc tính lại tỷ lệ từ tổng tử số "
        "và tổng mẫu số) ở một dòng mã {code}, rồi xóa các dòng còn lại.",
        "write one figure for the whole of {successor} (merge rows {rows}: add the counts, or recompute the rate "
        "from the summed numerators and denominators) on one row with code {code}, and delete the others.",
    ),
    "duplicate_none_preferred": (
        "{indicator}, địa bàn {area}, năm {year}: giá trị {value} trùng với dòng {other_row} của tệp {other_file} "
        "({other_value}), và mọi dòng của số liệu này đều ghi preferred = FALSE, nên không dòng nào được dùng.",
        "{indicator}, area {area}, {year}: the value {value} repeats row {other_row} of {other_file} "
        "({other_value}), and every row of this figure says preferred = FALSE, so none would be used.",
        "ghi TRUE (hoặc để trống) ở cột preferred của dòng được dùng; các dòng còn lại giữ FALSE.",
        "write TRUE (or leave blank) in the preferred column of the row to use; keep FALSE on the others.",
    ),
    "mixed_illustrative": (
        "tệp có {real_vi} dòng số liệu thật và {n_vi} dòng ghi là minh họa ở cột illustrative{also_vi}: các số minh họa được vẽ "
        "và ghi là MINH HỌA, không phải số liệu thật.",
        "the file holds {real_en} real rows and {n_en} marked illustrative in the illustrative column{also_en}: those are "
        "drawn and written as ILLUSTRATIVE, not real figures.",
        "nếu đó là số liệu thật, để trống cột illustrative hoặc ghi FALSE (\"x\", \"có\", 1 đều là minh họa).",
        "if they are real figures, leave the illustrative column blank or write FALSE (\"x\", \"có\" and 1 all mean "
        "illustrative).",
    ),
    "district_differs_from_communes": (
        "{indicator} năm {year}: số của huyện ({value}{unit_vi}) khác số tổng hợp từ số liệu thật của cả {n} xã, thị "
        "trấn ({built}{unit_vi}); báo cáo dùng số của huyện.",
        "{indicator_en} for {year}: the district's figure ({value}{unit_en}) differs from the one the real figures of all "
        "{n} communes and towns make ({built}{unit_en}); the report uses the district's.",
        "đối chiếu hai nguồn; nếu số của huyện sai, sửa hoặc ghi preferred = FALSE ở dòng này (báo cáo sẽ dùng số tổng "
        "hợp từ các xã); nếu cả hai đúng (cách tính khác nhau) thì bỏ qua cảnh báo này.",
        "compare the two sources; if the district's figure is wrong, correct it or write preferred = FALSE on this "
        "row (the report then uses the communes' total); if both are right (counted differently), ignore this "
        "warning.",
    ),
    "duplicate_key": (
        "{indicator}, địa bàn {area}, năm {year}: giá trị {value} trùng chỉ tiêu, địa bàn, nhóm, năm (và chuẩn) với "
        "dòng {other_row} ({other_value}).",
        "{indicator}, area {area}, year {year}: the value {value} has the same indicator, area, group, year (and "
        "standard) as row {other_row} ({other_value}).",
        "xóa dòng thừa; nếu cả hai nguồn đều cần giữ, ghi preferred = FALSE ở dòng không dùng (ô trống được tính là "
        "TRUE).",
        "delete the extra row; if both sources must be kept, write preferred = FALSE on the row not to use (a blank "
        "counts as TRUE).",
    ),
    "file_sent_twice": (
        "mọi dòng của tệp ({n_vi} dòng) trùng chỉ tiêu, địa bàn, nhóm, năm với các dòng của {other_file}{differ_vi}: "
        "có lẽ một tệp được gửi hai lần.",
        "every row of the file ({n_en} rows) has the same indicator, area, group and year as a row of "
        "{other_file}{differ_en}: one file sent twice, perhaps.",
        "giữ một tệp: chuyển tệp còn lại ra khỏi thư mục số liệu (nếu hai tệp khác giá trị, giữ bản mới nhất của phòng "
        "gửi).",
        "keep one of them: move the other out of the data folder (if their values differ, keep the office's latest).",
    ),
    "duplicate_key_other_file": (
        "{indicator}, địa bàn {area}, năm {year}: giá trị {value} trùng chỉ tiêu, địa bàn, nhóm, năm (và chuẩn) với "
        "dòng {other_row} của {other_file} ({other_value}).",
        "{indicator}, area {area}, year {year}: the value {value} has the same indicator, area, group, year (and "
        "standard) as row {other_row} of {other_file} ({other_value}).",
        "người quản lý một trong hai tệp xóa dòng thừa (tệp của một phòng: đề nghị phòng gửi lại tệp đã sửa); nếu cả "
        "hai nguồn đều cần giữ, ghi preferred = FALSE ở dòng không dùng (ô trống được tính là TRUE).",
        "whoever keeps one of the two files deletes the extra row (an office's file: ask the office to send it "
        "again); if both sources must be kept, write preferred = FALSE on the row not to use (a blank counts as "
        "TRUE).",
    ),
    # ---- catalogue files ----
    "yaml_syntax": (
        "tệp YAML sai cú pháp ({detail}).",
        "the YAML file has a syntax error ({detail}).",
        "sửa theo thông báo; chú ý thụt lề bằng dấu cách và dấu hai chấm sau tên trường.",
        "fix it as the message says; mind space indentation and the colon after each field name.",
    ),
    "catalogue_missing": (
        'thiếu trường "{column}".',
        'field "{column}" is missing.',
        "thêm trường này (xem chú thích đầu tệp).",
        "add the field (see the comments at the top of the file).",
    ),
    "catalogue_invalid": (
        'trường "{column}" có giá trị "{text}" không hợp lệ: {reason_vi}.',
        'field "{column}" has an invalid value "{text}": {reason_en}.',
        "sửa theo chú thích đầu tệp.",
        "correct it as the comments at the top of the file explain.",
    ),
}


def problem(kind: str, file: str, row: int | None, column: str | None, **fields: object) -> Problem:
    """Build the :class:`Problem` of ``kind`` with its sentences filled in.

    Fields that are floats are written the way each language writes numbers (``104,5`` in
    the Vietnamese sentences, ``104.5`` in the English ones); give a figure as text to have
    it echoed exactly as typed.

    >>> p = problem("year_range", "a.csv", 4, "year", year=1890)
    >>> p.message_en, p.fix_vi
    ('year 1890 is outside 1990–2035.', 'ghi năm từ 1990 đến 2035.')
    >>> p = problem("percent_range", "a.csv", 5, "value", value=104.5)
    >>> p.message_vi, p.message_en
    ('tỷ lệ 104,5 nằm ngoài khoảng 0–100 %.', 'the percentage 104.5 is outside 0–100 %.')
    """
    fields.setdefault("column", column)
    names = _NAMES.setdefault(tuple(fields), tuple(fields))
    values = tuple(fields.values())
    try:
        hash(values)
    except TypeError:  # pragma: no cover - every caller passes text and numbers
        return Problem(file, row, column, *_sentences.__wrapped__(kind, names, values))
    return Problem.deferred(file, row, column, _sentences, (kind, names, values))


def problem_words(kind: str, fields: dict) -> tuple[str, str, str, str]:
    """The four sentences of a problem (message and fix, Vietnamese and English) outside a
    problem of its own: a hint that gives another problem's fix.

    >>> problem_words("path_not_found", {})[2]
    'kiểm tra lại đường dẫn.'
    """
    return _sentences.__wrapped__(kind, tuple(fields), tuple(fields.values()))


_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}
"""One tuple of field names per call site, shared by all its problems."""


@lru_cache(maxsize=4096)
def _sentences(kind: str, names: tuple[str, ...], values: tuple[object, ...]) -> tuple[str, str, str, str]:
    """The four sentences of a problem, written when first read (and cached, so that rows
    with the same mistake share their sentences)."""
    vi, en, fix_vi, fix_en = TEMPLATES[kind]
    vi_fields = {k: format_number(v, "vi") if isinstance(v, float) else v for k, v in zip(names, values)}
    en_fields = {k: format_number(v, "en") if isinstance(v, float) else v for k, v in zip(names, values)}
    return vi.format(**vi_fields), en.format(**en_fields), fix_vi.format(**vi_fields), fix_en.format(**en_fields)


@dataclass(frozen=True)
class Lookup:
    """A field looked up from another field of the same row (a suggestion for the text typed)."""

    field: str
    table: dict
    default: object


class RowProblems:
    """Turns a row mask into problems, one per flagged row of ``frame`` (its "file" and "row"
    columns name where): a field given as an array is taken row by row, a :class:`Lookup` from
    another field of the row.

    >>> found = []
    >>> frame = pd.DataFrame({"file": ["a.csv", "a.csv"], "row": [2, 3], "value": [1.0, -4.0]})
    >>> RowProblems(frame, found)(frame["value"] < 0, "path_not_found", "value")
    >>> [(p.file, p.row, p.column) for p in found]
    [('a.csv', 3, 'value')]
    """

    def __init__(self, frame: pd.DataFrame, out: list[Problem]):
        self.files = frame["file"].to_numpy()
        self.rows = frame["row"].to_numpy()
        self.out = out

    def __call__(self, mask, kind: str, column: str | None, **fields) -> None:
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not where.size:
            return
        per_row = {k: np.asarray(v, dtype=object) for k, v in fields.items() if isinstance(v, (pd.Series, np.ndarray))}
        lookups = {k: v for k, v in fields.items() if isinstance(v, Lookup)}
        fixed = {k: v for k, v in fields.items() if k not in per_row and k not in lookups}
        for i in where:
            values = {k: v[i] for k, v in per_row.items()}
            for k, lookup in lookups.items():
                values[k] = lookup.table.get(values[lookup.field], lookup.default)
            self.out.append(problem(kind, self.files[i], int(self.rows[i]), column, **fixed, **values))
