"""Writing output files atomically and reproducibly, and never over someone else's files.

A file is written to a temporary name beside its destination and renamed into place, so a
reader never sees half a file. A folder of outputs is built in a temporary folder and moved
into place the same way (:func:`atomic_folder`); the folder carries a small manifest
(:data:`MANIFEST`) and is only ever replaced when it carries one, so the command can replace
its own reports but never a folder of someone's files.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import RefusedError

__all__ = ["write_bytes_atomic", "write_text_atomic", "write_csv_atomic", "atomic_folder", "check_destination", "folder_lock",
           "spreadsheet_text", "MANIFEST", "MANIFEST_TEXT", "OwnFiles", "check_beside_data", "clean_report",
           "INPUTS_RECORD", "REPORT_ENTRY", "read_inputs", "write_inputs", "written_from_other_data"]

MANIFEST = ".workbench-report"
"""The file that marks a folder as written by the report command (and so replaceable by it)."""
MANIFEST_TEXT = "Cầu Ngang target workbench report\nformat: 1\n"
REPLACED_MARKER = ".workbench-replaced"
"""Written into a report folder once its replacement is in place: a run killed before removing
it leaves litter, not a folder to put back."""
STAGING_MARKER = ".workbench-staging"
"""Written into a folder under construction with the builder's process id, so that a later
run can tell a folder left behind by a killed run from one still being built."""
INPUTS_RECORD = ".workbench-inputs"
"""What each output in a report folder was made from: a digest of its inputs per name
(:data:`REPORT_ENTRY` for the report, each review by its file name), so that the index can mark
a review written from other data than the report beside it."""
REPORT_ENTRY = "report"
LOCK_WAIT_SECONDS = 600.0
"""How long a run waits for another run writing the same folder to finish moving it."""

_REPORT_FILES = {"index.html", "summary.csv", "summary.xlsx", "slides.pptx", "dashboard.png", "dashboard.svg",
                 "dashboard.pdf", "dashboard_slide.png", "dashboard_slide_2025.png",
                 "dashboard_slide_2030.png", "charts", MANIFEST, INPUTS_RECORD}
_CHART_SUFFIXES = (".png", ".svg", ".pdf")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How text that a spreadsheet would run as a formula begins (OWASP, CSV injection)."""


def spreadsheet_text(value: object) -> object:
    """Text that a spreadsheet would take for a formula, made inert for a CSV file.

    A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
    with a single quote (the OWASP advice against CSV formula injection); other values are
    returned unchanged.

    >>> print(spreadsheet_text('=HYPERLINK("http://x","y")'))
    '=HYPERLINK("http://x","y")
    >>> spreadsheet_text("Phòng LĐ-TB&XH"), spreadsheet_text(-1.5)
    ('Phòng LĐ-TB&XH', -1.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that ``path`` is either the old file or the new one.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_bytes_atomic(target, b"xin chao").read_bytes()
    b'xin chao'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); an output is read by colleagues as any file would be
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically (``\\n`` line ends on every platform)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_csv_atomic(path: str | Path, columns: list[str], rows: Iterable[dict]) -> Path:
    """Write rows as a UTF-8 CSV with a fixed column order, atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return write_text_atomic(path, buffer.getvalue())


