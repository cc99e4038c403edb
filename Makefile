# Two commands on a fresh machine (only Python 3.11+ and pip needed):
#   make demo   set up .venv and explain one month for an example worker
#   make test   set up .venv and run the whole check (ruff, mypy --strict, pytest, examples, docs)
#   make docs   build the documentation site into site/ (mkdocs --strict: a warning fails it)
# and, not part of `make test`:
#   make mutation   mutation testing of the rules and money.py (installs mutmut; docs/mutation.md)
#   make notebook   JupyterLab on examples/ (installs the notebook extra: heavy, so not in dev)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# a stamp per set of extras, redone when pyproject.toml changes
CORE_STAMP := $(VENV)/.core-installed
DEV_STAMP := $(VENV)/.dev-installed
# the mutation tester is not a dev dependency: only `make mutation` installs it
MUTMUT_VERSION := 3.8.1
MUTMUT_STAMP := $(VENV)/.mutmut-$(MUTMUT_VERSION)-installed
NOTEBOOK_STAMP := $(VENV)/.notebook-installed

.PHONY: demo test lint typecheck pytest docs bench mutation notebook clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(CORE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[dev,population,testing]'
	touch $@ $(CORE_STAMP)

demo: $(CORE_STAMP)
	$(PY) examples/demo.py

lint: $(DEV_STAMP)
	$(PY) -m ruff check src tests examples benchmarks scripts
	$(PY) -m ruff format --check src tests examples benchmarks scripts

typecheck: $(DEV_STAMP)
	$(PY) -m mypy --strict src

pytest: $(DEV_STAMP)
	$(PY) -m pytest

# material's notice about its successor is not a warning of the build; it is silenced
docs: $(DEV_STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict

# docs before pytest: a few seconds that fail early, and pytest's count stays the run's last line
test: lint typecheck docs pytest

bench: $(DEV_STAMP)
	$(PY) benchmarks/bench_month.py

$(MUTMUT_STAMP): | $(VENV)/bin/python
	$(PY) -m pip install -q mutmut==$(MUTMUT_VERSION)
	touch $@

# configuration in pyproject.toml [tool.mutmut]; a fresh run each time (mutants/ is a scratch copy)
mutation: $(DEV_STAMP) $(MUTMUT_STAMP)
	rm -rf mutants
	$(VENV)/bin/mutmut run
	$(VENV)/bin/mutmut export-cicd-stats
	$(VENV)/bin/mutmut results | $(PY) scripts/mutation_summary.py

$(NOTEBOOK_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[notebook,population]'
	touch $@ $(CORE_STAMP)

# the example notebooks in JupyterLab (examples/what_if.ipynb: a what-if over a population)
notebook: $(NOTEBOOK_STAMP)
	$(VENV)/bin/jupyter lab examples/

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis mutants site
