"""Ask for the group passphrase when a bundle is encrypted, optionally remembering it for this group."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.i18n import _
from fieldgroup.sync import review


class PassphraseDialog(QDialog):
    """Shows why the passphrase is needed (the refusal sentence); on OK `passphrase` holds what was typed."""

    def __init__(self, store: Store, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.passphrase: str | None = None
        self.setWindowTitle(_("Group passphrase"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(_("Group passphrase"))
        self.edit.setPlaceholderText(_("The passphrase your colleagues agreed on"))
        layout.addWidget(self.edit)
        self.show_box = QCheckBox(_("&Show the passphrase"))
        self.show_box.toggled.connect(lambda on: self.edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        layout.addWidget(self.show_box)
        self.remember = QCheckBox(_("&Remember it on this laptop for this group"))
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        value = self.edit.text()
        if not value:
            self._fail(_("Type the passphrase, or press Cancel."))
            return
        if self.remember.isChecked():
            try:
                review.set_passphrase(self.store, value)
            except FieldGroupError as exc:
                self._fail(str(exc))
                return
        self.passphrase = value
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
