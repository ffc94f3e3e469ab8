"""Stage 3, the assessment: every target × area × deadline read against its series and
projection — the rate needed, the pace, the chance, and the verdict."""

from .assess import (COLUMNS, RequiredRate, TargetSeries, assess, expected_progress_ratio, growth_rate_ratio,
                     linear_rate_ratio, meets, probability_words, required_rate, status_from_ratio, status_label,
                     target_series)

__all__ = ["COLUMNS", "RequiredRate", "TargetSeries", "assess", "expected_progress_ratio", "growth_rate_ratio",
           "linear_rate_ratio", "meets", "probability_words", "required_rate", "status_from_ratio", "status_label",
           "target_series"]
