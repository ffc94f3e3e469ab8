"""Charts as a planner presents them: nothing overlaps, nothing runs off the page or sits on
the data, nothing is cut, numbers are written the reader's way, titles keep no word alone, a
panel's verdict stays above its plot, legends list what is drawn; and the deck and index page
built around them.

The checks themselves are in ``layout_checks`` (and checked here on figures made to fail them).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from pptx import Presentation
from pptx.util import Inches

import builders
import layout_checks as checks
from analysis import Workbench
from analysis.reports.charts import balanced_wrap, fit_lines, source_parts, text_width
from analysis.reports.index_page import index_html
from analysis.reports.slides import PICTURE_TOP, SlideContent, write_deck
from analysis.reports.style import A4_LANDSCAPE, SLIDE, new_figure, render

DISTRICT = "848"
MARGIN = 3
"""Pixels (at 100 dpi, 0,75 mm) every text keeps from the figure's edges."""


@pytest.fixture(scope="module")
def old_map() -> Workbench:
    """The shipped data: the district and its 15 communes and towns."""
    return Workbench()


@pytest.fixture(scope="module")
def new_map(tmp_path_factory) -> Workbench:
    """The shipped data and figures of the six new communes for 2025 and 2026."""
    return Workbench(builders.data_with_new_communes(tmp_path_factory.mktemp("new_map")))


@pytest.fixture(scope="module")
def english() -> Workbench:
    return Workbench(lang="en", areas=[DISTRICT, "29434"])


def _figure(workbench: Workbench, kind: str, *args) -> Figure:
    if kind == "fan":
        return workbench.fan_chart(*args)
    if kind == "communes":
        return workbench.small_multiples(*args)
    return workbench.dashboard(size=SLIDE if args == ("slide",) else A4_LANDSCAPE)


def _layout_problems(figure: Figure, lang: str) -> list[str]:
    renderer = checks.prepare(figure)
    return (checks.outside_figure(figure, renderer, margin=MARGIN) + checks.overlapping_texts(figure, renderer)
            + checks.texts_on_data(figure, renderer) + checks.cut_texts(figure) + checks.lone_last_words(figure)
            + checks.badges_inside_plots(figure, renderer) + checks.texts_outside_cells(figure, renderer)
            + checks.number_format_problems(figure, lang))


# each figure was wrong before: a label across the reform line (T01), a title off the page
# (T17, English T15), "≈" on the projection, a target or the subtitle (new map), a legend line
# for a reform the chart does not reach (M1)
CASES = [
    ("old_map", "fan", "T01", DISTRICT),
    ("old_map", "fan", "T17", DISTRICT),
    ("old_map", "fan", "M1", DISTRICT),
    ("old_map", "communes", "T14"),
    ("old_map", "dashboard", "slide"),
    ("new_map", "fan", "T14", DISTRICT),
    ("new_map", "fan", "T15", "29530-2025"),
    ("new_map", "communes", "T01"),
    ("english", "fan", "T15", DISTRICT),
    ("english", "dashboard", "a4"),
]


@pytest.mark.parametrize("case", CASES, ids=["-".join(case) for case in CASES])
def test_no_text_overlaps_runs_off_the_page_sits_on_the_data_is_cut_or_writes_numbers_the_other_way(case, request):
    workbench = request.getfixturevalue(case[0])
    figure = _figure(workbench, *case[1:])
    assert _layout_problems(figure, workbench.lang) == []


def test_the_checks_find_what_they_look_for():
    figure = new_figure(SLIDE)
    figure.suptitle("Một tiêu đề dài\n2025", x=0.01, ha="left")
    ax = figure.add_subplot()
    ax.plot([2020, 2024], [1.0, 2.0], "o-", label="dữ liệu")
    ax.set_xlim(2019, 2025)
    ax.set_ylim(0, 3)
    ax.text(2022, 1.5, "trên đường", ha="center", va="center")  # on the line
    ax.text(0.5, 0.9, "chữ A", transform=ax.transAxes)
    ax.text(0.5, 0.9, "chữ B", transform=ax.transAxes)  # on chữ A
    figure.text(0.99, 0.5, "ra ngoài trang")  # off the right edge
    figure.text(0.01, 0.01, "Nguồn: một nguồn rất dài…")
    ax.text(0.5, 0.5, "Có chuyển biến", transform=ax.transAxes, bbox={"facecolor": "yellow"})  # badge in the plot
    ax.set_yticks([0.5, 1.5], ["0.5", "1.5"])
    renderer = checks.prepare(figure)
    assert checks.outside_figure(figure, renderer) == [f"{'ra ngoài trang'!r} runs off the figure: "
                                                       + checks.outside_figure(figure, renderer)[0].split(": ", 1)[1]]
    assert "'chữ A' overlaps 'chữ B'" in checks.overlapping_texts(figure, renderer)
    assert any(p.startswith("'trên đường' sits on the data line") for p in checks.texts_on_data(figure, renderer))
    assert checks.cut_texts(figure) == ["'Nguồn: một nguồn rất dài…' is cut"]
    assert checks.lone_last_words(figure) == ["'Một tiêu đề dài\\n2025' leaves '2025' alone on its last line"]
    assert checks.badges_inside_plots(figure, renderer) == ["badge 'Có chuyển biến' sits inside its plot"]
    assert checks.number_format_problems(figure, "vi") == ["'0.5' writes '0.5'", "'1.5' writes '1.5'"]


