"""The Save/Cancel row and layout shared by the record-editing dialogs (form above, buttons below)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout


def lay_out_form(dialog: QDialog, form: QLayout, save: Callable[[], None]) -> None:
    """Put `form` above Save/Cancel buttons; Save calls `save` (which accepts or shows an error)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
