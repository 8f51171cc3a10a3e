"""The action tracker page driven through its widgets: create, overdue filter, inline status, bulk done."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
from fieldgroup.ui.models.action_tracker_model import DUE, OWNER, STATUS, TITLE
from fieldgroup.ui.pages.actions_page import ActionsPage

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures


@pytest.fixture
def meeting(store, group, pillars):
    return store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), place="Accra")


@pytest.fixture
def items(store, group, pillars, meeting):
    """Three open items: two owned by the company person, one by a protected civil-society person."""
    store.people.update(pillars["civil_society"][1].id, protected=True)
    make = store.actions.create
    return [
        make(group_id=group.id, title="Invite the police commander", owner_person_id=pillars["company"][1].id,
             due_date=date(2025, 7, 1), meeting_id=meeting.id),
        make(group_id=group.id, title="Circulate the minutes", owner_person_id=pillars["company"][1].id,
             due_date=date(2025, 7, 5)),
        make(group_id=group.id, title="Map consultation points", owner_person_id=pillars["civil_society"][1].id,
             due_date=date(2025, 8, 1)),
    ]


def titles(page) -> list[str]:
    model = page.model
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def select_rows(page, rows: list[int]) -> None:
    selection = page.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def dialog_filling(monkeypatch, fill) -> None:
    """Stand in for the modal exec(): fill the real dialog's widgets, then press its Save."""

    def fake_exec(dialog):
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ActionItemDialog, "exec", fake_exec)


def test_new_item_moved_into_the_past_shows_under_overdue(qtbot, ctx, show_page, monkeypatch, pillars):
    page = show_page(ActionsPage, ctx)
    assert page.model.rowCount() == 0

    def fill_new(dialog):
        qtbot.keyClicks(dialog.title, "Send the handout to members")
        dialog.owner.setCurrentIndex(dialog.owner.findData(pillars["government"][1].id))

    dialog_filling(monkeypatch, fill_new)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page_harness.settle(qtbot)
    assert titles(page) == ["Send the handout to members"]
    assert page.selected_ids()  # the new item is selected

    page.overdue_only.setChecked(True)
    assert titles(page) == []  # due in two weeks: not overdue

    def move_into_past(dialog):
        dialog.due.setDate(QDate(2025, 6, 1))

    dialog_filling(monkeypatch, move_into_past)
    page.overdue_only.setChecked(False)
    select_rows(page, [0])
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    page.overdue_only.setChecked(True)
    assert titles(page) == ["Send the handout to members"]
    due = page.model.index(0, DUE)
    assert "overdue" in due.data()
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None  # icon as well as text


def test_empty_title_is_shown_next_to_the_field(qtbot, store, group):
    dialog = ActionItemDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Title is required" in dialog.form.error_text("title")
    assert store.actions.count() == 0


def test_inline_status_done_leaves_the_open_view(qtbot, ctx, show_page, items, store):
    page = show_page(ActionsPage, ctx)
    assert len(titles(page)) == 3
    row = titles(page).index("Circulate the minutes")
    page.view.edit(page.model.index(row, STATUS))
    combo = page.view.viewport().findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("done"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: "Circulate the minutes" not in titles(page))
    saved = store.actions.get(items[1].id)
    assert saved.status == "done" and saved.completed_on == date(2025, 6, 15)
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    assert titles(page) == ["Circulate the minutes"]


def test_free_text_filter_narrows_rows(qtbot, ctx, show_page, items):
    page = show_page(ActionsPage, ctx)
    qtbot.keyClicks(page.search, "POLICE")
    qtbot.waitUntil(lambda: titles(page) == ["Invite the police commander"])
    page.search.clear()
    qtbot.keyClicks(page.search, "company person")  # owner names are searched too
    qtbot.waitUntil(lambda: len(titles(page)) == 2)


def test_mark_several_done_at_once(qtbot, ctx, show_page, items, store):
    page = show_page(ActionsPage, ctx)
    select_rows(page, [0, 1])
    chosen = page.selected_ids()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    page_harness.settle(qtbot)
    assert all(store.actions.get(i).status == "done" for i in chosen)
    assert len(titles(page)) == 1


