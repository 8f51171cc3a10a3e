"""Create or edit one action item: title, owner, due date, status and the meeting it comes from."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.entities import ActionItem
from fieldgroup.core.mentions import Directory
from fieldgroup.core.schema import ACTION_STATUSES
from fieldgroup.formatting import format_date
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.dialog_draft import DialogDraft
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.models.action_tracker_model import STATUS_LABELS
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.dates import from_qdate, to_qdate  # noqa: F401 (the tracker imports from_qdate from here)
from fieldgroup.ui.widgets.kept_text import on_save
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.name_guard import guard_for
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.validated_form import ValidatedForm


def owner_combo() -> QComboBox:
    """A drop-down of ~200 people that filters as you type any part of a name or organisation."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
    return combo


class ActionItemDialog(QDialog):
    """Saves through the API when OK is pressed; a ValidationError stays open and shows beside its field."""

    def __init__(self, store: Store, group_id: str, item: ActionItem | None = None,
                 meeting_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.item = store, group_id, item
        self.saved: ActionItem | None = None
        self.loaded: dict[str, str] = {}  # the texts as loaded, to tell an edit from a sync's conversion
        self.setWindowTitle(_("Edit action item") if item else _("New action item"))
        self.setMinimumWidth(520)
        self.form = ValidatedForm()
        # Protection: people in the title and description are mentions (type @), not typed names.
        self.title = self.form.add("title", _("&Title:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.form.addRow(guard_for(self.title, store))
        self.description = self.form.add("description", _("&Description:"),
                                         MentionEdit(None, lambda: Directory.from_store(store)))
        self.description.setMaximumHeight(90)
        self.form.addRow(guard_for(self.description, store))
        self.owner = self.form.add("owner_person_id", _("&Owner:"), owner_combo())
        self.organisation = self.form.add("owner_organisation_id", _("Owner o&rganisation:"), QComboBox())
        self.due_set = QCheckBox(_("Has a due date"))
        self.due = DateField(None, store.today())  # typed whole, in the language's own date format or ISO
        self.due.setAccessibleName(_("Due date"))
        due_row = QWidget()
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.due_set)
        row.addWidget(self.due, 1)
        self.form.add("due_date", _("D&ue date:"), due_row)
        self.status = self.form.add("status", _("&Status:"), QComboBox())
        self.meeting = self.form.add("meeting_id", _("From &meeting:"), QComboBox())
        self._fill_choices(meeting_id or (item.meeting_id if item else None))
        self._load(item, meeting_id)
        lay_out_form(self, self.form, self.save)
        self.due_set.toggled.connect(self.due.setEnabled)
        self.draft = DialogDraft(self, store, "action", item.id if item else None, group_id, {
            "title": self.title, "description": self.description, "owner_person_id": self.owner,
            "owner_organisation_id": self.organisation, "due_set": self.due_set, "due_date": self.due,
            "status": self.status, "meeting_id": self.meeting})

    def _fill_choices(self, meeting_id: str | None) -> None:
        """Owners as "name — organisation", this meeting's attendees first; type to filter the list."""
        orgs = self.store.organisations.list(group_id=self.group_id)
        org_names = {o.id: o.name for o in orgs}
        came = {line.person_id for line in self.store.attendance.of_meeting(meeting_id)} if meeting_id else set()
        people = sorted((p for p in self.store.people.list() if p.organisation_id in org_names),
                        key=lambda p: (p.id not in came, p.name.casefold()))
        self.owner.addItem(_("— nobody —"), None)
        for person in people:
            name = _("{name} (protected)").format(name=person.name) if person.protected else person.name
            self.owner.addItem(f"{name} — {org_names[person.organisation_id]}", person.id)
            if came and person.id not in came and self.owner.itemData(self.owner.count() - 2) in came:
                self.owner.insertSeparator(self.owner.count() - 1)  # attendees above, everyone else below
        self.organisation.addItem(_("— the owner's organisation —"), None)
        for org in orgs:
            self.organisation.addItem(org.name, org.id)
        for status in ACTION_STATUSES:
            self.status.addItem(str(STATUS_LABELS[status]), status)
        self.meeting.addItem(_("— none —"), None)
        for meeting in self.store.meetings.list(group_id=self.group_id):
            label = " · ".join(filter(None, (format_date(meeting.date), shown(meeting.title or meeting.place))))
            self.meeting.addItem(label, meeting.id)

    def _load(self, item: ActionItem | None, meeting_id: str | None) -> None:
        def select(combo: QComboBox, value: str | None) -> None:
            combo.setCurrentIndex(max(combo.findData(value), 0))

        if item is None:
            self.due_set.setChecked(True)
            self.due.setDate(to_qdate(self.store.today() + timedelta(days=14)))
            select(self.meeting, meeting_id)
            return
        self.title.setText(item.title)
        self.description.setPlainText(item.description or "")
        self.loaded = {"title": self.title.text(), "description": self.description.toPlainText()}
        select(self.owner, item.owner_person_id)
        select(self.organisation, item.owner_organisation_id)
        select(self.status, item.status)
        select(self.meeting, item.meeting_id)
        self.due_set.setChecked(item.due_date is not None)
        self.due.setEnabled(item.due_date is not None)
        self.due.setDate(to_qdate(item.due_date or self.store.today() + timedelta(days=14)))

    def values(self) -> dict:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "owner_person_id": self.owner.currentData(),
            "owner_organisation_id": self.organisation.currentData(),
            "due_date": self.due.check("due_date") if self.due_set.isChecked() else None,
            "status": self.status.currentData(),
            "meeting_id": self.meeting.currentData(),
        }

    def _keeping_mentions(self, values: dict) -> dict:
        """A sync may have turned names into mentions while the dialog was open: saving keeps them."""
        fresh = self.store.actions.find(self.item.id) if self.item else None
        if fresh is None or not self.loaded:
            return values
        return values | {name: on_save(self.store, self.loaded[name], values[name], getattr(fresh, name))
                         for name in ("title", "description")}

    def save(self) -> None:
        try:
            values = self.values()
            if self.item is None:
                self.saved = self.store.actions.create(group_id=self.group_id, **values)
            else:
                self.saved = self.store.actions.update(self.item.id, **self._keeping_mentions(values))
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
