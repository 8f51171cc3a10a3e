"""A long session on the stress store: does memory (and what gc.freeze keeps) keep growing?

    python -m bench.long_session STORE [--rounds 500] [--every 50]

Each round does what a working day does over and over: opens the next page, opens the next meeting,
and has every page built so far reload (`ctx.changed("")`, as after a sync), then waits until every
background op has reported back. Every `--every` rounds it prints the round, the process's RSS, and
`gc.get_freeze_count()` (objects kept out of the collector's sight by fieldgroup/ui/collector.py).
Runs on a COPY of the store. The figures are in bench/README.md (issue 16)."""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def settle() -> None:
    """Run the event loop until no op is left and it has been idle for 50 ms."""
    from PySide6.QtWidgets import QApplication

    from fieldgroup.ui.ops import running_ops

    quiet_since = None
    started = time.perf_counter()
    while time.perf_counter() - started < 120:
        QApplication.processEvents()
        time.sleep(0.001)
        if running_ops():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since > 0.05:
            return


def run(store_path: Path, rounds: int, every: int) -> list[dict]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from fieldgroup.core import open_store
    from fieldgroup.ui import collector
    from fieldgroup.ui.main_window import PAGES, MainWindow

    work = Path(tempfile.mkdtemp(prefix="long-session-"))
    copy = work / store_path.name
    shutil.copyfile(store_path, copy)
    store = open_store(copy)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    settle()
    meetings = window.show_page("meetings")
    settle()
    ids = [meetings.model.row_at(n).meeting.id for n in range(min(meetings.model.rowCount(), 200))]
    keys = [spec.key for spec in PAGES if spec.key != "incidents"]
    figures = []
    started = time.perf_counter()
    for number in range(1, rounds + 1):
        window.show_page(keys[number % len(keys)])
        window.ctx.open_record("meetings", ids[number % len(ids)])
        window.ctx.changed("")
        settle()
        if number % every == 0 or number == 1:
            row = {"round": number, "rss_mib": round(rss_mib(), 1), "frozen": gc.get_freeze_count(),
                   "tracked": len(gc.get_objects()), "seconds": round(time.perf_counter() - started, 1),
                   "sweeps": collector.sweeps}
            figures.append(row)
            print(json.dumps(row), flush=True)
    window.close()
    store.close()
    del app
    shutil.rmtree(work, ignore_errors=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--every", type=int, default=50)
    args = parser.parse_args()
    run(args.store, args.rounds, args.every)
    os._exit(0)


if __name__ == "__main__":
    main()
