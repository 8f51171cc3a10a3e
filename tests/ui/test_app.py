"""Starting the app: the window opens on the store, a bad store is one sentence, crashes are logged not shown."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldgroup.ui import app as app_module


@pytest.fixture
def quiet_app(monkeypatch, tmp_path):
    """run_app without blocking in the event loop and without touching the user's log folder."""
    from fieldgroup import logs

    logs.stop_logging()
    quiet_start(monkeypatch, tmp_path)
    yield
    logs.stop_logging()  # the test's log file is let go


def quiet_start(monkeypatch, tmp_path):
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", root.handlers[:])  # the log file handler goes away afterwards
    monkeypatch.setattr(root, "level", root.level)


def test_run_app_opens_the_main_window_on_the_store(qtbot, quiet_app, tmp_path):
    from fieldgroup.core import create_store
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    path = tmp_path / "group.fgstore"
    with create_store(path) as made:  # closed again: a store is open in one window at a time
        group = made.groups.create(name="Ghana ICWG")
    assert app_module.run_app(str(path), "en") == 0
    window = OPEN_WINDOWS[-1]
    qtbot.addWidget(window)
    assert window.ctx.store.path == path and window.ctx.group_id == group.id
    assert window.isVisible() and "group.fgstore" in window.windowTitle()
    assert (tmp_path / "logs" / "fieldgroup.log").exists()
    window.close()
    window.ctx.store.close()


def test_a_store_open_in_another_window_is_refused_in_one_sentence(monkeypatch, quiet_app, store):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app_module.run_app(str(store.path), "en") == 1
    assert len(shown) == 1 and "already open" in shown[0]


def test_run_app_refuses_a_file_that_is_not_a_store_in_one_sentence(monkeypatch, quiet_app, tmp_path):
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
    assert len(shown) == 1 and shown[0].startswith("Something went wrong and was not saved; the details are in the log")
    assert "reference KeyError (test_app.py:" in shown[0] and "'missing'" not in shown[0]
    assert "KeyError: 'missing'" in caplog.text


def test_first_run_welcome_starts_a_new_group(qtbot, monkeypatch, quiet_app, tmp_path):
    from fieldgroup.ui import settings
    from fieldgroup.ui.dialogs.welcome_dialog import WelcomeDialog
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    default = tmp_path / "data" / "fieldgroup.fgstore"
    monkeypatch.setattr(app_module, "default_store_path", lambda: default)

    def answer(dialog: WelcomeDialog) -> int:
        qtbot.keyClicks(dialog.name_edit, "Peru ICWG")
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("PE"))
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", answer)
    assert app_module.run_app(None, "en") == 0
    window = OPEN_WINDOWS[-1]
    qtbot.addWidget(window)
    from fieldgroup.core import open_store

    with open_store(default) as reopened:  # run_app closed it when the (patched) event loop returned
        [group] = reopened.groups.list()
    assert (group.name, group.country, group.language) == ("Peru ICWG", "PE", "es")
    assert window.ctx.store.path == default and settings.value(settings.LANGUAGE) == "es"
    window.close()
    window.ctx.store.close()


def test_closing_the_welcome_dialog_opens_nothing(monkeypatch, quiet_app, tmp_path):
    from fieldgroup.ui.dialogs.welcome_dialog import WelcomeDialog

    default = tmp_path / "data" / "fieldgroup.fgstore"
    monkeypatch.setattr(app_module, "default_store_path", lambda: default)
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: 0)
    assert app_module.run_app(None, "en") == 0
    assert not default.exists()


def test_joining_colleagues_imports_their_bundle_into_a_new_store(tmp_path, qapp):
    from fieldgroup.core import create_store
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.ui.dialogs.welcome_dialog import WelcomeChoice
    from fieldgroup.ui.first_run import store_from_choice

    with create_store(tmp_path / "colleague.fgstore") as theirs:
        group = theirs.groups.create(name="Nigeria ICWG")
        export_bundle(theirs, tmp_path / "for-you.fgbundle")
    default = tmp_path / "data" / "fieldgroup.fgstore"
    with store_from_choice(WelcomeChoice("join", path=tmp_path / "for-you.fgbundle"), default) as mine:
        assert [g.name for g in mine.groups.list()] == ["Nigeria ICWG"] and mine.groups.get(group.id)
