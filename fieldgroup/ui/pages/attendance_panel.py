"""Attendance of one meeting: search the group's people, add them, set present/excused/absent, quick-add."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.entities import Meeting
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.mentions import placeholder, shown_name
from fieldgroup.core.repositories import AttendanceLine
from fieldgroup.core.repository import pair_id
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.data import PersonChoice, person_choices
from fieldgroup.ui.dialogs.quick_person_dialog import QuickPersonDialog
from fieldgroup.ui.labels import ATTENDANCE_LABELS, label, pillar_label
from fieldgroup.ui.models.search_proxy import SearchProxy
from fieldgroup.ui.models.table_model import Column, ObjectTableModel
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.undo import AttendanceChange
from fieldgroup.ui.widgets import presentation
from fieldgroup.ui.widgets.button_flow import ButtonFlow, WrapButton
from fieldgroup.ui.widgets.field_errors import ErrorLabel
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table


def _person_name(line: AttendanceLine) -> str:
    # The coordinator sees protected names here; the mark reminds them it never goes to print.
    if line.protected and presentation.state().on:
        return shown_name(line.name, line.pillar, True, True)  # the placeholder says it already
    return _("{name} (protected)").format(name=line.name) if line.protected else line.name


def _line_order(line: AttendanceLine) -> tuple[str, str, str, str]:
    """By pillar, organisation, then the name as shown (masked people among themselves by id): a placeholder
    left at the hidden name's place ("Mensah" between "Meng" and "Mesa") tells a projected room who it is."""
    masked = line.protected and presentation.state().on
    return (line.pillar or "", line.organisation or "", shown_name(line.name, line.pillar, line.protected, masked),
            line.person_id if masked else "")


def _choice_text(choice: PersonChoice) -> str:
    name = shown_name(choice.person.name, choice.pillar, choice.person.protected, presentation.state().on)
    return f"{name} — {choice.organisation} ({pillar_label(choice.pillar)})"


def _choice_order(choice: PersonChoice) -> tuple[bool, str, str]:
    """Masked people after everyone else (by placeholder, then id), not at their hidden name's place."""
    if choice.person.protected and presentation.state().on:
        return True, placeholder(choice.pillar), choice.id
    return False, "", ""


ATTENDANCE_COLUMNS = [
    Column(lambda: _("Name"), _person_name),
    Column(lambda: _("Organisation"), lambda line: line.organisation, tooltip=lambda line: line.organisation),
    Column(lambda: _("Pillar"), lambda line: pillar_label(line.pillar)),
    Column(lambda: _("Attendance"), lambda line: label(ATTENDANCE_LABELS, line.status)),
]
CHOICE_COLUMNS = [Column(lambda: _("Person"), _choice_text, tooltip=_choice_text)]  # masked when presenting


