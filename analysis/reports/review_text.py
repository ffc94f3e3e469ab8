"""The sentences of the yearly review, generated from the assessment's numbers.

Each target gets a few sentences in the style of a Vietnamese administrative report
(báo cáo): the latest value and its year, the change since the plan's baseline (2021), the
target, the headline verdict with the assessment's own reason (which already gives the rate
needed, the recent pace, the chance and, for targets set year by year, the years met), and
the estimate for a deadline year whose figure has not arrived, e.g. "Tỷ lệ hộ nghèo trong đồng
bào dân tộc Khmer cuối năm 2024 còn 3,2 %, giảm 8,1 điểm % so với năm 2021 (11,3 %). Riêng năm
2024 giảm 1,7 điểm %, chưa đạt chỉ tiêu giảm 3–4 điểm %/năm; …". Numbers are written by
:mod:`analysis.words`, the reader's way ("1.234,5"; "3,2 %").

A figure is said once per paragraph: the verdict reason is split into its parts
(:func:`reason_parts`, which reads it with the assessment's own sentence templates) so that the
review states the year-by-year result where the facts are and says nothing the reason says.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from ..assessment import VERDICTS, status_label
from ..assessment.met import INCREASING, INTEGER_UNITS
from ..assessment.verdict import CHANCE_BANDS
from ..data.catalogue import load_areas, load_reforms
from ..data.reform import part_inside
from ..data.series import AGGREGATED_SOURCE
from ..text import check_language, in_sentence, label, register_labels
from ..words import (change_text, chance_text, communes_met, decimals_against, decimals_for, fmt_number, half_up,
                     is_benchmark, is_holding, is_missing, latest_decimals, latest_notes, more_than_needed, need_decimals,
                     needed_text, target_text, value_text, whole_units_over)
from .row_words import communes_reports_merged, is_plan_aim, milestones_note

__all__ = [
    "Verdict",
    "verdict_of",
    "ReasonParts",
    "reason_parts",
    "target_sentences",
    "qualitative_sentence",
    "attention_lines",
    "illustrative_sentence",
    "summary_sentences",
    "source_text",
    "spaced_percent",
    "plan_cell",
    "result_cell",
    "needed_cell",
    "chance_cell",
    "POINT_LETTERS",
]


POINT_LETTERS = {"vi": tuple("abcdđeghiklmnopqrstuvxy"), "en": tuple("abcdefghijklmnopqrstuvwxyz")}
"""Letters that number the points (điểm) of the text, in order: in Vietnamese the Vietnamese
alphabet (đ after d; no f, j, w or z), as Nghị định 30/2020/NĐ-CP asks."""

register_labels({
    "rv_illustrative": ("số liệu minh họa", "illustrative figure"),
    "rv_verdict": ("Đánh giá", "Assessment"),
    "rv_plan_target": ("Chỉ tiêu Kế hoạch đến năm {deadline}: {target}.", "The plan's target for {deadline}: {target}."),
    "rv_plan_flag": ("Chỉ tiêu Kế hoạch: đạt trong năm {deadline}.", "The plan's target: met in {deadline}."),
    # a level the plan does not set (2030, carried from 2025): "Chỉ tiêu Kế hoạch đến năm 2030" said the plan set it,
    # and the assumption's note took it back in the next sentence
    "rv_assumed_target": ("Mức giả định đến năm {deadline}: {target}.", "Level assumed for {deadline}: {target}."),
    "rv_assumed_level": ("mức giả định", "assumed level"),
    "rv_aim_no_year": ("không ghi năm, xét ở năm này", "no year given, taken at this one"),
    # T20: "Chỉ tiêu … đến năm 2025" beside "không ghi năm" said the plan both set and did not set the year
    "rv_plan_aim": ("Mục tiêu chung của Kế hoạch (không ghi năm; báo cáo này xét ở năm {deadline}, cuối giai đoạn): "
                    "{target}.", "The plan's general aim (no year given; this report takes {deadline}, the end of "
                    "the period): {target}."),
    "rv_commune_benchmark": ("mức so sánh của xã", "the commune's benchmark"),
    "rv_commune_target": ("Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện; đối với xã, báo cáo này so với tỷ lệ người "
                          "Khmer trong dân số của xã (năm {year}{illustrative}): {target} đến năm {deadline}.",
                          "The plan sets this target for the whole district only; a commune is compared here with "
                          "its own Khmer share of the population ({year}{illustrative}): {target} by {deadline}."),
    "rv_no_data": ("Chưa có số liệu để đánh giá chỉ tiêu này; đề nghị cơ quan chủ trì cung cấp số liệu.",
                   "There are no figures to assess this target yet; the office in charge is asked to supply them."),
    # the blank to fill in shows: a sentence ending on "đánh giá cụ thể:" read as text gone missing
    "rv_qualitative_own": ("Chỉ tiêu định tính, không đánh giá bằng số liệu; đánh giá cụ thể: ……",
                           "A qualitative target, not assessed with figures; assessment: ……"),
    "rv_qualitative": ("Chỉ tiêu định tính, không đánh giá bằng số liệu; đề nghị {office} đánh giá cụ thể.",
                       "A qualitative target, not assessed with figures; {office} is asked to assess it."),
    # the latest figure
    "rv_latest": ("{subject} năm {year} đạt {value}{illustrative}", "{subject} was {value} in {year}{illustrative}"),
    "rv_latest_none": ("{subject} năm {year}: không còn{illustrative}",
                       "{subject}: none left in {year}{illustrative}"),
    "rv_latest_left": ("{subject} năm {year} còn {value}{illustrative}", "{subject} was {value} in {year}{illustrative}"),
    "rv_latest_end": ("{subject} cuối năm {year} còn {value}{illustrative}",
                      "{subject} stood at {value} at the end of {year}{illustrative}"),
    "rv_latest_flag": ("{subject}: {met} (năm {year}){illustrative}", "{subject}: {met} ({year}){illustrative}"),
    "rv_flag_met": ("đã đạt", "met"),
    "rv_flag_not_met": ("chưa đạt", "not met"),
    "rv_change": (", {change} so với năm {base_year} ({base})", ", {change} from {base_year} ({base})"),
    "rv_earlier_illustrative": (" (số liệu năm {year} là số liệu thật; các năm trước có số liệu minh họa)",
                                " (the {year} figure is real; earlier years include illustrative figures)"),
    # T14, T16 after the reform: the district's own count to 2024, the new communes' sum from 2025
    "rv_counted_otherwise": (" (từ năm {year} tính trên các xã mới, không gồm các cơ quan cấp huyện cũ, nên mức thay "
                             "đổi có phần do cách tính)",
                             " (from {year} counted over the new communes, without the former district-level "
                             "bodies, so the change is partly how it is counted)"),
    # T04, T12, T13, T17 after the reform: a share of 13 or 15 old units, then of the 6 new communes
    "rv_units_changed": (" (đến năm {last} tính trên {before} đơn vị cấp xã cũ, từ năm {year} trên {after} xã mới, nên "
                         "mức thay đổi có phần do cách tính)",
                         " (to {last} counted over {before} former commune-level units, from {year} over the {after} "
                         "new communes, so the change is partly how it is counted)"),
    # xã Ngũ Lạc's own review: its years to 2024 are the old Thạnh Hòa Sơn's alone, 2025 the whole new commune
    "rv_part_before": (" (đến năm {last} chỉ gồm phần {part} cũ, từ năm {year} cả xã, nên mức thay đổi có phần do "
                       "cách tính)",
                       " (to {last} the former {part} only, from {year} the whole commune, so the change is "
                       "partly how it is counted)"),
    # T03, T20 after the reform: a hamlet or commune of xã Ngũ Lạc counted whole, its Duyên Hải part included
    "rv_counted_whole": (" (từ năm {year}, {names} được tính cả xã, kể cả phần không thuộc {area})",
                         " (from {year}, {names} is counted whole, including its part outside the {area})"),
    "rv_communes_recounted": (" (đến năm {last} đếm trong {before} xã, thị trấn cũ, từ năm {year} trong {after} xã mới, "
                              "nên mức thay đổi có phần do sắp xếp đơn vị hành chính; {names} được tính cả xã)",
                              " (to {last} counted among {before} former communes and towns, from {year} among the "
                              "{after} new communes, so the change is partly the merger; {names} is counted whole)"),
    "rv_earlier_estimated": (" (số liệu năm {year} là số ước tính từ số liệu thật; các năm trước có số liệu minh họa)",
                             " (the {year} figure is an estimate from real figures; earlier years include illustrative "
                             "figures)"),
    "rv_about": ("khoảng {value}", "about {value}"),
    "rv_part_of": ("phần {part} cũ", "former {part} only"),
    "rv_benchmark_assumption": ("Giả định: mức so sánh năm 2030 giữ như năm 2025.",
                                "Assumption: the 2030 benchmark stays as in 2025."),
    "rv_unchanged": (", không thay đổi so với năm {base_year}", ", unchanged from {base_year}"),
    "rv_average": (", bình quân {change}", ", on average {change}"),
    "rv_above_target": (", vượt {size} so với chỉ tiêu", ", {size} above the target"),
    # targets set year by year
    "rv_year_fall": ("Riêng năm {year} giảm {fall} điểm %", "In {year} alone it fell by {fall} pts"),
    "rv_year_rise": ("Riêng năm {year} tăng {fall} điểm %", "In {year} alone it rose by {fall} pts"),
    "rv_year_met": ("đạt chỉ tiêu {target}", "meeting the target of {target}"),
    "rv_year_missed": ("chưa đạt chỉ tiêu {target}", "short of the target of {target}"),
    "rv_every_year": ("hằng năm {target}", "{target} every year"),
    # the plan writes "từ 3- 4%/năm": which fall is meant decides the verdict, so the report says how it reads it
    "rv_reading_points": ("Mức giảm “{low}–{high}%/năm” của Kế hoạch được tính theo điểm phần trăm ({low}–{high} "
                          "điểm phần trăm mỗi năm).",
                          "The plan's fall of “{low}–{high}%/year” is read in percentage points ({low}–{high} "
                          "points a year)."),
    "rv_reading_relative": ("Mức giảm “{low}–{high}%/năm” của Kế hoạch được tính theo tỷ lệ hộ nghèo năm trước "
                            "(giảm {low}–{high} % của tỷ lệ đó mỗi năm).",
                            "The plan's fall of “{low}–{high}%/year” is read as a share of the previous year's "
                            "rate ({low}–{high} % of it a year)."),
    # the years judged, up to the latest: "tính từ năm 2021" said both a fall counted from 2022 and a
    # count from 2021, and a series beginning later ("so với năm 2022") was dated from 2021 all the same
    "rv_years_met": ("{counted} năm được đánh giá đến năm {year}: {met} năm đạt chỉ tiêu",
                     "of the {counted} years judged up to {year}, {met} met the target"),
    "rv_years_met_none": ("{counted} năm được đánh giá đến năm {year}: chưa năm nào đạt chỉ tiêu",
                          "of the {counted} years judged up to {year}, none met the target"),
    # the target
    "rv_at_least": ("từ {value} trở lên", "{value} or more"),
    "rv_above": ("trên {value}", "above {value}"),
    "rv_at_most": ("không quá {value}", "at most {value}"),
    "rv_none_left": ("không còn ({value})", "none left ({value})"),
    "rv_basically_none_left": ("cơ bản không còn ({value}; báo cáo này tính là đạt khi còn không quá {threshold})",
                               "basically none left ({value}; this report counts it as met at {threshold} or fewer)"),
    "rv_met_from": ("báo cáo này tính là đạt khi từ {threshold} trở lên", "this report counts it as met at {threshold} or more"),
    # a share of a few communes moves in whole communes: its line is a count, not a percentage beside the plan's
    "rv_met_communes": ("báo cáo này tính là đạt khi đủ {k}/{n} xã", "this report counts it as met with {k} of {n} "
                        "communes"),
    "rv_met_below": ("báo cáo này tính là đạt khi dưới {threshold}", "this report counts it as met below {threshold}"),
    # after the verdict
    "rv_at_deadline": ("năm {deadline}: {value}", "{deadline}: {value}"),
    "rv_at_bar": ("{value}, sát mức chỉ tiêu", "{value}, right at the target's level"),
    "rv_estimate_none": ("Dự báo năm {year} vẫn không còn (khoảng dự báo 80 %: {interval}).",
                         "The {year} projection: still none (80 % projection interval: {interval})."),
    "rv_estimate": ("Dự báo năm {year} khoảng {value} (khoảng dự báo 80 %: {interval}).",
                    "The {year} projection is about {value} (80 % projection interval: {interval})."),
    "rv_projection_only": ("Kế hoạch không đặt chỉ tiêu cho năm {deadline}; dự báo năm {deadline} khoảng {value} "
                           "(khoảng dự báo 80 %: {interval}).",
                           "The plan sets no target for {deadline}; the projection for {deadline} is about {value} "
                           "(80 % projection interval: {interval})."),
    "rv_projection_only_bare": ("Kế hoạch không đặt chỉ tiêu cho năm {deadline}.",
                                "The plan sets no target for {deadline}."),
    "rv_need_one_year": ("Để đạt chỉ tiêu, năm {deadline} cần {change}.", "To meet the target: {change} in {deadline}."),
    "rv_need_since": ("Để đạt chỉ tiêu, năm {deadline} cần {change} so với năm {latest_year} (bình quân {per_year}).",
                      "To meet the target: {change} by {deadline} from {latest_year} ({per_year} on average)."),
    "rv_need_years": ("Để đạt chỉ tiêu, từ năm {first} đến năm {deadline} cần {change}.",
                      "To meet the target: {change} from {first} to {deadline}."),
    "rv_keep": ("Cần tiếp tục duy trì kết quả đến năm {deadline}.", "The result must be held until {deadline}."),
    "rv_see_figure": ("(Xem Hình {figure}, Phụ lục 2.)", "(See Figure {figure}, Appendix 2.)"),
})


@dataclass(frozen=True)
class Verdict:
    """The headline verdict of one assessment row, and what the report says with it."""

    key: str
    """One of :data:`VERDICTS`, or "" for a row that is a projection only (no target)."""
    reason_vi: str
    reason_en: str
    awaiting_figure: bool
    """The deadline year has passed but its figure has not arrived (the chance is then the
    chance that the deadline year's value meets the target)."""
    years_met: int | None
    years_counted: int | None
    benchmark: bool = False
    """Judged against the commune's own benchmark, not a target the plan sets for it (T14 in a
    commune: the plan sets 20 % for the whole district only; :func:`analysis.words.is_benchmark`)."""
    assumed: bool = False
    """Judged against a level the plan does not set for that year (a 2025 level carried to 2030)."""

    def words(self, lang: str = "vi") -> str:
        """The verdict in words ("Đúng tiến độ"); a projection-only row reads "Chỉ dự báo"."""
        return status_label(self.key, lang) if self.key else label("projection_only", lang)

    def reason(self, lang: str = "vi") -> str:
        return self.reason_vi if lang == "vi" else self.reason_en

    @property
    def judged_on_projection(self) -> bool:
        """The deadline year's figure is awaited and the verdict comes from the projection's
        chance for that year — not a row with too little data to project (T20), which has none.

        >>> Verdict("off_track", "", "", True, None, None).judged_on_projection
        True
        >>> Verdict("too_little_data", "", "", True, None, None).judged_on_projection
        False
        """
        return self.awaiting_figure and self.key not in ("", "too_little_data", "no_data")


def verdict_of(row: pd.Series) -> Verdict:
    """The verdict of an assessment row (see :mod:`analysis.assessment.verdict`), as the review
    reads it.

    >>> row = pd.Series({"verdict": "needs_acceleration", "verdict_reason_vi": "…", "verdict_reason_en": "…",
    ...                  "awaiting_figure": True, "years_met": pd.NA, "years_counted": pd.NA})
    >>> v = verdict_of(row)
    >>> v.key, v.awaiting_figure, v.words("vi"), v.years_met
    ('needs_acceleration', True, 'Cần đẩy nhanh tiến độ', None)
    >>> verdict_of(row.copy().replace({"needs_acceleration": ""})).words("vi")
    'Chỉ dự báo (không có chỉ tiêu)'
    >>> verdict_of(row).benchmark, verdict_of(pd.concat([row, pd.Series({"benchmark": True})])).benchmark
    (False, True)
    """
    return Verdict(
        key=_text_or_empty(row, "verdict"),
        reason_vi=_text_or_empty(row, "verdict_reason_vi"),
        reason_en=_text_or_empty(row, "verdict_reason_en"),
        awaiting_figure=bool(row.get("awaiting_figure", False)),
        years_met=_int_or_none(row, "years_met"),
        years_counted=_int_or_none(row, "years_counted"),
        benchmark=is_benchmark(row),
        assumed=row.get("origin") == "assumption",
    )


def _present(value) -> bool:
    return not (value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)))


