"""An ordered, editable agenda: add, edit in place, remove, move up and down; stored as one item per line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.i18n import _


class AgendaEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Agenda items"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.new_item = QLineEdit(self)
        self.new_item.setPlaceholderText(_("New agenda item, then Enter"))
        self.new_item.setAccessibleName(_("New agenda item"))
        self.new_item.returnPressed.connect(self.add_item)
        self.add_button = self._button(_("Add"), self.add_item)
        self.remove_button = self._button(_("Remove"), self.remove_item)
        self.up_button = self._button(_("Move up"), lambda: self.move(-1))
        self.down_button = self._button(_("Move down"), lambda: self.move(1))
        top = QHBoxLayout()
        top.addWidget(self.new_item, 1)
        top.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def items(self) -> list[str]:
        texts = (self.list.item(row).text().strip() for row in range(self.list.count()))
        return [text for text in texts if text]

    def set_items(self, items: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in items:
            self._append(text)
        self.list.blockSignals(False)

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_item(self) -> None:
        text = " ".join(self.new_item.text().split())  # one line per item: no line breaks inside
        if not text:
            self.new_item.setFocus()
            return
        self._append(text)
        self.new_item.clear()
        self.changed.emit()

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
