"""Charts as a planner presents them: nothing overlaps, nothing runs off the page or sits on
the data, nothing is cut, numbers are written the reader's way, titles keep no word alone, a
panel's verdict stays above its plot, legends list what is drawn; and the deck and index page
built around them.

The checks themselves are in ``layout_checks`` (and checked here on figures made to fail them).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from pptx import Presentation
from pptx.util import Inches

import builders
import layout_checks as checks
from analysis import Workbench
from analysis.assessment import NEEDS_ATTENTION, VERDICTS, status_label
from analysis.reports.row_words import source_parts, verdict_line
from analysis.reports.text_fit import _unbreakable, balanced_wrap, fit_lines, text_width
from analysis.reports.index_page import index_html
from analysis.reports.slides import (PICTURE_TOP, SlideContent, dashboard_slide, deck_targets, fan_slide, multiples_slide,
                                     write_deck)
from analysis.reports.style import A4_LANDSCAPE, SLIDE, new_figure, render
from analysis.text import label
from analysis.words import value_text

DISTRICT = "848"
MARGIN = 3
"""Pixels (at 100 dpi, 0,75 mm) every text keeps from the figure's edges."""


@pytest.fixture(scope="module")
def old_map() -> Workbench:
    """The shipped data: the district and its 15 communes and towns."""
    return Workbench()


@pytest.fixture(scope="module")
def shipped_new_map() -> Workbench:
    """The shipped data on the new map: the district and the six communes of 1/7/2025, their history rebuilt
    from the old units (the old ones, merged, have no 2030 rows)."""
    return Workbench(map="new")


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
    if kind == "board":
        return workbench.deadline_board(int(args[0]))
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
    ("old_map", "board", "2025"),
    ("old_map", "board", "2030"),
    ("english", "board", "2025"),
    ("new_map", "fan", "T14", DISTRICT),
    ("new_map", "fan", "T15", "29530-2025"),
    ("new_map", "communes", "T01"),
    ("new_map", "board", "2025"),  # 2025 figures widened the latest column: 19 rows ran into the footer
    ("shipped_new_map", "communes", "T14"),  # nine legend entries, two rows: its left end was cut off
    ("english", "fan", "T15", DISTRICT),
    ("english", "dashboard", "a4"),
]


@pytest.mark.parametrize("case", CASES, ids=["-".join(case) for case in CASES])
def test_no_text_overlaps_runs_off_the_page_sits_on_the_data_is_cut_or_writes_numbers_the_other_way(case, request):
    workbench = request.getfixturevalue(case[0])
    figure = _figure(workbench, *case[1:])
    assert _layout_problems(figure, workbench.lang) == []


def test_no_two_cells_of_the_english_dashboard_touch(new_map):
    # on the new map the English district row T01 read "down 3–4 pts/yr≈2.3 % (2025; down 0.9)": the latest
    # figure, wider than its column, ran into the goal beside it
    english = Workbench(new_map.observations, lang="en", map="new")
    figure = english.dashboard(size=A4_LANDSCAPE)
    renderer = checks.prepare(figure)
    assert checks.crowded_texts(figure, renderer) == []
    assert _layout_problems(figure, "en") == []


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


def test_the_cell_check_sees_letters_that_touch_their_cell():
    # the dashboard's two-line verdict at 9 points, 0,88 apart, in a 19-point cell: its layout
    # box fitted, but the marks of "Chuyển" and the dot of "đạt" touched the cell's edges
    figure = new_figure(A4_LANDSCAPE)
    figure.set_layout_engine("none")
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 842)
    ax.set_ylim(0, 595)
    for left, size, spacing in ((100, 9, 0.88), (300, 8, 1.0)):
        ax.add_patch(Rectangle((left, 100), 112, 19.2, color="orange"))
        ax.text(left + 56, 109.6, "Chuyển biến\nchậm, khó đạt†", ha="center", va="center", fontsize=size,
                fontweight="bold", linespacing=spacing)
    renderer = checks.prepare(figure)
    assert checks.texts_outside_cells(figure, renderer) == [
        "'Chuyển biến\\nchậm, khó đạt†' spills out of its cell or touches its edge"]
    cramped, airy = ax.texts
    assert checks.ink_extent(cramped, renderer).height > cramped.get_window_extent(renderer).height


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
    assert any(text.startswith("Mục tiêu 2025: ≥ 90 %") and "giữ mức đã đạt" in text for text in labels)
    # a target still ahead keeps its path and the yearly rate needed beside it
    figure = old_map.fan_chart("T14", DISTRICT)
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert "Lộ trình cần đạt (2030): tăng 0,3 điểm %/năm" in labels


def test_a_yearly_count_met_for_its_first_deadline_names_the_need_of_the_next(new_map):
    # jobs: 2025 met, so its need is "–", and the legend read "Lộ trình cần đạt: –"
    assert new_map.rows("T05", DISTRICT).set_index("deadline").loc[2025, "verdict"] == "achieved"
    labels = [text.get_text() for text in new_map.fan_chart("T05", DISTRICT).axes[0].get_legend().get_texts()]
    assert "Lộ trình cần đạt: 1.000 lao động/năm" in labels and not any(text.endswith(": –") for text in labels)


def test_the_estimate_mark_in_a_legend_is_drawn_as_a_thin_glyph_not_a_blob(new_map):
    # the "≈" marker, stroked with the default 1-point edge at its small size, drew as a black blob
    figure = new_map.small_multiples("T01")
    legend = figure.legends[0]
    (handle,) = [h for h, t in zip(legend.legend_handles, legend.get_texts()) if t.get_text() == "Số liệu ước tính"]
    assert handle.get_marker() == "$≈$"
    assert handle.get_markeredgewidth() <= 0.5 and handle.get_markersize() >= 8


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


def _sources_named(figure: Figure, lang: str) -> int:
    """How many sources a figure's footer gives: those it names and the "… more" it counts."""
    checks.prepare(figure)
    texts = figure.texts + [text for ax in figure.axes for text in ax.texts]  # a slide's board writes in its axes
    line = " ".join(" ".join(text.get_text() for text in texts).split("\n"))
    said = line[line.index("Nguồn: " if lang == "vi" else "Source: "):]
    more = re.search(r"(?:và|and) (\d+) (?:nguồn khác|more sources?)", said)
    named = (said[:more.start()] if more else said).rstrip("; ")
    return named.count("; ") + 1 + (int(more[1]) if more else 0)


def test_the_dashboard_names_as_many_sources_in_english_as_in_vietnamese(old_map):
    # "và 63 nguồn khác" beside "and 62 more sources": "combined from 15 communes" (the communes and towns) was
    # merged with "combined from 13 communes" in English only
    english = Workbench(old_map.observations, lang="en", map="old")
    assert _sources_named(english.dashboard(size=A4_LANDSCAPE), "en") == _sources_named(
        old_map.dashboard(size=A4_LANDSCAPE), "vi") > 5


@pytest.mark.parametrize("deadline", [2025, 2030])
def test_a_deadline_slide_notes_as_many_sources_as_its_picture_names(shipped_new_map, tmp_path, deadline):
    # slide 2's footer counted 31 sources beside 32 in its notes: "tổng hợp từ 13 xã" (T04) and "từ 8 xã" (M2),
    # two sums of different communes, were merged into "tổng hợp từ 8–13 xã" in the picture only
    rows = shipped_new_map.table[shipped_new_map.table["area_code"] == DISTRICT]
    notes = dashboard_slide(tmp_path / "board.png", rows, "vi", deadline).notes
    (listed,) = [line for line in notes.split("\n") if line.startswith("Nguồn: ")]
    assert "8–13" not in listed
    assert _sources_named(shipped_new_map.deadline_board(deadline), "vi") == listed.count("; ") + 1


