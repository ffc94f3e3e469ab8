"""The yearly review document: its form, its content, its sentences, and reproducibility."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.shared import Cm, Pt

from analysis import load_targets
from analysis.cli import main
from analysis.reports import review
from analysis.reports.review import load_review_settings, review_file_name, text_width_cm
from analysis.reports.review_text import (Verdict, chance_text, source_text, summary_sentences, target_sentences,
                                          verdict_of)

ENGLISH_DECIMAL = re.compile(r"(?<![\d.,/])\d+\.\d{1,2}(?!\d)")
ENGLISH_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def build(out: Path, *extra: str) -> Path:
    assert main(["review", "--year", "2025", "--out", str(out), "--no-pdf", *extra]) == 0
    return out / review_file_name("final", 2025)


@pytest.fixture(scope="module")
def vi_file(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("vi"))


@pytest.fixture(scope="module")
def vi(vi_file):
    return Document(str(vi_file))


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("en"), "--lang", "en", "--map", "new", "--number", "125",
                 "--date", "2026-01-05", "--signer-title", "DIRECTOR", "--signer-name", "Nguyễn Văn A")
    return Document(str(path))


def all_text(document) -> list[str]:
    """Every piece of text: body paragraphs, table cells (nested too), headers."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs]
    return [t.replace("\u00a0", " ") for t in texts]


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def appendix_table(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text in ("STT", "No."))


def assessed_targets() -> int:
    targets = load_targets()
    return targets.loc[targets["kind"] != "qualitative", "target_id"].nunique()


# ---- form ------------------------------------------------------------------------------


def test_page_is_a4_with_the_decree_margins(vi):
    section = vi.sections[0]
    # Word stores lengths in twentieths of a point: compare to a tenth of a millimetre
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin,
             section.top_margin, section.bottom_margin]
    assert [round(size.mm, 1) for size in sizes] == [210.0, 297.0, 30.0, 15.0, 20.0, 20.0]
    assert vi.styles["Normal"].font.name == "Times New Roman"
    assert vi.styles["Normal"].font.size == Pt(14)
    # page numbers in the top margin, not on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_heading_has_issuer_national_heading_number_and_date(vi):
    top = vi.tables[0]
    left = [p.text for p in top.cell(0, 0).paragraphs]
    right = [p.text for p in top.cell(0, 1).paragraphs]
    assert left[:2] == ["UBND HUYỆN CẦU NGANG", "PHÒNG DÂN TỘC"]
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert re.fullmatch(r"Số: \s+/BC-……", top.cell(1, 0).text.replace("\u00a0", " "))
    assert top.cell(1, 1).text == "……, ngày …… tháng …… năm ……"
    # a solid line under the issuing body and one under the motto, as long as the motto
    for cell in (top.cell(0, 0), top.cell(0, 1)):
        assert "w:pBdr" in cell.paragraphs[-1]._p.xml
    motto_rule = top.cell(0, 1).paragraphs[-1].paragraph_format
    room = Cm(review.HEADER_COLUMNS[1] - 2 * review.CELL_PADDING)
    line = room - motto_rule.left_indent - motto_rule.right_indent
    assert abs(line - Cm(text_width_cm("Độc lập - Tự do - Hạnh phúc", 13, bold=True))) < Cm(0.01)
    texts = [p.text for p in vi.paragraphs]
    assert texts[0] == "BÁO CÁO"
    assert texts[1].startswith("Kết quả thực hiện Kế hoạch số 20/KH-UBND ngày 21/02/2022")


def test_text_width_matches_times_new_roman():
    # Liberation Serif Bold (metric-compatible with Times New Roman) measures 3.90 cm at 13 pt
    assert text_width_cm("PHÒNG DÂN TỘC", 13, bold=True) == pytest.approx(3.90, abs=0.02)


