"""Table model of organisations: name, pillar, kind, region and how many people belong to each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldgroup.core.entities import Organisation
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.formatting import format_number
from fieldgroup.i18n import N_
from fieldgroup.ui.models.table_model import Index, ObjectTableModel
from fieldgroup.ui.widgets.screen_text import shown

HEADERS = (N_("Organisation"), N_("Pillar"), N_("Kind"), N_("Region"), N_("People"))
NAME, PILLAR, KIND, REGION, PEOPLE = range(5)


class OrganisationsModel(ObjectTableModel[Organisation]):
    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)
        self._people: dict[str, int] = {}

    def set_rows(self, rows: list[Organisation], people_counts: dict[str, int] | None = None) -> None:
        self._people = dict(people_counts or {})
        super().set_rows(rows)

    def sort_key(self, column: int):  # noqa: ANN201 (a key function)
        if column == PEOPLE:
            return lambda org: self._people.get(org.id, 0)
        return lambda org: self._text(org, column).casefold()

    def row_text(self, item: Organisation) -> str:
        return " ".join(self._text(item, column) for column in range(len(HEADERS)))

    def _text(self, org: Organisation, column: int) -> str:
        if column == NAME:
            return org.name
        if column == PILLAR:
            return str(PILLAR_LABELS.get(org.pillar, org.pillar))
        if column == KIND:
            return org.kind or ""
        if column == REGION:
            return shown(org.region)  # may hold mentions
        return format_number(self._people.get(org.id, 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        org, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(org, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return org
        return None
