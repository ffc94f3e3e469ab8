"""The yearly review of Plan 20/KH-UBND as a Word document, ready to sign and send.

``python -m analysis review --year 2025`` writes ``bao_cao_<kind>_<year>.docx`` (a commune's:
``bao_cao_<kind>_<year>_<area>.docx``; and a PDF when LibreOffice is on the machine): a báo cáo in the form Nghị định 30/2020/NĐ-CP sets for an
administrative text with a type name (Phụ lục I, "văn bản có tên loại"):

- A4 portrait, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
  page numbers centred in the top margin, 14 pt, none on the first page;
- at the top, side by side (a borderless table): the issuing body — its parent body in capitals
  (12 pt), the body itself in bold capitals (12 pt) over a solid line a third to a half of its
  length, then "Số: …/BC-…" (13 pt) — and the national heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM" (bold capitals, 12 pt) over "Độc lập - Tự do - Hạnh phúc" (bold, 13 pt) over a solid line
  as long as that motto, then the place and date in italics (14 pt);
- the type name "BÁO CÁO" and the summary line under it (bold, 14 pt, centred) over a solid
  line a third of the line's length;
- the body (14 pt, justified, first line indented 1,27 cm, 6 pt between paragraphs), parts
  numbered I, II, … in bold capitals, items 1, 2, … in bold, points a), b), … in the
  Vietnamese alphabet; the closing "./.";
- "Nơi nhận:" (bold italic, 12 pt) and its list (11 pt) on the left, the signer's title (bold
  capitals, 14 pt) and name (bold, 14 pt) on the right;
- the appendices: every target in one table (landscape), the fan charts of the focus targets
  as numbered figures, and one page per office in charge with the targets it answers for.

The content comes from the assessment (:class:`analysis.Workbench`); the sentences are made in
:mod:`analysis.reports.review_text`. The issuing body, number, place, date and signer come from
``data/review.yaml`` or options and are dotted blanks to fill by hand by default. The document
is byte-for-byte reproducible: fixed document dates and zip timestamps, reproducible PNGs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import yaml
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from .. import paths
from ..assessment.assess import _area_name, default_map
from ..data.catalogue import commune_codes, load_areas, load_reforms, load_targets
from .index_page import area_with_boundary
from ..data.reform import areas_on_map, retired_notes, short_date
from ..data.series import reported_rows
from ..data.observations import area_option_codes, check_observations, load_observations, protected_paths
from ..data.problems import problem
from ..errors import DataError, Problem
from ..export import (MANIFEST, REPORT_ENTRY, OwnFiles, check_beside_data, folder_lock, read_inputs,
                      reproducible_office_file, write_bytes_atomic, write_inputs, write_text_atomic,
                      written_from_other_data)
from ..text import check_language, in_sentence, label, nfc, register_labels
from ..assessment.verdict import CHANCE_BANDS, NEEDS_ATTENTION, ON_TRACK_PACE, RECENT_YEARS
from ..words import (chance_shown, chance_text, fmt_number, is_benchmark, is_holding, is_missing, latest_decimals,
                     needed_text, target_text, value_text)
from ..workbench import Workbench, inputs_digest
from .review_text import (POINT_LETTERS, Verdict, attention_lines, earlier_result, illustrative_sentence, part_of_area,
                          plan_cell, qualitative_sentence, result_cell, source_text, spaced_percent, summary_sentences,
                          target_sentences, verdict_of, verdict_tally)
from .docx_form import (CELL_PADDING, TEXT_WIDTH, add_dotted_lines, add_page_numbers, add_paragraph, add_rule, add_run,
                        add_table, landscape, portrait, repeat_header, set_cell_text, set_styles, text_width_cm)
from .index_page import review_files, with_reviews
from .row_words import is_plan_aim
from .style import SLIDE, render

__all__ = ["build_review", "write_review", "run_review", "load_review_settings", "ReviewSettings",
           "add_review_arguments", "review_file_name", "KINDS", "MAPS", "SETTINGS_FILE"]

SETTINGS_FILE = paths.DATA_DIR / "review.yaml"
KINDS = ("annual", "final")
"""annual: the results of one year; final: the end-of-period review of 2021–2025."""
MAPS = ("old", "new")
"""old: the district map (before 1 July 2025); new: the province and new communes after it."""
PLAN_START, PLAN_END = 2021, 2025

DEFAULT_AREA = {"old": "848", "new": "848"}
"""The area each map reports on: the district, and on the new map the former district's area
(the same code, built from the new communes from 2025; data/admin_reforms.yaml)."""
BLANK = "……"
"""A dotted blank, to be filled in by hand."""
HEADER_COLUMNS = (6.3, TEXT_WIDTH - 6.3)
FIGURE_WIDTH = 23.0
"""Width (cm) of a chart on the landscape pages of Phụ lục 2: a slide printed at about two thirds
of its size, small enough for the appendix heading and a caption to share the first page with it."""
PRINTED_FOOTER = 8.0
"""Points the notes and sources under a chart measure on paper (at the slide's own size they
would print at under 6 points)."""

register_labels({
    "rv_nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "rv_motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "rv_number": ("Số", "No."),
    "rv_type": ("BÁO CÁO", "REPORT"),
    "rv_recipients": ("Nơi nhận:", "Recipients:"),
    "rv_part_summary": ("KHÁI QUÁT TÌNH HÌNH THỰC HIỆN", "OVERVIEW"),
    "rv_part_results": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "RESULTS TARGET BY TARGET"),
    "rv_part_difficulties": ("KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
                             "DIFFICULTIES AND PROPOSALS"),
    "rv_difficulties": ("Khó khăn, vướng mắc", "Difficulties"),
    "rv_causes": ("Nguyên nhân", "Causes"),
    "rv_proposals": ("Đề xuất, kiến nghị", "Proposals"),
    "rv_appendix": ("Phụ lục", "Appendix"),
    "rv_appendix_table": ("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "RESULTS OF EVERY TARGET"),
    "rv_appendix_figures": ("BIỂU ĐỒ CÁC CHỈ TIÊU TRỌNG TÂM", "CHARTS OF THE FOCUS TARGETS"),
    "rv_appendix_offices": ("CHỈ TIÊU THEO CƠ QUAN CHỦ TRÌ", "TARGETS BY OFFICE IN CHARGE"),
    "rv_figure": ("Hình", "Figure"),
    "rv_col_no": ("STT", "No."),
    "rv_col_code": ("Mã", "ID"),  # "Code" wrapped as "Cod/e" in its 1,2 cm column
    "rv_col_target": ("Chỉ tiêu", "Target"),
    "rv_col_plan": ("Kế hoạch", "Plan"),
    "rv_col_result": ("Thực hiện (năm)", "Result (year)"),
    "rv_col_verdict": ("Đánh giá", "Assessment"),
    "rv_col_needed": ("Cần mỗi năm", "Needed a year"),
    "rv_col_chance": ("Khả năng đạt", "Chance"),
    "rv_col_source": ("Nguồn số liệu", "Source of the figures"),
})

_SECTION_TITLES = {
    "II.1": ("Mục tiêu chung", "General objective"),
    "II.2": ("Mục tiêu cụ thể đến năm 2025", "Specific targets for 2025"),
    "II.3": ("Định hướng đến năm 2030", "Orientation to 2030"),
    "IV.2": ("Nhiệm vụ phát triển kinh tế - xã hội", "Economic and social development tasks"),
}
"""The plan's own headings for the sections its targets come from."""


# ---------------------------------------------------------------------------------------
# settings


@dataclass(frozen=True)
class ReviewSettings:
    """Who issues and signs the report, in the report's language; blanks are ``""``."""

    parent: str
    body: str
    name: str
    recipients: tuple[str, ...]
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: dt.date | None = None
    signer_title: str = ""
    signer_name: str = ""
    subjects: dict[str, str] = field(default_factory=dict)
    after_reform: bool = False
    """Dated after the district ended: its offices are asked through the bodies that took over
    their tasks."""
    issuer: str = ""
    """The settings file's key of the issuing body ("commune" …)."""


def named_issuer(settings: ReviewSettings, area: pd.Series, lang: str) -> ReviewSettings:
    """The settings with a commune issuer's blank ("ỦY BAN NHÂN DÂN XÃ …") filled with the
    commune reported on; other settings as they are.

    >>> blank = ReviewSettings("", "ỦY BAN NHÂN DÂN XÃ …", "Ủy ban nhân dân xã …", ())
    >>> area = pd.Series({"kind": "commune", "name_vi": "Xã Vinh Kim", "name_en": "Vinh Kim commune"})
    >>> named = named_issuer(blank, area, "vi")
    >>> named.body, named.name
    ('ỦY BAN NHÂN DÂN XÃ\xa0VINH\xa0KIM', 'Ủy ban nhân dân xã Vinh Kim')
    >>> named_issuer(ReviewSettings("", "PEOPLE'S COMMITTEE OF … COMMUNE", "the People's Committee of … commune",
    ...                             ()), area, "en").body
    "PEOPLE'S COMMITTEE OF VINH\xa0KIM\xa0COMMUNE"
    """
    if area.get("kind") not in ("commune", "town") or "…" not in settings.body:
        return settings
    name = nfc(str(area["name_vi" if lang == "vi" else "name_en"]))
    # the heading keeps the name on one line: "ỦY BAN NHÂN DÂN XÃ NGŨ / LẠC" broke inside it
    heading = name.upper().replace(" ", "\u00a0")
    if lang == "vi":  # "Xã Vinh Kim" → "XÃ VINH KIM" in the heading, "xã Vinh Kim" in a sentence
        body = re.sub(r"(XÃ|THỊ TRẤN) …", heading, settings.body)
        full = re.sub(r"(xã|thị trấn) …", in_sentence(name), settings.name)
    else:  # "Vinh Kim commune"
        body = re.sub(r"… (COMMUNE|TOWN)", heading, settings.body)
        full = re.sub(r"… (commune|town)", name, settings.name)
    return replace(settings, body=body, name=full)


def _settings_problem(file: str, key: str, vi: str, en: str, fix_vi: str, fix_en: str) -> Problem:
    return Problem(file, None, key, vi, en, fix_vi, fix_en)


