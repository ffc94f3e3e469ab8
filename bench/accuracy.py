"""Projection accuracy on real yearly series: ``python -m bench.accuracy``.

Reads M3 yearly (645 series, horizon 6) and Tourism yearly (518 series, horizon 4) from
../shared/bench/ (or WORKBENCH_BENCH_DIR), forecasts each series from its training part with
``bounds=(0, None)`` (competition values are positive), and prints side by side for the
engine, naive, random walk with drift, and statsforecast's AutoETS and AutoTheta: MASE,
sMAPE, coverage of the 80 % and 95 % intervals (pooled over horizons), MSIS (95 %), and
series per second in this one process, next to the published figures in
../shared/bench/README.md. It then shows how coverage holds by horizon, on series cut to
their last few points (the planners' situation) and across smooth and rough series.

statsforecast is a bench-only extra (``pip install -e '.[bench]'``, done by ``make bench``).
Naive and drift intervals are the textbook Gaussian ones (as R ``forecast`` computes them).
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from analysis.projection import project
from bench import datasets, metrics

PUBLISHED = {
    # (set, method): (MASE, sMAPE) as listed in ../shared/bench/README.md and its CSV files
    ("m3", "R forecast: rwf drift"): (2.632, 16.79),
    ("m3", "R forecast: thetaf"): (2.774, 16.76),
    ("m3", "R forecast: ets"): (2.860, 17.00),
    ("m3", "R forecast: auto.arima"): (2.959, 17.10),
    ("m3", "M3: ROBUST-Trend"): (2.625, 17.03),
    ("m3", "M3: RBF"): (2.720, 16.42),
    ("m3", "M3: THETA"): (2.806, 16.97),
    ("tourism", "R forecast: rwf drift"): (2.617, 20.46),
    ("tourism", "R forecast: thetaf"): (2.730, 20.58),
    ("tourism", "R forecast: ets"): (3.000, 23.01),
}


def _gaussian(center, sd, level):
    z = stats.norm.ppf(0.5 + level / 200)
    return center - z * sd, center + z * sd


def naive_forecast(y, h, levels):
    steps = np.arange(1, h + 1)
    sigma = np.sqrt(np.mean(np.diff(y) ** 2))
    center = np.repeat(y[-1], h)
    return center, {lv: _gaussian(center, sigma * np.sqrt(steps), lv) for lv in levels}


def drift_forecast(y, h, levels):
    n, steps = len(y), np.arange(1, h + 1)
    slope = (y[-1] - y[0]) / (n - 1)
    sigma = np.std(np.diff(y), ddof=1) if n > 2 else abs(y[-1] - y[0])
    center = y[-1] + slope * steps
    return center, {lv: _gaussian(center, sigma * np.sqrt(steps * (1 + steps / (n - 1))), lv) for lv in levels}


def engine_forecast(y, h, levels):
    p = project(pd.Series(y, index=np.arange(1, len(y) + 1)), len(y) + h, bounds=(0, None), levels=levels)
    return p["median"].to_numpy(), {lv: (p[f"lo_{lv:g}"].to_numpy(), p[f"hi_{lv:g}"].to_numpy()) for lv in levels}


def score(series, forecasts, levels=(80, 95)):
    rows = []
    for s, (center, intervals) in zip(series, forecasts):
        row = {"mase": metrics.mase(s.train, s.test, center), "smape": metrics.smape(s.test, center)}
        for lv in levels:
            lo, hi = intervals[lv]
            row[f"cov{lv}"] = metrics.covered(s.test, lo, hi)
        lo, hi = intervals[95]
        row["msis"] = metrics.msis(s.train, s.test, lo, hi, alpha=0.05)
        rows.append(row)
    frame = pd.DataFrame(rows)
    return {
        "MASE": frame["mase"].mean(),
        "sMAPE": frame["smape"].mean(),
        "cover 80": np.mean(np.vstack(frame["cov80"])),
        "cover 95": np.mean(np.vstack(frame["cov95"])),
        "MSIS 95": frame["msis"].mean(),
    }, np.vstack(frame["cov80"]).mean(axis=0), np.vstack(frame["cov95"]).mean(axis=0)


def run_simple(series, h, fn):
    start = time.perf_counter()
    out = [fn(s.train, h, (80, 95)) for s in series]
    return out, len(series) / (time.perf_counter() - start)


def run_statsforecast(series, h):
    try:
        from statsforecast import StatsForecast
        from statsforecast.models import AutoETS, AutoTheta
    except ImportError:
        return {}
    frame = pd.concat(
        [pd.DataFrame({"unique_id": s.id, "ds": np.arange(1, len(s.train) + 1), "y": s.train}) for s in series]
    )
    results = {}
    for name, model in (("statsforecast AutoETS", AutoETS(season_length=1)),
                        ("statsforecast AutoTheta", AutoTheta(season_length=1))):
        engine = StatsForecast(models=[model], freq=1, n_jobs=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            engine.forecast(df=frame[frame["unique_id"] == series[0].id], h=h, level=[80, 95])  # compile first
            start = time.perf_counter()
            fc = engine.forecast(df=frame, h=h, level=[80, 95])
            rate = len(series) / (time.perf_counter() - start)
        column = model.alias
        by_id = {uid: g for uid, g in fc.groupby("unique_id", sort=False)}
        out = []
        for s in series:
            g = by_id[s.id]
            intervals = {lv: (g[f"{column}-lo-{lv}"].to_numpy(), g[f"{column}-hi-{lv}"].to_numpy()) for lv in (80, 95)}
            out.append((g[column].to_numpy(), intervals))
        results[name] = (out, rate)
    return results


def by_category(name: str, series, forecasts) -> pd.DataFrame:
    """Coverage and MASE of the engine by the set's own categories (M3: micro, macro, …)."""
    meta = pd.read_csv(datasets.BENCH_DIR / datasets.SETS[name][0].replace(".csv", "_metadata.csv"))
    category = dict(zip(meta["series_id"].astype(str), meta["category"]))
    rows = []
    for cat in sorted(set(category.values())):
        chosen = [(s, f) for s, f in zip(series, forecasts) if category[s.id] == cat]
        summary, _, _ = score([s for s, _ in chosen], [f for _, f in chosen])
        rows.append({"category": cat, "series": len(chosen), "MASE": summary["MASE"],
                     "cover 80": summary["cover 80"], "cover 95": summary["cover 95"]})
    return pd.DataFrame(rows)


