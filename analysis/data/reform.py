"""Reading an area code with its year, across the July 2025 reform.

A new commune of 1/7/2025 reuses the GSO code of one of its old units (xã Cầu Ngang keeps 29416,
the code of the old town of Cầu Ngang), so a code alone no longer names one place. The rule for
yearly figures (data/admin_reforms.yaml, ``first_year``): a figure for 2024 or earlier is on the
old units; a figure for 2025 or later — the year-end review the new communes make — is on the new
units. :func:`resolve_areas` applies it to every row of an observation file:

- a code written for 2025 or later that a new commune carries is read as that new commune;
- an old unit written for 2025 or later is refused, naming the new commune it went into
  ("xã Mỹ Long Bắc đã sáp nhập vào xã Mỹ Long từ 1/7/2025: ghi số liệu cho xã Mỹ Long, mã 29419");
- the abolished district is refused likewise, naming the new communes; the merged province from
  the year after the merger (a figure for 2025 itself may describe its first half);
- a new commune written for a year before 2025 is refused, naming the old units it was made of.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..text import in_sentence
from .catalogue import Reform

__all__ = ["Refusal", "resolve_areas", "areas_on_map", "retired_notes", "short_date", "part_inside"]


@dataclass(frozen=True)
class Refusal:
    """A row whose area does not exist in its year: the problem kind and its fields."""

    index: int
    kind: str
    fields: dict


def short_date(day, lang: str = "vi") -> str:
    """A date ("2025-07-01" or a timestamp) as a document in ``lang`` writes it.

    >>> short_date("2025-07-01"), short_date("2025-07-01", "en")
    ('1/7/2025', '1 July 2025')
    """
    day = pd.Timestamp(day)
    return f"{day.day}/{day.month}/{day.year}" if lang == "vi" else f"{day.day} {day:%B %Y}"


def unit_name(areas: pd.DataFrame, code: str) -> str:
    """An area's name as it stands inside a Vietnamese sentence ("xã Hiệp Mỹ Tây")."""
    return in_sentence(areas.at[code, "name_vi"])


def merged_into(code: str, areas: pd.DataFrame) -> str | None:
    """The new commune an old commune or town was merged into on 1/7/2025 (its catalogue code),
    None for any other area (the district continues as the former district's area; a province is
    not a commune).

    >>> from analysis.data.catalogue import load_areas
    >>> areas = load_areas()
    >>> merged_into("29428", areas), merged_into("29431-2025", areas), merged_into("848", areas), merged_into("84", areas)
    ('29416-2025', None, None, None)
    """
    if code not in areas.index or areas.at[code, "kind"] not in ("commune", "town"):
        return None
    successor = areas.at[code, "successor_code"]
    return successor if isinstance(successor, str) and successor in areas.index else None


def merged_fields(code: str, year: int, areas: pd.DataFrame, reform: Reform) -> dict:
    """What the "merged_into" problem says of an old unit (``code``, the catalogue's) named for
    ``year``: the new commune that took it over, its code as typed, and the old units it is made of.

    >>> from analysis.data.catalogue import load_areas, load_reforms
    >>> fields = merged_fields("29455", 2026, load_areas(), load_reforms()[0])
    >>> fields["successor"], fields["code"], fields["parts"]
    ('xã Hiệp Mỹ', '29455', 'xã Long Sơn, xã Hiệp Mỹ Đông, xã Hiệp Mỹ Tây')
    """
    successor = areas.at[code, "successor_code"]
    parts = ", ".join(unit_name(areas, old) for old in reform.predecessors(successor))
    return {"area": unit_name(areas, code), "successor": unit_name(areas, successor), "year": int(year),
            "code": areas.at[successor, "gso_code"] or successor, "parts": parts, "parts_en": parts,
            "successor_code": successor, "date": short_date(reform.date), "date_en": short_date(reform.date, "en"),
            "first_year": reform.first_year}