def _parse_date(text: str) -> dt.date | None:
    """A date written the Vietnamese way (10/12/2025) or as ISO (2025-12-10); None if neither.

    >>> _parse_date("10/12/2025"), _parse_date("2025-12-10"), _parse_date("5/3/2025"), _parse_date("31/02/2025")
    (datetime.date(2025, 12, 10), datetime.date(2025, 12, 10), datetime.date(2025, 3, 5), None)
    """
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def load_review_settings(path: str | Path | None = None, map_name: str = "old", lang: str = "vi",
                         issuer: str | None = None, as_of: dt.date | None = None,
                         area_kind: str | None = None, **overrides: str | None) -> ReviewSettings:
    """The settings of the review in ``lang``, from ``data/review.yaml``.

    ``issuer`` picks one of the file's issuers; by default the one of the review's date (the
    ``date`` setting, else ``as_of``, else today): the district's office before 1 July 2025, the
    province department from then on, whichever commune map (``map_name``) the figures follow —
    a review written in 2026 on the old communes' figures is not issued by a district that no
    longer exists. The review of one commune (``area_kind`` "commune" or "town") is issued by
    that commune's People's Committee when the commune exists on that date (a new commune from
    1 July 2025 on, a former one before it), with "UBND" after "BC-". ``overrides`` (number, symbol, place, date, signer_title, signer_name, body,
    parent) replace the file's values when not ``None``. Bad settings raise
    :class:`~analysis.DataError` naming the key.

    >>> s = load_review_settings(map_name="new")
    >>> s.parent, s.body, s.number
    ('UBND TỈNH VĨNH LONG', 'SỞ DÂN TỘC VÀ TÔN GIÁO', '')
    >>> load_review_settings(date="2025-02-10", signer_name="Nguyễn Văn A").body
    'PHÒNG DÂN TỘC'
    >>> commune = load_review_settings(map_name="new", area_kind="commune", as_of=dt.date(2026, 11, 30))
    >>> commune.body, commune.symbol
    ('ỦY BAN NHÂN DÂN XÃ …', 'UBND')
    >>> load_review_settings(map_name="old", area_kind="commune", as_of=dt.date(2026, 11, 30)).body
    'SỞ DÂN TỘC VÀ TÔN GIÁO'
    """
    check_language(lang)
    path = Path(path or SETTINGS_FILE)
    shown = _shown(path)
    if not path.exists():
        raise DataError([problem("path_not_found", shown, None, None)])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError([_settings_problem(shown, None, f"không đọc được tệp YAML ({type(exc).__name__}).",
                                           f"the YAML file cannot be read ({type(exc).__name__}).",
                                           "sửa cú pháp YAML (thụt lề, dấu ngoặc kép), lưu UTF-8.",
                                           "fix the YAML syntax (indentation, quotes); save as UTF-8.")]) from None
    issuers = data.get("issuers") or {}
    given = overrides.get("date") if overrides.get("date") is not None else data.get("date", "")
    dated = _parse_date(nfc(str(given or "")).strip()) or as_of or dt.date.today()
    chosen = issuer or _default_issuer(data.get("default_issuer") or {}, dated, map_name, area_kind)
    if chosen not in issuers:
        names = ", ".join(sorted(issuers)) or "–"
        raise DataError([_settings_problem(shown, "issuers", f'không có cơ quan ban hành "{chosen}".',
                                           f'there is no issuer "{chosen}".',
                                           f"chọn một trong: {names}, hoặc thêm mục này vào tệp.",
                                           f"choose one of: {names}, or add it to the file.")])
    entry = issuers[chosen]
    values = {
        "parent": entry.get(f"parent_{lang}", ""), "body": entry.get(f"body_{lang}", ""),
        "name": entry.get(f"name_{lang}", ""),
        "number": data.get("number", ""), "symbol": data.get("symbol") or entry.get("symbol", ""),
        "place": data.get("place", ""),
        "date": data.get("date", ""), "signer_title": (data.get("signer") or {}).get("title", ""),
        "signer_name": (data.get("signer") or {}).get("name", ""),
    }
    values.update({key: value for key, value in overrides.items() if value is not None})
    values = {key: nfc(str(value or "")).strip() for key, value in values.items()}
    date = None
    if values["date"]:
        date = _parse_date(values["date"])
        if date is None:
            file, column = ("--date", None) if overrides.get("date") is not None else (shown, "date")
            raise DataError([Problem(file, None, column, f'"{values["date"]}" không phải là ngày.',
                                     f'"{values["date"]}" is not a date.',
                                     "ghi ngày dạng NGÀY/THÁNG/NĂM hoặc NĂM-THÁNG-NGÀY, ví dụ 10/12/2025.",
                                     "write the date as DAY/MONTH/YEAR or YEAR-MONTH-DAY, e.g. 10/12/2025.")])
    subjects = {str(key): nfc(str((value or {}).get(lang, ""))) for key, value in (data.get("subjects") or {}).items()}
    return ReviewSettings(
        parent=values["parent"], body=values["body"], name=values["name"],
        recipients=tuple(nfc(str(line)) for line in entry.get(f"recipients_{lang}", []) or []),
        number=values["number"], symbol=values["symbol"], place=values["place"], date=date,
        signer_title=values["signer_title"], signer_name=values["signer_name"], subjects=subjects,
        after_reform=_after_reform(data.get("default_issuer") or {}, dated), issuer=str(chosen),
    )


def _after_reform(rule: dict, dated: dt.date) -> bool:
    """Whether a review dated ``dated`` is written on or after the day in ``from`` (the district
    ended); without that day, it is."""
    ended = _parse_date(str(rule.get("from", "")))
    return ended is None or dated >= ended


def _default_issuer(rule: dict, dated: dt.date, map_name: str = "old", area_kind: str | None = None) -> str | None:
    """The issuer of a review dated ``dated``: ``before`` the day in ``from``, ``after`` it; the
    ``commune`` issuer for one commune that exists on that day (on the new map from it on, on
    the old map before it).

    >>> rule = {"before": "district", "after": "province", "commune": "commune", "from": "2025-07-01"}
    >>> [_default_issuer(rule, dt.date(2026, 1, 5), m, k) for m, k in (("new", "commune"), ("old", "commune"),
    ...                                                                 ("new", "district"))]
    ['commune', 'province', 'province']
    >>> _default_issuer(rule, dt.date(2025, 3, 1), "old", "town")
    'commune'
    """
    after = _after_reform(rule, dated)
    if area_kind in ("commune", "town") and rule.get("commune") and _commune_exists(map_name, after):
        return rule["commune"]
    return (rule.get("after") or rule.get("before")) if after else rule.get("before")


def _commune_exists(map_name: str, after_reform: bool) -> bool:
    """Whether a commune of ``map_name`` exists on a review's date: a new commune from the reform
    on, a former one before it."""
    return (map_name == "new") == after_reform


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.PROJECT_ROOT))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------------
# the document


@dataclass
class _Item:
    """One target of the plan as the report shows it."""

    target_id: str
    name: str
    section: str
    line: int
    offices: list[tuple[str, str]]
    """(section of the plan, office name) pairs."""
    row: pd.Series | None
    """The assessment row for the judged deadline; None for a target not assessed."""
    verdict: Verdict | None
    qualitative: bool = False
    figure: int | None = None
    own_figure: str = ""
    """For a target judged for another area: this area's own latest figure of it, in words."""
    earlier: pd.Series | None = None
    """The row of the latest deadline before the judged one that the report's year has passed and that
    has a target (2025 in a review of 2026): what it came to is said beside the next deadline's verdict."""


def _judged_deadline(deadlines: list[int], year: int) -> int:
    """The deadline a report on ``year`` judges: the first not before the year, else the last."""
    later = [d for d in sorted(deadlines) if d >= year]
    return later[0] if later else max(deadlines)


def review_file_name(kind: str, year: int, suffix: str = "docx", lang: str = "vi", area: str | None = None) -> str:
    """``bao_cao_final_2025.docx`` (Vietnamese); ``bao_cao_final_2025_en.docx`` (English); a
    commune's review carries its code, so that no review overwrites another, nor sits beside
    another area's PDF under the same name.

    >>> review_file_name("final", 2025), review_file_name("annual", 2024, "pdf", "en")
    ('bao_cao_final_2025.docx', 'bao_cao_annual_2024_en.pdf')
    >>> review_file_name("final", 2025, area="29431-2025")
    'bao_cao_final_2025_29431-2025.docx'
    """
    return f"bao_cao_{kind}_{year}{'_' + area if area else ''}{'' if lang == 'vi' else '_' + lang}.{suffix}"


def _items(workbench: Workbench, area: str, year: int, lang: str) -> list[_Item]:
    targets = workbench.targets
    table = workbench.table[workbench.table["area_code"] == area]
    focus = set(targets.loc[targets["focus"], "target_id"])
    items: list[_Item] = []
    figure = 0
    for target_id, group in targets.groupby("target_id", sort=False):
        first = group.iloc[0]
        sections = [part.strip() for part in str(first["office_section"]).split(",")]
        names = [part.strip() for part in str(first[f"office_{lang}"]).split(";")]
        offices = list(zip(sections, names)) if len(sections) == len(names) else [(sections[0], names[0])]
        rows = table[table["target_id"] == target_id]
        row = verdict = earlier = None
        if len(rows):
            deadline = _judged_deadline(list(rows["deadline"]), year)
            row = rows[rows["deadline"] == deadline].iloc[0]
            verdict = verdict_of(row)
            passed = rows[(rows["deadline"] < min(deadline, year)) & (rows["verdict"] != "")]
            earlier = passed.loc[passed["deadline"].idxmax()] if len(passed) else None
        item = _Item(target_id, spaced_percent(first[lang]), str(first["plan_section"]).split(",")[0].strip(),
                     int(first["plan_line"]), offices, row, verdict, qualitative=first["kind"] == "qualitative",
                     own_figure=_own_figure(workbench, first, area, year, lang) if row is None else "",
                     earlier=earlier)
        if target_id in focus and row is not None:
            figure += 1
            item.figure = figure
        items.append(item)
    order = {section: min(i.line for i in items if i.section == section) for section in {i.section for i in items}}
    items.sort(key=lambda i: (order[i.section], i.line))
    # figures are numbered in the order the report mentions them
    numbered = 0
    for item in items:
        if item.figure is not None:
            numbered += 1
            item.figure = numbered
    return items


def _own_figure(workbench: Workbench, target: pd.Series, area: str, year: int, lang: str) -> str:
    """An area's latest figure (to ``year``) of a target judged for another area, in words ("" when
    it has none): an office that reported 185 new jobs found them in no line of its own review."""
    if target["kind"] == "qualitative":
        return ""
    rows = reported_rows(workbench.observations, target["indicator"], area, target["group"])
    rows = rows[rows.index <= year]
    if rows.empty:
        return ""
    value = value_text(float(rows["value"].iloc[-1]), target["unit"], lang)
    note = f" ({label('rv_illustrative', lang)})" if bool(rows["illustrative"].iloc[-1]) else ""
    latest = int(rows.index[-1])
    # the communes whose figure of that year the whole area still waits for, named: "chưa được tính" alone
    # did not say whose figures were missing
    areas = load_areas()
    missing = [code for code in commune_codes(areas, map=workbench.map) if code != area and latest not in
               reported_rows(workbench.observations, target["indicator"], code, target["group"]).index]
    if missing:
        names = ", ".join(in_sentence(areas.at[code, f"name_{lang}"], lang) for code in missing)
        return label("rv_own_figure_waiting", lang).format(year=latest, value=value, note=note, n=len(missing),
                                                            names=names)
    return label("rv_own_figure", lang).format(year=latest, value=value, note=note)