def test_protected_owner_is_marked(ctx, show_page, items):
    page = show_page(ActionsPage, ctx)
    row = titles(page).index("Map consultation points")
    owner = page.model.index(row, OWNER)
    assert owner.data() == "civil_society person (protected)"
    assert owner.data(Qt.ItemDataRole.DecorationRole) is not None


def test_filters_by_owner_and_pillar_and_sort(ctx, show_page, items, pillars):
    page = show_page(ActionsPage, ctx)
    page.pillar_filter.setCurrentIndex(page.pillar_filter.findData("civil_society"))
    assert titles(page) == ["Map consultation points"]
    page.clear_filters()
    page.owner_filter.setCurrentIndex(page.owner_filter.findData(pillars["company"][1].id))
    assert sorted(titles(page)) == ["Circulate the minutes", "Invite the police commander"]
    page.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(page) == ["Circulate the minutes", "Invite the police commander"]
    page.view.sortByColumn(DUE, Qt.SortOrder.DescendingOrder)
    assert titles(page) == ["Circulate the minutes", "Invite the police commander"]


def test_due_range_filter(ctx, show_page, items):
    page = show_page(ActionsPage, ctx)
    page.due_range.setChecked(True)
    page.due_from.setDate(QDate(2025, 7, 2))
    page.due_to.setDate(QDate(2025, 7, 31))
    assert titles(page) == ["Circulate the minutes"]


def test_open_the_originating_meeting(qtbot, ctx, show_page, items, meeting):
    page = show_page(ActionsPage, ctx)
    row = titles(page).index("Invite the police commander")
    select_rows(page, [row])
    with qtbot.waitSignal(ctx.open_requested) as signal:
        qtbot.mouseClick(page.meeting_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["meetings", meeting.id]


def test_delete_asks_first(qtbot, ctx, show_page, items, store, monkeypatch):
    page = show_page(ActionsPage, ctx)
    select_rows(page, [0])
    target = page.selected_ids()[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_button.click()
    assert store.actions.find(target) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    page_harness.settle(qtbot)
    assert store.actions.find(target) is None and len(titles(page)) == 2


def test_show_record_reveals_a_filtered_item(ctx, show_page, items, store):
    store.actions.update(items[2].id, status="dropped")
    page = show_page(ActionsPage, ctx)
    assert "Map consultation points" not in titles(page)
    page.show_record(items[2].id)
    assert page.selected_ids() == [items[2].id]


def test_other_pages_changes_reload_the_tracker(qtbot, ctx, show_page, items, store, group):
    page = show_page(ActionsPage, ctx)
    store.actions.create(group_id=group.id, title="Added elsewhere")
    ctx.changed("action_items")
    page_harness.settle(qtbot)
    assert "Added elsewhere" in titles(page)


def test_with_sub_groups_shows_the_regional_groups_items_too(qtbot, ctx, show_page, items, store, group):
    """A national group's tracker shows its own items; "With sub-groups" takes in its regional groups' items."""
    regional = store.groups.create(name="Western Region ICWG", parent_id=group.id, kind="regional", region="Western")
    west = store.organisations.create(group_id=regional.id, name="Tarkwa Miners Union", pillar="civil_society")
    store.actions.create(group_id=regional.id, title="Visit the Tarkwa sites", owner_organisation_id=west.id,
                         due_date=date(2025, 9, 1))
    page = show_page(ActionsPage, ctx)
    assert page.with_subgroups.isVisible() and not page.with_subgroups.isChecked()
    assert "Visit the Tarkwa sites" not in titles(page) and len(titles(page)) == 3
    page.with_subgroups.setChecked(True)
    page_harness.settle(qtbot)
    assert "Visit the Tarkwa sites" in titles(page) and len(titles(page)) == 4
    organisations = [page.organisation_filter.itemText(i) for i in range(page.organisation_filter.count())]
    assert "Tarkwa Miners Union" in organisations
    page.with_subgroups.setChecked(False)
    page_harness.settle(qtbot)
    assert "Visit the Tarkwa sites" not in titles(page)
