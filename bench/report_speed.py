"""How long the whole district report takes on the shipped data: ``python -m bench.report_speed``.

Runs ``python -m analysis report`` (district and its 15 communes, every target, every output)
into a temporary folder a few times and prints the wall-clock times and the number of files.
The goal is under 60 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "reports"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "analysis", "report", "--out", str(out)], check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            n_files = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"full district report: {n_files} files; wall-clock "
          + ", ".join(f"{t:.1f} s" for t in times)
          + f" ({os.cpu_count()} cores, WORKBENCH_JOBS={os.environ.get('WORKBENCH_JOBS', 'all cores')})")


if __name__ == "__main__":
    main()
