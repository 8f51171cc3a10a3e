"""The one "With sub-groups" checkbox: the same words and the same meaning (ticked = the regional and thematic
groups under this group are taken in) on every page and dialog; only its default differs by use."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from fieldgroup.core.members import subgroup_ids
from fieldgroup.i18n import N_, _

# What the box takes in, per use; the tooltip says it (and, where it is ticked by default, why).
TOOLTIPS = {
    "actions": N_("Include the action items of the regional and thematic groups under this group."),
    "members": N_("Include the meetings and members of the regional and thematic groups under this group."),
    "indicators": N_("Computed indicators count the meetings and action items of the regional and thematic groups "
                     "under this group, so this is ticked at first; untick it to count this group's own only. "
                     "Indicators whose values are entered by hand are not changed."),
}
# Computed indicators roll their sub-groups up by design (issue 17); lists and reports of members and
# action items show the group alone until asked (issue 18).
DEFAULTS = {"actions": False, "members": False, "indicators": True}


class SubgroupsCheck(QCheckBox):
    """Shown only for a group that has sub-groups; `include()` is what the page should read."""

    def __init__(self, use: str, parent: QWidget | None = None):
        super().__init__(_("With &sub-groups"), parent)
        self.setToolTip(str(TOOLTIPS[use]))
        self.setChecked(DEFAULTS[use])
        self.setVisible(False)

    def show_for(self, store: object, group_id: str | None) -> bool:
        """Show the box when `group_id` has sub-groups; returns whether they are to be taken in."""
        has_subgroups = bool(group_id) and len(subgroup_ids(store, group_id)) > 1
        self.setVisible(has_subgroups)
        return has_subgroups and self.isChecked()

    def include(self) -> bool:
        """Whether the sub-groups are taken in (never for a group without any)."""
        return not self.isHidden() and self.isChecked()

    def shown_choice(self) -> bool | None:
        """Ticked or not while the box is on show, else None: a dialog opened from the page starts from it."""
        return None if self.isHidden() else self.isChecked()
