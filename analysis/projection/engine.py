"""Projecting a short yearly series, with intervals that cover what they claim.

The planners' series have 2 to 10 yearly points, breaks in the measurement standard, and
values close to 0 % or 100 %. :func:`project` handles them in four steps, and
:func:`probability_beyond` turns its law into the chance of a value.

1. **Which data.** A new measurement standard (``breaks``) makes older levels incomparable,
   not older yearly changes. The level always comes from the points since the latest break.
   Each older run of two or more points is shifted (in the model space) so that it joins the
   next run with the average yearly change seen within the runs: its own yearly changes then
   inform the trend and the width of the interval, and the filled-in change at the join
   counts as neither a change nor a backtest error. A lone older point says nothing about
   changes and is dropped. When an overlap year measured on both standards is given
   (``overlaps``), the older points are instead shifted by the difference seen in it. Missing
   years are never filled in.
2. **Which space.** Shares bounded on both sides (percentages) have their errors measured in
   a logit space reaching slightly past the bounds, so that 0 % and 100 % can be modelled
   (0.1 % of the range; half a unit for a share of a few units that sits on a bound, since
   one of two hamlets moves by 50 %).
   Their median is made on the log of the distance to the bound the series heads for (the
   upper one if the history used rose from its first to its last point, the lower one
   otherwise): a trend then closes a constant part of that distance each year and bends only
   as the bound comes near. In logit space a share rising from a low level would grow
   exponentially, and one falling from a high level would fall ever faster; on the
   development indicators that overshot, and the median made this way is 3 % more accurate
   (MASE 2.58 against 2.68): more accurate on 8 of the 13 indicators, within 1 % on 4, and
   9 % less accurate on rural poverty (16 series). Quantities
   bounded below (counts, money) are projected on their own scale — on real yearly series
   that is far more accurate than a log scale — and their errors are measured as log ratios
   (of the distance to the bound, plus a tenth of its mean so that a dip towards zero does
   not explode them); a count of a few whole units (fewer than 10 on average: a commune's
   hamlets) has its errors counted in units, since from 1 to 0 is one unit, not a collapse, and
   so has a quantity of two or three points: one or two errors compounded as log ratios gave
   95 % bands of millions of times its level.
   Unbounded series stay as they are. Every number is mapped back and
   clipped to the bounds.
3. **The median.** Five methods suited to short yearly series are fitted: random walk with
   drift, drift from the median yearly change, Theta (Hyndman & Billah 2003), a damped trend
   (Gardner & McKenzie 1985) and a linear trend on the last ten points. Rolling-origin
   backtests from every origin in the later half of the series measure each one on the series
   itself; a method whose mean absolute backtest error is more than twice the best one's is
   dropped, and the others are averaged with weights in inverse proportion to the square of
   that error. Theta and the damped trend need every year. With fewer than four points the
   latest value is kept: two or three points cannot tell a trend from year-to-year noise (on
   M3, Tourism and the development indicators cut to two or three points, carrying on their
   average change was 10 % to 140 % less accurate).
4. **The intervals.** The same backtests give the errors the projection itself would have
   made. Errors grow with the horizon ``h`` (in years, so a gap before the deadline widens
   the interval by its length) and have heavy tails, like real forecast errors: a new error
   exceeds ``x`` scales with probability ``(1 + x/k)**-k``.

   *Shares* follow a law learned on real development indicators (13 World Bank percentages,
   1,310 country series, each also cut to its last 2, 3, 5 and 8 points;
   ``bench/calibrate.py``): the one-year scale is 0.702 × the backtest error scale to the power
   0.6 × the mean yearly change to the power 0.4 (both in logit space), it grows like
   ``h**0.7``, and ``k`` = 2.43 whatever the length of the history. A series standing still
   gets at least 0.038 logit a year (times the share of its history it has stood still,
   counted from the latest year back), which is what series that had stood still went on to
   do: a flat history never makes a value a few points away impossible.

   *Quantities* keep the law fitted on M3 and Tourism: Laplace errors growing like
   ``h**0.75``, between the ``sqrt(h)`` of a random walk and the ``h`` of an uncertain slope,
   with a scale that is the geometric mean of the backtest scale and 0.7 times the series'
   mean yearly change (0.7 is the typical ratio of the two on real series: an
   empirical-Bayes prior); with the scale estimated from ``k`` errors, the tail above is then
   exactly an F(2, 2k) law: few errors give wide intervals, many give Laplace ones.

5. **The chance of a value** (:func:`probability_beyond`) comes from the same law as the
   intervals, for the value as it will be reported: the history shows the step its values are
   reported to (one decimal, two, whole numbers: :func:`reporting_step`), and a reported value
   reaches 99.0 from a true value of 98.95. A series that stays where it is then gets the
   chance it deserves of still being "at or above" its latest value; without this, chances at
   the latest value were too low wherever values repeat (half the HIV prevalences held out).

Measured on real series (``python -m bench.accuracy``; tables in the README): on the
development indicators (1,483 series, last 5 observed years held out), 80 % and 95 %
intervals cover 0.81 and 0.95, and 0.80–0.82 and 0.94–0.96 when the same series are cut to
their last 2 to 8 points; with the law learned leaving each indicator out in turn, 0.80 and
0.95. The chance of reaching a threshold scores a Brier of 0.88 times the textbook Gaussian
drift's, 0.86 without unemployment (whose histories end at the 2020 COVID peak), and is calibrated
within 0.01 (expected calibration error) without unemployment, 0.03 with it. With 2 or 3
points after a break, borrowing the older changes keeps 95 % intervals covering 0.95 with
bands as narrow as with no break. On M3 yearly and Tourism yearly, nothing changed: MASE 2.58
and 2.57, coverage 0.80/0.965 and 0.79/0.95.

References: Hyndman & Billah (2003) IJF 19:287–290 (Theta); Gardner & McKenzie (1985)
Management Science 31:1237–1246 (damped trend); Tashman (2000) IJF 16:437–450 (rolling-origin
evaluation); Makridakis, Spiliotis & Assimakopoulos (2020) IJF 36:54–74 (yearly benchmarks);
Kotz, Kozubowski & Podgórski (2001) The Laplace Distribution and Generalizations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

__all__ = ["project", "probability_beyond", "quantile_at"]

GROWTH = 0.75
"""Errors grow with the horizon ``h`` (years) like ``h ** GROWTH``."""
TRIM = 2.0
"""A method is dropped when its backtest error exceeds ``TRIM`` times the best method's."""
LINEAR_WINDOW = 10
"""The linear trend is fitted on this many latest points."""
MIN_POINTS_ALL_METHODS = 4
"""Below this many points only the drift is fitted."""
PRIOR_RATIO = 0.7
"""Typical ratio of a series' one-year backtest error scale to its mean yearly change: the
median over the 1,163 M3 and Tourism yearly series is 0.68 (bench/accuracy.py prints it).
Each series' error scale is pulled towards this ratio times its own yearly change."""
LOG_SHIFT = 0.1
"""Errors of a quantity above a bound are log ratios of its distance to the bound plus this
fraction of the mean distance (see ``_log_shift``)."""
SMALL_COUNT = 10
"""A quantity reported in whole units whose mean is below this many units (a commune's hamlets)
has its errors measured in units, not as log ratios: from 1 to 0 is one unit, not a collapse."""
FEW_UNITS = 50
"""A share whose values are all k/n of its range for some n up to this is a share of a few units
(hamlets of a commune, communes of a district)."""
SHARE_STRETCH = 0.001
"""The logit space of a bounded share reaches this fraction of its range past each bound, so
that a share observed at exactly 0 % or 100 % can be modelled."""

