"""The results framework as a tree (objectives → results → indicators), with buttons to add, edit and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.core.results_choices import HORIZON_LABELS, RESULT_TYPE_LABELS
from fieldgroup.core.results_framework import Framework, framework
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.widgets.button_flow import ButtonFlow
from fieldgroup.ui.widgets.screen_text import shown

KIND = Qt.ItemDataRole.UserRole
RECORD = Qt.ItemDataRole.UserRole + 1


def _named(code: str | None, title: str) -> str:
    return " ".join(p for p in (code, title) if p)


class ResultsTree(QWidget):
    """Objectives hold results, results hold the indicators that measure them; unlinked indicators at the end."""

    indicator_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Results framework"), _("Type")])
        self.tree.setAccessibleName(_("Results framework"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_a: self._current_changed())
        self.tree.itemDoubleClicked.connect(lambda *_a: self.edit())
        self.vision = QLabel()
        self.vision.setWordWrap(True)
        buttons = ButtonFlow()
        self.new_objective_button = QPushButton(_("New &objective…"))
        self.new_result_button = QPushButton(_("New &result…"))
        self.link_button = QPushButton(_("&Indicators…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete…"))
        for button, slot in ((self.new_objective_button, self.new_objective), (self.new_result_button, self.new_result),
                             (self.link_button, self.link_indicators), (self.edit_button, self.edit),
                             (self.delete_button, self.delete)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.profile_button = QPushButton(_("&Vision and funder identifiers…"))
        self.codes_button = QPushButton(_("&Funder codes…"))
        self.profile_button.clicked.connect(self.edit_profile)
        self.codes_button.clicked.connect(self.edit_funder_codes)
        more = ButtonFlow(self.profile_button, self.codes_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.vision)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        column.addLayout(more)
        self.refresh()

    # ---- loading ----

    def refresh(self) -> None:
        keep = self.chosen()
        self.tree.clear()
        group_id = self.ctx.group_id
        if group_id is None:
            self.vision.clear()
            self._update_buttons()
            return
        tree = framework(self.ctx.store, group_id)
        self.vision.setText(shown(tree.profile.vision) if tree.profile and tree.profile.vision else "")
        self.vision.setVisible(bool(self.vision.text()))
        self._fill(tree)
        self.tree.expandAll()
        if keep:
            self.select(*keep)
        self._update_buttons()

    def _fill(self, tree: Framework) -> None:
        for node in tree.objectives:
            objective = node.objective
            top = self._item(self.tree, "objectives", objective.id, _named(objective.code, shown(objective.title)),
                             str(HORIZON_LABELS[objective.horizon]))
            for result_node in node.results:
                result = result_node.result
                branch = self._item(top, "results", result.id, _named(result.code, shown(result.title)),
                                    str(RESULT_TYPE_LABELS[result.result_type]))
                for indicator in result_node.indicators:
                    self._item(branch, "indicators", indicator.id, _named(indicator.code, indicator.name), _("Indicator"))
        if tree.unlinked_indicators:
            loose = self._item(self.tree, "", "", _("Indicators not linked to a result"), "")
            for indicator in tree.unlinked_indicators:
                self._item(loose, "indicators", indicator.id, _named(indicator.code, indicator.name), _("Indicator"))

    @staticmethod
    def _item(parent: object, kind: str, record_id: str, text: str, detail: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, detail])
        item.setData(0, KIND, kind)
        item.setData(0, RECORD, record_id)
        item.setToolTip(0, text)
        return item

    # ---- choosing ----

    def chosen(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None or not item.data(0, KIND):
            return None
        return item.data(0, KIND), item.data(0, RECORD)

    def select(self, kind: str, record_id: str) -> bool:
        for item in self._all_items():
            if item.data(0, KIND) == kind and item.data(0, RECORD) == record_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _all_items(self) -> list[QTreeWidgetItem]:
        found, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        return found

    def _current_changed(self) -> None:
        self._update_buttons()
        chosen = self.chosen()
        if chosen and chosen[0] == "indicators":
            self.indicator_chosen.emit(chosen[1])

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        has_group = self.ctx.group_id is not None
        self.new_objective_button.setEnabled(has_group)
        self.new_result_button.setEnabled(has_group and bool(self.ctx.store.objectives.count(group_id=self.ctx.group_id)))
        self.link_button.setEnabled(bool(chosen and chosen[0] == "results"))
        self.edit_button.setEnabled(bool(chosen and chosen[0] in ("objectives", "results")))
        self.delete_button.setEnabled(bool(chosen and chosen[0] in ("objectives", "results")))
        self.profile_button.setEnabled(has_group)
        self.codes_button.setEnabled(bool(chosen and chosen[0] == "indicators"))

    def _objective_of_choice(self) -> str | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        if chosen[0] == "objectives":
            return chosen[1]
        if chosen[0] == "results":
            return self.ctx.store.results.get(chosen[1]).objective_id
        return None

    # ---- writing ----

    def _saved(self, table: str, kind: str, record_id: str) -> None:
        self.ctx.changed(table)
        self.refresh()
        self.select(kind, record_id)

    def new_objective(self) -> None:
        from fieldgroup.ui.dialogs.objective_dialog import ObjectiveDialog

        dialog = ObjectiveDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.saved:
            self._saved("objectives", "objectives", dialog.saved.id)

    def new_result(self) -> None:
        from fieldgroup.ui.dialogs.result_dialog import ResultDialog

        dialog = ResultDialog(self.ctx.store, self.ctx.group_id, objective_id=self._objective_of_choice(), parent=self)
        if dialog.exec() and dialog.saved:
            self._saved("results", "results", dialog.saved.id)

    def link_indicators(self) -> None:
        from fieldgroup.ui.dialogs.link_indicator_dialog import LinkIndicatorDialog

        chosen = self.chosen()
        if not chosen or chosen[0] != "results":
            return
        dialog = LinkIndicatorDialog(self.ctx.store, self.ctx.group_id, self.ctx.store.results.get(chosen[1]), self)
        if dialog.exec() and dialog.changed:
            self._saved("indicators", "results", chosen[1])

    def edit_profile(self) -> None:
        from fieldgroup.ui.dialogs.group_profile_dialog import GroupProfileDialog

        dialog = GroupProfileDialog(self.ctx.store, self.ctx.group_id, self)
        if dialog.exec() and dialog.saved:
            self.ctx.changed("group_profiles")
            self.refresh()

    def edit_funder_codes(self) -> None:
        from fieldgroup.ui.dialogs.funder_codes_dialog import FunderCodesDialog

        chosen = self.chosen()
        if chosen and chosen[0] == "indicators":
            dialog = FunderCodesDialog(self.ctx.store, self.ctx.store.indicators.get(chosen[1]), self)
            if dialog.exec():
                self.ctx.changed("funder_codes")

    def edit(self) -> None:
        from fieldgroup.ui.dialogs.objective_dialog import ObjectiveDialog
        from fieldgroup.ui.dialogs.result_dialog import ResultDialog

        chosen, store = self.chosen(), self.ctx.store
        if chosen is None or chosen[0] not in ("objectives", "results"):
            return
        if chosen[0] == "objectives":
            dialog = ObjectiveDialog(store, self.ctx.group_id, store.objectives.get(chosen[1]), self)
        else:
            dialog = ResultDialog(store, self.ctx.group_id, store.results.get(chosen[1]), parent=self)
        if dialog.exec() and dialog.saved:
            self._saved(chosen[0], chosen[0], dialog.saved.id)

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen[0] not in ("objectives", "results"):
            return
        question = (_("Delete this objective? Its activities stay in the work plan, not under an objective.")
                    if chosen[0] == "objectives" else
                    _("Delete this result? Its indicators and activities stay, no longer linked to it."))
        if QMessageBox.question(self, _("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        repository = self.ctx.store.objectives if chosen[0] == "objectives" else self.ctx.store.results
        try:
            repository.delete(chosen[1])
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Results framework"), str(exc))
            return
        self.ctx.changed(chosen[0])
        self.refresh()
