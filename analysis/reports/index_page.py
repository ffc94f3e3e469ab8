"""``index.html``: one page that links every output of a report (no scripts, no network)."""

from __future__ import annotations

import html
import re
import shlex
from pathlib import Path
from typing import Collection

import pandas as pd

from ..paths import COMMAND, REPORTS_DIR
from ..words import chance_shown
from .row_words import DARK_VERDICTS, mark_notes, marked_goal, marked_verdict, merged_note
from .style import verdict_color
from ..text import check_language, in_sentence, label, register_labels

__all__ = ["area_with_boundary", "index_html", "review_files", "with_reviews"]

REVIEW_NAME = re.compile(r"bao_cao_(?P<kind>annual|final)_(?P<year>\d{4})(?:_(?P<area>\d[\d-]*))?(?P<en>_en)?"
                         r"\.(?P<suffix>docx|pdf)")
"""The file names the review command writes (``review.review_file_name``)."""
REVIEWS_START, REVIEWS_END = "<!-- reviews -->", "<!-- /reviews -->"
"""Around the list of Word reviews, which the review command renews when it adds one."""

register_labels({
    "index_title": ("Báo cáo tiến độ Kế hoạch 20/KH-UBND — {place}", "Progress report, Plan 20/KH-UBND — {place}"),
    "index_files": ("Tệp cho cuộc họp", "Files for the meeting"),
    "index_dashboard": ("Bảng tổng hợp một trang", "One-page dashboard"),
    "index_slides": ("Bản trình chiếu (.pptx)", "Slide deck (.pptx)"),
    "index_deck_fans": ("Biểu đồ trong bản trình chiếu, chữ lớn (PNG)", "The deck's charts, in large text (PNG)"),
    "index_deadline_boards": ("Bảng tổng hợp theo năm hạn, cho trình chiếu (PNG)",
                              "The dashboard by deadline, for slides (PNG)"),
    "index_summary_xlsx": ("Bảng tổng hợp (Excel)", "Summary table (Excel)"),
    "index_summary_csv": ("Bảng tổng hợp (CSV)", "Summary table (CSV)"),
    "index_reviews": ("Báo cáo kết quả thực hiện (Word, thể thức Nghị định 30/2020)",
                      "Reviews of the plan (Word, in the form of Decree 30/2020)"),
    "index_review_final": ("Báo cáo tổng kết giai đoạn 2021–{year}", "End-of-period review 2021–{year}"),
    "index_review_annual": ("Báo cáo kết quả năm {year}", "Review of {year}"),
    "index_review_en": (" (tiếng Anh)", " (English)"),
    "index_review_vi": ("", " (Vietnamese)"),
    "index_review_other_data": (" (viết từ số liệu khác báo cáo này; cập nhật bằng lệnh: {command})",
                                " (written from other data than this report; renew it with: {command})"),
    "index_no_review": ("Chưa có. Lệnh {command} review --year 2025{options} ({by_make}báo cáo của năm khác: thay 2025 "
                        "bằng năm đó) ghi báo cáo vào thư mục này và thêm liên kết ở đây.",
                        "None yet. {command} review --year 2025{options} ({by_make}for another year, replace 2025 "
                        "with that year) writes the review into this folder and links it here."),
    # only of the shipped data into reports/: make report runs nothing else
    "index_by_make": ("make report chạy sẵn; ", "make report runs it; "),
    "index_multiples": ("So sánh các xã", "Communes side by side"),
    "index_fans": ("Biểu đồ dự báo theo chỉ tiêu và địa bàn", "Projection charts by target and area"),
    "index_formats": ("Mỗi biểu đồ có PNG (trình chiếu), SVG và PDF (in ấn) khi có trong danh sách.",
                      "Every chart comes as PNG (slides), SVG and PDF (print) where listed."),
    # the old map's communes have 2025 rows only: where their 2030 went
    "index_merged": ("Các xã, thị trấn cũ chỉ được đánh giá đến năm 2025: từ 1/7/2025, 15 xã, thị trấn được sắp xếp "
                     "thành 6 xã mới; mục tiêu năm 2030 của các xã được đánh giá cho xã mới ({command} "
                     "report --map new).",
                     "The old communes and towns are assessed to 2025 only: from 1 July 2025 the 15 were merged "
                     "into 6 new communes, and the communes' 2030 targets are assessed for the new ones ({command} "
                     "report --map new)."),
    "index_area": ("Địa bàn", "Area"),
    "index_deadline": ("Năm hạn", "Deadline"),
    "index_target": ("Mục tiêu", "Target"),
    "index_verdict": ("Đánh giá", "Verdict"),
    "index_chance": ("Khả năng đạt", "Chance"),
    "index_charts": ("Biểu đồ", "Charts"),
    "index_no_chart": ("chưa có số liệu, không có biểu đồ", "no figures yet, no chart"),
    "index_illustrative": ("Lưu ý: báo cáo này dùng số liệu MINH HỌA ({which}; nguồn ghi dưới mỗi biểu đồ); các kết "
                           "quả dựa trên chúng không phải số liệu thật.",
                           "Note: this report uses ILLUSTRATIVE data ({which}; each chart names its sources); "
                           "results built on it are not real figures."),
    "index_illustrative_district": ("ở {n}/{total} chỉ tiêu cấp huyện", "in {n} of {total} district targets"),
    "index_illustrative_communes": ("ở các xã", "for the communes"),
    "index_and": (" và ", " and "),
})


