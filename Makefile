# Råd: the two commands are `make demo` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := DEBUG=true

.PHONY: demo setup install lock messages migrate test test-sqlite test-postgres test-browser test-clock lint format bench bench-load clean

# Both locks (what Råd runs on, and the tests, linters and lock tools), every file checked against its hash.
# Production installs requirements.lock alone: see docs/dependencies.md.
$(VENV)/.installed: requirements.lock requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	touch $@

# npm packages for the tests only (axe-core, pinned in package-lock.json); reinstalled when the lock changes.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ "$${CI:-}" = "true" ]; then echo "CI=true: npm is missing (apt-get install npm)" >&2; exit 1; \
	else echo "!!! npm is missing: the accessibility tests cannot load axe-core until you install npm and run make install" >&2; fi

## install: the virtual environment from requirements.lock and requirements-dev.lock, and `npm ci` for the test tools
install: $(VENV)/.installed node_modules/.package-lock.json

## lock: make requirements.lock and requirements-dev.lock again from the .in files (pip-tools, hashes; needs PyPI)
# Keeps the locked versions that still fit; to upgrade one: make lock LOCK_ARGS="--upgrade-package NAME"
lock: $(VENV)/.installed
	$(PY) -m raad.testing.locks compile $(LOCK_ARGS)

messages: install
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0

setup: install messages
	$(DEMO_ENV) $(PY) manage.py migrate --noinput -v 0
	$(DEMO_ENV) $(PY) manage.py createcachetable
	$(DEMO_ENV) $(PY) manage.py setup_council holbaek

## demo: set up Holbæk's council with demo data and serve it on http://127.0.0.1:8000
demo: setup
	$(DEMO_ENV) $(PY) manage.py load_demo
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	$(DEMO_ENV) $(PY) manage.py runserver $(HOST):$(PORT) --noreload

# Every run spreads the tests over TEST_WORKERS processes (pytest-xdist); each has its own test database
# (SQLite in memory; on PostgreSQL test_raad_gw0, test_raad_gw1 … in the one temporary cluster) and its own
# Chromium. TEST_WORKERS=0 runs in one process (plain pytest output, pdb works).
TEST_WORKERS ?= 2
XDIST := -n $(TEST_WORKERS)

## test: every test, on SQLite, on a real PostgreSQL and in headless Chromium
# PYTEST_ARGS adds options, e.g. make test PYTEST_ARGS="-x -k rules". docs/testing.md explains the runs.
test: install messages
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)
	RAAD_TEST_DB=postgres $(PY) -m pytest $(XDIST) -m "not browser" $(PYTEST_ARGS)

## test-sqlite: the whole suite, browser and e-mail tests included, on SQLite
test-sqlite: install messages
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

## test-postgres: the suite without the browser tests on a temporary PostgreSQL 15 the test plugin starts
test-postgres: install messages
	RAAD_TEST_DB=postgres $(PY) -m pytest $(XDIST) -m "not browser" $(PYTEST_ARGS)

## test-browser: only the browser tests (headless Chromium, axe-core)
test-browser: install messages
	$(PY) -m pytest $(XDIST) -m browser $(PYTEST_ARGS)

## test-clock: the suite without the browser tests on SQLite, with the clock moved to each of TEST_CLOCK_DATES
# A date pinned in a test or in the demo turns this red now, not on the day the calendar reaches it.
# Chromium's clock cannot be moved, so the browser tests run only at the real date (make test).
TEST_CLOCK_DATES ?= 2027-06-01 2030-01-01
test-clock: install messages
	@set -e; for day in $(TEST_CLOCK_DATES); do \
		echo "== make test-clock: the suite as on $$day"; \
		RAAD_TEST_TODAY=$$day $(PY) -m pytest $(XDIST) -m "not browser" $(PYTEST_ARGS); \
	done

## lint: ruff, formatting, migrations, mypy, import contracts, one translation per msgid, fresh locks
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DEBUG=true $(VENV)/bin/mypy raad/env.py raad/core/audit.py raad/core/roles.py $(wildcard raad/*/rules.py) $(wildcard raad/*/services.py) $(wildcard raad/*/services/*.py)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m raad.testing.i18n_check
	$(PY) -m raad.testing.locks check

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install messages
	$(PY) -m pytest -p no:cacheprovider benchmarks --benchmark-only
	RAAD_TEST_DB=postgres RAAD_TEST_PG_SHARED_BUFFERS=4GB $(PY) -m pytest -p no:cacheprovider benchmarks/test_search.py --benchmark-only --log-cli-level=INFO
	# issue 15: every page side by side with the floor, gunicorn on PostgreSQL, per tier (docs/benchmarks.md)
	$(PY) -m benchmarks.scale_bench --tier demo --compare-built --requests 60
	$(PY) -m benchmarks.scale_bench --tier 100x --compare-built --requests 60
	$(PY) -m benchmarks.scale_bench --tier denmark --no-index --compare-built --requests 60 $(BENCH_DENMARK_ARGS)
	$(PY) benchmarks/fuzz_api.py
	$(MAKE) bench-load

## bench-load: Locust, 200 users for 10 minutes against gunicorn on its own PostgreSQL (docs/load.md)
bench-load: install messages
	$(PY) -m benchmarks.load.run --users 200 --seconds 600 --shared-cache --keep var/load

clean:
	rm -rf var .pytest_cache
