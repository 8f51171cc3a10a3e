"""What the speed work must not change: sort order, selection, rows in place, the collector turned back on."""

from __future__ import annotations

import gc
from datetime import date

import page_harness
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from fieldgroup.ui import collector
from fieldgroup.ui.models.action_tracker_model import STATUS, TITLE
from fieldgroup.ui.models.people_model import NAME
from fieldgroup.ui.ops import drop_later, running_ops
from fieldgroup.ui.pages.actions_page import ActionsPage
from fieldgroup.ui.pages.people_page import PeoplePage

ctx, show_page, settle = page_harness.ctx, page_harness.show_page, page_harness.settle


def people_names(page) -> list[str]:
    proxy = page.people_proxy
    return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]


def test_people_sorted_by_a_clicked_column_stay_sorted_after_a_reload(qtbot, ctx, show_page, store, pillars):
    org = pillars["company"][0]
    for name in ("zoë Banda", "Ama Mensah", "kofi Owusu"):
        store.people.create(organisation_id=org.id, name=name)
    page = show_page(PeoplePage, ctx)
    page.refresh()
    settle(qtbot)
    shown = people_names(page)
    assert shown == sorted(shown, key=str.casefold)  # by name, ignoring case, as the header says
    page.people_view.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert people_names(page) == sorted(shown, key=str.casefold, reverse=True)
    store.people.create(organisation_id=org.id, name="Nana Yeboah")
    page.refresh()  # new rows come back in the order the header shows, not in the query's order
    settle(qtbot)
    assert people_names(page) == sorted([*shown, "Nana Yeboah"], key=str.casefold, reverse=True)
    assert page.people_view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_people_search_matches_every_word_in_any_column(ctx, show_page, store, pillars):
    org = pillars["company"][0]
    store.people.create(organisation_id=org.id, name="Ama Mensah", role="Security manager")
    page = show_page(PeoplePage, ctx)
    page.search.setText("mensah security")
    assert people_names(page) == ["Ama Mensah"]
    page.search.setText("MENSAH nobody")
    assert people_names(page) == []


@pytest.fixture
def items(store, group, pillars):
    owner = pillars["company"][1].id
    return [store.actions.create(group_id=group.id, title=f"Item {n}", owner_person_id=owner,
                                 due_date=date(2025, 7, n + 1)) for n in range(5)]


def titles(page) -> list[str]:
    return [page.model.index(r, TITLE).data() for r in range(page.model.rowCount())]


def test_a_status_edit_that_keeps_the_row_keeps_the_selection(qtbot, ctx, show_page, items, store):
    page = show_page(ActionsPage, ctx)
    row = titles(page).index("Item 2")
    page.view.selectionModel().select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
    page.model.setData(page.model.index(row, STATUS), "in_progress")
    qtbot.waitUntil(lambda: page.model.index(row, STATUS).data() == "in progress")
    settle(qtbot)
    assert store.actions.get(items[2].id).status == "in_progress"
    assert page.selected_ids() == [items[2].id]  # updated in place: no reset, the row stays chosen
    assert titles(page) == [f"Item {n}" for n in range(5)]


def test_marking_rows_done_removes_just_those_and_finds_the_others(qtbot, ctx, show_page, items, store):
    page = show_page(ActionsPage, ctx)
    selection = page.view.selectionModel()
    for name in ("Item 1", "Item 3"):
        selection.select(page.model.index(titles(page).index(name), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    page.mark_selected_done()
    qtbot.waitUntil(lambda: titles(page) == ["Item 0", "Item 2", "Item 4"])
    assert page.model.row_of(items[4].id) == 2 and page.model.row_of(items[1].id) is None
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: titles(page) == [f"Item {n}" for n in range(5)])
    assert page.model.row_of(items[3].id) == 3


def test_a_reload_hands_the_old_rows_back_to_be_freed_and_the_collector_comes_back(qtbot, ctx, show_page, items):
    page = show_page(ActionsPage, ctx)
    was_enabled = gc.isenabled()
    page.refresh()
    assert not gc.isenabled() or not was_enabled  # no full collection while the rows are being built
    settle(qtbot)
    assert running_ops() == 0 and not collector.paused()
    assert gc.isenabled() == was_enabled
    assert page.model.retired == []  # handed to drop_later, not kept
    assert titles(page) == [f"Item {n}" for n in range(5)]


def test_drop_later_empties_what_it_is_given(qtbot):
    rows, index = list(range(10_000)), {n: str(n) for n in range(5_000)}
    drop_later([rows, index])
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert rows == [] and index == {}