def test_a_panels_verdict_badge_sits_above_its_plot_on_every_panel(old_map):
    figure = old_map.small_multiples("T06")
    renderer = checks.prepare(figure)
    panels = [ax for ax in figure.axes if ax.get_visible()]
    assert len(panels) == 16  # the district and its 15 communes and towns
    for ax in panels:
        (badge,) = checks.badges(ax)
        box = checks.extent(badge, renderer)
        assert box.y0 >= ax.bbox.y1 and box.x1 <= ax.bbox.x1 + 0.5, badge.get_text()
    assert checks.badges_inside_plots(figure, renderer) == []
    assert checks.overlapping_texts(figure, renderer) == []


def test_observed_points_are_drawn_over_targets_and_never_clipped(old_map):
    # M1: the district met the new-rural standard in 2022; its point sat hidden under the target
    figure = old_map.fan_chart("M1", DISTRICT)
    ax = figure.axes[0]
    observed = [line for line in ax.lines if line.get_label() == "Số liệu thực tế"]
    targets = [line for line in ax.lines if line.get_label().startswith("Mục tiêu")]
    assert observed and targets
    assert min(line.get_zorder() for line in observed) > max(line.get_zorder() for line in targets)
    assert not any(line.get_clip_on() for line in observed + targets)
    # the 2025 reform is after the chart's last year: no line and no legend entry for it
    assert not any("1/7/2025" in text.get_text() for text in ax.get_legend().get_texts())


def test_a_target_already_met_gets_no_path_down_to_it_but_says_hold_the_level(old_map):
    # T12 (≥ 90 % every year) is at 100 %: a dashed line from 100 down to 90 read as "may fall"
    figure = old_map.fan_chart("T12", DISTRICT)
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert not any(text.startswith("Lộ trình cần đạt") for text in labels)
    assert any(text.startswith("Mục tiêu 2025: ≥ 90 %") and "giữ mức hiện nay" in text for text in labels)
    # a target still ahead keeps its path and the yearly rate needed beside it
    figure = old_map.fan_chart("T14", DISTRICT)
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert "Lộ trình cần đạt (2030): tăng 0,3 điểm %/năm" in labels


def test_a_legend_of_communes_lists_what_the_panels_draw(new_map, old_map):
    # on the new map every deadline of T01 has passed: no path is drawn, so none is listed;
    # the reform line is drawn in each panel, so it is named
    texts = [text.get_text() for text in new_map.small_multiples("T01").legends[0].get_texts()]
    assert not any(text.startswith("Lộ trình") for text in texts)
    assert "1/7/2025: sắp xếp đơn vị hành chính" in texts and "Số liệu ước tính" in texts
    texts = [text.get_text() for text in old_map.small_multiples("T14").legends[0].get_texts()]
    assert "Lộ trình cần đạt" in texts and "Số liệu thực tế" not in texts  # no real point on any panel


def _tick_labels(figure: Figure) -> list[str]:
    return [text.get_text() for ax in figure.axes for axis in (ax.xaxis, ax.yaxis)
            for text in axis.get_ticklabels() if text.get_text()]


def test_vietnamese_tick_labels_and_chart_text_write_numbers_the_vietnamese_way(old_map):
    figure = old_map.fan_chart("T05", DISTRICT)  # new jobs: 1.000 … 2.250
    checks.prepare(figure)
    ticks = _tick_labels(figure)
    assert "1.000" in ticks and "2.250" in ticks
    figure = old_map.fan_chart("T06", DISTRICT)  # primary attendance: 96 … 100, with 99,5 % in the legend
    checks.prepare(figure)
    assert checks.number_format_problems(figure, "vi") == []  # the projection's method under it included
    assert any("99,5 %" in text.get_text() for text in figure.legends + figure.axes[0].get_legend().get_texts()
               if hasattr(text, "get_text"))


def test_english_charts_give_sources_in_english_and_numbers_the_english_way(english):
    for figure in (english.fan_chart("T01", DISTRICT), english.small_multiples("T06")):
        checks.prepare(figure)
        footer = "\n".join(text.get_text() for text in figure.texts)
        assert "Source: sum of 15 communes" in footer
        assert "tổng hợp" not in footer and "Số liệu minh họa" not in footer and "không phải" not in footer
        assert checks.number_format_problems(figure, "en") == []
    assert source_parts("a / b | Kinh tế & Đô thị: (QĐ 624) (3/13 xã / communes)", "en") == [
        "a / b", "Kinh tế & Đô thị: (QĐ 624) (3/13 communes)"]


