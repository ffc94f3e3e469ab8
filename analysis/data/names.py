"""Areas and indicators typed by name: the codes they stand for, and "did you mean" hints.

An office writes "Xã Vinh Kim", "xa vinh kim" or "Vinh Kim" where a code is asked for, a
merged commune's old name after the reform, or an id with a typo; each gets the code to write
(or, for ``--area``, is taken for its code when only one area fits).
"""

from __future__ import annotations

import difflib
from typing import Sequence

import pandas as pd

from ..errors import DataError, Problem
from ..text import fold, nfc
from .catalogue import commune_codes, load_areas, load_reforms
from .problems import problem, problem_words
from .reform import merged_fields, merged_into

__all__ = ["area_option_codes", "area_names", "merged_name_hints", "suggestions_for", "GENERIC_HINT",
           "SUGGESTION_LIMIT"]


def area_names(areas: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Area names (folded) → (the code an office writes, the name). The code is the GSO code
    where there is one: "29431" is xã Vinh Kim before the reform and the new xã Vinh Kim from
    2025, read with the row's year; the catalogue's own "29431-2025" is not for typing."""
    typed = {code: str(gso) if isinstance(gso, str) and gso.strip() else code
             for code, gso in areas["gso_code"].items()} if "gso_code" in areas else {}
    names = {fold(n): (typed.get(code, code), n) for code, n in areas["name_en"].items()}
    names.update({fold(n): (typed.get(code, code), nfc(n)) for code, n in areas["name_vi"].items()})
    return names


def merged_name_hints(texts: pd.Series, years: pd.Series, areas: pd.DataFrame) -> dict:
    """For rows naming (by name, not code) a commune merged before the row's year: index → (vi,
    en) words giving its successor's code, with the fix a typed old code gets
    (:func:`~analysis.data.reform.merged_fields`).

    >>> from analysis.data.catalogue import load_areas
    >>> areas = load_areas()
    >>> hints = merged_name_hints(pd.Series(["Kim Hòa", "Kim Hòa", "Xã Vinh Kim"]), pd.Series([2025.0, 2024.0, 2025.0]),
    ...                            areas)
    >>> list(hints), hints[0][0]  # doctest: +NORMALIZE_WHITESPACE
    ([0], 'Xã Kim Hòa đã nhập vào Xã Vinh Kim từ 1/7/2025: ghi một số liệu cho cả xã Vinh Kim (mã 29431, gồm xã
    Kim Hòa, xã Vinh Kim), không ghi riêng phần của xã Kim Hòa: từ năm 2025 số liệu theo xã mới.')

    An old unit whose code the new commune reuses is one of them: "Hiệp Mỹ Tây" for 2026 is not
    xã Hiệp Mỹ (29455), of which it is a third.

    >>> hints = merged_name_hints(pd.Series(["Hiệp Mỹ Tây"]), pd.Series([2026]), areas)
    >>> hints[0][0].startswith("Xã Hiệp Mỹ Tây đã nhập vào Xã Hiệp Mỹ từ 1/7/2025: ghi một số liệu cho cả xã Hiệp Mỹ")
    True
    """
    reforms = load_reforms()
    by_name = {fold(name): code for column in ("name_en", "name_vi") for code, name in areas[column].items()}
    out = {}
    for index, text in texts.items():
        year = years.get(index)
        # "Kim Hòa" for xã Kim Hòa; a bare "Cầu Ngang" stays ambiguous (district, town, new commune). The
        # name, not the code a new commune may reuse, says which unit is meant
        code = by_name.get(fold(str(text))) or by_name.get(fold(f"Xã {text}"))
        successor = None if code is None else merged_into(code, areas)
        if successor is None or pd.isna(year):
            continue
        reform = next((r for r in reforms if int(year) >= r.first_year), None)
        if reform is None:
            continue  # named before the reform: the old unit's own figure
        fields = merged_fields(code, int(year), areas, reform)
        old, new = areas.loc[code], areas.loc[successor]
        vi, en = problem_words("merged_into", fields)[2:]
        # the text typed is quoted in the message itself; the fix is the one a typed old code gets
        out[index] = (f"{nfc(old['name_vi'])} đã nhập vào {nfc(new['name_vi'])} từ {fields['date']}: {vi}",
                      f"{old['name_en']} was merged into {new['name_en']} on {fields['date_en']}: {en}")
    return out


SUGGESTION_LIMIT = 10_000
"""Distinct unknown values given a "did you mean" each; beyond that (a wrong export, not an
office's typing) the others get the generic advice, which keeps checking fast."""


GENERIC_HINT = ("dùng một mã có trong danh mục.", "use an id listed in the catalogue.")


_TOTAL_WORDS = {"cong", "tong", "tong cong", "tong so", "cong chung", "toan huyen", "ca huyen", "total", "sum"}
"""A sheet's total row as its area ("Cộng", "Tổng cộng", "Toàn huyện"), folded."""

TOTAL_ROW_HINT = (
    "đây là dòng tổng cộng? Nếu nó cộng các xã ở trên, xóa dòng này: công cụ tự cộng các xã thành số liệu huyện "
    "(và địa bàn huyện cũ từ năm 2025); nếu là số liệu do huyện báo cáo (năm 2024 trở về trước), ghi mã 848.",
    "is this the total row? If it adds up the communes above, delete it: the workbench adds the communes up "
    "into the district (and the former district from 2025); if it is a figure the district reported (2024 or "
    "before), write code 848.")


def suggestions_for(texts, choices: list[str], names: dict[str, tuple[str, str]],
           what: str = "area") -> dict[str, tuple[str, str]]:
    """Suggestions for the first :data:`SUGGESTION_LIMIT` distinct texts (the rest get the generic one);
    a sheet's total row ("Cộng") as an area is told what to do with it.

    >>> suggestions_for(["Tổng cộng"], [], {})["Tổng cộng"][0][:31]
    'đây là dòng tổng cộng? Nếu nó c'
    """
    return {text: TOTAL_ROW_HINT if what == "area" and fold(text).strip(" :.") in _TOTAL_WORDS
            else _suggest(text, choices, names, what) for text in texts[:SUGGESTION_LIMIT]}


_NAME_OF = {"area": ("tên địa bàn", "an area name"), "indicator": ("tên chỉ tiêu", "an indicator's name")}


def _suggest(text: str, choices: list[str], names: dict[str, tuple[str, str]], what: str = "area") -> tuple[str, str]:
    """Words for "did you mean …": an area or an indicator typed by name (with or without its
    accents), or an id with a typo."""
    key = fold(text)
    if key in names:
        code, name = names[key]
        name_vi, name_en = _NAME_OF[what]
        return (f'"{text}" là {name_vi}; hãy ghi mã {code}.', f'"{text}" is {name_en}; write its code {code}.')
    # "Cau Ngang" names the district, the old town and the new commune: each is offered, shortest
    # name first (a group of communes named after the district last)
    endings = sorted((len(folded), folded) for folded in names if key and folded.endswith(" " + key))
    if endings:
        listed = [f"{names[folded][0]} ({names[folded][1]})" for _, folded in endings[:3]]
        if len(listed) == 1:
            return (f"có phải mã {listed[0]}?", f"did you mean code {listed[0]}?")
        return (f"có phải một trong các mã: {'; '.join(listed)}?", f"did you mean one of the codes: {'; '.join(listed)}?")
    close = difflib.get_close_matches(text, choices, n=3, cutoff=0.6)
    if close:
        listed = ", ".join(close)
        return (f"có phải: {listed}?", f"did you mean: {listed}?")
    # a name with a typo ("Xã Vinh Kiêm"): the names it is close to, with their codes
    named = difflib.get_close_matches(key, list(names), n=3, cutoff=0.8)
    if named:
        listed = "; ".join(dict.fromkeys(f"{names[n][0]} ({names[n][1]})" for n in named))
        return (f"có phải mã {listed}?", f"did you mean code {listed}?")
    return GENERIC_HINT


_AREA_EXAMPLES = {
    None: ("848 (huyện), 29431 (Xã Vinh Kim từ 1/7/2025) hoặc 29434 (Xã Kim Hòa đến 30/6/2025)",
           "848 (district), 29431 (Vinh Kim commune from 1 July 2025) or 29434 (Kim Hòa commune to 30 June 2025)"),
    "new": ("848 (địa bàn huyện cũ) hoặc 29431 (Xã Vinh Kim)", "848 (the former district) or 29431 (Vinh Kim commune)"),
    "old": ("848 (huyện) hoặc 29434 (Xã Kim Hòa)", "848 (district) or 29434 (Kim Hòa commune)"),
}
"""Codes to give as examples for ``--area``, on either commune map (and for a map not chosen yet)."""


def area_option_codes(typed: Sequence[str], map_name: str | None = None, areas: pd.DataFrame | None = None) -> list[str]:
    """The area codes meant by ``--area``: a code as written, or an area's name ("Xã Vinh Kim",
    with or without accents) for its code; otherwise :class:`~analysis.DataError` naming each
    unknown one with the names or codes it is close to, and examples on the ``map_name`` map.

    >>> area_option_codes(["848", "Xã Vinh Kim", "xa vinh kim", "Vinh Kim"])
    ['848', '29431', '29431', '29431']
    >>> area_option_codes(["29530"], "new")  # xã Ngũ Lạc by the code its office writes
    ['29530-2025']
    >>> area_option_codes(["Xã Vinh Kiêm"], "new")
    Traceback (most recent call last):
    ...
    analysis.errors.DataError: ... "Xã Vinh Kiêm" ... có phải mã 29431 (Xã Vinh Kim)? ...
    """
    areas = load_areas() if areas is None else areas
    # names are offered for the areas a report is made for: the district and its communes
    local = areas[areas["kind"].isin(["district", "commune", "town"])]
    names = area_names(local if map_name is None else local[local["map"].isin(["", map_name])])
    # each folded name with the areas (of either map) that carry it; area_names keeps one typed code a name
    carried: dict[str, set[str]] = {}
    for code, row in local.iterrows():
        for name in (row["name_vi"], row["name_en"]):
            carried.setdefault(fold(str(name)), set()).add(code)
    codes, problems = [], []
    for text in (str(t).strip() for t in typed):
        if text in areas.index:
            codes.append(text)
            continue
        # the code an office writes for a new commune with a code of its own (29530, xã Ngũ Lạc), as in
        # its files and the template
        by_gso = [code for code in local.index if str(local.at[code, "gso_code"]) == text
                  and local.at[code, "map"] in ("", map_name or local.at[code, "map"])]
        if len(by_gso) == 1:
            codes.append(by_gso[0])
            continue
        key = fold(text)
        # "Vinh Kim" for xã Vinh Kim; "Cầu Ngang" (district, town, commune) is asked
        named = carried.get(key) or {code for name, held in carried.items() if name.endswith(" " + key) for code in held}
        found = _named_on_map(named, text, map_name, local)
        if isinstance(found, str):
            codes.append(found)
            continue
        if found is not None:
            problems.append(found)
            continue
        vi, en = _suggest(text, list(local.index), names)
        if (vi, en) == GENERIC_HINT:
            example_vi, example_en = _AREA_EXAMPLES[map_name]
            if map_name == "new":  # six to choose from: each named, an office finds its own among them
                listed = [(areas.at[code, "gso_code"] or code, areas.at[code, "name_vi"], areas.at[code, "name_en"])
                          for code in commune_codes(areas, map="new")]
                example_vi = "848 (địa bàn huyện cũ) hoặc mã một xã: " + ", ".join(f"{c} ({n})" for c, n, _ in listed)
                example_en = "848 (the former district) or a commune's code: " + ", ".join(
                    f"{c} ({n})" for c, _, n in listed)
            vi, en = f"ghi mã hoặc tên một địa bàn, ví dụ {example_vi}.", f"give an area's code or name, e.g. {example_en}."
        problems.append(problem("unknown_area", "--area", None, None, text=text, suggest_vi=vi, suggest_en=en))
    if problems:
        raise DataError(problems)
    return codes


def _named_on_map(named: set[str], text: str, map_name: str | None, areas: pd.DataFrame) -> str | Problem | None:
    """The code of the one area ``named`` means on ``map_name`` (a typed code, read with the map,
    when the map is not chosen yet); a problem when the name is of a unit of the other map that
    its code would swap for another (xã Cầu Ngang of 2025 on the old map is the town; the town on
    the new map is the new xã); None when nothing or several areas fit."""
    if not named:
        return None
    typed = {code: str(areas.at[code, "gso_code"] or code) for code in named}
    if map_name is None:
        return typed.popitem()[1] if len(set(typed.values())) == 1 else None
    on_map = [code for code in named if areas.at[code, "map"] in ("", map_name)]
    if len(on_map) == 1:
        return on_map[0]
    if on_map:
        return None
    code = sorted(named)[0] if len(named) == 1 else None
    if code is None:
        return None
    takes = areas.index[(areas["gso_code"] == typed[code]) & (areas["map"] == map_name)]
    if not len(takes):
        return code  # an old unit on the new map: shown as it was, with a note naming its successor
    name, other = nfc(str(areas.at[code, "name_vi"])), nfc(str(areas.at[takes[0], "name_vi"]))
    name_en, other_en = str(areas.at[code, "name_en"]), str(areas.at[takes[0], "name_en"])
    other_map = "new" if map_name == "old" else "old"
    return Problem("--area", None, None,
                   f'"{text}" là {name}, trên bản đồ xã {"mới" if other_map == "new" else "cũ"}; trên bản đồ đang '
                   f'dùng mã {typed[code]} là {other}.',
                   f'"{text}" is {name_en}, on the {other_map} commune map; on the map in use code {typed[code]} is '
                   f"{other_en}.",
                   f"thêm --map {other_map} để báo cáo {name}, hoặc ghi tên một địa bàn của bản đồ đang dùng.",
                   f"add --map {other_map} to report on {name_en}, or give an area of the map in use.")
