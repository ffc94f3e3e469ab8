"""Projection accuracy on real yearly series: ``python -m bench.accuracy``.

Reads from ../shared/bench/ (or WORKBENCH_BENCH_DIR) M3 yearly (645 series, horizon 6),
Tourism yearly (518 series, horizon 4) and the development indicators (15 World Bank
percentages, 1,483 country series, the last 5 observed years held out; see
``bench/datasets.py``). Competition values are projected with ``bounds=(0, None)``, shares
with ``(0, 100)`` (the gross primary completion rate, which exceeds 100 %, with ``(0, None)``).

For each set it prints, side by side for the engine, naive, random walk with drift, and
statsforecast's AutoETS and AutoTheta: MASE (and its ratio to drift's), sMAPE, coverage of
the 80 % and 95 % intervals (pooled over horizons), MSIS (95 %), the number of projected
values outside the bounds, and series per second in this one process; then coverage by
horizon, and the engine on the same series cut to their last few points (the planners'
situation). For the development indicators it also prints the engine by indicator, how well
its "chance of meeting a target" is calibrated (``bench/probability.py``), two or three
points after a measurement break (``bench/breaks.py``), the flattest fifth of the series, and
finally how the engine's law for shares is learned, with its leave-one-indicator-out check
(``bench/calibrate.py``).

statsforecast is a bench-only extra (``pip install -e '.[bench]'``, done by ``make bench``).
Naive and drift intervals are the textbook Gaussian ones (as R ``forecast`` computes them).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from bench import breaks, calibrate, datasets, forecasters, metrics, probability

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
DEV_CUTS = (2, 3, 5, 8)
COMPETITION_CUTS = (2, 3, 4, 6, 8, 10)


def _outside(s: datasets.Series, center, intervals) -> int:
    low = -np.inf if s.bounds[0] is None else s.bounds[0]
    high = np.inf if s.bounds[1] is None else s.bounds[1]
    values = np.concatenate([center] + [np.concatenate(pair) for pair in intervals.values()])
    return int(np.sum((values < low) | (values > high)))


def score(series, forecasts, scale_by=None):
    """Summary over series, and coverage by held-out position. ``scale_by``: the series
    whose history scales MASE and MSIS (the full history when ``series`` are cut)."""
    rows = []
    for s, ref, (center, intervals) in zip(series, scale_by or series, forecasts):
        row = {"mase": metrics.mase(ref.train, s.test, center), "smape": metrics.smape(s.test, center),
               "outside": _outside(s, center, intervals),
               "msis": metrics.msis(ref.train, s.test, *intervals[95], alpha=0.05)}
        for lv in forecasters.LEVELS:
            row[f"cov{lv}"] = metrics.covered(s.test, *intervals[lv])
        rows.append(row)
    frame = pd.DataFrame(rows)
    c80, c95 = np.vstack(frame["cov80"]), np.vstack(frame["cov95"])
    return {
        "MASE": frame["mase"].mean(),  # pandas means skip the NaN of histories that never moved
        "sMAPE": frame["smape"].mean(),
        "cover 80": c80.mean(),
        "cover 95": c95.mean(),
        "MSIS 95": frame["msis"].mean(),
        "outside bounds": int(frame["outside"].sum()),
    }, c80.mean(axis=0), c95.mean(axis=0)


def compare(series, with_statsforecast=True, scale_by=None) -> tuple[pd.DataFrame, dict, list]:
    """The methods side by side on ``series``; coverage by horizon; the engine's forecasts."""
    table, by_horizon, engine_out = {}, {}, None
    for label, fn in (("engine (analysis.project)", forecasters.engine), ("naive", forecasters.naive),
                      ("drift", forecasters.drift)):
        out, rate = forecasters.timed(series, fn)
        engine_out = out if engine_out is None else engine_out
        summary, c80, c95 = score(series, out, scale_by)
        table[label] = {**summary, "series/s": rate}
        by_horizon[label] = (c80, c95)
    if with_statsforecast:
        for label, (out, rate) in forecasters.statsforecast_models(series).items():
            summary, c80, c95 = score(series, out, scale_by)
            table[label] = {**summary, "series/s": rate}
            by_horizon[label] = (c80, c95)
    frame = pd.DataFrame(table).T
    frame.insert(1, "MASE / drift", frame["MASE"] / frame.loc["drift", "MASE"])
    return frame, by_horizon, engine_out


def by_group(series, forecasts) -> pd.DataFrame:
    """The engine by the set's own groups (M3 category; development indicator)."""
    rows = []
    drift = [forecasters.drift(s) for s in series]
    for group in sorted({s.group for s in series}):
        chosen = [i for i, s in enumerate(series) if s.group == group]
        summary, _, _ = score([series[i] for i in chosen], [forecasts[i] for i in chosen])
        reference, _, _ = score([series[i] for i in chosen], [drift[i] for i in chosen])
        rows.append({"group": group, "series": len(chosen), "MASE": summary["MASE"],
                     "MASE / drift": summary["MASE"] / reference["MASE"], "cover 80": summary["cover 80"],
                     "cover 95": summary["cover 95"], "outside bounds": summary["outside bounds"]})
    return pd.DataFrame(rows)