def test_the_dashboard_verdict_is_its_largest_cell_text_and_stays_in_its_cell(old_map):
    figure = old_map.dashboard()
    renderer = checks.prepare(figure)
    ax = figure.axes[0]
    cells = [text for text in ax.texts if text.get_position()[1] > 1]  # below the headers
    verdicts = [text for text in cells if text.get_fontweight() == "bold"]
    others = [text for text in cells if text.get_fontweight() != "bold"]
    assert {"Đúng tiến độ†", "Xa dần mục tiêu†"} <= {text.get_text() for text in verdicts}
    assert min(text.get_fontsize() for text in verdicts) > max(text.get_fontsize() for text in others)
    assert checks.texts_outside_cells(figure, renderer) == []
    assert not any(text.get_text().startswith("+0,0") for text in cells)


def _greedy_count(text: str, width: float) -> int:
    """Lines of a plain greedy wrap, "%" kept with the word before it."""
    lines: list[str] = []
    for word in text.replace(" %", "\u00a0%").split(" "):
        if lines and text_width(f"{lines[-1]} {word}", 8.5) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return len(lines)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Cầu", "Ngang", "Khmer", "điểm\u00a0%", "2025", "—", "hộ", "nghèo", "tỷ", "lệ",
                                 "Vĩnh", "(NQ 1687/NQ-UBTVQH15)", "3,0", "đạt"]), min_size=1, max_size=30),
       st.floats(min_value=60, max_value=400))
def test_fit_lines_keeps_every_word_in_order_within_the_width_in_the_fewest_lines(words, width):
    text = " ".join(words).replace("\u00a0", " ")
    lines = fit_lines(text, width, 8.5)
    assert " ".join(lines).split() == text.split()  # nothing cut, nothing moved
    for line in lines:
        single = len(line.split()) == 1 or line.split() == ["điểm", "%"]
        assert single or text_width(line, 8.5) <= width + 1e-6, line
        assert not line.startswith("%")  # "%" stays with its number
    assert len(lines) == _greedy_count(text, width)  # balancing never costs a line


def test_titles_keep_no_word_alone():
    assert fit_lines("Đảng viên người Khmer chiếm từ 20 % trở lên tổng số đảng viên toàn huyện — theo xã — "
                     "đánh giá năm 2025", 700, 16, "bold")[-1].split()[-2:] == ["năm", "2025"]
    assert balanced_wrap("Phát triển toàn diện vùng đồng bào dân tộc Khmer — huyện Cầu Ngang, tỉnh Trà Vinh",
                         60).split("\n")[-1].split()[-2:] == ["Trà", "Vinh"]


def test_the_deck_keeps_its_charts_off_the_slide_edge_and_its_line_on_the_slide(tmp_path):
    picture = tmp_path / "chart.png"
    picture.write_bytes(render(new_figure(SLIDE), "png"))
    path = write_deck(tmp_path / "deck.pptx", [SlideContent(picture, "2025 — Đúng tiến độ\n2030 — Đã đạt", "vì sao")])
    deck = Presentation(str(path))
    slide = list(deck.slides)[1]
    (image,) = [shape for shape in slide.shapes if shape.shape_type == 13]
    (caption,) = [shape for shape in slide.shapes if shape.has_text_frame]
    assert image.top == Inches(PICTURE_TOP)
    assert caption.top >= image.top + image.height and caption.top + caption.height <= deck.slide_height


def test_the_index_says_which_charts_have_a_pdf(old_map):
    # commune charts come as PNG and SVG only: the Vietnamese line said every chart had a PDF
    table = old_map.table[old_map.table["area_code"].isin([DISTRICT, "29434"])]
    files = {"dashboard": "dashboard", "slides": "slides.pptx", "summary_csv": "summary.csv",
             "summary_xlsx": "summary.xlsx", "multiples": {},
             "fans": {("T01", DISTRICT): ("charts/fan/T01_848", ("png", "svg", "pdf")),
                      ("T01", "29434"): ("charts/fan/T01_29434", ("png", "svg"))}}
    page = index_html(table, files, "vi")
    assert "Mỗi biểu đồ có PNG (trình chiếu), SVG và PDF (in ấn) khi có trong danh sách." in page
    assert "charts/fan/T01_848.pdf" in page and "charts/fan/T01_29434.pdf" not in page


def test_a_what_if_path_is_drawn_whole_and_unlike_the_reform_line(old_map):
    # a scenario of +2,5 points a year ran off the top of the plot, in the reform line's purple
    _, figure = old_map.what_if("T07", DISTRICT, change_per_year=2.5)
    ax = figure.axes[0]
    (scenario,) = [line for line in ax.lines if line.get_label() == "Kịch bản"]
    (reform,) = [line for line in ax.lines if line.get_label().startswith("1/7/2025")]
    assert max(scenario.get_ydata()) == 100 and ax.get_ylim()[1] >= 100
    assert scenario.get_color() != reform.get_color()