class OwnFiles:
    """The files a command wrote into a folder it shares with other files (the Word reviews in
    reports/), by their SHA-256, so that it replaces them only while they are as it wrote them:
    a review whose sections were filled in by hand is never written over.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> own = OwnFiles(folder)
    >>> own.write("bao_cao.docx", b"v1") and own.write("bao_cao.docx", b"v2") and None
    >>> _ = (folder / "bao_cao.docx").write_bytes(b"v2, with section III written by hand")
    >>> own.check(["bao_cao.docx"], {"bao_cao.docx": b"v3"})
    Traceback (most recent call last):
    ...
    analysis.errors.RefusedError: Không ghi đè .../bao_cao.docx: ...
    """

    RECORD = ".workbench-own-files"

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._record = self.folder / self.RECORD
        self.hashes: dict[str, str] = _read_digests(self._record)

    def check(self, names: Sequence[str], new: dict[str, bytes] | None = None) -> None:
        """Raise :class:`~analysis.errors.RefusedError` (nothing written) if one of ``names``
        exists and is not the file this command last wrote there, nor the same bytes as
        ``new[name]`` would be."""
        new = new or {}
        for name in names:
            path = self.folder / name
            if not path.exists():
                continue
            digest = _sha256(path.read_bytes()) if path.is_file() else ""
            if digest and (digest == self.hashes.get(name) or name in new and digest == _sha256(new[name])):
                continue
            raise RefusedError(
                f"Không ghi đè {path}: tệp đã được sửa sau lần ghi trước, hoặc không do lệnh này tạo ra. "
                "Hãy đổi tên tệp đó (ví dụ thêm _da_sua) hoặc chuyển đi chỗ khác, rồi chạy lại.",
                f"will not write over {path}: it was changed after it was written, or was not written by this "
                "command. Rename it (add _edited, say) or move it elsewhere, then run again.")

    def write(self, name: str, data: bytes) -> Path:
        """Write ``data`` to ``name`` atomically and record it."""
        path = write_bytes_atomic(self.folder / name, data)
        self.hashes[name] = _sha256(data)
        self._save()
        return path

    def unchanged(self, name: str) -> bool:
        """Whether ``name`` is a file this command wrote and nobody has changed since."""
        path = self.folder / name
        return name in self.hashes and path.is_file() and not path.is_symlink() \
            and _sha256(path.read_bytes()) == self.hashes[name]

    def forget(self, names: Iterable[str]) -> None:
        """Stop recording ``names`` (deleted); the record goes with the last of them."""
        for name in names:
            self.hashes.pop(name, None)
        if self.hashes:
            self._save()
        else:
            self._record.unlink(missing_ok=True)

    def _save(self) -> None:
        _write_digests(self._record, self.hashes)


def _read_digests(record: Path) -> dict[str, str]:
    """A record of "digest  name" lines (sha256sum's own layout), by name; {} when there is none."""
    if not record.is_file():
        return {}
    entries = (line.partition("  ") for line in record.read_text(encoding="utf-8").splitlines())
    return {name: digest for digest, _, name in entries if name}


def _write_digests(record: Path, entries: dict[str, str]) -> None:
    write_text_atomic(record, "".join(f"{digest}  {name}\n" for name, digest in sorted(entries.items())))


def read_inputs(folder: str | Path) -> dict[str, str]:
    """The digests of :data:`INPUTS_RECORD` in ``folder``, by name ({} when there is none)."""
    return _read_digests(Path(folder) / INPUTS_RECORD)


def write_inputs(folder: str | Path, entries: dict[str, str]) -> None:
    """Write :data:`INPUTS_RECORD` into ``folder`` (atomically, in name order).

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> write_inputs(home, {"report": "ab12", "bao_cao_final_2025.docx": "cd34"})
    >>> read_inputs(home)
    {'bao_cao_final_2025.docx': 'cd34', 'report': 'ab12'}
    """
    _write_digests(Path(folder) / INPUTS_RECORD, entries)


def written_from_other_data(entries: dict[str, str], names: Iterable[str], digest: str | None) -> set[str]:
    """Those of ``names`` recorded in ``entries`` with a digest other than ``digest`` (none when
    ``digest`` is None; a file without a record is not judged).

    >>> written_from_other_data({"a.docx": "1", "b.docx": "2"}, ["a.docx", "b.docx", "c.docx"], "1")
    {'b.docx'}
    """
    return {name for name in names if digest is not None and entries.get(name, digest) != digest}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_report(folder: str | Path) -> list[str]:
    """Delete what the report and review commands wrote into ``folder``, and nothing else;
    return the names of the files kept (sorted).

    Kept: every file the commands did not write (a planner's notes, a renamed copy) and every
    review changed by hand since it was written. The folder itself goes once nothing is left;
    while something is, its manifest stays, so that the next report may still write there.
    A folder no report wrote is refused (:class:`~analysis.errors.RefusedError`), untouched.

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_folder(home / "reports") as staging:
    ...     _ = (staging / "summary.csv").write_text("x"), (staging / "ghi_chu.txt").write_text("mine")
    >>> own = OwnFiles(home / "reports")
    >>> _ = own.write("bao_cao_final_2025.docx", b"v1"), own.write("bao_cao_final_2025.pdf", b"v1")
    >>> _ = (home / "reports" / "bao_cao_final_2025.pdf").write_bytes(b"v1, signed")
    >>> clean_report(home / "reports")
    ['bao_cao_final_2025.pdf', 'ghi_chu.txt']
    >>> sorted(p.name for p in (home / "reports").iterdir())
    ['.workbench-own-files', '.workbench-report', 'bao_cao_final_2025.pdf', 'ghi_chu.txt']
    >>> _ = [(home / "reports" / name).unlink() for name in ("bao_cao_final_2025.pdf", "ghi_chu.txt")]
    >>> clean_report(home / "reports"), (home / "reports").exists()
    ([], False)
    """
    folder = Path(folder)
    if not folder.exists():
        return []
    if not folder.is_dir() or folder.is_symlink():
        raise _refuse(folder, "đây không phải là thư mục báo cáo.", "this is not a report folder.")
    if not _written_by_commands(folder):
        raise _refuse(folder, f"thư mục không do lệnh report tạo ra (không có tệp {MANIFEST}); không xóa gì.",
                      f"the folder was not written by the report command (it has no {MANIFEST} file); nothing "
                      "is deleted.")
    own = OwnFiles(folder)
    kept, deleted = [], []
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if name in (MANIFEST, OwnFiles.RECORD, INPUTS_RECORD):
            continue
        if name in _REPORT_FILES or own.unchanged(name):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            deleted.append(name)
        else:
            kept.append(name)
    if not kept:
        shutil.rmtree(folder)
        return kept
    own.forget(deleted)
    return kept


