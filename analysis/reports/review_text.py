"""The sentences of the yearly review, generated from the assessment's numbers.

Each target gets a few sentences in the style of a Vietnamese administrative report
(báo cáo): the latest value and its year, the change since the plan's baseline (2021), the
target, the verdict, the yearly change now needed and the chance of meeting the target, e.g.
"Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer cuối năm 2024 còn 3,2 % (số liệu minh họa),
giảm 8,1 điểm % so với năm 2021 (11,3 %); mức giảm bình quân 2,7 điểm %/năm, chưa đạt chỉ
tiêu giảm 3–4 điểm %/năm." Numbers are written the reader's way (:func:`fmt_number`:
"1.234,5" in Vietnamese) and, in Vietnamese, with a space before "%" ("3,2 %").

Every reading of the assessment's verdict goes through :func:`verdict_of`, one adapter.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from ..assessment import VERDICTS, status_label
from ..data.catalogue import load_units
from ..text import check_language, label, register_labels
from .charts import fmt_number, needed_text, target_text

__all__ = [

    "Verdict",
    "verdict_of",
    "target_sentences",
    "summary_sentences",
    "chance_text",
    "value_text",
    "source_text",
    "spaced_percent",
    "POINT_LETTERS",
]


POINT_LETTERS = {"vi": tuple("abcdđeghiklmnopqrstuvxy"), "en": tuple("abcdefghijklmnopqrstuvwxyz")}
"""Letters that number the points (điểm) of the text, in order: in Vietnamese the Vietnamese
alphabet (đ after d; no f, j, w or z), as Nghị định 30/2020/NĐ-CP asks."""

register_labels({
    "rv_illustrative": ("số liệu minh họa", "illustrative figure"),
    "rv_verdict": ("Đánh giá", "Assessment"),
    "rv_plan_target": ("Chỉ tiêu Kế hoạch đến năm", "The plan's target for"),
    "rv_no_data": ("Chưa có số liệu để đánh giá chỉ tiêu này; đề nghị cơ quan chủ trì cung cấp số liệu.",
                   "There are no figures to assess this target yet; the office in charge is asked to supply them."),
    "rv_qualitative": ("Chỉ tiêu định tính, không đánh giá bằng số liệu; đề nghị {office} đánh giá cụ thể.",
                       "A qualitative target, not assessed with figures; {office} is asked to assess it."),
})

@dataclass(frozen=True)
class Verdict:
    """The headline verdict of one assessment row, and what the report says with it."""

    key: str
    """One of :data:`VERDICTS`."""
    reason_vi: str
    reason_en: str
    awaiting_figure: bool
    """The deadline year has passed but its figure has not arrived (the chance is then the
    chance that the deadline year's value meets the target)."""
    years_met: int | None
    years_counted: int | None

    def words(self, lang: str = "vi") -> str:
        """The verdict in words ("Đúng tiến độ"); a projection-only row has none."""
        return status_label(self.key, lang) if self.key else label("projection_only", lang)

    def reason(self, lang: str = "vi") -> str:
        return self.reason_vi if lang == "vi" else self.reason_en


def verdict_of(row: pd.Series) -> Verdict:
    """The verdict of an assessment row (see :mod:`analysis.assessment.verdict`), as the review
    reads it.

    >>> row = pd.Series({"verdict": "needs_acceleration", "verdict_reason_vi": "…", "verdict_reason_en": "…",
    ...                  "awaiting_figure": True, "years_met": pd.NA, "years_counted": pd.NA})
    >>> v = verdict_of(row)
    >>> v.key, v.awaiting_figure, v.words("vi"), v.years_met
    ('needs_acceleration', True, 'Có chuyển biến, cần đẩy nhanh', None)
    """
    return Verdict(
        key=str(row["verdict"]),
        reason_vi=_text_or_empty(row, "verdict_reason_vi"),
        reason_en=_text_or_empty(row, "verdict_reason_en"),
        awaiting_figure=bool(row["awaiting_figure"]),
        years_met=_int_or_none(row, "years_met"),
        years_counted=_int_or_none(row, "years_counted"),
    )


def _present(value) -> bool:
    return not (value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)))


