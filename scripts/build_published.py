"""Build data/observations/published.csv from the raw published figures.

Input (never modified): data/raw/published/real_observations.csv,
real_observations_round2.csv and real_observations_round3.csv, copied byte for byte from ../shared/data/published/ (md5 in
data/raw/README.md). Output: the same figures in the workbench's tidy layout, every row with
its source, URL and verbatim quote, and `source_row` pointing back to the raw line.

Decisions made here, each written down below rather than by editing data:
- AREAS maps the raw `area` text to an area code of data/areas.csv;
- SPLIT_INDICATORS renames indicators whose "area" is really an administrative level;
- qualifiers ("hơn", "over", "nearly", …) come from the raw unit text (QUALIFIER_WORDS);
- the poverty standard is kept only for indicators measured against a poverty line;
- GROUPS maps the raw group names to the workbench's groups;
- INFERRED_YEAR names the rows whose year the source does not state: their source line says so;
- where sources conflict, every figure is kept and PREFERRED names the one to use, with why;
- TITLE_WORDS says in Vietnamese the English words of a few source titles that reports print.

Run: python scripts/build_published.py   (tests check the committed file matches its output)
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.data.catalogue import load_indicators  # noqa: E402
from analysis.export import write_csv_atomic  # noqa: E402

RAW = ROOT / "data" / "raw" / "published"
OUT = ROOT / "data" / "observations" / "published.csv"
FILES = ["real_observations.csv", "real_observations_round2.csv", "real_observations_round3.csv"]

AREAS = {
    "province": "84",
    "district": "848",
    "national": "VN",
    "region (Mekong Delta)": "VN-DBSCL",
    "commune (Vinh Kim, Cầu Ngang)": "29431",
    "commune (Trường Thọ, Cầu Ngang)": "29449",
    "commune (Long Sơn, Cầu Ngang)": "29443",
    "commune (Mỹ Hòa, Cầu Ngang)": "29428",
    "commune (Kim Hòa, Cầu Ngang)": "29434",
    "commune (Hiệp Hòa, Cầu Ngang)": "29437",
    "commune (Thuận Hòa, Cầu Ngang)": "29440",
    "district (8 EM-area communes)": "848-EM8",
    "province (Khmer-majority communes)": "84-KHMER",
    "province (rural)": "84-RURAL",
    "province (merged Vĩnh Long = Vĩnh Long+Trà Vinh+Bến Tre)": "VL-2025",
    "district (Trà Cú, comparator)": "849",
    "province (commune level)": "84",
    "province (district+province level)": "84",
    "province (EM-area communes)": "84-EM",
    "national (EM households in EM-area communes)": "VN-EM",
    "national (ethnic minority areas)": "VN-EM",
    "national (villages of EM-area communes)": "VN-EM",
    "province (new Vĩnh Long = Vĩnh Long + Bến Tre + Trà Vinh)": "VL-2025",
}

GROUPS = {"ethnic_minorities": "ethnic_minority"}
"""Raw group names that the workbench spells otherwise (data/targets.yaml, GROUPS)."""

# (raw file, raw line) of figures whose year is inferred, not stated, with why; the source line
# of these rows carries the warning so that every chart and table naming the source shows it.
INFERRED_YEAR = {
    ("real_observations_round3.csv", 2): "the excerpt is undated; 2024 inferred from the GRDP figure beside it",
    ("real_observations_round3.csv", 3): "the excerpt is undated; 2024 inferred from the GRDP figure beside it",
    ("real_observations_round3.csv", 4): "the excerpt is undated; 2024 inferred from the GRDP figure beside it",
    ("real_observations_round3.csv", 5): "the excerpt is undated; 2024 inferred from the GRDP figure beside it",
    ("real_observations_round3.csv", 6): "the excerpt is undated; 2024 inferred from the GRDP figure beside it",
}
INFERRED_MARK = " [năm suy đoán, nguồn không ghi năm / year inferred, not stated]"

# The raw file puts the administrative level of cadres in the area column; here the level is
# part of the indicator, so that the province-wide share stays one series.
SPLIT_INDICATORS = {
    ("khmer_cadres_civil_servants_share", "province (commune level)"):
        "khmer_cadres_civil_servants_share_commune_level",
    ("khmer_cadres_civil_servants_share", "province (district+province level)"):
        "khmer_cadres_civil_servants_share_district_province_level",
}

QUALIFIER_WORDS = [
    ("less than", "less_than"),
    ("more than", "more_than"),
    ("hơn", "more_than"),
    ("over", "more_than"),
    ("trên", "more_than"),
    ("labaih", "more_than"),
    ("nearly", "nearly"),
    ("gần", "nearly"),
    ("près de", "nearly"),
    ("khoảng", "about"),
    ("around", "about"),
    ("expected", "expected"),
]

STANDARDS = {"2011-2015": "2011-2015", "2016-2020": "2016-2020", "2022-2025": "2022-2025", "mixed": "mixed"}

# (raw file, raw line) of the figure to use where sources disagree, and why.
PREFERRED = {
    ("real_observations.csv", 12): "16,414 is the exact count; the other rows round it ('hơn 16.000', 'over 16,400').",
    ("real_observations.csv", 9): "the change against end-2017; the -4.4 row is a per-year figure for Khmer areas.",
    ("real_observations.csv", 15): "5.9 is exact; the other row says 'nearly 6'.",
    ("real_observations.csv", 16): "3.22 was published in 2020 about 2019 (final review); 3.33 is probably the preliminary figure.",
    ("real_observations.csv", 28): "the reported end-2020 value; the other row is the December-2020 'expected' figure.",
    ("real_observations.csv", 34): "1.8 is the year-end figure; 1.57 is an October-2020 congress estimate.",
    ("real_observations.csv", 35): "end-2020 count (69/85); the 61/85 row is as of October 2020.",
    ("real_observations.csv", 46): "QĐ 83/QĐ-UBND is the official decision; the VNA-FR figure differs slightly.",
    ("real_observations.csv", 47): "QĐ 83/QĐ-UBND is the official decision; the VNA-FR figure rounds it.",
    ("real_observations.csv", 50): "QĐ 83/QĐ-UBND is the official decision; the VNA-FR figure is approximate.",
    ("real_observations.csv", 51): "QĐ 83/QĐ-UBND is the official decision; the VNA-FR figure differs slightly.",
    ("real_observations.csv", 74): "as of 9/5/2022, the later of the two 2022 counts.",
    ("real_observations.csv", 108): "31.5 % is the census-based share (1/4/2019); '32 %' is a rounded press figure.",
    ("real_observations.csv", 119): "6.77 agrees with the counts 667 / 9,841 (6.78 %); 6.56 is another source's figure.",
    ("real_observations.csv", 159): "93.35 % is the Social Security figure for end-2023; 92 % (P4H) is probably earlier in 2023.",
    ("real_observations_round2.csv", 24): "92.04 % is the coverage rate; 91.1 is probably the 91.1 million people (NOTES_2.md).",
}

COLUMNS = ["indicator", "area_code", "group", "year", "standard", "value", "unit", "numerator", "denominator",
           "qualifier", "source", "source_url", "quote", "note", "illustrative", "preferred", "source_row"]


# the raw titles call a newspaper's topic page a "tag"; a Vietnamese report prints these titles
TITLE_WORDS = {"Báo Trà Vinh (tag ": "Báo Trà Vinh (trang chủ đề "}


def source_title(raw: str) -> str:
    """The source's title as the reports print it.

    >>> source_title("Báo Trà Vinh (tag Học sinh Khmer, 14/03/2023)")
    'Báo Trà Vinh (trang chủ đề Học sinh Khmer, 14/03/2023)'
    """
    for english, vietnamese in TITLE_WORDS.items():
        raw = raw.replace(english, vietnamese)
    return raw


def qualifier_of(unit_text: str) -> str:
    text = unit_text.lower()
    for word, qualifier in QUALIFIER_WORDS:
        if re.search(rf"(?<![a-zà-ỹ]){re.escape(word)}(?![a-zà-ỹ])", text):
            return qualifier
    return ""


def standard_of(text: str) -> str:
    for prefix, standard in STANDARDS.items():
        if text.startswith(prefix):
            return standard
    return ""


def build() -> list[dict]:
    indicators = load_indicators()
    rows = []
    for name in FILES:
        with open(RAW / name, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for record in reader:
                line = reader.line_num
                indicator = SPLIT_INDICATORS.get((record["indicator"], record["area"]), record["indicator"])
                if indicator not in indicators.index:
                    raise SystemExit(f"{name}:{line}: indicator {indicator} is not in data/indicators.yaml")
                has_standard = bool(indicators.at[indicator, "standards"])
                notes = [f"Published unit: {record['unit']}."]
                if record["poverty_standard"] and not has_standard:
                    notes.append(f"Period as published: {record['poverty_standard']}.")
                if record["notes"]:
                    notes.append(record["notes"])
                source = source_title(record["source_title"])
                if (name, line) in INFERRED_YEAR:
                    source += INFERRED_MARK
                    notes.append(f"Year inferred: {INFERRED_YEAR[(name, line)]}.")
                rows.append({
                    "indicator": indicator,
                    "area_code": AREAS[record["area"]],
                    "group": GROUPS.get(record["group"], record["group"]),
                    "year": int(record["year"]),
                    "standard": standard_of(record["poverty_standard"]) if has_standard else "",
                    "value": record["value"],
                    "unit": indicators.at[indicator, "unit"],
                    "numerator": "",
                    "denominator": "",
                    "qualifier": qualifier_of(record["unit"]),
                    "source": source,
                    "source_url": record["source_url"],
                    "quote": record["quote"],
                    "note": " ".join(notes),
                    "illustrative": "FALSE",
                    "preferred": "TRUE",
                    "source_row": f"{name}:{line}",
                    "_key": (name, line),
                })
    mark_preferred(rows)
    unused = set(INFERRED_YEAR) - {row["_key"] for row in rows}
    if unused:
        raise SystemExit(f"INFERRED_YEAR names rows that do not exist: {sorted(unused)}")
    for row in rows:
        del row["_key"]
    rows.sort(key=lambda r: (r["indicator"], r["area_code"], r["group"], r["year"], r["standard"],
                             r["preferred"] != "TRUE", r["source_row"]))
    return rows


def mark_preferred(rows: list[dict]) -> None:
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault((row["indicator"], row["area_code"], row["group"], row["year"], row["standard"]), []).append(row)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        chosen = [m for m in members if m["_key"] in PREFERRED]
        if len(chosen) != 1:
            raise SystemExit(f"conflicting figures for {key} need exactly one entry in PREFERRED: "
                             + ", ".join(f"{m['_key']}={m['value']}" for m in members))
        for member in members:
            if member is chosen[0]:
                member["note"] += f" Preferred where sources conflict: {PREFERRED[member['_key']]}"
            else:
                member["preferred"] = "FALSE"
                member["note"] += f" Conflicts with {chosen[0]['source_row']} ({chosen[0]['value']}), which is preferred."
    unused = set(PREFERRED) - {m["_key"] for ms in groups.values() if len(ms) > 1 for m in ms}
    if unused:
        raise SystemExit(f"PREFERRED names rows without a conflict: {sorted(unused)}")


def main() -> None:
    rows = build()
    write_csv_atomic(OUT, COLUMNS, rows)
    print(f"wrote {OUT} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
