"""Quitting the app closes its store cleanly, so the next start is not taken for a crash (DESIGN §9 start-up)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from fieldgroup.core import create_store, open_store
from fieldgroup.core.store_lock import lock_path
from fieldgroup.ui import app as app_module


def test_quitting_leaves_no_lock_so_the_next_start_skips_the_crash_check(qtbot, monkeypatch, tmp_path):
    from fieldgroup import logs
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    logs.stop_logging()
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # the user quits at once
    monkeypatch.setattr(app_module, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", root.handlers[:])
    monkeypatch.setattr(root, "level", root.level)
    path = tmp_path / "group.fgstore"
    with create_store(path) as made:
        made.groups.create(name="Ghana ICWG")
    try:
        assert app_module.run_app(str(path), "en") == 0
        qtbot.addWidget(OPEN_WINDOWS[-1])
        assert not lock_path(path).exists()
        with open_store(path) as again:  # the next start: nothing says the last session crashed
            assert again.records.lock.stale is None
    finally:
        OPEN_WINDOWS[-1].close()
        logs.stop_logging()
