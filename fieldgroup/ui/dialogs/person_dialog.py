"""Create or edit a person: name, organisation, role, gender, contact, protected and focal-point flags."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import DIVERSITY
from fieldgroup.core.entities import Person
from fieldgroup.core.members import network_organisations
from fieldgroup.core.mentions import Directory
from fieldgroup.core.schema import GENDERS, PILLAR_LABELS
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.dialog_draft import DialogDraft
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.models.people_model import GENDER_LABELS
from fieldgroup.ui.widgets.kept_text import kept
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class PersonDialog(QDialog):
    """Saves through the API on Save; a ValidationError keeps the dialog open and shows beside its field."""

    def __init__(self, store: Store, group_id: str, person: Person | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.person = store, person
        self.saved: Person | None = None
        self.setWindowTitle(_("Edit person") if person else _("New person"))
        self.setMinimumWidth(480)
        self.form = ValidatedForm()
        self.name = self.form.add("name", _("&Name:"), QLineEdit())
        self.organisation = self.form.add("organisation_id", _("&Organisation:"), QComboBox())
        for org in network_organisations(store, group_id):  # people belong to the network, not to one group
            self.organisation.addItem(_("{name} ({pillar})").format(name=org.name, pillar=PILLAR_LABELS[org.pillar]),
                                      org.id)
        self.role = self.form.add("role", _("&Role:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.gender = self.form.add("gender", _("&Gender:"), QComboBox())
        self.gender.addItem(_("not recorded"), None)
        for gender in GENDERS:
            self.gender.addItem(str(GENDER_LABELS[gender]), gender)
        self.email = self.form.add("email", _("&Email:"), QLineEdit())
        self.phone = self.form.add("phone", _("&Phone:"), QLineEdit())
        self.protected = self.form.add("protected", "", QCheckBox(
            _("&Protected: never print or share this name unless I ask for it")))
        self.focal_point = self.form.add("focal_point", "", QCheckBox(_("&Focal point of the organisation")))
        self.tags = {tag.value: QCheckBox(DIVERSITY.label(tag.value)) for tag in DIVERSITY}
        self.form.add("indigenous", _("Optional, self-declared:"), self._tag_row())
        self.notes = self.form.add("notes", _("No&tes:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.notes.setMaximumHeight(80)
        if person:
            self._load(person)
        lay_out_form(self, self.form, self.save)
        self.draft = DialogDraft(self, store, "person", person.id if person else None, group_id, {
            "name": self.name, "organisation_id": self.organisation, "role": self.role, "gender": self.gender,
            "email": self.email, "phone": self.phone, "protected": self.protected,
            "focal_point": self.focal_point, "notes": self.notes, **self.tags})

    def _load(self, person: Person) -> None:
        self.name.setText(person.name)
        self.organisation.setCurrentIndex(max(self.organisation.findData(person.organisation_id), 0))
        self.role.setText(person.role or "")
        self.gender.setCurrentIndex(max(self.gender.findData(person.gender), 0))
        self.email.setText(shown(person.email))  # another person's contact here may be a mention
        self.phone.setText(shown(person.phone))
        self.protected.setChecked(person.protected)
        self.focal_point.setChecked(person.focal_point)
        self.notes.setPlainText(person.notes or "")
        for tag, box in self.tags.items():
            box.setChecked(getattr(person, tag))

    def _tag_row(self) -> QWidget:
        row = QWidget()
        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(self.tags.values()):
            layout.addWidget(box, index // 2, index % 2)
        row.setToolTip(_("Used only for totals of at least 5 people; never printed or shown per person."))
        return row

    def values(self) -> dict:
        return {
            "name": self.name.text(), "organisation_id": self.organisation.currentData(), "role": self.role.text(),
            "gender": self.gender.currentData(), "email": kept(self.email.text(), self.person and self.person.email),
            "phone": kept(self.phone.text(), self.person and self.person.phone),
            "protected": self.protected.isChecked(), "focal_point": self.focal_point.isChecked(),
            "notes": self.notes.toPlainText(),
        } | {tag: box.isChecked() for tag, box in self.tags.items()}

    def save(self) -> None:
        try:
            if self.person is None:
                self.saved = self.store.people.create(**self.values())
            else:
                self.saved = self.store.people.update(self.person.id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
