"""The declared data: indicators, measurement standards, areas and the plan's targets.

``load_indicators``, ``load_standards``, ``load_areas`` and ``load_targets`` read the files
under ``data/`` and check them; a malformed file raises :class:`~analysis.DataError` naming
the file, the line (YAML) or row (CSV), the field and what to do. Every text is NFC.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import yaml

from .. import paths
from ..errors import DataError, Problem
from .numbers import classify, format_number
from .problems import problem
from ..text import nfc, nfc_frame

__all__ = [
    "load_indicators",
    "load_standards",
    "load_units",
    "load_areas",
    "load_targets",
    "load_reforms",
    "Reform",
    "commune_codes",
    "TARGET_KINDS",
    "GROUPS",
    "MAPS",
    "INTEGER_UNITS",
]

INTEGER_UNITS = ("households", "persons", "communes", "district_units", "hamlets", "party_members", "pupils",
                 "workers", "flag")
"""Units counted in whole numbers: a figure in them has no decimals, and a projection within
half a unit of the target meets it."""

TARGET_KINDS = (
    "at_least",
    "above",
    "at_most",
    "count_to_zero",
    "yearly_reduction",
    "yearly_flow",
    "share_of_total",
    "qualitative",
)
"""Kinds of target the assessment knows how to read (see data/targets.yaml)."""

RANGE_KINDS = ("yearly_reduction", "yearly_flow")
ORIGINS = ("plan", "assumption", "projection")
"""Where a deadline's value comes from; a ``projection`` deadline has no value and no verdict."""
COMMUNE_SETS = ("all", "rural", "ethnic_minority_area")
"""Which communes a district share of communes counts (data/targets.yaml: ``communes``)."""
GROUPS = ("all", "khmer", "kinh", "hoa", "ethnic_minority")
"""Population groups an observation or a target can refer to."""
AREA_KINDS = ("nation", "region", "province", "district", "town", "commune", "aggregate")
MAPS = ("old", "new")
"""The commune maps: before the July 2025 reform (15 communes and towns of Cầu Ngang district) and
after it (6 communes of Vĩnh Long). Areas that belong to neither (the province, comparators) have none."""
DIRECTIONS = ("increase", "decrease", "none")
AGGREGATES = ("ratio", "sum", "district_reported", "none")


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line each mapping starts on (as ``__line__``)."""

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML hook
        mapping = super().construct_mapping(node, deep=deep)
        if "year" in mapping:
            # a deadline's "value: 99,05" splits into the value 99 and an empty key 05, which YAML reads
            # as the number 5: the key keeps the digits as typed, for the message to quote them
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value.isdigit() and key_node.style is None:
                    key = self.construct_object(key_node)
                    if key in mapping and mapping[key] is None and key != key_node.value:
                        mapping[key_node.value] = mapping.pop(key)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


class DottedThousands(float):
    """A number written the Vietnamese way with a thousands dot ("1.000", "1.500"), which YAML
    reads as a decimal (1.0, 1.5): kept with the text as typed, so that the check can ask for
    it again."""

    text = ""


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value = loader.construct_yaml_float(node)
    if _dot_grouped(node.value):
        dotted = DottedThousands(value)
        dotted.text = node.value
        return dotted
    return value


_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _dot_grouped(text: str) -> bool:
    """Whether a number's whole part is written in groups of three after dots, as Vietnamese writes
    thousands ("1.000", "1.000.000", "1.000,5"; not "0.125" nor "99.7"), as the observation
    files' reader tells it (:func:`~analysis.data.numbers.classify`)."""
    whole = text.split(",")[0]
    return whole[:1].isdigit() and "." in whole and classify(whole) in ("ambiguous", "vi")


def _thousands_meant(text: str, high: float | None) -> bool:
    """Whether dots in a typed number are thousands dots: grouped so, and the whole number fits
    under the indicator's ``high`` bound (99.725 of a percentage is a decimal).

    >>> _thousands_meant("1.000", None), _thousands_meant("1.000", 100.0), _thousands_meant("99.725", None)
    (True, False, True)
    """
    return _dot_grouped(text) and (high is None or float(text.split(",")[0].replace(".", "")) <= high)


def _items(mapping: dict) -> list[tuple[str, Any]]:
    """The entries of a YAML mapping, without the loader's ``__line__`` bookkeeping."""
    return [(k, v) for k, v in mapping.items() if k != "__line__"]


