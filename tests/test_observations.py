"""Loading good files: Vietnamese number formats, Excel, NFC text, the shipped data."""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from analysis import DataError, load_observations
from analysis.data.numbers import format_number

GOOD = Path(__file__).parent / "data" / "good"


def test_vietnamese_csv_with_semicolons_and_decimal_commas():
    before = hashlib.sha256((GOOD / "vietnamese_format.csv").read_bytes()).hexdigest()
    obs = load_observations(GOOD / "vietnamese_format.csv").set_index("indicator")
    assert obs.at["poverty_rate_households", "value"] == 12.5
    assert obs.at["poverty_rate_households", "denominator"] == 1288.0  # "1.288" is a thousand and more
    assert obs.at["new_jobs_khmer_workers", "value"] == 1234.0
    assert obs.at["health_insurance_coverage", "value"] == 91.25
    assert obs.at["poverty_rate_households", "standard"] == "2022-2025"
    source = obs.at["poverty_rate_households", "source"]
    assert source == unicodedata.normalize("NFC", source) == "Báo cáo rà soát hộ nghèo, UBND xã Kim Hòa"
    assert not obs["illustrative"].any()
    assert hashlib.sha256((GOOD / "vietnamese_format.csv").read_bytes()).hexdigest() == before


def test_excel_return_reads_the_data_sheet_not_the_instructions():
    obs = load_observations(GOOD / "office_return.xlsx").set_index("indicator")
    assert obs.at["party_members_share", "numerator"] == 61
    assert obs.at["right_age_attendance_primary", "value"] == 98.5
    assert obs.loc[:, "row"].tolist() == [2, 3]
    assert not obs["illustrative"].any()


def test_unit_is_filled_from_the_indicator():
    obs = load_observations(GOOD / "vietnamese_format.csv").set_index("indicator")
    assert obs.at["health_insurance_coverage", "unit"] == "percent"
    assert obs.at["new_jobs_khmer_workers", "unit"] == "workers"


def test_legacy_xls_files_are_read():
    # Written once with xlwt (not a project dependency); .xls is still common in offices.
    obs = load_observations(GOOD / "legacy_office_return.xls").set_index("indicator")
    assert obs.at["health_insurance_coverage", "value"] == 91.5
    assert obs.at["health_insurance_coverage", "source"] == "Bảo hiểm xã hội huyện"
    assert obs.at["party_members_share", "value"] == 27.5  # typed as text "27,5"
    assert obs.at["party_members_share", "row"] == 3


def test_an_excel_file_is_read_by_what_it_is_not_by_its_name(tmp_path):
    # an .xlsx renamed (or saved by a tool) as .xls was called damaged; an .xls renamed .xlsx likewise
    shutil.copy(GOOD / "office_return.xlsx", tmp_path / "office_return.xls")
    shutil.copy(GOOD / "legacy_office_return.xls", tmp_path / "legacy_office_return.xlsx")
    assert load_observations(tmp_path / "office_return.xls")[["indicator", "value"]].equals(
        load_observations(GOOD / "office_return.xlsx")[["indicator", "value"]])
    assert load_observations(tmp_path / "legacy_office_return.xlsx")["value"].tolist() == \
        load_observations(GOOD / "legacy_office_return.xls")["value"].tolist()


@pytest.fixture(scope="module")
def shipped():
    return load_observations()


def test_shipped_data_loads_with_real_and_illustrative_rows(shipped):
    assert shipped["illustrative"].any() and (~shipped["illustrative"]).any()
    real = shipped[~shipped["illustrative"]]
    assert (real["source"] != "").all() and (real["quote"] != "").all()
    assert shipped[shipped["illustrative"]]["source"].str.contains("minh họa").all()


@pytest.mark.parametrize(
    "indicator, area, group, year, value",
    [
        # QĐ 122/QĐ-UBND (8/2/2023) and QĐ 83/QĐ-UBND (22/01/2024), NOTES.md §2
        ("poverty_rate_households", "84", "khmer", 2022, 3.61),
        ("poverty_rate_households", "84", "khmer", 2023, 2.03),
        ("poor_households_count", "84", "khmer", 2022, 3239),
        ("poverty_rate_households", "84", "all", 2023, 1.19),
        # Cầu Ngang, end-2022, from the new-rural district file (NOTES.md §3)
        ("poverty_rate_households", "848", "all", 2022, 3.4),
        ("ntm_advanced_communes_count", "848", "all", 2022, 3),
        ("party_members_count", "84", "khmer", 1992, 667),
        ("khmer_cadres_civil_servants_share", "84", "khmer", 2017, 18.52),
    ],
)
def test_published_figures_are_carried_over_exactly(shipped, indicator, area, group, year, value):
    rows = shipped.query("indicator == @indicator and area_code == @area and group == @group "
                         "and year == @year and preferred and not illustrative")
    assert rows["value"].tolist() == [value]