def _text_or_empty(row: pd.Series, column: str) -> str:
    return str(row[column]) if column in row.index and _present(row[column]) else ""


def _int_or_none(row: pd.Series, column: str) -> int | None:
    return int(row[column]) if column in row.index and _present(row[column]) else None


# ---------------------------------------------------------------------------------------
# numbers in words


def spaced_percent(text: str, lang: str = "vi") -> str:
    """In Vietnamese text, a space between a number and "%" ("3,2 %"); English is unchanged.

    >>> spaced_percent("≥ 95% và 99,7%"), spaced_percent("≥ 95%", "en")
    ('≥ 95 % và 99,7 %', '≥ 95%')
    """
    return re.sub(r"(\d)%", r"\1 %", text) if lang == "vi" else text


def _decimals(unit: str) -> int:
    return 1 if unit in ("percent", "percentage_points", "million_vnd") else 0


def _unit_word(unit: str, lang: str) -> str:
    return load_units().at[unit, lang]


def value_text(value: float, unit: str, lang: str = "vi", decimals: int | None = None) -> str:
    """A value with its unit, as a sentence writes it.

    >>> value_text(3.17739, "percent"), value_text(3.17739, "percent", "en")
    ('3,2 %', '3.2%')
    >>> value_text(1120.0, "workers"), value_text(1120.0, "workers", "en")
    ('1.120 lao động', '1,120 workers')
    """
    decimals = _decimals(unit) if decimals is None else decimals
    number = fmt_number(value, lang, decimals)
    if unit == "percent":
        return f"{number} %" if lang == "vi" else f"{number}%"
    if unit == "flag":
        return label("met_word" if value >= 1 else "not_met_word", lang).lower()
    return f"{number} {_unit_word(unit, lang)}"


