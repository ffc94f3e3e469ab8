"""The yearly review document: its form, its content, its sentences, and reproducibility."""

from __future__ import annotations

import datetime as dt

import itertools
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from analysis import Workbench, assess, load_observations, load_targets, paths
from analysis.assessment import NEEDS_ATTENTION, status_label
from analysis.cli import main
from analysis.reports import review
from analysis.reports.docx_form import text_width_cm
from analysis.reports.review import load_review_settings, review_file_name
from analysis.reports.review_text import (Verdict, chance_cell, needed_cell, plan_cell, reason_parts, source_text,
                                          summary_sentences, target_sentences, verdict_of, verdict_tally)
from analysis.reports.row_words import source_parts

ENGLISH_DECIMAL = re.compile(r"(?<![\d.,/])\d+\.\d{1,2}(?!\d)")
ENGLISH_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def build(out: Path, *extra: str) -> Path:
    assert main(["review", "--year", "2025", "--out", str(out), "--no-pdf", *extra]) == 0
    lang = extra[extra.index("--lang") + 1] if "--lang" in extra else "vi"
    area = extra[extra.index("--area") + 1] + "-2025" if "--area" in extra and "new" in extra else None
    return out / review_file_name("final", 2025, lang=lang, area=area)


@pytest.fixture(scope="module")
def vi_file(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("vi"))


@pytest.fixture(scope="module")
def vi(vi_file):
    return Document(str(vi_file))


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("en"), "--lang", "en", "--map", "new", "--number", "125", "--symbol", "SDTTG",
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
    # written after 1/7/2025: issued by the province department, not by the district that ended
    assert left[:2] == ["UBND TỈNH VĨNH LONG", "SỞ DÂN TỘC VÀ TÔN GIÁO"]
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


def test_targets_needing_attention_are_listed_one_per_line_with_their_place_in_section_two(vi):
    texts = [p.text.replace("\u00a0", " ") for p in vi.paragraphs]
    lead = texts.index("Các chỉ tiêu cần tập trung chỉ đạo:")
    assert lead < texts.index("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    lines = list(itertools.takewhile(lambda t: t.startswith("- "), texts[lead + 1:]))
    # the shipped data: poverty (II.2.a) off track first; the 2030 target of advanced new-rural communes
    # (II.3.a, needing acceleration) last
    assert lines[0] == "- Giảm tỷ lệ hộ nghèo Khmer 3–4 điểm % mỗi năm (mục II.2.a);"
    assert lines[-1].endswith("(mục II.3.a).") and all(line.endswith(";") for line in lines[:-1])
    # the points of sections II.2 and II.3: their names and verdicts
    points, part = {}, None
    for text in texts[texts.index("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"):texts.index("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")]:
        part = text[0] if re.match(r"^\d\. ", text) else part
        point = re.match(r"^([a-zđ])\) ([^:]*):", text)
        if point and part in ("2", "3") and "Đánh giá: " in text:
            points[(part, point.group(1))] = (point.group(2), re.search(r"Đánh giá: ([^.]*)\.", text).group(1))
    listed = {}
    for line in lines:
        name, part, letter = re.match(r"- (.*) \(mục II\.(\d)\.(\w+)\)[;.]$", line).groups()
        listed[(part, letter)] = name
    # each place names the point that speaks of that target
    assert all(points[place][0] == name for place, name in listed.items())
    # every point whose verdict asks for a change of pace is listed ("cần đẩy nhanh" too), and only those
    pace = {status_label(key) for key in NEEDS_ATTENTION}
    assert {"Dự báo chậm lại, khó đạt", "Ước không đạt"} <= {verdict for _, verdict in points.values()}
    assert set(listed) == {place for place, (_, verdict) in points.items() if verdict in pace}


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
    assert lines[0] == "- UBND tỉnh (b/c);" and lines[-1] == "- Lưu: VT."
    assert all(p.runs[0].font.size == Pt(11) for p in block.cell(0, 0).paragraphs[1:])
    signer = [p.text for p in block.cell(0, 1).paragraphs if p.text]
    assert signer == ["………………", "………………"]
    closing = [p.text for p in vi.paragraphs if p.text.startswith("Trên đây là báo cáo")]
    assert closing and closing[0].endswith("./.")


def test_the_english_review_says_what_the_vietnamese_one_says(en):
    # the plan asks for the report "trước ngày 15/12 hằng năm" (a deadline, not a date), and T11 supports
    # four things: "or a change of trade" dropped production land
    text = " ".join(all_text(en))
    assert "before 15 December each year" in text and "as the reporting date" not in text
    assert "housing, residential land, production land or a job change" in text


def test_appendix_has_one_row_per_assessed_target(vi):
    table = appendix_table(vi)
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Mã", "Chỉ tiêu", "Kế hoạch", "Thực hiện (năm)", "Đánh giá", "Cần mỗi năm",
                      "Khả năng đạt", "Nguồn số liệu"]
    rows = table.rows[1:]
    assert len(rows) == assessed_targets() == 20
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, 21)]
    # the verdict words, and the year's figure still awaited on a line of its own
    poverty = next(r for r in rows if r.cells[2].text.startswith("Giảm tỷ lệ hộ nghèo"))
    assert [p.text for p in poverty.cells[5].paragraphs] == ["Ước không đạt", "(chờ số liệu)"]
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml


def test_appendix_rows_carry_the_dashboards_codes_and_words(vi):
    """A reader matches a row with the dashboard by its code, and reads there the same change
    needed and the same chance: "–" for a milestone judged on its own year's figure (M1, M2),
    "giữ mức đã đạt" for a target met already (T04) with its chance of holding marked ‡ and explained."""
    table = appendix_table(vi)
    cells = {r.cells[1].text: [c.text.replace("\u00a0", " ") for c in r.cells] for r in table.rows[1:]}
    targets = load_targets()
    assert set(cells) == set(targets.loc[targets["kind"] != "qualitative", "target_id"])
    assert cells["T01"][2].startswith("Giảm tỷ lệ hộ nghèo") and cells["M1"][2].startswith("Huyện Cầu Ngang đạt chuẩn")
    for milestone in ("M1", "M2"):
        assert cells[milestone][5] == "Đã đạt" and cells[milestone][6:8] == ["–", "–"]
    # met in 2024, 2025 awaited: "Ước đạt" as the dashboard says, holding what is met
    assert cells["T04"][5].startswith("Ước đạt") and cells["T04"][6] == "giữ mức đã đạt"
    assert re.fullmatch(r"\d+ %‡", cells["T04"][7])
    # a level set for every year and met is held as any other ("giữ mức đã đạt" beside "80 %" for T12 and "88 %‡"
    # for T14 gave one cell two meanings)
    assert cells["T12"][6] == "giữ mức đã đạt" and re.fullmatch(r"\d+ %‡", cells["T12"][7])
    assert cells["T05"][6] == "1.000 lao động"
    note = next(p.text for p in vi.paragraphs if p.text.startswith("Ghi chú: Mã:"))
    assert note.endswith("‡ số liệu mới nhất đã đạt: khả năng giữ được đến năm hạn.")


def test_focus_charts_are_numbered_figures(vi):
    targets = load_targets()
    focus = targets.loc[targets["focus"], "target_id"].nunique()
    assert len(vi.inline_shapes) == focus == 5
    captions = [p.text for p in vi.paragraphs if p.style.name == "Caption"]
    assert [c.split(".")[0] for c in captions] == [f"Hình {n}" for n in range(1, 6)]
    assert captions[0].startswith("Hình 1. Giảm tỷ lệ hộ nghèo Khmer")
    body = " ".join(p.text for p in vi.paragraphs)
    assert "(Xem Hình 1, Phụ lục 2.)" in body


def test_charts_print_on_landscape_pages_with_a_footer_readable_on_paper():
    document = Document()
    workbench = Workbench(areas=["848"])
    items = [item for item in review._items(workbench, "848", 2025, "vi") if item.figure is not None][:1]
    review._figures(document, items, workbench, "848", "vi")
    picture = document.inline_shapes[0]
    assert round(picture.width.cm, 1) == review.FIGURE_WIDTH == 23.0
    # the footer is set large enough that, printed at 23 cm instead of a slide's 33,9 cm, it measures 8 points
    figure = workbench.fan_chart(items[0].target_id, "848", footer_size=review.PRINTED_FOOTER * review._print_ratio())
    footer = next(t for t in figure.texts if t.get_text().startswith("Vì sao"))
    printed = footer.get_fontsize() * picture.width.inches / figure.get_figwidth()
    assert printed == pytest.approx(8.0, abs=0.01)


def test_the_charts_appendix_is_landscape(vi):
    orientations = [(round(s.page_width.cm, 1), round(s.page_height.cm, 1)) for s in vi.sections]
    # body, Phụ lục 1 (table), Phụ lục 2 (charts), Phụ lục 3 (offices)
    assert orientations == [(21.0, 29.7), (29.7, 21.0), (29.7, 21.0), (21.0, 29.7)]


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
    row = Workbench(areas=["848"]).rows("T01", "848").set_index("deadline").loc[2025]
    body = " ".join(p.text for p in vi.paragraphs).replace("\u00a0", " ")
    latest = f"{row['latest_value']:.1f}".replace(".", ",")
    change = f"{row['base_value'] - row['latest_value']:.1f}".replace(".", ",")
    expected = (f"Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer cuối năm {row['latest_year']} còn {latest} % "
                f"(số liệu minh họa), giảm {change} điểm % so với năm 2021")
    assert expected in body
    # the old reading (a steady fall from 2021 reaching a level in 2025) is gone
    assert "giữ mức giảm" not in body and "lũy kế" not in body