def test_conflicting_published_figures_are_all_kept_with_one_preferred(shipped):
    real = shipped[~shipped["illustrative"]]
    sizes = real.groupby(["indicator", "area_code", "group", "year", "standard"])["preferred"].agg(["size", "sum"])
    assert (sizes["sum"] == 1).all()
    conflicts = sizes[sizes["size"] > 1]
    assert len(conflicts) >= 15
    khmer_2019 = real.query("indicator == 'poverty_rate_households' and area_code == '84' and group == 'all' "
                            "and year == 2019")
    assert sorted(khmer_2019["value"]) == [3.22, 3.33]
    assert khmer_2019.loc[khmer_2019["preferred"], "value"].item() == 3.22


def test_poverty_rows_carry_their_standard(shipped):
    poverty = shipped[shipped["indicator"] == "poverty_rate_households"]
    assert (poverty["standard"] != "").all()
    assert set(poverty.loc[poverty["year"] >= 2022, "standard"]) == {"2022-2025"}
    assert set(poverty.loc[poverty["year"].between(2016, 2020), "standard"]) == {"2016-2020"}


def test_illustrative_commune_data_covers_every_target_indicator(shipped):
    from analysis import load_targets

    from analysis import load_indicators

    targets, indicators = load_targets(), load_indicators()
    # real figures only: the district's recognition (2022) and its especially difficult communes (8 in 2023)
    measurable = set(targets.loc[targets["kind"] != "qualitative", "indicator"]) - {
        "ntm_district_recognised", "extremely_difficult_communes_count"}
    illustrative = shipped[shipped["illustrative"]]
    communes = illustrative[illustrative["area_code"].str.len() == 5]
    assert communes["area_code"].nunique() == 15
    # A share of communes is reported commune by commune as yes/no flags.
    reported = {indicators.at[i, "flags"] or i for i in measurable}
    district_only = {"khmer_cadres_civil_servants_share"}  # includes district offices, in no commune
    assert reported - district_only <= set(communes["indicator"])
    assert district_only <= set(illustrative.loc[illustrative["area_code"] == "848", "indicator"])
    by_indicator = illustrative.groupby("indicator")["year"].agg(["min", "max"])
    # the Khmer population share is a census-year figure (2019), which T14's communes are compared with
    assert set(by_indicator.loc[["khmer_population_share"], "min"]) == {2019}
    by_indicator = by_indicator.drop(index="khmer_population_share")
    assert (by_indicator["min"] == 2015).all() and (by_indicator["max"] == 2024).all()


def test_text_is_nfc_everywhere(shipped):
    for column in ("source", "quote", "note"):
        values = shipped[column]
        assert (values == values.map(lambda s: unicodedata.normalize("NFC", s))).all()


def test_result_is_sorted_and_typed(shipped):
    assert shipped["year"].dtype == "int64"
    assert shipped["value"].dtype == "float64"
    assert shipped["illustrative"].dtype == bool
    key = shipped[["indicator", "area_code", "group", "year", "standard"]]
    assert key.equals(key.sort_values(list(key.columns)).reset_index(drop=True))
    assert isinstance(shipped, pd.DataFrame)


def test_a_real_office_figure_supersedes_the_illustrative_one(tmp_path):
    import shutil

    from analysis.paths import OBSERVATIONS_DIR

    for file in OBSERVATIONS_DIR.iterdir():
        shutil.copy(file, tmp_path / file.name)
    (tmp_path / "xa_kim_hoa_2024.csv").write_text(
        "indicator,area_code,group,year,value,numerator,denominator,source\n"
        'health_insurance_coverage,29434,khmer,2024,94.1,4873,5179,"Bảo hiểm xã hội huyện, báo cáo năm 2024"\n',
        encoding="utf-8")
    obs = load_observations(tmp_path)
    rows = obs.query("indicator == 'health_insurance_coverage' and area_code == '29434' and year == 2024")
    assert len(rows) == 2
    assert rows.loc[rows["preferred"], "value"].tolist() == [94.1]
    assert not rows.loc[rows["preferred"], "illustrative"].item()


