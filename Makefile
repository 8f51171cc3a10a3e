# FieldGroup — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test translations extract lint bench bench-smoke screenshots installer clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory translations
	touch $(STAMP)

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

lint: $(STAMP)
	$(PY) -m ruff check fieldgroup tests

# One-folder installer in dist/fieldgroup/ with PyInstaller (README, "Installer").
installer: $(STAMP) translations
	$(PY) -m pip install --quiet -e '.[installer]'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build_installer.spec

clean:
	rm -rf $(VENV) build dist *.egg-info

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m fieldgroup.ui.screenshots