def test_parts_in_order(vi):
    assert headings(vi, 1) == ["I. KHÁI QUÁT TÌNH HÌNH THỰC HIỆN", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                               "III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
                               "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2026 - 2030"]
    level2 = headings(vi, 2)
    assert level2[:4] == ["1. Mục tiêu chung (mục II.1 của Kế hoạch)",
                          "2. Mục tiêu cụ thể đến năm 2025 (mục II.2 của Kế hoạch)",
                          "3. Định hướng đến năm 2030 (mục II.3 của Kế hoạch)",
                          "4. Nhiệm vụ phát triển kinh tế - xã hội (mục IV.2 của Kế hoạch)"]
    assert level2[4:7] == ["1. Khó khăn, vướng mắc", "2. Nguyên nhân", "3. Đề xuất, kiến nghị"]


def test_every_target_in_plan_order_with_vietnamese_point_letters(vi):
    texts = [p.text.replace("\u00a0", " ") for p in vi.paragraphs]
    start = texts.index("2. Mục tiêu cụ thể đến năm 2025 (mục II.2 của Kế hoạch)")
    end = texts.index("3. Định hướng đến năm 2030 (mục II.3 của Kế hoạch)")
    points = [t for t in texts[start + 1:end] if re.match(r"^[a-zđ]\) ", t)]
    # T01–T16 and the qualitative T18: a, b, c, d, đ, e, g, … (no f, j)
    assert [p.split(")")[0] for p in points] == list("abcdđeghiklmnopqr")
    assert points[0].startswith("a) Giảm tỷ lệ hộ nghèo Khmer 3–4 điểm % mỗi năm:")
    assert "Chỉ tiêu định tính" in points[-1]


def test_signature_and_recipients(vi):
    block = next(t for t in vi.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    head = block.cell(0, 0).paragraphs[0].runs[0]
    assert head.bold and head.italic and head.font.size == Pt(12)
    lines = [p.text for p in block.cell(0, 0).paragraphs[1:]]
    assert lines[0] == "- UBND huyện (b/c);" and lines[-1] == "- Lưu: VT."
    assert all(p.runs[0].font.size == Pt(11) for p in block.cell(0, 0).paragraphs[1:])
    signer = [p.text for p in block.cell(0, 1).paragraphs if p.text]
    assert signer == ["………………", "………………"]
    closing = [p.text for p in vi.paragraphs if p.text.startswith("Trên đây là báo cáo")]
    assert closing and closing[0].endswith("./.")


def test_appendix_has_one_row_per_assessed_target(vi):
    table = appendix_table(vi)
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện (năm)", "Đánh giá", "Cần mỗi năm", "Khả năng đạt",
                      "Nguồn số liệu"]
    rows = table.rows[1:]
    assert len(rows) == assessed_targets() == 19
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, 20)]
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml


def test_focus_charts_are_numbered_figures(vi):
    targets = load_targets()
    focus = targets.loc[targets["focus"], "target_id"].nunique()
    assert len(vi.inline_shapes) == focus == 5
    captions = [p.text for p in vi.paragraphs if p.style.name == "Caption"]
    assert [c.split(".")[0] for c in captions] == [f"Hình {n}" for n in range(1, 6)]
    assert captions[0].startswith("Hình 1. Giảm tỷ lệ hộ nghèo Khmer")
    body = " ".join(p.text for p in vi.paragraphs)
    assert "(Xem Hình 1, Phụ lục 2.)" in body


def test_a_page_per_office(vi):
    texts = [p.text for p in vi.paragraphs]
    offices = texts[texts.index("CHỈ TIÊU THEO CƠ QUAN CHỦ TRÌ"):]
    names = [t for t in headings(vi, 2) if t in offices]
    assert names[0] == "1. Phòng Dân tộc"
    # T11 has two offices in charge: it is on both pages
    economy = offices.index("3. Phòng Kinh tế - Hạ tầng")
    environment = offices.index("7. Phòng Tài nguyên và Môi trường")
    assert any("Hỗ trợ 100 % hộ chính sách" in t.replace("\u00a0", " ") for t in offices[economy:economy + 6])
    assert any("Hỗ trợ 100 % hộ chính sách" in t.replace("\u00a0", " ") for t in offices[environment:environment + 4])
    breaks = sum(p._p.xml.count('w:type="page"') for p in vi.paragraphs)
    assert breaks == len(names) - 1


