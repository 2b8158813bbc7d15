# The README's commands. `make run` serves the demo site; `make test` runs lint and the
# test suite; `make test-browser` the browser tests; `make bench` the page benchmark.
# Both `run` and `test` are idempotent: run them again at any time.

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
NPM_DIR := tests/browser
# Two workers (this machine has two cores); each test module stays on one worker so
# the demo site a module builds is built once. PYTEST_PARALLEL= runs in one process.
PYTEST_PARALLEL ?= -n 2 --dist loadscope
# pytest exits 5 when it collected no test; a test command that tests nothing fails, in words.
PYTEST = $(PY) -m pytest $(1) || { rc=$$?; [ $$rc -ne 5 ] || echo "pytest collected no tests: $(1)" >&2; exit $$rc; }

.PHONY: run test lint test-browser bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when a requirements file changes.
$(VENV)/.requirements: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.requirements-test: requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.requirements

$(NPM_DIR)/node_modules/.package-lock.json: $(NPM_DIR)/package.json $(NPM_DIR)/package-lock.json
	npm ci --prefix $(NPM_DIR) --no-audit --no-fund
	touch $@

run: $(VENV)/.requirements
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/); Ctrl+C stops."
	@# The task worker (mail, long imports) runs beside the server and stops with it.
	$(PY) manage.py db_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.requirements-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check --fail-level WARNING

test: lint
	$(call PYTEST,$(PYTEST_PARALLEL) -m "not browser and not flushes_db")
	$(call PYTEST,-m flushes_db -n 2 --dist loadfile)

test-browser: $(VENV)/.requirements-test $(NPM_DIR)/node_modules/.package-lock.json
	$(call PYTEST,-m browser $(NPM_DIR))

bench: $(VENV)/.requirements-test
	$(PY) bench/bench_pages.py

clean:
	rm -rf var/bench artifacts