def _read_yaml(path: Path) -> Any:
    label = _display(path)
    if not path.exists():
        raise DataError([problem("path_not_found", label, None, None)])
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except UnicodeDecodeError:
        raise DataError([problem("encoding", label, None, None)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError([problem("yaml_syntax", label, line, None, detail=detail)]) from None


def _display(path: Path) -> str:
    """A path as a planner would recognise it: relative to the project when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(paths.PROJECT_ROOT))
    except ValueError:
        return str(path)


def _invalid(file: str, line: int | None, field: str, value: Any, reason_vi: str, reason_en: str) -> Problem:
    return problem(
        "catalogue_invalid", file, line, field, text=value, reason_vi=reason_vi, reason_en=reason_en
    )


# ---------------------------------------------------------------------------------------
# indicators, units, standards


@lru_cache(maxsize=8)
def _indicator_file(path: Path) -> dict:
    data = _read_yaml(path)
    label = _display(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise DataError([problem("catalogue_missing", label, None, "indicators")])
    for section in ("units", "standards", "indicators"):
        if not isinstance(data.get(section), dict):
            problems.append(problem("catalogue_missing", label, None, section))
    if problems:
        raise DataError(problems)
    units, standards = data["units"], data["standards"]
    for key, spec in _items(data["indicators"]):
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if not isinstance(spec, dict):
            problems.append(problem("catalogue_missing", label, line, f"{key}.unit"))
            continue
        for field in ("vi", "en", "unit", "direction", "aggregate"):
            if field not in spec:
                problems.append(problem("catalogue_missing", label, line, f"{key}.{field}"))
        checks = [
            ("unit", spec.get("unit"), [k for k, _ in _items(units)]),
            ("direction", spec.get("direction"), DIRECTIONS),
            ("aggregate", spec.get("aggregate"), AGGREGATES),
        ]
        if "standards" in spec:
            checks.append(("standards", spec["standards"], [k for k, _ in _items(standards)]))
        if "weight" in spec:
            checks.append(("weight", spec["weight"], ("households", "population")))
        if "flags" in spec:
            flag_ids = [k for k, v in _items(data["indicators"]) if isinstance(v, dict) and v.get("unit") == "flag"]
            checks.append(("flags", spec["flags"], flag_ids))
        if "counts" in spec:
            count_ids = [k for k, v in _items(data["indicators"]) if isinstance(v, dict) and v.get("unit") == "communes"]
            checks.append(("counts", spec["counts"], count_ids))
        checks += [("reference_groups", group, GROUPS) for group in _reference_groups(spec)]
        for field, value, allowed in checks:
            if value is not None and value not in allowed:
                problems.append(
                    _invalid(label, line, f"{key}.{field}", value,
                             "phải là một trong " + ", ".join(map(str, allowed)),
                             "must be one of " + ", ".join(map(str, allowed)))
                )
    if problems:
        raise DataError(problems)
    return data


def load_units(path: str | Path | None = None) -> pd.DataFrame:
    """Units of measure with their Vietnamese and English labels, indexed by unit id.

    >>> load_units().loc["percent", "en"]
    '%'
    """
    data = _indicator_file(Path(path or paths.INDICATORS_FILE).resolve())
    rows = [{"unit": k, "vi": nfc(v["vi"]), "en": nfc(v["en"])} for k, v in _items(data["units"])]
    return pd.DataFrame(rows).set_index("unit")


def load_standards(path: str | Path | None = None) -> pd.DataFrame:
    """Measurement standards (poverty lines), one row per family × standard.

    ``first_year``/``last_year`` are the years a standard's reviews cover; a series on
    one standard is not comparable with the same series on another.

    >>> s = load_standards()
    >>> int(s.loc[s["standard"] == "2022-2025", "first_year"].item())
    2022
    """
    data = _indicator_file(Path(path or paths.INDICATORS_FILE).resolve())
    rows = []
    for family, items in _items(data["standards"]):
        for item in items:
            rows.append(
                {
                    "family": family,
                    "standard": str(item["id"]),
                    "first_year": item.get("first_year"),
                    "last_year": item.get("last_year"),
                    "projectable": bool(item.get("projectable", True)),
                    "vi": nfc(item["vi"]),
                    "en": nfc(item["en"]),
                }
            )
    frame = pd.DataFrame(rows)
    for column in ("first_year", "last_year"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _reference_groups(spec: dict) -> tuple:
    """An indicator's ``reference_groups``, a list or one group written alone.

    >>> _reference_groups({"reference_groups": ["all"]}), _reference_groups({"reference_groups": "all"}), _reference_groups({})
    (('all',), ('all',), ())
    """
    groups = spec.get("reference_groups") or ()
    return tuple(groups) if isinstance(groups, list) else (groups,) if groups else ()


def load_indicators(path: str | Path | None = None) -> pd.DataFrame:
    """The indicator catalogue, indexed by indicator id.

    Columns: ``vi``, ``en`` (names), ``unit``, ``direction`` (increase / decrease / none),
    ``aggregate`` (ratio / sum / none), ``weight``, ``standards`` (family or empty), ``flags``
    (for a share of communes, the yes/no indicator the communes report), ``reference_groups`` (groups
    whose figures are kept for reference though no target reads them: the whole district's poverty
    rate beside the Khmer one), ``bounds`` ((0, 100) for percentages, (0, None) for counts, (None, None) otherwise).

    >>> ind = load_indicators()
    >>> ind.loc["poverty_rate_households", ["unit", "direction", "standards"]].tolist()
    ['percent', 'decrease', 'poverty']
    >>> ind.loc["poverty_rate_households", "bounds"], ind.loc["poverty_rate_change", "bounds"]
    ((0.0, 100.0), (None, None))
    """
    data = _indicator_file(Path(path or paths.INDICATORS_FILE).resolve())
    rows = []
    for key, spec in _items(data["indicators"]):
        unit = spec["unit"]
        rows.append(
            {
                "indicator": key,
                "vi": nfc(spec["vi"]),
                "en": nfc(spec["en"]),
                "unit": unit,
                "direction": spec["direction"],
                "aggregate": spec["aggregate"],
                "weight": spec.get("weight", ""),
                "standards": spec.get("standards", ""),
                "flags": spec.get("flags", ""),
                "counts": spec.get("counts", ""),
                "reference_groups": _reference_groups(spec),
                "bounds": _bounds_for(unit),
            }
        )
    return pd.DataFrame(rows).set_index("indicator")


def _bounds_for(unit: str) -> tuple[float | None, float | None]:
    if unit == "percent":
        return (0.0, 100.0)
    if unit == "flag":
        return (0.0, 1.0)
    if unit in ("percentage_points", "percent_change"):
        return (None, None)
    return (0.0, None)


# ---------------------------------------------------------------------------------------
# areas

_AREA_SCHEMA = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_length(min_value=1), unique=True, nullable=False),
        "name_vi": pa.Column(str, pa.Check.str_length(min_value=1), nullable=False),
        "name_en": pa.Column(str, pa.Check.str_length(min_value=1), nullable=False),
        "kind": pa.Column(str, pa.Check.isin(AREA_KINDS)),
        "map": pa.Column(str, pa.Check.isin(("",) + MAPS)),
        "population_2019": pa.Column(float, pa.Check.ge(0), nullable=True),
        "khmer_2019": pa.Column(float, pa.Check.ge(0), nullable=True),
        "ethnic_minority_share_2019": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: ~(df["khmer_2019"] > df["population_2019"]),
            name="khmer_not_above_population",
            error="khmer_2019 above population_2019",
        )
    ],
    strict=False,
    coerce=True,
)


@lru_cache(maxsize=8)
def _areas_cached(path: Path) -> pd.DataFrame:
    label = _display(path)
    if not path.exists():
        raise DataError([problem("path_not_found", label, None, None)])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = nfc_frame(frame)
    for column in ("population_2019", "khmer_2019", "ethnic_minority_share_2019"):
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    try:
        frame = _AREA_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise DataError(_schema_problems(exc, label, lambda i: int(i) + 2)) from None
    problems = []
    codes = set(frame["code"])
    for i, parent in frame["parent_code"].items():
        if parent and parent not in codes:
            problems.append(
                _invalid(label, int(i) + 2, "parent_code", parent,
                         "không có mã này trong cột code", "no such code in the code column")
            )
    if problems:
        raise DataError(problems)
    frame["ethnic_minority_area"] = frame["ethnic_minority_area"].eq("yes")
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    return frame.set_index("code")


def load_areas(path: str | Path | None = None) -> pd.DataFrame:
    """The areas table (communes, towns, district, province, comparators), indexed by code.

    Codes are GSO codes where one exists (``code_source`` says). The communes made on 1/7/2025
    reuse the GSO code of one of their old units (``gso_code``), so they are indexed as
    ``<code>-2025``; ``map`` says which commune map an area belongs to (old, new or neither);
    ``valid_from``/``valid_to`` and ``successor_code`` record the reform (data/admin_reforms.yaml).

    >>> areas = load_areas()
    >>> areas.loc["848", "name_vi"], int(((areas["parent_code"] == "848") & (areas["map"] == "old")).sum())
    ('Huyện Cầu Ngang', 16)
    >>> areas.loc["29416-2025", ["name_vi", "gso_code", "map"]].tolist(), areas.loc["29428", "successor_code"]
    (['Xã Cầu Ngang', '29416', 'new'], '29416-2025')
    """
    return _areas_cached(Path(path or paths.AREAS_FILE).resolve()).copy()


def commune_codes(areas: pd.DataFrame | None = None, district: str = "848", which: str = "all",
                  map: str = "old") -> list[str]:
    """Codes of the communes and towns of ``district`` on the ``map`` (old or new), in GSO order.

    ``which`` (see ``communes`` in data/targets.yaml): ``all`` communes and towns, ``rural``
    communes only (xã), or the communes in ``ethnic_minority_area`` (QĐ 861/QĐ-TTg; on the new map
    the new communes that hold one of them).

    >>> len(commune_codes()), len(commune_codes(which="rural")), len(commune_codes(which="ethnic_minority_area"))
    (15, 13, 8)
    >>> len(commune_codes(map="new")), len(commune_codes(which="ethnic_minority_area", map="new"))
    (6, 5)
    """
    areas = load_areas() if areas is None else areas
    mask = (areas["parent_code"] == district) & areas["kind"].isin(["commune", "town"]) & (areas["map"] == map)
    if which == "rural":
        mask &= areas["kind"] == "commune"
    elif which == "ethnic_minority_area":
        mask &= areas["ethnic_minority_area"]
    elif which != "all":
        raise ValueError(f"which must be one of {COMMUNE_SETS}, not {which!r}")
    return sorted(areas.index[mask])


@dataclass(frozen=True)
class Reform:
    """One administrative reform that breaks commune series (data/admin_reforms.yaml)."""

    id: str
    date: str
    first_year: int
    """Yearly figures for this year and later are on the new units."""
    line_vi: str
    line_en: str
    summary_vi: str
    summary_en: str
    source: str
    crosswalk: dict
    """New unit code → the old unit codes it was made of."""
    clauses: dict
    """New unit code → the legal clause."""
    outside: dict
    """New unit code → (vi, en) what it also holds from outside the area that continues."""
    continues: str
    """The area whose series carries on across the reform, built from the new units."""
    continues_name_vi: str
    continues_name_en: str
    continues_note_vi: str
    continues_note_en: str
    apportion: dict
    """New unit code → the share of it that belongs to the area that continues."""
    apportion_note_vi: str
    apportion_note_en: str
    whole_note_vi: str
    whole_note_en: str
    """What the area that continues says of places (hamlets, communes) and shares of communes,
    which count every new unit whole."""
    province_old: str
    province_new: str

    def predecessors(self, code: str) -> list[str]:
        """The old units a new unit was made of ([] for anything else)."""
        return list(self.crosswalk.get(code, []))

    @property
    def units_before(self) -> int:
        """How many old units the new ones were made of (the former district's 15 communes and towns)."""
        return sum(len(olds) for olds in self.crosswalk.values())

    @property
    def units_after(self) -> int:
        """How many new units there are (6 new communes)."""
        return len(self.crosswalk)


@lru_cache(maxsize=8)
def _reforms_cached(path: Path) -> tuple[Reform, ...]:
    data = _read_yaml(path)
    label = _display(path)
    if not isinstance(data, dict) or not isinstance(data.get("reforms"), list):
        raise DataError([problem("catalogue_missing", label, None, "reforms")])
    reforms = []
    for entry in data["reforms"]:
        if "crosswalk" not in entry:
            continue  # recorded for the record; it changed no unit of the plan's area
        line = entry.get("__line__")
        missing = [f for f in ("id", "date", "first_year", "line_vi", "line_en", "source", "continues")
                   if f not in entry]
        if missing:
            raise DataError([problem("catalogue_missing", label, line, f) for f in missing])
        continues = entry["continues"]
        reforms.append(Reform(
            id=str(entry["id"]), date=str(entry["date"]), first_year=int(entry["first_year"]),
            line_vi=nfc(entry["line_vi"]), line_en=nfc(entry["line_en"]),
            summary_vi=nfc(entry.get("summary_vi", "")), summary_en=nfc(entry.get("summary_en", "")),
            source=nfc(" ".join(str(entry["source"]).split())),
            crosswalk={str(item["new"]): tuple(str(c) for c in item["old"]) for item in entry["crosswalk"]},
            clauses={str(item["new"]): item.get("clause") for item in entry["crosswalk"]},
            outside={str(item["new"]): (nfc(item["outside_vi"]), nfc(item["outside_en"]))
                     for item in entry["crosswalk"] if "outside_vi" in item},
            continues=str(continues["code"]),
            continues_name_vi=nfc(continues["name_vi"]), continues_name_en=nfc(continues["name_en"]),
            continues_note_vi=nfc(continues.get("note_vi", "")), continues_note_en=nfc(continues.get("note_en", "")),
            apportion={str(k): float(v) for k, v in _items(entry.get("apportion") or {})},
            apportion_note_vi=nfc(" ".join(str(entry.get("apportion_note_vi", "")).split())),
            apportion_note_en=nfc(" ".join(str(entry.get("apportion_note_en", "")).split())),
            whole_note_vi=nfc(" ".join(str(entry.get("whole_note_vi", "")).split())),
            whole_note_en=nfc(" ".join(str(entry.get("whole_note_en", "")).split())),
            province_old=str((entry.get("province") or {}).get("old", "")),
            province_new=str((entry.get("province") or {}).get("new", "")),
        ))
    return tuple(reforms)


def load_reforms(path: str | Path | None = None) -> tuple[Reform, ...]:
    """The administrative reforms that changed the plan's communes, oldest first.

    >>> reform = load_reforms()[-1]
    >>> reform.first_year, reform.predecessors("29419-2025"), reform.apportion
    (2025, ['29419', '29422', '29425'], {'29530-2025': 0.32})
    """
    return _reforms_cached(Path(path or paths.ADMIN_REFORMS_FILE).resolve())


def _schema_problems(exc: "pa.errors.SchemaErrors", label: str, row_of) -> list[Problem]:
    """Turn pandera's failure cases into problems naming the row and column."""
    problems = []
    cases = exc.failure_cases.sort_values(["index", "column"], na_position="first", kind="stable")
    for case in cases.itertuples(index=False):
        row = None if pd.isna(case.index) else row_of(case.index)
        column = case.column if isinstance(case.column, str) else None
        problems.append(
            _invalid(label, row, column or "-", case.failure_case,
                     f"không đạt kiểm tra {case.check}", f"fails check {case.check}")
        )
    return problems


# ---------------------------------------------------------------------------------------
# targets

_TARGET_FIELDS = ("id", "vi", "en", "kind", "deadlines", "scope", "plan_section", "plan_line",
                  "plan_sentence", "plan_clause", "office_section", "office_vi", "office_en")


@lru_cache(maxsize=8)
def _targets_cached(path: Path, indicators_path: Path) -> pd.DataFrame:
    data = _read_yaml(path)
    label = _display(path)
    indicators = load_indicators(indicators_path)
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        raise DataError([problem("catalogue_missing", label, None, "targets")])
    plan_start = int(data.get("plan", {}).get("start_year", 2021))
    problems: list[Problem] = []
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for entry in data["targets"]:
        line = entry.get("__line__") if isinstance(entry, dict) else None
        if not isinstance(entry, dict):
            problems.append(problem("catalogue_missing", label, line, "id"))
            continue
        missing = [f for f in _TARGET_FIELDS if f not in entry]
        if entry.get("kind") != "qualitative":
            missing += [f for f in ("indicator", "group") if f not in entry]
        problems += [problem("catalogue_missing", label, line, f) for f in missing]
        if missing:
            continue
        tid = str(entry["id"])
        if tid in seen:
            problems.append(_invalid(label, line, "id", tid,
                                     f"trùng với mục ở dòng {seen[tid]}",
                                     f"repeats the entry on line {seen[tid]}"))
        seen[tid] = line
        mine = _check_target(entry, label, line, indicators)
        problems += mine
        if not mine:  # a row is made only from an entry that passed: "99,5" has no float
            rows.extend(_target_row(entry, deadline, plan_start) for deadline in entry["deadlines"])
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(rows)
    frame["deadline"] = frame["deadline"].astype(int)
    return frame


def _check_target(entry: dict, label: str, line: int, indicators: pd.DataFrame) -> list[Problem]:
    problems = []
    kind = entry["kind"]

    def bad(field, value, vi, en):
        problems.append(_invalid(label, line, field, value, vi, en))

    if kind not in TARGET_KINDS:
        bad("kind", kind, "phải là một trong " + ", ".join(TARGET_KINDS),
            "must be one of " + ", ".join(TARGET_KINDS))
        return problems
    if entry["scope"] not in ("district", "commune", "both"):
        bad("scope", entry["scope"], "phải là district, commune hoặc both",
            "must be district, commune or both")
    if kind != "qualitative":
        own = indicators.at[entry["indicator"], "unit"] if entry["indicator"] in indicators.index else None
        expected = "percentage_points" if kind == "yearly_reduction" else own
        if own is not None and entry.get("unit") != expected:
            bad("unit", entry.get("unit"), f"phải là {expected} (đơn vị của chỉ tiêu {entry['indicator']})",
                f"must be {expected} (the unit of indicator {entry['indicator']})")
        if entry["indicator"] not in indicators.index:
            bad("indicator", entry["indicator"], "không có trong data/indicators.yaml",
                "not in data/indicators.yaml")
        if entry["group"] not in GROUPS:
            bad("group", entry["group"], "phải là một trong " + ", ".join(GROUPS),
                "must be one of " + ", ".join(GROUPS))
    for part in ("numerator", "denominator"):
        spec = entry.get(part)
        if spec is not None and (not isinstance(spec, dict) or spec.get("indicator") not in indicators.index):
            bad(part, spec, "phải ghi indicator (có trong data/indicators.yaml) và group",
                "must give an indicator (from data/indicators.yaml) and a group")
    met_at = entry.get("met_at")
    if met_at is not None:
        levels = {k: v for k, v in _items(met_at)} if isinstance(met_at, dict) else {}
        values = [v for k, v in levels.items() if k not in ("note_vi", "note_en")]
        if not levels or not values or not all(isinstance(v, (int, float)) for v in values) \
                or not set(levels) - {"note_vi", "note_en"} <= {"district", "commune", "value"} \
                or not levels.get("note_vi") or not levels.get("note_en"):
            bad("met_at", met_at, "cần value (hoặc district/commune) là số, kèm note_vi và note_en",
                "needs a number as value (or district/commune), with note_vi and note_en")
    if "communes" in entry and entry["communes"] not in COMMUNE_SETS:
        bad("communes", entry["communes"], "phải là một trong " + ", ".join(COMMUNE_SETS),
            "must be one of " + ", ".join(COMMUNE_SETS))
    commune_target = entry.get("commune_target")
    if commune_target is not None and (not isinstance(commune_target, dict)
                                       or commune_target.get("indicator") not in indicators.index
                                       or not commune_target.get("note_vi")):
        bad("commune_target", commune_target, "cần indicator (có trong data/indicators.yaml), group và note_vi",
            "needs an indicator (from data/indicators.yaml), a group and note_vi")
    if not isinstance(entry["deadlines"], list) or not entry["deadlines"]:
        bad("deadlines", entry["deadlines"], "cần ít nhất một hạn", "needs at least one deadline")
        return problems
    bounds = indicators.loc[entry["indicator"], "bounds"] if entry.get("indicator") in indicators.index else (None, None)
    for deadline in entry["deadlines"]:
        dline = deadline.get("__line__", line) if isinstance(deadline, dict) else line
        if not isinstance(deadline, dict) or not isinstance(deadline.get("year"), int) \
                or not 2021 <= deadline["year"] <= 2035:
            year = deadline.get("year") if isinstance(deadline, dict) else deadline
            problems.append(_invalid(label, dline, "deadlines.year", year,
                                     "năm phải là một số từ 2021 đến 2035, không đặt trong ngoặc kép",
                                     "the year must be a number from 2021 to 2035, not in quotes"))
            continue
        stray = [key for key in deadline if key not in DEADLINE_KEYS]
        if stray:
            problems.append(_stray_keys(label, dline, deadline, stray))
            continue
        if deadline.get("origin") not in ORIGINS:
            problems.append(_invalid(label, dline, "deadlines.origin", deadline.get("origin"),
                                     "phải là plan, assumption hoặc projection",
                                     "must be plan, assumption or projection"))
        if deadline.get("origin") in ("assumption", "projection") and not deadline.get("note_vi"):
            problems.append(problem("catalogue_missing", label, dline, "deadlines.note_vi"))
        numbers = [deadline.get("value")] + (deadline.get("range") if isinstance(deadline.get("range"), list) else [])
        numbers = [v for v in numbers if v is not None]
        # a thousands dot only where the whole number could be meant: 99.725 of a percentage is a decimal
        dotted = [v for v in numbers if isinstance(v, DottedThousands) and _thousands_meant(v.text, bounds[1])]
        if dotted:
            problems.append(_thousands_dot(label, dline, dotted[0]))
            continue
        # every number typed must read as one, whatever the kind or origin ("3,5" in a range was a traceback)
        text = [v for v in numbers if not isinstance(v, (int, float)) or isinstance(v, bool)]
        if text:
            field = "deadlines.value" if text[0] is deadline.get("value") else "deadlines.range"
            problems.append(_not_a_number(label, dline, text[0], field, bounds[1]))
            continue
        if kind == "qualitative" or deadline.get("origin") == "projection":
            continue
        if kind in RANGE_KINDS:
            rng = deadline.get("range")
            if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, (int, float)) for v in rng)
                    and 0 <= rng[0] <= rng[1]):
                problems.append(_invalid(label, dline, "deadlines.range", rng,
                                         "cần [thấp, cao] với 0 ≤ thấp ≤ cao",
                                         "needs [low, high] with 0 ≤ low ≤ high"))
        else:
            value = deadline.get("value")
            low, high = bounds
            if isinstance(value, str) and _decimal_comma(value) is not None:
                problems.append(_not_a_number(label, dline, value, high=high))
            elif not isinstance(value, (int, float)) or isinstance(value, bool) or (low is not None and value < low) \
                    or (high is not None and value > high):
                problems.append(_invalid(label, dline, "deadlines.value", value,
                                         f"cần một số trong giới hạn của chỉ tiêu ({_bounds_text(bounds, 'vi')})",
                                         f"needs a number within the indicator's bounds ({_bounds_text(bounds, 'en')})"))
            if kind == "count_to_zero" and value != 0:
                problems.append(_invalid(label, dline, "deadlines.value", value,
                                         "mục tiêu count_to_zero có giá trị 0",
                                         "a count_to_zero target has value 0"))
    return problems


