"""How much data each target has: real and illustrative points, and the latest real year.

Planners need to know, before reading any verdict, whether it rests on published figures,
on figures their offices sent, or on the illustrative stand-in data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandas.io.formats.style import Styler

from .catalogue import commune_codes, load_areas, load_indicators
from ..errors import problems_frame
from .observations import check_observations
from .series import measured

__all__ = ["data_coverage", "check_files", "show_problems"]


def data_coverage(observations: pd.DataFrame, targets: pd.DataFrame, district: str = "848",
                  lang: str = "vi") -> pd.DataFrame:
    """One row per quantitative target: how many real and illustrative points exist for its
    indicator and group, in the district and its communes and in total, and the latest real year.

    >>> from analysis import load_observations, load_targets
    >>> cov = data_coverage(load_observations(), load_targets()).set_index("target_id")
    >>> int(cov.at["T01", "real_points"]), int(cov.at["T01", "illustrative_points"]) > 100
    (5, True)
    >>> int(cov.at["T12", "illustrative_points"])  # the communes' yes/no the share is built from
    150
    """
    areas = load_areas()
    flags = load_indicators()["flags"]
    local = [district] + commune_codes(areas, district)
    observations = measured(observations)  # the figures the series are built from: a planned one is not counted
    rows = []
    for _, target in targets.drop_duplicates("target_id").iterrows():
        if target["kind"] == "qualitative":
            continue
        # a share of communes is built from each commune's yes/no: those points are its data too
        indicators = {target["indicator"], target["numerator_indicator"], flags.get(target["indicator"], "")} - {""}
        mask = observations["indicator"].isin(indicators) & observations["preferred"] & \
            ((observations["group"] == target["group"]) | observations["indicator"].ne(target["indicator"]))
        found = observations[mask]
        if target["numerator_indicator"] and target["denominator_indicator"]:
            # a numerator counts only beside its denominator of the same area and year: Khmer party members
            # alone said T14 had figures, while the report gave it none and said nothing of the total missing
            denominators = observations[(observations["indicator"] == target["denominator_indicator"])
                                        & (observations["group"] == target["denominator_group"])
                                        & observations["preferred"]]
            paired = set(zip(denominators["area_code"], denominators["year"]))
            numerator = found["indicator"] == target["numerator_indicator"]
            found = found[~numerator | pd.Series([(a, y) in paired for a, y in zip(found["area_code"], found["year"])],
                                                 index=found.index, dtype=bool)]
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


def check_files(path: str | Path | list | None = None) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """Check observation files (default: the shipped data and ``data/offices/``); returns
    (the observations or None, every problem as a table with whole messages).

    Show the table with :func:`show_problems`, which does not cut long messages.

    >>> obs, problems = check_files()
    >>> obs is not None and problems.empty
    True
    """
    checked = check_observations(path)
    return checked.observations, problems_frame(checked.problems)


_PROBLEM_HEADERS = {
    "vi": {"file": "Tệp", "row": "Dòng", "column": "Cột", "message_vi": "Lỗi", "fix_vi": "Cách sửa"},
    "en": {"file": "File", "row": "Row", "column": "Column", "message_en": "Problem", "fix_en": "Fix"},
}


class _ProblemTable(Styler):
    """A styled table whose plain-text form is the table itself, not the object's address: the
    notebook stores both forms, and an address changes on every run.

    >>> print(repr(_ProblemTable(pd.DataFrame({"Dòng": [2], "Cột": ["value"]}))))
     Dòng   Cột
        2 value
    """

    def __repr__(self) -> str:
        return self.data.to_string(index=False)


def show_problems(problems: pd.DataFrame, lang: str = "vi", file: bool = False):
    """The problems of :func:`check_files` as a table for a notebook, each message whole
    (a plain DataFrame display cuts text at 50 characters) and row numbers as integers.

    ``file`` adds the file column (useful when a folder was checked).

    >>> from analysis.paths import DATA_DIR
    >>> _, problems = check_files(DATA_DIR / "examples" / "vi_du_tep_co_loi.csv")
    >>> html = show_problems(problems).to_html()
    >>> long_fix = problems.at[1, "fix_vi"]
    >>> len(long_fix) > 50 and long_fix in html and "tỷ lệ 104,5 nằm ngoài" in html
    True
    """
    headers = dict(_PROBLEM_HEADERS[lang])
    if not file:
        headers.pop("file")
    table = problems[list(headers)].rename(columns=headers)
    return (_ProblemTable(table).hide(axis="index").format(na_rep="")
            .set_properties(**{"text-align": "left", "white-space": "pre-wrap"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
            .set_uuid("problems"))
