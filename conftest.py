"""Set-up for every test of the project: unit tests, doctests in analysis/ and notebooks.

Tests never see the offices' files. ``analysis.paths.OFFICES_DIR`` points at an empty
temporary folder for the whole session (so fixtures shared by a module see none either) and
at a fresh one for each test and doctest; a test that wants office files puts them there.
Notebook cells (nbval) are the exception: they run in their own kernel, which reads the real
``data/offices/``; ``make notebooks`` refreshes their stored outputs after new data.
"""

from __future__ import annotations

import pytest

from analysis import paths

REAL_OFFICES_DIR = paths.OFFICES_DIR
"""Where the offices' files really are (never read by a test)."""


@pytest.fixture(scope="session", autouse=True)
def _no_office_files_for_the_session(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setattr(paths, "OFFICES_DIR", tmp_path_factory.mktemp("offices_session"))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _no_office_files(monkeypatch, tmp_path_factory):
    monkeypatch.setattr(paths, "OFFICES_DIR", tmp_path_factory.mktemp("offices"))
