"""The action items tracker: filter, sort, change status inline, close several at once, open the meeting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.schema import ACTION_STATUSES, PILLAR_LABELS, PILLARS
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog, from_qdate, to_qdate
from fieldgroup.ui.models.action_tracker_model import (
    DUE,
    MEETING,
    OPEN,
    STATUS,
    STATUS_LABELS,
    TITLE,
    ActionTrackerModel,
    TrackerFilter,
)
from fieldgroup.ui.ops import Changes, QueryOp, drop_later, write_op
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.undo import RecordEdit, StatusChange
from fieldgroup.ui.widgets.choice_delegate import ChoiceDelegate
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.empty_hint import EmptyHint
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table
from fieldgroup.ui.widgets.why import enable, no_group, unless

DEBOUNCE_MS = 150


class ActionsPage(ReloadWhenShown, QWidget):
    """Rows load once per refresh (one joined query); every filter works on the rows in memory."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._writing = False
        self._ready = False  # filter widgets signal while they are being built and filled
        self.model = ActionTrackerModel(self)
        self.model.status_edited.connect(self._write_status)
        self.loader = QueryOp(self, ctx.store)
        self._loading_rows = False
        self._pending_record: str | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_filters_2())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())
        ctx.group_changed.connect(lambda _g: self.when_shown(self.refresh))
        ctx.data_changed.connect(lambda table: self.when_shown(lambda: self._on_data_changed(table)))
        today = ctx.store.today()
        self.due_from.setDate(to_qdate(today.replace(day=1)))
        self.due_to.setDate(to_qdate(today).addMonths(1).addDays(-today.day))
        self._ready = True
        self.refresh()

    # ---- building ----

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search title, owner or organisation (Ctrl+F)"))
        self.search.setAccessibleName(_("Search action items"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        row.addWidget(self.search, 2)
        self.status_filter = self._combo(_("Status filter"))
        self.status_filter.addItem(_("Open and in progress"), "open_all")
        self.status_filter.addItem(_("All statuses"), "all")
        for status in ACTION_STATUSES:
            self.status_filter.addItem(str(STATUS_LABELS[status]), status)
        self.pillar_filter = self._combo(_("Pillar filter"))
        self.pillar_filter.addItem(_("All pillars"), None)
        for pillar in PILLARS:
            self.pillar_filter.addItem(str(PILLAR_LABELS[pillar]), pillar)
        self.organisation_filter = self._combo(_("Organisation filter"))
        self.owner_filter = self._combo(_("Owner filter"))
        for label, widget in ((_("Status:"), self.status_filter), (_("Pillar:"), self.pillar_filter),
                              (_("Organisation:"), self.organisation_filter), (_("Owner:"), self.owner_filter)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, 1)
        return row

    def _build_filters_2(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.overdue_only = QCheckBox(_("&Overdue only"))
        self.overdue_only.toggled.connect(self.apply_filter)
        self.due_range = QCheckBox(_("Due &between"))
        self.due_range.toggled.connect(self._due_range_toggled)
        self.due_from, self.due_to = DateField(), DateField()  # typed in the language's format, or picked
        for edit, name in ((self.due_from, _("Due from")), (self.due_to, _("Due until"))):
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filter)
            edit.invalid.connect(self._date_problem)
        clear = QPushButton(_("C&lear filters"))
        clear.clicked.connect(self.clear_filters)
        self.count_label = QLabel()
        # A national group's tracker can take in its regional and thematic groups' items (issue 18).
        self.with_subgroups = SubgroupsCheck("actions")
        self.with_subgroups.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.with_subgroups)
        row.addWidget(self.overdue_only)
        row.addSpacing(12)
        row.addWidget(self.due_range)
        row.addWidget(self.due_from)
        row.addWidget(QLabel(_("and")))
        row.addWidget(self.due_to)
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setAccessibleName(_("Action items"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(DUE, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        # Fixed row heights and column widths: nothing is measured per row, so 100,000 rows stay fast.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        for column, width in ((1, 190), (2, 190), (3, 110), (4, 170), (5, 110), (6, 110)):
            view.setColumnWidth(column, width)
        view.setProperty("whole_columns", [DUE, MEETING])  # "11 août 20…" read as no year (table_layout)
        lay_out_table(view, "actions", TITLE)
        view.setWordWrap(False)
        self.delegate = ChoiceDelegate([(s, str(STATUS_LABELS[s])) for s in ACTION_STATUSES], view)
        view.setItemDelegateForColumn(STATUS, self.delegate)
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view = view
        self.empty_hint = EmptyHint(view, self._empty_text)  # what to do first, on an empty tracker
        return view

    def _empty_text(self) -> str:
        if not self.ctx.group_id:
            return no_group()
        if self.model.total():
            return _("No action item matches these filters or this search; press Clear filters to see them all.")
        return _("No action items yet. They usually come out of a meeting: open it and use its Action items tab, "
                 "or press New action item… (Ctrl+Shift+A).")

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(_("&New action item…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.delete_button = QPushButton(_("&Delete…"))
        self.done_button = QPushButton(_("&Mark done"))
        self.meeting_button = QPushButton(_("Open &meeting"))
        for button, slot in ((self.new_button, self.new_item), (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected), (self.done_button, self.mark_selected_done),
                             (self.meeting_button, self.open_meeting)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        self._update_buttons()
        return row

    # ---- loading ----

    def refresh(self, then: Callable[[], object] | None = None) -> None:
        """The tracker rows (100,000 on a big store) are read in the background; `then` runs once they show."""
        self._stale = False
        self._loading_rows = True
        group_id, model, today, wanted = self.ctx.group_id, self.model, self.ctx.store.today(), self.current_filter()
        include = self.with_subgroups.show_for(self.ctx.store, group_id)

        def read(store: object) -> tuple:
            rows, organisations = tracker_data(store, group_id, include)
            owners = sorted({(r.owner_person_id, r.owner_name or "") for r in rows if r.owner_person_id},
                            key=lambda pair: pair[1].lower())
            return model.prepare(rows, today, wanted), organisations, owners

        self.loader.run(read, lambda data: self._loaded(data, then))

    def _loaded(self, data: tuple, then: Callable[[], object] | None = None) -> None:
        ready, organisations, owners = data
        self._fill_choice(self.organisation_filter, _("All organisations"), [(o.id, o.name) for o in organisations])
        self._fill_choice(self.owner_filter, _("All owners"), owners)
        self.model.install(ready)  # sorted and filtered in the background: only swapped in here
        drop_later(self.model.free_later())  # the rows it replaced are freed off the GUI thread
        if self.current_filter() != self.model.filter:  # the filters moved while it was loading
            self.model.set_filter(self.current_filter())
        fit_columns(self.view)
        self._update_count()
        self._update_buttons()
        self._loading_rows = False
        if then is not None:
            then()
        pending, self._pending_record = self._pending_record, None
        if pending:
            self.show_record(pending)

    def _fill_choice(self, combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _on_data_changed(self, table: str) -> None:
        if self._writing:
            return  # this page already updated its own rows
        if table in ("", "action_items", "people", "organisations", "meetings", "groups"):
            self.refresh()

    # ---- filtering ----

    def current_filter(self) -> TrackerFilter:
        status = self.status_filter.currentData()
        statuses = OPEN if status == "open_all" else None if status == "all" else frozenset({status})
        ranged = self.due_range.isChecked()
        return TrackerFilter(
            statuses=statuses,
            pillar=self.pillar_filter.currentData(),
            organisation_id=self.organisation_filter.currentData(),
            owner_id=self.owner_filter.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            due_from=from_qdate(self.due_from.date()).isoformat() if ranged else None,
            due_to=from_qdate(self.due_to.date()).isoformat() if ranged else None,
            text=self.search.text().strip(),
        )

    def apply_filter(self) -> None:
        if not self._ready:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()
        self._update_buttons()

    def _date_problem(self, message: str) -> None:
        """A range end that is not a date says so where the count is; the filter keeps the last date typed."""
        if message:
            self.count_label.setText("⚠ " + message)
        else:
            self._update_count()

    def _due_range_toggled(self, on: bool) -> None:
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
        self.apply_filter()

    def clear_filters(self) -> None:
        for widget in (self.status_filter, self.pillar_filter, self.organisation_filter, self.owner_filter):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for box in (self.overdue_only, self.due_range):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.due_from.setEnabled(False)
        self.due_to.setEnabled(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(ngettext("{shown} of {total} action item", "{shown} of {total} action items", total)
                                 .format(shown=format_number(shown), total=format_number(total)))

    # ---- selection ----

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def _update_buttons(self) -> None:
        if not hasattr(self, "view"):
            return
        ids = self.selected_ids()
        one = len(ids) == 1
        enable(self.new_button, unless(self.ctx.group_id is not None, no_group()))
        for button in (self.edit_button, self.delete_button):
            enable(button, unless(one, _("Select one action item in the list first.")))
        enable(self.done_button, unless(bool(ids), _("Select the action items to mark done first.")))
        enable(self.meeting_button, unless(one and self.model.row_at(self._selected_rows()[0]).meeting_id is not None,
                                           _("Select one action item that came from a meeting first.")))

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def show_record(self, record_id: str) -> None:
        if self._loading_rows:  # shown once the rows are there
            self._pending_record = record_id
            return
        row = self.model.row_of(record_id)
        if row is None:  # hidden by a filter: show everything so the item can be found
            self.clear_filters()
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
            row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.model.index(row, TITLE)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- writing ----

    def _after_write(self, ids: list[str], table: str = "action_items") -> None:
        """Update the edited rows in place, then tell the other pages (without reloading this one)."""
        self.model.update_rows(self.ctx.store.actions.tracker_rows_by_id(ids))
        self._update_count()
        self._update_buttons()
        self._announce(table)

    def _announce(self, table: str) -> None:
        self._writing = True
        try:
            self.ctx.changed(table)
        finally:
            self._writing = False

    def _write_status(self, action_id: str, status: str) -> None:
        self._change_statuses({action_id: status})

    def mark_selected_done(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._change_statuses(dict.fromkeys(ids, "done"))
            window = self.window()
            if isinstance(window, QMainWindow):  # the rows leave the list: say how to bring them back
                window.statusBar().showMessage(ngettext(
                    "{n} action item marked done; Edit ▸ Undo (Ctrl+Z) brings it back.",
                    "{n} action items marked done; Edit ▸ Undo (Ctrl+Z) brings them back.", len(ids)).format(n=format_number(len(ids))),
                    15000)

    def _change_statuses(self, new: dict[str, str]) -> None:
        """Through the undo stack: Ctrl+Z puts the old statuses back."""
        old = {}
        for action_id in new:
            row = self.model.row_of(action_id)
            old[action_id] = self.model.row_at(row).status if row is not None else self.ctx.store.actions.get(action_id).status
        self.ctx.undo_stack.push(StatusChange(self.set_statuses, old, new))

    def set_statuses(self, statuses: dict[str, str]) -> None:
        """Write new statuses in the background, then update those rows in place (and tell the others)."""
        def write(store: object) -> Changes:
            with store.transaction():
                for action_id, status in statuses.items():
                    store.actions.update(action_id, status=status)
            return Changes.of()  # _after_write tells the other pages

        write_op(self, self.ctx, write, lambda _changes: self._after_write(list(statuses)),
                 lambda message: QMessageBox.warning(self, _("Action items"), message))

    def new_item(self) -> None:
        if self.ctx.group_id is None:
            return
        dialog = ActionItemDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.saved:
            saved = dialog.saved.id
            self.refresh(then=lambda: self.show_record(saved))
            self._announce("action_items")

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        item = self.ctx.store.actions.find(ids[0])
        if item is None:
            self.refresh()
            return
        dialog = ActionItemDialog(self.ctx.store, item.group_id, item, parent=self)
        if dialog.exec():
            old, new = _editable(item), _editable(self.ctx.store.actions.get(item.id))
            self.ctx.undo_stack.push(RecordEdit(lambda values, i=item.id: self._write_values(i, values), old, new))
            self._after_write(ids)

    def _write_values(self, action_id: str, values: dict) -> None:
        def write(store: object) -> Changes:
            store.actions.update(action_id, **values)
            return Changes.of()

        write_op(self, self.ctx, write, lambda _changes: self._after_write([action_id]),
                 lambda message: QMessageBox.warning(self, _("Action items"), message))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = self.model.row_at(self._selected_rows()[0])
        answer = QMessageBox.question(
            self, _("Delete action item"),
            _("Delete the action item “{title}”? This cannot be undone.").format(title=shown(row.title)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.store.actions.delete(row.id)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Action items"), str(exc))
            return
        self.refresh()
        self._announce("action_items")

    def _double_clicked(self, index) -> None:
        if index.column() == STATUS:
            return  # the status cell edits in place
        if self.model.row_at(index.row()).meeting_id:
            self.open_meeting()
        else:
            self.edit_selected()

    def open_meeting(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1 and self.model.row_at(rows[0]).meeting_id:
            self.ctx.open_record("meetings", self.model.row_at(rows[0]).meeting_id)


def tracker_data(store: object, group_id: str | None, include_subgroups: bool = False) -> tuple[list, list]:
    """The group's (and, when asked, its sub-groups') tracker rows and organisations (runs on a background
    connection)."""
    if not group_id:
        return [], []
    rows = store.actions.tracker_rows(group_id, include_subgroups=include_subgroups)
    groups = subgroup_ids(store, group_id, include_subgroups)
    organisations = sorted((o for gid in groups for o in store.organisations.list(group_id=gid)),
                           key=lambda o: o.name.casefold())
    return rows, organisations


def _editable(item: object) -> dict:
    """The fields the action item dialog edits, to write back on undo."""
    return {name: getattr(item, name) for name in ("title", "description", "owner_person_id", "owner_organisation_id",
                                                   "due_date", "status", "meeting_id")}
