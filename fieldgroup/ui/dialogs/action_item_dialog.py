"""Create or edit one action item: title, owner (person or organisation), due date and status."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.entities import ActionItem
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.schema import ACTION_STATUSES
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.data import person_choices
from fieldgroup.ui.labels import ACTION_STATUS_LABELS, label, pillar_label
from fieldgroup.ui.widgets.dates import date_edit, from_qdate, to_qdate
from fieldgroup.ui.widgets.field_errors import ErrorLabel, FieldErrors


def _searchable(combo: QComboBox) -> None:
    """Let the user type part of a name to pick from a long list."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class ActionItemDialog(QDialog):
    """On accept, the item is saved and `action_id` holds its id."""

    def __init__(self, ctx: AppContext, meeting_id: str | None = None, action: ActionItem | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.meeting_id, self.action = ctx, meeting_id, action
        self.action_id: str | None = action.id if action else None
        self.setWindowTitle(_("Edit action item") if action else _("New action item"))
        self.setMinimumWidth(480)
        self._build_fields()
        self._build_layout()
        self._load(action)

    def _build_fields(self) -> None:
        store = self.ctx.store
        self.title = QLineEdit(self)
        self.title.setAccessibleName(_("Title"))
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(_("Description"))
        self.description.setFixedHeight(70)
        self.owner = QComboBox(self)
        self.owner.setAccessibleName(_("Owner"))
        self.owner.addItem(_("(nobody)"), None)
        for choice in person_choices(store, self.ctx.group_id):
            self.owner.addItem(f"{choice.person.name} — {choice.organisation}", choice.id)
        _searchable(self.owner)
        self.owner_org = QComboBox(self)
        self.owner_org.setAccessibleName(_("Owner organisation"))
        self.owner_org.addItem(_("(the owner's organisation)"), None)
        for org in store.organisations.list(group_id=self.ctx.group_id):
            self.owner_org.addItem(f"{org.name} ({pillar_label(org.pillar)})", org.id)
        _searchable(self.owner_org)
        self.has_due = QCheckBox(_("Due by"), self)
        self.due = date_edit(self, store.today() + timedelta(days=30))
        self.due.setAccessibleName(_("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        self.status = QComboBox(self)
        self.status.setAccessibleName(_("Status"))
        for status in ACTION_STATUSES:
            self.status.addItem(label(ACTION_STATUS_LABELS, status), status)

    def _build_layout(self) -> None:
        self.errors = FieldErrors(ErrorLabel(self))
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout()
        rows = (
            (_("&Title"), self.title, "title"),
            (_("&Description"), self.description, "description"),
            (_("&Owner"), self.owner, "owner_person_id"),
            (_("Owner o&rganisation"), self.owner_org, "owner_organisation_id"),
            (_("Due &date"), due_row, "due_date"),
            (_("&Status"), self.status, "status"),
        )
        for text, widget, field in rows:
            form.addRow(text, widget)
            error = ErrorLabel(self)
            form.addRow("", error)
            self.errors.add(field, error, self.due if field == "due_date" else widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def _load(self, action: ActionItem | None) -> None:
        self.has_due.setChecked(True)
        if action is None:
            return
        self.title.setText(action.title)
        self.description.setPlainText(action.description or "")
        self.owner.setCurrentIndex(max(self.owner.findData(action.owner_person_id), 0))
        self.owner_org.setCurrentIndex(max(self.owner_org.findData(action.owner_organisation_id), 0))
        self.has_due.setChecked(action.due_date is not None)
        if action.due_date:
            self.due.setDate(to_qdate(action.due_date))
        self.status.setCurrentIndex(max(self.status.findData(action.status), 0))

    def values(self) -> dict:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "owner_person_id": self.owner.currentData() if self.owner.currentIndex() > 0 else None,
            "owner_organisation_id": self.owner_org.currentData() if self.owner_org.currentIndex() > 0 else None,
            "due_date": from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            "status": self.status.currentData(),
        }

    def accept(self) -> None:
        actions = self.ctx.store.actions
        try:
            if self.action is None:
                item = actions.create(group_id=self.ctx.group_id, meeting_id=self.meeting_id, **self.values())
            else:
                item = actions.update(self.action.id, **self.values())
        except FieldGroupError as exc:
            self.errors.show(exc)
            return
        self.action_id = item.id
        self.ctx.changed("action_items")
        super().accept()
