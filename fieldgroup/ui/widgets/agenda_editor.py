"""An ordered, editable agenda: add, edit in place, remove, move up and down; stored as one item per line.

Items may hold mentions (type @): the list shows names (placeholders in presentation mode) and keeps
the stored text, tokens included, in each item; editing in place uses a one-line mention box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import mentions
from fieldgroup.core.mentions import Directory
from fieldgroup.i18n import _
from fieldgroup.ui.widgets import presentation
from fieldgroup.ui.widgets.mention_line import MentionLine

STORED = Qt.ItemDataRole.UserRole + 7


class _MentionDelegate(QStyledItemDelegate):
    """Edits an item in place in a one-line mention box, on its stored text."""

    def __init__(self, agenda: AgendaEditor):
        super().__init__(agenda)
        self.agenda = agenda

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex) -> QWidget:  # noqa: N802
        editor = MentionLine(parent, self.agenda.directory)
        editor.returnPressed.connect(lambda: self.commitData.emit(editor))
        editor.returnPressed.connect(lambda: self.closeEditor.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setText(index.data(STORED))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.text(), STORED)
        model.setData(index, self.agenda.shown(editor.text()), Qt.ItemDataRole.DisplayRole)


class AgendaEditor(QWidget):
    changed = Signal()
    textChanged = Signal()  # noqa: N815 - what the name guard listens to

    def __init__(self, parent: QWidget | None = None, directory: Callable[[], Directory] | None = None,
                 forget: Callable[[], None] | None = None):
        super().__init__(parent)
        self._directory_of = directory or (lambda: Directory(()))
        self._forget = forget  # a directory shared with other boxes: forgotten there too ("Not this person")
        self._directory: Directory | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Agenda items"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setItemDelegate(_MentionDelegate(self))
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.changed.connect(self.textChanged)
        presentation.state().changed.connect(self._reshow)  # a bound slot: let go when deleted
        self.new_item = MentionLine(self, self.directory)
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

    # ---- people in the items ----

    def directory(self) -> Directory:
        if self._directory is None:
            self._directory = self._directory_of()
        return self._directory

    def refresh_directory(self) -> None:
        self._directory = None
        if self._forget is not None:
            self._forget()
        self.new_item.refresh_directory()

    def shown(self, text: str) -> str:
        """An item as the list shows it: mentions as names, every protected name masked when presenting."""
        mode = mentions.PRESENTATION if presentation.state().on else mentions.SCREEN
        return self.directory().render(text, mode) if mode != mentions.SCREEN or "@{" in text else text

    def _reshow(self, _on: bool = False) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(self.shown(item.data(STORED) or ""))
        self.list.blockSignals(False)

    # ---- the name guard speaks to the agenda as to a text box: one item per line ----

    def toPlainText(self) -> str:  # noqa: N802 - the MentionEdit interface
        return "\n".join(self.items())

    def setPlainText(self, text: str) -> None:  # noqa: N802 - the MentionEdit interface
        self.set_items([line for line in text.splitlines() if line.strip()])
        self.changed.emit()

    # ---- items ----

    def items(self) -> list[str]:
        """The stored text of each item, mentions as tokens."""
        texts = ((self.list.item(row).data(STORED) or "").strip() for row in range(self.list.count()))
        return [text for text in texts if text]

    def set_items(self, items: list[str]) -> None:
        self._directory = None  # names and protection may have changed since
        self.list.blockSignals(True)
        self.list.clear()
        for text in items:
            self._append(text)
        self.list.blockSignals(False)
        self.textChanged.emit()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(self.shown(text))
        item.setData(STORED, text)
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
