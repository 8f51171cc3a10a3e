"""Table model of people: name, organisation, pillar, gender, protected (icon and text), focal point, contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldgroup.core.choices import GENDER, GROUP_ROLE
from fieldgroup.core.repositories import PersonRow
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.i18n import N_, _
from fieldgroup.ui.models.table_model import Index, ObjectTableModel
from fieldgroup.ui.widgets.markers import shield_icon

GENDER_LABELS = GENDER.labels()
HEADERS = (N_("Name"), N_("Organisation"), N_("Pillar"), N_("Gender"), N_("Protected"), GROUP_ROLE["focal_point"].label,
           N_("Role"), N_("Email"), N_("Phone"))
NAME, ORGANISATION, PILLAR, GENDER, PROTECTED, FOCAL, ROLE, EMAIL, PHONE = range(9)


class PeopleModel(ObjectTableModel[PersonRow]):
    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(person, column)
        if role == Qt.ItemDataRole.DecorationRole and person.protected and column in (NAME, PROTECTED):
            return shield_icon()
        if role == Qt.ItemDataRole.ToolTipRole and person.protected:
            return _("Protected person: the name is never printed or shared unless you ask for it.")
        if role == Qt.ItemDataRole.UserRole:
            return person
        return None

    @staticmethod
    def _text(person: PersonRow, column: int) -> str:
        if column == NAME:
            return person.name
        if column == ORGANISATION:
            return person.organisation_name
        if column == PILLAR:
            return str(PILLAR_LABELS.get(person.pillar, person.pillar))
        if column == GENDER:
            return str(GENDER_LABELS[person.gender]) if person.gender else _("not recorded")
        if column == PROTECTED:
            return _("Protected") if person.protected else ""
        if column == FOCAL:
            return _("Focal point") if person.focal_point else ""
        return {ROLE: person.role, EMAIL: person.email, PHONE: person.phone}.get(column) or ""
