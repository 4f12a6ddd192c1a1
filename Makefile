# minutebook: every target sets itself up first; a fresh machine needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
OUT ?= output
BENCH_N ?= 400

.PHONY: setup run test eval eval-unseen lint dictionary bench clean funding-audit

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "minutebook needs Python >= 3.11, found " + sys.version.split()[0]'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/minutebook run samples --out $(OUT)

test: setup
	$(PY) -m pytest

eval: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluate --out $(OUT) --json $(OUT)/eval.json
	$(PY) -m pipeline.evaluate_real --out $(OUT) --gold tests/gold/real --json $(OUT)/eval-real.json
	$(PY) -m pipeline.rule_coverage --samples samples --json $(OUT)/rule-coverage.json

# the real gold kept out of rule-writing: score it only when the rules are done
eval-unseen: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.evaluate_real --out $(OUT) --gold tests/gold/real-unseen --json $(OUT)/eval-unseen.json

# the hand audit of funding rows (issue 14 point 6): judgements live in docs/funding-audit-judgements.csv
funding-audit: setup
	$(VENV)/bin/minutebook run samples --out $(OUT) --quiet
	$(PY) -m pipeline.funding_audit --out $(OUT) --judgements docs/funding-audit-judgements.csv --md docs/funding-audit.md

lint: setup
	$(VENV)/bin/ruff check .

dictionary: setup
	$(PY) -m schemas.dictionary > docs/data-dictionary.md
	$(PY) -c 'from pipeline.write import render_readme; print(render_readme(), end="")' > output/README.md

clean:
	rm -rf $(VENV) .$(OUT)-cache $(OUT)/*/ $(OUT)/*.duckdb $(OUT)/*.json

bench: setup
	BENCH_N=$(BENCH_N) $(PY) -m pipeline.bench
