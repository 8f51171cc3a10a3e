"""Start-up of the main window on a big store against a bare PySide6 window with a table view (DESIGN §9).

    python bench/gui_startup.py --store stress.fgstore [--page dashboard|meetings] [--runs 7]

Each run is a fresh process; the time is from just before the process starts to the first turn of
its event loop with the window shown (the moment a click would be handled). Peak memory is read
after background reads have finished. Medians are printed side by side with the ratio."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import os, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow(); table = QTableView(); table.setModel(QStandardItemModel(10, 5))
window.setCentralWidget(table); window.resize(1366, 768); window.show()
def ready():
    print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True); os._exit(0)
QTimer.singleShot(0, ready)
app.exec()
"""

OURS = """
import os, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from fieldgroup.ui.app import choose_language, make_application, open_or_create
from fieldgroup.ui.qt_i18n import install_qt_translations, register_fonts
app = make_application()
QCoreApplication.setOrganizationName("FieldGroupBench")  # never the user's own settings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
from fieldgroup.ui import settings
settings.set_value(settings.LAST_PAGE, sys.argv[2])
choose_language(None); install_qt_translations(app, "en"); register_fonts()
store = open_or_create(Path(sys.argv[1]))
from fieldgroup.ui.main_window import MainWindow
window = MainWindow(store); window.resize(1366, 768); window.show()
def ready():
    shown = time.time()
    QThreadPool.globalInstance().waitForDone(); app.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store.close()  # a clean close, or the next run would see a crash and run the integrity check
    print(shown, peak, flush=True); os._exit(0)
QTimer.singleShot(0, ready)
app.exec()
"""


def run(code: str, *args: str) -> tuple[float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    shown, peak_kb = out.stdout.split()[-2:]
    return float(shown) - start, int(peak_kb)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a stress store (fieldgroup demo --size stress)")
    parser.add_argument("--page", default="dashboard", help="the page remembered from last time")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as folder:
        run(OURS, str(args.store), args.page, folder)  # warm-up: the disk cache, and a lock left by a crash
    for _ in range(args.runs):
        bare.append(run(BARE))
        with tempfile.TemporaryDirectory() as folder:
            ours.append(run(OURS, str(args.store), args.page, folder))
    b_time, o_time = statistics.median(t for t, _ in bare), statistics.median(t for t, _ in ours)
    b_mem, o_mem = statistics.median(m for _, m in bare), statistics.median(m for _, m in ours)
    print(f"start-up, page {args.page}: bare {b_time:.3f} s, FieldGroup {o_time:.3f} s, ratio {o_time / b_time:.2f} (target ≤ 2.5)")
    print(f"peak memory: bare {b_mem / 1024:.0f} MB, FieldGroup {o_mem / 1024:.0f} MB, ratio {o_mem / b_mem:.2f} (target ≤ 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
