"""The report job behind ``python -m analysis report`` and ``make report``.

It loads and checks the catalogue and the observations, then writes its outputs into a
temporary folder that replaces ``--out`` only when everything succeeded.
"""

from __future__ import annotations

from pathlib import Path

from .catalogue import load_targets
from .export import atomic_folder, write_csv_atomic
from .observations import load_observations

__all__ = ["run_report"]


def run_report(data: Path, out: Path, lang: str = "vi", areas: list[str] | None = None) -> int:
    """Write the report for ``data`` into ``out``; returns the exit status (0)."""
    targets = load_targets()
    observations = load_observations(data)
    with atomic_folder(out) as staging:
        counts = (observations.groupby(["indicator", "illustrative"]).size()
                  .rename("rows").reset_index().sort_values(["indicator", "illustrative"]))
        write_csv_atomic(staging / "observations_by_indicator.csv", ["indicator", "illustrative", "rows"],
                         counts.to_dict("records"))
    print(f"{targets['target_id'].nunique()} chỉ tiêu / targets, {len(observations)} dòng số liệu / rows.")
    print(f"Kết quả ở / Outputs in: {Path(out).resolve()}")
    return 0