def test_vietnamese_numbers_only(vi):
    assert ENGLISH_DECIMAL.search("còn 3.2 %") and ENGLISH_THOUSANDS.search("1,120 lao động")
    for text in all_text(vi):
        assert not ENGLISH_DECIMAL.search(text), text
        assert not ENGLISH_THOUSANDS.search(text), text
        assert not re.search(r"\d%", text), text  # "3,2 %", never "3,2%"


def test_poverty_sentence_from_the_assessment(vi):
    from analysis import Workbench

    row = Workbench(areas=["848"]).rows("T01", "848").set_index("deadline").loc[2025]
    body = " ".join(p.text for p in vi.paragraphs).replace("\u00a0", " ")
    latest = f"{row['latest_value']:.1f}".replace(".", ",")
    change = f"{row['base_value'] - row['latest_value']:.1f}".replace(".", ",")
    expected = (f"Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer cuối năm {row['latest_year']} còn {latest} % "
                f"(số liệu minh họa), giảm {change} điểm % so với năm 2021")
    assert expected in body


def test_two_runs_give_the_same_bytes(vi_file, tmp_path):
    again = build(tmp_path)
    assert again.read_bytes() == vi_file.read_bytes()


# ---- English, the new map, options ------------------------------------------------------


def test_english_version_on_the_new_map(en):
    top = en.tables[0]
    assert [p.text for p in top.cell(0, 0).paragraphs][:2] == ["VĨNH LONG PROVINCIAL PEOPLE'S COMMITTEE",
                                                               "DEPARTMENT OF ETHNIC AND RELIGIOUS AFFAIRS"]
    assert [p.text for p in top.cell(0, 1).paragraphs][:2] == ["SOCIALIST REPUBLIC OF VIET NAM",
                                                               "Independence - Freedom - Happiness"]
    assert top.cell(1, 0).text == "No.: 125/BC-……"
    assert top.cell(1, 1).text == "……, 05 January 2026"
    assert headings(en, 1)[0] == "I. OVERVIEW"
    block = next(t for t in en.tables if t.cell(0, 0).paragraphs[0].text == "Recipients:")
    assert [p.text for p in block.cell(0, 1).paragraphs if p.text] == ["DIRECTOR", "Nguyễn Văn A"]
    assert len(appendix_table(en).rows) - 1 == assessed_targets()
    body = " ".join(p.text for p in en.paragraphs)
    assert "at the end of 2024" in body and "illustrative figure" in body
    assert not any(re.search(r"\d,\d(?!\d{2})", text) for text in all_text(en))  # no decimal comma


def test_settings_follow_the_map_and_options():
    old, new = load_review_settings(map_name="old"), load_review_settings(map_name="new")
    assert (old.parent, old.body) == ("UBND HUYỆN CẦU NGANG", "PHÒNG DÂN TỘC")
    assert (new.parent, new.body) == ("UBND TỈNH VĨNH LONG", "SỞ DÂN TỘC VÀ TÔN GIÁO")
    commune = load_review_settings(issuer="commune")
    assert commune.parent == "" and commune.body.startswith("ỦY BAN NHÂN DÂN XÃ")
    chosen = load_review_settings(number="07", date="2025-02-03")
    assert review._number_line(chosen, "vi") == "Số: 07/BC-……"
    # the decree writes days below 10 and the months January and February with a leading 0
    assert review._date_line(chosen, "vi") == "……, ngày 03 tháng 02 năm 2025"
    later = load_review_settings(date="2025-12-15", place="Cầu Ngang")
    assert review._date_line(later, "vi") == "Cầu Ngang, ngày 15 tháng 12 năm 2025"