def test_the_dashboards_headings_stay_within_the_tables_width(old_map):
    # the 2030 "Khả năng đạt", centred and wider than its column, ran past the rows' right end
    for workbench in (old_map, Workbench(old_map.observations, lang="en", map="old")):
        figure = workbench.dashboard(size=A4_LANDSCAPE)
        renderer = checks.prepare(figure)
        ax = figure.axes[0]
        left, right = ax.transData.transform([(0, 0), (1, 0)])[:, 0]
        for text in ax.texts:
            box = checks.ink_extent(text, renderer)
            assert left - 1 <= box.x0 and box.x1 <= right + 1, text.get_text()


def test_an_aim_the_plan_gives_no_year_is_not_called_that_years_target(old_map, english):
    # T20, "giảm dần và phấn đấu không còn" with no year: the legend read "Mục tiêu 2025: 0 xã"
    def legend(workbench):
        return [text.get_text() for text in workbench.fan_chart("T20", DISTRICT).axes[0].get_legend().get_texts()]

    assert "Mục tiêu (không ghi năm; xét ở năm 2025): 0 xã" in legend(old_map)
    assert "Aim (no year given; taken at 2025): 0 communes" in legend(english)
    t14 = old_map.fan_chart("T14", DISTRICT).axes[0].get_legend().get_texts()
    assert "Mục tiêu 2025: ≥ 20 %" in [text.get_text() for text in t14]  # a target with its year keeps it


def test_english_charts_give_sources_in_english_and_numbers_the_english_way(english):
    for figure in (english.fan_chart("T01", DISTRICT), english.small_multiples("T06")):
        checks.prepare(figure)
        footer = "\n".join(text.get_text() for text in figure.texts)
        assert "combined from 15 communes and towns" in footer and "Source: " in footer  # "District: sum …" under panels
        assert "tổng hợp" not in footer and "Số liệu minh họa" not in footer and "không phải" not in footer
        assert checks.number_format_problems(figure, "en") == []
    assert source_parts("a / b | Kinh tế & Đô thị: (QĐ 624) (3/13 xã / communes)", "en") == [
        "a / b", "Kinh tế & Đô thị: (QĐ 624) (3/13 communes)"]


def test_a_chart_says_how_it_projects_in_plain_words(old_map, english):
    # the footer named logit spaces, Theta and h^0,7: nothing a meeting can read in ten seconds
    for workbench, words in ((old_map, "Dự báo: xu hướng của 9 số liệu, kết hợp 3 cách tính"),
                             (english, "Projection: the trend of the 9 points, 3 ways of reading it")):
        footer = "\n".join(text.get_text() for text in workbench.fan_chart("T01", DISTRICT).texts)
        assert words in " ".join(footer.split())
        assert not re.search(r"logit|Theta|h\^|Laplace|kiểm định ngược|backtest", footer)
    assert "Theta" in old_map.series("T01", DISTRICT).projection.attrs["method"]  # the full method stays
    milestone = "\n".join(text.get_text() for text in old_map.fan_chart("M1", DISTRICT).texts)
    assert "không dự báo" not in milestone and "Dự báo:" not in milestone  # a 2022 milestone has no projection


def test_the_dashboard_verdict_is_its_largest_cell_text_and_stays_in_its_cell(old_map):
    figure = old_map.dashboard()
    renderer = checks.prepare(figure)
    ax = figure.axes[0]
    cells = [text for text in ax.texts if text.get_position()[1] > 1]  # below the headers
    verdicts = [text for text in cells if text.get_fontweight() == "bold"]
    others = [text for text in cells if text.get_fontweight() != "bold"]
    assert {"Ước đạt†", "Đúng tiến độ*"} <= {text.get_text() for text in verdicts}
    assert min(text.get_fontsize() for text in verdicts) > max(text.get_fontsize() for text in others)
    assert checks.texts_outside_cells(figure, renderer) == []
    assert not any(text.get_text().startswith("+0,0") for text in cells)


def _greedy_count(text: str, width: float) -> int:
    """Lines of a plain greedy wrap of the pieces a line must not break ("%" with its number, a
    place's name), each piece wider than the line broken back into its words."""
    lines: list[str] = []
    pieces = _unbreakable(text).split(" ")
    for word in [p for piece in pieces for p in ([piece] if text_width(piece, 8.5) <= width else piece.split("\u202f"))]:
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


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=40, max_value=500))
def test_a_footer_never_breaks_inside_a_places_name(width):
    # "… Mỹ" at a line's end and "Long …" at the next named two places that do not exist
    names = ["Cầu Ngang", "Hiệp Mỹ", "Mỹ Long", "Ngũ Lạc", "Nhị Trường", "Vinh Kim", "Duyên Hải", "Thạnh Hòa Sơn"]
    text = ("Nguồn: Báo cáo thống kê đảng viên đến 30/11/2026, Đảng ủy các xã Cầu Ngang, Hiệp Mỹ, Mỹ Long, Ngũ Lạc, "
            "Nhị Trường, Vinh Kim; trước năm 2025: xã Thạnh Hòa Sơn cũ của huyện Duyên Hải cũ")
    lines = fit_lines(text, width, 8.5)
    assert " ".join(lines).split() == text.split()
    for name in names:
        if text_width(f"({name};", 8.5) <= width:  # with the stops beside it, the name fits a line
            assert any(name in line for line in lines), (name, lines)


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
    (scenario,) = [line for line in ax.lines if line.get_label() == "Kịch bản: tăng 2,5 điểm %/năm"]
    (reform,) = [line for line in ax.lines if line.get_label().startswith("1/7/2025")]
    assert max(scenario.get_ydata()) == 100 and ax.get_ylim()[1] >= 100
    assert scenario.get_color() != reform.get_color()
    # a supposed target is said in the title: "từ 20 % trở lên" above diamonds at 22 % read as the plan's
    _, figure = old_map.what_if("T14", DISTRICT, target=22)
    assert figure._suptitle.get_text().replace("\n", " ").endswith("(giả định mục tiêu ≥ 22 %)")
    assert "giả định" not in old_map.what_if("T14", DISTRICT)[1]._suptitle.get_text()
    # the widget always sends its slider: the plan's own value supposes nothing
    assert "giả định" not in old_map.what_if("T14", DISTRICT, target=20)[1]._suptitle.get_text()
    title = old_map.what_if("T03", DISTRICT, target=2)[1]._suptitle.get_text().replace("\n", " ")
    assert title.endswith("(giả định mục tiêu 2 ấp)"), title


# ---- words that mean one thing ------------------------------------------------------------


CHANCE_BANDS = {"likely": (0.8, 1.0), "possible": (0.5, 0.8), "unlikely": (0.2, 0.5), "very_unlikely": (0.0, 0.2)}
"""The chance bands of the tables' words (analysis.assessment.rates.probability_words)."""
VERDICT_CHANCES = {"on_track": (0.5, 1.0), "needs_acceleration": (0.2, 1.0), "off_track": (0.0, 0.2),
                   "moving_away": (0.0, 0.5), "likely_met": (0.5, 1.0), "in_doubt": (0.2, 0.5), "likely_missed": (0.0, 0.2)}
