# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck score bench bench-quick load fuzz crash-long clean

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
	$(BIN)/ruff format --check kg tests bench fuzz

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

# Concurrency (issue 8): 20 `kg query` processes on one store folder, then 10 readers
# during an ingest and a second writer; writes bench/results/load.json.
load: $(STAMP)
	$(BIN)/python -m bench.load --readers 20 --during 10 --meetings 60

# Coverage-guided fuzzing of layout detection, parsing and mapping (issue 8): atheris
# from the seeds (and FUZZ_WORK's inputs of earlier runs) for FUZZ_SECONDS; new inputs
# go to FUZZ_WORK, crashes to fuzz/artifacts/ (see fuzz/README.md). `crash-long` kills 200 runs per crash test.
FUZZ_SECONDS ?= 1500
FUZZ_WORK ?= /tmp/kg-fuzz-corpus

fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	mkdir -p $(FUZZ_WORK) fuzz/artifacts
	$(BIN)/python fuzz/fuzz_parse.py -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-timeout=30 -artifact_prefix=fuzz/artifacts/ $(FUZZ_WORK) seeds

crash-long: $(STAMP)
	KG_CRASH_KILLS=200 $(BIN)/pytest -q -p no:cacheprovider \
		tests/robustness/test_crash_safety.py

clean:
	rm -rf $(VENV) graph.ttl .kg-store
