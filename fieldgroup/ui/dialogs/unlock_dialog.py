"""At start: the passphrase that unlocks an encrypted store, with 'remember on this laptop'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldgroup import keychain
from fieldgroup.core import keys
from fieldgroup.i18n import _
from fieldgroup.ui.widgets.passphrase_box import PassphraseField


class UnlockDialog(QDialog):
    """One field (show/hide, caps-lock hint); after exec() == Accepted, `passphrase` and `remember` say what."""

    def __init__(self, store_path: Path, parent: QWidget | None = None, error: str = ""):
        super().__init__(parent)
        self.passphrase: keys.Passphrase | None = None
        self.setWindowTitle(_("Unlock {name}").format(name=store_path.name))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(_("This record is encrypted. Type the group passphrase to open it."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.field = PassphraseField(self)
        layout.addWidget(self.field)
        self.remember = QCheckBox(_("&Remember it on this laptop"), self)
        if keychain.available():
            self.remember.setToolTip(_("Kept in the system's password store: anyone who can log in to this laptop "
                                       "as you can open the record without typing it."))
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(_("This laptop has no password store FieldGroup can use; it will ask at each start."))
        layout.addWidget(self.remember)
        self.error = QLabel(error, self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(bool(error))
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.edit.setFocus()

    def _accept(self) -> None:
        if not self.field.text():
            self.error.setText(_("Type the passphrase, or press Cancel."))
            self.error.show()
            return
        self.passphrase = keys.Passphrase(self.field.text())
        self.accept()
