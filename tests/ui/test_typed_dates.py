"""Dates typed and shown in the language's format in every dialog and the tracker's due range (issue 16, item 6)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from fieldgroup.core import keys
from fieldgroup.i18n import set_locale
from fieldgroup.sync import core_team
from fieldgroup.ui.widgets.date_field import DateField

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
CORE = "copper-island-meadow-falcon-ninety"


def _type_over(qtbot, field: DateField, text: str) -> None:
    """Select what is there and type over it, then leave the field (as Tab would)."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    field.edit.editingFinished.emit()


def _open(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _iso_shown(dialog: QDialog) -> list[str]:
    """Every text in the dialog's line edits that reads as an ISO date."""
    return [e.text() for e in dialog.findChildren(QLineEdit) if ISO.search(e.text())]


def _incident(store, group):
    from fieldgroup.ui.dialogs.incident_dialog import IncidentDialog

    core_team.hold(store, keys.Passphrase(CORE))
    return lambda incident=None: IncidentDialog(store, group.id, incident)


def test_incident_date_typed_the_french_way_is_saved_and_shown_the_french_way(qtbot, store, group, pillars):
    set_locale("fr")
    dialog = _open(qtbot, _incident(store, group)())
    dialog.title_edit.setText("Menaces après la réunion")
    _type_over(qtbot, dialog.date, "5/1/2027")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.date == date(2027, 1, 5)
    again = _open(qtbot, _incident(store, group)(dialog.saved))
    assert again.date.text() == "05/01/2027" and not _iso_shown(again)


def test_an_incident_date_that_is_no_date_is_said_and_not_saved(qtbot, store, group, pillars, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warnings.append(text)))
    set_locale("fr")
    dialog = _open(qtbot, _incident(store, group)())
    dialog.title_edit.setText("Menaces")
    _type_over(qtbot, dialog.date, "31/02/2027")
    dialog.save()
    assert dialog.saved is None and not store.incidents.list(group.id)
    assert len(warnings) == 1 and "31/02/2027" in warnings[0] and warnings[0].count(".") <= 2


def test_membership_start_typed_in_french_and_its_own_date_kept_when_changed(qtbot, store, group, pillars):
    from fieldgroup.ui.dialogs.members_dialog import MembershipDialog

    set_locale("fr")
    org = pillars["company"][0]
    dialog = _open(qtbot, MembershipDialog(store, group.id, org.id))
    dialog.start.tick.setChecked(True)
    _type_over(qtbot, dialog.start.field, "5/1/2027")
    dialog.save()
    assert store.memberships.of_group(group.id) and \
        next(m for m in store.memberships.of_group(group.id) if m.organisation_id == org.id).start_date == date(2027, 1, 5)
    again = _open(qtbot, MembershipDialog(store, group.id, org.id))
    assert again.start.field.text() == "05/01/2027" and not _iso_shown(again)
    again.save()  # changed nothing: the start stays its own date, not today's
    assert next(m for m in store.memberships.of_group(group.id) if m.organisation_id == org.id).start_date == \
        date(2027, 1, 5)


def test_role_start_and_end_typed_in_french_and_a_wrong_one_stays_open(qtbot, store, group, pillars):
    from fieldgroup.ui.dialogs.members_dialog import EndRoleDialog, RoleDialog

    set_locale("fr")
    ministry, abena = pillars["government"]
    dialog = _open(qtbot, RoleDialog(store, group.id, ministry.id))
    assert not _iso_shown(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData(abena.id))
    dialog.role.setCurrentIndex(dialog.role.findData("chair"))
    _type_over(qtbot, dialog.start, "31/02/2027")
    dialog.save()
    assert "31/02/2027" in dialog.form.error_text("start_date") and not store.roles.list(organisation_id=ministry.id)
    _type_over(qtbot, dialog.start, "5/1/2027")
    dialog.save()
    [role] = store.roles.list(organisation_id=ministry.id)
    assert role.start_date == date(2027, 1, 5)
    end = _open(qtbot, EndRoleDialog(store, group.id, ministry.id))
    assert not _iso_shown(end)
    end.end.set_text("၁၅/၆/၂၀၂၇")  # Myanmar digits, as a Burmese keyboard types them (keyClicks takes only Latin)
    end.end.edit.editingFinished.emit()
    end.save()
    assert store.roles.get(role.id).end_date == date(2027, 6, 15)


@pytest.mark.parametrize("which", ["activity", "objective"])
def test_start_and_end_typed_in_french_unticked_stays_empty_and_no_date_is_said(qtbot, store, group, which):
    from fieldgroup.ui.dialogs.activity_dialog import ActivityDialog
    from fieldgroup.ui.dialogs.objective_dialog import ObjectiveDialog

    set_locale("fr")
    make = ActivityDialog if which == "activity" else ObjectiveDialog
    dialog = _open(qtbot, make(store, group.id))
    dialog.title_edit.setText("Former la police de la mine")
    dialog.start.tick.setChecked(True)
    _type_over(qtbot, dialog.start.field, "5/1/2027")
    dialog.end.tick.setChecked(True)
    _type_over(qtbot, dialog.end.field, "31/02/2027")
    dialog.save()
    assert dialog.saved is None and "31/02/2027" in dialog.form.error_text("end_date")
    dialog.end.tick.setChecked(False)
    dialog.save()
    assert (dialog.saved.start_date, dialog.saved.end_date) == (date(2027, 1, 5), None)
    again = _open(qtbot, make(store, group.id, dialog.saved))
    again.end.tick.setChecked(True)
    assert again.start.field.text() == "05/01/2027" and not _iso_shown(again)


def test_the_due_range_typed_in_french_filters_the_tracker(qtbot, ctx, store, group, pillars):
    from fieldgroup.ui.models.action_tracker_model import TITLE
    from fieldgroup.ui.pages.actions_page import ActionsPage

    set_locale("fr")
    owner = pillars["company"][1]
    for title, due in (("Envoyer le compte rendu", date(2025, 7, 10)), ("Inviter la police", date(2025, 8, 20))):
        store.actions.create(group_id=group.id, title=title, owner_person_id=owner.id, due_date=due)
    page = ActionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.due_range.setChecked(True)
    assert not [e.text() for e in page.findChildren(QLineEdit) if ISO.search(e.text())]
    _type_over(qtbot, page.due_from, "2/7/2025")
    _type_over(qtbot, page.due_to, "31/7/2025")
    model = page.model
    qtbot.waitUntil(lambda: model.total() == 2)
    assert [model.index(r, TITLE).data() for r in range(model.rowCount())] == ["Envoyer le compte rendu"]
    _type_over(qtbot, page.due_to, "31/02/2025")
    assert "31/02/2025" in page.count_label.text() and page.due_to.date().month() == 7
