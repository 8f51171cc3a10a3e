"""What to do first, written across an empty table: "No people yet: press New person…" instead of a blank grid."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """Shown over `view` while it has no rows, with the text `text()` gives (say why: no group yet,
    nothing matches the search, or nothing recorded yet and how to begin); "" keeps it hidden.

    It waits for the view's first load (a model reset or rows arriving) unless `ready`, so a page
    whose rows are still being read in the background never says "nothing yet"."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str], ready: bool = False):
        super().__init__(view.viewport())
        self.view, self._text, self._ready = view, text, ready
        self.setObjectName("empty_hint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: palette(placeholder-text); padding: 24px; font-size: 11pt;")
        self.hide()
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._loaded)
        view.viewport().installEventFilter(self)
        self.update_hint()

    def _loaded(self, *_args: object) -> None:
        self._ready = True
        self.update_hint()

    def update_hint(self) -> None:
        """Show or hide the hint for the rows there are now (pages call it when their state changes)."""
        text = self._text() if self._ready and self.view.model().rowCount() == 0 else ""
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if text:
            self._fit()

    def _fit(self) -> None:
        area = self.view.viewport().rect()
        self.setGeometry(area.adjusted(area.width() // 10, 0, -area.width() // 10, -area.height() // 3))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False
