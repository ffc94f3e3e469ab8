"""One headline verdict per target × area × deadline, that never contradicts its chance.

The secondary ``status`` column (Eurostat / Statistics Canada growth-rate ratio, or the SDSN
linear-rate ratio) compares the pace since the plan's baseline with the pace that was needed
from the baseline. It answers "how have we done since 2021?", not "will we make it?", and the
two can disagree: a pace that was enough since 2021 may have slowed in the last years, and a
target near 100 % may be out of reach whatever the pace. The verdict answers the meeting's
question, in this order:

1. no figure at all → ``no_data``; no target for the year (a projection only) → no verdict;
2. the deadline year's figure is in → ``achieved`` if it meets the target, else
   ``deadline_missed`` (the chance is then 1 or 0);
3. fewer than two points on the current standard → ``too_little_data`` (no projection);
4. otherwise the **chance** of meeting the target at the deadline, from the calibrated
   projection, sets the band and the **recent pace** (the mean yearly change over the last
   three years, in the direction of progress) against the **rate needed** (from the
   latest year to the deadline) decides within it:

   - the latest value already meets the target (a level target): ``on_track`` if the chance of
     holding it to the deadline is at least 50 %, else ``met_at_risk`` ("khó giữ mức đã đạt"):
     a level already reached cannot be "sped up", and "khó đạt" beside a figure that meets the
     target reads as a contradiction. "Đã đạt" is said only once the deadline's own figure
     meets it: "Đã đạt" for 2030 beside "Ước đạt" for 2025 (a higher chance), or "Đã đạt,
     chưa bền vững 14 %" for 2030 beside "Ước không đạt 14 %" for 2025, gave one figure two
     readings;
   - chance ≥ 50 %: ``on_track`` if the recent pace is at least 95 % of the rate needed (or
     nothing needs to change), else ``needs_acceleration``;
   - chance < 50 % and a recent pace that would be enough if it lasted (at least 95 % of the
     rate needed): ``slowing`` ("dự báo chậm lại, khó đạt"): the projection expects the pace
     to slow (a share near 100 % rises ever more slowly). "Chuyển biến chậm" or "cần đẩy nhanh"
     beside "tăng 3,0 điểm %/năm, nếu giữ được thì đủ" judged a pace the reason calls enough;
   - chance < 50 % otherwise: ``moving_away`` if the recent pace runs against the target, the
     last year did not turn back and the projection does not bring it nearer by the deadline
     either (a chart whose projected line rises towards the target is not "xa dần mục tiêu"),
     else ``needs_acceleration`` if the chance is at least 20 %, else ``off_track``;
   - no recent pace counted alike yet (one figure since the 2025 reform changed what the series
     counts, the old count having met the target; or one figure in the last years): the chance
     alone, ``on_track`` from 50 %, ``needs_acceleration`` from 20 %, else ``off_track``; the
     reason says why there is no pace.

So ``on_track`` always comes with a chance of at least 50 %, ``achieved`` only with the
deadline's figure, and ``met_at_risk``, ``slowing``, ``off_track`` and ``moving_away`` with less; "speed up"
and "slow progress" are said only of a pace short of the need.

5. A deadline year that has ended without its figure ("chờ số liệu năm 2025") is judged by the
   chance of that year's value, in the words of an end-of-period review, not of progress, on
   the same chance bands: ``likely_met`` ("Ước đạt") at 50 % or more, ``in_doubt`` ("Khó đạt")
   from 20 % to under 50 %, ``likely_missed`` ("Ước không đạt") below 20 %. "Đúng tiến độ" or
   "cần đẩy nhanh tiến độ" for a year that is over asked for speed that can no longer change it.
   A level met by the latest figure is judged the same way, on the chance that the year's figure
   still meets it: "Đã đạt" or "Đã đạt, chưa bền vững" for a year whose figure is awaited was a
   verdict the dashboard's legend for that year does not have ("Đã đạt, chưa bền vững" beside
   25 % read as met), and the reason still says the latest figure met the target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..text import label, register_labels
from ..words import chance_text, is_missing

__all__ = ["VERDICTS", "NEEDS_ATTENTION", "Evidence", "decide", "ON_TRACK_PACE", "RECENT_YEARS", "CHANCE_BANDS"]

VERDICTS = ("achieved", "likely_met", "on_track", "met_at_risk", "needs_acceleration", "slowing", "in_doubt",
            "likely_missed", "off_track", "moving_away", "deadline_missed", "too_little_data", "no_data")
"""The verdict keys, best first; a projection-only row has the verdict ""."""
NEEDS_ATTENTION = ("met_at_risk", "needs_acceleration", "slowing", "in_doubt", "likely_missed", "off_track",
                   "moving_away", "deadline_missed")
"""The verdicts a report lists among the targets needing attention and gives a slide of their
own: every verdict short of "on track", including "cần đẩy nhanh" (a target at a 49 % chance
whose pace falls short needs the meeting's attention as much as one at 15 %) and a level met
that is unlikely to hold."""

ON_TRACK_PACE = 0.95
"""The recent pace must be at least this share of the rate needed to be "on track" (the
Eurostat / Statistics Canada threshold for the same ratio)."""
RECENT_YEARS = 3
"""The recent pace is the mean yearly change over this many latest years."""
CHANCE_BANDS = (0.5, 0.2)
"""Chance at or above the first: on track or achieved; below the second: off track."""

register_labels({
    "achieved": ("Đã đạt", "Achieved"),
    "likely_met": ("Ước đạt", "Likely met"),
    "in_doubt": ("Khó đạt", "In doubt"),
    "likely_missed": ("Ước không đạt", "Likely missed"),
    "on_track": ("Đúng tiến độ", "On track"),
    "met_at_risk": ("Khó giữ mức đã đạt", "Hard to hold the level met"),
    "needs_acceleration": ("Cần đẩy nhanh tiến độ", "Needs to speed up"),
    "slowing": ("Dự báo chậm lại, khó đạt", "Slowing, unlikely to be met"),
    "off_track": ("Chuyển biến chậm, khó đạt", "Slow progress, unlikely to be met"),
    "moving_away": ("Xa dần mục tiêu", "Moving away from the target"),
    "deadline_missed": ("Không đạt", "Not met"),
    "too_little_data": ("Chưa đủ số liệu", "Too little data"),
    "no_data": ("Không có số liệu", "No data"),
    "projection_only": ("Chỉ dự báo (không có chỉ tiêu)", "Projection only (no target)"),
    "awaiting": ("Chờ số liệu năm {year}", "Awaiting the {year} figure"),
    "r_no_data": ("Chưa có số liệu.", "No figures yet."),
    "r_no_data_communes": ("Chưa có số liệu của toàn địa bàn: mới có số liệu của {names}; số của toàn địa bàn tính "
                           "từ số liệu của tất cả các xã trong cùng năm.",
                           "No figure for the whole area yet: figures only from {names}; the whole area's figure is "
                           "built from every commune's figures of the same year."),
    "r_projection_only": ("Kế hoạch không đặt chỉ tiêu cho năm {deadline}: chỉ dự báo.",
                          "The plan sets no target for {deadline}: a projection only."),
    "r_deadline_met": ("Năm {deadline}: {value}, đạt mục tiêu {target}.", "{deadline}: {value}, target {target} met."),
    "r_deadline_missed": ("Năm {deadline}: {value}, chưa đạt mục tiêu {target}.",
                          "{deadline}: {value}, short of the target {target}."),
    # a commune's benchmark is the workbench's reading, not a target: "chưa đạt mục tiêu ≥ 66,4 %" gave a commune a
    # target the plan never set it
    "r_deadline_met_benchmark": ("Năm {deadline}: {value}, đạt mức so sánh {target}.",
                                 "{deadline}: {value}, benchmark {target} met."),
    "r_deadline_missed_benchmark": ("Năm {deadline}: {value}, chưa đạt mức so sánh {target}.",
                                    "{deadline}: {value}, short of the benchmark {target}."),
    "r_deadline_gap": ("Không có số liệu năm {deadline} để đánh giá.", "No figure for {deadline} to judge by."),
    "r_no_previous": ("Không có số liệu năm {previous} nên chưa tính được mức giảm năm {deadline}.",
                      "No figure for {previous}, so the fall of {deadline} cannot be told."),
    "r_too_few": ("Chỉ có {n} số liệu (năm {latest_year}): chưa đủ để dự báo.",
                  "Only {n} point ({latest_year}): too few to project."),
    "r_flag_met": ("Năm {deadline}: đã đạt.", "{deadline}: met."),
    "r_flag_missed": ("Năm {deadline}: chưa đạt.", "{deadline}: not met."),
    "r_met_now": ("Đã đạt năm {latest_year} ({latest}); khả năng giữ được đến năm {deadline}: {chance}{weakest}.",
                  "Met in {latest_year} ({latest}); chance of holding it to {deadline}: {chance}{weakest}."),
    # the year it last fell short says why the chance is low: "100 %" beside "chỉ 14 %" alone read as a fault
    "r_met_now_at_risk": ("Đã đạt năm {latest_year} ({latest}{dip}) nhưng khả năng giữ được đến năm {deadline} chỉ "
                          "{chance}{weakest}.",
                          "Met in {latest_year} ({latest}{dip}), but the chance of holding it to {deadline} is only "
                          "{chance}{weakest}."),
    # met since an earlier year, said from then: "Đã đạt năm 2026" read as first met in 2026 beside the summary
    # sheet's "đã đạt từ 2025" (and "Met in 2026" more so)
    "r_met_since": ("Đã đạt từ năm {met_since} (năm {latest_year}: {latest}); khả năng giữ được đến năm "
                    "{deadline}: {chance}{weakest}.",
                    "Met since {met_since} ({latest_year}: {latest}); chance of holding it to {deadline}: "
                    "{chance}{weakest}."),
    "r_met_since_at_risk": ("Đã đạt từ năm {met_since} (năm {latest_year}: {latest}{dip}) nhưng khả năng giữ được "
                            "đến năm {deadline} chỉ {chance}{weakest}.",
                            "Met since {met_since} ({latest_year}: {latest}{dip}), but the chance of holding it to "
                            "{deadline} is only {chance}{weakest}."),
    "r_dip": ("; năm {year} chỉ {value}", "; only {value} in {year}"),
    # a level is held to the deadline only if it holds every year: its chance is that of the hardest year
    "r_weakest": (" (năm khó giữ nhất: {year})", " (hardest year to hold: {year})"),
    "r_pace_enough": ("{recent_span} {recent}, {enough} so với mức cần {needed}; khả năng đạt {chance}.",
                      "{recent_span}: {recent}, {enough}, as {needed} is needed; chance {chance}."),
    # a pace from ON_TRACK_PACE of the need up to the need counts as enough: "đủ" beside a smaller figure read wrong
    "enough": ("đủ", "enough"),
    "held_level": ("giữ nguyên", "held level"),
    "nearly_enough": ("gần đủ", "nearly enough"),
    "r_hold": ("Cần giữ mức năm {latest_year}; khả năng đạt {chance}.", "The {latest_year} level needs holding; chance {chance}."),
    "r_flow": ("Cần {needed} mỗi năm; {recent_span} bình quân {recent}; khả năng đạt {chance}.",
               "Needs {needed} every year; {recent_span} averaged {recent}; chance {chance}."),
    "r_chance_but_slow": ("Khả năng đạt {chance}, nhưng {recent_span} chỉ {recent}, chưa bằng mức cần {needed}.",
                          "Chance {chance}, but in {recent_span} only {recent}, while {needed} is needed."),
    "r_chance_but_away": ("Khả năng đạt {chance}, nhưng {recent_span} {recent}, ngược hướng {aim} (cần {needed}).",
                          "Chance {chance}, but in {recent_span}: {recent}, away from {aim}, while {needed} is needed."),
    "r_short": ("Cần {needed}, trong khi {recent_span} {recent}; khả năng đạt {chance}.",
                "Needed: {needed}; {recent_span}: {recent}; chance {chance}."),
    # "đủ" only for a pace at or above what was needed from the start; from 95 % of it (the Eurostat band
    # that still counts as on track) "gần đủ": 0,32 a year called "đủ" beside "cần 0,4" read as a contradiction
    "r_since_base_enough": ("Tốc độ từ {base_year} {since_enough}, nhưng {recent_span} chậm lại ({recent}, cần {needed}); "
                            "khả năng đạt {chance}.",
                            "The pace since {base_year} was {since_enough}, but it slowed in {recent_span} ({recent}, "
                            "while {needed} is needed); chance {chance}."),
    "r_since_base_enough_needs_more": (
        "Tốc độ từ {base_year} ({since}) {since_enough} so với mức cần tính từ đầu kỳ ({since_need}), nhưng để đạt "
        "cần {needed}; khả năng đạt {chance}.",
        "The pace since {base_year} ({since}) was {since_enough} for what was needed from the start ({since_need}), "
        "but to meet it: {needed}; chance {chance}."),
    # the pace would do if it lasted; the projection, below the goal, says it will not: say both, so that
    # "chuyển biến chậm" / "cần đẩy nhanh" reads as what the projection expects, not as the past
    "r_pace_enough_projection_short": (
        "{recent_span} {recent}, nếu giữ được thì {enough} (cần {needed}), nhưng dự báo tốc độ chậm lại: "
        "năm {deadline} {short_word} {projected} (cần {goal}); khả năng đạt {chance}.",
        "{recent_span}: {recent}, {enough} if it lasted ({needed} needed), but the projection expects "
        "it to slow: {short_word} {projected} in {deadline} (needed: {goal}); chance {chance}."),
    "r_pace_enough_level_held": (
        "{recent_span} {recent}, nếu giữ được thì {enough} (cần {needed}), nhưng {points} số liệu là quá ít để dự "
        "báo theo xu hướng: dự báo giữ mức mới nhất, năm {deadline} {short_word} {projected} (cần {goal}); khả năng "
        "đạt {chance}.",
        "{recent_span}: {recent}, {enough} if it lasted ({needed} needed), but {points} points are too few to "
        "project a trend: the projection keeps the latest value, {short_word} {projected} in {deadline} (needed: "
        "{goal}); chance {chance}."),
    "r_pace_enough_but_unlikely": (
        "{recent_span} {recent}, nếu giữ được thì {enough} (cần {needed}), nhưng theo dự báo khả năng đạt "
        "chỉ {chance}.",
        "{recent_span}: {recent}, {enough} if it lasted ({needed} needed), but the projection gives a "
        "chance of only {chance}."),
    "r_pace_unknown": ("Cần {needed}; {pace_unknown}; khả năng đạt {chance}.",
                       "Needed: {needed}; {pace_unknown}; chance {chance}."),
    "r_turned": ("Riêng năm {latest_year} đã {change}, theo hướng {aim}.",
                 "In {latest_year} alone it moved {change}, towards {aim}."),
    "r_moving_away": ("{recent_span} {recent}, ngược hướng {aim}; khả năng đạt {chance}.",
                      "{recent_span}: {recent}, away from {aim}; chance {chance}."),
    # what a commune's T14 is compared with is the workbench's benchmark, not a target the plan set it
    "aim": ("mục tiêu", "the target"),
    "aim_benchmark": ("mức so sánh", "the benchmark"),
})


@dataclass
class Evidence:
    """What the verdict rests on, for one target × area × deadline."""

    deadline: int
    n_points: int
    has_target: bool = True
    latest_year: int | None = None
    latest_met: bool = False
    """The latest value meets the target (level targets; False for yearly ones)."""
    deadline_known: bool = False
    """The deadline is a year with data."""
    deadline_met: bool | None = None
    """Whether the deadline year's figure meets the target (None: no figure that year)."""
    probability: float = float("nan")
    recent: float = float("nan")
    """Recent yearly change in the direction of progress (positive is progress)."""
    needed: float = float("nan")
    """Yearly change now needed, in the direction of progress (≤ 0: nothing to gain)."""
    since_base_enough: bool = False
    """The pace since the baseline was enough (the secondary status was on track)."""
    projected_change: float = float("nan")
    """The projection's median at the deadline less the latest value, in the direction of progress."""
    latest_change: float = float("nan")
    """The yearly change between the last two points, in the direction of progress: a series
    that turned back towards the target last year is not "moving away" however its three years
    add up."""
    deadline_passed: bool = False
    """The deadline year has ended and its figure has not arrived ("chờ số liệu năm 2025")."""
    weakest_year: int | None = None
    """A level met already: the year before the deadline whose chance of still meeting it is the
    least and sets the chance of holding it to the deadline, when that chance prints lower than the
    deadline year's own (None otherwise). Said in the reason, so that "Khó giữ mức đã đạt 19 %"
    for 2030 beside "Ước không đạt 19 %" for 2025 reads as one chance, that of 2025."""


def decide(e: Evidence) -> str:
    """The verdict key for the evidence (see the module's rule).

    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.83, recent=0.35, needed=0.11))
    'on_track'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.62, recent=0.10, needed=0.37))
    'needs_acceleration'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.30, recent=0.29, needed=1.05))
    'needs_acceleration'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.03, recent=1.2, needed=13.3))
    'off_track'
    >>> decide(Evidence(2030, 10, latest_year=2024, probability=0.14, recent=-0.05, needed=0.38))
    'moving_away'
    >>> decide(Evidence(2030, 10, latest_year=2024, probability=0.52, recent=-0.05, needed=0.38))
    'needs_acceleration'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.15, recent=-0.8, needed=2.3, latest_change=1.2))
    'off_track'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.15, recent=-0.8, needed=2.3, latest_change=0.04))
    'moving_away'
    >>> decide(Evidence(2025, 10, latest_year=2024, probability=0.15, recent=-0.8, needed=2.3, latest_change=0.04,
    ...                 projected_change=0.85))
    'off_track'
    >>> decide(Evidence(2025, 10, latest_year=2025, deadline_known=True, deadline_met=False))
    'deadline_missed'
    >>> [decide(Evidence(2030, 10, latest_year=2024, latest_met=True, probability=p, recent=0.0, needed=0.0))
    ...  for p in (0.56, 0.31)]
    ['on_track', 'met_at_risk']
    >>> [decide(Evidence(2030, 10, latest_year=2024, probability=p, recent=3.0, needed=2.2)) for p in (0.43, 0.01)]
    ['slowing', 'slowing']
    >>> [decide(Evidence(2030, 10, latest_year=2025, probability=p, needed=1.7)) for p in (0.70, 0.43, 0.1)]
    ['on_track', 'needs_acceleration', 'off_track']
    >>> ended = dict(latest_year=2024, deadline_passed=True, recent=0.1, needed=0.37)
    >>> [decide(Evidence(2025, 10, probability=p, **ended)) for p in (0.62, 0.49, 0.19)]
    ['likely_met', 'in_doubt', 'likely_missed']
    >>> [decide(Evidence(2025, 10, probability=p, latest_met=True, **ended)) for p in (0.67, 0.25)]
    ['likely_met', 'in_doubt']
    """
    if e.n_points == 0:
        return "no_data"
    if not e.has_target:
        return ""
    if e.deadline_known:
        if e.deadline_met is None:
            return "too_little_data"
        return "achieved" if e.deadline_met else "deadline_missed"
    p = e.probability
    if is_missing(p):
        return "too_little_data"
    low_band, off_band = CHANCE_BANDS
    if e.deadline_passed:
        return "likely_met" if p >= low_band else ("in_doubt" if p >= off_band else "likely_missed")
    if e.latest_met:
        return "on_track" if p >= low_band else "met_at_risk"
    if is_missing(e.recent) and not is_missing(e.needed) and e.needed > 0:
        # no pace to weigh yet (one figure since what is counted changed): the chance alone decides
        return "on_track" if p >= low_band else "needs_acceleration" if p >= off_band else "off_track"
    if p >= low_band:
        if _pace_enough(e):
            return "on_track"
        return "needs_acceleration"
    if _pace_would_do(e):
        return "slowing"
    if not is_missing(e.recent) and e.recent < 0 and not _turned(e) and not _projected_back(e):
        return "moving_away"
    return "needs_acceleration" if p >= off_band else "off_track"


TURN_SHARE = 0.25
"""A last year counts as a turn back towards the target when its change is at least this share
of the three years' pace the other way: +1,2 after −0,8 a year is a turn, +0,04 is not."""


def _turned(e: Evidence) -> bool:
    return not is_missing(e.latest_change) and not is_missing(e.recent) \
        and e.latest_change > 0 and e.latest_change >= TURN_SHARE * abs(e.recent)


def _projected_back(e: Evidence) -> bool:
    """The projection brings the series nearer the target by the deadline (a noisy commune
    series that fell is expected to come back part of the way)."""
    return not is_missing(e.projected_change) and e.projected_change > 0


def _pace_enough(e: Evidence) -> bool:
    if is_missing(e.needed) or e.needed <= 0:
        return True
    return not is_missing(e.recent) and e.recent >= ON_TRACK_PACE * e.needed


def _pace_would_do(e: Evidence) -> bool:
    """A change is needed and the recent pace would make it if it lasted (a yearly flow, whose
    "need" is none, is judged on its yearly mean, not here)."""
    return not is_missing(e.needed) and e.needed > 0 and _pace_enough(e)


def reason(verdict: str, e: Evidence, lang: str, words: dict) -> str:
    """One sentence saying why, in ``lang``; ``words`` holds the numbers already in words
    (latest, target, value, recent, needed, base_year …). Deadline-year figures still awaited
    are said first."""
    if verdict in ("likely_met", "in_doubt", "likely_missed"):
        # why is the same as it was before the year ended: the need, the pace and the chance
        verdict = decide(replace(e, deadline_passed=False))
    chance = chance_text(e.probability, lang)
    fields = {"deadline": e.deadline, "latest_year": e.latest_year, "chance": chance,
              "recent_years": RECENT_YEARS, **words,
              "weakest": label("r_weakest", lang).format(year=e.weakest_year) if e.weakest_year else "",
              "dip": label("r_dip", lang).format(**words["dip"]) if words.get("dip") else ""}
    # "gần đủ" only where the printed figures differ: "giảm 3,0 … gần đủ (cần giảm 3,0 …)" read wrong
    short_of_need = (not is_missing(e.needed) and not is_missing(e.recent) and e.recent < e.needed
                     and not math.isclose(e.recent, e.needed, rel_tol=1e-9) and not words.get("same_pace_printed"))
    fields["enough"] = label("nearly_enough" if short_of_need else "enough", lang)
    fields["since_enough"] = label("nearly_enough" if words.get("since_short") else "enough", lang)
    fields["aim"] = label("aim_benchmark" if words.get("benchmark") else "aim", lang)
    if verdict == "no_data":
        key = "r_no_data"
    elif verdict == "":
        key = "r_projection_only"
    elif e.deadline_known:
        if e.deadline_met is None:
            key = "r_no_previous" if words.get("no_previous") else "r_deadline_gap"
            fields["previous"] = e.deadline - 1
        elif words.get("flag"):
            key = "r_flag_met" if e.deadline_met else "r_flag_missed"
        else:
            key = "r_deadline_met" if e.deadline_met else "r_deadline_missed"
            if words.get("benchmark"):
                key += "_benchmark"
    elif verdict == "too_little_data":
        key = "r_too_few"
        fields["n"] = e.n_points
    elif e.latest_met:
        key = "r_met_now" if e.probability >= CHANCE_BANDS[0] else "r_met_now_at_risk"
        if words.get("met_since"):
            key = key.replace("r_met_now", "r_met_since")
    elif words.get("pace_unknown"):
        key = "r_pace_unknown"
    elif words.get("flow"):
        key = "r_flow"
    elif verdict == "on_track":
        key = "r_hold" if is_missing(e.needed) or e.needed <= 0 else "r_pace_enough"
    elif verdict == "moving_away":
        key = "r_moving_away"
    elif verdict == "needs_acceleration" and e.probability >= CHANCE_BANDS[0]:
        key = "r_chance_but_away" if not is_missing(e.recent) and e.recent < 0 else "r_chance_but_slow"
    elif _pace_enough(e):
        key = ("r_pace_enough_but_unlikely" if not words.get("projection_short")
               else "r_pace_enough_level_held" if words.get("level_held") else "r_pace_enough_projection_short")
    elif e.since_base_enough:
        key = "r_since_base_enough" if words.get("slowed") else "r_since_base_enough_needs_more"
    else:
        key = "r_short"
    if key == "r_chance_but_slow" and fields.get("recent") == label("no_change", lang):
        fields["recent"] = label("held_level", lang)  # "chỉ không đổi" does not read; "chỉ giữ nguyên" does
    text = label(key, lang).format(**fields)
    text = text[:1].upper() + text[1:]  # "Từ năm 2021 đến năm 2024 giảm …" opens some of them
    if key in ("r_short", "r_chance_but_away") and _turned(e) and e.recent < 0 and words.get("latest_change"):
        # the three years went the wrong way, the last one the right way: the chart shows both
        text += " " + label("r_turned", lang).format(latest_year=e.latest_year, change=words["latest_change"],
                                                 aim=fields["aim"])
    if words.get("awaiting"):
        text = label("awaiting", lang).format(year=e.deadline) + ". " + text
    return text
