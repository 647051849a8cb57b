# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STDLIB := $(shell $(PYTHON) -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
PYTEST_ARGS ?= -n 2

.PHONY: venv install dev demo test lint bench clean

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

## test: the whole suite, offline, on two cores
test: dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: dev
	$(BIN)/ruff check src tests scripts benchmarks

bench: dev
	$(BIN)/python benchmarks/bench_prepare.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
