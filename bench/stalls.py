"""Event-loop stalls of the real main window on a store: how long the GUI thread stays deaf.

    python -m bench.stalls STORE [--out bench/stalls.json]

A 2 ms precise timer ticks on the GUI thread while one user action runs; a stall is the gap between
two ticks (minus the interval). Each scenario starts from an idle loop, runs the action from the
event loop (as a click would), then waits until every background op has reported back and the loop
has been idle for 300 ms. Per scenario: the largest gap (max) and the 95th percentile of the gaps.
Scenarios (issue 16): opening each page the first time, refreshing it, an inline status edit in the
tracker with every page built, saving a meeting, switching groups, marking 100 items done.
Targets: max <= 100 ms, p95 <= 30 ms. Runs on a COPY of the store (it writes)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MAX_MS, P95_MS = 100.0, 30.0
TICK_MS = 2


class StallMeter:
    """Records the gaps between ticks of a precise timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, (now - self.last) * 1000 - TICK_MS))
        self.last = now

    def measure(self, action: Callable[[], object], settle_ms: int = 300) -> dict:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from fieldgroup.ui.ops import running_ops

        self.gaps = []
        self.last = time.perf_counter()
        self.timer.start()
        QTimer.singleShot(0, action)
        started = time.perf_counter()
        quiet_since = None
        while True:
            QApplication.processEvents()
            time.sleep(0.0005)
            now = time.perf_counter()
            if running_ops() or now - started < 0.05:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif (now - quiet_since) * 1000 >= settle_ms:
                break
            if now - started > 120:
                break
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        p95 = gaps[min(len(gaps) - 1, int(round(0.95 * (len(gaps) - 1))))]
        return {"max_ms": round(gaps[-1], 1), "p95_ms": round(p95, 1), "ticks": len(gaps),
                "pass": gaps[-1] <= MAX_MS and p95 <= P95_MS}


def scenarios(window: object) -> list[tuple[str, Callable[[], object]]]:
    """(name, action) pairs, in the order they run (each leaves the window as the next expects)."""
    from fieldgroup.ui.main_window import PAGES

    steps: list[tuple[str, Callable[[], object]]] = []
    for spec in PAGES:
        steps.append((f"open {spec.key}", lambda k=spec.key: window.show_page(k)))
        steps.append((f"refresh {spec.key}", lambda k=spec.key: (window.show_page(k), window.ctx.changed(""))))
    steps.append(("show actions after other pages", lambda: window.show_page("actions")))
    steps.append(("status edit, all pages built", lambda: _status_edit(window)))
    steps.append(("open a meeting", lambda: _open_meeting(window)))
    steps.append(("save a meeting", lambda: _save_meeting(window)))
    steps.append(("switch group", lambda: _switch_group(window)))
    steps.append(("mark 100 done", lambda: _mark_done(window, 100)))
    return steps


def _status_edit(window: object) -> None:
    from fieldgroup.ui.models.action_tracker_model import STATUS

    page = window.show_page("actions")
    model = page.model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).status != "done")
    model.setData(model.index(row, STATUS), "in_progress" if model.row_at(row).status == "open" else "open")


def _open_meeting(window: object) -> None:
    page = window.show_page("meetings")
    page.open_record(page.model.row_at(0).meeting.id)


def _save_meeting(window: object) -> None:
    page = window.show_page("meetings")
    page.editor.minutes.insertPlainText("A line typed during the benchmark.")
    getattr(page.editor, "save_now", page.editor.save)()


def _switch_group(window: object) -> None:
    combo = window.group_combo
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())


def _mark_done(window: object, count: int) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    page = window.show_page("actions")
    selection = QItemSelection()
    # The first `count` rows not done, found without walking all 100,000 (a user's click does not either).
    rows = list(islice((n for n in range(page.model.rowCount()) if page.model.row_at(n).status != "done"), count))
    for row in rows:
        index = page.proxy.mapFromSource(page.model.index(row, 0)) if hasattr(page, "proxy") else page.model.index(row, 0)
        selection.select(index, index)
    page.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
    page.mark_selected_done()


def run(store_path: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from fieldgroup.core import open_store
    from fieldgroup.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="stalls-"))
    copy = work / store_path.name
    shutil.copyfile(store_path, copy)
    store = open_store(copy)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    meter = StallMeter()
    meter.measure(lambda: None)  # let start-up's background reads finish first
    results = {}
    for name, action in scenarios(window):
        results[name] = meter.measure(action)
        print(f"{name:32s} max {results[name]['max_ms']:8.1f} ms   p95 {results[name]['p95_ms']:6.1f} ms"
              f"   {'ok' if results[name]['pass'] else 'OVER'}", flush=True)
    window.close()
    store.close()
    del app
    shutil.rmtree(work, ignore_errors=True)
    return {"store": store_path.name, "targets": {"max_ms": MAX_MS, "p95_ms": P95_MS}, "scenarios": results,
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = run(args.store)
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    os._exit(0)  # skip Qt's teardown of pages still holding background callbacks


if __name__ == "__main__":
    main()
