"""Table model of organisations: name, pillar, kind, region and how many people belong to each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fieldgroup.core.entities import Organisation
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.formatting import format_number
from fieldgroup.i18n import N_

HEADERS = (N_("Organisation"), N_("Pillar"), N_("Kind"), N_("Region"), N_("People"))
NAME, PILLAR, KIND, REGION, PEOPLE = range(5)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class OrganisationsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Organisation] = []
        self._people: dict[str, int] = {}

    def set_rows(self, rows: list[Organisation], people_counts: dict[str, int] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._people = dict(people_counts or {})
        self.endResetModel()

    def row_at(self, row: int) -> Organisation:
        return self._rows[row]

    def row_of(self, organisation_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), None)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        org, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == NAME:
                return org.name
            if column == PILLAR:
                return str(PILLAR_LABELS.get(org.pillar, org.pillar))
            if column == KIND:
                return org.kind or ""
            if column == REGION:
                return org.region or ""
            return format_number(self._people.get(org.id, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return org
        return None
