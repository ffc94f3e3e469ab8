"""The command line: ``python -m analysis report``, ``check``, ``review`` and ``clean``.

Nothing ordinary ends in a traceback. Bad input (a :class:`~analysis.DataError`) is printed
as its list of problems (file, row, column, what to do; the first
:data:`~analysis.errors.PRINT_LIMIT`, with the whole list written to a CSV file in the
temporary folder) and a refused request (an ``--out`` that is not a report folder) as one
sentence: exit status 2. A fault of the machine (no permission, read-only or full disk) is
one line with exit status 1; Ctrl-C exits with 130 and SIGTERM with 143, the output folder
left as it was in every case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import signal
import sys
import tempfile
import threading
from pathlib import Path

from . import paths
from .errors import DataError, RefusedError

__all__ = ["main"]

EXIT_ENVIRONMENT = 1
EXIT_BAD_DATA = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class Terminated(BaseException):
    """Raised in the main thread when the process receives SIGTERM, so that the run unwinds
    (removing its temporary folder, stopping its workers) instead of dying mid-write."""


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(paths.PROJECT_ROOT)) + "/"
    except ValueError:
        return str(path)


_USAGE_ERRORS = [
    (r"unrecognized arguments: (?P<what>.+)", "không hiểu {what}", "unrecognized arguments: {what}"),
    (r"the following arguments are required: (?P<what>.+)", "còn thiếu {what}",
     "the following arguments are required: {what}"),
    (r"argument (?P<arg>\{\S+\}): invalid choice: (?P<given>.+?) \(choose from (?P<choices>.+)\)",
     "không có lệnh {given}; các lệnh là: {choices}", "there is no command {given}; the commands are {choices}"),
    (r"argument (?P<arg>\S+): invalid choice: (?P<given>.+?) \(choose from (?P<choices>.+)\)",
     "{arg} không nhận {given}; hãy chọn một trong: {choices}", "{arg} does not take {given}; choose from {choices}"),
    (r"argument (?P<arg>\S+): invalid int value: (?P<given>.+)", "{arg} cần một số nguyên, không phải {given}",
     "{arg} needs a whole number, not {given}"),
    (r"argument (?P<arg>\S+): expected (at least )?one argument", "{arg} cần một giá trị theo sau",
     "{arg} needs a value after it"),
    (r"ambiguous option: (?P<given>\S+) could match (?P<choices>.+)", "{given} có thể là {choices}; hãy viết đủ",
     "{given} could be {choices}; write it in full"),
]
"""argparse's messages for a mistyped command, in Vietnamese and English (its own are English only)."""


