"""Passphrase widgets: one field with show/hide and a caps-lock hint, and the Sync page's encryption setting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldgroup import keychain
from fieldgroup.core import FieldGroupError, Store, keys
from fieldgroup.i18n import _
from fieldgroup.sync import review


class _CapsAwareEdit(QLineEdit):
    """Notices Caps Lock from what is typed: a capital without Shift (or a small letter with it)."""

    caps_lock = Signal(bool)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt's name
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.caps_lock.emit(text.isupper() != shift)
        super().keyPressEvent(event)


class PassphraseField(QWidget):
    """One passphrase field with a Show box, a caps-lock hint and, for a new passphrase, a strength hint."""

    def __init__(self, parent: QWidget | None = None, new: bool = False, accessible_name: str | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = _CapsAwareEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name or _("Group passphrase"))
        self.edit.setMinimumWidth(360)
        row.addWidget(self.edit, 1)
        self.show_box = QCheckBox(_("S&how"), self)
        self.show_box.toggled.connect(self.set_shown)
        row.addWidget(self.show_box)
        layout.addLayout(row)
        self.caps_hint = QLabel(_("Caps Lock seems to be on."), self)
        self.caps_hint.setStyleSheet("color: #8a5a00;")
        self.caps_hint.hide()
        self.edit.caps_lock.connect(self.caps_hint.setVisible)
        layout.addWidget(self.caps_hint)
        self.strength = QLabel(self)
        self.strength.setVisible(new)
        if new:
            self.edit.textChanged.connect(lambda text: self.strength.setText(keys.strength_hint(text) if text else ""))
        layout.addWidget(self.strength)

    def set_shown(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        if self.show_box.isChecked() != shown:
            self.show_box.setChecked(shown)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 — mirrors QLineEdit
        self.edit.setText(text)


class PassphraseBox(QWidget):
    """The Sync page's encryption setting: encrypt this store, or change its passphrase; remember it here."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.field = PassphraseField(self, new=True, accessible_name=_("New group passphrase"))
        self.edit = self.field.edit
        self.edit.textEdited.connect(lambda _t: self._update_buttons())
        layout.addWidget(self.field)
        row = QHBoxLayout()
        self.generate_button = QPushButton(_("&Suggest five words"), self)
        self.generate_button.clicked.connect(self.suggest)
        row.addWidget(self.generate_button)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.remember = QCheckBox(_("&Remember it on this laptop (in the system's password store)"), self)
        self.remember.setEnabled(False)
        self._keychain_checked = False  # asked when first shown: loading keyring took 0.36 s off the Sync page's open
        self.remember.toggled.connect(self._remember_changed)
        layout.addWidget(self.remember)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if self.store.encrypted:
            self.explain.setText(_("This store, its backups and this laptop's bundles are encrypted with the group "
                                   "passphrase. Change it when a laptop or a stick with the passphrase was lost."))
            self.save_button.setText(_("&Change the passphrase"))
        else:
            self.explain.setText(_("This store is not encrypted: anyone who copies the file can read every name in it. "
                                   "Choose the group passphrase to encrypt it, its backups and its bundles."))
            self.save_button.setText(_("&Encrypt with this passphrase"))
        if self._keychain_checked:
            self._show_remembered()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._keychain_checked:
            self._keychain_checked = True
            usable = keychain.available()
            self.remember.setEnabled(usable)
            if not usable:
                self.remember.setToolTip(_("This laptop has no password store FieldGroup can use; it will ask at each start."))
            self._show_remembered()
        super().showEvent(event)

    def _show_remembered(self) -> None:
        self.remember.blockSignals(True)
        self.remember.setChecked(keychain.remembered(self.store.path) is not None)
        self.remember.blockSignals(False)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.edit.text()))

    def suggest(self) -> None:
        self.edit.setText(keys.generate())
        self.field.set_shown(True)
        self._update_buttons()

    def save(self) -> None:
        value = self.edit.text()
        problem = keys.weakness(value) if value else _("Type the new passphrase first.")
        if problem:
            self.status.setText(problem)
            return
        try:
            review.set_passphrase(self.store, value)
        except FieldGroupError as exc:
            self.status.setText(str(exc))
            return
        if self.remember.isChecked():
            keychain.remember(self.store.path, keys.Passphrase(value))
        self.edit.clear()
        self.refresh()
        self.status.setText(_("Passphrase saved; tell your colleagues the same passphrase in person, never by e-mail."))
        self.changed.emit()

    def _remember_changed(self, on: bool) -> None:
        passphrase = self.store.passphrase
        if on and passphrase is not None:
            if not keychain.remember(self.store.path, passphrase):
                self.status.setText(_("The system's password store refused to keep it; FieldGroup will ask at each start."))
        elif not on:
            keychain.forget(self.store.path)
