"""The Help menu: the user guide, the log folder and the About box."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldgroup import __version__
from fieldgroup.i18n import _
from fieldgroup.paths import install_dir, log_dir


def user_guide(parent: QWidget) -> None:
    guide = install_dir() / "docs" / "user-guide.md"
    if guide.exists():
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide)))
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
