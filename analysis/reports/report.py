"""The report job behind ``python -m analysis report`` and ``make report``.

It loads and checks the catalogue and the observations, assesses every target, then writes
into a temporary folder that replaces ``--out`` only when everything succeeded:

- ``charts/fan/<target>_<area>.png|svg`` (and ``.pdf`` for the district): fan charts;
- ``charts/communes/<target>_<deadline>.png|svg|pdf``: small multiples for the focus targets;
- ``dashboard.png|svg|pdf`` (A4) and ``dashboard_slide_<deadline>.png`` (one deadline, for the deck);
- ``summary.csv``, ``summary.xlsx``, ``slides.pptx`` and ``index.html``.

Charts are drawn in parallel, one process per core (``WORKBENCH_JOBS`` sets the number);
the worker processes end with the run, however it ends (on Linux they are killed by the
kernel if the run itself is killed). ``--out`` is only ever replaced when it is a report
folder (see :func:`analysis.export.check_destination`). Progress goes to stderr, a line per
stage and a bar for the charts, whether or not stderr is a terminal.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

import pandas as pd
from tqdm import tqdm

from ..assessment.assess import default_map
from ..data.catalogue import load_areas, load_targets
from ..data.reform import areas_on_map, retired_notes
from ..data.observations import area_option_codes, check_observations, protected_paths
from .charts import fan_chart, method_lines, small_multiples
from ..export import (REPORT_ENTRY, atomic_folder, check_destination, read_inputs, write_inputs, write_text_atomic,
                      written_from_other_data)
from .index_page import index_html, relative, review_files, review_options
from .slides import dashboard_slide, deck_targets, fan_slide, multiples_slide, write_deck
from .style import save_figure
from .tables import write_summary_csv, write_summary_xlsx
from ..workbench import Workbench

__all__ = ["run_report", "FOCUS_DEADLINE"]

FOCUS_DEADLINE = 2025
DECK_DEADLINES = (2025, 2030)
"""The deadlines of the dashboard, each on its own slide."""

def new_map_reason(observations: pd.DataFrame, areas: pd.DataFrame, shown: int = 3) -> str:
    """Which files put figures of the new communes in, so that the report follows the new map.

    >>> obs = pd.DataFrame({"area_code": ["29431-2025", "848", "29416-2025"],
    ...                     "file": ["data/offices/vinh_kim.xlsx", "data/observations/published.csv", "x.csv"]})
    >>> print(new_map_reason(obs, load_areas()))  # doctest: +NORMALIZE_WHITESPACE
    Vì các tệp sau có số liệu của xã mới / Because these files have figures of the new communes:
    data/offices/vinh_kim.xlsx, x.csv
    """
    new = areas.index[areas["map"] == "new"]
    files = sorted(set(observations.loc[observations["area_code"].isin(new), "file"].astype(str)))
    more = f" … (+{len(files) - shown})" if len(files) > shown else ""
    return ("Vì các tệp sau có số liệu của xã mới / Because these files have figures of the new communes: "
            + ", ".join(files[:shown]) + more)


MAP_WORDS = {
    "old": "Bản đồ xã: cũ (15 xã, thị trấn của huyện Cầu Ngang, số liệu đến 2024; --map new cho 6 xã mới) / "
           "Commune map: old (the 15 communes and towns of Cầu Ngang, figures to 2024; --map new for the 6 new ones)",
    "new": "Bản đồ xã: mới (6 xã của tỉnh Vĩnh Long từ 1/7/2025; --map old cho 15 xã, thị trấn cũ) / "
           "Commune map: new (the 6 communes of Vĩnh Long from 1/7/2025; --map old for the 15 old ones)",
}
"""Said at the start of a report: which commune map it shows and how to choose the other."""
"""Small multiples and the slides show the status for this deadline."""


def _jobs() -> int:
    return max(1, int(os.environ.get("WORKBENCH_JOBS", os.cpu_count() or 1)))


def _draw_fan(task):
    rows, data, lang, stem, formats = task
    save_figure(fan_chart(rows, data, lang), stem, formats)
    return stem


def _draw_deck_fan(task):
    rows, data, lang, stem = task
    save_figure(fan_chart(rows, data, lang, for_deck=True), stem, ("png",))
    return stem


def _draw_multiples(task):
    rows, data, lang, stem = task
    save_figure(small_multiples(rows, data, lang, deadline=FOCUS_DEADLINE), stem)
    return stem


_PR_SET_PDEATHSIG = 1


def _worker_start(parent: int) -> None:
    """Set up a chart worker: it dies with the run (Linux: the kernel kills it when the
    parent dies, even by kill -9), and leaves Ctrl-C to the parent, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