"""The chances each verdict allows (analysis.assessment.verdict.decide)."""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_badge_never_says_a_chance_band_the_verdict_does_not_mean(lang):
    # badges said "Khó đạt · 11 %" for off track (a chance under 20 %), while the tables say
    # "Khó đạt" for 20–50 % and "Rất khó đạt" below 20 %
    bands = {status_label(band, lang).lower(): span for band, span in CHANCE_BANDS.items()}
    for verdict in VERDICTS:
        words = label(f"short_{verdict}", lang).lower()
        if words in bands:
            low, high = bands[words]
            allowed = VERDICT_CHANCES[verdict]
            assert allowed[0] >= low and allowed[1] <= high, (verdict, words)
    # and it reads as the verdict it shortens: "Rất khó đạt" on the badges beside "Chuyển biến chậm, khó đạt"
    # on the slide's caption looked like a harsher category of its own
    assert label("short_off_track", lang).lower() in status_label("off_track", lang).lower()
    assert label("short_off_track", lang).lower() not in bands


def test_a_known_outcome_shows_no_chance_and_a_missing_chance_no_dagger(old_map):
    # M1 and M2 were met in 2022 (their deadline's own figure): "100 %" was their chance; T20 has
    # one point and no chance, but its verdict carried the † of "judged by the chance"
    figure = old_map.dashboard()
    checks.prepare(figure)
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert "Chưa đủ số liệu" in texts and "Chưa đủ số liệu†" not in texts

    def row_of(target_id: str) -> list[str]:
        (y,) = {text.get_position()[1] for text in figure.axes[0].texts
                if text.get_text().startswith(f"{target_id}  ")}
        return [text.get_text() for text in figure.axes[0].texts if text.get_position()[1] == y]

    assert "100 %" not in row_of("M1") and row_of("M2").count("100 %") == 1  # M2's goal, not its chance
    assert "Đã đạt (2022)" in row_of("M1") and row_of("M1").count("–") >= 2  # needed and chance
    footer = "\n".join(text.get_text() for text in figure.texts)
    assert "* mục tiêu 2030 là giả định (kế hoạch chỉ đặt mục tiêu đến 2025)" in footer
    # T17's 2030 target is the plan's own: no star
    # (43 %, its pace enough if it lasted: "dự báo chậm lại", not "cần đẩy nhanh")
    assert "Dự báo chậm lại, khó đạt" in [" ".join(cell.split()) for cell in row_of("T17")]
    m1 = old_map.rows("M1", DISTRICT).iloc[0]
    assert verdict_line(m1, "vi") == "2022 — Đã đạt"
    board = old_map.deadline_board(2025)
    checks.prepare(board)
    row_texts = [text.get_text() for text in board.axes[0].texts]
    assert row_texts.count("–") >= 3  # M1, M2 and T20
    # like every chart, the slide names its sources (on one line: the notes name them all)
    (sources,) = [line for text in row_texts for line in text.split("\n") if line.startswith("Nguồn: ")]
    assert re.search(r"và \d+ nguồn khác", sources)


def test_a_slides_notes_give_each_reason_its_year_once(old_map, english, tmp_path):
    # "2022: Năm 2022: 100 %, đạt mục tiêu 100 %." (and "2025: 2025: down about 1.1 pts" in English)
    m2 = old_map.rows("M2", DISTRICT)
    assert fan_slide(tmp_path / "m2.png", m2, "vi").notes == "Năm 2022: 100 %, đạt mục tiêu 100 %."
    assert fan_slide(tmp_path / "m2.png", english.rows("M2", DISTRICT), "en").notes.startswith("2022: 100 %")
    # English captions: "needed hold the level reached" did not read
    t14 = fan_slide(tmp_path / "t14.png", english.rows("T14", DISTRICT), "en").caption
    assert "needed: hold the level reached" in t14 or "needed: up " in t14, t14
    assert "needed hold" not in t14 and "needed up" not in t14
    # a reason that does not open on its year still gets it
    t02 = old_map.rows("T02", DISTRICT)
    notes = fan_slide(tmp_path / "t02.png", t02, "vi").notes.split("\n")
    assert [line[:6] for line in notes] == ["2025: ", "2030: "]
    # and the chart's footer: "Vì sao (2022): Năm 2022: …"
    footer = "\n".join(text.get_text() for text in old_map.fan_chart("M2", DISTRICT).texts)
    assert "Vì sao: Năm 2022: 100 %" in footer.replace("\n", " ") and "Vì sao (2022)" not in footer


def test_a_deadline_slide_counts_exactly_the_rows_its_dashboard_shows(old_map, tmp_path):
    # the 2025 caption counted T17, a target for 2030 only, among "cần đẩy nhanh tiến độ"
    rows = old_map.table[old_map.table["area_code"] == DISTRICT]
    for deadline in (2025, 2030):
        board = old_map.deadline_board(deadline)
        checks.prepare(board)
        shown = sorted(text.get_text().split("  ")[0] for text in board.axes[0].texts
                       if re.match(r"[TM]\d+  ", text.get_text()))
        content = dashboard_slide(tmp_path / "board.png", rows, "vi", deadline)
        # one line per target shown (the sources and the verdicts' rule follow them)
        noted = sorted(line.split(":")[0] for line in content.notes.split("\n") if re.match(r"[TM]\d+: ", line))
        assert noted == shown
        judged = rows[rows["target_id"].isin(shown) & (rows["deadline"] == deadline) & (rows["verdict"] != "")]
        verdicts = [status_label(v, "vi").lower() for v in judged["verdict"]]
        assert content.caption.startswith(f"{deadline}, số chỉ tiêu — ")
        counted = sum(int(number) for number in re.findall(r": (\d+)", content.caption))
        assert counted == len(verdicts) + sum(rows["target_id"].isin(["M1", "M2"]) & (deadline == 2025))
    caption = dashboard_slide(tmp_path / "board.png", rows, "vi", 2025).caption
    # 2025 is over: its rows say whether it was likely met, not how fast to go
    assert "Ước đạt: 4;" in caption and "tiến độ" not in caption  # T04 (met in 2024), T05, T12, T13
    assert "T17" not in dashboard_slide(tmp_path / "board.png", rows, "vi", 2025).notes
    # what the counts hold that the year does not say: the 2022 milestones, the assumed 2030 targets; the
    # milestones beside their own count ("Chưa đủ số liệu: 1 (tính cả 2 mốc năm 2022)" put two targets met
    # among those without figures, and on the new map among "Không đạt")
    assert caption.startswith("2025, số chỉ tiêu — Đã đạt: 2 (tính cả 2 mốc năm 2022); ")
    assert caption.count("mốc năm 2022") == 1
    later = rows[(rows["deadline"] == 2030) & (rows["verdict"] != "")]
    assumed = f"({(later['origin'] == 'assumption').sum()}/{len(later)} mục tiêu năm 2030 là giả định*)"
    assert dashboard_slide(tmp_path / "board.png", rows, "vi", 2030).caption.endswith(assumed)


