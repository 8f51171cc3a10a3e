"""The Help menu: the user guide, the log folder and the About box."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldgroup import __version__
from fieldgroup.i18n import _
from fieldgroup.paths import install_dir, log_dir


def user_guide(parent: QWidget) -> None:
    """F1: the guide in a window of the app (a .md file handed to the system opens in an editor, if at all)."""
    guide = install_dir() / "docs" / "user-guide.md"
    if guide.exists():
        from fieldgroup.ui.dialogs.guide_dialog import GuideDialog

        parent.guide = GuideDialog(parent)  # kept: a non-modal window Python must not collect
        parent.guide.show()
    else:
        QMessageBox.information(parent, _("User guide"), _("The user guide is not installed with this copy of FieldGroup."))


def open_log_folder() -> None:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, _("About FieldGroup"), _(
        "FieldGroup {version}\n\nMinutes, action items, pillar balance and M&E for multi-stakeholder "
        "working groups, synced by USB stick.\n\nLicence: GPL-3.0-or-later."
    ).format(version=__version__))
