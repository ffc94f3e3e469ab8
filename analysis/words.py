"""Numbers, values and targets in words: one formatter for every output.

Vietnamese text writes numbers the Vietnamese way everywhere — charts, tables, notes, reasons,
messages: a comma for decimals and a dot for thousands (11,3 %; 1.000). Percentages follow the
plan's own writing ("99,7 %"). English text uses the English convention (11.3 %; 1,000).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from .data.catalogue import INTEGER_UNITS, load_units
from .text import label, register_labels

__all__ = ["fmt_number", "decimals_for", "unit_word", "value_text", "target_text", "needed_text", "chance_text",
           "change_text", "needed_words", "is_missing", "half_up", "is_holding", "deadline_figure_in", "chance_shown",
           "exact_decimals", "is_benchmark", "latest_decimals", "need_decimals", "ratio_below_one", "whole_units_over",
           "HOLDING_MARK"]

register_labels({
    "met_word": ("Đạt", "Met"),
    "not_met_word": ("Chưa đạt", "Not met"),
    "points_per_year": ("điểm %/năm", "pts/yr"),
    "points_word": ("điểm %", "pts"),
    "more_than": ("hơn", "over"),  # "more than" took two lines in the dashboard's narrow column
    "per_year": ("/năm", "/yr"),
    "hold_level": ("giữ mức đã đạt", "hold the level reached"),
    # a level met already has its year in the past: "Năm dự báo đạt 2018" read as a projection gone wrong
    "reach_since": ("đã đạt từ {year}", "met since {year}"),
    "reach_since_first": ("đã đạt từ {year} (năm đầu có số liệu)", "met since {year} (the first figure)"),
    "rise_word": ("tăng", "up"),
    "fall_word": ("giảm", "down"),
    "no_change": ("không đổi", "no change"),
    "every_year": ("mỗi năm", "every year"),
    "in_year_words": ("trong năm", "in"),
    "from_year_words": ("so với năm", "from"),
    # "in 3 yrs", as a share of communes says it: "−1 hamlet/3 yrs" broke after "−1" in a narrow cell
    "units_per_years": ("/{years} năm", " in {years} yrs"),
    # the communes a share of a few needs by its deadline: "+2 communes/5 yrs" was one word wider than the
    # dashboard's column; "in 5 yrs" breaks where it reads
    "communes_in_years": ("/{years} năm", " in {years} yrs"),
    # said after a rate that may itself sit in brackets ("(cần tăng 6,7 điểm %/năm; thêm 2 xã …)"); the rate runs
    # to the share of those communes (4/6), not to the line half a commune short (58,3 %), so the two add up
    "communes_more": ("; thêm {n} xã đến năm {deadline}, đủ {k}/{units} xã",
                      "; {n} more communes by {deadline}, {k} of {units}"),
    "from_to_years": ("từ năm {start} đến năm {end}", "from {start} to {end}"),
    "years_met": ("đạt {met} trong {counted} năm", "met in {met} of {counted} years"),
    "met_with_communes": ("đạt khi đủ {k}/{n} xã", "met with {k} of {n} communes"),
    "communes_count": ("đủ {k}/{n} xã", "{k} of {n} communes"),
    # "đạt 0 trong 3 năm" is no Vietnamese
    "years_met_none": ("chưa năm nào đạt (0/{counted})", "met in none of {counted} years"),
})


def whole_units_over(value: float, unit: str, years: int) -> int | None:
    """A yearly need of a fraction of a whole unit (0,3 hamlet a year) as the whole units it
    comes to over the ``years`` left (2 in 6 years), when it comes to a whole number; else None.

    >>> whole_units_over(-1 / 3, "hamlets", 6), whole_units_over(-1 / 3, "percent", 6), whole_units_over(-2.0, "hamlets", 6)
    (-2, None, None)
    """
    if unit not in INTEGER_UNITS or not 0 < abs(value) < 1 or years < 2:
        return None
    total = value * years
    return int(round(total)) if round(total) != 0 and abs(total - round(total)) < 0.05 else None


def communes_needed(row: pd.Series) -> int | None:
    """How many more communes a share of a few communes needs by its deadline (T04 at 5/6 needs 1 for
    100 %, met from 91,7 %; T17 at 2/6 needs 2 for 60 %, met from 58,3 %): a share that moves in steps
    of 16,7 points has no yearly path of 1,7 points. None for any other row, and where the deadline will
    count other communes than the latest figure did (13 before the reform, 6 after).

    >>> row = pd.Series({"met_units": 6.0, "met_units_later": float("nan"), "met_threshold": 91.7,
    ...                  "latest_value": 500 / 6, "needed_points_per_year": 1.67})
    >>> communes_needed(row), communes_needed(row.replace({91.7: 58.3, 500 / 6: 100 / 3}))
    (1, 2)
    >>> communes_needed(row.replace({float("nan"): 6.0, 6.0: 13.0})) is None  # 13 old communes, 6 at the deadline
    True
    """
    short = _communes_short(row)
    return None if short is None else short[0]


def communes_met(row: pd.Series) -> tuple[int, int] | None:
    """(k, n) for a share of a few communes: the fewest of the n communes its deadline counts that
    meet the target ("≥ 60 %" of 6 communes: 4 of 6, met from 58,3 %); None for any other row. A
    report says "đạt khi đủ 4/6 xã", not "đạt khi ≥ 58,3 %" beside the plan's 60 %.

    >>> row = pd.Series({"met_units": 6.0, "met_units_later": float("nan"), "met_threshold": 58.3})
    >>> communes_met(row), communes_met(row.replace({float("nan"): 6.0, 6.0: 13.0, 58.3: 57.7}))
    ((4, 6), (4, 6))
    >>> communes_met(pd.Series({"met_units": float("nan"), "met_threshold": 99.5})) is None
    True
    """
    units, later = row.get("met_units"), row.get("met_units_later")
    if is_missing(units) or is_missing(row.get("met_threshold")):
        return None
    n = int(units) if is_missing(later) else int(later)
    return math.ceil(float(row["met_threshold"]) * n / 100 - 1e-9), n


def _communes_short(row) -> tuple[int, int] | None:
    """(how many more communes, how many it then counts) for :func:`communes_needed`."""
    met = communes_met(row)
    if met is None or not is_missing(row.get("met_units_later")) or is_missing(row.get("needed_points_per_year")) \
            or float(row["needed_points_per_year"]) <= 0 or is_missing(row.get("latest_value")):
        return None
    fewest, n = met
    more = fewest - int(round(float(row["latest_value"]) * n / 100))
    return (more, fewest) if more > 0 else None


def communes_more_words(row: pd.Series, lang: str = "vi") -> str:
    """The communes a share of a few communes needs, said after its yearly rate (:func:`communes_needed`):
    "; thêm 1 xã đến năm 2030, đủ 6/6 xã"; "" for any other row.

    >>> row = pd.Series({"met_units": 6.0, "met_units_later": float("nan"), "met_threshold": 58.3,
    ...                  "latest_value": 100 / 3, "needed_points_per_year": 6.67, "deadline": 2030})
    >>> communes_more_words(row), communes_more_words(row, "en")
    ('; thêm 2 xã đến năm 2030, đủ 4/6 xã', '; 2 more communes by 2030, 4 of 6')
    """
    short = _communes_short(row)
    if short is None:
        return ""
    more, fewest = short
    return label("communes_more", lang).format(n=more, k=fewest, units=int(row["met_units"]),
                                               deadline=_deadline_of(row))


def is_missing(value) -> bool:
    """True for None, NaN and pandas' NA."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float, lang: str = "vi", decimals: int = 1, sign: bool = False) -> str:
    """A number written the way a reader of ``lang`` expects.

    >>> fmt_number(1234.5, "vi"), fmt_number(1234.5, "en"), fmt_number(-0.83, "vi", 2, sign=True)
    ('1.234,5', '1,234.5', '−0,83')
    >>> fmt_number(float("nan")), fmt_number(-0.04, "vi", 1)
    ('–', '0,0')

    Halves round up, as on paper, from the number as written: 17,95 is 18,0 (the nearest binary
    number to 17.95 lies just below it, and plain formatting would print 17,9).

    >>> fmt_number(17.95), fmt_number(0.125, "vi", 2), fmt_number(2.5, "vi", 0)
    ('18,0', '0,13', '3')
    """
    if is_missing(value):
        return "–"
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    text = f"{half_up(abs(value), decimals):,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if value < 0 and float(text.replace(".", "").replace(",", "")) != 0:
        return "−" + text
    return ("+" + text) if sign and value > 0 and float(text.replace(".", "").replace(",", "")) != 0 else text


