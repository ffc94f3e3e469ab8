"""How the engine's law for shares was learned: ``python -m bench.calibrate``.

The shares of the development-indicator benchmark (the 13 World Bank indicators bounded by 0
and 100 % that have series long enough; the gross primary completion rate exceeds 100 % and is
left out, child employment has no series with 9 points) are projected from
their full history and from their last 2, 3, 5 and 8 points. For every held-out year the
engine's median, its backtest errors and the series' yearly changes are kept, so that any
:class:`analysis.projection.engine.ShareLaw` can be scored without projecting again.

The constants are learned so that the intervals are calibrated overall and do not drift
with what a planner's series may look like:

1. ``multiplier`` and ``tail`` (width and tail weight) so that 80 % and 95 %
   intervals cover 80 % and 95 % of held-out values, on the full histories above all and on
   each cut length;
2. ``floor`` from the histories that did not move at all: the smallest scale whose 95 %
   intervals cover 95 % of what such series did next;
3. ``growth`` (how the scale grows with the horizon) from a grid, so that coverage does not
   drift from the first to the fifth held-out year; then ``own_weight`` (the weight of the
   backtest errors against the yearly changes) from a grid, so that coverage does not drift
   from the smoothest to the roughest fifth of the series. Steps 1 and 2 are redone for
   every trial value.

The same steps are then repeated leaving out one indicator at a time and the left-out
indicator is scored: that is the out-of-sample figure the engine can promise. The chances
at the thresholds of ``bench/probability.py`` are scored as the engine states them (for the
value as reported, :func:`analysis.projection.engine.true_bar`), pooled over the left-out
indicators, with and without unemployment (its histories end at the 2020 COVID peak and hold out
2021–2025, the recovery), and once more with the gross completion rate, the one indicator projected as a
quantity (its law comes from M3 and Tourism), added as the engine states it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy import stats
from scipy.optimize import minimize

from analysis.projection import engine as E
from bench import datasets, forecasters, metrics, probability
from bench.forecasters import drift_law
from bench.probability import MULTIPLES, mean_yearly_change

UNEMPLOYMENT = "SL.UEM.TOTL.ZS"
"""ILO modelled unemployment: its histories end at the 2020 COVID peak and hold out 2021–2025."""
CUTS = (0, 2, 3, 5, 8)
"""0: the full history; otherwise the last so many points."""
FULL_WEIGHT = 4
"""In step 1 the full histories weigh as much as the four cut lengths together."""


@dataclass
class Cases:
    """One row per (series, cut, held-out year); errors of each (series, cut) in flat arrays."""

    frame: pd.DataFrame
    errors: np.ndarray
    error_horizons: np.ndarray
    error_owner: np.ndarray
    """Index (into the fits) of the (series, cut) each backtest error belongs to."""
    steps: np.ndarray
    step_years: np.ndarray
    step_owner: np.ndarray
    """Absolute changes between consecutive points (model space), their lengths in years, and
    the (series, cut) they belong to."""
    fits: pd.DataFrame
    thresholds: pd.DataFrame
    cache: dict = field(default_factory=dict)


def collect(series: list[datasets.Series], cuts=CUTS) -> Cases:
    rows, fits, thresholds = [], [], []
    errors, horizons, owner = [], [], []
    steps, step_years, step_owner = [], [], []
    for s in series:
        if s.bounds != (0, 100):
            continue
        for cut in cuts:
            part = s.cut(cut) if cut else s
            t, values = part.train_years, part.train
            evidence = E._evidence(t, values, part.bounds, part.test_years, np.ones(len(t) - 1, bool))
            fit = len(fits)
            change = float(np.mean(np.abs(np.diff(evidence.z_err)) / np.diff(t)))
            still = E.standing_still(np.abs(np.diff(evidence.z_err)))
            fits.append((s.group, s.id, cut, len(t), change, len(t) - 1, still))
            errors.append(evidence.errors)
            horizons.append(evidence.horizons)
            owner.append(np.full(evidence.errors.size, fit))
            steps.append(np.abs(np.diff(evidence.z_err)))
            step_years.append(np.diff(t).astype(float))
            step_owner.append(np.full(len(t) - 1, fit))
            actual = evidence.space.to_error(part.test)
            step = mean_yearly_change(part)
            reported_to = E.reporting_step(values)
            line, spread = drift_law(part)
            for year, h, center, z, value, mean, sd in zip(part.test_years, part.horizons, evidence.center, actual,
                                                           part.test, line, spread):
                case = len(rows)
                rows.append((fit, s.group, cut, int(h), float(center), float(z)))
                if cut == 0 and step > 0:
                    for k in MULTIPLES:
                        c = part.train[-1] + k * step * h
                        if 0 < c < 100:
                            # as the engine does: the true value from which the reported one reaches c
                            bar = E.true_bar(c, reported_to)
                            certain = 1.0 if bar <= 0 else 0.0 if bar > 100 else np.nan
                            gaussian = float(stats.norm.sf(c, mean, sd)) if sd > 0 else float(mean >= c)
                            thresholds.append((case, float(evidence.space.to_error(np.array([min(max(bar, 0), 100)]))[0]),
                                               certain, gaussian, float(value >= c)))
    return Cases(
        pd.DataFrame(rows, columns=["fit", "group", "cut", "h", "center", "actual"]),
        np.concatenate(errors), np.concatenate(horizons), np.concatenate(owner),
        np.concatenate(steps), np.concatenate(step_years), np.concatenate(step_owner),
        pd.DataFrame(fits, columns=["group", "id", "cut", "n", "change", "changes", "still"]),
        pd.DataFrame(thresholds, columns=["case", "threshold", "certain", "gaussian drift", "happened"]),
    )


def _own_and_change(cases: Cases, growth: float) -> tuple[np.ndarray, np.ndarray]:
    """Each fit's mean backtest error and mean yearly change, over ``d**growth`` (cached)."""
    cache = cases.cache
    if growth not in cache:
        n = len(cases.fits)
        count = np.bincount(cases.error_owner, minlength=n)
        total = np.bincount(cases.error_owner, np.abs(cases.errors) / cases.error_horizons**growth, minlength=n)
        change = np.bincount(cases.step_owner, cases.steps / cases.step_years**growth, minlength=n) \
            / np.bincount(cases.step_owner, minlength=n)
        own = np.where(count > 0, total / np.maximum(count, 1), change)
        cache[growth] = (own, change)
    return cache[growth]


