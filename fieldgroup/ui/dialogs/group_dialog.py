"""Create or edit a working group: name, kind, country, region, parent group, language, balance threshold."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QLineEdit, QWidget

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.balance import DEFAULT_THRESHOLD
from fieldgroup.core.choices import GROUP_KIND
from fieldgroup.core.entities import Group
from fieldgroup.core.members import group_tree, subgroup_ids
from fieldgroup.core.mentions import Directory
from fieldgroup.i18n import SUPPORTED_LANGUAGES, _, language_name
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.validated_form import ValidatedForm


class GroupDialog(QDialog):
    """One group's settings; a new group can be placed under a national group (`parent_id`)."""

    def __init__(self, store: Store, group: Group | None = None, parent_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group = store, group
        self.saved: Group | None = None
        self.setWindowTitle(_("Edit working group") if group else _("New working group"))
        self.setMinimumWidth(580)
        self.form = ValidatedForm()
        self.name = self.form.add("name", _("&Name:"), QLineEdit())
        self.kind = self.form.add("kind", _("&Kind:"), QComboBox())
        for choice in GROUP_KIND:
            self.kind.addItem(GROUP_KIND.label(choice.value), choice.value)
        self.parent_group = self.form.add("parent_id", _("&Part of:"), QComboBox())
        self._fill_parents()
        self.country = self.form.add("country", _("&Country:"), QLineEdit())
        self.region = self.form.add("region", _("&Region:"), MentionLine(None, lambda: Directory.from_store(store)))
        self.language = self.form.add("language", _("&Language:"), QComboBox())
        self.language.addItem(_("(the app's language)"), None)
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.threshold = self.form.add("balance_threshold", _("&Balance threshold:"), QDoubleSpinBox())
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.home = self.form.add("include_home_governments", "", QCheckBox(
            _("Count &home governments (embassies) in the government pillar")))
        self.home.setToolTip(_("Off by default: the balance counts the host government, and embassies are shown "
                               "beside it."))
        self._show(group, parent_id)
        lay_out_form(self, self.form, self.save)

    def _fill_parents(self) -> None:
        below = set(subgroup_ids(self.store, self.group.id)) if self.group else set()
        self.parent_group.addItem(_("(none: a national group)"), None)
        for node in group_tree(self.store):
            if node.group.id not in below:  # a group cannot sit under itself or its own sub-groups
                self.parent_group.addItem("    " * node.depth + node.group.name, node.group.id)

    def _show(self, group: Group | None, parent_id: str | None) -> None:
        chosen = group.parent_id if group else parent_id
        self.parent_group.setCurrentIndex(max(self.parent_group.findData(chosen), 0))
        kind = group.kind if group and group.kind else ("regional" if chosen else "national")
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        parent_group = self.store.groups.find(chosen) if chosen else None
        self.threshold.setValue(group.balance_threshold if group and group.balance_threshold else DEFAULT_THRESHOLD)
        if group is None:
            if parent_group:  # a sub-group shares its national group's country and language
                self.country.setText(parent_group.country or "")
                self.language.setCurrentIndex(max(self.language.findData(parent_group.language), 0))
            return
        self.name.setText(group.name)
        self.country.setText(group.country or "")
        self.region.setText(group.region or "")
        self.language.setCurrentIndex(max(self.language.findData(group.language), 0))
        self.home.setChecked(group.include_home_governments)

    def values(self) -> dict:
        threshold = round(self.threshold.value(), 2)
        return {"name": self.name.text(), "kind": self.kind.currentData(), "parent_id": self.parent_group.currentData(),
                "country": self.country.text(), "region": self.region.text(), "language": self.language.currentData(),
                "balance_threshold": None if threshold == DEFAULT_THRESHOLD and not (
                    self.group and self.group.balance_threshold) else threshold,
                "include_home_governments": self.home.isChecked()}

    def save(self) -> None:
        try:
            if self.group is None:
                self.saved = self.store.groups.create(**self.values())
            else:
                self.saved = self.store.groups.update(self.group.id, **self.values())
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()


def create_group(ctx: AppContext, parent: QWidget | None = None, parent_id: str | None = None) -> str | None:
    """Ask for the new group's settings, create it, make it the current one; its id, or None when cancelled."""
    dialog = GroupDialog(ctx.store, None, parent_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
        return None
    ctx.changed("groups")
    ctx.set_group(dialog.saved.id)
    return dialog.saved.id


def edit_group(ctx: AppContext, group_id: str, parent: QWidget | None = None) -> bool:
    """Edit a group's settings; True when saved."""
    group = ctx.store.groups.find(group_id)
    if group is None:
        return False
    dialog = GroupDialog(ctx.store, group, None, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    ctx.changed("groups")
    return True
