"""A date that may stay empty: a tick box beside a calendar date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDate(QWidget):
    """`value()` is the date when ticked, else None; `set_value(None)` unticks it."""

    def __init__(self, label: str, default: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(QDate(default.year, default.month, default.day))
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(label.replace("&", ""))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))