def law_arrays(cases: Cases, law: E.ShareLaw, rows: np.ndarray | None = None):
    """Scale at each case's horizon, and the tail of its law."""
    fits = cases.fits
    own, change = _own_and_change(cases, law.growth)
    scale = law.multiplier * own**law.own_weight * change ** (1 - law.own_weight)
    scale = np.maximum(scale, np.maximum(law.floor * fits["still"].to_numpy(), E.SMALLEST_SCALE))
    frame = cases.frame if rows is None else cases.frame.iloc[rows]
    fit = frame["fit"].to_numpy()
    return scale[fit] * frame["h"].to_numpy() ** law.growth, np.full(fit.size, law.tail)


def _factor(level, tail):
    return tail * ((1 - level) ** (-1 / tail) - 1)


def coverage(cases: Cases, law: E.ShareLaw, rows: np.ndarray, level: float) -> float:
    spread, tail = law_arrays(cases, law, rows)
    frame = cases.frame.iloc[rows]
    error = np.abs(frame["actual"].to_numpy() - frame["center"].to_numpy())
    return float(np.mean(error <= _factor(level, tail) * spread))


def _chosen_thresholds(cases: Cases, groups=None) -> pd.DataFrame:
    chosen = cases.thresholds
    if groups is not None:
        case_group = cases.frame["group"].to_numpy()[chosen["case"].to_numpy()]
        chosen = chosen[np.isin(case_group, groups)]
    return chosen


def probabilities(cases: Cases, law: E.ShareLaw, groups=None) -> tuple[np.ndarray, np.ndarray]:
    """The engine's probabilities at the benchmark thresholds (full histories), and outcomes."""
    chosen = _chosen_thresholds(cases, groups)
    rows = chosen["case"].to_numpy()
    spread, tail = law_arrays(cases, law, rows)
    x = (chosen["threshold"].to_numpy() - cases.frame["center"].to_numpy()[rows]) / spread
    certain = chosen["certain"].to_numpy()
    return np.where(np.isnan(certain), E._tail(x, tail), certain), chosen["happened"].to_numpy()


def scores(cases: Cases, law: E.ShareLaw, groups=None) -> dict:
    """Coverage per cut, and Brier/ECE/worst bin of the threshold probabilities."""
    frame = cases.frame
    mine = np.ones(len(frame), bool) if groups is None else np.isin(frame["group"], groups)
    out = {}
    for cut in CUTS:
        rows = np.flatnonzero(mine & (frame["cut"].to_numpy() == cut))
        if rows.size:
            out[f"cover 80 ({cut or 'all'})"] = coverage(cases, law, rows, 0.8)
            out[f"cover 95 ({cut or 'all'})"] = coverage(cases, law, rows, 0.95)
    p, happened = probabilities(cases, law, groups)
    ece, worst = metrics.calibration_error(p, happened)
    out.update({"Brier": metrics.brier(p, happened), "ECE": ece, "worst bin": worst})
    return out