DEADLINE_KEYS = ("year", "value", "range", "origin", "note_vi", "note_en", "__line__")
"""What a deadline of the catalogue may say."""


def _stray_keys(label: str, line: int, deadline: dict, stray: list) -> Problem:
    """A deadline with keys it may not have. A decimal comma splits a number in YAML:
    ``{year: 2025, value: 99,7, origin: plan}`` reads as the value 99 and a key ``7``, so the
    target would silently be 99 %.

    >>> print(_stray_keys("data/targets.yaml", 247, {"year": 2025, "value": 99, 7: None}, [7]).message_vi)
    trường "deadlines.value" có giá trị "99,7" không hợp lệ: dấu phẩy thập phân làm số 99,7 bị đọc thành 99: hãy ghi 99.7.
    """
    value = deadline.get("value")
    digits = [str(key) for key in stray if str(key).isdigit() and deadline[key] is None]
    if isinstance(value, int) and digits:
        written = f"{value},{digits[0]}"
        return _invalid(label, line, "deadlines.value", written,
                        f"dấu phẩy thập phân làm số {written} bị đọc thành {value}: hãy ghi {value}.{digits[0]}",
                        f"a decimal comma makes {written} read as {value}: write {value}.{digits[0]}")
    return _invalid(label, line, "deadlines", ", ".join(map(str, stray)),
                    "một hạn chỉ ghi " + ", ".join(DEADLINE_KEYS[:-1]),
                    "a deadline says only " + ", ".join(DEADLINE_KEYS[:-1]))


