"""Safe in: Excel and CSV files as offices really send them are never read silently wrong,
and every problem of every cell is listed at once."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from analysis import DataError, load_observations, paths
from analysis.cli import main
from analysis.data.observations import REQUIRED_COLUMNS, check_observations
from analysis.errors import PRINT_LIMIT

HEADER = ["indicator", "area_code", "group", "year", "standard", "value", "numerator", "denominator", "source"]


def workbook(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = (),
             formats: dict[tuple[str, str], str] | None = None) -> Path:
    """Write an .xlsx file: sheet name -> rows; ``formats`` maps (sheet, cell) to a number format."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    for (name, cell), number_format in (formats or {}).items():
        book[name][cell].number_format = number_format
    book.save(path)
    return path


def problems_of(path) -> list:
    with pytest.raises(DataError) as caught:
        load_observations(path)
    return caught.value.problems


# ---- Excel traps --------------------------------------------------------------------------


@pytest.mark.parametrize("cell", [dt.datetime(2024, 5, 12), dt.time(12, 5), dt.date(2024, 5, 12)])
def test_a_date_or_time_in_value_is_refused_with_the_fix(tmp_path, cell):
    path = workbook(tmp_path / "ngay.xlsx", {"du_lieu": [
        HEADER, ["health_insurance_coverage", "29434", "khmer", 2024, None, cell, None, None, "BHXH huyện"]]})
    (found,) = problems_of(path)
    assert (found.row, found.column) == (2, "value")
    assert "ngày/giờ" in found.message_vi and "date or time" in found.message_en
    assert "Format Cells → Number" in found.fix_vi and "12,5" in found.fix_vi and "12.5" in found.fix_en


def test_a_date_cell_does_not_wipe_the_illustrative_point(tmp_path):
    path = workbook(tmp_path / "ngay.xlsx", {"du_lieu": [
        HEADER, ["health_insurance_coverage", "29434", "khmer", 2024, None, dt.datetime(2024, 9, 4), None, None,
                 "BHXH huyện"]]})
    with pytest.raises(DataError, match="ngày/giờ") as caught:
        load_observations([paths.OBSERVATIONS_DIR, path])
    assert "(04/09/2024)" in str(caught.value)  # as it was typed, not 2024-09-04 00:00:00


def test_only_visible_sheets_are_read_and_the_sheet_is_chosen_by_its_header(tmp_path, capsys):
    row = ["health_insurance_coverage", "29434", "khmer", 2024, None]
    path = workbook(tmp_path / "doi_ten.xlsx", {
        "huong_dan": [["Hướng dẫn"], HEADER],
        "du_lieu": [HEADER, row + [9.9, None, None, "bản cũ"]],
        "Sheet1": [HEADER, row + [3.2, None, None, "bản mới"]],
    }, hidden=("du_lieu",))
    obs = load_observations(path)
    assert obs["value"].tolist() == [3.2]
    assert main(["check", str(path)]) == 0
    assert 'doi_ten.xlsx, trang / sheet "Sheet1": 1 dòng / 1 row' in capsys.readouterr().out


def test_a_workbook_without_a_data_sheet_says_which_sheets_it_has(tmp_path):
    path = workbook(tmp_path / "khong_co.xlsx", {"bia": [["Báo cáo"]], "so_lieu_cu": [["chỉ tiêu", "giá trị"]]})
    (found,) = problems_of(path)
    assert '"bia", "so_lieu_cu"' in found.message_vi and ", ".join(REQUIRED_COLUMNS) in found.fix_en


def test_a_percent_formatted_cell_is_converted_and_said_so(tmp_path, capsys):
    path = workbook(tmp_path / "phan_tram.xlsx", {"du_lieu": [
        HEADER,
        ["health_insurance_coverage", "29434", "khmer", 2024, None, 0.955, None, None, "BHXH huyện"],
        ["health_insurance_coverage", "29437", "khmer", 2024, None, 91.5, None, None, "BHXH huyện"],
        ["health_insurance_coverage", "29440", "khmer", 2024, None, 0.071, None, None, "BHXH huyện"],
    ]}, formats={("du_lieu", "F2"): "0.0%", ("du_lieu", "F4"): "0%"})
    check = check_observations(path)
    assert check.observations.set_index("area_code")["value"].to_dict() == {"29434": 95.5, "29437": 91.5,
                                                                           "29440": 7.1}
    assert check.files[0].converted_rows == (2, 4)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    # the file's own first cell as the example, not a fixed "0,125 → 12,5"
    assert "2 ô định dạng % trong Excel đã đổi sang phần trăm ở dòng 2, 4 (dòng 2: 0,955 → 95,5)" in out
    assert "2 %-formatted Excel cells converted to percentages on rows 2, 4 (row 2: 0.955 → 95.5)" in out


