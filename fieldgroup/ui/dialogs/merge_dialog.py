"""Merge two duplicate people or organisations: pick the one to keep, see what moves to it, then merge."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class MergeDialog(QDialog):
    """`kind` is "people" or "organisations"; `choices` are (id, label) of the records that can take part."""

    def __init__(self, store: Store, kind: str, choices: list[tuple[str, str]], keep_id: str | None = None,
                 duplicate_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.kind = store, kind
        self.merged = None
        people = kind == "people"
        self.setWindowTitle(_("Merge duplicate people") if people else _("Merge duplicate organisations"))
        self.setMinimumWidth(520)
        self.form = ValidatedForm()
        self.keep = self.form.add("keep", _("&Keep:"), QComboBox())
        self.duplicate = self.form.add("duplicate", _("&Merge into it and delete:"), QComboBox())
        for combo in (self.keep, self.duplicate):
            for record_id, label in choices:
                combo.addItem(label, record_id)
            combo.currentIndexChanged.connect(self._explain)
        if keep_id:
            self.keep.setCurrentIndex(max(self.keep.findData(keep_id), 0))
        if duplicate_id:
            self.duplicate.setCurrentIndex(max(self.duplicate.findData(duplicate_id), 0))
        elif self.duplicate.count() > 1 and self.duplicate.currentIndex() == self.keep.currentIndex():
            self.duplicate.setCurrentIndex(1 if self.keep.currentIndex() == 0 else 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("What the merge moves"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(_("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._explain()

    def _explain(self) -> None:
        keep, duplicate = self.keep.currentData(), self.duplicate.currentData()
        if not hasattr(self, "summary"):
            return
        if keep is None or keep == duplicate:
            self.summary.setText(_("Choose two different records: the one to keep and its duplicate."))
            self.merge_button.setEnabled(False)
            return
        self.merge_button.setEnabled(True)
        self.summary.setText(self.what_moves(keep, duplicate))

    def what_moves(self, keep: str, duplicate: str) -> str:
        store, name_keep, name_dup = self.store, self.keep.currentText(), self.duplicate.currentText()
        actions_field = "owner_person_id" if self.kind == "people" else "owner_organisation_id"
        actions = store.actions.count(**{actions_field: duplicate})
        actions_text = ngettext("{n} action item", "{n} action items", actions).format(n=format_number(actions))
        if self.kind == "people":
            attendance = store.attendance.count(person_id=duplicate)
            moved = ngettext("{n} attendance record", "{n} attendance records", attendance).format(n=format_number(attendance))
        else:
            people = store.people.count(organisation_id=duplicate)
            moved = ngettext("{n} person", "{n} people", people).format(n=format_number(people))
        return _("{moved} and {actions} move from “{duplicate}” to “{keep}”; then “{duplicate}” is deleted. "
                 "Empty details of the kept record are filled from the duplicate.").format(
            moved=moved, actions=actions_text, duplicate=name_dup, keep=name_keep)

    def merge(self) -> None:
        keep, duplicate = self.keep.currentData(), self.duplicate.currentData()
        try:
            if self.kind == "people":
                self.merged = self.store.merge_people(keep, duplicate)
            else:
                self.merged = self.store.merge_organisations(keep, duplicate)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