def rests_on_illustrative(row: pd.Series) -> bool:
    """Whether a row's verdict rests on illustrative figures: not once its deadline's own figure
    is in and real (a commune's real 2025 figure judges 2025, whatever the years before were),
    except for a yearly fall, which is judged against the year before.

    >>> row = pd.Series({"illustrative": True, "latest_illustrative": False, "latest_year": 2025, "deadline": 2025})
    >>> rests_on_illustrative(row), rests_on_illustrative(pd.concat([row.drop("latest_year"), pd.Series({"latest_year": 2024})]))
    (False, True)
    >>> rests_on_illustrative(pd.concat([row, pd.Series({"kind": "yearly_reduction"})]))  # 2025's fall from 2024
    True
    """
    if not bool(row["illustrative"]):
        return False
    if row.get("kind") == "yearly_reduction":  # the fall of 2025 is measured from an illustrative 2024
        return True
    judged_on_the_deadline = pd.notna(row["latest_year"]) and int(row["latest_year"]) == int(row["deadline"])
    return not (judged_on_the_deadline and not bool(row["latest_illustrative"]))


def _subject(item: _Item, settings: ReviewSettings, workbench: Workbench, lang: str) -> str:
    if settings.subjects.get(item.target_id):
        return settings.subjects[item.target_id]
    indicator = item.row["indicator"]
    return workbench.indicators.at[indicator, lang] if indicator in workbench.indicators.index else item.name


def _number_line(settings: ReviewSettings, lang: str) -> str:
    number = settings.number or "\u00a0" * 8
    return f"{label('rv_number', lang)}: {number}/BC-{settings.symbol or BLANK}"


def _date_line(settings: ReviewSettings, lang: str) -> str:
    place = settings.place or BLANK
    date = settings.date
    if lang == "vi":
        if date is None:
            return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
        # the decree writes days below 10 and the months January and February with a leading 0
        month = f"{date.month:02d}" if date.month < 3 else str(date.month)
        return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"
    return f"{place}, {date.strftime('%d %B %Y') if date else f'{BLANK} {BLANK} {BLANK}'}"  # day, month, year


def _summary_line(kind: str, year: int, lang: str) -> str:
    if lang == "vi":
        when = f"giai đoạn {PLAN_START} - {PLAN_END}" if kind == "final" else f"năm {year}"
        return (f"Kết quả thực hiện Kế hoạch số 20/KH-UBND ngày 21/02/2022 của Ủy ban nhân dân huyện Cầu Ngang "
                f"{when}")
    when = f"{PLAN_START}–{PLAN_END}" if kind == "final" else str(year)
    return f"Results of Plan No. 20/KH-UBND of 21/02/2022 of the People's Committee of Cầu Ngang district, {when}"


def _opening(settings: ReviewSettings, kind: str, year: int, lang: str) -> str:
    name = settings.name or BLANK
    if lang == "vi":
        when = f"giai đoạn {PLAN_START} - {PLAN_END}" if kind == "final" else f"năm {year}"
        # "của Tỉnh ủy" alone reads as Vĩnh Long's in a document of the merged province
        return (f"Thực hiện Kế hoạch số 20/KH-UBND ngày 21/02/2022 của Ủy ban nhân dân huyện Cầu Ngang, tỉnh Trà Vinh về "
                f"triển khai Nghị quyết 06-NQ/TU ngày 08/10/2021 của Tỉnh ủy Trà Vinh về tiếp tục phát triển toàn diện vùng đồng bào "
                f"dân tộc Khmer giai đoạn 2021 - 2025, định hướng đến năm 2030; căn cứ số liệu theo dõi các chỉ tiêu "
                f"của Kế hoạch, {name} báo cáo kết quả thực hiện {when} như sau:")
    when = f"the {PLAN_START}–{PLAN_END} period" if kind == "final" else str(year)
    return (f"Under Plan No. 20/KH-UBND of 21/02/2022 of the People's Committee of Cầu Ngang district, Trà Vinh "
            f"province, implementing Resolution 06-NQ/TU of 08/10/2021 of the Trà Vinh Provincial Party Committee "
            f"on the comprehensive development of the Khmer community in 2021–2025 with orientation to 2030, and on "
            f"the figures followed for the plan's targets, {name} reports the results for {when} as follows:")


def _reform_sentence(reform, map_name: str, lang: str, area_name: str | None = None,
                     area_code: str | None = None) -> str:
    """The reform the period saw, in the catalogue's words, and which map the report follows;
    a commune's review (``area_name``) says it covers that commune, and, for a new commune that
    also holds land from outside the former district (``area_code``), that its earlier years
    are those of its old units in the district only.

    >>> from analysis.data.catalogue import load_reforms
    >>> print(_reform_sentence(load_reforms()[-1], "old", "vi"))  # doctest: +NORMALIZE_WHITESPACE
    Từ ngày 01/7/2025, đơn vị hành chính cấp huyện kết thúc hoạt động; tỉnh Vĩnh Long, tỉnh Bến Tre và tỉnh Trà
    Vinh hợp nhất thành tỉnh Vĩnh Long; 15 xã, thị trấn của huyện Cầu Ngang được sắp xếp thành 6 xã mới của tỉnh
    Vĩnh Long. Số liệu từ năm 2025 được thống kê theo xã mới. Báo cáo này tổng hợp theo địa giới huyện Cầu Ngang và
    15 xã, thị trấn trước ngày 01/7/2025.
    >>> _reform_sentence(load_reforms()[-1], "new", "vi", "Xã Vinh Kim").endswith("Báo cáo này tổng hợp trên địa bàn xã Vinh Kim.")
    True
    >>> _reform_sentence(load_reforms()[-1], "new", "vi", "Xã Nhị Trường", "29446-2025").split("xã mới. ")[-1]
    'Báo cáo này tổng hợp trên địa bàn xã Nhị Trường. Số liệu các năm trước năm 2025 tổng hợp từ 3 đơn vị cũ: xã Hiệp Hòa, xã Trường Thọ, xã Nhị Trường.'
    >>> _reform_sentence(load_reforms()[-1], "new", "en", "Nhị Trường commune", "29446-2025").split(". ")[-1]
    'Figures before 2025 are combined from its 3 former units: Hiệp Hòa commune, Trường Thọ commune, Nhị Trường commune.'
    >>> _reform_sentence(load_reforms()[-1], "new", "vi", "Xã Ngũ Lạc", "29530-2025").split("xã mới. ")[-1]
    'Báo cáo này tổng hợp trên địa bàn xã Ngũ Lạc. Số liệu các năm trước năm 2025 là của xã Thạnh Hòa Sơn cũ, chưa gồm xã Ngũ Lạc cũ của huyện Duyên Hải.'
    """
    summary = reform.summary_vi if lang == "vi" else reform.summary_en
    if area_name:
        where = (f"Báo cáo này tổng hợp trên địa bàn {in_sentence(area_name, lang)}." if lang == "vi"
                 else f"This report covers {in_sentence(area_name, lang)}.")
        areas = load_areas()
        parts = [in_sentence(areas.at[code, f"name_{lang}"], lang) for code in reform.predecessors(area_code or "")
                 if code in areas.index]
        if area_code in reform.outside:  # xã Ngũ Lạc: its years before the reform are Thạnh Hòa Sơn's alone
            old = ", ".join(parts)
            outside = reform.outside[area_code][0 if lang == "vi" else 1]
            where += (f" Số liệu các năm trước năm {reform.first_year} là của {old} cũ, chưa gồm {outside}."
                      if lang == "vi" else
                      f" Figures before {reform.first_year} are those of former {old} only, without {outside}.")
        elif len(parts) > 1:  # which old units its earlier years add up: "Tổng hợp từ 3 đơn vị cũ" named none
            where += (f" Số liệu các năm trước năm {reform.first_year} tổng hợp từ {len(parts)} đơn vị cũ: "
                      f"{', '.join(parts)}." if lang == "vi" else
                      f" Figures before {reform.first_year} are combined from its {len(parts)} former units: "
                      f"{', '.join(parts)}.")
    elif map_name == "old":
        where = ("Báo cáo này tổng hợp theo địa giới huyện Cầu Ngang và 15 xã, thị trấn trước ngày 01/7/2025."
                 if lang == "vi" else "This report follows Cầu Ngang district and its 15 communes and towns as "
                 "they were before 1 July 2025.")
    else:
        # "theo 6 xã mới" promised a commune-by-commune account the review does not give
        where = ("Báo cáo này tổng hợp cho toàn địa bàn huyện Cầu Ngang cũ (nay thuộc 6 xã mới), không chia theo xã."
                 if lang == "vi" else "This report covers the former Cầu Ngang district as a whole (now part of 6 new "
                 "communes), not commune by commune.")
    return f"{summary} {where}"


def _closing(settings: ReviewSettings, kind: str, year: int, lang: str) -> str:
    name = settings.name or BLANK
    if lang == "vi":
        when = f"giai đoạn {PLAN_START} - {PLAN_END}" if kind == "final" else f"năm {year}"
        return f"Trên đây là báo cáo kết quả thực hiện Kế hoạch số 20/KH-UBND {when} của {name}./."
    when = f"{PLAN_START}–{PLAN_END}" if kind == "final" else str(year)
    return f"This is the report of {name} on the results of Plan No. 20/KH-UBND for {when}./."


