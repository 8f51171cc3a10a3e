"""Record or edit an incident, and add a step to the group's response protocol (issue 19).

People involved are inserted as mentions (a token with their id), never typed into a name field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import INCIDENT_KIND, INCIDENT_SEVERITY, INCIDENT_STATUS
from fieldgroup.core.erasure import dismiss
from fieldgroup.core.incidents import Incident, ResponseStep
from fieldgroup.core.mentions import Directory
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.name_guard import NameGuard


def _combo(choices: Any, current: str | None) -> QComboBox:
    combo = QComboBox()
    for choice in choices:
        combo.addItem(_(choice.label), choice.value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def guarded_box(parent: QWidget, store: Store, edit: MentionEdit, guards: list[NameGuard]) -> QWidget:
    """`edit` with the guard under it that offers to turn protected names typed plainly into mentions."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    guard = NameGuard(edit, lambda pid, phrase: dismiss(store, pid, phrase), box)
    guards.append(guard)
    layout.addWidget(guard)
    guard.check()  # a name stored before the person was protected (or from another laptop) shows on opening
    return box


def refused_for_plain_names(dialog: QDialog, guards: list[NameGuard]) -> bool:
    """True (and the user told why, in one sentence) while a guarded box holds a protected name as plain
    text: never stored, the register and its protocol are the most sensitive text there is."""
    if not any(guard.spans() for guard in guards):
        return False
    for guard in guards:
        guard.check()
    QMessageBox.warning(dialog, dialog.windowTitle(), _(
        "A protected person's name is typed as plain text; press Turn into mentions (or Not this person) "
        "under the box before saving."))
    return True