def _change_text(change: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """The size of a change: "8,1 điểm %" for percentages, "3 ấp" for counts."""
    decimals = _decimals(unit) if decimals is None else decimals
    number = fmt_number(abs(change), lang, decimals)
    if unit == "percent":
        return f"{number} {'điểm %' if lang == 'vi' else 'percentage points'}"
    return f"{number} {_unit_word(unit, lang)}"


def _rate_decimals(value: float, unit: str) -> int:
    """Decimals for a yearly rate, so that a small one does not read as 0: counts below one a
    year keep one decimal, percentages below a tenth of a point two."""
    if _decimals(unit) == 0:
        return 1 if abs(value) < 0.95 else 0
    return 2 if abs(value) < 0.095 else 1


def chance_text(probability: float, lang: str = "vi") -> str:
    """A probability as a reader takes it: whole percent, "dưới 1 %" / "trên 99 %" at the ends.

    >>> chance_text(0.8271), chance_text(0.0007), chance_text(0.9999, "en")
    ('83 %', 'dưới 1 %', 'above 99%')
    """
    percent = 100 * probability
    sign = " %" if lang == "vi" else "%"
    if percent < 1:
        return f"dưới 1{sign}" if lang == "vi" else f"below 1{sign}"
    if percent > 99:
        return f"trên 99{sign}" if lang == "vi" else f"above 99{sign}"
    return f"{fmt_number(percent, lang, 0)}{sign}"


def _missing(value) -> bool:
    return not _present(value)


# ---------------------------------------------------------------------------------------
# one target


def _target_phrase(row: pd.Series, lang: str, plan_start: int) -> str:
    """The target as the plan sets it, in words ("từ 95 % trở lên", "trên 80 %")."""
    kind, unit = row["kind"], row["unit"]
    vi = lang == "vi"
    if kind == "yearly_reduction":
        low, high = fmt_number(row["target_low"], lang, 0), fmt_number(row["target_high"], lang, 0)
        level = row["target_value"]
        start = row["base_year"] if _present(row["base_year"]) else plan_start
        if vi:
            end = "về 0 %" if level == 0 else f"còn {value_text(level, 'percent', lang)}"
            return (f"giảm {low}–{high} điểm %/năm (giữ mức giảm {low} điểm %/năm từ năm {start} thì đến năm "
                    f"{row['deadline']} tỷ lệ {end})")
        end = "0%" if level == 0 else value_text(level, "percent", lang)
        return (f"a fall of {low}–{high} percentage points a year (at {low} points a year from {start} the rate "
                f"reaches {end} by {row['deadline']})")
    if kind == "yearly_flow":
        low, high = fmt_number(row["target_low"], lang, 0), fmt_number(row["target_high"], lang, 0)
        words = _unit_word(unit, lang)
        total = fmt_number(row["cumulative_target"], lang, 0) if _present(row["cumulative_target"]) else None
        if vi:
            text = f"{low}–{high} {words}/năm"
            return text + (f" (lũy kế {total} {words} trong giai đoạn {plan_start} - {row['deadline']})" if total
                           else "")
        text = f"{low}–{high} {words} a year"
        return text + (f" ({total} {words} in all over {plan_start}–{row['deadline']})" if total else "")
    if unit == "flag":
        return "đạt" if vi else "met"
    if kind == "count_to_zero":
        return f"cơ bản không còn (0 {_unit_word(unit, lang)})" if vi else f"none left (0 {_unit_word(unit, lang)})"
    value = value_text(row["target_value"], unit, lang, decimals=0 if float(row["target_value"]).is_integer()
                       else None)
    if kind == "above":
        return f"trên {value}" if vi else f"above {value}"
    if kind == "at_most":
        return f"không quá {value}" if vi else f"at most {value}"
    if unit == "percent" and row["target_value"] == 100:
        return value
    return f"từ {value} trở lên" if vi else f"{value} or more"


def _latest_clause(row: pd.Series, subject: str, lang: str) -> str:
    """"<subject> năm 2024 đạt 92,7 % (số liệu minh họa)"."""
    vi = lang == "vi"
    kind, unit, year = row["kind"], row["unit"], int(row["latest_year"])
    value = value_text(row["latest_value"], unit, lang)
    illustrative = f" ({label('rv_illustrative', lang)})" if row["illustrative"] else ""
    if unit == "flag":
        if vi:
            return f"{subject}: {'đã đạt' if row['latest_value'] >= 1 else 'chưa đạt'} (năm {year}){illustrative}"
        return f"{subject}: {'met' if row['latest_value'] >= 1 else 'not met'} ({year}){illustrative}"
    if kind == "yearly_reduction":
        return (f"{subject} cuối năm {year} còn {value}{illustrative}" if vi
                else f"{subject} stood at {value} at the end of {year}{illustrative}")
    if kind in ("count_to_zero", "at_most"):
        return f"{subject} năm {year} còn {value}{illustrative}" if vi else f"{subject} was {value} in {year}{illustrative}"
    return f"{subject} năm {year} đạt {value}{illustrative}" if vi else f"{subject} was {value} in {year}{illustrative}"


def _change_clause(row: pd.Series, lang: str) -> str:
    """", giảm 8,1 điểm % so với năm 2021 (11,3 %)" — empty without an earlier baseline."""
    if _missing(row["base_year"]) or int(row["base_year"]) >= int(row["latest_year"]) or row["unit"] == "flag":
        return ""
    unit, base_year = row["unit"], int(row["base_year"])
    change = float(row["latest_value"]) - float(row["base_value"])
    base = value_text(row["base_value"], unit, lang)
    if round(abs(change), _decimals(unit)) == 0:
        return (f", không thay đổi so với năm {base_year}" if lang == "vi"
                else f", unchanged from {base_year}")
    size = _change_text(change, unit, lang)
    if lang == "vi":
        return f", {'tăng' if change > 0 else 'giảm'} {size} so với năm {base_year} ({base})"
    return f", {'up' if change > 0 else 'down'} {size} from {base_year} ({base})"


def _pace_clause(row: pd.Series, lang: str, plan_start: int) -> str:
    """For yearly targets: the average fall (poverty) or the cumulative count (jobs)."""
    vi = lang == "vi"
    if row["kind"] == "yearly_reduction" and _present(row["observed_points_per_year_since_base"]):
        fall = -float(row["observed_points_per_year_since_base"])
        low, high = float(row["target_low"]), float(row["target_high"])
        # a pace just short of an end of the range keeps two decimals (2,97, not "3,0, chưa đạt 3–4")
        near_end = round(fall, 1) in (low, high) and round(fall, 1) != round(fall, 6)
        pace = fmt_number(abs(fall), lang, 2 if near_end else 1)
        planned = f"{fmt_number(low, lang, 0)}–{fmt_number(high, lang, 0)}"
        if vi:
            word = "mức giảm" if fall >= 0 else "mức tăng"
            judged = ("vượt" if fall > high else "đạt") if fall >= low else "chưa đạt"
            return f"; {word} bình quân {pace} điểm %/năm, {judged} chỉ tiêu giảm {planned} điểm %/năm"
        word = "an average fall" if fall >= 0 else "an average rise"
        judged = ("above" if fall > high else "within") if fall >= low else "short of"
        return f"; {word} of {pace} points a year, {judged} the planned {planned} points a year"
    if row["kind"] == "yearly_flow" and _present(row["cumulative_since_start"]):
        words = _unit_word(row["unit"], lang)
        years = int(row["latest_year"]) - plan_start + 1
        total = fmt_number(row["cumulative_since_start"], lang, 0)
        average = fmt_number(float(row["cumulative_since_start"]) / years, lang, 0) if years > 0 else "–"
        if vi:
            return (f"; lũy kế từ năm {plan_start} đến năm {row['latest_year']} đạt {total} {words}, "
                    f"bình quân {average} {words}/năm")
        return f"; {total} {words} in all from {plan_start} to {row['latest_year']}, {average} a year on average"
    return ""


def _achieved_clause(row: pd.Series, lang: str) -> str:
    """"vượt 10,0 điểm % so với chỉ tiêu" when a percentage target is exceeded."""
    if row["unit"] != "percent" or row["kind"] in ("yearly_reduction", "yearly_flow", "count_to_zero", "at_most"):
        return ""
    margin = float(row["latest_value"]) - float(row["target_value"])
    if round(margin, 1) <= 0:
        return ""
    size = _change_text(margin, "percent", lang)
    return f", vượt {size} so với chỉ tiêu" if lang == "vi" else f", {size} above the target"


def _need_sentence(row: pd.Series, lang: str) -> str:
    """"Để đạt chỉ tiêu, từ năm 2025 đến năm 2030 mỗi năm cần tăng bình quân 2,3 điểm %."."""
    needed = row["needed_points_per_year"]
    if _missing(needed) or _missing(row["latest_year"]) or int(row["deadline"]) <= int(row["latest_year"]):
        return ""
    unit, deadline, first = row["unit"], int(row["deadline"]), int(row["latest_year"]) + 1
    vi = lang == "vi"
    if row["kind"] == "yearly_flow":
        amount = f"{fmt_number(needed, lang, 0)} {_unit_word(unit, lang)}"
        if vi:
            if first == deadline:
                return f"Để đạt chỉ tiêu lũy kế, năm {deadline} cần đạt {amount}."
            return f"Để đạt chỉ tiêu lũy kế, từ năm {first} đến năm {deadline} mỗi năm cần đạt bình quân {amount}."
        if first == deadline:
            return f"To meet the cumulative target, {amount} are needed in {deadline}."
        return f"To meet the cumulative target, {amount} a year are needed on average from {first} to {deadline}."
    if float(needed) == 0:
        return ""
    size = _change_text(needed, "percent" if row["kind"] == "yearly_reduction" else unit, lang,
                        _rate_decimals(float(needed), unit))
    if vi:
        verb = "tăng" if needed > 0 else "giảm"
        if first == deadline:
            return f"Để đạt chỉ tiêu, năm {deadline} cần {verb} thêm {size}."
        return f"Để đạt chỉ tiêu, từ năm {first} đến năm {deadline} mỗi năm cần {verb} bình quân {size}."
    verb = "rise" if needed > 0 else "fall"
    if first == deadline:
        return f"To meet the target, it must {verb} by a further {size} in {deadline}."
    return f"To meet the target, it must {verb} by {size} a year on average from {first} to {deadline}."


def _interval_text(row: pd.Series, lang: str) -> str:
    """The 80 % projection interval: "1,5–2,7 %", or one value when both ends read the same."""
    unit = row["unit"]
    low, high = fmt_number(row["projected_lo_80"], lang, _decimals(unit)), value_text(row["projected_hi_80"], unit, lang)
    return high if high.startswith(low + " ") or high == low + "%" else f"{low}–{high}"


def _awaiting_sentence(row: pd.Series, lang: str) -> str:
    """"Chưa có số liệu năm 2025; ước thực hiện năm 2025 khoảng 0,9 % (khoảng dự báo 80 %: …)"."""
    deadline, unit = int(row["deadline"]), row["unit"]
    if lang == "vi":
        text = f"Chưa có số liệu năm {deadline}"
        if _present(row["projected_median"]) and unit != "flag":
            text += (f"; ước thực hiện năm {deadline} khoảng {value_text(row['projected_median'], unit, lang)} "
                     f"(khoảng dự báo 80 %: {_interval_text(row, lang)})")
        return text + "."
    text = f"The {deadline} figure has not arrived yet"
    if _present(row["projected_median"]) and unit != "flag":
        text += (f"; the {deadline} estimate is about {value_text(row['projected_median'], unit, lang)} "
                 f"(80% projection interval: {_interval_text(row, lang)})")
    return text + "."


def _chance_sentence(row: pd.Series, verdict: Verdict, lang: str) -> str:
    if _missing(row["probability"]) or verdict.key in ("deadline_missed", "no_data"):
        return ""
    if verdict.key == "achieved" and not verdict.awaiting_figure and int(row["deadline"]) <= int(row["latest_year"]):
        return ""
    deadline = int(row["deadline"])
    chance = chance_text(float(row["probability"]), lang)
    words = status_label(str(row["probability_words"]), lang).lower() if row["probability_words"] else ""
    words = f" ({words})" if words else ""
    about = "" if chance[0].isalpha() else ("khoảng " if lang == "vi" else "about ")
    if lang == "vi":
        return f"Theo dự báo từ chuỗi số liệu, khả năng đạt chỉ tiêu vào năm {deadline} {about}{chance}{words}."
    return f"On the projection from the series, the chance of meeting the target in {deadline} is {about}{chance}{words}."


def target_sentences(row: pd.Series, year: int, subject: str, lang: str = "vi", plan_start: int = 2021,
                     figure: int | None = None) -> str:
    """The sentences on one target, for a report on ``year``.

    ``row`` is the target's :func:`analysis.assess` row for the deadline the report judges;
    ``subject`` names its indicator ("Tỷ lệ hộ nghèo trong đồng bào dân tộc Khmer");
    ``figure`` the number of its chart in the appendix, if it has one.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_year": 2024,
    ...     "latest_value": 3.17739, "base_year": 2021, "base_value": 11.3246, "target_value": 0.0,
    ...     "target_low": 3.0, "target_high": 4.0, "deadline": 2025, "status": "on_track",
    ...     "illustrative": False, "observed_points_per_year_since_base": -2.7157,
    ...     "needed_points_per_year": -3.17739, "probability": float("nan"), "probability_words": "",
    ...     "projected_median": float("nan"), "cumulative_since_start": float("nan"),
    ...     "cumulative_target": float("nan"), "origin": "plan"})
    >>> print(target_sentences(row, 2024, "Tỷ lệ hộ nghèo Khmer"))  # doctest: +NORMALIZE_WHITESPACE
    Tỷ lệ hộ nghèo Khmer cuối năm 2024 còn 3,2 %, giảm 8,1 điểm % so với năm 2021 (11,3 %); mức giảm
    bình quân 2,7 điểm %/năm, chưa đạt chỉ tiêu giảm 3–4 điểm %/năm. Chỉ tiêu Kế hoạch đến năm 2025:
    giảm 3–4 điểm %/năm (giữ mức giảm 3 điểm %/năm từ năm 2021 thì đến năm 2025 tỷ lệ về 0 %).
    Đánh giá: Đúng tiến độ. Để đạt chỉ tiêu, năm 2025 cần giảm thêm 3,2 điểm %.
    """
    check_language(lang)
    verdict = verdict_of(row)
    deadline = int(row["deadline"])
    target = f"{label('rv_plan_target', lang)} {deadline}: {_target_phrase(row, lang, plan_start)}."
    if verdict.key == "no_data" or _missing(row["latest_value"]):
        return f"{target} {label('rv_no_data', lang)}"
    parts = [_latest_clause(row, subject, lang) + _change_clause(row, lang) + _pace_clause(row, lang, plan_start)
             + (_achieved_clause(row, lang) if verdict.key == "achieved" else "") + "."]
    if verdict.years_counted:
        parts.append(f"Đạt chỉ tiêu {verdict.years_met}/{verdict.years_counted} năm." if lang == "vi"
                     else f"Target met in {verdict.years_met} of {verdict.years_counted} years.")
    parts.append(target)
    assumption = row.get(f"assumption_{lang}")
    if row.get("origin") == "assumption" and _present(assumption) and assumption:
        parts.append(str(assumption))
    words = f"{label('rv_verdict', lang)}: {verdict.words(lang)}."
    if verdict.reason(lang):
        words += f" {verdict.reason(lang).rstrip('.')}."
    parts.append(words)
    if verdict.awaiting_figure:
        parts.append(_awaiting_sentence(row, lang))
    if verdict.key == "achieved" and deadline > int(row["latest_year"]):
        parts.append(f"Cần tiếp tục duy trì kết quả đến năm {deadline}." if lang == "vi"
                     else f"The result must be held until {deadline}.")
    elif verdict.key not in ("achieved", "deadline_missed"):
        parts.append(_need_sentence(row, lang))
    parts.append(_chance_sentence(row, verdict, lang))
    if figure is not None:
        parts.append(f"(Xem Hình {figure}, Phụ lục 2.)" if lang == "vi" else f"(See Figure {figure}, Appendix 2.)")
    return spaced_percent(" ".join(part for part in parts if part), lang)


def qualitative_sentence(office: str, lang: str = "vi") -> str:
    """What the report says of a target the plan states without a number.

    >>> qualitative_sentence("Phòng Dân tộc")
    'Chỉ tiêu định tính, không đánh giá bằng số liệu; đề nghị Phòng Dân tộc đánh giá cụ thể.'
    """
    return label("rv_qualitative", lang).format(office=office)


# ---------------------------------------------------------------------------------------
# the whole picture


def summary_sentences(verdicts: list[Verdict], n_targets: int, n_quantitative: int, area: str,
                      latest_year: int | None, year: int, kind: str, lang: str = "vi",
                      attention: list[str] = (), n_illustrative: int = 0) -> str:
    """Section I of the report: how many targets stand where, in one paragraph.

    >>> v = [Verdict(k, "", "", False, None, None) for k in ("achieved", "on_track", "on_track", "off_track")]
    >>> print(summary_sentences(v, 21, 19, "huyện Cầu Ngang", 2024, 2025, "final"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Kế hoạch đề ra 21 chỉ tiêu, trong đó 19 chỉ tiêu định lượng. Kết thúc giai đoạn 2021 - 2025, đánh giá
    4 chỉ tiêu định lượng tại huyện Cầu Ngang (theo số liệu đến năm 2024): 1 chỉ tiêu đã đạt;
    2 chỉ tiêu đúng tiến độ; 1 chỉ tiêu chuyển biến chậm, khó đạt.
    """
    vi = lang == "vi"
    counts = [(key, sum(v.key == key for v in verdicts)) for key in VERDICTS]
    pieces = [f"{n} {'chỉ tiêu' if vi else ('target' if n == 1 else 'targets')} "
              f"{Verdict(key, '', '', False, None, None).words(lang).lower()}" for key, n in counts if n]
    when = ("Kết thúc giai đoạn 2021 - 2025" if vi else "At the end of the 2021–2025 period") if kind == "final" \
        else (f"Năm {year}" if vi else f"For {year}")
    data = ((f"theo số liệu đến năm {latest_year}" if vi else f"on figures up to {latest_year}")
            if latest_year else ("chưa có số liệu" if vi else "with no figures yet"))
    if vi:
        text = (f"Kế hoạch đề ra {n_targets} chỉ tiêu, trong đó {n_quantitative} chỉ tiêu định lượng. {when}, "
                f"đánh giá {len(verdicts)} chỉ tiêu định lượng tại {area} ({data}): " + "; ".join(pieces) + ".")
    else:
        text = (f"The plan sets {n_targets} targets, {n_quantitative} of them with numbers. {when}, the "
                f"{len(verdicts)} numeric targets assessed in {area} ({data}) stand as follows: "
                + "; ".join(pieces) + ".")
    awaiting = sum(v.awaiting_figure for v in verdicts)
    if awaiting:
        text += (f" {awaiting} chỉ tiêu chưa có số liệu năm {year}, được đánh giá theo dự báo." if vi
                 else f" {awaiting} targets have no {year} figure yet and are judged on the projection.")
    if attention:
        text += (" Các chỉ tiêu cần tập trung chỉ đạo: " if vi else " Targets needing attention: ") + \
            "; ".join(attention) + "."
    if n_illustrative:
        text += (f" Lưu ý: {n_illustrative} chỉ tiêu được đánh giá trên số liệu minh họa, không phải số liệu thật; "
                 "cần thay bằng số liệu chính thức của các cơ quan trước khi ban hành báo cáo." if vi else
                 f" Note: {n_illustrative} targets are assessed on illustrative figures, not real data; replace "
                 "them with the offices' official figures before the report is issued.")
    return spaced_percent(text, lang)


# ---------------------------------------------------------------------------------------
# table cells


_AGGREGATED = re.compile(r"^tổng hợp từ (\d+) xã, thị trấn / sum of \d+ communes — ")
_PUBLISHED = re.compile(r"^(?P<publisher>[^:]{2,60}): .*?(?P<when>\([^()]*\))?$")


def source_text(sources: str, lang: str = "vi") -> str:
    """The sources of a row, short: each said once, illustrative data named as such, a
    published figure by its publisher and date.

    >>> source_text("tổng hợp từ 15 xã, thị trấn / sum of 15 communes — Số liệu minh họa, không phải "
    ...             "số liệu thật (scripts/x.py, seed 1) / Illustrative data, not real")
    'Tổng hợp từ 15 xã, thị trấn; số liệu minh họa (không phải số liệu thật)'
    >>> source_text("VP Điều phối NTM Trà Vinh: Trà Vinh có thêm 02 xã đạt chuẩn NTM (09/5/2022)", "en")
    'VP Điều phối NTM Trà Vinh (09/5/2022)'
    """
    out: list[str] = []
    for chunk in str(sources or "").split(" | "):
        chunk = chunk.strip()
        match = _AGGREGATED.match(chunk)
        if match:
            n = match.group(1)
            out.append(f"Tổng hợp từ {n} xã, thị trấn" if lang == "vi" else f"Sum of {n} communes")
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
    text = "; ".join(dict.fromkeys(out))
    return text[:1].upper() + text[1:]


def plan_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Kế hoạch" cell: the target and its year ("≥ 95 % (2025)")."""
    text = target_text(row, lang) if row["unit"] != "flag" else label("met_word", lang)
    return spaced_percent(f"{text} ({int(row['deadline'])})", lang)


def result_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Thực hiện (năm)" cell: the latest value and its year ("92,7 % (2024)")."""
    if _missing(row["latest_value"]):
        return "–"
    text = f"{value_text(row['latest_value'], row['unit'], lang)} ({int(row['latest_year'])})"
    if row["illustrative"]:
        text += f"\n{label('rv_illustrative', lang)}"
    return text


def needed_cell(row: pd.Series, lang: str = "vi") -> str:
    """The "Cần mỗi năm" cell (from :func:`needed_text`), with Vietnamese spacing."""
    if int(row["deadline"]) <= (int(row["latest_year"]) if _present(row["latest_year"]) else 0):
        return "–"
    return spaced_percent(needed_text(row, lang), lang)


def chance_cell(row: pd.Series, verdict: Verdict, lang: str = "vi") -> str:
    if _missing(row["probability"]) or verdict.key in ("deadline_missed", "no_data"):
        return "–"
    if verdict.key == "achieved" and int(row["deadline"]) <= int(row["latest_year"]):
        return "–"
    return chance_text(float(row["probability"]), lang)
