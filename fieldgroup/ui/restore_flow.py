"""Help ▸ Restore from backup: choose a backup, confirm, swap it in (the current store kept), reopen."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from fieldgroup.core import FieldGroupError, backups, open_store
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.restore_dialog import RestoreDialog


def restore_from_backup(window) -> None:
    """`window` is the MainWindow; it is replaced by a window on the restored store."""
    page = window.stack.currentWidget()
    if hasattr(page, "can_leave") and not page.can_leave():
        return
    path = window.ctx.store.path
    dialog = RestoreDialog(path, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    answer = QMessageBox.question(
        window, _("Restore from backup"),
        _("Replace the store with the backup of {date}? The store as it is now is kept as a backup first, "
          "so nothing is lost.").format(date=dialog.chosen.label))
    if answer != QMessageBox.StandardButton.Yes:
        return
    QThreadPool.globalInstance().waitForDone(10_000)  # background readers let go of the file first
    window.ctx.store.close()
    try:
        backups.restore_backup(dialog.chosen, path)
    except FieldGroupError as exc:
        QMessageBox.warning(window, _("Restore from backup"), str(exc))
    window._switch_to(lambda: open_store(path))
