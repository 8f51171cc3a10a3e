"""The action tracker's table model: 100,000 rows loaded once, filtered and sorted on precomputed keys."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from fieldgroup.core.choices import ACTION_STATUS
from fieldgroup.core.repositories import TrackerRow
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.formatting import format_date
from fieldgroup.i18n import N_, _
from fieldgroup.ui.widgets.markers import shield_icon, warning_icon
from fieldgroup.ui.widgets.screen_text import shown

STATUS_LABELS = ACTION_STATUS.labels()
OPEN = frozenset({"open", "in_progress"})

TITLE, OWNER, ORGANISATION, PILLAR, DUE, STATUS, MEETING = range(7)
HEADERS = (N_("Title"), N_("Owner"), N_("Organisation"), N_("Pillar"), N_("Due"), N_("Status"), N_("Meeting"))

Index = QModelIndex | QPersistentModelIndex
# Plain ints: data() runs ~1,000 times per paint, and reading a Qt enum member costs more than the answer.
_DISPLAY, _ACCESSIBLE, _EDIT, _DECORATION, _TOOLTIP, _USER = (int(r.value) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _EDIT, _DECORATION, _TOOLTIP, _USER})
TEXT_CACHE_ROWS = 5000  # the texts of rows painted lately (a screenful is ~30), kept across filter changes
ROOT = QModelIndex()
_PLAIN = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable


# What install() swaps in from a prepared load.
_INSTALLED = ("_filter", "today", "_rows", "_row_keys", "_index", "_order", "_all", "_keys", "_status", "_pillar",
              "_org", "_owner", "_due", "_due_hi", "_open_due", "_position", "_visible")


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
        self._row_keys: list[str] = []
        self._order: list[int] = []  # row numbers in the current sort order
        self._visible: list[int] = []  # positions in that order that pass the filter, ascending
        self._filter = TrackerFilter()
        self._sort: tuple[int, Qt.SortOrder] = (DUE, Qt.SortOrder.AscendingOrder)
        self._cache: dict[TrackerFilter, list[int]] = {}
        self.today = date.today().isoformat()
        self._date_cache: dict[date | None, str] = {}
        self._index: dict[str, int] = {}  # action id -> row number in _rows
        self._texts: dict[int, tuple[str, ...]] = {}  # row number -> the texts of its columns
        self.retired: list[Any] = []  # data replaced by install(), for free_later()
        self._columns()

    # ---- loading ----

    def set_rows(self, rows: list[TrackerRow], today: date | None = None, filter: TrackerFilter | None = None) -> None:
        self.install(self.prepare(rows, today, filter))

    def prepare(self, rows: list[TrackerRow], today: date | None = None, filter: TrackerFilter | None = None) -> SimpleNamespace:
        """Everything set_rows() works out (keys, sort order, filter columns, the filtered rows), in a
        detached copy: pure Python, so a background thread can do it and `install()` only swaps it in."""
        ready = SimpleNamespace()  # a plain holder: the model's own (pure Python) steps run on it
        ready._filter = filter if filter is not None else self._filter
        ready._sort = self._sort
        ready.today = today.isoformat() if today is not None else self.today
        ready._rows = list(rows)
        ready._row_keys = [self._key(r) for r in ready._rows]
        ready._index = {r.id: i for i, r in enumerate(ready._rows)}
        ready._order = ActionTrackerModel._sorted_order(ready, *ready._sort)
        ActionTrackerModel._columns(ready)
        ready._visible = ActionTrackerModel._apply(ready, ready._filter, ready._all)
        return ready

    def install(self, ready: SimpleNamespace) -> None:
        """Swap prepared rows in. The old 100,000 rows are handed back (`retired`) instead of freed here:
        freeing them took ~0.2 s of the GUI thread (bench/README.md); `free_later()` frees them in slices."""
        self.beginResetModel()
        for name in _INSTALLED:
            self.retired.append(getattr(self, name))
            setattr(self, name, getattr(ready, name))
        self.retired.append(self._cache)
        self._cache = {}
        self._texts = {}
        self._date_cache.clear()
        self.endResetModel()

    def free_later(self) -> list[Any]:
        """Take the data replaced by install(), to be dropped off the GUI thread (see ui/ops.py)."""
        retired, self.retired = self.retired, []
        return retired

    def _columns(self) -> None:
        """One plain list per filtered field, laid out in sort order: filters then walk memory in order,
        which is several times faster than jumping around 100,000 rows."""
        rows, order = self._rows, self._order
        in_order = [rows[i] for i in order]
        self._all = list(range(len(order)))
        self._keys = [self._row_keys[i] for i in order]
        self._status = [r.status for r in in_order]
        self._pillar = [r.pillar for r in in_order]
        self._org = [r.organisation_id for r in in_order]
        self._owner = [r.owner_person_id for r in in_order]
        # A missing date is "" for "due from" and "~" (after every digit) for "due until" and overdue.
        self._due = [r.due_date.isoformat() if r.due_date else "" for r in in_order]
        self._due_hi = [d or "~" for d in self._due]
        self._open_due = [d if s in OPEN else "~" for d, s in zip(self._due_hi, self._status, strict=True)]
        self._position = {row: p for p, row in enumerate(order)}
        self._cache = {}

    def update_rows(self, rows: list[TrackerRow]) -> None:
        """Replace these rows (after an edit) in place, then filter them again so a closed item leaves the
        open view. Only the changed rows are looked at: marking 100 done must not walk 100,000 rows."""
        changed: list[int] = []
        for row in rows:
            i = self._index.get(row.id)
            if i is None:
                continue
            self._texts.pop(i, None)
            self._rows[i], self._row_keys[i] = row, self._key(row)
            p = self._position[i]  # its place in the filter columns: only that place changes
            due = row.due_date.isoformat() if row.due_date else ""
            self._keys[p], self._status[p], self._pillar[p] = self._row_keys[i], row.status, row.pillar
            self._org[p], self._owner[p], self._due[p], self._due_hi[p] = (
                row.organisation_id, row.owner_person_id, due, due or "~")
            self._open_due[p] = (due or "~") if row.status in OPEN else "~"
            changed.append(p)
        self._cache = {}
        if not changed:
            return
        passing = set(self._apply(self._filter, sorted(changed)))
        before = set(self._visible)
        if all((p in passing) == (p in before) for p in changed):  # nothing joins or leaves the view:
            shown = [bisect_left(self._visible, p) for p in changed if p in passing]  # repaint those rows only
            if shown:
                self.dataChanged.emit(self.index(min(shown), 0), self.index(max(shown), len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._visible = sorted((before - set(changed)) | passing)
        self.endResetModel()

    @staticmethod
    def _key(row: TrackerRow) -> str:
        return " ".join(filter(None, (row.title, row.owner_name, row.organisation_name))).lower()

    # ---- filtering ----

    def set_filter(self, new: TrackerFilter) -> None:
        old = self._filter
        self._filter = new
        self._cache[old] = self._visible
        if len(self._cache) > 64:  # a few recent filters, so backspace is instant
            self._cache.pop(next(iter(self._cache)))
        cached = self._cache.get(new)
        if cached is None:
            # Typing more letters only narrows, so only the rows still shown need testing again.
            narrowing = new.same_except_text(old) and new.text.lower().startswith(old.text.lower())
            cached = self._apply(new, self._visible if narrowing else self._all)
        self.beginResetModel()
        self._visible = cached
        self.endResetModel()

    def _apply(self, f: TrackerFilter, source: list[int]) -> list[int]:
        result = source
        if f.statuses is not None:
            column, wanted = self._status, f.statuses
            result = [p for p in result if column[p] in wanted]
        for column, value in ((self._pillar, f.pillar), (self._org, f.organisation_id), (self._owner, f.owner_id)):
            if value:
                result = [p for p in result if column[p] == value]
        if f.overdue_only:
            column, today = self._open_due, self.today
            result = [p for p in result if column[p] < today]
        if f.due_from:
            column, first = self._due, f.due_from
            result = [p for p in result if column[p] >= first]
        if f.due_to:
            column, last = self._due_hi, f.due_to
            result = [p for p in result if column[p] <= last]
        keys = self._keys
        for word in f.words():
            result = [p for p in result if word in keys[p]]
        return result if result is not source else list(source)

    @property
    def filter(self) -> TrackerFilter:
        return self._filter

    def total(self) -> int:
        return len(self._rows)

    # ---- sorting ----

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._texts = {}
        self.beginResetModel()
        self._order = self._sorted_order(column, order)
        self._columns()
        self._visible = self._apply(self._filter, self._all)
        self.endResetModel()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = self._rows
        getters = {
            TITLE: lambda i: rows[i].title.lower(),
            OWNER: lambda i: (rows[i].owner_name or "").lower(),
            ORGANISATION: lambda i: (rows[i].organisation_name or "").lower(),
            PILLAR: lambda i: rows[i].pillar or "",
            DUE: lambda i: rows[i].due_date.isoformat() if rows[i].due_date else "9999",
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
        return self._rows[self._order[self._visible[row]]]

    def row_of(self, action_id: str) -> int | None:
        i = self._index.get(action_id)
        if i is None:
            return None
        p = self._position[i]
        n = bisect_left(self._visible, p)  # _visible is ascending
        return n if n < len(self._visible) and self._visible[n] == p else None

    def is_overdue(self, row: TrackerRow) -> bool:
        return row.status in OPEN and row.due_date is not None and row.due_date.isoformat() < self.today

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if index.column() == STATUS else _PLAIN

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The view asks for a dozen roles per cell on every paint; answer the unused ones first and fast.
        if role not in _ROLES or not index.isValid():
            return None
        if role == _DISPLAY or role == _ACCESSIBLE:
            i = self._order[self._visible[index.row()]]
            texts = self._texts.get(i)
            if texts is None:
                if len(self._texts) > TEXT_CACHE_ROWS:
                    self._texts = {}
                row = self._rows[i]
                texts = self._texts[i] = tuple(self._text(row, c) for c in range(len(HEADERS)))
            return texts[index.column()]
        row, column = self.row_at(index.row()), index.column()
        if role == _EDIT and column == STATUS:
            return row.status
        if role == _DECORATION:
            if column == OWNER and row.owner_protected:
                return shield_icon()
            if column == DUE and self.is_overdue(row):
                return warning_icon()
        if role == _TOOLTIP:
            if column == OWNER and row.owner_protected:
                return _("Protected person: the name is never printed or shared unless you ask for it.")
            if column == DUE and self.is_overdue(row):
                return _("Overdue: still not done after its due date.")
        if role == _USER:
            return row
        return None

    def _text(self, row: TrackerRow, column: int) -> str:
        if column == TITLE:
            return shown(row.title)  # mentions as names; masked when presenting
        if column == OWNER:
            name = row.owner_name or ""
            return _("{name} (protected)").format(name=name) if row.owner_protected else name
        if column == ORGANISATION:
            return row.organisation_name or ""
        if column == PILLAR:
            return str(PILLAR_LABELS[row.pillar]) if row.pillar else ""
        if column == DUE:
            text = self._date_text(row.due_date)
            return _("{date} · overdue").format(date=text) if self.is_overdue(row) else text
        if column == STATUS:
            return str(STATUS_LABELS.get(row.status, row.status))
        if column == MEETING:
            return self._date_text(row.meeting_date)
        return ""

    def _date_text(self, day: date | None) -> str:
        # Babel formatting is slow next to painting; dates repeat a lot across 100,000 rows.
        text = self._date_cache.get(day)
        if text is None:
            text = self._date_cache[day] = format_date(day)
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != STATUS or value == self.row_at(index.row()).status:
            return False
        self.status_edited.emit(self.row_at(index.row()).id, value)
        return True
