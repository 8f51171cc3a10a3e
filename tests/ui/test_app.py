"""Starting the app: the window opens on the store, a bad store is one sentence, crashes are logged not shown."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from fieldgroup.ui import app as app_module


def quiet_start(monkeypatch, tmp_path):
    """run_app without blocking in the event loop and without touching the user's log folder."""
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", root.handlers[:])  # the log file handler goes away afterwards
    monkeypatch.setattr(root, "level", root.level)


def test_run_app_opens_the_main_window_on_the_store(qtbot, monkeypatch, tmp_path, store, group):
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    quiet_start(monkeypatch, tmp_path)
    assert app_module.run_app(str(store.path), "en") == 0
    window = OPEN_WINDOWS[-1]
    qtbot.addWidget(window)
    assert window.ctx.store.path == store.path and window.ctx.group_id == group.id
    assert window.isVisible() and "test.fgstore" in window.windowTitle()
    assert (tmp_path / "logs" / "fieldgroup.log").exists()
    window.close()
    window.ctx.store.close()


def test_run_app_refuses_a_file_that_is_not_a_store_in_one_sentence(monkeypatch, tmp_path):
    quiet_start(monkeypatch, tmp_path)
    bogus = tmp_path / "notes.fgstore"
    bogus.write_text("shopping list")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app_module.run_app(str(bogus), "en") == 1
    assert len(shown) == 1 and "not a FieldGroup store" in shown[0] and "\n" not in shown[0]


def test_unexpected_error_shows_a_sentence_and_logs_the_traceback(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    try:
        {}["missing"]
    except KeyError:
        error = sys.exc_info()
    with caplog.at_level(logging.ERROR):
        app_module.handle_exception(*error)
    assert shown == ["Something went wrong and was not saved; the details are in the log file (Help ▸ Open log folder)."]
    assert "KeyError: 'missing'" in caplog.text
