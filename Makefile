# FieldGroup — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-latest lock translations extract lint bench bench-smoke screenshots installer clean

# Everything (app, test and installer tools) comes from requirements.lock, pinned with hashes for
# Linux, Windows and macOS: a fresh machine today and in a year installs the same bytes.
# FieldGroup itself goes in without its dependencies (--no-deps) and without a build sandbox
# (--no-build-isolation), so pip never reaches past the lock.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(MAKE) --no-print-directory translations
	touch $(STAMP)

# Regenerate the lock from pyproject.toml (the newest versions its ranges allow, on every platform).
lock:
	test -x .venv-tools/bin/uv || ($(PYTHON) -m venv .venv-tools && .venv-tools/bin/pip install --quiet uv)
	.venv-tools/bin/uv pip compile --quiet --universal --generate-hashes --python-version 3.11 \
		--extra test --extra installer pyproject.toml -o requirements.lock

# Non-blocking early warning: the suite in a fresh venv with the newest versions pyproject.toml allows.
test-latest:
	rm -rf .venv-latest && $(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install --quiet --upgrade pip
	.venv-latest/bin/pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory translations PY=.venv-latest/bin/python
	QT_QPA_PLATFORM=offscreen .venv-latest/bin/python -m pytest -q -n 2 -p no:cacheprovider

run: $(STAMP) translations
	$(PY) -m fieldgroup.run_demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2

# .mo files are not in git: compiled from the .po files at install and whenever a .po changes.
# Fuzzy entries stay out (no --use-fuzzy): an unreviewed guess must never reach a user.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/fieldgroup.po))
translations: $(MO_FILES)

translations/%/LC_MESSAGES/fieldgroup.mo: translations/%/LC_MESSAGES/fieldgroup.po
	$(PY) -m babel.messages.frontend compile -i $< -o $@ -l $* -D fieldgroup

# Re-extract translations/fieldgroup.pot from the source and merge it into every .po (docs/translating.md).
extract: $(STAMP)
	$(PY) tools/i18n_check.py --update

# DESIGN §9 side by side (bench/README.md); the stress store is built once into bench/cache/.
bench: $(STAMP)
	$(PY) -m bench.run

# The same harness on a tiny store in seconds: proves it still runs, says nothing about speed.
bench-smoke: $(STAMP)
	$(PY) -m bench.run --smoke

# ruff, then the dead-code finder: anything neither the app nor a test uses is reported (exit 1).
# A name only Qt, reportlab or pytest uses goes into tools/vulture_whitelist.py, with its reason.
lint: $(STAMP)
	$(PY) -m ruff check fieldgroup tests
	$(PY) -m vulture fieldgroup tests tools/vulture_whitelist.py --min-confidence 60 \
		--exclude fieldgroup/core/demo_text --ignore-decorators "@pytest.fixture,@rule,@invariant,@initialize,@precondition"

# One-folder installer in dist/fieldgroup/ with PyInstaller (README, "Installer").
installer: $(STAMP) translations
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build_installer.spec

clean:
	rm -rf $(VENV) .venv-latest .venv-tools build dist *.egg-info

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m fieldgroup.ui.screenshots