def _illustrative_note(table: pd.DataFrame, lang: str) -> str:
    """Where the illustrative data are, counted: "18/20 chỉ tiêu cấp huyện", not "một số".

    >>> t = pd.DataFrame({"target_id": ["T01", "T02", "T01"], "area_kind": ["district", "district", "commune"],
    ...                   "illustrative": [True, False, True]})
    >>> _illustrative_note(t, "vi")[:86]
    'Lưu ý: báo cáo này dùng số liệu MINH HỌA (ở 1/2 chỉ tiêu cấp huyện và ở các xã; nguồn '
    """
    district = table[table["area_kind"] == "district"]
    parts = []
    if district["illustrative"].any():
        parts.append(label("index_illustrative_district", lang).format(
            n=district.loc[district["illustrative"], "target_id"].nunique(), total=district["target_id"].nunique()))
    if table.loc[table["area_kind"] != "district", "illustrative"].any():
        parts.append(label("index_illustrative_communes", lang))
    return label("index_illustrative", lang).format(which=label("index_and", lang).join(parts))


def _link(path: str, text: str) -> str:
    return f'<a href="{html.escape(path)}">{html.escape(text)}</a>'


def review_files(folder: Path) -> list[str]:
    """The Word reviews (and their PDFs) in ``folder``, by name.

    >>> import tempfile
    >>> home = Path(tempfile.mkdtemp())
    >>> for name in ("bao_cao_final_2025.pdf", "bao_cao_final_2025.docx", "notes.docx", "bao_cao_x.docx"):
    ...     _ = (home / name).write_text("")
    >>> review_files(home), review_files(home / "missing")
    (['bao_cao_final_2025.docx', 'bao_cao_final_2025.pdf'], [])
    """
    if not folder.is_dir():
        return []
    return sorted(entry.name for entry in folder.iterdir() if entry.is_file() and REVIEW_NAME.fullmatch(entry.name))


_OPTIONS = re.compile(r"<!-- review options:(?P<options>[^>]*)-->")


def review_options(data, out: Path, map: str | None) -> str:
    """The options a review needs to read what a report read and write beside it (" --data … --map new
    --out …"; "" for the shipped data, the default map and ``reports/``): the index's hint gave the
    default command under a report made from an office's folder into another one.

    >>> review_options(None, REPORTS_DIR, None), review_options([Path("so lieu/xa.xlsx")], Path("/tmp/ra"), "new")
    ('', " --data 'so lieu/xa.xlsx' --map new --out /tmp/ra")
    """
    sources = [data] if isinstance(data, (str, Path)) else list(data or [])
    options = f" --data {' '.join(shlex.quote(str(source)) for source in sources)}" if sources else ""
    options += f" --map {map}" if map else ""
    if Path(out).resolve() != REPORTS_DIR.resolve():
        options += f" --out {shlex.quote(str(out))}"
    return options