def _missing(value) -> bool:
    return not _present(value)


def _text_or_empty(row: pd.Series, column: str) -> str:
    return str(row[column]) if column in row.index and _present(row[column]) else ""


def _int_or_none(row: pd.Series, column: str) -> int | None:
    return int(row[column]) if column in row.index and _present(row[column]) else None


def spaced_percent(text: str) -> str:
    """A space between a number and "%" ("3,2 %"), as :mod:`analysis.words` writes it.

    >>> spaced_percent("≥ 95% và 99,7%")
    '≥ 95 % và 99,7 %'
    """
    return re.sub(r"(\d)%", r"\1 %", text)


# ---------------------------------------------------------------------------------------
# the verdict reason, in its parts


_CORE_KEYS = ("r_no_data", "r_projection_only", "r_deadline_met", "r_deadline_missed", "r_deadline_met_benchmark",
              "r_deadline_missed_benchmark", "r_deadline_gap", "r_no_previous",
              "r_too_few",
              "r_flag_met", "r_flag_missed", "r_met_now", "r_met_now_at_risk", "r_met_since",
              "r_met_since_at_risk", "r_pace_enough", "r_hold", "r_flow",
              "r_chance_but_slow", "r_chance_but_away", "r_short", "r_since_base_enough", "r_pace_enough_but_unlikely",
              "r_moving_away", "r_since_base_enough_needs_more", "r_pace_enough_projection_short")