def _not_a_number(label: str, line: int, value: object, field: str = "deadlines.value",
                  high: float | None = None) -> Problem:
    """A deadline's number that is text: quoted, or "99,5" read as text. A dot is a thousands
    dot only where the whole number fits under the indicator's ``high`` bound ("99.725" of a
    percentage is a decimal)."""
    written = _decimal_comma(value, high) if isinstance(value, str) else None
    if written is None:
        return _invalid(label, line, field, value, "cần một số, không đặt trong ngoặc kép",
                        "needs a number, not in quotes")
    return _invalid(label, line, field, value,
                    f"tệp danh mục viết số thập phân bằng dấu chấm, không có ngoặc kép: hãy ghi {written}",
                    f"the catalogue writes decimals with a point, without quotes: write {written}")


def _thousands_dot(label: str, line: int, value: "DottedThousands") -> Problem:
    """A number with a Vietnamese thousands dot, which YAML read as a decimal.

    >>> dotted = DottedThousands(1.5); dotted.text = "1.500"
    >>> print(_thousands_dot("data/targets.yaml", 90, dotted).message_vi)
    trường "deadlines" có giá trị "1.500" không hợp lệ: tệp danh mục không dùng dấu chấm phân cách hàng nghìn (1.500 bị đọc thành 1,5): nếu là số nguyên 1.500, hãy ghi 1500; nếu là số thập phân 1,5, hãy ghi 1.5.
    """
    whole = value.text.replace(".", "")
    decimal, reading = f"{float(value):g}", format_number(float(value), "vi")
    if decimal == value.text:  # 1.125 as a decimal: one more 0 tells it from a thousand
        decimal += "0"
    return _invalid(label, line, "deadlines", value.text,
                    f"tệp danh mục không dùng dấu chấm phân cách hàng nghìn ({value.text} bị đọc thành {reading}): "
                    f"nếu là số nguyên {value.text}, hãy ghi {whole}; nếu là số thập phân {reading}, hãy ghi {decimal}",
                    f"the catalogue takes no thousands separator ({value.text} reads as {decimal}): for the whole "
                    f"number {int(whole):,}, write {whole}; for the decimal {decimal}, write it so")


