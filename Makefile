# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STDLIB := $(shell $(PYTHON) -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
PYTEST_ARGS ?= -n 2

.PHONY: venv install dev demo phase1 test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

install: venv
	$(BIN)/pip install --quiet -e .

dev: venv
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'

## demo: curate this interpreter's standard library into data/pretrain/
demo: install
	$(BIN)/pip install --quiet -e '.[report]'
	$(BIN)/python scripts/prepare_pretrain_data.py \
		--input-dir $(STDLIB) --output-dir data/pretrain \
		--exclude site-packages __pycache__ --workers 2 --overwrite --report

## phase1: the card's Phase 1 mix from local inputs only (stdlib, installed packages' docs and code,
## data/sample/chat): prepare -> near-dedup -> decontaminate per component, conversations, mix,
## train --dry-run; every step in data/phase1/phase1_report.json. Offline; run after `make dev`.
phase1:
	$(BIN)/python scripts/phase1.py --output-dir data/phase1 --workers 2

## test: the whole suite, offline, on two cores
test: dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: dev
	$(BIN)/ruff check src tests scripts benchmarks

bench: dev
	$(BIN)/python benchmarks/bench_prepare.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
