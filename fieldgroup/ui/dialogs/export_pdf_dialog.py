"""Choose what goes into a PDF report: which meeting, period, paper, protected names, and the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import Store
from fieldgroup.formatting import format_date
from fieldgroup.i18n import N_, _
from fieldgroup.ui import settings
from fieldgroup.ui.labels import MEETING_KIND_LABELS, label

TITLES = {
    "meeting": N_("Print the meeting handout"),
    "actions": N_("Export the action tracker"),
    "indicators": N_("Export the M&E progress report"),
    "participation": N_("Export the participation report"),
}
FILE_STEMS = {"meeting": N_("handout"), "actions": N_("action-tracker"), "indicators": N_("me-progress"),
              "participation": N_("participation")}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    kind: str
    out_path: Path
    meeting_id: str | None
    paper: str
    include_protected: bool


class ExportPdfDialog(QDialog):
    """Asks only what the chosen report needs; the internal copy with protected names is opt-in."""

    def __init__(self, store: Store, group_id: str | None, kind: str, meeting_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(str(TITLES[kind]))
        form = QFormLayout()
        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName(_("Meeting"))
        if kind == "meeting":
            for meeting in store.meetings.list(**({"group_id": group_id} if group_id else {})):
                text = f"{format_date(meeting.date)} — {meeting.title or label(MEETING_KIND_LABELS, meeting.kind)}"
                self.meeting.addItem(text, meeting.id)
            if meeting_id:
                self.meeting.setCurrentIndex(max(self.meeting.findData(meeting_id), 0))
            form.addRow(_("&Meeting"), self.meeting)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(_("Paper size"))
        for size in ("A4", "Letter"):
            self.paper.addItem(size, size.lower())
        self.paper.setCurrentIndex(max(self.paper.findData(str(settings.value(settings.PAPER_SIZE, "A4")).lower()), 0))
        form.addRow(_("&Paper"), self.paper)
        self.protected = QCheckBox(_("Include protected names (internal copy)"), self)
        self.protected.setToolTip(_("Every page is then marked as internal. Never leave such a copy on a table."))
        form.addRow("", self.protected)
        self.path = QLineEdit(str(self._default_path()), self)
        self.path.setAccessibleName(_("File"))
        browse = QPushButton(_("&Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row = QWidget(self)  # a widget, not a layout, so that the label's mnemonic gets a buddy
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(_("&File"), file_row)
        form.labelForField(file_row).setBuddy(self.path)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _default_path(self) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        return folder / f"{FILE_STEMS[self.kind]}.pdf"

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the PDF as"), self.path.text(), _("PDF files (*.pdf)"))
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def accept(self) -> None:
        text = self.path.text().strip()
        if self.kind == "meeting" and self.meeting.currentData() is None:
            self.error.setText(_("This group has no meeting yet; create one first."))
            return
        if not text:
            self.error.setText(_("Choose where to save the PDF."))
            return
        super().accept()

    def choice(self) -> ExportChoice:
        return ExportChoice(self.kind, Path(self.path.text().strip()), self.meeting.currentData(),
                            self.paper.currentData(), self.protected.isChecked())
