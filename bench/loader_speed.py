"""How long checking a huge observation file takes, and how much memory: ``python -m bench.loader_speed``.

An office file is a few hundred rows, but a wrong export is not. This writes files of a
million rows into a temporary folder and runs ``python -m analysis check FILE`` on each under
``/usr/bin/time -v``, printing the wall-clock time, the peak memory (maximum resident set
size) and the exit status. The goal is at most 60 s and 1 GB for a million rows.

Files (all with the template's 17 columns):

- ``clean``: valid rows, each key given by five sources with one preferred (exit status 0);
- ``duplicates``: the same rows with every source preferred, so that almost every row is a
  problem (a million problems: the printed list is capped, the whole list goes to a file);
- ``unknown_areas``: area names typed instead of codes on every row (a million problems).

``--xlsx`` also writes the clean rows as an .xlsx workbook, twice: ``clean.xlsx`` states the
sheet's size as Excel writes it, ``no_dimension.xlsx`` does not (as openpyxl's streaming writer;
openpyxl's own reader would then read the whole sheet once more to learn its size). Writing them
takes a few minutes.
``--rows`` sets the size.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl.utils import get_column_letter  # noqa: E402

from analysis import load_areas, load_indicators  # noqa: E402
from analysis.data.catalogue import INTEGER_UNITS  # noqa: E402
from analysis.data.observations import COLUMNS  # noqa: E402

SOURCES = 5


def _rows(n: int, kind: str):
    """``n`` rows of the template's columns, ``SOURCES`` rows per key."""
    indicators = load_indicators()
    plain = [i for i, row in indicators.iterrows() if row["unit"] != "flag" and not row["standards"]]
    areas = load_areas()
    # Units as they stood before the July 2025 reform, and years before it, so that every row is valid.
    areas = list(areas.index[areas["valid_from"].isna()])
    keys = itertools.product(plain, areas, ("all", "khmer", "kinh", "hoa", "ethnic_minority"), range(1990, 2025))
    written = 0
    for indicator, area, group, year in keys:
        for source in range(SOURCES):
            if written == n:
                return
            # counts are whole numbers (a count with decimals is refused); other values have two decimals
            value = (str((written * 7919) % 10000) if indicators.at[indicator, "unit"] in INTEGER_UNITS
                     else f"{(written * 7919) % 10000 / 100:.2f}".replace(".", ","))
            yield {
                "indicator": indicator,
                "area_code": f"Xã số {written}" if kind == "unknown_areas" else area,
                "group": group, "year": year, "standard": "", "value": value, "unit": "",
                "numerator": "", "denominator": "", "qualifier": "",
                "source": f"Báo cáo tổng hợp số {source}, UBND huyện Cầu Ngang",
                "source_url": "", "quote": "", "note": "", "illustrative": "FALSE",
                "preferred": "TRUE" if kind != "clean" or source == 0 else "FALSE",
            }
            written += 1
    raise ValueError(f"the catalogue has keys for at most {written} rows")


def write_csv(path: Path, n: int, kind: str) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(_rows(n, kind))
    return path


def write_xlsx(path: Path, n: int) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("du_lieu")
    sheet.append(list(COLUMNS))
    for row in _rows(n, "clean"):
        row["value"] = float(row["value"].replace(",", "."))
        sheet.append([row[c] if row[c] != "" else None for c in COLUMNS])  # Excel writes no empty cells
    book.save(path)
    return path


def with_dimension(path: Path, target: Path, n: int) -> Path:
    """A copy of ``path`` whose sheet states its size (``<dimension ref="A1:P…"/>``), as Excel and
    LibreOffice write it; openpyxl's streaming writer leaves it out."""
    ref = f'<dimension ref="A1:{get_column_letter(len(COLUMNS))}{n + 1}"/>'.encode()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                copy.writestr(info, source.read(info))
                continue
            with source.open(info) as old, copy.open(info.filename, "w", force_zip64=True) as new:
                head = old.read(1 << 16)
                at = head.index(b"<sheetViews>")
                new.write(head[:at] + ref + head[at:])
                shutil.copyfileobj(old, new, 1 << 20)
    return target


def measure(path: Path) -> tuple[float, float, int]:
    """Check ``path`` in a fresh process: (seconds, peak MB, exit status)."""
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "analysis", "check", str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    for line in done.stderr.splitlines():
        if line.startswith(("Danh sách đầy đủ", "Full list")) or "Full list" in line:
            Path(line.rsplit(": ", 1)[1]).unlink(missing_ok=True)  # the whole list of problems
    return seconds, peak_kb / 1024, done.returncode


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx", action="store_true", help="also an .xlsx workbook of the clean rows")
    parser.add_argument("--only", nargs="+", default=["clean", "duplicates", "unknown_areas"])
    args = parser.parse_args(argv)
    print(f"{args.rows:,} rows; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as folder:
        files = [write_csv(Path(folder) / f"{kind}.csv", args.rows, kind) for kind in args.only]
        if args.xlsx:
            plain = write_xlsx(Path(folder) / "no_dimension.xlsx", args.rows)
            files += [with_dimension(plain, Path(folder) / "clean.xlsx", args.rows), plain]
        for path in files:
            size = path.stat().st_size / 1e6
            seconds, peak, status = measure(path)
            print(f"{path.name:<20} {size:7.0f} MB file   {seconds:6.1f} s   peak {peak:6.0f} MB   exit {status}",
                  flush=True)


if __name__ == "__main__":
    main()
