"""PLACEHOLDER pages for Action items, People & organisations, Indicators and Sync.

The lead replaces each with the real page at merge (branch `gui2` builds actions, people and
indicators; the sync issue builds sync). They follow the page contract so the window works meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext


class PlaceholderPage(QWidget):
    """Says honestly that the page is not here yet; remembers the record that was asked for."""

    title = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.requested: str | None = None
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(_("The {page} page is not in this build yet.").format(page=self.title))

    def open_record(self, record_id: str) -> None:
        self.requested = record_id or None


def placeholder(title: str) -> type[PlaceholderPage]:
    """A placeholder page class named after the page it stands for."""
    return type("PlaceholderPage", (PlaceholderPage,), {"title": title})