"""The templates of the verdict's main sentence (:mod:`analysis.assessment.verdict`)."""
_REFORM_KEYS = ("r_counted_whole", "r_communes_recounted", "r_counted_otherwise")
_YEAR_KEYS = ("year_fall_missed", "year_fall_met", "year_rise", "year_value_missed", "year_value_met")
"""The templates of the latest judged year of a target set year by year (``…_missed`` first)."""
_DEADLINE_KEYS = ("r_deadline_met", "r_deadline_missed", "r_deadline_met_benchmark", "r_deadline_missed_benchmark",
                  "r_flag_met", "r_flag_missed")


_FIELD_PATTERNS = {"year": r"\d{4}", "deadline": r"\d{4}", "latest_year": r"\d{4}", "met_since": r"\d{4}",
                   "base_year": r"\d{4}", "recent_years": r"\d+", "n": r"\d+", "met": r"\d+", "counted": r"\d+",
                   "illustrative": r".*?",
                   "weakest": r"(?: \([^()]*\d{4}\))?", "dip": r"(?:; [^()]*)?", "latest": r"[^;()]+?"}
"""What a field of a template can hold, where it is known (years are four digits)."""


def _template(text: str) -> str:
    """A regular expression for a sentence template: each ``{field}`` a named group.

    >>> re.fullmatch(_template("Năm {year}: {value}, đạt"), "Năm 2024: 100 %, đạt").groupdict()
    {'year': '2024', 'value': '100 %'}
    """
    pieces = re.split(r"\{(\w+)\}", text)
    out, seen = [], set()
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            out.append(re.escape(piece))
        elif piece in seen:
            out.append(f"(?P={piece})")
        else:
            seen.add(piece)
            out.append(f"(?P<{piece}>{_FIELD_PATTERNS.get(piece, '.+?')})")
    return "".join(out)


_YEARS_MET_END = {lang: "; (?:" + _template(label("years_met", lang)) + "|"
                  + _template(label("years_met_none", lang)).replace("(?P<counted>", "(?P<counted_none>") + r")\."
                  for lang in ("vi", "en")}
"""The end of a year's sentence: how many years met ("đạt 1 trong 3 năm", "chưa năm nào đạt (0/3)")."""


def _match(key: str, sentence: str, lang: str, end: str = r"\.") -> dict | None:
    found = re.fullmatch(_template(label(key, lang)) + end, sentence)
    return found.groupdict() if found else None


@dataclass(frozen=True)
class ReasonParts:
    """The verdict reason of one row, sorted into what it says."""

    core: str = ""
    """The main sentence (why the verdict)."""
    core_key: str = ""
    """Its template in :mod:`analysis.assessment.verdict` ("r_met_now" …), "" if none matched."""
    core_fields: dict = field(default_factory=dict)
    awaiting: str = ""
    """"Chờ số liệu năm 2025." when the deadline year's figure has not arrived."""
    commune: dict = field(default_factory=dict)
    """The commune's own target (T14 in a commune): value, year, illustrative."""
    year_key: str = ""
    """The template of the latest judged year ("year_fall_missed" …) of a target set year by year."""
    year_fields: dict = field(default_factory=dict)
    year_sentence: str = ""
    poverty: str = ""
    """What is still possible for the poverty fall ("Tỷ lệ còn dưới 3 % …")."""
    reform: str = ""
    """What the reform did to the count ("Từ năm 2025, xã Ngũ Lạc được tính cả xã …"), which the review
    says in an aside to the change since the baseline."""
    turned: str = ""
    """The last year's change when it turned towards the target ("Riêng năm 2024 đã tăng …")."""


def reason_parts(reason: str, lang: str = "vi") -> ReasonParts:
    """Split a verdict reason into its sentences and sort them with the assessment's own templates.

    >>> parts = reason_parts("Chờ số liệu năm 2025. Cần giảm 3,0 điểm %/năm, trong khi 3 năm 2022–2024 giảm 2,7 điểm %/năm; "
    ...                      "khả năng đạt < 1 %. Năm 2024 giảm 1,7 điểm %: không đạt; đạt 1 trong 3 năm.")
    >>> parts.awaiting, parts.core_key, parts.core_fields["needed"], parts.core_fields["chance"]
    ('Chờ số liệu năm 2025.', 'r_short', 'giảm 3,0 điểm %/năm', '< 1 %')
    >>> parts.year_key, parts.year_fields
    ('year_fall_missed', {'year': '2024', 'fall': '1,7', 'met': '1', 'counted': '3'})
    >>> reason_parts("Đã đạt năm 2024 (100 %); khả năng giữ được đến năm 2030: 90 %.").core_key
    'r_met_now'
    >>> reason_parts("Đã đạt năm 2024 (100 %) nhưng khả năng giữ được đến năm 2030 chỉ 31 % (năm khó giữ nhất: "
    ...              "2025).").core_fields["chance"]
    '31 %'
    """
    found: dict = {"core": []}
    for sentence in re.split(r"(?<=\.)\s+", (reason or "").strip()):
        if not sentence:
            continue
        if _match("awaiting", sentence, lang) is not None:
            found["awaiting"] = sentence
            continue
        commune = _match("commune_target", sentence, lang, end="")
        if commune is not None:
            found["commune"] = commune
            continue
        for key in _YEAR_KEYS:
            fields = _match(key, sentence, lang, end=_YEARS_MET_END[lang])
            if fields is not None and "counted_none" in fields:
                none = fields.pop("counted_none")
                if none is not None:  # "chưa năm nào đạt (0/3)"
                    fields.update(met="0", counted=none)
            if fields is not None:
                found.update(year_key=key, year_fields=fields, year_sentence=sentence)
                break
        else:
            if any(_match(key, sentence, lang, end="") is not None for key in ("below_low_end", "reaches_zero")):
                found["poverty"] = sentence
            elif _match("r_turned", sentence, lang, end="") is not None:
                found["turned"] = sentence
            elif any(_match(key, sentence, lang, end="") is not None for key in _REFORM_KEYS):
                found["reform"] = sentence  # the sentence of the facts says it, in an aside
            else:
                found["core"].append(sentence)
    core = " ".join(found.pop("core"))
    core_key, core_fields = "", {}
    for key in _CORE_KEYS:
        fields = _match(key, core, lang, end="")
        if fields is not None:
            core_key, core_fields = key, fields
            break
    return ReasonParts(core=core, core_key=core_key, core_fields=core_fields, **found)


# ---------------------------------------------------------------------------------------
# one target


def _value(row: pd.Series, column: str, lang: str) -> str:
    """A value of the row with its unit; whole numbers without decimals ("100 %"); the latest
    figure, and the baseline it is compared with, with the decimals that keep the latest on its
    side of the target and add up with the need (:func:`analysis.words.latest_decimals`)."""
    decimals = latest_decimals(row) if column in ("latest_value", "base_value") else None
    return value_text(float(row[column]), row["unit"], lang, exact=True, decimals=decimals)


def _target_phrase(row: pd.Series, lang: str) -> str:
    """The target as the plan sets it, in words ("từ 95 % trở lên", "trên 80 %", "giảm 3–4
    điểm %/năm"), with the threshold that counts as met when the plan writes a round bound
    ("100 % (tính là đạt khi từ 99,5 % trở lên)")."""
    kind, unit = row["kind"], row["unit"]
    if kind in ("yearly_reduction", "yearly_flow"):
        return target_text(row, lang)
    value = _value(row, "target_value", lang)
    threshold = row.get("met_threshold")
    if kind == "count_to_zero":
        key = "rv_basically_none_left" if _present(threshold) and threshold > row["target_value"] else "rv_none_left"
        return label(key, lang).format(value=value, threshold=_value(row, "met_threshold", lang)
                                       if _present(threshold) else "")
    if unit == "percent" and row["target_value"] == 100 and kind in ("at_least", "share_of_total"):
        phrase = value
    else:
        phrase = label({"above": "rv_above", "at_most": "rv_at_most"}.get(kind, "rv_at_least"), lang).format(value=value)
    communes = communes_met(row)
    if communes is not None:
        phrase += f" ({label('rv_met_communes', lang).format(k=communes[0], n=communes[1])})"
    elif unit == "percent" and _present(threshold) and threshold != row["target_value"]:
        key = "rv_met_from" if INCREASING[kind] > 0 else "rv_met_below"
        phrase += f" ({label(key, lang).format(threshold=value_text(threshold, unit, lang, exact=True))})"
    return phrase


def _rule_note(row: pd.Series, lang: str) -> str:
    """The catalogue's note on when the target counts as met (T03: what "cơ bản" means), if any; a
    share of a few communes has said it as a count already ("đủ 4/6 xã", not "các mức k/6")."""
    if communes_met(row) is not None:
        return ""
    rule = _text_or_empty(row, f"met_rule_{lang}")
    fields = _match("met_rule_catalogue", rule, lang, end="") or _match("met_rule_none", rule, lang, end="")
    note = re.sub(r'"([^"]*)"', "“\\1”", (fields or {}).get("note", "").strip())  # typographic quotes
    note = note[:1].upper() + note[1:]  # a sentence of its own ("tỷ lệ của 13 xã …" followed a full stop)
    return note if not note or note.endswith(".") else note + "."


