"""The report job behind ``python -m analysis report`` and ``make report``.

It loads and checks the catalogue and the observations, assesses every target, then writes
into a temporary folder that replaces ``--out`` only when everything succeeded:

- ``charts/fan/<target>_<area>.png|svg`` (and ``.pdf`` for the district): fan charts;
- ``charts/communes/<target>_<deadline>.png|svg|pdf``: small multiples for the focus targets;
- ``dashboard.png|svg|pdf`` (A4) and ``dashboard_slide.png`` (16:9);
- ``summary.csv``, ``summary.xlsx``, ``slides.pptx`` and ``index.html``.

Charts are drawn in parallel, one process per core (``WORKBENCH_JOBS`` sets the number).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from ..data.catalogue import load_areas, load_targets
from .charts import fan_chart, small_multiples
from ..errors import DataError
from ..export import atomic_folder, write_text_atomic
from .index_page import index_html, relative
from ..data.problems import problem
from .slides import dashboard_slide, fan_slide, multiples_slide, write_deck
from .style import SLIDE, save_figure
from .tables import write_summary_csv, write_summary_xlsx
from ..workbench import Workbench

__all__ = ["run_report", "FOCUS_DEADLINE"]

FOCUS_DEADLINE = 2025
"""Small multiples and the slides show the status for this deadline."""


def _jobs() -> int:
    return max(1, int(os.environ.get("WORKBENCH_JOBS", os.cpu_count() or 1)))


def _draw_fan(task):
    rows, data, lang, stem, formats = task
    save_figure(fan_chart(rows, data, lang), stem, formats)
    return stem


def _draw_multiples(task):
    rows, data, lang, stem = task
    save_figure(small_multiples(rows, data, lang, deadline=FOCUS_DEADLINE), stem)
    return stem


def _run(tasks, function, jobs: int, progress) -> None:
    """Run chart tasks, in worker processes when there is more than one core to use."""
    if jobs == 1 or len(tasks) < 4:
        for task in tasks:
            function(task)
            progress.update()
        return
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for future in as_completed([pool.submit(function, task) for task in tasks]):
            future.result()
            progress.update()


def run_report(data: Path, out: Path, lang: str = "vi", areas: list[str] | None = None,
               map: str | None = None) -> int:
    """Write the report for ``data`` into ``out`` on the commune ``map`` (old or new; default new
    once any new commune has figures); returns the exit status (0).

    Bad input raises :class:`~analysis.DataError` before anything is written; any failure
    leaves ``out`` as it was.
    """
    targets = load_targets()
    area_table = load_areas()
    if areas is not None:
        unknown = [code for code in areas if code not in area_table.index]
        if unknown:
            raise DataError([problem("unknown_area", "--area", None, None, text=code,
                                     suggest_vi="dùng một mã trong data/areas.csv, ví dụ 848 (huyện) hoặc 29434.",
                                     suggest_en="use a code from data/areas.csv, e.g. 848 (district) or 29434.")
                             for code in unknown])
    workbench = Workbench(data, lang=lang, areas=areas, map=map)
    table = workbench.table
    focus = list(dict.fromkeys(targets.loc[targets["focus"], "target_id"]))
    # a target with no figure in an area gets its "no data" row in the tables, not an empty chart
    pairs = table[table["n_points"] > 0].drop_duplicates(["target_id", "area_code"])[
        ["target_id", "area_code", "area_kind"]]
    with atomic_folder(out) as staging:
        files: dict = {"fans": {}, "multiples": {}}
        fan_tasks = []
        for row in pairs.itertuples():
            stem = staging / "charts" / "fan" / f"{row.target_id}_{row.area_code}"
            formats = ("png", "svg") if row.area_kind in ("commune", "town") else ("png", "svg", "pdf")
            fan_tasks.append((workbench.rows(row.target_id, row.area_code),
                              workbench.series(row.target_id, row.area_code), lang, stem, formats))
            files["fans"][(row.target_id, row.area_code)] = (relative(stem, staging), formats)
        multiple_tasks = []
        for target_id in focus:
            rows = table[table["target_id"] == target_id]
            if rows["area_code"].nunique() < 2 or not (rows["n_points"] > 0).any():
                continue
            data_by_area = {code: workbench.series(target_id, code) for code in rows["area_code"].unique()}
            stem = staging / "charts" / "communes" / f"{target_id}_{FOCUS_DEADLINE}"
            multiple_tasks.append((rows, data_by_area, lang, stem))
            files["multiples"][target_id] = relative(stem, staging)
        total = len(fan_tasks) + len(multiple_tasks) + 4
        with tqdm(total=total, desc="Báo cáo / report", unit="tệp", file=sys.stderr, disable=None) as progress:
            jobs = _jobs()
            _run(fan_tasks, _draw_fan, jobs, progress)
            _run(multiple_tasks, _draw_multiples, jobs, progress)
            district = "848" if areas is None or "848" in areas else table["area_code"].iloc[0]
            save_figure(workbench.dashboard(area=district), staging / "dashboard")
            save_figure(workbench.dashboard(area=district, size=SLIDE), staging / "dashboard_slide", ("png",))
            files["dashboard"] = "dashboard"
            progress.update()
            summary = workbench.summary()
            write_summary_csv(summary, staging / "summary.csv")
            write_summary_xlsx(summary, staging / "summary.xlsx", lang)
            files["summary_csv"], files["summary_xlsx"] = "summary.csv", "summary.xlsx"
            progress.update()
            slides = [dashboard_slide(staging / "dashboard_slide.png", table[table["area_code"] == district], lang,
                                      FOCUS_DEADLINE)]
            for target_id in focus:
                key = (target_id, district)
                if key in files["fans"]:
                    slides.append(fan_slide(staging / f"{files['fans'][key][0]}.png",
                                            workbench.rows(target_id, district), lang))
                if target_id in files["multiples"]:
                    slides.append(multiples_slide(staging / f"{files['multiples'][target_id]}.png",
                                                  table[table["target_id"] == target_id], lang, FOCUS_DEADLINE))
            latest = table["latest_year"].dropna()
            write_deck(staging / "slides.pptx", slides, lang, int(latest.max()) if len(latest) else None,
                       bool(table["illustrative"].any()))
            files["slides"] = "slides.pptx"
            progress.update()
            write_text_atomic(staging / "index.html", index_html(table, files, lang))
            progress.update()
    n_charts = len(fan_tasks) + len(multiple_tasks) + 1
    print(f"{table['target_id'].nunique()} chỉ tiêu, {table['area_code'].nunique()} địa bàn, {n_charts} biểu đồ / "
          f"{table['target_id'].nunique()} targets, {table['area_code'].nunique()} areas, {n_charts} charts.")
    print(f"Kết quả ở / Outputs in: {Path(out).resolve()}")
    print(f"Mở / Open: {Path(out).resolve() / 'index.html'}")
    return 0
