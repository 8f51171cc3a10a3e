"""Export data for funders and coordinators (DHIS2, ADX, IATI, xlsx, CSV, ics): choose, then write in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store, open_store
from fieldgroup.exports import SUFFIXES, ExportOptions
from fieldgroup.i18n import N_, _, ngettext
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.ops import Progress, run_op
from fieldgroup.ui.widgets.validated_form import ValidatedForm

FORMAT_LABELS = {
    "dhis2": N_("DHIS2 data value set (JSON)"),
    "adx": N_("ADX (XML) for DHIS2"),
    "iati": N_("IATI 2.03 activity results (XML)"),
    "xlsx": N_("Action tracker and work plan (Excel workbook)"),
    "csv": N_("One table as CSV"),
    "ics": N_("Meetings as a calendar (.ics)"),
}
TABLE_LABELS = {"actions": N_("Action tracker"), "workplan": N_("Work plan")}


class ExportDataDialog(QDialog):
    """`kind()` and `options()` once accepted; Save checks that the choice can be written."""

    def __init__(self, store: Store, group_id: str | None, folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.folder = folder or Path.home()
        self.setWindowTitle(_("Export data"))
        self.setMinimumWidth(560)
        self.form = ValidatedForm()
        self.format = self.form.add("kind", _("&Format:"), QComboBox())
        for key, label in FORMAT_LABELS.items():
            self.format.addItem(str(label), key)
        self.table = self.form.add("table", _("&Table:"), QComboBox())
        for key, label in TABLE_LABELS.items():
            self.table.addItem(str(label), key)
        self.year = self.form.add("year", _("&Year:"), QSpinBox())
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(_("every year"))
        self.year.setValue(0)
        self.period = self.form.add("period", _("&Period:"), QLineEdit())
        self.period.setPlaceholderText(_("for example 2025-Q3"))
        self.protected = self.form.add("include_protected", _("Protected people:"),
                                       QCheckBox(_("Write their names (internal copy)")))
        self.path = QLineEdit()
        browse = QPushButton(_("&Browse…"))
        browse.clicked.connect(self.browse)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.form.add("out", _("F&ile:"), box)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        lay_out_form(self, self.form, self.save)

    def kind(self) -> str:
        return self.format.currentData()

    def _format_changed(self) -> None:
        kind = self.kind()
        self.table.setEnabled(kind == "csv")
        self.period.setEnabled(kind == "ics")
        suffix = SUFFIXES[kind]
        stem = {"csv": self.table.currentData() or "table"}.get(kind, kind)
        self.path.setText(str(self.folder / f"fieldgroup-{stem}{suffix}"))

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Export data"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def options(self) -> ExportOptions:
        return ExportOptions(group_id=self.group_id, year=self.year.value() or None, period=self.period.text().strip() or None,
                             table=self.table.currentData() if self.kind() == "csv" else None,
                             include_protected=self.protected.isChecked())

    def out_path(self) -> Path:
        return Path(self.path.text().strip())

    def save(self) -> None:
        self.form.clear_errors()
        if not self.path.text().strip():
            self.form.show_error(FieldGroupError(_("Choose the file to write.")))
            return
        if self.kind() == "ics" and not (self.options().period or self.options().year):
            self.form.show_error(FieldGroupError(_("Choose the period of the meetings, for example 2025-Q3.")))
            return
        self.accept()


def export_data_in_background(parent: QWidget, store: Store, group_id: str | None):
    """Ask, then write the file off the GUI thread on a reading connection of its own."""
    dialog = ExportDataDialog(store, group_id, store.path.parent, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    kind, options, out, store_path = dialog.kind(), dialog.options(), dialog.out_path(), store.path

    def work(_progress: Progress) -> int:
        from fieldgroup.exports import export_data

        with open_store(store_path, read_only=True) as reading:
            return export_data(kind, reading, out, options)

    def done(count: int) -> None:
        QMessageBox.information(parent, _("Export data"), ngettext(
            "Wrote {path} ({n} record).", "Wrote {path} ({n} records).", count).format(path=out, n=count))

    return run_op(parent, _("Export data"), work, on_done=done)
