"""The meeting editor's tab of minutes kept as sections, each for an audience, and the public summary PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, open_store, typed_names
from fieldgroup.core.mentions import Directory
from fieldgroup.core.results_choices import AUDIENCE_LABELS, AUDIENCES
from fieldgroup.core.results_entities import MinuteSection
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import Progress, run_op
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.screen_text import shown


class MinuteSectionsPanel(QWidget):
    """Sections on the left (audience first), the chosen one's heading, audience and text on the right."""

    def __init__(self, ctx: AppContext, ensure_saved: Callable[[], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ensure_saved = ctx, ensure_saved
        self.meeting_id: str | None = None
        self.sections: list[MinuteSection] = []
        self.list = QListWidget()
        self.list.setAccessibleName(_("Sections of the minutes"))
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        # Mention boxes: names typed here are turned into mentions before export (core/typed_names.py),
        # which must show as names (masked in presentation mode), never as raw tokens.
        self._directory = None
        self.heading = MentionLine(self, self.directory)
        self.heading.setAccessibleName(_("Heading"))
        self.audience = QComboBox()
        self.audience.setAccessibleName(_("Audience"))
        for audience in AUDIENCES:
            self.audience.addItem(str(AUDIENCE_LABELS[audience]), audience)
        self.body = MentionEdit(self, self.directory)
        self.body.setAccessibleName(_("Text"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.new_button = QPushButton(_("New section"))
        self.save_button = QPushButton(_("Save section"))
        self.delete_button = QPushButton(_("Delete section…"))
        self.summary_button = QPushButton(_("Public summary…"))
        self.summary_button.setToolTip(_("A PDF of the public sections only, with no one's name"))
        for button, slot in ((self.new_button, self.new_section), (self.save_button, self.save_section),
                             (self.delete_button, self.delete_section), (self.summary_button, self.print_summary)):
            button.clicked.connect(slot)
        self._lay_out()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        hint = QLabel(_("Only public sections go into the public summary; internal ones stay with the core team."))
        hint.setWordWrap(True)
        left.addWidget(hint)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.summary_button):
            row.addWidget(button)
        left.addLayout(row)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.audience)
        right.addLayout(top)
        right.addWidget(self.body, 1)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def directory(self) -> Directory:
        if self._directory is None:
            self._directory = Directory.from_store(self.ctx.store)
        return self._directory

    def take_outside_changes(self) -> None:
        """A sync changed (converted) the sections: show them, keeping an unsaved edit, converted alike."""
        section = self.current()
        if section is None:
            return
        self._directory = None
        mine = (self.heading.text(), self.body.toPlainText())
        self.refresh(section.id)  # shows the stored text
        fresh = self.current()
        if fresh is not None and fresh.id == section.id:
            for box, base, edit, stored in ((self.heading, section.heading, mine[0], fresh.heading),
                                            (self.body, section.body, mine[1], fresh.body)):
                if edit != (base or ""):  # an edit not saved yet: kept, with names converted like the store's
                    box.setPlainText(typed_names.reconciled(base, edit, stored, self.directory()) or edit)

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self._directory = None  # people may have changed since
        self.refresh()

    def refresh(self, keep: str | None = None) -> None:
        self.sections = self.ctx.store.minute_sections.of_meeting(self.meeting_id) if self.meeting_id else []
        self.list.blockSignals(True)
        self.list.clear()
        for section in self.sections:
            heading = shown(section.heading) or _("(no heading)")
            label = f"[{AUDIENCE_LABELS[section.audience]}] {heading}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, s in enumerate(self.sections) if s.id == keep), 0 if self.sections else -1)
        self.list.setCurrentRow(row)
        self._show_current()

    def current(self) -> MinuteSection | None:
        row = self.list.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def _show_current(self) -> None:
        section = self.current()
        self.error.clear()
        self.heading.setText(section.heading or "" if section else "")
        self.body.setPlainText(section.body or "" if section else "")
        self.audience.setCurrentIndex(max(0, self.audience.findData(section.audience if section else "members")))
        for widget in (self.heading, self.body, self.audience, self.save_button, self.delete_button):
            widget.setEnabled(section is not None)
        self.summary_button.setEnabled(self.meeting_id is not None)

    def new_section(self) -> None:
        meeting_id = self.ensure_saved()
        if meeting_id is None:
            return
        self.meeting_id = meeting_id
        created = self.ctx.store.minute_sections.create(meeting_id=meeting_id, audience="members",
                                                         heading=_("New section"))
        self.ctx.changed("minute_sections")
        self.refresh(created.id)
        self.heading.setFocus()
        self.heading.selectAll()

    def save_section(self) -> None:
        section = self.current()
        if section is None:
            return
        try:
            self.ctx.store.minute_sections.update(section.id, heading=self.heading.text(), body=self.body.toPlainText(),
                                                  audience=self.audience.currentData())
        except FieldGroupError as exc:
            self.error.setText("⚠ " + str(exc))
            return
        self.ctx.changed("minute_sections")
        self.refresh(section.id)

    def delete_section(self) -> None:
        section = self.current()
        if section is None:
            return
        if QMessageBox.question(self, _("Delete section"), _("Delete this section of the minutes?")) \
                != QMessageBox.StandardButton.Yes:
            return
        self.ctx.store.minute_sections.delete(section.id)
        self.ctx.changed("minute_sections")
        self.refresh()

    def print_summary(self, out: Path | None = None):
        """Ask where to save, then build the public summary off the GUI thread."""
        if self.meeting_id is None:
            return None
        if out is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, _("Public summary…"),
                                                          str(self.ctx.store.path.parent / "public-summary.pdf"))
            if not chosen:
                return None
            out = Path(chosen)
        store_path, meeting_id = self.ctx.store.path, self.meeting_id

        def work(_progress: Progress) -> Path:
            from fieldgroup.reports import build_report

            with open_store(store_path, read_only=True) as store:
                return build_report("summary", store, out, meeting_id=meeting_id)

        from fieldgroup.ui.report_export import offer_to_open

        return run_op(self, _("Public summary…"), work, on_done=lambda path: offer_to_open(self, path))
