"""Two or three points after a measurement break, with the years before it on another level.

Each share of the development-indicator benchmark gets an artificial break so that only its
last 2 or 3 points of history are on the "new standard"; every earlier point is shifted by
one random level in logit space (the same shift for the whole earlier run, uniform between
-1 and 1 logit, from a fixed seed). The engine is told the break year. Compared, on the same
held-out years: the same series without a break (the engine sees the true history), and the
engine as it was before it used the earlier yearly changes (only the points since the break).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.projection import engine as E
from bench import metrics
from bench.datasets import Series
from bench.forecasters import engine as engine_forecast

SEED = 20261129
LARGEST_SHIFT = 1.0
"""Earlier points are shifted by a level drawn uniformly within ± this many logits."""


def with_break(s: Series, after: int, shift: float) -> tuple[Series, int]:
    """``s`` with its history before the last ``after`` points shifted by ``shift`` logits,
    and the break year (the year of the first point on the new level)."""
    space = E._space_for(s.train, s.bounds)
    values = s.train.copy()
    values[:-after] = space.from_error(space.to_error(values[:-after]) + shift)
    return Series(s.id, values, s.test, s.train_years, s.test_years, s.bounds, s.group), int(s.train_years[-after])


def _score(s: Series, forecast) -> dict:
    center, intervals = forecast
    out = {f"cover {lv}": metrics.covered(s.test, *intervals[lv]) for lv in (80, 95)}
    out["width 95"] = intervals[95][1] - intervals[95][0]
    return out


def experiment(series: list[Series], points_after=(2, 3)) -> pd.DataFrame:
    """One row per number of points after the break and way of projecting: coverage,
    mean 95 % width (percentage points) and its ratio to the width without a break."""
    rng = np.random.default_rng(SEED)
    shares = [s for s in series if s.bounds == (0, 100) and len(s.train) >= max(points_after) + 2]
    rows = []
    for after in points_after:
        shifts = rng.uniform(-LARGEST_SHIFT, LARGEST_SHIFT, len(shares))
        scored = {"no break (true history)": [], "break, earlier changes used": [],
                  "break, points since it only": []}
        for s, shift in zip(shares, shifts):
            broken, year = with_break(s, after, shift)
            scored["no break (true history)"].append(_score(s, engine_forecast(s)))
            scored["break, earlier changes used"].append(_score(s, engine_forecast(broken, breaks=[year])))
            scored["break, points since it only"].append(_score(s, engine_forecast(s.cut(after))))
        reference = np.mean(np.concatenate([r["width 95"] for r in scored["no break (true history)"]]))
        for label, results in scored.items():
            width = np.mean(np.concatenate([r["width 95"] for r in results]))
            rows.append({"points after the break": after, "projection": label, "series": len(results),
                         "cover 80": np.mean(np.concatenate([r["cover 80"] for r in results])),
                         "cover 95": np.mean(np.concatenate([r["cover 95"] for r in results])),
                         "mean 95 % width": width, "width / no break": width / reference})
    return pd.DataFrame(rows)
