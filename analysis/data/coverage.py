"""How much data each target has: real and illustrative points, and the latest real year.

Planners need to know, before reading any verdict, whether it rests on published figures,
on figures their offices sent, or on the illustrative stand-in data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .catalogue import commune_codes, load_areas
from ..errors import DataError
from .observations import load_observations

__all__ = ["data_coverage", "check_files"]


def data_coverage(observations: pd.DataFrame, targets: pd.DataFrame, district: str = "848",
                  lang: str = "vi") -> pd.DataFrame:
    """One row per quantitative target: how many real and illustrative points exist for its
    indicator and group, in the district and its communes and in total, and the latest real year.

    >>> from analysis import load_observations, load_targets
    >>> cov = data_coverage(load_observations(), load_targets()).set_index("target_id")
    >>> int(cov.at["T01", "real_points"]), int(cov.at["T01", "illustrative_points"]) > 100
    (5, True)
    """
    areas = load_areas()
    local = [district] + commune_codes(areas, district)
    rows = []
    for _, target in targets.drop_duplicates("target_id").iterrows():
        if target["kind"] == "qualitative":
            continue
        indicators = {target["indicator"], target["numerator_indicator"]} - {""}
        mask = observations["indicator"].isin(indicators) & observations["preferred"] & \
            ((observations["group"] == target["group"]) | observations["indicator"].ne(target["indicator"]))
        found = observations[mask]
        real, made_up = found[~found["illustrative"]], found[found["illustrative"]]
        real_local = real[real["area_code"].isin(local)]
        rows.append({
            "target_id": target["target_id"],
            "target": target["vi" if lang == "vi" else "en"],
            "indicator": target["indicator"],
            "group": target["group"],
            "real_points": len(real),
            "real_points_district_and_communes": len(real_local),
            "real_areas": ", ".join(sorted(set(real["area_code"]))),
            "latest_real_year": int(real["year"].max()) if len(real) else pd.NA,
            "illustrative_points": len(made_up),
        })
    frame = pd.DataFrame(rows)
    frame["latest_real_year"] = frame["latest_real_year"].astype("Int64")
    return frame


def check_files(path: str | Path | None = None) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """Check observation files; returns (the observations or None, the problems as a table).

    >>> obs, problems = check_files()
    >>> obs is not None and problems.empty
    True
    """
    try:
        return load_observations(path), pd.DataFrame(columns=["file", "row", "column", "message_vi", "fix_vi",
                                                              "message_en", "fix_en"])
    except DataError as error:
        return None, error.to_frame()
