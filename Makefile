# Two commands a newcomer needs: `make demo` and `make test`.
# Each creates .venv on first use (python3 and make are the only prerequisites).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: demo test test-all lint typecheck pytest docs bench snapshots fuzz catalogs clean test-integration

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(BIN)/ppid demo

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests benchmarks typing_tests
	$(BIN)/ruff format --check src tests benchmarks typing_tests

# src and tests (pyproject.toml), then typing_tests/: the public API as a user's module
# writes it, type-checked and never run.
typecheck: $(STAMP_DEV)
	$(BIN)/mypy
	$(BIN)/mypy typing_tests

# One worker per core (pytest-xdist, at most 4). The Hypothesis laws (marker `property`)
# run with the derandomized `ci` profile of tests/conftest.py, the fuzzing suite with 25
# examples per target.
XDIST := -n auto --maxprocesses=4
pytest: $(STAMP_DEV)
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest $(XDIST) --cov --cov-report=term

docs: $(STAMP_DEV)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

test: lint typecheck pytest docs

# The fuzzing suite with a long budget (make test runs it with 25 examples per target).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP_DEV)
	PPID_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest $(XDIST) -p no:cacheprovider -m fuzz tests/fuzz

# What `make test` checks, with the laws under the `long` profile (random, 2000 examples,
# a share of it for a costly law) and the fuzzing suite with FUZZ_EXAMPLES: tens of minutes.
test-all: lint typecheck docs
	HYPOTHESIS_PROFILE=long PPID_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest $(XDIST) -p no:cacheprovider

# read_register_sql against a real PostgreSQL server (installed from the Debian packages
# when missing, started on a socket in a temporary directory, stopped and removed after):
# about a minute; not part of `make test` (tests/integration/run.sh).
test-integration: $(STAMP_DEV)
	bash tests/integration/run.sh

# After adding or changing a message: extract the template, merge it into each catalog;
# then translate the entries left empty and review the diff (tests/test_i18n.py fails on
# an empty, fuzzy or stale entry). The .mo files are compiled by the build (hatch_build.py).
LOCALE := src/ppid_core/locale
catalogs: $(STAMP_DEV)
	$(BIN)/pybabel extract --no-location --sort-output --omit-header -k N_ -o $(LOCALE)/ppid_core.pot src/ppid_core
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -D ppid_core -i $(LOCALE)/ppid_core.pot -d $(LOCALE)
	$(BIN)/pybabel compile --statistics -D ppid_core -d $(LOCALE)

# After a deliberate holiday-data change: rewrite the per-year snapshots, then review the diff.
snapshots: $(STAMP_DEV)
	$(BIN)/python -m ppid_core.calendar._compile_holidays
	$(BIN)/python -m tests.golden.calendar_snapshots

bench: $(STAMP_DEV)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) site dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