def test_a_percent_formatted_count_is_refused(tmp_path):
    path = workbook(tmp_path / "dem.xlsx", {"du_lieu": [
        HEADER, ["new_jobs_khmer_workers", "848", "khmer", 2024, None, 12.34, None, None, "Phòng LĐ-TB&XH"]]},
        formats={("du_lieu", "F2"): "0%"})
    (found,) = problems_of(path)
    assert found.column == "value" and "1.234 %" in found.message_vi and "1,234 %" in found.message_en


# ---- the other way round: a fraction typed for a percentage ----------------------------------


FRACTION = ("indicator,area_code,group,year,value,source\n"
            "health_insurance_coverage,29434,khmer,2024,0.941,BHXH huyện\n")


def test_a_fraction_among_percentages_is_a_warning_naming_the_row(tmp_path, capsys):
    path = tmp_path / "xa.csv"
    path.write_text(FRACTION, encoding="utf-8")
    check = check_observations([paths.OBSERVATIONS_DIR, path])  # illustrative 2015–2024: all above 5 %
    assert check.problems == [] and check.observations is not None
    (warning,) = check.warnings
    assert (warning.file.endswith("xa.csv"), warning.row, warning.column) == (True, 2, "value")
    assert "0,941 %" in warning.message_vi and "ghi 94,1" in warning.fix_vi and "write 94.1" in warning.fix_en
    assert main(["check", str(paths.OBSERVATIONS_DIR), str(path)]) == 0
    out = capsys.readouterr().out
    assert "Cảnh báo (1" in out and "xa.csv, dòng 2" in out and "Warnings (1" in out
    # "--data" as report and review take it ("error: unrecognized arguments: --data" before)
    assert main(["check", "--data", str(paths.OBSERVATIONS_DIR), str(path)]) == 0
    assert capsys.readouterr().out == out


def test_a_small_percentage_in_a_small_series_is_no_warning(tmp_path):
    path = tmp_path / "xa.csv"
    path.write_text("indicator,area_code,group,year,standard,value,source\n"
                    "poverty_rate_households,84,all,2024,2022-2025,0.9,Sở LĐ-TB&XH\n", encoding="utf-8")
    assert check_observations([paths.OBSERVATIONS_DIR, path]).warnings == []  # 2023 was 1.19 %


def test_the_report_prints_the_warnings(tmp_path, monkeypatch, capsys):
    import analysis.reports.report as report_module

    path = tmp_path / "xa.csv"
    path.write_text(FRACTION, encoding="utf-8")

    def stop(*args, **kwargs):
        raise KeyboardInterrupt  # the warnings are printed before the assessment starts

    monkeypatch.setattr(report_module, "Workbench", stop)
    assert main(["report", "--data", str(paths.OBSERVATIONS_DIR), str(path), "--out", str(tmp_path / "r")]) == 130
    assert "xa.csv, dòng 2, cột \"value\": tỷ lệ 0,941 %" in capsys.readouterr().err


# ---- every problem of every cell -----------------------------------------------------------


def test_a_row_with_four_problems_lists_all_four(tmp_path):
    path = tmp_path / "bon_loi.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "health_insurance_coverage,99999,khome,năm 2024,,150,,,BHXH huyện\n", encoding="utf-8")
    found = problems_of(path)
    assert [(p.row, p.column) for p in found] == [(2, "area_code"), (2, "group"), (2, "year"), (2, "value")]
    assert 'không có mã địa bàn "99999"' in found[0].message_vi
    assert '"khome" không phải là giá trị hợp lệ' in found[1].message_vi
    assert '"năm 2024" không phải là một năm' in found[2].message_vi
    assert "tỷ lệ 150 nằm ngoài" in found[3].message_vi