def resolve_areas(codes: pd.Series, years: pd.Series, areas: pd.DataFrame,
                  reforms: tuple[Reform, ...]) -> tuple[pd.Series, list[Refusal]]:
    """The area each row is about (its code read with its year), and the rows refused.

    >>> from analysis.data.catalogue import load_areas, load_reforms
    >>> areas, reforms = load_areas(), load_reforms()
    >>> codes = pd.Series(["29416", "29416", "29422", "29530", "848"])
    >>> resolved, refused = resolve_areas(codes, pd.Series([2024, 2025, 2026, 2024, 2025]), areas, reforms)
    >>> resolved.tolist()
    ['29416', '29416-2025', '29422', '29530', '848']
    >>> [(r.index, r.kind) for r in refused]
    [(2, 'merged_into'), (3, 'unit_not_yet'), (4, 'district_abolished')]
    >>> refused[0].fields["successor"], refused[0].fields["code"]
    ('xã Mỹ Long', '29419')
    """
    resolved = codes.astype(object).copy()
    refused: list[Refusal] = []
    known = set(areas.index)
    for reform in reforms:
        new_units = areas.index[areas["map"] == "new"]
        by_gso = {areas.at[code, "gso_code"]: code for code in new_units if areas.at[code, "gso_code"]}
        after = years >= reform.first_year
        for i in codes.index[after & codes.isin(by_gso.keys()) & ~codes.isin(new_units)]:
            old = codes[i]
            if old in known and areas.at[old, "successor_code"] != by_gso[old]:
                continue  # an old code a new commune reuses, but not its own successor: refused below
            resolved[i] = by_gso[old]
        for i in codes.index[after & (resolved == codes)]:
            code = codes[i]
            if code not in known or code in new_units:
                continue
            successor = areas.at[code, "successor_code"]
            if areas.at[code, "kind"] == "district" and code == reform.continues:
                communes = [f"{unit_name(areas, c)} ({areas.at[c, 'gso_code']})" for c in sorted(reform.crosswalk)]
                refused.append(Refusal(i, "district_abolished", {
                    "area": unit_name(areas, code), "year": int(years[i]), "communes": ", ".join(communes),
                    "date": short_date(reform.date), "date_en": short_date(reform.date, "en")}))
            elif successor and successor in known and areas.at[successor, "map"] == "new":
                refused.append(Refusal(i, "merged_into", merged_fields(code, int(years[i]), areas, reform)))
            elif code == reform.province_old and int(years[i]) > areas.at[code, "valid_to"].year:
                # a province figure for the reform year itself may describe its first half
                refused.append(Refusal(i, "province_merged", {
                    "area": unit_name(areas, code), "successor": unit_name(areas, reform.province_new),
                    "year": int(years[i]), "code": reform.province_new, "date": short_date(reform.date),
                    "date_en": short_date(reform.date, "en")}))
            elif pd.notna(areas.at[code, "valid_to"]) and areas.at[code, "valid_to"].year < int(years[i]):
                refused.append(Refusal(i, "area_retired", {
                    "area": areas.at[code, "name_vi"], "valid_to": areas.at[code, "valid_to"].strftime("%d/%m/%Y"),
                    "year": int(years[i])}))
        before = years < reform.first_year
        old_codes = set(areas.index[areas["map"] == "old"])
        for i in codes.index[before]:
            code = codes[i]
            unit = code if code in new_units else by_gso.get(code) if code not in old_codes else None
            if unit is None:
                continue
            parts = [f"{unit_name(areas, c)} (mã {c})" for c in reform.predecessors(unit)]
            outside = reform.outside.get(unit)
            refused.append(Refusal(i, "unit_not_yet", {
                "area": unit_name(areas, unit), "year": int(years[i]), "first_year": reform.first_year,
                "date": short_date(reform.date), "date_en": short_date(reform.date, "en"),
                "parts": ", ".join(parts) + (f" (và {outside[0]}, ngoài địa bàn kế hoạch)" if outside else ""),
                "parts_en": ", ".join(parts).replace("mã ", "code ")
                + (f" (and {outside[1]}, outside the plan's area)" if outside else "")}))
    return resolved, sorted(refused, key=lambda r: r.index)