def _heading(document, settings: ReviewSettings, kind: str, year: int, lang: str) -> None:
    """The issuing body and the national heading side by side, the number and the date, the
    type name and summary line (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
    left_w, right_w = HEADER_COLUMNS
    table = add_table(document, [left_w, right_w], rows=2, grid=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    room_left, room_right = left_w - 2 * CELL_PADDING, right_w - 2 * CELL_PADDING
    first = left.paragraphs[0]
    if settings.parent:
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(first, settings.parent, 12)
        body = left.add_paragraph()
    else:
        body = first
    body.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(body, settings.body or BLANK, 12, bold=True)
    body_width = min(text_width_cm(settings.body or BLANK, 12, bold=True), room_left)
    add_rule(left, max(1.2, 0.4 * body_width), room_left)
    nation = right.paragraphs[0]
    nation.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(nation, label("rv_nation", lang), 12, bold=True)
    motto = right.add_paragraph()
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(motto, label("rv_motto", lang), 13, bold=True)
    add_rule(right, text_width_cm(label("rv_motto", lang), 13, bold=True), room_right)
    for paragraph in (*left.paragraphs, *right.paragraphs):
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.first_line_indent = Cm(0)
    number, date = table.cell(1, 0).paragraphs[0], table.cell(1, 1).paragraphs[0]
    number.alignment = date.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.space_before = date.paragraph_format.space_before = Pt(6)
    add_run(number, _number_line(settings, lang), 13)
    add_run(date, _date_line(settings, lang), 14, italic=True)
    add_paragraph(document, label("rv_type", lang), 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
               before=18)
    summary = _summary_line(kind, year, lang)
    add_paragraph(document, summary, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=0)
    add_rule(document, min(text_width_cm(summary, 14, bold=True), TEXT_WIDTH) / 3, TEXT_WIDTH)
    add_paragraph(document, before=0)


def _signature(document, settings: ReviewSettings, lang: str) -> None:
    """"Nơi nhận:" on the left, the signer on the right, on the page of the report's last lines."""
    # the block alone at the top of a page (page 7 held only "Nơi nhận" and the signature) reads as torn
    # from the report it signs: the last two paragraphs go with it
    for paragraph in document.paragraphs[-2:]:
        paragraph.paragraph_format.keep_with_next = True
    table = add_table(document, [7.0, TEXT_WIDTH - 7.0], rows=1, grid=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    head = left.paragraphs[0]
    add_run(head, label("rv_recipients", lang), 12, bold=True, italic=True)
    for line in settings.recipients:
        add_run(left.add_paragraph(), f"- {line}", 11)
    title = right.paragraphs[0]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(title, settings.signer_title or BLANK * 3, 14, bold=True)
    for _ in range(4):
        right.add_paragraph()
    name = right.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(name, settings.signer_name or BLANK * 3, 14, bold=True)
    for paragraph in (*left.paragraphs, *right.paragraphs):
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.first_line_indent = Cm(0)
        fmt.keep_with_next = True
    # no page break inside the block, so the signature never stands alone on a page
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _appendix_heading(document, number: int, title_key: str, settings: ReviewSettings, lang: str) -> None:
    add_paragraph(document, f"{label('rv_appendix', lang)} {number}", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
               indent=False, before=0)
    add_paragraph(document, label(title_key, lang), 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
               before=0)
    number_text = settings.number or BLANK
    if lang == "vi":
        date = _date_line(settings, lang).split(", ", 1)[1]
        attached = f"(Kèm theo Báo cáo số {number_text}/BC-{settings.symbol or BLANK} {date} của {settings.name or BLANK})"
    else:
        attached = f"(Attached to Report No. {number_text}/BC-{settings.symbol or BLANK} of {settings.name or BLANK})"
    add_paragraph(document, attached, 14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=0,
               after=12)


def _district_name(map_name: str, lang: str) -> str:
    """The district as a sentence names it on the map in use: "địa bàn huyện Cầu Ngang cũ" on the new map.

    >>> _district_name("new", "vi"), _district_name("old", "vi"), _district_name("new", "en")
    ('địa bàn huyện Cầu Ngang cũ', 'huyện Cầu Ngang', 'former Cầu Ngang district')
    """
    reform = load_reforms()[-1]
    return in_sentence(_area_name(reform.continues, load_areas().loc[reform.continues], reform, map_name, lang), lang)


def _target_paragraph(document, item: _Item, letter: str, year: int, settings: ReviewSettings,
                      workbench: Workbench, lang: str, own_words: bool = False) -> None:
    paragraph = add_paragraph(document)
    add_run(paragraph, f"{letter}) ")
    add_run(paragraph, item.name, bold=True)
    add_run(paragraph, ": ")
    if item.row is None:
        office = "; ".join(name for _, name in item.offices)
        add_run(paragraph, qualitative_sentence(_office_now(office, settings, lang) if office else office, lang,
                                             settings.name, own=own_words) if item.qualitative
             else " ".join(filter(None, [label("rv_not_here", lang).format(district=_district_name(workbench.map, lang)),
                                         item.own_figure])))
        if item.qualitative:
            add_dotted_lines(document, 2)
        return
    add_run(paragraph, target_sentences(item.row, year, _subject(item, settings, workbench, lang), lang,
                                     figure=item.figure))
    if item.earlier is not None:
        add_run(paragraph, " " + earlier_result(item.earlier, lang))


ROW_KEPT_CM = 12.0
"""Height (cm) up to which a row of the appendix is kept on one page: an A4 landscape page holds
about 16 cm of table under its heading."""
SOURCES_SIZE = 10
"""Points of the appendix's sources column."""


def _height_cm(text: str, width_cm: float, size: float) -> float:
    """About how tall ``text`` stands in a cell ``width_cm`` wide (less its padding), at ``size`` points
    and single spacing (1,15 × the size a line).

    >>> round(_height_cm("Sở Y tế", 4.1, 10), 2), round(_height_cm("Báo cáo kết quả thực hiện " * 20, 4.1, 10), 1)
    (0.41, 8.5)
    """
    lines = max(1, math.ceil(text_width_cm(text, size) / (width_cm - 2 * CELL_PADDING)))
    return lines * size * 1.15 / 72 * 2.54


def _appendix_table(document, items: list[_Item], lang: str) -> None:
    """Appendix 1: a row per assessed target, with its code (T01, M1) so that a reader can find
    the same target on the dashboard and in the tables; the change needed and the chance read
    as they do there (:func:`analysis.words.needed_text`, :func:`analysis.words.chance_shown`)."""
    widths = [1.2, 1.2, 4.4, 2.9, 2.8, 2.9, 2.4, 1.7, 6.2]
    headers = ["rv_col_no", "rv_col_code", "rv_col_target", "rv_col_plan", "rv_col_result", "rv_col_verdict",
               "rv_col_needed", "rv_col_chance", "rv_col_source"]
    assessed = [item for item in items if item.row is not None]
    table = add_table(document, widths, rows=1 + len(assessed))
    for cell, key in zip(table.rows[0].cells, headers):
        set_cell_text(cell, label(key, lang), 11, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    repeat_header(table.rows[0])
    for number, item in enumerate(assessed, start=1):
        row, verdict = item.row, item.verdict
        cells = table.rows[number].cells
        sources = source_text(row["sources"], lang)
        if _height_cm(sources, widths[-1], SOURCES_SIZE) < ROW_KEPT_CM:
            # a row is kept on one page, unless it is taller than most of one: the annual review's T05 row,
            # with six communes' reports, ran off its page and lost the last of them
            table.rows[number]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        set_cell_text(cells[0], str(number), align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[1], item.target_id, align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[2], item.name)
        set_cell_text(cells[3], plan_cell(row, lang), align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[4], result_cell(row, lang), align=WD_ALIGN_PARAGRAPH.CENTER)
        words = verdict.words(lang) + (f"\n({label('rv_awaiting', lang)})" if verdict.awaiting_figure else "")
        set_cell_text(cells[5], words, align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[6], appendix_needed(row, lang), align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[7], chance_shown(row, lang), align=WD_ALIGN_PARAGRAPH.CENTER)
        set_cell_text(cells[8], sources, SOURCES_SIZE)
    note = add_paragraph(document, indent=False, before=6)
    rows = [item.row for item in assessed]
    add_run(note, _table_note(rows, lang, needed=[appendix_needed(row, lang) for row in rows],
                           chances=[chance_shown(row, lang) for row in rows]), 11, italic=True)


def appendix_needed(row: pd.Series, lang: str = "vi") -> str:
    """The "Cần mỗi năm" cell, as the dashboard says it: "+2,3 điểm %", "1.000 lao động",
    "giữ mức đã đạt" when the latest value is beyond the target or met before the deadline,
    "–" once the deadline's figure is in.

    >>> base = {"kind": "at_least", "unit": "percent", "latest_year": 2024, "deadline": 2025}
    >>> appendix_needed(pd.Series({**base, "needed_points_per_year": 2.28, "verdict": "off_track"}))
    '+2,3 điểm %'
    >>> appendix_needed(pd.Series({**base, "needed_points_per_year": -10.0, "verdict": "on_track"}))
    'giữ mức đã đạt'
    >>> appendix_needed(pd.Series({**base, "needed_points_per_year": -0.5, "verdict": "on_track", "latest_met": True}))
    'giữ mức đã đạt'
    >>> appendix_needed(pd.Series({**base, "deadline": 2022, "needed_points_per_year": -0.5, "verdict": "achieved"}))
    '–'
    """
    return spaced_percent(needed_text(row, lang, per_year=False))


def _benchmark_note(row: pd.Series, lang: str) -> str:
    """A commune's own figure and the benchmark it is compared with, for the attention list.

    >>> _benchmark_note(pd.Series({"latest_year": 2024, "latest_value": 27.53, "unit": "percent",
    ...                            "kind": "share_of_total", "target_value": 46.9}), "vi")
    'năm 2024: 27,5 %; mức so sánh của xã: ≥ 46,9 %'
    """
    figure = "" if is_missing(row.get("latest_value")) else label("rv_benchmark_figure", lang).format(
        year=int(row["latest_year"]), value=value_text(row["latest_value"], row["unit"], lang,
                                                       decimals=latest_decimals(row)))
    return f"{figure}{label('rv_commune_benchmark', lang)}: {target_text(row, lang)}"


_NOTE_VERDICTS = ("met_at_risk", "on_track", "needs_acceleration", "slowing",
                  "off_track", "moving_away", "too_little_data")
"""Verdicts the note defines by the chance and the pace ("đã đạt" and "không đạt" are their year's figure's alone)."""
_NOTE_AWAITED = ("likely_met", "in_doubt", "likely_missed")


def _table_note(rows: list[pd.Series], lang: str, needed: Sequence[str] = (), chances: Sequence[str] = ()) -> str:
    """The note under the appendix table: what each column means and the verdict's rule in the
    assessment's own thresholds, for what the table shows — the verdicts in it, and the forms of
    ``needed`` and ``chances`` (its cells) that need a word — and the assumption and
    projection-only rows when there are any.

    >>> row = pd.Series({"origin": "plan", "verdict": "likely_missed", "kind": "at_least"})
    >>> note = _table_note([row], "vi", needed=["+19,5 điểm %"], chances=["< 1 %"])
    >>> "ước không đạt (dưới 20 %)" in note, "đúng tiến độ" in note, "−1 ấp/3 năm" in note, "“–”" in note
    (True, False, False, False)
    >>> "mức giả định" in note, "mức giả định" in _table_note([row.replace({"plan": "assumption"})], "vi")
    (False, True)
    """
    fields = dict(zip(("high", "low"), (chance_text(band, lang) for band in CHANCE_BANDS)),
                  recent=RECENT_YEARS, pace=f"{fmt_number(100 * ON_TRACK_PACE, lang, 0)} %")
    shown = {row["verdict"] for row in rows}
    # "đúng tiến độ" of a level met already rests on the chance of holding it, not on a pace
    held = label("rv_note_on_track_held", lang).format(**fields) \
        if any(row["verdict"] == "on_track" and is_holding(row) for row in rows) else ""
    # T04 on the new map: one figure since the count changed, no pace yet, on track by its chance alone
    unpaced = label("rv_note_on_track_unpaced", lang).format(**fields) \
        if any(row["verdict"] == "on_track" and row.get("kind") != "yearly_flow" and not is_holding(row)
               and is_missing(row.get("observed_points_per_year_recent")) for row in rows) else ""
    fields["held"] = held + unpaced  # the other ways than a pace to be on track
    # "(≈: số ước tính)" only where a figure is marked so: a note that applies to nothing shown puzzles
    # "≈" beside xã Ngũ Lạc's years to 2024 marks the old Thạnh Hòa Sơn's own figures, not estimates
    marked = {part_of_area(row, lang) for row in rows if bool(row.get("approximate", False))}
    approx = "".join(label("rv_approx_part_note", lang).format(part=part) if part else label("rv_approx_note", lang)
                     for part in sorted(marked))
    benchmark = label("rv_note_benchmark", lang) if any(is_benchmark(row) for row in rows) else ""
    # the same rows as plan_cell marks "mức giả định"
    assumed = label("rv_note_assumed", lang) if any(row.get("origin") == "assumption" and not is_benchmark(row)
                                                    for row in rows) else ""
    if any(is_plan_aim(row) for row in rows):  # the line plan_cell adds under T20
        assumed += label("rv_note_aim", lang)
    text = label("rv_note_intro", lang).format(approx=approx, benchmark=benchmark, assumed=assumed)
    clauses = [label(f"rv_note_{key}", lang).format(**fields) for key in _NOTE_VERDICTS if key in shown]
    if clauses:
        text += label("rv_note_verdicts", lang).format(clauses="; ".join(clauses), **fields)
    if "achieved" in shown:  # decided by the figure of the year due, not by a chance or a pace
        text += label("rv_note_achieved", lang)
    if "deadline_missed" in shown:
        text += label("rv_note_deadline_missed", lang)
    if any(row.get("kind") in ("yearly_reduction", "yearly_flow") for row in rows):
        text += label("rv_note_yearly", lang)
    awaited = [label(f"rv_note_{key}", lang).format(**fields) for key in _NOTE_AWAITED if key in shown]
    if awaited:
        holding = any(row["verdict"] in _NOTE_AWAITED and is_holding(row) for row in rows)
        text += label("rv_note_awaiting", lang).format(
            clauses="; ".join(awaited), holding=label("rv_note_awaiting_holding", lang) if holding else "")
    extras = label("rv_note_hold", lang) if label("hold_level", lang) in needed else ""
    extras += label("rv_note_needed_dash", lang) if "–" in needed else ""
    over_years = next((cell for cell in needed if re.search(r"(/\d+ năm| in \d+ yrs)$", cell)), None)
    extras += label("rv_note_over_years", lang).format(example=over_years) if over_years else ""
    whole = next((cell for cell in needed if re.search(r"(so với năm|from) \d{4}$", cell)), None)
    extras += label("rv_note_whole_change", lang).format(example=whole) if whole else ""
    text += label("rv_note_needed", lang).format(extras=extras)
    text += label("rv_note_chance", lang).format(dash=label("rv_note_chance_dash", lang) if "–" in chances else "")
    if any(row["origin"] == "assumption" for row in rows):
        text += " " + label("rv_table_note_assumption", lang)
    if any(not row["verdict"] for row in rows):
        text += " " + label("rv_table_note_projection", lang)
    if any(is_holding(row) for row in rows):
        text += " " + label("holding_mark", lang) + "."  # the dashboard's footnote
    return text


register_labels({
    "rv_awaiting": ("chờ số liệu", "awaiting the figure"),
    # the area named: "ở địa bàn khác" left a commune's officer asking where to look
    "rv_not_here": ("Chỉ tiêu được đánh giá cho toàn {district} (theo phạm vi của chỉ tiêu), không đánh giá riêng "
                    "cho địa bàn của báo cáo này.",
                    "This target is assessed for the whole {district} (by its scope), not for the area of this "
                    "report."),
    "rv_own_figure": ("Số liệu của địa bàn này năm {year}: {value}{note}; chỉ tiêu được đánh giá cho toàn địa bàn từ "
                      "số liệu của tất cả các xã.",
                      "This area's {year} figure: {value}{note}; the target is judged for the whole area from the "
                      "figures of all its communes."),
    "rv_own_figure_waiting": ("Số liệu của địa bàn này năm {year}: {value}{note}; chỉ tiêu được đánh giá cho toàn địa "
                              "bàn khi có số liệu năm {year} của tất cả các xã (còn thiếu {n} xã: {names}).",
                              "This area's {year} figure: {value}{note}; the target is judged for the whole area once "
                              "every commune's {year} figure is in ({n} still missing: {names})."),
    # the note explains what the table shows, no more: a commune's table of one label under a note defining
    # eight, with "−1 ấp/3 năm" and "−8 xã so với năm 2023" nowhere in it, sent readers looking for them
    "rv_note_intro": (
        "Ghi chú: Mã: mã chỉ tiêu như trên bảng tổng hợp một trang và bảng Excel. Kế hoạch: chỉ tiêu và năm phải "
        "đạt; dòng dưới (nếu có) là mức được tính là đạt{benchmark}{assumed}. Thực hiện: số liệu mới nhất và năm "
        "của số liệu{approx}.",
        "Notes: ID: the target's code, as on the one-page dashboard and in the Excel table. Plan: the target and "
        "the year it is due; the line below (if any) is the level that counts as met{benchmark}{assumed}. Result: "
        "the latest figure and its year{approx}."),
    # "mức giả định" under a 2030 level the plan does not set, which the note's "mức được tính là đạt" misread
    "rv_note_assumed": ("; \"mức giả định\": mức năm 2030 kế hoạch không đặt, giữ như năm 2025",
                        "; \"assumed level\": a 2030 level the plan does not set, kept as in 2025"),
    "rv_note_aim": ("; \"không ghi năm\": Kế hoạch nêu mục tiêu không kèm năm, báo cáo xét ở năm trong ngoặc",
                    "; \"no year given\": the plan states the aim with no year, the report takes the year in brackets"),
    # the line under a commune's own level says what it is: "mức được tính là đạt" misread it
    "rv_note_benchmark": (", hoặc cho biết mức trên là mức so sánh của xã", ", or says the level above is the commune's "
                          "benchmark"),
    "rv_note_verdicts": (
        " Đánh giá: theo khả năng đạt chỉ tiêu vào năm phải đạt và tốc độ bình quân {recent} năm có số liệu gần nhất "
        "(các năm cùng cách tính) so với mức cần: {clauses}.",
        " Assessment: from the chance of meeting the target in the year it is due and the average pace of the "
        "{recent} latest years with figures (counted alike) against the pace needed: {clauses}."),
    "rv_note_achieved": (" “Đã đạt”: số liệu của năm phải đạt đã đạt chỉ tiêu.",
                         " “Achieved”: the figure of the year due meets the target."),
    "rv_note_deadline_missed": (" “Không đạt”: số liệu của năm phải đạt chưa đạt chỉ tiêu.",
                                " “Not met”: the figure of the year due falls short of the target."),
    "rv_note_met_at_risk": ("khó giữ mức đã đạt (số liệu mới nhất đã đạt nhưng khả năng giữ được dưới {high})",
                            "hard to hold the level met (the latest figure meets it but the chance of holding is "
                            "under {high})"),
    "rv_note_on_track": ("đúng tiến độ (khả năng từ {high} trở lên và tốc độ gần đây bằng từ {pace} mức cần trở "
                         "lên{held})",
                         "on track (chance {high} or more and a recent pace of at least {pace} of the pace needed"
                         "{held})"),
    "rv_note_on_track_held": (", hoặc số liệu mới nhất đã đạt và khả năng giữ được từ {high} trở lên",
                              ", or the latest figure meets it and the chance of holding it is {high} or more"),
    "rv_note_on_track_unpaced": (", hoặc chưa tính được tốc độ và khả năng từ {high} trở lên",
                                 ", or no pace yet and a chance of {high} or more"),
    "rv_note_needs_acceleration": (
        "cần đẩy nhanh tiến độ (khả năng từ {high} trở lên nhưng tốc độ chưa đủ, hoặc khả năng từ {low} đến dưới "
        "{high} và tốc độ chưa đủ)",
        "needs to speed up (chance {high} or more but the pace is short, or a chance from {low} to under {high} and "
        "the pace short)"),
    "rv_note_slowing": ("dự báo chậm lại, khó đạt (khả năng dưới {high} dù tốc độ gần đây đủ)",
                        "slowing, unlikely to be met (chance under {high} though the recent pace is enough)"),
    "rv_note_off_track": ("chuyển biến chậm, khó đạt (khả năng dưới {low}, tốc độ chưa đủ)",
                          "slow progress, unlikely to be met (chance under {low}, the pace short)"),
    "rv_note_moving_away": (
        "xa dần mục tiêu (khả năng dưới {high}, tốc độ {recent} năm có số liệu gần nhất ngược hướng mục tiêu, năm gần "
        "nhất chưa quay lại và dự báo cũng không quay lại)",
        "moving away (chance under {high}, the pace of those {recent} years away from the target, and neither the "
        "last year nor the projection turning back)"),
    "rv_note_too_little_data": ("chưa đủ số liệu (dưới 2 số liệu theo cùng chuẩn: chưa dự báo được)",
                                "too little data (fewer than 2 figures on one standard: no projection)"),
    # "được đánh giá theo từng năm" beside a verdict on 2025 alone (jobs "Đã đạt" with 2021 short) read as a
    # promise the table did not keep: it says what decides, and where the other years are told
    "rv_note_yearly": (" Chỉ tiêu giao hằng năm: đánh giá theo số liệu của năm phải đạt; kết quả các năm trước "
                       "(số năm đạt chỉ tiêu) nêu ở mục II.",
                       " Targets set for every year: judged on the figure of the year due; the earlier years (how "
                       "many met the target) are told in section II."),
    "rv_note_awaiting": (
        " “Chờ số liệu”: đã hết năm phải đạt nhưng chưa có số liệu của năm đó, đánh giá theo dự báo của năm "
        "đó{holding}: {clauses}.",
        " “Awaiting the figure”: the year is due but its figure has not arrived; judged on that year's "
        "projection{holding}: {clauses}."),
    # only where an awaited row's latest figure meets the target: "kể cả khi … đã đạt: ước không đạt" before a
    # table with no such row read as "met, so not met"
    "rv_note_awaiting_holding": (", kể cả khi số liệu mới nhất đã đạt (khả năng giữ được mức đó)",
                                 ", also where the latest figure already meets it (then: the chance of holding it)"),
    "rv_note_likely_met": ("ước đạt (khả năng từ {high} trở lên)", "likely met (chance {high} or more)"),
    "rv_note_in_doubt": ("khó đạt (từ {low} đến dưới {high})", "in doubt ({low} to under {high})"),
    "rv_note_likely_missed": ("ước không đạt (dưới {low})", "likely missed (under {low})"),
    "rv_note_needed": (" Cần mỗi năm: mức tăng (giảm) mỗi năm từ năm có số liệu mới nhất đến năm phải đạt{extras}.",
                       " Needed a year: the yearly change needed from the latest figure to the year it is due{extras}."),
    "rv_note_hold": ("; “giữ mức đã đạt”: số liệu mới nhất đã đạt hoặc vượt chỉ tiêu trước năm phải đạt",
                     "; “hold the level reached”: the latest figure meets or passes the target before the year it is "
                     "due"),
    "rv_note_needed_dash": ("; “–”: đã có kết quả năm phải đạt", "; “–”: the result of the year it is due is in"),
    "rv_note_over_years": ("; số đếm cần chưa tới 1 đơn vị mỗi năm ghi theo số năm (“{example}”)",
                           "; a count needing less than one unit a year is given over years (“{example}”)"),
    "rv_note_whole_change": ("; năm phải đạt đã qua mà số liệu mới nhất cách hơn 1 năm: ghi cả mức cần (“{example}”)",
                             "; a year due and passed more than a year after the latest figure, as the whole change "
                             "(“{example}”)"),
    "rv_note_chance": (
        " Khả năng đạt: xác suất đạt chỉ tiêu vào năm phải đạt, từ dự báo đã kiểm chứng trên số liệu thống kê của "
        "nhiều nước{dash}.",
        " Chance: of meeting the target in the year it is due, from the calibrated projection{dash}."),
    "rv_note_chance_dash": ("; “–”: đã có số liệu của năm phải đạt, hoặc chưa đủ số liệu để dự báo",
                            "; “–”: the figure of the year it is due is in, or there are too few figures to project"),
    "rv_approx_note": (" (≈: số ước tính)", " (≈: an estimate)"),
    "rv_approx_part_note": (" (≈: số liệu của {part})", " (≈: figures of the {part})"),
    "rv_benchmark_figure": ("năm {year}: {value}; ", "{year}: {value}; "),
    "rv_table_note_assumption": ("Giá trị năm 2030 của các chỉ tiêu mục II.2 là giả định giữ nguyên mức của năm "
                                 "2025.", "The 2030 values of the section II.2 targets assume the 2025 level is "
                                 "kept."),
    "rv_table_note_projection": ("“Không có chỉ tiêu”: Kế hoạch không đặt mức cho năm này; chỉ nêu dự báo.",
                                 "“No target”: the plan sets no level for that year; a projection only."),
    "rv_figure_caption": ("số liệu, dự báo đến năm 2030 và chỉ tiêu", "figures, projection to 2030 and target"),
    "rv_figure_caption_benchmark": ("số liệu, dự báo đến năm 2030 và mức so sánh của xã",
                                    "figures, projection to 2030 and the commune's benchmark"),
    "rv_office_intro": (
        "Các chỉ tiêu do {office} chủ trì theo dõi (mục {section} của Kế hoạch):",
        "The targets {office} follows as office in charge (section {section} of the plan):"),
    "rv_office_successor": ("cơ quan, đơn vị tiếp nhận nhiệm vụ của {office} (từ 01/7/2025)",
                            "the body that took over the tasks of {office} (from 1 July 2025)"),
    "rv_office_request": (
        "Đề nghị {office} rà soát số liệu nêu trên, bổ sung số liệu mới (nếu có) và gửi kết quả thực hiện về "
        "{issuer} để tổng hợp (Kế hoạch quy định báo cáo trước ngày 15/12 hằng năm).",
        "{office} is asked to check the figures above, add any newer ones and send its results to {issuer} "
        "(the plan asks for the report before 15 December each year)."),
    "rv_tasks_final": ("PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2026 - 2030", "DIRECTIONS AND TASKS FOR 2026–2030"),
    "rv_tasks_annual": ("NHIỆM VỤ TRỌNG TÂM NĂM {year}", "MAIN TASKS FOR {year}"),
})


def _print_ratio() -> float:
    """How many times larger a slide chart is than its print in Phụ lục 2.

    >>> round(_print_ratio(), 2)
    1.47
    """
    return SLIDE[0] * 2.54 / FIGURE_WIDTH


def _figures(document, items: list[_Item], workbench: Workbench, area: str, lang: str) -> None:
    area_name = None
    for item in (i for i in items if i.figure is not None):
        figure = workbench.fan_chart(item.target_id, area, footer_size=PRINTED_FOOTER * _print_ratio())
        picture = render(figure, "png")
        paragraph = add_paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(picture), width=Cm(FIGURE_WIDTH))
        area_name = item.row["area_vi" if lang == "vi" else "area_en"]
        caption = document.add_paragraph(style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.space_after = Pt(12)
        caption.paragraph_format.first_line_indent = Cm(0)
        add_run(caption, f"{label('rv_figure', lang)} {item.figure}. ", 13, bold=True, italic=True)
        what = "rv_figure_caption_benchmark" if is_benchmark(item.row) else "rv_figure_caption"  # T14 in a commune
        add_run(caption, f"{item.name} — {area_name}: {label(what, lang)}", 13, italic=True)


def _offices(document, items: list[_Item], year: int, settings: ReviewSettings, workbench: Workbench,
             lang: str) -> None:
    """One page per office in charge, in the order of section V of the plan."""
    by_office: dict[str, tuple[str, list[_Item]]] = {}
    for item in items:
        for section, office in item.offices:
            by_office.setdefault(office, (section, []))[1].append(item)

    def order(entry):
        section = entry[1][0]
        number = section.split(".")[-1]
        return (int(number) if number.isdigit() else 99, entry[0])

    for n, (office, (section, office_items)) in enumerate(sorted(by_office.items(), key=order), start=1):
        if n > 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph(f"{n}. {office}", style="Heading 2")
        add_paragraph(document, label("rv_office_intro", lang).format(office=office, section=section))
        for letter, item in zip(POINT_LETTERS[lang], office_items):
            _target_paragraph(document, item, letter, year, settings, workbench, lang)
        if not (settings.name or "").startswith(office):  # the issuing office does not write to itself
            asked = _office_now(office, settings, lang)
            add_paragraph(document, label("rv_office_request", lang).format(office=asked[:1].upper() + asked[1:]
                                                                           if lang == "en" else asked,
                                                                           issuer=settings.name or BLANK), italic=True)


def _office_now(office: str, settings: ReviewSettings, lang: str) -> str:
    """The office a request goes to: after the district ended, the body that took over its tasks
    (the plan names the district's offices, which no longer exist)."""
    return label("rv_office_successor", lang).format(office=office) if settings.after_reform else office


def _milestones(rows: list[pd.Series], year: int) -> dict[str, list[int]]:
    """Verdict → the deadlines of the counted rows due before ``year`` (the 2022 milestones)."""
    found: dict[str, list[int]] = {}
    for row in rows:
        key = verdict_of(row).key
        if key and int(row["deadline"]) < year:
            found.setdefault(key, []).append(int(row["deadline"]))
    return found


def build_review(workbench: Workbench, year: int, kind: str, settings: ReviewSettings, area: str = "848",
                 lang: str | None = None) -> bytes:
    """The review document as .docx bytes, byte-for-byte reproducible.

    ``workbench`` holds the assessment (it must include ``area``); ``year`` the year reported
    on; ``kind`` "annual" or "final"; ``settings`` from :func:`load_review_settings`.
    """
    lang = check_language(lang or workbench.lang)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    items = _items(workbench, area, year, lang)
    assessed = [item for item in items if item.row is not None]
    # one commune's review: the plan's offices are the district's, and a commune issuing it does not ask
    # them; nor is a review of one commune asked of all the district's offices' successors (Phụ lục 3)
    one_commune = load_areas().loc[area, "kind"] in ("commune", "town")
    own_words = one_commune and settings.issuer == "commune"
    document = Document()
    set_styles(document, lang)
    section = document.sections[0]
    portrait(section)
    add_page_numbers(section)
    _heading(document, settings, kind, year, lang)
    add_paragraph(document, _opening(settings, kind, year, lang))
    for reform in load_reforms():
        if reform.summary_vi and year >= reform.first_year:  # the period saw the district end: say so first
            commune = None if area == DEFAULT_AREA[workbench.map] else area_with_boundary(area, lang)
            add_paragraph(document, _reform_sentence(reform, map_name=workbench.map, lang=lang, area_name=commune,
                                                  area_code=area))

    # I. the overall picture
    document.add_paragraph(f"I. {label('rv_part_summary', lang)}", style="Heading 1")
    latest = [int(item.row["latest_year"]) for item in assessed if pd.notna(item.row["latest_year"])]
    sections = list(dict.fromkeys(item.section for item in items))
    places = {item.target_id: f"II.{sections.index(item.section) + 1}.{letter}"
              for section in sections
              for letter, item in zip(POINT_LETTERS[lang], (i for i in items if i.section == section))}
    # T14 in a commune is short of the workbench's benchmark, not of the plan's 20 % its name says: its own
    # figure beside the benchmark ("năm 2024: 27,5 %; mức so sánh của xã: ≥ 46,9 %"), so that a commune above
    # 20 % does not read as short of it
    attention = [(item.name, places[item.target_id], _benchmark_note(item.row, lang) if is_benchmark(item.row) else "")
                 for item in assessed if item.verdict.key in NEEDS_ATTENTION]
    area_name = assessed[0].row["area_vi" if lang == "vi" else "area_en"] if assessed else area
    # the end of the period counts what was due in it, as the deck's slide of that year does
    def due_later(item: _Item) -> bool:
        return kind == "final" and int(item.row["deadline"]) > year

    counted = [item for item in assessed if not due_later(item)]
    later = Counter(int(item.row["deadline"]) for item in assessed if due_later(item))
    # the illustrative data said first and in bold: at the end of a long paragraph it was missed
    illustrative = [item.target_id for item in assessed if rests_on_illustrative(item.row)]
    if illustrative:
        add_paragraph(document, illustrative_sentence(illustrative, lang), bold=True)
    add_paragraph(document, summary_sentences(
        [item.verdict for item in counted], n_targets=len(items), later=later,
        milestones=_milestones([item.row for item in counted], year),
        n_quantitative=int(workbench.targets.drop_duplicates("target_id")["kind"].ne("qualitative").sum()),
        area=in_sentence(area_name, lang), latest_year=max(latest) if latest else None, year=year, kind=kind,
        lang=lang,
        awaited_year=min((int(item.row["deadline"]) for item in assessed if item.verdict.judged_on_projection),
                         default=None)))
    # what the deadline already passed came to, counted as the dashboard's column of it counts it: with the targets
    # judged at it for want of a later one (T20, the plan's aim with no year) and the milestones before it (M1, M2
    # of 2022), said as such ("4 chỉ tiêu đã đạt" beside the dashboard's "6 (tính cả 2 mốc năm 2022)" read as two
    # counts of one year)
    passed = [item.earlier for item in assessed if item.earlier is not None and not is_benchmark(item.earlier)]
    for deadline in sorted({int(row["deadline"]) for row in passed}):
        rows = [row for row in passed if int(row["deadline"]) == deadline] + [
            item.row for item in assessed if item.earlier is None and not is_benchmark(item.row)
            and int(item.row["deadline"]) <= deadline]
        pieces = verdict_tally([verdict_of(row) for row in rows], lang, _milestones(rows, deadline))
        add_paragraph(document, label("rv_earlier_count", lang).format(deadline=deadline, pieces="; ".join(pieces)))
    for number, line in enumerate(attention_lines(attention, lang)):
        add_paragraph(document, line, before=6 if number == 0 else 0)

    # II. target by target, grouped as the plan groups them
    document.add_paragraph(f"II. {label('rv_part_results', lang)}", style="Heading 1")
    for number, plan_section in enumerate(sections, start=1):
        vi, en = _SECTION_TITLES.get(plan_section, (plan_section, plan_section))
        words = f"(mục {plan_section} của Kế hoạch)" if lang == "vi" else f"(section {plan_section} of the plan)"
        document.add_paragraph(f"{number}. {vi if lang == 'vi' else en} {words}", style="Heading 2")
        for letter, item in zip(POINT_LETTERS[lang], (i for i in items if i.section == plan_section)):
            _target_paragraph(document, item, letter, year, settings, workbench, lang, own_words)

    # III. and IV.: for people to write
    document.add_paragraph(f"III. {label('rv_part_difficulties', lang)}", style="Heading 1")
    for number, key in enumerate(("rv_difficulties", "rv_causes", "rv_proposals"), start=1):
        document.add_paragraph(f"{number}. {label(key, lang)}", style="Heading 2")
        add_dotted_lines(document, 3)
    tasks = label("rv_tasks_final", lang) if kind == "final" else label("rv_tasks_annual", lang).format(year=year + 1)
    document.add_paragraph(f"IV. {tasks}", style="Heading 1")
    add_dotted_lines(document, 3)
    add_paragraph(document, _closing(settings, kind, year, lang))
    add_paragraph(document, before=0)
    _signature(document, settings, lang)

    # appendices
    table_section = document.add_section(WD_SECTION.NEW_PAGE)
    landscape(table_section)
    table_section.different_first_page_header_footer = False
    _appendix_heading(document, 1, "rv_appendix_table", settings, lang)
    _appendix_table(document, items, lang)
    figure_section = document.add_section(WD_SECTION.NEW_PAGE)
    landscape(figure_section)
    figure_section.different_first_page_header_footer = False
    _appendix_heading(document, 2, "rv_appendix_figures", settings, lang)
    _figures(document, items, workbench, area, lang)
    if not one_commune:
        office_section = document.add_section(WD_SECTION.NEW_PAGE)
        portrait(office_section)
        office_section.different_first_page_header_footer = False
        _appendix_heading(document, 3, "rv_appendix_offices", settings, lang)
        _offices(document, items, year, settings, workbench, lang)

    properties = document.core_properties
    properties.title = _summary_line(kind, year, lang)
    properties.subject = label("rv_type", lang)
    properties.author = properties.last_modified_by = settings.name or "Cầu Ngang target workbench"
    properties.language = "vi-VN" if lang == "vi" else "en-GB"
    properties.created = properties.modified = dt.datetime(year, 12, 15)
    properties.revision = 1
    properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_office_file(buffer.getvalue(), fixed_iso=f"{year}-12-15T00:00:00Z")


# ---------------------------------------------------------------------------------------
# files and the command


def _office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


PDF_FONT_NOTE = ("Lưu ý: máy này không có phông Times New Roman có chữ tiếng Việt (hoặc phông cùng cỡ chữ: Liberation "
                 "Serif 2, Tinos), nên bản PDF dùng phông thay thế và có thể xuống dòng khác bản Word; bản .docx là bản "
                 "chính. / Note: this machine has no Times New Roman with Vietnamese letters (nor a font of the same "
                 "metrics: Liberation Serif 2, Tinos), so the PDF uses a substitute and may break lines unlike the Word "
                 "file; the .docx is the document of record.")
"""Said after a PDF made without the font Decree 30 asks for (its national motto broke over two lines)."""


def times_font_available(run=subprocess.run) -> bool:
    """Whether LibreOffice can set the review in Times New Roman or a font of its metrics with
    Vietnamese letters ("ệ"): asked of fontconfig where there is one (Linux); elsewhere assumed
    (Windows and macOS have Times New Roman).

    >>> from types import SimpleNamespace
    >>> times_font_available(lambda *a, **k: SimpleNamespace(stdout="", returncode=0))
    False
    >>> times_font_available(lambda *a, **k: SimpleNamespace(stdout="Liberation Serif\\n", returncode=0))
    True
    """
    if shutil.which("fc-list") is None and run is subprocess.run:
        return True
    for family in ("Times New Roman", "Liberation Serif", "Tinos"):
        try:
            found = run(["fc-list", f":family={family}:charset=1ec7", "family"], capture_output=True, text=True,
                        timeout=20)
        except (OSError, subprocess.SubprocessError):
            return True
        if found.stdout.strip():
            return True
    return False


def convert_to_pdf(docx: Path, out: Path, timeout: float = 300, write=write_bytes_atomic) -> Path | None:
    """Convert ``docx`` to ``out`` (a .pdf) with LibreOffice when it is installed; ``None``
    (and nothing written) when it is not or the conversion fails — the PDF is an extra.
    ``write(path, data)`` writes the PDF."""
    program = _office_program()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="review-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", tmp, str(docx)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
            made = Path(tmp, docx.with_suffix(".pdf").name)
            written = write(out, made.read_bytes())
            if not times_font_available():
                print(PDF_FONT_NOTE, file=sys.stderr)
            return written
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"Không tạo được PDF (bỏ qua) / PDF not made (skipped): {type(exc).__name__}", file=sys.stderr)
            return None


def _workbench(data, lang: str, area: str, map_name: str | None) -> Workbench:
    return Workbench(data, lang=lang, areas=[area], map=map_name)


def write_review(data=None, out: Path | None = None, year: int = PLAN_END, kind: str | None = None,
                 lang: str = "vi", map_name: str | None = None, area: str | None = None,
                 settings: ReviewSettings | None = None, pdf: bool = True,
                 protected: list[Path] | None = None) -> list[Path]:
    """Write ``bao_cao_<kind>_<year>.docx`` (and ``.pdf`` when LibreOffice is there) into ``out``.

    ``kind`` defaults to "final" for the plan's last year (2025) and "annual" otherwise;
    ``map_name`` (old or new) to the map the data call for (new once any new commune has
    figures), and the issuing body follows it. Bad input raises :class:`~analysis.DataError`
    before anything is written; nothing in ``out`` is deleted but the command's own PDF of an
    earlier run when no new one is made (it would no longer match the document), and a review changed by hand
    since it was written is not written over (:class:`~analysis.export.OwnFiles`). ``out`` may
    not be in the data (``protected``: the data folder by default).
    """
    lang = check_language(lang)
    kind = kind or ("final" if year == PLAN_END else "annual")
    data = data if isinstance(data, pd.DataFrame) else load_observations(data)
    map_name = map_name or default_map(data)
    area = area or DEFAULT_AREA[map_name]
    areas = load_areas()
    problems = []
    try:  # a code, or the commune's name as an office writes it ("Xã Vinh Kim")
        area = area_option_codes([area], map_name, areas)[0]
    except DataError as error:
        problems.extend(error.problems)
    problems += year_problems(year, kind)
    if problems:
        raise DataError(problems)
    # the review shares its folder with the report and with the planners' own files: checked before
    # the document is built, and it writes over nothing but the files it wrote itself and nobody
    # has changed since (sections III and IV are written by hand)
    out = check_beside_data(out or paths.REPORTS_DIR, protected or [paths.DATA_DIR])
    area = areas_on_map([area], map_name, areas)[0]  # "29416" on the new map is xã Cầu Ngang of 2025
    for note in retired_notes([area], map_name, areas):
        print(note, file=sys.stderr)
    settings = settings or load_review_settings(map_name=map_name, lang=lang, area_kind=areas.loc[area, "kind"])
    commune_issuer = "…" in settings.body  # a commune's People's Committee, named after the commune reported on
    if commune_issuer and areas.loc[area, "kind"] not in ("commune", "town"):
        raise DataError([Problem("--issuer", None, None,
                                 f"cơ quan ban hành là Ủy ban nhân dân xã, nhưng địa bàn báo cáo ({area}) không phải là "
                                 "một xã.",
                                 f"the issuer is a commune's People's Committee, but the area reported on ({area}) is "
                                 "not a commune.",
                                 "thêm --area với mã hoặc tên xã (ví dụ --area \"Xã Vinh Kim\" --map new), hoặc chọn "
                                 "--issuer khác (district_office, province_department).",
                                 "add --area with the commune's code or name (e.g. --area \"Xã Vinh Kim\" --map new), "
                                 "or choose another --issuer (district_office, province_department).")])
    if commune_issuer and not _commune_exists(map_name, settings.after_reform):
        # a commune's People's Committee issues only while that commune exists: Thuận Hòa's after 1/7/2025
        # was headed by a body that had ended
        successor = str(areas.loc[area, "successor_code"] or "")
        name = nfc(str(areas.loc[area, "name_vi"]))
        day = load_reforms()[-1].date  # the reform that ended the former communes
        raise DataError([Problem("--issuer", None, None,
                                 f"{name} ({area}) không còn là đơn vị hành chính vào ngày của báo cáo, nên Ủy ban nhân "
                                 "dân xã này không ban hành được báo cáo.",
                                 f"{areas.loc[area, 'name_en']} ({area}) is not an administrative unit on the "
                                 "report's date, so its People's Committee cannot issue it.",
                                 (f"báo cáo theo xã mới: --map new --area {successor}, " if successor else "")
                                 + "hoặc chọn --issuer khác (province_department), hoặc ghi --date trước "
                                 f"{short_date(day)}.",
                                 (f"report on the new commune: --map new --area {successor}, " if successor else "")
                                 + "or choose another --issuer (province_department), or give a --date before "
                                 f"{short_date(day, 'en')}.")])
    settings = named_issuer(settings, areas.loc[area], lang)
    # the review of a year tells that year: a 2021–2025 review written in 2026 quoted "năm 2026 đạt 81,2 %" as
    # where the commune stood, beside "Không đạt (năm 2025: 79,5 %)"
    workbench = _workbench(data[data["year"] <= year], lang, area, map_name)
    if not (workbench.table["n_points"] > 0).any():
        # a district waits for all its communes: an office with its own commune's file is told its review
        communes = commune_codes(areas, area, map=map_name) if areas.at[area, "kind"] == "district" else []
        reported = [code for code in communes if code in set(data.loc[data["year"] <= year, "area_code"])]
        named = [f"--area {areas.at[code, 'gso_code'] or code} ({in_sentence(areas.at[code, 'name_vi'])})"
                 for code in reported]
        named_en = [f"--area {areas.at[code, 'gso_code'] or code} ({areas.at[code, 'name_en']})" for code in reported]
        rows = workbench.table  # the area as the report names it on its map ("địa bàn huyện Cầu Ngang cũ")
        name_vi, name_en = ((in_sentence(rows["area_vi"].iloc[0]), in_sentence(rows["area_en"].iloc[0], "en"))
                            if len(rows) else (in_sentence(areas.at[area, "name_vi"]), areas.at[area, "name_en"]))
        raise DataError([Problem("--area", None, None, f"{name_vi} ({area}) chưa có số liệu nào để báo cáo"
                                 + (": số của toàn địa bàn cần số liệu của tất cả các xã trong cùng năm." if named else "."),
                                 f"{name_en} ({area}) has no figures to report on yet"
                                 + (": the whole area's figures need every commune's of the same year." if named else "."),
                                 (f"báo cáo riêng của xã có số liệu: {', '.join(named)}; " if named else "")
                                 + "chọn địa bàn khác, hoặc thêm số liệu của địa bàn này.",
                                 (f"a commune's own review where its figures are: {', '.join(named_en)}; " if named else "")
                                 + "choose another area, or add this area's figures.")])
    document = build_review(workbench, year, kind, settings, area=area, lang=lang)
    own_name = None if area == DEFAULT_AREA[map_name] else area
    docx_name, pdf_name = (review_file_name(kind, year, suffix, lang, own_name) for suffix in ("docx", "pdf"))
    # the same inputs as the report's: a review written beside it from the same files is not "other data"
    return _write_review(out, document, docx_name, pdf_name, pdf, inputs_digest(data, map_name))


def _write_review(out: Path, document: bytes, docx_name: str, pdf_name: str, pdf: bool,
                  digest: str | None = None) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(out):  # a report swapping this folder in meanwhile would take the review away with the old one
        out.mkdir(exist_ok=True)
        own = OwnFiles(out)
        own.check([docx_name, pdf_name] if pdf else [docx_name], {docx_name: document})
        written = [own.write(docx_name, document)]
        if pdf:
            made = convert_to_pdf(written[0], out / pdf_name, write=lambda path, data: own.write(path.name, data))
            if made is not None:
                written.append(made)
        if len(written) == 1 and own.unchanged(pdf_name):
            # its own PDF of an earlier run no longer matches the document beside it (an index would
            # list the two as one review); a PDF changed or signed since is kept
            (out / pdf_name).unlink()
            own.forget([pdf_name])
        if digest is not None:  # what it was written from, for the index to compare with the report's
            entries = read_inputs(out)
            if not (out / pdf_name).exists():
                entries.pop(pdf_name, None)
            write_inputs(out, {**entries, **{path.name: digest for path in written}})
        _link_from_index(out)
    return written


def _link_from_index(folder: Path) -> None:
    """Renew the list of reviews on the index page of the report in ``folder``, if it is one."""
    index = folder / "index.html"
    if (folder / MANIFEST).is_file() and index.is_file():
        page = index.read_text(encoding="utf-8")
        names, entries = review_files(folder), read_inputs(folder)
        renewed = with_reviews(page, names, written_from_other_data(entries, names, entries.get(REPORT_ENTRY)))
        if renewed != page:
            write_text_atomic(index, renewed)


def add_review_arguments(parser: argparse.ArgumentParser, options=None) -> None:
    """The options of ``python -m analysis review``, in Vietnamese and English (into the
    argument group ``options`` when given)."""
    options = options or parser.add_argument_group("tùy chọn / options")
    options.add_argument("--year", type=int, default=PLAN_END,
                         help=f"năm báo cáo (mặc định {PLAN_END}) / year reported on (default {PLAN_END})")
    options.add_argument("--kind", choices=KINDS, default=None,
                         help="annual: báo cáo năm; final: tổng kết giai đoạn 2021–2025 (mặc định final cho 2025) / "
                              "annual (one year) or final (the 2021–2025 period); default final for 2025, else annual")
    options.add_argument("--data", type=Path, nargs="+", default=None, metavar="FILE_OR_FOLDER",
                         help="tệp hoặc thư mục số liệu, mặc định data/observations/ và data/offices/ / observation "
                              "files or folders; default data/observations/ and data/offices/")
    options.add_argument("--out", type=Path, default=paths.REPORTS_DIR, metavar="FOLDER",
                         help="thư mục ghi báo cáo, mặc định reports/ (không xóa gì) / output folder, default "
                              "reports/ (nothing is deleted)")
    options.add_argument("--lang", choices=("vi", "en"), default="vi",
                         help="ngôn ngữ (mặc định vi; en ghi tệp ..._en.docx) / language (default vi; en writes "
                              "..._en.docx)")
    options.add_argument("--map", choices=MAPS, default=None, dest="map_name",
                         help="old: huyện trước 1/7/2025; new: tỉnh Vĩnh Long sau đó (mặc định theo số liệu) / old: "
                              "the district before 1/7/2025; new: Vĩnh Long after it (default: as the data call for)")
    options.add_argument("--area", default=None, metavar="CODE",
                         help="địa bàn báo cáo (mặc định 848: huyện, hoặc địa bàn huyện cũ) / area reported on "
                              "(default 848: the district, or the former district's area)")
    options.add_argument("--settings", type=Path, default=SETTINGS_FILE,
                         help="cơ quan ban hành, số, người ký (mặc định data/review.yaml) / issuing body, number and "
                              "signer (default data/review.yaml)")
    options.add_argument("--issuer", default=None, metavar="NAME",
                         help="cơ quan ban hành trong tệp cài đặt / an issuer of the settings file: district_office, "
                              "province_department, commune")
    options.add_argument("--number", default=None, help="số văn bản (mặc định để trống) / the report's number "
                                                        "(default: a blank to fill in)")
    options.add_argument("--symbol", default=None,
                         help='ký hiệu sau "BC-", ví dụ "SDTTG" / the issuing body\'s abbreviation after "BC-" '
                              "(default: a blank)")
    options.add_argument("--place", default=None, help="địa danh (mặc định để trống) / place of issue (default: a blank)")
    options.add_argument("--date", default=None, metavar="DD/MM/YYYY",
                         help="ngày ban hành (mặc định để trống) / date of issue (default: a blank)")
    options.add_argument("--signer-title", default=None,
                         help='chức vụ người ký, ví dụ "TRƯỞNG PHÒNG" / the signer\'s title (default: a blank)')
    options.add_argument("--signer-name", default=None, help="họ tên người ký / the signer's name (default: a blank)")
    options.add_argument("--no-pdf", action="store_true",
                         help="không tạo PDF kể cả khi có LibreOffice / no PDF even when LibreOffice is there")


def _area_kind(option: str | None, map_name: str) -> str | None:
    """The kind ("commune", "district", …) of the area ``--area`` names on ``map_name``; None
    when it names none (:func:`write_review` then says why, with the other problems).

    >>> _area_kind("Vinh Kim", "new"), _area_kind(None, "new"), _area_kind("Atlantis", "new")
    ('commune', 'district', None)
    """
    areas = load_areas()
    try:
        code = area_option_codes([option or DEFAULT_AREA[map_name]], map_name, areas)[0]
        code = areas_on_map([code], map_name, areas)[0]
    except DataError:
        return None
    return str(areas.loc[code, "kind"])


def year_problems(year: int, kind: str, today: dt.date | None = None) -> list[Problem]:
    """What is wrong with ``--year`` and ``--kind`` for a review someone can sign: a year outside
    the plan's (2021 to its last orientation, 2030) or not yet begun, or the 2021–2025
    end-of-period review (``final``) for another year. "Kết quả thực hiện năm 2027" written in
    2026, or a 2026 "tổng kết giai đoạn 2021 - 2025" that dropped the 2025 outcomes, were written
    without a word.

    >>> today = dt.date(2026, 11, 30)
    >>> year_problems(2026, "annual", today), year_problems(2025, "final", today)
    ([], [])
    >>> print(year_problems(2027, "annual", today)[0].fix_vi)
    chọn một năm từ 2021 đến 2026 (năm 2027 chưa đến).
    >>> print(year_problems(2026, "final", today)[0].fix_vi)
    báo cáo tổng kết giai đoạn 2021 - 2025 viết cho --year 2025; năm khác dùng --kind annual.
    """
    today = today or dt.date.today()
    last = min(int(load_targets()["deadline"].max()), today.year)  # 2030: a later year judges nothing
    problems = []
    if not PLAN_START <= year <= last:
        not_yet = f" (năm {year} chưa đến)" if year > today.year else ""
        not_yet_en = f" ({year} has not begun)" if year > today.year else ""
        problems.append(Problem("--year", None, None, f"năm {year} nằm ngoài giai đoạn theo dõi.",
                                f"the year {year} is outside the period followed.",
                                f"chọn một năm từ {PLAN_START} đến {last}{not_yet}.",
                                f"choose a year from {PLAN_START} to {last}{not_yet_en}."))
    if kind == "final" and year != PLAN_END:
        problems.append(Problem("--kind", None, None, f"--kind final cho năm {year}.", f"--kind final for {year}.",
                                f"báo cáo tổng kết giai đoạn {PLAN_START} - {PLAN_END} viết cho --year {PLAN_END}; "
                                "năm khác dùng --kind annual.",
                                f"the {PLAN_START}–{PLAN_END} end-of-period review is written for --year {PLAN_END}; "
                                "for another year use --kind annual."))
    return problems


def run_review(args: argparse.Namespace) -> int:
    """Run ``python -m analysis review`` from parsed arguments; returns the exit status (0)."""
    protected = protected_paths(args.data)
    check_beside_data(args.out, protected)  # before reading anything
    checked = check_observations(args.data)
    checked.raise_for_problems()
    # as `report` does: a commune's figures waiting for the other communes are said, not only in `check`
    for line in checked.warning_lines():
        print(line, file=sys.stderr)
    data = checked.observations
    args.map_name = args.map_name or default_map(data)
    args.data = data
    settings = load_review_settings(args.settings, map_name=args.map_name, lang=args.lang, issuer=args.issuer,
                                    area_kind=_area_kind(args.area, args.map_name), number=args.number,
                                    symbol=args.symbol, place=args.place, date=args.date,
                                    signer_title=args.signer_title, signer_name=args.signer_name)
    written = write_review(data=args.data, out=args.out, year=args.year, kind=args.kind, lang=args.lang,
                           map_name=args.map_name, area=args.area, settings=settings, pdf=not args.no_pdf,
                           protected=protected)
    for path in written:
        print(f"Đã ghi / Written: {path.resolve()}")
    if len(written) == 1 and not args.no_pdf and _office_program() is None:
        print("Không có LibreOffice nên không tạo PDF / LibreOffice not found: no PDF made.")
    return 0
