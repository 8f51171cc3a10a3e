"""First run, with no store on this laptop yet: the welcome dialog's choice turned into an open store."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from fieldgroup.core import Store, create_store, open_store
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _, current_locale
from fieldgroup.sync.join import join_from_bundle
from fieldgroup.ui import settings
from fieldgroup.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog

log = logging.getLogger(__name__)


def store_from_choice(choice: WelcomeChoice, default_path: Path, parent: QWidget | None = None) -> Store:
    """Create, open, restore or join as chosen; raises FieldGroupError (one sentence) when that fails."""
    if choice.kind == "open" and choice.path is not None:
        store = open_store(choice.path)
        settings.set_value(settings.LAST_STORE, str(choice.path))  # next time, straight to it
        return store
    default_path.parent.mkdir(parents=True, exist_ok=True)
    if choice.kind == "restore" and choice.path is not None:
        from fieldgroup.core import backups

        backups.restore_backup(choice.path, default_path)
        return open_store(default_path)
    if choice.kind == "join" and choice.path is not None:
        store, _report = join_from_bundle(default_path, choice.path, ask_passphrase=lambda: _ask_passphrase(parent))
        return store
    store = create_store(default_path)
    try:
        store.groups.create(name=choice.name, country=choice.country or None, language=choice.language)
        settings.set_value(settings.LANGUAGE, choice.language)
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


def welcome(default_path: Path, parent: QWidget | None = None) -> Store | None:
    """Ask what to do; the open store, or None when the person closed the dialog."""
    dialog = WelcomeDialog(parent, language=current_locale())
    while dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice is not None:
        try:
            return store_from_choice(dialog.choice, default_path, parent)
        except FieldGroupError as exc:
            dialog.error.setText(str(exc))  # shown in the dialog, which stays for another try
    return None
