"""The code carries no unused imports or variables and no undefined names (pyflakes)."""

from __future__ import annotations

from pyflakes.api import checkRecursive
from pyflakes.reporter import Reporter

from analysis.paths import PROJECT_ROOT


class _Collect(Reporter):
    def __init__(self):
        self.found: list[str] = []

    def unexpectedError(self, filename, message):
        self.found.append(f"{filename}: {message}")

    def syntaxError(self, filename, message, lineno, offset, text):
        self.found.append(f"{filename}:{lineno}: {message}")

    def flake(self, message):
        self.found.append(str(message))


def test_no_unused_or_undefined_names():
    folders = [str(PROJECT_ROOT / name) for name in ("analysis", "bench", "scripts", "tests")]
    reporter = _Collect()
    checkRecursive(folders, reporter)
    assert reporter.found == []