def _reviews_block(names: list[str], lang: str, other_data: Collection[str] = (), options: str = "") -> str:
    """The list of reviews, one line per document with its formats, between the markers; the
    commands it gives carry ``options`` (:func:`review_options`), kept in the block for the review
    command to renew it with.

    >>> print(_reviews_block(["bao_cao_annual_2024.docx", "bao_cao_final_2025.docx", "bao_cao_final_2025.pdf"], "vi"))
    <!-- reviews --><h2>Báo cáo kết quả thực hiện (Word, thể thức Nghị định 30/2020)</h2><ul>
    <li>Báo cáo kết quả năm 2024: <a href="bao_cao_annual_2024.docx">DOCX</a></li>
    <li>Báo cáo tổng kết giai đoạn 2021–2025: <a href="bao_cao_final_2025.docx">DOCX</a>, <a href="bao_cao_final_2025.pdf">PDF</a></li>
    </ul><!-- /reviews -->
    >>> "tổng kết giai đoạn 2021–2025 — Xã Vinh Kim (từ 1/7/2025): <a" in _reviews_block(
    ...     ["bao_cao_final_2025_29431-2025.docx"], "vi")
    True
    >>> block = _reviews_block(["bao_cao_final_2025_en.docx"], "en", {"bao_cao_final_2025_en.docx"})
    >>> "(English) (written from other data than this report; renew it with: .venv/bin/python -m analysis review" in block
    True
    >>> "--year 2025 --kind final --lang en)" in block
    True
    """
    documents: dict[tuple, list[str]] = {}
    for name in names:
        match = REVIEW_NAME.fullmatch(name)
        if match:
            documents.setdefault((match["year"], match["kind"], match["area"] or "", bool(match["en"])), []).append(name)
    kept = f"<!-- review options:{html.escape(options)}-->" if options else ""
    out = [f"{REVIEWS_START}{kept}<h2>{html.escape(label('index_reviews', lang))}</h2><ul>"]
    for (year, kind, area, english), files in sorted(documents.items()):
        title = label(f"index_review_{kind}", lang).format(year=year)
        if area:  # a commune's own review: "— Xã Vinh Kim (từ 1/7/2025)"
            title += f" — {area_with_boundary(area, lang)}"
        title += label("index_review_en" if english else "index_review_vi", lang)
        if set(files) & set(other_data):  # with the command that renews it
            command = f"{COMMAND} review --year {year} --kind {kind}" + (" --lang en" if english else "") \
                + (f" --area {area}" if area else "") + options
            title += label("index_review_other_data", lang).format(command=command)
        links = ", ".join(_link(name, name.rsplit(".", 1)[1].upper())
                          for name in sorted(files, key=lambda n: n.endswith(".pdf")))
        out.append(f"<li>{html.escape(title)}: {links}</li>")
    if not documents:
        hint = label("index_no_review", lang).format(command=COMMAND, options=options,
                                                     by_make="" if options else label("index_by_make", lang))
        out.append(f"<li>{html.escape(hint)}</li>")
    out.append(f"</ul>{REVIEWS_END}")
    return "\n".join(out)