def _decimal_comma(text: str, high: float | None = None) -> str | None:
    """The number a quoted "99,5" stands for, written as the catalogue wants it ("99.5"); a
    thousands dot goes ("1.000" is 1000) where the whole number fits under ``high``.

    >>> _decimal_comma("99,5"), _decimal_comma("95%"), _decimal_comma("abc"), _decimal_comma("1.000")
    ('99.5', '95', None, '1000')
    >>> _decimal_comma("99.725", 100.0), _decimal_comma("1.000", 100.0)
    ('99.725', '1.000')
    """
    text = text.strip()
    if _thousands_meant(text, high):
        text = text.replace(".", "")
    cleaned = text.rstrip("%").strip().replace(",", ".")
    try:
        float(cleaned)
    except ValueError:
        return None
    return cleaned


def _bounds_text(bounds: tuple, lang: str) -> str:
    """An indicator's bounds as a reader writes them: "0–100", "từ 0" / "0 or more".

    >>> _bounds_text((0.0, 100.0), "vi"), _bounds_text((0.0, None), "vi"), _bounds_text((0.0, None), "en")
    ('0–100', 'từ 0', '0 or more')
    """
    low, high = (None if bound is None else f"{bound:g}".replace(".", "," if lang == "vi" else ".") for bound in bounds)
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"từ {low}" if lang == "vi" else f"{low} or more"
    if high is not None:
        return f"đến {high}" if lang == "vi" else f"up to {high}"
    return "không giới hạn" if lang == "vi" else "unbounded"


