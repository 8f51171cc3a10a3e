"""People & organisations page through its widgets: protect, merge duplicates, delete with explanation."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from fieldgroup.ui.dialogs.merge_dialog import MergeDialog
from fieldgroup.ui.dialogs.person_dialog import PersonDialog
from fieldgroup.ui.models.people_model import NAME, PROTECTED
from fieldgroup.ui.pages.people_page import ORGANISATIONS_TAB, PeoplePage

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures


def names(page) -> list[str]:
    proxy = page.people_proxy
    return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]


def select_person(page, name: str, extend: bool = False) -> None:
    proxy = page.people_proxy
    row = names(page).index(name)
    flags = QItemSelectionModel.SelectionFlag.Rows | (
        QItemSelectionModel.SelectionFlag.Select if extend else QItemSelectionModel.SelectionFlag.ClearAndSelect)
    page.people_view.selectionModel().select(proxy.index(row, 0), flags)


@pytest.fixture
def duplicates(store, group, pillars):
    """'Ama Mensah' twice in the company, each at one meeting, the duplicate owning an action item."""
    org = pillars["company"][0]
    keep = store.people.create(organisation_id=org.id, name="Ama Mensah", gender="female")
    dup = store.people.create(organisation_id=org.id, name="Ama Mensah (2)", email="ama@example.org")
    first = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    second = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 4, 1))
    store.attendance.set(first.id, keep.id)
    store.attendance.set(second.id, dup.id)
    store.actions.create(group_id=group.id, title="Share the report", owner_person_id=dup.id)
    return keep, dup, second


def test_mark_a_person_protected_shows_the_marker(qtbot, ctx, show_page, pillars, store):
    page = show_page(PeoplePage, ctx)
    select_person(page, "company person")
    assert page.protect_button.text().replace("&", "") == "Mark as protected"
    page.protect_button.click()
    page_harness.settle(qtbot)  # the list is read again in the background
    assert store.people.get(pillars["company"][1].id).protected
    row = names(page).index("company person")
    cell = page.people_proxy.index(row, PROTECTED)
    assert cell.data() == "Protected"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.people_proxy.index(row, NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.selected_people()[0].protected  # still selected, button now offers to remove it
    assert "Remove" in page.protect_button.text()


def test_removing_protection_asks_first(ctx, show_page, pillars, store, monkeypatch):
    store.people.update(pillars["company"][1].id, protected=True)
    page = show_page(PeoplePage, ctx)
    select_person(page, "company person")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.protect_button.click()
    assert store.people.get(pillars["company"][1].id).protected


def test_merge_two_duplicates_moves_attendance(qtbot, ctx, show_page, duplicates, store, monkeypatch):
    keep, dup, second = duplicates
    page = show_page(PeoplePage, ctx)
    select_person(page, "Ama Mensah")
    select_person(page, "Ama Mensah (2)", extend=True)
    seen = {}

    def fake_exec(dialog):
        assert dialog.keep.currentData() == keep.id and dialog.duplicate.currentData() == dup.id
        seen["summary"] = dialog.summary.text()
        dialog.merge_button.click()
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", fake_exec)
    page.merge_people_button.click()
    page_harness.settle(qtbot)
    assert seen["summary"].startswith("1 attendance record and 1 action item move from")
    assert "Ama Mensah (2)" not in names(page)
    assert [line.name for line in store.attendance.of_meeting(second.id)] == ["Ama Mensah"]
    assert store.people.get(keep.id).email == "ama@example.org"
    assert store.actions.list()[0].owner_person_id == keep.id


def test_merge_dialog_refuses_the_same_record_twice(qtbot, store, duplicates):
    keep, _dup, _m = duplicates
    dialog = MergeDialog(store, "people", [(keep.id, "Ama")], keep.id, keep.id)
    qtbot.addWidget(dialog)
    assert not dialog.merge_button.isEnabled()


def test_delete_person_explains_and_keeps_action_items(ctx, show_page, duplicates, store, monkeypatch):
    _keep, dup, _m = duplicates
    page = show_page(PeoplePage, ctx)
    select_person(page, "Ama Mensah (2)")
    asked = {}

    def answer(_parent, _title, text, *a, **k):
        asked["text"] = text
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.delete_person_button.click()
    assert "attendance at 1 meeting is removed" in asked["text"]
    assert "1 action item they own is kept, without an owner" in asked["text"]
    assert store.people.find(dup.id) is None
    assert store.actions.list()[0].owner_person_id is None


def test_organisation_with_people_cannot_be_deleted(ctx, show_page, pillars, store, monkeypatch):
    page = show_page(PeoplePage, ctx)
    page.tabs.setCurrentIndex(ORGANISATIONS_TAB)
    page.org_view.selectRow(0)
    warned = {}
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.setdefault("text", text))
    page.delete_org_button.click()
    assert "still has 1 person" in warned["text"]
    assert store.organisations.count() == 4


def test_person_dialog_shows_validation_next_to_the_field(qtbot, store, group, pillars):
    dialog = PersonDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Name is required" in dialog.form.error_text("name")


def test_search_filters_people(qtbot, ctx, show_page, pillars):
    page = show_page(PeoplePage, ctx)
    qtbot.keyClicks(page.search, "govern")
    assert names(page) == ["government person"]
    assert page.org_proxy.rowCount() == 1


def test_a_person_and_an_organisation_show_their_history(qtbot, ctx, store, group, pillars, show_page):

    from fieldgroup.ui.pages.people_page import PeoplePage

    org, person = pillars["government"]
    met = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), title="Plenary on vetting")
    store.attendance.set(met.id, person.id, "present")
    store.actions.create(group_id=group.id, title="Send the police roster", status="open", owner_person_id=person.id)
    store.actions.create(group_id=group.id, title="Old task", status="done", owner_organisation_id=org.id)
    page = show_page(PeoplePage, ctx)
    row = page.people_model.row_of(person.id)
    page.people_view.selectRow(page.people_proxy.mapFromSource(page.people_model.index(row, 0)).row())
    page_harness.settle(qtbot)
    assert "government person" in page.history.title.text()
    assert page.history.meetings.count() == 1 and "Plenary on vetting" in page.history.meetings.item(0).text()
    assert "1 open, 0 done" in page.history.actions_label.text()
    page.tabs.setCurrentIndex(1)
    row = page.organisations_model.row_of(org.id)
    page.org_view.selectRow(page.org_proxy.mapFromSource(page.organisations_model.index(row, 0)).row())
    page_harness.settle(qtbot)
    assert page.history.meetings.count() == 1 and "1 open, 1 done" in page.history.actions_label.text()
