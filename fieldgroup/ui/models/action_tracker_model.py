"""The action tracker's table model: 100,000 rows loaded once, filtered and sorted on precomputed keys."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from fieldgroup.core.repositories import TrackerRow
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.formatting import format_date
from fieldgroup.i18n import N_, _
from fieldgroup.ui.widgets.markers import shield_icon, warning_icon

STATUS_LABELS = {"open": N_("Open"), "in_progress": N_("In progress"), "done": N_("Done"), "dropped": N_("Dropped")}
OPEN = frozenset({"open", "in_progress"})

TITLE, OWNER, ORGANISATION, PILLAR, DUE, STATUS, MEETING = range(7)
HEADERS = (N_("Title"), N_("Owner"), N_("Organisation"), N_("Pillar"), N_("Due"), N_("Status"), N_("Meeting"))

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


@dataclass(frozen=True)
class TrackerFilter:
    """What the tracker shows; None means 'any'. Dates are ISO text so they compare as strings, fast."""

    statuses: frozenset[str] | None = OPEN
    pillar: str | None = None
    organisation_id: str | None = None
    owner_id: str | None = None
    overdue_only: bool = False
    due_from: str | None = None
    due_to: str | None = None
    text: str = ""

    def words(self) -> list[str]:
        return self.text.lower().split()

    def same_except_text(self, other: TrackerFilter) -> bool:
        return replace(self, text="") == replace(other, text="")


class ActionTrackerModel(QAbstractTableModel):
    """Holds every row once; a filter or sort only rebuilds a list of row numbers."""

    status_edited = Signal(str, str)  # (action id, new status): the page writes it through the API

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[TrackerRow] = []
        self._keys: list[str] = []
        self._due: list[str] = []
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows that pass the filter, in sort order
        self._filter = TrackerFilter()
        self._sort: tuple[int, Qt.SortOrder] = (DUE, Qt.SortOrder.AscendingOrder)
        self.today = date.today().isoformat()

    # ---- loading ----

    def set_rows(self, rows: list[TrackerRow], today: date | None = None, filter: TrackerFilter | None = None) -> None:
        self.beginResetModel()
        if filter is not None:
            self._filter = filter
        if today is not None:
            self.today = today.isoformat()
        self._rows = list(rows)
        self._keys = [self._key(r) for r in self._rows]
        self._due = [r.due_date.isoformat() if r.due_date else "" for r in self._rows]
        self._order = self._sorted_order(*self._sort)
        self._visible = self._apply(self._filter, self._order)
        self.endResetModel()

    def update_rows(self, rows: list[TrackerRow]) -> None:
        """Replace these rows (after an edit) in place, then filter again so a closed item leaves the open view."""
        position = {r.id: i for i, r in enumerate(self._rows)}
        for row in rows:
            i = position.get(row.id)
            if i is None:
                continue
            self._rows[i], self._keys[i] = row, self._key(row)
            self._due[i] = row.due_date.isoformat() if row.due_date else ""
        self.beginResetModel()
        self._visible = self._apply(self._filter, self._order)
        self.endResetModel()

    @staticmethod
    def _key(row: TrackerRow) -> str:
        return " ".join(filter(None, (row.title, row.owner_name, row.organisation_name))).lower()

    # ---- filtering ----

    def set_filter(self, new: TrackerFilter) -> None:
        old = self._filter
        self._filter = new
        # Typing more letters only narrows, so only the rows still shown need testing again.
        narrowing = new.same_except_text(old) and new.text.lower().startswith(old.text.lower())
        source = self._visible if narrowing else self._order
        self.beginResetModel()
        self._visible = self._apply(new, source)
        self.endResetModel()

    def _apply(self, f: TrackerFilter, source: list[int]) -> list[int]:
        rows, keys, due, today = self._rows, self._keys, self._due, self.today
        result = source
        if f.statuses is not None:
            result = [i for i in result if rows[i].status in f.statuses]
        if f.pillar:
            result = [i for i in result if rows[i].pillar == f.pillar]
        if f.organisation_id:
            result = [i for i in result if rows[i].organisation_id == f.organisation_id]
        if f.owner_id:
            result = [i for i in result if rows[i].owner_person_id == f.owner_id]
        if f.overdue_only:
            result = [i for i in result if rows[i].status in OPEN and due[i] and due[i] < today]
        if f.due_from:
            result = [i for i in result if due[i] and due[i] >= f.due_from]
        if f.due_to:
            result = [i for i in result if due[i] and due[i] <= f.due_to]
        for word in f.words():
            result = [i for i in result if word in keys[i]]
        return list(result) if result is source else result

    @property
    def filter(self) -> TrackerFilter:
        return self._filter

    def total(self) -> int:
        return len(self._rows)

    # ---- sorting ----

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._order = self._sorted_order(column, order)
        self._visible = self._apply(self._filter, self._order)
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = self._rows
        getters = {
            TITLE: lambda i: rows[i].title.lower(),
            OWNER: lambda i: (rows[i].owner_name or "").lower(),
            ORGANISATION: lambda i: (rows[i].organisation_name or "").lower(),
            PILLAR: lambda i: rows[i].pillar or "",
            DUE: lambda i: self._due[i] or "9999",
            STATUS: lambda i: rows[i].status,
            MEETING: lambda i: rows[i].meeting_date.isoformat() if rows[i].meeting_date else "",
        }
        return sorted(range(len(rows)), key=getters.get(column, getters[DUE]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    # ---- Qt model interface ----

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(HEADERS[section])
        return None

    def row_at(self, row: int) -> TrackerRow:
        return self._rows[self._visible[row]]

    def row_of(self, action_id: str) -> int | None:
        for position, i in enumerate(self._visible):
            if self._rows[i].id == action_id:
                return position
        return None

    def is_overdue(self, row: TrackerRow) -> bool:
        return row.status in OPEN and row.due_date is not None and row.due_date.isoformat() < self.today

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == STATUS else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.row_at(index.row()), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == STATUS:
            return row.status
        if role == Qt.ItemDataRole.DecorationRole:
            if column == OWNER and row.owner_protected:
                return shield_icon()
            if column == DUE and self.is_overdue(row):
                return warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == OWNER and row.owner_protected:
                return _("Protected person: the name is never printed or shared unless you ask for it.")
            if column == DUE and self.is_overdue(row):
                return _("Overdue: still not done after its due date.")
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: TrackerRow, column: int) -> str:
        if column == TITLE:
            return row.title
        if column == OWNER:
            name = row.owner_name or ""
            return _("{name} (protected)").format(name=name) if row.owner_protected else name
        if column == ORGANISATION:
            return row.organisation_name or ""
        if column == PILLAR:
            return str(PILLAR_LABELS[row.pillar]) if row.pillar else ""
        if column == DUE:
            text = format_date(row.due_date)
            return _("{date} · overdue").format(date=text) if self.is_overdue(row) else text
        if column == STATUS:
            return str(STATUS_LABELS.get(row.status, row.status))
        if column == MEETING:
            return format_date(row.meeting_date)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != STATUS or value == self.row_at(index.row()).status:
            return False
        self.status_edited.emit(self.row_at(index.row()).id, value)
        return True