_SES_ALPHAS = np.array([0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0])
_A, _B, _P = (
    g.ravel()
    for g in np.meshgrid(
        np.array([0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0]),
        np.array([0.01, 0.05, 0.1, 0.2, 0.4]),
        np.array([0.8, 0.9, 0.95, 0.98]),
        indexing="ij",
    )
)
"""Grids searched for the smoothing parameters of Theta's SES and of the damped trend."""

METHODS = ("drift", "median drift", "Theta", "damped trend", "linear trend")


# ---------------------------------------------------------------------------------------
# spaces


@dataclass(frozen=True)
class _Space:
    """Where the median is made (``point``) and where errors are measured (``error``).

    kind: "logit" (both bounds), "log" (lower bound), "log-upper" (upper bound), "identity".
    """

    kind: str
    low: float | None
    high: float | None
    shift: float = 0.0

    def to_error(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, float)
        if self.kind == "logit":
            p = (x - self.low + self.shift) / (self.high - self.low + 2 * self.shift)
            return np.log(p) - np.log1p(-p)
        # The shift is positive, and values are within the bound, so the logs are finite.
        if self.kind == "log":
            return np.log(x - self.low + self.shift)
        if self.kind == "log-upper":
            return np.log(self.high - x + self.shift)
        return x

    def from_error(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, float)
        if self.kind == "logit":
            with np.errstate(over="ignore"):
                p = 1.0 / (1.0 + np.exp(-z))
            x = self.low - self.shift + p * (self.high - self.low + 2 * self.shift)
        elif self.kind == "log":
            with np.errstate(over="ignore"):
                x = self.low - self.shift + np.exp(z)
        elif self.kind == "log-upper":
            with np.errstate(over="ignore"):
                x = self.high + self.shift - np.exp(z)
        else:
            x = z
        return self.clip(x)

    def clip(self, x: np.ndarray) -> np.ndarray:
        return np.clip(x, -np.inf if self.low is None else self.low, np.inf if self.high is None else self.high)


def _log_shift(gap: np.ndarray, step: float) -> float:
    """Room added before taking logs of the distance to a bound: LOG_SHIFT of its mean, and at
    least half the step the values are reported to.

    Without it a series that dips close to its bound makes log-ratio errors explode, and so
    the upper end of its intervals (one M3 series got a 95 % upper end 30,000 times its level).
    Half a reporting step is the log(x + ½) of counts: a commune's count of hamlets that went
    from 1 to 0 moved by one hamlet, not by a factor of a hundred.

    >>> _log_shift(np.array([0.0, 1.0, 0.0, 0.0]), 1.0), _log_shift(np.array([400.0, 600.0]), 1.0)
    (0.5, 50.0)
    """
    return max(LOG_SHIFT * float(np.mean(gap)), step / 2, 1e-9)


def _share_stretch(values: np.ndarray, low: float, high: float) -> float:
    """How far past each bound the logit space of a share reaches: SHARE_STRETCH of the range,
    and, for a share of a few units (each value k of n, n at most FEW_UNITS, and n free to change
    from year to year) that sits on a bound, half a unit (of the largest n).

    A share of a few units moves by whole units: one of two hamlets is 50 %. Measured from 0.1 %
    past the bound, a move from 100 % to 50 % would look like a fall of seven logits, and the
    interval of every such series would span 0–100 %. Half a unit past the bound is the
    empirical logit, log((k + ½) / (n − k + ½)). A share measured by a survey is not made of
    a few units, and keeps the narrow stretch even when it reaches 100 %.

    >>> _share_stretch(np.array([50.0, 100.0, 100.0]), 0, 100), _share_stretch(np.array([93.33, 100.0]), 0, 100)
    (25.0, 3.3333333333333335)
    >>> _share_stretch(np.array([82.19, 83.74, 100.0]), 0, 100), _share_stretch(np.array([0.0, 0.0]), 0, 100)
    (0.1, 0.1)
    >>> round(_share_stretch(np.array([95.45, 95.65, 100.0]), 0, 100), 3)  # 21 of 22, 22 of 23, 23 of 23
    2.174
    """
    stretch = SHARE_STRETCH * (high - low)
    on_bound = (values == low) | (values == high)
    if not on_bound.any() or on_bound.all():  # never on a bound, or never off it: nothing to read
        return stretch
    fractions = (values - low) / (high - low)
    # each value's smallest n for which it is k of n, reported to two decimals of a percent (66,67 % is
    # 2 of 3); the count may change from year to year (21 of 22 pupils, then 23 of 23)
    counts = np.multiply.outer(fractions, _UNIT_COUNTS)
    fits = np.abs(counts - np.round(counts)) <= _UNIT_COUNTS * 0.00006
    if not fits.any(axis=1).all():
        return stretch
    largest = int(_UNIT_COUNTS[np.argmax(fits, axis=1)].max())
    return max(stretch, (high - low) / largest / 2)


_UNIT_COUNTS = np.arange(1, FEW_UNITS + 1)


def _space_for(values: np.ndarray, bounds: tuple[float | None, float | None]) -> _Space:
    low, high = bounds
    step = reporting_step(values)
    if low is not None and high is not None:
        return _Space("logit", float(low), float(high), _share_stretch(values, float(low), float(high)))
    if low is not None:
        if len(values) < MIN_POINTS_ALL_METHODS:
            # two or three points: one or two errors say little, and as log ratios compounded over
            # the years they made 95 % bands of millions of workers for a commune's jobs
            return _Space("identity", float(low), None)
        if step >= 1 and float(np.mean(values - low)) < SMALL_COUNT * step:
            # a few whole units (hamlets of a commune): errors are units gained or lost, not ratios
            return _Space("identity", float(low), None)
        return _Space("log", float(low), None, _log_shift(values - low, step))
    if high is not None:
        return _Space("log-upper", None, float(high), _log_shift(high - values, step))
    return _Space("identity", None, None)


# ---------------------------------------------------------------------------------------
# the five methods, for every origin at once


