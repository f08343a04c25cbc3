# Quick start: `make run` (set up .venv, build the warehouse from raw/), `make test`, `make dev` (the UI),
# `make ui-readonly` (the UI for viewing only; see README, Operations), `make sql` (a DuckDB shell on the warehouse).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DAGSTER_HOME := $(CURDIR)/.dagster_home
UI_HOST ?= 127.0.0.1
UI_PORT ?= 3000

.PHONY: run test sql dev ui-readonly automation-on automation-off lock clean

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(INSTALLED)

run: $(INSTALLED)
	DAGSTER_HOME=$(DAGSTER_HOME) $(PY) -m assets run

test: $(INSTALLED)
	$(VENV)/bin/ruff check pipeline assets
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

# The DuckDB shell (package duckdb-cli), read-only, on the published warehouse: `python -m assets sql`.
sql: $(INSTALLED)
	$(PY) -m assets sql

dev: $(INSTALLED)
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster dev -w workspace.yaml -h $(UI_HOST) -p $(UI_PORT)

# The UI for viewing only, with the daemon: the webserver refuses every mutation (launching runs, switching the
# sensor or schedule), which a web page in the same browser could otherwise send it (README, Operations).
# Switch the sensor and schedule with `make automation-on` / `automation-off` instead.
ui-readonly: $(INSTALLED)
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster-daemon run -w workspace.yaml & daemon=$$!; \
	trap 'kill $$daemon 2>/dev/null' EXIT INT TERM; \
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster-webserver --read-only -w workspace.yaml -h $(UI_HOST) -p $(UI_PORT)

automation-on: $(INSTALLED)
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster sensor start raw_folder_sensor -w workspace.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster schedule start daily_refresh -w workspace.yaml

automation-off: $(INSTALLED)
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster sensor stop raw_folder_sensor -w workspace.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dagster schedule stop daily_refresh -w workspace.yaml

# Re-pin every dependency after changing pyproject.toml: writes constraints.txt from a fresh venv.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -e '.[test]'
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^rule-of-law-indicators' > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) warehouse/*.duckdb* warehouse/reports warehouse/.reports*

# Benchmark (not part of `make test`): 1,000 generated reports (cold, one added file, no change), then 10,000 cold.
# Figures go to benchmarks/results/; see benchmarks/README.md.
.PHONY: bench
bench: $(INSTALLED)
	$(PY) -m benchmarks.bench --docs 1000 --out benchmarks/results/bench_1000.json
	$(PY) -m benchmarks.bench --docs 10000 --cold-only --out benchmarks/results/bench_10000.json

# The analysis' documents per second against workers, local process pool against Ray tasks (not part of
# `make test`; ~6 min): benchmarks/README.md, Compute; docs/scaling.md. `--workers 1 2 4 8` for more cores.
.PHONY: bench-compute
bench-compute: $(INSTALLED)
	$(PY) -m benchmarks.compute --docs 1000 --rounds 5 --out benchmarks/results/compute.json
