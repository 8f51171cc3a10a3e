"""Create or edit an objective: code, title, time horizon, period and the successes written down so far."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.mentions import Directory
from fieldgroup.core.results_choices import HORIZON_LABELS, HORIZONS
from fieldgroup.core.results_entities import Objective
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.optional_date import OptionalDate
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class ObjectiveDialog(QDialog):
    def __init__(self, store: Store, group_id: str, objective: Objective | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.objective = store, group_id, objective
        self.saved: Objective | None = None
        self.setWindowTitle(_("Edit objective") if objective else _("New objective"))
        self.setMinimumWidth(520)
        self.form = ValidatedForm()
        self.code = self.form.add("code", _("&Code:"), QLineEdit())
        self.title_edit = self.form.add("title", _("&Title:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.horizon = self.form.add("horizon", _("Time &horizon:"), QComboBox())
        for horizon in HORIZONS:
            self.horizon.addItem(str(HORIZON_LABELS[horizon]), horizon)
        self.start = self.form.add("start_date", _("&Start:"), OptionalDate(_("from"), store.today()))
        self.end = self.form.add("end_date", _("&End:"), OptionalDate(_("until"), store.today()))
        self.description = self.form.add("description", _("&Description:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.description.setMaximumHeight(60)
        self.successes = self.form.add("successes", _("S&uccesses:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.successes.setPlaceholderText(_("What has been achieved, for members, funders and the annual report"))
        self.successes.setMaximumHeight(90)
        if objective is not None:
            self.code.setText(objective.code or "")
            self.title_edit.setText(objective.title)
            self.horizon.setCurrentIndex(max(0, self.horizon.findData(objective.horizon)))
            self.start.set_value(objective.start_date)
            self.end.set_value(objective.end_date)
            self.description.setPlainText(objective.description or "")
            self.successes.setPlainText(objective.successes or "")
        lay_out_form(self, self.form, self.save)

    def values(self) -> dict:
        return {"code": self.code.text(), "title": self.title_edit.text(), "horizon": self.horizon.currentData(),
                "start_date": self.start.check("start_date"), "end_date": self.end.check("end_date"),
                "description": self.description.toPlainText(), "successes": self.successes.toPlainText()}

    def save(self) -> None:
        try:
            if self.objective is None:
                self.saved = self.store.objectives.create(group_id=self.group_id, **self.values())
            else:
                self.saved = self.store.objectives.update(self.objective.id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
