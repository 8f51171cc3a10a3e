"""GUI test fixtures: settings in a temporary folder, a main window on the test store, modal dialogs answered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from fieldgroup.ui.context import AppContext


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """Every test gets its own empty settings file; the real user's settings are never touched."""
    QCoreApplication.setOrganizationName("FieldGroupTests")
    QCoreApplication.setApplicationName("FieldGroupTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
    QThreadPool.globalInstance().waitForDone(10_000)  # background readers finish before the store goes


@pytest.fixture
def ctx(store, group):
    return AppContext(store, group.id)


@pytest.fixture
def window(qtbot, store, group):
    from fieldgroup.ui.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def answer_dialog(monkeypatch):
    """Instead of blocking in exec(), let `fill` drive the dialog's real widgets (and press its buttons)."""

    def install(dialog_class: type[QDialog], fill: Callable[[QDialog], None]) -> list[QDialog]:
        seen: list[QDialog] = []

        def fake_exec(self: QDialog) -> int:
            seen.append(self)
            self.show()
            fill(self)
            return self.result()

        monkeypatch.setattr(dialog_class, "exec", fake_exec)
        return seen

    return install


class QuestionRecorder:
    """Stands in for QMessageBox.question: records the text asked and gives a chosen answer."""

    def __init__(self, answer: QMessageBox.StandardButton):
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent, _title, text, *_args, **_kwargs) -> QMessageBox.StandardButton:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def question(monkeypatch):
    def install(answer: QMessageBox.StandardButton) -> QuestionRecorder:
        recorder = QuestionRecorder(answer)
        monkeypatch.setattr(QMessageBox, "question", recorder)
        return recorder

    return install
