"""Create or edit an organisation: name, pillar, kind and region."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.entities import Organisation
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class OrganisationDialog(QDialog):
    def __init__(self, store: Store, group_id: str, organisation: Organisation | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.organisation = store, group_id, organisation
        self.saved: Organisation | None = None
        self.setWindowTitle(_("Edit organisation") if organisation else _("New organisation"))
        self.setMinimumWidth(440)
        self.form = ValidatedForm()
        self.name = self.form.add("name", _("&Name:"), QLineEdit())
        self.pillar = self.form.add("pillar", _("&Pillar:"), QComboBox())
        for pillar in PILLARS:
            self.pillar.addItem(str(PILLAR_LABELS[pillar]), pillar)
        self.kind = self.form.add("kind", _("&Kind:"), QLineEdit())
        self.kind.setPlaceholderText(_("e.g. ministry, mining company, NGO, embassy"))
        self.region = self.form.add("region", _("&Region:"), QLineEdit())
        if organisation:
            self.name.setText(organisation.name)
            self.pillar.setCurrentIndex(max(self.pillar.findData(organisation.pillar), 0))
            self.kind.setText(organisation.kind or "")
            self.region.setText(organisation.region or "")
        lay_out_form(self, self.form, self.save)

    def values(self) -> dict:
        return {"name": self.name.text(), "pillar": self.pillar.currentData(), "kind": self.kind.text(),
                "region": self.region.text()}

    def save(self) -> None:
        try:
            if self.organisation is None:
                self.saved = self.store.organisations.create(group_id=self.group_id, **self.values())
            else:
                self.saved = self.store.organisations.update(self.organisation.id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