def _met_at(entry: dict) -> dict:
    """``met_at`` of a target as {area kind or "value": threshold}, plus its notes."""
    spec = entry.get("met_at") or {}
    levels = {k: float(v) for k, v in _items(spec) if k not in ("note_vi", "note_en")}
    return {"levels": levels, "note_vi": nfc(spec.get("note_vi", "")), "note_en": nfc(spec.get("note_en", ""))}


def _target_row(entry: dict, deadline: dict, plan_start: int) -> dict:
    rng = deadline.get("range")
    numerator = entry.get("numerator") or {}
    denominator = entry.get("denominator") or {}
    commune_target = entry.get("commune_target") or {}
    met_at = _met_at(entry)
    return {
        "target_id": str(entry["id"]),
        "vi": nfc(entry["vi"]),
        "en": nfc(entry["en"]),
        "indicator": entry.get("indicator", ""),
        "group": entry.get("group", ""),
        "kind": entry["kind"],
        "unit": entry.get("unit", ""),
        "deadline": deadline["year"],
        "value": float(deadline["value"]) if deadline.get("value") is not None else float("nan"),
        "low": float(rng[0]) if rng else float("nan"),
        "high": float(rng[1]) if rng else float("nan"),
        "origin": deadline["origin"],
        "note_vi": nfc(deadline.get("note_vi", "")),
        "note_en": nfc(deadline.get("note_en", "")),
        "scope": entry["scope"],
        "focus": bool(entry.get("focus", False)),
        "every_year": bool(entry.get("every_year", False)),
        "plan_start": plan_start,
        "numerator_indicator": numerator.get("indicator", ""),
        "numerator_group": numerator.get("group", ""),
        "denominator_indicator": denominator.get("indicator", ""),
        "denominator_group": denominator.get("group", ""),
        "plan_section": str(entry["plan_section"]),
        "plan_line": int(entry["plan_line"]),
        "plan_sentence": nfc(entry["plan_sentence"]),
        "plan_clause": nfc(entry["plan_clause"]),
        "office_section": str(entry["office_section"]),
        "office_vi": nfc(entry["office_vi"]),
        "office_en": nfc(entry["office_en"]),
        "met_at": met_at["levels"],
        "met_at_note_vi": met_at["note_vi"],
        "met_at_note_en": met_at["note_en"],
        "communes": entry.get("communes", "all"),
        "commune_target_indicator": commune_target.get("indicator", ""),
        "commune_target_group": commune_target.get("group", ""),
        "commune_target_note_vi": nfc(commune_target.get("note_vi", "")),
        "commune_target_note_en": nfc(commune_target.get("note_en", "")),
    }


