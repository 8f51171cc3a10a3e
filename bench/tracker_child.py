"""Child process: type filters into the real action tracker page, one key at a time, and time each key.

Per keystroke it measures: QTest.keyClick on the search box, then the page's filter slot called at
once (the 150 ms debounce is a deliberate pause, not work, so it is skipped), then processEvents —
which lays out and paints the table (paint events on the viewport are counted; when a key caused
none, a synchronous viewport repaint is added, so every sample reaches the pixels exactly once).
Each round types a different query and erases it, so the page's recent-filter cache cannot flatter it.
Prints one JSON line: {"samples_ms": [...], "cpu_ms": [...], "rows": N, "typed": "...", "paints": N}
(cpu_ms: the GUI thread's CPU time per key, which a busy shared machine does not inflate)."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.first_paint import exit_now


def queries_for(rows: list, count: int) -> list[str]:
    """Realistic queries: common title words (5+ letters), each followed by a space and the start of
    the word that most often follows it — so the keys narrow the list step by step."""
    words = Counter(w.lower() for r in rows for w in r.title.split() if len(w) >= 5 and w.isalpha())
    chosen = [w for w, _n in words.most_common(count)] or ["meeting"]
    queries = []
    for first in chosen:
        after = Counter()
        for r in rows:
            parts = r.title.lower().split()
            after.update(b for a, b in zip(parts, parts[1:], strict=False) if a == first and b.isalpha())
        queries.append((first + " " + (after.most_common(1)[0][0][:4] if after else "")).strip())
    return queries


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def main() -> None:
    store_path, rounds = sys.argv[1], int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    try:
        from fieldgroup.ui.qt_i18n import register_fonts

        register_fonts()  # the same fonts as the app, so text shaping costs the same
    except ImportError:
        pass
    from fieldgroup.core import keys, open_store
    from fieldgroup.ui.context import AppContext
    from fieldgroup.ui.pages.actions_page import ActionsPage

    store = open_store(store_path, passphrase=keys.from_environment())  # the encrypted rows (bench.encrypted)
    group_id = max(store.groups.list(), key=lambda g: store.actions.count(group_id=g.id)).id
    page = ActionsPage(AppContext(store, group_id))
    page.resize(1366, 768)
    page.show()
    from fieldgroup.ui.ops import running_ops

    while running_ops():  # the page's own background load lands first, so it cannot replace the rows below
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))  # every item, not just open ones
    # DESIGN §9 says 100,000 items; the demo spreads them over its groups, so the page's model gets
    # every group's tracker rows (the page's own query, once per group) and the filter walks them all.
    everything = [row for g in store.groups.list() for row in store.actions.tracker_rows(g.id)]
    page.model.set_rows(everything, store.today(), page.current_filter())
    app.processEvents()
    queries = queries_for(everything, rounds)
    painter = PaintCounter()
    page.view.viewport().installEventFilter(painter)
    page.search.setFocus()
    samples: list[float] = []
    cpu: list[float] = []  # the GUI thread's own CPU time per key: what a busy shared machine cannot inflate
    for typed in queries:
        keys = [(ch, False) for ch in typed] + [("", True)] * len(typed)  # type it, then erase it
        for ch, backspace in keys:
            before = painter.count
            start, cpu_start = time.perf_counter(), time.thread_time()
            if backspace:
                QTest.keyClick(page.search, Qt.Key.Key_Backspace)
            else:
                QTest.keyClicks(page.search, ch)
            page.apply_filter()
            app.processEvents()
            if painter.count == before:
                page.view.viewport().repaint()
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - cpu_start) * 1000)
    print(json.dumps({"samples_ms": samples, "cpu_ms": cpu, "rows": page.model.total(), "typed": " / ".join(queries),
                      "keys": len(samples), "paints": painter.count}), flush=True)
    store.close()  # no stale lock for the next run
    exit_now()


if __name__ == "__main__":
    main()
