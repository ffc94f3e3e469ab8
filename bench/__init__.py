"""Benchmarks: projection accuracy on real yearly series, and report speed.

Not tests: they measure, they do not pass or fail. Run with ``make bench``.
"""