def test_each_paragraph_says_a_figure_once(vi):
    """The verdict reason gives the chance, the years met and the year still awaited: the
    paragraph around it does not say them again."""
    texts = [p.text.replace("\u00a0", " ") for p in vi.paragraphs]
    start, end = texts.index("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), texts.index("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")
    points = [t for t in texts[start:end] if re.match(r"^[a-zđ]\) ", t) and "Chỉ tiêu định tính" not in t]
    assert len(points) == assessed_targets()
    for text in points:
        assert text.count("khả năng") <= 1, text
        assert text.count("Chờ số liệu năm") <= 1 and "Chưa có số liệu năm" not in text, text
        assert len(re.findall(r"\d+ trong \d+ năm|\d+/\d+ năm", text)) <= 1, text
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
    assert top.cell(1, 0).text == "No.: 125/BC-SDTTG"
    assert top.cell(1, 1).text == "……, 05 January 2026"
    assert headings(en, 1)[0] == "I. OVERVIEW"
    block = next(t for t in en.tables if t.cell(0, 0).paragraphs[0].text == "Recipients:")
    assert [p.text for p in block.cell(0, 1).paragraphs if p.text] == ["DIRECTOR", "Nguyễn Văn A"]
    assert len(appendix_table(en).rows) - 1 == assessed_targets()
    body = " ".join(p.text for p in en.paragraphs)
    assert "at the end of 2024" in body and "illustrative figure" in body
    # "through its 6 new communes" promised a commune-by-commune account the review does not give
    assert "covers the former Cầu Ngang district as a whole (now part of 6 new communes), not commune by commune." in body
    assert not any(re.search(r"\d,\d(?!\d{2})", text) for text in all_text(en))  # no decimal comma


def test_settings_follow_the_date_of_the_review_and_options():
    # a review written after 1/7/2025 is issued by a body that exists, whichever map its figures follow
    before = load_review_settings(map_name="old", as_of=dt.date(2025, 6, 30))
    after = load_review_settings(map_name="old", as_of=dt.date(2025, 7, 1))
    assert (before.parent, before.body) == ("UBND HUYỆN CẦU NGANG", "PHÒNG DÂN TỘC")
    assert (after.parent, after.body) == ("UBND TỈNH VĨNH LONG", "SỞ DÂN TỘC VÀ TÔN GIÁO")
    assert load_review_settings(map_name="new", as_of=dt.date(2026, 11, 30)).body == "SỞ DÂN TỘC VÀ TÔN GIÁO"
    assert load_review_settings(date="15/03/2025", as_of=dt.date(2026, 11, 30)).body == "PHÒNG DÂN TỘC"
    assert load_review_settings(issuer="district_office").body == "PHÒNG DÂN TỘC"
    commune = load_review_settings(issuer="commune")
    assert commune.parent == "" and commune.body.startswith("ỦY BAN NHÂN DÂN XÃ")
    chosen = load_review_settings(number="07", date="2025-02-03")
    assert review._number_line(chosen, "vi") == "Số: 07/BC-……"
    # the decree writes days below 10 and the months January and February with a leading 0
    assert review._date_line(chosen, "vi") == "……, ngày 03 tháng 02 năm 2025"
    later = load_review_settings(date="2025-12-15", place="Cầu Ngang")
    assert review._date_line(later, "vi") == "Cầu Ngang, ngày 15 tháng 12 năm 2025"
    assert load_review_settings(date="15/12/2025").date == later.date  # as a Vietnamese planner writes it


def test_a_review_changed_by_hand_is_never_written_over(tmp_path, capsys):
    out = tmp_path / "reports"
    written = build(out)
    first = written.read_bytes()
    assert build(out).read_bytes() == first  # its own, unchanged file: written again
    written.write_bytes(first + b"section III filled in")
    assert main(["review", "--year", "2025", "--out", str(out), "--no-pdf"]) == 2
    message = capsys.readouterr().err
    assert "Không ghi đè" in message and "bao_cao_final_2025.docx" in message and "Traceback" not in message
    assert written.read_bytes() == first + b"section III filled in"
    written.rename(out / "bao_cao_final_2025_da_sua.docx")  # as the message says
    assert build(out).read_bytes() == first


def test_a_review_is_not_written_into_the_data_or_onto_a_file(tmp_path, capsys):
    data = tmp_path / "so_lieu"
    data.mkdir()
    shutil.copy(paths.OBSERVATIONS_DIR / "published.csv", data)
    assert main(["review", "--data", str(data), "--out", str(data / "bao_cao"), "--no-pdf"]) == 2
    (tmp_path / "README.md").write_text("x")
    assert main(["review", "--data", str(data), "--out", str(tmp_path / "README.md"), "--no-pdf"]) == 2
    message = capsys.readouterr().err
    assert "nằm trong thư mục số liệu" in message and "đây là một tệp" in message and "Traceback" not in message
    assert sorted(p.name for p in data.iterdir()) == ["published.csv"]


def test_a_code_typed_on_the_new_map_means_the_new_commune_and_an_empty_review_is_refused(tmp_path, capsys):
    import builders

    (tmp_path / "so_lieu").mkdir()
    data = builders.data_with_new_communes(tmp_path / "so_lieu")
    (tmp_path / "out").mkdir()
    from analysis.export import OwnFiles

    OwnFiles(tmp_path / "out").write("bao_cao_final_2025.pdf", b"an earlier run's PDF")
    district = build(tmp_path / "out", "--data", str(data), "--map", "new")
    # written without a PDF, the review takes its own earlier PDF away: the two read as one review
    assert not (tmp_path / "out" / "bao_cao_final_2025.pdf").exists()
    written = build(tmp_path / "out", "--data", str(data), "--map", "new", "--area", "29416")
    text = " ".join(p.text for p in Document(written).paragraphs)
    assert re.search(r"đánh giá [1-9]\d* chỉ tiêu định lượng tại xã Cầu Ngang", text), text[:400]
    # the 2021–2025 review tells 2025: the 2026 figures of the same file are not where the commune stood
    everything = " ".join(all_text(Document(written)))
    assert not re.search(r"năm 2026 (đạt|còn)|\(2026[;)]", everything) and "92 % (2025)" in everything
    # the commune's review has a name of its own: it took the place of the district's, whose PDF
    # then stood beside it under one name; and it says which area it covers, not the 6 communes
    assert written.name == "bao_cao_final_2025_29416-2025.docx" and district.name == "bao_cao_final_2025.docx"
    assert district.is_file()
    assert "Báo cáo này tổng hợp trên địa bàn xã Cầu Ngang (từ 1/7/2025)." in text and "không chia theo xã" not in text
    assert main(["review", "--data", str(data), "--map", "new", "--area", "29434", "--no-pdf",
                 "--out", str(tmp_path / "old_unit")]) == 0
    assert "29434 (Xã Kim Hòa) không còn từ 1/7/2025, đã nhập vào Xã Vinh Kim (29431-2025)" in capsys.readouterr().err
    # a file with figures of Kim Hòa and the district only: nothing to report on in Hiệp Mỹ Tây
    only = str(Path(builders.__file__).parent / "data" / "good" / "vietnamese_format.csv")
    assert main(["review", "--data", only, "--area", "29455", "--no-pdf", "--out", str(tmp_path / "empty")]) == 2
    assert "chưa có số liệu nào để báo cáo" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists()


def test_bad_options_stop_with_the_problem_named(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["review", "--out", str(out), "--no-pdf", "--area", "99999"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--date", "31/02/2025"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--issuer", "nobody"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--year", "2031"]) == 2  # the plan's last deadline is 2030
    # a year not yet begun, and the 2021–2025 review for another year, were written without a word
    next_year = dt.date.today().year + 1
    assert main(["review", "--out", str(out), "--no-pdf", "--year", str(next_year)]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--year", "2024", "--kind", "final"]) == 2
    message = capsys.readouterr().err
    assert f"chọn một năm từ 2021 đến {min(2030, next_year - 1)}" in message
    assert f"(năm {next_year} chưa đến)" in message
    assert "báo cáo tổng kết giai đoạn 2021 - 2025 viết cho --year 2025; năm khác dùng --kind annual" in message
    assert "99999" in message and '"issuers"' in message and "nobody" in message
    assert '--date: "31/02/2025" không phải là ngày' in message  # the option named, not the settings file
    # an office types its commune's name: a misspelt one is offered the name it is close to, with a
    # current example otherwise (29434 of the suggestion before ended on 1/7/2025)
    assert main(["review", "--out", str(out), "--no-pdf", "--area", "Xã Vinh Kiêm"]) == 2
    assert main(["review", "--out", str(out), "--no-pdf", "--area", "Cầu Ngang", "--map", "new"]) == 2
    message = capsys.readouterr().err
    assert 'có phải mã 29431 (Xã Vinh Kim)?' in message and "did you mean code 29431 (Xã Vinh Kim)?" in message
    assert "có phải một trong các mã: 29416 (Xã Cầu Ngang); 848 (Huyện Cầu Ngang)" in message  # asked, not guessed
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


def test_a_pdf_set_without_times_new_roman_says_the_word_file_is_the_document_of_record(tmp_path, monkeypatch,
                                                                                          capsys):
    # without a Times-metric font with Vietnamese letters LibreOffice set the review in DejaVu: the national motto
    # broke over two lines and the PDF ran to other pages than the Word file, and nothing said so
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"a document")

    def convert(command, **kwargs):  # stands for LibreOffice: writes the PDF where it is asked to
        Path(command[command.index("--outdir") + 1], "a.pdf").write_bytes(b"%PDF-1.7")

    monkeypatch.setattr(review, "_office_program", lambda: "soffice")
    monkeypatch.setattr(review.subprocess, "run", convert)
    for available, said in ((True, False), (False, True)):
        monkeypatch.setattr(review, "times_font_available", lambda: available)
        assert review.convert_to_pdf(docx, tmp_path / "a.pdf").read_bytes() == b"%PDF-1.7"
        assert ("bản .docx là bản chính" in capsys.readouterr().err) == said


# ---- sentences ------------------------------------------------------------------------
# Rows as the assessment writes them (verdict reasons copied from its output for the district),
# and the paragraphs worked out by hand.


def row(**values) -> pd.Series:
    base = {"kind": "at_least", "unit": "percent", "latest_year": 2024, "latest_value": 92.717, "base_year": 2021,
            "base_value": 95.16, "target_value": 95.0, "target_low": float("nan"), "target_high": float("nan"),
            "met_threshold": 95.0, "met_rule_vi": "", "met_rule_en": "", "reading": "", "deadline": 2025,
            "origin": "plan", "illustrative": True, "observed_points_per_year_since_base": -0.814,
            "needed_points_per_year": 2.2825, "probability": 0.1379, "projected_median": 93.3,
            "projected_lo_80": 90.42, "projected_hi_80": 95.41, "verdict": "moving_away", "awaiting_figure": True,
            "years_met": pd.NA, "years_counted": pd.NA,
            "verdict_reason_vi": "Chờ số liệu năm 2025. 3 năm 2022–2024 giảm 0,8 điểm %/năm, ngược hướng mục tiêu; "
                                 "khả năng đạt 14 %.",
            "verdict_reason_en": "Awaiting the 2025 figure. The last 3 years down 0.8 pts/yr, away from the target; "
                                 "chance 14 %."}
    base.update(values)
    return pd.Series(base)


def test_a_latest_figure_is_printed_on_its_side_of_the_target():
    # 99,46 % printed "99,5 %" beside "tính là đạt khi từ 99,5 % trở lên" and a verdict of not met
    short = row(latest_value=99.46, target_value=100.0, met_threshold=99.5, needed_points_per_year=0.04)
    text = target_sentences(short, 2025, "Tỷ lệ hộ sử dụng điện")
    assert "năm 2024 đạt 99,46 %" in text and "99,5 % (" not in text
    assert "năm 2024 đạt 92,7 %" in target_sentences(row(), 2025, "Tỷ lệ")  # the usual decimal where it agrees


def poverty(**values) -> pd.Series:
    """T01 in 2025: 11.32 % (2021) → 7.24 → 4.89 → 3.18 % (2024); falls 4.1, 2.4, 1.7 points."""
    return row(**{"kind": "yearly_reduction", "latest_value": 3.17739, "base_value": 11.3246, "target_value": 0.17739,
                  "target_low": 3.0, "target_high": 4.0, "met_threshold": 0.22739, "reading": "points",
                  "observed_points_per_year_since_base": -2.7157, "needed_points_per_year": -3.0,
                  "probability": 0.0025, "projected_median": 2.0, "projected_lo_80": 1.46, "projected_hi_80": 2.71,
                  "verdict": "off_track", "years_met": 1, "years_counted": 3,
                  "verdict_reason_vi": "Chờ số liệu năm 2025. Cần giảm 3,0 điểm %/năm, trong khi 3 năm 2022–2024 giảm 2,7 điểm "
                                       "%/năm; khả năng đạt < 1 %. Năm 2024 giảm 1,7 điểm %: không đạt; đạt 1 trong 3 năm.",
                  "verdict_reason_en": "Awaiting the 2025 figure. Needs down 3.0 pts/yr; the last 3 years down 2.7 "
                                       "pts/yr; chance < 1 %. 2024: down 1.7 pts, not met; met in 1 of 3 years.",
                  **values})


def test_poverty_paragraph_judges_each_year():
    # 3.18 − 11.32 = −8.15 → "giảm 8,1"; the 2024 fall (1.7) is short of 3; 1 of the 3 falls met
    # (2022: 4.1). The average fall since 2021 (2.7 a year) is the reason's "3 năm 2022–2024"
    # figure, so it is said there only; what 2025 needs (3.0) is the reason's too.
    text = target_sentences(poverty(), 2025, "Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer")
    assert text == (
        "Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer cuối năm 2024 còn 3,2 % (số liệu minh họa), giảm 8,1 điểm % "
        "so với năm 2021 (11,3 %). Riêng năm 2024 giảm 1,7 điểm %, chưa đạt chỉ tiêu giảm 3–4 điểm %/năm; 3 năm "
        "được đánh giá đến năm 2024: 1 năm đạt chỉ tiêu. Mức giảm “3–4 %/năm” của Kế hoạch được tính theo điểm phần trăm "
        "(3–4 điểm phần trăm mỗi năm). Đánh giá: Chuyển biến chậm, khó đạt. Chờ số liệu năm 2025. Cần giảm "
        "3,0 điểm %/năm, trong khi 3 năm 2022–2024 giảm 2,7 điểm %/năm; khả năng đạt < 1 %. Dự báo năm 2025 khoảng "
        "2,0 % (khoảng dự báo 80 %: 1,5–2,7 %).")
    assert text.count("giảm 2,7") == 1 and text.count("< 1 %") == 1
    # the plan's "từ 3- 4%/năm" could be a fall of points or of a share of the rate: the report says which it counts
    relative = target_sentences(poverty(reading="relative"), 2025, "Tỷ lệ hộ nghèo")
    assert "được tính theo tỷ lệ hộ nghèo năm trước (giảm 3–4 % của tỷ lệ đó mỗi năm)" in relative
    english = target_sentences(poverty(), 2025, "The Khmer household poverty rate", "en")
    assert english == (
        "The Khmer household poverty rate stood at 3.2 % at the end of 2024 (illustrative figure), down 8.1 pts "
        "from 2021 (11.3 %). In 2024 alone it fell by 1.7 pts, short of the target of down 3–4 pts/yr; of the 3 "
        "years judged up to 2024, 1 met the target. The plan's fall of “3–4 %/year” is read in percentage points (3–4 "
        "points a year). Assessment: Slow progress, unlikely to be met. Awaiting the 2025 "
        "figure. Needs down 3.0 pts/yr; the last 3 years down 2.7 pts/yr; chance < 1 %. The 2025 projection is about "
        "2.0 % (80 % projection interval: 1.5–2.7 %).")


def test_a_real_latest_figure_after_illustrative_years_says_the_earlier_ones_are_illustrative():
    # an office's real 2024 figure dropped the label, while the 2021 base and the 2024 fall were still made up
    text = target_sentences(poverty(latest_illustrative=False), 2025, "Tỷ lệ hộ nghèo Khmer")
    assert text.startswith("Tỷ lệ hộ nghèo Khmer cuối năm 2024 còn 3,2 %, giảm 8,1 điểm % so với năm 2021 (11,3 %) "
                           "(số liệu năm 2024 là số liệu thật; các năm trước có số liệu minh họa). Riêng năm 2024")
    english = target_sentences(poverty(latest_illustrative=False), 2025, "The rate", "en")
    assert "(11.3 %) (the 2024 figure is real; earlier years include illustrative figures). In 2024" in english
    real = target_sentences(poverty(latest_illustrative=False, illustrative=False), 2025, "Tỷ lệ hộ nghèo Khmer")
    assert "minh họa" not in real
    # an estimate (≈ in the appendix: a new commune's share of an old unit assumed) was called "số liệu thật"
    estimate = target_sentences(poverty(latest_illustrative=False, approximate=True), 2025, "Tỷ lệ hộ nghèo Khmer")
    assert estimate.startswith("Tỷ lệ hộ nghèo Khmer cuối năm 2024 còn khoảng 3,2 %, giảm 8,1 điểm % so với năm 2021 "
                               "(11,3 %) (số liệu năm 2024 là số ước tính từ số liệu thật; các năm trước có số liệu "
                               "minh họa).")
    assert "là số liệu thật" not in estimate
    english = target_sentences(poverty(latest_illustrative=False, approximate=True), 2025, "The rate", "en")
    assert english.startswith("The rate stood at about 3.2 % at the end of 2024, down 8.1 pts from 2021 (11.3 %) (the "
                              "2024 figure is an estimate from real figures;")


def test_the_change_since_the_baseline_is_the_difference_of_the_printed_figures():
    # 17,95 prints 18,0 (half up); the change from 17,43 (17,4) read "tăng 0,5" from a binary 17,9
    text = target_sentences(row(kind="share_of_total", latest_value=17.95, base_value=17.43, target_value=20.0,
                                verdict="off_track"), 2025, "Tỷ lệ đảng viên người Khmer")
    assert "năm 2024 đạt 18,0 % (số liệu minh họa), tăng 0,6 điểm % so với năm 2021 (17,4 %)" in text
    # beside a need of 2,05 to 20 %, 18,0 + 2,1 did not add up: the figure keeps its second decimal, and the need too
    beside_need = target_sentences(row(kind="share_of_total", latest_value=17.95, base_value=17.43, target_value=20.0,
                                       met_threshold=20.0, needed_points_per_year=2.05, verdict="off_track"),
                                   2025, "Tỷ lệ đảng viên người Khmer")
    # and the baseline beside it too: 17,95 − 17,43 = 0,52 (17,95 − 17,4 = 0,55 printed 0,6)
    assert "năm 2024 đạt 17,95 % (số liệu minh họa), tăng 0,52 điểm % so với năm 2021 (17,43 %)" in beside_need
    assert "cần tăng 2,05 điểm %" in beside_need and "2,1" not in beside_need


def test_poverty_below_three_percent_keeps_what_is_possible():
    # 5.5 % → 2.4 %: a fall of 3.1 points met the year; below 3 % only what is left can go
    low = poverty(latest_value=2.4, base_value=11.3, target_value=0.0, observed_points_per_year_since_base=-2.97,
                  needed_points_per_year=-2.4, years_met=2, verdict="needs_acceleration", illustrative=False,
                  awaiting_figure=False, verdict_reason_vi=(
                      "3 năm 2022–2024 giảm 3,0 điểm %/năm, đủ so với mức cần giảm 2,4 điểm %/năm, nhưng dự báo còn "
                      "nhiều bất định: khả năng đạt 35 %. Năm 2024 giảm 3,1 điểm %: đạt; đạt 2 trong 3 năm. Tỷ lệ còn dưới "
                      "3 %, mức giảm 3 điểm %/năm không còn khả thi; cần giảm hết phần còn lại."))
    text = target_sentences(low, 2024, "Tỷ lệ hộ nghèo")
    # 2.4 − 11.3 = −8.9; the average since 2021, −2.97 a year, reads "giảm 3,0" like the reason's
    assert text == (
        "Tỷ lệ hộ nghèo cuối năm 2024 còn 2,4 %, giảm 8,9 điểm % so với năm 2021 (11,3 %). Riêng năm 2024 giảm "
        "3,1 điểm %, đạt chỉ tiêu giảm 3–4 điểm %/năm; 3 năm được đánh giá đến năm 2024: 2 năm đạt chỉ tiêu. Mức giảm "
        "“3–4 %/năm” của Kế hoạch được tính theo điểm phần trăm (3–4 điểm phần trăm mỗi năm). Đánh giá: Cần "
        "đẩy nhanh tiến độ. 3 năm 2022–2024 giảm 3,0 điểm %/năm, đủ so với mức cần giảm 2,4 điểm %/năm, "
        "nhưng dự báo còn nhiều bất định: khả năng đạt 35 %. Tỷ lệ còn dưới 3 %, mức giảm 3 điểm %/năm không còn khả "
        "thi; cần giảm hết phần còn lại.")


def test_jobs_are_judged_year_by_year_without_a_running_total():
    jobs = row(kind="yearly_flow", unit="workers", latest_value=1120.0, base_value=930.0, target_value=1000.0,
               target_low=1000.0, target_high=1500.0, met_threshold=1000.0, needed_points_per_year=1000.0,
               probability=0.9587, projected_median=1138.0, projected_lo_80=1049.0, projected_hi_80=1234.0,
               verdict="on_track", years_met=3, years_counted=4,
               verdict_reason_vi="Chờ số liệu năm 2025. Cần 1.000 lao động mỗi năm; 3 năm 2022–2024 bình quân 1.083 "
                                 "lao động; khả năng đạt 96 %. Năm 2024: 1.120 lao động, đạt; đạt 3 trong 4 năm.")
    text = target_sentences(jobs, 2025, "Số lao động người Khmer được tạo việc làm mới")
    # 2022–2024: 1.040, 1.090, 1.120 → 1.083 on average; 2021 (930) fell short: 3 of 4 years met
    assert text == (
        "Số lao động người Khmer được tạo việc làm mới năm 2024 đạt 1.120 lao động (số liệu minh họa), đạt chỉ tiêu "
        "1.000–1.500 lao động/năm; 4 năm được đánh giá đến năm 2024: 3 năm đạt chỉ tiêu. Đánh giá: Đúng tiến độ. Chờ số liệu "
        "năm 2025. Cần 1.000 lao động mỗi năm; 3 năm 2022–2024 bình quân 1.083 lao động; khả năng đạt 96 %. Dự báo "
        "năm 2025 khoảng 1.138 lao động (khoảng dự báo 80 %: 1.049–1.234 lao động).")
    assert "lũy kế" not in text and "820" not in text and text.count("1.120") == 1
    short = jobs.copy()
    short["latest_value"] = 980.0
    short["verdict_reason_vi"] = short["verdict_reason_vi"].replace("1.120 lao động, đạt; đạt 3 trong 4",
                                                                    "980 lao động, không đạt; đạt 2 trong 4")
    assert ("năm 2024 đạt 980 lao động (số liệu minh họa), chưa đạt chỉ tiêu 1.000–1.500 lao động/năm; 4 năm "
            "được đánh giá đến năm 2024: 2 năm đạt chỉ tiêu.") in target_sentences(short, 2025, "Số lao động")
    none = short.copy()
    none["verdict_reason_vi"] = none["verdict_reason_vi"].replace("đạt 2 trong 4 năm", "chưa năm nào đạt (0/4)")
    assert "4 năm được đánh giá đến năm 2024: chưa năm nào đạt chỉ tiêu." in target_sentences(none, 2025, "Số lao động")


def test_a_100_percent_target_is_met_from_99_5():
    met = row(latest_value=100.0, base_value=100.0, target_value=100.0, met_threshold=99.5, deadline=2030,
              needed_points_per_year=-0.5, probability=0.965, projected_median=99.98, projected_lo_80=99.9,
              projected_hi_80=100.0, verdict="on_track", latest_met=True, awaiting_figure=False,
              verdict_reason_vi="Đã đạt năm 2024 (100 %); khả năng giữ được đến năm 2030: 97 %.")
    text = target_sentences(met, 2025, "Tỷ lệ xã đạt chuẩn nông thôn mới")
    # the latest 100 % is said once: the reason's "(100 %)" goes; a level met before its deadline is "on track"
    # (held), never "Đã đạt" before the deadline's own figure
    assert text == (
        "Tỷ lệ xã đạt chuẩn nông thôn mới năm 2024 đạt 100 % (số liệu minh họa), không thay đổi so với năm 2021. "
        "Chỉ tiêu Kế hoạch đến năm 2030: 100 % (báo cáo này tính là đạt khi từ 99,5 % trở lên). Đánh giá: Đúng tiến độ. "
        "Đã đạt năm 2024; khả năng giữ được đến năm 2030: 97 %. Cần tiếp tục duy trì kết quả đến năm 2030.")
    # met since an earlier year: the year stays, the latest figure goes, the year it last fell short stays
    since = met.copy()
    since["verdict_reason_vi"] = "Đã đạt từ năm 2022 (năm 2024: 100 %); khả năng giữ được đến năm 2030: 97 %."
    assert "Đánh giá: Đúng tiến độ. Đã đạt từ năm 2022; khả năng giữ" in target_sentences(since, 2025, "Tỷ lệ xã")
    since["verdict_reason_vi"] = ("Đã đạt từ năm 2022 (năm 2024: 100 %; năm 2021 chỉ 80 %) nhưng khả năng giữ được "
                                  "đến năm 2030 chỉ 31 % (năm khó giữ nhất: 2026).")
    assert ("Đã đạt từ năm 2022 (năm 2021 chỉ 80 %) nhưng khả năng giữ được đến năm 2030 chỉ 31 % (năm khó giữ nhất: "
            "2026).") in target_sentences(since, 2025, "Tỷ lệ xã")
    # short of it: 99.5 − 98.95 = 0.55 → "+0,6 điểm %" in the table; the reason gives the need in the text
    short = row(latest_value=98.947, base_value=97.994, target_value=100.0, met_threshold=99.5,
                needed_points_per_year=0.5532, probability=0.0013, verdict="off_track",
                verdict_reason_vi="Chờ số liệu năm 2025. Cần tăng 0,6 điểm %/năm, trong khi 3 năm 2022–2024 tăng 0,3 điểm "
                                  "%/năm; khả năng đạt < 1 %.")
    text = target_sentences(short, 2025, "Tỷ lệ đi học đúng độ tuổi")
    assert "năm 2024 đạt 98,9 % (số liệu minh họa), tăng 0,9 điểm % so với năm 2021 (98,0 %)." in text
    assert "Chỉ tiêu Kế hoạch đến năm 2025: 100 % (báo cáo này tính là đạt khi từ 99,5 % trở lên)." in text
    assert text.count("0,6 điểm %") == 1 and "Để đạt chỉ tiêu" not in text
    assert plan_cell(short) == "100 % (2025)\nđạt khi ≥ 99,5 %" and needed_cell(short) == "+0,6 điểm %"
    assert needed_cell(met) == "giữ mức đã đạt"


def test_xa_ngu_lac_before_2025_is_said_as_the_old_thanh_hoa_son_part_not_as_an_estimate():
    # its years to 2024 are the old Thạnh Hòa Sơn's alone (a third of the new commune): "còn khoảng 4,3 %" of
    # "xã Ngũ Lạc", with "≈: số ước tính" under the table, presented one old unit's figure as the new commune's
    from analysis.reports.review import _table_note

    part = row(area_code="29530-2025", approximate=True, latest_value=91.62)
    text = target_sentences(part, 2025, "Tỷ lệ người Khmer tham gia bảo hiểm y tế")
    assert "năm 2024 đạt 91,6 % (phần xã Thạnh Hòa Sơn cũ; số liệu minh họa)" in text and "khoảng 91,6" not in text
    english = target_sentences(part, 2025, "The Khmer health insurance rate", "en")
    assert "(former Thạnh Hòa Sơn commune only; illustrative figure)" in english
    assert "(≈: số liệu của phần xã Thạnh Hòa Sơn cũ)" in _table_note([part], "vi")
    assert "số ước tính" not in _table_note([part], "vi")
    assert "(≈: số ước tính)" in _table_note([row(approximate=True)], "vi")  # another commune's estimate


def test_a_level_target_moving_away_says_what_is_needed():
    # 92,7 − 95,2 as printed → "giảm 2,5 điểm %" (92.717 − 95.16 unrounded is −2.443); 95 − 92.717 =
    # 2.283 in one year → "tăng 2,3":
    # the moving-away reason does not give it, so the paragraph does
    text = target_sentences(row(), 2025, "Tỷ lệ người Khmer tham gia bảo hiểm y tế")
    assert text == (
        "Tỷ lệ người Khmer tham gia bảo hiểm y tế năm 2024 đạt 92,7 % (số liệu minh họa), giảm 2,5 điểm % so với "
        "năm 2021 (95,2 %). Chỉ tiêu Kế hoạch đến năm 2025: từ 95 % trở lên. Đánh giá: Xa dần mục tiêu. Chờ số liệu "
        "năm 2025. 3 năm 2022–2024 giảm 0,8 điểm %/năm, ngược hướng mục tiêu; khả năng đạt 14 %. Dự báo năm "
        "2025 khoảng 93,3 % (khoảng dự báo 80 %: 90,4–95,4 %). Để đạt chỉ tiêu, năm 2025 cần tăng 2,3 điểm %.")
    english = target_sentences(row(), 2025, "The share of Khmer people with health insurance", "en")
    assert english.startswith("The share of Khmer people with health insurance was 92.7 % in 2024 "
                              "(illustrative figure), down 2.5 pts from 2021 (95.2 %).")
    assert english.endswith("To meet the target: up 2.3 pts in 2025.")


def test_a_projection_only_row_says_the_plan_sets_no_target():
    projection = poverty(deadline=2030, origin="projection", verdict="", target_value=float("nan"),
                         met_threshold=float("nan"), needed_points_per_year=float("nan"), probability=float("nan"),
                         projected_median=0.1449, projected_lo_80=0.0, projected_hi_80=0.6047, awaiting_figure=False,
                         years_met=pd.NA, years_counted=pd.NA,
                         verdict_reason_vi="Kế hoạch không đặt chỉ tiêu cho năm 2030: chỉ dự báo.")
    text = target_sentences(projection, 2026, "Tỷ lệ hộ nghèo")
    # no reason here gives the average fall (11.32 → 3.18 in 3 years: 2.7 a year), so the paragraph does
    assert text == (
        "Tỷ lệ hộ nghèo cuối năm 2024 còn 3,2 % (số liệu minh họa), giảm 8,1 điểm % so với năm 2021 (11,3 %), bình "
        "quân giảm 2,7 điểm %/năm. Kế hoạch không đặt chỉ tiêu cho năm 2030; dự báo năm 2030 khoảng 0,1 % (khoảng "
        "dự báo 80 %: 0,0–0,6 %).")
    verdict = verdict_of(projection)
    assert verdict.words("vi") == "Chỉ dự báo (không có chỉ tiêu)"
    assert plan_cell(projection) == "Không có chỉ tiêu (2030)"
    assert needed_cell(projection) == "–" and chance_cell(projection, verdict) == "–"


def test_a_deadline_already_judged_says_its_figure_once():
    # M2: due in 2022 and met then (100 %); the latest figure (2024) is said in the facts
    done = row(latest_value=100.0, base_value=87.5, target_value=100.0, met_threshold=99.5, deadline=2022,
               verdict="achieved", awaiting_figure=False, probability=1.0, needed_points_per_year=float("nan"),
               verdict_reason_vi="Năm 2022: 100 %, đạt mục tiêu 100 %.")
    assert target_sentences(done, 2025, "Tỷ lệ xã") == (
        "Tỷ lệ xã năm 2024 đạt 100 % (số liệu minh họa), tăng 12,5 điểm % so với năm 2021 (87,5 %). Chỉ tiêu Kế "
        "hoạch đến năm 2022: 100 % (báo cáo này tính là đạt khi từ 99,5 % trở lên). Đánh giá: Đã đạt (năm 2022: 100 %).")
    missed = row(latest_year=2022, latest_value=87.5, base_value=80.0, target_value=100.0, met_threshold=99.5,
                 deadline=2022, verdict="deadline_missed", awaiting_figure=False, probability=0.0,
                 verdict_reason_vi="Năm 2022: 87,5 %, chưa đạt mục tiêu 100 %.")
    assert target_sentences(missed, 2025, "Tỷ lệ xã").endswith("Đánh giá: Không đạt.")


def test_verdict_reasons_split_into_their_parts():
    parts = reason_parts("Mức so sánh của xã: 65,9 %, bằng tỷ lệ người Khmer trong dân số năm 2019 (Kế hoạch chỉ đặt "
                         "chỉ tiêu cho toàn huyện). Chờ số liệu năm 2025. "
                         "Cần tăng 25,1 điểm %/năm, trong khi 3 năm 2022–2024 tăng 0,6 điểm %/năm; khả năng đạt < 1 %.")
    assert parts.commune == {"value": "65,9 %", "year": "2019", "illustrative": ""}
    assert (parts.awaiting, parts.core_key, parts.year_key) == ("Chờ số liệu năm 2025.", "r_short", "")
    assert parts.core == "Cần tăng 25,1 điểm %/năm, trong khi 3 năm 2022–2024 tăng 0,6 điểm %/năm; khả năng đạt < 1 %."
    english = reason_parts("Awaiting the 2025 figure. Needs 1,000 workers every year; the last 3 years averaged 1,083 "
                           "workers; chance 96 %. 2024: 1,120 workers, met; met in 3 of 4 years.", "en")
    assert (english.core_key, english.year_key) == ("r_flow", "year_value_met")
    assert english.year_fields == {"year": "2024", "value": "1,120 workers", "met": "3", "counted": "4"}


def test_every_reason_of_the_assessment_is_read():
    """Each verdict reason the assessment writes (district and communes, both deadlines, both
    languages) is recognised, so the review never repeats or drops a part of it."""
    from analysis import Workbench

    table = Workbench().table
    for _, assessed in table.iterrows():
        for lang in ("vi", "en"):
            parts = reason_parts(assessed[f"verdict_reason_{lang}"], lang)
            where = (assessed["target_id"], assessed["area_code"], assessed["deadline"], lang)
            assert parts.core_key, where
            assert bool(parts.awaiting) == bool(assessed["awaiting_figure"]), where
            assert bool(parts.year_key) == (not pd.isna(assessed["years_counted"]) and assessed["verdict"] != ""), where


def test_summary_counts_each_verdict():
    verdicts = [Verdict(key, "", "", key != "achieved", None, None)
                for key in ("achieved", "achieved", "on_track", "needs_acceleration", "moving_away")]
    text = summary_sentences(verdicts, 21, 19, "huyện Cầu Ngang", 2024, 2025, "final")
    away = verdicts[-1].words("vi").lower()  # the assessment's words for "moving_away"
    assert ("(theo số liệu đến năm 2024): 2 chỉ tiêu đã đạt; 1 chỉ tiêu đúng tiến độ; 1 chỉ tiêu cần đẩy nhanh "
            f"tiến độ; 1 chỉ tiêu {away}.") in text
    assert "3 chỉ tiêu chưa có số liệu năm 2025, được đánh giá theo dự báo." in text
    assert "tập trung chỉ đạo" not in text and "minh họa" not in text  # each a paragraph of its own
    english = summary_sentences(verdicts, 21, 19, "Cầu Ngang district", 2024, 2025, "final", lang="en")
    assert "stand as follows: achieved: 2; on track: 1; needs to speed up: 1; moving away" in english


def test_sources_in_short():
    mixed = ("tổng hợp từ 13 xã, thị trấn / combined from 13 communes — Số liệu minh họa, không phải số liệu thật (x) / "
             "Illustrative data, not real | tổng hợp từ 13 xã, thị trấn / combined from 13 communes — Số liệu minh họa, "
             "không phải số liệu thật (x) / Illustrative data, not real; VP Điều phối NTM Trà Vinh: Trà Vinh có thêm "
             "02 xã (09/5/2022)")
    assert source_text(mixed) == ("Tổng hợp từ 13 xã, thị trấn; số liệu minh họa (không phải số liệu thật); "
                                  "VP Điều phối NTM Trà Vinh (09/5/2022)")


def test_a_report_every_commune_sent_is_named_once_with_its_communes():
    # the appendix's T01 source cell listed "Quyết định công nhận kết quả rà soát hộ nghèo … UBND xã …" six times:
    # a row taller than a page, one row a page over eleven pages
    title = "Quyết định công nhận kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2025"
    communes = ["Cầu Ngang", "Hiệp Mỹ", "Mỹ Long", "Ngũ Lạc", "Nhị Trường", "Vinh Kim"]
    sources = ("tổng hợp từ 6 xã mới / combined from 6 new communes — "
               + "; ".join(f"{title}, UBND xã {name}" for name in communes) + " | Sở Y tế (2026)")
    expected = f"Tổng hợp từ 6 xã mới; {title}, UBND các xã Cầu Ngang, Hiệp Mỹ, Mỹ Long, Ngũ Lạc, Nhị Trường, Vinh Kim"
    assert source_text(sources) == expected + "; Sở Y tế (2026)"
    assert source_parts(sources, "vi") == ["tổng hợp từ 6 xã mới", expected.split("; ")[1], "Sở Y tế (2026)"]
    # one commune's report keeps its own words
    assert source_text(f"{title}, UBND xã Vinh Kim") == f"{title}, UBND xã Vinh Kim"


def test_the_appendix_gives_its_room_to_the_sources_and_breaks_no_heading_inside_a_word(vi):
    # the sources, 10–17 lines in a 4,1 cm column, made 3 rows a page (7 pages for 20 rows); and a heading
    # narrower than its longest word broke "STT" as "ST / T"
    from analysis.reports.docx_form import CELL_PADDING

    table = appendix_table(vi)
    widths = [column.width.cm for column in table.columns]
    assert widths[-1] == max(widths) and widths[-1] >= 6
    for cell, width in zip(table.rows[0].cells, widths):
        longest = max(text_width_cm(word, 11, bold=True) for word in cell.text.split())
        assert longest <= width - 2 * CELL_PADDING, cell.text


def test_an_appendix_row_taller_than_a_page_may_break_and_a_short_one_may_not():
    # the 2026 review's T05 row, six communes' reports twice, was kept on one page and ran off it: the last
    # of its sources was cut
    rows = assess(load_observations(), load_targets(), areas=["848"])
    rows = rows[(rows["target_id"].isin(["T02", "T05"])) & (rows["deadline"] == 2025)].reset_index(drop=True)
    long = "; ".join(f"Báo cáo số {n}/BC-UBND ngày 05/01/2026 về kết quả giải quyết việc làm, UBND xã {n}"
                     for n in range(1, 16))
    rows.loc[rows["target_id"] == "T05", "sources"] = long
    items = [review._Item(row["target_id"], row["target_vi"], "", 0, [], row, verdict_of(row))
             for _, row in rows.iterrows()]
    document = Document()
    review._appendix_table(document, items, "vi")
    kept = {row.cells[1].text: row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            for row in document.tables[0].rows[1:]}
    assert kept == {"T02": True, "T05": False}


def test_a_commune_is_held_to_its_own_khmer_share():
    # Kim Hòa: 5,179 Khmer of 7,861 people in 2019 → 65.9 %; the district's 20 % does not apply
    commune = row(latest_value=40.81, base_value=39.1, target_value=65.88, met_threshold=65.88,
                  needed_points_per_year=25.07, probability=0.0001, verdict="off_track", kind="share_of_total",
                  projected_median=40.8, projected_lo_80=38.9, projected_hi_80=42.6, illustrative=False,
                  verdict_reason_vi="Mức so sánh của xã: 65,9 %, bằng tỷ lệ người Khmer trong dân số năm 2019 "
                                    "(Kế hoạch chỉ đặt chỉ tiêu cho toàn huyện). Chờ số liệu năm 2025. Cần tăng 25,1 điểm %/năm, trong khi 3 năm 2022–2024 tăng 0,6 điểm %/năm; khả năng "
                                    "đạt < 1 %.")
    assert target_sentences(commune, 2025, "Tỷ lệ đảng viên người Khmer trong tổng số đảng viên") == (
        "Tỷ lệ đảng viên người Khmer trong tổng số đảng viên năm 2024 đạt 40,8 %, tăng 1,7 điểm % so với năm 2021 "
        "(39,1 %). Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện; đối với xã, báo cáo này so với tỷ lệ người Khmer "
        "trong dân số của xã (năm 2019): từ 65,9 % trở lên đến năm 2025. Đánh giá: Chuyển biến chậm, khó đạt. Chờ số liệu năm 2025. Cần tăng 25,1 điểm %/năm, "
        "trong khi 3 năm 2022–2024 tăng 0,6 điểm %/năm; khả năng đạt < 1 %. Dự báo năm 2025 khoảng 40,8 % (khoảng dự báo "
        "80 %: 38,9–42,6 %).")


def test_a_target_with_too_little_data_is_not_counted_as_judged_on_the_projection(vi):
    # T20 awaits its 2025 figure like the others, but has one point and no projection: section I
    # said "17 chỉ tiêu … được đánh giá theo dự báo" for the 16 judged on a projection's chance; both are counted
    verdicts = [Verdict("off_track", "", "", True, None, None), Verdict("too_little_data", "", "", True, None, None),
                Verdict("on_track", "", "", False, None, None)]
    text = summary_sentences(verdicts, 21, 19, "huyện Cầu Ngang", 2024, 2025, "final")
    assert "2 chỉ tiêu chưa có số liệu năm 2025; trong đó 1 chỉ tiêu được đánh giá theo dự báo." in text
    (summary,) = [p.text for p in vi.paragraphs if p.text.startswith("Báo cáo theo dõi")]
    assert ("17 chỉ tiêu chưa có số liệu năm 2025; trong đó 16 chỉ tiêu được đánh giá theo dự báo."
            in summary.replace("\u00a0", " "))


def test_a_review_of_an_earlier_year_names_the_deadline_year_it_awaits():
    # a review of 2024 written after 2025 ended said "chưa có số liệu năm 2024", with figures to 2024 in
    verdicts = [Verdict("off_track", "", "", True, None, None), Verdict("on_track", "", "", False, None, None)]
    text = summary_sentences(verdicts, 21, 19, "huyện Cầu Ngang", 2024, 2024, "annual", awaited_year=2025)
    assert "1 chỉ tiêu chưa có số liệu năm 2025, được đánh giá theo dự báo." in text
    assert "năm 2024, được đánh giá" not in text


def test_a_review_of_2025_says_the_district_ended_and_which_map_it_follows(vi):
    paragraphs = [p.text for p in vi.paragraphs]
    opening = next(i for i, text in enumerate(paragraphs) if text.startswith("Thực hiện Kế hoạch"))
    assert paragraphs[opening + 1].startswith("Từ ngày 01/7/2025, đơn vị hành chính cấp huyện kết thúc hoạt động")
    assert paragraphs[opening + 1].endswith("theo địa giới huyện Cầu Ngang và 15 xã, thị trấn trước ngày 01/7/2025.")


def test_the_end_of_period_counts_what_was_due_in_it_as_the_deck_does(vi):
    table = Workbench(areas=["848"]).table
    due = table[(table["area_code"] == "848") & (table["deadline"] <= 2025) & (table["verdict"] != "")]
    due = due.sort_values("deadline").drop_duplicates("target_id", keep="last")
    body = " ".join(p.text for p in vi.paragraphs)
    assert f"đánh giá {len(due)} chỉ tiêu định lượng" in body and len(due) == 19
    assert f"{int((due['verdict'] == 'likely_missed').sum())} chỉ tiêu ước không đạt" in body
    # T17 is due in 2030 and said apart, not counted among the 19
    assert "Ngoài ra, 1 chỉ tiêu có thời hạn đến năm 2030 (không tính ở trên) được đánh giá tại mục II." in body


def test_an_estimate_printed_at_the_target_says_it_is_right_at_it():
    # 19,98 % prints as 20,0 %: beside "từ 20 % trở lên" it read as met, next to a chance of 49 %
    at_bar = row(target_value=20.0, met_threshold=20.0, latest_value=19.6, projected_median=19.98,
                 projected_lo_80=19.8, projected_hi_80=20.2, probability=0.49, verdict="needs_acceleration")
    text = target_sentences(at_bar, 2025, "Tỷ lệ cán bộ người Khmer")
    # printed on its side of the target, as the summary sheet prints it (the two read 20,0 % and 19,99 %)
    assert "Dự báo năm 2025 khoảng 19,98 % (khoảng dự báo 80 %: 19,8–20,2 %)." in text
    assert "sát mức chỉ tiêu" not in target_sentences(row(), 2025, "Tỷ lệ người Khmer tham gia bảo hiểm y tế")
    # one that meets it and prints at it is close to the line beside a chance under one half …
    over = at_bar.copy()
    over["projected_median"] = 20.02
    assert "Dự báo năm 2025 khoảng 20,0 %, sát mức chỉ tiêu (khoảng dự báo 80 %" in target_sentences(over, 2025, "Tỷ lệ")
    # … and a level held and sure to stay is at the line, not close to it ("0 ấp, sát mức" read as a worry)
    held = over.copy()
    held["probability"], held["verdict"] = 0.97, "achieved"
    assert "Dự báo năm 2025 khoảng 20,0 % (khoảng dự báo 80 %" in target_sentences(held, 2025, "Tỷ lệ cán bộ")
    # a whole count is printed whole: "khoảng 0 ấp, sát mức chỉ tiêu" beside 73 % read oddly (xã Cầu Ngang T03)
    hamlets = row(kind="at_most", unit="hamlets", target_value=0.0, met_threshold=0.0, latest_value=0.0, base_value=1.0,
                  needed_points_per_year=0.0, projected_median=0.2, projected_lo_80=0.0, projected_hi_80=1.0,
                  probability=0.73, verdict="likely_met")
    assert "Dự báo năm 2025 khoảng 0 ấp (khoảng dự báo 80 %: 0–1 ấp)." in target_sentences(hamlets, 2025, "Số ấp")
    hamlets["probability"], hamlets["verdict"] = 0.4, "in_doubt"
    assert "Dự báo năm 2025 khoảng 0 ấp, sát mức chỉ tiêu" in target_sentences(hamlets, 2025, "Số ấp")


def test_a_general_aim_without_a_year_says_how_it_is_read(vi):
    # T20 is a general aim of II.1: "đến năm 2025" alone presented it as a dated target
    (t20,) = [t for t in all_text(vi) if t.startswith("Số xã đặc biệt khó khăn") or "0 xã)" in t][:1]
    assert ("Mục tiêu chung của Kế hoạch (không ghi năm; báo cáo này xét ở năm 2025, cuối giai đoạn): không còn "
            "(0 xã).") in t20
    # "Chỉ tiêu Kế hoạch đến năm 2025: …" beside "không ghi năm" said the plan both set the year and did not
    assert "Chỉ tiêu Kế hoạch đến năm 2025" not in t20 and "không ghi năm: đánh giá" not in t20
    # 2025 has ended and its figure is awaited: what it needed in all, not "từ năm 2024 đến năm 2025 … xã/năm"
    assert "Để đạt chỉ tiêu, năm 2025 cần giảm 8 xã so với năm 2023 (bình quân giảm 4 xã/năm)." in t20
    # and the appendix's plan cell, which read "0 xã (2025)" as for a dated target
    (cell,) = [row.cells[3].text for table in vi.tables for row in table.rows
               if len(row.cells) > 3 and row.cells[1].text == "T20"]
    assert cell == "0 xã (2025)\nkhông ghi năm, xét ở năm này"
    assert any("\"không ghi năm\": Kế hoạch nêu mục tiêu không kèm năm, báo cáo xét ở năm trong ngoặc" in t
               for t in all_text(vi))


def test_after_the_reform_requests_go_to_the_bodies_that_took_over_the_offices_tasks(vi):
    # the plan names the district's offices, which ended on 1/7/2025: "Đề nghị Công an huyện … gửi về Sở"
    # asked bodies that no longer exist
    requests = [t for t in all_text(vi) if t.startswith("Đề nghị ")]
    assert requests and all(t.startswith("Đề nghị cơ quan, đơn vị tiếp nhận nhiệm vụ của ") for t in requests)
    assert load_review_settings(as_of=dt.date(2026, 11, 30)).after_reform
    assert not load_review_settings(as_of=dt.date(2025, 3, 1)).after_reform


def test_the_illustrative_data_are_said_first_and_in_bold(vi):
    # at the end of section I's long paragraph, the warning was easy to miss
    texts = [p for p in vi.paragraphs if p.text]
    start = next(i for i, p in enumerate(texts) if p.text.startswith("I. "))
    warning = texts[start + 1]
    assert warning.text.startswith("Lưu ý: ") and "số liệu minh họa" in warning.text
    assert all(run.bold for run in warning.runs)
    # which ones, by the appendix's codes: "4 chỉ tiêu" here and "18" in the next year's review left a meeting asking
    named = re.match(r"Lưu ý: (\d+) chỉ tiêu \(([^)]*)\)", warning.text)
    codes = named.group(2).split(", ")
    assert int(named.group(1)) == len(codes) and all(re.fullmatch(r"[TM]\d+", code) for code in codes)
    assert "T20" not in codes and "M1" not in codes  # published figures (the province's decisions)
    assert texts[start + 2].text.startswith("Báo cáo theo dõi") and "Lưu ý" not in texts[start + 2].text


def test_the_signature_never_stands_alone_on_a_page(vi):
    # page 7 held only "Nơi nhận" and the signer: the closing paragraphs go with the block
    texts = [p.text for p in vi.paragraphs]
    closing = texts.index(next(t for t in texts if t.startswith("Trên đây là báo cáo")))
    assert vi.paragraphs[closing].paragraph_format.keep_with_next


def test_a_target_above_a_level_needs_more_than_the_gap_in_every_sentence(vi):
    # T08 "trên 80 %" from 46,8 %: the reason said "cần tăng hơn 33,2 điểm %", then "Để đạt chỉ tiêu, năm 2025 cần
    # tăng 33,2 điểm %" dropped the "hơn"
    text = "\n".join(p.text for p in vi.paragraphs).replace("\u00a0", " ")
    assert "tăng hơn 33,2 điểm %" in text
    assert "cần tăng 33,2 điểm %" not in text


def test_a_communes_review_is_issued_by_the_commune_and_asks_no_district_office(tmp_path):
    # a new commune's review came out headed by the province department, sent to "the communes of
    # the former district" and asking the district's offices for figures in a Phụ lục 3
    import builders

    (tmp_path / "so_lieu").mkdir()
    data = builders.data_with_new_communes(tmp_path / "so_lieu")
    document = Document(build(tmp_path / "out", "--data", str(data), "--map", "new", "--area", "29431",
                              "--date", "10/12/2025"))
    heading = document.tables[0]
    assert heading.cell(0, 0).paragraphs[0].text == "ỦY BAN NHÂN DÂN XÃ\xa0VINH\xa0KIM"  # one line for the name
    # a target judged for the whole area names it: "ở địa bàn khác" left the officer asking where to look
    elsewhere = [p.text for p in document.paragraphs if "(theo phạm vi của chỉ tiêu)" in p.text]
    assert elsewhere and all("Chỉ tiêu được đánh giá cho toàn địa bàn huyện Cầu Ngang cũ (theo phạm vi" in text
                             for text in elsewhere)
    assert heading.cell(1, 0).paragraphs[0].text.endswith("/BC-UBND")
    text = [p.text for p in document.paragraphs]
    assert any("Ủy ban nhân dân xã Vinh Kim báo cáo kết quả thực hiện" in t for t in text)
    recipients = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text.startswith("Nơi nhận"))
    sent_to = [p.text.lstrip("- ") for p in recipients.cell(0, 0).paragraphs]
    assert "UBND các xã thuộc địa bàn huyện Cầu Ngang cũ;" not in sent_to
    # a commune's report goes to its Party committee and People's Council as well as up to the province
    assert {"Đảng ủy xã (b/c);", "Thường trực HĐND xã (b/c);", "Sở Dân tộc và Tôn giáo tỉnh (b/c);"} <= set(sent_to)
    # T14 is held to the commune's own Khmer share, which the plan does not set: said wherever it shows
    t14 = next(r for r in appendix_table(document).rows if r.cells[1].text == "T14")
    assert t14.cells[3].text.endswith("\nmức so sánh của xã")
    listed = [t for t in all_text(document) if t.startswith("- Đảng viên người Khmer")]
    # with the commune's own figure beside it: a commune above the plan's 20 % read as short of it
    assert listed and all(re.search(r"\(năm 20\d\d: [\d,]+ %; mức so sánh của xã: ≥ ", t) for t in listed), listed
    # nor does it ask them to assess the qualitative targets: it writes its own assessment there
    qualitative = [t for t in text if "Chỉ tiêu định tính" in t]
    assert qualitative and all(t.endswith("không đánh giá bằng số liệu; đánh giá cụ thể: ……") for t in qualitative)
    appendices = [t for t in text if t.startswith("Phụ lục ")]
    assert appendices == ["Phụ lục 1", "Phụ lục 2"] and not any("đề nghị cơ quan" in t.lower() and "gửi kết quả" in t
                                                                 for t in text)
    # a commune's People's Committee cannot issue the district's review: it is refused, nothing written
    assert main(["review", "--year", "2025", "--data", str(data), "--out", str(tmp_path / "district"), "--no-pdf",
                 "--issuer", "commune"]) == 2
    assert not (tmp_path / "district").exists()
    # nor one of a former commune after it ended (Thuận Hòa, merged into xã Cầu Ngang on 1/7/2025)
    assert main(["review", "--year", "2025", "--out", str(tmp_path / "gone"), "--no-pdf", "--map", "old",
                 "--area", "29440", "--issuer", "commune", "--date", "10/12/2025"]) == 2
    assert not (tmp_path / "gone").exists()
    assert main(["review", "--year", "2025", "--out", str(tmp_path / "then"), "--no-pdf", "--map", "old",
                 "--area", "29440", "--issuer", "commune", "--date", "10/06/2025"]) == 0
    # a former commune written of by the province department: the department asks for the qualitative
    # assessment, it does not leave lines for itself to fill
    build(tmp_path / "so", "--map", "old", "--area", "29440", "--date", "10/12/2025")
    province = Document(tmp_path / "so" / "bao_cao_final_2025_29440.docx")
    assert province.tables[0].cell(0, 0).paragraphs[1].text == "SỞ DÂN TỘC VÀ TÔN GIÁO"
    assert all("; đề nghị " in p.text for p in province.paragraphs if "Chỉ tiêu định tính" in p.text)
    # the same commune written of before it existed (dated before 1/7/2025) stays the district office's
    earlier = load_review_settings(map_name="new", area_kind="commune", as_of=dt.date(2025, 3, 1))
    assert earlier.body == "PHÒNG DÂN TỘC"


def test_a_communes_own_threshold_printed_rounded_gets_no_false_precision(tmp_path):
    # xã Cầu Ngang's T14 threshold is its Khmer share, 33,535 % printed "≥ 33,5 %": making the latest
    # figure and the need add up to it printed them with three decimals ("18,273 %", "cần tăng 15,262 điểm %")
    text = all_text(Document(build(tmp_path, "--map", "new", "--area", "29416")))
    t14 = next(t for t in text if t.startswith("o) "))
    # the threshold is the 33,5 % it prints: the figure and the need add up to it as printed (18,3 + 15,2)
    assert "từ 33,5 % trở lên" in t14 and "năm 2024 đạt 18,3 %" in t14 and "Cần tăng 15,2 điểm %" in t14, t14
    assert not any(re.search(r"\d,\d{3}(?!\d)", t) for t in text)
    # its figure's caption names the benchmark it draws, not a target ("… và chỉ tiêu")
    captions = [t for t in text if t.startswith("Hình ") and "Đảng viên người Khmer" in t]
    assert captions and all(t.endswith("và mức so sánh của xã") for t in captions), captions


def test_a_communes_review_gives_its_own_figure_of_a_target_judged_for_the_whole_area():
    # an office that reported its new jobs found them in no line of its own review, only "assessed for
    # another area"
    from analysis.reports.review import _items

    observations = load_observations()
    jobs = observations[(observations["indicator"] == "new_jobs_khmer_workers") & (observations["area_code"] == "29434")
                        & (observations["year"] == 2024)]
    items = {item.target_id: item for item in _items(Workbench(areas=["29434"]), "29434", 2025, "vi")}
    assert items["T05"].row is None and items["T05"].own_figure == (
        f"Số liệu của địa bàn này năm 2024: {int(jobs['value'].iloc[0])} lao động (số liệu minh họa); chỉ tiêu được "
        "đánh giá cho toàn địa bàn từ số liệu của tất cả các xã.")
    assert items["T01"].own_figure == ""  # judged here: its paragraph says it all


def test_a_communes_own_figure_names_the_communes_the_whole_area_still_waits_for(tmp_path):
    # Vinh Kim's 185 new jobs of 2025 "judged for the whole area from the figures of all its communes": which
    # communes were missing, the review did not say
    import builders
    from analysis.reports.review import _items

    data = builders.data_with_new_communes(tmp_path)  # every figure of the 6 new communes, jobs included
    office = tmp_path / "new_communes_2025_2026.csv"
    kept = [line for line in office.read_text(encoding="utf-8").splitlines()
            if not line.startswith("new_jobs_khmer_workers,") or line.startswith("new_jobs_khmer_workers,29431,")
            or line.startswith("new_jobs_khmer_workers,29530,")]
    office.write_text("\n".join(kept) + "\n", encoding="utf-8")  # jobs of Vinh Kim and Ngũ Lạc only
    workbench = Workbench(load_observations(data), areas=["29431-2025"], map="new")
    items = {item.target_id: item for item in _items(workbench, "29431-2025", 2025, "vi")}
    assert items["T05"].own_figure == (
        "Số liệu của địa bàn này năm 2025: 205 lao động; chỉ tiêu được đánh giá cho toàn địa bàn khi có số liệu năm "
        "2025 của tất cả các xã (còn thiếu 4 xã: xã Cầu Ngang, xã Mỹ Long, xã Nhị Trường, xã Hiệp Mỹ).")
    (tmp_path / "all").mkdir()
    complete = Workbench(load_observations(builders.data_with_new_communes(tmp_path / "all")), areas=["29431-2025"],
                         map="new")
    jobs = next(item for item in _items(complete, "29431-2025", 2025, "vi") if item.target_id == "T05")
    assert jobs.own_figure.endswith("từ số liệu của tất cả các xã.")


def test_the_opening_names_the_province_that_issued_the_resolution(vi, en):
    # a review of the merged Vĩnh Long said "Nghị quyết 06-NQ/TU … của Tỉnh ủy", which then reads as Vĩnh Long's
    opening = next(p.text for p in vi.paragraphs if p.text.startswith("Thực hiện Kế hoạch số 20/KH-UBND"))
    assert "của Ủy ban nhân dân huyện Cầu Ngang, tỉnh Trà Vinh về" in opening
    assert "Nghị quyết 06-NQ/TU ngày 08/10/2021 của Tỉnh ủy Trà Vinh về" in opening
    english = next(p.text for p in en.paragraphs if p.text.startswith("Under Plan No. 20/KH-UBND"))
    assert "of the Trà Vinh Provincial Party Committee" in english


def test_the_appendix_note_explains_the_estimate_mark_only_where_one_is_shown():
    # "(≈: số ước tính)" stood under the district's table, where no figure carries "≈"
    from analysis.reports.review import _table_note

    row = pd.Series({"origin": "plan", "verdict": "on_track", "approximate": False, "latest_met": False,
                     "latest_year": 2024, "deadline": 2030, "probability": 0.7})
    assert "≈" not in _table_note([row], "vi") and "≈" not in _table_note([row], "en")
    estimated = row.copy()
    estimated["approximate"] = True
    assert "Thực hiện: số liệu mới nhất và năm của số liệu (≈: số ước tính)." in _table_note([row, estimated], "vi")
    assert "Result: the latest figure and its year (≈: an estimate)." in _table_note([estimated], "en")


def test_a_communes_benchmark_is_counted_apart_from_the_plans_targets():
    # Vinh Kim's review counted "9 chỉ tiêu ước không đạt" with T14, where the commune's 27,5 % is above the plan's
    # 20 % and short only of the workbench's benchmark (its own Khmer share)
    from analysis.reports.review_text import summary_sentences

    benchmark = ("Mức so sánh của xã: 46,9 %, bằng tỷ lệ người Khmer trong dân số năm 2019 (Kế hoạch chỉ đặt chỉ "
                 "tiêu cho toàn huyện). Chờ số liệu năm 2025. Cần tăng 19,4 điểm % so với năm 2024; khả năng đạt < 1 %.")
    verdicts = [Verdict("likely_met", "Chờ số liệu năm 2025.", "", True, None, None),
                Verdict("likely_missed", "Chờ số liệu năm 2025.", "", True, None, None),
                Verdict("likely_missed", benchmark, "", True, None, None, benchmark=True)]
    text = summary_sentences(verdicts, 21, 19, "xã Vinh Kim", 2024, 2025, "final")
    assert "đánh giá 2 chỉ tiêu định lượng tại xã Vinh Kim (theo số liệu đến năm 2024): 1 chỉ tiêu ước đạt; 1 chỉ " \
           "tiêu ước không đạt. Ngoài ra, so với mức so sánh của xã (Kế hoạch chỉ đặt cho toàn huyện; không tính ở " \
           "trên): 1 chỉ tiêu ước không đạt." in text
    # all three await 2025: "2 chỉ tiêu chưa có số liệu năm 2025" after 2 targets and 1 benchmark read as if one had it
    assert text.endswith("3 chỉ tiêu chưa có số liệu năm 2025, được đánh giá theo dự báo.")
    english = summary_sentences(verdicts[2:], 21, 19, "Vinh Kim commune", 2024, 2025, "final", lang="en")
    assert english.endswith("1 target has no 2025 figure yet and is judged on the projection.")


def test_review_says_which_communes_a_commune_file_still_waits_for(tmp_path, capsys):
    # `review` printed only "Đã ghi": an office that sent Vinh Kim's file saw no sign of it in the district's review
    office = tmp_path / "data" / "xa_vinh_kim_2025.csv"
    office.parent.mkdir()
    office.write_text("indicator,area_code,group,year,standard,value,source\n"
                      'poverty_rate_households,29431-2025,khmer,2025,2022-2025,"2,13",UBND xã Vinh Kim\n',
                      encoding="utf-8")
    build(tmp_path / "out", "--data", str(paths.OBSERVATIONS_DIR), str(office), "--area", "Vinh Kim", "--map", "new")
    err = capsys.readouterr().err
    assert "Cảnh báo (1; không phải lỗi, số liệu vẫn được đọc)" in err and "mới có số liệu của 1/6 xã mới" in err


def test_a_count_brought_to_zero_says_none_is_left():
    # "Số ấp đặc biệt khó khăn năm 2024 còn 0 ấp" read as a count still to bring down
    none_left = row(kind="count_to_zero", unit="hamlets", latest_value=0.0, base_value=1.0, target_value=0.0,
                    met_threshold=0.0, verdict="likely_met", probability=0.99, projected_median=0.0,
                    projected_lo_80=0.0, projected_hi_80=0.0, needed_points_per_year=0.0)
    text = target_sentences(none_left, 2025, "Số ấp đặc biệt khó khăn")
    assert text.startswith("Số ấp đặc biệt khó khăn năm 2024: không còn (số liệu minh họa), giảm 1 ấp so với năm 2021")
    assert "còn 0 ấp" not in text
    assert "Dự báo năm 2025 vẫn không còn (khoảng dự báo 80 %: 0 ấp)." in text  # not "khoảng 0 ấp"
    english = target_sentences(none_left, 2025, "Especially difficult hamlets", "en")
    assert english.startswith("Especially difficult hamlets: none left in 2024 (illustrative figure)")
    some_left = target_sentences(none_left.replace({0.0: 2.0}), 2025, "Số ấp đặc biệt khó khăn")
    assert "năm 2024 còn 2 ấp" in some_left


def test_the_appendix_note_says_a_yearly_target_is_judged_on_the_year_due():
    # "Chỉ tiêu giao hằng năm được đánh giá theo từng năm" beside jobs "Đã đạt" with 2021 short of 1.000
    from analysis.reports.review import _table_note

    jobs = pd.Series({"origin": "plan", "verdict": "achieved", "kind": "yearly_flow", "approximate": False,
                      "latest_year": 2025, "deadline": 2025})
    note = _table_note([jobs], "vi", needed=["–"], chances=["–"])
    assert "Chỉ tiêu giao hằng năm: đánh giá theo số liệu của năm phải đạt" in note
    assert "được đánh giá theo từng năm" not in note
    level = _table_note([jobs.replace({"yearly_flow": "at_least"})], "vi", needed=["–"], chances=["–"])
    assert "giao hằng năm" not in level


def test_the_appendix_note_explains_only_what_its_table_shows():
    # a commune's table of one label ("Ước không đạt") under a note defining eight, with "−1 ấp/3 năm" and
    # "−8 xã so với năm 2023" as examples of cells it did not have
    from analysis.reports.review import _table_note

    missed = pd.Series({"origin": "plan", "verdict": "likely_missed", "kind": "at_least", "approximate": False})
    note = _table_note([missed], "vi", needed=["+19,5 điểm %"], chances=["< 1 %"])
    assert "ước không đạt (dưới 20 %)" in note and "Đánh giá: theo khả năng" not in note
    assert not any(word in note for word in ("đúng tiến độ", "ước đạt (", "−1 ấp/3 năm", "so với năm 2023", "“–”"))
    on_track = missed.copy()
    on_track["verdict"] = "on_track"
    both = _table_note([missed, on_track], "vi", needed=["−1 ấp/3 năm", "–"], chances=["–", "62 %"])
    assert "so với mức cần: đúng tiến độ (khả năng từ 50 % trở lên và tốc độ gần đây bằng từ 95 % mức cần" in both
    assert "(“−1 ấp/3 năm”)" in both and "; “–”: đã có kết quả năm phải đạt" in both
    assert "; “–”: đã có số liệu của năm phải đạt, hoặc chưa đủ số liệu để dự báo." in both
    english = _table_note([missed, on_track], "en", needed=["−1 hamlet in 3 yrs"], chances=["62 %"])
    assert "on track (chance 50 % or more" in english and "(“−1 hamlet in 3 yrs”)" in english
    # on track with no pace yet (one figure since the count changed) is said only where a row is so
    paced = pd.concat([on_track, pd.Series({"observed_points_per_year_recent": 0.4})])
    assert "hoặc chưa tính được tốc độ và khả năng từ 50 % trở lên)" in both
    assert "chưa tính được tốc độ" not in _table_note([missed, paced], "vi", needed=["–"], chances=["62 %"])


def test_a_communes_2030_benchmark_is_said_to_be_assumed_as_a_benchmark():
    # "Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện … Giả định: kế hoạch chỉ đặt mục tiêu đến 2025" said the plan set
    # the commune a level after saying it did not
    carried = row(deadline=2030, origin="assumption", benchmark=True, verdict="off_track", awaiting_figure=False,
                  assumption_vi="Giả định: kế hoạch chỉ đặt mục tiêu đến 2025; giữ nguyên mức này đến 2030.",
                  assumption_en="Assumption: the plan sets this target for 2025 only; the same value is carried "
                                "to 2030.")
    text = target_sentences(carried, 2026, "Tỷ lệ đảng viên người Khmer")
    assert "Giả định: mức so sánh năm 2030 giữ như năm 2025." in text and "kế hoạch chỉ đặt mục tiêu" not in text
    assert "Assumption: the 2030 benchmark stays as in 2025." in target_sentences(carried, 2026, "The share", "en")
    plan = carried.copy()
    plan["benchmark"] = False
    assert "Giả định: kế hoạch chỉ đặt mục tiêu đến 2025" in target_sentences(plan, 2026, "Tỷ lệ đảng viên người Khmer")


def test_the_appendix_note_says_a_met_figure_is_judged_as_awaited_only_beside_one():
    # "kể cả khi số liệu mới nhất đã đạt: ước không đạt (dưới 20 %)" under a commune's table where no latest
    # figure met its target read "met, so not met"; and "dòng dưới … là mức được tính là đạt" misnamed T14's
    # "mức so sánh của xã" line
    from analysis.reports.review import _table_note

    missed = pd.Series({"origin": "plan", "verdict": "likely_missed", "kind": "at_least", "approximate": False,
                        "latest_met": False, "latest_year": 2024, "deadline": 2025, "benchmark": False})
    note = _table_note([missed], "vi")
    assert "đánh giá theo dự báo của năm đó: ước không đạt (dưới 20 %)" in note and "kể cả khi" not in note
    assert "dòng dưới (nếu có) là mức được tính là đạt. Thực hiện" in note
    held = missed.copy()
    held["latest_met"] = True
    assert ("đánh giá theo dự báo của năm đó, kể cả khi số liệu mới nhất đã đạt (khả năng giữ được mức đó): ước "
            "không đạt") in _table_note([missed, held], "vi")
    assert "projection, also where the latest figure already meets it (then: the chance of holding it): likely missed" \
        in _table_note([held], "en")
    benchmark = missed.copy()
    benchmark["benchmark"] = True
    assert "dòng dưới (nếu có) là mức được tính là đạt, hoặc cho biết mức trên là mức so sánh của xã." \
        in _table_note([benchmark], "vi")


def test_the_appendix_note_says_a_deadline_missed_rests_on_its_years_figure_not_on_a_chance():
    # "Đánh giá: theo khả năng đạt … và tốc độ … so với mức cần: không đạt (số liệu năm phải đạt chưa đạt)"
    from analysis.reports.review import _table_note

    missed = pd.Series({"origin": "plan", "verdict": "deadline_missed", "kind": "at_least", "approximate": False,
                        "latest_met": False, "latest_year": 2025, "deadline": 2025, "benchmark": False})
    note = _table_note([missed], "vi")
    assert "Đánh giá: theo khả năng" not in note and " “Không đạt”: số liệu của năm phải đạt chưa đạt chỉ tiêu." in note
    on_track = missed.copy()
    on_track["verdict"], on_track["deadline"] = "on_track", 2030
    both = _table_note([missed, on_track], "en")
    assert "against the pace needed: on track (chance 50 % or more" in both and "not met" not in both.split("“Not met”")[0]


def test_a_district_review_without_district_figures_points_to_the_communes_that_have_some(tmp_path, capsys):
    # an office with its own commune's file asked for the review and was told only "địa bàn 848 chưa có số liệu"
    data = tmp_path / "hiep_my.csv"
    data.write_text("indicator,area_code,group,year,standard,value,source\n"
                    "health_insurance_coverage,29455,khmer,2025,,93.4,UBND xã Hiệp Mỹ\n"
                    "health_insurance_coverage,29455,khmer,2026,,94.8,UBND xã Hiệp Mỹ\n", encoding="utf-8")
    assert main(["review", "--year", "2026", "--data", str(data), "--map", "new", "--out", str(tmp_path / "out"),
                 "--no-pdf"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert ("địa bàn huyện Cầu Ngang cũ (848) chưa có số liệu nào để báo cáo: số của toàn địa bàn cần số liệu của tất "
            "cả các xã trong cùng năm. Cách sửa: báo cáo riêng của xã có số liệu: --area 29455 (xã Hiệp Mỹ);") in err
    assert "a commune's own review where its figures are: --area 29455 (Hiệp Mỹ commune);" in err
    assert not (tmp_path / "out").exists()


def test_the_summary_counts_the_2022_milestones_as_milestones(vi, en):
    # "2 chỉ tiêu đã đạt" in section I were M1 and M2, the 2022 milestones: read as two 2025 targets met (the
    # deck's slide said "(tính cả 2 mốc năm 2022)", the report did not)
    (summary,) = [t for t in all_text(vi) if t.startswith("Báo cáo theo dõi")]
    assert "2 chỉ tiêu đã đạt (tính cả 2 mốc năm 2022)" in summary
    (summary_en,) = [t for t in all_text(en) if t.startswith("The review follows")]
    assert "(including 2 milestones of 2022)" in summary_en


def test_a_share_of_a_few_communes_says_its_rule_as_a_count(vi):
    # "(báo cáo này tính là đạt khi từ 96,2 % trở lên). Tỷ lệ của 13 xã chỉ nhận các mức k/13 …" beside the plan's
    # 100 % read as the report changing the target, in words no official uses; the 2025 figure counts 6 new communes
    (t04,) = [t for t in all_text(vi) if t.startswith("d) 100 % xã vùng đồng bào Khmer đạt chuẩn nông thôn mới")][:1]
    assert "Chỉ tiêu Kế hoạch đến năm 2025: 100 % (báo cáo này tính là đạt khi đủ 6/6 xã). Đánh giá: Ước đạt." in t04
    assert "k/13" not in t04 and "96,2" not in t04
    (row,) = [r for r in appendix_table(vi).rows if r.cells[1].text == "T04"]
    assert row.cells[3].text == "100\u00a0% (2025)\nđạt khi đủ 6/6 xã"


def test_a_level_the_plan_does_not_set_is_called_assumed_not_the_plans_target():
    # "Chỉ tiêu Kế hoạch đến năm 2030: từ 95 % trở lên. Giả định: kế hoạch chỉ đặt mục tiêu đến 2025…" said the plan
    # set a 2030 level, then took it back
    assumed = row(deadline=2030, origin="assumption", awaiting_figure=False,
                  assumption_vi="Giả định: kế hoạch chỉ đặt mục tiêu đến 2025; giữ nguyên mức này đến 2030.")
    text = target_sentences(assumed, 2026, "Tỷ lệ người Khmer tham gia bảo hiểm y tế")
    assert "Mức giả định đến năm 2030: từ 95 % trở lên. Giả định: kế hoạch chỉ đặt mục tiêu đến 2025" in text
    assert "Chỉ tiêu Kế hoạch đến năm 2030" not in text
    assert "Chỉ tiêu Kế hoạch đến năm 2025: từ 95 % trở lên." in target_sentences(row(), 2025, "Tỷ lệ")
    assert plan_cell(assumed).endswith("(2030)\nmức giả định") and "giả định" not in plan_cell(row())


def test_a_review_after_a_deadline_says_what_that_deadline_came_to(tmp_path, vi):
    # the 2026 review judged every target at 2030 ("Đánh giá: Đúng tiến độ") and never said the plan's 2025 level was
    # missed, which the end-of-period review and the dashboard's 2025 column say
    assert main(["review", "--year", "2026", "--kind", "annual", "--out", str(tmp_path), "--no-pdf"]) == 0
    texts = [p.text for p in Document(str(tmp_path / review_file_name("annual", 2026))).paragraphs]
    (count,) = [t for t in texts if t.startswith("Kết quả các chỉ tiêu năm 2025")]
    table = assess()
    # counted as the dashboard's 2025 column: the 2022 milestones among them, said as such
    district = table[(table["area_code"] == "848") & (table["deadline"] <= 2025) & (table["verdict"] != "")]
    milestones = {}
    for _, row in district[district["deadline"] < 2025].iterrows():
        milestones.setdefault(row["verdict"], []).append(2022)
    pieces = verdict_tally([verdict_of(row) for _, row in district.iterrows()], "vi", milestones)
    assert count == "Kết quả các chỉ tiêu năm 2025 (đã qua hạn): " + "; ".join(pieces) + "."
    assert "2 chỉ tiêu đã đạt (tính cả 2 mốc năm 2022)" in count
    (insurance,) = [t for t in texts if t.startswith("b) Tỷ lệ người Khmer tham gia bảo hiểm y tế")]
    t02 = district[district["target_id"] == "T02"].iloc[0]
    assert insurance.endswith(f" Kết quả chỉ tiêu năm 2025: {verdict_of(t02).words()}.")
    assert "Đánh giá: " in insurance.split("Kết quả chỉ tiêu năm 2025")[0]  # after the 2030 verdict
    # the end-of-period review judges 2025 itself: nothing said twice
    assert not any("Kết quả chỉ tiêu năm 2025" in t or "Kết quả các chỉ tiêu" in t for t in all_text(vi))
