"""Create or edit an activity of the work plan: where it sits, dates, owner, budget and status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.mentions import Directory
from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES
from fieldgroup.core.results_entities import Activity
from fieldgroup.core.results_framework import framework
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.dialogs.indicator_dialog import parse_number
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.optional_date import OptionalDate
from fieldgroup.ui.widgets.screen_text import shown as screen  # (`shown` names the choices offered here)
from fieldgroup.ui.widgets.validated_form import ValidatedForm

SHOWN_CHOICES = 200


class ActivityDialog(QDialog):
    def __init__(self, store: Store, group_id: str, activity: Activity | None = None, *,
                 result_id: str | None = None, objective_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.activity = store, group_id, activity
        self.saved: Activity | None = None
        self.setWindowTitle(_("Edit activity") if activity else _("New activity"))
        self.setMinimumWidth(540)
        self.form = ValidatedForm()
        self.place = self.form.add("result_id", _("&Under:"), QComboBox())
        self._fill_places()
        self.code = self.form.add("code", _("&Code:"), QLineEdit())
        self.title_edit = self.form.add("title", _("&Title:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.start = self.form.add("start_date", _("&Start:"), OptionalDate(_("from"), store.today()))
        self.end = self.form.add("end_date", _("&End:"), OptionalDate(_("until"), store.today()))
        self.status = self.form.add("status", _("St&atus:"), QComboBox())
        for status in ACTIVITY_STATUSES:
            self.status.addItem(str(ACTIVITY_STATUS_LABELS[status]), status)
        self.organisation = self.form.add("owner_organisation_id", _("Owner &organisation:"), QComboBox())
        self.organisation.addItem(_("none"), None)
        for org in store.organisations.list(group_id=group_id):
            self.organisation.addItem(org.name, org.id)
        self.person = self.form.add("owner_person_id", _("Owner &person:"), QComboBox())
        self.person.addItem(_("none"), None)
        for person in store.people.rows(group_id):
            self.person.addItem(person.name, person.id)
        self.budget = self.form.add("budget_amount", _("&Budget:"), QLineEdit())
        self.currency = self.form.add("currency", _("C&urrency:"), QLineEdit())
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText("USD")
        self.description = self.form.add("description", _("&Description:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.description.setMaximumHeight(60)
        self.meetings = self.form.add("meetings", _("Carried out at &meetings:"), QListWidget())
        self.actions = self.form.add("actions", _("Carried out by action &items:"), QListWidget())
        self._fill_links(activity)
        self._load(activity, result_id, objective_id)
        lay_out_form(self, self.form, self.save)

    def _fill_places(self) -> None:
        """Objectives, each followed by its results (indented): an activity sits under one of them."""
        self.place.addItem(_("not under an objective"), (None, None))
        for node in framework(self.store, self.group_id).objectives:
            objective = node.objective
            self.place.addItem(" ".join(p for p in (objective.code, screen(objective.title)) if p), (objective.id, None))
            for result_node in node.results:
                result = result_node.result
                text = "    " + " ".join(p for p in (result.code, screen(result.title)) if p)
                self.place.addItem(text, (objective.id, result.id))

    def _fill_links(self, activity: Activity | None) -> None:
        """The group's meetings and action items, ticked where they carry the activity out."""
        linked_meetings = set(self.store.activities.meeting_ids(activity.id)) if activity else set()
        linked_actions = set(self.store.activities.action_ids(activity.id)) if activity else set()
        # A big group has thousands of meetings and 100,000 action items: offer the recent meetings and
        # the open items (plus whatever is already linked), not a list nobody can scroll.
        meetings = self.store.meetings.list(group_id=self.group_id)  # newest first
        shown = meetings[:SHOWN_CHOICES] + [m for m in meetings[SHOWN_CHOICES:] if m.id in linked_meetings]
        for meeting in shown:
            text = " ".join(p for p in (format_date(meeting.date), screen(meeting.title or meeting.place)) if p)
            self._check_item(self.meetings, text, meeting.id, meeting.id in linked_meetings)
        items = self.store.actions.open(self.group_id)[:SHOWN_CHOICES]
        items += [self.store.actions.get(i) for i in linked_actions - {item.id for item in items}]
        for item in items:
            self._check_item(self.actions, screen(item.title), item.id, item.id in linked_actions)
        for widget in (self.meetings, self.actions):
            widget.setMaximumHeight(90)

    @staticmethod
    def _check_item(widget: QListWidget, text: str, record_id: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)

    @staticmethod
    def ticked(widget: QListWidget) -> set[str]:
        return {widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(widget.count())
                if widget.item(r).checkState() == Qt.CheckState.Checked}

    def tick(self, widget: QListWidget, record_id: str) -> None:
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == record_id:
                widget.item(row).setCheckState(Qt.CheckState.Checked)

    def _save_links(self, activity_id: str) -> None:
        repo = self.store.activities
        meetings, actions = self.ticked(self.meetings), self.ticked(self.actions)
        current_meetings, current_actions = set(repo.meeting_ids(activity_id)), set(repo.action_ids(activity_id))
        for meeting_id in meetings - current_meetings:
            repo.link_meeting(activity_id, meeting_id)
        for meeting_id in current_meetings - meetings:
            repo.unlink_meeting(activity_id, meeting_id)
        for action_id in actions - current_actions:
            repo.link_action(activity_id, action_id)
        for action_id in current_actions - actions:
            repo.unlink_action(activity_id, action_id)

    def _load(self, activity: Activity | None, result_id: str | None, objective_id: str | None) -> None:
        if activity is not None:
            result_id, objective_id = activity.result_id, activity.objective_id
        for index in range(self.place.count()):
            objective, result = self.place.itemData(index)
            if (result_id and result == result_id) or (not result_id and result is None and objective == objective_id):
                self.place.setCurrentIndex(index)
        if activity is None:
            return
        self.code.setText(activity.code or "")
        self.title_edit.setText(activity.title)
        self.start.set_value(activity.start_date)
        self.end.set_value(activity.end_date)
        self.status.setCurrentIndex(max(0, self.status.findData(activity.status)))
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(activity.owner_organisation_id)))
        self.person.setCurrentIndex(max(0, self.person.findData(activity.owner_person_id)))
        if activity.budget_amount is not None:
            self.budget.setText(format_number(activity.budget_amount, 2).rstrip("0").rstrip(".,"))
        self.currency.setText(activity.currency or "")
        self.description.setPlainText(activity.description or "")

    def values(self) -> dict:
        objective_id, result_id = self.place.currentData()
        return {"objective_id": objective_id, "result_id": result_id, "code": self.code.text(),
                "title": self.title_edit.text(), "start_date": self.start.check("start_date"), "end_date": self.end.check("end_date"),
                "status": self.status.currentData(), "owner_organisation_id": self.organisation.currentData(),
                "owner_person_id": self.person.currentData(),
                "budget_amount": parse_number(self.budget.text(), "budget_amount", _("Budget")),
                "currency": self.currency.text().strip().upper() or None,
                "description": self.description.toPlainText()}

    def save(self) -> None:
        try:
            with self.store.transaction():  # the activity and its links, all or nothing
                if self.activity is None:
                    self.saved = self.store.activities.create(group_id=self.group_id, **self.values())
                else:
                    self.saved = self.store.activities.update(self.activity.id, **self.values())
                self._save_links(self.saved.id)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