def area_with_boundary(code: str, lang: str) -> str:
    """An area's name from the catalogue, with the boundary it had where a commune of that name
    existed before and after the reform (xã Vinh Kim: before 1/7/2025 without Kim Hòa, after with
    it); its code when the catalogue does not have it.

    >>> area_with_boundary("29431-2025", "vi"), area_with_boundary("29431", "en"), area_with_boundary("00000", "vi")
    ('Xã Vinh Kim (từ 1/7/2025)', 'Vinh Kim commune (before 1 July 2025)', '00000')
    >>> area_with_boundary("848", "vi")  # the district ended with the reform
    'Huyện Cầu Ngang (trước 1/7/2025)'
    """
    from ..data.catalogue import load_areas
    from ..data.reform import short_date

    areas = load_areas()
    if code not in areas.index:
        return code
    row = areas.loc[code]
    name = str(row["name_vi" if lang == "vi" else "name_en"])
    if pd.notna(row.get("valid_from")):
        return name + (" (từ {})" if lang == "vi" else " (from {})").format(short_date(row["valid_from"], lang))
    if pd.notna(row.get("valid_to")):
        day = pd.Timestamp(row["valid_to"]) + pd.Timedelta(days=1)
        return name + (" (trước {})" if lang == "vi" else " (before {})").format(short_date(day, lang))
    return name


def with_reviews(page: str, names: list[str], other_data: Collection[str] = ()) -> str:
    """``page`` (an index.html) with its list of reviews renewed for ``names``, in the page's
    own language, those written from other data than the report marked (``other_data``); a
    page without the list is returned as it is.

    >>> page = '<html lang="en">' + _reviews_block([], "en") + '</html>'
    >>> "End-of-period review 2021–2025 (Vietnamese): <a" in with_reviews(page, ["bao_cao_final_2025.docx"])
    True
    """
    start, end = page.find(REVIEWS_START), page.find(REVIEWS_END)
    if start < 0 or end < start:
        return page
    lang = "en" if '<html lang="en">' in page else "vi"
    kept = _OPTIONS.search(page, start, end)
    options = html.unescape(kept["options"]) if kept else ""
    return page[:start] + _reviews_block(names, lang, other_data, options) + page[end + len(REVIEWS_END):]


