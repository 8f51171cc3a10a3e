"""Table model of the laptops this one has heard of: name, device id and the last bundle received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from fieldgroup.formatting import format_datetime
from fieldgroup.i18n import N_, _
from fieldgroup.ui.models.import_history_model import local_time
from fieldgroup.ui.models.table_model import Index, ObjectTableModel

HEADERS = (N_("Laptop"), N_("Device id"), N_("Last bundle received"))
NAME, DEVICE, LAST = range(3)


@dataclass(frozen=True, slots=True)
class Laptop:
    device: str
    name: str
    this_laptop: bool
    last_import: datetime | None


class LaptopsModel(ObjectTableModel[Laptop]):
    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        laptop, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == NAME:
                return _("{name} (this laptop)").format(name=laptop.name) if laptop.this_laptop else laptop.name
            if column == DEVICE:
                return laptop.device
            if laptop.this_laptop:
                return ""
            return format_datetime(local_time(laptop.last_import)) if laptop.last_import else _("never")
        return None
