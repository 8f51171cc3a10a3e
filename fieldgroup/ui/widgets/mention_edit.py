"""A text box where people are mentions: shown as their names, stored as tokens; type @ to pick a person."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextFormat,
)
from PySide6.QtWidgets import QCompleter, QTextEdit, QWidget

from fieldgroup.core import mentions
from fieldgroup.core.mentions import Directory
from fieldgroup.i18n import _
from fieldgroup.ui.widgets import presentation

PERSON = QTextFormat.Property.UserProperty + 13
ERASED = QTextFormat.Property.UserProperty + 14
ORIGINAL = QTextFormat.Property.UserProperty + 15
_PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class MentionEdit(QTextEdit):
    """Plain text with mentions. `setPlainText`/`toPlainText` speak the stored form (with tokens)."""

    mentioned = Signal(str)

    def __init__(self, parent: QWidget | None, directory: Callable[[], Directory],
                 forget: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self._directory_of = directory
        self._forget = forget  # a directory shared with other boxes (and kept between records) is rebuilt too
        self._directory: Directory | None = None
        self._at: int | None = None  # where the "@" being completed is
        self._stale = False
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated[QModelIndex].connect(self._picked)
        self.cursorPositionChanged.connect(self._plain_after_mention)
        # Re-shown with names masked or not; the stored text is the same, so no textChanged.
        presentation.state().changed.connect(self._presentation_changed)

    # ---- people ----

    def directory(self) -> Directory:
        if self._directory is None:
            self._directory = self._directory_of()
        return self._directory

    def refresh_directory(self) -> None:
        self._directory = None
        if self._forget is not None:
            self._forget()

    def _fill_model(self) -> None:
        self._model.clear()
        for person in sorted(self.directory().by_id.values(), key=lambda p: p.name.casefold()):
            item = QStandardItem(self._label(person.id))
            item.setData(person.id, _PERSON_ROLE)
            self._model.appendRow(item)

    def _label(self, person_id: str) -> str:
        mode = mentions.PRESENTATION if presentation.state().on else mentions.SCREEN
        return self.directory().label(person_id, mode)

    # ---- stored text <-> what is shown ----

    def _presentation_changed(self, _on: bool) -> None:
        if self.isVisible():
            self._show(self.toPlainText(), notify=False)
        else:
            self._stale = True  # hidden (another tab, a closed window): re-shown when next visible

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._stale = False
            self._show(self.toPlainText(), notify=False)
        super().showEvent(event)

    def setPlainText(self, text: str | None) -> None:  # noqa: N802 - Qt's name
        self._show(text, notify=True)

    def _show(self, text: str | None, notify: bool) -> None:
        self._directory = None  # names and protection may have changed since
        presenting = presentation.state().on
        self.setReadOnly(presenting)  # what is shown then is not what is stored
        text = text or ""
        hidden = self.directory().find_names(text) if presenting else []
        self.blockSignals(True)
        # Loading is not an edit: Ctrl+Z must never take a meeting's minutes back to empty.
        self.setUndoRedoEnabled(False)
        self.clear()
        cursor = self.textCursor()
        last = 0
        for start, end, piece in self._pieces(text, hidden):
            cursor.insertText(text[last:start], QTextCharFormat())
            cursor.insertText(*piece)
            last = end
        cursor.insertText(text[last:], QTextCharFormat())
        self.setCurrentCharFormat(QTextCharFormat())
        self.moveCursor(self.textCursor().MoveOperation.Start)
        self.setUndoRedoEnabled(True)
        self.blockSignals(False)
        if notify:
            self.textChanged.emit()

    def replace_text(self, text: str) -> None:
        """Put `text` in the box as one edit that Ctrl+Z in the box takes back (unlike setPlainText,
        which is loading): the guard's "Turn into mentions" is undone like typing."""
        position = self.textCursor().position()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.removeSelectedText()
        last = 0
        for start, end, piece in self._pieces(text, []):
            cursor.insertText(text[last:start], QTextCharFormat())
            cursor.insertText(*piece)
            last = end
        cursor.insertText(text[last:], QTextCharFormat())
        cursor.endEditBlock()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())

    def _pieces(self, text: str, hidden: list) -> list[tuple[int, int, tuple[str, QTextCharFormat]]]:
        """Mentions as names (or placeholders), and in presentation mode typed names masked too."""
        pieces = []
        for match in mentions.TOKEN.finditer(text):
            kind, value = match.groups()
            shown = self._label(value) if kind == "person" else mentions.placeholder(value)
            pieces.append((match.start(), match.end(), (shown, self._mention_format(value, kind))))
        for span in hidden:
            fmt = QTextCharFormat()
            fmt.setProperty(ORIGINAL, span.text)  # the stored text stays what was typed
            label = self.directory().label(span.person_id, mentions.PRESENTATION) \
                if span.person_id in self.directory().by_id else mentions.placeholder(self.directory()._pillar(span.person_id))
            pieces.append((span.start, span.end, (label, fmt)))
        return sorted(pieces, key=lambda p: p[0])

    def toPlainText(self) -> str:  # noqa: N802 - Qt's name
        lines = []
        block = self.document().begin()
        while block.isValid():
            pieces, previous = [], None
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                person = fragment.charFormat().property(PERSON)
                erased = fragment.charFormat().property(ERASED)
                original = fragment.charFormat().property(ORIGINAL)
                if original:
                    pieces.append(original)
                elif person:
                    if person != previous:  # one mention, even when split into several fragments
                        pieces.append(f"@{{{erased}:{person}}}" if erased else mentions.mention(person))
                else:
                    pieces.append(fragment.text())
                previous = person
                iterator += 1
            lines.append("".join(pieces))
            block = block.next()
        return "\n".join(lines)

    def _mention_format(self, value: str, kind: str = "person") -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(PERSON, value)
        fmt.setProperty(ERASED, "" if kind == "person" else kind)  # erased, or a name two people share
        fmt.setForeground(QColor("#1f5fa8"))
        fmt.setFontUnderline(True)
        return fmt

    def _plain_after_mention(self) -> None:
        # Typing right after a mention must not extend it.
        if self.currentCharFormat().property(PERSON):
            self.setCurrentCharFormat(QTextCharFormat())

    # ---- picking a person ----

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
            event.ignore()
            return
        super().keyPressEvent(event)
        if event.text() == "@":
            self._at = self.textCursor().position() - 1
            self._fill_model()
        if self._at is not None:
            self._complete()

    def _complete(self) -> None:
        position = self.textCursor().position()
        typed = self.document().toPlainText()[self._at:position] if self._at is not None else ""
        if self._at is None or position <= self._at or not typed.startswith("@") or "\n" in typed:
            self._at = None
            self.completer.popup().hide()
            return
        self.completer.setCompletionPrefix(typed[1:])
        rect = self.cursorRect()
        rect.setWidth(max(240, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)

    def mention_person(self) -> None:
        """Context menu "Mention a person…": the same list, without typing "@"."""
        self.textCursor().insertText("@")
        self._at = self.textCursor().position() - 1
        self._fill_model()
        self._complete()

    def _picked(self, index: QModelIndex) -> None:
        person_id = index.data(_PERSON_ROLE)
        cursor = self.textCursor()
        if self._at is not None:
            cursor.setPosition(self._at)
            cursor.setPosition(self.textCursor().position(), cursor.MoveMode.KeepAnchor)
        self.insert_mention(person_id, cursor)

    def insert_mention(self, person_id: str, cursor=None) -> None:
        cursor = cursor or self.textCursor()
        cursor.insertText(self._label(person_id), self._mention_format(person_id))
        cursor.insertText(" ", QTextCharFormat())
        self.setTextCursor(cursor)
        self._at = None
        self.completer.popup().hide()
        self.mentioned.emit(person_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        menu.addAction(_("Mention a person…"), self.mention_person)
        menu.exec(event.globalPos())
