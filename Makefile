# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck score bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Ingest the seeds into the embedded store, write graph.ttl, validate it and answer
# "which forces' meetings discussed cyber crime, with their PCC?".
run: $(STAMP)
	$(BIN)/kg ingest seeds --out graph.ttl
	$(BIN)/kg validate graph.ttl
	$(BIN)/kg query pccs-discussing --data graph.ttl --param topic=cyber-crime

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

# Quality against the hand-made gold files (needs ../shared/eval).
score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --docs seeds --gold ../shared/eval/gold --kg $(BIN)/kg

# Speed and memory (issue 7): generated corpora of 100, 1,000 and 10,000 meetings;
# writes bench/results/latest.{json,md}. `bench-quick` is the two-minute version.
bench: $(STAMP)
	$(BIN)/python -m bench.run --score 300

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run --quick

clean:
	rm -rf $(VENV) graph.ttl .kg-store