class AttendancePanel(QWidget):
    """Writes each change at once (save on change); `changed` tells the editor to refresh the balance."""

    changed = Signal()

    def __init__(self, ctx: AppContext, ensure_saved: Callable[[], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ensure_saved = ctx, ensure_saved
        self.meeting_id: str | None = None
        self._stale = False
        self._on_list: set[str] = set()
        self._people: list[PersonChoice] | None = None  # the group's people, for the picker
        self._people_of: str | None = None  # ... of this group
        # The editor tells which kind of meeting this is and when (for "copy the last one's attendees").
        self.kind_and_date: Callable[[], tuple[str, date]] | None = None
        self.error = ErrorLabel(self)
        self.loader = QueryOp(self, ctx.store)
        self._build_picker()
        self._build_list()
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker_box, 1)
        layout.addWidget(self.list_box, 3)  # the list first: its names are read whole (issue 16)

    def _build_picker(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search people by name or organisation"))
        self.search.setAccessibleName(_("Search people to add"))
        self.search.setClearButtonEnabled(True)
        self.choices = ObjectTableModel(CHOICE_COLUMNS, self)
        self.proxy = SearchProxy(self.choices, self)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.add_selected)
        self.search.installEventFilter(self)  # Down/Up walk the matches while typing; Enter adds
        self.people = QListView(self)
        self.people.setModel(self.proxy)
        self.people.setUniformItemSizes(True)  # one line each: 3,000 people are not measured one by one
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setAccessibleName(_("People who can be added"))
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.people.doubleClicked.connect(lambda _index: self.add_selected())
        self.add_button = QPushButton(_("Add as present"), self)
        self.add_button.clicked.connect(self.add_selected)
        self.new_person_button = QPushButton(_("New person…"), self)
        self.new_person_button.setToolTip(_("Add someone who is not in the list yet, with their organisation"))
        self.new_person_button.clicked.connect(self.quick_add)
        # Its label wraps when the pane is narrow, so that it never makes the picker wider than the list.
        self.copy_button = WrapButton(_("Copy attendees from the last meeting of this kind"), self)
        self.copy_button.setToolTip(_("Adds everyone who attended the previous meeting of the same type, as present"))
        self.copy_button.clicked.connect(self.copy_last_attendees)
        buttons = ButtonFlow(self.add_button, self.new_person_button, self.copy_button)  # wraps, never cut
        self.picker_box = QWidget(self)
        box = QVBoxLayout(self.picker_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(_("Add people"), self))
        box.addWidget(self.search)
        box.addWidget(self.people, 1)
        box.addLayout(buttons)

    def _search_changed(self, text: str) -> None:
        if self._stale:  # typed into before the tab was shown (a shortcut, a test): load first
            self.reload()
        self.proxy.set_search(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride and (
                (event.matches(QKeySequence.StandardKey.Undo) and not self.search.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not self.search.isRedoAvailable())):
            return True  # nothing typed to undo here: Ctrl+Z goes to Edit ▸ Undo (the last attendance change)
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        """Move the highlighted match down or up, keeping the typing focus in the search box."""
        count = self.proxy.rowCount()
        if not count:
            return
        current = self.people.currentIndex()
        row = min(max((current.row() if current.isValid() else -1) + step, 0), count - 1)
        self.people.setCurrentIndex(self.proxy.index(row, 0))

    def _build_list(self) -> None:
        self.lines = ObjectTableModel(ATTENDANCE_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.lines)
        self.table.setAccessibleName(_("Attendance list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay_out_table(self.table, "attendance", 0)  # the name takes the room; the rest fit, cut with a tooltip
        self.table.setProperty("main_content", True)  # names are read whole: the organisation gives way first
        self.count_label = QLabel(self)
        buttons = ButtonFlow()
        for status in ("present", "excused", "absent"):
            button = QPushButton(_("Mark {status}").format(status=label(ATTENDANCE_LABELS, status)), self)
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))
            buttons.addWidget(button)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setToolTip(_("Take the selected people off this meeting's list"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.remove_button)
        self.list_box = QWidget(self)
        box = QVBoxLayout(self.list_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.count_label)
        box.addWidget(self.table, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)

    # ---- loading ----

    def set_meeting(self, meeting_id: str | None) -> None:
        """Loaded when the tab is on screen: opening a meeting does not read its attendance list."""
        self.meeting_id = meeting_id
        self._stale = True
        if self.isVisible() or self.parentWidget() is None:  # a hidden tab waits; a panel on its own loads now
            self.reload()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def forget_people(self) -> None:
        """People or organisations changed: the picker's list is read again at the next reload."""
        self._people_of = None

    def reload(self) -> None:
        """The meeting's list (one query); the group's people (thousands on a big store) are read in the
        background once per group and people change, not after every added attendee."""
        self._stale = False
        store = self.ctx.store
        lines = sorted(store.attendance.of_meeting(self.meeting_id) if self.meeting_id else [], key=_line_order)
        self.lines.set_rows(lines)
        fit_columns(self.table)
        self._on_list = {line.person_id for line in lines}
        group_id = self.ctx.group_id
        if self._people_of == group_id and self._people is not None:
            self._show_choices(self._people)
        else:
            self._show_choices(self._people or [])

            def loaded(choices: list[PersonChoice]) -> None:
                self._people, self._people_of = choices, group_id
                self._show_choices(choices)

            self.loader.run(lambda own: person_choices(own, group_id), loaded)
        present = sum(line.status == "present" for line in lines)
        self.count_label.setText(_("On the list: {n} · present: {present}").format(n=format_number(len(lines)), present=format_number(present)))

    def _show_choices(self, choices: list[PersonChoice]) -> None:
        self.choices.set_rows(sorted((c for c in choices if c.id not in self._on_list), key=_choice_order))

    # ---- actions ----

    def _selected_choices(self) -> list[PersonChoice]:
        rows = self.people.selectionModel().selectedRows() or self.people.selectedIndexes()
        if not rows and self.people.currentIndex().isValid():
            rows = [self.people.currentIndex()]
        if not rows and self.proxy.rowCount() == 1:
            rows = [self.proxy.index(0, 0)]  # one match left: Enter adds it
        return [self.choices.row_object(self.proxy.mapToSource(index).row()) for index in rows]

    def _selected_lines(self) -> list[AttendanceLine]:
        return [self.lines.row_object(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _change(self, new: dict[str, str | None]) -> None:
        """Write `new` (person id -> status, None = off the list) through the undo stack: Ctrl+Z (or
        Edit ▸ Undo) puts the list back as it was."""
        meeting_id = self.meeting_id or self.ensure_saved()
        if meeting_id is None:
            return  # the editor showed why the meeting cannot be saved yet
        self.meeting_id = meeting_id
        if self._stale:
            self.reload()
        now = {line.person_id: line.status for line in self.lines.rows}
        new = {pid: status for pid, status in new.items() if now.get(pid) != status}
        if new:
            old = {pid: now.get(pid) for pid in new}
            self.ctx.undo_stack.push(AttendanceChange(lambda values: self._apply(meeting_id, values), old, new))

    def _apply(self, meeting_id: str, values: dict[str, str | None]) -> None:
        attendance = self.ctx.store.attendance
        try:
            with self.ctx.store.transaction():
                for person_id, status in values.items():
                    if status is not None:
                        attendance.set(meeting_id, person_id, status)
                    elif attendance.find(pair_id(meeting_id, person_id)) is not None:
                        attendance.remove(meeting_id, person_id)
        except FieldGroupError as exc:
            self.error.show_message(str(exc))
            return
        self.error.clear_message()
        if meeting_id == self.meeting_id:
            self.reload()
            self.changed.emit()
        self.ctx.changed("attendance")

    def add_selected(self) -> None:
        chosen = self._selected_choices()
        if not chosen:
            self.search.setFocus()
            return
        self._change({choice.id: "present" for choice in chosen})
        self.search.setText("")  # not clear(): Ctrl+Z in the empty box then undoes the add, not the typing
        self.search.setFocus()

    def add_person(self, person_id: str) -> None:
        self._change({person_id: "present"})

    def set_status(self, status: str) -> None:
        self._change({line.person_id: status for line in self._selected_lines()})

    def remove_selected(self) -> None:
        self._change({line.person_id: None for line in self._selected_lines()})

    def copy_last_attendees(self) -> None:
        """Everyone who attended the previous meeting of the same kind, added as present."""
        if self.kind_and_date is None:
            return
        kind, day = self.kind_and_date()
        last = last_meeting_of_kind(self.ctx.store, self.ctx.group_id, kind, day, self.meeting_id)
        if last is None:
            self.error.show_message(_("There is no earlier meeting of this type to copy attendees from."))
            return
        came = [line.person_id for line in self.ctx.store.attendance.of_meeting(last.id)
                if line.status in ("present", "excused")]
        if self._stale:
            self.reload()
        on_list = {line.person_id for line in self.lines.rows}
        self._change({person_id: "present" for person_id in came if person_id not in on_list})

    def quick_add(self) -> None:
        if (self.meeting_id or self.ensure_saved()) is None:
            return
        dialog = QuickPersonDialog(self.ctx, self.search.text().strip(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person_id:
            self.search.setText("")
            self.add_person(dialog.person_id)


def last_meeting_of_kind(store: object, group_id: str | None, kind: str, before: date,
                         exclude: str | None) -> Meeting | None:
    """The latest meeting of `kind` in the group held before `before` (not the meeting itself)."""
    if not group_id:
        return None
    earlier = [m for m in store.meetings.list(group_id=group_id, kind=kind) if m.date < before and m.id != exclude]
    return max(earlier, key=lambda m: m.date, default=None)
