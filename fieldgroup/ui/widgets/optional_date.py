"""A date that may stay empty: a tick box beside a typed date field in the language's format."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.dates import to_qdate


class OptionalDate(QWidget):
    """`check(field)` is the date when ticked, else None (a ticked text that is no date raises, naming `field`);
    `set_value(None)` unticks it."""

    def __init__(self, label: str, default: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.tick = QCheckBox(label)
        self.field = DateField(None, default)
        self.field.setAccessibleName(label.replace("&", ""))
        self.field.setEnabled(False)
        self.tick.toggled.connect(self.field.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tick)
        row.addWidget(self.field, 1)
        self.setFocusProxy(self.field)  # a form's error about the date puts the cursor in it

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        """The form's row name ("Start") names the date itself; the tick keeps its own words."""
        super().setAccessibleName(name)
        self.field.setAccessibleName(name)

    def check(self, field: str) -> date | None:
        """The date when ticked, None when not; a ValidationError naming `field` when the text is no date."""
        return self.field.check(field) if self.tick.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.tick.setChecked(day is not None)
        if day is not None:
            self.field.setDate(to_qdate(day))