def test_a_poverty_row_without_its_standard_is_refused_with_the_choices(tmp_path):
    path = tmp_path / "ngheo.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "poverty_rate_households,29431,khmer,2025,,3.1,,,UBND xã Vinh Kim\n", encoding="utf-8")
    (found,) = problems_of(path)
    assert (found.row, found.column) == (2, "standard")
    assert "2016-2020, 2022-2025" in found.fix_vi and "năm 2025 thường là 2022-2025" in found.fix_vi
    assert "2025 is usually on 2022-2025" in found.fix_en


def test_the_shipped_poverty_rows_all_state_their_standard():
    obs = load_observations(paths.OBSERVATIONS_DIR)
    poverty = obs[obs["indicator"].str.contains("poverty|poor")]
    assert len(poverty) > 100 and (poverty["standard"] != "").all()


@pytest.mark.parametrize("typed", ["Xa Kim Hoa", "xã kim hòa", "Kim Hoa"])
def test_a_commune_written_without_accents_gets_its_code(tmp_path, typed):
    path = tmp_path / "ten.csv"
    path.write_text("indicator,area_code,group,year,value,source\n"
                    f"health_insurance_coverage,{typed},khmer,2024,94.1,BHXH huyện\n", encoding="utf-8")
    (found,) = problems_of(path)
    assert "29434" in found.fix_vi and "29434" in found.fix_en


def test_numbers_in_messages_are_written_the_way_each_language_writes_them(tmp_path):
    path = tmp_path / "so.csv"
    path.write_text("indicator,area_code,group,year,value,numerator,denominator,source\n"
                    "health_insurance_coverage,29434,khmer,2024,104.5,,,BHXH huyện\n"
                    "party_members_share,29437,khmer,2024,30.5,1288,1200.5,Huyện ủy\n", encoding="utf-8")
    first, second, third = problems_of(path)
    assert "104,5" in first.message_vi and "104.5" in first.message_en
    assert "tử số 1.288 lớn hơn mẫu số 1.200,5" in second.message_vi
    assert "numerator 1,288 is larger than the denominator 1,200.5" in second.message_en
    assert third.message_vi.startswith("mẫu số 1.200,5 không phải số nguyên")
    assert third.message_en.startswith("the denominator 1,200.5 is not a whole number")


def test_a_numerator_or_denominator_with_decimals_is_refused(tmp_path):
    # 2,5 poor households of 60 passed (4,17 % agrees with them) and were summed into the district's rate
    path = tmp_path / "so_dem.csv"
    path.write_text("indicator,area_code,group,year,standard,value,numerator,denominator,source\n"
                    "poverty_rate_households,29434,khmer,2024,2022-2025,4.17,2.5,60,UBND xã\n"
                    "poverty_rate_households,29437,khmer,2024,2022-2025,4.17,3,72,UBND xã\n"
                    "health_insurance_coverage,29437,khmer,2024,,99.45,9945,10000.5,BHXH huyện\n", encoding="utf-8")
    assert [(p.row, p.column) for p in problems_of(path)] == [(2, "numerator"), (4, "denominator")]


def test_the_printed_list_is_capped_and_the_whole_list_written_to_a_file(tmp_path, capsys):
    path = tmp_path / "xuat_sai.csv"
    n = PRINT_LIMIT + 150
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["indicator", "area_code", "group", "year", "value", "source"])
        for i in range(n):
            writer.writerow(["health_insurance_coverage", f"xã {i}", "khmer", 2024, 90, "BHXH huyện"])
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == "Dữ liệu có 350 lỗi / The data has 350 problems:"
    assert f"{PRINT_LIMIT}. " in err and f"{PRINT_LIMIT + 1}. " not in err
    assert "… và 150 lỗi khác / … and 150 more." in err
    full = Path(lines[-1].split(": ", 1)[1])
    assert lines[-1].startswith("Danh sách đầy đủ (350 lỗi) / Full list (350 problems): ")
    assert paths.DATA_DIR not in full.parents and tmp_path not in full.parents
    with open(full, encoding="utf-8-sig", newline="") as handle:
        listed = list(csv.DictReader(handle))
    full.unlink()
    assert len(listed) == n and listed[-1]["row"] == str(n + 1) and listed[0]["column"] == "area_code"