def _moved_rows(cases: Cases, groups) -> np.ndarray:
    frame = cases.frame
    still = cases.fits["still"].to_numpy()[frame["fit"].to_numpy()]
    return np.flatnonzero(np.isin(frame["group"], groups) & (still < 1))


def fit_width(cases: Cases, groups, law: E.ShareLaw) -> E.ShareLaw:
    """multiplier and tail so that 80 % and 95 % intervals cover 80 % and 95 %: on the full
    histories above all (weight FULL_WEIGHT), and on each cut length."""
    chosen = np.isin(cases.frame["group"], groups)
    cut = cases.frame["cut"].to_numpy()
    by_cut = [np.flatnonzero(chosen & (cut == c)) for c in CUTS]

    def loss(x):
        trial = replace(law, multiplier=float(np.exp(x[0])), tail=float(np.exp(x[1])))
        total = 0.0
        for c, rows in zip(CUTS, by_cut):
            gaps = (coverage(cases, trial, rows, 0.8) - 0.8) ** 2 + (coverage(cases, trial, rows, 0.95) - 0.95) ** 2
            total += (FULL_WEIGHT if c == 0 else 1) * gaps
        return total

    start = min(([m, k] for m in np.log([0.5, 0.7, 0.9, 1.2]) for k in np.log([1.5, 2.0, 3.0, 5.0])), key=loss)
    best = minimize(loss, start, method="Nelder-Mead", options={"xatol": 1e-3, "fatol": 1e-8, "maxiter": 300}).x
    return replace(law, multiplier=round(float(np.exp(best[0])), 3), tail=round(float(np.exp(best[1])), 2))


def fit_floor(cases: Cases, groups, law: E.ShareLaw) -> E.ShareLaw:
    """The smallest floor whose 95 % intervals cover 95 % of the next values of histories
    that stood still (full and cut)."""
    frame = cases.frame
    still = cases.fits["still"].to_numpy()[frame["fit"].to_numpy()]
    rows = np.flatnonzero(np.isin(frame["group"], groups) & (still == 1))
    low, high = 1e-4, 1.0
    for _ in range(30):
        middle = np.sqrt(low * high)
        if coverage(cases, replace(law, floor=middle), rows, 0.95) >= 0.95:
            high = middle
        else:
            low = middle
    return replace(law, floor=round(float(high), 3))


def horizon_drift(cases: Cases, groups, law: E.ShareLaw) -> float:
    """How much coverage drifts with the horizon: squared gaps between the coverage at each
    horizon of 1 to 5 years and the pooled coverage (80 % and 95 %)."""
    frame = cases.frame
    chosen = np.isin(frame["group"], groups)
    everything = np.flatnonzero(chosen)
    pooled = [coverage(cases, law, everything, level) for level in (0.8, 0.95)]
    total = 0.0
    for h in range(1, 6):
        rows = np.flatnonzero(chosen & (frame["h"].to_numpy() == h))
        total += sum((coverage(cases, law, rows, level) - p) ** 2 for level, p in zip((0.8, 0.95), pooled))
    return total


def roughness_drift(cases: Cases, groups, law: E.ShareLaw) -> float:
    """How much coverage drifts with roughness: squared gaps between the coverage in each
    fifth of the full histories that moved, ranked by backtest error over yearly change,
    and their pooled coverage (80 % and 95 %)."""
    own, change = _own_and_change(cases, law.growth)
    frame = cases.frame
    fit = frame["fit"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        roughness = (own / change)[fit]
    chosen = np.flatnonzero(np.isin(frame["group"], groups) & (frame["cut"].to_numpy() == 0)
                            & (cases.fits["still"].to_numpy()[fit] < 1) & np.isfinite(roughness))
    fifth = np.searchsorted(np.quantile(roughness[chosen], [0.2, 0.4, 0.6, 0.8]), roughness[chosen])
    pooled = [coverage(cases, law, chosen, level) for level in (0.8, 0.95)]
    return sum((coverage(cases, law, chosen[fifth == i], level) - p) ** 2
               for i in range(5) for level, p in zip((0.8, 0.95), pooled))


GROWTHS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
OWN_WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7)


def _widths(cases: Cases, groups, law: E.ShareLaw) -> E.ShareLaw:
    law = fit_floor(cases, groups, fit_width(cases, groups, law))
    return fit_floor(cases, groups, fit_width(cases, groups, law))  # the floor moves coverage a little


START = E.ShareLaw(multiplier=0.7, own_weight=0.5, growth=0.7, tail=2.5, floor=0.03)
"""Where the search starts (the result does not depend on the engine's current constants)."""