def _facts(row: pd.Series, subject: str, lang: str, parts: ReasonParts) -> str:
    """The latest figure, the change since the baseline and, for a poverty fall, its yearly
    average (when the reason does not already give it): one clause, no full stop."""
    kind, unit, year = row["kind"], row["unit"], int(row["latest_year"])
    # xã Ngũ Lạc before 2025: the old Thạnh Hòa Sơn's own figure, said as that part's, not "about" the commune's
    part = part_of_area(row, lang)
    notes = [note for note in (part, label("rv_illustrative", lang) if _latest_illustrative(row) else "") if note]
    illustrative = f" ({'; '.join(notes)})" if notes else ""
    fields = {"subject": subject, "year": year, "illustrative": illustrative}
    if unit == "flag":
        met = label("rv_flag_met" if row["latest_value"] >= 1 else "rv_flag_not_met", lang)
        return label("rv_latest_flag", lang).format(met=met, **fields)
    key = {"yearly_reduction": "rv_latest_end", "count_to_zero": "rv_latest_left", "at_most": "rv_latest_left"}
    if kind == "count_to_zero" and float(row["latest_value"]) == 0:
        key = {"count_to_zero": "rv_latest_none"}  # "năm 2024 còn 0 ấp" read as a count still to bring down
    # an estimate (a new commune's share of an old unit assumed) is said as one, as the appendix marks it "≈"
    estimate = bool(row.get("approximate", False)) and not part
    value = _value(row, "latest_value", lang)
    text = label(key.get(kind, "rv_latest"), lang).format(
        value=label("rv_about", lang).format(value=value) if estimate else value, **fields)
    # a real latest figure after illustrative years: the changes quoted below rest on those years too
    earlier = label("rv_earlier_estimated" if estimate else "rv_earlier_illustrative", lang).format(year=year) \
        if bool(row["illustrative"]) and not _latest_illustrative(row) else ""
    if kind == "yearly_flow" or _missing(row["base_year"]) or int(row["base_year"]) >= year:
        return text + earlier  # a yearly count is judged year by year, not against its baseline
    base_year = int(row["base_year"])
    # the difference of the two figures as printed: 95,2 % and 92,7 % are 2,5 points apart, even
    # when the unrounded values are 2,4 apart
    # (17,95 % against 17,43 %: 0,52 points, all three with the latest figure's decimals)
    decimals = latest_decimals(row) or decimals_for(unit)
    change = half_up(float(row["latest_value"]), decimals) - half_up(float(row["base_value"]), decimals)
    unchanged = change_text(change, unit, lang) == label("no_change", lang)
    if unchanged:
        text += label("rv_unchanged", lang).format(base_year=base_year)
    else:
        text += label("rv_change", lang).format(change=change_text(change, unit, lang, per_year=False,
                                                                   decimals=latest_decimals(row)),
                                                base_year=base_year, base=_value(row, "base_value", lang))
    if kind == "yearly_reduction" and _present(row.get("observed_points_per_year_since_base")):
        average = change_text(float(row["observed_points_per_year_since_base"]), unit, lang)
        if average not in parts.core:
            text += label("rv_average", lang).format(change=average)
    counted = _counted_aside(row, base_year, year, lang)
    if not counted:
        return text + earlier
    counted = _no_change_to_explain(counted, lang) if unchanged else counted
    # one parenthesis for both asides, not two side by side
    return text + (counted[:-1] + "; " + earlier[2:] if earlier else counted)


def _counted_aside(row: pd.Series, base_year: int, year: int, lang: str) -> str:
    """" (…, nên mức thay đổi có phần do cách tính)" when the change from ``base_year`` to ``year`` crosses
    the reform's change of what the series counts; "" otherwise."""
    otherwise = row.get("counted_otherwise_from")
    if _present(otherwise) and base_year < int(otherwise) <= year:
        return label("rv_counted_otherwise", lang).format(year=int(otherwise))
    changed = row.get("units_changed_from")
    if _present(changed) and base_year < int(changed) <= year:
        return label("rv_units_changed", lang).format(year=int(changed), last=int(changed) - 1,
                                                      before=int(row["units_before"]), after=int(row["units_after"]))
    inside = part_inside(str(row.get("area_code", "")), lang)
    if inside is not None and base_year < inside[0].first_year <= year:
        return label("rv_part_before", lang).format(last=inside[0].first_year - 1, part=inside[1],
                                                    year=inside[0].first_year)
    return _counted_whole(row, lang)


_CHANGE_COUNTED = {"vi": r", nên mức thay đổi có phần do [^;)]*", "en": r", so the change is partly [^;)]*"}


def _no_change_to_explain(aside: str, lang: str) -> str:
    """An aside on how a figure was counted, without "so the change is partly how it is counted" beside
    "không thay đổi" (T13: 100 % in 2021 and in 2025), which then read as a change after all.

    >>> _no_change_to_explain(" (đến năm 2024 tính trên 15 đơn vị cấp xã cũ, từ năm 2025 trên 6 xã mới, nên mức thay "
    ...                       "đổi có phần do cách tính)", "vi")
    ' (đến năm 2024 tính trên 15 đơn vị cấp xã cũ, từ năm 2025 trên 6 xã mới)'
    """
    return re.sub(_CHANGE_COUNTED[lang], "", aside)


def _counted_whole(row: pd.Series, lang: str) -> str:
    """" (từ năm 2025, xã Ngũ Lạc được tính cả xã, …)" for a count of places of the former district
    that takes a new commune whole, its part outside included: the verdict may rest on a hamlet there."""
    year = row.get("counted_whole_from")
    if not _present(year) or int(row["latest_year"]) < int(year):
        return ""
    areas = load_areas()
    for reform in load_reforms():
        if reform.continues == row["area_code"] and reform.apportion:
            names = ", ".join(in_sentence(areas.at[unit, f"name_{lang}"], lang) for unit in reform.apportion
                              if unit in areas.index)
            area = in_sentence(reform.continues_name_vi if lang == "vi" else reform.continues_name_en, lang)
            if row["unit"] == "communes":  # T20: 8 of 15 old units, then 1 of 6 new communes
                return label("rv_communes_recounted", lang).format(
                    year=int(year), last=int(year) - 1, names=names, after=reform.units_after,
                    before=reform.units_before)
            return label("rv_counted_whole", lang).format(year=int(year), names=names, area=area)
    return ""


def _above_target(row: pd.Series, lang: str) -> str:
    """", vượt 10,0 điểm % so với chỉ tiêu" when a percentage target is exceeded."""
    if row["unit"] != "percent" or INCREASING[row["kind"]] < 0 or row["kind"] == "yearly_flow":
        return ""
    margin = float(row["latest_value"]) - float(row["target_value"])
    if half_up(margin, 1) <= 0:
        return ""
    return label("rv_above_target", lang).format(size=f"{fmt_number(margin, lang, 1)} {label('points_word', lang)}")


def _year_by_year(row: pd.Series, lang: str, parts: ReasonParts) -> tuple[str, str]:
    """For a target set year by year: (what joins the facts clause, a sentence of its own) —
    the latest judged year against the target, and the years met since the plan began.

    The poverty fall gets a sentence of its own ("Riêng năm 2024 giảm 1,7 điểm %, …"); a
    yearly count or level joins the facts (", đạt chỉ tiêu …; tính từ năm 2021, …")."""
    fields = parts.year_fields
    target = _target_phrase(row, lang)
    if row["kind"] not in ("yearly_reduction", "yearly_flow"):
        target = label("rv_every_year", lang).format(target=target)
    met = label("rv_year_missed" if parts.year_key.endswith("missed") or parts.year_key == "year_rise"
                else "rv_year_met", lang).format(target=target)
    years = label("rv_years_met_none" if fields["met"] == "0" else "rv_years_met", lang).format(
        year=fields["year"], met=fields["met"], counted=fields["counted"])
    if row["kind"] == "yearly_reduction":
        key = "rv_year_rise" if parts.year_key == "year_rise" else "rv_year_fall"
        reading = label(f"rv_reading_{row.get('reading') or 'points'}", lang).format(
            low=fmt_number(float(row["target_low"]), lang, 0), high=fmt_number(float(row["target_high"]), lang, 0))
        return "", f"{label(key, lang).format(year=fields['year'], fall=fields['fall'])}, {met}; {years}. {reading}"
    return f", {met}; {years}", ""


def _interval(row: pd.Series, lang: str) -> str:
    """The 80 % projection interval: "1,5–2,7 %", or one value when both ends read the same."""
    unit = row["unit"]
    low = fmt_number(float(row["projected_lo_80"]), lang, decimals_for(unit))
    high = value_text(float(row["projected_hi_80"]), unit, lang)
    return high if high.split(" ")[0] == low else f"{low}–{high}"


SURE_ENOUGH = 0.9
"""A chance of meeting the level at which a projection printed as the level is not "close" to it."""