def test_an_office_csv_with_formula_text_is_read_as_text(tmp_path):
    path = tmp_path / "cong_thuc.csv"
    path.write_text("indicator,area_code,group,year,value,source,quote,note\n"
                    "health_insurance_coverage,29434,khmer,2024,94.1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                    "=cmd|' /C calc'!A0,@SUM(1)\n", encoding="utf-8")
    row = load_observations(path).iloc[0]
    assert (row["source"], row["quote"], row["note"]) == ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0",
                                                          "@SUM(1)")


def test_a_title_above_the_header_is_skipped_as_a_reader_skips_it(tmp_path):
    # an office's sheet opening with "BÁO CÁO SỐ LIỆU … XÃ KIM HÒA" and a blank line: six "missing
    # column" problems on row 1 before; the instructions sheet, whose column names sit under its
    # own title, is still not taken for data
    row = ["health_insurance_coverage", "29434", "khmer", 2024, None, 95.4, None, None, "BHXH huyện"]
    path = workbook(tmp_path / "tieu_de.xlsx", {
        "huong_dan": [["Hướng dẫn"], HEADER],
        "du_lieu": [["BÁO CÁO SỐ LIỆU NĂM 2024 — XÃ KIM HÒA"], [None], HEADER, row]})
    obs = load_observations(path)
    assert obs["value"].tolist() == [95.4] and obs["row"].tolist() == [4]


@pytest.mark.parametrize("second_header, why, typed", [
    (["indicator", "area_code", "group", "year", "value"], "thiếu cột source", (2023, 93.1)),
    (["chỉ tiêu", "mã xã", "nhóm", "năm", "giá trị", "nguồn"], 'tên cột "chỉ tiêu", "mã xã"', (2023, 93.1)),
    (["indicator", "area_code", "group", "year", "value"], "thiếu cột source", ("2023", "93,1")),  # stored as text
])
def test_a_second_sheet_of_figures_that_is_not_read_is_refused_not_dropped(tmp_path, second_header, why, typed):
    # the 2023 figures on a second sheet whose header lacked "source" (or was in Vietnamese) were left out
    # without a word, while the same sheet alone was refused with the fix
    row = ["health_insurance_coverage", "29434", "khmer", 2024, None, 95.4, None, None, "BHXH huyện"]
    older = ["health_insurance_coverage", "29434", "khmer", *typed, "BHXH huyện"][:len(second_header)]
    path = workbook(tmp_path / "hai_trang.xlsx", {"du_lieu": [HEADER, row],
                                                   "2023": [["SỐ LIỆU NĂM 2023"], second_header, older]})
    (found,) = problems_of(path)
    assert found.message_vi.startswith('trang "2023" có bảng số liệu (dòng tiêu đề 2) nhưng không được đọc: ' + why)
    assert '("du_lieu")' in found.fix_vi and "hide it" in found.fix_en
    # the template's instructions sheet (an example row under the column names) and a hidden sheet are not tables
    hidden = workbook(tmp_path / "an.xlsx", {"du_lieu": [HEADER, row], "2023": [second_header, older]},
                      hidden=("2023",))
    guide = workbook(tmp_path / "mau.xlsx", {"huong_dan": [["Ví dụ một dòng"], HEADER, row], "du_lieu": [HEADER, row]})
    assert load_observations(hidden)["year"].tolist() == [2024] and load_observations(guide)["year"].tolist() == [2024]


def test_a_formula_without_a_saved_result_is_named_not_called_empty(tmp_path):
    # a workbook written by a tool that does not compute formulas: the office sees a number in Excel
    path = workbook(tmp_path / "cong_thuc.xlsx", {"du_lieu": [
        HEADER, ["health_insurance_coverage", "29434", "khmer", 2024, None, "=ROUND(G2/H2*100,2)", 950, 1000,
                 "BHXH huyện"]]})
    (found,) = problems_of(path)
    assert (found.row, found.column) == (2, "value")
    assert found.message_vi.startswith("ô có công thức (=ROUND(G2/H2*100,2)) nhưng chưa có kết quả được lưu")