def cut_table(series, cuts, with_statsforecast) -> pd.DataFrame:
    """The comparison on histories cut to their last few points (MASE and MSIS scaled by the
    full history, as in the main table)."""
    frames = []
    for keep in cuts:
        cut = [s.cut(keep) for s in series]
        frame, _, _ = compare(cut, with_statsforecast and keep >= 3, scale_by=series)
        frames.append(frame.assign(points=keep).set_index("points", append=True).swaplevel())
    return pd.concat(frames)


def flattest_fifth(series, forecasts) -> pd.DataFrame:
    """Coverage on the fifth of the series with the smallest mean absolute yearly change."""
    steps = np.array([probability.mean_yearly_change(s) for s in series])
    cutoff = np.quantile(steps, 0.2)
    rows = []
    for label, chosen in (("flattest fifth", steps <= cutoff), ("of which never moved", steps == 0),
                          ("the other four fifths", steps > cutoff)):
        index = np.flatnonzero(chosen)
        summary, _, _ = score([series[i] for i in index], [forecasts[i] for i in index])
        rows.append({"series": label, "count": len(index), "cover 80": summary["cover 80"],
                     "cover 95": summary["cover 95"],
                     "mean 95 % width": np.mean([np.mean(forecasts[i][1][95][1] - forecasts[i][1][95][0])
                                                 for i in index])})
    return pd.DataFrame(rows).set_index("series")


def speed_by_length(series) -> pd.DataFrame:
    """Series per second for the same series cut to 2 and to 20 points."""
    long = [s for s in series if len(s.train) >= 20]
    rows = []
    for keep in (2, 20):
        cut = [s.cut(keep) for s in long]
        forecasters.timed(cut[:50], forecasters.engine)  # warm up
        _, rate = forecasters.timed(cut, forecasters.engine)
        rows.append({"points": keep, "series": len(cut), "series/s": rate})
    return pd.DataFrame(rows).set_index("points")


def _print(frame: pd.DataFrame, index=True) -> None:
    def fmt(v):
        return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3f}"
    print(frame.to_string(index=index, float_format=fmt, na_rep="–"))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(datasets.SETS))
    parser.add_argument("--no-robustness", action="store_true", help="skip the cut histories")
    parser.add_argument("--no-calibration", action="store_true",
                        help="skip relearning the law for shares (bench/calibrate.py) after the tables")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 220)
    print(f"run on {time.strftime('%Y-%m-%d')}")
    for name in args.sets:
        series, h = datasets.load(name), datasets.horizon(name)
        frame, by_horizon, engine_out = compare(series)
        for (set_name, label), (mase, smape) in PUBLISHED.items():
            if set_name == name:
                frame.loc[f"published: {label}", ["MASE", "sMAPE"]] = (mase, smape)
        print(f"\n## {name}: {len(series)} series, {h} held-out values each\n")
        _print(frame)
        print("\ncoverage by held-out position (80 % / 95 %):")
        for label, (c80, c95) in by_horizon.items():
            print(f"  {label:28s} " + "  ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(c80, c95)))
        groups = by_group(series, engine_out)
        if len(groups) > 1:
            print("\nengine by " + ("indicator:" if name == "dev" else "category:"))
            _print(groups, index=False)
        if not args.no_robustness:
            print("\nthe same series cut to their last few points:")
            _print(cut_table(series, DEV_CUTS if name == "dev" else COMPETITION_CUTS, name == "dev"))
        if name == "dev":
            projections = [forecasters.engine_projection(s) for s in series]
            cases = probability.cases(series, projections)
            print(f"\nchance of a value at or above a threshold ({len(cases):,} held-out values × thresholds):")
            _print(probability.summary(cases))
            others = cases[cases["group"] != calibrate.UNEMPLOYMENT]
            print(f"\nthe same without unemployment ({calibrate.UNEMPLOYMENT}, "
                  "held out 2021–2025 after the 2020 peak):")
            _print(probability.summary(others))
            print("\nengine, by stated chance:")
            _print(probability.reliability(cases), index=False)
            rising = cases[cases["rising"] & (cases["k"] > 0)]
            print("\nrising series, thresholds above the last value:")
            _print(probability.summary(rising))
            _print(probability.reliability(rising), index=False)
            print("\n" + breaks.__doc__.strip().splitlines()[0])
            _print(breaks.experiment(series, (2, 3, 5)), index=False)
            print("\nflattest fifth of the series (smallest mean absolute yearly change):")
            _print(flattest_fifth(series, engine_out))
        if name == "m3":
            print("\nengine speed by length of history (M3 series with at least 20 points):")
            _print(speed_by_length(series))
    if "dev" in args.sets and not args.no_calibration:
        print("\n## how the engine's law for shares is learned (python -m bench.calibrate)\n")
        calibrate.main([])


if __name__ == "__main__":
    main()