class _Fits:
    """The five methods fitted from every origin ``o`` (the first ``o`` points) at once.

    Four methods forecast ``level + slope * h``; the damped trend forecasts
    ``level + phi * (1 - phi**h) / (1 - phi) * trend``. Their parameters are arrays indexed
    by origin, so that the forecasts of every origin come from a few array operations.
    """

    def __init__(self, t: np.ndarray, z: np.ndarray):
        self.t, self.z = t, z
        n = len(z)
        self.regular = bool(np.all(np.diff(t) == 1))
        tf = (t - t[0]).astype(float)
        o = np.arange(n + 1)  # origin o uses points [0, o); index 0 and 1 are unused
        self.level = np.full((len(METHODS), n + 1), np.nan)
        self.slope = np.full((len(METHODS), n + 1), np.nan)
        self.phi = np.full(n + 1, np.nan)
        last = np.concatenate([[np.nan], z])  # last[o] = z[o - 1]
        t_last = np.concatenate([[np.nan], tf])
        with np.errstate(invalid="ignore", divide="ignore"):
            self.level[0] = last
            self.slope[0] = (last - z[0]) / t_last
        self.t_last = t_last
        if n < MIN_POINTS_ALL_METHODS:
            return
        full = o >= MIN_POINTS_ALL_METHODS
        rates = (np.diff(z) / np.diff(tf)).tolist()
        medians = np.full(n + 1, np.nan)
        for origin in range(MIN_POINTS_ALL_METHODS, n + 1):
            ordered = sorted(rates[: origin - 1])
            middle = len(ordered) // 2
            medians[origin] = ordered[middle] if len(ordered) % 2 else 0.5 * (ordered[middle - 1] + ordered[middle])
        self.level[1] = np.where(full, last, np.nan)
        self.slope[1] = medians
        # Prefix sums give every origin's least-squares line in a few operations.
        cum = np.zeros((n + 1, 4))
        np.cumsum(np.stack([tf, z, tf * z, tf * tf], axis=1), axis=0, out=cum[1:])
        start = np.maximum(o - LINEAR_WINDOW, 0)
        slope, mean_t, mean_z = _least_squares(cum, start, o)
        self.level[4] = np.where(full, mean_z + slope * (t_last - mean_t), np.nan)
        self.slope[4] = np.where(full, slope, np.nan)
        if not self.regular:
            return
        ses_level, ses_sse, d_level, d_trend, d_sse = _recursions(z)
        rows = o[full] - 1
        k = np.argmin(ses_sse[rows], axis=1)
        alpha = _SES_ALPHAS[k]
        b0 = _least_squares(cum, np.zeros_like(o), o)[0][full]
        level = ses_level[rows, k]
        self.level[2, full] = level + b0 / 2 * (-1 + 1 / alpha - (1 - alpha) ** o[full] / alpha)
        self.slope[2, full] = b0 / 2
        k = np.argmin(d_sse[rows], axis=1)
        self.level[3, full] = d_level[rows, k]
        self.slope[3, full] = d_trend[rows, k]
        self.phi[full] = _P[k]

    def forecasts(self, origins: np.ndarray, horizons: np.ndarray) -> np.ndarray:
        """Forecasts of every method (axis 0, METHODS order; NaN when not fitted) from each
        origin, ``horizons`` years after its last point. ``horizons`` broadcasts against
        ``origins[:, None]``."""
        h = np.asarray(horizons, float)
        level = self.level[:, origins][:, :, None]
        slope = self.slope[:, origins][:, :, None]
        out = level + slope * h
        phi = self.phi[origins][:, None]
        with np.errstate(invalid="ignore"):
            out[3] = level[3] + phi * (1 - phi**h) / (1 - phi) * slope[3]
        return out


def _least_squares(cum: np.ndarray, start: np.ndarray, stop: np.ndarray):
    """Slope of z on t over points [start, stop) for arrays of windows, with window means."""
    m = (stop - start).astype(float)
    st, sz, stz, stt = (cum[stop] - cum[start]).T
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = (m * stz - st * sz) / (m * stt - st * st)
        return slope, st / m, sz / m


# SES is the damped-trend recursion with no trend (beta = 0, phi = 1, trend starting at 0), so
# both grids run as one vector recursion.
_ALPHA = np.r_[_SES_ALPHAS, _A]
_ALPHA_BETA = np.r_[np.zeros(_SES_ALPHAS.size), _A * _B]
_PHI = np.r_[np.ones(_SES_ALPHAS.size), _P]
_N_SES = _SES_ALPHAS.size


def _recursions(z: np.ndarray):
    """SES levels and damped-trend states after each point, for every grid parameter, with
    the running sum of squared one-step errors used to choose the parameters."""
    n = len(z)
    levels = np.empty((n, _ALPHA.size))
    trends = np.empty((n, _ALPHA.size))
    errors = np.empty((n, _ALPHA.size))
    level = np.full(_ALPHA.shape, z[0])
    trend = np.concatenate([np.zeros(_N_SES), np.full(_A.size, z[1] - z[0])])
    levels[0], trends[0], errors[0] = level, trend, 0.0
    # Few array operations per year: the cost of this loop is the number of numpy calls.
    for i in range(1, n):
        damped = _PHI * trend
        forecast = level + damped
        error = z[i] - forecast
        level = forecast + _ALPHA * error
        trend = damped + _ALPHA_BETA * error
        levels[i], trends[i], errors[i] = level, trend, error
    sses = np.cumsum(errors * errors, axis=0)
    return (levels[:, :_N_SES], sses[:, :_N_SES],
            levels[:, _N_SES:], trends[:, _N_SES:], sses[:, _N_SES:])


# ---------------------------------------------------------------------------------------
# the predictive law of an error: Laplace with a scale estimated from k backtest errors


def _quantile_factor(level: float, k: int) -> float:
    """``x`` such that a new error is within ``x`` scales with probability ``level``.

    With Laplace errors of scale ``b`` estimated by the mean absolute value of ``k`` errors,
    ``|e_new| / b_hat`` follows an F(2, 2k) law, whose tail is ``(1 + x/k)**-k``.

    >>> round(_quantile_factor(0.95, 10**9), 3) == round(-math.log(0.05), 3)
    True
    >>> round(_quantile_factor(0.8, 3), 3)
    2.13
    """
    return k * ((1 - level) ** (-1 / k) - 1)


def _tail(x: np.ndarray, k: int) -> np.ndarray:
    """Probability that a new error is more than ``x`` scales above the median (one side)."""
    x = np.asarray(x, float)
    return np.where(x >= 0, 0.5 * (1 + np.abs(x) / k) ** (-k), 1 - 0.5 * (1 + np.abs(x) / k) ** (-k))


# ---------------------------------------------------------------------------------------


