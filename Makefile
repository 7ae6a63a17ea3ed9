# Råd: the two commands are `make demo` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := DEBUG=true

.PHONY: demo setup install messages migrate test test-sqlite test-postgres test-browser lint format bench clean

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

messages: install
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0

setup: install messages
	$(DEMO_ENV) $(PY) manage.py migrate --noinput -v 0
	$(DEMO_ENV) $(PY) manage.py setup_council holbaek

## demo: set up Holbæk's council with demo data and serve it on http://127.0.0.1:8000
demo: setup
	$(DEMO_ENV) $(PY) manage.py load_demo
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	$(DEMO_ENV) $(PY) manage.py runserver $(HOST):$(PORT) --noreload

## test: every test, on SQLite, on a real PostgreSQL and in headless Chromium
test: install messages
	$(PY) -m pytest -p no:cacheprovider
	RAAD_TEST_DB=postgres $(PY) -m pytest -p no:cacheprovider -m "not browser"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install messages
	$(PY) -m pytest -p no:cacheprovider benchmarks --benchmark-only

clean:
	rm -rf var .pytest_cache