def test_a_figure_for_a_year_still_to_come_is_refused_and_this_years_estimate_read(tmp_path):
    # a typed 2030 for 2025 would judge the 2030 target today, and wipe the 2025 verdict
    from analysis import DataError
    from analysis.data.observations import this_year

    now = this_year()
    header = "indicator,area_code,group,year,value,source\n"
    (tmp_path / "estimate.csv").write_text(header + f"health_insurance_coverage,29431,khmer,{now},95.4,BHXH\n",
                                           encoding="utf-8")
    assert load_observations(tmp_path / "estimate.csv")["year"].tolist() == [now]
    (tmp_path / "future.csv").write_text(header + f"health_insurance_coverage,29431,khmer,{now + 1},95.4,BHXH\n",
                                         encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "future.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "year")
    assert f"năm {now + 1} chưa đến (năm nay là {now})" in problem.describe("vi")


def test_the_templates_example_row_copied_into_the_data_is_refused(tmp_path):
    # the example row of the template's instructions sheet, copied above an office's own row, was read as xã
    # Vinh Kim's real 2025 poverty rate; a source that only mentions an example elsewhere is an office's own
    (tmp_path / "hiep_my.csv").write_text(
        "indicator,area_code,group,year,standard,value,numerator,denominator,source\n"
        "poverty_rate_households,29431,khmer,2025,2022-2025,2.13,43,2021,"
        "\"Báo cáo rà soát hộ nghèo cuối năm 2025, UBND xã Vinh Kim (ví dụ)\"\n"
        "poverty_rate_households,29455,khmer,2025,2022-2025,2.5,50,2000,"
        "\"Báo cáo 12/BC-UBND (ví dụ tính theo hộ) của UBND xã Hiệp Mỹ\"\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "hiep_my.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "source")
    assert 'dòng ví dụ của mẫu nhập số liệu (nguồn ghi "(ví dụ)")' in problem.describe("vi")
    assert "xóa dòng này" in problem.describe("vi") and "template's example row" in problem.describe("en")


def test_a_column_of_ones_own_holding_another_years_figures_is_refused(tmp_path):
    # an office added its 2024 figures beside the 2025 ones ("Năm 2024"): read without a word, they were lost
    header = "indicator,area_code,group,year,value,source,{extra}\n"
    row = "health_insurance_coverage,29431,khmer,2025,95.4,BHXH,{cell}\n"
    (tmp_path / "wide.csv").write_text(header.format(extra="Năm 2024") + row.format(cell="")
                                       + row.format(cell="94.1").replace("29431", "29416"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "wide.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (1, "G")
    assert 'cột "Năm 2024" có số (từ dòng 3)' in problem.describe("vi") and "một dòng riêng" in problem.describe("vi")
    # a note under a year, or a column of one's own named otherwise, stays an office's own and is ignored
    for extra, cell in (("2024", "đã đối chiếu"), ("dân số 2019", "9728"), ("value_2024", "")):
        (tmp_path / "own.csv").write_text(header.format(extra=extra) + row.format(cell=cell), encoding="utf-8")
        assert load_observations(tmp_path / "own.csv")["value"].tolist() == [95.4], extra


@pytest.mark.parametrize("district, warned", [("96.0", True), ("92.5", False)])
def test_a_real_district_figure_that_its_communes_real_figures_do_not_make_is_warned_about(tmp_path, district, warned):
    # 96,0 % for the district beside 15 communes whose counts make 92,3 %: the district's figure was used and
    # turned T02 from likely missed to likely met without a word; within half a point is the offices' rounding
    from analysis.data.catalogue import commune_codes
    from analysis.data.observations import check_observations

    rows = "".join(f"health_insurance_coverage,{code},khmer,2024,{100 * 923 / 1000:.1f},923,1000,BHXH\n"
                   for code in commune_codes())
    (tmp_path / "bhxh.csv").write_text("indicator,area_code,group,year,value,numerator,denominator,source\n" + rows
                                       + f"health_insurance_coverage,848,khmer,2024,{district},,,BHXH huyện\n",
                                       encoding="utf-8")
    check = check_observations(tmp_path / "bhxh.csv")
    assert check.problems == []
    said = [w for w in check.warnings if "khác số tổng hợp" in w.message_vi]
    assert len(said) == int(warned)
    if warned:
        assert said[0].row == 17 and said[0].column == "value"
        assert ("(health_insurance_coverage) năm 2024: số của huyện (96 %) khác số tổng hợp từ số liệu thật của cả 15 "
                "xã, thị trấn (92,3 %); báo cáo dùng số của huyện.") in said[0].message_vi
        assert said[0].message_vi.startswith("“")  # the indicator named in Vietnamese first


def test_a_school_year_in_the_year_cell_is_told_which_year_it_is(tmp_path):
    # "2024-2025" was told "write four digits, for example 2024": two education offices filed one school year
    # under two years, and T06–T08's 2025 deadline turns on that year
    (tmp_path / "gd.csv").write_text(
        "indicator,area_code,group,year,value,source\n"
        "right_age_attendance_primary,29434,khmer,2024-2025,99.1,Phòng GD\n"
        "right_age_attendance_primary,29431,khmer,NH 2023–2024,99.0,Phòng GD\n"
        "right_age_attendance_primary,29416,khmer,2021-2025,98.0,Phòng GD\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "gd.csv")
    school, other, span = caught.value.problems
    assert '"2024-2025" là một năm học' in school.describe("vi") and "ghi năm kết thúc năm học: 2025" in school.describe("vi")
    assert "ghi năm kết thúc năm học: 2024" in other.describe("vi") and "write the year the school year ends" in other.describe("en")
    assert "không phải là một năm" in span.describe("vi")  # four years apart: no school year


def test_an_offices_vietnamese_qualifier_is_read_as_its_code(tmp_path):
    # "ước thực hiện" (a year's estimated outturn, used) and "dự kiến" (a plan, not used) were refused with a list
    # of English codes, the difference between them left to the clerk
    (tmp_path / "q.csv").write_text(
        "indicator,area_code,group,year,value,qualifier,source\n"
        "health_insurance_coverage,29434,khmer,2024,80,hơn,BHXH\n"
        "health_insurance_coverage,29431,khmer,2024,95.1,Ước thực hiện,BHXH\n"
        "health_insurance_coverage,29416,khmer,2024,96,du kien,BHXH\n"
        "health_insurance_coverage,29440,khmer,2024,90,Dưới,BHXH\n", encoding="utf-8")
    assert load_observations(tmp_path / "q.csv").sort_values("area_code")["qualifier"].tolist() \
        == ["expected", "about", "more_than", "less_than"]


def test_a_targets_id_typed_for_its_indicator_is_told_the_indicator(tmp_path):
    (tmp_path / "t.csv").write_text("indicator,area_code,group,year,value,source\nT02,29434,khmer,2024,95,BHXH\n",
                                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "t.csv")
    (problem,) = caught.value.problems
    assert ('"T02" là mã chỉ tiêu T02 của Kế hoạch; cột indicator ghi mã số liệu của chỉ tiêu đó: '
            "health_insurance_coverage.") in problem.describe("vi")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_csv_is_read_with_or_without_its_byte_order_mark(tmp_path, encoding):
    # without the mark it was read as UTF-8 and told 'rename "i\\0n\\0d\\0…" to "indicator"'
    text = "indicator,area_code,group,year,value,source\nhealth_insurance_coverage,29434,khmer,2024,94.1,Bảo hiểm xã hội\n"
    (tmp_path / "bhxh.csv").write_bytes(text.encode(encoding))
    obs = load_observations(tmp_path / "bhxh.csv")
    assert obs["value"].tolist() == [94.1] and obs["source"].tolist() == ["Bảo hiểm xã hội"]


def test_a_file_of_real_figures_with_some_marked_illustrative_is_warned_about(tmp_path):
    # "x" or "có" ticked in the illustrative column made an office's figures MINH HỌA without a word
    from analysis.data.observations import check_observations

    (tmp_path / "dien.csv").write_text(
        "indicator,area_code,group,year,value,source,illustrative\n"
        "health_insurance_coverage,29434,khmer,2024,94.1,BHXH,\n"
        "health_insurance_coverage,29431,khmer,2024,94.5,BHXH,x\n"
        "health_insurance_coverage,29416,khmer,2024,93.0,BHXH,có\n", encoding="utf-8")
    check = check_observations(tmp_path / "dien.csv")
    (warning,) = [w for w in check.warnings if "minh họa ở cột illustrative" in w.message_vi]
    assert (warning.row, warning.column) == (3, "illustrative")
    assert "tệp có 1 dòng số liệu thật và 2 dòng ghi là minh họa ở cột illustrative (cũng ở dòng 4)" in warning.message_vi
    assert check.observations["illustrative"].sum() == 2  # read as written, and said


def test_an_area_written_as_code_and_name_is_read_by_its_code_when_the_name_is_that_codes(tmp_path):
    # "29431 - Vinh Kim", as a drop-down list shows it, was refused with no hint
    (tmp_path / "a.csv").write_text("indicator,area_code,group,year,value,source\n"
                                    "health_insurance_coverage,29431 - Vinh Kim,khmer,2025,93,BHXH\n"
                                    "health_insurance_coverage,29434 – Xã Kim Hòa,khmer,2024,92,BHXH\n",
                                    encoding="utf-8")
    assert sorted(load_observations(tmp_path / "a.csv")["area_code"]) == ["29431-2025", "29434"]
    (tmp_path / "a.csv").write_text("indicator,area_code,group,year,value,source\n"
                                    "health_insurance_coverage,29431 - Kim Hòa,khmer,2024,93,BHXH\n", encoding="utf-8")
    with pytest.raises(DataError):  # a code beside another unit's name: which one was meant is not guessed
        load_observations(tmp_path / "a.csv")


def test_a_met_word_in_the_value_cell_is_told_to_be_written_1_or_0(tmp_path):
    # "Đạt" for a commune recognised safe was told "write a number, for example 12,5 or 1.234"
    (tmp_path / "an_ninh.csv").write_text("indicator,area_code,group,year,value,source\n"
                                          "security_safe_commune,29434,all,2024,Đạt,Công an\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "an_ninh.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "value") and "ghi 1 nếu đạt, 0 nếu chưa đạt" in problem.describe("vi")


def test_a_blank_value_beside_its_counts_is_told_the_rate_they_make(tmp_path):
    # the counts were there, and the fix said "if the figure is not known, delete the row"
    (tmp_path / "bhxh.csv").write_text("indicator,area_code,group,year,value,numerator,denominator,source\n"
                                       "health_insurance_coverage,29434,khmer,2024,,4873,5179,BHXH\n"
                                       "health_insurance_coverage,29431,khmer,2024,,,,BHXH\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "bhxh.csv")
    counted, bare = caught.value.problems
    assert "tỷ lệ (%) của tử số và mẫu số ghi ở dòng này: 94,09" in counted.describe("vi")
    assert "xóa cả dòng" not in counted.describe("vi") and "xóa cả dòng" in bare.describe("vi")


def test_a_figure_whose_rows_all_say_preferred_false_is_told_to_keep_one(tmp_path):
    # both rows already said FALSE, and were told to "write FALSE on the row not used"
    (tmp_path / "dup.csv").write_text("indicator,area_code,group,year,value,source,preferred\n"
                                      "health_insurance_coverage,29434,khmer,2024,94,BHXH,FALSE\n"
                                      "health_insurance_coverage,29434,khmer,2024,95,UBND,FALSE\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "dup.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (3, "preferred")
    assert "mọi dòng của số liệu này đều ghi preferred = FALSE" in problem.describe("vi")
    assert "ghi TRUE (hoặc để trống) ở cột preferred của dòng được dùng" in problem.describe("vi")


def test_a_standard_typed_with_an_en_dash_or_spaces_is_read_as_the_catalogue_writes_it(tmp_path):
    # "2022–2025" is how the plan and Word write a range; it was refused beside a list that looked the same
    (tmp_path / "ngheo.csv").write_text(
        "indicator,area_code,group,year,standard,value,source\n"
        "poverty_rate_households,29434,khmer,2023,2022–2025,3.1,Phòng LĐ-TB&XH\n"
        "poverty_rate_households,29434,khmer,2024,2022 - 2025,2.5,Phòng LĐ-TB&XH\n", encoding="utf-8")
    assert load_observations(tmp_path / "ngheo.csv")["standard"].tolist() == ["2022-2025", "2022-2025"]


@pytest.mark.parametrize("year, standard, refused", [(2025, "2016-2020", True), (2014, "2016-2020", True),
                                                     (2021, "2016-2020", False), (2021, "2022-2025", False),
                                                     (2026, "2022-2025", False), (2020, "2022-2025", True)])
def test_a_poverty_figure_on_a_line_not_of_its_year_is_refused(tmp_path, year, standard, refused):
    # a 2025 figure typed on the 2016–2020 line passed the check and started a "standard" of one point: the
    # commune's 2025 verdict became "too little data" and the district lost its 2025. A line's own years and
    # one on each side are accepted: 2021 was counted on both lines
    (tmp_path / "ngheo.csv").write_text(
        "indicator,area_code,group,year,standard,value,source\n"
        f"poverty_rate_households,29431,khmer,{year},{standard},3.1,UBND xã Vinh Kim\n", encoding="utf-8")
    if not refused:
        assert len(load_observations(tmp_path / "ngheo.csv")) == 1
        return
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "ngheo.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "standard")
    assert f"không cho năm {year}" in problem.describe("vi") and f"not to {year}" in problem.describe("en")
    if year == 2025:
        assert "năm 2025 thường là 2022-2025" in problem.describe("vi")


def test_an_area_typed_by_name_is_given_the_code_an_office_writes(tmp_path):
    # "29431-2025" is the catalogue's own code; an office writes 29431, read with the row's year
    from analysis import DataError

    (tmp_path / "ten.csv").write_text("indicator,area_code,group,year,value,source\n"
                                      "health_insurance_coverage,Xã Vinh Kim,khmer,2024,95.4,UBND\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "ten.csv")
    (problem,) = caught.value.problems
    assert problem.fix_vi == '"Xã Vinh Kim" là tên địa bàn; hãy ghi mã 29431.'
    # a merged commune's name with a year after the merger: its successor's code, not the old one
    # that the next check refuses for that year
    (tmp_path / "cu.csv").write_text("indicator,area_code,group,year,value,source\n"
                                     "health_insurance_coverage,Kim Hoa,khmer,2025,95.4,UBND\n"
                                     "health_insurance_coverage,Kim Hoa,khmer,2024,95.1,UBND\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "cu.csv")
    assert [p.fix_vi for p in caught.value.problems] == [
        "Xã Kim Hòa đã nhập vào Xã Vinh Kim từ 1/7/2025: ghi một số liệu cho cả xã Vinh Kim (mã 29431, gồm xã Kim Hòa, "
        "xã Vinh Kim), không ghi riêng phần của xã Kim Hòa: từ năm 2025 số liệu theo xã mới.",
        "có phải mã 29434 (Xã Kim Hòa)?"]
    # an old unit whose code its new commune reuses: "có phải mã 29455 (Xã Hiệp Mỹ Tây)?" for 2026 filed a third of
    # xã Hiệp Mỹ as the whole of it, with no error after the fix
    (tmp_path / "cu.csv").write_text("indicator,area_code,group,year,value,source\n"
                                     "health_insurance_coverage,Xa Hiep My Tay,khmer,2026,95.4,UBND\n"
                                     "health_insurance_coverage,Thị trấn Mỹ Long,khmer,2026,95.1,UBND\n",
                                     encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "cu.csv")
    fixes = [p.fix_vi for p in caught.value.problems]
    assert fixes[0].startswith("Xã Hiệp Mỹ Tây đã nhập vào Xã Hiệp Mỹ từ 1/7/2025: ghi một số liệu cho cả xã Hiệp Mỹ "
                               "(mã 29455, gồm xã Long Sơn, xã Hiệp Mỹ Đông, xã Hiệp Mỹ Tây), không ghi riêng phần")
    assert fixes[1].startswith("Thị trấn Mỹ Long đã nhập vào Xã Mỹ Long từ 1/7/2025")
    assert caught.value.problems[0].fix_en.startswith("Hiệp Mỹ Tây commune was merged into Hiệp Mỹ commune on 1 July "
                                                      "2025: report one figure for the whole of xã Hiệp Mỹ") and "Hiệp Mỹ Tây commune was merged into Hiệp Mỹ commune on " \
        "1 July 2025: report one figure for the whole of xã Hiệp Mỹ" in caught.value.problems[0].fix_en
    # a name with a typo gets the names it is close to, not "use a code from the catalogue"
    (tmp_path / "sai.csv").write_text("indicator,area_code,group,year,value,source\n"
                                      "health_insurance_coverage,Xã Vinh Kiêm,khmer,2024,95.4,UBND\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "sai.csv")
    assert caught.value.problems[0].fix_vi == "có phải mã 29431 (Xã Vinh Kim)?"


def test_an_indicator_id_in_capitals_is_read_and_one_typed_by_name_gets_its_id(tmp_path):
    from analysis import DataError

    header = "indicator,area_code,group,year,value,source\n"
    (tmp_path / "hoa.csv").write_text(header + "Right_Age_Attendance_Primary,29434,khmer,2024,99.4,Phòng GD\n",
                                      encoding="utf-8")
    assert load_observations(tmp_path / "hoa.csv")["indicator"].tolist() == ["right_age_attendance_primary"]
    (tmp_path / "ten.csv").write_text(header + "Tỷ lệ hộ nghèo,29434,khmer,2024,3.2,Phòng LĐ\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "ten.csv")
    assert caught.value.problems[0].fix_vi == '"Tỷ lệ hộ nghèo" là tên chỉ tiêu; hãy ghi mã poverty_rate_households.'


@pytest.mark.parametrize("indicator, values, year", [
    ("right_age_attendance_primary", ["98.8", "99.0", "9.92", "99.3"], 2023),  # 9,92 typed for 99,2
    ("new_jobs_khmer_workers", ["1120", "1150", "1180", "118"], 2024),  # at the series' end
])
def test_a_misplaced_decimal_point_is_warned_about_and_the_figure_kept(tmp_path, indicator, values, year):
    from analysis.data.observations import check_observations

    (tmp_path / "gd.csv").write_text("indicator,area_code,group,year,value,source\n" + "".join(
        f"{indicator},29434,khmer,{2021 + i},{v},Phòng GD\n" for i, v in enumerate(values)), encoding="utf-8")
    check = check_observations(tmp_path / "gd.csv")
    assert check.problems == [] and len(check.observations) == 4
    (warning,) = check.warnings
    assert warning.row == year - 2019 and "có thể gõ nhầm vị trí dấu thập phân" in warning.message_vi


@pytest.mark.parametrize("last, kind", [
    ("62", "rate_far_above_neighbours"),  # 62 poor households typed as the rate beside 2,1 %: 30 times, no warning
    ("21", "rate_far_above_neighbours"),  # a whole number ten times up with no counts: a count, not a slip
    ("21.5", "decimal_slip"),  # 2,15 typed 21,5
    ("2.0", None),
])
def test_a_count_typed_as_a_rate_is_warned_about_as_a_count(tmp_path, last, kind):
    from analysis.data.observations import check_observations

    values = ["2.4", "2.2", "2.1", last]
    (tmp_path / "ngheo.csv").write_text("indicator,area_code,group,year,standard,value,source\n" + "".join(
        f"poverty_rate_households,29434,khmer,{2021 + i},2022-2025,{v},Phòng LĐ\n" for i, v in enumerate(values)),
        encoding="utf-8")
    check = check_observations(tmp_path / "ngheo.csv")
    assert check.problems == [] and len(check.observations) == 4
    said = {"rate_far_above_neighbours": "có thể là số đếm", "decimal_slip": "nhầm vị trí dấu thập phân"}
    assert [[k for k, words in said.items() if words in w.message_vi] for w in check.warnings] \
        == ([[kind]] if kind else [])
    if kind == "rate_far_above_neighbours":
        (warning,) = check.warnings
        assert warning.row == 5 and "có thể là số đếm (số hộ, số người) ghi vào cột value" in warning.describe("vi")
        assert "(2023: 2,1)" in warning.describe("vi")


@pytest.mark.parametrize("value, numerator, denominator, warned", [
    (2.23, 45, 2500, True),  # 1,8 %: within 0,5 point, but a fifth off near 0
    (99.4, 990, 1000, True),  # 99,0 %: a fall to 99,0 meets "99 %", 99,4 was well above it
    (50.2, 500, 1000, False),  # 0,2 point off 50 %: nothing a verdict turns on
    (2.25, 45, 2000, False),  # 2,25 % exactly
    (1.8, 45, 2500, False),  # rounded as written
    (4, 1, 28, False),  # 3,57 % written as a whole percent
])
def test_a_value_well_off_its_counts_near_a_bound_is_warned_about(tmp_path, value, numerator, denominator, warned):
    from analysis.data.observations import check_observations

    (tmp_path / "xa.csv").write_text(
        "indicator,area_code,group,year,standard,value,unit,numerator,denominator,source\n"
        f"poverty_rate_households,29434,khmer,2024,2022-2025,{value},percent,{numerator},{denominator},Phòng LĐ\n",
        encoding="utf-8")
    check = check_observations(tmp_path / "xa.csv")
    assert check.problems == [] and len(check.observations) == 1
    assert [w.row for w in check.warnings] == ([2] if warned else [])
    if warned:
        computed = f"{100 * numerator / denominator:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        assert f"= {computed} %)" in check.warnings[0].message_vi  # "45/2.500 = 1,8 %", written the Vietnamese way


def test_a_steep_real_fall_is_no_decimal_slip(tmp_path):
    # a poverty rate falling from 30 % to 1 % over a decade never moves tenfold in a year
    from analysis.data.observations import check_observations

    values = [30.1, 24.0, 18.2, 13.5, 9.8, 6.9, 4.6, 3.0, 1.9, 1.1]
    (tmp_path / "ngheo.csv").write_text("indicator,area_code,group,year,standard,value,source\n" + "".join(
        f"poverty_rate_households,29434,khmer,{2012 + i},mixed,{v},Phòng LĐ\n" for i, v in enumerate(values)),
        encoding="utf-8")
    assert check_observations(tmp_path / "ngheo.csv").warnings == []


@pytest.mark.parametrize("typed, warned", [(9.1, True), (91.0, False), (0.91, True), (45.0, False), (0.3, False)])
def test_a_new_communes_first_figure_ten_times_off_the_others_is_warned_about(tmp_path, typed, warned):
    # its own series has one year, so the year-to-year check could not tell: 9,1 typed for 91 in Mỹ Long's
    # first year took the district's insurance rate from 93 % to 78 %, and a 2030 verdict with it, silently
    from analysis.data.observations import check_observations

    values = {"29416": 92.0, "29419": typed, "29431": 95.1, "29446": 93.6, "29455": 90.2, "29530": 91.0}
    (tmp_path / "bhxh.csv").write_text("indicator,area_code,group,year,value,source\n" + "".join(
        f"health_insurance_coverage,{code},khmer,2025,{value},BHXH\n" for code, value in values.items()),
        encoding="utf-8")
    check = check_observations(tmp_path / "bhxh.csv")
    assert check.problems == []
    # 0,91 (a fraction typed for 91 %) is a hundred times off; 0,3 three hundred times, a real figure perhaps
    assert [w.row for w in check.warnings] == ([3] if warned else [])
    if warned:
        typed_vi, times = format_number(typed, "vi"), 10 if typed > 1 else 100
        assert f"{typed_vi} % khác khoảng {times} lần so với số liệu năm 2025" in check.warnings[0].message_vi
        assert "(90,2–95,1 %)" in check.warnings[0].message_vi and "(90.2–95.1 %)" in check.warnings[0].message_en


def test_the_shipped_figures_raise_no_warning():
    from analysis.data.observations import check_observations
    from analysis.paths import OBSERVATIONS_DIR

    assert check_observations(OBSERVATIONS_DIR).warnings == []


def test_units_an_office_writes_in_words_are_read(tmp_path):
    # "người" for workers was refused: workers, pupils and party members are people
    (tmp_path / "ld.csv").write_text("indicator,area_code,group,year,value,unit,source\n"
                                     "new_jobs_khmer_workers,29434,khmer,2024,120,người,Phòng LĐ\n"
                                     "new_jobs_khmer_workers,29434,khmer,2023,110,lao động,Phòng LĐ\n", encoding="utf-8")
    assert load_observations(tmp_path / "ld.csv")["unit"].tolist() == ["workers", "workers"]


def test_an_unknown_area_on_the_new_map_lists_the_six_communes_to_choose_from():
    # "ví dụ 848 … hoặc 29431 (Xã Vinh Kim)": an office of Ngũ Lạc found no sign of its own code
    from analysis import DataError
    from analysis.data.observations import area_option_codes

    with pytest.raises(DataError) as caught:
        area_option_codes(["xyz"], "new")
    fix = caught.value.problems[0].fix_vi
    assert fix.endswith("hoặc mã một xã: 29416 (Xã Cầu Ngang), 29419 (Xã Mỹ Long), 29431 (Xã Vinh Kim), 29446 (Xã Nhị "
                        "Trường), 29455 (Xã Hiệp Mỹ), 29530 (Xã Ngũ Lạc).")
    assert "29530 (Ngũ Lạc commune)" in caught.value.problems[0].fix_en


@pytest.mark.parametrize("total", ["Cộng", "Tổng cộng:", "TOÀN HUYỆN"])
def test_a_sheets_total_row_is_told_to_go_or_to_be_the_district(tmp_path, total):
    # the offices' sheets end with a total row; its "Cộng" in the area column got the bare "use an id listed
    # in the catalogue", which says neither to delete it (the workbench adds communes up) nor to write 848
    from analysis import DataError

    (tmp_path / "tong.csv").write_text("indicator,area_code,group,year,value,source\n"
                                       "health_insurance_coverage,29431,khmer,2024,95.4,UBND\n"
                                       f"health_insurance_coverage,{total},khmer,2024,95.1,UBND\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path / "tong.csv")
    (problem,) = caught.value.problems
    assert problem.row == 3 and problem.column == "area_code"
    assert problem.fix_vi.startswith("đây là dòng tổng cộng? Nếu nó cộng các xã ở trên, xóa dòng này")
    assert problem.fix_vi.endswith("ghi mã 848.") and problem.fix_en.endswith("write code 848.")


def test_a_file_sent_twice_is_told_once_with_how_many_values_differ(tmp_path):
    # "bhyt (1).csv" beside "bhyt.csv": one duplicate problem per row buried what had happened
    from analysis import DataError

    rows = ("health_insurance_coverage,29431,khmer,2025,95.4,UBND\nhealth_insurance_coverage,29416,khmer,2025,{},UBND\n"
            "health_insurance_coverage,29419,khmer,2025,94.1,UBND\n")
    header = "indicator,area_code,group,year,value,source\n"
    (tmp_path / "bhyt.csv").write_text(header + rows.format("95.1"), encoding="utf-8")
    (tmp_path / "bhyt (1).csv").write_text(header + rows.format("95.3"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path)
    (problem,) = caught.value.problems
    assert problem.file.endswith("bhyt.csv") and problem.row is None
    assert "mọi dòng của tệp (3 dòng) trùng chỉ tiêu, địa bàn, nhóm, năm với các dòng của" in problem.message_vi
    assert problem.message_vi.endswith("bhyt (1).csv, 1 dòng có giá trị khác: có lẽ một tệp được gửi hai lần.")
    # a file only some of whose rows repeat another's keeps a problem per row, naming each
    (tmp_path / "bhyt.csv").write_text(header + rows.format("95.1") + "health_insurance_coverage,29446,khmer,2025,"
                                       "93.0,UBND\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_observations(tmp_path)
    assert [p.row for p in caught.value.problems] == [2, 3, 4]
