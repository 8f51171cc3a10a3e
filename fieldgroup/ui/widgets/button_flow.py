"""A row of buttons that wraps onto the next line when its pane is too narrow, instead of cutting labels;
a long button (`WrapButton`) can also wrap its own label onto a second line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
    QWidgetItem,
)

_PUSH_BUTTONS = (QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton)


class WrapButton(QPushButton):
    """A push button whose label goes onto more lines, between words, when its pane is narrower than
    the label: "Copier les participants de la dernière réunion de ce type" set the whole attendance
    picker's minimum width (and cut the names in the list beside it). Meant for a ButtonFlow."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.full_text = text
        self.setAccessibleName(text.replace("&", ""))

    def _size_of(self, text: str) -> QSize:
        """What QPushButton.sizeHint() gives for `text` (one line or several)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        content = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, content, self)

    def lines_for(self, width: int) -> str:
        """The label broken between words so that each line fits in `width` (a longer word stays whole)."""
        room = width - (self._size_of("").width())
        metrics, lines = self.fontMetrics(), [""]
        for word in self.full_text.split():
            wider = f"{lines[-1]} {word}" if lines[-1] else word
            if lines[-1] and metrics.horizontalAdvance(wider) > room:
                lines.append(word)
            else:
                lines[-1] = wider
        return "\n".join(lines)

    def size_for(self, width: int) -> QSize:
        """The button's size with its label wrapped to `width`."""
        return self._size_of(self.lines_for(width))

    def one_line(self) -> QSize:
        return self._size_of(self.full_text)

    def narrowest(self) -> int:
        """Its width wrapped as far as it goes (one word a line): narrower, a word would be cut."""
        return self._size_of("\n".join(self.full_text.split())).width()

    def wrap_to(self, width: int | None) -> None:
        """Show the label on as many lines as `width` needs (None: on one line)."""
        text = self.full_text if width is None or self.one_line().width() <= width else self.lines_for(width)
        if text != self.text():
            self.setText(text)


class ButtonFlow(QLayout):
    """Buttons left to right at their full width; what does not fit goes to the next line.

    French or Burmese labels are often half as long again as English ones: in a splitter pane a plain
    row of buttons cut them to "uter une périod"."""

    def __init__(self, *buttons: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            self.addWidget(button)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(_full(item).width() for item in self._shown()) + self._gap() * max(0, len(self._shown()) - 1)
        return QSize(width, self.minimumSize().height())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._shown():
            button = item.widget()
            if isinstance(button, WrapButton):  # as narrow as its longest word
                size = size.expandedTo(QSize(button.narrowest(), button.one_line().height()))
            else:
                size = size.expandedTo(item.sizeHint())  # the widest button, never cut
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not (isinstance(item, QWidgetItem) and item.widget().isHidden())]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        return parent.style().layoutSpacing(*_PUSH_BUTTONS, Qt.Orientation.Horizontal) if parent else 6

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the buttons out in `rect` (or only measure); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height, gap = area.x(), area.y(), 0, self._gap()
        for item in self._shown():
            hint = _full(item)
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + gap, 0
            button = item.widget()
            if isinstance(button, WrapButton) and hint.width() > area.width():  # alone on its line, and wrapped
                hint = button.size_for(area.width())
            if move:
                if isinstance(button, WrapButton):
                    button.wrap_to(area.width())
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def _full(item: QLayoutItem) -> QSize:
    """An item's size on one line (a WrapButton already wrapped still counts at its full width)."""
    button = item.widget()
    return button.one_line() if isinstance(button, WrapButton) else item.sizeHint()
