"""The offices' folder: read by default with the shipped data, never by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import DataError, Workbench, load_observations, paths
from analysis.cli import main
from analysis.data.observations import check_observations, default_sources

ROW = ("indicator,area_code,group,year,value,numerator,denominator,source\n"
       "health_insurance_coverage,29434,khmer,2024,94.1,4873,5179,Bảo hiểm xã hội huyện\n")


def test_the_tests_never_read_the_real_offices_folder():
    # conftest.py points the offices' folder at an empty temporary folder for every test and doctest,
    # so a file a planner put in data/offices/ changes no expected value.
    assert paths.OFFICES_DIR != paths.DATA_DIR / "offices"
    assert paths.OFFICES_DIR.is_dir() and list(paths.OFFICES_DIR.iterdir()) == []
    assert default_sources() == [paths.OBSERVATIONS_DIR, paths.OFFICES_DIR]


def test_the_real_offices_folder_is_kept_with_its_readme():
    real = paths.DATA_DIR / "offices"
    assert (real / "README.md").is_file()
    text = (real / "README.md").read_text(encoding="utf-8")
    assert "Tiếng Việt" in text and "English" in text


def test_a_file_dropped_in_the_offices_folder_supersedes_the_illustrative_figure():
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    obs = load_observations()
    rows = obs.query("indicator == 'health_insurance_coverage' and area_code == '29434' and year == 2024")
    assert len(rows) == 2
    preferred = rows[rows["preferred"]]
    assert preferred["value"].tolist() == [94.1] and not preferred["illustrative"].item()
    assert preferred["file"].item().endswith("xa_kim_hoa_2024.csv")
    wb = Workbench(areas=["29434"])
    row = wb.rows("T02", "29434").iloc[0]
    assert (row["latest_year"], row["latest_value"]) == (2024, 94.1)


def test_two_offices_giving_one_figure_are_told_of_each_other_not_of_the_illustrative_row():
    (paths.OFFICES_DIR / "bhxh_2024.csv").write_text(ROW, encoding="utf-8")
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").write_text(ROW.replace("94.1,4873", "94.3,4884"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations()
    problems = caught.value.problems
    assert len(problems) == 1, problems  # the superseded illustrative row is no conflict
    assert problems[0].file.endswith("xa_kim_hoa_2024.csv") and problems[0].row == 2
    assert "dòng 2 của" in problems[0].message_vi and "bhxh_2024.csv" in problems[0].message_vi
    assert "illustrative" not in problems[0].message_vi


def test_check_reads_the_offices_folder_by_default_and_names_each_file(capsys):
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "xa_kim_hoa_2024.csv: 1 dòng / 1 row" in out
    assert "data/observations/published.csv" in out and "(213 thật" in out  # 212 published + the office's
    assert "không có số liệu cho" not in out  # the shipped data cover every target


def test_check_of_some_indicators_names_the_targets_it_holds_no_figure_for(tmp_path, capsys):
    # a folder holding only some indicators checked clean, and the report then said "Không có số liệu" for the rest
    (tmp_path / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    assert main(["check", str(tmp_path / "xa_kim_hoa_2024.csv")]) == 0
    out = capsys.readouterr().out
    line = next(text for text in out.splitlines() if text.startswith("Các tệp đã kiểm tra không có số liệu cho "))
    assert "T01, " in line and ", M2 (báo cáo chỉ từ các tệp này ghi “Không có số liệu” cho chúng)." in line
    listed = [target for target in ("T02", "T06", "T07", "T08") if f" {target}," in line]
    assert listed == ["T06", "T07", "T08"], listed  # T02, the office's health insurance, has its figure


def test_the_report_counts_every_file_it_read_above_the_excel_ones_it_lists():
    # "Đã đọc 1 tệp" above the one Excel file listed read as if the office's CSV had been left out
    import openpyxl

    (paths.OFFICES_DIR / "bhxh_2024.csv").write_text(ROW, encoding="utf-8")
    book = openpyxl.Workbook()
    header, row = (line.split(",") for line in ROW.strip().split("\n"))
    book.active.append(header)
    book.active.append([*row[:1], "29416", *row[2:]])
    book.save(paths.OFFICES_DIR / "xa_cau_ngang_2024.xlsx")
    lines = check_observations(paths.OFFICES_DIR).summary_lines(every_file=False)
    assert lines[0] == "Đã đọc 2 tệp, trong đó 1 tệp Excel / Read 2 files, 1 of them Excel:"
    assert len(lines) == 2 and "xa_cau_ngang_2024.xlsx" in lines[1]
    assert check_observations(paths.OFFICES_DIR).summary_lines()[0] == "Đã đọc 2 tệp / Read 2 files:"


def test_a_file_the_loader_cannot_read_is_named_not_skipped_in_silence(capsys):
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    (paths.OFFICES_DIR / "cong_van.docx").write_bytes(b"PK")
    (paths.OFFICES_DIR / "README.md").write_text("đọc tôi")
    (paths.OFFICES_DIR / "~$xa_kim_hoa_2024.xlsx").write_bytes(b"lock")
    assert main(["check"]) == 0  # a warning: the figures that can be read are read
    out = capsys.readouterr().out
    assert "Tệp không được đọc (2) / Files not read (2):" in out  # not under "the figures are still read"
    assert "cong_van.docx" in out and "số liệu vẫn được đọc" not in out
    assert "README.md" not in out
    # Excel's lock file: the workbook is still open, and what was just typed may not be saved
    assert ("bảng tính xa_kim_hoa_2024.xlsx đang mở trong Excel (có tệp khóa ~$xa_kim_hoa_2024.xlsx): số liệu đọc là "
            "bản đã lưu lần cuối. Cách sửa: lưu và đóng bảng tính rồi chạy lại") in " ".join(out.split())


@pytest.mark.parametrize("name", ["xa_vinh_kim_2024.ods", "xa_vinh_kim_2024.xlsm"])
def test_a_spreadsheet_the_loader_cannot_read_stops_the_load(capsys, name):
    # its figures would be lost: refused like bad data, with how to save it as .xlsx
    (paths.OFFICES_DIR / name).write_bytes(b"PK")
    assert main(["check"]) == 2
    out = "".join(capsys.readouterr())
    assert name in out and "lưu lại dạng .xlsx" in out and "số liệu trong tệp sẽ bị bỏ sót" in out


def test_files_in_a_subfolder_of_the_offices_folder_are_read():
    # an e-mailed archive unpacked into data/offices/ makes a folder
    (paths.OFFICES_DIR / "so lieu cac xa 2024").mkdir()
    (paths.OFFICES_DIR / "so lieu cac xa 2024" / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    (paths.OFFICES_DIR / "__MACOSX").mkdir()
    (paths.OFFICES_DIR / "__MACOSX" / "._xa_kim_hoa_2024.csv").write_bytes(b"\x00\x05")
    frame = load_observations()
    assert frame["file"].str.endswith("so lieu cac xa 2024/xa_kim_hoa_2024.csv").sum() == 1


def test_an_empty_or_missing_offices_folder_is_not_a_problem(monkeypatch, tmp_path):
    shipped = len(load_observations(paths.OBSERVATIONS_DIR))
    assert len(load_observations()) == shipped
    monkeypatch.setattr(paths, "OFFICES_DIR", tmp_path / "nowhere")
    assert len(load_observations()) == shipped


def test_a_bad_office_file_stops_the_default_load(capsys):
    (paths.OFFICES_DIR / "sai.csv").write_text(ROW.replace("29434", "Xa Kim Hoa"), encoding="utf-8")
    with pytest.raises(DataError, match="Xa Kim Hoa"):
        load_observations()
    assert main(["check"]) == 2
    assert "sai.csv, dòng 2" in capsys.readouterr().err


def test_several_paths_at_once(tmp_path):
    (tmp_path / "a.csv").write_text(ROW, encoding="utf-8")
    obs = load_observations([paths.OBSERVATIONS_DIR / "published.csv", tmp_path / "a.csv", Path(tmp_path)])
    assert (obs["file"].str.endswith("a.csv")).sum() == 1  # a file named twice is read once
    assert len(obs) == len(load_observations(paths.OBSERVATIONS_DIR / "published.csv")) + 1


def test_an_office_keeping_all_its_figures_in_the_offices_folder_is_not_sent_to_the_shipped_one(monkeypatch, tmp_path):
    # the shipped files moved away: data/offices/ alone is read, and only both folders empty is a problem
    monkeypatch.setattr(paths, "OBSERVATIONS_DIR", tmp_path / "observations")
    (tmp_path / "observations").mkdir()
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").write_text(ROW, encoding="utf-8")
    frame = load_observations()
    assert len(frame) == 1 and frame["file"].iloc[0].endswith("xa_kim_hoa_2024.csv")
    (paths.OFFICES_DIR / "xa_kim_hoa_2024.csv").unlink()
    with pytest.raises(DataError, match="không có tệp .csv") as caught:
        load_observations()
    assert len(caught.value.problems) == 1 and "observations" in caught.value.problems[0].file


def test_a_share_whose_total_is_missing_is_not_counted_as_having_figures(tmp_path):
    # Khmer party members alone (no total of all members): the check counted T14 as having figures, the report gave
    # it "Không có số liệu", and nothing said the total was missing
    from analysis import load_targets
    from analysis.data.coverage import data_coverage

    path = tmp_path / "huyen_uy.csv"
    path.write_text("indicator,area_code,group,year,value,source\n" + "".join(
        f"party_members_count,848,khmer,{year},{count},Huyện ủy\n" for year, count in ((2023, 520), (2024, 531))),
        encoding="utf-8")
    coverage = data_coverage(load_observations(path), load_targets()).set_index("target_id")
    assert coverage.at["T14", "real_points"] == 0
    path.write_text(path.read_text(encoding="utf-8") + "party_members_total,848,all,2024,2950,Huyện ủy\n",
                    encoding="utf-8")
    assert data_coverage(load_observations(path), load_targets()).set_index("target_id").at["T14", "real_points"] == 1
