"""Stage 3, the assessment: every target × area × deadline read against its series and
projection — the rate needed, the pace, the chance, and the verdict."""

from .assess import COLUMNS, UNTIL, TargetSeries, assess, series_key, status_label, target_series
from .met import MetRule, meets, met_rule
from .rates import (RequiredRate, expected_progress_ratio, growth_rate_ratio, linear_rate_ratio, probability_words,
                    required_rate, status_from_ratio, un_status)
from .verdict import NEEDS_ATTENTION, VERDICTS

__all__ = ["COLUMNS", "NEEDS_ATTENTION", "UNTIL", "MetRule", "RequiredRate", "TargetSeries", "VERDICTS", "assess",
           "expected_progress_ratio", "growth_rate_ratio", "linear_rate_ratio", "meets", "met_rule",
           "probability_words", "required_rate", "series_key", "status_from_ratio", "status_label",
           "target_series", "un_status"]
