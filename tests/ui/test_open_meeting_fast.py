"""Opening a meeting reads only what is on screen (issue 16): tabs load when shown, owners in one query,
and adding an attendee does not read the group's whole people list again."""

from __future__ import annotations

from datetime import date

from fieldgroup.ui.pages import attendance_panel
from fieldgroup.ui.pages.meetings_page import MeetingsPage


def _page(qtbot, ctx) -> MeetingsPage:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def _meeting_with_items(store, group, count: int):
    org = store.organisations.create(group_id=group.id, name="Mining Co", pillar="company")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary")
    for n in range(count):
        owner = store.people.create(organisation_id=org.id, name=f"Owner {n:02d}")
        store.attendance.set(meeting.id, owner.id, "present")
        store.actions.create(meeting_id=meeting.id, title=f"Item {n:02d}", owner_person_id=owner.id,
                             due_date=date(2025, 7, 1))
    return meeting


def _statements(store, run) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        store.conn.set_trace_callback(None)
    return seen


def test_opening_a_meeting_reads_attendance_and_items_only_when_their_tab_is_shown(qtbot, ctx, store, group):
    meeting = _meeting_with_items(store, group, 20)
    page = _page(qtbot, ctx)
    opened = _statements(store, lambda: page.open_record(meeting.id))
    # Only the balance bar's head count: not the list of attendees, not the action items.
    assert not [s for s in opened if "FROM action_items" in s or "SELECT a.id, p.id, a.status" in s]
    editor = page.editor
    shown = _statements(store, lambda: editor.tabs.setCurrentWidget(editor.actions_panel))
    assert len(shown) <= 3, shown  # the items, then every owner's name at once: not one query per owner
    names = {editor.actions_panel.model.data(editor.actions_panel.model.index(r, 1))
             for r in range(editor.actions_panel.model.rowCount())}
    assert names == {f"Owner {n:02d}" for n in range(20)}
    editor.tabs.setCurrentWidget(editor.attendance)
    assert editor.attendance.lines.rowCount() == 20


def test_adding_attendees_does_not_read_the_groups_people_again(qtbot, ctx, store, group, monkeypatch):
    meeting = _meeting_with_items(store, group, 0)
    org = store.organisations.create(group_id=group.id, name="NGO", pillar="civil_society")
    for n in range(3):
        store.people.create(organisation_id=org.id, name=f"Guest {n}")
    reads: list[str | None] = []
    real = attendance_panel.person_choices
    monkeypatch.setattr(attendance_panel, "person_choices", lambda own, gid: (reads.append(gid), real(own, gid))[1])
    page = _page(qtbot, ctx)
    page.open_record(meeting.id)
    panel = page.editor.attendance
    page.editor.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    for n in range(3):
        panel.search.setText(f"Guest {n}")
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
        panel.add_selected()
    assert panel.lines.rowCount() == 3
    assert panel.proxy.rowCount() == 0  # the people added left the picker
    assert len(reads) == 1