def load_targets(path: str | Path | None = None, *, indicators_path: str | Path | None = None) -> pd.DataFrame:
    """The plan's targets, one row per target × deadline.

    Columns include ``target_id``, ``vi``/``en`` names, ``indicator``, ``group``, ``kind``, ``unit``,
    ``deadline``, ``value`` (levels) or ``low``/``high`` (yearly ranges), ``origin`` (plan,
    assumption or projection, with ``note_vi``/``note_en``), ``scope``, ``met_at`` (thresholds
    that count as met, when not the value as written), ``communes`` (which communes a district
    share counts), ``commune_target_*`` (what a commune is compared with), the plan's
    ``plan_sentence`` and the office in charge.

    >>> targets = load_targets()
    >>> targets["target_id"].nunique()
    22
    >>> t = targets.set_index(["target_id", "deadline"])
    >>> row = t.loc[("T08", 2025)]
    >>> row["kind"], float(row["value"]), row["origin"]
    ('above', 80.0, 'plan')
    >>> row = t.loc[("T01", 2025)]
    >>> float(row["low"]), float(row["high"]), row["origin"]
    (3.0, 4.0, 'plan')
    >>> t.loc[("T01", 2030), "origin"], t.loc[("T03", 2025), "met_at"]
    ('projection', {'district': 1.0, 'commune': 0.0})
    """
    return _targets_cached(
        Path(path or paths.TARGETS_FILE).resolve(),
        Path(indicators_path or paths.INDICATORS_FILE).resolve(),
    ).copy()
