"""Stage 4, charts and reports: fan charts, small multiples, the dashboard, summary tables,
slides, the index page, and the ``report`` job that writes them all."""
