"""A form layout whose rows carry an error line, so a ValidationError shows next to the field it names."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldgroup.core.errors import FieldGroupError, ValidationError


class ValidatedForm(QFormLayout):
    """`add(field, label, widget)` adds a row; `show_error(exc)` puts the message under that field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.general = self._error_label()
        self.addRow(self.general)

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #B00020;")
        label.hide()
        return label

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label()
        column.addWidget(error)
        self._errors[field] = error
        self._widgets[field] = widget
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.addRow(label, box)
        return widget

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general):
            label.clear()
            label.hide()

    def error_text(self, field: str | None = None) -> str:
        label = self._errors.get(field) if field else self.general
        return label.text() if label is not None else ""

    def show_error(self, exc: FieldGroupError) -> None:
        """Show the message beside its field (ValidationError.field), else at the top of the form."""
        self.clear_errors()
        field = exc.field if isinstance(exc, ValidationError) else None
        label = self._errors.get(field or "", self.general)
        label.setText("⚠ " + str(exc))
        label.setAccessibleName(str(exc))
        label.show()
        if field in self._widgets:
            self._widgets[field].setFocus()
