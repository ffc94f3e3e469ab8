"""Shared test set-up: a headless matplotlib backend for unit tests (never for nbval)."""

import matplotlib

matplotlib.use("Agg")