def learn(cases: Cases, groups, start: E.ShareLaw = START) -> E.ShareLaw:
    """All the constants, learned on the indicators ``groups`` only: ``growth`` so that
    coverage does not drift with the horizon (own_weight 0.5 meanwhile), then ``own_weight``
    so that it does not drift with roughness, each with the widths and the floor refitted."""
    trials = [_widths(cases, groups, replace(start, growth=g, own_weight=0.5)) for g in GROWTHS]
    growth = min(trials, key=lambda law: horizon_drift(cases, groups, law)).growth
    trials = [_widths(cases, groups, replace(start, growth=growth, own_weight=a)) for a in OWN_WEIGHTS]
    return min(trials, key=lambda law: roughness_drift(cases, groups, law))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cross-validation", action="store_true")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    cases = collect(datasets.load("dev"))
    groups = sorted(cases.fits["group"].unique())
    print(f"{len(cases.fits)} (series, cut) fits, {len(cases.frame)} held-out values, "
          f"{len(cases.thresholds)} thresholds, {len(groups)} indicators")
    law = learn(cases, groups)
    print(f"\nlearned on all {len(groups)} indicators: {law}")
    print(f"engine's SHARE_LAW:                {E.SHARE_LAW}")
    print(pd.Series(scores(cases, law)).to_string(float_format=lambda v: f"{v:.3f}"))
    if args.no_cross_validation:
        return
    rows, hits, stated, happened = [], {0.8: [], 0.95: []}, [], []
    full = cases.frame["cut"].to_numpy() == 0
    for left_out in groups:
        trained = learn(cases, [g for g in groups if g != left_out])
        row = {"left out": left_out, **{k: getattr(trained, k) for k in
                                        ("multiplier", "own_weight", "growth", "tail", "floor")}}
        row.update(scores(cases, trained, [left_out]))
        rows.append(row)
        mine = np.flatnonzero(full & (cases.frame["group"].to_numpy() == left_out))
        for level in hits:
            hits[level].append(coverage(cases, trained, mine, level) * mine.size)
        p, outcome = probabilities(cases, trained, [left_out])
        stated.append(p)
        happened.append(outcome)
    table = pd.DataFrame(rows)
    print("\nleave one indicator out: constants learned on the other indicators, scored on the left-out one")
    columns = ["left out", "multiplier", "own_weight", "growth", "tail", "floor",
               "cover 80 (all)", "cover 95 (all)", "cover 80 (2)", "cover 95 (2)", "cover 80 (3)", "cover 95 (3)",
               "Brier", "ECE", "worst bin"]
    print(table[columns].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    stated, happened = np.concatenate(stated), np.concatenate(happened)
    gaussian = np.concatenate([_chosen_thresholds(cases, [g])["gaussian drift"].to_numpy() for g in groups])
    owner = np.concatenate([np.full(len(_chosen_thresholds(cases, [g])), g) for g in groups])
    total = int(full.sum())
    print(f"\npooled over the left-out indicators (full histories): cover 80 {sum(hits[0.8]) / total:.3f}, "
          f"cover 95 {sum(hits[0.95]) / total:.3f}")
    # The indicator that is not a share (projected as a quantity: nothing here was learned on it)
    # joins as the engine states it, for figures on the whole set.
    quantities = [s for s in datasets.load("dev") if s.bounds != (0, 100)]
    rest = probability.cases(quantities, [forecasters.engine_projection(s) for s in quantities])
    whole = (np.r_[stated, rest["engine"]], np.r_[happened, rest["happened"]], np.r_[gaussian, rest["gaussian drift"]],
             np.r_[owner, rest["group"]])
    for label, (p, outcome, drift, group) in (("shares", (stated, happened, gaussian, owner)), ("whole set", whole)):
        for which, chosen in (("every indicator", np.ones(group.size, bool)),
                              (f"without {UNEMPLOYMENT}", group != UNEMPLOYMENT)):
            ece, worst = metrics.calibration_error(p[chosen], outcome[chosen])
            brier = metrics.brier(p[chosen], outcome[chosen])
            print(f"  {label}, {which} ({int(chosen.sum()):,} thresholds): Brier {brier:.4f} "
                  f"({brier / metrics.brier(drift[chosen], outcome[chosen]):.3f} × Gaussian drift), "
                  f"ECE {ece:.4f}, worst bin {worst:.3f}")
    every = pd.DataFrame(metrics.calibration_table(stated, happened), columns=["stated", "cases", "mean stated",
                                                                               "happened"])
    chosen = owner != UNEMPLOYMENT
    without = pd.DataFrame(metrics.calibration_table(stated[chosen], happened[chosen]),
                           columns=["stated", "cases ", "mean stated ", "happened "])
    print("\nby stated chance, every indicator | without unemployment")
    print(every.merge(without, on="stated").to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
