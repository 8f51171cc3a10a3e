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
    qtbot.waitUntil(lambda: not page.loading())  # the list is read in the background
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


def test_mark_done_and_status_changes_undo_and_redo(qtbot, window, store, group):
    import page_harness

    from fieldgroup.ui.models.action_tracker_model import STATUS

    items = [store.actions.create(group_id=group.id, title=f"Item {n}", status="open") for n in range(3)]
    page = window.show_page("actions")
    page_harness.settle(qtbot)
    page.view.selectAll()
    page.mark_selected_done()
    page_harness.settle(qtbot)
    assert all(store.actions.get(i.id).status == "done" for i in items) and page.model.rowCount() == 0
    assert "Undo (Ctrl+Z)" in window.statusBar().currentMessage()
    window.ctx.undo_stack.undo()
    page_harness.settle(qtbot)
    assert all(store.actions.get(i.id).status == "open" for i in items) and page.model.rowCount() == 3
    row = page.model.row_of(items[0].id)
    page.model.setData(page.model.index(row, STATUS), "in_progress")
    page_harness.settle(qtbot)
    assert store.actions.get(items[0].id).status == "in_progress"
    assert window.ctx.undo_stack.undoText() == "change the status of 1 action item"
    window.ctx.undo_stack.undo()
    page_harness.settle(qtbot)
    assert store.actions.get(items[0].id).status == "open"
    window.ctx.undo_stack.redo()
    page_harness.settle(qtbot)
    assert store.actions.get(items[0].id).status == "in_progress"


def test_an_edit_in_the_dialog_can_be_undone(qtbot, window, store, group, monkeypatch):
    import page_harness

    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

    item = store.actions.create(group_id=group.id, title="Call the police commander", status="open")
    page = window.show_page("actions")
    page_harness.settle(qtbot)
    page.view.selectRow(0)

    def fake_exec(dialog):
        dialog.title.setText("Call the district police commander")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ActionItemDialog, "exec", fake_exec)
    page.edit_selected()
    assert store.actions.get(item.id).title == "Call the district police commander"
    window.ctx.undo_stack.undo()
    page_harness.settle(qtbot)
    assert store.actions.get(item.id).title == "Call the police commander"


def test_matters_arising_adds_open_items_of_earlier_meetings_to_the_agenda(qtbot, ctx, store, group):
    import page_harness

    earlier = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    # Due since the previous meeting: the handout's rule (core.matters_arising), which the editor shares.
    store.actions.create(group_id=group.id, meeting_id=earlier.id, title="Map grievance channels", status="open",
                         due_date=date(2025, 5, 20))
    store.actions.create(group_id=group.id, meeting_id=earlier.id, title="Closed already", status="done")
    today = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), agenda="Welcome")
    page = make_page(qtbot, ctx)
    page.open_record(today.id)
    qtbot.mouseClick(page.editor.arising_button, Qt.MouseButton.LeftButton)
    page_harness.settle(qtbot)
    assert page.editor.agenda.items() == ["Welcome", "Matters arising: Map grievance channels"]
    page.editor.save_now()
    assert store.meetings.get(today.id).agenda_items[-1] == "Matters arising: Map grievance channels"
