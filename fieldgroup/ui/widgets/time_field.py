"""A time of day typed as text ("14:30", "9.30", "2:30 pm"), shown the language's way, empty when not known."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from fieldgroup.core.errors import ValidationError
from fieldgroup.formatting import format_time, parse_time
from fieldgroup.i18n import _


class TimeField(QLineEdit):
    """`value()` is the stored form ("09:30", or "" for none); `check(field)` raises when it is not a time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(format_time("09:30"))
        self.setToolTip(_("Type a time like {example}, or leave it empty.").format(example=format_time("14:30")))
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)

    def set_value(self, hhmm: str | None) -> None:
        """Show a stored time the language's way (a draft's unfinished text as it was typed)."""
        parsed = parse_time(hhmm or "")
        self.setText(format_time(parsed) if parsed else (hhmm or ""))

    def value(self) -> str:
        """"09:30", "" when empty, or the typed text when it is not a time (the store then refuses it)."""
        parsed = parse_time(self.text())
        return self.text() if parsed is None else parsed

    def problem(self) -> str:
        if parse_time(self.text()) is None:
            return _("“{text}” is not a time: type it like {example}.").format(
                text=self.text().strip(), example=format_time("14:30"))
        return ""

    def check(self, field: str) -> str:
        message = self.problem()
        if message:
            raise ValidationError(field, message)
        return self.value()

    def _tidy(self) -> None:
        parsed = parse_time(self.text())
        if parsed:
            self.setText(format_time(parsed))  # "930" reads back as "09:30" (or "9:30 AM")
