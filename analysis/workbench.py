"""One object for a planning session: the data loaded once, the assessment, and its charts.

Notebooks and the ``report`` command both start here, so that a chart in a notebook and the
same chart in ``reports/`` are drawn from the same numbers::

    wb = Workbench(lang="vi")
    wb.overview("T01")          # the target in every area, as a table
    wb.fan_chart("T01", "848")  # the district's fan chart
    wb.what_if("T14", target=22)
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .assessment import TargetSeries, assess, series_key, status_label
from .assessment.assess import default_map
from .data.catalogue import commune_codes, load_areas, load_indicators, load_targets
from .data.coverage import data_coverage
from . import paths
from .data.observations import COLUMNS, load_observations
from .data.reform import areas_on_map
from .reports.charts import SLIDE_FOOTER_SIZE, chance_shown, dashboard, deadline_board, fan_chart, small_multiples
from .reports.style import A4_LANDSCAPE
from .reports.tables import summary_frame  # noqa: F401  (registers the column labels used here)
from .text import check_language, label, register_labels
from .words import (change_text, decimals_for, exact_decimals, fmt_number, is_holding, latest_decimals, needed_text,
                    reach_text, target_text, target_with_threshold, value_text)

__all__ = ["Workbench"]

register_labels({
    "office": ("Cơ quan chủ trì", "Office in charge"),
    "ov_area": ("Địa bàn", "Area"),
    "ov_deadline": ("Năm hạn", "Deadline"),
    "ov_latest": ("Số liệu mới nhất", "Latest"),
    "ov_target": ("Mục tiêu", "Goal"),
    "ov_needed": ("Cần mỗi năm", "Needed a year"),
    "ov_status": ("Đánh giá", "Verdict"),
    "ov_years_met": ("Số năm đạt", "Years met"),
    "ov_chance": ("Khả năng đạt", "Chance"),
    "ov_chance_holding": ("Khả năng đạt (‡: giữ được mức đã đạt)", "Chance (‡: of still meeting it)"),
    "ov_reach": ("Năm đạt (hoặc năm trung vị dự báo đạt)", "Year met (or the median projection's year)"),
    "ov_projected": ("Dự báo năm hạn (80 %)", "Projected at deadline (80 %)"),
    "ov_scenario": ("Kịch bản năm hạn", "Scenario at deadline"),
    "ov_scenario_meets": ("Kịch bản đạt?", "Scenario meets?"),
    "scenario": ("Kịch bản", "Scenario"),
    "what_if_target": ("giả định mục tiêu {target}", "what if the target were {target}"),
    "compute": ("Tính và vẽ", "Compute and draw"),
    "obs_year": ("Năm", "Year"),
    "obs_standard": ("Chuẩn", "Standard"),
    "obs_value": ("Giá trị", "Value"),
    "obs_qualifier": ("Ghi kèm", "Noted as"),
    "obs_mixed": ("nhiều chuẩn", "mixed"),
    "obs_preferred": ("Số được chọn của năm", "Chosen for the year"),
    "obs_illustrative": ("Minh họa", "Illustrative"),
    "obs_source": ("Nguồn", "Source"),
    "qualifier_more_than": ("hơn", "more than"),
    "qualifier_at_least": ("ít nhất", "at least"),
    "qualifier_nearly": ("gần", "nearly"),
    "qualifier_about": ("khoảng", "about"),
    "qualifier_less_than": ("dưới", "less than"),
    "qualifier_at_most": ("không quá", "at most"),
    "qualifier_expected": ("dự kiến", "expected"),
})


def _as_reported(value: float, lang: str) -> str:
    """A reported value with its own decimals (up to 3), the language's way: 3,61 · 1.120 · 12,88.

    >>> _as_reported(3.61, "vi"), _as_reported(6750.0, "vi"), _as_reported(12.875, "en")
    ('3,61', '6.750', '12.875')
    """
    if _missing(value):
        return "–"
    return fmt_number(value, lang, exact_decimals(value))


class Workbench:
    """Observations, targets, the assessment and its projections, loaded once.

    Parameters: ``data`` observation files or folders (default data/observations/ and the offices'
    files in data/offices/), or observations already loaded; ``lang``
    "vi" or "en", ``areas`` area codes to assess (default: the district and its communes, by
    each target's scope), ``poverty_reading`` "points" or "relative", ``map`` the commune map
    ("old": the 15 communes and towns to 2024; "new": the 6 communes of Vĩnh Long from 1/7/2025;
    default: "new" once any new commune has figures).

    >>> wb = Workbench()
    >>> wb.overview("T12", deadline=2030).iloc[0]["Đánh giá"]
    'Đúng tiến độ (đạt 4 trong 4 năm)'
    """

    def __init__(self, data: str | Path | pd.DataFrame | None = None, lang: str = "vi", areas: list[str] | None = None,
                 poverty_reading: str = "points", map: str | None = None):
        self.lang = check_language(lang)
        self.poverty_reading = poverty_reading
        self.targets = load_targets()
        self.areas = load_areas()
        self.indicators = load_indicators()
        # observations already loaded and checked (the report checks them first) are used as they are
        self.observations = data if isinstance(data, pd.DataFrame) else load_observations(data)
        self.map = map or default_map(self.observations, self.areas)
        areas = areas_on_map(areas, self.map, self.areas)
        self.cache: dict = {}
        self.table = assess(self.observations, self.targets, areas=areas, cache=self.cache,
                            poverty_reading=poverty_reading, map=self.map)

    # ---- data --------------------------------------------------------------------------

    def rows(self, target_id: str, area: str | None = None) -> pd.DataFrame:
        """The assessment rows of a target (one area, or all assessed areas); an area not yet
        assessed (the province, say) is assessed on demand."""
        rows = self.table[self.table["target_id"] == target_id]
        if area is not None:
            area = self._area(area)
            rows = rows[rows["area_code"] == area]
            if rows.empty:
                extra = assess(self.observations, self.targets[self.targets["target_id"] == target_id],
                               areas=[area], cache=self.cache, poverty_reading=self.poverty_reading, map=self.map)
                if extra.empty:
                    raise ValueError(f"target {target_id} is not assessed in area {area} (see its scope)")
                self.table = pd.concat([self.table, extra], ignore_index=True)
                rows = extra
        return rows.sort_values(["area_code", "deadline"], key=self._district_first)

    def _area(self, area) -> str:
        """An area code as a planner passes it, read on this map: a number (papermill's ``-p AREA 29434``
        and ``AREA = 29434`` without quotes give one) is its code, and on the new map a GSO code that a
        new commune carries means that commune.

        >>> Workbench(areas=["848"])._area(29434)
        '29434'
        """
        return areas_on_map([str(area).strip()], self.map, self.areas)[0]

    def series(self, target_id: str, area: str) -> TargetSeries:
        """The series and projection behind a target in an area."""
        first = self.rows(target_id, area).iloc[0]
        area = first["area_code"]
        target = self.targets[self.targets["target_id"] == target_id].iloc[0]
        return self.cache[series_key(target, area)]

    def inputs_digest(self) -> str:
        """A digest of what every verdict here is made from: the observations, the commune map
        and the catalogue; a report and a review with the same digest tell the same story.

        >>> Workbench().inputs_digest() == Workbench().inputs_digest() != Workbench(map="new").inputs_digest()
        True
        """
        return inputs_digest(self.observations, self.map)

    def coverage(self) -> pd.DataFrame:
        """Real and illustrative points per target (see :func:`analysis.coverage.data_coverage`)."""
        return data_coverage(self.observations, self.targets, lang=self.lang)

    def observed(self, indicator: str, area: str, group: str, real_only: bool = False) -> pd.DataFrame:
        """The observation rows of one series, as a planner would read them: headed in the
        workbench's language, each value with the decimals it was reported with, written the
        language's way (3,61; 6.750 in Vietnamese).

        >>> Workbench().observed("poverty_rate_households", "84", "khmer", real_only=True).iloc[-1]["Giá trị"]
        '1,45'
        """
        obs = self.observations
        rows = obs[(obs["indicator"] == indicator) & (obs["area_code"] == self._area(area)) & (obs["group"] == group)]
        if real_only:
            rows = rows[~rows["illustrative"]]
        rows = rows.sort_values(["year", "preferred"], ascending=[True, False])
        lang = self.lang
        word = {True: label("yes", lang), False: label("no", lang)}
        table = pd.DataFrame({
            "obs_year": rows["year"].astype(int),
            "obs_standard": [label("obs_mixed", lang) if s == "mixed" else s for s in rows["standard"]],
            "obs_value": [_as_reported(float(v), lang) for v in rows["value"]],
            "obs_qualifier": [label(f"qualifier_{q}", lang) if q else "" for q in rows["qualifier"]],
            "obs_preferred": rows["preferred"].map(word),
            "obs_illustrative": rows["illustrative"].map(word),
            "obs_source": rows["source"],
        })
        return table.rename(columns=lambda key: label(key, lang)).reset_index(drop=True)

    # ---- tables ------------------------------------------------------------------------

    def describe(self) -> str:
        """What is loaded, in one line.

        >>> print(Workbench(lang="en").describe())  # doctest: +ELLIPSIS
        22 targets (20 with numbers); 2,680 observation rows: 212 real, 2,468 illustrative; ...
        >>> print(Workbench().describe())  # doctest: +ELLIPSIS
        22 chỉ tiêu (20 chỉ tiêu định lượng); 2.680 dòng số liệu: 212 số liệu thật, 2.468 số liệu minh họa; ...
        """
        obs = self.observations
        real = int((~obs["illustrative"]).sum())
        quantitative = self.targets.loc[self.targets["kind"] != "qualitative", "target_id"].nunique()
        assessed = self.table["area_code"].nunique()
        if self.lang == "vi":
            return (f"{self.targets['target_id'].nunique()} chỉ tiêu ({quantitative} chỉ tiêu định lượng); "
                    f"{fmt_number(len(obs), 'vi', 0)} dòng số liệu: {fmt_number(real, 'vi', 0)} số liệu thật, "
                    f"{fmt_number(len(obs) - real, 'vi', 0)} số liệu minh họa; "
                    f"đánh giá tại {assessed} địa bàn.")
        return (f"{self.targets['target_id'].nunique()} targets ({quantitative} with numbers); {len(obs):,} observation "
                f"rows: {real:,} real, {len(obs) - real:,} illustrative; assessed in {assessed} areas.")

    def plan_targets(self) -> pd.DataFrame:
        """The plan's targets as a table: deadline, goal, whether the value is the plan's, office.

        >>> Workbench().plan_targets().query("`Mã` == 'T01'")["Mục tiêu"].tolist()  # 2030: a projection only
        ['giảm 3–4 điểm %/năm', '–']
        """
        lang = self.lang
        out = []
        for _, row in self.targets.iterrows():
            # a year the plan sets no target for (T01 in 2030) has no goal to write
            goal = "–" if row["kind"] == "qualitative" or row["origin"] == "projection" \
                else target_text(self._goal_row(row), lang)
            out.append({
                label("col_target_id", lang): row["target_id"],
                label("col_target", lang): row[lang],
                label("ov_deadline", lang): row["deadline"],
                label("ov_target", lang): goal,
                label("col_origin", lang): label(f"origin_{row['origin']}", lang),
                label("office", lang): row[f"office_{lang}"],
            })
        return pd.DataFrame(out)

    def status_table(self, area: str = "848") -> pd.DataFrame:
        """Every target of ``area`` × deadline, in words (the dashboard as a table)."""
        rows = self.table[self.table["area_code"] == self._area(area)]
        words = self._words(rows)
        words.insert(0, label("col_target", self.lang), list(rows["target_id"] + " " + rows[f"target_{self.lang}"]))
        return words.drop(columns=[label("ov_area", self.lang)])

    def overview(self, target_id: str, deadline: int | None = None) -> pd.DataFrame:
        """The target in every assessed area (district first), in words and rounded numbers."""
        rows = self.rows(target_id)
        if deadline is not None:
            rows = rows[rows["deadline"] == deadline]
        return self._words(rows)

    def summary(self) -> pd.DataFrame:
        """The summary table of the report (one row per target × area × deadline)."""
        return summary_frame(self.table, self.lang)

    def _words(self, rows: pd.DataFrame) -> pd.DataFrame:
        lang = self.lang
        out = []
        for _, row in rows.iterrows():
            # as many decimals as the unit is shown with: 3 hamlets, not "3,0"
            decimals = decimals_for(row["unit"])
            if _missing(row["latest_value"]):
                latest = "–"
            else:  # a milestone met reads "Đạt", not "1"
                shown = value_text(row["latest_value"], "flag", lang) if row["unit"] == "flag" else \
                    fmt_number(row["latest_value"], lang, latest_decimals(row) or decimals)
                latest = f"{shown} ({row['latest_year']})"
            chance = chance_shown(row, lang)  # "–" for an outcome already known (a 2022 milestone met)
            projected = "–" if _missing(row["projected_median"]) else (
                f"{fmt_number(row['projected_median'], lang, decimals)} "
                f"[{fmt_number(row['projected_lo_80'], lang, decimals)}–"
                f"{fmt_number(row['projected_hi_80'], lang, decimals)}]")
            out.append({
                label("ov_area", lang): row["area_vi" if lang == "vi" else "area_en"],
                label("ov_deadline", lang): row["deadline"],
                label("ov_latest", lang): latest,
                label("ov_target", lang): target_with_threshold(row, lang) if row["origin"] != "projection" else "–",
                label("ov_needed", lang): needed_text(row, lang, per_year=False),
                label("ov_status", lang): _verdict_words(row, lang),
                label("ov_chance", lang): chance,
                label("ov_projected", lang): projected,
                label("ov_reach", lang): reach_text(row, lang),
            })
        frame = pd.DataFrame(out)
        if any(is_holding(row) for _, row in rows.iterrows()):  # a table has no footnote: the header says it
            frame = frame.rename(columns={label("ov_chance", lang): label("ov_chance_holding", lang)})
        return frame

    # ---- charts ------------------------------------------------------------------------

    def fan_chart(self, target_id: str, area: str = "848", footer_size: float = SLIDE_FOOTER_SIZE) -> Figure:
        """The fan chart of one target in one area (:func:`analysis.reports.charts.fan_chart`);
        ``footer_size`` in points, for a chart printed smaller than a slide."""
        return fan_chart(self.rows(target_id, area), self.series(target_id, area), self.lang, footer_size=footer_size)

    def small_multiples(self, target_id: str, deadline: int = 2025) -> Figure:
        rows = self.rows(target_id)
        rows = rows[rows["area_code"].isin(self._district_and_communes())]
        data = {code: self.series(target_id, code) for code in rows["area_code"].unique()}
        return small_multiples(rows, data, self.lang, deadline=deadline)

    def dashboard(self, area: str = "848", size: tuple[float, float] = A4_LANDSCAPE) -> Figure:
        return dashboard(self.table, self.lang, size=size, area=self._area(area))

    def deadline_board(self, deadline: int = 2025, area: str = "848",
                       deadlines: tuple[int, ...] = (2025, 2030)) -> Figure:
        """One deadline of the dashboard, in text large enough for a slide (the deck's)."""
        return deadline_board(self.table, deadline, self.lang, area=self._area(area), deadlines=deadlines)

    # ---- what if -----------------------------------------------------------------------

    def what_if(self, target_id: str, area: str = "848", target: float | None = None,
                change_per_year: float | None = None) -> tuple[pd.DataFrame, Figure]:
        """Change the target (or, for a yearly target, its yearly rate) and/or suppose a
        yearly change from now on; see the status, chance and needed rate move.

        ``target``: the new value for a level target, or the new low end of the yearly rate
        (poverty: points a year; jobs: a year). ``change_per_year``: a scenario — the
        indicator moves by this much every year from its latest value — drawn on the chart and
        compared with the target at each deadline. The projection itself does not change: it
        is what the data say.
        """
        area = self._area(area)
        chosen = self.targets[self.targets["target_id"] == target_id].copy()
        yearly = chosen["kind"].iloc[0] in ("yearly_reduction", "yearly_flow")
        planned = float(chosen["low" if yearly else "value"].iloc[0])
        if target is not None:
            if yearly:
                width = chosen["high"] - chosen["low"]
                chosen["low"], chosen["high"] = float(target), float(target) + width
            else:
                chosen["value"] = float(target)
        rows = assess(self.observations, chosen, areas=[area], cache=self.cache,
                      poverty_reading=self.poverty_reading, map=self.map)
        table = self._words(rows)
        first = rows.iloc[0]
        scenario = None
        if change_per_year is not None:
            start, value = int(first["latest_year"]), float(first["latest_value"])
            years = range(start, int(rows["deadline"].max()) + 1)
            low, high = self.indicators.at[first["indicator"], "bounds"]
            path = [value + change_per_year * (year - start) for year in years]
            path = [min(max(v, low if low is not None else -math.inf), high if high is not None else math.inf)
                    for v in path]
            scenario = pd.Series(path, index=list(years))
            table[label("ov_scenario", self.lang)] = [fmt_number(scenario[d], self.lang, 1) for d in rows["deadline"]]
            table[label("ov_scenario_meets", self.lang)] = [
                label("met_word" if _scenario_meets(scenario[d], r) else "not_met_word", self.lang)
                for d, (_, r) in zip(rows["deadline"], rows.iterrows())]
        # the chart says what was supposed, where it differs from the plan (the widget always sends
        # its slider): its title's plan target and its diamonds differ. A commune judged against its
        # own share (T14) keeps it, and its title says nothing supposed. The rows carry the supposed
        # target, but "none left" is written as the plan's 0 whatever its level.
        supposed = ""
        if target is not None and not math.isclose(float(target), planned) and first["origin"] != "reading":
            words = value_text(float(target), first["unit"], self.lang) if first["kind"] == "count_to_zero" \
                else target_text(first, self.lang)
            supposed = label("what_if_target", self.lang).format(target=words)
        words = change_text(change_per_year, first["unit"], self.lang) if change_per_year is not None else ""
        figure = fan_chart(rows, self.series(target_id, area), self.lang, scenario=scenario, what_if=supposed,
                           scenario_words=words)
        return table, figure

    def what_if_widget(self, target_id: str, area: str = "848"):
        """Sliders for :meth:`what_if` (JupyterLab): the target (or yearly rate) and a scenario
        change per year, with a button that draws the result. Returns the ipywidgets object.

        The sliders show their values the way the reader writes them, with the unit ("20,0 %",
        "+0,3 điểm %/năm"). Nothing is computed until the button is pressed, so the notebook runs
        to the end under nbconvert or papermill, where no one moves a slider.

        >>> box = Workbench().what_if_widget("T14")
        >>> box.kwargs_widgets[0].label, box.kwargs_widgets[1].label, box.out.outputs
        ('20,0 %', '0,0 điểm %/năm', ())
        """
        import ipywidgets
        from IPython.display import display

        row = self.rows(target_id, area).iloc[0]
        yearly = row["kind"] in ("yearly_reduction", "yearly_flow")
        current = float(row["target_low"] if yearly else row["target_value"])
        unit = "percentage_points" if row["kind"] == "yearly_reduction" else row["unit"]
        step = max(abs(current) / 50, 0.1) if current else 0.1
        span = max(abs(current), 1.0)
        targets = np.round(np.arange(max(0.0, current - span), current + span + step / 2, step), 4)
        needed = row["needed_points_per_year"]
        needed = 1.0 if _missing(needed) else abs(float(needed))
        reach = round(3 * needed + 1, 1)
        changes = np.round(np.arange(-reach, reach + 0.05, 0.1), 4)

        def option(value: float, per_year: bool) -> tuple[str, float]:
            if unit in ("percent", "percentage_points") and per_year:
                text = f"{fmt_number(value, self.lang, 1, sign=value > 0)} {label('points_per_year', self.lang)}"
            else:
                text = value_text(value, unit, self.lang)
            return text, float(value)

        target = ipywidgets.SelectionSlider(
            options=[option(v, yearly and unit == "percentage_points") for v in targets],
            value=float(targets[np.argmin(np.abs(targets - current))]), description=label("ov_target", self.lang),
            continuous_update=False, layout=ipywidgets.Layout(width="32em"))
        change = ipywidgets.SelectionSlider(
            options=[option(v, True) for v in changes], value=float(changes[np.argmin(np.abs(changes))]),
            description=label("scenario", self.lang), continuous_update=False, layout=ipywidgets.Layout(width="32em"))

        def show(target: float, change_per_year: float) -> None:
            table, figure = self.what_if(target_id, area, target=target, change_per_year=change_per_year)
            display(table, figure)

        return ipywidgets.interactive(show, {"manual": True, "manual_name": label("compute", self.lang)},
                                      target=target, change_per_year=change)

    # ---- helpers -----------------------------------------------------------------------

    def _goal_row(self, target: pd.Series) -> pd.Series:
        """A catalogue row shaped like an assessment row, for :func:`target_text`."""
        unit = self.indicators.at[target["indicator"], "unit"]
        return pd.Series({"kind": target["kind"], "unit": unit, "target_value": target["value"],
                          "target_low": target["low"], "target_high": target["high"], "reading": "points"})

    def _district_and_communes(self) -> list[str]:
        return ["848"] + commune_codes(self.areas, "848", map=self.map)

    def _district_first(self, column: pd.Series) -> pd.Series:
        if column.name == "area_code":
            kinds = column.map(lambda code: self.areas.at[code, "kind"] if code in self.areas.index else "")
            return kinds.map({"province": "0", "district": "1"}).fillna("2") + column
        return column


def inputs_digest(observations: pd.DataFrame, map: str) -> str:
    """A digest of the observations, the commune map and the catalogue (:meth:`Workbench.inputs_digest`)."""
    digest = hashlib.sha256(observations[list(COLUMNS)].to_csv(index=False).encode("utf-8"))
    digest.update(f"\nmap {map}\n".encode())
    for path in (paths.TARGETS_FILE, paths.INDICATORS_FILE, paths.AREAS_FILE, paths.ADMIN_REFORMS_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _verdict_words(row: pd.Series, lang: str) -> str:
    """The verdict, the years met for a target set year by year, and "awaiting the figure"."""
    if row["origin"] == "projection":
        return label("projection_only", lang)
    words = status_label(row["verdict"], lang)
    if not _missing(row["years_met"]):
        words += f" ({label('years_met', lang).format(met=row['years_met'], counted=row['years_counted'])})"
    if row["awaiting_figure"]:
        words += f"; {label('awaiting', lang).format(year=row['deadline']).lower()}"
    return words


def _scenario_meets(value: float, row: pd.Series) -> bool:
    """Whether a what-if value meets the row's target by the same rule as the verdict."""
    if _missing(row["met_threshold"]):
        return False
    increasing = row["kind"] in ("at_least", "above", "share_of_total", "yearly_flow")
    threshold = row["met_threshold"]
    return value >= threshold - 1e-9 if increasing else value <= threshold + 1e-9