def _projection_sentence(row: pd.Series, key: str, lang: str) -> str:
    if _missing(row.get("projected_median")) or row["unit"] == "flag":
        return ""
    deadline = int(row["deadline"])
    median = float(row["projected_median"])
    # on its side of the target, as the summary sheet prints it: 19,993 % is "19,99 %", not "20,0 %"
    value = value_text(median, row["unit"], lang, decimals=decimals_against(median, row))
    bar = row.get("met_threshold")
    chance = row.get("probability")
    # a whole count is printed whole: "khoảng 0 ấp" beside a chance of 73 % is at the level, not close to it
    sure = SURE_ENOUGH if row["unit"] not in INTEGER_UNITS else CHANCE_BANDS[0]
    if row["kind"] not in ("yearly_reduction", "yearly_flow") and not _missing(bar) \
            and value == value_text(float(bar), row["unit"], lang) and (_missing(chance) or chance < sure):
        # "khoảng 20,0 %" against "từ 20 % trở lên" reads as met beside a chance of one half; a commune
        # holding 0 ấp, sure to stay there, is not "sát mức" (close to the line) but at it
        value = label("rv_at_bar", lang).format(value=value)
    interval = _interval(row, lang)
    if key == "rv_estimate" and row["kind"] == "count_to_zero" and float(row["latest_value"]) == 0 \
            and value == interval == value_text(0.0, row["unit"], lang):
        # "khoảng 0 ấp" after "năm 2024: không còn": none is left, and none is expected
        key = "rv_estimate_none"
    return label(key, lang).format(year=deadline, deadline=deadline, interval=interval, value=value)


def _progress_needed(row: pd.Series) -> float:
    """The yearly change still needed, positive in the direction of progress (≤ 0: none)."""
    needed = row["needed_points_per_year"]
    return math.nan if _missing(needed) else INCREASING[row["kind"]] * float(needed)


def _need_sentence(row: pd.Series, lang: str, parts: ReasonParts) -> str:
    """"Để đạt chỉ tiêu, năm 2025 cần tăng 2,3 điểm %." — unless the reason already says it or
    nothing needs to change."""
    progress = _progress_needed(row)
    if row["kind"] == "yearly_flow" or _missing(progress) or progress <= 0 or _missing(row["latest_year"]):
        return ""
    deadline, first = int(row["deadline"]), int(row["latest_year"]) + 1
    if deadline < first:
        return ""
    unit = "percent" if row["kind"] == "yearly_reduction" else row["unit"]
    needed = float(row["needed_points_per_year"])
    # with one year left, as many decimals as the latest figure printed beside it (17,95 % and 2,05)
    decimals = need_decimals(row)
    beyond = more_than_needed(row)  # "tăng hơn 33,2 điểm %" to be above 80 %, as the reason says it
    if change_text(needed, unit, lang, per_year=False, decimals=decimals, more_than=beyond) in parts.core or \
            change_text(needed, unit, lang) == label("no_change", lang):
        return ""
    if first == deadline:
        return label("rv_need_one_year", lang).format(deadline=deadline,
                                                       change=change_text(needed, unit, lang, per_year=False,
                                                                          decimals=decimals, more_than=beyond))
    if bool(row.get("awaiting_figure", False)):
        # the deadline year has ended: not "từ năm 2024 đến năm 2025 cần giảm 4 xã/năm", but what it needed in all
        return label("rv_need_since", lang).format(deadline=deadline, latest_year=first - 1, change=change_text(
            needed * (deadline - first + 1), unit, lang, per_year=False), per_year=change_text(needed, unit, lang))
    whole = whole_units_over(needed, unit, deadline - first + 1)
    if whole is not None:  # "cần giảm 0,2 ấp/năm" beside the reason's "cần giảm 1 ấp từ năm 2025 đến năm 2030"
        total = change_text(whole, unit, lang, per_year=False)
        return "" if total in parts.core else label("rv_need_years", lang).format(first=first, deadline=deadline,
                                                                                   change=total)
    return label("rv_need_years", lang).format(first=first, deadline=deadline, change=change_text(needed, unit, lang))


def _verdict_sentence(row: pd.Series, verdict: Verdict, parts: ReasonParts, lang: str) -> str:
    """"Đánh giá: <verdict>." and the reason, less what the paragraph has already said."""
    text = f"{label('rv_verdict', lang)}: {verdict.words(lang)}"
    core = parts.core
    if parts.core_key in _DEADLINE_KEYS:
        # the reason restates the deadline year's figure and the target: only a deadline year
        # earlier than the latest figure is worth saying
        value = parts.core_fields.get("value")
        core = ""
        if value and int(row["deadline"]) != int(row["latest_year"]):
            text += f" ({label('rv_at_deadline', lang).format(deadline=int(row['deadline']), value=value)})"
    elif parts.core_key in ("r_met_now", "r_met_now_at_risk"):
        # the latest figure is in the facts already: "Đã đạt năm 2024 (100 %)" → "Đã đạt năm 2024", and the year it
        # last fell short stays: "Đã đạt năm 2024 (năm 2023 chỉ 66,7 %)"
        fields = parts.core_fields
        dip = (fields.get("dip") or "").removeprefix("; ")
        core = core.replace(f"{fields['latest_year']} ({fields['latest']}{fields.get('dip') or ''})",
                            f"{fields['latest_year']} ({dip})" if dip else str(fields["latest_year"]), 1)
    elif parts.core_key in ("r_met_since", "r_met_since_at_risk"):
        # the same: "Đã đạt từ năm 2025 (năm 2026: 20,6 %)" → "Đã đạt từ năm 2025"; both templates open alike, the
        # at-risk one marks where its dip goes, so the latest figure's words are read off it
        fields = parts.core_fields
        dip = (fields.get("dip") or "").removeprefix("; ")
        latest = label("r_met_since_at_risk", lang).split("{met_since}")[1].split("{dip}")[0].format(**fields)
        core = core.replace(f"{latest}{fields.get('dip') or ''})", f" ({dip})" if dip else "", 1)
    pieces = [text + ".", parts.awaiting, _capital(core), parts.turned, parts.poverty]
    return " ".join(piece for piece in pieces if piece)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def target_sentences(row: pd.Series, year: int, subject: str, lang: str = "vi", figure: int | None = None) -> str:
    """The sentences on one target, for a report on ``year``.

    ``row`` is the target's :func:`analysis.assess` row for the deadline the report judges;
    ``subject`` names its indicator ("Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer");
    ``figure`` the number of its chart in the appendix, if it has one.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_year": 2024,
    ...     "latest_value": 3.17739, "base_year": 2021, "base_value": 11.3246, "target_value": 0.17739,
    ...     "target_low": 3.0, "target_high": 4.0, "reading": "points", "deadline": 2025, "origin": "plan",
    ...     "illustrative": False, "observed_points_per_year_since_base": -2.7157,
    ...     "needed_points_per_year": -3.0, "projected_median": 2.0, "projected_lo_80": 1.46,
    ...     "projected_hi_80": 2.71, "verdict": "off_track", "awaiting_figure": True, "years_met": 1,
    ...     "years_counted": 3, "verdict_reason_vi": "Chờ số liệu năm 2025. Cần giảm 3,0 điểm %/năm, trong khi 3 năm "
    ...     "2022–2024 giảm 2,7 điểm %/năm; khả năng đạt < 1 %. Năm 2024 giảm 1,7 điểm %: không đạt; đạt 1 trong 3 năm."})
    >>> print(target_sentences(row, 2025, "Tỷ lệ hộ nghèo Khmer"))  # doctest: +NORMALIZE_WHITESPACE
    Tỷ lệ hộ nghèo Khmer cuối năm 2024 còn 3,2 %, giảm 8,1 điểm % so với năm 2021 (11,3 %). Riêng năm 2024
    giảm 1,7 điểm %, chưa đạt chỉ tiêu giảm 3–4 điểm %/năm; 3 năm được đánh giá đến năm 2024: 1 năm đạt chỉ tiêu.
    Mức giảm “3–4 %/năm” của Kế hoạch được tính theo điểm phần trăm (3–4 điểm phần trăm mỗi năm).
    Đánh giá: Chuyển biến chậm, khó đạt. Chờ số liệu năm 2025. Cần giảm 3,0 điểm %/năm, trong khi 3 năm 2022–2024 giảm
    2,7 điểm %/năm; khả năng đạt < 1 %. Dự báo năm 2025 khoảng 2,0 % (khoảng dự báo 80 %: 1,5–2,7 %).
    """
    check_language(lang)
    verdict = verdict_of(row)
    deadline = int(row["deadline"])
    parts = reason_parts(verdict.reason(lang), lang)
    if verdict.key == "no_data" or _missing(row["latest_value"]):
        target = label("rv_plan_aim" if is_plan_aim(row) else "rv_assumed_target"
                       if row.get("origin") == "assumption" else "rv_plan_target", lang).format(
            deadline=deadline, target=_target_phrase(row, lang)) if verdict.key else ""
        return " ".join(p for p in (target, label("rv_no_data", lang)) if p)
    sentences = []
    facts = _facts(row, subject, lang, parts)
    if not verdict.key:  # a projection only: the plan sets no target for this year
        sentences += [facts + ".", _projection_sentence(row, "rv_projection_only", lang)
                      or label("rv_projection_only_bare", lang).format(deadline=deadline)]
    else:
        joined, own = _year_by_year(row, lang, parts) if parts.year_key else ("", "")
        met = verdict.key == "achieved" or (verdict.key == "on_track" and is_holding(row))
        sentences.append(facts + (_above_target(row, lang) if met else "") + joined + ".")
        sentences.append(own)
        if parts.commune:
            commune = parts.commune
            sentences.append(label("rv_commune_target", lang).format(
                deadline=deadline, target=_target_phrase(row, lang), year=commune["year"],
                illustrative=commune["illustrative"]))
        elif not parts.year_key:
            key = ("rv_plan_flag" if row["unit"] == "flag" else "rv_plan_aim" if is_plan_aim(row)
                   else "rv_assumed_target" if row.get("origin") == "assumption" else "rv_plan_target")
            sentences.append(label(key, lang).format(deadline=deadline, target=_target_phrase(row, lang)))
        sentences.append(_rule_note(row, lang))
        assumption = _text_or_empty(row, f"assumption_{lang}")
        if assumption and row.get("origin") == "assumption" and is_benchmark(row):
            # "kế hoạch chỉ đặt mục tiêu đến 2025" after "Kế hoạch chỉ đặt chỉ tiêu này cho toàn huyện" said the plan
            # set the commune a level: what is assumed is the commune's own benchmark, held from 2025
            assumption = label("rv_benchmark_assumption", lang)
        if assumption and row.get("origin") == "assumption":  # a plan's aim with no year is said in its target
            sentences.append(assumption)
        sentences.append(_verdict_sentence(row, verdict, parts, lang))
        if verdict.awaiting_figure:
            sentences.append(_projection_sentence(row, "rv_estimate", lang))
        if verdict.key in ("on_track", "met_at_risk") and is_holding(row):
            sentences.append(label("rv_keep", lang).format(deadline=deadline))
        elif verdict.key not in ("achieved", "deadline_missed"):
            sentences.append(_need_sentence(row, lang, parts))
    if figure is not None:
        sentences.append(label("rv_see_figure", lang).format(figure=figure))
    return spaced_percent(" ".join(s for s in sentences if s))


