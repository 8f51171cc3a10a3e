"""The funder codes of one indicator: which DHIS2 data element (and period, org unit) it is reported under."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.entities import Indicator
from fieldgroup.i18n import N_, _

COLUMNS = (("period", N_("Our period (empty: every period)")), ("data_element", N_("Data element")),
           ("period_code", N_("Funder period")), ("org_unit", N_("Organisation unit")),
           ("category_option_combo", N_("Category option combination")))


class FunderCodesDialog(QDialog):
    """One row per mapping; Save replaces the indicator's rows with the table's (all or nothing)."""

    def __init__(self, store: Store, indicator: Indicator, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.indicator = store, indicator
        self.setWindowTitle(_("Funder codes"))
        self.setMinimumSize(760, 320)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([str(label) for _name, label in COLUMNS])
        self.table.setAccessibleName(_("Funder codes"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for code in store.funder_codes.list(indicator_id=indicator.id):
            self.add_row([getattr(code, name) or "" for name, _label in COLUMNS])
        add, remove = QPushButton(_("&Add row")), QPushButton(_("&Remove row"))
        add.clicked.connect(lambda: self.add_row([""] * len(COLUMNS)))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Codes the funder's system (DHIS2) uses for “{name}”:").format(name=indicator.name)))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_row(self, values: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def rows(self) -> list[dict]:
        found = []
        for row in range(self.table.rowCount()):
            values = {name: (self.table.item(row, c).text().strip() if self.table.item(row, c) else "")
                      for c, (name, _label) in enumerate(COLUMNS)}
            if any(values.values()):
                found.append(values)
        return found

    def save(self) -> None:
        repo = self.store.funder_codes
        try:
            with self.store.transaction():
                for code in repo.list(indicator_id=self.indicator.id):
                    repo.delete(code.id)
                for values in self.rows():
                    repo.create(indicator_id=self.indicator.id, system="dhis2", **values)
        except FieldGroupError as exc:
            self.error.setText("⚠ " + str(exc))
            return
        self.accept()
