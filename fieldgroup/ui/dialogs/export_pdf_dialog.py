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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import Store, periods
from fieldgroup.formatting import format_date, format_period
from fieldgroup.i18n import N_, _, current_locale
from fieldgroup.reports.files import default_file_name
from fieldgroup.reports.registry import ReportKind, kind_named
from fieldgroup.ui import settings
from fieldgroup.ui.labels import MEETING_KIND_LABELS, label
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck

TITLES = {
    "meeting": N_("Print the meeting handout"),
    "actions": N_("Export the action tracker"),
    "indicators": N_("Export the M&E progress report"),
    "participation": N_("Export the participation report"),
}
# Computed indicators take in the sub-groups unless unticked, as on the Indicators page (issue 17).
ROLLS_UP = ("indicators",)
PERIODS_OFFERED = 8  # quarters back from the last complete one, then the years they fall in


@dataclass(frozen=True, slots=True)
class ExportChoice:
    kind: str
    out_path: Path
    meeting_id: str | None
    paper: str
    include_protected: bool
    period: str | None = None
    include_subgroups: bool = False
    this_group_only: bool = False  # the M&E report's computed indicators without the sub-groups


class ExportPdfDialog(QDialog):
    """Asks only what the chosen report needs; the internal copy with protected names is opt-in."""

    def __init__(self, store: Store, group_id: str | None, kind: str, meeting_id: str | None = None,
                 parent: QWidget | None = None, *, subgroups: bool | None = None):
        """`subgroups`: the "With sub-groups" state of the page it is opened from (None: the box's default),
        so that the PDF holds what the page shows."""
        super().__init__(parent)
        self.kind, self.store, self.group_id = kind, store, group_id
        self.setWindowTitle(str(TITLES[kind]))
        form = QFormLayout()
        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName(_("Meeting"))
        if kind == "meeting":
            for meeting in store.meetings.list(**({"group_id": group_id} if group_id else {})):
                text = f"{format_date(meeting.date)} — {shown(meeting.title) or label(MEETING_KIND_LABELS, meeting.kind)}"
                self.meeting.addItem(text, meeting.id)
            if meeting_id:
                self.meeting.setCurrentIndex(max(self.meeting.findData(meeting_id), 0))
            form.addRow(_("&Meeting"), self.meeting)
            self.meeting.currentIndexChanged.connect(self._suggest_name)
        self.period = QComboBox(self)
        self.period.setAccessibleName(_("Period"))
        if (kind_named(kind) or ReportKind(kind, "", "")).uses_period:
            # The last complete quarter first: the current one is still being filled in.
            last = periods.last_complete(store.today(), "quarter")
            quarters = [last]
            for _step in range(PERIODS_OFFERED - 1):
                quarters.append(periods.last_complete(periods.bounds(quarters[-1])[0], "quarter"))
            years = sorted({q.split("-")[0] for q in quarters}, reverse=True)
            for period in (*quarters, *years):
                self.period.addItem(format_period(period), period)
            form.addRow(_("P&eriod"), self.period)
            self.period.currentIndexChanged.connect(self._suggest_name)
        for unused in (box for box in (self.meeting, self.period) if form.indexOf(box) < 0):
            unused.hide()  # out of the form, it would sit in the dialog's top left corner, over the rows
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(_("Paper size"))
        for size in ("A4", "Letter"):
            self.paper.addItem(size, size.lower())
        self.paper.setCurrentIndex(max(self.paper.findData(str(settings.value(settings.PAPER_SIZE, "A4")).lower()), 0))
        form.addRow(_("&Paper"), self.paper)
        self.with_subgroups = SubgroupsCheck(kind if kind in ("actions", *ROLLS_UP) else "members", self)
        if subgroups is not None:
            self.with_subgroups.setChecked(subgroups)
        if self._uses_subgroups() or kind in ROLLS_UP:
            self.with_subgroups.show_for(store, group_id)
        if not self.with_subgroups.isHidden():
            form.addRow("", self.with_subgroups)
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

    def _uses_subgroups(self) -> bool:
        return (kind_named(self.kind) or ReportKind(self.kind, "", "")).uses_subgroups

    def _default_path(self) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        name = default_file_name(self.kind, self.store, group_id=self.group_id, meeting_id=self.meeting.currentData(),
                                 period=self.period.currentData(), language=current_locale())
        return folder / name

    def _suggest_name(self) -> None:
        """Another meeting or period: another default name, in the folder already chosen."""
        current = Path(self.path.text().strip() or str(self._default_path()))
        self.path.setText(str(current.with_name(self._default_path().name)))

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
        if Path(text).exists() and not self._confirm_replace(Path(text)):
            return  # never overwrite silently
        super().accept()

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, _("Replace the file?"), _("{name} already exists. Replace it with the new PDF?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def choice(self) -> ExportChoice:
        return ExportChoice(self.kind, Path(self.path.text().strip()), self.meeting.currentData(),
                            self.paper.currentData(), self.protected.isChecked(), self.period.currentData(),
                            self._uses_subgroups() and self.with_subgroups.include(),
                            self.kind in ROLLS_UP and not self.with_subgroups.isHidden()
                            and not self.with_subgroups.isChecked())
