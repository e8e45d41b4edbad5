# Close Calls: build the book, serve it, test everything.
#   make book   build the site into _build/html (creates .venv on first use; FRESH=1 rebuilds all)
#   make serve  serve the built site on http://127.0.0.1:8000
#   make test   lint, unit and data tests, every notebook against a fresh execution, browser tests
#   make lab    open the notebooks live in JupyterLab (offline, 127.0.0.1)
#   make live   serve the chapters and their Python panels as live pages for a class (Voila, offline)
#               options: LIVE_PORT=8866  LAN=1 (reachable from the local network)  POOL=1  CULL_MINUTES=20
#                        LESSON=margins STUDENTS=25 (kernels kept ready for the chapter of the day)
#   make pdf    print each page of the built book to _build/pdf/NAME.pdf with chromium (offline)
#               EDITION=teacher: the teacher's copy, with the solutions, in _build/pdf/teacher/
#   make bench  measure against the performance budget: computations, page weight, control-to-render
#               time, build times, test times by kind (writes _build/bench/bench.json and bench.md)
#   make bench-live  measure the live mode: start-up time and memory for 1, 5 and 20 students
#   make notebooks  make book/NAME.ipynb from each chapter's source book/NAME.md (then commit both)
#   make screenshots  screenshots of every page at each width, on a phone, in JupyterLab and live
#               (test-artifacts/screenshots/; the browser tests, taking pictures as they go)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
LIVE_PORT    ?= 8866
POOL         ?= 1
CULL_MINUTES ?= 20
LAN          ?=
STAMP  := $(VENV)/.installed

# Notebooks run on the venv's own "python3" kernel, even if the user has another one installed.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter

.PHONY: book serve test lint unit check-notebooks browser lab live pdf bench bench-live lock clean chromium notebooks screenshots

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian run:"; \
	  echo "    sudo apt-get install -y python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Sphinx reads (and runs) again only the pages whose source, or the package, data or bibliography
# they compute from, changed (closecalls_build.sphinx_ext). FRESH=1 starts from nothing, as CI does.
book: $(STAMP)
	$(if $(FRESH),rm -rf _build/html _build/.doctrees)
	$(BIN)/jupyter-book build . --builder html -W -n --keep-going $(if $(FRESH),--all)
	@echo
	@echo "Book built. Open _build/html/index.html in a browser, or run 'make serve'"
	@echo "and visit http://127.0.0.1:$(PORT)/"

serve:
	@test -f _build/html/index.html || { echo "No built site: run 'make book' first."; exit 1; }
	@echo "Serving _build/html on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

chromium:
	@bash scripts/ensure-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

# One kind of test alone. `unit` needs no built site (the tests marked `site`, which read it, run
# in `make test`); `check-notebooks` executes the chapters; `browser` drives the built site.
unit: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not site and not notebooks" --doctest-modules src tests

check-notebooks: $(STAMP)
	$(BIN)/python -m pytest -m notebooks tests

browser: $(STAMP) chromium
	$(BIN)/python -m pytest -m browser tests

# Each kind runs apart so that its time is recorded (JUnit XML files read by `make bench`). The
# notebooks run executes every chapter once and compares each stored cell with it.
REPORTS := _build/bench
test: $(STAMP) chromium lint book
	rm -f $(REPORTS)/junit-*.xml
	$(BIN)/python -m pytest --doctest-modules -m "not browser and not notebooks" --junitxml=$(REPORTS)/junit-unit.xml src tests
	$(BIN)/python -m pytest -m notebooks --junitxml=$(REPORTS)/junit-notebooks.xml tests
	$(BIN)/python -m pytest -m browser --junitxml=$(REPORTS)/junit-browser.xml tests

screenshots: $(STAMP) chromium book
	CLOSECALLS_SCREENSHOTS=1 $(BIN)/python -m pytest -m browser -q tests/test_browser.py tests/test_jupyterlab.py tests/test_live_browser.py -k "offline or wider or phone or jupyterlab or margins_state"
	@echo "Screenshots in test-artifacts/screenshots/"

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.open_browser=False \
	  $(if $(filter 0,$(shell id -u)),--allow-root) book/

# `make book` rebuilds only what changed (seconds when nothing did), so the targets that read the
# built site simply depend on it.
live: $(STAMP) book
	$(BIN)/python scripts/live.py --port $(LIVE_PORT) --pool $(POOL) --cull-minutes $(CULL_MINUTES) \
	  $(if $(filter 1 yes true,$(LAN)),--lan) $(if $(LESSON),--lesson $(LESSON)) \
	  $(if $(STUDENTS),--students $(STUDENTS))

notebooks: $(STAMP)
	$(BIN)/python scripts/notebooks.py

pdf: $(STAMP) chromium book
	$(BIN)/python scripts/pdf.py $(if $(EDITION),--edition $(EDITION))

bench: $(STAMP) chromium book
	$(BIN)/python scripts/bench.py

bench-live: $(STAMP) chromium book
	$(BIN)/python scripts/bench_live.py

lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Exact pins for Python 3.11, generated by \`make lock\` from requirements.in. Do not edit by hand."; \
	  .venv-lock/bin/python -m pip freeze --all | grep -v -E '^(-e|#|explainers|pip==)'; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf _build test-artifacts .pytest_cache
