"""Choose the indicators that measure a result (ticked ones are linked, unticked ones let go)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.results_entities import Result
from fieldgroup.i18n import _
from fieldgroup.ui.widgets.screen_text import shown


class LinkIndicatorDialog(QDialog):
    def __init__(self, store: Store, group_id: str, result: Result, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.record = store, result
        self.changed = False
        self.setWindowTitle(_("Indicators of a result"))
        self.setMinimumSize(480, 380)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Indicators"))
        for indicator in store.indicators.list(group_id=group_id):
            text = " ".join(p for p in (indicator.code, indicator.name) if p)
            if indicator.result_id and indicator.result_id != result.id:
                text += " — " + _("now under another result")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, indicator.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if indicator.result_id == result.id else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Indicators that measure “{result}”:").format(result=shown(result.title))))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def check(self, indicator_id: str, linked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == indicator_id:
                item.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)

    def save(self) -> None:
        try:
            with self.store.transaction():
                for row in range(self.list.count()):
                    item = self.list.item(row)
                    indicator = self.store.indicators.get(item.data(Qt.ItemDataRole.UserRole))
                    ticked = item.checkState() == Qt.CheckState.Checked
                    if ticked and indicator.result_id != self.record.id:
                        self.store.indicators.update(indicator.id, result_id=self.record.id)
                        self.changed = True
                    elif not ticked and indicator.result_id == self.record.id:
                        self.store.indicators.update(indicator.id, result_id=None)
                        self.changed = True
        except FieldGroupError as exc:
            self.error.setText("⚠ " + str(exc))
            return
        self.accept()
