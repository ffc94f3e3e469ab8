"""Is the engine's "chance of meeting a target" a frequency? Scored on held-out years.

For each held-out year ``h`` years after the last point of a series, thresholds
``c = y_last + k * s * h`` with ``k`` in -1.5, -1, …, 2 (``s`` the mean absolute yearly change
of the history) play the targets. ``probability_beyond`` says how likely the value is to be
at or above ``c``; what happened is 1 or 0. Thresholds outside the series' bounds are certain
and left out, and so are series whose history never moved (``s = 0``: every threshold is the
last value; such series are measured apart, as the flattest ones). Compared with the
textbook Gaussian drift probability and with the deterministic "the trend line says yes/no".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analysis.projection import probability_beyond
from bench import metrics
from bench.datasets import Series
from bench.forecasters import drift_law

MULTIPLES = np.arange(-1.5, 2.01, 0.5)
"""k in c = y_last + k * s * h."""


def mean_yearly_change(s: Series) -> float:
    return float(np.mean(np.abs(np.diff(s.train)) / np.diff(s.train_years)))


def cases(series: list[Series], projections: list[pd.DataFrame]) -> pd.DataFrame:
    """One row per (series, held-out year, threshold): the three stated probabilities and
    what happened."""
    rows = []
    for s, projection in zip(series, projections):
        step = mean_yearly_change(s)
        if step == 0:
            continue
        center, sd = drift_law(s)
        low = -np.inf if s.bounds[0] is None else s.bounds[0]
        high = np.inf if s.bounds[1] is None else s.bounds[1]
        rising = s.train[-1] > s.train[0]
        for year, h, actual, line, spread in zip(s.test_years, s.horizons, s.test, center, sd):
            for k in MULTIPLES:
                c = s.train[-1] + k * step * h
                if not low < c < high:
                    continue
                gaussian = float(stats.norm.sf(c, line, spread)) if spread > 0 else float(line >= c)
                rows.append((s.group, s.id, int(h), float(k), bool(rising),
                             probability_beyond(projection, int(year), c), gaussian, float(line >= c),
                             float(actual >= c)))
    return pd.DataFrame(rows, columns=["group", "series", "h", "k", "rising", "engine", "gaussian drift",
                                       "trend says yes/no", "happened"])


def summary(table: pd.DataFrame, columns=("engine", "gaussian drift", "trend says yes/no")) -> pd.DataFrame:
    """Brier score, ECE over ten bins, and the worst bin (≥ 30 cases) per way of stating."""
    out = {}
    for column in columns:
        ece, worst = metrics.calibration_error(table[column], table["happened"])
        out[column] = {"cases": len(table), "Brier": metrics.brier(table[column], table["happened"]),
                       "ECE": ece, "worst bin": worst}
    return pd.DataFrame(out).T


def reliability(table: pd.DataFrame, column: str = "engine") -> pd.DataFrame:
    return pd.DataFrame(metrics.calibration_table(table[column], table["happened"]),
                        columns=["stated", "cases", "mean stated", "happened"])
