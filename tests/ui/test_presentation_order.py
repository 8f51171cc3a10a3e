"""Presentation mode: a masked name must not keep its alphabetical place, or the audience guesses it from
its neighbours ("Mensah" between "Meng" and "Mesa")."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from fieldgroup.ui.widgets import presentation

PLACEHOLDER = "Protected participant (Civil society)"


@pytest.fixture(autouse=True)
def presentation_off_after():
    yield
    presentation.state().set(False)


def some_people(store, group, orgs=("Wassa Community Voice",)):
    """Meng, Mensah (protected), Mesa, ... in each organisation; returns the people."""
    people = []
    for org_name in orgs:
        org = store.organisations.create(group_id=group.id, name=org_name, pillar="civil_society")
        for name in ("Meng Li", "Mensah Kofi", "Mesa Efua", "Zaki Yaw", "Boateng Abena"):
            people.append(store.people.create(organisation_id=org.id, name=name, protected=name == "Mensah Kofi"))
    return people


def column(view, number=0):
    model = view.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_people_list_resorts_by_what_it_shows_when_presenting(qtbot, window, store, group):
    some_people(store, group)
    window.ctx.set_group(group.id)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.people_proxy.rowCount() == 5)
    shown = ["Boateng Abena", "Meng Li", "Mensah Kofi", "Mesa Efua", "Zaki Yaw"]
    assert column(page.people_view) == shown
    masked = ["Boateng Abena", "Meng Li", "Mesa Efua", PLACEHOLDER, "Zaki Yaw"]
    for on, expected in ((True, masked), (False, shown)):
        with qtbot.waitSignal(page.people_model.modelReset, timeout=10_000):  # the page reads its rows again
            window.set_presentation(on)
            assert column(page.people_view) == expected  # at once: the first frame projected gives nothing away
        assert column(page.people_view) == expected  # and once the rows read again are in

def test_masked_people_keep_no_place_of_their_name_in_any_sort_or_search(qtbot, window, store, group):
    some_people(store, group, ("Wassa Community Voice", "Tarkwa Women Miners"))
    window.ctx.set_group(group.id)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.people_proxy.rowCount() == 10)
    page.people_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by organisation
    page.search.setText("mensah")
    assert page.people_proxy.rowCount() == 2
    with qtbot.waitSignal(page.people_model.modelReset, timeout=10_000):
        window.set_presentation(True)
        assert page.people_proxy.rowCount() == 0 and "0 people" in page.count_label.text()  # no row to point at
    page.search.clear()
    names = column(page.people_view)
    for start in (0, 5):  # the rows read again, within each organisation by the name shown: after Mesa
        assert names[start:start + 5] == ["Boateng Abena", "Meng Li", "Mesa Efua", PLACEHOLDER, "Zaki Yaw"]


def test_attendance_list_and_picker_show_no_masked_name_by_its_place(qtbot, window, store, group):
    people = some_people(store, group, ("Wassa Community Voice", "Tarkwa Women Miners"))
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), place="Tarkwa")
    for person in people[:5]:  # Wassa's five attend; Tarkwa's five can be added
        store.attendance.set(meeting.id, person.id)
    window.ctx.set_group(group.id)
    page = window.show_page("meetings")
    window.open_record("meetings", meeting.id)
    qtbot.waitUntil(lambda: page.editor.meeting is not None and page.editor.meeting.id == meeting.id)
    panel = page.editor.attendance
    page.editor.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 5)
    assert "Mensah Kofi (protected)" in column(panel.table)
    window.set_presentation(True)
    assert column(panel.table) == ["Boateng Abena", "Meng Li", "Mesa Efua", PLACEHOLDER, "Zaki Yaw"]
    offered = column(panel.people)
    assert not any("Mensah" in text for text in offered)  # the picker masks them too
    assert offered[-1].startswith(PLACEHOLDER) and [t.split(" — ")[0] for t in offered[:4]] == [
        "Boateng Abena", "Meng Li", "Mesa Efua", "Zaki Yaw"]  # masked people after everyone else
    panel.search.setText("mensah")
    assert panel.proxy.rowCount() == 0  # nor found by the hidden name