def part_inside(code: str, lang: str = "vi") -> tuple[Reform, str] | None:
    """For a new commune that also holds land from outside the plan's area: the reform and its
    old units inside the area, named as in a sentence (its figures before the reform are theirs
    only); None for any other area.

    >>> reform, old = part_inside("29530-2025")
    >>> old, reform.first_year, part_inside("29530-2025", "en")[1], part_inside("29431-2025")
    ('xã Thạnh Hòa Sơn', 2025, 'Thạnh Hòa Sơn commune', None)
    """
    from .catalogue import load_areas, load_reforms

    areas = load_areas()
    for reform in load_reforms():
        if code in reform.outside:
            names = [areas.at[old, f"name_{lang}"] for old in reform.predecessors(code) if old in areas.index]
            return reform, ", ".join(in_sentence(name, lang) if lang == "vi" else name for name in names)
    return None


def crosswalk_table(lang: str = "vi") -> pd.DataFrame:
    """The July 2025 crosswalk as a table: each new commune, its code, the old units it was
    made of (with their codes) and the legal clause (NQ 1687/NQ-UBTVQH15).

    >>> table = crosswalk_table()
    >>> table.iloc[1].tolist()
    ['Xã Mỹ Long', '29419', 'Thị trấn Mỹ Long (29419), Xã Mỹ Long Bắc (29422), Xã Mỹ Long Nam (29425)', 'khoản 46']
    """
    from .catalogue import load_areas, load_reforms

    areas, reform = load_areas(), load_reforms()[-1]
    vi = lang == "vi"
    rows = []
    for new, olds in reform.crosswalk.items():
        parts = ", ".join(f"{areas.at[old, 'name_vi' if vi else 'name_en']} ({old})" for old in olds)
        if new in reform.outside:
            # the old commune outside the plan's area had the code the new commune keeps
            parts += f"; {reform.outside[new][0 if vi else 1]} ({areas.at[new, 'gso_code']})"
        rows.append({
            ("Xã mới (tỉnh Vĩnh Long)" if vi else "New commune (Vĩnh Long)"): areas.at[new, "name_vi" if vi else "name_en"],
            ("Mã mới" if vi else "New code"): areas.at[new, "gso_code"],
            ("Gồm các đơn vị cũ (mã)" if vi else "Made of the old units (codes)"): parts,
            ("Căn cứ" if vi else "Basis"): f"{'khoản' if vi else 'clause'} {reform.clauses[new]}",
        })
    return pd.DataFrame(rows)


def areas_on_map(codes: list[str] | None, map: str, areas: pd.DataFrame) -> list[str] | None:
    """Area codes as a planner types them, read on a commune map: on the new map a GSO code
    that a new commune carries means that commune ("29431" → xã Vinh Kim, "29431-2025").

    >>> from analysis.data.catalogue import load_areas
    >>> areas_on_map(["848", "29431", "29434"], "new", load_areas()), areas_on_map(["29431"], "old", load_areas())
    (['848', '29431-2025', '29434'], ['29431'])
    """
    if codes is None or map != "new":
        return codes
    by_gso = {areas.at[code, "gso_code"]: code for code in areas.index[areas["map"] == "new"]}
    return [by_gso.get(code, code) for code in codes]


def retired_notes(codes: list[str] | None, map: str, areas: pd.DataFrame) -> list[str]:
    """A line for each old unit asked for on the new map: it no longer exists, and which new
    commune took it over (its figures stop in 2024).

    >>> from analysis.data.catalogue import load_areas
    >>> print(retired_notes(["848", "29434"], "new", load_areas())[0])  # doctest: +NORMALIZE_WHITESPACE
    Lưu ý: 29434 (Xã Kim Hòa) không còn từ 1/7/2025, đã nhập vào Xã Vinh Kim (29431-2025); số liệu của địa bàn
    cũ chỉ đến năm 2024. / Note: 29434 (Kim Hòa commune) ended on 1/7/2025 and is part of Vinh Kim commune
    (29431-2025); the old unit's figures stop in 2024.
    """
    if not codes or map != "new":
        return []
    notes = []
    for code in codes:
        successor = merged_into(code, areas)
        if successor is None:
            continue
        old, new = areas.loc[code], areas.loc[successor]
        notes.append(f"Lưu ý: {code} ({old['name_vi']}) không còn từ 1/7/2025, đã nhập vào {new['name_vi']} "
                     f"({successor}); số liệu của địa bàn cũ chỉ đến năm 2024. / Note: {code} ({old['name_en']}) "
                     f"ended on 1/7/2025 and is part of {new['name_en']} ({successor}); the old unit's figures stop "
                     "in 2024.")
    return notes