def robustness(series, h):
    """Coverage of the engine on the same series cut to their last few points."""
    rows = []
    for keep in (2, 3, 4, 6, 8, 10):
        # Scores keep the full training series, so that MASE is scaled as in the main table.
        summary, _, _ = score(series, [engine_forecast(s.train[-keep:], h, (80, 95)) for s in series])
        rows.append({"points kept": keep, "MASE": summary["MASE"], "cover 80": summary["cover 80"],
                     "cover 95": summary["cover 95"]})
    return pd.DataFrame(rows)


def prior_ratio(series) -> float:
    """Median ratio of a series' backtest error scale to its mean yearly change: the value
    the engine's PRIOR_RATIO should be close to (it is the centre of the scale prior)."""
    from analysis.projection import engine as P

    ratios = []
    for s in series:
        t = np.arange(1, len(s.train) + 1)
        space = P._space_for(s.train, (0, None))
        z = space.to_error(s.train)
        fits = P._Fits(t, s.train)
        origins, forecasts, horizons = P._backtest(fits, len(t))
        kept, weights, _ = P._choose_methods(fits, len(t), origins, forecasts)
        fitted = space.to_error(space.clip(P._combined(forecasts, kept, weights, origins)))
        known = ~np.isnan(horizons)
        own = np.mean(np.abs((z[None, :] - fitted)[known]) / horizons[known] ** P.GROWTH)
        ratios.append(own / np.mean(np.abs(np.diff(z))))
    return float(np.median(ratios))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(datasets.SETS))
    parser.add_argument("--no-robustness", action="store_true")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    from analysis.projection.engine import PRIOR_RATIO

    everything = [s for name in args.sets for s in datasets.load(name)]
    print(f"median ratio of backtest error scale to mean yearly change over {len(everything)} series: "
          f"{prior_ratio(everything):.3f} (engine's PRIOR_RATIO: {PRIOR_RATIO})")
    for name in args.sets:
        series, h = datasets.load(name), datasets.horizon(name)
        table, by_horizon = {}, {}
        engine_out = None
        for label, fn in (("engine (analysis.project)", engine_forecast), ("naive", naive_forecast),
                          ("drift", drift_forecast)):
            out, rate = run_simple(series, h, fn)
            engine_out = out if engine_out is None else engine_out
            summary, c80, c95 = score(series, out)
            table[label] = {**summary, "series/s": rate}
            by_horizon[label] = (c80, c95)
        for label, (out, rate) in run_statsforecast(series, h).items():
            summary, c80, c95 = score(series, out)
            table[label] = {**summary, "series/s": rate}
            by_horizon[label] = (c80, c95)
        for (set_name, label), (mase, smape) in PUBLISHED.items():
            if set_name == name:
                table[f"published: {label}"] = {"MASE": mase, "sMAPE": smape}
        frame = pd.DataFrame(table).T
        print(f"\n## {name}: {len(series)} series, horizon {h}\n")
        print(frame.to_string(float_format=lambda v: f"{v:.3f}" if abs(v) < 100 else f"{v:.0f}", na_rep="–"))
        print("\ncoverage by horizon (80 % / 95 %):")
        for label, (c80, c95) in by_horizon.items():
            print(f"  {label:28s} " + "  ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(c80, c95)))
        categories = by_category(name, series, engine_out)
        if categories["category"].nunique() > 1:
            print("\nengine by category:")
            print(categories.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        if not args.no_robustness:
            print("\nengine on the same series cut to their last few points:")
            print(robustness(series, h).to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
