# Wijkdialoog: `make demo` runs the product on SQLite with demo data, `make test` runs the suite.
# Every target does its own set-up from a fresh clone; stamps keep repeated runs fast.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
VENDOR := wijkdialoog/core/static/wijkdialoog/vendor
PYTEST_ARGS ?=
# The suite runs on both cores with pytest-xdist; `make test PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= 2

.PHONY: demo test lint format bench messages assets system-test-deps python-check clean help

help:
	@echo "make demo   - run Wijkdialoog with demo data at http://127.0.0.1:8000"
	@echo "make test   - install what the tests need and run the whole suite"
	@echo "make lint   - ruff (format check and lint), djlint on the templates, mypy"
	@echo "make bench  - run the benchmarks under bench/"
	@echo "make messages - update and compile the Dutch and English catalogues"

python-check:
	@scripts/find-python >/dev/null
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then \
	  echo "The virtualenv $(VENV) uses Python older than 3.12. Remove it (rm -rf $(VENV)) and run make again." >&2; \
	  exit 1; \
	fi

$(PY): | python-check
	"$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed-base: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-base
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Wijkdialoog needs Node.js 20+ with npm to build its styles." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The build keeps only the component CSS and tokens that the app's templates, Python, JavaScript
# and CSS use, so a change to any of them rebuilds it.
ASSET_INPUTS := $(shell find wijkdialoog \( -name '*.html' -o -name '*.py' -o -name '*.js' -o -name '*.css' \) -not -path '$(VENDOR)/*')

$(VENDOR)/.built: node_modules/.installed scripts/build-assets.mjs $(ASSET_INPUTS)
	node scripts/build-assets.mjs
	touch $@

assets: python-check $(VENDOR)/.built

# Debian's chromium for the browser tests, zbar for decoding QR codes, poppler for PDF checks.
system-test-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing from Debian:$$missing"; \
	    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; \
	  else \
	    echo "The tests need these Debian packages:$$missing. Install them as root:" >&2; \
	    echo "  sudo apt-get install$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

demo: $(VENV)/.installed-base assets
	env -u DATABASE_URL DEBUG=true $(PY) -m wijkdialoog demo

test: $(VENV)/.installed-test assets system-test-deps
	@workers=""; \
	if [ "$(PYTEST_WORKERS)" != 0 ] && $(PY) -c 'import xdist' 2>/dev/null; then workers="-n $(PYTEST_WORKERS)"; fi; \
	status=0; $(PY) -m pytest $$workers --durations=15 $(PYTEST_ARGS) || status=$$?; \
	if [ $$status = 5 ]; then echo "pytest collected no tests: that is a failure, not a pass." >&2; fi; \
	exit $$status

# mypy's Django plugin imports the settings (from this checkout, hence PYTHONPATH); in the test
# environment they need no SECRET_KEY.
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djlint --lint wijkdialoog
	PYTHONPATH=. WIJKDIALOOG_TESTING=true $(VENV)/bin/mypy

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(VENV)/.installed-test assets
	@for script in bench/bench_*.py; do \
	  [ -e "$$script" ] || { echo "No benchmarks under bench/."; break; }; \
	  echo "== $$script"; $(PY) $$script || exit 1; \
	done

messages: $(VENV)/.installed-base
	scripts/messages.sh

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var/*.sqlite3
