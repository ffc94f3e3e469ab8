"""Set-up for every test of the project: unit tests, doctests in analysis/ and notebooks.

Tests never see the offices' files. ``analysis.paths.OFFICES_DIR`` points at an empty
temporary folder for the whole session (so fixtures shared by a module see none either) and
at a fresh one for each test and doctest; a test that wants office files puts them there.
Notebook cells (nbval) run in kernels of their own, which inherit the environment variable
:data:`analysis.paths.OFFICES_ENV` naming an empty folder too: an office's file in
``data/offices/`` changes none of the outputs nbval compares.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import settings

from analysis import paths

# Same examples on every run, and no time limit per example: a test that passes once passes on
# every machine, however busy (timing goals are measured by the benchmarks in bench/).
settings.register_profile("workbench", derandomize=True, deadline=None)
settings.load_profile("workbench")

_EMPTY_OFFICES: list[str] = []


def pytest_configure(config):
    # set before any notebook kernel starts; the kernels read it when they import analysis
    _EMPTY_OFFICES.append(tempfile.mkdtemp(prefix="offices_none_"))
    os.environ[paths.OFFICES_ENV] = _EMPTY_OFFICES[-1]


def pytest_unconfigure(config):
    for folder in _EMPTY_OFFICES:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _no_office_files_for_the_session(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setattr(paths, "OFFICES_DIR", tmp_path_factory.mktemp("offices_session"))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _no_office_files(monkeypatch, tmp_path_factory):
    monkeypatch.setattr(paths, "OFFICES_DIR", tmp_path_factory.mktemp("offices"))
