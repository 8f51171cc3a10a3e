"""People and organisations: two tables with search, editors, protection, merging and CSV import."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.merge_dialog import MergeDialog
from fieldgroup.ui.dialogs.organisation_dialog import OrganisationDialog
from fieldgroup.ui.dialogs.person_dialog import PersonDialog
from fieldgroup.ui.models.organisations_model import OrganisationsModel
from fieldgroup.ui.models.people_model import PeopleModel
from fieldgroup.ui.models.search_proxy import SearchProxy
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.widgets.empty_hint import EmptyHint
from fieldgroup.ui.widgets.history_panel import HistoryPanel
from fieldgroup.ui.widgets.table_layout import fit_columns, lay_out_table, remember_splitter
from fieldgroup.ui.widgets.why import enable, no_group, unless

PEOPLE_TAB, ORGANISATIONS_TAB = 0, 1


def _table(model, name: str, widths: tuple[int, ...], key: str = "") -> tuple[QTableView, SearchProxy]:
    proxy = SearchProxy(model)  # filters only: the model sorts itself, once, not per comparison
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    lay_out_table(view, key or name, 0)  # the name takes the room left; the rest fit their content
    return view, proxy


class PeoplePage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loader = QueryOp(self, ctx.store)
        self._pending_record: str | None = None  # selected once the rows being read are in
        self.people_model, self.organisations_model = PeopleModel(self), OrganisationsModel(self)
        self.people_view, self.people_proxy = _table(self.people_model, _("People"),
                                                     (200, 220, 110, 95, 105, 95, 150, 170), "people")
        self.org_view, self.org_proxy = _table(self.organisations_model, _("Organisations"), (360, 140, 220, 180), "organisations")
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search people and organisations (Ctrl+F)"))
        self.search.setAccessibleName(_("Search people and organisations"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._people_tab(), _("&People"))
        self.tabs.addTab(self._organisations_tab(), _("&Organisations"))
        self.tabs.currentChanged.connect(lambda _i: self._update())
        self.history = HistoryPanel(ctx, self)
        self._history_of: object = ()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tabs)
        split.addWidget(self.history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        remember_splitter(split, "people")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        ctx.group_changed.connect(lambda _g: self.when_shown(self.refresh))
        ctx.data_changed.connect(lambda table: self.when_shown(lambda: self._on_data_changed(table)))
        self.empty_people = EmptyHint(self.people_view, self._people_hint)  # what to do first, on an empty list
        self.empty_orgs = EmptyHint(self.org_view, self._organisations_hint)
        self.organisations_model.modelReset.connect(self.empty_people.update_hint)  # its words depend on them
        self.people_model.layoutChanged.connect(self._update)  # re-sorted (presentation mode): counts anew
        self.refresh()

    def _people_hint(self) -> str:
        if not self.ctx.group_id:
            return no_group()
        if self.search.text().strip():
            return _("No one matches “{text}”.").format(text=self.search.text().strip())
        if self.organisations_model.rowCount() == 0:
            return _("No people yet. Start with the member organisations (Organisations tab ▸ New organisation…), "
                     "then add their people with New person… or Import sign-in list….")
        return _("No people yet: press New person… to add the first one, or Import sign-in list… to bring in "
                 "a signed attendance sheet.")

    def _organisations_hint(self) -> str:
        if not self.ctx.group_id:
            return no_group()
        if self.search.text().strip():
            return _("No organisation matches “{text}”.").format(text=self.search.text().strip())
        return _("No organisations yet: press New organisation… to add the group's first member — a company, "
                 "a ministry, an NGO or an embassy.")

    # ---- building ----

    def _buttons(self, specs) -> QHBoxLayout:
        row = QHBoxLayout()
        buttons = []
        for label, slot in specs:
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
            buttons.append(button)
        row.addStretch(1)
        return row, buttons

    def _people_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.people_view, 1)
        row, buttons = self._buttons([
            (_("&New person…"), self.new_person), (_("&Edit…"), self.edit_person),
            (_("&Delete…"), self.delete_person), (_("Mark as pro&tected"), self.toggle_protected),
            (_("&Merge duplicates…"), self.merge_people), (_("&Import sign-in list…"), self.import_csv)])
        (self.new_person_button, self.edit_person_button, self.delete_person_button, self.protect_button,
         self.merge_people_button, self.import_button) = buttons
        column.addLayout(row)
        self.people_view.doubleClicked.connect(lambda _i: self.edit_person())
        self.people_view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        return tab

    def _organisations_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.org_view, 1)
        row, buttons = self._buttons([
            (_("&New organisation…"), self.new_organisation), (_("&Edit…"), self.edit_organisation),
            (_("&Delete…"), self.delete_organisation), (_("&Merge duplicates…"), self.merge_organisations)])
        self.new_org_button, self.edit_org_button, self.delete_org_button, self.merge_orgs_button = buttons
        column.addLayout(row)
        self.org_view.doubleClicked.connect(lambda _i: self.edit_organisation())
        self.org_view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        return tab

    # ---- loading ----

    def refresh(self) -> None:
        """People and organisations are read in the background (3,000 people: 30-40 ms of the GUI
        thread on the stress store); the rows on show stay until the new ones come."""
        self._stale = False
        group_id = self.ctx.group_id
        if not group_id:
            self.loader.generation += 1  # a read still on its way is not delivered
            self._loaded(([], []))
            return

        def read(store: object) -> tuple[list, list]:
            return store.people.rows(group_id), store.organisations.list(group_id=group_id)

        self.loader.run(read, self._loaded)

    def _loaded(self, data: tuple[list, list]) -> None:
        people, orgs = data
        self.people_model.set_rows(people)
        self.organisations_model.set_rows(orgs, Counter(p.organisation_id for p in people))
        fit_columns(self.people_view)
        fit_columns(self.org_view)
        self._update()
        pending, self._pending_record = self._pending_record, None
        if pending:
            self.show_record(pending)

    def _on_data_changed(self, table: str) -> None:
        if table in ("", "people", "organisations", "groups", "attendance"):
            self.refresh()

    def _search(self, text: str) -> None:
        self.people_proxy.set_search(text)
        self.org_proxy.set_search(text)
        self._update()

    def _update(self) -> None:
        people, orgs = self.selected_people(), self.selected_organisations()
        self._update_history(people, orgs)
        has_group = self.ctx.group_id is not None
        group_first = unless(has_group, no_group())
        enable(self.new_person_button, group_first or unless(
            self.organisations_model.rowCount() > 0,
            _("Add an organisation first (Organisations tab ▸ New organisation…): every person belongs to one.")))
        enable(self.import_button, group_first)
        enable(self.new_org_button, group_first)
        for button in (self.edit_person_button, self.delete_person_button, self.protect_button):
            enable(button, unless(len(people) == 1, _("Select one person in the list first.")))
        if len(people) == 1 and people[0].protected:
            self.protect_button.setText(_("Remove pro&tection…"))
        else:
            self.protect_button.setText(_("Mark as pro&tected"))
        enable(self.merge_people_button, unless(self.people_model.rowCount() > 1, _("There is nobody to merge yet.")))
        for button in (self.edit_org_button, self.delete_org_button):
            enable(button, unless(len(orgs) == 1, _("Select one organisation in the list first.")))
        enable(self.merge_orgs_button, unless(self.organisations_model.rowCount() > 1,
                                              _("There is no organisation to merge yet.")))
        self.count_label.setText(_("{people} · {orgs}").format(
            people=ngettext("{n} person", "{n} people", self.people_proxy.rowCount()).format(n=format_number(self.people_proxy.rowCount())),
            orgs=ngettext("{n} organisation", "{n} organisations", self.org_proxy.rowCount())
            .format(n=format_number(self.org_proxy.rowCount()))))

    # ---- selection ----

    def _update_history(self, people: list, orgs: list) -> None:
        """The selected person's or organisation's meetings and action items (read in the background)."""
        on_people_tab = self.tabs.currentIndex() == 0
        chosen = (people if on_people_tab else orgs)
        key = (on_people_tab, chosen[0].id) if len(chosen) == 1 else None
        if key == self._history_of:
            return
        self._history_of = key
        if key is None:
            self.history.show_for(None, [], None)
        elif on_people_tab:
            person = chosen[0]
            self.history.show_for(person_label(person), [person.id], None)
        else:
            org = chosen[0]
            ids = [p.id for p in self.people_model.rows if p.organisation_id == org.id]
            self.history.show_for(org.name, ids, org.id)

    def _selected(self, view: QTableView, proxy: SearchProxy, model) -> list:
        rows = sorted({proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()})
        return [model.row_at(r) for r in rows]

    def selected_people(self) -> list:
        return self._selected(self.people_view, self.people_proxy, self.people_model)

    def selected_organisations(self) -> list:
        return self._selected(self.org_view, self.org_proxy, self.organisations_model)

    def _select(self, view: QTableView, proxy: SearchProxy, source_row: int | None) -> None:
        if source_row is None:
            return
        index = proxy.mapFromSource(proxy.sourceModel().index(source_row, 0))
        if not index.isValid():  # hidden by the search
            self.search.clear()
            index = proxy.mapFromSource(proxy.sourceModel().index(source_row, 0))
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        view.scrollTo(index)

    def show_record(self, record_id: str) -> None:
        row = self.people_model.row_of(record_id)
        if row is not None:
            self.tabs.setCurrentIndex(PEOPLE_TAB)
            self._select(self.people_view, self.people_proxy, row)
            return
        self.tabs.setCurrentIndex(ORGANISATIONS_TAB)
        self._select(self.org_view, self.org_proxy, self.organisations_model.row_of(record_id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- people ----

    def _saved(self, table: str, record_id: str | None) -> None:
        """A record was written here: every page reloads (this one too, through the change), and the
        record is selected once the rows are back."""
        self._pending_record = record_id
        self.ctx.changed(table)

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, _("People and organisations"), message)

    def new_person(self) -> None:
        dialog = PersonDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.saved:
            self._saved("people", dialog.saved.id)

    def edit_person(self) -> None:
        people = self.selected_people()
        if len(people) == 1:
            dialog = PersonDialog(self.ctx.store, self.ctx.group_id, self.ctx.store.people.get(people[0].id), self)
            if dialog.exec() and dialog.saved:
                self._saved("people", dialog.saved.id)

    def delete_person(self) -> None:
        people = self.selected_people()
        if len(people) != 1:
            return
        person, store = people[0], self.ctx.store
        attendance = store.attendance.count(person_id=person.id)
        actions = store.actions.count(owner_person_id=person.id)
        text = _("Delete {name}? {attendance} {actions} This cannot be undone.").format(
            name=person.name,
            attendance=ngettext("Their attendance at {n} meeting is removed.",
                                "Their attendance at {n} meetings is removed.", attendance).format(n=format_number(attendance)),
            actions=ngettext("{n} action item they own is kept, without an owner.",
                             "{n} action items they own are kept, without an owner.", actions).format(n=format_number(actions)))
        if person.protected:  # erasure: show what will be scrubbed first
            from fieldgroup.ui.widgets.erasure_confirm import confirm_erasure

            if not confirm_erasure(store, person.id, self):
                return
        elif QMessageBox.question(self, _("Delete person"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            store.people.delete(person.id)
        except FieldGroupError as exc:
            self._warn(str(exc))
            return
        self._saved("people", None)
        if person.protected:  # backups the erasure could not rewrite: which files, and what to do
            from fieldgroup.ui.widgets.erasure_confirm import show_unreached

            show_unreached(store, self)

    def toggle_protected(self) -> None:
        people = self.selected_people()
        if len(people) != 1:
            return
        person = people[0]
        if person.protected:
            question = _("Remove protection from {name}? Their name will then appear in printed handouts and "
                         "shared files.").format(name=person.name)
            if QMessageBox.question(self, _("Remove protection"), question) != QMessageBox.StandardButton.Yes:
                return
        try:
            self.ctx.store.people.update(person.id, protected=not person.protected)
        except FieldGroupError as exc:
            self._warn(str(exc))
            return
        self._saved("people", person.id)

    def merge_people(self) -> None:
        chosen = self.selected_people()
        choices = [(p.id, _("{name} — {organisation}").format(name=p.name, organisation=p.organisation_name))
                   for p in sorted((self.people_model.row_at(r) for r in range(self.people_model.rowCount())),
                                   key=lambda p: p.name.lower())]
        dialog = MergeDialog(self.ctx.store, "people", choices, chosen[0].id if chosen else None,
                             chosen[1].id if len(chosen) > 1 else None, self)
        if dialog.exec() and dialog.merged:
            self._saved("people", dialog.merged.id)
            self.ctx.changed("action_items")

    def import_csv(self) -> None:
        from fieldgroup.ui.dialogs.csv_import_dialog import CsvImportDialog  # 20 ms of imports, on first use

        dialog = CsvImportDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.import_result:
            result = dialog.import_result
            self._saved("people", None)
            QMessageBox.information(self, _("Import finished"), _("{people} and {orgs} added.").format(
                people=ngettext("{n} person", "{n} people", result.people).format(n=format_number(result.people)),
                orgs=ngettext("{n} organisation", "{n} organisations", result.organisations)
                .format(n=format_number(result.organisations))))

    # ---- organisations ----

    def new_organisation(self) -> None:
        dialog = OrganisationDialog(self.ctx.store, self.ctx.group_id, parent=self)
        if dialog.exec() and dialog.saved:
            self._saved("organisations", dialog.saved.id)

    def edit_organisation(self) -> None:
        orgs = self.selected_organisations()
        if len(orgs) == 1:
            dialog = OrganisationDialog(self.ctx.store, self.ctx.group_id, orgs[0], self)
            if dialog.exec() and dialog.saved:
                self._saved("organisations", dialog.saved.id)

    def delete_organisation(self) -> None:
        orgs = self.selected_organisations()
        if len(orgs) != 1:
            return
        org, store = orgs[0], self.ctx.store
        actions = store.actions.count(owner_organisation_id=org.id)
        text = _("Delete {name}? {actions} This cannot be undone.").format(
            name=org.name, actions=ngettext("{n} action item it owns is kept, without an owner organisation.",
                                            "{n} action items it owns are kept, without an owner organisation.",
                                            actions).format(n=format_number(actions)))
        people = store.people.count(organisation_id=org.id)
        if people:  # the API refuses; say why before asking anything
            try:
                store.organisations.delete(org.id)
            except FieldGroupError as exc:
                self._warn(str(exc))
            return
        if QMessageBox.question(self, _("Delete organisation"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            store.organisations.delete(org.id)
        except FieldGroupError as exc:
            self._warn(str(exc))
            return
        self._saved("organisations", None)

    def merge_organisations(self) -> None:
        chosen = self.selected_organisations()
        choices = [(o.id, o.name) for o in sorted(
            (self.organisations_model.row_at(r) for r in range(self.organisations_model.rowCount())),
            key=lambda o: o.name.lower())]
        dialog = MergeDialog(self.ctx.store, "organisations", choices, chosen[0].id if chosen else None,
                             chosen[1].id if len(chosen) > 1 else None, self)
        if dialog.exec() and dialog.merged:
            self._saved("organisations", dialog.merged.id)
            self.ctx.changed("action_items")


def person_label(person: object) -> str:
    # The coordinator sees protected names on screen; the mark reminds them it never goes to print.
    return _("{name} (protected)").format(name=person.name) if person.protected else person.name
