"""Writing output files atomically and reproducibly.

A file is written to a temporary name beside its destination and renamed into place, so a
reader never sees half a file; a folder of outputs is built in a temporary folder and moved
into place the same way (:func:`atomic_folder`).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["write_bytes_atomic", "write_text_atomic", "write_csv_atomic", "atomic_folder"]


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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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


@contextmanager
def atomic_folder(destination: str | Path) -> Iterator[Path]:
    """Build a folder's contents in a temporary folder; move it into place only on success.

    If the block raises, ``destination`` is left exactly as it was.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "reports"
    >>> with atomic_folder(out) as tmp:
    ...     _ = (tmp / "summary.csv").write_text("a,b\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['summary.csv']
    """
    destination = Path(destination).resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=destination.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if destination.exists():
        old = destination.with_name(f".{destination.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(destination, old)
    os.replace(staging, destination)
    os.chmod(destination, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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
