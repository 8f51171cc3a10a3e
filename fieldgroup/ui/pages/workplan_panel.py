"""The work plan: the group's activities as a table above their timeline, with new, edit and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS
from fieldgroup.core.results_entities import Activity
from fieldgroup.core.results_framework import framework, workplan_progress
from fieldgroup.formatting import format_currency, format_date
from fieldgroup.i18n import N_, _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.widgets.gantt import LATE, GanttChart, GanttRow
from fieldgroup.ui.widgets.screen_text import shown

HEADERS = (N_("Code"), N_("Activity"), N_("Start"), N_("End"), N_("Status"), N_("Budget"))


class WorkPlanPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.activities: list[Activity] = []
        self.summary = QLabel()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([str(h) for h in HEADERS])
        self.table.setAccessibleName(_("Work plan"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_activity())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.gantt = GanttChart()
        self.gantt.activity_clicked.connect(self.select)
        scroll = QScrollArea()
        scroll.setWidget(self.gantt)
        scroll.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([260, 320])
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("&New activity…"))
        self.edit_button = QPushButton(_("&Edit activity…"))
        self.delete_button = QPushButton(_("&Delete activity…"))
        for button, slot in ((self.new_button, self.new_activity), (self.edit_button, self.edit_activity),
                             (self.delete_button, self.delete_activity)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(splitter, 1)
        column.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        keep = self.current()
        store, group_id, today = self.ctx.store, self.ctx.group_id, self.ctx.store.today()
        self.activities = framework(store, group_id).activities if group_id else []
        self.table.setRowCount(len(self.activities))
        for row, activity in enumerate(self.activities):
            late = activity.is_late(today)
            status = str(ACTIVITY_STATUS_LABELS[activity.status]) + (" — " + _("late") if late else "")
            budget = format_currency(activity.budget_amount, activity.currency) if activity.budget_amount is not None else ""
            cells = (activity.code or "", shown(activity.title), format_date(activity.start_date),
                     format_date(activity.end_date), status, budget)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, activity.id)
                if late and column == 4:
                    item.setForeground(QColor(LATE))
                self.table.setItem(row, column, item)
        self.gantt.set_rows([GanttRow(a.id, " ".join(p for p in (a.code, shown(a.title)) if p), a.start_date, a.end_date,
                                      a.status, a.is_late(today)) for a in self.activities], today)
        progress = workplan_progress(self.activities, today)
        self.summary.setText(ngettext("{n} activity", "{n} activities", progress.total).format(n=progress.total)
                             + " · " + ngettext("{n} late", "{n} late", progress.late).format(n=progress.late))
        if keep:
            self.select(keep.id)
        self._update_buttons()

    def current(self) -> Activity | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.activities[rows[0].row()] if rows and rows[0].row() < len(self.activities) else None

    def select(self, activity_id: str) -> None:
        for row, activity in enumerate(self.activities):
            if activity.id == activity_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.new_button.setEnabled(self.ctx.group_id is not None)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def new_activity(self, result_id: str | None = None) -> None:
        from fieldgroup.ui.dialogs.activity_dialog import ActivityDialog

        dialog = ActivityDialog(self.ctx.store, self.ctx.group_id, result_id=result_id or None, parent=self)
        if dialog.exec() and dialog.saved:
            self._saved(dialog.saved.id)

    def edit_activity(self) -> None:
        from fieldgroup.ui.dialogs.activity_dialog import ActivityDialog

        activity = self.current()
        if activity is not None:
            dialog = ActivityDialog(self.ctx.store, self.ctx.group_id, activity, parent=self)
            if dialog.exec() and dialog.saved:
                self._saved(dialog.saved.id)

    def delete_activity(self) -> None:
        activity = self.current()
        if activity is None:
            return
        question = _("Delete the activity “{title}”? This cannot be undone.").format(title=activity.title)
        if QMessageBox.question(self, _("Delete activity"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.store.activities.delete(activity.id)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Work plan"), str(exc))
            return
        self.ctx.changed("activities")
        self.refresh()

    def _saved(self, activity_id: str) -> None:
        self.ctx.changed("activities")
        self.refresh()
        self.select(activity_id)