def qualitative_sentence(office: str, lang: str = "vi", issuer: str = "", own: bool = False) -> str:
    """What the report says of a target the plan states without a number: a request to the
    office in charge, or, when that office issues the report or the report is one commune's
    (``own``: a commune does not ask the district's offices), a lead-in to its own words.

    >>> qualitative_sentence("Phòng Dân tộc")
    'Chỉ tiêu định tính, không đánh giá bằng số liệu; đề nghị Phòng Dân tộc đánh giá cụ thể.'
    >>> qualitative_sentence("Phòng Dân tộc", issuer="Phòng Dân tộc huyện Cầu Ngang")
    'Chỉ tiêu định tính, không đánh giá bằng số liệu; đánh giá cụ thể: ……'
    >>> qualitative_sentence("Phòng Dân tộc", issuer="Ủy ban nhân dân xã Vinh Kim", own=True)
    'Chỉ tiêu định tính, không đánh giá bằng số liệu; đánh giá cụ thể: ……'
    """
    if own or office and issuer and issuer.lower().startswith(office.lower()):
        return label("rv_qualitative_own", lang)  # the report does not ask its issuer to write it
    return label("rv_qualitative", lang).format(office=office)


# ---------------------------------------------------------------------------------------
# the whole picture

register_labels({
    "rv_projection_only_count": (
        "{n} chỉ tiêu Kế hoạch không đặt mức cho năm được đánh giá, chỉ nêu dự báo.",
        "{n} of the plan's targets set no level for the year judged: only a projection is given."),
    "rv_attention": ("Các chỉ tiêu cần tập trung chỉ đạo:", "Targets needing attention:"),
    # "10 chỉ tiêu đúng tiến độ" in a review of 2026 rested on 2030 levels the plan does not set, said only in the
    # rows: the summary says how many, as the deck's caption does
    "rv_assumed_count": ("Trong {total} chỉ tiêu trên, {n} chỉ tiêu được đánh giá so với mức giả định, vì Kế hoạch "
                         "không đặt mức cho năm đó (mức giả định ghi ở từng chỉ tiêu tại mục II).",
                         "Of these {total}, {n} are judged against an assumed level, the plan setting none for that "
                         "year (each assumed level is given with its target in section II)."),
    # a commune's benchmark is the workbench's reading, not a target the plan gives the commune: counted apart
    "rv_benchmark_count": (
        "Ngoài ra, so với mức so sánh của xã (Kế hoạch chỉ đặt cho toàn huyện; không tính ở trên): {pieces}.",
        "Besides, against the commune's own benchmark (the plan sets the target for the whole district only; not "
        "counted above): {pieces}."),
    # a review of a year after a deadline judges the next one: "T02 … Đánh giá: Đúng tiến độ" (to 2030) hid that the
    # plan's 2025 level was missed, which the end-of-period review and the dashboard's 2025 column say
    "rv_earlier_result": ("Kết quả chỉ tiêu năm {deadline}: {verdict}{value}.",
                          "The {deadline} target: {verdict}{value}."),
    "rv_earlier_result_benchmark": ("Kết quả năm {deadline} so với mức so sánh của xã: {verdict}{value}.",
                                    "{deadline} against the commune's benchmark: {verdict}{value}."),
    "rv_earlier_count": ("Kết quả các chỉ tiêu năm {deadline} (đã qua hạn): {pieces}.",
                         "The targets of {deadline} (deadline passed): {pieces}."),
    "rv_later_count": (
        "Ngoài ra, {n} chỉ tiêu có thời hạn đến năm {deadline} (không tính ở trên) được đánh giá tại mục II.",
        "{n} more {targets} due in {deadline} (not counted above) {are} assessed in section II."),
})


def verdict_tally(verdicts: list[Verdict], lang: str = "vi",
                  milestones: dict[str, list[int]] | None = None) -> list[str]:
    """How many of ``verdicts`` stand where, best first ("2 chỉ tiêu đã đạt", "không đạt: 1"), a verdict's
    milestones of another year beside its count.

    >>> v = [Verdict(k, "", "", False, None, None) for k in ("deadline_missed", "achieved", "deadline_missed")]
    >>> verdict_tally(v), verdict_tally(v, "en")
    (['1 chỉ tiêu đã đạt', '2 chỉ tiêu không đạt'], ['achieved: 1', 'not met: 2'])
    """
    pieces = []
    for key in VERDICTS:
        n = sum(v.key == key for v in verdicts)
        if n:
            words = Verdict(key, "", "", False, None, None).words(lang).lower()
            among_them = milestones_note((milestones or {}).get(key, []), lang)
            pieces.append(f"{n} chỉ tiêu {words}{among_them}" if lang == "vi" else f"{words}: {n}{among_them}")
    return pieces


def earlier_result(row: pd.Series, lang: str = "vi") -> str:
    """What a deadline already passed came to, for a review that judges the next one: its verdict,
    and the deadline year's figure where its reason gives one.

    >>> row = pd.Series({"verdict": "deadline_missed", "deadline": 2025, "awaiting_figure": False,
    ...                  "years_met": pd.NA, "years_counted": pd.NA,
    ...                  "verdict_reason_vi": "Năm 2025: 93,5 %, chưa đạt mục tiêu từ 95 % trở lên.",
    ...                  "verdict_reason_en": "2025: 93.5 %, short of the target 95 % or more."})
    >>> earlier_result(row), earlier_result(row, "en")
    ('Kết quả chỉ tiêu năm 2025: Không đạt (93,5 %).', 'The 2025 target: not met (93.5 %).')
    >>> jobs = pd.Series({"verdict": "achieved", "deadline": 2025, "awaiting_figure": False, "kind": "yearly_flow",
    ...                   "unit": "workers", "deadline_value": 1154.0, "deadline_approximate": True, "years_met": 4,
    ...                   "years_counted": 5, "verdict_reason_vi": "Năm 2025: 1.154, đạt; đạt 4 trong 5 năm.",
    ...                   "verdict_reason_en": ""})
    >>> earlier_result(jobs)  # said year by year: the figure is the deadline year's
    'Kết quả chỉ tiêu năm 2025: Đã đạt (khoảng 1.154 lao động).'
    >>> earlier_result(pd.concat([row, pd.Series({"benchmark": True})]))  # T14 in a commune: not a target of its own
    'Kết quả năm 2025 so với mức so sánh của xã: Không đạt (93,5 %).'
    """
    verdict = verdict_of(row)
    parts = reason_parts(verdict.reason(lang), lang)
    value = parts.core_fields.get("value") if parts.core_key in _DEADLINE_KEYS else None
    figure = row.get("deadline_value")
    if value is None and row.get("kind") != "yearly_reduction" and not is_missing(figure):
        # a target set year by year says its year in a sentence of its own: the figure is the deadline year's
        # (a yearly fall's figure is the rate, not the fall judged)
        value = value_text(float(figure), row["unit"], lang, exact=True)
        if bool(row.get("deadline_approximate")) and not is_missing(row.get("deadline_approximate")):
            value = label("about_value", lang).format(value=value)
    words = verdict.words(lang)
    key = "rv_earlier_result_benchmark" if is_benchmark(row) else "rv_earlier_result"
    return label(key, lang).format(deadline=int(row["deadline"]), verdict=words if lang == "vi" else words.lower(),
                                   value=f" ({value})" if value else "")


