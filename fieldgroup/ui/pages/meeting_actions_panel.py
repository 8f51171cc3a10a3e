"""The action items that came out of one meeting: a small table, a New button and a way to the tracker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.entities import ActionItem
from fieldgroup.formatting import format_date
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
from fieldgroup.ui.labels import ACTION_STATUS_LABELS, label
from fieldgroup.ui.models.table_model import Column, ObjectTableModel
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table


class MeetingActionsPanel(QWidget):
    """Loaded only when its tab is on screen: opening a meeting does not read its action items."""

    def __init__(self, ctx: AppContext, ensure_saved: Callable[[], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ensure_saved = ctx, ensure_saved
        self.meeting_id: str | None = None
        self._stale = False
        self._owners: dict[str, str] = {}
        columns = [
            Column(lambda: _("Action item"), lambda a: shown(a.title)),
            Column(lambda: _("Owner"), self._owner_name),
            Column(lambda: _("Due"), lambda a: format_date(a.due_date), sort_key=lambda a: str(a.due_date or "")),
            Column(lambda: _("Status"), self._status_text),
        ]
        self.model = ObjectTableModel(columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Action items from this meeting"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        lay_out_table(self.table, "meeting_actions", 0)  # sized from a sample of rows, not all of them
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.new_button = QPushButton(_("New action item…"), self)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button = QPushButton(_("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.tracker_button = QPushButton(_("Show in tracker"), self)
        self.tracker_button.clicked.connect(self.show_in_tracker)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.tracker_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _owner_name(self, item: ActionItem) -> str:
        return self._owners.get(item.owner_person_id or item.owner_organisation_id or "", "")

    def _status_text(self, item: ActionItem) -> str:
        text = label(ACTION_STATUS_LABELS, item.status)
        return _("{status} (overdue)").format(status=text) if item.is_overdue(self.ctx.store.today()) else text

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self._stale = True
        if self.isVisible() or self.parentWidget() is None:  # a hidden tab waits; a panel on its own loads now
            self.reload()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Two queries whatever the number of items: the items, then their owners' names."""
        self._stale = False
        store = self.ctx.store
        items = store.actions.list(meeting_id=self.meeting_id) if self.meeting_id else []
        rows = store.actions.tracker_rows_by_id([item.id for item in items]) if items else []
        self._owners = {}
        for row in rows:
            if row.owner_person_id:
                self._owners[row.owner_person_id] = row.owner_name or ""
            elif row.organisation_id:
                self._owners[row.organisation_id] = row.organisation_name or ""
        self.model.set_rows(sorted(items, key=lambda a: (a.due_date is None, a.due_date, a.title)))
        fit_columns(self.table)

    def _selected(self) -> ActionItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def new_item(self) -> None:
        meeting_id = self.meeting_id or self.ensure_saved()
        if meeting_id is None:
            return
        self.meeting_id = meeting_id
        dialog = ActionItemDialog(self.ctx.store, self.ctx.group_id, meeting_id=meeting_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.ctx.changed("action_items")

    def edit_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        dialog = ActionItemDialog(self.ctx.store, item.group_id, item, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.ctx.changed("action_items")

    def show_in_tracker(self) -> None:
        item = self._selected()
        if item is not None:
            self.ctx.open_record("actions", item.id)
