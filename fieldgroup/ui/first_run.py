"""First run, with no store on this laptop yet: the welcome dialog's choice turned into an open store."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from fieldgroup import keychain, private_files
from fieldgroup.core import is_encrypted_store, keys  # both light: the store API is imported on first use
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _, current_locale
from fieldgroup.ui import settings

if TYPE_CHECKING:
    from fieldgroup.core import Store
    from fieldgroup.ui.dialogs.welcome_dialog import WelcomeChoice

log = logging.getLogger(__name__)


def store_from_choice(choice: WelcomeChoice, default_path: Path, parent: QWidget | None = None) -> Store:
    """Create, open, restore or join as chosen; raises FieldGroupError (one sentence) when that fails."""
    if choice.kind == "open" and choice.path is not None:
        store = open_unlocked(choice.path, parent)
        if store is None:
            raise FieldGroupError(_("The store was not opened; choose again or type its passphrase."))
        settings.set_value(settings.LAST_STORE, str(choice.path))  # next time, straight to it
        return store
    private_files.private_dir(default_path.parent)
    if choice.kind == "restore" and choice.path is not None:
        from fieldgroup.core import backups

        backups.restore_backup(choice.path, default_path)
        store = open_unlocked(default_path, parent)
        if store is None:
            raise FieldGroupError(_("The restored store was not opened; type its passphrase to open it."))
        return store
    if choice.kind == "join" and choice.path is not None:
        # The joined store is encrypted with the bundle's passphrase, the group's (join_from_bundle).
        from fieldgroup.sync.join import join_from_bundle  # joining is rare: start-up does not pay for sync

        store, _report = join_from_bundle(default_path, choice.path, ask_passphrase=lambda: _ask_passphrase(parent))
        return store
    from fieldgroup.core import create_store

    passphrase = keys.Passphrase(choice.passphrase) if choice.passphrase else None
    store = create_store(default_path, passphrase=passphrase)
    try:
        store.groups.create(name=choice.name, country=choice.country or None, language=choice.language)
        settings.set_value(settings.LANGUAGE, choice.language)
        if choice.remember and passphrase is not None:
            keychain.remember(default_path, passphrase)
    except BaseException:
        store.close()
        for leftover in default_path.parent.glob(default_path.name + "*"):
            leftover.unlink(missing_ok=True)  # no half-made store is left to open next time
        raise
    return store


def _ask_passphrase(parent: QWidget | None) -> str | None:
    text, ok = QInputDialog.getText(parent, _("Group passphrase"),
                                    _("This bundle is locked with the group passphrase; type it:"),
                                    QLineEdit.EchoMode.Password)
    return text if ok else None


def open_unlocked(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open a store; an encrypted one with the passphrase remembered on this laptop, else asked for
    until it is right. None when the person cancels."""
    from fieldgroup.ui.opening import open_with_progress

    try:
        return open_with_progress(path, parent)  # with the key prefetch_key derived while the app started, if any
    except (keys.LockedStoreError, keys.WrongPassphraseError):
        pass  # no passphrase of this run opens it (another group's store, or one changed meanwhile)
    error = ""
    # For scripts and kiosks, as on the command line: the file FIELDGROUP_PASSPHRASE_FILE names.
    remembered = _quietly(keys.from_environment) or keychain.remembered(path)
    if remembered is not None:
        try:
            return open_with_progress(path, parent, passphrase=remembered)
        except keys.WrongPassphraseError:
            error = _("The passphrase remembered on this laptop no longer opens this record (it was changed); "
                      "type the new one.")
    from fieldgroup.ui.dialogs.unlock_dialog import UnlockDialog  # only when the passphrase must be asked

    while True:
        dialog = UnlockDialog(path, parent, error)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.passphrase is None:
            return None
        try:
            store = open_with_progress(path, parent, passphrase=dialog.passphrase)
        except keys.WrongPassphraseError as exc:
            error = str(exc)
            continue
        if dialog.remember.isChecked():
            keychain.remember(path, dialog.passphrase)
        return store


def welcome(default_path: Path, parent: QWidget | None = None) -> Store | None:
    """Ask what to do; the open store, or None when the person closed the dialog."""
    from fieldgroup.ui.dialogs.welcome_dialog import WelcomeDialog  # only a first run pays for it

    dialog = WelcomeDialog(parent, language=current_locale())
    while dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice is not None:
        try:
            return store_from_choice(dialog.choice, default_path, parent)
        except FieldGroupError as exc:
            dialog.error.setText(str(exc))  # shown in the dialog, which stays for another try
    return None


def open_unlocked_or_refuse(path: Path, parent: QWidget | None = None) -> Store:
    """open_unlocked for File ▸ Open: cancelling the passphrase is a sentence, not a window."""
    store = open_unlocked(path, parent)
    if store is None:
        raise FieldGroupError(_("The store was not opened; choose again or type its passphrase."))
    return store


def create_encrypted(path: Path, parent: QWidget | None = None) -> Store:
    """File ▸ New store: a new store is encrypted from its creation, with a passphrase chosen here."""
    from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

    from fieldgroup.ui.widgets.passphrase_box import PassphraseField

    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Group passphrase"))
    layout = QVBoxLayout(dialog)
    why = QLabel(_("The new store is encrypted with a group passphrase; write it down, because nothing can be "
                   "recovered without it."), dialog)
    why.setWordWrap(True)
    layout.addWidget(why)
    field = PassphraseField(dialog, new=True)
    field.setText(keys.generate())
    field.set_shown(True)
    layout.addWidget(field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise FieldGroupError(_("No store was created."))
    problem = keys.weakness(field.text())
    if problem:
        raise FieldGroupError(problem)
    from fieldgroup.core import create_store

    return create_store(path, passphrase=keys.Passphrase(field.text()))


def prefetch_key(path: Path | None) -> None:
    """At start, before the window is built: find the passphrase of the store about to open (a file
    named by FIELDGROUP_PASSPHRASE_FILE, or the credential store) and derive its key meanwhile."""
    if path is None or not is_encrypted_store(path):
        return
    with path.open("rb") as handle:
        salt = handle.read(keys.SALT_BYTES)
    keys.prefetch(salt, lambda: _quietly(keys.from_environment) or keychain.remembered(path))


def _quietly(find):  # noqa: ANN001, ANN202 — a bad passphrase file is reported by the open that follows
    try:
        return find()
    except keys.PassphraseError:
        return None