@dataclass
class Model:
    """What :func:`project` fitted; kept in ``attrs["model"]`` for probabilities."""

    space: str
    low: float | None
    high: float | None
    shift: float
    last_year: int
    center: dict[int, float]
    """Projected median of each year, in the error space."""
    scale: dict[int, float]
    """Scale of the error of each year (backtest scale × horizon ** GROWTH)."""
    k: float
    """Tail of the error law: an error exceeds ``x`` scales with probability ``(1 + x/k)**-k``
    (for quantities, ``k`` is the number of backtest errors the scale rests on)."""
    resolution: float = 0.0
    """Step to which the history's values are reported (0.1 for one decimal; 0: finer than a
    millionth). A reported value is the true value rounded to it."""

    def space_object(self) -> _Space:
        return _Space(self.space, self.low, self.high, self.shift)


_POWERS = 10.0 ** np.arange(16)


def reporting_step(values: np.ndarray, finest: int = 6) -> float:
    """The step the values are reported to: the largest of 1, 0.1, …, 10**-finest of which
    every value is a whole multiple, or 0 when none is.

    >>> reporting_step(np.array([12.0, 13.5, 14.1])), reporting_step(np.array([88.24, 90.0]))
    (0.1, 0.01)
    >>> reporting_step(np.array([40.0, 45.0])), reporting_step(np.array([100 / 3, 35.0]))
    (1.0, 0.0)
    """
    scaled = np.multiply.outer(_POWERS[: finest + 1], values)  # every number of decimals at once
    whole = np.all(np.abs(np.round(scaled) - scaled) <= 1e-9 * np.maximum(_POWERS[: finest + 1, None],
                                                                              np.abs(scaled)), axis=1)
    return 10.0 ** -int(np.argmax(whole)) if whole.any() else 0.0


def true_bar(value: float, step: float, above: bool = True, strict: bool = False) -> float:
    """The true value from which a value reported to ``step`` is at or above ``value`` (or, with
    ``above=False``, up to which it is at or below ``value``): the nearest reportable value on
    that side, less (plus) half a step. ``strict``: strictly above (below) ``value``.

    >>> true_bar(99.0, 0.1), true_bar(98.96, 0.1), round(true_bar(57.32, 0.1, above=False), 2), true_bar(7.5, 0)
    (98.95, 98.95, 57.35, 7.5)
    >>> round(true_bar(80.0, 0.1, strict=True), 2), round(true_bar(80.0, 0.1, above=False, strict=True), 2)
    (80.05, 79.95)
    """
    if step <= 0:
        return value
    if above != strict:  # at or above, or strictly below: the reportable value at or above ``value``
        bar = math.ceil(value / step - 1e-7) * step
    else:
        bar = math.floor(value / step + 1e-7) * step
    return bar - step / 2 if above != strict else bar + step / 2


