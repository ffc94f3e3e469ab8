"""Stage 2, the projection: one yearly series projected with calibrated intervals
(:func:`project`), and the chance of a value beyond a threshold (:func:`probability_beyond`)."""

from .engine import probability_beyond, project, quantile_at

__all__ = ["probability_beyond", "project", "quantile_at"]
