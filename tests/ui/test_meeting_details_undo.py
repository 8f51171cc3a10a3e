"""Undo of a meeting's details (issue 16): type, title, date and the agenda go back with Ctrl+Z, one step per
change, on screen and in the store; the guard's "Turn into mentions" is undone with Ctrl+Z in its box."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fieldgroup.core import mentions


def _open(window, store, group, **values):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary",
                                    place="Accra", **values)
    page = window.show_page("meetings")
    page.open_record(meeting.id)
    return page.editor, meeting


def _ctrl_z(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_title_type_and_date_changes_are_undone_one_by_one_with_ctrl_z(qtbot, window, store, group):
    editor, meeting = _open(window, store, group)
    editor.kind.setCurrentIndex(editor.kind.findData("workshop"))
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Workshop on grievances")
    assert editor.save_now()  # the pause after typing saves it (Ctrl+S here)
    editor.date.setDate(editor.date.date().addDays(3))
    assert editor.save_now()
    saved = store.meetings.get(meeting.id)
    assert (saved.kind, saved.title, saved.date) == ("workshop", "Workshop on grievances", date(2025, 6, 4))
    assert window.ctx.undo_stack.undoText() == "edit the meeting details"

    _ctrl_z(qtbot, editor.kind)  # the date
    assert store.meetings.get(meeting.id).date == date(2025, 6, 1) and editor.date.date().day() == 1
    _ctrl_z(qtbot, editor.kind)  # the whole title typed, in one step
    assert store.meetings.get(meeting.id).title == "Plenary" and editor.title.text() == "Plenary"
    _ctrl_z(qtbot, editor.kind)  # the type
    assert store.meetings.get(meeting.id).kind == "plenary" and editor.kind.currentData() == "plenary"
    assert not editor.dirty
    window.ctx.undo_stack.redo()
    assert store.meetings.get(meeting.id).kind == "workshop" and editor.kind.currentData() == "workshop"


def test_ctrl_z_in_an_untouched_title_box_undoes_the_last_change(qtbot, window, store, group):
    editor, meeting = _open(window, store, group)
    editor.place.setFocus()
    editor.place.selectAll()
    qtbot.keyClicks(editor.place, "Kumasi")
    assert editor.save_now()
    _ctrl_z(qtbot, editor.title)  # nothing typed in the title: Edit ▸ Undo takes the place back
    assert store.meetings.get(meeting.id).place == "Accra" and editor.place.text() == "Accra"


def test_an_undo_after_moving_to_another_meeting_changes_the_first_one_in_the_store(qtbot, window, store, group):
    editor, meeting = _open(window, store, group)
    other = store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 7, 1), title="Other")
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Renamed")
    window.pages["meetings"].open_record(other.id)  # leaving saves
    assert store.meetings.get(meeting.id).title == "Renamed"
    window.ctx.undo_stack.undo()
    assert store.meetings.get(meeting.id).title == "Plenary"
    assert editor.meeting.id == other.id and editor.title.text() == "Other"


def test_turn_into_mentions_is_undone_with_ctrl_z(qtbot, window, store, group):
    org = store.organisations.create(group_id=group.id, name="Voices Network", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name="Ama Serwaa", protected=True)
    editor, meeting = _open(window, store, group, minutes="Typed earlier.")
    editor.tabs.setCurrentIndex(2)
    minutes = editor.minutes
    minutes.setFocus()
    minutes.moveCursor(minutes.textCursor().MoveOperation.End)
    qtbot.keyClicks(minutes, " Ama Serwaa spoke.")
    guard = next(g for g in editor.findChildren(_guard_type()) if g.edit is minutes)
    assert guard.isVisible()
    qtbot.mouseClick(guard.convert_button, Qt.MouseButton.LeftButton)
    assert minutes.toPlainText() == f"Typed earlier. {mentions.mention(person.id)} spoke."
    assert not guard.isVisible()
    assert minutes.hasFocus()  # back in the box, to go on typing or to press Ctrl+Z
    qtbot.keyClick(minutes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert minutes.toPlainText() == "Typed earlier. Ama Serwaa spoke."  # the names are back, the typing kept
    assert guard.isVisible()
    assert editor.save_now()
    assert store.meetings.get(meeting.id).minutes == "Typed earlier. Ama Serwaa spoke."


def test_turn_into_mentions_in_the_agenda_is_undone_with_ctrl_z(qtbot, window, store, group):
    org = store.organisations.create(group_id=group.id, name="Voices Network", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name="Ama Serwaa", protected=True)
    editor, meeting = _open(window, store, group, agenda="Report by Ama Serwaa")
    guard = next(g for g in editor.findChildren(_guard_type()) if g.edit is editor.agenda)
    assert guard.isVisible()
    qtbot.mouseClick(guard.convert_button, Qt.MouseButton.LeftButton)
    assert editor.agenda.items() == [f"Report by {mentions.mention(person.id)}"]
    assert editor.save_now()
    qtbot.keyClick(editor.kind, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.agenda.items() == ["Report by Ama Serwaa"]
    assert store.meetings.get(meeting.id).agenda == "Report by Ama Serwaa"


def _guard_type():
    from fieldgroup.ui.widgets.name_guard import NameGuard

    return NameGuard
