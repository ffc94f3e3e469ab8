"""Make the illustrative commune-level dataset, 2015–2024, for every indicator with a target.

NOT REAL DATA. No commune-level series for these indicators has been published (see
data/raw/published/NOTES.md §11), yet every notebook and chart must work end to end. This
script makes a plausible stand-in: every row is flagged `illustrative = TRUE`, and everything
built from it says "minh họa / illustrative". Replace it with real data from the offices as
soon as it arrives (README: "Adding a year of data").

How the numbers are made (seeded, so the file is the same on every run):
- each indicator has a district path by year (DISTRICT_PATHS), anchored on the real figures:
  Khmer poverty follows the provincial Khmer series (24.65 % in 2015 on the 2016–2020 line,
  3.92 % in 2020, 3.61 % in 2022, 2.03 % in 2023) scaled by Cầu Ngang's ratio to the
  province in 2022 (3.4 % vs 1.88 %, all households); water and electricity follow the Khmer
  figures of 2017 and 2019; party and cadre shares start near the provincial 15–18.5 %;
  upper-secondary attendance near the 44 % implied by MICS 2021 (56 % out of school);
- poverty carries the standard breaks: 2015 on the 2011–2015 income line, 2016–2020 on the
  2016–2020 line, and 2021–2024 on the 2022–2025 line (the end-2021 review was the first on
  the new line and is the plan's baseline);
- a commune's value is the district path moved in logit space by a commune effect (bigger
  where the Khmer share is bigger, for poverty) plus year-to-year noise, then turned into
  counts (numerator / denominator) from the commune's assumed population;
- shares of communes (new-rural standard, security, defence) are built from yes/no flags each
  commune reports; the Khmer shares of the district's party members and cadres are district
  figures (the district's party organisation and cadres include district offices, police,
  army and schools that belong to no commune: DISTRICT_PARTY_EXTRA members on top of the
  communes', with DISTRICT_PARTY_EXTRA_KHMER of them Khmer);
- each commune's Khmer share of the population (2019), which its party-member share is
  compared with, is the census figure where data/areas.csv has one (not repeated here) and
  the assumption below otherwise;
- where a real figure exists for the same indicator, area, group and year, the illustrative
  row is left out, and the path is built to pass through the real value (NTM shares 2022).

Populations and Khmer shares are the real census figures where data/areas.csv has them and
assumptions (ASSUMED_UNITS) elsewhere, chosen so the district Khmer share is near the
published 34.7 %.

Run: python scripts/make_illustrative_data.py   (tests check the committed file matches)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.data.catalogue import commune_codes, load_areas  # noqa: E402
from analysis.export import write_csv_atomic  # noqa: E402

OUT = ROOT / "data" / "observations" / "illustrative_communes.csv"
PUBLISHED = ROOT / "data" / "observations" / "published.csv"
SEED = 20220221  # the plan's date
YEARS = list(range(2015, 2025))
SOURCE = ("Số liệu minh họa, không phải số liệu thật (scripts/make_illustrative_data.py, seed 20220221) / "
          "Illustrative data, not real")
COLUMNS = ["indicator", "area_code", "group", "year", "standard", "value", "unit", "numerator", "denominator",
           "qualifier", "source", "source_url", "quote", "note", "illustrative", "preferred"]

# Assumed population (2019) and Khmer share (%) for units without published census figures.
ASSUMED_UNITS = {
    "29416": (11000, 15.0), "29419": (9500, 3.0), "29422": (8000, 5.0), "29425": (7500, 4.0),
    "29431": (9800, 28.0), "29443": (None, 48.0), "29446": (10500, 70.0), "29449": (None, 55.0),
    "29452": (8200, 10.0), "29455": (8800, 12.0), "29458": (9000, 42.0),
}
DISTRICT_PARTY_EXTRA = 0.45  # members of district bodies, as a share of the communes' members
DISTRICT_PARTY_EXTRA_KHMER = 0.14  # Khmer share of those members
PERSONS_PER_HOUSEHOLD = 3.9
KHMER_PERSONS_PER_HOUSEHOLD = 4.0

# District paths: year -> value (percent unless said), linearly interpolated between anchors.
DISTRICT_PATHS = {
    "poverty_2011_2015": {2015: 19.0},
    "poverty_2016_2020": {2016: 29.5, 2017: 24.0, 2018: 18.2, 2019: 12.6, 2020: 7.9},
    "poverty_2022_2025": {2021: 9.8, 2022: 6.5, 2023: 4.1, 2024: 2.7},
    "health_insurance_coverage": {2015: 86.0, 2018: 92.0, 2020: 94.5, 2021: 95.2, 2022: 90.5, 2024: 92.9},
    "right_age_attendance_primary": {2015: 96.0, 2020: 97.9, 2024: 98.9},
    "right_age_attendance_lower_secondary": {2015: 74.0, 2020: 81.5, 2024: 86.0},
    "right_age_attendance_upper_secondary": {2015: 33.0, 2021: 44.0, 2024: 50.0},
    "hygienic_water_access_share": {2015: 89.0, 2017: 93.0, 2019: 94.2, 2024: 97.5},
    "electricity_access_share": {2015: 94.0, 2017: 95.9, 2019: 97.2, 2024: 99.4},
    "policy_households_supported_share": {2015: 55.0, 2020: 74.0, 2024: 88.0},
    "party_members_share": {2015: 14.8, 2020: 16.3, 2024: 17.6},
    "hamlets_with_khmer_party_members_share": {2015: 78.0, 2020: 86.0, 2024: 92.0},
}
# District counts by year (communes meeting a standard; communes safe; Khmer and all cadres).
NTM_COMMUNES = {2015: 4, 2016: 6, 2017: 8, 2018: 9, 2019: 10, 2020: 11, 2021: 13, 2022: 13, 2023: 13, 2024: 13}
NTM_ADVANCED = {2015: 0, 2016: 0, 2017: 0, 2018: 0, 2019: 1, 2020: 2, 2021: 2, 2022: 3, 2023: 4, 2024: 5}
CULTURAL_NTM_EM8 = {2015: 1, 2016: 2, 2017: 2, 2018: 3, 2019: 4, 2020: 6, 2021: 7, 2022: 8, 2023: 8, 2024: 8}
SECURITY_SAFE = {2015: 13, 2016: 13, 2017: 14, 2018: 14, 2019: 13, 2020: 14, 2021: 15, 2022: 14, 2023: 15, 2024: 15}
DEFENCE_STRONG = {2015: 14, 2016: 15, 2017: 15, 2018: 15, 2019: 14, 2020: 15, 2021: 15, 2022: 15, 2023: 15, 2024: 15}
# Real recognitions (NOTES.md §4): Vinh Kim met the new-rural standard in 2018 and the advanced
# one for 2023; Trường Thọ and Long Sơn were the last communes to meet it, for 2021.
NTM_FIXED = {"29431": 2018, "29449": 2021, "29443": 2021}
ADVANCED_FIXED = {"29431": 2023}
DIFFICULT_HAMLETS = {2015: 7, 2016: 7, 2017: 6, 2018: 6, 2019: 5, 2020: 5, 2021: 6, 2022: 5, 2023: 4, 2024: 3}
KHMER_CADRES = {2015: (238, 1442), 2016: (243, 1450), 2017: (251, 1461), 2018: (256, 1458), 2019: (259, 1449),
                2020: (262, 1437), 2021: (266, 1425), 2022: (268, 1410), 2023: (271, 1398), 2024: (273, 1391)}
NEW_JOBS = {2015: 860, 2016: 905, 2017: 890, 2018: 960, 2019: 1010, 2020: 870, 2021: 930, 2022: 1040,
            2023: 1090, 2024: 1120}


def path_value(anchors: dict[int, float], year: int) -> float:
    years = sorted(anchors)
    return float(np.interp(year, years, [anchors[y] for y in years]))


def logit(p: float) -> float:
    return float(np.log(p / (100 - p)))


def expit(x: float) -> float:
    return float(100 / (1 + np.exp(-x)))


def units() -> dict[str, dict]:
    areas = load_areas()
    out = {}
    for code in commune_codes(areas):
        pop, khmer = areas.at[code, "population_2019"], areas.at[code, "khmer_2019"]
        assumed_pop, assumed_share = ASSUMED_UNITS.get(code, (None, None))
        pop = float(pop) if not np.isnan(pop) else float(assumed_pop)
        share = 100 * float(khmer) / pop if not np.isnan(khmer) else float(assumed_share)
        out[code] = {"population": pop, "khmer_share": share, "em_area": bool(areas.at[code, "ethnic_minority_area"]),
                     "town": areas.at[code, "kind"] == "town", "census_share": not np.isnan(khmer)}
    return out


def real_keys() -> set[tuple]:
    with open(PUBLISHED, encoding="utf-8", newline="") as handle:
        return {(r["indicator"], r["area_code"], r["group"], int(r["year"])) for r in csv.DictReader(handle)}


def row(indicator, area, group, year, value, unit, numerator="", denominator="", standard="", note=""):
    return {"indicator": indicator, "area_code": area, "group": group, "year": year, "standard": standard,
            "value": value, "unit": unit, "numerator": numerator, "denominator": denominator, "qualifier": "",
            "source": SOURCE, "source_url": "", "quote": "", "note": note, "illustrative": "TRUE",
            "preferred": "TRUE"}


def commune_shares(rng, communes, indicator, anchors, basis, effect_of, noise=0.08, years=YEARS, standard=""):
    """Commune rows of a share indicator: district path + commune effect + noise, as counts."""
    rows = []
    for code, unit in communes.items():
        effect = effect_of(unit) + rng.normal(0, 0.15)
        for year in years:
            target = path_value(anchors, year)
            p = expit(logit(min(max(target, 0.05), 99.95)) + effect + rng.normal(0, noise))
            growth = 1.003 ** (year - 2019)
            denominator = max(1, int(round(basis(unit) * growth)))
            numerator = int(round(p / 100 * denominator))
            rows.append(row(indicator, code, "khmer", year, round(100 * numerator / denominator, 2), "percent",
                            numerator, denominator, standard=standard))
    return rows


def commune_flags(rng, indicator, codes, counts, fixed, candidates=None):
    """Yes/no flags that stay 1 once reached: each commune gets the year it meets the standard,
    so that the number meeting it each year follows ``counts``; ``fixed`` sets known years and
    ``candidates`` (default: all) the communes that may be chosen for the other years."""
    reached = dict(fixed)
    free = [c for c in (candidates or codes) if c not in reached]
    order = list(rng.permutation(free))
    previous = 0
    for year in sorted(counts):
        new = counts[year] - previous - sum(1 for y in fixed.values() if y == year)
        for _ in range(max(new, 0)):
            reached[order.pop(0)] = year
        previous = counts[year]
    rows = []
    for code in codes:
        for year in YEARS:
            flag = int(code in reached and reached[code] <= year)
            rows.append(row(indicator, code, "all", year, flag, "flag"))
    return rows


def yearly_flags(rng, indicator, codes, counts):
    """Yes/no flags judged afresh each year: ``counts[year]`` of the communes have 1."""
    rows = []
    for year in YEARS:
        short = set(rng.choice(codes, size=len(codes) - counts[year], replace=False))
        rows += [row(indicator, code, "all", year, int(code not in short), "flag") for code in codes]
    return rows


def build() -> list[dict]:
    rng = np.random.default_rng(SEED)
    communes = units()
    khmer_hh = lambda u: u["population"] * u["khmer_share"] / 100 / KHMER_PERSONS_PER_HOUSEHOLD  # noqa: E731
    khmer_pop = lambda u: u["population"] * u["khmer_share"] / 100  # noqa: E731
    rows: list[dict] = []

    # Poverty of Khmer households: poorer where the Khmer share is larger.
    poverty_effect = lambda u: 0.012 * (u["khmer_share"] - 35)  # noqa: E731
    for anchors, standard in ((DISTRICT_PATHS["poverty_2011_2015"], "2011-2015"),
                              (DISTRICT_PATHS["poverty_2016_2020"], "2016-2020"),
                              (DISTRICT_PATHS["poverty_2022_2025"], "2022-2025")):
        rows += commune_shares(rng, communes, "poverty_rate_households", anchors, khmer_hh, poverty_effect,
                               noise=0.12, years=sorted(anchors), standard=standard)

    flat = lambda u: 0.0  # noqa: E731
    better_in_towns = lambda u: 0.3 if u["town"] else -0.004 * (u["khmer_share"] - 35)  # noqa: E731
    age_share = {"right_age_attendance_primary": 0.075, "right_age_attendance_lower_secondary": 0.06,
                 "right_age_attendance_upper_secondary": 0.045}
    rows += commune_shares(rng, communes, "health_insurance_coverage",
                           DISTRICT_PATHS["health_insurance_coverage"], khmer_pop, flat, noise=0.1)
    for indicator, share in age_share.items():
        rows += commune_shares(rng, communes, indicator, DISTRICT_PATHS[indicator],
                               lambda u, s=share: khmer_pop(u) * s, better_in_towns, noise=0.1)
    for indicator in ("hygienic_water_access_share", "electricity_access_share"):
        rows += commune_shares(rng, communes, indicator, DISTRICT_PATHS[indicator], khmer_hh, better_in_towns,
                               noise=0.12)
    rows += commune_shares(rng, communes, "policy_households_supported_share",
                           DISTRICT_PATHS["policy_households_supported_share"],
                           lambda u: max(8, khmer_hh(u) * 0.06), flat, noise=0.15)

    # Party members: all members per commune ~ 2.6 % of the population; the Khmer share of
    # members runs at about half the Khmer share of the population. The district's own count
    # adds the members of district bodies.
    district_party: dict[int, list[int]] = {year: [0, 0] for year in YEARS}
    for code, unit in communes.items():
        effect = rng.normal(0, 0.1)
        base_share = unit["khmer_share"] * 0.5
        for year in YEARS:
            drift = path_value(DISTRICT_PATHS["party_members_share"], year) - 14.8
            total = int(round(unit["population"] * 0.026 * 1.012 ** (year - 2015)))
            share = min(95.0, max(0.5, expit(logit(max(base_share + drift, 0.5)) + effect + rng.normal(0, 0.05))))
            khmer = int(round(total * share / 100))
            rows.append(row("party_members_share", code, "khmer", year, round(100 * khmer / total, 2), "percent",
                            khmer, total))
            district_party[year][0] += khmer
            district_party[year][1] += total
        hamlets = max(2, int(round(unit["khmer_share"] / 9)))
        for year in YEARS:
            p = path_value(DISTRICT_PATHS["hamlets_with_khmer_party_members_share"], year)
            covered = min(hamlets, int(round(hamlets * p / 100 + rng.normal(0, 0.35))))
            rows.append(row("hamlets_with_khmer_party_members_share", code, "all", year,
                            round(100 * covered / hamlets, 2), "percent", covered, hamlets))

    # Especially difficult hamlets: only in ethnic-minority-area communes; the others report 0.
    em = [c for c, u in communes.items() if u["em_area"]]
    for year, total in DIFFICULT_HAMLETS.items():
        weights = np.array([communes[c]["khmer_share"] for c in em])
        counts = dict(zip(em, rng.multinomial(total, weights / weights.sum())))
        for code in communes:
            rows.append(row("extremely_difficult_hamlets_count", code, "all", year, int(counts.get(code, 0)),
                            "hamlets"))

    # New jobs for Khmer workers: the district total split over communes by Khmer population.
    weights = np.array([khmer_pop(u) for u in communes.values()])
    for year, total in NEW_JOBS.items():
        for code, count in zip(communes, rng.multinomial(total, weights / weights.sum())):
            rows.append(row("new_jobs_khmer_workers", code, "khmer", year, int(count), "workers"))

    # Shares of communes: each commune reports a yes/no flag; the district share is built from
    # them. Recognition years follow the district counts and the real recognitions.
    rural = [c for c, u in communes.items() if not u["town"]]
    rows += commune_flags(rng, "ntm_commune_recognised", rural, NTM_COMMUNES, NTM_FIXED)
    ntm_early = [c for c in rural if c not in NTM_FIXED]  # only these can be advanced before 2021
    rows += commune_flags(rng, "ntm_advanced_communes_recognised", rural, NTM_ADVANCED, ADVANCED_FIXED,
                          candidates=ntm_early)
    rows += commune_flags(rng, "cultural_ntm_commune", em, CULTURAL_NTM_EM8, {})
    rows += yearly_flags(rng, "security_safe_commune", list(communes), SECURITY_SAFE)
    rows += yearly_flags(rng, "defence_strong_commune", list(communes), DEFENCE_STRONG)
    for year, (khmer, total) in district_party.items():
        extra = int(round(total * DISTRICT_PARTY_EXTRA * 1.01 ** (year - 2015)))
        khmer += int(round(extra * DISTRICT_PARTY_EXTRA_KHMER))
        total += extra
        rows.append(row("party_members_share", "848", "khmer", year, round(100 * khmer / total, 2), "percent",
                        khmer, total))
    for code, unit in communes.items():
        if not unit["census_share"]:
            rows.append(row("khmer_population_share", code, "khmer", 2019, round(unit["khmer_share"], 2), "percent",
                            note="Giả định minh họa: tỷ lệ người Khmer trong dân số năm 2019 / illustrative assumption"))
    for year, (khmer, total) in KHMER_CADRES.items():
        rows.append(row("khmer_cadres_civil_servants_share", "848", "khmer", year, round(100 * khmer / total, 2),
                        "percent", khmer, total))

    taken = real_keys()
    return [r for r in rows if (r["indicator"], r["area_code"], r["group"], r["year"]) not in taken]


def main() -> None:
    rows = build()
    write_csv_atomic(OUT, COLUMNS, rows)
    print(f"wrote {OUT} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
