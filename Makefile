# minutebook: every target sets itself up first; a fresh machine needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
OUT ?= output
BENCH_N ?= 400
LOCK := requirements.lock
UV_VERSION := 0.13.9
# `make lock LOCK_FLAGS=--upgrade` moves every pin to the newest release its range allows
LOCK_FLAGS ?=

.PHONY: setup ocr-engine lock run test eval eval-unseen lint format dictionary bench clean funding-audit entities-audit resolutions-audit report

setup: $(STAMP) ocr-engine

# the OCR engine (Debian's tesseract-ocr with its English model): installed with apt-get when
# missing and this is root; otherwise a message, and scanned papers stay needs_ocr
ocr-engine:
	@command -v tesseract >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing the OCR engine: apt-get install tesseract-ocr tesseract-ocr-eng"; \
	    (apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-eng >/dev/null 2>&1 || \
	     { apt-get update -qq >/dev/null 2>&1 && \
	       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	         tesseract-ocr tesseract-ocr-eng >/dev/null 2>&1; }) || \
	    echo "WARNING: could not install tesseract-ocr: scanned papers will stay needs_ocr"; \
	  else \
	    echo "NOTE: the OCR engine tesseract is not installed (install tesseract-ocr and"; \
	    echo "      tesseract-ocr-eng with your package manager); scanned papers stay needs_ocr"; \
	  fi; }

# exactly the versions in the lock file (every package, the dev tools and all extras), then
# minutebook itself on top without resolving anything again
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "minutebook needs Python >= 3.11, found " + sys.version.split()[0]'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# regenerate the lock from pyproject.toml's ranges (core, extras and dev tools) for Python
# 3.11; pins already in the lock are kept unless LOCK_FLAGS=--upgrade
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--custom-compile-command "make lock" $(LOCK_FLAGS) -o $(LOCK)

run: setup
	$(VENV)/bin/minutebook run samples --out $(OUT)

# the report page of Kent's real papers: the dataset into $(OUT), then $(OUT)/report.html
report: setup
	$(VENV)/bin/minutebook run samples/real --out $(OUT) --quiet
	$(VENV)/bin/minutebook report $(OUT)

test: setup
	$(PY) -m pytest

eval: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluation.evaluate --out $(OUT) --json $(OUT)/eval.json
	$(PY) -m pipeline.evaluation.evaluate_real --out $(OUT) --gold tests/gold/real --json $(OUT)/eval-real.json
	$(PY) -m pipeline.evaluation.rule_coverage --samples samples --json $(OUT)/rule-coverage.json

# the real gold kept out of rule-writing: score it only when the rules are done
eval-unseen: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluation.evaluate_real --out $(OUT) --gold tests/gold/real-unseen --json $(OUT)/eval-unseen.json

# the hand audit of funding rows (issue 14 point 6): judgements live in docs/funding-audit-judgements.csv
funding-audit: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluation.funding_audit --out $(OUT) --judgements docs/funding-audit-judgements.csv --md docs/funding-audit.md

# the hand audit of people and organisations (issue 15): judgements in docs/entities-audit-judgements.csv
entities-audit: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluation.entities_audit --out $(OUT) --judgements docs/entities-audit-judgements.csv --md docs/entities-audit.md

# the hand audit of resolutions (issue 13): a run over samples/real and samples/corpus only (its own
# output folder, so $(OUT) keeps the full run), judgements in docs/resolutions-audit-judgements.csv;
# AUDIT_ARGS passes options on, e.g. `make resolutions-audit AUDIT_ARGS="--seed 5 --todo todo.csv"`
RES_AUDIT_OUT ?= $(OUT)-resolutions-audit
AUDIT_ARGS ?=
resolutions-audit: setup
	$(VENV)/bin/minutebook run samples/real samples/corpus --out $(RES_AUDIT_OUT) --quiet
	$(PY) -m pipeline.evaluation.resolutions_audit --out $(RES_AUDIT_OUT) --judgements docs/resolutions-audit-judgements.csv --md docs/resolutions-audit.md $(AUDIT_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .

dictionary: setup
	$(PY) -m schemas.dictionary > docs/data-dictionary.md
	$(PY) -c 'from pipeline.write import render_readme; print(render_readme(), end="")' > output/README.md

clean:
	rm -rf $(VENV) .$(OUT)-cache $(OUT)/*/ $(OUT)/*.duckdb $(OUT)/*.json

bench: setup
	BENCH_N=$(BENCH_N) $(PY) -m pipeline.evaluation.bench
