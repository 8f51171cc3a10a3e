"""View ▸ Protection check: every place a protected name is typed outside a mention, fixed in one click."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from fieldgroup.core import erasure_backups, protection_check
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext


class ProtectionCheckDialog(QDialog):
    """Lists the places (never the names: the screen may be projected) and turns them all into mentions."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Protection check"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.places = QListWidget(self)
        self.places.setAccessibleName(_("Places where a protected name is typed"))
        # Backups an erasure could not rewrite (a stick that is gone, a read-only file): which, and what to do.
        self.backups = QListWidget(self)
        self.backups.setAccessibleName(_("Backups that still hold an erased name"))
        self.backups.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.fix_button = self.buttons.addButton(_("Turn all into mentions"), QDialogButtonBox.ButtonRole.ActionRole)
        self.fix_button.clicked.connect(self.fix)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.backups)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self.load()

    def load(self) -> None:
        store = self.ctx.store
        if erasure_backups.unreached(store) and not store.read_only:
            erasure_backups.rewrite_backups(store)  # the stick may be back, the file writable again
        self.backups.clear()
        self.backups.addItems([erasure_backups.advice(p, why) for p, why in erasure_backups.unreached(store).items()])
        self.backups.setVisible(self.backups.count() > 0)
        self.findings = protection_check.find(store)
        self.places.clear()
        self.places.addItems([f.where for f in self.findings])
        self.fix_button.setEnabled(bool(self.findings))
        self.summary.setText(ngettext(
            "A protected person is named as plain text in {n} place. Printed copies hide it, but it is safer as a mention.",
            "A protected person is named as plain text in {n} places. Printed copies hide them, but they are safer as mentions.",
            len(self.findings)).format(n=format_number(len(self.findings))) if self.findings
            else _("No protected name is typed outside a mention."))

    def fix(self) -> None:
        protection_check.fix(self.ctx.store, self.findings)
        self.ctx.data_changed.emit("")
        self.load()


def protection_check_dialog(ctx, parent: QWidget | None = None) -> None:
    ProtectionCheckDialog(ctx, parent).exec()