def half_up(value: float, decimals: int = 0) -> float:
    """``value`` rounded as on paper: halves away from zero, from the number as written (the
    shortest decimal that reads back as the same float), not from its binary neighbour.

    >>> half_up(17.95, 1), round(17.95, 1), half_up(0.125, 2), half_up(-2.5), half_up(12.499999999999998)
    (18.0, 17.9, 0.13, -3.0, 12.0)
    """
    written = Decimal(repr(float(value)))
    return float(written.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def decimals_for(unit: str) -> int:
    """Decimals a value of ``unit`` is shown with: one for percentages and money, none for counts."""
    return 1 if unit in ("percent", "percentage_points", "percent_change", "million_vnd") else 0


def unit_word(unit: str, lang: str, number: str = "") -> str:
    """The unit in words ("hộ", "lao động"); in English, singular after a ``number`` written 1.

    >>> unit_word("hamlets", "en", "1"), unit_word("hamlets", "en", "−1"), unit_word("hamlets", "en", "0,3")
    ('hamlet', 'hamlet', 'hamlets')
    >>> unit_word("party_members", "en", "1"), unit_word("hamlets", "vi", "1")
    ('party member', 'ấp')
    """
    word = load_units().at[unit, lang]
    if lang == "en" and number.lstrip("+-\u2212 ") == "1" and unit in INTEGER_UNITS and word.endswith("s"):
        return word[:-1]
    return word


def value_text(value: float, unit: str, lang: str = "vi", compact: bool = False, exact: bool = False,
               decimals: int | None = None) -> str:
    """A value with its unit: "19,9 %", "1.120 lao động"; ``compact`` drops count units,
    ``exact`` shows a whole number without decimals (targets: "95 %", "99,7 %"); ``decimals``
    overrides the unit's (see :func:`decimals_against`).

    >>> value_text(19.887, "percent"), value_text(1120, "workers"), value_text(1120, "workers", "en", compact=True)
    ('19,9 %', '1.120 lao động', '1,120')
    """
    if decimals is None:
        decimals = 0 if exact and float(value).is_integer() else decimals_for(unit)
    number = fmt_number(value, lang, decimals)
    if unit == "percent":
        return f"{number} %"
    if unit == "flag":
        return label("met_word" if value >= 1 else "not_met_word", lang)
    return number if compact else f"{number} {unit_word(unit, lang, number)}"


def exact_decimals(value: float, most: int = 3) -> int:
    """The fewest decimals (up to ``most``) that write ``value`` exactly: a reported 3,61 or a
    threshold of 99,5 keeps its own, a whole 6.750 none.

    >>> exact_decimals(3.61), exact_decimals(6750.0), exact_decimals(99.5), exact_decimals(100 / 3)
    (2, 0, 1, 3)
    """
    return next((d for d in range(most + 1) if abs(round(value, d) - value) < 1e-9), most)


def decimals_against(value: float, row: pd.Series, decimals: int | None = None, need: bool = False) -> int | None:
    """The decimals to print ``value`` with so that, printed, it meets the row's target exactly
    when it does: 19,97 % against "≥ 20 %" is "19,97 %", not "20,0 %" beside "chưa đạt";
    99,46 % against "tính là đạt khi từ 99,5 %" is "99,46 %". With ``need`` (``value`` is the
    latest figure, printed beside the change needed in the one year left), also so that the
    figure and the need, printed with as many decimals, add up to the target: 17,95 % and "cần
    tăng 2,05 điểm %" to reach 20 % (at one decimal, 18,0 + 2,1 = 20,1; the need is then printed
    with these decimals too, :func:`need_decimals`). ``decimals`` (by default ``None``: the
    caller's usual ones) when they already agree, and for a row without a threshold or not a
    percentage (counts are whole).

    >>> row = pd.Series({"unit": "percent", "kind": "at_least", "met_threshold": 20.0, "met_strict": False})
    >>> decimals_against(19.97, row), decimals_against(19.5, row), decimals_against(20.04, row)
    (2, None, None)
    >>> decimals_against(80.004, pd.Series({"unit": "percent", "kind": "above", "met_threshold": 80.0,
    ...                                     "met_strict": True}))
    3
    >>> one_year = pd.concat([row, pd.Series({"deadline": 2025, "latest_year": 2024, "needed_points_per_year": 2.05})])
    >>> decimals_against(17.95, one_year, need=True), decimals_against(17.95, one_year), decimals_against(17.9, \
one_year.replace({2.05: 2.1}), need=True)
    (2, None, None)
    >>> commune = one_year.replace({20.0: 33.5347, 2.05: 15.2614})  # its own threshold, printed "≥ 33,5 %"
    >>> decimals_against(18.2733, commune, need=True) is None
    True
    """
    threshold = row.get("met_threshold")
    if is_missing(value) or is_missing(threshold) or row.get("unit") != "percent" or row.get("kind") \
            in ("yearly_reduction", "yearly_flow"):  # a yearly target judges each year's change, not a level
        return decimals
    increasing, strict = row.get("kind") in INCREASING_KINDS, bool(row.get("met_strict", False))

    def meets(x: float) -> bool:
        if increasing:
            return x > threshold if strict else x >= threshold - 1e-9
        return x < threshold if strict else x <= threshold + 1e-9

    needed = row.get("needed_points_per_year")
    # adding up to a threshold printed rounded (a commune's Khmer share, 33,535 % printed "33,5 %")
    # would take three decimals of false precision ("cần tăng 15,262 điểm %") and still not match it
    printed_exactly = exact_decimals(float(threshold)) <= decimals_for("percent")
    one_year = (need and printed_exactly and not is_missing(needed) and _one_year_left(row)
                and not meets(float(value)))

    def adds_up(shown: int) -> bool:  # the figure and the need, as printed, make the target printed alike
        if not one_year:
            return True
        need_shown = max(shown, _decimals_to_show(float(needed), "percent"))  # 0,04 keeps its second decimal
        return abs(half_up(float(value), shown) + half_up(float(needed), need_shown)
                   - half_up(threshold, max(shown, need_shown))) < 1e-9

    shown = decimals_for(row["unit"]) if decimals is None else decimals
    start = shown
    while shown < 3 and meets(half_up(float(value), shown)) != meets(float(value)):
        shown += 1
    # a need not worked out from this threshold never adds up: then the figure keeps its decimals
    shown = next((d for d in range(shown, 4) if adds_up(d)), shown)
    return shown if shown != start else decimals


def _one_year_left(row) -> bool:
    latest, deadline = row.get("latest_year"), row.get("deadline")
    return not is_missing(latest) and not is_missing(deadline) and int(deadline) - int(latest) == 1


def latest_decimals(row: pd.Series) -> int | None:
    """The decimals the latest figure is printed with, in every table and sentence: the
    assessment's ``latest_decimals`` (one choice per target and area, so that its 2025 and 2030
    rows print it alike), else what :func:`decimals_against` asks for this row (``None``: the
    unit's usual ones).

    >>> row = pd.Series({"unit": "percent", "kind": "at_least", "met_threshold": 20.0, "met_strict": False,
    ...                  "latest_value": 17.95, "latest_year": 2024, "deadline": 2030})
    >>> latest_decimals(row), latest_decimals(pd.concat([row, pd.Series({"latest_decimals": 2})]))
    (None, 2)
    """
    if "latest_decimals" in row.index:  # the assessment's choice; NA: the unit's usual decimals
        return None if is_missing(row["latest_decimals"]) else int(row["latest_decimals"])
    return None if is_missing(row.get("latest_value")) else decimals_against(float(row["latest_value"]), row, need=True)


def need_decimals(row) -> int | None:
    """With one year left, the decimals the need is printed with so that it adds up with the
    latest figure printed beside it (:func:`decimals_against`): "17,95 %" and "cần tăng
    2,05 điểm %" to reach 20 %. ``None`` (the need's usual decimals) otherwise.

    >>> row = {"unit": "percent", "kind": "at_least", "met_threshold": 20.0, "met_strict": False, "latest_value": 17.95,
    ...        "latest_year": 2024, "deadline": 2025, "needed_points_per_year": 2.05}
    >>> need_decimals(row), need_decimals({**row, "latest_value": 17.9, "needed_points_per_year": 2.1})
    (2, None)
    """
    if not _one_year_left(row) or is_missing(row.get("latest_value")) or is_missing(row.get("needed_points_per_year")):
        return None
    shown = decimals_against(float(row["latest_value"]), row, need=True)
    usual = _decimals_to_show(float(row["needed_points_per_year"]), row.get("unit", ""))
    return shown if shown is not None and shown > usual else None


def target_text(row: pd.Series, lang: str = "vi", compact: bool = False) -> str:
    """The target as a planner would say it: "≥ 95 %", "> 80 %", "100 %", "giảm 3–4 điểm %/năm".

    >>> target_text(pd.Series({"kind": "above", "target_value": 80.0, "unit": "percent"}))
    '> 80 %'
    >>> target_text(pd.Series({"kind": "at_least", "target_value": 100.0, "unit": "percent"}))
    '100 %'
    >>> target_text(pd.Series({"kind": "yearly_flow", "target_low": 1000.0, "target_high": 1500.0,
    ...                        "unit": "workers"}), "en")
    '1,000–1,500 workers/yr'
    >>> target_text(pd.Series({"kind": "yearly_reduction", "target_low": 3.0, "target_high": 4.0,
    ...                        "unit": "percent"}))
    'giảm 3–4 điểm %/năm'
    >>> target_text(pd.Series({"kind": "yearly_reduction", "target_low": 3.5, "target_high": 4.5, "unit": "percent"}))
    'giảm 3,5–4,5 điểm %/năm'
    >>> target_text(pd.Series({"kind": "count_to_zero", "target_value": 0.0, "met_threshold": 1.0, "unit": "hamlets"}))
    '0 ấp'

    The plan's value, as the chart's diamond marks it; what counts as met ("cơ bản không còn":
    at most 1 hamlet; 100 %: from 99,5 %) is said beside it where it differs.
    """
    kind, unit = row["kind"], row["unit"]
    if kind == "yearly_reduction":
        # as written: a what-if of 3,5 points a year read "giảm 4–5" at whole points
        low, high = (fmt_number(row[end], lang, exact_decimals(row[end])) for end in ("target_low", "target_high"))
        fall = "giảm" if lang == "vi" else "down"
        if row.get("reading", "points") == "relative":
            return f"{fall} {low}–{high} %{label('per_year', lang)}"
        return f"{fall} {low}–{high} {label('points_per_year', lang)}"
    if kind == "yearly_flow":
        low, high = fmt_number(row["target_low"], lang, 0), fmt_number(row["target_high"], lang, 0)
        words = "" if compact else f" {unit_word(unit, lang)}"
        return f"{low}–{high}{words}{label('per_year', lang)}"
    if is_missing(row.get("target_value")):
        return "–"
    if kind == "count_to_zero":
        return f"0 {unit_word(unit, lang)}"
    if unit == "flag":
        return label("met_word", lang)
    if unit == "percent" and row["target_value"] == 100 and kind in ("at_least", "share_of_total"):
        return "100 %"
    symbol = {"at_least": "≥", "share_of_total": "≥", "above": ">", "at_most": "≤"}[kind]
    return f"{symbol} {value_text(row['target_value'], unit, lang, compact, exact=True)}"


def target_with_threshold(row: pd.Series, lang: str = "vi") -> str:
    """The target with what counts as met where that differs ("100 % (đạt ≥ 99,5 %)", "0 ấp
    (đạt ≤ 1 ấp)"): a table without footnotes then adds up with the yearly need beside it.

    >>> target_with_threshold(pd.Series({"kind": "count_to_zero", "target_value": 0.0, "met_threshold": 1.0,
    ...                                  "unit": "hamlets"}))
    '0 ấp (đạt ≤ 1 ấp)'
    >>> target_with_threshold(pd.Series({"kind": "above", "target_value": 80.0, "met_threshold": 80.0,
    ...                                  "unit": "percent"}))
    '> 80 %'
    """
    text = target_text(row, lang)
    communes = communes_met(row)
    if communes is not None:  # "≥ 60 % (đạt ≥ 58,3 %)" read as a lowered target: a share of 6 communes is a count
        return f"{text} ({label('met_with_communes', lang).format(k=communes[0], n=communes[1])})"
    phrase = threshold_phrase(row, lang)
    return f"{text} ({label('met_word', lang).lower()} {phrase})" if phrase else text


def met_level(row: pd.Series) -> float:
    """Where a chart's path needed ends and its line "counts as met" is drawn: the threshold, and for a
    share of a few communes the share of the fewest that meet it (4/6 = 66,7 % for "≥ 60 %"), which the
    yearly rate runs to (:meth:`analysis.assessment.met.MetRule.aim`).

    >>> round(met_level(pd.Series({"met_units": 6.0, "met_units_later": float("nan"), "met_threshold": 58.3})), 2)
    66.67
    >>> met_level(pd.Series({"met_units": float("nan"), "met_threshold": 99.5}))
    99.5
    """
    communes = communes_met(row)
    return float(row["met_threshold"]) if communes is None else 100 * communes[0] / communes[1]


def met_phrase(row: pd.Series, lang: str = "vi") -> str:
    """What counts as met, for a chart's line: :func:`threshold_phrase`, or for a share of a few communes
    the count ("đủ 4/6 xã").

    >>> met_phrase(pd.Series({"met_units": 6.0, "met_units_later": float("nan"), "met_threshold": 58.3,
    ...                       "kind": "at_least", "target_value": 60.0, "unit": "percent"}), "en")
    '4 of 6 communes'
    """
    communes = communes_met(row)
    if communes is None:
        return threshold_phrase(row, lang)
    return label("communes_count", lang).format(k=communes[0], n=communes[1])


def threshold_phrase(row: pd.Series, lang: str = "vi") -> str:
    """What counts as met where it is not the target's own figure ("≥ 99,5 %" for 100 %,
    "≤ 1 ấp" for none left); "" where it is, and for targets read year by year.

    >>> threshold_phrase(pd.Series({"kind": "at_least", "target_value": 100.0, "met_threshold": 99.5,
    ...                             "unit": "percent"}))
    '≥ 99,5 %'

    A share of 6 communes meets "90 %" only with all 6, from 91,7 %: above the target, and still "≥".

    >>> threshold_phrase(pd.Series({"kind": "at_least", "target_value": 90.0, "met_threshold": 91.7,
    ...                             "unit": "percent"}))
    '≥ 91,7 %'
    """
    threshold = row.get("met_threshold")
    if row["kind"] in ("yearly_reduction", "yearly_flow") or is_missing(threshold) \
            or is_missing(row.get("target_value")) or threshold == row["target_value"]:
        return ""
    symbol = "≥" if row["kind"] in INCREASING_KINDS else "≤"
    return f"{symbol} {value_text(threshold, row['unit'], lang, exact=True)}"


INCREASING_KINDS = ("at_least", "above", "share_of_total", "yearly_flow")
"""Kinds of target where a higher value is progress."""


def needed_text(row: pd.Series, lang: str = "vi", compact: bool = False, per_year: bool = True) -> str:
    """The yearly change needed from now: "+2,3 điểm %/năm", "1.000 lao động/năm", or
    "giữ mức đã đạt" when nothing needs to change. ``per_year=False`` drops "/năm" for a
    column already headed "Cần mỗi năm".

    >>> row = pd.Series({"kind": "at_least", "unit": "percent", "needed_points_per_year": 2.28, "verdict": "off_track"})
    >>> needed_text(row), needed_text(row, per_year=False)
    ('+2,3 điểm %/năm', '+2,3 điểm %')
    >>> needed_text(row.copy().replace({2.28: 0.001})), needed_text(row.copy().replace({2.28: -10.0}))
    ('giữ mức đã đạt', 'giữ mức đã đạt')
    >>> needed_text(row.copy().replace({2.28: 0.04}))
    '+0,04 điểm %/năm'
    >>> strict = pd.concat([row, pd.Series({"met_strict": True, "latest_year": 2024, "deadline": 2025})])
    >>> needed_text(strict, per_year=False), needed_text(strict.replace({2025: 2030}), per_year=False)
    ('hơn +2,3 điểm %', '+2,3 điểm %')
    >>> met = pd.Series({"kind": "at_least", "unit": "percent", "needed_points_per_year": -0.5, "verdict": "on_track",
    ...                  "latest_met": True, "latest_year": 2024, "deadline": 2030})
    >>> needed_text(met), needed_text(met.copy().replace({2030: 2022, "on_track": "achieved"}))
    ('giữ mức đã đạt', '–')
    >>> hamlets = pd.Series({"kind": "at_most", "unit": "hamlets", "needed_points_per_year": -1 / 3,
    ...                      "verdict": "on_track", "latest_year": 2024, "deadline": 2030})
    >>> needed_text(hamlets, per_year=False), needed_text(hamlets, "en")  # not "−0,3 ấp" a year
    ('−1 ấp/3 năm', '−1 hamlet in 3 yrs')
    >>> communes = pd.Series({"kind": "at_most", "unit": "communes", "needed_points_per_year": -4.0, "verdict": "likely_missed",
    ...                       "latest_year": 2023, "deadline": 2025, "awaiting_figure": True})
    >>> needed_text(communes, per_year=False)  # 2025 is over: the whole change it needed, not 4 a year
    '−8 xã so với năm 2023'
    
    """
    verdict = row.get("verdict", row.get("status", ""))
    if verdict in ("on_track", "met_at_risk") and "latest_year" in row and is_holding(row):
        return label("hold_level", lang)  # met before its deadline: what it needs is holding
    if verdict in ("achieved", "deadline_missed", "missed", "no_data", "") or is_missing(row["needed_points_per_year"]):
        return "–"
    unit, value = row["unit"], float(row["needed_points_per_year"])
    if value * (1 if row["kind"] in INCREASING_KINDS else -1) < 0:
        return label("hold_level", lang)  # already beyond the target: it needs holding, not a step back
    suffix = label("per_year", lang) if per_year else ""
    if row["kind"] == "yearly_flow":
        words = "" if compact else f" {unit_word(unit, lang)}"
        return f"{fmt_number(value, lang, 0)}{words}{suffix}"
    latest_year = None if is_missing(row.get("latest_year")) else int(row["latest_year"])
    years = _deadline_of(row) - latest_year if latest_year is not None else 0
    total = _whole_change_due(value, years, _awaited(row), row["kind"] == "yearly_reduction")
    if total is not None:  # "−8 xã so với năm 2023", which the review says too ("−4 xã" read as the whole)
        number = fmt_number(total, lang, 0 if unit in INTEGER_UNITS else _decimals_to_show(total, unit), sign=True)
        words = label("points_word", lang) if unit == "percent" else unit_word(unit, lang, number)
        return f"{number} {words} {label('from_year_words', lang)} {latest_year}"
    communes = communes_needed(row) if latest_year is not None and years >= 1 else None
    if communes is not None and total is None:  # "+1 xã/5 năm", not "+1,7 điểm %" a year of a share of 6 communes
        number = fmt_number(communes, lang, 0, sign=True)
        per = label("communes_in_years", lang).format(years=years) if years > 1 else ""
        return f"{number} {unit_word('communes', lang, number)}{per}"
    whole = whole_units_over(value, unit, years)
    if whole is not None:  # "−1 ấp/3 năm" (2 in 6 years), not "−0,3 ấp" a year
        common = math.gcd(abs(whole), years)
        number = fmt_number(whole // common, lang, 0, sign=True)
        return f"{number} {unit_word(unit, lang, number)}{label('units_per_years', lang).format(years=years // common)}"
    decimals = need_decimals(row) or _decimals_to_show(value, unit)
    if half_up(value, decimals) == 0:
        met = row.get("latest_met")
        if _strict(row) and not is_missing(met) and not bool(met):
            # exactly at "trên 80 %": holding 80,0 does not pass it
            words = label("points_word", lang) if unit == "percent" else unit_word(unit, lang)
            return f"{label('more_than', lang)} 0 {words}"
        return label("hold_level", lang)
    # a target "above" a level is passed, not reached: 46,8 % + 33,2 is 80,0, not above 80 %
    beyond = f"{label('more_than', lang)} " if more_than_needed(row) else ""
    if unit == "percent":
        words = label("points_per_year", lang) if per_year else label("points_word", lang)
        return f"{beyond}{fmt_number(value, lang, decimals, sign=True)} {words}"
    number = fmt_number(value, lang, decimals, sign=True)
    return f"{beyond}{number} {unit_word(unit, lang, number)}{suffix}"


def _whole_change_due(needed: float, years: int, awaiting: bool, pace: bool) -> float | None:
    """What a deadline that has passed, its figure awaited, needed from a latest figure more than a
    year before it: the whole change, not a pace that can no longer be run; None otherwise, and for
    a target set as a yearly ``pace``.

    >>> _whole_change_due(-4.0, 2, True, False), _whole_change_due(-4.0, 2, True, True), _whole_change_due(-4.0, 1, True, False)
    (-8.0, None, None)
    """
    return needed * years if awaiting and years > 1 and not pace else None


def _awaited(row) -> bool:
    """The deadline has passed and its figure is awaited."""
    awaited = row.get("awaiting_figure", False)
    return bool(awaited) and not is_missing(awaited)


def _strict(row) -> bool:
    """The target is passed, not reached ("trên 80 %")."""
    strict = row.get("met_strict", False)
    return bool(strict) and not is_missing(strict)


def more_than_needed(row) -> bool:
    """Whether the need is said as "more than" it ("hơn +33,2 điểm %"): a target above a level
    ("trên 80 %") with one year left, where the figure and the need as printed add up to the level
    itself (46,8 + 33,2 is 80,0, not above it). A rate over several years is said as it is: "hơn
    +0,1" for a need of 0,057 a year would overstate it.

    >>> row = {"met_strict": True, "latest_year": 2024, "deadline": 2025}
    >>> more_than_needed(row), more_than_needed({**row, "deadline": 2030})
    (True, False)
    """
    return _strict(row) and _one_year_left(row)


SMALL_AVERAGE = 10
"""Below this many whole units a year, an average is written with one decimal when it is not
whole (1,8 ấp/năm); above it the rounding is a small part of it (1.235 lao động/năm)."""


def _decimals_to_show(value: float, unit: str) -> int:
    """The unit's decimals, one or two more when they would round a small change to nothing
    ("giảm 0,3 ấp/năm", "+0,04 điểm %", never "không đổi" for a change that is needed), and one
    for an average of a few whole units that is not whole: 9 hamlets in 5 years is "bình quân
    giảm 1,8 ấp/năm", not 2 a year, which would make 10.

    >>> _decimals_to_show(-1 / 3, "hamlets"), _decimals_to_show(0.04, "percent"), _decimals_to_show(2.3, "percent")
    (1, 2, 1)
    >>> _decimals_to_show(-1.8, "hamlets"), _decimals_to_show(-2.0, "hamlets"), _decimals_to_show(1234.5, "persons")
    (1, 0, 0)
    """
    decimals = decimals_for(unit)
    while value and half_up(value, decimals) == 0 and decimals < 2:
        decimals += 1
    if unit in INTEGER_UNITS and abs(value) < SMALL_AVERAGE and not float(half_up(value, 1)).is_integer():
        decimals = max(decimals, 1)
    return decimals


CHANCE_EDGES = (0.2, 0.5, 0.8)
"""Where the verdict (:data:`analysis.assessment.verdict.CHANCE_BANDS`) and the chance's words
(likely, possible, unlikely, very unlikely) change."""


def years_met_text(met: int, counted: int, lang: str = "vi") -> str:
    """How many of the years judged one by one met the target.

    >>> years_met_text(1, 3), years_met_text(0, 3), years_met_text(0, 3, "en")
    ('đạt 1 trong 3 năm', 'chưa năm nào đạt (0/3)', 'met in none of 3 years')
    """
    if int(met) == 0:
        return label("years_met_none", lang).format(counted=int(counted))
    return label("years_met", lang).format(met=int(met), counted=int(counted))


def chance_text(probability: float, lang: str = "vi") -> str:
    """A probability as a planner reads it: "83 %", "< 1 %", "> 99 %", "–".

    A chance just below a band's edge (20 %, 50 %, 80 %: where the verdict and the chance words
    change) is never rounded up onto it: 19,6 % beside "Chuyển biến chậm, khó đạt" reads 19 %.

    >>> chance_text(0.8271), chance_text(0.0007), chance_text(0.9996, "en"), chance_text(float("nan"))
    ('83 %', '< 1 %', '> 99 %', '–')
    >>> chance_text(0.196), chance_text(0.4996), chance_text(0.5), chance_text(0.204)
    ('19 %', '49 %', '50 %', '20 %')

    A projection's chance of exactly 1 or 0 (a commune with no especially difficult hamlet for
    ten years, and none allowed) is still a projection, not a certainty: a known outcome has no
    chance to print (the tables show "–", :func:`chance_shown`).

    >>> chance_text(1.0), chance_text(0.0), chance_text(0.995)
    ('> 99 %', '< 1 %', '> 99 %')
    """
    if is_missing(probability):
        return "–"
    if probability < 0.005:
        return "< 1 %"
    if probability >= 0.995:  # 0,995 rounds to 100 %
        return "> 99 %"
    percent = int(half_up(100 * probability))
    for edge in CHANCE_EDGES:
        if probability < edge and percent >= round(100 * edge):
            percent = round(100 * edge) - 1
    return f"{fmt_number(percent, lang, 0)} %"


def years_span(first: int, last: int, lang: str = "vi", every_year: bool = True) -> str:
    """The years a figure covers, named: "3 năm 2022–2024", "năm 2024" ("2022–2024", "2024" in
    English). Named, not "3 năm gần đây": a report read in 2026 about figures up to 2024 would
    have its reader count back from 2026. ``every_year`` False: some years in between have no
    figure, so their number is not said.

    >>> years_span(2022, 2024), years_span(2024, 2024), years_span(2022, 2024, "en"), years_span(2022, 2024, every_year=False)
    ('3 năm 2022–2024', 'năm 2024', '2022–2024', 'các năm 2022–2024')
    """
    if first == last:
        return f"năm {last}" if lang == "vi" else str(last)
    if lang != "vi":
        return f"{first}–{last}"
    return f"{last - first + 1} năm {first}–{last}" if every_year else f"các năm {first}–{last}"


def fall_words(row: pd.Series, lang: str = "vi") -> str:
    """A yearly fall's latest year, beside its level: "3,2 %" alone under "giảm 3–4 điểm %/năm"
    read as a fall of 3,2 points; "giảm 1,7" says the fall the target is judged on, in the
    target's own points (a table's column is as wide as its widest cell); "" for other targets.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_year_change": -1.7})
    >>> fall_words(row, "vi"), fall_words(row, "en")
    ('giảm 1,7', 'down 1.7')
    """
    change = row.get("latest_year_change")
    if row["kind"] != "yearly_reduction" or is_missing(change):
        return ""
    words = change_text(change, row["unit"], lang, per_year=False)
    # in the target's own points; under the relative reading ("giảm 3–4 %/năm") the points are said
    points = row["unit"] == "percent" and row.get("reading", "points") == "points"
    return words.removesuffix(" " + label("points_word", lang)) if points else words


def latest_notes(row: pd.Series, lang: str = "vi", year: bool = True) -> str:
    """What follows a latest figure in brackets: its year (unless ``year`` is off, a heading
    saying it) and a yearly fall's own fall (:func:`fall_words`); "" when there is neither.

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "latest_year": 2024, "latest_year_change": -1.7})
    >>> latest_notes(row), latest_notes(row, year=False), latest_notes(row.drop("latest_year_change"), "en")
    (' (2024; giảm 1,7)', ' (giảm 1,7)', ' (2024)')
    """
    notes = [str(int(row["latest_year"]))] if year and not is_missing(row.get("latest_year")) else []
    notes += [fall] if (fall := fall_words(row, lang)) else []
    return f" ({'; '.join(notes)})" if notes else ""


def change_text(value: float, unit: str, lang: str = "vi", per_year: bool = True, decimals: int | None = None,
                more_than: bool = False) -> str:
    """A change in words: "tăng 0,4 điểm %/năm", "giảm 2,7 điểm %/năm", "tăng 50 lao động/năm";
    ``more_than`` a change that must pass it ("tăng hơn 33,2 điểm %" to be above 80 % from 46,8).

    >>> change_text(0.354, "percent"), change_text(-2.716, "percent"), change_text(-2.716, "percent", "en")
    ('tăng 0,4 điểm %/năm', 'giảm 2,7 điểm %/năm', 'down 2.7 pts/yr')
    >>> change_text(0.001, "percent"), change_text(50, "workers", per_year=False), change_text(-1 / 3, "hamlets")
    ('không đổi', 'tăng 50 lao động', 'giảm 0,3 ấp/năm')
    >>> change_text(33.2, "percent", per_year=False, more_than=True), change_text(33.2, "percent", "en", more_than=True)
    ('tăng hơn 33,2 điểm %', 'up over 33.2 pts/yr')
    """
    if is_missing(value):
        return "–"
    if decimals is None:
        decimals = _decimals_to_show(value, unit)
    if half_up(value, decimals) == 0:
        return label("no_change", lang)
    amount = fmt_number(abs(value), lang, decimals)
    beyond = f"{label('more_than', lang)} " if more_than else ""
    number = f"{label('rise_word' if value > 0 else 'fall_word', lang)} {beyond}{amount}"
    if unit == "percent":
        return f"{number} {label('points_per_year' if per_year else 'points_word', lang)}"
    suffix = label("per_year", lang) if per_year else ""
    return f"{number} {unit_word(unit, lang, amount)}{suffix}"


def needed_words(row: pd.Series, lang: str = "vi") -> str:
    """What is needed from now, said in a sentence: "giảm 3,0 điểm % trong năm 2025",
    "tăng 0,4 điểm %/năm", "1.000 lao động mỗi năm", "giữ mức đã đạt" ("" when nothing is).

    >>> row = pd.Series({"kind": "yearly_reduction", "unit": "percent", "needed_points_per_year": -3.0,
    ...                  "verdict": "off_track", "deadline": 2025, "latest_year": 2024})
    >>> needed_words(row), needed_words(row.copy().replace({2025: 2030}), "en")
    ('giảm 3,0 điểm % trong năm 2025', 'down 3.0 pts/yr')
    >>> needed_words(pd.concat([row, pd.Series({"awaiting_figure": True})]))  # 2025 has ended, its figure awaited
    'giảm 3,0 điểm % so với năm 2024'
    """
    short = needed_text(row, lang)
    if short in ("–", label("hold_level", lang)):
        return "" if short == "–" else short
    if row["kind"] == "yearly_flow":
        return f"{value_text(row['needed_points_per_year'], row['unit'], lang)} {label('every_year', lang)}"
    return change_needed(row["needed_points_per_year"], row["unit"], int(row["deadline"]), int(row["latest_year"]),
                         _awaited(row), lang, decimals=need_decimals(row), more_than=more_than_needed(row),
                         pace=row["kind"] == "yearly_reduction")


def change_needed(needed: float, unit: str, deadline: int, latest_year: int, awaiting: bool, lang: str = "vi",
                  decimals: int | None = None, more_than: bool = False, pace: bool = False) -> str:
    """The change needed, in words: a yearly rate ("tăng 0,4 điểm %/năm"), or, with one year left,
    the change in that year ("giảm 3,0 điểm % trong năm 2025") — from the latest figure once that
    year has ended and its figure is ``awaiting`` ("giảm 3,0 điểm % so với năm 2024").

    An ended deadline's figure awaited more than a year after the latest says the whole change
    ("giảm 8 xã so với năm 2023"), unless ``pace`` (a target set as a yearly pace).

    >>> change_needed(-3.0, "percent", 2025, 2024, False), change_needed(-3.0, "percent", 2025, 2024, True)
    ('giảm 3,0 điểm % trong năm 2025', 'giảm 3,0 điểm % so với năm 2024')

    >>> change_needed(0.4, "percent", 2030, 2024, False, "en"), change_needed(-1 / 3, "hamlets", 2030, 2024, False)
    ('up 0.4 pts/yr', 'giảm 2 ấp từ năm 2024 đến năm 2030')
    >>> change_needed(-4.0, "communes", 2025, 2023, True), change_needed(-3.0, "percent", 2025, 2023, True, pace=True)
    ('giảm 8 xã so với năm 2023', 'giảm 3,0 điểm %/năm')
    """
    one_year = deadline - latest_year == 1
    total = _whole_change_due(needed, deadline - latest_year, awaiting, pace)
    if total is not None:
        text = change_text(total, unit, lang, per_year=False, decimals=0 if unit in INTEGER_UNITS else None)
        return f"{text} {label('from_year_words', lang)} {latest_year}"
    whole = whole_units_over(needed, unit, deadline - latest_year)
    if whole is not None:  # "giảm 2 ấp từ năm 2024 đến năm 2030", not "giảm 0,3 ấp/năm"
        text = change_text(whole, unit, lang, per_year=False)
        return f"{text} {label('from_to_years', lang).format(start=latest_year, end=deadline)}"
    text = change_text(needed, unit, lang, per_year=not one_year, decimals=decimals, more_than=more_than)
    if not one_year:
        return text
    if awaiting:
        return f"{text} {label('from_year_words', lang)} {latest_year}"
    return f"{text} {label('in_year_words', lang)} {deadline}"


HOLDING_MARK = "‡"
"""Beside a chance that is the chance of holding a target met already to its deadline."""


def _deadline_of(row: pd.Series) -> int:
    # dashboard rows are indexed by deadline; an assessment row being built is a dict ("in" reads both)
    return int(row["deadline"] if "deadline" in row else row.name)


def is_holding(row: pd.Series) -> bool:
    """Met already, before the deadline: its chance is the chance of still meeting it then
    (shown with :data:`HOLDING_MARK`), whatever the verdict that chance gives ("latest_met"; a
    row without it: when the verdict is "achieved").

    >>> row = pd.Series({"verdict": "achieved", "latest_year": 2024, "deadline": 2025})
    >>> is_holding(row), is_holding(row.copy().replace({2025: 2024})), is_holding(row.replace({"achieved": "on_track"}))
    (True, False, False)
    >>> is_holding(pd.Series({"verdict": "needs_acceleration", "latest_met": True, "latest_year": 2024,
    ...                       "deadline": 2025}))
    True
    """
    met = row["latest_met"] if "latest_met" in row.index and not is_missing(row["latest_met"]) \
        else row["verdict"] == "achieved"
    return bool(met) and row["verdict"] not in ("", "no_data") and not is_missing(row["latest_year"]) \
        and _deadline_of(row) > int(row["latest_year"])


def ratio_below_one(ratio: float) -> bool:
    """A pace against the pace needed that falls short as printed (two decimals): "gần đủ" at 0,97,
    "đủ" at 0,998, which prints "1,00".

    >>> ratio_below_one(0.971), ratio_below_one(0.998), ratio_below_one(1.02)
    (True, False, False)
    """
    return half_up(float(ratio), 2) < 1


def is_benchmark(row: pd.Series) -> bool:
    """A commune held to a level of its own that the plan does not set (T14: its Khmer share of
    the population; the plan's 20 % is the district's), for every deadline: the assessment's
    ``benchmark`` column; a row without it: one whose origin is that reading.

    >>> is_benchmark(pd.Series({"benchmark": True, "origin": "assumption"})), is_benchmark(pd.Series({"origin": "plan"}))
    (True, False)
    >>> is_benchmark(pd.Series({"origin": "reading"})), is_benchmark(pd.Series({"benchmark": float("nan")}))
    (True, False)
    """
    if "benchmark" in row.index and not is_missing(row["benchmark"]):
        return bool(row["benchmark"])
    return row.get("origin") == "reading"


def deadline_figure_in(row: pd.Series) -> bool:
    """The deadline year's own figure is in and decided the verdict ("Đã đạt" in 2022): there is
    no chance left to give.

    >>> deadline_figure_in(pd.Series({"verdict": "achieved", "latest_year": 2024, "deadline": 2022}))
    True
    """
    return row["verdict"] in ("achieved", "deadline_missed") and not is_missing(row["latest_year"]) \
        and _deadline_of(row) <= int(row["latest_year"])


def chance_shown(row: pd.Series, lang: str = "vi") -> str:
    """The chance as every table shows it: "83 %", "57 %‡" for a target met already (the chance
    of still meeting it at the deadline), "–" once the deadline's figure is in or with no target.

    >>> row = pd.Series({"verdict": "achieved", "latest_year": 2024, "deadline": 2025, "probability": 0.571})
    >>> chance_shown(row), chance_shown(row.copy().replace({2025: 2022})), \\
    ...     chance_shown(row.copy().replace({"achieved": "off_track", 0.571: 0.004}))
    ('57 %‡', '–', '< 1 %')
    """
    if row["verdict"] in ("", "no_data") or is_missing(row["probability"]) or deadline_figure_in(row):
        return "–"
    return chance_text(row["probability"], lang) + (HOLDING_MARK if is_holding(row) else "")


def reach_text(row: pd.Series, lang: str = "vi") -> str:
    """The year a target is met, as the summary sheet says it: a year a figure met it, for a level
    met since then (``reach_met``): "đã đạt từ 2018" ("≤ 2019": since the first figure); a projected
    one as it is.

    >>> def reach(text, met=True): return reach_text(pd.Series({"reach": text, "reach_met": met}))
    >>> reach("2018"), reach("2027", met=False), reach("Chưa đạt đến năm 2035", met=False), reach("2024")
    ('đã đạt từ 2018', '2027', 'Chưa đạt đến năm 2035', 'đã đạt từ 2024')
    >>> reach_text(pd.Series({"reach": "≤ 2019", "reach_met": True}), "en")
    'met since 2019 (the first figure)'
    """
    text = str(row["reach"])
    if not text or text == "<NA>":
        return "–"
    if text == "not_by_2035":
        return label(text, lang)
    if text.startswith("≤ "):
        return label("reach_since_first", lang).format(year=text[2:])
    if text.isdigit() and bool(row["reach_met"]):
        return label("reach_since", lang).format(year=text)
    return text
