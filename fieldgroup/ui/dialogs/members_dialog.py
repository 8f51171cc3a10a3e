"""A group's members: memberships (member, observer, invited, left), roles with dates and focal-point history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import GROUP_ROLE, MEMBERSHIP_STATUS, ORG_SUBTYPE, PILLAR
from fieldgroup.core.members import network_organisations
from fieldgroup.formatting import format_date
from fieldgroup.i18n import N_, _
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.optional_date import OptionalDate
from fieldgroup.ui.widgets.validated_form import ValidatedForm

COLUMNS = (N_("Organisation"), N_("Pillar"), N_("Sub-type"), N_("Membership"), N_("Since"), N_("Until"))


def _day(value: date | None) -> str:
    return format_date(value) if value else ""


class MembershipDialog(QDialog):
    """Add an organisation of the network's directory to the group, or change its membership."""

    def __init__(self, store: Store, group_id: str, organisation_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.setWindowTitle(_("Membership"))
        self.form = ValidatedForm()
        self.organisation = self.form.add("organisation_id", _("&Organisation:"), QComboBox())
        for org in network_organisations(store, group_id):
            self.organisation.addItem(_("{name} ({pillar})").format(name=org.name, pillar=PILLAR.label(org.pillar)),
                                      org.id)
        self.organisation.setCurrentIndex(max(self.organisation.findData(organisation_id), 0))
        self.organisation.setEnabled(organisation_id is None)
        self.status = self.form.add("status", _("&Status:"), QComboBox())
        for choice in MEMBERSHIP_STATUS:
            self.status.addItem(MEMBERSHIP_STATUS.label(choice.value), choice.value)
        self.start = self.form.add("start_date", _("&From:"), OptionalDate(_("date known"), store.today()))
        current = store.memberships.find(_pair(organisation_id, group_id)) if organisation_id else None
        if current is not None:
            self.status.setCurrentIndex(max(self.status.findData(current.status), 0))
            self.start.set_value(current.start_date)  # its own date, not today's, unless changed
        lay_out_form(self, self.form, self.save)

    def save(self) -> None:
        status = self.status.currentData()
        extra = {"end_date": self.store.today()} if status == "left" else {"end_date": None}
        try:
            start = self.start.check("start_date")
            self.store.memberships.set(self.organisation.currentData(), self.group_id, status, start_date=start, **extra)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()


def _pair(organisation_id: str, group_id: str) -> str:
    from fieldgroup.core.repository import pair_id

    return pair_id(organisation_id, group_id)


class RoleDialog(QDialog):
    """Give a person of the organisation a role in the group from a date (ending any same role they held)."""

    def __init__(self, store: Store, group_id: str, organisation_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.setWindowTitle(_("New role"))
        self.form = ValidatedForm()
        self.person = self.form.add("person_id", _("&Person:"), QComboBox())
        for person in store.people.list(organisation_id=organisation_id):
            self.person.addItem(person.name, person.id)
        self.role = self.form.add("role", _("&Role:"), QComboBox())
        for choice in GROUP_ROLE:
            self.role.addItem(GROUP_ROLE.label(choice.value), choice.value)
        self.start = self.form.add("start_date", _("&From:"), DateField(None, store.today()))
        lay_out_form(self, self.form, self.save)

    def save(self) -> None:
        role = self.role.currentData()
        try:
            start = self.start.check("start_date")
            with self.store.transaction():
                if role == "focal_point":  # one focal point at a time: the previous one's role ends
                    organisation = self.store.people.get(self.person.currentData()).organisation_id
                    for held in self.store.roles.focal_point_history(organisation, self.group_id):
                        if held.end_date is None:
                            self.store.roles.update(held.id, end_date=max(start, held.start_date or start))
                self.store.roles.start(self.person.currentData(), self.group_id, role, start)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()


class EndRoleDialog(QDialog):
    """End one of the organisation's current roles in the group on a date (the history keeps it)."""

    def __init__(self, store: Store, group_id: str, organisation_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("End a role"))
        self.form = ValidatedForm()
        self.role = self.form.add("role", _("&Role:"), QComboBox())
        for role in store.roles.list(organisation_id=organisation_id, group_id=group_id):
            person = store.people.find(role.person_id)
            if role.end_date is None and person is not None:
                self.role.addItem(_("{role}: {person}").format(role=GROUP_ROLE.label(role.role), person=person.name),
                                  role.id)
        self.end = self.form.add("end_date", _("&Until:"), DateField(None, store.today()))
        lay_out_form(self, self.form, self.save)

    def save(self) -> None:
        if self.role.currentData() is None:
            self.reject()
            return
        try:
            self.store.roles.update(self.role.currentData(), end_date=self.end.check("end_date"))
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()


class MembersDialog(QDialog):
    """The group's member organisations; below, the selected one's roles and focal-point history."""

    def __init__(self, store: Store, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        group = store.groups.get(group_id)
        self.setWindowTitle(_("Members of {group}").format(group=group.name))
        self.resize(760, 520)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._show_history)
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        add = QPushButton(_("&Add from the directory…"), self)
        add.clicked.connect(lambda: self._open(MembershipDialog(store, group_id, None, self)))
        self.change = QPushButton(_("&Change membership…"), self)
        self.change.clicked.connect(lambda: self._open(MembershipDialog(store, group_id, self.selected(), self)))
        self.add_role = QPushButton(_("New &role…"), self)
        self.add_role.clicked.connect(lambda: self._open(RoleDialog(store, group_id, self.selected(), self)))
        self.end_role = QPushButton(_("&End a role…"), self)
        self.end_role.clicked.connect(lambda: self._open(EndRoleDialog(store, group_id, self.selected(), self)))
        buttons = QHBoxLayout()
        for button in (add, self.change, self.add_role, self.end_role):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        memberships = {m.organisation_id: m for m in self.store.memberships.of_group(self.group_id)}
        organisations = sorted(self.store.organisations.list(id=tuple(memberships)), key=lambda o: o.name.casefold())
        self.table.setRowCount(len(organisations))
        for row, org in enumerate(organisations):
            membership = memberships[org.id]
            cells = (org.name, PILLAR.label(org.pillar), ORG_SUBTYPE.label(org.subtype, _("(not decided)")),
                     MEMBERSHIP_STATUS.label(membership.status), _day(membership.start_date), _day(membership.end_date))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, org.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._show_history()

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, organisation_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == organisation_id:
                self.table.selectRow(row)

    def _open(self, dialog: QDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _show_history(self) -> None:
        organisation_id = self.selected()
        self.change.setEnabled(organisation_id is not None)
        self.add_role.setEnabled(organisation_id is not None)
        self.end_role.setEnabled(organisation_id is not None)
        if organisation_id is None:
            self.history.setText(_("Choose an organisation to see its roles and focal-point history."))
            return
        lines = []
        for role in self.store.roles.list(organisation_id=organisation_id, group_id=self.group_id):
            person = self.store.people.find(role.person_id)
            lines.append(_("{role}: {person}, {start} – {end}").format(
                role=GROUP_ROLE.label(role.role), person=person.name if person else "",
                start=_day(role.start_date) or _("from before"), end=_day(role.end_date) or _("now")))
        self.history.setText("\n".join(lines) if lines else _("No roles recorded in this group."))