def test_a_deadline_slide_shows_its_text_at_twelve_points_or_more(old_map, tmp_path):
    board = old_map.deadline_board(2025)
    checks.prepare(board)
    assert min(text.get_fontsize() for text in checks.texts(board)) >= 12
    picture = tmp_path / "board.png"
    picture.write_bytes(render(board, "png"))
    chart = tmp_path / "chart.png"
    chart.write_bytes(render(new_figure(SLIDE), "png"))
    deck = Presentation(str(write_deck(tmp_path / "deck.pptx", [SlideContent(picture, "2025: 3 đã đạt", ""),
                                                                 SlideContent(chart, "2025 — Đã đạt", "")])))
    board_slide, chart_slide = list(deck.slides)[1:]
    (image,) = [shape for shape in board_slide.shapes if shape.shape_type == 13]
    assert image.width == Inches(board.get_figwidth()) and image.height == Inches(board.get_figheight())  # 1:1
    (caption,) = [shape for shape in board_slide.shapes if shape.has_text_frame]
    assert caption.top >= image.top + image.height and caption.top + caption.height <= deck.slide_height
    (image,) = [shape for shape in chart_slide.shapes if shape.shape_type == 13]
    assert abs(image.height - 0.86 * deck.slide_height) < Inches(0.01)  # a 16:9 chart as before


def test_every_target_needing_a_change_of_pace_gets_slides_and_a_decided_milestone_none(old_map):
    rows = old_map.table[old_map.table["area_code"] == DISTRICT]
    chosen = deck_targets(rows, ["T01", "T06", "T07", "T08", "T14", "M1"], 2025)
    at_2025 = rows[rows["deadline"] == 2025].set_index("target_id")["verdict"]
    urgent = list(at_2025[at_2025.isin(NEEDS_ATTENTION)].index)
    assert {"T02", "T15", "T16"} <= set(urgent) and set(urgent) <= set(chosen)
    assert "M1" not in chosen and "T05" not in chosen  # met in 2022; on track
    assert chosen == [t for t in dict.fromkeys(rows["target_id"]) if t in chosen]  # the plan's order


# ---- what the charts say -----------------------------------------------------------------


def _legend_texts(figure: Figure) -> list[str]:
    return [text.get_text() for ax in figure.axes if ax.get_legend() for text in ax.get_legend().get_texts()] + \
        [text.get_text() for legend in figure.legends for text in legend.get_texts()]


def test_a_fan_chart_explains_its_starred_target(old_map):
    figure = old_map.fan_chart("T02", DISTRICT)
    checks.prepare(figure)
    assert any(text.startswith("Mục tiêu 2030*") for text in _legend_texts(figure))
    footer = "\n".join(text.get_text() for text in figure.texts)
    assert "* mục tiêu 2030 là giả định (kế hoạch chỉ đặt mục tiêu đến 2025)" in footer.replace("\n", " ")
    figure = old_map.fan_chart("T17", DISTRICT)  # the plan's own 2030 target: no star, no note
    assert "giả định" not in "\n".join(text.get_text() for text in figure.texts)


def test_the_poverty_chart_says_how_the_earlier_standard_was_used(old_map):
    # the projection used the yearly changes of the 2016–2020 points (not their level): the
    # legend said "không dùng để dự báo" for all of them
    projection = old_map.series("T01", DISTRICT).projection
    assert projection.attrs["earlier_points_used"] == 5 and projection.attrs["break_used"] == 2021
    texts = _legend_texts(old_map.fan_chart("T01", DISTRICT))
    # the 2016–2020 points are made up: hollow, as made-up points are on the current standard (they were
    # filled, which elsewhere means real); 2015, on the 2011–2015 line, is not used: a cross, made up as well
    # ("× Chuẩn cũ" beside "○ Chuẩn cũ, minh họa" read as if the cross were a real figure)
    assert "Chuẩn cũ, minh họa (chỉ dùng tốc độ thay đổi, không dùng mức)" in texts
    assert "Chuẩn cũ, minh họa (không dùng để dự báo)" in texts and "Chuẩn cũ (không dùng để dự báo)" not in texts
    lines = {line.get_label(): line for line in old_map.fan_chart("T01", DISTRICT).axes[0].lines}
    assert lines["Chuẩn cũ, minh họa (chỉ dùng tốc độ thay đổi, không dùng mức)"].get_markerfacecolor() == "white"
    assert lines["Chuẩn cũ, minh họa (không dùng để dự báo)"].get_marker() == "x"
    # the 2022–2025 line applies from 2022; the series' first figure on it is the end-2021 review
    assert any("Chuẩn nghèo đa chiều 2022–2025" in text and "từ năm 2021 (rà soát cuối năm 2021)" in text
               for text in texts)


def test_each_commune_panel_of_T14_draws_its_own_target_and_says_why(old_map):
    figure = old_map.small_multiples("T14")
    checks.prepare(figure)
    footer = " ".join(text.get_text() for text in figure.texts).replace("\n", " ")
    assert "từng xã được so với tỷ lệ người Khmer trong dân số của chính xã đó" in footer
    rows = old_map.rows("T14")
    targets = rows[rows["deadline"] == 2025].set_index("area_code")["target_value"]
    panels = [ax for ax in figure.axes if ax.get_visible()]
    levels = [[line.get_ydata()[0] for line in ax.lines if line.get_label() == "Mức so sánh của từng xã"]
              for ax in panels]
    # every commune's panel, not the district's: its 20 % is the plan's target, no benchmark
    communes = targets.drop(DISTRICT)
    assert [len(found) for found in levels] == [0] + [1] * len(communes)
    assert sorted(level for (level,) in levels[1:]) == pytest.approx(sorted(communes))
    assert len(set(targets.round(1))) > 5  # the communes' own shares, not 20 % everywhere


def test_a_small_panel_shows_the_met_line_apart_from_the_latest_value(old_map):
    # T06: 98,9 % against "met from 99,5 %" was a hair apart on a shared 85–100 scale
    figure = old_map.small_multiples("T06")
    checks.prepare(figure)
    district = figure.axes[0]
    (met,) = {line.get_ydata()[0] for line in district.lines if line.get_label() == "Mức tính là đạt"}
    low, high = district.get_ylim()
    assert met == 99.5 and (met - 98.95) / (high - low) > 0.08


def test_a_flat_series_is_drawn_on_a_scale_a_few_units_tall():
    # no especially difficult hamlet in ten years was drawn on 0–0,00000000012 ấp
    wb = Workbench(areas=["29434", "29419"])
    low, high = wb.fan_chart("T03", "29434").axes[0].get_ylim()
    assert low == 0 and high >= 2
    low, high = wb.fan_chart("T15", "29419").axes[0].get_ylim()  # 100 % every year
    assert high - low >= 5 and high <= 100.5


def test_a_band_far_taller_than_the_data_runs_off_the_frame_and_its_legend_gives_its_ends(old_map):
    # the province's real Khmer poverty, 3,61 → 2,03 → 1,45 % on the current standard: a 95 % band
    # reaching about 77 % by 2030 pressed every real figure onto the axis
    ax = old_map.fan_chart("T01", "84").axes[0]
    low, high = ax.get_ylim()
    (band,) = [c.get_label() for c in ax.collections if c.get_label().startswith("Khoảng dự báo 95 %")]
    ends = re.fullmatch(r"Khoảng dự báo 95 % \(năm 2030: (\d+,\d) %–(\d+,\d) %, vượt khung\)", band)
    assert ends and high < 20 < float(ends[2].replace(",", ".")), (band, high)
    # primary attendance: a band within twice the data's height stays whole on the scale
    ax = old_map.fan_chart("T06", DISTRICT).axes[0]
    assert "Khoảng dự báo 95 %" in [c.get_label() for c in ax.collections]
    band = next(c for c in ax.collections if c.get_label() == "Khoảng dự báo 95 %")
    lowest = band.get_paths()[0].vertices[:, 1].min()
    assert ax.get_ylim()[0] <= lowest


