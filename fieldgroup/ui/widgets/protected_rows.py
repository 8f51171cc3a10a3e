"""Sign-in rows that may be a protected person: one line each, and the user's decision beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fieldgroup.core.import_flags import LEAVE, OTHER, SAME
from fieldgroup.i18n import _


class ProtectedRows(QTableWidget):
    """Hidden when no row resembles a protected person; undecided rows are left out of the import."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setAccessibleName(_("Rows that may be a protected person"))
        # The protected person's own name is not shown: the row's words are what the sheet says.
        self.setHorizontalHeaderLabels([_("Row"), _("Name in the sheet"), _("Decision")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setVisible(False)

    def show_matches(self, matches: list) -> None:
        self.setRowCount(len(matches))
        for r, match in enumerate(matches):
            self.setItem(r, 0, QTableWidgetItem(str(match.row)))
            name = QTableWidgetItem(match.name)
            if match.erased:  # no name here either: only that such a person was erased
                name.setToolTip(_("This row resembles a protected person who was erased; add it only if it is "
                                  "someone else."))
            self.setItem(r, 1, name)
            choice = QComboBox(self)
            choice.addItem(_("Leave this row out"), LEAVE)
            if not match.erased:
                choice.addItem(_("The same person: fill in their empty details"), SAME)
            if match.line is not None:
                choice.addItem(_("Someone else: add them"), OTHER)
            self.setCellWidget(r, 2, choice)
        self.resizeColumnToContents(0)
        combos = [self.cellWidget(r, 2) for r in range(self.rowCount())]
        if combos:  # the choices are read in full; the names give way
            self.setColumnWidth(2, max(c.sizeHint().width() for c in combos))
        self.setVisible(bool(matches))

    def decisions(self) -> dict[int, str]:
        """Row number -> the decision chosen (rows left out are not listed)."""
        found = {}
        for r in range(self.rowCount()):
            decision = self.cellWidget(r, 2).currentData()
            if decision != LEAVE:
                found[int(self.item(r, 0).text())] = decision
        return found
