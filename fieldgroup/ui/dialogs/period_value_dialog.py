"""Set one period of an indicator: its target and actual value, with a note and evidence (a meeting or action)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store, ValidationError
from fieldgroup.core import periods as period_maths
from fieldgroup.core.entities import Indicator
from fieldgroup.core.mentions import Directory
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.dialogs.indicator_dialog import parse_number
from fieldgroup.ui.widgets.kept_text import on_save
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.name_guard import guard_for
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.validated_form import ValidatedForm


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return format_number(value, 0 if value == int(value) else 2)


class PeriodValueDialog(QDialog):
    """Empty target or actual fields remove what was stored for that period; all is saved in one transaction."""

    def __init__(self, store: Store, indicator: Indicator, period: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.indicator = store, indicator
        self.saved = False
        self.loaded_note: str | None = None  # as loaded, to tell an edit from a sync's conversion
        self.setWindowTitle(_("Target and actual value"))
        self.setMinimumWidth(520)
        example = "2025-Q3" if indicator.period_kind == "quarter" else "2025"
        self.form = ValidatedForm()
        self.period = self.form.add("period", _("&Period:"), QLineEdit())
        self.period.setPlaceholderText(_("for example {example}").format(example=example))
        self.target = self.form.add("target", _("&Target:"), QLineEdit())
        self.actual = self.form.add("actual", _("&Actual value:"), QLineEdit())
        if indicator.unit == "yes_no":
            for edit in (self.target, self.actual):
                edit.setPlaceholderText(_("yes or no"))
        # Protection: people in the note are mentions (type @), and names typed plainly are flagged.
        self.note = self.form.add("note", _("&Note:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.note.setMaximumHeight(70)
        self.form.addRow(guard_for(self.note, store))
        self.evidence_meeting = self.form.add("evidence_meeting_id", _("Evidence: &meeting:"), QComboBox())
        self.evidence_meeting.addItem(_("— none —"), None)
        for meeting in store.meetings.list(group_id=indicator.group_id):
            label = " · ".join(filter(None, (format_date(meeting.date), shown(meeting.title or meeting.place))))
            self.evidence_meeting.addItem(label, meeting.id)
        self.evidence_action = self.form.add("evidence_action_id", _("Evidence: a&ction item:"), QComboBox())
        if indicator.computed:
            self.actual.setEnabled(False)
            self.actual.setPlaceholderText(_("computed by FieldGroup"))
            for widget in (self.note, self.evidence_meeting, self.evidence_action):
                widget.setEnabled(False)
        self._load(period)
        self.period.editingFinished.connect(self._fill_actions)
        lay_out_form(self, self.form, self.save)

    def _load(self, period: str | None) -> None:
        if period is None:
            self._fill_actions()
            return
        self.period.setText(period)
        self.period.setReadOnly(True)
        target = self.store.targets.of_indicator(self.indicator.id).get(period)
        value = self.store.values.of_indicator(self.indicator.id).get(period)
        self.target.setText(_number_text(target.value if target else None))
        if value and not self.indicator.computed:
            self.actual.setText(_number_text(value.value))
            self.note.setPlainText(value.note or "")
            self.loaded_note = self.note.toPlainText()
            self.evidence_meeting.setCurrentIndex(max(self.evidence_meeting.findData(value.evidence_meeting_id), 0))
        self._fill_actions(value.evidence_action_id if value else None)

    def _fill_actions(self, current: str | None = None) -> None:
        """Offer the action items due or done within the period (a whole store's items would be too many)."""
        current = current or self.evidence_action.currentData()
        self.evidence_action.clear()
        self.evidence_action.addItem(_("— none —"), None)
        period = self.period.text().strip()
        if not period_maths.is_valid(period, self.indicator.period_kind):
            return
        first, last = period_maths.bounds(period)
        for row in self.store.actions.tracker_rows(self.indicator.group_id):
            day = row.completed_on or row.due_date
            if (day and first <= day <= last) or row.id == current:
                self.evidence_action.addItem(shown(row.title), row.id)
        self.evidence_action.setCurrentIndex(max(self.evidence_action.findData(current), 0))

    def save(self) -> None:
        store, ind = self.store, self.indicator
        period = self.period.text().strip()
        try:
            target = parse_number(self.target.text(), "target", _("Target"), ind.unit)
            actual = parse_number(self.actual.text(), "actual", _("Actual value"), ind.unit)
            with store.transaction():
                self._save_one(store.targets, "target", period, target, {})
                if not ind.computed:
                    extra = {"note": self._note_keeping_mentions(period) or None,
                             "evidence_meeting_id": self.evidence_meeting.currentData(),
                             "evidence_action_id": self.evidence_action.currentData()}
                    self._save_one(store.values, "actual", period, actual, extra)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.saved = True
        self.accept()

    def _note_keeping_mentions(self, period: str) -> str:
        """A sync may have turned names in the note into mentions while the dialog was open: keep them."""
        typed = self.note.toPlainText()
        if self.loaded_note is None:
            return typed
        fresh = self.store.values.of_indicator(self.indicator.id).get(period)
        return on_save(self.store, self.loaded_note, typed, fresh.note if fresh else None)

    def _save_one(self, repository, field: str, period: str, value: float | None, extra: dict) -> None:
        try:
            if value is None:
                if period in repository.of_indicator(self.indicator.id):
                    repository.remove(self.indicator.id, period)
                return
            repository.set(self.indicator.id, period, value, **extra)
        except ValidationError as exc:
            # The API names "value" for both; say which box of this dialog is wrong.
            raise ValidationError(field if exc.field == "value" else exc.field, exc.message) from exc