def test_a_column_of_ones_own_is_ignored_and_only_a_misspelt_figure_column_refused(tmp_path):
    # "notes" and "ghi_chu_xa" lose no figure: read as before; "denominatr" would lose one: refused
    own = tmp_path / "own.csv"
    own.write_text("indicator,area_code,group,year,value,source,notes,ghi_chu_xa\n"
                   'health_insurance_coverage,29434,khmer,2023,"91,5",BHXH huyện,tạm tính,x\n', encoding="utf-8")
    assert load_observations(own)["value"].tolist() == [91.5]
    misspelt = tmp_path / "misspelt.csv"
    misspelt.write_text(own.read_text(encoding="utf-8").replace("notes,", "denominatr,"), encoding="utf-8")
    with pytest.raises(DataError, match='có phải cột "denominator"'):
        load_observations(misspelt)


@pytest.mark.parametrize("header", ["denominator (tổng số hộ)", "Mẫu số", "mẫu số (hộ)"])
def test_an_annotated_or_vietnamese_figure_column_is_refused_not_dropped(tmp_path, header):
    # the denominators under "denominator (tổng số hộ)" or "Mẫu số" were dropped without a word: 43/1.021 beside
    # 2,13 % was no longer checked, and the former district's 2025 rate built from them moved from 3,42 to 4,89 %
    path = tmp_path / "annotated.csv"
    path.write_text(f'indicator,area_code,group,year,standard,value,numerator,{header},source\n'
                    'poverty_rate_households,29434,khmer,2023,2022-2025,"2,13",43,1021,Báo cáo UBND xã\n',
                    encoding="utf-8")
    (found,) = problems_of(path)
    assert found.row == 1 and 'có phải cột "denominator"?' in found.message_vi
    assert found.column == header and f'cột "{header}" không có trong mẫu' in found.message_vi  # quoted as typed


@pytest.mark.parametrize("header, meant", [("đơn vị", "unit"), ("Don vi tinh", "unit"), ("chuẩn nghèo", "standard"),
                                           ("Chuẩn", "standard")])
def test_a_unit_or_standard_column_headed_in_vietnamese_is_refused_not_dropped(tmp_path, header, meant):
    # an "đơn vị" column of "hộ" was not read, nor checked against the indicator's unit: 53 poor households
    # passed as a poverty rate of 53 % and decided xã Vinh Kim's 2025
    path = tmp_path / "don_vi.csv"
    path.write_text(f"indicator,area_code,group,year,standard,value,{header},source\n"
                    "health_insurance_coverage,29431,khmer,2025,,53,hộ,UBND xã Vinh Kim\n", encoding="utf-8")
    if meant == "standard":
        path.write_text(path.read_text(encoding="utf-8").replace(",standard,", ",unit,").replace(",,53,hộ,", ",,53,2022-2025,"),
                        encoding="utf-8")
    found = [p for p in problems_of(path) if p.row == 1]
    assert [p.column for p in found] == [header] and f'có phải cột "{meant}"?' in found[0].message_vi


@pytest.mark.parametrize("header", ["chuẩn nông thôn mới", "Đơn vị hành chính", "Đơn vị báo cáo"])
def test_an_office_column_that_only_starts_like_the_unit_or_standard_is_its_own(tmp_path, header):
    # "Đơn vị hành chính" (the commune's name) was taken for the unit column and the file refused
    path = tmp_path / "ghi_chu.csv"
    path.write_text(f"indicator,area_code,group,year,value,{header},source\n"
                    "health_insurance_coverage,29434,khmer,2024,94.1,Xã Kim Hòa,BHXH huyện\n", encoding="utf-8")
    assert load_observations(path)["value"].tolist() == [94.1]