def test_the_overview_writes_each_unit_with_its_own_decimals(old_map):
    # hamlets read "3,0 (2024)" and "3,0 [2,0–4,0]" in notebook 05: a count has no decimals
    hamlets = old_map.overview("T03").iloc[0]
    assert hamlets.iloc[2] == "3 (2024)" and "," not in hamlets.iloc[7]
    share = old_map.overview("T02").iloc[0]
    assert re.fullmatch(r"\d+,\d \(\d{4}\)", share.iloc[2])
    assert old_map.overview("M1").iloc[0].iloc[2] == "Đạt (2022)"  # a milestone met, not "1,0"
    attendance = old_map.overview("T06")  # communes at 100 %: their chance is a chance of holding
    assert "Khả năng đạt (‡: giữ được mức đã đạt)" in attendance.columns
    assert attendance["Khả năng đạt (‡: giữ được mức đã đạt)"].str.endswith("‡").any()


@pytest.mark.parametrize("target, area", [("T06", "29455"), ("T01", "29419"), ("T05", DISTRICT)])
def test_every_tick_label_reads_back_as_the_value_of_its_gridline(old_map, target, area):
    # steps of 2,5 once wrote 82,5 as "83": a reader took the line marked 98 for 98 %
    figure = old_map.fan_chart(target, area)
    checks.prepare(figure)
    ax = figure.axes[0]
    for tick, text in zip(ax.get_yticks(), ax.get_yticklabels()):
        if ax.get_ylim()[0] <= tick <= ax.get_ylim()[1]:
            written = float(text.get_text().replace(".", "").replace(",", ".").replace("\u2212", "-"))
            assert written == pytest.approx(tick, abs=1e-9), (text.get_text(), tick)


def test_a_milestone_chart_shows_the_latest_figure_the_tables_quote_and_names_no_band_it_lacks(old_map):
    # M2 (2022) has figures to 2024: the tables say "100,0 % (2024)", so the chart shows 2024;
    # no projection is drawn before its deadline, so no band, median or method is named
    figure = old_map.fan_chart("M2", DISTRICT)
    ax = figure.axes[0]
    assert ax.get_xlim()[1] > 2024
    assert any(2024 in line.get_xdata() for line in ax.get_lines())
    texts = _legend_texts(figure)
    assert not any(text.startswith(("Khoảng dự báo", "Dự báo", "1/7/2025")) for text in texts)
    assert not any("Dự báo:" in text.get_text() for text in figure.texts)
    # nor a met line drawn backwards from the 2024 figure to the 2022 milestone
    assert not any(line.get_linestyle() == ":" for line in ax.get_lines())
    assert any("Dự báo:" in text.get_text() for text in old_map.fan_chart("T02", DISTRICT).texts)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dashboard_footnote_defines_every_verdict_it_judges_by_the_chance(lang, old_map, english):
    # "Cần đẩy nhanh tiến độ" at 51 % beside "Đúng tiến độ" at 61 % read as a contradiction
    # when only two of the labels were explained
    workbench = old_map if lang == "vi" else english
    footer = " ".join(text.get_text() for text in workbench.dashboard().texts).replace("\n", " ")
    for key in ("on_track", "needs_acceleration", "off_track", "moving_away", "likely_met", "in_doubt", "likely_missed"):
        words = status_label(key, lang)
        assert f'"{words if lang == "vi" else words.lower()}"' in footer, words


@pytest.mark.parametrize("target", ["T01", "T06", "T03"])
def test_a_deck_chart_is_readable_from_the_back_of_the_room_and_leaves_why_and_how_to_the_notes(old_map, target):
    # the report's chart on a slide printed its legend at 9 points and its footer at 8,6
    from analysis.reports.charts import DECK_TEXT_SIZE, fan_chart

    rows, data = old_map.rows(target, DISTRICT), old_map.series(target, DISTRICT)
    figure = fan_chart(rows, data, "vi", for_deck=True)
    assert _layout_problems(figure, "vi") == []
    legend = figure.axes[0].get_legend()
    assert {text.get_fontsize() for text in legend.get_texts()} == {DECK_TEXT_SIZE}
    footer = " ".join(text.get_text() for text in figure.texts)
    assert "Vì sao" not in footer and "Dự báo:" not in footer and "Nguồn:" in footer


def test_a_dashboard_explains_met_not_yet_secure_only_where_it_shows_it(old_map, shipped_new_map):
    # Mỹ Long: all its hamlets with Khmer party members in 2024, fewer in earlier years; 2025 is over and
    # awaited, so "Ước không đạt†" there, and "hard to hold" for the 2030 it can still hold
    commune = shipped_new_map.dashboard("29419-2025")
    texts = [text.get_text() for text in commune.texts + commune.axes[0].texts]
    shown = [" ".join(text.split()) for text in texts]
    assert "Khó giữ mức đã đạt*" in shown and "Khó giữ mức đã đạt†" not in shown
    assert any("‡ số liệu mới nhất đã đạt: khả năng giữ được đến năm hạn (năm hạn chưa qua, dưới 50 %: \"Khó giữ mức đã đạt\")"
               in " ".join(t.split()) for t in texts)
    district = old_map.dashboard()
    assert not any("Khó giữ" in text.get_text() for text in district.texts + district.axes[0].texts)


def test_the_index_explains_met_not_yet_secure_in_the_section_that_shows_it(shipped_new_map):
    table = shipped_new_map.table[shipped_new_map.table["area_code"].isin([DISTRICT, "29419-2025"])]
    files = {"dashboard": "dashboard", "slides": "slides.pptx", "summary_csv": "summary.csv",
             "summary_xlsx": "summary.xlsx", "multiples": {}, "fans": {}}
    page = index_html(table, files, "vi")
    sections = {s[:3]: s for s in re.split(r'<h3 id="', page)[1:]}
    assert "Khó giữ mức đã đạt*" in sections["T15"]  # Mỹ Long 2030, 14 %‡
    assert "‡ số liệu mới nhất đã đạt: khả năng giữ được đến năm hạn (năm hạn chưa qua, dưới 50 %: &quot;Khó giữ mức đã đạt&quot;)" \
        in sections["T15"]
    assert "Khó giữ" not in sections["T04"]  # met and likely to hold: the note stays short


