"""The real yearly benchmark series in ../shared/bench/ (M3 yearly, Tourism yearly).

Each set has an official train/test split: M3 yearly, 645 series, the last 6 values held out;
Tourism yearly, 518 series, the last 4 held out. See ../shared/bench/README.md for sources.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

BENCH_DIR = Path(os.environ.get("WORKBENCH_BENCH_DIR", Path(__file__).resolve().parents[2] / "shared" / "bench"))

SETS = {"m3": ("m3_yearly.csv", 6), "tourism": ("tourism_yearly.csv", 4)}


@dataclass(frozen=True)
class Series:
    id: str
    train: np.ndarray
    test: np.ndarray


def load(name: str, bench_dir: Path = BENCH_DIR) -> list[Series]:
    """The series of one benchmark set, in file order."""
    filename, horizon = SETS[name]
    frame = pd.read_csv(bench_dir / filename)
    out = []
    for sid, group in frame.groupby("series_id", sort=False):
        group = group.sort_values("period_index")
        train = group.loc[group["split"] == "train", "value"].to_numpy(float)
        test = group.loc[group["split"] == "test", "value"].to_numpy(float)
        assert len(test) == horizon, sid
        out.append(Series(str(sid), train, test))
    return out


def horizon(name: str) -> int:
    return SETS[name][1]
