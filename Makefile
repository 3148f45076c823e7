# Set-up and checks. `make demo` and `make test` each create the virtual
# environment in .venv and install interorg into it (editable) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SOURCES := setup.cfg pyproject.toml

.PHONY: demo test test-heavy benchmark benchmark-sweep coverage-table clean

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

# The long runs kept out of `make test`: a sweep of all 972 care combinations on two workers.
test-heavy: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m heavy tests

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/advise.py

# A sweep of at least 500 cases on a process pool of 1 and of 2 workers.
benchmark-sweep: $(VENV)/.installed-test
	$(BIN)/python benchmarks/sweep.py

# Rewrite the generated coverage table in knowledge/README.md (a test checks it).
coverage-table: $(VENV)/.installed
	$(BIN)/python -c 'from interorg.research.coverage import update_readme; update_readme("knowledge/README.md")'

clean:
	rm -rf $(VENV) build dist *.egg-info