class IncidentDialog(QDialog):
    """New incident (the protocol's steps are made when it is saved) or an existing one."""

    def __init__(self, store: Store, group_id: str, incident: Incident | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.incident = store, group_id, incident
        self.saved: Incident | None = None
        self.setWindowTitle(_("Edit incident") if incident else _("New incident"))
        self.date = DateField(self, incident.date if incident else store.today())  # typed in the language's format
        self.guards: list[NameGuard] = []
        # Title and region are one-line mention boxes: a protected name typed there is offered as a mention too.
        self.region = self._mention_line(incident.region if incident else None, _("Region"))
        self.kind = _combo(INCIDENT_KIND, incident.kind if incident else None)
        self.severity = _combo(INCIDENT_SEVERITY, incident.severity if incident else "medium")
        self.status = _combo(INCIDENT_STATUS, incident.status if incident else None)
        self.title_edit = self._mention_line(incident.title if incident else None, _("Title"))
        # People are mentions; a guard under each text offers to turn names typed plainly into mentions.
        self.description = self._mention_edit(incident.description if incident else None, _("Description"))
        self.outcome = self._mention_edit(incident.outcome if incident else None, _("Outcome of the incident"))
        self.published = QCheckBox(_("Outcome published"))
        self.published.setChecked(bool(incident and incident.outcome_published))
        self.person = QComboBox()
        self.person.setAccessibleName(_("Person to mention"))
        for person in store.people.list():
            self.person.addItem(person.name, person.id)
        insert = QPushButton(_("&Mention in the description"))
        insert.clicked.connect(self.insert_mention)
        mention_row = QHBoxLayout()
        mention_row.addWidget(self.person, 1)
        mention_row.addWidget(insert)
        self.organisations = QListWidget()
        self.organisations.setAccessibleName(_("Organisations involved"))
        involved = set(store.incidents.organisations_of(incident.id)) if incident else set()
        for org in store.organisations.list(group_id=group_id):
            item = QListWidgetItem(org.name)
            item.setData(Qt.ItemDataRole.UserRole, org.id)
            item.setCheckState(Qt.CheckState.Checked if org.id in involved else Qt.CheckState.Unchecked)
            self.organisations.addItem(item)
        self.organisations.setEnabled(incident is None)  # links are chosen when the incident is recorded
        self.owner = QComboBox()
        self.owner.setAccessibleName(_("Owner of the response steps"))
        self.owner.addItem(_("Nobody yet"), None)
        for person in store.people.list():
            self.owner.addItem(person.name, person.id)
        self.owner.setEnabled(incident is None)
        form = QFormLayout()
        for label, widget in ((_("&Date:"), self.date), (_("&Region:"), self._guarded(self.region)),
                              (_("&Kind:"), self.kind), (_("Se&verity:"), self.severity), (_("&Status:"), self.status),
                              (_("&Title:"), self._guarded(self.title_edit)),
                              (_("Descri&ption:"), self._guarded(self.description))):
            form.addRow(label, widget)
        form.addRow(_("People involved:"), mention_row)
        form.addRow(_("Organisations involved:"), self.organisations)
        form.addRow(_("Owner of the &steps:"), self.owner)
        form.addRow(_("&Outcome:"), self._guarded(self.outcome))
        form.addRow("", self.published)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(680)  # a guard's sentence beside its two buttons reads on one or two lines

    def _mention_edit(self, text: str | None, name: str) -> MentionEdit:
        edit = MentionEdit(self, lambda: Directory.from_store(self.store))
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(110)
        edit.setPlainText(text or "")
        return edit

    def _mention_line(self, text: str | None, name: str) -> MentionLine:
        edit = MentionLine(self, lambda: Directory.from_store(self.store))
        edit.setAccessibleName(name)
        edit.setText(text)
        return edit

    def _guarded(self, edit: MentionEdit) -> QWidget:
        return guarded_box(self, self.store, edit, self.guards)

    def names_in_plain_text(self) -> bool:
        """Whether a protected (or erased) person's name is still typed as plain text in any guarded box."""
        return any(guard.spans() for guard in self.guards)

    def insert_mention(self) -> None:
        person_id = self.person.currentData()
        if person_id:
            self.description.insert_mention(person_id)

    def values(self) -> dict[str, Any]:
        return {
            "date": self.date.check("date"), "region": self.region.text(), "kind": self.kind.currentData(),
            "severity": self.severity.currentData(), "status": self.status.currentData(),
            "title": self.title_edit.text(), "description": self.description.toPlainText(),
            "outcome": self.outcome.toPlainText(), "outcome_published": self.published.isChecked(),
        }

    def chosen_organisations(self) -> list[str]:
        items = (self.organisations.item(i) for i in range(self.organisations.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        if refused_for_plain_names(self, self.guards):
            return
        try:
            if self.incident is None:
                self.saved = self.store.incidents.open(self.group_id, organisation_ids=self.chosen_organisations(),
                                                       owner_person_id=self.owner.currentData(), **self.values())
            else:
                self.saved = self.store.incidents.update(self.incident.id, **self.values())
        except FieldGroupError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


class ProtocolStepDialog(QDialog):
    """One step of the group's response protocol, new or edited in place: what, whom to contact, within how many days."""

    def __init__(self, store: Store, group_id: str, parent: QWidget | None = None, step: ResponseStep | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.step = store, group_id, step
        self.setWindowTitle(_("Edit protocol step") if step else _("New protocol step"))
        # A mention box with its guard, as the incident's title: a step may name whom to call.
        self.what = MentionLine(self, lambda: Directory.from_store(self.store))
        self.what.setAccessibleName(_("What to do"))
        self.what.setText(step.what if step else "")
        self.guards: list[NameGuard] = []
        self.within = QSpinBox()
        self.within.setRange(0, 365)
        self.contact = QComboBox()
        self.contact.addItem(_("No organisation"), None)
        for org in store.organisations.list(group_id=group_id):
            self.contact.addItem(org.name, org.id)
        self.person = QComboBox()
        self.person.setAccessibleName(_("Contact person"))
        if step is not None:
            self.within.setValue(step.within_days)
            self.contact.setCurrentIndex(max(self.contact.findData(step.contact_organisation_id), 0))
        self.contact.currentIndexChanged.connect(self._fill_people)
        self._fill_people()
        if step is not None:
            self.person.setCurrentIndex(max(self.person.findData(step.contact_person_id), 0))
        form = QFormLayout(self)
        form.addRow(_("&What to do:"), guarded_box(self, store, self.what, self.guards))
        form.addRow(_("&Contact:"), self.contact)
        form.addRow(_("Contact &person:"), self.person)
        form.addRow(_("Within (&days):"), self.within)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)  # a step is a sentence: room to read it while editing

    def _fill_people(self) -> None:
        """The chosen organisation's people, its focal points first."""
        self.person.clear()
        self.person.addItem(_("Nobody in particular"), None)
        org_id = self.contact.currentData()
        people = self.store.people.list(organisation_id=org_id) if org_id else []
        for person in sorted(people, key=lambda p: (not p.focal_point, p.name.casefold())):
            self.person.addItem(person.name, person.id)
        self.person.setEnabled(bool(people))

    def save(self) -> None:
        if refused_for_plain_names(self, self.guards):
            return
        values = {"contact_organisation_id": self.contact.currentData(), "contact_person_id": self.person.currentData()}
        try:
            if self.step is None:
                self.store.incidents.add_protocol_step(self.group_id, self.what.text(), self.within.value(), **values)
            else:  # incidents already recorded keep their own copy of the step, as when it is removed
                self.store.incidents.protocol.update(self.step.id, what=self.what.text(),
                                                     within_days=self.within.value(), **values)
        except FieldGroupError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


class ProtocolDialog(QDialog):
    """The group's response protocol: the ordered checklist every new incident copies; add, edit, remove, reorder.

    Each change is saved when made, as a step is added (Edit's own dialog can be cancelled)."""

    def __init__(self, store: Store, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id = store, group_id
        self.setWindowTitle(_("Response protocol"))
        note = QLabel(_("Each new incident gets these steps as its own, due the given number of days after it "
                        "was reported. Incidents already recorded keep their steps."))
        note.setWordWrap(True)
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Response protocol"))
        self.steps.setWordWrap(True)  # a long step reads whole, without scrolling sideways
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        self.steps.itemDoubleClicked.connect(self._edit_item)
        for text, slot in ((_("&Add step…"), self.add), (_("&Edit…"), self.edit), (_("&Remove"), self.remove),
                           (_("Move &up"), lambda: self.move(-1)), (_("Move &down"), lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(720, 420)
        self.refresh()

    def refresh(self, selected: str | None = None) -> None:
        from fieldgroup.ui.pages.incidents_page import on_screen

        self.steps.clear()
        directory = Directory.from_store(self.store)
        for step in self.store.incidents.protocol_of(self.group_id):
            # Mentions as names (masked in presentation mode), never the raw token.
            line = ngettext("{what} — within {n} day", "{what} — within {n} days", step.within_days).format(
                what=on_screen(self.store, step.what, directory), n=step.within_days)
            if step.contact_organisation_id:
                org = self.store.organisations.find(step.contact_organisation_id)
                line += " — " + (org.name if org else "—")
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            self.steps.addItem(item)
            if step.id == selected:
                self.steps.setCurrentItem(item)

    def current(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add(self) -> None:
        if ProtocolStepDialog(self.store, self.group_id, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _edit_item(self, item: QListWidgetItem) -> None:
        self.steps.setCurrentItem(item)  # the step double-clicked, even before it was chosen
        self.edit()

    def edit(self) -> None:
        """Change the chosen step's words, contact or delay in place; Cancel leaves it as it was."""
        step_id = self.current()
        step = next((s for s in self.store.incidents.protocol_of(self.group_id) if s.id == step_id), None)
        if step is not None and ProtocolStepDialog(self.store, self.group_id, self, step).exec() == \
                QDialog.DialogCode.Accepted:
            self.refresh(step_id)

    def remove(self) -> None:
        if self.current():
            self.store.incidents.remove_protocol_step(self.current())
            self.refresh()

    def move(self, offset: int) -> None:
        step_id = self.current()
        if step_id:
            self.store.incidents.move_protocol_step(step_id, offset)
            self.refresh(step_id)
