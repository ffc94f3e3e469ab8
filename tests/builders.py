"""Test data built in code, shared by several test files."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.paths import OBSERVATIONS_DIR

GOOD = Path(__file__).parent / "data" / "good"


def observations(values: dict[int, float], *, standard: str, indicator="poverty_rate_households", area="848",
                 group="khmer", illustrative=False) -> pd.DataFrame:
    """One series as :func:`analysis.load_observations` returns it: year → value."""
    years = sorted(values)
    return pd.DataFrame({
        "indicator": indicator, "area_code": area, "group": group, "year": years, "standard": standard,
        "value": [float(values[y]) for y in years], "numerator": np.nan, "denominator": np.nan,
        "illustrative": illustrative, "preferred": True, "source": "test",
    })


def data_with_new_communes(folder: Path) -> Path:
    """``folder`` filled with the shipped data plus one office file of new-commune figures for
    2025 and 2026."""
    for file in OBSERVATIONS_DIR.glob("*.csv"):
        shutil.copy(file, folder)
    shutil.copy(GOOD / "new_communes_2025_2026.csv", folder)
    return folder


def data_with_a_year_on_two_lines(folder: Path) -> Path:
    """The shipped observations and Kim Hòa's 2021 poverty rate on the 2016–2020 line too (9,5 %, as the
    end-of-2021 review counted it), beside its 2021 on the 2022–2025 line: a year measured on two standards."""
    for file in OBSERVATIONS_DIR.glob("*.csv"):
        shutil.copy(file, folder)
    (folder / "ldtbxh_2021.csv").write_text(
        "indicator,area_code,group,year,standard,value,unit,numerator,denominator,source\n"
        "poverty_rate_households,29434,khmer,2021,2016-2020,9.5,percent,124,1303,"
        "Báo cáo rà soát hộ nghèo cuối năm 2021 (chuẩn 2016-2020) - UBND xã Kim Hòa\n", encoding="utf-8")
    return folder
