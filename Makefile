# claimtag: `make run` serves the default model (training it first if absent);
# `make test` installs everything and runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared
PORT ?= 8000

.PHONY: install run train test lint gate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

artifacts/current/manifest.json: | $(STAMP)
	$(BIN)/claimtag train

train: install
	$(BIN)/claimtag train

run: install artifacts/current/manifest.json
	$(BIN)/claimtag serve --port $(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check model training service tests scripts
	$(BIN)/ruff format --check model training service tests scripts
	$(BIN)/mypy

# The CI gates: train from seeds/, evaluate on the shared dev sets, fail below the floors.
gate: install
	$(BIN)/claimtag train --out artifacts/ci --jobs 2
	$(BIN)/claimtag evaluate --model artifacts/ci --data $(SHARED)/eval/dev.jsonl \
		--min-macro-f1 0.78 --min-label-f1 0.65
	$(BIN)/claimtag evaluate-claims --data $(SHARED)/eval/claims-dev.jsonl \
		--min killed=0.85 --min wounded=0.85 --min speaker=0.80

bench: install
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) artifacts/ci .pytest_cache .mypy_cache .ruff_cache
