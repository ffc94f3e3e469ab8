"""Forecast accuracy measures as the M3/M4 competitions define them, and scores of stated
probabilities.

sMAPE = mean over h of 200·|y − f| / (|y| + |f|); MASE and MSIS are scaled by the in-sample
mean absolute first difference (yearly data, m = 1), per series, then averaged over series.
A series whose history never moved has no MASE or MSIS scale: it gets NaN and is left out
of those averages (sMAPE likewise when both the value and its forecast are 0).

>>> import numpy as np
>>> train, test, fc = np.array([1., 2, 3]), np.array([4., 5]), np.array([4., 6])
>>> round(smape(test, fc), 3), round(mase(train, test, fc), 3)
(9.091, 0.5)
>>> msis(train, test, np.array([3., 3]), np.array([4.5, 4.5]), alpha=0.05)  # 5 is 0.5 above: 1.5 + 40 * 0.5
11.5
>>> p, happened = np.array([0.05, 0.15, 0.9, 0.95]), np.array([0, 1, 1, 1])
>>> round(brier(p, happened), 4)
0.1844
>>> [round(v, 3) for v in calibration_error(p, happened, min_cases=1)]
[0.262, 0.85]
"""

from __future__ import annotations

import numpy as np


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    total = np.abs(actual) + np.abs(forecast)
    with np.errstate(invalid="ignore", divide="ignore"):
        terms = np.where(total > 0, 200 * np.abs(actual - forecast) / total, 0.0)
    return float(np.mean(terms))


def naive_scale(train: np.ndarray) -> float:
    return float(np.mean(np.abs(np.diff(train))))


def mase(train: np.ndarray, actual: np.ndarray, forecast: np.ndarray) -> float:
    scale = naive_scale(train)
    return float(np.mean(np.abs(actual - forecast)) / scale) if scale > 0 else float("nan")


def msis(train: np.ndarray, actual: np.ndarray, lower: np.ndarray, upper: np.ndarray, alpha: float) -> float:
    """Mean scaled interval score (Gneiting & Raftery 2007, as used in M4)."""
    # np.where rather than products with booleans: an unbounded upper end (inf) must not give NaN
    penalty = (upper - lower) + np.where(actual < lower, (2 / alpha) * (lower - actual), 0.0) \
        + np.where(actual > upper, (2 / alpha) * (actual - upper), 0.0)
    scale = naive_scale(train)
    return float(np.mean(penalty) / scale) if scale > 0 else float("nan")


def covered(actual: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    return (actual >= lower) & (actual <= upper)


def brier(probability: np.ndarray, happened: np.ndarray) -> float:
    """Mean squared difference between the stated probability and what happened (0 or 1)."""
    return float(np.mean((np.asarray(probability, float) - np.asarray(happened, float)) ** 2))


def calibration_error(probability: np.ndarray, happened: np.ndarray, bins: int = 10,
                      min_cases: int = 30) -> tuple[float, float]:
    """Expected calibration error over ``bins`` equal bins of the stated probability (the
    case-weighted mean gap between the mean probability and the share that happened), and
    the largest such gap among bins with at least ``min_cases`` cases."""
    probability, happened = np.asarray(probability, float), np.asarray(happened, float)
    which = np.minimum((probability * bins).astype(int), bins - 1)
    ece, worst = 0.0, 0.0
    for b in range(bins):
        chosen = which == b
        count = int(chosen.sum())
        if not count:
            continue
        gap = abs(probability[chosen].mean() - happened[chosen].mean())
        ece += count / probability.size * gap
        if count >= min_cases:
            worst = max(worst, gap)
    return float(ece), float(worst)


def calibration_table(probability: np.ndarray, happened: np.ndarray, bins: int = 10):
    """Per bin: cases, mean stated probability, share that happened (for printing)."""
    probability, happened = np.asarray(probability, float), np.asarray(happened, float)
    which = np.minimum((probability * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        chosen = which == b
        if chosen.any():
            rows.append((f"{b / bins:.1f}–{(b + 1) / bins:.1f}", int(chosen.sum()),
                         float(probability[chosen].mean()), float(happened[chosen].mean())))
    return rows
