"""Shared by both start-up children: print when the first main-window paint is done, then the peak memory.

Imports nothing but PySide6 and the standard library, so the bare baseline pays for nothing extra."""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def peak_rss_kib() -> int:
    """Peak resident memory of this process (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class FirstPaint(QObject):
    """Watches paint events; after the main window's first one has been processed, reports and quits.

    FIRST_PAINT <unix time> is printed once the event loop is back from painting (a zero timer), so
    the figure is "window shown and painted, loop free for the user's first click". The process then
    waits until background reads are done and the loop is idle, and prints PEAK_RSS_KIB."""

    def __init__(self, app: QApplication):
        """Create after the window is shown, before the event loop runs. The filter sits on the main
        window only: a filter on the whole application would run Python for every event of every
        widget, which costs the app with many widgets more than the bare window (measured: ~0.2 s)."""
        super().__init__()
        self.app = app
        self.painted = False
        self.windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)]
        for window in self.windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"FIRST_PAINT {time.time():.6f}", flush=True)
        for window in self.windows:
            window.removeEventFilter(self)
        QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        pool = QThreadPool.globalInstance()
        if pool.activeThreadCount():
            QTimer.singleShot(20, self._settle)  # background reads (dashboard, balances) still running
            return
        self.app.processEvents()  # their results land in the window
        print(f"READY {time.time():.6f}", flush=True)
        print(f"PEAK_RSS_KIB {peak_rss_kib()}", flush=True)
        self.app.quit()


def exit_now(code: int = 0) -> None:
    sys.stdout.flush()
    import os

    os._exit(code)  # the figure is measured; skip tearing down 100,000 rows