def summary_sentences(verdicts: list[Verdict], n_targets: int, n_quantitative: int, area: str,
                      latest_year: int | None, year: int, kind: str, lang: str = "vi",
                      awaited_year: int | None = None, later: dict[int, int] | None = None,
                      milestones: dict[str, list[int]] | None = None) -> str:
    """Section I of the report: how many targets stand where, in one paragraph (the targets
    needing attention follow it one per line, :func:`attention_lines`; the illustrative data is
    said before it, :func:`illustrative_sentence`). A row that is
    a projection only (no target for the year judged) is not counted among the assessed.
    ``awaited_year`` is the deadline year whose figure the rows judged on a projection await
    (2025 in a review of 2024 written after 2025 ended); by default ``year``. ``later`` counts
    the targets due after the period reviewed, by deadline: an end-of-period review counts only
    the targets due in the period (as the deck's slide of that year does) and names the others.
    ``milestones`` gives, by verdict, the deadlines of the counted rows due before ``year`` (the
    2022 milestones), said beside their verdict's count as the deck says them.

    >>> v = [Verdict(k, "", "", False, None, None) for k in ("achieved", "on_track", "on_track", "off_track", "")]
    >>> print(summary_sentences(v, 21, 19, "huyện Cầu Ngang", 2024, 2025, "final"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Báo cáo theo dõi 21 chỉ tiêu và mốc của Kế hoạch (kể cả mục tiêu chung và nhiệm vụ có số liệu), trong
    đó 19 chỉ tiêu định lượng. Kết thúc giai đoạn 2021 - 2025, đánh giá 4 chỉ tiêu định lượng tại huyện
    Cầu Ngang (theo số liệu đến năm 2024): 1 chỉ tiêu đã đạt; 2 chỉ tiêu đúng tiến độ; 1 chỉ tiêu chuyển biến chậm, khó đạt. 1 chỉ tiêu Kế hoạch không đặt mức cho
    năm được đánh giá, chỉ nêu dự báo.
    >>> print(summary_sentences(v[:1], 21, 19, "huyện Cầu Ngang", 2024, 2025, "final", later={2030: 1}))
    ... # doctest: +NORMALIZE_WHITESPACE
    Báo cáo theo dõi 21 chỉ tiêu và mốc của Kế hoạch (kể cả mục tiêu chung và nhiệm vụ có số liệu), trong
    đó 19 chỉ tiêu định lượng. Kết thúc giai đoạn 2021 - 2025, đánh giá 1 chỉ tiêu định lượng tại huyện
    Cầu Ngang (theo số liệu đến năm 2024): 1 chỉ tiêu đã đạt. Ngoài ra, 1 chỉ tiêu có thời hạn đến năm 2030 (không tính ở trên) được đánh giá tại mục II.
    >>> print(summary_sentences(v[:1], 21, 19, "huyện Cầu Ngang", 2024, 2025, "final",
    ...                         milestones={"achieved": [2022]})[-41:])
    chỉ tiêu đã đạt (tính cả 1 mốc năm 2022).
    >>> assumed = [Verdict("on_track", "", "", False, None, None, assumed=True), v[0]]
    >>> print(summary_sentences(assumed, 21, 19, "huyện Cầu Ngang", 2026, 2026, "annual").split(". ")[-1])
    ... # doctest: +NORMALIZE_WHITESPACE
    Trong 2 chỉ tiêu trên, 1 chỉ tiêu được đánh giá so với mức giả định, vì Kế hoạch không đặt mức cho năm đó
    (mức giả định ghi ở từng chỉ tiêu tại mục II).
    """
    vi = lang == "vi"
    benchmarks = [v for v in verdicts if v.key and v.benchmark]
    judged = [v for v in verdicts if v.key and not v.benchmark]

    pieces = verdict_tally(judged, lang, milestones)
    when = ("Kết thúc giai đoạn 2021 - 2025" if vi else "At the end of the 2021–2025 period") if kind == "final" \
        else (f"Năm {year}" if vi else f"For {year}")
    data = ((f"theo số liệu đến năm {latest_year}" if vi else f"on figures up to {latest_year}")
            if latest_year else ("chưa có số liệu" if vi else "with no figures yet"))
    if vi:
        # the workbench's list (targets of II.2 and II.3, general aims of II.1, tasks of IV.2 with figures),
        # not a count the plan gives: "Kế hoạch đề ra 22 chỉ tiêu" sent readers counting
        text = (f"Báo cáo theo dõi {n_targets} chỉ tiêu và mốc của Kế hoạch (kể cả mục tiêu chung và nhiệm vụ có "
                f"số liệu), trong đó {n_quantitative} chỉ tiêu định lượng. {when}, "
                f"đánh giá {len(judged)} chỉ tiêu định lượng tại {area} ({data}): " + "; ".join(pieces) + ".")
    else:
        text = (f"The review follows {n_targets} of the plan's targets and milestones (general aims and tasks "
                f"with figures included), {n_quantitative} of them with numbers. {when}, the "
                f"{len(judged)} numeric target{'' if len(judged) == 1 else 's'} assessed in {area} ({data}) stand "
                "as follows: "
                + "; ".join(pieces) + ".")
    assumed = sum(v.assumed for v in judged)
    if assumed:
        text += " " + label("rv_assumed_count", lang).format(n=assumed, total=len(judged))
    if benchmarks:
        text += " " + label("rv_benchmark_count", lang).format(pieces="; ".join(verdict_tally(benchmarks, lang)))
    projections = sum(not v.key for v in verdicts)
    if projections:
        text += " " + label("rv_projection_only_count", lang).format(n=projections)
    for deadline, n in sorted((later or {}).items()):
        text += " " + label("rv_later_count", lang).format(n=n, deadline=deadline, targets="target" if n == 1
                                                             else "targets", are="is" if n == 1 else "are")
    # the commune's benchmark rows await their figure like the others: "10 chỉ tiêu chưa có số liệu" after
    # 10 targets and 1 benchmark left the reader asking which one had its figure
    awaiting = sum(v.judged_on_projection for v in judged + benchmarks)
    # a target awaiting its figure with too little data to project (T20) awaits it too: counted apart
    without_figure = sum(v.awaiting_figure for v in judged + benchmarks)
    awaited = awaited_year or year
    if awaiting and without_figure > awaiting:
        text += (f" {without_figure} chỉ tiêu chưa có số liệu năm {awaited}; trong đó {awaiting} chỉ tiêu được đánh "
                 "giá theo dự báo." if vi else
                 f" {_targets(without_figure)} {_have(without_figure)} no {awaited} figure yet; {awaiting} of them "
                 f"{_are(awaiting)} judged on the projection.")
    elif awaiting:
        text += (f" {awaiting} chỉ tiêu chưa có số liệu năm {awaited}, được đánh giá theo dự báo." if vi
                 else f" {_targets(awaiting)} {_have(awaiting)} no {awaited} figure yet and {_are(awaiting)} judged "
                 "on the projection.")
    return spaced_percent(text)


def _targets(n: int) -> str:
    return f"{n} target" if n == 1 else f"{n} targets"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def attention_lines(targets: list[tuple[str, ...]], lang: str = "vi") -> list[str]:
    """The targets needing attention, one line each with where section II speaks of it, after
    a lead-in: eleven target names in the middle of section I's paragraph were not read.
    ``targets``: (name, place in section II) pairs, in the report's order, or (name, place,
    note) with a note said in the same parenthesis.

    >>> attention_lines([("Giảm tỷ lệ hộ nghèo Khmer 3–4 điểm % mỗi năm", "II.2.a"), ("Bảo hiểm y tế", "II.2.b")])
    ['Các chỉ tiêu cần tập trung chỉ đạo:', '- Giảm tỷ lệ hộ nghèo Khmer 3–4 điểm % mỗi năm (mục II.2.a);', \
'- Bảo hiểm y tế (mục II.2.b).']
    >>> attention_lines([("Health insurance", "II.2.b")], "en"), attention_lines([])
    (['Targets needing attention:', '- Health insurance (section II.2.b).'], [])
    >>> attention_lines([("Đảng viên", "II.2.o", "mức so sánh của xã: ≥ 42 %")])[1]
    '- Đảng viên (mức so sánh của xã: ≥ 42 %; mục II.2.o).'
    """
    if not targets:
        return []
    place = "mục" if lang == "vi" else "section"
    lines = [f"- {target[0]} ({''.join(f'{note}; ' for note in target[2:] if note)}{place} {target[1]})"
             for target in targets]
    ends = [";"] * (len(lines) - 1) + ["."]
    return [label("rv_attention", lang)] + [spaced_percent(line + end) for line, end in zip(lines, ends)]


def illustrative_sentence(codes: list[str], lang: str = "vi") -> str:
    """The warning that the targets ``codes`` rest on illustrative figures, named by their codes (those
    of Appendix 1): "4 chỉ tiêu" in one report and "18" in the next, unnamed, left a meeting asking which.

    >>> illustrative_sentence(["T02", "T09"])[:75]
    'Lưu ý: 2 chỉ tiêu (T02, T09) được đánh giá trên số liệu minh họa, không phả'
    """
    n, named = len(codes), ", ".join(codes)
    if lang == "vi":
        return (f"Lưu ý: {n} chỉ tiêu ({named}) được đánh giá trên số liệu minh họa, không phải số liệu thật; cần "
                "thay bằng số liệu chính thức của các cơ quan trước khi ban hành báo cáo.")
    return (f"Note: {n} target{'' if n == 1 else 's'} ({named}) {'is' if n == 1 else 'are'} assessed on "
            "illustrative figures, not real data; replace them with the offices' official figures before the report "
            "is issued.")


