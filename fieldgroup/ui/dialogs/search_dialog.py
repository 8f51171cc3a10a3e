"""Find anything (Ctrl+K): every word of the query in titles, agendas, minutes, decisions, action items, notes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.full_text import HIT_END, HIT_START
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import N_, _, ngettext
from fieldgroup.search import ShownHit, find
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.widgets import presentation

KIND_LABELS = {"meeting": N_("Meeting"), "action": N_("Action item"), "person": N_("Person")}
PAGE_OF_KIND = {"meeting": "meetings", "action": "actions", "person": "people"}
DEBOUNCE_MS = 200


def hit_html(hit: ShownHit) -> str:
    """Title line and snippet, with the matching text in bold (everything else escaped)."""
    snippet = escape(hit.snippet).replace(HIT_START, "<b>").replace(HIT_END, "</b>")
    when = ""
    if hit.day:
        from datetime import date

        try:
            when = " · " + format_date(date.fromisoformat(hit.day))
        except ValueError:
            when = ""
    title = escape(hit.title) or escape(str(KIND_LABELS[hit.kind]))
    return (f"<small>{escape(str(KIND_LABELS[hit.kind]))}{escape(when)}</small><br><b>{title}</b>"
            f"<br><span>{snippet}</span>")


class SearchDialog(QDialog):
    """Results come from a read-only background connection as you type; Enter opens the chosen one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, text: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[ShownHit] = []
        self.setWindowTitle(_("Find"))
        self.resize(720, 520)
        self.query = QLineEdit(self)
        self.query.setObjectName("search")
        self.query.setPlaceholderText(_("Words in titles, agendas, minutes, decisions, action items or notes"))
        self.query.setAccessibleName(_("Find"))
        self.query.setClearButtonEnabled(True)
        self.all_groups = QCheckBox(_("&All groups"), self)
        self.results = QListWidget(self)
        self.results.setAccessibleName(_("Search results"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel(self)
        self.loader = QueryOp(self, ctx.store)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.all_groups.toggled.connect(lambda _on: self.run_search())
        self.query.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.all_groups)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.query.installEventFilter(self)
        self.query.setText(text)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QEvent

        if watched is self.query and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self.timer.stop()
        text = self.query.text()
        group_id = None if self.all_groups.isChecked() else self.ctx.group_id
        if not text.strip():
            self._show([])
            return
        self.status.setText(_("Searching…"))
        # On screen, mentions read as names (as everywhere else); projected, every protected name is hidden.
        names = not presentation.state().on
        self.loader.run(lambda store: find(store, text, group_id, include_protected=names), self._show, self.status.setText)

    def _show(self, hits: list[ShownHit]) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self.results)
            label = QLabel(hit_html(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item.setSizeHint(label.sizeHint())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title} {hit.snippet}")
            self.results.setItemWidget(item, label)
        if hits:
            self.results.setCurrentRow(0)
        self.status.setText(ngettext("{n} found", "{n} found", len(hits)).format(n=format_number(len(hits)))
                            if self.query.text().strip() else "")

    def open_current(self) -> None:
        if self.timer.isActive():
            return  # still typing: Enter is for the results once they are there
        row = self.results.currentRow()
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        if hit.group_id and hit.group_id != self.ctx.group_id:
            self.ctx.set_group(hit.group_id)
        self.accept()
        self.ctx.open_record(PAGE_OF_KIND[hit.kind], hit.record_id)
