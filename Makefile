# FieldGroup — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test translations lint bench bench-smoke screenshots installer clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory translations
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m fieldgroup.run_demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2

translations: 
	@if [ -x $(PY) ] && ls translations/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
		$(PY) -m babel.messages.frontend compile -d translations -D fieldgroup --use-fuzzy >/dev/null; fi

lint: $(STAMP)
	$(PY) -m ruff check fieldgroup tests

# One-folder installer in dist/fieldgroup/ with PyInstaller (README, "Installer").
installer: $(STAMP) translations
	$(PY) -m pip install --quiet -e '.[installer]'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build_installer.spec

clean:
	rm -rf $(VENV) build dist *.egg-info
