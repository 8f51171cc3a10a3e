"""Before a protected person is deleted: what erasure will scrub, that it cannot be undone, what it cannot reach."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from fieldgroup.core import erasure
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext


class ErasureConfirmDialog(QDialog):
    """Lists the places that will be scrubbed; the Erase button is not the default."""

    def __init__(self, store, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Erase a protected person"))
        found = erasure.preview(store, person_id)
        intro = QLabel(_("Erasing removes this person and scrubs every trace of their name. "
                         "It cannot be undone, on this laptop or on your colleagues' laptops after the next sync."), self)
        intro.setWordWrap(True)
        self.places = QListWidget(self)
        for kind, field_label, n in found.fields:
            self.places.addItem(ngettext("{kind} · {field}: {n} record", "{kind} · {field}: {n} records", n)
                                .format(kind=kind[:1].upper() + kind[1:], field=field_label, n=format_number(n)))
        if found.local_rows:
            self.places.addItem(ngettext("Conflicts, import history, drafts and settings: {n} entry",
                                         "Conflicts, import history, drafts and settings: {n} entries",
                                         found.local_rows).format(n=format_number(found.local_rows)))
        self.places.addItem(ngettext("{n} backup on this laptop is rewritten without them",
                                     "{n} backups on this laptop are rewritten without them", found.backups)
                            .format(n=format_number(found.backups)))
        elsewhere = QLabel(_("FieldGroup cannot reach copies elsewhere: backups on USB sticks, your colleagues' "
                             "own backups, printed internal copies and photos. Ask whoever holds them to delete them."), self)
        elsewhere.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(_("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.places, elsewhere, buttons):
            layout.addWidget(widget)
        self.resize(560, 420)


def confirm_erasure(store, person_id: str, parent: QWidget | None = None) -> bool:
    return ErasureConfirmDialog(store, person_id, parent).exec() == QDialog.DialogCode.Accepted


def show_unreached(store, parent: QWidget | None = None) -> None:
    """After an erasure: the backups that still hold the name (a stick that is gone, a read-only file), and what to do."""
    from PySide6.QtWidgets import QMessageBox

    from fieldgroup.core import erasure_backups

    unreached = erasure_backups.unreached(store)
    if not unreached:
        return
    lines = [erasure_backups.advice(path, why) for path, why in unreached.items()]
    box = QMessageBox(QMessageBox.Icon.Warning, _("Backups still hold the name"),
                      ngettext("The person is erased here, but {n} backup could not be rewritten.",
                               "The person is erased here, but {n} backups could not be rewritten.",
                               len(lines)).format(n=len(lines)), QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n\n".join(lines))
    box.exec()
