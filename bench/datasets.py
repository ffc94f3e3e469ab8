"""The real yearly benchmark series in ../shared/bench/.

- M3 yearly: 645 series, the official last 6 values held out.
- Tourism yearly: 518 series, the official last 4 held out.
- Development indicators ("dev"): 15 World Bank WDI indicators, all percentages, countries
  only, 1990 on. Per indicator and country the last 5 observed years are held out and at
  least 4 points of history are required (1,483 series). Survey years have gaps, so a held-out
  year can be more than 5 years after the last point of history.

See ../shared/bench/README.md for sources and licences.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

BENCH_DIR = Path(os.environ.get("WORKBENCH_BENCH_DIR", Path(__file__).resolve().parents[2] / "shared" / "bench"))

SETS = {"m3": ("m3_yearly.csv", 6), "tourism": ("tourism_yearly.csv", 4), "dev": ("dev_indicators_bounded.csv", 5)}
DEV_MIN_HISTORY = 4
"""A development-indicator series needs this many points before its held-out years."""


@dataclass(frozen=True)
class Series:
    """One series: its history (``train``, observed in ``train_years``) and the held-out
    values (``test`` in ``test_years``); ``bounds`` as the engine takes them; ``group`` the
    indicator (development indicators) or the competition category."""

    id: str
    train: np.ndarray
    test: np.ndarray
    train_years: np.ndarray
    test_years: np.ndarray
    bounds: tuple[float | None, float | None] = (0, None)
    group: str = ""

    @property
    def horizons(self) -> np.ndarray:
        """Years from the last point of history to each held-out year."""
        return self.test_years - self.train_years[-1]

    def cut(self, keep: int) -> "Series":
        """The same series with only its last ``keep`` points of history."""
        return replace(self, train=self.train[-keep:], train_years=self.train_years[-keep:])


def load(name: str, bench_dir: Path = BENCH_DIR) -> list[Series]:
    """The series of one benchmark set, in file order (development indicators: by indicator
    code, then country code)."""
    if name == "dev":
        return _load_dev(bench_dir)
    filename, horizon = SETS[name]
    frame = pd.read_csv(bench_dir / filename)
    meta = pd.read_csv(bench_dir / filename.replace(".csv", "_metadata.csv"))
    category = dict(zip(meta["series_id"].astype(str), meta["category"])) if "category" in meta else {}
    out = []
    for sid, group in frame.groupby("series_id", sort=False):
        group = group.sort_values("period_index")
        train = group.loc[group["split"] == "train", "value"].to_numpy(float)
        test = group.loc[group["split"] == "test", "value"].to_numpy(float)
        assert len(test) == horizon, sid
        years = np.arange(1, len(train) + len(test) + 1)
        out.append(Series(str(sid), train, test, years[: len(train)], years[len(train):], (0, None),
                          category.get(str(sid), "")))
    return out


def dev_bounds(frame: pd.DataFrame) -> dict[str, tuple[float, float | None]]:
    """Bounds per indicator: (0, 100) for shares; (0, None) for a ratio that exceeds 100 in
    the data (the gross primary completion rate counts over-age pupils)."""
    highest = frame.groupby("indicator_code")["value"].max()
    return {code: (0, 100) if top <= 100 else (0, None) for code, top in highest.items()}


def _load_dev(bench_dir: Path) -> list[Series]:
    filename, horizon = SETS["dev"]
    frame = pd.read_csv(bench_dir / filename)
    bounds = dev_bounds(frame)
    out = []
    for (code, country), group in frame.groupby(["indicator_code", "country_code"], sort=True):
        if len(group) < DEV_MIN_HISTORY + horizon:
            continue
        group = group.sort_values("year")
        years, values = group["year"].to_numpy(int), group["value"].to_numpy(float)
        out.append(Series(f"{code}:{country}", values[:-horizon], values[-horizon:], years[:-horizon],
                          years[-horizon:], bounds[code], code))
    return out


def horizon(name: str) -> int:
    """Number of held-out values per series."""
    return SETS[name][1]
