"""Benchmarks: projection accuracy and calibration on real yearly series, and report speed.

Not tests: they measure, they do not pass or fail. Run with ``make bench``
(``python -m bench.accuracy``, which ends with ``python -m bench.calibrate``, and
``python -m bench.report_speed``).
"""
