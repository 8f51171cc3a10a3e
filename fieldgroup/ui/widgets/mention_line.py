"""A one-line text box with mentions (action titles, agenda items): a MentionEdit that speaks QLineEdit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QSizePolicy, QTextEdit, QWidget

from fieldgroup.core.mentions import Directory
from fieldgroup.ui.widgets.mention_edit import MentionEdit


class MentionLine(MentionEdit):
    """One line: Enter is `returnPressed`, pasted line breaks become spaces; `text`/`setText` as in QLineEdit."""

    returnPressed = Signal()  # noqa: N815 - QLineEdit's name

    def __init__(self, parent: QWidget | None, directory: Callable[[], Directory]):
        super().__init__(parent, directory)
        self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(QFontMetrics(self.font()).lineSpacing() + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.completer.popup().isVisible():
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt's name
        if source.hasText() and "\n" in source.text():
            self.textCursor().insertText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def setText(self, text: str | None) -> None:  # noqa: N802 - QLineEdit's name
        self.setPlainText(text or "")

    def end(self, mark: bool) -> None:  # QLineEdit's name: the cursor to the end, selecting when `mark`
        self.moveCursor(QTextCursor.MoveOperation.End,
                        QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor)

    def home(self, mark: bool) -> None:
        self.moveCursor(QTextCursor.MoveOperation.Start,
                        QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor)

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 - QLineEdit's name
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
