"""Where the project keeps its files.

Every default path in the package comes from here, so a notebook, the command line and
the tests all read the same catalogue and write to the same report folder.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
INDICATORS_FILE = DATA_DIR / "indicators.yaml"
TARGETS_FILE = DATA_DIR / "targets.yaml"
AREAS_FILE = DATA_DIR / "areas.csv"
ADMIN_REFORMS_FILE = DATA_DIR / "admin_reforms.yaml"
OBSERVATIONS_DIR = DATA_DIR / "observations"
REPORTS_DIR = PROJECT_ROOT / "reports"
SHARED_DIR = PROJECT_ROOT.parent / "shared"
"""Read-only material beside the project (plan, published figures, benchmark series)."""