def test_a_badge_showing_the_chance_of_holding_a_met_level_is_explained_below(old_map, shipped_new_map):
    # T15 in 2030: communes at 6 of 6 hamlets read "Đạt, chưa bền vững · giữ 19 %" with no word on "giữ"
    # (now "Khó giữ mức đạt · 19 %")
    rows = shipped_new_map.rows("T15")
    badges = rows[rows["deadline"] == 2030]
    assert badges["verdict"].eq("met_at_risk").any()
    figure = shipped_new_map.small_multiples("T15", deadline=2030)
    checks.prepare(figure)
    footer = " ".join(text.get_text() for text in figure.texts).replace("\n", " ")
    assert '"giữ": đã đạt; khả năng giữ được mức đạt đến năm 2030 (dưới 50 %: "Khó giữ mức đạt")' in footer
    shown = {text.get_text() for ax in figure.axes for text in ax.texts}
    assert any(re.match(r"Khó giữ mức đạt\*? · \d", text) for text in shown)  # "giữ" once, not "Khó giữ … · giữ"
    assert not any(re.match(r"Khó giữ mức đạt\*? · giữ", text) for text in shown)
    # 2025 is over and awaited: its badges say "Khó đạt · giữ 25 %", so the footer names no other verdict
    assert not rows[rows["deadline"] == 2025]["verdict"].eq("met_at_risk").any()
    figure = old_map.small_multiples("T15")
    checks.prepare(figure)
    footer = " ".join(text.get_text() for text in figure.texts).replace("\n", " ")
    assert '"giữ": đã đạt; khả năng giữ được mức đạt đến năm 2025 Nguồn' in footer
    # and, as on the dashboard, its badges carry † with the note on it ("Ước đạt · giữ 93 %" had none)
    badges = [text.get_text() for ax in figure.axes for text in ax.texts if " · " in text.get_text()]
    assert badges and all(badge.split(" · ")[0].endswith("†") for badge in badges)
    assert "† chờ số liệu năm 2025: đánh giá theo khả năng đạt" in footer
    # and not where no badge shows a chance of holding (T07: no area at its target)
    figure = old_map.small_multiples("T07")
    checks.prepare(figure)
    assert not any('"giữ"' in text.get_text() for text in figure.texts)
    assert not _layout_problems(old_map.small_multiples("T15"), "vi")


def test_a_yearly_fall_on_the_board_says_its_latest_fall_beside_its_level(old_map):
    # "Giảm tỷ lệ hộ nghèo Khmer 3–4 điểm % mỗi năm · 3,2 %" read as a fall of 3,2 points, inside 3–4,
    # beside "Chuyển biến chậm, khó đạt"; the 2024 fall was 1,709 points
    texts = [text.get_text() for text in old_map.deadline_board(2025).axes[0].texts]
    assert "3,2 % (giảm 1,7)" in texts
    assert "92,7 %" in texts  # a level target keeps its figure alone
    rows = old_map.rows("T01", DISTRICT)
    assert rows["latest_year_change"].iloc[0] == pytest.approx(-1.709, abs=1e-3)


def test_a_commune_slide_says_it_counts_areas(old_map, tmp_path):
    # "2025: 16 chuyển biến chậm, khó đạt" on a slide "theo xã" read as 16 communes: it is the district and 15
    rows = old_map.rows("T01")
    caption = multiples_slide(tmp_path / "t01.png", rows, "vi", 2025).caption
    at = rows[rows["deadline"] == 2025]
    assert caption == f"2025, số địa bàn (huyện và các xã) — Ước không đạt: {len(at)}"
    english = multiples_slide(tmp_path / "t01.png", rows, "en", 2025).caption
    assert english == f"2025, areas (district and communes) — Likely missed: {len(at)}"
    # on the new map no district is left: its first panel is "Địa bàn huyện Cầu Ngang cũ"
    new = multiples_slide(tmp_path / "t01.png", rows, "vi", 2025, map="new").caption
    assert new.startswith("2025, số địa bàn (huyện cũ và các xã mới) — ")
    # T14's communes are counted against their own benchmark, which the caption says ("Không đạt: 5" gave the
    # communes a target the plan never set them)
    party = multiples_slide(tmp_path / "t14.png", old_map.rows("T14"), "vi", 2025).caption
    assert party.endswith(" (các xã: so với mức so sánh của xã; Kế hoạch chỉ đặt chỉ tiêu cho toàn huyện)")
    assert "mức so sánh" not in caption


def test_a_table_of_targets_says_row_by_row_which_figures_are_made_up(old_map):
    # one "MINH HỌA" banner under 20 rows, 2 of them published figures (T20, M1), said nothing of which
    board = old_map.deadline_board(2025)
    texts = {text.get_text(): text for text in board.axes[0].texts}
    assert "MINH HỌA — số liệu in nghiêng là số liệu minh họa, không phải số liệu thật" in texts
    assert texts["92,7 %"].get_fontstyle() == "italic"  # T02, made up
    assert texts["8 xã (2023)"].get_fontstyle() == "normal"  # T20, published
    assert texts["Đạt (2022)"].get_fontstyle() == "normal"  # M1, published
    dashboard = old_map.dashboard()
    latest = {text.get_text(): text for text in dashboard.axes[0].texts}
    assert latest["92,7 % (2024)"].get_fontstyle() == "italic" and latest["8 xã (2023)"].get_fontstyle() == "normal"
    assert any(t.get_text().startswith("MINH HỌA — số liệu in nghiêng") for t in dashboard.texts)


def test_small_multiples_say_their_unit_and_tell_the_own_target_from_the_path(old_map):
    figure = old_map.small_multiples("T14")
    panels = [ax for ax in figure.axes if ax.get_visible()]
    assert [ax.get_ylabel() for ax in panels[::4]] == ["%"] * 4  # the first panel of each row
    own = {line.get_linestyle() for ax in panels for line in ax.lines if line.get_label() == "Mức so sánh của từng xã"}
    path = {line.get_linestyle() for ax in panels for line in ax.lines if line.get_label() == "Lộ trình cần đạt"}
    assert own == {"-"} and "-" not in path  # both orange: one solid, one dashed
    assert old_map.small_multiples("T03").axes[0].get_ylabel() == "ấp"


def test_the_yearly_jobs_target_range_is_named_in_the_legend(old_map):
    # T05's peach band of 1.000–1.500 workers a year was drawn with no legend entry
    texts = _legend_texts(old_map.fan_chart("T05", DISTRICT))
    assert "Khoảng mục tiêu mỗi năm" in texts and "Mục tiêu 2025: 1.000–1.500 lao động/năm" in texts


def test_the_dotted_line_where_a_target_counts_as_met_is_named_once(old_map):
    # a fan chart drew "≥ 99,5 %" as a dotted line with no legend entry (the commune panels named it)
    texts = _legend_texts(old_map.fan_chart("T06", DISTRICT))
    assert texts.count("Mức tính là đạt: ≥ 99,5 %") == 1
    assert "Mức tính là đạt: ≤ 1 ấp" in _legend_texts(old_map.fan_chart("T03", DISTRICT))


def test_the_dashboards_marks_break_between_notes_never_inside_one():
    # "† awaiting the 2025" / "figure: …" read as two notes
    figure = Workbench(lang="en").dashboard()
    footer = "\n".join(text.get_text() for text in figure.texts)
    assert "† awaiting the 2025 figure: judged by its chance" in footer.replace("\u00a0", " ")


def test_a_panel_with_no_panel_below_it_shows_its_years(new_map):
    # 7 panels on a 3 × 3 grid: Nhị Trường and Hiệp Mỹ, above two empty cells, had no year under them
    figure = new_map.small_multiples("T01")
    checks.prepare(figure)
    shown = [ax for ax in figure.axes if ax.get_visible() and ax.get_title(loc="left")]
    assert len(shown) == 7
    for ax in shown:
        years = [tick.get_text() for tick in ax.get_xticklabels() if tick.get_visible() and tick.get_text()]
        below = any(other is not ax and abs(other.get_position().x0 - ax.get_position().x0) < 0.01
                    and other.get_position().y0 < ax.get_position().y0 for other in shown)
        assert bool(years) != below, ax.get_title(loc="left")