def usage_error_text(message: str, prog: str) -> str:
    """One line, Vietnamese then English, for argparse's ``message`` about a mistyped command.

    >>> usage_error_text("argument --lang: invalid choice: 'vn' (choose from 'vi', 'en')", "python -m analysis report")
    "Lỗi lệnh: --lang không nhận 'vn'; hãy chọn một trong: 'vi', 'en' (có phải 'vi'?). Xem: python -m analysis report -h / Error in the command: --lang does not take 'vn'; choose from 'vi', 'en' (did you mean 'vi'?). See: python -m analysis report -h"
    >>> usage_error_text("argument {report,check}: invalid choice: 'chek' (choose from 'report', 'check')", "python -m analysis")
    "Lỗi lệnh: không có lệnh 'chek'; các lệnh là: 'report', 'check' (có phải 'check'?). Xem: python -m analysis -h / Error in the command: there is no command 'chek'; the commands are 'report', 'check' (did you mean 'check'?). See: python -m analysis -h"
    """
    vi, en = message, message
    for pattern, vi_text, en_text in _USAGE_ERRORS:
        found = re.fullmatch(pattern, message)
        if found:
            # the subcommand's own name in argparse's words is the list of them: "{report,check,…}"
            vi = vi_text.format(**{k: re.sub(r"^\{.*\}$", "lệnh", v or "") for k, v in found.groupdict().items()})
            en = en_text.format(**{k: re.sub(r"^\{.*\}$", "the command", v or "") for k, v in found.groupdict().items()})
            if found.groupdict().get("choices") and found["given"]:  # "chek": did you mean 'check'?
                close = difflib.get_close_matches(found["given"], re.findall(r"'[^']*'", found["choices"]), n=1)
                if close:
                    vi, en = f"{vi} (có phải {close[0]}?)", f"{en} (did you mean {close[0]}?)"
            break
    return f"Lỗi lệnh: {vi}. Xem: {prog} -h / Error in the command: {en}. See: {prog} -h"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse names a subcommand by its usage with the prefix "" (kept)
        super().add_usage(usage, actions, groups, "cách dùng / usage: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its usage and its errors in Vietnamese and English (subcommands inherit it)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)

    def error(self, message):
        # the message first: a planner reads it above the usage, not under a wall of option names
        sys.stderr.write(usage_error_text(message, self.prog) + "\n")
        self.print_usage(sys.stderr)
        self.exit(2)


def _parser() -> argparse.ArgumentParser:
    observations, offices, reports = (_relative(p) for p in (paths.OBSERVATIONS_DIR, paths.OFFICES_DIR,
                                                             paths.REPORTS_DIR))
    default_data_vi = f"mặc định: {observations} (số liệu đã công bố và minh họa) và {offices} (tệp các phòng gửi)"
    default_data_en = f"default: {observations} (published and illustrative figures) and {offices} (offices' files)"
    parser = _Parser(
        prog="python -m analysis",
        description="Cầu Ngang target workbench — công cụ theo dõi chỉ tiêu Kế hoạch 20/KH-UBND.",
    )
    _help(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="{report,review,clean,check}",
                                     title="lệnh / commands")
    report = commands.add_parser(
        "report",
        help="xuất biểu đồ, bảng, bản trình chiếu vào --out / write charts, tables and slides to --out",
        description=(
            "Xuất biểu đồ, bảng điều khiển, bảng tổng hợp và bản trình chiếu. / "
            "Write charts, the dashboard, summary tables and slides.\n\n"
            f"Số liệu / data: {default_data_vi} / {default_data_en}.\n"
            f"Kết quả / output: mặc định / default {reports}. Lệnh chỉ thay thế thư mục do chính nó tạo ra "
            "(có tệp .workbench-report), hoặc thư mục rỗng / The command only replaces a folder it wrote "
            "itself (it holds .workbench-report) or an empty one."
        ),
    )
    options = _help(report)
    options.add_argument("--data", type=Path, nargs="+", default=None, metavar="FILE_OR_FOLDER",
                         help="tệp hoặc thư mục số liệu (CSV, Excel), mặc định như trên / "
                              "observation files or folders (CSV, Excel), default as above")
    options.add_argument("--out", type=Path, default=paths.REPORTS_DIR, metavar="FOLDER",
                         help=f"thư mục kết quả, mặc định {reports} / output folder, default {reports}")
    options.add_argument("--lang", choices=("vi", "en"), default="vi",
                         help="ngôn ngữ của nhãn (mặc định vi) / language of the labels (default vi)")
    options.add_argument("--map", choices=("old", "new"), default=None,
                         help="bản đồ xã: old (15 xã, thị trấn đến 2024) hoặc new (6 xã của tỉnh Vĩnh Long từ "
                              "1/7/2025); mặc định new khi đã có số liệu của xã mới / commune map: old (the 15 "
                              "communes and towns to 2024) or new (the 6 communes of Vĩnh Long from 1/7/2025); "
                              "default new once any new commune has figures")
    options.add_argument("--area", nargs="+", metavar="CODE", default=None,
                         help="mã địa bàn (mặc định: huyện và các xã của bản đồ) / area codes "
                              "(default: the district and the communes of the map)")
    review = commands.add_parser(
        "review",
        help="viết báo cáo kết quả thực hiện (Word) vào --out / write the yearly review (Word) to --out",
        description=("Viết báo cáo kết quả thực hiện Kế hoạch 20/KH-UBND theo thể thức Nghị định 30/2020/NĐ-CP. / "
                     "Write the review of Plan 20/KH-UBND as a Word document in the form of Decree 30/2020.\n\n"
                     f"Số liệu / data: {default_data_vi} / {default_data_en}."),
    )
    from .reports.review import add_review_arguments

    add_review_arguments(review, _help(review))
    clean = commands.add_parser(
        "clean",
        help="xóa báo cáo do công cụ tạo ra, giữ tệp của người dùng / delete the report, keep the users' files",
        description=(
            "Xóa những gì lệnh report và review đã ghi vào thư mục; giữ mọi tệp khác (ghi chú, bản sao đã "
            "đổi tên) và báo cáo Word đã sửa tay. / Delete what the report and review commands wrote into the "
            "folder; keep every other file (notes, renamed copies) and any Word review changed by hand."
        ),
    )
    _help(clean).add_argument("--out", type=Path, default=paths.REPORTS_DIR, metavar="FOLDER",
                              help=f"thư mục báo cáo, mặc định {reports} / report folder, default {reports}")
    check = commands.add_parser(
        "check",
        help="kiểm tra tệp số liệu, liệt kê mọi lỗi / check observation files and list every problem",
        description=(
            "Kiểm tra tệp số liệu và liệt kê mọi lỗi (tệp, dòng, cột, cách sửa). / "
            "Check observation files and list every problem (file, row, column, what to do).\n\n"
            f"Số liệu / data: {default_data_vi} / {default_data_en}."
        ),
    )
    # "--data" as for report and review: an office checks with the words it reports with
    _help(check).add_argument("--data", dest="data_option", type=Path, nargs="+", default=None,
                              metavar="FILE_OR_FOLDER", help="như đối số FILE_OR_FOLDER / the same as FILE_OR_FOLDER")
    check.add_argument_group("đối số / arguments").add_argument(
        "data", type=Path, nargs="*", metavar="FILE_OR_FOLDER",
        help="tệp hoặc thư mục số liệu (CSV, Excel), mặc định như trên / "
             "observation files or folders (CSV, Excel), default as above")
    return parser


def _help(parser: argparse.ArgumentParser):
    """A bilingual options group holding -h/--help (argparse's own says it in English only)."""
    options = parser.add_argument_group("tùy chọn / options")
    options.add_argument("-h", "--help", action="help", help="in hướng dẫn này / show this help")
    return options


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    restore = _catch_sigterm()
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "clean":
            return _clean(args.out)
        if args.command == "review":
            from .reports.review import run_review

            return run_review(args)
        from .reports.report import run_report

        return run_report(data=args.data, out=args.out, lang=args.lang, areas=args.area, map=args.map)
    except DataError as error:
        _print_data_error(error)
        _say_the_old_report_stands(getattr(args, "out", None) if args.command in ("report", "review") else None)
        return EXIT_BAD_DATA
    except RefusedError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_DATA
    except (KeyboardInterrupt, Terminated) as stop:
        how, verb, status = (("Ctrl-C", "Interrupted", EXIT_INTERRUPTED) if isinstance(stop, KeyboardInterrupt)
                             else ("SIGTERM", "Stopped", EXIT_TERMINATED))
        if getattr(stop, "output_replaced", False):  # it came while the finished folder was moving in
            print(f"Đã dừng ({how}) khi thư mục kết quả vừa được thay bằng bản mới. / {verb} ({how}) just as the "
                  "output folder was replaced by the new one.", file=sys.stderr)
        else:
            print(f"Đã dừng ({how}); thư mục kết quả giữ nguyên. / {verb} ({how}); the output folder is unchanged.",
                  file=sys.stderr)
        return status
    except OSError as error:
        from .export import describe_os_error

        print(describe_os_error(error), file=sys.stderr)
        return EXIT_ENVIRONMENT
    finally:
        restore()


def _clean(folder: Path) -> int:
    from .export import clean_report

    if not folder.exists():
        print(f"Không có {folder}: không có gì để xóa. / No {folder}: nothing to delete.")
        return 0
    kept = clean_report(folder)
    if kept:
        print(f"Đã xóa báo cáo trong {folder}; giữ lại {len(kept)} tệp không do công cụ ghi hoặc đã sửa tay: "
              f"{', '.join(kept)}. / Deleted the report in {folder}; kept {len(kept)} file"
              f"{'' if len(kept) == 1 else 's'} the workbench did not write or that "
              f"{'was' if len(kept) == 1 else 'were'} changed by hand: {', '.join(kept)}.")
    else:
        print(f"Đã xóa {folder}. / Deleted {folder}.")
    return 0


def _say_the_old_report_stands(out: Path | None) -> None:
    """After bad data stopped a report: say that the folder still holds the previous run's
    files, with their date, so that nobody presents them as made from the data just sent."""
    from .export import MANIFEST

    if out is None or not (out / MANIFEST).is_file():
        return  # no report there: nothing to mistake for a new one
    # the report's own page dates it: the manifest is rewritten when an interrupted run is recovered
    dated = next((out / name for name in ("index.html", "summary.csv") if (out / name).is_file()), out / MANIFEST)
    when = dt.datetime.fromtimestamp(dated.stat().st_mtime)
    print(f"Không có báo cáo mới: {out} vẫn là báo cáo của lần chạy trước ({when:%d/%m/%Y %H:%M}). / No new report: "
          f"{out} still holds the previous run's report ({when:%Y-%m-%d %H:%M}).", file=sys.stderr)


def _catch_sigterm():
    """Turn SIGTERM into :class:`Terminated` for the duration of a command; returns the
    function that puts the previous handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _print_data_error(error: DataError) -> None:
    print(error, file=sys.stderr)
    if error.truncated:
        handle = tempfile.NamedTemporaryFile(prefix="workbench-problems-", suffix=".csv", delete=False)
        handle.close()
        error.write_csv(handle.name)
        n = len(error.problems)
        print(f"Danh sách đầy đủ ({_vi(n)} lỗi) / Full list ({n:,} problems): {handle.name}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from .data.observations import check_observations

    sources = [*(args.data or []), *(args.data_option or [])]
    checked = check_observations(sources or None)
    if checked.problems:
        error = DataError(checked.problems)
        _print_data_error(error)
        for line in checked.warning_lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_DATA
    from .data.catalogue import load_targets

    load_targets()  # a catalogue in error is said before "OK" (it was printed after it, below the OK line)
    observations = checked.observations
    n = len(observations)
    real = int((~observations["illustrative"]).sum())
    made_up = n - real
    print(f"OK: {_vi(n)} dòng số liệu hợp lệ ({_vi(real)} thật, {_vi(made_up)} minh họa) / "
          f"{n:,} valid row{'' if n == 1 else 's'} ({real:,} real, {made_up:,} illustrative).")
    for line in checked.summary_lines() + checked.warning_lines():
        print(line)
    if (line := _targets_without_data(observations)):
        print(line)
    from .assessment.assess import default_map
    from .data.catalogue import load_areas
    from .reports.index_page import review_options
    from .reports.report import MAP_WORDS, new_map_reason

    areas = load_areas()
    if default_map(observations, areas) == "new":  # one office's 2025 file turns every output to the new communes
        # the command that reads these files: make report reads only data/observations/ and data/offices/
        command = "report" + review_options(sources, paths.REPORTS_DIR, None) if sources else "make report"
        print(f"{command}: {MAP_WORDS['new']}\n{new_map_reason(observations, areas)}")
    return 0


def _targets_without_data(observations) -> str:
    """A line naming the targets the files checked hold no figure for ("" when every target has
    some): a folder of some indicators checks clean, and the report then says "Không có số liệu"
    for the others — better known before it is run."""
    from .data.catalogue import load_targets
    from .data.coverage import data_coverage

    coverage = data_coverage(observations, load_targets())
    empty = coverage.loc[(coverage["real_points"] + coverage["illustrative_points"]) == 0, "target_id"].tolist()
    if not empty:
        return ""
    listed = ", ".join(empty)
    return (f"Các tệp đã kiểm tra không có số liệu cho {len(empty)} chỉ tiêu: {listed} (báo cáo chỉ từ các tệp này "
            f"ghi “Không có số liệu” cho chúng). / The files checked hold no figure for {len(empty)} "
            f"target{'' if len(empty) == 1 else 's'}: {listed} (a report from these files alone says “No data” "
            f"for {'it' if len(empty) == 1 else 'them'}).")


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")