# ---------------------------------------------------------------------------------------
# table cells


_PUBLISHED = re.compile(r"^(?P<publisher>[^:]{2,60}): [^()]*(?P<when>\([^()]*\))?")
"""A published figure: its publisher and the first parenthesis after it (the date or decision)."""


def source_text(sources: str, lang: str = "vi") -> str:
    """The sources of a row, short: each said once, illustrative data named as such, a
    published figure by its publisher and date.

    >>> source_text("tổng hợp từ 15 xã, thị trấn / combined from 15 communes — Số liệu minh họa, không phải "
    ...             "số liệu thật (scripts/x.py, seed 1) / Illustrative data, not real")
    'Tổng hợp từ 15 xã, thị trấn; số liệu minh họa (không phải số liệu thật)'
    >>> source_text("tổng hợp từ 6 xã mới / combined from 6 new communes — Sở Nội vụ (2026)", "en")
    'Combined from 6 new communes; Sở Nội vụ (2026)'
    >>> source_text("VP Điều phối NTM Trà Vinh: Trà Vinh có thêm 02 xã đạt chuẩn NTM (09/5/2022)", "en")
    'VP Điều phối NTM Trà Vinh (09/5/2022)'
    >>> source_text("Kinh tế & Đô thị: Công nhận 2 huyện (QĐ 624/QĐ-TTg, 6/2023) (3/13 xã / communes)")
    'Kinh tế & Đô thị (QĐ 624/QĐ-TTg, 6/2023)'
    """
    out: list[str] = []
    for chunk in str(sources or "").split(" | "):
        chunk = chunk.strip()
        match = AGGREGATED_SOURCE.match(chunk)
        if match:
            out.append(f"Tổng hợp từ {match['n']} {match['vi']}" if lang == "vi"
                       else f"Combined from {match['n']} {match['en'].strip()}")
            chunk = chunk[match.end():]
        for part in (p.strip() for p in chunk.split("; ")):
            if not part:
                continue
            if "minh họa" in part or "Illustrative" in part:
                part = ("số liệu minh họa (không phải số liệu thật)" if lang == "vi"
                        else "illustrative data (not real)")
            elif published := _PUBLISHED.match(part):
                part = published.group("publisher") + (f" {published.group('when')}" if published.group("when")
                                                       else "")
            out.append(part)
    text = "; ".join(communes_reports_merged(list(dict.fromkeys(out))))
    return text[:1].upper() + text[1:]


def plan_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Kế hoạch" cell: the target and its year ("≥ 95 % (2025)"), and on a second line the
    threshold that counts as met when it is not the target as written ("đạt khi ≥ 99,5 %").

    >>> plan_cell(pd.Series({"kind": "at_least", "unit": "percent", "target_value": 100.0, "deadline": 2025,
    ...                      "met_threshold": 99.5, "verdict": "off_track"}))
    '100 % (2025)\\nđạt khi ≥ 99,5 %'
    >>> plan_cell(pd.Series({"kind": "yearly_reduction", "unit": "percent", "target_value": float("nan"),
    ...                      "target_low": 3.0, "target_high": 4.0, "deadline": 2030, "verdict": ""}))
    'Không có chỉ tiêu (2030)'
    >>> plan_cell(pd.Series({"kind": "share_of_total", "unit": "percent", "target_value": 46.9, "deadline": 2025,
    ...                      "met_threshold": 46.9, "verdict": "likely_missed", "origin": "reading"}))
    '≥ 46,9 % (2025)\\nmức so sánh của xã'
    >>> plan_cell(pd.Series({"kind": "at_least", "unit": "percent", "target_value": 95.0, "deadline": 2030,
    ...                      "met_threshold": 95.0, "verdict": "on_track", "origin": "assumption"}))
    '≥ 95 % (2030)\\nmức giả định'
    >>> plan_cell(pd.Series({"kind": "count_to_zero", "unit": "communes", "target_value": 0.0, "deadline": 2025,
    ...                      "verdict": "deadline_missed", "origin": "plan", "assumption_vi": "… không ghi năm …"}))
    '0 xã (2025)\\nkhông ghi năm, xét ở năm này'
    """
    deadline = int(row["deadline"])
    if not _text_or_empty(row, "verdict"):
        return f"{label('rv_no_target', lang)} ({deadline})"
    text = f"{target_text(row, lang)} ({deadline})"
    threshold, level = row.get("met_threshold"), row.get("target_value")
    communes = communes_met(row)
    if communes is not None:  # "đạt khi ≥ 58,3 %" under the plan's "≥ 60 %" read as a lowered target
        text += "\n" + label("met_with_communes", lang).format(k=communes[0], n=communes[1])  # as the charts say it
    elif row["kind"] not in ("yearly_reduction", "yearly_flow") and _present(threshold) and _present(level) \
            and threshold != level:
        symbol = "≥" if INCREASING[row["kind"]] > 0 else "≤"
        if row["unit"] == "percent" and INCREASING[row["kind"]] < 0:
            symbol = "<"
        text += f"\n{label('rv_met_when', lang)} {symbol} {value_text(threshold, row['unit'], lang, compact=True, exact=True)}"
    if is_benchmark(row):  # T14 in a commune: the plan sets its 20 % for the district only
        text += f"\n{label('rv_commune_benchmark', lang)}"
    elif row.get("origin") == "assumption":  # a 2030 level carried from 2025: not the plan's
        text += f"\n{label('rv_assumed_level', lang)}"
    elif is_plan_aim(row):  # T20: "0 xã (2025)" gave the plan a year it does not set
        text += f"\n{label('rv_aim_no_year', lang)}"
    return spaced_percent(text)


def result_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Thực hiện (năm)" cell: the latest value and its year ("92,7 % (2024)"), and a yearly
    fall's own fall ("3,2 % (2024; giảm 1,7)"), as the dashboard shows it.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_value": 3.2, "latest_year": 2024,
    ...                  "latest_year_change": -1.7, "illustrative": False})
    >>> result_cell(row)
    '3,2 % (2024; giảm 1,7)'
    >>> result_cell(pd.concat([row, pd.Series({"approximate": True})]))  # estimated, as the dashboard marks it
    '≈3,2 % (2024; giảm 1,7)'
    """
    if _missing(row["latest_value"]):
        return "–"
    estimate = "≈" if bool(row.get("approximate", False)) else ""
    text = estimate + value_text(float(row["latest_value"]), row["unit"], lang, exact=True,
                                 decimals=latest_decimals(row)) + latest_notes(row, lang)
    if _latest_illustrative(row):
        text += f"\n{label('rv_illustrative', lang)}"
    return text


def part_of_area(row: pd.Series, lang: str = "vi") -> str:
    """The old unit a new commune's latest figure covers when that figure comes from before the
    reform and the commune also holds land from outside the plan's area: xã Ngũ Lạc's years to
    2024 are the old Thạnh Hòa Sơn's alone (a third of it), not an estimate of the new commune.

    >>> row = pd.Series({"area_code": "29530-2025", "latest_year": 2024})
    >>> part_of_area(row), part_of_area(row, "en"), part_of_area(row.replace({2024: 2025}))
    ('phần xã Thạnh Hòa Sơn cũ', 'former Thạnh Hòa Sơn commune only', '')
    """
    inside = part_inside(str(row.get("area_code", "")), lang)
    if inside is None or _missing(row.get("latest_year")) or int(row["latest_year"]) >= inside[0].first_year:
        return ""
    return label("rv_part_of", lang).format(part=inside[1])


def _latest_illustrative(row: pd.Series) -> bool:
    """Whether the latest figure itself is illustrative (a real office figure may follow years of
    illustrative data)."""
    return bool(row.get("latest_illustrative", row["illustrative"]))


def needed_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Cần mỗi năm" cell: the yearly change needed from the latest figure; "giữ mức đã
    đạt" when the latest value already meets the target; "–" when there is nothing to judge.

    >>> base = {"kind": "at_least", "unit": "percent", "latest_year": 2024, "deadline": 2025, "verdict": "on_track"}
    >>> needed_cell(pd.Series({**base, "needed_points_per_year": 2.28})), \\
    ...     needed_cell(pd.Series({**base, "needed_points_per_year": -10.0}))
    ('+2,3 điểm %', 'giữ mức đã đạt')
    """
    if _missing(row["latest_year"]) or int(row["deadline"]) <= int(row["latest_year"]) \
            or not _text_or_empty(row, "verdict"):
        return "–"
    progress = _progress_needed(row)
    if row["kind"] != "yearly_flow" and _present(progress) and progress <= 0:
        return label("hold_level", lang)
    return spaced_percent(needed_text(row, lang, per_year=False))


def chance_cell(row: pd.Series, verdict: Verdict, lang: str = "vi") -> str:
    """The "Khả năng đạt" cell ("83 %", "< 1 %"); "–" once the deadline year's figure is in."""
    if _missing(row["probability"]) or verdict.key in ("deadline_missed", "no_data", ""):
        return "–"
    if verdict.key == "achieved" and int(row["deadline"]) <= int(row["latest_year"]):
        return "–"
    return chance_text(float(row["probability"]), lang)


register_labels({
    "rv_no_target": ("Không có chỉ tiêu", "No target"),
    "rv_met_when": ("đạt khi", "met when"),
})
