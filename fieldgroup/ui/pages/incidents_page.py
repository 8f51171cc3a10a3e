"""The Incidents page and the dashboard's "Open alerts" panel (issue 19); both only while the core-team passphrase is held."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import keys
from fieldgroup.core.choices import INCIDENT_KIND, INCIDENT_SEVERITY, INCIDENT_STATUS
from fieldgroup.core.mentions import PRESENTATION, SCREEN, Directory
from fieldgroup.formatting import format_date, format_percent, format_period
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import Progress, run_op
from fieldgroup.ui.widgets import presentation

SHOWN_ALERTS = 5


def holds_core_passphrase(store) -> bool:  # noqa: ANN001
    """Whether this laptop holds the core-team passphrase in this run (core_team.held).

    A passphrase is held only through core_team.hold, so while that module is not imported nothing is
    held: the answer then costs no import of the sync machinery (~20 ms of every start)."""
    core_team = sys.modules.get("fieldgroup.sync.core_team")
    return core_team is not None and core_team.held(store) is not None


def on_screen(store, text: str | None, directory: Directory | None = None) -> str:  # noqa: ANN001
    """Free text as the core team's screen shows it: mentions as names (the screen is theirs), but in
    presentation mode protected people are masked, mentioned or typed plainly, as on every page."""
    directory = directory or Directory.from_store(store)
    return directory.render(text, PRESENTATION if presentation.state().on else SCREEN)


def contact_on_screen(store, step, directory: Directory) -> str:  # noqa: ANN001
    """Whom a step says to contact: organisation · person (masked in presentation mode)."""
    parts = []
    if step.contact_organisation_id:
        org = store.organisations.find(step.contact_organisation_id)
        parts.append(org.name if org else "—")
    if step.contact_person_id:
        mode = PRESENTATION if presentation.state().on else SCREEN
        parts.append(directory.label(step.contact_person_id, mode))
    return " · ".join(parts)


def ask_core_passphrase(ctx: AppContext, parent: QWidget) -> bool:
    """Ask for the core-team passphrase and hold it for this run; True when held."""
    text, ok = QInputDialog.getText(parent, _("Core team"), _("Core-team passphrase:"), QLineEdit.EchoMode.Password)
    if not ok or not text:
        return False
    from fieldgroup.sync import core_team

    if not core_team.is_core_laptop(ctx.store) and not _confirmed(parent, text):
        return False  # the first one typed becomes this laptop's check: a typo would lock out the right one
    try:
        core_team.hold(ctx.store, keys.Passphrase(text))
    except core_team.CoreTeamError as exc:
        QMessageBox.warning(parent, _("Core team"), str(exc))
        return False
    ctx.changed("incidents")
    return True


def _confirmed(parent: QWidget, text: str) -> bool:
    """The passphrase typed a second time, the first time this laptop is given one; a mismatch is said."""
    again, ok = QInputDialog.getText(parent, _("Core team"), _("Type the core-team passphrase again:"),
                                     QLineEdit.EchoMode.Password)
    if not ok:
        return False
    if again != text:
        QMessageBox.warning(parent, _("Core team"),
                            _("The two passphrases differ; nothing was kept, so type it again."))
        return False
    return True


class IncidentsPage(QWidget):
    """The register: incidents (overdue first), the selected incident's steps, the protocol and the alert sheet."""

    alert_sheet_written = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.locked = QWidget(self)
        locked_layout = QVBoxLayout(self.locked)
        note = QLabel(_("Incidents are shared only with the core team. Enter the core-team passphrase to see them."))
        note.setWordWrap(True)
        unlock = QPushButton(_("Enter the core-team &passphrase…"))
        unlock.clicked.connect(lambda: ask_core_passphrase(ctx, self))
        locked_layout.addWidget(note)
        locked_layout.addWidget(unlock)
        locked_layout.addStretch(1)
        self.body = QWidget(self)
        self.table = self._table([_("Date"), _("Kind"), _("Severity"), _("Status"), _("Overdue steps"), _("Title")])
        self.table.setAccessibleName(_("Incidents"))
        self.table.itemSelectionChanged.connect(self._show_steps)
        self.steps = self._table([_("Step"), _("Contact"), _("Due"), _("Completed on")])
        # The step's words take the room; the dates fit.
        self.steps.horizontalHeader().setStretchLastSection(False)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setColumnWidth(1, 260)
        self.steps.setColumnWidth(2, 200)
        self.steps.setColumnWidth(3, 140)
        for column in (0, 1, 2, 3, 4):  # short words and numbers, never cut (French, Burmese); the title takes the rest
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.setAccessibleName(_("Response steps"))
        self.new_button = QPushButton(_("&New incident…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.protocol_button = QPushButton(_("Response &protocol…"))
        self.print_button = QPushButton(_("P&rint alert sheet…"))
        self.complete_button = QPushButton(_("&Complete step"))
        for button, slot in ((self.new_button, self.new_incident), (self.edit_button, self.edit_selected),
                             (self.protocol_button, self.edit_protocol), (self.print_button, self.print_alert_sheet),
                             (self.complete_button, self.complete_selected_step)):
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.protocol_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        body_layout = QVBoxLayout(self.body)
        body_layout.addWidget(QLabel(_("Internal — core team only")))
        self.indicators = QLabel(self.body)
        self.indicators.setWordWrap(True)
        self.indicators.setAccessibleName(_("Incident indicators by quarter"))
        body_layout.addWidget(self.indicators)
        body_layout.addWidget(self.table, 2)
        body_layout.addLayout(buttons)
        body_layout.addWidget(self.steps, 1)
        body_layout.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.locked)
        layout.addWidget(self.body)
        self.rows: list = []
        self.directory: Directory | None = None  # built at each refresh
        ctx.group_changed.connect(lambda _g: self.refresh())
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def refresh(self) -> None:
        holding = holds_core_passphrase(self.ctx.store)
        self.locked.setVisible(not holding)
        self.body.setVisible(holding)
        group_id = self.ctx.group_id
        if not holding or not group_id:
            self.rows = []
            self.table.setRowCount(0)
            return
        store = self.ctx.store
        alerts = store.incidents.alerts(group_id)
        open_ids = {a.incident.id for a in alerts}
        closed = [i for i in store.incidents.list(group_id) if i.id not in open_ids]
        self.rows = [(a.incident, len(a.overdue)) for a in alerts] + [(i, 0) for i in closed]
        selected = self.selected_incident()
        self.table.setRowCount(len(self.rows))
        self.directory = Directory.from_store(store)  # once per refresh: it builds the name matcher
        for row, (incident, overdue) in enumerate(self.rows):
            for column, text in enumerate((format_date(incident.date), INCIDENT_KIND.label(incident.kind),
                                           INCIDENT_SEVERITY.label(incident.severity),
                                           INCIDENT_STATUS.label(incident.status), str(overdue) if overdue else "",
                                           on_screen(store, incident.title, self.directory))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if selected is not None:
            self.select_incident(selected.id)
        self._show_steps()
        self._show_indicators(group_id)

    def _show_indicators(self, group_id: str) -> None:
        """The last four quarters' incident indicators (core team only; never in a public report)."""
        lines = []
        for q in self.ctx.store.incidents.quarterly(group_id)[-4:]:
            kinds = ", ".join(f"{n} {INCIDENT_KIND.label(kind)}" for kind, n in q.by_kind.items() if n)
            share = format_percent(q.resolved_within_90) if q.resolved_within_90 is not None else "—"
            lines.append(_("{quarter}: {kinds}; resolved within 90 days: {share}; grievances with a published "
                           "outcome: {n}").format(quarter=format_period(q.quarter), kinds=kinds, share=share, n=q.grievances_published))
        self.indicators.setText("\n".join(lines))

    def selected_incident(self):  # noqa: ANN201
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()][0] if rows and rows[0].row() < len(self.rows) else None

    def select_incident(self, incident_id: str) -> None:
        for row, (incident, _overdue) in enumerate(self.rows):
            if incident.id == incident_id:
                self.table.selectRow(row)

    def _show_steps(self) -> None:
        incident = self.selected_incident()
        self.step_rows = self.ctx.store.incidents.steps_of(incident.id) if incident else []
        today = self.ctx.store.today()
        if self.step_rows and self.directory is None:
            self.directory = Directory.from_store(self.ctx.store)
        self.steps.setRowCount(len(self.step_rows))
        for row, step in enumerate(self.step_rows):
            due = format_date(step.due_date) if step.due_date else ""
            if step.overdue(today):
                due += " — " + _("overdue")
            for column, text in enumerate((on_screen(self.ctx.store, step.what, self.directory),
                                           contact_on_screen(self.ctx.store, step, self.directory), due,
                                           format_date(step.completed_on) if step.completed_on else "")):
                self.steps.setItem(row, column, QTableWidgetItem(text))
        self.edit_button.setEnabled(incident is not None)
        self.complete_button.setEnabled(bool(self.step_rows))

    # ---- actions ----

    def new_incident(self) -> None:
        if not self.ctx.group_id:
            return
        # Imported here, not at the top: the dashboard's alerts panel lives in this module.
        from fieldgroup.ui.dialogs.incident_dialog import IncidentDialog

        dialog = IncidentDialog(self.ctx.store, self.ctx.group_id, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.ctx.changed("incidents")
            self.select_incident(dialog.saved.id)

    def edit_selected(self) -> None:
        incident = self.selected_incident()
        if incident is None:
            return
        from fieldgroup.ui.dialogs.incident_dialog import IncidentDialog

        dialog = IncidentDialog(self.ctx.store, self.ctx.group_id, incident, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.changed("incidents")

    def edit_protocol(self) -> None:
        from fieldgroup.ui.dialogs.incident_dialog import ProtocolDialog

        if self.ctx.group_id:
            ProtocolDialog(self.ctx.store, self.ctx.group_id, self).exec()
            self.ctx.changed("response_steps")

    def complete_selected_step(self) -> None:
        rows = self.steps.selectionModel().selectedRows()
        if not rows or not self.step_rows:
            return
        step = self.step_rows[rows[0].row()]
        incident_id = step.incident_id
        self.ctx.store.incidents.complete_step(step.id)
        self.ctx.changed("incident_steps")
        self.select_incident(incident_id)

    def print_alert_sheet(self, out_path: Path | None = None):  # noqa: ANN201
        """Write the alert sheet off the GUI thread; `alert_sheet_written` carries the path."""
        if out_path is None:
            name, _filter = QFileDialog.getSaveFileName(self, _("Alert sheet"), "alert-sheet.pdf", "PDF (*.pdf)")
            if not name:
                return None
            out_path = Path(name)
        store_path, group_id, today = self.ctx.store.path, self.ctx.group_id, self.ctx.store.today

        def work(progress: Progress) -> Path:
            from fieldgroup.core import open_store
            from fieldgroup.reports import build_report

            with open_store(store_path, read_only=True, today=today) as store:
                return build_report("alerts", store, out_path, group_id=group_id,
                                    progress=lambda d, t, text: progress.report(d, t, text))

        return run_op(self, _("Alert sheet"), work, on_done=self.alert_sheet_written.emit)


class OpenAlertsPanel(QGroupBox):
    """The dashboard's "Open alerts": incidents with overdue steps first; hidden without the core-team passphrase."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(_("Open alerts"), parent)
        self.ctx = ctx
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.lines = QLabel(self)
        self.lines.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines)
        ctx.group_changed.connect(lambda _g: self.refresh())
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        store, group_id = self.ctx.store, self.ctx.group_id
        holding = holds_core_passphrase(store) and bool(group_id)
        self.setVisible(holding)
        if not holding:
            return
        alerts = store.incidents.alerts(group_id)
        late = sum(1 for a in alerts if a.overdue)
        self.summary.setText(
            ngettext("{n} open incident", "{n} open incidents", len(alerts)).format(n=len(alerts)) + " · "
            + ngettext("{n} with overdue steps", "{n} with overdue steps", late).format(n=late))
        lines = []
        directory = Directory.from_store(store) if alerts else None
        for alert in alerts[:SHOWN_ALERTS]:
            mark = "⚠ " if alert.overdue else ""
            lines.append(mark + on_screen(store, alert.incident.title, directory))
        self.lines.setText("\n".join(lines))
