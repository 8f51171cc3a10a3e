"""Where to sync: plugged-in USB sticks first, one click each, then any other folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.i18n import _
from fieldgroup.sync.drives import removable_drives


class SyncTargetDialog(QDialog):
    """`chosen` is the folder picked, or None when the user closed the dialog."""

    def __init__(self, drives: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setWindowTitle(_("Sync with USB stick or folder"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Choose the USB stick (or shared folder) that carries your colleagues' bundles.")
                       if drives else _("No USB stick was found. Plug one in and open this again, or choose a folder."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.drive_buttons: list[QPushButton] = []
        for drive in drives:
            button = QPushButton(_("USB stick: {name}").format(name=drive.name or str(drive)))
            button.setToolTip(str(drive))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, d=drive: self._choose(d))
            self.drive_buttons.append(button)
            layout.addWidget(button)
        self.other_button = QPushButton(_("Choose another folder…"))
        self.other_button.clicked.connect(self._choose_other)
        layout.addWidget(self.other_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, folder: Path) -> None:
        self.chosen = folder
        self.accept()

    def _choose_other(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Folder to sync with"))
        if folder:
            self._choose(Path(folder))


def choose_sync_folder(parent: QWidget | None = None) -> Path | None:
    """Ask where to sync; None when cancelled."""
    dialog = SyncTargetDialog(removable_drives(), parent)
    dialog.exec()
    return dialog.chosen