# ---------------------------------------------------------------------------------------
# the folder of outputs


def _refuse(destination: Path, vi: str, en: str) -> RefusedError:
    return RefusedError(f"Không ghi vào {destination}: {vi}", f"will not write to {destination}: {en}")


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _written_by_commands(folder: Path) -> bool:
    """Whether everything in ``folder`` came from this package's commands: a report (its
    manifest, or an old report's files) or only reviews (a review written before any report)."""
    names = {p.name for p in folder.iterdir()}
    if not names or MANIFEST in names and (folder / MANIFEST).is_file() or _is_old_report(folder):
        return True
    reviews = OwnFiles(folder)
    return OwnFiles.RECORD in names and names <= {OwnFiles.RECORD, INPUTS_RECORD, *reviews.hashes} \
        and all((folder / name).is_file() and not (folder / name).is_symlink() for name in names)


def _is_old_report(folder: Path) -> bool:
    """A report folder written before reports carried a manifest: nothing in it but the
    report's own files (so replacing it loses nothing else)."""
    names = {p.name for p in folder.iterdir()}
    if "index.html" not in names or not names <= _REPORT_FILES:
        return False
    charts = folder / "charts"
    if not charts.exists():
        return True
    if not charts.is_dir() or charts.is_symlink() or not {p.name for p in charts.iterdir()} <= {"fan", "communes"}:
        return False
    for kind in charts.iterdir():
        if not kind.is_dir() or kind.is_symlink():
            return False
        for chart in kind.iterdir():
            if not chart.is_file() or chart.is_symlink() or chart.suffix not in _CHART_SUFFIXES:
                return False
    return True


def check_destination(destination: str | Path, protected: Sequence[str | Path] = ()) -> Path:
    """Return ``destination`` resolved if a report may be written there, else raise
    :class:`~analysis.errors.RefusedError` (nothing is touched either way).

    A report may replace a folder that does not exist yet, an empty folder, or a folder an
    earlier report wrote (it carries :data:`MANIFEST`). It never replaces a file, a folder
    holding other files, one of the ``protected`` paths (the data), a folder that contains
    one of them, or anything inside a protected folder.

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> (home / "notes.txt").write_text("x") and None
    >>> check_destination(home / "reports") == (home / "reports").resolve()
    True
    >>> check_destination(home)
    Traceback (most recent call last):
    ...
    analysis.errors.RefusedError: Không ghi vào ... / will not write to ...: the folder holds other files ...
    """
    path = _outside_data(destination, protected)
    with folder_lock(path):  # a run swapping the folder in leaves it absent for a moment
        _not_a_file(path)
        if path.exists() and not _written_by_commands(path):
            return _raise(_refuse(
                path,
                f"thư mục đã có tệp khác và không phải do lệnh report tạo ra (không có tệp {MANIFEST}); "
                "hãy chọn một thư mục mới hoặc rỗng cho --out.",
                f"the folder holds other files and was not written by the report command (it has no {MANIFEST} "
                "file); choose a new or empty folder for --out."))
    return path


