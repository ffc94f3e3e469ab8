"""The target catalogue holds every target of the plan, word for word, and is checked."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from analysis import DataError, load_areas, load_indicators, load_targets
from analysis.data.catalogue import TARGET_KINDS, commune_codes
from analysis.paths import DATA_DIR, TARGETS_FILE

PLAN_DIR = DATA_DIR / "raw" / "plan"
PLAN = (PLAN_DIR / "ke-hoach-20-KH-UBND-2022-cau-ngang.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def targets():
    return load_targets()


def test_every_target_of_the_plan_is_there(targets):
    ids = set(targets["target_id"])
    # TARGETS.md: 16 targets to 2025, one to 2030, two qualitative, and two 2022 milestones; and the
    # general aim of line 35, "không còn địa bàn xã … đặc biệt khó khăn" (T20).
    assert ids == {f"T{i:02d}" for i in range(1, 21)} | {"M1", "M2"}
    quantitative = targets[targets["kind"] != "qualitative"]
    assert quantitative["target_id"].nunique() == 20


def test_catalogue_choices_the_plan_leaves_open_are_written_down(targets):
    t = targets.set_index(["target_id", "deadline"])
    assert t.loc[("T18", 2025), "plan_line"] == 49  # the 2025 sentence; line 54 repeats it for 2030
    assert t.loc[("T20", 2025), "indicator"] == "extremely_difficult_communes_count"
    # which communes count as "xã vùng đồng bào Khmer": the 13 xã; M2's "xã có đông đồng bào" the 8 of QĐ 861
    assert t.loc[("T04", 2025), "communes"] == "rural" and t.loc[("T17", 2030), "communes"] == "rural"
    assert t.loc[("M2", 2022), "communes"] == "ethnic_minority_area"
    assert t.loc[("T03", 2025), "met_at"] == {"district": 1.0, "commune": 0.0}
    assert "cơ bản" in t.loc[("T03", 2025), "met_at_note_vi"].lower()
    assert t.loc[("T14", 2025), "commune_target_indicator"] == "khmer_population_share"
    assert t.loc[("T01", 2030), "origin"] == "projection"  # the plan sets no 2030 poverty target


def test_sentences_are_the_plans_own_words(targets):
    lines = PLAN.splitlines()
    for row in targets.drop_duplicates("target_id").itertuples():
        assert row.plan_sentence in lines[row.plan_line - 1], row.target_id
        assert row.plan_clause in row.plan_sentence, row.target_id


@pytest.mark.parametrize(
    "target_id, deadline, kind, value, low, high",
    [
        ("T01", 2025, "yearly_reduction", None, 3, 4),
        ("T02", 2025, "at_least", 95, None, None),
        ("T03", 2025, "count_to_zero", 0, None, None),
        ("T05", 2025, "yearly_flow", None, 1000, 1500),
        ("T06", 2025, "at_least", 100, None, None),
        ("T07", 2025, "at_least", 99, None, None),
        ("T08", 2025, "above", 80, None, None),
        ("T10", 2025, "above", 99.7, None, None),
        ("T12", 2025, "at_least", 90, None, None),
        ("T14", 2025, "share_of_total", 20, None, None),
        ("T17", 2030, "at_least", 60, None, None),
        ("M1", 2022, "at_least", 1, None, None),
    ],
)
def test_values_kinds_and_deadlines(targets, target_id, deadline, kind, value, low, high):
    row = targets.set_index(["target_id", "deadline"]).loc[(target_id, deadline)]
    assert row["kind"] == kind
    for field, expected in (("value", value), ("low", low), ("high", high)):
        if expected is None:
            assert row[field] != row[field]  # NaN
        else:
            assert row[field] == expected


def test_every_target_states_its_unit(targets):
    units = targets.drop_duplicates("target_id").set_index("target_id")["unit"]
    assert units["T01"] == "percentage_points" and units["T05"] == "workers" and units["T03"] == "hamlets"
    assert (units.drop(["T18", "T19"]) != "").all()


def test_2030_values_for_2025_targets_are_marked_assumptions(targets):
    t2030 = targets[targets["deadline"] == 2030].set_index("target_id")
    assert t2030.at["T17", "origin"] == "plan"
    assumed = t2030[t2030["origin"] == "assumption"]
    assert len(assumed) >= 14
    assert (assumed["note_vi"] != "").all() and (assumed["note_en"] != "").all()


def test_party_share_is_computed_from_counts(targets):
    t14 = targets[targets["target_id"] == "T14"].iloc[0]
    assert (t14["numerator_indicator"], t14["numerator_group"]) == ("party_members_count", "khmer")
    assert (t14["denominator_indicator"], t14["denominator_group"]) == ("party_members_total", "all")


def test_offices_come_from_section_v(targets):
    offices = targets.drop_duplicates("target_id").set_index("target_id")
    assert offices.at["T01", "office_vi"] == "Phòng Lao động - Thương binh và Xã hội"
    assert offices.at["T14", "office_section"] == "V.9"
    for row in offices.itertuples():
        for part in row.office_section.split(", "):
            number = part.removeprefix("V.")
            assert f"\n{number}. " in "\n" + PLAN.split("V. TỔ CHỨC THỰC HIỆN")[1], row.Index


def test_every_kind_the_issue_names_is_supported():
    for kind in ("at_least", "above", "at_most", "yearly_reduction", "yearly_flow", "share_of_total",
                 "count_to_zero"):
        assert kind in TARGET_KINDS


def test_areas_have_the_15_communes_with_codes_and_the_reform():
    areas = load_areas()
    codes = commune_codes(areas)
    assert len(codes) == 15 and codes[0] == "29416" and codes[-1] == "29458"
    assert areas.at["29434", "khmer_2019"] == 5179 and areas.at["29434", "population_2019"] == 7861
    assert int(areas.loc[areas["map"] == "old", "ethnic_minority_area"].sum()) == 8
    assert str(areas.at["848", "valid_to"].date()) == "2025-06-30"
    assert areas.at["84", "successor_code"] == "VL-2025"


# NQ 1687/NQ-UBTVQH15, clauses 45–49 and 58 (data/raw/published/reform_2025_cau_ngang.csv)
CROSSWALK = {
    "29416-2025": ["29416", "29428", "29440"], "29419-2025": ["29419", "29422", "29425"],
    "29431-2025": ["29434", "29431"], "29446-2025": ["29437", "29449", "29446"],
    "29455-2025": ["29443", "29452", "29455"], "29530-2025": ["29458"],
}


def test_the_2025_reform_maps_15_old_units_onto_6_new_communes():
    from analysis.data.catalogue import load_reforms

    areas, reform = load_areas(), load_reforms()[-1]
    assert {code: reform.predecessors(code) for code in CROSSWALK} == CROSSWALK
    new = commune_codes(areas, map="new")
    assert new == sorted(CROSSWALK)
    assert [areas.at[c, "gso_code"] for c in new] == ["29416", "29419", "29431", "29446", "29455", "29530"]
    for new_code, old_codes in CROSSWALK.items():
        assert all(areas.at[old, "successor_code"] == new_code for old in old_codes)
        assert str(areas.at[new_code, "valid_from"].date()) == "2025-07-01"
    assert sorted(c for olds in CROSSWALK.values() for c in olds) == commune_codes(areas)  # every old unit, once
    assert areas.at["29431", "name_vi"] == "Xã Vinh Kim"  # the official spelling
    # the 8 ethnic-minority-area communes fall into 5 new ones; only xã Mỹ Long holds none
    assert commune_codes(areas, which="ethnic_minority_area", map="new") == sorted(set(CROSSWALK) - {"29419-2025"})
    raw = unicodedata.normalize("NFC", (PLAN_DIR.parent / "published" / "reform_2025_cau_ngang.csv").read_text(
        encoding="utf-8"))
    for clause in (45, 46, 47, 48, 49, 58):
        assert f"{clause}. Sắp xếp toàn bộ" in raw
    assert reform.apportion == {"29530-2025": 0.32}


def test_indicators_of_targets_are_declared():
    indicators = load_indicators()
    targets = load_targets()
    used = set(targets.loc[targets["indicator"] != "", "indicator"])
    used |= set(targets["numerator_indicator"]) | set(targets["denominator_indicator"])
    used.discard("")
    assert used <= set(indicators.index)


# ---- malformed catalogues -------------------------------------------------------------

def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = TARGETS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "targets.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.mark.parametrize(
    "old, new, column, phrase",
    [
        ("kind: at_least\n    unit: percent\n    deadlines:\n      - {year: 2025, value: 95",
         "kind: at_leest\n    unit: percent\n    deadlines:\n      - {year: 2025, value: 95", "kind", "at_leest"),
        ("indicator: health_insurance_coverage", "indicator: health_insurance", "indicator", "data/indicators.yaml"),
        ("{year: 2025, value: 95, origin: plan}", "{year: 2025, value: 195, origin: plan}", "deadlines.value", "195"),
        ("{year: 2025, range: [3, 4], origin: plan}", "{year: 2025, range: [4, 3], origin: plan}",
         "deadlines.range", "[4, 3]"),
        ("{year: 2025, value: 95, origin: plan}", "{year: 2025, value: 95, origin: planned}",
         "deadlines.origin", "planned"),
        ("  - id: T03", "  - id: T02", "id", "T02"),
        ("    group: khmer\n    kind: at_least", "    group: kmer\n    kind: at_least", "group", "kmer"),
        ("    kind: at_least\n    unit: percent\n    deadlines:\n      - {year: 2025, value: 95",
         "    kind: at_least\n    unit: persons\n    deadlines:\n      - {year: 2025, value: 95", "unit", "persons"),
    ],
)
def test_malformed_catalogue_names_line_and_field(tmp_path, old, new, column, phrase):
    path = _variant(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        load_targets(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert problem.column == column
    assert phrase in problem.message_vi and phrase in problem.message_en
    assert isinstance(problem.row, int) and problem.row > 1


@pytest.mark.parametrize(
    "new, phrase_vi, phrase_en",
    [
        # YAML reads 99,7 as the value 99 and a key 7: T10 judged against 99 %, silently, with every verdict flipped
        ("{year: 2025, value: 99,7, origin: plan}", "bị đọc thành 99: hãy ghi 99.7", "write 99.7"),
        # a quoted number was a traceback (could not convert string to float)
        ('{year: 2025, value: "99,7", origin: plan}', "hãy ghi 99.7", "write 99.7"),
        ('{year: 2025, value: "99.7%", origin: plan}', "hãy ghi 99.7", "write 99.7"),
        ("{year: 2025, value: 199.7, origin: plan}", "giới hạn của chỉ tiêu (0–100)", "bounds (0–100)"),
        ('{year: "2025", value: 99.7, origin: plan}', "không đặt trong ngoặc kép", "not in quotes"),
        ("{year: 2025, value: 99.7, origin: plan, target: 99.7}", "một hạn chỉ ghi year, value", "says only year"),
        # YAML reads the key 05 as 5 (the message said "hãy ghi 99.5") and 08 as text (a message of stray keys)
        ("{year: 2025, value: 99,05, origin: plan}", "số 99,05 bị đọc thành 99: hãy ghi 99.05", "write 99.05"),
        ("{year: 2025, value: 99,08, origin: plan}", "số 99,08 bị đọc thành 99: hãy ghi 99.08", "write 99.08"),
    ],
)
def test_a_mistyped_deadline_is_refused_with_its_line_and_fix(tmp_path, new, phrase_vi, phrase_en):
    old = "{year: 2025, value: 99.7, origin: plan}"
    path = _variant(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        load_targets(path)
    (problem,) = caught.value.problems
    assert problem.row == _line_of(TARGETS_FILE.read_text(encoding="utf-8"), old)
    assert phrase_vi in problem.message_vi and phrase_en in problem.message_en
    assert "__line__" not in problem.message_vi and "{" not in problem.message_vi


@pytest.mark.parametrize(
    "old, new, phrase_vi",
    [
        # the plan writes "1.000–1.500 lao động": typed so, YAML read 1.0–1.5 workers and every year counted as met
        ("{year: 2025, range: [1000, 1500], origin: plan}", "{year: 2025, range: [1.000, 1.500], origin: plan}",
         "không dùng dấu chấm phân cách hàng nghìn (1.000 bị đọc thành 1): nếu là số nguyên 1.000, hãy ghi 1000"),
        # a quoted figure where no target is checked (a projection's deadline) was a traceback
        ("      - {year: 2030, origin: projection,", '      - {year: 2030, value: "0,5", origin: projection,',
         "hãy ghi 0.5"),
        ("{year: 2025, range: [1000, 1500], origin: plan}", '{year: 2025, range: ["1.000", 1500], origin: plan}',
         "hãy ghi 1000"),
        # a percentage's quoted three decimals are a decimal: "write 99725" would be refused as over 100
        ("{year: 2025, value: 99.7, origin: plan}", '{year: 2025, value: "99.725", origin: plan}', "hãy ghi 99.725"),
        # text in a range, or a value beside a range, was still a traceback
        ("      - {year: 2030, origin: projection,", '      - {year: 2030, range: [3, "3,5"], origin: projection,',
         "hãy ghi 3.5"),
        ("{year: 2025, range: [3, 4], origin: plan}", '{year: 2025, range: [3, 4], value: "3,5", origin: plan}',
         "hãy ghi 3.5"),
    ],
)
def test_a_number_typed_the_vietnamese_way_in_the_catalogue_is_refused_with_the_fix(tmp_path, old, new, phrase_vi):
    path = _variant(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        load_targets(path)
    (problem,) = caught.value.problems
    assert phrase_vi in problem.message_vi, problem.message_vi
    assert problem.row == _line_of(TARGETS_FILE.read_text(encoding="utf-8"), old.strip())


def test_a_percentage_with_three_decimals_is_a_decimal_not_a_thousand(tmp_path):
    # 99.725 was refused as a thousands dot, and the fix offered for the decimal was the refused text itself
    targets = load_targets(_variant(tmp_path, "{year: 2025, value: 99.7, origin: plan}",
                                    "{year: 2025, value: 99.725, origin: plan}"))
    assert targets.query("target_id == 'T10' and deadline == 2025")["value"].item() == 99.725


def test_check_says_a_catalogue_in_error_before_any_ok(tmp_path, monkeypatch, capsys):
    # "OK: 2.710 dòng số liệu hợp lệ" came first, then "Dữ liệu có 1 lỗi": a planner stopped reading at OK
    from analysis import paths
    from analysis.cli import main

    monkeypatch.setattr(paths, "TARGETS_FILE", _variant(tmp_path, "{year: 2025, value: 99.7, origin: plan}",
                                                        '{year: 2025, value: "99,7", origin: plan}'))
    (tmp_path / "bhxh.csv").write_text("indicator,area_code,group,year,value,source\n"
                                       "health_insurance_coverage,29431,khmer,2024,95.4,BHXH\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "bhxh.csv")]) == 2
    out, err = capsys.readouterr()
    assert "OK:" not in out + err and "hãy ghi 99.7" in out + err


def test_missing_field_and_syntax_error(tmp_path):
    path = _variant(tmp_path, "    plan_line: 40\n", "")
    with pytest.raises(DataError, match='thiếu trường "plan_line"') as caught:
        load_targets(path)
    text = TARGETS_FILE.read_text(encoding="utf-8")
    assert caught.value.problems[0].row == _line_of(text, "  - id: T02") + 0
    path = _variant(tmp_path, "    scope: both\n", "    scope: [both\n")
    with pytest.raises(DataError, match="sai cú pháp"):
        load_targets(path)


def test_missing_catalogue_file(tmp_path):
    with pytest.raises(DataError, match="không tìm thấy"):
        load_targets(tmp_path / "none.yaml")
