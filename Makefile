# Kryon Script: one virtualenv with the core and every plugin present, editable.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP  := $(VENV)/.kryon-installed
PYTEST_ARGS ?=

.PHONY: setup demo test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml $(addsuffix /pyproject.toml,$(PLUGIN_DIRS))
	$(BIN)/python -m pip install --quiet -e ".[dev]" $(addprefix -e ./,$(PLUGIN_DIRS))
	touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/python examples/demo.py

test: setup
	$(BIN)/python -m pytest -q tests $(wildcard $(addsuffix /tests,$(PLUGIN_DIRS))) $(PYTEST_ARGS)

bench: setup
	@for bench in benchmarks/bench_*.py; do \
		echo "== $$bench"; $(BIN)/python $$bench || exit 1; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check kryon_core tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info
