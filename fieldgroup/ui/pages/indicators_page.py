"""M&E indicators: the list with status, one indicator's targets and actual values per period, and its chart."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.core.entities import Indicator
from fieldgroup.core.incidents import INDICATOR_PREFIX
from fieldgroup.core.indicators import STATUS_LABELS, PeriodProgress, progress_text
from fieldgroup.core.results import verify_value
from fieldgroup.core.results_rollup import ROLLUP
from fieldgroup.formatting import format_date, format_period
from fieldgroup.i18n import N_, _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.indicator_dialog import DIRECTION_LABELS, PERIOD_LABELS, IndicatorDialog
from fieldgroup.ui.dialogs.period_value_dialog import PeriodValueDialog
from fieldgroup.ui.models.indicators_model import (
    NAME,
    UNIT_LABELS,
    IndicatorRow,
    IndicatorsModel,
    format_value,
    latest_progress,
)
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.pages.results_hooks import add_results_framework
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.widgets.button_flow import ButtonFlow
from fieldgroup.ui.widgets.empty_hint import EmptyHint
from fieldgroup.ui.widgets.indicator_chart import ChartPoint, IndicatorChart
from fieldgroup.ui.widgets.markers import STATUS_COLOURS, status_icon
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table
from fieldgroup.ui.widgets.why import enable, no_group, unless

PERIOD_HEADERS = (N_("Period"), N_("Target"), N_("Actual"), N_("Progress"), N_("Status"), N_("Note"), N_("Evidence"))


class IndicatorsPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: Indicator | None = None
        self.has_subgroups = False
        self.progress: list[PeriodProgress] = []
        self.model = IndicatorsModel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._detail_side())
        splitter.setSizes([620, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(add_results_framework(self, ctx, splitter))  # tree beside the list, work plan tab
        self.loader = QueryOp(self, ctx.store)
        self.detail_loader = QueryOp(self, ctx.store)
        ctx.group_changed.connect(lambda _g: self.when_shown(self.refresh))
        ctx.data_changed.connect(lambda table: self.when_shown(lambda: self._on_data_changed(table)))
        self.refresh()

    # ---- building ----

    def _list_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search indicators (Ctrl+F)"))
        self.search.setAccessibleName(_("Search indicators"))
        self.search.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        # Computed indicators of a group with sub-groups count theirs too (issue 17): the app's one
        # "With sub-groups" box, ticked here by default; unticked leaves them out.
        self.with_subgroups = SubgroupsCheck("indicators")
        self.with_subgroups.toggled.connect(lambda _on: self.refresh())
        view = QTableView()
        view.setModel(self.proxy)
        view.setAccessibleName(_("Indicators"))
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        lay_out_table(view, "indicators", NAME)
        for hidden in (2, 6):  # the detail pane shows these; the list keeps to what fits
            view.setColumnHidden(hidden, True)
        view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        view.doubleClicked.connect(lambda _i: self.edit_indicator())
        self.view = view
        self.empty_hint = EmptyHint(view, self._empty_text)  # what to do first, on an empty list
        buttons = ButtonFlow()
        self.new_button = QPushButton(_("&New indicator…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.delete_button = QPushButton(_("&Delete…"))
        for button, slot in ((self.new_button, self.new_indicator), (self.edit_button, self.edit_indicator),
                             (self.delete_button, self.delete_indicator)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.with_subgroups)
        column.addLayout(top)
        column.addWidget(view, 1)
        column.addLayout(buttons)
        return side

    def _detail_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.periods = QTableWidget(0, len(PERIOD_HEADERS))
        self.periods.setHorizontalHeaderLabels([str(h) for h in PERIOD_HEADERS])
        self.periods.setAccessibleName(_("Targets and actual values per period"))
        self.periods.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.periods.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.periods.verticalHeader().hide()
        self.periods.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.periods.horizontalHeader().setStretchLastSection(True)
        self.periods.doubleClicked.connect(lambda _i: self.edit_period())
        self.periods.itemSelectionChanged.connect(self._update_buttons)
        buttons = ButtonFlow()
        self.add_period_button = QPushButton(_("&Add period…"))
        self.edit_period_button = QPushButton(_("Edit &period…"))
        self.remove_period_button = QPushButton(_("&Remove period…"))
        self.verify_button = QPushButton(_("Mark &verified…"))  # evidence checked: who and when (issue 17)
        for button, slot in ((self.add_period_button, self.add_period), (self.edit_period_button, self.edit_period),
                             (self.remove_period_button, self.remove_period), (self.verify_button, self.verify_period)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.chart = IndicatorChart()
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.periods, 1)
        column.addLayout(buttons)
        column.addWidget(self.chart, 1)
        return side

    def _empty_text(self) -> str:
        if not self.ctx.group_id:
            return no_group()
        if self.search.text().strip():
            return _("No indicator matches “{text}”.").format(text=self.search.text().strip())
        return _("No indicators yet: press New indicator… to add an M&E measure — typed in by hand, or computed "
                 "by FieldGroup from your meetings and action items (meetings held, pillar balance, action items "
                 "done on time…).")

    # ---- loading ----

    def refresh(self) -> None:
        """Progress of computed indicators takes seconds on a big store: it is worked out in the background."""
        self._stale = False
        group_id = self.ctx.group_id
        keep = self.current.id if self.current else None
        self.with_subgroups.show_for(self.ctx.store, group_id)
        self.has_subgroups = not self.with_subgroups.isHidden()
        only = self._this_group_only()
        self.loader.run(lambda store: indicator_rows(store, group_id, only), lambda rows: self._rows_loaded(rows, keep))

    def _rows_loaded(self, rows: list[IndicatorRow], keep: str | None) -> None:
        self.model.set_rows(rows)
        fit_columns(self.view)
        self.current = None
        if keep and self.model.row_of(keep) is not None:
            self.show_record(keep)
        elif self.proxy.rowCount():
            self.view.selectRow(0)
        self._show_current()

    def _on_data_changed(self, table: str) -> None:
        if table in ("", "indicators", "indicator_targets", "indicator_values", "meetings", "attendance",
                     "action_items", "groups", "incidents", "incident_steps"):  # incidents: the core team's indicators
            self.refresh()

    def _show_current(self) -> None:
        index = self.view.selectionModel().currentIndex()
        row = self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None
        self.current = row.indicator if row else None
        self.progress = []
        self._fill_detail()
        self._update_buttons()
        if self.current is not None:
            indicator, only = self.current, self._this_group_only()
            self.detail_loader.run(lambda store: indicator_progress(store, indicator, only), self._progress_loaded)

    def _this_group_only(self) -> bool:
        return self.has_subgroups and not self.with_subgroups.isChecked()

    def _progress_loaded(self, progress: list) -> None:
        self.progress = progress
        self._fill_detail()
        self._update_buttons()

    def _fill_detail(self) -> None:
        ind = self.current
        if ind is None:
            self.title.setText(_("No indicator chosen"))
            self.facts.clear()
            self.periods.setRowCount(0)
            self.chart.set_points([])
            return
        self.title.setText(" ".join(filter(None, (ind.code, ind.name))))
        baseline = format_value(ind.baseline_value, ind.unit) or _("none")
        if ind.baseline_date:
            baseline = _("{value} on {date}").format(value=baseline, date=format_date(ind.baseline_date))
        facts = _("Unit: {unit} · {direction} · per {period} · baseline: {baseline}").format(
            unit=UNIT_LABELS[ind.unit], direction=DIRECTION_LABELS[ind.direction],
            period=PERIOD_LABELS[ind.period_kind], baseline=baseline)
        if _is_incidents(ind):
            facts += "\n" + (ind.description or "")
        elif ind.computed:
            facts += "\n" + _("Computed by FieldGroup from the group's meetings and action items; "
                              "actual values are read-only, targets can be set.")
            if ind.computed in ROLLUP and self.has_subgroups and not self._this_group_only():
                facts += "\n" + str(ROLLUP[ind.computed])  # how its sub-groups' figures add up
        self.facts.setText(facts)
        self._fill_periods(ind)
        decimals = 0 if ind.unit == "yes_no" else 1
        self.chart.set_points([ChartPoint(format_period(p.period), p.target, p.actual, p.status)
                               for p in self.progress], decimals)

    def _fill_periods(self, ind: Indicator) -> None:
        values = self.ctx.store.values.of_indicator(ind.id) if not ind.computed else {}
        # Only the meetings cited as evidence (reading all 2,000 with their minutes took 0.3 s per click).
        cited = {v.evidence_meeting_id for v in values.values() if v.evidence_meeting_id}
        meetings = {m.id: m for m in (self.ctx.store.meetings.find(i) for i in cited) if m is not None}
        self.periods.setRowCount(len(self.progress))
        for r, p in enumerate(reversed(self.progress)):  # newest first
            stored = values.get(p.period)
            evidence = ""
            if stored and stored.evidence_meeting_id in meetings:
                m = meetings[stored.evidence_meeting_id]
                evidence = _("meeting {date}").format(date=format_date(m.date))
            elif stored and stored.evidence_action_id:
                action = self.ctx.store.actions.find(stored.evidence_action_id)
                evidence = _("action item: {title}").format(title=shown(action.title)) if action else ""
            if stored and stored.verified:
                verified = _("verified by {who} on {date}").format(who=shown(stored.verified_by) or "—",
                                                                  date=format_date(stored.verified_on))
                evidence = " · ".join(filter(None, (evidence, verified)))
            cells = (format_period(p.period), format_value(p.target, ind.unit), format_value(p.actual, ind.unit),
                     progress_text(p.progress, ind.direction) if p.progress is not None else "", str(STATUS_LABELS[p.status]),
                     shown(stored.note) if stored else "", evidence)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.period)
                if c == 4:
                    item.setIcon(status_icon(p.status))
                    item.setForeground(QColor(STATUS_COLOURS[p.status]))
                self.periods.setItem(r, c, item)

    def _update_buttons(self) -> None:
        has = self.current is not None
        enable(self.new_button, unless(self.ctx.group_id is not None, no_group()))
        for button in (self.edit_button, self.delete_button, self.add_period_button):
            enable(button, unless(has, _("Choose an indicator in the list first.")))
        if has and _is_incidents(self.current):  # worked out from the register: nothing of it to edit
            for button in (self.edit_button, self.delete_button, self.add_period_button):
                button.setEnabled(False)
        chosen = self._chosen_period() is not None
        for button in (self.edit_period_button, self.remove_period_button):
            enable(button, unless(chosen, _("Choose a period in the table first.")))
        enable(self.verify_button, unless(self._chosen_value() is not None,
                                          _("Choose a period that has an actual value typed in first.")))

    def _chosen_period(self) -> str | None:
        items = self.periods.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _chosen_value(self):
        """The stored actual value of the chosen period (computed indicators have none to verify)."""
        period = self._chosen_period()
        if self.current is None or self.current.computed or period is None:
            return None
        return self.ctx.store.values.of_indicator(self.current.id).get(period)

    # ---- page contract ----

    def show_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- writing ----

    def _changed(self, table: str, indicator_id: str | None) -> None:
        if indicator_id:
            self.current = self.ctx.store.indicators.find(indicator_id)
        self.ctx.changed(table)  # this page refreshes too, keeping the current indicator

    def new_indicator(self) -> None:
        dialog = IndicatorDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.saved:
            self._changed("indicators", dialog.saved.id)

    def edit_indicator(self) -> None:
        if self.current and not _is_incidents(self.current):
            dialog = IndicatorDialog(self.ctx.store, self.current.group_id, self.current, self)
            if dialog.exec() and dialog.saved:
                self._changed("indicators", dialog.saved.id)

    def delete_indicator(self) -> None:
        ind = self.current
        if ind is None or _is_incidents(ind):
            return
        question = _("Delete the indicator “{name}” with all its targets and values? This cannot be undone.").format(
            name=ind.name)
        if QMessageBox.question(self, _("Delete indicator"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.store.indicators.delete(ind.id)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Indicators"), str(exc))
            return
        self.current = None
        self._changed("indicators", None)

    def add_period(self) -> None:
        self._period_dialog(None)

    def edit_period(self) -> None:
        period = self._chosen_period()
        if period:
            self._period_dialog(period)

    def _period_dialog(self, period: str | None) -> None:
        if self.current is None or _is_incidents(self.current):
            return
        dialog = PeriodValueDialog(self.ctx.store, self.current, period, self)
        if dialog.exec() and dialog.saved:
            self._changed("indicator_values", self.current.id)

    def verify_period(self) -> None:
        value, ind = self._chosen_value(), self.current
        if value is None or ind is None:
            return
        who, ok = QInputDialog.getText(self, _("Mark verified"), _("Who checked this value against its evidence?"),
                                       text=shown(value.verified_by))
        if not ok:
            return
        if who == shown(value.verified_by):  # unchanged: keep the mention it may hold, not the name shown
            who = value.verified_by or ""
        try:
            verify_value(self.ctx.store, value.id, who.strip())
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Indicators"), str(exc))
            return
        self._changed("indicator_values", ind.id)

    def remove_period(self) -> None:
        period, ind = self._chosen_period(), self.current
        if not period or ind is None:
            return
        question = _("Remove the target and actual value of {period}?").format(period=format_period(period))
        if QMessageBox.question(self, _("Remove period"), question) != QMessageBox.StandardButton.Yes:
            return
        store = self.ctx.store
        with store.transaction():
            for repository in (store.targets, store.values):
                if period in repository.of_indicator(ind.id):
                    repository.remove(ind.id, period)
        self._changed("indicator_values", ind.id)


def indicator_rows(store: object, group_id: str | None, this_group_only: bool = False) -> list[IndicatorRow]:
    """Every indicator of the group with its latest progress (runs on a background connection); on a
    core-team laptop holding the core-team passphrase, the incident indicators too (never stored)."""
    indicators = store.indicators.list(group_id=group_id) if group_id else []
    if group_id and _core_team_here(store):
        from fieldgroup.core.incidents import incident_indicators

        indicators += incident_indicators(store, group_id)
    return [IndicatorRow(i, latest_progress(indicator_progress(store, i, this_group_only))) for i in indicators]


def indicator_progress(store: object, indicator: Indicator, this_group_only: bool = False) -> list[PeriodProgress]:
    if _is_incidents(indicator):
        if not _core_team_here(store):
            return []  # the passphrase was let go since the list was made
        from fieldgroup.core.incidents import incident_indicator_progress

        return incident_indicator_progress(store, indicator, this_group_only=this_group_only)
    return store.indicator_progress(indicator.id, this_group_only=this_group_only)


def _is_incidents(indicator: Indicator) -> bool:
    return indicator.id.startswith(INDICATOR_PREFIX)


def _core_team_here(store: object) -> bool:
    from fieldgroup.ui.pages.incidents_page import holds_core_passphrase

    return holds_core_passphrase(store)
