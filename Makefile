# Cầu Ngang target workbench. `make help` lists the targets.
# Every target creates .venv at the project root from the pinned dependencies when it is missing.

PYTHON ?= python3
LAB_ARGS ?=
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help check report test lab notebooks bench data clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

check: $(STAMP) ## Check the data (data/observations/ and the offices' files in data/offices/)
	$(BIN)/python -m analysis check

report: $(STAMP) ## Run the main job on data/observations/ and data/offices/; writes reports/ (charts, tables, slides, the Word review)
	$(BIN)/python -m analysis report
	$(BIN)/python -m analysis review --year 2025

test: $(STAMP) ## Run every test: unit, doctests, data, notebooks (nbval, strict)
	$(BIN)/python -m pytest

lab: $(STAMP) ## Open JupyterLab at the project root, on notebook 00 (reports/ and data/templates/ reachable)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --ServerApp.default_url=/lab/tree/notebooks/00_bat_dau.ipynb $(LAB_ARGS)

notebooks: $(STAMP) ## Re-run every notebook and store its outputs (after a package change or new shipped data; offices' files left out)
	$(BIN)/python scripts/run_notebooks.py

bench: $(STAMP) ## Projection accuracy, report and loader speed benchmarks (installs the bench extra)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,bench]'
	$(BIN)/python -m bench.accuracy
	$(BIN)/python -m bench.report_speed
	$(BIN)/python -m bench.loader_speed

data: $(STAMP) ## Rebuild the derived data files from data/raw and the seeded generator
	$(BIN)/python scripts/build_published.py
	$(BIN)/python scripts/make_illustrative_data.py
	$(BIN)/python scripts/make_excel_template.py

clean: $(STAMP) ## Delete the generated reports; keeps the planners' own files and hand-edited reviews in reports/ (and .venv)
	$(BIN)/python -m analysis clean
