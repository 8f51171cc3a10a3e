"""Ask for the passphrase of an encrypted bundle; on a plain store, optionally encrypt the store with it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.i18n import _
from fieldgroup.sync import review
from fieldgroup.ui.widgets.passphrase_box import PassphraseField


class PassphraseDialog(QDialog):
    """Shows why the passphrase is needed (the refusal sentence); on OK `passphrase` holds what was typed.

    A bundle made before the group changed its passphrase is opened with the old one, asked for
    once: it never replaces this store's own. Only a plain store offers to become encrypted with it."""

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
        self.field = PassphraseField(self)
        self.edit = self.field.edit
        self.edit.setPlaceholderText(_("The passphrase your colleagues agreed on"))
        self.show_box = self.field.show_box
        layout.addWidget(self.field)
        self.remember = QCheckBox(_("&Encrypt this laptop's store with it too (it is our group's passphrase)"))
        self.remember.setChecked(not store.encrypted)
        self.remember.setVisible(not store.encrypted)
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
        if self.remember.isChecked() and not self.store.encrypted:
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
