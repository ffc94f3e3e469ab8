"""Every malformed file in tests/data/bad gets its own clear message, and no traceback."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis import DataError, load_observations
from analysis.cli import main

BAD = Path(__file__).parent / "data" / "bad"

# file -> list of (row, column, a phrase of the Vietnamese message, a phrase of the English one)
EXPECTED = {
    "empty.csv": [(None, None, "không có dòng số liệu", "no data rows")],
    "header_only.csv": [(None, None, "không có dòng số liệu", "no data rows")],
    "encoding_cp1258.csv": [(None, None, "không ở mã UTF-8", "not UTF-8")],
    "corrupt.xlsx": [(None, None, "không mở được tệp: tệp bị hỏng, chưa chép xong", "ask the sender to send it again")],
    "missing_column.csv": [(1, "source", 'thiếu cột "source"', 'column "source" is missing')],
    "missing_source.csv": [(2, "source", "bắt buộc phải có", "is required")],
    # a figure not known yet: the row is deleted, not filled with a 0 to get past the check
    "blank_value.csv": [(3, "value", "Cách sửa: điền giá trị (chưa có số liệu thì xóa cả dòng, đừng ghi 0).",
                         "delete the row rather than write 0")],
    # a required column typed differently is named, with the header cell to rename
    "renamed_column.csv": [(1, "area_code", 'thiếu cột "area_code"; dòng tiêu đề có cột "area_cod"',
                            'rename the column "area_cod" to "area_code"')],
    # an optional column typed differently: its figures would be dropped without a word
    "misspelt_column.csv": [(1, "denominatr", 'cột "denominatr" không có trong mẫu; có phải cột "denominator"? Để nguyên '
                                              "thì số liệu của cột này bị bỏ qua", 'rename the column "denominatr" to "denominator"'),
                            (1, "prefered", 'có phải cột "preferred"?', 'rename the column "prefered" to "preferred"')],
    # the template's data sheet with its value column renamed: which column, not "no sheet fits"
    "template_value_renamed.xlsx": [(1, "value", 'thiếu cột "value"; dòng tiêu đề có cột "gia_tri"',
                                     'rename the column "gia_tri" to "value"')],
    # required columns headed in Vietnamese: the header to rename named, as typed
    "vietnamese_headers.csv": [(1, "value", 'thiếu cột "value"; dòng tiêu đề có cột "Giá trị"',
                                'rename the column "Giá trị" to "value"'),
                               (1, "source", 'đổi tên cột "Nguồn" thành "source"', 'the header row has a column "Nguồn"')],
    "unknown_indicator.csv": [(2, "indicator", 'không có chỉ tiêu "poverty_rate_houshold"',
                               "did you mean: poverty_rate_households")],
    # a name without its accents that several areas end with: each offered, not a group of communes named after it
    "area_name_without_accents.csv": [(2, "area_code", "có phải một trong các mã: 29416 (Xã Cầu Ngang); 848 (Huyện Cầu "
                                                       "Ngang); 29416 (Thị trấn Cầu Ngang)?", "848 (Huyện Cầu Ngang)")],
    "area_name_not_code.csv": [(2, "area_code", 'không có mã địa bàn "Kim Hòa"', "did you mean code 29434")],
    "unknown_group.csv": [(2, "group", '"khơme" không phải là giá trị hợp lệ', "use one of: all, khmer")],
    "percent_out_of_range.csv": [(2, "value", "tỷ lệ 125 nằm ngoài khoảng 0–100 %", "outside 0–100 %")],
    "numerator_above_denominator.csv": [(2, "numerator", "tử số 300 lớn hơn mẫu số 200",
                                         "numerator 300 is larger than the denominator 200")],
    "value_disagrees_with_counts.csv": [(2, "value", "không khớp với tử số/mẫu số", "60/200 = 30 %")],
    # the figure and both values named; the fix that works (a blank preferred counts as TRUE)
    "duplicate_keys.csv": [(4, None, "health_insurance_coverage, địa bàn 29434, năm 2022: giá trị 90,8 trùng chỉ tiêu, "
                                     "địa bàn, nhóm, năm (và chuẩn) với dòng 2 (91,5)",
                            "write preferred = FALSE on the row not to use")],
    "non_numeric.csv": [(2, "value", '"chín mươi" không phải là một số', "is not a number")],
    "percent_sign.csv": [(2, "value", "có dấu %", "without %")],
    "year_out_of_range.csv": [(2, "year", "năm 1890 nằm ngoài khoảng 1990–2035", "outside 1990–2035")],
    "year_not_integer.csv": [(2, "year", '"2020.5" không phải là một năm', "is not a year")],
    # each sentence writes both readings its own way: 1,234 is one and a bit to a Vietnamese reader
    "ambiguous_number.csv": [(2, "value", '"1.234" có thể là 1.234 (đọc kiểu Việt Nam) hoặc 1,234 (đọc kiểu tiếng Anh)',
                              "could be 1,234 (read the Vietnamese way) or 1.234 (read the English way)"),
                             (3, "value", '"1.105" có thể là 1.105 (đọc kiểu Việt Nam) hoặc 1,105', "could be 1,105")],
    # a count written "1.120" beside an English-style rate is not read as 1,12 workers, nor "2.000" as 2
    "count_read_by_other_cells.csv": [
        (3, "value", '"1.120" được đọc là 1,12 theo cách ghi số của các ô khác trong tệp, nhưng đây là số đếm '
                     "(lao động): có thể ý là 1.120", "it may mean 1,120"),
        (4, "value", '"2.000" được đọc là 2 theo', "it may mean 2,000")],
    # an office adding a year by copying the year and value columns: the copy would be dropped
    "repeated_column.csv": [(1, "year", 'cột "year" xuất hiện 2 lần trong dòng tiêu đề (cột D, G)',
                             "only one can be read"),
                            (1, "value", 'cột "value" xuất hiện 2 lần trong dòng tiêu đề (cột E, H)',
                             'column "value" appears 2 times')],
    # 95,4 typed without quotes in a comma-separated file: 95 as the value, "4" as the source
    "split_decimal.csv": [(2, None, 'số "95,4" có vẻ bị tách làm hai ô ở dấu phẩy thập phân',
                           'put the number in quotes ("95,4")')],
    # notes and signatures typed under the data: one problem a row, not one per empty cell
    "notes_under_the_data.csv": [(3, "indicator", 'dòng này chỉ có chữ ("Ghi chú: số liệu tạm tính")', "not a data row"),
                                 (4, "indicator", '("Người lập biểu")', "it is not a data row")],
    # a lone row marked not preferred would never be used
    "lone_not_preferred.csv": [(2, "preferred", "mọi dòng số liệu health_insurance_coverage của địa bàn 848, năm 2024 "
                                "đều ghi preferred = FALSE", "would not be used")],
    # a copied sheet ("du_lieu (2)"): reading one sheet would drop the other's rows
    "two_data_sheets.xlsx": [(None, None, 'tệp có 2 trang số liệu ("du_lieu", "du_lieu (2)")',
                              "the other's figures would be lost")],
    # a draft row hidden rather than deleted
    "hidden_row.xlsx": [(3, None, "dòng này đang bị ẩn trong Excel nhưng có số liệu", "this row is hidden in Excel")],
    # English-locale Excel stores a typed 1.120 as the number 1,12
    "count_not_whole.csv": [(2, "value", "1,12 không phải số nguyên, nhưng chỉ tiêu new_jobs_khmer_workers đếm lao động",
                             "1.12 is not a whole number")],
    "mixed_number_format.csv": [(None, "value", "trộn hai kiểu ghi số", "mixes two number styles")],
    "bad_layout.csv": [(3, None, "có 10 ô, trong khi tiêu đề có 9 cột", "has 10 cells")],
    "unit_mismatch.csv": [(2, "unit", 'đơn vị "households" không khớp', "does not match the unit")],
    "standard_needed.csv": [(2, "standard", "không thuộc hẳn một chuẩn nào", "state the standard")],
    "area_after_reform.csv": [(2, "area_code", "huyện Cầu Ngang không còn từ 1/7/2025",
                               "report the figure for each new commune: xã Cầu Ngang (29416)")],
    "old_commune_after_reform.csv": [(2, "area_code", "xã Mỹ Long Bắc đã sáp nhập vào xã Mỹ Long từ 1/7/2025: ghi số "
                                      "liệu cho xã Mỹ Long, mã 29419", "report the figure for xã Mỹ Long, code 29419")],
    "new_commune_before_reform.csv": [(2, "area_code", "xã Ngũ Lạc chỉ có từ 1/7/2025: số liệu năm 2024 (trước năm "
                                       "2025) ghi cho đơn vị cũ: xã Thạnh Hòa Sơn (mã 29458)",
                                       "belongs to the old units: xã Thạnh Hòa Sơn (code 29458)")],
    "negative_count.csv": [(2, "value", "số đếm -40 bị âm", "is negative")],
    "excel_two_problems.xlsx": [(4, "value", "tỷ lệ 104,2 nằm ngoài", "outside 0–100 %"),
                                (6, "year", "năm 1989 nằm ngoài", "outside 1990–2035")],
}


def test_corpus_is_large_and_fully_described():
    files = sorted(p.name for p in BAD.iterdir())
    assert len(files) >= 15
    assert sorted(EXPECTED) == files, "every bad file needs its expected messages, and vice versa"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gets_exactly_its_problems(name):
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DataError) as caught:
        load_observations(path)
    problems = caught.value.problems
    expected = EXPECTED[name]
    assert len(problems) == len(expected), caught.value
    for problem, (row, column, phrase_vi, phrase_en) in zip(problems, expected):
        assert problem.file == f"tests/data/bad/{name}"
        assert problem.row == row
        assert problem.column == column
        assert phrase_vi in problem.describe("vi")
        assert phrase_en in problem.describe("en")
        assert problem.fix_vi and problem.fix_en
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the input file must not change"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_command_line_reports_without_traceback(name, capsys):
    status = main(["check", str(BAD / name)])
    out, err = capsys.readouterr()
    assert status == 2
    assert "Traceback" not in out + err
    assert err.startswith("Dữ liệu có ")
    assert f"tests/data/bad/{name}" in err


def test_a_folder_reports_the_problems_of_every_file(tmp_path):
    for name in ("percent_out_of_range.csv", "year_out_of_range.csv"):
        (tmp_path / name).write_bytes((BAD / name).read_bytes())
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path)
    assert {p.column for p in caught.value.problems} == {"value", "year"}


def test_duplicates_across_files_name_the_other_file(tmp_path):
    row = "health_insurance_coverage,29434,khmer,2022,,91.5,,,BHXH huyện\n"
    header = "indicator,area_code,group,year,standard,value,numerator,denominator,source\n"
    (tmp_path / "a.csv").write_text(header + row, encoding="utf-8")
    (tmp_path / "b.csv").write_text(header + row, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path)
    (problem,) = caught.value.problems
    assert problem.file.endswith("b.csv") and "a.csv" in problem.message_vi


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(DataError, match="không tìm thấy"):
        load_observations(tmp_path / "nowhere.csv")
    with pytest.raises(DataError, match="no .csv, .xlsx or .xls file"):
        load_observations(tmp_path)
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DataError, match="type .txt cannot be read"):
        load_observations(tmp_path / "notes.txt")