def test_a_communes_own_benchmark_is_marked_and_explained(old_map):
    # T14 in Kim Hòa is held to its own Khmer share (65,9 %), which the plan does not set: "≥ 65,9 %" under
    # "Mục tiêu" with no word on it read as the plan's target for the commune
    commune = old_map.dashboard("29434")
    texts = [" ".join(text.get_text().split()) for text in commune.texts + commune.axes[0].texts]
    assert "≥ 65,9 %§" in texts
    assert any("§ mức so sánh của xã (cách đọc của công cụ): Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện" in t
               for t in texts)
    district = old_map.dashboard()
    assert not any("§" in text.get_text() for text in district.texts + district.axes[0].texts)
    table = old_map.table[old_map.table["area_code"].isin([DISTRICT, "29434"])]
    files = {"dashboard": "dashboard", "slides": "slides.pptx", "summary_csv": "summary.csv",
             "summary_xlsx": "summary.xlsx", "multiples": {}, "fans": {}}
    page = index_html(table, files, "vi")
    t14 = page.split('<h3 id="T14"')[1].split("<h3 ")[0]
    assert "<td>≥ 65,9 %§</td>" in t14 and "§ mức so sánh của xã" in t14


def test_a_communes_assumed_2030_benchmark_is_not_called_a_target_the_plan_sets(old_map, shipped_new_map):
    # "Mức so sánh của xã 2030*" above "* mục tiêu 2030 là giả định (kế hoạch chỉ đặt mục tiêu đến 2025)": the plan
    # sets no commune level at all
    def footer(code, workbench=old_map):
        return "\n".join(text.get_text() for text in workbench.fan_chart("T14", code).texts)

    assert "* mức so sánh năm 2030 là giả định: giữ như năm 2025" in footer("29431-2025", shipped_new_map)
    assert "kế hoạch chỉ đặt mục tiêu đến 2025" not in footer("29431-2025", shipped_new_map)
    assert "* mục tiêu 2030 là giả định (kế hoạch chỉ đặt mục tiêu đến 2025)" in footer(DISTRICT)


def test_a_boards_latest_column_is_headed_by_the_year_most_rows_share(new_map):
    # "Số liệu 2026" headed fifteen rows of 2024, left unmarked, for the two indicators that had 2026
    board = new_map.deadline_board(2030)
    texts = [text.get_text() for text in board.axes[0].texts]
    assert "Số liệu 2024" in texts and "Số liệu 2026" not in texts
    marked = [text for text in texts if text.endswith("(2026)")]
    assert marked and not any(text.endswith("(2024)") for text in texts)


def test_a_deadlines_board_shows_the_figure_that_decided_it_not_a_later_one(new_map):
    # 2025 decided by its own figure, 2026 in since: "≈66,3 % (2026)" beside 2025's "Không đạt" hid the 63,7 %
    district = new_map.table[(new_map.table["area_code"] == DISTRICT) & (new_map.table["target_id"] == "T02")]
    decided_2025 = district[district["deadline"] == 2025].iloc[0]
    assert int(decided_2025["latest_year"]) == 2026 and decided_2025["verdict"] in ("achieved", "deadline_missed")
    # an estimate (Ngũ Lạc's share of the old Thạnh Hòa Sơn assumed) is said as one where the board marks it "≈"
    assert bool(decided_2025["deadline_approximate"]) and decided_2025["verdict_reason_vi"].startswith("Năm 2025: khoảng ")
    board = new_map.deadline_board(2025)
    texts = [text.get_text() for text in board.axes[0].texts]
    expected = value_text(decided_2025["deadline_value"], "percent", "vi", compact=True)
    assert any(text.startswith(f"≈{expected}") or text.startswith(expected) for text in texts), expected
    assert not any(text.endswith("(2026)") for text in texts)
    later = [text.get_text() for text in new_map.deadline_board(2030).axes[0].texts]
    assert any(text.endswith("(2026)") for text in later)  # the 2030 board starts from the latest


def test_small_multiples_draw_every_panel_to_the_same_last_deadline(old_map):
    # the old map's communes stop at 2025: the district's 2030 target, drawn past its panel's edge, stood in the
    # gap beside "Thị trấn Cầu Ngang" as if it were that town's
    figure = old_map.small_multiples("T06")
    checks.prepare(figure)
    for ax in (ax for ax in figure.axes if ax.get_visible()):
        low, high = ax.get_xlim()
        for line in ax.get_lines():
            xs = [float(x) for x in line.get_xdata()]
            assert all(low <= x <= high for x in xs), (ax.get_title(loc="left"), line.get_label(), xs)
        assert high < 2027  # nothing of 2030 on a 2025 grid where the communes end in 2025


def test_a_yearly_falls_panel_names_its_years_when_they_pass_the_deadline(tmp_path):
    # "đạt 1 trong 5 năm" over the bars, under "2025 — Không đạt (đạt 1 trong 4 năm)": two counts of one record
    folder = builders.data_with_new_communes(tmp_path)
    (folder / "hiep_my_2026.csv").write_text(
        "indicator,area_code,group,year,standard,value,source\n"
        "poverty_rate_households,29455,khmer,2026,2022-2025,\"1,6\",UBND xã Hiệp Mỹ\n", encoding="utf-8")
    figure = Workbench(folder, map="new").fan_chart("T01", "29455-2025")
    titles = [ax.get_title(loc="left") for ax in figure.axes]
    assert any(re.search(r"— đạt \d trong 5 năm \(2022–2026\)$", title) for title in titles), titles
    assert any("2025 — " in title and "trong 4 năm" in title for title in titles), titles


def test_a_dashboard_gives_the_figure_a_passed_deadline_rests_on_under_a_later_latest(new_map):
    # Cầu Ngang's party members: 19,0 % in 2026 under "Số liệu mới nhất", 2025 "Không đạt" decided by 2025's
    # 18,61 %; with only the later figure shown, a 2026 figure meeting the target read as a contradiction
    figure = new_map.dashboard("29416")
    texts = [" ".join(text.get_text().split()) for text in figure.axes[0].texts]
    assert "19,0 % (2026) năm 2025: 18,6 %" in texts
    assert not any("năm 2025:" in text for text in texts if "(2024)" in text)  # figures of 2024: nothing to add
    # a target judged every year too: "(2026)" and "đạt 4 trong 5 năm" beside 2025's verdict hid 2025's own figure
    district = [" ".join(text.get_text().split()) for text in new_map.dashboard("848").axes[0].texts]
    assert "≈1.180 (2026) năm 2025: ≈1.147" in district


def test_a_yearly_falls_panel_writes_its_scale_the_vietnamese_way(new_map):
    # Nhị Trường's falls ran on a scale labelled "0.0 / 2.5 / 5.0" under Vietnamese text
    figure = new_map.fan_chart("T01", "29446-2025")
    checks.prepare(figure)
    falls = [ax for ax in figure.axes if ax.get_title(loc="left").startswith("Mức giảm mỗi năm")]
    assert len(falls) == 1 and checks.number_format_problems(figure, "vi") == []
    falls[0].set_yticks([0, 2.5, 5])  # the steps a chart printed smaller (the review's) gets
    figure.canvas.draw()
    assert [text.get_text() for text in falls[0].get_yticklabels()] == ["0,0", "2,5", "5,0"]


