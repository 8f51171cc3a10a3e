"""Create a working group: asks for its name (country and region can be filled in later)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext


def create_group(ctx: AppContext, parent: QWidget | None = None) -> str | None:
    """Ask for a name, create the group, make it the current one; its id, or None when cancelled."""
    name, ok = QInputDialog.getText(parent, _("New working group"), _("Name of the working group:"))
    while ok:
        try:
            group = ctx.store.groups.create(name=name)
        except FieldGroupError as exc:
            QMessageBox.warning(parent, _("New working group"), str(exc))
            name, ok = QInputDialog.getText(parent, _("New working group"), _("Name of the working group:"), text=name)
            continue
        ctx.changed("groups")
        ctx.set_group(group.id)
        return group.id
    return None
