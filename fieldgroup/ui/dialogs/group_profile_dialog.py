"""The group's profile: vision and mission, and who the group is to funders (IATI organisation, DHIS2 unit)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.mentions import Directory
from fieldgroup.core.results_entities import GroupProfile
from fieldgroup.i18n import _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class GroupProfileDialog(QDialog):
    def __init__(self, store: Store, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.saved: GroupProfile | None = None
        self.setWindowTitle(_("Vision, mission and funder identifiers"))
        self.setMinimumWidth(560)
        self.form = ValidatedForm()
        self.vision = self.form.add("vision", _("&Vision:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.mission = self.form.add("mission", _("&Mission:"), MentionEdit(None, lambda: Directory.from_store(store)))
        for box in (self.vision, self.mission):
            box.setMaximumHeight(70)
        self.org_ref = self.form.add("reporting_org_ref", _("IATI &organisation identifier:"), QLineEdit())
        self.org_ref.setPlaceholderText(_("for example GH-CHC-123456"))
        self.org_name = self.form.add("reporting_org_name", _("IATI organisation &name:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.org_type = self.form.add("reporting_org_type", _("IATI organisation &type code:"), QLineEdit())
        self.org_type.setPlaceholderText(_("for example 90 (other) or 22 (national NGO)"))
        self.org_unit = self.form.add("dhis2_org_unit", _("DHIS2 organisation &unit:"), QLineEdit())
        self.currency = self.form.add("currency", _("&Currency:"), QLineEdit())
        self.currency.setMaxLength(3)
        profile = store.profiles.of_group(group_id)
        if profile is not None:
            for widget, value in ((self.org_ref, profile.reporting_org_ref), (self.org_name, profile.reporting_org_name),
                                  (self.org_type, profile.reporting_org_type), (self.org_unit, profile.dhis2_org_unit),
                                  (self.currency, profile.currency)):
                widget.setText(value or "")
            self.vision.setPlainText(profile.vision or "")
            self.mission.setPlainText(profile.mission or "")
        lay_out_form(self, self.form, self.save)

    def values(self) -> dict:
        return {"vision": self.vision.toPlainText(), "mission": self.mission.toPlainText(),
                "reporting_org_ref": self.org_ref.text(), "reporting_org_name": self.org_name.text(),
                "reporting_org_type": self.org_type.text(), "dhis2_org_unit": self.org_unit.text(),
                "currency": self.currency.text().strip().upper() or None}

    def save(self) -> None:
        try:
            self.saved = self.store.profiles.set(self.group_id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