def test_bad_options_stop_with_the_problem_named(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["review", "--out", str(out), "--no-pdf", "--area", "99999"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--date", "15/12/2025"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--issuer", "nobody"]) == 2
    message = capsys.readouterr().err
    assert "99999" in message and '"date"' in message and '"issuers"' in message and "nobody" in message
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_pdf_when_libreoffice_is_there(vi_file, tmp_path):
    pdf = review.convert_to_pdf(vi_file, tmp_path / "bao_cao.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")


def test_pdf_is_skipped_quietly_without_libreoffice(tmp_path, monkeypatch):
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"not a document")
    monkeypatch.setattr(review.shutil, "which", lambda name: None)
    assert review.convert_to_pdf(docx, tmp_path / "a.pdf") is None
    # a converter that fails does not fail the command either
    monkeypatch.setattr(review, "_office_program", lambda: "false")
    assert review.convert_to_pdf(docx, tmp_path / "a.pdf") is None
    assert not (tmp_path / "a.pdf").exists()


# ---- sentences ------------------------------------------------------------------------


def row(**values) -> pd.Series:
    base = {"kind": "at_least", "unit": "percent", "latest_year": 2024, "latest_value": 92.717, "base_year": 2021,
            "base_value": 95.16, "target_value": 95.0, "target_low": float("nan"), "target_high": float("nan"),
            "deadline": 2025, "status": "moving_away", "illustrative": True,
            "observed_points_per_year_since_base": -0.814, "needed_points_per_year": 2.2825,
            "probability": 0.1379, "probability_words": "very_unlikely", "projected_median": 93.3,
            "projected_lo_80": 90.42, "projected_hi_80": 95.41, "cumulative_since_start": float("nan"),
            "cumulative_target": float("nan"), "origin": "plan"}
    base.update(values)
    return pd.Series(base)


def test_sentences_of_a_level_target_awaiting_its_figure():
    # 92.717 − 95.16 = −2.443 → "giảm 2,4 điểm %"; 95 − 92.717 = 2.283 in one year → "tăng thêm 2,3"
    text = target_sentences(row(), 2025, "Tỷ lệ người Khmer tham gia bảo hiểm y tế")
    assert text == (
        "Tỷ lệ người Khmer tham gia bảo hiểm y tế năm 2024 đạt 92,7 % (số liệu minh họa), giảm 2,4 điểm % so với "
        "năm 2021 (95,2 %). Chỉ tiêu Kế hoạch đến năm 2025: từ 95 % trở lên. Đánh giá: Đi ngược mục tiêu. "
        "Chưa có số liệu năm 2025; ước thực hiện năm 2025 khoảng 93,3 % (khoảng dự báo 80 %: 90,4–95,4 %). "
        "Để đạt chỉ tiêu, năm 2025 cần tăng thêm 2,3 điểm %. Theo dự báo từ chuỗi số liệu, khả năng đạt chỉ tiêu "
        "vào năm 2025 khoảng 14 % (rất khó đạt).")
    english = target_sentences(row(), 2025, "The share of Khmer people with health insurance", "en")
    assert english.startswith("The share of Khmer people with health insurance was 92.7% in 2024 "
                              "(illustrative figure), down 2.4 percentage points from 2021 (95.2%).")


def test_sentences_read_the_coming_verdict_columns():
    coming = row(verdict="off_track", verdict_reason_vi="Tốc độ tăng chỉ bằng 30 % mức cần thiết.",
                 awaiting_figure=False, years_met=1, years_counted=3, illustrative=False)
    verdict = verdict_of(coming)
    assert (verdict.key, verdict.awaiting_figure, verdict.years_met) == ("off_track", False, 1)
    text = target_sentences(coming, 2025, "Tỷ lệ")
    assert "Đạt chỉ tiêu 1/3 năm." in text
    assert "Đánh giá: Chuyển biến chậm, khó đạt. Tốc độ tăng chỉ bằng 30 % mức cần thiết." in text
    assert "Chưa có số liệu" not in text and "minh họa" not in text


