"""The command line: ``python -m analysis report``, ``check`` and ``review``.

Bad input never ends in a traceback: a :class:`~analysis.DataError` is printed as its list
of problems (file, row, column, what to do) and the command exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import DataError

__all__ = ["main"]

EXIT_BAD_DATA = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Cầu Ngang target workbench — bàn làm việc theo dõi chỉ tiêu Kế hoạch 20/KH-UBND.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="write charts, dashboard, tables and slides to --out")
    report.add_argument("--data", type=Path, default=paths.OBSERVATIONS_DIR,
                        help="observation file or folder (CSV or Excel); default data/observations/")
    report.add_argument("--out", type=Path, default=paths.REPORTS_DIR, help="output folder; default reports/")
    report.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of labels (default vi)")
    report.add_argument("--map", choices=("old", "new"), default=None,
                        help="commune map: old (15 communes to 2024) or new (6 communes of Vĩnh Long from 1/7/2025); "
                             "default new once any new commune has figures / bản đồ xã: cũ hoặc mới")
    report.add_argument("--area", nargs="+", metavar="CODE", default=None,
                        help="area codes to report (default: the district and its 15 communes)")
    review = commands.add_parser("review", help="write the yearly review (báo cáo) as a Word document to --out")
    from .reports.review import add_review_arguments

    add_review_arguments(review)
    check = commands.add_parser("check", help="check observation files and list every problem")
    check.add_argument("data", type=Path, nargs="?", default=paths.OBSERVATIONS_DIR,
                       help="observation file or folder (CSV or Excel)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "review":
            return _review(args)
        from .reports.report import run_report

        return run_report(data=args.data, out=args.out, lang=args.lang, areas=args.area, map=args.map)
    except DataError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_DATA


def _review(args: argparse.Namespace) -> int:
    from .reports.review import run_review

    return run_review(args)


def _check(args: argparse.Namespace) -> int:
    from .data.observations import load_observations

    observations = load_observations(args.data)
    real = int((~observations["illustrative"]).sum())
    print(f"OK: {len(observations)} dòng số liệu hợp lệ ({real} thật, {len(observations) - real} minh họa) / "
          f"{len(observations)} valid rows ({real} real, {len(observations) - real} illustrative).")
    return 0
