"""Help ▸ Restore from backup: the store's backups by date with record counts; returns the one chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.backups import BackupInfo, list_backups
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _


def format_size(size: int) -> str:
    if size >= 1_000_000:
        return _("{n} MB").format(n=format_number(size / 1_000_000, 1))
    return _("{n} KB").format(n=format_number(max(1, round(size / 1000))))


class RestoreDialog(QDialog):
    """Lists the backups of `store_path`, newest first. After exec() == Accepted, `chosen` is the backup.

    The dialog only chooses: the caller closes the store, calls
    `fieldgroup.core.backups.restore_backup(dialog.chosen, store_path)` and opens the store again."""

    def __init__(self, store_path: Path, parent: QWidget | None = None, backups: list[BackupInfo] | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.backups = list_backups(store_path) if backups is None else backups
        self.chosen: BackupInfo | None = None
        intro = QLabel(
            _("Choose the backup to go back to. Your current record is saved as one more backup first, "
              "so nothing is lost; sync with your colleagues afterwards to get back their newer changes."),
            self,
        )
        intro.setWordWrap(True)
        self.table = self._table()
        self.empty = QLabel(_("There are no backups of this store yet; File ▸ Back up now makes one."), self)
        self.empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.empty, self.buttons):
            layout.addWidget(widget)
        self.resize(720, 420)
        if self.backups:
            self.table.selectRow(self._first_usable())

    def _table(self) -> QTableWidget:
        headers = [_("When"), _("Kind"), _("Records"), _("Size"), _("Note")]
        table = QTableWidget(len(self.backups), len(headers), self)
        table.setAccessibleName(_("Backups"))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, info in enumerate(self.backups):
            cells = (info.label, info.reason_label, "" if info.counts is None else format_number(info.records),
                     format_size(info.size), info.problem or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda _index: self.restore_button.isEnabled() and self.accept())
        return table

    def _first_usable(self) -> int:
        return next((row for row, info in enumerate(self.backups) if info.problem is None), 0)

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        info = self.backups[rows.pop()] if rows else None
        self.chosen = info if info is not None and info.problem is None else None
        self.restore_button.setEnabled(self.chosen is not None)