def test_jobs_sentences_count_the_cumulative_target():
    jobs = row(kind="yearly_flow", unit="workers", latest_value=1120.0, base_value=930.0, target_value=1000.0,
               target_low=1000.0, target_high=1500.0, status="on_track", needed_points_per_year=820.0,
               cumulative_since_start=4180.0, cumulative_target=5000.0, probability=0.9587, probability_words="likely",
               projected_median=1138.0, projected_lo_80=1049.0, projected_hi_80=1234.0)
    text = target_sentences(jobs, 2025, "Số lao động người Khmer được tạo việc làm mới")
    # 4,180 over 2021–2024 is 1,045 a year; 5,000 − 4,180 = 820 still needed in 2025
    assert "lũy kế từ năm 2021 đến năm 2024 đạt 4.180 lao động, bình quân 1.045 lao động/năm" in text
    assert "1.000–1.500 lao động/năm (lũy kế 5.000 lao động trong giai đoạn 2021 - 2025)" in text
    assert "năm 2025 cần đạt 820 lao động." in text


def test_summary_counts_each_verdict():
    verdicts = [Verdict(key, "", "", key != "achieved", None, None)
                for key in ("achieved", "achieved", "on_track", "needs_acceleration", "moving_away")]
    text = summary_sentences(verdicts, 21, 19, "huyện Cầu Ngang", 2024, 2025, "final", attention=["T02"],
                             n_illustrative=5)
    away = verdicts[-1].words("vi").lower()  # the assessment's words for "moving_away"
    assert ("(theo số liệu đến năm 2024): 2 chỉ tiêu đã đạt; 1 chỉ tiêu đúng tiến độ; 1 chỉ tiêu có chuyển biến, "
            f"cần đẩy nhanh; 1 chỉ tiêu {away}.") in text
    assert "3 chỉ tiêu chưa có số liệu năm 2025" in text
    assert "Các chỉ tiêu cần tập trung chỉ đạo: T02." in text


def test_chances_and_sources_in_words():
    assert [chance_text(p) for p in (0.004, 0.5, 0.996)] == ["dưới 1 %", "50 %", "trên 99 %"]
    mixed = ("tổng hợp từ 13 xã, thị trấn / sum of 13 communes — Số liệu minh họa, không phải số liệu thật (x) / "
             "Illustrative data, not real | tổng hợp từ 13 xã, thị trấn / sum of 13 communes — Số liệu minh họa, "
             "không phải số liệu thật (x) / Illustrative data, not real; VP Điều phối NTM Trà Vinh: Trà Vinh có thêm "
             "02 xã (09/5/2022)")
    assert source_text(mixed) == ("Tổng hợp từ 13 xã, thị trấn; số liệu minh họa (không phải số liệu thật); "
                                  "VP Điều phối NTM Trà Vinh (09/5/2022)")


def test_poverty_pace_just_short_of_the_range_keeps_two_decimals():
    # a fall of 2.97 points a year is short of 3: it must not read "3,0 …, chưa đạt 3–4"
    poverty = row(kind="yearly_reduction", latest_value=3.49, base_value=12.4, target_value=0.4, target_low=3.0,
                  target_high=4.0, status="on_track", observed_points_per_year_since_base=-2.97,
                  needed_points_per_year=-3.09, illustrative=False)
    text = target_sentences(poverty, 2024, "Tỷ lệ hộ nghèo")
    assert "mức giảm bình quân 2,97 điểm %/năm, chưa đạt chỉ tiêu giảm 3–4 điểm %/năm" in text
    assert "thì đến năm 2025 tỷ lệ còn 0,4 %" in text
    faster = target_sentences(poverty.copy().replace({-2.97: -4.2}), 2024, "Tỷ lệ hộ nghèo")
    assert "mức giảm bình quân 4,2 điểm %/năm, vượt chỉ tiêu giảm 3–4 điểm %/năm" in faster
