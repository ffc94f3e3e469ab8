"""Cầu Ngang target workbench: the analysis package behind the notebooks and the command line.

Data flows one way: catalogue and observations (``data/``) → load and validate →
project each series → assess each target → charts, tables and slides (``reports/``).

Public names (a contract with the notebooks and outside checks): ``load_targets``,
``load_indicators``, ``load_areas``, ``load_observations``, ``check_observations``, ``DataError``, ``project``,
``required_rate``, ``assess``, ``Workbench``, ``check_files``, and the ``report`` command
(``python -m analysis report``).
"""

from .assessment import assess, required_rate
from .data.catalogue import load_areas, load_indicators, load_standards, load_targets
from .data.coverage import check_files, show_problems
from .data.observations import check_observations
from .data.reform import crosswalk_table
from .errors import DataError, Problem
from .data.observations import load_observations
from .projection import probability_beyond, project
from .workbench import Workbench

__all__ = [
    "DataError",
    "Problem",
    "Workbench",
    "assess",
    "check_files",
    "check_observations",
    "crosswalk_table",
    "show_problems",
    "load_areas",
    "load_indicators",
    "load_observations",
    "load_standards",
    "load_targets",
    "probability_beyond",
    "project",
    "required_rate",
]
