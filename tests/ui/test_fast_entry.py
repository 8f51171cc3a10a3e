"""Fast data entry on a meeting day: keyboard-only attendance, attendees copied from the last meeting, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fieldgroup.ui.pages.meetings_page import MeetingsPage


def make_page(qtbot, ctx) -> MeetingsPage:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    return page


def test_attendance_by_keyboard_alone_down_and_enter(qtbot, ctx, store, group, pillars):
    org = pillars["company"][0]
    for name in ("Kofi Mensah", "Kofi Owusu", "Kofi Asante"):
        store.people.create(organisation_id=org.id, name=name)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary")
    page = make_page(qtbot, ctx)
    page.open_record(meeting.id)
    panel = page.editor.attendance
    page.editor.tabs.setCurrentWidget(panel)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "kofi")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    second = panel.proxy.index(1, 0).data()
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    names = [line.name for line in store.attendance.of_meeting(meeting.id)]
    assert len(names) == 1 and second.startswith(names[0])
    assert panel.search.text() == ""  # ready for the next name


def test_copy_attendees_from_the_last_meeting_of_this_kind(qtbot, ctx, store, group, pillars):
    company, government = pillars["company"][1], pillars["government"][1]
    last = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    store.attendance.set(last.id, company.id, "present")
    store.attendance.set(last.id, government.id, "excused")
    workshop = store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 5, 20))
    store.attendance.set(workshop.id, pillars["observer"][1].id, "present")
    today = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1))
    page = make_page(qtbot, ctx)
    page.open_record(today.id)
    qtbot.mouseClick(page.editor.attendance.copy_button, Qt.MouseButton.LeftButton)
    copied = {line.person_id: line.status for line in store.attendance.of_meeting(today.id)}
    assert copied == {company.id: "present", government.id: "present"}  # not the workshop's observer
    assert "Companies 1" in page.editor.balance.text()