def test_small_multiples_name_the_district_as_the_sum_of_its_communes(old_map, new_map):
    # "Nguồn: tổng hợp từ 15 xã, thị trấn" under fifteen commune panels read as every panel's source
    figure = old_map.small_multiples("T02")
    footer = " ".join(text.get_text() for text in figure.texts)
    assert "Nguồn: Toàn huyện: tổng hợp từ 15 xã, thị trấn;" in footer  # as its panel is titled
    one_area = " ".join(text.get_text() for text in old_map.fan_chart("T02", DISTRICT).texts)
    assert "Nguồn: tổng hợp từ 15 xã, thị trấn" in one_area  # the district's own chart needs no name
    # the former district on the new map: its two compositions once, not its name twice
    footer = " ".join(" ".join(text.get_text().split()) for text in new_map.small_multiples("T01").texts)
    assert "Nguồn: Địa bàn huyện Cầu Ngang cũ: tổng hợp từ 15 xã, thị trấn và 6 xã mới;" in footer


def test_a_yearly_falls_panel_draws_no_projected_fall_from_a_level_merely_kept(tmp_path):
    # three poverty points: the projection keeps the latest value, and a hollow "Dự báo 2027: 0,0" bar read as
    # "no fall expected"
    (tmp_path / "hiep_my.csv").write_text(
        "indicator,area_code,group,year,standard,value,source\n"
        + "".join(f"poverty_rate_households,29455-2025,khmer,{year},2022-2025,{value},UBND xã Hiệp Mỹ\n"
                  for year, value in ((2025, 3.65), (2026, 2.95))), encoding="utf-8")
    figure = Workbench(tmp_path, map="new").fan_chart("T01", "29455-2025")
    falls = [ax for ax in figure.axes if ax.get_title(loc="left").startswith("Mức giảm mỗi năm")]
    assert len(falls) == 1
    assert not any(name.startswith("Dự báo") for name in falls[0].get_legend_handles_labels()[1])


def test_a_communes_slide_board_marks_its_own_level_where_its_note_says(new_map):
    # "§ mức so sánh của xã …" stood under a board with no § (it has no goal column), and "† chờ số | liệu năm
    # 2025" broke a note across two lines
    texts = [text.get_text() for text in new_map.deadline_board(2025, area="29416-2025").axes[0].texts]
    assert any(text.endswith("toàn huyện§") for text in texts)  # T14's name, wrapped
    footer = next(text for text in texts if text.startswith("§ mức so sánh của xã"))
    assert all(line.startswith(("§", "†", "‡", "Nguồn")) for line in footer.split("\n"))


def test_points_joined_by_an_overlap_year_are_drawn_as_used_and_the_overlap_figure_is_drawn(tmp_path):
    # 2021 on both poverty lines: the 2016–2020 points joined the new level and were used, but were drawn as
    # "không dùng để dự báo" beside a footer counting them, and the 2021 figure on the old line was not drawn
    figure = Workbench(builders.data_with_a_year_on_two_lines(tmp_path), map="old", areas=["29434"]).fan_chart(
        "T01", "29434")
    lines = figure.axes[0].lines
    used = [line for line in lines if line.get_label().startswith("Chuẩn cũ") and "tốc độ thay đổi" in line.get_label()]
    unused = [line for line in lines if "không dùng để dự báo" in line.get_label()]
    assert sorted(int(x) for line in used for x in line.get_xdata()) == [2016, 2017, 2018, 2019, 2020, 2021]
    assert 9.5 in [float(y) for line in used for y in line.get_ydata()]
    assert [int(x) for line in unused for x in line.get_xdata()] == [2015]  # alone on the 2011–2015 line


def test_a_communes_own_benchmark_is_a_hollow_diamond_beside_the_plans_filled_one(old_map):
    # "Mục tiêu" and "Mức so sánh của xã" were the same filled diamond: a commune at twice the plan's 20 % read as
    # missing a target of the plan
    figure = old_map.small_multiples("T14")
    markers = {line.get_label(): line.get_markerfacecolor() for ax in figure.axes for line in ax.lines
               if line.get_marker() == "D"}
    assert markers["Mức so sánh của xã"] == "white"
    assert markers["Mục tiêu"] != "white"
    legend = {text.get_text(): handle for text, handle in zip(figure.legends[0].get_texts(),
                                                              figure.legends[0].legend_handles)}
    assert legend["Mức so sánh của xã"].get_markerfacecolor() == "white"


def test_communes_whose_poverty_target_is_zero_are_told_it_is_the_workbenchs_reading(old_map):
    # ten communes' diamonds sat at 0 % under "Mục tiêu", and the "cách đọc của công cụ" was only in the tables
    texts = " ".join(text.get_text() for text in old_map.small_multiples("T01").texts)
    assert ("Mục tiêu 0 %: giảm 3 điểm %/năm thì đến năm 2025 tỷ lệ về 0 %, nên cần giảm hết phần còn lại (cách đọc "
            "của công cụ; kế hoạch đặt mức giảm 3–4 điểm %/năm)") in " ".join(texts.split())
    assert "Mục tiêu 0 %" not in " ".join(text.get_text() for text in old_map.small_multiples("T02").texts)


def test_a_new_commune_with_land_from_outside_says_whose_figures_its_earlier_years_are(shipped_new_map):
    # xã Ngũ Lạc's years to 2024 are the old Thạnh Hòa Sơn's alone: the charts named the whole new commune and
    # marked them "≈ số liệu ước tính", and the Duyên Hải part was said only in the tables' notes
    note = "Trước năm 2025 (≈): số liệu của xã Thạnh Hòa Sơn cũ, chưa gồm xã Ngũ Lạc cũ của huyện Duyên Hải."
    for figure in (shipped_new_map.fan_chart("T01", "29530-2025"), shipped_new_map.small_multiples("T02")):
        assert note in " ".join(" ".join(text.get_text() for text in figure.texts).split())
    assert "Thạnh Hòa Sơn cũ" not in " ".join(t.get_text() for t in shipped_new_map.fan_chart("T01", "29431-2025").texts)


@pytest.mark.parametrize("width", range(150, 700, 25))
def test_a_title_never_splits_a_compound_word(width):
    # T11's title broke as "… về nhà ở, đất" / "ở, đất sản xuất …": "đất" (land) alone, "ở" on the next line
    title = "Hỗ trợ 100 % hộ chính sách có nhu cầu về nhà ở, đất ở, đất sản xuất, chuyển đổi nghề — Huyện Cầu Ngang"
    lines = fit_lines(title, width, 15, "bold")
    assert " ".join(lines) == title
    assert not any(line.endswith((" đất", " nhà")) for line in lines)
    # T07's and T08's broke as "… cấp trung" / "học cơ sở …" on their slides and in the review
    title = "Tỷ lệ học sinh Khmer đi học trong độ tuổi cấp trung học phổ thông trên 80 % — theo xã — đánh giá năm 2025"
    lines = fit_lines(title, width, 15, "bold")
    assert " ".join(lines) == title
    assert not any(line.endswith((" trung", " phổ", " trung học")) for line in lines)
