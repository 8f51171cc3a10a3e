"""Small helpers for GUI tests that act as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def press(qtbot, dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:
    """Click one of the dialog's standard buttons (Save, OK, Cancel) as a user would."""
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(which), Qt.MouseButton.LeftButton)
