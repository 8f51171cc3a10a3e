"""The Sync page: one button to sync through a USB stick or folder, import/export, history, passphrase, conflicts."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.core.schema import TABLES
from fieldgroup.formatting import format_datetime, format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.sync import clocks, review
from fieldgroup.sync.exporter import converted_sentence
from fieldgroup.sync.importer import ImportReport
from fieldgroup.sync.state import sync_group
from fieldgroup.ui import sync_jobs
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.move_kept_dialog import MoveKeptDialog
from fieldgroup.ui.dialogs.passphrase_dialog import PassphraseDialog
from fieldgroup.ui.dialogs.sync_target_dialog import choose_sync_folder
from fieldgroup.ui.models.import_history_model import ImportHistoryModel, local_time
from fieldgroup.ui.models.laptops_model import Laptop, LaptopsModel
from fieldgroup.ui.ops import catch_up_clock, run_op
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.widgets.conflict_list import ConflictList
from fieldgroup.ui.widgets.passphrase_box import PassphraseBox
from fieldgroup.ui.widgets.sync_summary import folder_summary, import_summary, report_lines

SUMMARY, CONFLICTS, HISTORY, PASSPHRASE = range(4)
RECORD_NAME_FIELDS = ("name", "title", "code", "place")


class SyncPage(ReloadWhenShown, QWidget):
    """Background work runs on its own store connection (see ui/sync_jobs.py); results land in the summary."""

    work_finished = Signal(str)  # "sync", "import", "export": the flow ended (done, refused or cancelled)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._session_passphrase: str | None = None  # typed for this session but not remembered
        self._accepted_plain: set[Path] = set()  # plain bundles the user chose to import all the same
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        self.tabs = QTabWidget()
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.summary.setHtml("<p>" + escape(_("Plug in the USB stick your colleagues use (or choose a shared folder) "
                                              "and press the button above: their changes come in, yours go out."))
                             + "</p>")
        self.tabs.addTab(self.summary, _("What came in"))
        self.conflicts = ConflictList()
        self.conflicts.keep.connect(self.resolve)
        self.conflicts.move.connect(self.move_kept)
        self.conflicts.delete.connect(self.delete_kept)
        self.tabs.addTab(self.conflicts, _("Conflicts"))
        self.tabs.addTab(self._build_history(), _("Import history and laptops"))
        self.passphrase_box = PassphraseBox(ctx.store)
        self.tabs.addTab(self.passphrase_box, _("Passphrase"))
        layout.addWidget(self.tabs, 1)
        ctx.data_changed.connect(lambda _table: self.when_shown(self.refresh))
        ctx.group_changed.connect(lambda _g: self.when_shown(self.refresh))
        self.refresh()

    # ---- building ----

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sync_button = QPushButton(_("&Sync with USB stick or folder"))
        font = QFont(self.sync_button.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.sync_button.setFont(font)
        self.sync_button.setMinimumHeight(64)
        self.sync_button.setMinimumWidth(340)
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        column = QVBoxLayout()
        self.import_button = QPushButton(_("&Import a bundle…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(_("&Export a bundle…"))
        self.export_button.clicked.connect(self.export_file)
        column.addWidget(self.import_button)
        column.addWidget(self.export_button)
        row.addLayout(column)
        status = QVBoxLayout()
        self.last_sync_label = QLabel()
        self.last_sync_label.setWordWrap(True)
        self.conflict_button = QPushButton()
        self.conflict_button.setStyleSheet("font-weight: bold;")
        self.conflict_button.clicked.connect(lambda: self.tabs.setCurrentIndex(CONFLICTS))
        status.addWidget(self.last_sync_label)
        status.addWidget(self.conflict_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addSpacing(12)
        row.addLayout(status, 1)
        return row

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        return view

    def _build_history(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.history_model = ImportHistoryModel(self)
        self.history_view = self._table(self.history_model, _("Import history"))
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the file name
        for column, width in ((0, 190), (2, 220), (3, 90), (4, 90), (5, 90), (6, 90)):
            self.history_view.setColumnWidth(column, width)
        layout.addWidget(QLabel(_("Bundles imported on this laptop, newest first:")))
        layout.addWidget(self.history_view, 2)
        self.laptops_model = LaptopsModel(self)
        self.laptops_view = self._table(self.laptops_model, _("Known laptops"))
        self.laptops_view.setColumnWidth(0, 300)
        self.laptops_view.setColumnWidth(1, 180)
        self.laptops_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(QLabel(_("Laptops this one has exchanged bundles with:")))
        layout.addWidget(self.laptops_view, 1)
        return box

    # ---- loading ----

    def refresh(self) -> None:
        store = self.ctx.store
        names = review.device_names(store)
        conflicts = review.open_conflicts(store)
        records = {(c.table, c.record_id): review.record_label(store, c.table, c.record_id) if c.kind == "orphan"
                   else self._record_name(c.table, c.record_id) for c in conflicts}
        kept = {c.id: review.describe_orphan(store, c) for c in conflicts if c.kind == "orphan" and not c.record_deleted}
        self.conflicts.set_conflicts(conflicts, names, records, kept)
        count = len(conflicts)
        self.conflict_button.setText(ngettext("{count} conflict to review", "{count} conflicts to review", count)
                                     .format(count=format_number(count)))
        self.conflict_button.setVisible(count > 0)
        self.tabs.setTabText(CONFLICTS, _("Conflicts ({count})").format(count=format_number(count)))
        history = review.import_history(store)
        self.history_model.set_rows(history)
        last_import: dict[str, object] = {}
        for entry in history:  # newest first
            last_import.setdefault(entry.sender_device, entry.imported_at)
        self.laptops_model.set_rows(sorted(
            (Laptop(device, name, device == store.device_id, last_import.get(device)) for device, name in names.items()),
            key=lambda laptop: (not laptop.this_laptop, laptop.name.lower())))
        last = review.last_sync(store)
        self.last_sync_label.setText(_("Last sync: {when}").format(when=format_datetime(local_time(last))) if last
                                     else _("This laptop has not synced yet."))
        self.passphrase_box.refresh()

    def _record_name(self, table: str, record_id: str) -> str:
        return self.ctx.store.sync.record_name(table, record_id, RECORD_NAME_FIELDS)

    def _passphrase(self) -> str | None:
        return review.passphrase(self.ctx.store) or self._session_passphrase

    # ---- asking the user (tests stand in for these) ----

    def ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def ask_about_clocks(self, devices: list[clocks.AheadDevice], all_needed: bool = False) -> set[str]:
        """One question per laptop whose clock was ahead, by its name: the device ids the user accepted
        (only those: accepting one laptop never lets another's future stamps in). With `all_needed`
        (one bundle), the first "no" ends the questions."""
        newest: dict[str, clocks.AheadDevice] = {}
        for ahead in devices:  # the same laptop may be ahead in several bundles: ask once, up to its newest stamp
            if ahead.device not in newest or ahead.newest > newest[ahead.device].newest:
                newest[ahead.device] = ahead
        accepted = set()
        for device, ahead in newest.items():
            if self.ask(_("A laptop's clock is ahead"),
                        clocks.explain(ahead) + "\n\n" + clocks.question(self.ctx.store, ahead)):
                accepted.add(device)
            elif all_needed:
                break
        return accepted

    def ask_passphrase(self, reason: str) -> str | None:
        dialog = PassphraseDialog(self.ctx.store, reason, self)
        if not dialog.exec() or not dialog.passphrase:
            return None
        if not dialog.remember.isChecked():
            self._session_passphrase = dialog.passphrase
        return dialog.passphrase

    def _show(self, html: str, flow: str) -> None:
        self.summary.setHtml(html)
        self.tabs.setCurrentIndex(SUMMARY)
        self.work_finished.emit(flow)

    def _failed(self, flow: str):
        def show(message: str) -> None:
            self._show(f"<p style='color:#b00020'>{escape(message)}</p>", flow)
        return show

    def _came_in(self) -> None:
        """Another connection wrote to the store: move our clock on and let every page reload."""
        catch_up_clock(self.ctx.store)
        if self.ctx.group_id is None:  # a new laptop that just joined from a colleague's bundle
            self.ctx.set_group(sync_group(self.ctx.store)[0])
        self.ctx.changed("")

    def _run(self, title: str, job, on_done, flow: str) -> None:
        # Every outcome through run_op, so each runs before the op's signals are let go (ops._ended).
        run_op(self, title, job, on_done=on_done, on_error=self._failed(flow), on_cancelled=lambda: self._cancelled(flow))

    def _cancelled(self, flow: str) -> None:
        # A folder sync stops between bundles: the ones already imported stay imported, so reload.
        self._came_in()
        self._show("<p>" + escape(_("Cancelled. Anything already imported is kept; sync again to finish.")) + "</p>",
                   flow)

    # ---- folder sync ----

    def sync_now(self) -> None:
        folder = choose_sync_folder(self)
        if folder is not None:
            self.sync_with(folder)

    def sync_with(self, folder: Path, passphrase: str | None = None, retried: bool = False) -> None:
        passphrase = passphrase or self._passphrase()
        self._run(_("Syncing with {folder}").format(folder=folder),
                  sync_jobs.folder_sync_job(self.ctx.store, folder, passphrase),
                  lambda outcome: self._synced(outcome, folder, passphrase, retried), "sync")

    def _synced(self, outcome: sync_jobs.FolderOutcome, folder: Path, passphrase: str | None, retried: bool) -> None:
        self._came_in()
        html = folder_summary(outcome, review.device_names(self.ctx.store))
        if outcome.locked and not retried:
            self.summary.setHtml(html)
            entered = self.ask_passphrase(next(iter(outcome.locked.values())))
            if entered:
                self.sync_with(folder, entered, retried=True)
                return
        if outcome.clock_ahead:
            self.summary.setHtml(html)
            accepted = self.ask_about_clocks([a for devices in outcome.ahead_devices.values() for a in devices])
            # Only files whose every laptop ahead was accepted: the others keep waiting for a decision.
            names = [name for name in outcome.clock_ahead
                     if outcome.ahead_devices.get(name) and {a.device for a in outcome.ahead_devices[name]} <= accepted]
            if names:
                mailbox = sync_jobs.mailbox_for(self.ctx.store, folder)
                self._run(_("Importing"), sync_jobs.accept_future_job(self.ctx.store, [mailbox / n for n in names],
                                                                      passphrase, accept_future=accepted),
                          lambda done: self._accepted_future(html, done), "sync")
                return
        if outcome.unencrypted:
            self.summary.setHtml(html)
            question = "\n\n".join(outcome.unencrypted.values()) + "\n\n" + _("Import it anyway?")
            if self.ask(_("A bundle is not encrypted"), question):
                mailbox = sync_jobs.mailbox_for(self.ctx.store, folder)
                paths = [mailbox / name for name in outcome.unencrypted]
                self._run(_("Importing"), sync_jobs.accept_future_job(self.ctx.store, paths, passphrase,
                                                                      accept_unencrypted=True),
                          lambda done: self._accepted_future(html, done), "sync")
                return
        self._show(html, "sync")

    def _accepted_future(self, html: str, done: list) -> None:
        self._came_in()
        names = review.device_names(self.ctx.store)
        lines = []
        for item in done:
            if isinstance(item, ImportReport):
                lines += report_lines(item, names)
            else:
                lines.append(escape(_("Not imported: {file}. {sentence}").format(file=item[0], sentence=item[1])))
        self._show(html + "<p>" + "</p><p>".join(lines) + "</p>", "sync")

    # ---- import ----

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import a bundle"), "",
                                                   _("FieldGroup bundles (*.fgbundle);;All files (*)"))
        if path:
            self.preview_import(Path(path))

    def preview_import(self, path: Path, passphrase: str | None = None, accept_future: set[str] | None = None) -> None:
        passphrase = passphrase or self._passphrase()
        self._run(_("Reading {file}").format(file=path.name),
                  sync_jobs.import_job(self.ctx.store, path, passphrase, dry_run=True,
                                       accept_future=accept_future or set(),
                                       accept_unencrypted=path in self._accepted_plain),
                  lambda outcome: self._previewed(outcome, path, passphrase, accept_future), "import")

    def _previewed(self, outcome: sync_jobs.ImportOutcome, path: Path, passphrase: str | None,
                   accept_future: set[str] | None) -> None:
        if outcome.needs_passphrase:
            self.summary.setHtml(f"<p>{escape(outcome.needs_passphrase)}</p>")
            entered = self.ask_passphrase(outcome.needs_passphrase)
            if entered:
                self.preview_import(path, entered, accept_future)
            else:
                self._show(f"<p>{escape(outcome.needs_passphrase)}</p>", "import")
            return
        if outcome.unencrypted:
            if self.ask(_("A bundle is not encrypted"), outcome.unencrypted + "\n\n" + _("Import it anyway?")):
                self._accepted_plain.add(path)
                self.preview_import(path, passphrase, accept_future)
            else:
                self._show(f"<p>{escape(outcome.unencrypted)}</p>", "import")
            return
        if outcome.clock_ahead:
            asked = {a.device for a in outcome.ahead_devices}
            accepted = self.ask_about_clocks(outcome.ahead_devices, all_needed=True)
            if outcome.ahead_devices and asked <= accepted:
                self.preview_import(path, passphrase, accept_future=set(accept_future or ()) | accepted)
            else:
                self._show(f"<p>{escape(outcome.clock_ahead)}</p>", "import")
            return
        report = outcome.report
        if report.already_had:
            self._show(f"<p>{escape(report.summary())}</p>", "import")
            return
        if not self.ask(_("Import a bundle"), preview_question(report, review.device_names(self.ctx.store))):
            self._show("<p>" + escape(_("Nothing was imported.")) + "</p>", "import")
            return
        self._run(_("Importing {file}").format(file=path.name),
                  sync_jobs.import_job(self.ctx.store, path, passphrase, dry_run=False,
                                       accept_future=accept_future or set(),
                                       accept_unencrypted=path in self._accepted_plain),
                  self._imported, "import")

    def _imported(self, outcome: sync_jobs.ImportOutcome) -> None:
        self._came_in()
        if outcome.report is None:  # the file changed between the preview and the import
            self._show(f"<p>{escape(outcome.needs_passphrase or outcome.clock_ahead or '')}</p>", "import")
            return
        self._show(import_summary(outcome.report, review.device_names(self.ctx.store)), "import")

    # ---- export ----

    def export_file(self) -> None:
        suggested = str(Path.home() / _("fieldgroup-{date}.fgbundle").format(date=self.ctx.store.today().isoformat()))
        path, _filter = QFileDialog.getSaveFileName(self, _("Export a bundle"), suggested,
                                                   _("FieldGroup bundles (*.fgbundle)"))
        if path:
            self.export_to(Path(path) if path.endswith(".fgbundle") else Path(path + ".fgbundle"))

    def export_to(self, out: Path) -> None:
        self._run(_("Writing {file}").format(file=out.name),
                  sync_jobs.export_job(self.ctx.store, out, self._passphrase()), self._exported, "export")

    def _exported(self, result) -> None:
        catch_up_clock(self.ctx.store)  # the export issued a stamp on the other connection
        text = (_("Saved and checked {path}, encrypted with the group passphrase.") if result.encrypted
                else _("Saved and checked {path} (not encrypted: no group passphrase is set).")).format(path=result.path)
        if result.converted:  # the export changed text in the store first: every page (an open editor) reloads
            self._came_in()
            text = converted_sentence(result.converted) + " " + text
        self._show(f"<p>{escape(text)}</p>", "export")

    # ---- conflicts ----

    def resolve(self, conflict_id: int, keep_current: bool) -> None:
        try:
            if keep_current:
                review.keep_current(self.ctx.store, conflict_id)
            else:
                review.keep_lost_value(self.ctx.store, conflict_id)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Conflicts"), str(exc))
        self.ctx.changed("")  # the kept value may show on any page

    def choose_new_parent(self, record: str, kind: str, targets: list[tuple[str, str]]) -> str | None:
        """Ask where a kept record goes (tests stand in for this); the id chosen, or None."""
        dialog = MoveKeptDialog(record, kind, targets, self)
        return dialog.chosen if dialog.exec() else None

    def _kept(self, conflict_id: int) -> review.Conflict | None:
        return next((c for c in review.orphans(self.ctx.store) if c.id == conflict_id), None)

    def move_kept(self, conflict_id: int) -> None:
        """Move a record kept under a deleted parent to another parent the user picks."""
        conflict = self._kept(conflict_id)
        if conflict is None:
            self.refresh()
            return
        parent_kind = str(TABLES[TABLES[conflict.table].field(conflict.field).references].label)
        record = review.record_label(self.ctx.store, conflict.table, conflict.record_id) or conflict.kind_label
        chosen = self.choose_new_parent(record, parent_kind, review.move_targets(self.ctx.store, conflict))
        if chosen is None:
            return
        try:
            review.move_orphan(self.ctx.store, conflict_id, chosen)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Conflicts"), str(exc))
        self.ctx.changed("")

    def delete_kept(self, conflict_id: int) -> None:
        """Delete a record kept under a deleted parent, after asking (the recreated parent goes too if unused)."""
        conflict = self._kept(conflict_id)
        if conflict is None:
            self.refresh()
            return
        record = review.record_label(self.ctx.store, conflict.table, conflict.record_id) or conflict.kind_label
        if not self.ask(_("Delete"), _("Delete {record} on every laptop? This cannot be undone.").format(record=record)):
            return
        try:
            review.delete_orphan(self.ctx.store, conflict_id)
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Conflicts"), str(exc))
        self.ctx.changed("")


def preview_question(report: ImportReport, names: dict[str, str]) -> str:
    c = report.counts
    records = _("{new} new, {updated} updated and {deleted} deleted records").format(
        new=format_number(c.new), updated=format_number(c.updated), deleted=format_number(c.deleted))
    conflicts = ngettext("{count} conflict", "{count} conflicts", c.conflicts).format(count=format_number(c.conflicts))
    laptop = names.get(report.sender_device) or report.sender_name or report.sender_device
    return _("This bundle from {laptop} would bring {records}, {conflicts}. Import it?").format(
        laptop=laptop, records=records, conflicts=conflicts)