def _clean_history(history: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Years and values of the observed points, in year order."""
    if not isinstance(history, pd.Series):
        raise TypeError("history must be a pandas Series indexed by year")
    if history.dtype == np.float64:
        values = history.to_numpy()
    else:
        values = pd.to_numeric(history, errors="raise").to_numpy(dtype=float)
    index = history.index.to_numpy()
    if not np.issubdtype(index.dtype, np.integer):
        as_float = index.astype(float)
        if not np.all(np.mod(as_float, 1) == 0):
            raise ValueError("history must be indexed by whole years")
        index = as_float.astype(int)
    keep = ~np.isnan(values)
    years, values = index[keep].astype(int), values[keep]
    if not np.all(np.isfinite(values)):
        raise ValueError("history contains infinite values")
    order = np.argsort(years, kind="stable")
    years, values = years[order], values[order]
    if np.any(np.diff(years) == 0):
        raise ValueError("history has the same year twice")
    return years, values


def project(
    history: pd.Series,
    until: int,
    bounds: tuple[float | None, float | None] | None = None,
    levels: Iterable[float] = (80, 95),
    breaks: Iterable[int] = (),
    overlaps: Mapping[int, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Project a yearly series to ``until`` with a median and calibrated intervals.

    Parameters
    ----------
    history : pandas.Series
        Values indexed by integer year; missing years are allowed (NaN or absent).
    until : int
        Last year to project.
    bounds : (low, high), optional
        Limits the series cannot cross; either may be ``None``. Percentages: ``(0, 100)``;
        counts and money: ``(0, None)``. The median and every interval stay inside.
    levels : iterable of float
        Interval coverages in percent.
    breaks : iterable of int
        Years in which a new measurement standard starts. The level comes from the points since
        the latest break only; runs of two or more older points lend their yearly changes (in
        the model space) to the trend and to the width of the interval.
    overlaps : mapping, optional
        ``{break_year: (value_on_old_standard, value_on_new_standard)}`` measured in the same
        (overlap) year. For the latest break, the older points are then shifted by the
        difference (in the model space) and used instead of dropped.

    Returns
    -------
    pandas.DataFrame
        One row per year after the last observation through ``until``; columns ``median`` and
        ``lo_<level>``/``hi_<level>`` per level. ``attrs["method"]`` says what was done and why
        (``attrs["method_plain"]`` in plain words for a chart; each also ending ``_vi``),
        ``attrs["notes"]``/``attrs["notes_vi"]`` carry warnings in plain words,
        ``attrs["model"]`` the fitted predictive law (see :func:`probability_beyond`), and
        ``attrs["first_year_used"]``, ``["break_used"]``, ``["break_adjusted"]`` (overlap) and
        ``["earlier_points_used"]`` (older points whose changes were used) what a break did.

    Examples
    --------
    >>> poverty = pd.Series([22.1, 19.3, 16.2, 14.0, 11.8, 10.1, 8.3], index=range(2016, 2023))
    >>> p = project(poverty, 2030, bounds=(0, 100))
    >>> bool(p.loc[2030, "median"] > 0 and (p["lo_95"] >= 0).all())
    True
    >>> bool((p["lo_95"] <= p["lo_80"]).all() and (p["lo_80"] <= p["median"]).all())
    True
    >>> two = project(pd.Series([3.6, 2.0], index=[2022, 2023]), 2025, bounds=(0, 100))
    >>> two["median"].round(6).tolist(), two.attrs["notes"][0].split(":")[0]
    ([2.0, 2.0], 'Only 2 points')
    """
    levels = tuple(float(level) for level in levels)
    if not all(0 < level < 100 for level in levels):
        raise ValueError("levels are percentages strictly between 0 and 100")
    bounds = tuple(bounds) if bounds is not None else (None, None)
    if bounds[0] is not None and bounds[1] is not None and not bounds[0] < bounds[1]:
        raise ValueError("bounds must satisfy low < high")
    t, values = _clean_history(history)
    step = reporting_step(values)
    if bounds[0] is not None and np.any(values < bounds[0]) or bounds[1] is not None and np.any(values > bounds[1]):
        raise ValueError(f"history has values outside the bounds {bounds}")
    notes: list[tuple[str, str]] = []
    columns = ["median"] + [f"{side}_{level:g}" for level in levels for side in ("lo", "hi")]

    t, values, used = _apply_breaks(t, values, sorted(int(b) for b in breaks), overlaps or {}, bounds, notes)
    n = len(t)
    years = np.arange(int(t[-1]) + 1 if n else int(until) + 1, int(until) + 1)
    table = np.full((len(years), len(columns)), np.nan)
    if n == 0:
        notes.append(("No data: nothing to project.", "Không có số liệu: không thể dự báo."))
        return _finish(years, columns, table, "none", notes, None, used)
    if n == 1:
        notes.append((
            f"Only 1 point ({t[0]}): a trend cannot be told from one year, so there is no projection.",
            f"Chỉ có 1 số liệu (năm {t[0]}): chưa thể biết xu hướng, nên không dự báo.",
        ))
        return _finish(years, columns, table, "none", notes, None, used)
    if len(years) == 0:
        return _finish(years, columns, table, "none", notes, None, used)

    evidence = _evidence(t, values, bounds, years, used["observed"])
    space, n = evidence.space, evidence.n
    if n <= 3:
        notes.append((
            f"Only {n} points: too few to tell a trend from year-to-year noise, so the projection keeps the "
            "latest value, and its interval is wide.",
            f"Chỉ có {n} số liệu: quá ít để phân biệt xu hướng với dao động hằng năm, nên dự báo giữ mức mới "
            "nhất, và khoảng dự báo rộng.",
        ))
    if not evidence.fits.regular:
        notes.append((
            "Some years are missing: they are not filled in; Theta and the damped trend, which need every "
            "year, are left out.",
            "Thiếu số liệu một số năm: không nội suy; bỏ phương pháp Theta và xu thế tắt dần (cần đủ các năm).",
        ))
    law = SHARE_LAW if space.kind == "logit" else None
    if law is None:
        growth = GROWTH
        scale, k = _scale(evidence.errors, evidence.horizons, evidence.z_err, t, space, evidence.observed)
    else:
        growth = law.growth
        scale, k = _share_scale(evidence, law)
    moves = np.diff(evidence.z_err)[evidence.observed]
    if moves.size and not np.any(moves):  # exactly constant, not merely slow
        notes.append((
            "The series has not changed in the years used: the interval shows only "
            + ("the smallest uncertainty seen in real series that stood still." if law else "a minimum uncertainty."),
            "Số liệu không thay đổi trong các năm được dùng: khoảng dự báo chỉ thể hiện "
            + ("mức bất định nhỏ nhất thấy ở các chuỗi số liệu thực đứng yên." if law else "mức bất định tối thiểu."),
        ))
    center = evidence.center
    spread = scale * (years - t[-1]).astype(float) ** growth
    table[:, 0] = evidence.median
    for i, level in enumerate(levels):
        q = _quantile_factor(level / 100, k) * spread
        low, high = space.from_error(center - q), space.from_error(center + q)
        if space.kind == "log-upper":  # that error space runs against the values
            low, high = high, low
        table[:, 1 + 2 * i], table[:, 2 + 2 * i] = low, high
    model = Model(space.kind, space.low, space.high, space.shift, int(t[-1]),
                  dict(zip(years.tolist(), np.asarray(center, float).tolist())),
                  dict(zip(years.tolist(), spread.tolist())), k, step)
    kept, weights, backtest_mae = evidence.kept, evidence.weights, evidence.backtest_mae
    method = _describe(space, kept, weights, n, k, backtest_mae, growth, law is not None, "en")
    return _finish(years, columns, table, method, notes, model, used,
                   _describe(space, kept, weights, n, k, backtest_mae, growth, law is not None, "vi"),
                   (plain_method(n, len(kept), "en"), plain_method(n, len(kept), "vi")))


@dataclass
class _Evidence:
    """What the series itself says: the median and the errors its backtests made."""

    space: _Space
    fits: "_Fits"
    n: int
    observed: np.ndarray
    """Which changes between consecutive points were observed (a change across a measurement
    break is not: it was filled in with the average change)."""
    z_err: np.ndarray
    center: np.ndarray
    """Median of each projected year, in the error space."""
    median: np.ndarray
    """The same on the series' own scale."""
    errors: np.ndarray
    horizons: np.ndarray
    kept: list
    weights: np.ndarray | None
    backtest_mae: dict


def _point_space(space: _Space, values: np.ndarray) -> _Space | None:
    """Where the methods are fitted (None: in the error space itself).

    Quantities: on their own scale, clipped to their bound. Shares: on the log of their
    distance to the bound they head for (the upper one if the history used rose from its first
    to its last point, the lower one otherwise), so that a trend closes a constant part of
    that distance each year and bends only when the bound comes near. In logit space a share
    rising from a low level would grow exponentially, and one falling from a high level would
    fall ever faster.
    """
    if space.kind == "identity":
        return None
    if space.kind == "logit":
        return _Space("log-upper" if values[-1] > values[0] else "log", space.low, space.high, space.shift)
    return _Space("identity", space.low, space.high)


def _evidence(t: np.ndarray, values: np.ndarray, bounds, years: np.ndarray, observed: np.ndarray) -> _Evidence:
    """Fit the methods, combine them into the median, and collect the backtest errors."""
    n = len(t)
    space = _space_for(values, bounds)
    z_err = space.to_error(values)
    point = _point_space(space, values)
    z_point = z_err if point is None else point.to_error(values)
    fits = _Fits(t, z_point)
    origins, backtests, horizons = _backtest(fits, n)
    kept, weights, backtest_mae = _choose_methods(fits, n, origins, backtests)
    final = np.array([n])
    median_z = _combined(fits.forecasts(final, (years - t[-1])[None, :]), kept, weights, final,
                         fits.level[0, final])[0]
    fitted = _combined(backtests, kept, weights, origins, fits.level[0, origins])
    if point is None:
        center, median = median_z, space.from_error(median_z)
    else:
        # exactly the latest value where it is kept (the round trip through logs is not exact)
        median = np.where(median_z == z_point[-1], values[-1], point.from_error(median_z))
        center = space.to_error(median)
        fitted = space.to_error(point.from_error(fitted))
    known = ~np.isnan(horizons)
    if not observed.all():
        # An error across a filled-in change would be as smooth as the filling: left out.
        joins = np.concatenate([[0], np.cumsum(~observed)])  # filled-in changes before each point
        known &= joins[None, :] == joins[origins - 1][:, None]
    errors = (z_err[None, :] - fitted)[known]
    return _Evidence(space, fits, n, observed, z_err, center, median, errors, horizons[known], kept,
                     weights, backtest_mae)


def _apply_breaks(t, values, breaks, overlaps, bounds, notes):
    """The points to project after measurement breaks, and what was done with them.

    With an overlap year for the latest break, older points are level-shifted by the
    difference measured in it. Otherwise the older points' level is not comparable but their
    yearly changes are: each earlier standard's run of points is shifted (in the model space)
    so that it joins the next run with the average yearly change seen within the runs. The
    level therefore always comes from the latest standard; older runs only add changes.
    """
    used = {"first_year": int(t[0]) if len(t) else None, "break": None, "adjusted": False,
            "observed": np.ones(max(len(t) - 1, 0), bool), "earlier_points": 0}
    latest = [b for b in breaks if len(t) and t[0] < b <= t[-1]]
    if not latest:
        return t, values, used
    brk = latest[-1]
    used["break"] = brk
    before = t < brk
    n_after = int((~before).sum())
    if brk in overlaps:
        # only the standard measured in the overlap year is joined by it: points on a standard
        # before that one are joined (or dropped) as without an overlap
        old, new = overlaps[brk]
        space = _space_for(np.r_[values, old, new], bounds)
        offset = float(space.to_error(np.array([new]))[0] - space.to_error(np.array([old]))[0])
        earlier_breaks = [b for b in latest if b < brk]
        joined = before & (t >= earlier_breaks[-1]) if earlier_breaks else before
        values = values.copy()
        values[joined] = space.from_error(space.to_error(values[joined]) + offset)
        t, values, used = _apply_breaks(t, values, earlier_breaks, {}, bounds, notes)
        used.update({"break": brk, "adjusted": True, "earlier_points": int(np.sum(t < brk))})
        notes.append((
            f"Points before the {brk} standard were shifted to the new standard by the difference measured in "
            f"the overlap year ({old:g} on the old standard, {new:g} on the new).",
            f"Các số liệu trước chuẩn mới từ năm {brk} được điều chỉnh theo chênh lệch đo được trong năm trùng "
            f"({_number(old, 'vi')} theo chuẩn cũ, {_number(new, 'vi')} theo chuẩn mới).",
        ))
        return t, values, used
    runs = np.searchsorted(np.array(latest), t, side="right")  # run number of each point
    last_run = runs[-1]
    # A run of one point on an older standard says nothing about yearly changes.
    keep = np.array([run == last_run or np.sum(runs == run) >= 2 for run in runs])
    t_kept, values_kept, runs_kept = t[keep], values[keep], runs[keep]
    within = runs_kept[1:] == runs_kept[:-1]
    n_earlier = int(np.sum(runs_kept != last_run))
    if n_earlier == 0:
        used["first_year"] = int(t[~before][0])
        used["observed"] = np.ones(n_after - 1, bool)
        notes.append((
            f"Only {n_after} point{'s' if n_after != 1 else ''} since the {brk} standard: earlier years are "
            "on another scale and are not used.",
            f"Chỉ có {n_after} số liệu từ khi áp dụng chuẩn mới năm {brk}: các năm trước đo theo chuẩn khác "
            "nên không dùng.",
        ))
        return t[~before], values[~before], used
    space = _space_for(values, bounds)
    z = space.to_error(values_kept)
    steps = np.diff(t_kept).astype(float)
    rate = float(np.sum(np.diff(z)[within]) / np.sum(steps[within]))
    for j in np.flatnonzero(~within)[::-1]:  # from the latest join backwards
        earlier = np.arange(len(z)) <= j
        z[earlier] += z[j + 1] - rate * steps[j] - z[j]
    values_kept = values_kept.copy()
    values_kept[runs_kept != last_run] = space.from_error(z[runs_kept != last_run])
    used.update(first_year=int(t_kept[0]), observed=within, earlier_points=n_earlier)
    notes.append((
        f"{n_after} point{'s' if n_after != 1 else ''} since the {brk} standard give{'' if n_after != 1 else 's'} "
        "the level; the yearly "
        f"changes between the {n_earlier} earlier points, measured on an earlier standard, inform the trend "
        "and the width of the interval, but not the level.",
        f"{n_after} số liệu từ khi áp dụng chuẩn mới năm {brk} cho mức xuất phát; mức thay đổi hằng năm giữa "
        f"{n_earlier} số liệu trước đó (đo theo chuẩn cũ) được dùng cho xu hướng và độ rộng khoảng dự báo, "
        "không dùng cho mức.",
    ))
    return t_kept, values_kept, used


def _backtest(fits: _Fits, n: int):
    """Forecasts of every method from each later-half origin for the later observed years.

    Returns (origins, forecasts [method, origin, point], horizons [origin, point]) with NaN
    where a point is not after its origin.
    """
    origins = np.arange(max(2, math.ceil(n / 2)), n)
    if origins.size == 0:
        return origins, np.empty((len(METHODS), 0, n)), np.empty((0, n))
    after = np.arange(n)[None, :] >= origins[:, None]
    horizons = np.where(after, fits.t[None, :] - fits.t[origins - 1][:, None], np.nan)
    return origins, fits.forecasts(origins, horizons), horizons


def _choose_methods(fits: _Fits, n: int, origins, forecasts):
    """Weigh the methods by their backtest errors.

    A method whose mean absolute backtest error is more than TRIM times the best one's is
    dropped; the others are weighted by the inverse square of that error. Returns the kept
    methods, their weights (None when there are no backtests: then the median is used) and
    the errors by method name.
    """
    available = [0] if n < MIN_POINTS_ALL_METHODS else [
        m for m in range(len(METHODS)) if fits.regular or m in (0, 1, 4)
    ]
    usable = origins >= MIN_POINTS_ALL_METHODS
    if len(available) == 1 or not usable.any():
        return available, None, {}
    errors = np.abs(forecasts[available][:, usable] - fits.z[None, None, :])
    per_origin = np.nansum(errors, axis=2) / np.sum(~np.isnan(errors), axis=2)
    mae = dict(zip(available, per_origin.mean(axis=1)))
    best = min(mae.values())
    if best <= 0:
        kept = [m for m in available if mae[m] <= 0]
        weights = None
    else:
        kept = [m for m in available if mae[m] <= TRIM * best]
        inverse = np.array([(best / mae[m]) ** 2 for m in kept])  # relative to the best: no overflow
        weights = inverse / inverse.sum()
    return kept, weights, {METHODS[m]: float(mae[m]) for m in available}


def _combined(forecasts: np.ndarray, kept: list[int], weights: np.ndarray | None,
              origins: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The kept methods combined (weighted mean, or median when there are no backtest
    weights); from origins with fewer than MIN_POINTS_ALL_METHODS points, the latest value
    (``last``, per origin): two or three points cannot tell a trend from noise."""
    short = origins < MIN_POINTS_ALL_METHODS
    latest = last[:, None] + 0.0 * forecasts[0]  # NaN where there is nothing to forecast
    if short.all():
        return latest
    if weights is None:
        combined = np.median(forecasts[kept], axis=0)
    else:
        # a plain weighted sum in a fixed order (no BLAS call: same bits on every machine)
        combined = weights[0] * forecasts[kept[0]]
        for weight, method in zip(weights[1:], kept[1:]):
            combined = combined + weight * forecasts[method]
    if short.any():
        combined[short] = latest[short]
    return combined


def _scale(errors: np.ndarray, horizons: np.ndarray, z_err: np.ndarray, t: np.ndarray,
           space: _Space, observed: np.ndarray) -> tuple[float, int]:
    """Laplace scale of a one-year error and the number of errors it rests on.

    A series' own backtest errors understate the future of a smooth series and overstate
    that of a rough one; the scale used is therefore the geometric mean of the backtest scale
    and PRIOR_RATIO times the series' mean yearly change.
    """
    yearly_change = float(np.mean((np.abs(np.diff(z_err)) / np.diff(t))[observed]))
    if errors.size:
        k = int(errors.size)
        own = float(np.mean(np.abs(errors) / horizons**GROWTH))
    else:
        # Two points: the one observed change stands in for one error of a no-change forecast.
        k = 1
        own = yearly_change
    scale = math.sqrt(own * PRIOR_RATIO * yearly_change)
    return max(scale, _minimum_scale(z_err, space)), k


def _minimum_scale(z_err: np.ndarray, space: _Space) -> float:
    """A floor so that a series that has not moved still gets a (narrow) interval."""
    if space.kind in ("logit", "log", "log-upper"):
        return 0.01
    return 0.01 * max(float(np.mean(np.abs(z_err))), 1e-9)


@dataclass(frozen=True)
class ShareLaw:
    """How the error law of a share (a percentage, projected in logit space) is made.

    The one-year scale is ``multiplier * own**own_weight * change**(1 - own_weight)``, where
    ``own`` is the series' mean absolute backtest error and ``change`` its mean absolute
    yearly change (both in logit space; an error or a change over ``d`` years is divided by
    ``d**growth``). At ``h`` years the scale is multiplied by ``h**growth``. A series whose
    latest yearly changes were zero gets at least ``s * floor``, ``s`` the share of its yearly
    changes in that final still run (:func:`standing_still`). A new
    error exceeds ``x`` scales with probability ``(1 + x/tail)**-tail``, the heavy tail real
    development series show, however long their history.
    """

    multiplier: float
    own_weight: float
    growth: float
    tail: float
    floor: float


SHARE_LAW = ShareLaw(multiplier=0.702, own_weight=0.6, growth=0.7, tail=2.43, floor=0.038)
"""Learned by ``python -m bench.calibrate`` on the 13 shares of the development-indicator
benchmark (1,310 country series of World Bank indicators, each also cut to its last 2, 3, 5
and 8 points): ``multiplier`` and ``tail`` so that 80 % and 95 % intervals cover 80 % and
95 %, ``floor`` from the histories that did not move at all, ``growth`` so that coverage
does not drift with the horizon and ``own_weight`` so that it does not drift from smooth to
rough series."""
SMALLEST_SCALE = 1e-3
"""A share's scale never falls below this (logit units), so every interval has a width."""


def standing_still(moves: np.ndarray) -> float:
    """Share of the yearly changes that belong to the run of zero changes at the end.

    >>> standing_still(np.array([0.3, 0.0, 0.1, 0.0, 0.0])), standing_still(np.array([0.0, 0.2]))
    (0.4, 0.0)
    """
    moved = np.flatnonzero(moves != 0)
    last_move = int(moved[-1]) + 1 if moved.size else 0
    return (len(moves) - last_move) / len(moves) if len(moves) else 0.0


def _share_scale(evidence: _Evidence, law: ShareLaw) -> tuple[float, float]:
    """Scale of a one-year error of a share (logit space) and the tail ``k`` of its law."""
    observed = evidence.observed
    moves = np.abs(np.diff(evidence.z_err))[observed]
    change = float(np.mean(moves / np.diff(evidence.fits.t)[observed].astype(float) ** law.growth))
    still = standing_still(moves)
    if evidence.errors.size:
        own = float(np.mean(np.abs(evidence.errors) / evidence.horizons**law.growth))
    else:
        own = change  # two points: the one observed change stands in for one error
    scale = law.multiplier * own**law.own_weight * change ** (1 - law.own_weight)
    return max(scale, still * law.floor, SMALLEST_SCALE), law.tail


@lru_cache(maxsize=32)
def _column_index(columns: tuple[str, ...]) -> pd.Index:
    return pd.Index(columns, dtype=object)


_WORDS = {
    "en": {
        "methods": dict(zip(METHODS, METHODS)),
        "where": {"logit": "on the log of its distance to the bound it heads for, errors in logit space "
                           "(a share between its bounds)",
                  "log": "on its own scale, errors as log ratios (a quantity above its lower bound)",
                  "log-upper": "on its own scale, errors as log ratios below its upper bound",
                  "identity": "on its own scale"},
        "points": "points", "latest": "latest value kept", "median": "median of {n} methods", "weighted": "{n} methods weighted by their backtest errors",
        "dropped": "; dropped by backtest: {names}",
        "intervals": "; intervals: Laplace errors scaled by {k} rolling-origin backtest error{s}, growing as h^{g}",
        "share intervals": "; intervals: error law learned on real development indicators, scaled by the series' "
                           "backtest errors and yearly changes, tail {k}, growing as h^{g}",
    },
    "vi": {
        "methods": {"drift": "xu thế bình quân", "median drift": "mức thay đổi trung vị", "Theta": "Theta",
                    "damped trend": "xu thế tắt dần", "linear trend": "đường thẳng 10 năm gần nhất"},
        "where": {"logit": "trên thang log của khoảng cách tới giới hạn mà chuỗi đang hướng tới, sai số trên "
                           "thang logit (tỷ lệ nằm giữa hai giới hạn)",
                  "log": "trên thang gốc, sai số tính theo tỷ số log",
                  "log-upper": "trên thang gốc, sai số tính theo tỷ số log",
                  "identity": "trên thang gốc"},
        "points": "số liệu", "latest": "giữ mức mới nhất", "median": "trung vị của {n} phương pháp",
        "weighted": "{n} phương pháp, trọng số theo sai số kiểm định ngược",
        "dropped": "; bỏ sau kiểm định ngược: {names}",
        "intervals": "; khoảng dự báo: sai số Laplace theo {k} sai số kiểm định ngược, tăng theo h^{g}",
        "share intervals": "; khoảng dự báo: quy luật sai số học từ các chỉ tiêu phát triển thực tế, theo sai số "
                           "kiểm định ngược và mức thay đổi hằng năm của chuỗi, đuôi {k}, tăng theo h^{g}",
    },
}


def _describe(space: _Space, kept: list[int], weights, n: int, k: float, mae: dict, growth: float, share: bool,
              lang: str) -> str:
    """What was done, in words (``lang`` "en" or "vi"), for ``attrs["method"]``/``["method_vi"]``."""
    words = _WORDS[lang]
    names = [words["methods"][METHODS[m]] for m in kept]
    if n < MIN_POINTS_ALL_METHODS:
        median = f"{words['latest']} ({n} {words['points']})"
    elif len(names) == 1:
        median = f"{names[0]} ({n} {words['points']})"
    elif weights is None:
        median = words["median"].format(n=len(names)) + f" ({', '.join(names)}; {n} {words['points']})"
    else:
        shares = ", ".join(f"{name} {_number(round(100 * w), lang)} %" for name, w in zip(names, weights))
        median = words["weighted"].format(n=len(names)) + f" ({shares}; {n} {words['points']})"
    dropped = [words["methods"][m] for m in mae if METHODS.index(m) not in kept]
    why = words["dropped"].format(names=", ".join(dropped)) if dropped else ""
    if share:
        intervals = words["share intervals"].format(k=_number(round(k, 1), lang), g=_number(growth, lang))
    else:
        intervals = words["intervals"].format(k=k, s="s" if k != 1 else "", g=_number(growth, lang))
    return f"{median} {words['where'][space.kind]}{why}{intervals}"


_PLAIN = {
    "en": {"latest": "the latest value kept ({n} points are too few to tell a trend from year-to-year noise)",
           "one": "the trend of the {n} points",
           "several": "the trend of the {n} points, {m} ways of reading it combined by how well each one re-forecast "
                      "the past years",
           "intervals": "; the bands are as wide as the errors this way of projecting made on many countries' "
                        "statistics"},
    "vi": {"latest": "giữ mức mới nhất ({n} số liệu: quá ít để phân biệt xu hướng với dao động hằng năm)",
           "one": "xu hướng của {n} số liệu",
           "several": "xu hướng của {n} số liệu, kết hợp {m} cách tính, cách nào dự báo lại các năm đã qua sát hơn "
                      "thì được tính nhiều hơn",
           "intervals": "; độ rộng khoảng dự báo theo sai số của cách dự báo này khi kiểm chứng trên số liệu thống "
                        "kê của nhiều nước"},
}


def plain_method(n: int, methods: int, lang: str) -> str:
    """What the projection did, in plain words for a chart shown at a meeting (``attrs["method_plain"]``
    and ``["method_plain_vi"]``; ``attrs["method"]`` names the methods and the law).

    >>> plain_method(3, 1, "vi")
    'giữ mức mới nhất (3 số liệu: quá ít để phân biệt xu hướng với dao động hằng năm); độ rộng khoảng dự báo theo sai số của cách dự báo này khi kiểm chứng trên số liệu thống kê của nhiều nước'
    >>> plain_method(9, 3, "en").split(";")[0]
    'the trend of the 9 points, 3 ways of reading it combined by how well each one re-forecast the past years'
    """
    words = _PLAIN[lang]
    if n < MIN_POINTS_ALL_METHODS:
        median = words["latest"]
    elif methods == 1:
        median = words["one"]
    else:
        median = words["several"]
    return median.format(n=n, m=methods) + words["intervals"]


def _number(value: float, lang: str) -> str:
    """A short number in the reader's convention (a decimal comma in Vietnamese).

    >>> _number(0.75, "vi"), _number(2.4, "en"), _number(27, "vi")
    ('0,75', '2.4', '27')
    """
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def _finish(years, columns, table, method, notes, model: Model | None, used: dict,
            method_vi: str = "", plain: tuple[str, str] = ("no projection", "không dự báo")) -> pd.DataFrame:
    frame = pd.DataFrame(table, index=pd.Index(years, name="year"), columns=_column_index(tuple(columns)),
                         copy=False)
    frame.attrs["method"] = method
    frame.attrs["method_vi"] = method_vi or ("không dự báo" if method == "none" else method)
    frame.attrs["method_plain"], frame.attrs["method_plain_vi"] = plain
    frame.attrs["notes"] = [en for en, _ in notes]
    frame.attrs["notes_vi"] = [vi for _, vi in notes]
    frame.attrs["model"] = model.__dict__.copy() if model is not None else None
    frame.attrs["first_year_used"] = used["first_year"]
    frame.attrs["break_used"] = used["break"]
    frame.attrs["break_adjusted"] = used["adjusted"]
    frame.attrs["earlier_points_used"] = used["earlier_points"]
    return frame


def probability_beyond(projection: pd.DataFrame, year: int, value: float, above: bool = True,
                       strict: bool = False) -> float:
    """Probability, under the projection's calibrated law, that ``year``'s value, as it will be
    reported, is at or above ``value`` (``above=True``) or at or below it; with ``strict``,
    strictly above (below) it.

    Values are taken to be reported to the step the history was reported to
    (``attrs["model"]["resolution"]``, see :func:`reporting_step`): with one decimal a
    reported 99.0 reaches a bar of 99 from a true value of 98.95, and is also "at or below" 99;
    "above 80" needs a reported 80.1, a true value of 80.05.

    >>> p = project(pd.Series([80.2, 82.1, 84.3, 86.0, 88.1], index=range(2019, 2024)), 2030, bounds=(0, 100))
    >>> 0.4 < probability_beyond(p, 2030, p.loc[2030, "median"]) < 0.6
    True
    >>> probability_beyond(p, 2030, 50) > probability_beyond(p, 2030, 95)
    True
    >>> bool(probability_beyond(p, 2030, 99.0) == probability_beyond(p, 2030, 98.96))
    True
    """
    spec = projection.attrs.get("model")
    if spec is None or year not in spec["center"]:
        return float("nan")
    model = Model(**spec)
    space = model.space_object()
    low = -np.inf if model.low is None else model.low
    high = np.inf if model.high is None else model.high
    value = true_bar(value, model.resolution, above, strict)
    if above and value <= low or not above and value >= high:
        return 1.0
    if above and value > high or not above and value < low:
        return 0.0
    x = (float(space.to_error(np.array([value]))[0]) - model.center[year]) / model.scale[year]
    if space.kind == "log-upper":
        x = -x  # the error space runs the other way
    upper_tail = float(_tail(x, model.k))
    return upper_tail if above else 1.0 - upper_tail


def quantile_at(projection: pd.DataFrame, year: int, probability: float) -> float:
    """The value that ``year``'s outcome stays below with the given probability.

    >>> p = project(pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2015, 2021)), 2025)
    >>> bool(quantile_at(p, 2025, 0.5) == p.loc[2025, "median"])
    True
    >>> bool(abs(quantile_at(p, 2025, 0.975) - p.loc[2025, "hi_95"]) < 1e-9)
    True
    """
    spec = projection.attrs.get("model")
    if spec is None or year not in spec["center"]:
        return float("nan")
    model = Model(**spec)
    space = model.space_object()
    side = 1.0 if probability >= 0.5 else -1.0
    tail = 1 - probability if probability >= 0.5 else probability
    x = model.k * ((2 * tail) ** (-1 / model.k) - 1) if tail < 0.5 else 0.0
    if space.kind == "log-upper":
        side = -side
    return float(space.from_error(np.array([model.center[year] + side * x * model.scale[year]]))[0])
