"""Undo in the meeting editor (issue 16): attendance changes go through Edit ▸ Undo; Ctrl+Z in the minutes
undoes the typing there and nothing else, and never empties minutes that were loaded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt


def _meeting_page(qtbot, window, store, group, minutes: str = "Loaded minutes."):
    org = store.organisations.create(group_id=group.id, name="Mining Co", pillar="company")
    for name in ("Ama Owusu", "Kofi Boateng"):
        store.people.create(organisation_id=org.id, name=name)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary",
                                    minutes=minutes)
    page = window.show_page("meetings")
    page.open_record(meeting.id)
    return page, meeting


def _add(qtbot, panel, name: str) -> None:
    panel.search.setText(name)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)


def _names(store, meeting) -> list[str]:
    return [line.name for line in store.attendance.of_meeting(meeting.id)]


def test_adding_and_removing_attendees_can_be_undone_with_ctrl_z(qtbot, window, store, group):
    page, meeting = _meeting_page(qtbot, window, store, group)
    panel = page.editor.attendance
    page.editor.tabs.setCurrentWidget(panel)
    _add(qtbot, panel, "Ama")
    _add(qtbot, panel, "Kofi")
    assert _names(store, meeting) == ["Ama Owusu", "Kofi Boateng"]
    assert window.ctx.undo_stack.undoText() == "add 1 attendee"
    qtbot.keyClick(panel.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the box is empty: the add
    assert _names(store, meeting) == ["Ama Owusu"]
    assert panel.lines.rowCount() == 1 and "present: 1" in panel.count_label.text()
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert _names(store, meeting) == []
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(store, meeting) == ["Ama Owusu"]
    window.ctx.undo_stack.redo()
    assert _names(store, meeting) == []


def test_ctrl_z_in_the_minutes_undoes_the_typing_not_the_attendance_nor_the_loading(qtbot, window, store, group):
    page, meeting = _meeting_page(qtbot, window, store, group)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.attendance)
    _add(qtbot, editor.attendance, "Ama")
    editor.tabs.setCurrentIndex(2)  # minutes and decisions
    minutes = editor.minutes
    minutes.setFocus()
    minutes.moveCursor(minutes.textCursor().MoveOperation.End)
    qtbot.keyClicks(minutes, " Typed later")
    assert minutes.toPlainText() == "Loaded minutes. Typed later"
    for _press in range(3):  # more presses than there is typing to undo
        qtbot.keyClick(minutes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert minutes.toPlainText() == "Loaded minutes."
    assert _names(store, meeting) == ["Ama Owusu"]  # the page's stack was left alone
    assert window.ctx.undo_stack.undoText() == "add 1 attendee"
    assert editor.save_now()
    assert store.meetings.get(meeting.id).minutes == "Loaded minutes."