def check_beside_data(destination: str | Path, protected: Sequence[str | Path] = ()) -> Path:
    """Return ``destination`` resolved if it is a folder (or not there yet) that neither holds
    nor sits inside one of the ``protected`` paths, else raise
    :class:`~analysis.errors.RefusedError`. Commands that add files to a folder without
    replacing it (the Word review) need no more than this.

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> (home / "data").mkdir()
    >>> check_beside_data(home / "data" / "offices", [home / "data"])
    Traceback (most recent call last):
    ...
    analysis.errors.RefusedError: Không ghi vào ...: thư mục này nằm trong thư mục số liệu ...
    """
    path = _outside_data(destination, protected)
    with folder_lock(path):  # a run swapping the folder in leaves it absent for a moment
        return _not_a_file(path)


def _outside_data(destination: str | Path, protected: Sequence[str | Path]) -> Path:
    """``destination`` resolved, if it neither holds nor sits inside one of the ``protected``
    paths (checked before anything, a lock included, is written beside it)."""
    path = Path(destination).expanduser().resolve()
    for item in protected:
        data = Path(item).expanduser().resolve()
        if _is_within(data, path):
            return _raise(_refuse(path, f"thư mục này chứa số liệu ({data}).",
                                  f"it holds the data ({data})."))
        if data.is_dir() and _is_within(path, data):
            return _raise(_refuse(path, f"thư mục này nằm trong thư mục số liệu {data}.",
                                  f"it is inside the data folder {data}."))
    return path


def _not_a_file(path: Path) -> Path:
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            return _raise(_refuse(path, "đây là một tệp, không phải thư mục báo cáo; hãy chọn tên thư mục khác cho --out.",
                                  "it is a file, not a report folder; choose another folder name for --out."))
    return path


def _raise(error: RefusedError):
    raise error


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temporary_pattern(name: str) -> re.Pattern:
    return re.compile(rf"^\.{re.escape(name)}\.workbench-(\d+)-")


