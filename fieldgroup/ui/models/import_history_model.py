"""Table model of the import history: when, which file, from which laptop, and what it brought."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from fieldgroup.formatting import format_datetime, format_number
from fieldgroup.i18n import N_
from fieldgroup.sync.review import HistoryEntry
from fieldgroup.ui.models.table_model import Index, ObjectTableModel

HEADERS = (N_("When"), N_("File"), N_("From laptop"), N_("New"), N_("Updated"), N_("Deleted"), N_("Conflicts"))
WHEN, FILE, LAPTOP, NEW, UPDATED, DELETED, CONFLICTS = range(7)
COUNT_KEYS = {NEW: "new", UPDATED: "updated", DELETED: "deleted", CONFLICTS: "conflicts"}


def local_time(moment: datetime | None) -> datetime | None:
    """Stored times are UTC; people read their own wall clock."""
    return moment.astimezone().replace(tzinfo=None) if moment and moment.tzinfo else moment


class ImportHistoryModel(ObjectTableModel[HistoryEntry]):
    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == WHEN:
                return format_datetime(local_time(entry.imported_at))
            if column == FILE:
                return entry.file_name
            if column == LAPTOP:
                return entry.sender_name or entry.sender_device
            return format_number(int(entry.counts.get(COUNT_KEYS[column], 0)))
        if role == Qt.ItemDataRole.ToolTipRole and entry.note:
            return entry.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_KEYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
