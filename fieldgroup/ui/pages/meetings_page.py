"""The Meetings page: a searchable list of the group's meetings beside the meeting editor."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.balance import STATUS_LABELS, Balance
from fieldgroup.formatting import format_date, format_index, format_number, format_time
from fieldgroup.i18n import _
from fieldgroup.ui import settings
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.data import MeetingRow, balances_by_meeting
from fieldgroup.ui.labels import MEETING_KIND_LABELS, label
from fieldgroup.ui.models.search_proxy import SearchProxy
from fieldgroup.ui.models.table_model import Column, ObjectTableModel
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.pages.meeting_editor import MeetingEditor
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.widgets.balance_history import STATUS_MARKS
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table
from fieldgroup.ui.widgets.why import enable, no_group, unless


def _balance_text(row: MeetingRow) -> str:
    # Mark and index first: in a narrow list (or a long language) they stay visible when the words are cut.
    if row.balance is None:
        return "…"  # still being worked out in the background
    if row.meeting.kind == "pillar":
        return _("— one pillar")  # pillar meetings bring one pillar together by design
    if not row.balance.present:
        return _("nobody recorded")
    return f"{STATUS_MARKS[row.balance.status]} {format_index(row.balance.index)} {str(STATUS_LABELS[row.balance.status])}"


def _widest_when(meetings: list) -> list[str]:
    """Texts as wide as any in the Date column of these meetings: one per month and time shape, with a
    two-digit day and hour. Sizing from the rows on screen cut the dates with a time further down
    ("28 mars 20…"); formatting all 1,200 dates of a big group would hold the GUI thread ~60 ms."""
    shapes = {(m.date.month, bool(m.start_time)) for m in meetings}
    return [_when(SimpleNamespace(meeting=SimpleNamespace(date=date(2000, month, 28), start_time="10:00" if timed else None)))
            for month, timed in sorted(shapes)]


def _when(row: MeetingRow) -> str:
    """The date, with the start time when one is known (two meetings on one day read apart)."""
    meeting = row.meeting
    if not meeting.start_time:
        return format_date(meeting.date)
    return _("{date}, {time}").format(date=format_date(meeting.date), time=format_time(meeting.start_time))


def _where(row: MeetingRow) -> str:
    return ", ".join(shown(part) for part in (row.meeting.place, row.meeting.region) if part)


MEETING_COLUMNS = [
    Column(lambda: _("Date"), _when, sort_key=lambda r: f"{r.meeting.date.isoformat()} {r.meeting.start_time or ''}",
           tooltip=lambda r: shown(r.meeting.title)),
    Column(lambda: _("Type"), lambda r: label(MEETING_KIND_LABELS, r.meeting.kind)),
    Column(lambda: _("Title"), lambda r: shown(r.meeting.title), tooltip=lambda r: shown(r.meeting.title)),
    Column(lambda: _("Balance"), _balance_text, sort_key=lambda r: r.balance.index if r.balance and r.meeting.kind != "pillar" else -1.0,
           tooltip=_balance_text),
    Column(lambda: _("Where"), _where, tooltip=_where),
]


TITLE_COLUMN, BALANCE_COLUMN, WHERE_COLUMN = 2, 3, 4


class MeetingsPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ObjectTableModel(MEETING_COLUMNS, self, extra_search=lambda r: r.meeting.title or "")
        self.proxy = SearchProxy(self.model, self)
        self.balances: dict[str, Balance] | None = None  # None until the first background load reports
        self._saved_here = False
        self.loader = QueryOp(self, ctx.store)  # balances
        self.list_loader = QueryOp(self, ctx.store)  # the meetings themselves (their minutes come with them)
        self._listing = False  # a list read is on its way
        self.editor = MeetingEditor(ctx, self)
        self.editor.saved.connect(self._after_save)
        self.editor.deleted.connect(self._after_delete)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._list_side())
        self.splitter.addWidget(self._editor_side())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 660])
        self.splitter.setChildrenCollapsible(False)
        state = settings.value(settings.SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: settings.set_value(settings.SPLITTER, self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        ctx.group_changed.connect(lambda _group: self._group_changed())
        ctx.data_changed.connect(lambda table: self.when_shown(lambda: self._data_changed(table)))
        self.refresh()

    def _list_side(self) -> QWidget:
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("Search meetings (type, title, place, region)"))
        self.search.setAccessibleName(_("Search meetings"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.new_button = QPushButton(_("&New meeting"), self)
        self.new_button.clicked.connect(self.new_meeting)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Meetings"))
        self.table.setSortingEnabled(True)
        self.table.setProperty("whole_columns", [0])  # the date and time are never cut (table_layout)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setColumnHidden(WHERE_COLUMN, True)  # the editor beside shows it; the title needs the room
        lay_out_table(self.table, "meetings", TITLE_COLUMN)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        return side

    def _editor_side(self) -> QWidget:
        self.right = QStackedWidget(self)
        self.empty = QLabel(_("Choose a meeting on the left, or create a new one."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)
        return self.right

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(_("{shown} of {total} meetings").format(
            shown=format_number(self.proxy.rowCount()), total=format_number(self.model.rowCount())))

    # ---- page contract ----

    def refresh(self) -> None:
        """Reads the group's meetings in the background (each with its minutes: 50 ms and more of the
        GUI thread on the stress store); the rows on show stay until the new ones come."""
        self._stale = False
        self.editor.attendance.forget_people()  # people may have changed while the page was hidden
        if self.editor.meeting:
            self.editor.take_outside_changes()  # a sync may have changed (converted) the open meeting's text
        group_id = self.ctx.group_id
        enable(self.new_button, unless(bool(group_id), no_group()))
        if not group_id:
            self._listing = False
            self.list_loader.generation += 1  # a read still on its way is not delivered (ops.QueryOp)
            self._meetings_loaded(None, [])
            return
        self._listing = True
        self.list_loader.run(lambda store: store.meetings.list(group_id=group_id),
                             lambda meetings: self._meetings_loaded(group_id, meetings), self._list_failed)

    def loading(self) -> bool:
        """True while the list is being read (tests wait for it)."""
        return self._listing

    def _meetings_loaded(self, group_id: str | None, meetings: list) -> None:
        self._listing = False
        if group_id != self.ctx.group_id:
            return  # the group changed meanwhile: its own read follows
        current = self.editor.meeting.id if self.editor.meeting else None
        # Balances from the last load stay on show until the new ones arrive (a moment on big stores).
        known = self.balances or {}
        unknown = None if self.balances is None else Balance()
        self.model.set_rows([MeetingRow(m, known.get(m.id, unknown)) for m in meetings])
        self.table.setProperty("fit_texts_0", _widest_when(meetings))
        fit_columns(self.table)
        self._show_count()
        self._say_what_to_do(bool(meetings))
        if current:
            self._select(current)
        if group_id:
            self._reload_balances()

    def _list_failed(self, message: str) -> None:
        self._listing = False
        self.empty.setText(message)

    def _say_what_to_do(self, any_meeting: bool) -> None:
        if not self.ctx.group_id:
            self.empty.setText(_("Create a working group first (File ▸ New group…), then its meetings."))
        elif not any_meeting:
            self.empty.setText(_("No meetings yet: press New meeting (Ctrl+Shift+M) to record the first one."))
        else:
            self.empty.setText(_("Choose a meeting on the left, or create a new one."))

    def _balances_loaded(self, balances: dict[str, Balance]) -> None:
        self.balances = balances
        self.model.rows = [MeetingRow(r.meeting, balances.get(r.meeting.id, Balance())) for r in self.model.rows]
        self.model.refresh_column(BALANCE_COLUMN)
        fit_columns(self.table)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def can_leave(self) -> bool:
        return self.editor.maybe_leave()

    def show_record(self, meeting_id: str) -> None:
        self.open_record(meeting_id)

    def open_record(self, meeting_id: str) -> None:
        if self.editor.meeting and self.editor.meeting.id == meeting_id:
            return
        if not self.editor.maybe_leave():
            return
        self.search.clear()
        meeting = self.ctx.store.meetings.find(meeting_id)
        if meeting is not None:
            self._show(meeting)
            self._select(meeting_id)

    def restore_draft(self, draft: object) -> None:
        self.right.setCurrentWidget(self.editor)
        self.editor.restore_draft(draft)
        if self.editor.meeting:
            self._select(self.editor.meeting.id)

    def new_meeting(self) -> None:
        if not self.editor.maybe_leave():
            return
        self.table.selectionModel().clearSelection()
        self.right.setCurrentWidget(self.editor)
        self.editor.new_meeting()

    # ---- reacting ----

    def _group_changed(self) -> None:
        # The group has already changed, so there is nothing to cancel: save the edits into the
        # meeting's own group, and if they cannot be saved yet, keep them on screen with the reason.
        if self.editor.dirty and not self.editor.save():
            return
        self.editor.meeting = None
        self.right.setCurrentWidget(self.empty)
        self.when_shown(self.refresh)

    def _data_changed(self, table: str) -> None:
        if table == "meetings" and self._saved_here:
            self._saved_here = False  # the editor's own save: its row was updated in place
        elif table == "attendance":
            self._reload_balances()  # the list itself did not change; only balances move
        elif table in ("", "meetings", "people", "organisations", "groups"):
            self.refresh()
        if table in ("", "action_items") and self.editor.meeting:
            self.editor.actions_panel.set_meeting(self.editor.meeting.id)  # now if on screen, else when shown
        if table in ("people", "organisations", ""):
            self.editor.attendance.forget_people()  # (the directory of mentions is forgotten by the context)
            if self.editor.meeting:
                self.editor.attendance.set_meeting(self.editor.meeting.id)

    def _show(self, meeting: object) -> None:
        self.right.setCurrentWidget(self.editor)
        self.editor.load(meeting)

    def _select(self, meeting_id: str) -> None:
        row = self.model.find_row(lambda r: r.meeting.id == meeting_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def _current_changed(self, current: object, previous: object) -> None:
        if not current.isValid():
            return
        row = self.model.row_object(self.proxy.mapToSource(current).row())
        if row is None or (self.editor.meeting and self.editor.meeting.id == row.meeting.id):
            return
        if not self.editor.maybe_leave():
            if self.editor.meeting:
                self._select(self.editor.meeting.id)
            return
        self._show(row.meeting)

    def _after_save(self, meeting_id: str) -> None:
        """Update the saved meeting's row in place (a full reload of 2,000 rows would freeze the
        typing that the autosave follows); a new meeting joins the list at once."""
        meeting = self.editor.meeting
        row = self.model.find_row(lambda r: r.meeting.id == meeting_id)
        if meeting is None or meeting.id != meeting_id or meeting.group_id != self.ctx.group_id:
            self.refresh()
        elif row < 0:
            self._saved_here = True
            self.model.set_rows([*self.model.rows, MeetingRow(meeting, Balance())])
            self._show_count()
            self._reload_balances()
        else:
            self._saved_here = True
            self.model.replace_row(row, MeetingRow(meeting, self.model.rows[row].balance))
            self._reload_balances()
        if self._listing:
            self.refresh()  # a read started before this save would bring the old row back
        self._select(meeting_id)

    def _reload_balances(self) -> None:
        group_id = self.ctx.group_id
        self.loader.run(lambda store: balances_by_meeting(store, group_id), self._balances_loaded)

    def _after_delete(self, meeting_id: str) -> None:
        self.editor.meeting = None
        self.right.setCurrentWidget(self.empty)
        self.model.set_rows([r for r in self.model.rows if r.meeting.id != meeting_id])  # gone at once
        self._show_count()
        self.refresh()
