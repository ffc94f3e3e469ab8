"""Where the project keeps its files.

Every default path in the package comes from here, so a notebook, the command line and
the tests all read the same catalogue and write to the same report folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
INDICATORS_FILE = DATA_DIR / "indicators.yaml"
TARGETS_FILE = DATA_DIR / "targets.yaml"
AREAS_FILE = DATA_DIR / "areas.csv"
ADMIN_REFORMS_FILE = DATA_DIR / "admin_reforms.yaml"
OBSERVATIONS_DIR = DATA_DIR / "observations"
"""The shipped observations: published figures and the illustrative commune data."""
OFFICES_ENV = "CAU_NGANG_OFFICES_DIR"
"""An environment variable naming another folder for the offices' files: the tests and
``make notebooks`` set it to an empty folder, so that the notebooks' stored outputs, which nbval
compares, are those of the shipped data whatever an office has added."""
OFFICES_DIR = Path(os.environ.get(OFFICES_ENV) or DATA_DIR / "offices")
"""Files returned by the offices (a new year of data). Read with the shipped observations by
default; kept apart so that the tests, which use only the shipped data, do not depend on them."""
REPORTS_DIR = PROJECT_ROOT / "reports"
SHARED_DIR = PROJECT_ROOT.parent / "shared"
"""Read-only material beside the project (plan, published figures, benchmark series)."""
COMMAND = ".venv/bin/python -m analysis"
"""The workbench's command as a hint in an output spells it: from the project root, with the
environment `make` creates (a bare "python -m analysis" outside it ends in "No module named
'pandas'")."""
