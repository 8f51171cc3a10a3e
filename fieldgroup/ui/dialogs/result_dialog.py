"""Create or edit a result: the objective it serves, code, title and whether it is an output or an outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.mentions import Directory
from fieldgroup.core.results_choices import RESULT_TYPE_LABELS, RESULT_TYPES
from fieldgroup.core.results_entities import Result
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class ResultDialog(QDialog):
    def __init__(self, store: Store, group_id: str, result: Result | None = None, objective_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.record = store, result
        self.saved: Result | None = None
        self.setWindowTitle(_("Edit result") if result else _("New result"))
        self.setMinimumWidth(480)
        self.form = ValidatedForm()
        self.objective = self.form.add("objective_id", _("&Objective:"), QComboBox())
        for objective in store.objectives.list(group_id=group_id):
            self.objective.addItem(" ".join(p for p in (objective.code, shown(objective.title)) if p), objective.id)
        self.code = self.form.add("code", _("&Code:"), QLineEdit())
        self.title_edit = self.form.add("title", _("&Title:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.result_type = self.form.add("result_type", _("T&ype:"), QComboBox())
        for kind in RESULT_TYPES:
            self.result_type.addItem(str(RESULT_TYPE_LABELS[kind]), kind)
        self.description = self.form.add("description", _("&Description:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.description.setMaximumHeight(70)
        chosen = result.objective_id if result else objective_id
        self.objective.setCurrentIndex(max(0, self.objective.findData(chosen)))
        if result is not None:
            self.code.setText(result.code or "")
            self.title_edit.setText(result.title)
            self.result_type.setCurrentIndex(max(0, self.result_type.findData(result.result_type)))
            self.description.setPlainText(result.description or "")
        lay_out_form(self, self.form, self.save)

    def values(self) -> dict:
        return {"objective_id": self.objective.currentData(), "code": self.code.text(),
                "title": self.title_edit.text(), "result_type": self.result_type.currentData(),
                "description": self.description.toPlainText()}

    def save(self) -> None:
        try:
            if self.record is None:
                self.saved = self.store.results.create(**self.values())
            else:
                self.saved = self.store.results.update(self.record.id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
