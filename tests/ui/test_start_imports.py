"""Start-up loads only what the first window needs: no report, sync or spreadsheet code, no PySide source scan,
and the window's background reads wait for its first paint."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool

from fieldgroup.ui import ops

ROOT = Path(__file__).resolve().parents[2]

# Modules a start on an everyday (plain) store must not import: each is heavy or used only when asked.
NOT_AT_START = (
    "reportlab", "sqlite_utils", "openpyxl", "pdfplumber", "keyring", "sqlcipher3",
    "fieldgroup.sync", "fieldgroup.reports", "fieldgroup.exports",
    "fieldgroup.core.incidents", "fieldgroup.core.sync_access", "fieldgroup.core.erasure",
    "fieldgroup.core.fingerprints", "fieldgroup.core.protection_check",
    "fieldgroup.ui.dialogs.unlock_dialog", "fieldgroup.ui.dialogs.welcome_dialog",
    "fieldgroup.ui.dialogs.help_menu_actions", "fieldgroup.ui.widgets.protection_check_dialog",
)

START = """
import sys
from PySide6.QtWidgets import QApplication
QApplication.exec = lambda self: 0  # the window has been built and shown: quit at once
app = QApplication(sys.argv[:1])
from fieldgroup.ui.app import run_app
code = run_app(sys.argv[1], "en")
print("LOADED", " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONPATH=str(ROOT))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("FIELDGROUP_PASSPHRASE_FILE", None)
    return env


def test_starting_the_app_on_a_store_imports_no_report_sync_or_spreadsheet_code(tmp_path):
    from fieldgroup.core import create_store

    path = tmp_path / "group.fgstore"
    with create_store(path) as store:
        group = store.groups.create(name="Ghana ICWG")
        store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 4), place="Accra")
    done = subprocess.run([sys.executable, "-c", START, str(path)], cwd=ROOT, env=_child_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = next(line for line in done.stdout.splitlines() if line.startswith("LOADED")).split()[1:]
    assert "fieldgroup.ui.main_window" in loaded and "fieldgroup.ui.pages.dashboard_page" in loaded  # it did start
    assert [m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_AT_START)] == []


def test_the_key_prefetch_needs_no_store_api():
    """An encrypted store's key derivation starts before the store API (~75 ms of imports) is loaded."""
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "import fieldgroup.ui.app; from fieldgroup.ui.first_run import prefetch_key;"
            "print(sorted(m for m in sys.modules if m in ('fieldgroup.core.api', 'fieldgroup.core.repositories',"
            " 'fieldgroup.ui.qt_i18n', 'fieldgroup.logs')))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.strip() == "[]"


def test_pyside_does_not_read_the_source_of_modules_imported_after_it(monkeypatch, tmp_path):
    feature = sys.modules["shibokensupport.feature"]  # PySide's import wrapper (see ui/feature_scan.py)
    scanned = []
    real = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", lambda module: scanned.append(module.__name__) or real(module))
    (tmp_path / "fg_fresh_module.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("fg_fresh_module")
    assert scanned == []
    assert feature.pyside_feature_dict["fg_fresh_module"] == 0  # "uses PySide, no feature switched on"


def test_no_module_of_ours_switches_on_a_pyside_feature():
    """What makes entering our modules as featureless true (ui/feature_scan.py)."""
    package = ROOT / "fieldgroup"
    assert [p.name for p in package.rglob("*.py") if "__feature__" in p.read_text(encoding="utf-8")
            and p.name != "feature_scan.py"] == []


def test_ops_held_during_start_up_start_when_released_and_deliver(qtbot):
    results, ran = [], threading.Event()

    def read(_progress):
        ran.set()
        return "read"

    before = ops.running_ops()  # an earlier test's read may not have reported back yet
    ops.hold()
    try:
        ops.run_op(None, "", read, on_done=results.append, show_dialog=False)
        QThreadPool.globalInstance().waitForDone(10_000)  # had it been started, it would have run by now
        assert not ran.is_set() and ops.running_ops() == before + 1
    finally:
        ops.start_held()
    qtbot.waitUntil(lambda: results == ["read"])
    ops.run_op(None, "", lambda _p: "later", on_done=results.append, show_dialog=False)  # no longer held
    qtbot.waitUntil(lambda: results == ["read", "later"])
