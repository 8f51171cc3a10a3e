"""Import people and organisations from a sign-in sheet (CSV or .xlsx): preview, mapping, row errors, merges."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core import csv_import as core
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.ops import run_op
from fieldgroup.ui.widgets.protected_rows import ProtectedRows

PREVIEW_ROWS = 8
# Above this many people the import runs off the GUI thread with a cancellable progress dialog.
BACKGROUND_ABOVE = 100


class CsvImportDialog(QDialog):
    """Nothing is written until Import is pressed; the import is one transaction, all or nothing."""

    def __init__(self, store: Store, group_id: str, path: str | Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.table: core.CsvTable | None = None
        self.plan: core.ImportPlan | None = None
        self.import_result: core.ImportResult | None = None
        self.setWindowTitle(_("Import a sign-in list"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_row())
        self.file_info = QLabel()
        layout.addWidget(self.file_info)
        self.preview = QTableWidget()
        self.preview.setAccessibleName(_("Preview of the first rows"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self._mapping_box())
        self.fill_existing = QCheckBox(_("&Fill in empty details of people already in the store"))
        self.fill_existing.setChecked(True)
        self.fill_existing.setToolTip(_("Rows that name someone already there (spelled with other spaces, "
                                        "capitals or accents) add their email, phone or role to that person."))
        layout.addWidget(self.fill_existing)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.keep_separate: set[int] = set()  # rows whose proposed merge the user unticked
        self.errors = QListWidget()
        self.errors.setAccessibleName(_("Rows with errors and proposed merges"))
        self.errors.setToolTip(_("Untick a proposed merge to add that row as a person of their own."))
        self.errors.itemChanged.connect(self._merge_ticked)
        layout.addWidget(self.errors, 1)
        self.protected_rows = ProtectedRows(self)  # rows resembling a protected person wait for a decision
        layout.addWidget(self.protected_rows, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if path:
            self.load(path)

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(_("CSV file"))
        browse = QPushButton(_("&Choose file…"))
        browse.clicked.connect(self.browse)
        row.addWidget(QLabel(_("File:")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        return row

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox(_("Which column holds what"))
        grid = QGridLayout(box)
        self.mapping: dict[str, QComboBox] = {}
        for n, (target, label) in enumerate(core.TARGETS.items()):
            combo = QComboBox()
            combo.setAccessibleName(str(label))
            combo.currentIndexChanged.connect(self.check)
            self.mapping[target] = combo
            form = QFormLayout()
            form.addRow(str(label) + (" *" if target in core.REQUIRED else ""), combo)
            grid.addLayout(form, n // 4, n % 4)
        return box

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a sign-in list"), "",
                                                    _("Sign-in sheets (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        try:
            self.table = core.read_csv_file(path)
        except FieldGroupError as exc:
            self.table = None
            self.file_info.setText("⚠ " + str(exc))
            self.import_button.setEnabled(False)
            return
        self.path_edit.setText(str(path))
        self.keep_separate.clear()  # another sheet: its rows are other people
        self.file_info.setText(self._file_text(self.table))
        self._fill_preview()
        guess = core.guess_mapping(self.table.header)
        for target, combo in self.mapping.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— not in the file —"), None)
            for index, title in enumerate(self.table.header):
                combo.addItem(title or _("column {n}").format(n=index + 1), index)
            combo.setCurrentIndex(max(combo.findData(guess[target]), 0))
            combo.blockSignals(False)
        self.check()

    @staticmethod
    def _file_text(table: core.CsvTable) -> str:
        if table.encoding == "xlsx":
            return _("{rows} rows · Excel workbook, header on row {row}").format(rows=format_number(len(table.rows)), row=table.header_row)
        return _("{rows} rows · read as {encoding}, columns separated by “{delimiter}”, header on row {row}").format(
            rows=format_number(len(table.rows)), encoding=table.encoding, row=table.header_row,
            delimiter=_("tab") if table.delimiter == "\t" else table.delimiter)

    def _fill_preview(self) -> None:
        assert self.table is not None
        rows = self.table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(self.table.header))
        self.preview.setHorizontalHeaderLabels(self.table.header)
        self.preview.setRowCount(len(rows))
        # Row labels are the spreadsheet row numbers that error messages refer to.
        self.preview.setVerticalHeaderLabels([str(self.table.number_of(n)) for n in range(len(rows))])
        for r, record in enumerate(rows):
            for c, value in enumerate(record[: len(self.table.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(core.clean_cell(value[:1000])[:200]))

    def current_mapping(self) -> dict[str, int | None]:
        return {target: combo.currentData() for target, combo in self.mapping.items()}

    def check(self) -> None:
        self.errors.blockSignals(True)  # rebuilding the list must not read as the user ticking merges
        try:
            self._check()
        finally:
            self.errors.blockSignals(False)

    def _check(self) -> None:
        self.errors.clear()
        self.plan = None
        if self.table is None:
            return
        try:
            self.plan = core.plan_for_store(self.store, self.group_id, self.table, self.current_mapping(),
                                            self.keep_separate)
        except FieldGroupError as exc:
            self.summary.setText("⚠ " + str(exc))
            self.import_button.setEnabled(False)
            return
        self.errors.addItems(self.plan.errors)
        for merge in self.plan.merges:  # one checkbox per proposed merge: ticked merges, unticked adds
            item = QListWidgetItem(self._merge_text(merge))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if merge.accepted else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, merge.row)
            self.errors.addItem(item)
        self.protected_rows.show_matches(self.plan.protected)
        self.summary.setText(self._summary_text(self.plan))
        self.import_button.setEnabled(bool(self.plan.lines or self.plan.protected) or any(m.fills for m in self.plan.merges))

    def _merge_ticked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is None:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self.keep_separate.discard(row)
        else:
            self.keep_separate.add(row)
        self.check()

    @staticmethod
    def _merge_text(merge: core.MergeProposal) -> str:
        if not merge.accepted:
            return _("Row {row}: {name} is added as a person of their own, not merged with {existing}.").format(
                row=merge.row, name=merge.name, existing=merge.existing_name)
        if merge.person_id is None:
            return _("Row {row}: {name} is listed twice; the rows are merged into one person.").format(
                row=merge.row, name=merge.name)
        return _("Row {row}: {name} looks like {existing}, already in the store; merged (empty details filled in).").format(
            row=merge.row, name=merge.name, existing=merge.existing_name)

    @staticmethod
    def _summary_text(plan: core.ImportPlan) -> str:
        parts = [
            ngettext("{n} person to add", "{n} people to add", len(plan.lines)).format(n=format_number(len(plan.lines))),
            ngettext("{n} new organisation", "{n} new organisations", len(plan.new_organisations))
            .format(n=format_number(len(plan.new_organisations))),
        ]
        if plan.duplicates:
            parts.append(ngettext("{n} already there (merged)", "{n} already there (merged)",
                                  len(plan.duplicates)).format(n=format_number(len(plan.duplicates))))
        if plan.protected:
            parts.append(ngettext("{n} row may be a protected person: choose below",
                                  "{n} rows may be protected people: choose below", len(plan.protected))
                         .format(n=format_number(len(plan.protected))))
        if plan.errors:
            parts.append(ngettext("{n} row with an error (skipped; listed below)",
                                  "{n} rows with errors (skipped; listed below)", len(plan.errors))
                         .format(n=format_number(len(plan.errors))))
        return " · ".join(parts)

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not (plan.lines or plan.merges or plan.protected):
            return
        store, group_id = self.store, self.group_id
        decisions = self.protected_rows.decisions()
        if len(plan.lines) <= BACKGROUND_ABOVE:
            try:
                self._done(core.apply_import(store, group_id, plan, fill_existing=self.fill_existing.isChecked(),
                                             decisions=decisions))
            except FieldGroupError as exc:
                self.summary.setText("⚠ " + str(exc))
            return
        self.import_button.setEnabled(False)
        fill = self.fill_existing.isChecked()

        def work(progress):
            # The window-modal progress dialog keeps the GUI from writing meanwhile, so the store's one
            # connection (and its clock) can be used here; cancelling rolls the transaction back.
            return core.apply_import(store, group_id, plan, fill_existing=fill, decisions=decisions,
                                     report=lambda d, t: progress.report(
                d, t, _("Adding people: {done} of {total}").format(done=format_number(d), total=format_number(t))))

        self.task = run_op(self, _("Importing the sign-in list"), work, on_done=self._done,
                             on_error=self._failed, on_cancelled=lambda: self.import_button.setEnabled(True))

    def _failed(self, message: str) -> None:
        self.summary.setText("⚠ " + message)
        self.import_button.setEnabled(True)

    def _done(self, result: core.ImportResult) -> None:
        self.import_result = result
        self.accept()
