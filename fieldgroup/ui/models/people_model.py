"""Table model of people: name, organisation, pillar, gender, protected (icon and text), focal point, contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldgroup.core.choices import GENDER, GROUP_ROLE
from fieldgroup.core.mentions import shown_name
from fieldgroup.core.repositories import PersonRow
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.i18n import N_, _
from fieldgroup.ui.models.table_model import Index, ObjectTableModel
from fieldgroup.ui.widgets import presentation
from fieldgroup.ui.widgets.markers import shield_icon
from fieldgroup.ui.widgets.screen_text import shown

GENDER_LABELS = GENDER.labels()
HEADERS = (N_("Name"), N_("Organisation"), N_("Pillar"), N_("Gender"), N_("Protected"), GROUP_ROLE["focal_point"].label,
           N_("Role"), N_("Email"), N_("Phone"))
NAME, ORGANISATION, PILLAR, GENDER, PROTECTED, FOCAL, ROLE, EMAIL, PHONE = range(9)


# Plain ints: data() runs for every role of every painted cell, and Qt enum members are slow to read.
_DISPLAY, _ACCESSIBLE, _DECORATION, _TOOLTIP, _USER = (int(r.value) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))


class PeopleModel(ObjectTableModel[PersonRow]):
    """Sorts itself (in Python, once per click or load): a sorting proxy asked Qt for ~36,000 cells
    to order 3,000 people, ~0.5 s of the GUI thread on each load (bench/README.md)."""

    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)
        presentation.state().changed.connect(self._presentation_changed)

    def _presentation_changed(self, _on: bool) -> None:
        """Re-sort by what the rows now show, at once: a placeholder left at the name's alphabetical place
        ("Mensah" between "Meng" and "Mesa") tells the audience who it is. Searches match the new text too."""
        if self.sorted_by is not None:
            self.sort(*self.sorted_by)
        self._search = None
        self._cache.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def sort_key(self, column: int):  # noqa: ANN201 (a key function)
        # Ties go by the name as shown, and masked people among themselves by id: never by the hidden name.
        def key(person: PersonRow) -> tuple[str, str, str]:
            masked = person.protected and presentation.state().on
            return self._text(person, column).casefold(), self._text(person, NAME).casefold(), person.id if masked else ""

        return key

    def row_text(self, item: PersonRow) -> str:
        return " ".join(self._text(item, column) for column in range(len(HEADERS)))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()
        if row < 0 or row >= len(self.rows):
            return None
        person, column = self.rows[row], index.column()
        if role == _DISPLAY or role == _ACCESSIBLE:
            return self._text(person, column)
        if role == _DECORATION and person.protected and column in (NAME, PROTECTED):
            return shield_icon()
        if role == _TOOLTIP and person.protected:
            return _("Protected person: the name is never printed or shared unless you ask for it.")
        if role == _USER:
            return person
        return None

    @staticmethod
    def _text(person: PersonRow, column: int) -> str:
        if column == NAME:  # the placeholder in presentation mode, contacts blank: the screen may be projected
            return shown_name(person.name, person.pillar, person.protected, presentation.state().on)
        if column in (EMAIL, PHONE) and person.protected and presentation.state().on:
            return ""
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
        # Converted fields may hold mentions: names on screen, the placeholder when presenting.
        return shown({ROLE: person.role, EMAIL: person.email, PHONE: person.phone}.get(column) or "")
