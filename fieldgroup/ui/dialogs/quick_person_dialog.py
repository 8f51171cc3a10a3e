"""Quick-add of a person while taking attendance: name, gender and an existing or new organisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.schema import GENDERS, PILLARS
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.labels import GENDER_LABELS, label, not_recorded, pillar_label
from fieldgroup.ui.widgets.field_errors import ErrorLabel, FieldErrors

NEW_ORGANISATION = "__new__"


class QuickPersonDialog(QDialog):
    """Creates the person (and their new organisation) in one save; `person_id` is set on accept."""

    def __init__(self, ctx: AppContext, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self.setWindowTitle(_("New person"))
        self.name = QLineEdit(name, self)
        self.name.setAccessibleName(_("Name"))
        self.gender = QComboBox(self)
        self.gender.setAccessibleName(_("Gender"))
        self.gender.addItem(not_recorded(), None)
        for gender in GENDERS:
            self.gender.addItem(label(GENDER_LABELS, gender), gender)
        self.organisation = QComboBox(self)
        self.organisation.setAccessibleName(_("Organisation"))
        self.organisation.addItem(_("New organisation…"), NEW_ORGANISATION)
        for org in ctx.store.organisations.list(group_id=ctx.group_id):
            self.organisation.addItem(f"{org.name} ({pillar_label(org.pillar)})", org.id)
        if self.organisation.count() > 1:
            self.organisation.setCurrentIndex(1)
        self.organisation.currentIndexChanged.connect(self._show_new_fields)
        self.org_name = QLineEdit(self)
        self.org_name.setAccessibleName(_("New organisation name"))
        self.pillar = QComboBox(self)
        self.pillar.setAccessibleName(_("Pillar"))
        for pillar in PILLARS:
            self.pillar.addItem(pillar_label(pillar), pillar)
        self._build_layout()
        self._show_new_fields()

    def _build_layout(self) -> None:
        self.errors = FieldErrors(ErrorLabel(self))
        form = QFormLayout()
        rows = (
            (_("&Name"), self.name, "name"),
            (_("&Gender"), self.gender, "gender"),
            (_("&Organisation"), self.organisation, "organisation_id"),
            (_("New organisation &name"), self.org_name, "organisation_name"),
            (_("&Pillar"), self.pillar, "pillar"),
        )
        for text, widget, field in rows:
            error = ErrorLabel(self)
            form.addRow(text, widget)
            form.addRow("", error)
            self.errors.add(field, error, widget)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add person"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def _show_new_fields(self) -> None:
        new = self.organisation.currentData() == NEW_ORGANISATION
        for widget in (self.org_name, self.pillar):
            self.form.setRowVisible(widget, new)

    def accept(self) -> None:
        store = self.ctx.store
        try:
            with store.transaction():
                org_id = self.organisation.currentData()
                if org_id == NEW_ORGANISATION:
                    org = self._create_organisation()
                    org_id = org.id
                person = store.people.create(organisation_id=org_id, name=self.name.text(), gender=self.gender.currentData())
        except FieldGroupError as exc:
            self.errors.show(exc)
            return
        self.person_id = person.id
        self.ctx.changed("people")
        super().accept()

    def _create_organisation(self):
        try:
            return self.ctx.store.organisations.create(
                group_id=self.ctx.group_id, name=self.org_name.text(), pillar=self.pillar.currentData())
        except FieldGroupError as exc:
            # The organisation's "name" is shown beside the new-organisation field, not the person's name.
            if getattr(exc, "field", None) == "name":
                exc.field = "organisation_name"
            raise