def test_figures_under_a_blank_or_merged_header_cell_are_refused_not_dropped(tmp_path):
    # "numerator" merged over H1:I1 leaves I1 blank: the denominators in column I were read as nothing
    csv_path = tmp_path / "blank.csv"
    csv_path.write_text("indicator,area_code,group,year,standard,value,numerator,,source\n"
                        'poverty_rate_households,29434,khmer,2023,2022-2025,"2,13",43,1021,Báo cáo UBND xã\n',
                        encoding="utf-8")
    (found,) = problems_of(csv_path)
    assert (found.row, found.column) == (1, "H")
    assert found.message_vi.startswith("cột có số liệu (từ dòng 2) nhưng ô tiêu đề của cột trống hoặc nằm trong ô gộp")
    merged = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "du_lieu"
    sheet.append(["indicator", "area_code", "group", "year", "standard", "value", "numerator", None, "source"])
    sheet.append(["poverty_rate_households", "29434", "khmer", 2023, "2022-2025", 2.13, 43, 1021, "Báo cáo UBND xã"])
    sheet.merge_cells("G1:H1")
    book.save(merged)
    (found,) = problems_of(merged)
    assert (found.row, found.column) == (1, "H") and "(từ dòng 2)" in found.message_vi
    # a blank header over nothing (a spacer column) is no problem
    spacer = tmp_path / "spacer.csv"
    spacer.write_text("indicator,area_code,group,year,value,,source\n"
                      'health_insurance_coverage,29434,khmer,2023,"91,5",,BHXH huyện\n', encoding="utf-8")
    assert load_observations(spacer)["value"].tolist() == [91.5]


def test_the_fix_for_a_count_with_a_fraction_does_not_forbid_the_templates_thousands_dot():
    # "không phải 1.120" beside a template (and a loader) that take 1.120 as 1120 in a Vietnamese-style file
    from analysis.data.problems import problem

    found = problem("count_not_whole", "a.csv", 7, "value", value="1.120,5", indicator="new_jobs_khmer_workers",
                    unit_vi="lao động", unit_en="workers")
    assert "không phải 1.120" not in found.fix_vi and "(1.120) chỉ dùng được trong tệp ghi số kiểu Việt Nam" in found.fix_vi
    assert "1.120 becomes 1.12: type 1120" in found.fix_en


def test_a_thousand_written_the_vietnamese_way_is_a_thousand_in_a_vietnamese_file(tmp_path):
    # "1.000" beside "52,3" was refused ("có thể ý là 1") while "1.020" passed: a count of one is never typed 1.000
    path = tmp_path / "so_gddt_2025.csv"
    path.write_text("indicator,area_code,group,year,value,numerator,denominator,source\n"
                    'right_age_attendance_upper_secondary,29446,khmer,2025,"52,3",523,"1.000",Sở GDĐT\n'
                    'right_age_attendance_upper_secondary,29416,khmer,2025,"24,6",492,"2.000",Sở GDĐT\n',
                    encoding="utf-8")
    frame = load_observations(path)
    assert dict(zip(frame["numerator"], frame["denominator"])) == {523.0: 1000.0, 492.0: 2000.0}


def test_an_excel_workbook_renamed_csv_is_named_as_one(tmp_path):
    # it was told "not UTF-8: save as CSV UTF-8", a fix that does not fit a file that is a workbook
    renamed = tmp_path / "xa.csv"
    workbook(tmp_path / "xa.xlsx", {"du_lieu": [HEADER]}).rename(renamed)
    (found,) = problems_of(renamed)
    assert found.message_vi == "tệp có đuôi .csv nhưng là bảng tính Excel (.xlsx) đã đổi tên."
    assert found.fix_en.startswith("rename it back to .xlsx")


def test_a_large_value_in_a_message_has_no_binary_residue(tmp_path):
    path = tmp_path / "lon.csv"
    path.write_text("indicator,area_code,group,year,value,source\n"
                    "health_insurance_coverage,29434,khmer,2024,12345678.9,BHXH huyện\n", encoding="utf-8")
    (found,) = problems_of(path)
    assert "12.345.678,9 " in found.message_vi and "12,345,678.9 " in found.message_en


def test_an_invisible_character_pasted_around_a_code_is_not_part_of_it(tmp_path):
    # "29434" followed by a zero-width space (pasted from a web page) was unknown: "có phải: 29434?"
    path = tmp_path / "dan.csv"
    path.write_text("indicator,area_code,group,year,value,source\n"
                    "health_insurance_coverage,29434\u200b,khmer,2024\ufeff,94.1,BHXH huyện\n", encoding="utf-8")
    row = load_observations(path).iloc[0]
    assert (row["area_code"], row["year"]) == ("29434", 2024)
