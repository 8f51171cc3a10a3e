"""The main window: page navigation, group selector, menus, status bar; pages are built when first shown."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.formatting import format_datetime
from fieldgroup.i18n import N_, LazyString, _
from fieldgroup.paths import STORE_SUFFIX
from fieldgroup.ui import settings
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import QueryOp, when_idle
from fieldgroup.ui.widgets import presentation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """One page: its key, its label, and its class or "module:Class" (imported when first shown,
    so that start-up does not pay for the pages nobody opened)."""

    key: str
    label: LazyString
    page_class: type | str

    def load(self) -> type:
        if isinstance(self.page_class, str):
            module, name = self.page_class.split(":")
            return getattr(importlib.import_module(module), name)
        return self.page_class


# The pages in navigation order; adding a page is one line. View ▸ shortcuts are Ctrl+1.. in this order.
PAGES: list[PageSpec] = [
    PageSpec("dashboard", N_("Dashboard"), "fieldgroup.ui.pages.dashboard_page:DashboardPage"),
    PageSpec("meetings", N_("Meetings"), "fieldgroup.ui.pages.meetings_page:MeetingsPage"),
    PageSpec("actions", N_("Action items"), "fieldgroup.ui.pages.actions_page:ActionsPage"),
    PageSpec("people", N_("People & organisations"), "fieldgroup.ui.pages.people_page:PeoplePage"),
    PageSpec("indicators", N_("Indicators"), "fieldgroup.ui.pages.indicators_page:IndicatorsPage"),
    PageSpec("sync", N_("Sync"), "fieldgroup.ui.pages.sync_page:SyncPage"),
    PageSpec("incidents", N_("Incidents"), "fieldgroup.ui.pages.incidents_page:IncidentsPage"),  # core team only
]

EXPORTS = {  # key -> menu text; the reports feature wires them (MainWindow.export_actions)
    "meeting": N_("Meeting handout…"),
    "actions": N_("Action tracker…"),
    "indicators": N_("M&&E progress…"),  # "&&" is a literal ampersand in a Qt menu
    "participation": N_("Participation…"),
}


def _help():  # noqa: ANN202 — the Help menu's module, imported when the menu is first used
    from fieldgroup.ui.dialogs import help_menu_actions

    return help_menu_actions


class MainWindow(QMainWindow):
    """One window per open store. `ctx` is shared with every page."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = AppContext(store, None)
        self.ctx.open_requested.connect(self.open_record)
        self.ctx.data_changed.connect(self._data_changed)
        self.ctx.group_changed.connect(self._sync_group_combo)
        self.pages: dict[str, QWidget] = {}
        title = _("FieldGroup — {name}").format(name=store.path.name)
        if not store.encrypted:  # say so where it is always seen: anyone who copies the file can read it
            title += " — " + _("not encrypted")
        self.setWindowTitle(title)
        self.setMinimumSize(QSize(960, 600))
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.backup_loader = QueryOp(self, store)
        self.daily_loader = QueryOp(self, store)
        # An erasure whose wipe a long background read refused finishes once the reads are done.
        when_idle(self, self._wipe_if_pending)
        self.load_groups()
        self._restore()
        self.restore_drafts()
        self._show_core_team_pages()
        self.ctx.data_changed.connect(lambda _t: self._show_core_team_pages())
        QTimer.singleShot(0, self, self._member_notices)  # after the window shows: notices from the members migration

    def _wipe_if_pending(self) -> None:
        from fieldgroup.core import erasure  # imported when the reads are done, not before the first paint

        erasure.wipe_if_pending(self.ctx.store)

    def _member_notices(self) -> None:
        from fieldgroup.ui.dialogs.subtype_review_dialog import show_once

        if self.isVisible():  # a window closed before the event loop ran has nothing to tell (its store is shut)
            show_once(self.ctx.store, self)

    # ---- building ----

    def _build_body(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(_("Pages"))
        for spec in PAGES:
            self.nav.addItem(str(spec.label))
        self.nav.setFixedWidth(min(max(self.nav.sizeHintForColumn(0) + 28, 140), 260))
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.group_combo = QComboBox(self)
        self.group_combo.setAccessibleName(_("Working group"))
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.setMaximumWidth(520)  # long names are elided, not allowed to widen the window
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.group_label = QLabel(_("&Group:"), self)
        self.group_label.setBuddy(self.group_combo)
        self.stack = QStackedWidget(self)
        for _spec in PAGES:
            self.stack.addWidget(QWidget(self))  # replaced by the real page when first shown
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("find_anything")
        self.find_box.setPlaceholderText(_("Find anything (Ctrl+K)"))
        self.find_box.setAccessibleName(_("Find anything"))
        self.find_box.setMinimumWidth(self.find_box.fontMetrics().horizontalAdvance(self.find_box.placeholderText()) + 40)
        self.find_box.setMaximumWidth(420)
        self.find_box.returnPressed.connect(lambda: self.find_anything(self.find_box.text()))
        self.find_box.textEdited.connect(self._find_typed)
        top = QHBoxLayout()
        top.addWidget(self.group_label)
        top.addWidget(self.group_combo)
        top.addStretch(1)
        top.addWidget(self.find_box)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(top)
        right.addWidget(self.stack, 1)
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(body)

    def _action(self, menu: object, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self._action(file_menu, _("&New store…"), self.new_store, QKeySequence.StandardKey.New)
        self._action(file_menu, _("&Open store…"), self.choose_store, QKeySequence.StandardKey.Open)
        self._action(file_menu, _("New &group…"), self.new_group)
        self._action(file_menu, _("&Edit group…"), self.edit_group)
        self._action(file_menu, _("&Members of this group…"), self.show_members)
        file_menu.addSeparator()
        self._action(file_menu, _("&Back up now…"), self.back_up)
        self._action(file_menu, _("Core-team pass&phrase…"), self.enter_core_passphrase)
        export_menu = file_menu.addMenu(_("&Export PDF"))
        export_menu.setToolTipsVisible(True)
        self.export_actions: dict[str, QAction] = {}
        for key, text in EXPORTS.items():
            action = self._action(export_menu, str(text), lambda _c=False, k=key: self.export_pdf(k))
            self.export_actions[key] = action
        self._action(file_menu, _("Export &data (DHIS2, IATI, Excel, calendar)…"), self.export_data)
        file_menu.addSeparator()
        self._action(file_menu, _("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        self._action(file_menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu(_("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self._action(edit_menu, _("New &meeting"), self.new_meeting, "Ctrl+Shift+M")
        self._action(edit_menu, _("New &action item…"), self.new_action_item, "Ctrl+Shift+A")
        self._action(edit_menu, _("&Find"), self.find, QKeySequence.StandardKey.Find)
        self._action(edit_menu, _("Find &anything…"), lambda: self.find_anything(""), "Ctrl+K")
        view_menu = bar.addMenu(_("&View"))
        self.presentation_action = self._action(view_menu, _("&Presentation mode"), self.set_presentation, "Ctrl+Shift+P")
        self.presentation_action.setCheckable(True)
        self.presentation_action.setToolTip(_("Show every protected person as \"Protected participant\" on screen, "
                                              "for minutes projected on a wall"))
        self.addToolBar(_("Presentation")).addAction(self.presentation_action)
        self._action(view_menu, _("Protection &check…"), self.protection_check)
        view_menu.addSeparator()
        for number, spec in enumerate(PAGES, start=1):
            text = str(spec.label).replace("&", "&&")  # a menu would take "&" as a mnemonic
            self._action(view_menu, text, lambda _c=False, k=spec.key: self.show_page(k), f"Ctrl+{number}")
        help_menu = bar.addMenu(_("&Help"))
        guide = self._action(help_menu, _("&User guide"), lambda: _help().user_guide(self))
        keys = [QKeySequence("F1")]  # F1 everywhere, plus the platform's own help key (Ctrl+? on macOS)
        keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents) if k not in keys]
        guide.setShortcuts(keys)
        self._action(help_menu, _("&Restore from backup…"), self.restore_from_backup)
        self._action(help_menu, _("Open &log folder"), lambda: _help().open_log_folder())
        self._action(help_menu, _("&About FieldGroup"), lambda: _help().about(self))

    def _build_status_bar(self) -> None:
        self.store_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        self._update_status()

    def _update_status(self) -> None:
        store = self.ctx.store
        self.store_label.setText(_("Store: {path}").format(path=store.path))
        self.store_label.setToolTip(str(store.path))
        self.sync_label.setText(_("Last sync: {when}").format(when=self._last_sync_text()))

    def _last_sync_text(self) -> str:
        value = self.ctx.store.local_setting("last_sync")
        if not value:
            return _("never")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        # An aware time (as sync writes it) is shown in this laptop's time zone.
        return format_datetime(moment.astimezone() if moment.tzinfo else moment)

    # ---- groups ----

    def load_groups(self) -> None:
        """Fill the group selector (national groups first, regional ones under them) and pick one."""
        from fieldgroup.core.members import group_tree

        ordered = group_tree(self.ctx.store)  # the tree: national, regional and thematic groups under it
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for node in ordered:
            self.group_combo.addItem("    " * node.depth + node.group.name, node.group.id)
        wanted = self.ctx.group_id or settings.value(settings.DEFAULT_GROUP)
        index = self.group_combo.findData(wanted)
        self.group_combo.setCurrentIndex(index if index >= 0 else 0)
        self.group_combo.blockSignals(False)
        several = len(ordered) > 1
        self.group_combo.setVisible(several)
        self.group_label.setVisible(several)
        self.ctx.set_group(self.group_combo.currentData())

    def _group_chosen(self, _index: int) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "can_leave") and not page.can_leave():
            self.group_combo.blockSignals(True)
            self.group_combo.setCurrentIndex(self.group_combo.findData(self.ctx.group_id))
            self.group_combo.blockSignals(False)
            return
        self.ctx.set_group(self.group_combo.currentData())

    def _sync_group_combo(self, group_id: object) -> None:
        index = self.group_combo.findData(group_id)
        if index >= 0 and index != self.group_combo.currentIndex():
            self.group_combo.blockSignals(True)
            self.group_combo.setCurrentIndex(index)
            self.group_combo.blockSignals(False)

    def _data_changed(self, table: str) -> None:
        if table in ("groups", ""):
            self.load_groups()
        if table == "":  # a sync or an import: the last-sync time may have moved
            self._update_status()

    def new_group(self) -> None:
        from fieldgroup.ui.dialogs.group_dialog import create_group

        if create_group(self.ctx, self):
            self.load_groups()

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: protected names masked on every page (read models and mention boxes)."""
        self.ctx.store.presenting = on
        presentation.state().set(on)
        self.ctx.data_changed.emit("")

    def show_members(self) -> None:
        from fieldgroup.ui.dialogs.members_dialog import MembersDialog

        if self.ctx.group_id:
            MembersDialog(self.ctx.store, self.ctx.group_id, self).exec()
            self.ctx.changed("memberships")

    def edit_group(self) -> None:
        from fieldgroup.ui.dialogs.group_dialog import edit_group

        if self.ctx.group_id:
            edit_group(self.ctx, self.ctx.group_id, self)

    # ---- pages ----

    def page(self, key: str) -> QWidget:
        """The page for `key`, built the first time it is needed (start-up builds only the first shown)."""
        if key not in self.pages:
            number = self._index_of(key)
            page = PAGES[number].load()(self.ctx, self.stack)
            page.setObjectName(f"page_{key}")
            old = self.stack.widget(number)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(number, page)
            self.pages[key] = page
        return self.pages[key]

    @staticmethod
    def _index_of(key: str) -> int:
        return next(n for n, spec in enumerate(PAGES) if spec.key == key)

    def current_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._index_of(key))
        return self.pages.get(key) or self.page(key)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        if row != self.stack.currentIndex() and hasattr(current, "can_leave") and not current.can_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        key = PAGES[row].key
        self.stack.setCurrentWidget(self.page(key))
        # Written once the user stays on a page: writing the settings file took 15-90 ms of the GUI
        # thread on every page switch (bench/stalls.py on a busy machine).
        if not hasattr(self, "_save_page"):
            self._save_page = QTimer(self, singleShot=True, interval=1500)
            self._save_page.timeout.connect(lambda: settings.set_value(settings.LAST_PAGE, self.current_key()))
        self._save_page.start()

    def open_record(self, key: str, record_id: str) -> None:
        page = self.show_page(key)
        if self.current_key() != key or not record_id:
            return
        show = getattr(page, "show_record", None) or getattr(page, "open_record", None)
        if show is not None:
            show(record_id)

    def restore_drafts(self) -> None:
        """After a crash or power cut: what was typed and not saved yet comes back, and says so."""
        from fieldgroup.core import drafts as journal

        left = journal.list_drafts(self.ctx.store)
        if not left:  # the usual start: the record dialogs' module (date fields…) is not imported for nothing
            return
        from fieldgroup.ui.dialogs.dialog_draft import KINDS

        if any(d.key.split(":", 1)[0] in KINDS for d in left):
            # Record dialogs left open by a crash come back once the window shows (dialogs/dialog_draft.py).
            QTimer.singleShot(0, self, self._restore_dialog_drafts)
        drafts = [d for d in left if d.key.startswith("meeting:")]
        if not drafts:
            return
        draft = drafts[-1]  # one editor, so normally one draft; older ones come back at the next start
        if draft.group_id and draft.group_id != self.ctx.group_id and self.group_combo.findData(draft.group_id) >= 0:
            self.ctx.set_group(draft.group_id)
        page = self.show_page("meetings")
        if self.current_key() == "meetings":
            page.restore_draft(draft)
            self.statusBar().showMessage(_("Unsaved changes from the last session were restored."), 30000)

    def _restore_dialog_drafts(self) -> None:
        from fieldgroup.ui.dialogs.dialog_draft import restore_dialog_drafts

        if self.isVisible():  # not when the window was closed (and its store with it) straight away
            restore_dialog_drafts(self.ctx.store, self, self.ctx.changed)

    # ---- Edit menu ----

    def new_meeting(self) -> None:
        page = self.show_page("meetings")
        if self.current_key() == "meetings":
            page.new_meeting()

    def new_action_item(self) -> None:
        from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

        if not self.ctx.group_id:
            QMessageBox.information(self, _("New action item"), _("Create a working group first (File ▸ New group…)."))
            return
        if ActionItemDialog(self.ctx.store, self.ctx.group_id, parent=self).exec():
            self.ctx.changed("action_items")

    def find_anything(self, text: str) -> None:
        """Ctrl+K, or the search box above every page: the full-text search over the whole group."""
        from fieldgroup.ui.dialogs.search_dialog import SearchDialog

        self.find_box.clear()
        self.search_dialog = SearchDialog(self.ctx, self, text)
        self.search_dialog.open()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.end(False)

    def _find_typed(self, text: str) -> None:
        if text.strip():  # the first key moves the typing into the search window, which shows results live
            self.find_anything(text)

    def find(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()
            return
        search = page.findChild(QLineEdit, "search")
        if search is not None:
            search.setFocus()
            search.selectAll()

    # ---- File menu ----

    def _store_filter(self) -> str:
        return _("FieldGroup stores (*{suffix});;All files (*)").format(suffix=STORE_SUFFIX)

    def new_store(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("New store"), str(Path.home() / f"new{STORE_SUFFIX}"),
                                                    self._store_filter())
        if path:
            if not path.endswith(STORE_SUFFIX):
                path += STORE_SUFFIX
            from fieldgroup.ui.first_run import create_encrypted

            self._switch_to(lambda: create_encrypted(Path(path), self))

    def choose_store(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Open store"), str(self.ctx.store.path.parent),
                                                    self._store_filter())
        if path:
            from fieldgroup.ui.first_run import open_unlocked_or_refuse

            self._switch_to(lambda: open_unlocked_or_refuse(Path(path), self))

    def _switch_to(self, opener: object) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "can_leave") and not page.can_leave():
            return
        try:
            store = opener()
        except FieldGroupError as exc:
            QMessageBox.warning(self, _("Open store"), str(exc))
            return
        window = MainWindow(store)
        OPEN_WINDOWS.append(window)
        window.show()
        settings.set_value(settings.LAST_STORE, str(store.path))  # the next start opens it again
        if self.close():
            self.ctx.store.close()

    def protection_check(self) -> None:
        from fieldgroup.ui.widgets.protection_check_dialog import protection_check_dialog

        protection_check_dialog(self.ctx, self)

    def restore_from_backup(self) -> None:
        from fieldgroup.ui.restore_flow import restore_from_backup

        restore_from_backup(self)

    def _show_core_team_pages(self) -> None:
        """The Incidents page is listed only while this laptop holds the core-team passphrase (issue 19)."""
        from fieldgroup.ui.pages.incidents_page import holds_core_passphrase

        self.nav.item(self._index_of("incidents")).setHidden(not holds_core_passphrase(self.ctx.store))

    def enter_core_passphrase(self) -> None:
        from fieldgroup.ui.pages.incidents_page import ask_core_passphrase

        if ask_core_passphrase(self.ctx, self):
            self.show_page("incidents")

    def export_pdf(self, kind: str) -> None:
        """File ▸ Export PDF: the meeting handout starts from the meeting open in the editor, if any; the
        tracker and the M&E report from their page's "With sub-groups" state, when opened there."""
        from fieldgroup.ui.report_export import export_pdf

        meeting = None
        editor = getattr(self.pages.get("meetings"), "editor", None)
        if kind == "meeting" and editor is not None and editor.meeting is not None:
            meeting = editor.meeting.id
        # From the page of the same report, its "With sub-groups" box: the PDF holds what the page shows.
        page = self.pages.get(kind)
        box = getattr(page, "with_subgroups", None) if page is self.stack.currentWidget() else None
        export_pdf(self, self.ctx, kind, meeting, subgroups=box.shown_choice() if box is not None else None)

    def export_data(self) -> None:
        """File ▸ Export data: funder and spreadsheet formats (fieldgroup/exports), written in the background."""
        from fieldgroup.ui.dialogs.export_data_dialog import export_data_in_background

        export_data_in_background(self, self.ctx.store, self.ctx.group_id)

    def back_up(self) -> None:
        """A backup in the store's backups/ folder (where Restore looks), made off the GUI thread."""
        from fieldgroup.core import backups

        self.backup_loader.run(
            backups.backup_now,
            lambda target: self.statusBar().showMessage(_("Backup saved: {path}").format(path=target), 15000),
            lambda message: QMessageBox.warning(self, _("Back up now"), message))

    def daily_backup(self) -> None:
        """Once a day, the first time the store is opened: quietly, in the background."""
        from fieldgroup.core import backups

        self.daily_loader.run(backups.backup_if_due, lambda target: target and log.info("Daily backup written"),
                             lambda message: self.statusBar().showMessage(message, 15000))

    def open_settings(self) -> None:
        from fieldgroup.ui.dialogs.settings_dialog import SettingsDialog

        before = settings.value(settings.LANGUAGE)
        if SettingsDialog(self.ctx, self).exec() and settings.value(settings.LANGUAGE) != before:
            self.apply_language()

    def apply_language(self) -> None:
        """A new language applies at once: the window is built again in it, on the same store and page."""
        from PySide6.QtWidgets import QApplication

        from fieldgroup.ui.app import choose_language
        from fieldgroup.ui.qt_i18n import install_qt_translations

        page = self.stack.currentWidget()
        if hasattr(page, "can_leave") and not page.can_leave():
            return
        install_qt_translations(QApplication.instance(), choose_language(None))
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.LAST_PAGE, self.current_key())
        window = MainWindow(self.ctx.store)
        OPEN_WINDOWS.append(window)
        window.show()
        self.close()

    # ---- window state ----

    def _restore(self) -> None:
        geometry = settings.value(settings.GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        key = settings.value(settings.LAST_PAGE, "dashboard")
        self.show_page(key if any(spec.key == key for spec in PAGES) else "dashboard")

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            if hasattr(page, "can_leave") and not page.can_leave():
                event.ignore()
                return
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.LAST_PAGE, self.current_key())
        event.accept()
        if self in OPEN_WINDOWS:
            OPEN_WINDOWS.remove(self)


# Windows opened from File ▸ New/Open store; kept here so Python does not collect them.
OPEN_WINDOWS: list[MainWindow] = []
