"""The forecasts compared in the benchmarks, for one :class:`bench.datasets.Series` each.

Every forecaster returns ``(median, {level: (lower, upper)})`` for the held-out years. The
engine is ``analysis.project``; naive and drift are the textbook random walks with Gaussian
intervals (as R ``forecast`` computes them), written for years that may have gaps (a change
over ``d`` years counts as ``d`` yearly steps); statsforecast's AutoETS and AutoTheta see the
observations as consecutive periods, and fall back on naive where a history is too short for
them.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from analysis.projection import project
from bench.datasets import Series

LEVELS = (80, 95)


def _gaussian(center, sd, level):
    z = stats.norm.ppf(0.5 + level / 200)
    return center - z * sd, center + z * sd


def engine_projection(s: Series, levels=LEVELS, **options) -> pd.DataFrame:
    """The engine's projection of ``s`` through its last held-out year."""
    history = pd.Series(s.train, index=s.train_years)
    return project(history, int(s.test_years[-1]), bounds=s.bounds, levels=levels, **options)


def engine(s: Series, levels=LEVELS, **options):
    projection = engine_projection(s, levels, **options)
    # rows by position (the projection runs year by year from the last point of history)
    table = projection.to_numpy()[s.test_years - int(projection.index[0])]
    columns = {name: i for i, name in enumerate(projection.columns)}
    return table[:, columns["median"]], {lv: (table[:, columns[f"lo_{lv:g}"]], table[:, columns[f"hi_{lv:g}"]])
                                         for lv in levels}


def naive(s: Series, levels=LEVELS):
    steps = np.diff(s.train_years)
    sigma = np.sqrt(np.sum(np.diff(s.train) ** 2 / steps) / steps.size)
    center = np.repeat(s.train[-1], len(s.test))
    return center, {lv: _gaussian(center, sigma * np.sqrt(s.horizons), lv) for lv in levels}


def drift_law(s: Series) -> tuple[np.ndarray, np.ndarray]:
    """Centre and standard deviation of the textbook random walk with drift (R ``rwf``):
    sd = sigma * sqrt(h * (1 + h / T)), T the span of the history in years."""
    t, y, h = s.train_years, s.train, s.horizons.astype(float)
    span = float(t[-1] - t[0])
    slope = (y[-1] - y[0]) / span
    steps = np.diff(t)
    changes = np.diff(y)
    if changes.size > 1:
        sigma = np.sqrt(np.sum((changes - slope * steps) ** 2 / steps) / (changes.size - 1))
    else:
        sigma = abs(changes[0]) / np.sqrt(steps[0])
    return y[-1] + slope * h, sigma * np.sqrt(h * (1 + h / span))


def drift(s: Series, levels=LEVELS):
    center, sd = drift_law(s)
    return center, {lv: _gaussian(center, sd, lv) for lv in levels}


def timed(series: list[Series], fn):
    """Forecasts of ``fn`` for every series, and series per second."""
    start = time.perf_counter()
    out = [fn(s) for s in series]
    return out, len(series) / (time.perf_counter() - start)


def statsforecast_models(series: list[Series]) -> dict:
    """AutoETS and AutoTheta from statsforecast (bench extra), timed after compiling; empty
    when statsforecast is not installed."""
    try:
        from statsforecast import StatsForecast
        from statsforecast.models import AutoETS, AutoTheta, Naive
    except ImportError:
        return {}
    frame = pd.concat(
        [pd.DataFrame({"unique_id": s.id, "ds": np.arange(1, len(s.train) + 1), "y": s.train}) for s in series]
    )
    h = len(series[0].test)
    results = {}
    for name, model in (("statsforecast AutoETS", AutoETS(season_length=1)),
                        ("statsforecast AutoTheta", AutoTheta(season_length=1))):
        # Histories too short for a model (statsforecast refuses "tiny datasets") fall back on naive.
        runner = StatsForecast(models=[model], freq=1, n_jobs=1, fallback_model=Naive())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            runner.forecast(df=frame[frame["unique_id"] == series[0].id], h=h, level=list(LEVELS))  # compile first
            start = time.perf_counter()
            fc = runner.forecast(df=frame, h=h, level=list(LEVELS))
            rate = len(series) / (time.perf_counter() - start)
        column = model.alias
        by_id = {uid: g for uid, g in fc.groupby("unique_id", sort=False)}
        out = []
        for s in series:
            g = by_id[s.id]
            intervals = {lv: (g[f"{column}-lo-{lv}"].to_numpy(), g[f"{column}-hi-{lv}"].to_numpy()) for lv in LEVELS}
            out.append((g[column].to_numpy(), intervals))
        results[name] = (out, rate)
    return results
