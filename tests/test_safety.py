"""Safe out: the report never destroys a folder it did not write, fails with one clear line
on ordinary faults, cleans up after interrupted runs and lets concurrent runs take turns."""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import analysis.reports.report as report_module
from analysis import Workbench, paths
from analysis.cli import Terminated, main
from analysis.export import (MANIFEST, REPLACED_MARKER, STAGING_MARKER, OwnFiles, atomic_folder, check_beside_data,
                             check_destination, clean_report, folder_lock, remove_stale_folders)
from analysis.reports.review import _write_review
from analysis.errors import RefusedError

GOOD_ROW = ("indicator,area_code,group,year,value,source\n"
            "health_insurance_coverage,29434,khmer,2024,94.1,Bảo hiểm xã hội huyện\n")


def snapshot(root: Path) -> dict[str, str]:
    """Every path under ``root`` (and ``root`` itself), with a hash of each file's bytes."""
    found = {}
    for path in [root, *sorted(root.rglob("*"))] if root.exists() else []:
        key = path.relative_to(root.parent).as_posix()
        found[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


@pytest.fixture
def office(tmp_path) -> Path:
    """A folder of an office's files: the data a user must never lose."""
    folder = tmp_path / "so_lieu"
    folder.mkdir()
    (folder / "xa_kim_hoa_2024.csv").write_text(GOOD_ROW, encoding="utf-8")
    return folder


def refused(argv: list[str], capsys, *watched: Path) -> str:
    before = [snapshot(p) for p in watched]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert [snapshot(p) for p in watched] == before, "nothing may be touched"
    assert "Traceback" not in err and err.count("\n") == 1 and " / " in err, err
    return err


# ---- a mistyped command -------------------------------------------------------------------


@pytest.mark.parametrize("argv, vi, en", [
    (["report", "--lang", "vn"], "--lang không nhận 'vn'; hãy chọn một trong: 'vi', 'en' (có phải 'vi'?)",
     "--lang does not take 'vn'; choose from 'vi', 'en' (did you mean 'vi'?)"),
    (["review", "--year", "2025a"], "--year cần một số nguyên, không phải '2025a'",
     "--year needs a whole number, not '2025a'"),
    (["report", "--data"], "--data cần một giá trị theo sau", "--data needs a value after it"),
    (["chek"], "không có lệnh 'chek'; các lệnh là: 'report', 'review', 'clean', 'check' (có phải 'check'?)",
     "there is no command 'chek'; the commands are 'report', 'review', 'clean', 'check' (did you mean 'check'?)"),
    ([], "còn thiếu lệnh", "required: the command"),
    (["check", "--foo"], "không hiểu --foo", "unrecognized arguments: --foo"),
])
def test_a_mistyped_command_is_told_in_vietnamese_first(argv, vi, en, capsys):
    # argparse said it in English only: "error: argument --lang: invalid choice: 'vn' ..."
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    message, usage = err.split("\n", 1)  # the message first, above the usage
    assert stopped.value.code == 2 and usage.startswith("cách dùng / usage: python -m analysis")
    assert message.startswith(f"Lỗi lệnh: {vi}") and " / Error in the command: " in message and en in message
    assert message.index(vi) < message.index(en) and "error:" not in err


# ---- --out never destroys what it did not write ----------------------------------------


def test_out_refuses_the_data_folder_itself(office, capsys):
    err = refused(["report", "--data", str(office), "--out", str(office)], capsys, office)
    assert "chứa số liệu" in err and "holds the data" in err


def test_out_refuses_a_folder_holding_the_data(office, capsys):
    refused(["report", "--data", str(office), "--out", str(office.parent)], capsys, office.parent)


def test_out_refuses_a_folder_inside_the_data_folder(office, capsys):
    err = refused(["report", "--data", str(office), "--out", str(office / "reports")], capsys, office)
    assert "inside the data folder" in err and not (office / "reports").exists()


def test_out_refuses_the_project_data_and_its_parents_by_default(capsys):
    for out in (paths.OBSERVATIONS_DIR, paths.DATA_DIR, paths.PROJECT_ROOT, paths.OBSERVATIONS_DIR / "new"):
        refused(["report", "--out", str(out)], capsys, paths.OBSERVATIONS_DIR)


def test_out_refuses_an_existing_file(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("ghi chú của tôi")
    err = refused(["report", "--out", str(notes)], capsys, tmp_path)
    assert "là một tệp" in err and "is a file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no hidden .notes.txt.old


def test_clean_deletes_the_report_and_keeps_the_planners_files(tmp_path, capsys):
    # `make clean` was rm -rf reports/: it deleted the review a planner had edited and renamed there
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("report")
        (staging / "charts").mkdir()
        (staging / "charts" / "fan").mkdir()
        (staging / "charts" / "fan" / "T01_848.png").write_bytes(b"png")
    own = OwnFiles(out)
    own.write("bao_cao_final_2025.docx", b"as written")  # regenerated by the next run: deleted
    own.write("bao_cao_final_2025.pdf", b"as written")
    (out / "bao_cao_final_2025.pdf").write_bytes(b"signed")  # changed by hand: kept
    (out / "bao_cao_final_2025_da_sua.docx").write_bytes(b"sections III and IV written by hand")
    (out / "cuoc_hop").mkdir()
    (out / "cuoc_hop" / "bien_ban.txt").write_text("minutes")
    assert main(["clean", "--out", str(out)]) == 0
    assert "giữ lại 3 tệp" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [OwnFiles.RECORD, MANIFEST, "bao_cao_final_2025.pdf",
                                                     "bao_cao_final_2025_da_sua.docx", "cuoc_hop"]
    assert (out / "bao_cao_final_2025.pdf").read_bytes() == b"signed"
    assert (out / "cuoc_hop" / "bien_ban.txt").read_text() == "minutes"
    with atomic_folder(out) as staging:  # the next report still writes there, and keeps them
        (staging / "index.html").write_text("next report")
    assert (out / "bao_cao_final_2025_da_sua.docx").is_file()
    notes = tmp_path / "tai_lieu"
    notes.mkdir()
    (notes / "ghi_chu.txt").write_text("mine")
    err = refused(["clean", "--out", str(notes)], capsys, tmp_path)  # never a folder the report did not write
    assert MANIFEST in err and (notes / "ghi_chu.txt").read_text() == "mine"
    shutil.rmtree(out / "cuoc_hop")
    for name in ("bao_cao_final_2025.pdf", "bao_cao_final_2025_da_sua.docx"):
        (out / name).unlink()
    assert main(["clean", "--out", str(out)]) == 0 and not out.exists()  # nothing of theirs left: all gone


def test_out_refuses_a_folder_of_other_files(tmp_path, capsys):
    folder = tmp_path / "tai_lieu"
    folder.mkdir()
    (folder / "bao_cao_cua_toi.docx").write_bytes(b"PK\x03\x04 my own report")
    err = refused(["report", "--out", str(folder)], capsys, tmp_path)
    assert MANIFEST in err


def test_a_report_folder_replaces_only_its_own_kind(tmp_path):
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("second")
    assert (out / "index.html").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with atomic_folder(empty) as staging:
        (staging / "index.html").write_text("into an empty folder")
    assert (empty / MANIFEST).is_file()


def test_a_new_report_keeps_the_files_it_did_not_write(tmp_path):
    # the Word review, a planner's notes and a folder of their own live beside the report
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    (out / "bao_cao_final_2025.docx").write_bytes(b"sections III and IV written by hand")
    (out / "ghi_chu.txt").write_text("mine")
    (out / "cuoc_hop").mkdir()
    (out / "cuoc_hop" / "bien_ban.txt").write_text("minutes")
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("second")
    assert (out / "index.html").read_text() == "second"
    assert (out / "bao_cao_final_2025.docx").read_bytes() == b"sections III and IV written by hand"
    assert (out / "ghi_chu.txt").read_text() == "mine" and (out / "cuoc_hop" / "bien_ban.txt").read_text() == "minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]  # no temporary folder left


def test_a_failed_report_leaves_the_files_it_did_not_write_where_they_were(tmp_path):
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    (out / "ghi_chu.txt").write_text("mine")
    with pytest.raises(RuntimeError):
        with atomic_folder(out) as staging:
            raise RuntimeError("a chart failed")
    assert (out / "ghi_chu.txt").read_text() == "mine" and (out / "index.html").read_text() == "first"


def test_outputs_are_readable_by_colleagues_as_the_umask_allows(tmp_path):
    from analysis.export import write_bytes_atomic

    previous = os.umask(0o022)
    try:
        written = write_bytes_atomic(tmp_path / "summary.csv", b"a,b\n")
    finally:
        os.umask(previous)
    assert written.stat().st_mode & 0o777 == 0o644  # mkstemp alone gives 0600


def test_a_report_from_before_manifests_is_recognised_by_its_files_only(tmp_path):
    old = tmp_path / "reports"
    (old / "charts" / "fan").mkdir(parents=True)
    for name in ("index.html", "summary.csv", "dashboard.png"):
        (old / name).write_text(name)
    (old / "charts" / "fan" / "T01_848.svg").write_text("<svg/>")
    assert check_destination(old) == old.resolve()
    (old / "charts" / "fan" / "ghi_chu.txt").write_text("mine")
    with pytest.raises(RefusedError):
        check_destination(old)


def test_a_review_written_before_any_report_leaves_the_folder_to_the_report(tmp_path):
    # `review` before `report` on a fresh checkout: reports/ then held only the review, and every
    # later report refused it as "not written by the report command"
    out = tmp_path / "reports"
    _write_review(out, b"doc", "bao_cao_final_2025.docx", "bao_cao_final_2025.pdf", pdf=False)
    assert check_destination(out) == out.resolve()
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("report")
    assert (out / "bao_cao_final_2025.docx").read_bytes() == b"doc" and (out / MANIFEST).is_file()
    assert clean_report(out) == [] and not out.exists()
    _write_review(out, b"doc", "bao_cao_final_2025.docx", "bao_cao_final_2025.pdf", pdf=False)
    (out / "bao_cao_final_2025.docx").write_bytes(b"doc, section III written by hand")
    assert check_destination(out) == out.resolve()  # still the review's, changed or not
    (out / "ghi_chu.txt").write_text("mine")
    with pytest.raises(RefusedError):
        check_destination(out)


def test_the_folder_is_checked_again_before_it_is_replaced(tmp_path):
    out = tmp_path / "reports"
    with pytest.raises(RefusedError):
        with atomic_folder(out) as staging:
            (staging / "index.html").write_text("new")
            out.mkdir()
            (out / "tep_cua_nguoi_khac.txt").write_text("appeared during the run")
    assert sorted(p.name for p in out.iterdir()) == ["tep_cua_nguoi_khac.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


# ---- ordinary faults: one line, a status, the folder intact ------------------------------


@pytest.fixture
def earlier_report(tmp_path) -> Path:
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("earlier report")
    return out


@pytest.fixture
def quick_report(monkeypatch):
    """The report of one commune, drawn in this process, with a prepared workbench."""
    workbench = Workbench(areas=["29434"])
    monkeypatch.setattr(report_module, "Workbench", lambda *args, **kwargs: workbench)
    monkeypatch.setenv("WORKBENCH_JOBS", "1")
    return ["report", "--area", "29434"]


def raising(error: BaseException):
    def fail(*args, **kwargs):
        raise error
    return fail


@pytest.mark.parametrize("error, status, phrase", [
    (OSError(errno.ENOSPC, "No space left on device"), 1, "hết chỗ trống trên đĩa"),
    (PermissionError(errno.EACCES, "Permission denied"), 1, "không có quyền"),
    (OSError(errno.EROFS, "Read-only file system"), 1, "chỉ cho đọc"),
    (KeyboardInterrupt(), 130, "Ctrl-C"),
])
def test_faults_while_drawing_end_in_one_line_and_leave_the_folder(error, status, phrase, earlier_report,
                                                                   quick_report, monkeypatch, capsys):
    monkeypatch.setattr(report_module, "_draw_fan", raising(error))
    before = snapshot(earlier_report.parent)
    assert main([*quick_report, "--out", str(earlier_report)]) == status
    err = capsys.readouterr().err
    message = err.strip().splitlines()[-1]
    assert phrase in message and " / " in message and "Traceback" not in err
    assert snapshot(earlier_report.parent) == before


def test_a_read_only_destination_is_one_line(tmp_path, quick_report, monkeypatch, capsys):
    import analysis.export as export

    monkeypatch.setattr(export.tempfile, "mkdtemp", raising(OSError(errno.EROFS, "Read-only file system",
                                                                       str(tmp_path))))
    assert main([*quick_report, "--out", str(tmp_path / "reports")]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == (f"Lỗi: ổ đĩa chỉ cho đọc, không ghi được ({tmp_path}). / "
                                            f"Error: the disk is read-only ({tmp_path}).")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_in_a_chart_worker_is_one_line(earlier_report, quick_report, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_JOBS", "2")
    monkeypatch.setattr(report_module, "save_figure", raising(OSError(errno.ENOSPC, "No space left on device")))
    before = snapshot(earlier_report.parent)
    assert main([*quick_report, "--out", str(earlier_report)]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert snapshot(earlier_report.parent) == before


# ---- interrupted runs: workers die, temporary folders go ----------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid:  # the parent's id
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _start_report(out: Path) -> tuple[subprocess.Popen, set[int]]:
    """Start a report in another process and wait until its chart workers are drawing."""
    env = {**os.environ, "WORKBENCH_JOBS": "2"}
    # Start the report as a terminal would, with Ctrl-C live: a run started in the background
    # (`make test &`) inherits SIGINT ignored, and the report would rightly ignore it too.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "analysis", "report", "--data", str(paths.OBSERVATIONS_DIR), "--out", str(out),
             "--area", "848", "29434"],
            cwd=paths.PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if len(workers) >= 2 and any(out.parent.glob(f".{out.name}.workbench-*/charts/fan/*.png")):
            return process, workers  # drawing: a chart is done and the next ones are under way
        assert process.poll() is None, process.communicate()
        time.sleep(0.2)
    process.kill()
    raise AssertionError("the chart workers did not start")


def _wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return {p for p in pids if _alive(p)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum, status, phrase", [(signal.SIGTERM, 143, "SIGTERM"),
                                                    (signal.SIGINT, 130, "Ctrl-C")])
def test_sigterm_and_ctrl_c_stop_the_workers_and_remove_the_temporary_folder(tmp_path, signum, status, phrase):
    out = tmp_path / "reports"
    process, workers = _start_report(out)
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == status
    assert phrase in stderr.strip().splitlines()[-1] and "Traceback" not in stderr
    assert _wait_gone(workers) == set()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_after_kill_9_the_workers_die_and_the_next_run_removes_the_litter(tmp_path):
    out = tmp_path / "reports"
    process, workers = _start_report(out)
    process.kill()
    process.communicate(timeout=60)
    assert _wait_gone(workers) == set(), "chart workers must die with their parent"
    litter = list(tmp_path.glob(".reports.workbench-*"))
    assert litter and (litter[0] / STAGING_MARKER).is_file()
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("next run")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal")
def test_a_chart_worker_is_killed_by_the_kernel_when_its_parent_is(tmp_path):
    # A worker that is sleeping (not waiting on its task pipe) would outlive its parent forever.
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import os, time\n"
         "from analysis.reports.report import _worker_start\n"
         "pid = os.fork()\n"
         "if pid == 0:\n"
         "    _worker_start(os.getppid())\n"
         "    os.write(1, b'ready\\n')\n"
         "    time.sleep(120)\n"
         "    os._exit(0)\n"
         "os.write(1, b'%d\\n' % pid)\n"
         "time.sleep(120)\n"],
        cwd=paths.PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    with parent:
        try:
            lines = {parent.stdout.readline().strip(), parent.stdout.readline().strip()}
            worker = int((lines - {"ready"}).pop())
        finally:
            parent.kill()
    survivors = _wait_gone({worker}, seconds=5)
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == set()


def test_only_stale_temporary_folders_of_our_own_making_are_removed(tmp_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    dead = int(finished.stdout)
    out = tmp_path / "reports"

    def folder(name: str, marker: str | None) -> Path:
        path = tmp_path / name
        path.mkdir()
        if marker:
            (path / marker).write_text(f"{dead}\n")
        return path

    out.mkdir()  # the swap finished: the old folder beside it is litter
    stale = folder(f".reports.workbench-{dead}-abc", STAGING_MARKER)
    stale_old = folder(f".reports.workbench-{dead}-old-def", MANIFEST)
    unmarked = folder(f".reports.workbench-{dead}-ghi", None)
    running = folder(f".reports.workbench-{os.getpid()}-jkl", STAGING_MARKER)
    other = folder(f".other.workbench-{dead}-mno", STAGING_MARKER)
    removed = remove_stale_folders(out)
    assert sorted(removed) == sorted([stale, stale_old])
    assert all(p.exists() for p in (unmarked, running, other))


def test_a_run_killed_between_the_two_moves_gets_its_old_folder_back(tmp_path):
    # killed after the old folder went aside and before the new one came in: no reports/ at all, and the
    # next run removed the old folder as litter, the planner's notes and Word reviews with it
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    (out / "ghi_chu_can_bo.txt").write_text("mine")
    aside = tmp_path / f".reports.workbench-{int(finished.stdout)}-old-xyz"
    os.replace(out, aside)
    (aside / STAGING_MARKER).write_text(finished.stdout)
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("second")
    assert (out / "index.html").read_text() == "second" and (out / "ghi_chu_can_bo.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


@pytest.mark.parametrize("signum, stop", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)])
def test_a_signal_during_the_swap_waits_for_the_new_folder_even_with_other_threads(tmp_path, monkeypatch, signum,
                                                                                    stop):
    # blocking the signal in the main thread only was not enough: the kernel handed it to another thread
    # (numpy's, in a report run), Python raised it in the main thread just after the old folder went aside,
    # and no report folder was left
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    (out / "ghi_chu_can_bo.txt").write_text("mine")
    other_ready, finish = threading.Event(), threading.Event()
    other = threading.Thread(target=lambda: (other_ready.set(), finish.wait(10)), daemon=True)
    other.start()
    other_ready.wait()
    replace, calls = os.replace, []

    def interrupted(source, target):
        replace(source, target)
        calls.append(target)
        if len(calls) == 1:  # the old folder has just gone aside
            os.kill(os.getpid(), signum)
            time.sleep(0.2)

    def terminated(number, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminated)
    monkeypatch.setattr(os, "replace", interrupted)
    try:
        with pytest.raises(stop) as raised:
            with atomic_folder(out) as staging:
                (staging / "index.html").write_text("second")
    finally:
        signal.signal(signal.SIGTERM, previous)
        finish.set()
    assert getattr(raised.value, "output_replaced", False)
    assert (out / "index.html").read_text() == "second" and (out / "ghi_chu_can_bo.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]  # the replaced folder removed, not left


def test_the_command_says_the_folder_was_replaced_when_the_interrupt_came_during_the_swap(tmp_path, monkeypatch,
                                                                                          capsys):
    out = tmp_path / "reports"

    def swapped_then_stopped(**kwargs):
        error = KeyboardInterrupt()
        error.output_replaced = True
        raise error

    monkeypatch.setattr(report_module, "run_report", swapped_then_stopped)
    assert main(["report", "--out", str(out)]) == 130
    said = capsys.readouterr().err
    assert "vừa được thay bằng bản mới" in said and "giữ nguyên" not in said


def _moved_aside_by_an_ended_run(home: Path) -> tuple[Path, str]:
    """An empty folder named as a report folder moved aside by a run that has ended, and that run's id."""
    ended = _ended_pid()
    aside = home / f".reports.workbench-{ended}-old-xyz"
    aside.mkdir()
    return aside, ended


def test_a_replaced_folder_left_by_a_killed_run_is_litter_never_put_back(tmp_path):
    # the swap had finished; a later `clean` removed reports/: the old folder must not come back with the
    # files `clean` deleted
    aside, ended = _moved_aside_by_an_ended_run(tmp_path)
    for name in (MANIFEST, REPLACED_MARKER, "bao_cao_final_2025.docx"):
        (aside / name).write_text("old")
    out = tmp_path / "reports"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("second")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


@pytest.mark.parametrize("manifest", [True, False], ids=["report folder", "folder of reviews only"])
def test_an_unfinished_swap_gives_its_files_to_a_folder_written_since(tmp_path, manifest):
    # killed mid-swap; then a review wrote a fresh reports/: the next report removed the old folder as litter,
    # the planner's notes and the earlier review with it (and a folder of reviews only, having no manifest,
    # was never put back)
    aside, ended = _moved_aside_by_an_ended_run(tmp_path)
    OwnFiles(aside).write("bao_cao_final_2025.docx", b"review, sections III-IV by hand")
    (aside / STAGING_MARKER).write_text(ended)
    if manifest:  # a report folder may hold a planner's notes; a folder of reviews only, only reviews
        (aside / MANIFEST).write_text("old")
        (aside / "index.html").write_text("old report")
        (aside / "ghi_chu_can_bo.txt").write_text("mine")
    out = tmp_path / "reports"
    out.mkdir()
    OwnFiles(out).write("bao_cao_final_2025.docx", b"a review written since")
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("second")
    assert not manifest or (out / "ghi_chu_can_bo.txt").read_text() == "mine"
    assert (out / "bao_cao_final_2025.docx").read_bytes() == b"a review written since"
    assert (out / "bao_cao_final_2025 (bản trước).docx").read_bytes() == b"review, sections III-IV by hand"
    assert (out / "index.html").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    assert OwnFiles(out).unchanged("bao_cao_final_2025 (bản trước).docx")  # still the command's own file


def test_an_unfinished_swap_of_a_folder_of_reviews_only_is_put_back(tmp_path):
    aside, ended = _moved_aside_by_an_ended_run(tmp_path)
    OwnFiles(aside).write("bao_cao_final_2025.docx", b"review")
    (aside / STAGING_MARKER).write_text(ended)
    out = tmp_path / "reports"
    assert remove_stale_folders(out) == []
    assert sorted(p.name for p in out.iterdir()) == [OwnFiles.RECORD, "bao_cao_final_2025.docx"]


def _first_report_with_a_note(out: Path) -> Path:
    """A report folder holding a planner's note beside the report."""
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("first")
    (out / "ghi_chu_can_bo.txt").write_text("mine")
    return out


def _disk_full_writing(monkeypatch, which) -> None:
    """Writing a file for which ``which(path)`` holds fails as on a full disk."""
    write_text = Path.write_text

    def full(path, *args, **kwargs):
        if which(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)


def test_a_failure_after_the_old_folder_went_aside_puts_it_back(tmp_path, monkeypatch):
    out = _first_report_with_a_note(tmp_path / "reports")
    _disk_full_writing(monkeypatch, lambda path: path.name == STAGING_MARKER and "-old-" in path.parent.name)
    with pytest.raises(OSError):
        with atomic_folder(out) as staging:
            (staging / "index.html").write_text("second")
    assert (out / "index.html").read_text() == "first" and (out / "ghi_chu_can_bo.txt").read_text() == "mine"


# ---- two runs into the same folder -------------------------------------------------------


def _write_reports(out: str, who: int, times: int, start, failures) -> None:
    start.wait()
    for i in range(times):
        try:
            with atomic_folder(out) as staging:
                for name in ("index.html", "summary.csv", "slides.pptx"):
                    (staging / name).write_text(f"{who}-{i}")
        except BaseException as error:  # noqa: BLE001 - reported to the test
            failures.put(f"{who}-{i}: {error!r}")


def test_two_runs_writing_the_same_folder_both_end_with_a_complete_report(tmp_path):
    out = tmp_path / "reports"
    context = multiprocessing.get_context("fork")
    start, failures = context.Barrier(2), context.Queue()
    runs = [context.Process(target=_write_reports, args=(str(out), who, 60, start, failures)) for who in (1, 2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
    errors = []
    while not failures.empty():
        errors.append(failures.get())
    assert errors == [] and [run.exitcode for run in runs] == [0, 0]
    contents = {p.name: p.read_text() for p in out.iterdir() if p.name != MANIFEST}
    assert sorted(contents) == ["index.html", "slides.pptx", "summary.csv"]
    assert len(set(contents.values())) == 1, "one run's complete report, not a mixture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    shutil.rmtree(out)


def _report_folder(out: Path) -> Path:
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("report")
    return out


def _started(work) -> tuple[threading.Thread, list]:
    """``work`` started in a thread; the list receives what it returned or raised."""
    results: list = []

    def run():
        try:
            results.append(work())
        except BaseException as error:  # noqa: BLE001 - reported to the test
            results.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, results


def test_a_check_waits_while_another_run_swaps_the_folder(tmp_path):
    # between a swap's two moves the folder is absent: a check then took the folder for a file or
    # a stranger's folder, or failed on reading it (CI saw FileNotFoundError in the race above)
    out = _report_folder(tmp_path / "reports")
    with folder_lock(out.resolve()):
        os.replace(out, tmp_path / "aside")
        thread, results = _started(lambda: check_destination(out))
        thread.join(0.5)
        assert thread.is_alive() and results == []
        os.replace(tmp_path / "aside", out)
    thread.join(10)
    assert results == [out.resolve()]


def test_a_review_waits_to_write_while_a_report_swaps_the_folder(tmp_path):
    # a review written after the swap's carry-over but before its move went into the folder
    # being replaced, and was deleted with it
    out = _report_folder(tmp_path / "reports").resolve()
    with folder_lock(out):
        thread, results = _started(lambda: _write_review(out, b"doc", "bao_cao.docx", "bao_cao.pdf", pdf=False))
        thread.join(0.5)
        assert thread.is_alive() and not (out / "bao_cao.docx").exists()
    thread.join(10)
    assert results == [[out / "bao_cao.docx"]] and (out / "bao_cao.docx").read_bytes() == b"doc"


def test_no_lock_is_taken_where_none_can_be_written(tmp_path, monkeypatch):
    # a review may write into a folder whose parent is read-only (no report can swap it in there),
    # and a check of a folder not made yet must not make its parents
    assert check_beside_data(tmp_path / "new" / "reports") == (tmp_path / "new" / "reports").resolve()
    assert not (tmp_path / "new").exists()
    (tmp_path / "shared" / "reports").mkdir(parents=True)
    real_open = os.open

    def read_only(path, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with folder_lock(tmp_path / "shared" / "reports"):
        (tmp_path / "shared" / "reports" / "note.txt").write_text("x")
    assert check_beside_data(tmp_path / "shared" / "reports") == (tmp_path / "shared" / "reports").resolve()


def _ended_pid() -> str:
    return subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_an_out_folder_named_old_keeps_a_killed_builds_half_folder_out(tmp_path):
    # "-old-" was looked for anywhere in the name: for --out reports-old-map a killed build's half-built folder was
    # put back as the report, and every later run was refused
    ended = _ended_pid()
    out = tmp_path / "reports-old-map"
    staging = tmp_path / f".reports-old-map.workbench-{ended}-k3j9x2ab"
    (staging / "charts").mkdir(parents=True)
    (staging / STAGING_MARKER).write_text(ended)
    with atomic_folder(out) as new:
        (new / "index.html").write_text("full report")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports-old-map"]


def test_a_merged_review_keeps_the_record_of_the_data_it_was_written_from(tmp_path):
    from analysis.export import read_inputs, write_inputs

    ended = _ended_pid()
    aside = tmp_path / f".reports.workbench-{ended}-old-xyz"
    aside.mkdir()
    OwnFiles(aside).write("bao_cao_final_2025.docx", b"review")
    write_inputs(aside, {"report": "A", "bao_cao_final_2025.docx": "A"})
    (aside / MANIFEST).write_text("old")
    (aside / STAGING_MARKER).write_text(ended)
    out = tmp_path / "reports"
    out.mkdir()
    OwnFiles(out).write("bao_cao_final_2030.docx", b"another review")
    write_inputs(out, {"bao_cao_final_2030.docx": "B"})
    remove_stale_folders(out)
    assert read_inputs(out) == {"bao_cao_final_2025.docx": "A", "bao_cao_final_2030.docx": "B"}


@pytest.mark.parametrize("out_name", ["reports", "reports-old-map"])
def test_an_interrupt_while_the_replaced_folder_is_removed_says_replaced_and_leaves_only_litter(tmp_path, monkeypatch,
                                                                                               out_name):
    # a Ctrl-C during the removal of the replaced folder said "unchanged", and the part left, its markers gone first,
    # was never removed (for --out reports-old-map, the "-old-" of its own name was the one renamed)
    out = tmp_path / out_name
    with atomic_folder(out) as staging:
        for name in ("index.html", "summary.csv", "slides.pptx", "dashboard.png"):
            (staging / name).write_text("first")
    (out / "ghi_chu_can_bo.txt").write_text("mine")
    removed, rmtree = [], shutil.rmtree

    def cut_off(path, ignore_errors=False):  # Ctrl-C after two files of the replaced folder went, then a second
        if "-gone-" not in str(path) or removed:
            return rmtree(path, ignore_errors=ignore_errors) if "-gone-" not in str(path) else None
        for entry in sorted(Path(path).iterdir()):
            if len(removed) == 2:
                raise KeyboardInterrupt
            removed.append(entry.name)
            entry.unlink()

    monkeypatch.setattr(shutil, "rmtree", cut_off)
    with pytest.raises(KeyboardInterrupt) as raised:
        with atomic_folder(out) as staging:
            (staging / "index.html").write_text("second")
    monkeypatch.undo()
    assert getattr(raised.value, "output_replaced", False)
    assert (out / "index.html").read_text() == "second" and (out / "ghi_chu_can_bo.txt").read_text() == "mine"
    left = [p.name for p in tmp_path.iterdir() if p.name != out_name]
    assert left and left[0].startswith(f".{out_name}.workbench-") and "-gone-" in left[0]  # a remnant named as litter …
    subprocess.run([sys.executable, "-c", "import sys; from analysis.export import atomic_folder\n"
                    "with atomic_folder(sys.argv[1]) as s: (s / 'index.html').write_text('third')", str(out)],
                   check=True, cwd=paths.PROJECT_ROOT)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out_name]  # … that the next run removes
    assert (out / "ghi_chu_can_bo.txt").read_text() == "mine"


def test_a_failure_after_the_swap_still_removes_the_replaced_folder(tmp_path, monkeypatch):
    # a full disk when marking the replaced folder left it as an unfinished swap: the next run merged it back and
    # every planner's note turned up twice, once as "(bản trước)"
    out = _first_report_with_a_note(tmp_path / "reports")
    _disk_full_writing(monkeypatch, lambda path: path.name == REPLACED_MARKER)
    with pytest.raises(OSError) as raised:
        with atomic_folder(out) as staging:
            (staging / "index.html").write_text("second")
    monkeypatch.undo()
    assert getattr(raised.value, "output_replaced", False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("third")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "ghi_chu_can_bo.txt", "index.html"]
