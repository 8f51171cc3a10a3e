"""Move a record kept under a deleted parent (sync review): pick its new parent from a filterable list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.i18n import _


class MoveKeptDialog(QDialog):
    """`chosen` is the id of the record picked, or None when the user cancelled."""

    def __init__(self, record: str, kind: str, targets: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(_("Move to…"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Choose the {kind} that {record} should belong to:").format(kind=kind, record=record)
                       if targets else _("There is no other {kind} to move {record} to; keep it or delete it.")
                       .format(kind=kind, record=record))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Type to filter"))
        self.filter.setAccessibleName(_("Filter"))
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Where to move it"))
        for target_id, name in targets:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, target_id)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        self.list.currentItemChanged.connect(lambda *_a: self._update_ok())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Move"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        current = self.list.currentItem()
        if current is None or current.isHidden():
            visible = [self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()]
            self.list.setCurrentItem(visible[0] if len(visible) == 1 else None)
        self._update_ok()

    def _update_ok(self) -> None:
        current = self.list.currentItem()
        self.ok.setEnabled(current is not None and not current.isHidden())

    def _accept(self) -> None:
        current = self.list.currentItem()
        if current is None or current.isHidden():
            return
        self.chosen = current.data(Qt.ItemDataRole.UserRole)
        self.accept()
