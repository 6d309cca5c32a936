# Two entry points for a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# mkdocs-material prints an upgrade notice on every build; keep the output about the knowledge base.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve test quality bench lighthouse clean

$(BIN)/mkdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/mkdocs

site: setup  ## build the sample knowledge base into site/
	$(BIN)/mkdocs build --strict

serve: setup  ## live preview on http://127.0.0.1:8000
	$(BIN)/mkdocs serve

test: setup  ## run the whole test suite (unit, build, real-browser)
	$(BIN)/python -m pytest

quality: setup  ## search quality on the real Zen Cart manual: nightdesk vs mkdocs-material (5-10 minutes)
	$(BIN)/python bench/quality.py

bench: setup  ## nightdesk vs mkdocs-material: 100, 1,000, 5,000 realistic articles + the real manual (about 20 minutes)
	$(BIN)/python bench/run.py --sizes $(or $(SIZES),100 1000 5000) --real

lighthouse: setup  ## Lighthouse scores of the sample site (needs npm; uses the system Chromium)
	npm install --prefix bench --no-audit --no-fund --silent
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf site $(VENV) plugins/*.egg-info
