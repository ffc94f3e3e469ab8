"""Run every notebook top to bottom and store its outputs (what `make notebooks` does).

Notebooks are committed with their outputs because CI checks them with nbval; rerun this after a
change to the package or the shipped data. Cells run in the notebooks' own folder, in this Python
environment; timing metadata is not recorded, so that unchanged outputs give unchanged files. The
offices' files (data/offices/) are left out, as nbval leaves them out: the stored outputs are
those of the shipped data, and an office's new file never makes `make test` fail.

Run: python scripts/run_notebooks.py [NOTEBOOK ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.export import write_text_atomic  # noqa: E402
from analysis.paths import OFFICES_ENV  # noqa: E402


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def run(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(book, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for number, cell in enumerate(book.cells):
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                # a widget's id is a fresh random one in every kernel; without its live state it
                # points at nothing, so a fixed one keeps an unchanged notebook's file unchanged
                view["model_id"] = f"{path.stem}-{number}"
    book.metadata.pop("widgets", None)  # live widget state: meaningless outside a running kernel
    write_text_atomic(path, nbformat.writes(book) + "\n")
    print(f"ran {path.relative_to(ROOT)}")


def main(argv: list[str]) -> None:
    paths = [Path(p).resolve() for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="offices_none_") as no_offices:
        os.environ[OFFICES_ENV] = no_offices  # the kernels inherit it (see the docstring)
        for path in paths:
            run(path)


if __name__ == "__main__":
    main(sys.argv[1:])
