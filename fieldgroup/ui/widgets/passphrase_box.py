"""The group passphrase setting on the Sync page: what it does, show/hide, change, remove."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.i18n import _
from fieldgroup.sync import review


class PassphraseBox(QWidget):
    """Edits the passphrase remembered on this laptop (it never travels in a bundle)."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        explain = QLabel(_("With a group passphrase, the bundles this laptop writes are encrypted, and colleagues "
                           "need the same passphrase to import them (and you to import theirs)."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(_("Group passphrase"))
        self.edit.setPlaceholderText(_("No passphrase: bundles are not encrypted"))
        self.edit.textEdited.connect(lambda _t: self._update_buttons())
        self.edit.setMinimumWidth(440)
        row.addWidget(self.edit, 1)
        self.show_box = QCheckBox(_("S&how"))
        self.show_box.toggled.connect(lambda on: self.edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        row.addWidget(self.show_box)
        self.save_button = QPushButton(_("&Save passphrase"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.remove_button = QPushButton(_("&Remove passphrase"))
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        current = review.passphrase(self.store) or ""
        self.edit.setText(current)
        self.status.setText(_("A passphrase is set: this laptop's bundles are encrypted.") if current
                            else _("No passphrase is set: this laptop's bundles are not encrypted."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = review.passphrase(self.store) or ""
        self.save_button.setEnabled(bool(self.edit.text()) and self.edit.text() != current)
        self.remove_button.setEnabled(bool(current))

    def save(self) -> None:
        try:
            review.set_passphrase(self.store, self.edit.text())
        except FieldGroupError as exc:
            self.status.setText(str(exc))
            return
        self.refresh()
        self.status.setText(_("Passphrase saved; tell your colleagues the same passphrase (not by e-mail)."))
        self.changed.emit()

    def remove(self) -> None:
        review.set_passphrase(self.store, None)
        self.refresh()
        self.changed.emit()
