"""Forecast accuracy measures as the M3/M4 competitions define them.

sMAPE = mean over h of 200·|y − f| / (|y| + |f|); MASE and MSIS are scaled by the in-sample
mean absolute first difference (yearly data, m = 1), per series, then averaged over series.

>>> import numpy as np
>>> train, test, fc = np.array([1., 2, 3]), np.array([4., 5]), np.array([4., 6])
>>> round(smape(test, fc), 3), round(mase(train, test, fc), 3)
(9.091, 0.5)
>>> msis(train, test, np.array([3., 3]), np.array([5., 5]), alpha=0.05)
22.0
"""

from __future__ import annotations

import numpy as np


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def naive_scale(train: np.ndarray) -> float:
    return float(np.mean(np.abs(np.diff(train))))


def mase(train: np.ndarray, actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(np.abs(actual - forecast)) / naive_scale(train))


def msis(train: np.ndarray, actual: np.ndarray, lower: np.ndarray, upper: np.ndarray, alpha: float) -> float:
    """Mean scaled interval score (Gneiting & Raftery 2007, as used in M4)."""
    penalty = (upper - lower) + (2 / alpha) * (lower - actual) * (actual < lower) \
        + (2 / alpha) * (actual - upper) * (actual > upper)
    return float(np.mean(penalty) / naive_scale(train))


def covered(actual: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    return (actual >= lower) & (actual <= upper)
