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
