# Set-up and checks. `make demo` and `make test` each create the virtual
# environment in .venv and install interorg into it (editable) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SOURCES := setup.cfg pyproject.toml

.PHONY: demo test test-heavy notebook fuzz benchmark benchmark-instructions benchmark-sweep differential coverage-table clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "interorg needs Python 3.10 or newer; set PYTHON=python3.1x"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python $(SOURCES)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(SOURCES)
	$(PIP) install -e '.[test,notebook]'
	@touch $@

demo: $(VENV)/.installed
	$(BIN)/interorg advise --example

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The generated-input tests run eighty times longer: 100,000 case files, each advised on
# or refused with a CaseError (not part of `make test`; tens of minutes).
fuzz: $(VENV)/.installed-test
	INTERORG_FUZZ_SCALE=80 $(BIN)/python -m pytest -q tests/case/test_fuzz.py


# JupyterLab on the notebooks (the notebook extra installs it with pandas and matplotlib).
$(VENV)/.installed-notebook: $(VENV)/.installed $(SOURCES)
	$(PIP) install -e '.[notebook]'
	@touch $@

notebook: $(VENV)/.installed-notebook
	$(BIN)/jupyter lab notebooks/

$(VENV)/.installed-benchmark: $(VENV)/.installed $(SOURCES)
	$(PIP) install -e '.[benchmark]'
	@touch $@

benchmark: $(VENV)/.installed-benchmark
	$(BIN)/python benchmarks/advise.py

# Instructions counted by valgrind's callgrind (Debian's valgrind): the same whatever else
# the machine does, so they show whether the work is linear in the case (about ten minutes).
benchmark-instructions: $(VENV)/.installed
	$(BIN)/python benchmarks/instructions.py

# interorg's engine against CLIPS on many more generated cases than the suite runs.
DIFFERENTIAL_CASES ?= 5000
differential: $(VENV)/.installed-test
	INTERORG_DIFFERENTIAL_CASES=$(DIFFERENTIAL_CASES) $(BIN)/python -m pytest tests/engine/test_clips.py -q

# The long runs kept out of `make test`: a sweep of all 972 care combinations on two workers,
# and why-not on every rule of every scenario case (a few minutes).
test-heavy: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m heavy tests

# A sweep of at least 500 cases on a process pool of 1 and of 2 workers.
benchmark-sweep: $(VENV)/.installed-test
	$(BIN)/python benchmarks/sweep_api.py

# Rewrite the generated coverage table in knowledge/README.md (a test checks it).
coverage-table: $(VENV)/.installed
	$(BIN)/python -c 'from interorg.research.coverage import update_readme; update_readme("knowledge/README.md")'

clean:
	rm -rf $(VENV) build dist *.egg-info
