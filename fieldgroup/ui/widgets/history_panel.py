"""A person's or an organisation's history: meetings attended (with their balance) and action items owned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldgroup.core.balance import STATUS_LABELS
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.labels import ATTENDANCE_LABELS, MEETING_KIND_LABELS, label
from fieldgroup.ui.models.action_tracker_model import STATUS_LABELS as ACTION_STATUS_LABELS
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.widgets.screen_text import shown

SHOWN = 200


@dataclass(frozen=True)
class History:
    meetings: list[tuple[Any, str, Any]]  # (meeting, attendance status, balance)
    actions: list[Any]


def person_history(store: Any, person_ids: list[str], organisation_id: str | None = None) -> History:
    """Meetings any of `person_ids` attended (newest first) and the action items they (or the
    organisation) own; runs on a background connection."""
    seen: dict[str, tuple[Any, str, Any]] = {}
    for person_id in person_ids:
        for line in store.attendance.list(person_id=person_id):
            if line.meeting_id not in seen:
                meeting = store.meetings.find(line.meeting_id)
                if meeting is not None:
                    seen[line.meeting_id] = (meeting, line.status, None)
    meetings = sorted(seen.values(), key=lambda m: m[0].date, reverse=True)[:SHOWN]
    meetings = [(m, status, store.meetings.balance(m.id)) for m, status, _b in meetings]
    actions = {a.id: a for pid in person_ids for a in store.actions.list(owner_person_id=pid)}
    if organisation_id:
        actions.update({a.id: a for a in store.actions.list(owner_organisation_id=organisation_id)})
    ordered = sorted(actions.values(), key=lambda a: (a.status in ("done", "dropped"), str(a.due_date or "")))
    return History(meetings, ordered[:SHOWN])


class HistoryPanel(QWidget):
    """Two lists side by side; double-click opens the meeting or the action item."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loader = QueryOp(self, ctx.store)
        self.title = QLabel(self)
        self.meetings = QListWidget(self)
        self.meetings.setAccessibleName(_("Meetings attended"))
        self.actions = QListWidget(self)
        self.actions.setAccessibleName(_("Action items owned"))
        self.meetings.itemActivated.connect(lambda item: ctx.open_record("meetings", item.data(Qt.ItemDataRole.UserRole)))
        self.actions.itemActivated.connect(lambda item: ctx.open_record("actions", item.data(Qt.ItemDataRole.UserRole)))
        self.meetings_label, self.actions_label = QLabel(self), QLabel(self)
        columns = QHBoxLayout()
        for heading, widget in ((self.meetings_label, self.meetings), (self.actions_label, self.actions)):
            box = QVBoxLayout()
            box.addWidget(heading)
            box.addWidget(widget, 1)
            columns.addLayout(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        self.show_for(None, [], None)

    def show_for(self, name: str | None, person_ids: list[str], organisation_id: str | None) -> None:
        self.meetings.clear()
        self.actions.clear()
        if name is None:
            self.title.setText(_("Select one person or organisation to see their history."))
            self.meetings_label.setText(_("Meetings attended"))
            self.actions_label.setText(_("Action items owned"))
            return
        self.title.setText(_("History of {name}").format(name=name))
        self.loader.run(lambda store: person_history(store, person_ids, organisation_id), self._show)

    def _show(self, history: History) -> None:
        self.meetings_label.setText(ngettext("{n} meeting attended", "{n} meetings attended",
                                             len(history.meetings)).format(n=format_number(len(history.meetings))))
        for meeting, status, balance in history.meetings:
            text = f"{format_date(meeting.date)} · {label(MEETING_KIND_LABELS, meeting.kind)}"
            text += f" · {shown(meeting.title)}" if meeting.title else ""
            text += f" — {label(ATTENDANCE_LABELS, status)}"
            if balance is not None and balance.present and meeting.kind != "pillar":
                text += f" ({STATUS_LABELS[balance.status]})"
            item = QListWidgetItem(text, self.meetings)
            item.setData(Qt.ItemDataRole.UserRole, meeting.id)
        open_count = sum(a.status in ("open", "in_progress") for a in history.actions)
        self.actions_label.setText(_("Action items owned: {open} open, {done} done or dropped").format(
            open=format_number(open_count), done=format_number(len(history.actions) - open_count)))
        for action in history.actions:
            due = f" · {format_date(action.due_date)}" if action.due_date else ""
            item = QListWidgetItem(f"{ACTION_STATUS_LABELS[action.status]}{due} · {action.title}", self.actions)
            item.setData(Qt.ItemDataRole.UserRole, action.id)