def remove_stale_folders(destination: Path) -> list[Path]:
    """Remove the temporary folders that runs killed while writing ``destination`` left
    beside it: only folders named by this module for this destination, holding the marker
    or manifest this module writes, whose process has ended. Returns what was removed.

    A report folder moved aside by a run killed before its swap had finished (a SIGKILL, a
    power cut) is never removed: it holds the planner's own files (notes, Word reviews). With
    no ``destination`` it is put back; where a ``destination`` has been written since (a review
    makes one), the old folder's own files move into it, one the new folder also has under
    a name saying it is the earlier copy. Only a folder whose swap had finished
    (:data:`REPLACED_MARKER`) is litter.

    >>> import tempfile, pathlib, subprocess, sys
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
    ...                        text=True).stdout.strip()
    >>> aside = home / f".reports.workbench-{ended}-old-x1"
    >>> _ = aside.mkdir(), (aside / MANIFEST).write_text(MANIFEST_TEXT), (aside / "ghi_chu.txt").write_text("note")
    >>> _ = (aside / STAGING_MARKER).write_text(ended)
    >>> remove_stale_folders(home / "reports"), sorted(p.name for p in (home / "reports").iterdir())
    ([], ['.workbench-report', 'ghi_chu.txt'])
    """
    pattern = _temporary_pattern(destination.name)
    removed = []
    try:
        entries = list(destination.parent.iterdir())
    except OSError:
        return removed
    aside_pattern = re.compile(rf"^\.{re.escape(destination.name)}\.workbench-\d+{_OLD_PART}")
    gone_pattern = re.compile(rf"^\.{re.escape(destination.name)}\.workbench-\d+{_GONE_PART}")
    stale = []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        # a replaced folder renamed for removal is litter by its name, whatever a cut-off removal left in it and
        # whether or not its run is still removing it
        if gone_pattern.match(entry.name):
            stale.append(entry)
            continue
        if not any((entry / marker).is_file() for marker in (STAGING_MARKER, MANIFEST, REPLACED_MARKER)):
            continue
        if _pid_alive(int(match.group(1))):
            continue
        stale.append(entry)
    unfinished = sorted((entry for entry in stale if aside_pattern.match(entry.name)
                         and not (entry / REPLACED_MARKER).exists()), key=lambda entry: entry.stat().st_mtime)
    for entry in reversed(unfinished):  # the newest first: it is the one put back
        stale.remove(entry)
        if not destination.exists() and not destination.is_symlink():
            os.replace(entry, destination)
            (destination / STAGING_MARKER).unlink(missing_ok=True)
        elif destination.is_dir() and not destination.is_symlink() and _merge_into(entry, destination):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    for entry in stale:
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _merge_into(old: Path, destination: Path) -> bool:
    """Move the entries of a report folder whose swap never finished into the folder written
    since: all but the report's own files (a new report replaces them). An entry the
    destination also has keeps its place under a name marked as the earlier copy
    (``bao_cao_final_2025 (bản trước).docx``). Returns whether ``old`` was emptied of
    everything but the report's own files.

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> for folder, name in [("old", "ghi_chu.txt"), ("old", "bao_cao.docx"), ("old", "index.html"), ("new", "bao_cao.docx")]:
    ...     _ = (home / folder).mkdir(exist_ok=True), (home / folder / name).write_text(folder)
    >>> _merge_into(home / "old", home / "new"), sorted(p.name for p in (home / "new").iterdir())
    (True, ['bao_cao (bản trước).docx', 'bao_cao.docx', 'ghi_chu.txt'])
    """
    kept_back = False
    theirs, ours = OwnFiles(old), OwnFiles(destination)
    their_inputs, our_inputs = read_inputs(old), read_inputs(destination)
    for entry in sorted(old.iterdir()):
        if entry.name in _REPORT_FILES or entry.name in (STAGING_MARKER, REPLACED_MARKER, OwnFiles.RECORD) \
                or _is_temporary(entry.name):
            continue
        target = destination / entry.name
        if target.exists() or target.is_symlink():
            target = _free_name(destination, entry.name)
        try:
            os.replace(entry, target)
        except OSError:
            kept_back = True
            continue
        if entry.name in theirs.hashes:  # a review the command wrote stays its own, under its new name too
            ours.hashes.setdefault(target.name, theirs.hashes[entry.name])
        if entry.name in their_inputs:  # and keeps the record of the data it was written from
            our_inputs.setdefault(target.name, their_inputs[entry.name])
    if ours.hashes:
        ours._save()
    if our_inputs:
        write_inputs(destination, our_inputs)
    if (old / MANIFEST).is_file() and not (destination / MANIFEST).exists():
        # the folder was a report folder before the interruption, and stays one for the next report
        write_text_atomic(destination / MANIFEST, MANIFEST_TEXT)
    return not kept_back


def _free_name(folder: Path, name: str) -> Path:
    stem, dot, suffix = name.partition(".") if not name.startswith(".") else (name, "", "")
    for number in range(1, 1000):
        label = EARLIER_COPY if number == 1 else f"{EARLIER_COPY} {number}"
        candidate = folder / f"{stem} ({label}){dot}{suffix}"
        if not (candidate.exists() or candidate.is_symlink()):
            return candidate
    raise FileExistsError(errno.EEXIST, "no free name", str(folder / name))


_OLD_PART = "-old-"
"""In the name of a report folder moved aside while its replacement moves in."""
_GONE_PART = "-gone-"
"""In the name of a report folder replaced and being removed."""
EARLIER_COPY = "bản trước"
"""How a file of an interrupted run's folder is named beside the newer file of the same name."""


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM arriving during the block take effect when it has ended: between
    moving the old folder aside and the new one in, an interrupted run left no folder at all.

    The signals' handlers only note them meanwhile, then the previous handlers are put back
    and the first signal noted is raised again. (Blocking the signals in this thread is not
    enough: the kernel hands a process's signal to any thread not blocking it, numpy's own
    among them, and Python then raises it in this thread all the same.) Outside the main
    thread, where no handler can be set, no signal reaches the block as an exception anyway.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    # saved before any is replaced: a signal handled just as a handler is set still finds them put back
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        for signum in previous:
            signal.signal(signum, lambda number, frame: noted.append(number))
        yield
    finally:
        _put_back(previous)
    if noted:
        signal.raise_signal(noted[0])


def _put_back(handlers: dict) -> None:
    """Set each signal's handler back, each even if a signal arrives while another is set."""
    if not handlers:
        return
    (signum, handler), *rest = handlers.items()
    try:
        _put_back(dict(rest))
    finally:
        signal.signal(signum, handler)


_HELD_LOCKS: set[tuple[int, int, Path]] = set()
"""The folder locks held, by process and thread (a forked child, or another thread, holds none
of them)."""