def index_html(table: pd.DataFrame, files: dict, lang: str = "vi") -> str:
    """The page. ``files`` maps "dashboard", "slides", "summary_csv", "summary_xlsx",
    "multiples" (target → stem) and "fans" ((target, area) → (stem, formats)) to relative paths,
    "deadline_boards", when given, each deadline to its board's stem, "deck_fans", when given,
    each target to the stem of its chart drawn for the deck, and "reviews", when given, to the
    Word reviews' file names (:func:`review_files`).

    The chance is shown as in every table (:func:`analysis.words.chance_shown`): "57 %‡" for a
    target met already, with the dashboard's footnote under its table; "–" once the deadline's
    figure is in."""
    check_language(lang)
    # the district's name on the report's map: "địa bàn huyện Cầu Ngang cũ" on the new one, as every other output
    district = table.loc[table["area_kind"] == "district", f"area_{lang}"]
    place = in_sentence(district.iloc[0], lang) if len(district) else ("huyện Cầu Ngang" if lang == "vi"
                                                                         else "Cầu Ngang district")
    title = label("index_title", lang).format(place=place)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;max-width:70em}"
        "h1{font-size:1.5em}.warn{color:#D55E00;font-weight:bold}"
        "table{border-collapse:collapse}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left}"
        ".s{padding:.1em .4em;border-radius:3px}img{max-width:100%;border:1px solid #ddd}"
        ".note{font-size:.9em;color:#555;margin-top:.3em}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    if table["illustrative"].any():
        out.append(f'<p class="warn">{html.escape(_illustrative_note(table, lang))}</p>')
    out.append(f"<h2>{html.escape(label('index_files', lang))}</h2><ul>")
    for key, name in (("slides", "index_slides"), ("summary_xlsx", "index_summary_xlsx"),
                      ("summary_csv", "index_summary_csv")):
        out.append(f"<li>{_link(files[key], label(name, lang))}</li>")
    dashboard = files["dashboard"]
    out.append(f"<li>{html.escape(label('index_dashboard', lang))}: " + ", ".join(
        _link(f"{dashboard}.{fmt}", fmt.upper()) for fmt in ("png", "svg", "pdf")) + "</li>")
    if files.get("deck_fans"):
        out.append(f"<li>{html.escape(label('index_deck_fans', lang))}: " + ", ".join(
            _link(f"{stem}.png", target) for target, stem in files["deck_fans"].items()) + "</li>")
    if files.get("deadline_boards"):
        out.append(f"<li>{html.escape(label('index_deadline_boards', lang))}: " + ", ".join(
            _link(f"{stem}.png", str(deadline)) for deadline, stem in sorted(files["deadline_boards"].items()))
            + "</li>")
    out.append("</ul>")
    out.append(_reviews_block(files.get("reviews", []), lang, files.get("reviews_from_other_data", ()),
                              files.get("review_options", "")))  # above the dashboard's picture, in sight
    out.append(f'<p><img src="{html.escape(dashboard)}.png" alt="{html.escape(label("index_dashboard", lang))}"></p>')
    out.append(f"<h2>{html.escape(label('index_fans', lang))}</h2>")
    out.append(f"<p>{html.escape(label('index_formats', lang))}</p>")
    if any(merged_note(str(code), lang) for code in dict.fromkeys(table["area_code"])):
        out.append(f'<p class="note">{html.escape(label("index_merged", lang).format(command=COMMAND))}</p>')
    # the verdicts' rule once, as under the dashboard: the tables below show every label without it
    out.append(f'<p class="note">{html.escape(label("dashboard_method", lang) + " " + label("dashboard_colours", lang))}</p>')
    # target by target, in the plan's order (the catalogue's), the district first
    header = "".join(f"<th>{html.escape(label(key, lang))}</th>"
                     for key in ("index_area", "index_deadline", "index_target", "index_verdict", "index_chance",
                                 "index_charts"))
    for target_id in dict.fromkeys(table["target_id"]):
        rows = table[table["target_id"] == target_id]
        name = rows["target_vi" if lang == "vi" else "target_en"].iloc[0]
        out.append(f'<h3 id="{html.escape(target_id)}">{html.escape(target_id)} {html.escape(name)}</h3>')
        if target_id in files["multiples"]:
            stem = files["multiples"][target_id]
            links = ", ".join(_link(f"{stem}.{fmt}", fmt.upper()) for fmt in ("png", "svg", "pdf"))
            out.append(f"<p>{html.escape(label('index_multiples', lang))}: {links}</p>")
        out.append(f"<table><tr>{header}</tr>")
        ordered = rows.sort_values(["area_kind", "area_code", "deadline"],
                                   key=lambda c: c.map(lambda k: 0 if k in ("district", "aggregate") else 1)
                                   if c.name == "area_kind" else c)
        for _, row in ordered.iterrows():
            area = row["area_vi"] if lang == "vi" else row["area_en"]
            key = (row["target_id"], row["area_code"])
            links = ", ".join(_link(f"{files['fans'][key][0]}.{fmt}", fmt.upper()) for fmt in files["fans"][key][1]) \
                if key in files["fans"] else html.escape(label("index_no_chart", lang))
            color = verdict_color(row, "#D9D9D9")
            text_color = "#fff" if row["verdict"] in DARK_VERDICTS else "#000"
            # the verdict with the dashboard's marks (* assumed 2030 target, † awaited figure)
            words = marked_verdict(row, lang, int(row["deadline"])) if row["verdict"] \
                else label("projection_only", lang)
            verdict = f'<span class="s" style="background:{color};color:{text_color}">{html.escape(words)}</span>'
            # each row's own target: a commune of T14 is judged against its own Khmer population
            # share, and "Đã đạt" under a heading of 20 % read as 20 % reached
            # a deadline the plan sets no target for has none to show, with or without figures ("giảm ––– điểm %")
            goal = marked_goal(row, lang) if row["verdict"] and row["origin"] != "projection" else "–"
            out.append(f"<tr><td>{html.escape(area)}</td><td>{row['deadline']}</td><td>{html.escape(goal)}</td>"
                       f"<td>{verdict}</td><td>{html.escape(chance_shown(row, lang))}</td><td>{links}</td></tr>")
        out.append("</table>")
        # the dashboard's footnotes, under the table
        for note in mark_notes(rows[rows["verdict"] != ""], lang, thresholds=True, needed_column=False):
            out.append(f'<p class="note">{html.escape(note)}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
