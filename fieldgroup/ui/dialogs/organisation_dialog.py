"""Create or edit an organisation: name, pillar, sub-type, kind and region."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import ORG_SUBTYPE, subtypes_of
from fieldgroup.core.entities import Organisation
from fieldgroup.core.members import guess_subtype
from fieldgroup.core.mentions import Directory
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.dialog_draft import DialogDraft
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.mention_line import MentionLine
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
        self.subtype = self.form.add("subtype", _("&Sub-type:"), QComboBox())
        self.subtype.setToolTip(_("Who the organisation is within its pillar. Home governments (embassies) are "
                                  "shown apart from the host government in the balance."))
        self.kind = self.form.add("kind", _("&Kind:"), QLineEdit())
        self.kind.setPlaceholderText(_("e.g. ministry, mining company, NGO, embassy"))
        self.region = self.form.add("region", _("&Region:"), MentionLine(None, lambda: Directory.from_store(store)))
        if organisation:
            self.name.setText(organisation.name)
            self.pillar.setCurrentIndex(max(self.pillar.findData(organisation.pillar), 0))
            self.kind.setText(organisation.kind or "")
            self.region.setText(organisation.region or "")
        self._fill_subtypes(organisation.subtype if organisation else None)
        self.pillar.currentIndexChanged.connect(lambda _i: self._fill_subtypes(self.subtype.currentData()))
        self.kind.editingFinished.connect(self._suggest_subtype)
        lay_out_form(self, self.form, self.save)
        self.draft = DialogDraft(self, store, "organisation", organisation.id if organisation else None, group_id, {
            "name": self.name, "pillar": self.pillar, "subtype": self.subtype, "kind": self.kind,
            "region": self.region})

    def _fill_subtypes(self, chosen: str | None) -> None:
        """Only the sub-types of the chosen pillar; the current one stays chosen when it still fits."""
        self.subtype.clear()
        self.subtype.addItem(_("(not decided)"), None)
        for value in subtypes_of(self.pillar.currentData()):
            self.subtype.addItem(ORG_SUBTYPE.label(value), value)
        self.subtype.setCurrentIndex(max(self.subtype.findData(chosen), 0))

    def _suggest_subtype(self) -> None:
        """A kind that surely names a sub-type (in any of the six languages) fills it in when still undecided."""
        if self.subtype.currentData() is None:
            guess = guess_subtype(self.pillar.currentData(), self.kind.text(), self.name.text())
            self.subtype.setCurrentIndex(max(self.subtype.findData(guess), 0))

    def values(self) -> dict:
        return {"name": self.name.text(), "pillar": self.pillar.currentData(), "kind": self.kind.text(),
                "region": self.region.text(), "subtype": self.subtype.currentData()}

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