@contextmanager
def folder_lock(destination: str | Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on ``.<name>.lock`` beside the folder ``destination`` (removed
    afterwards). A report swapping its folder in, a review writing into it and a check reading
    it take turns: none sees the folder half-moved, and no review's file lands in a folder
    about to be replaced. Re-entrant within a process. Where no lock can be written beside
    the folder (no such parent folder, or one nobody may write), no report can be swapping
    it in either, and nothing is locked.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "reports"
    >>> with folder_lock(out), folder_lock(out):
    ...     sorted(p.name for p in out.parent.iterdir())
    ['.reports.lock']
    >>> sorted(p.name for p in out.parent.iterdir())
    []
    """
    destination = Path(destination)
    lock_path = destination.parent / f".{destination.name}.lock"
    held = (os.getpid(), threading.get_ident(), lock_path)
    if held in _HELD_LOCKS:
        yield
        return
    fd = _locked(lock_path, destination, wait)
    if fd is None:
        yield
        return
    _HELD_LOCKS.add(held)
    try:
        yield
    finally:
        _HELD_LOCKS.discard(held)
        try:
            lock_path.unlink(missing_ok=True)
        finally:
            os.close(fd)


def _locked(lock_path: Path, destination: Path, wait: float) -> int | None:
    """An open descriptor of ``lock_path`` holding its exclusive lock, or None where no lock
    file can be made there."""
    import fcntl

    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS):
                return None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise _refuse(destination, "một lần chạy khác đang ghi vào thư mục này; hãy thử lại sau.",
                              "another run is writing this folder; try again later.") from None
            time.sleep(0.05)
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the previous holder removed the file we locked: lock the new one


@contextmanager
def atomic_folder(destination: str | Path, protected: Sequence[str | Path] = ()) -> Iterator[Path]:
    """Build a folder's contents in a temporary folder; move it into place only on success.

    The destination is checked first (:func:`check_destination`; refused destinations are
    left untouched) and again just before the move. If the block raises, ``destination`` is
    left exactly as it was and the temporary folder is removed; temporary folders left by
    runs that were killed are removed at the start. The finished folder carries
    :data:`MANIFEST`. Two runs writing the same destination take turns for the move, so each
    ends with a complete folder.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "reports"
    >>> with atomic_folder(out) as tmp:
    ...     _ = (tmp / "summary.csv").write_text("a,b\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['.workbench-report', 'summary.csv']
    """
    destination = check_destination(destination, protected)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(destination):  # two runs must not both put the same old folder back
        remove_stale_folders(destination)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.workbench-{os.getpid()}-", dir=destination.parent))
    try:
        (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
        yield staging
        (staging / MANIFEST).write_text(MANIFEST_TEXT, encoding="utf-8")
        _move_into_place(staging, destination, protected)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _move_into_place(staging: Path, destination: Path, protected: Sequence[str | Path]) -> None:
    """Swap the finished folder in and remove the one it replaced. An interruption noted
    during the swap is raised once the new folder is in place, marked ``output_replaced``
    (the command then says so rather than "the folder is unchanged")."""
    old = gone = None
    replaced = False
    try:
        with folder_lock(destination):
            check_destination(destination, protected)  # the folder may have changed during the build
            _carry_over(destination, staging)
            with _signals_deferred():
                if destination.exists():
                    old = Path(tempfile.mkdtemp(prefix=f".{destination.name}.workbench-{os.getpid()}{_OLD_PART}",
                                                dir=destination.parent))
                    os.rmdir(old)
                    os.replace(destination, old)
                try:
                    if old is not None:
                        (old / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
                    (staging / STAGING_MARKER).unlink()
                    os.replace(staging, destination)
                except BaseException:
                    if old is not None and old.exists() and not destination.exists():
                        os.replace(old, destination)
                        (destination / STAGING_MARKER).unlink(missing_ok=True)
                    raise
                replaced = True
                if old is not None:  # from here on the old folder is litter, never to be put back
                    (old / REPLACED_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
                    (old / STAGING_MARKER).unlink(missing_ok=True)
                    # named as litter, so that a removal cut off part-way (Ctrl-C) still leaves litter
                    head, _, tail = old.name.rpartition(_OLD_PART)  # (--out may say "-old-" itself)
                    gone = old.with_name(f"{head}{_GONE_PART}{tail}")
                    os.replace(old, gone)
                os.chmod(destination, 0o755)
        if gone is not None:
            shutil.rmtree(gone, ignore_errors=True)
    except BaseException as error:
        if replaced:
            error.output_replaced = True
            # the swap is done: the folder it replaced goes, renamed or not (a full disk may have stopped the rename)
            try:
                for leftover in (gone, old):
                    if leftover is not None:
                        shutil.rmtree(leftover, ignore_errors=True)
            except BaseException as again:  # a second Ctrl-C: the rest is litter for the next run
                again.output_replaced = True
                raise
        raise


def _carry_over(destination: Path, staging: Path) -> None:
    """Give the new folder every entry of the old one that the report did not write this time:
    the Word reviews, a planner's own notes, a hand-edited copy. They are linked, not moved, so
    that the old folder stays whole until the swap has succeeded.

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("summary.csv", "bao_cao_final_2025.docx", ".workbench-report"):
    ...     _ = (home / "reports").mkdir(exist_ok=True), (home / "reports" / name).write_text(name)
    >>> _ = (home / "new").mkdir(), (home / "new" / "summary.csv").write_text("fresh")
    >>> _carry_over(home / "reports", home / "new")
    >>> sorted(p.name for p in (home / "new").iterdir()), (home / "new" / "summary.csv").read_text()
    (['bao_cao_final_2025.docx', 'summary.csv'], 'fresh')
    """
    if not destination.is_dir():
        return
    written = {entry.name for entry in staging.iterdir()} | {MANIFEST, STAGING_MARKER}
    for entry in sorted(destination.iterdir()):
        if entry.name in written or entry.name in _REPORT_FILES or _is_temporary(entry.name):
            continue
        target = staging / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target, follow_symlinks=False)


def _link_or_copy(source, target, *, follow_symlinks=True) -> None:
    if Path(source).is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: a copy keeps the file all the same
        shutil.copy2(source, target)


def _is_temporary(name: str) -> bool:
    """A file still being written by :func:`write_bytes_atomic` (".name.xxxx")."""
    return name.startswith(".") and name.count(".") >= 2


def describe_os_error(error: OSError) -> str:
    """One line, Vietnamese then English, for an error of the machine rather than the data
    (no permission, read-only disk, disk full, …).

    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device", "/r"))
    'Lỗi: hết chỗ trống trên đĩa (/r). / Error: the disk is full (/r).'
    """
    where = f" ({error.filename})" if error.filename else ""
    code = error.errno
    if code in (errno.EACCES, errno.EPERM):
        vi, en = "không có quyền ghi hoặc đọc", "no permission to write or read"
    elif code == errno.EROFS:
        vi, en = "ổ đĩa chỉ cho đọc, không ghi được", "the disk is read-only"
    elif code in (errno.ENOSPC, errno.EDQUOT):
        vi, en = "hết chỗ trống trên đĩa", "the disk is full"
    elif code == errno.ENOENT:
        vi, en = "không tìm thấy tệp hoặc thư mục", "no such file or folder"
    else:
        detail = error.strerror or type(error).__name__
        vi, en = f"lỗi hệ thống ({detail})", f"system error ({detail})"
    return f"Lỗi: {vi}{where}. / Error: {en}{where}."


_FIXED_ZIP_TIME = (2022, 2, 21, 0, 0, 0)
"""The timestamp stamped on every member of a generated Office file (the plan's date)."""


def reproducible_office_file(data: bytes, fixed_iso: str = "2022-02-21T00:00:00Z") -> bytes:
    """Make an .xlsx or .pptx byte-for-byte reproducible.

    Office files are zip archives; their writers stamp the current time on every member and
    in ``docProps/core.xml``. This rewrites both with fixed values, keeping member order.

    >>> import io, zipfile
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w") as z:
    ...     z.writestr("docProps/core.xml", "<dcterms:modified>2026-01-01T10:00:00Z</dcterms:modified>")
    >>> out = reproducible_office_file(buf.getvalue())
    >>> zipfile.ZipFile(io.BytesIO(out)).read("docProps/core.xml").decode()
    '<dcterms:modified>2022-02-21T00:00:00Z</dcterms:modified>'
    """
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m.group(1) + fixed_iso.encode() + m.group(2),
                    content,
                )
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, content)
    return target_buffer.getvalue()
