"""Validation messages shown next to the field they are about (ValidationError.field picks the label)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from fieldgroup.core.errors import FieldGroupError, ValidationError


class ErrorLabel(QLabel):
    """A hidden-until-needed message under a field, in the warning colour and with a '⚠' so colour is not all."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #B00020;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText("⚠ " + message)
        self.setAccessibleName(message)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FieldErrors:
    """Maps field names to their error labels and focus widgets; anything else goes to the general label."""

    def __init__(self, general: ErrorLabel):
        self.general = general
        self.labels: dict[str, tuple[ErrorLabel, QWidget | None]] = {}

    def add(self, field: str, label: ErrorLabel, focus: QWidget | None = None) -> None:
        self.labels[field] = (label, focus)

    def clear(self) -> None:
        self.general.clear_message()
        for label, _focus in self.labels.values():
            label.clear_message()

    def show(self, error: FieldGroupError) -> None:
        """Show `error` beside its field (or in the general place) and focus that field."""
        self.clear()
        field = error.field if isinstance(error, ValidationError) else None
        if field in self.labels:
            label, focus = self.labels[field]
            label.show_message(str(error))
            if focus is not None:
                focus.setFocus()
        else:
            self.general.show_message(str(error))

    def message(self, field: str) -> str:
        label = self.labels[field][0] if field in self.labels else self.general
        return "" if label.isHidden() else label.accessibleName()
