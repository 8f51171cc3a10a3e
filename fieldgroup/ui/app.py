"""Starts the Qt application on a store (the desktop-app issue grows this into the full window)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTableWidget, QTableWidgetItem

from fieldgroup.core import FieldGroupError, create_store, open_store
from fieldgroup.formatting import format_date
from fieldgroup.i18n import _
from fieldgroup.paths import default_store_path


def _open_or_create(path: Path):
    if path.exists():
        return open_store(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return create_store(path)


def run_app(store_path: str | None, locale: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    path = Path(store_path) if store_path else default_store_path()
    try:
        store = _open_or_create(path)
    except FieldGroupError as exc:
        QMessageBox.critical(None, "FieldGroup", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"FieldGroup — {path.name}")
    meetings = store.meetings.list()
    table = QTableWidget(len(meetings), 3)
    table.setHorizontalHeaderLabels([_("Date"), _("Type"), _("Place")])
    for row, meeting in enumerate(meetings):
        for column, text in enumerate((format_date(meeting.date), meeting.kind, meeting.place or "")):
            table.setItem(row, column, QTableWidgetItem(text))
    window.setCentralWidget(table)
    window.resize(1200, 700)
    window.show()
    return app.exec()
