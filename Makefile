# newsframe — every target sets up what it needs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
SHARED := ../shared

.DEFAULT_GOAL := help
.PHONY: help install report test unit nbval lab notebooks bench lint browser clean fuzz

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $@

install: $(STAMP) ## create .venv and install the suite with its test tools

browser: ## install Debian's chromium for the report check, when absent (needs root)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found and not root: the browser check will be skipped"; fi; }

report: install ## extract data/articles once into reports/frames, execute every notebook on it, render HTML into reports/
	$(BIN)/python -m analysis.report

unit: install browser ## unit tests (incl. the headless-browser check of rendered reports)
	$(BIN)/python -m pytest

nbval: install ## execute the committed notebooks and compare their outputs (nbval)
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

test: lint unit nbval ## set everything up, check style, run unit tests then nbval on the notebooks

fuzz: install ## long property-based run (5,000 random news-like texts through every layer)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider

notebooks: install ## re-execute the notebooks in place (refreshes the committed outputs)
	$(BIN)/python -m analysis.report --in-place

lab: install ## open the notebooks in JupyterLab, starting with the explorer (06-explore)
	cd notebooks && ../$(BIN)/jupyter lab 06-explore.ipynb

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BENCH_STAMP) ## throughput, scaling, robustness, attribution, actor and tone benchmarks (skip without ../shared)
	$(BIN)/python benchmarks/throughput.py --corpus $(SHARED)/corpus/wikinews
	$(BIN)/python benchmarks/scaling.py --corpus $(SHARED)/corpus/wikinews
	$(BIN)/python benchmarks/attribution.py --gold $(SHARED)/bench/polnear-dev.jsonl
	$(BIN)/python benchmarks/report_flow.py --corpus $(SHARED)/corpus/wikinews
	$(BIN)/python benchmarks/robustness.py --corpus $(SHARED)/corpus/wikinews
	$(BIN)/python benchmarks/actors.py --gold $(SHARED)/bench/gum-dev.jsonl
	$(BIN)/python benchmarks/tone.py --gold $(SHARED)/bench/newsmtsc-dev.jsonl

lint: install ## ruff lint + format check
	$(BIN)/ruff check analysis tests benchmarks notebooks
	$(BIN)/ruff format --check analysis tests benchmarks notebooks

clean: ## remove generated reports and caches (keeps .venv)
	rm -rf reports .cache .pytest_cache