@contextmanager
def _chart_pool(jobs: int, n_tasks: int):
    """A pool of chart workers, or ``None`` when one process is enough. The pool is
    terminated when the block ends early (an error, Ctrl-C, SIGTERM)."""
    if jobs == 1 or n_tasks < 4:
        yield None
        return
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = context.Pool(jobs, initializer=_worker_start, initargs=(os.getpid(),))
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _run(tasks, function, pool, progress) -> None:
    """Run chart tasks, in the worker pool when there is one."""
    if pool is None:
        for task in tasks:
            function(task)
            progress.update()
        return
    for _ in pool.imap_unordered(function, tasks):
        progress.update()


def _stage(number: int, vi: str, en: str) -> None:
    print(f"[{number}/4] {vi} / {en}", file=sys.stderr, flush=True)


def run_report(data: Path | Sequence[Path] | None, out: Path, lang: str = "vi",
               areas: list[str] | None = None, map: str | None = None) -> int:
    """Write the report for ``data`` (default: :func:`analysis.data.observations.default_sources`)
    into ``out`` on the commune ``map`` (old or new; default new once any new commune has
    figures); returns the exit status (0).

    A refused ``--out`` raises :class:`~analysis.errors.RefusedError` and bad input
    :class:`~analysis.DataError`, both before anything is written; any failure leaves
    ``out`` as it was. Warnings about the data are printed and the report is written.
    """
    protected = protected_paths(data)
    check_destination(out, protected)
    options = review_options(data, out, map)  # the index's review command reads these data into this folder
    _stage(1, "Đọc và kiểm tra số liệu", "Reading and checking the data")
    checked = check_observations(data)
    checked.raise_for_problems()
    for line in checked.summary_lines(every_file=False) + checked.warning_lines():
        print(line, file=sys.stderr)
    targets = load_targets()
    area_table = load_areas()
    if areas is not None:  # codes, or names as an office writes them ("Xã Vinh Kim"), on the map the report uses
        areas = area_option_codes(areas, map or default_map(checked.observations, area_table), area_table)
    _stage(2, "Đánh giá chỉ tiêu và dự báo", "Assessing the targets and projecting")
    workbench = Workbench(checked.observations, lang=lang, areas=areas, map=map)
    print(MAP_WORDS[workbench.map], file=sys.stderr, flush=True)
    if map is None and workbench.map == "new":
        # one office's 2025 file turns the whole report to the new communes: say which file did
        print(new_map_reason(checked.observations, area_table), file=sys.stderr, flush=True)
    for note in retired_notes(areas_on_map(areas, workbench.map, area_table), workbench.map, area_table):
        print(note, file=sys.stderr, flush=True)
    table = workbench.table
    focus = list(dict.fromkeys(targets.loc[targets["focus"], "target_id"]))
    # a target with no figure in an area gets its "no data" row in the tables, not an empty chart
    pairs = table[table["n_points"] > 0].drop_duplicates(["target_id", "area_code"])[
        ["target_id", "area_code", "area_kind"]]
    with atomic_folder(out, protected) as staging:
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
        # the deck's own version of its targets' district charts: larger text, why and how in the notes
        district = "848" if areas is None or "848" in areas else table["area_code"].iloc[0]
        district_rows = table[table["area_code"] == district]
        deck_ids = deck_targets(district_rows, focus, FOCUS_DEADLINE)
        deck_tasks, deck_notes = [], {}
        files["deck_fans"] = {}
        for target_id in deck_ids:
            if (target_id, district) in files["fans"]:
                stem = staging / "charts" / "deck" / f"{target_id}_{district}"
                rows, data = workbench.rows(target_id, district), workbench.series(target_id, district)
                deck_tasks.append((rows, data, lang, stem))
                deck_notes[target_id] = method_lines(rows, data, lang)  # what the deck's chart leaves out
                files["deck_fans"][target_id] = relative(stem, staging)
        total = len(fan_tasks) + len(multiple_tasks) + len(deck_tasks)
        _stage(3, f"Vẽ {total} biểu đồ", f"Drawing {total} chart{'' if total == 1 else 's'}")
        terminal = sys.stderr.isatty()
        with tqdm(total=total, desc="Biểu đồ / charts", unit="", file=sys.stderr, disable=False,
                  mininterval=0.1 if terminal else 5.0, ascii=not terminal) as progress:
            with _chart_pool(_jobs(), total) as pool:
                _run(fan_tasks, _draw_fan, pool, progress)
                _run(multiple_tasks, _draw_multiples, pool, progress)
                _run(deck_tasks, _draw_deck_fan, pool, progress)
        _stage(4, "Ghi bảng điều khiển, bảng tổng hợp, bản trình chiếu và trang mục lục",
               "Writing the dashboard, summary tables, slides and index page")
        save_figure(workbench.dashboard(area=district), staging / "dashboard")
        files["dashboard"] = "dashboard"
        summary = workbench.summary()
        write_summary_csv(summary, staging / "summary.csv")
        write_summary_xlsx(summary, staging / "summary.xlsx", lang)
        files["summary_csv"], files["summary_xlsx"] = "summary.csv", "summary.xlsx"
        slides = []
        files["deadline_boards"] = {deadline: f"dashboard_slide_{deadline}" for deadline in DECK_DEADLINES}
        for deadline in DECK_DEADLINES:
            stem = staging / files["deadline_boards"][deadline]
            save_figure(workbench.deadline_board(deadline, area=district, deadlines=DECK_DEADLINES), stem, ("png",))
            slides.append(dashboard_slide(stem.with_suffix(".png"), district_rows, lang, deadline, DECK_DEADLINES))
        for target_id in deck_ids:
            if target_id in files["deck_fans"]:
                slides.append(fan_slide(staging / f"{files['deck_fans'][target_id]}.png",
                                        workbench.rows(target_id, district), lang, deck_notes[target_id]))
            if target_id in files["multiples"]:
                slides.append(multiples_slide(staging / f"{files['multiples'][target_id]}.png",
                                              table[table["target_id"] == target_id], lang, FOCUS_DEADLINE,
                                              workbench.map))
        # the district's latest year: "Số liệu đến năm 2025" over a district whose figures end in 2024
        # because two new communes sent 2025 said more than the deck shows
        latest, everywhere = district_rows["latest_year"].dropna(), table["latest_year"].dropna()
        communes_to = int(everywhere.max()) if len(everywhere) else None
        write_deck(staging / "slides.pptx", slides, lang, int(latest.max()) if len(latest) else communes_to,
                   bool(table["illustrative"].any()), map=workbench.map, communes_to=communes_to)
        files["slides"] = "slides.pptx"
        files["reviews"] = review_files(Path(out))  # carried over into the new folder
        files["review_options"] = options
        # a review written from other data than this report is marked as such on the index
        digest, earlier = workbench.inputs_digest(), read_inputs(out)
        files["reviews_from_other_data"] = written_from_other_data(earlier, files["reviews"], digest)
        write_inputs(staging, {**{name: earlier[name] for name in files["reviews"] if name in earlier},
                               REPORT_ENTRY: digest})
        write_text_atomic(staging / "index.html", index_html(table, files, lang))
    # the same count as stage 3 said it drew; the dashboards are named apart
    n_charts, n_boards = len(fan_tasks) + len(multiple_tasks) + len(deck_tasks), 1 + len(DECK_DEADLINES)
    n_targets, n_areas = table["target_id"].nunique(), table["area_code"].nunique()
    print(f"{n_targets} chỉ tiêu, {n_areas} địa bàn, {n_charts} biểu đồ và {n_boards} bảng điều khiển / "
          f"{n_targets} targets, {n_areas} area{'' if n_areas == 1 else 's'}, {n_charts} chart"
          f"{'' if n_charts == 1 else 's'} and {n_boards} dashboards.")
    # a folder holding some indicators runs clean: the targets it could not assess are said here, not
    # only as "Không có số liệu" rows to be found in the outputs
    empty = [target for target, verdicts in table.groupby("target_id", sort=False)["verdict"]
             if verdicts.eq("no_data").all()]
    if empty:
        listed = ", ".join(empty)
        print(f"Không có số liệu cho {len(empty)} chỉ tiêu: {listed} (báo cáo ghi “Không có số liệu”). / No figures "
              f"for {len(empty)} target{'' if len(empty) == 1 else 's'}: {listed} (the report says “No data”).")
    print(f"Kết quả ở / Outputs in: {Path(out).resolve()}")
    print(f"Mở / Open: {Path(out).resolve() / 'index.html'}")
    return 0
