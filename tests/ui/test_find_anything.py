"""Find anything (Ctrl+K and the box above every page): minutes and Burmese words inside a run, opened with Enter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

BURMESE_MINUTES = "ကျေးရွာလူထုနှင့်တွေ့ဆုံဆွေးနွေးခဲ့သည်"


def dialog_of(window):
    return window.search_dialog


def test_ctrl_k_finds_a_word_in_the_minutes_and_enter_opens_the_meeting(qtbot, window, store, group):
    wanted = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), title="Plenary",
                                   minutes="The company presented its vetting procedure.")
    store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 4, 1), title="Vetting-free workshop day")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(window)
    qtbot.keyClicks(dialog.query, "vetting proc")
    qtbot.waitUntil(lambda: len(dialog.hits) == 1)
    label = dialog.results.itemWidget(dialog.results.item(0))
    assert isinstance(label, QLabel) and "<b>vetting</b> <b>proc</b>edure" in label.text()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.current_key() == "meetings" and window.pages["meetings"].editor.meeting.id == wanted.id


def test_the_box_above_every_page_finds_a_burmese_word_inside_a_run(qtbot, window, store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), minutes=BURMESE_MINUTES)
    action = store.actions.create(group_id=group.id, title="Follow up", description="လူထု meeting", status="open")
    window.show_page("indicators")
    window.find_box.setFocus()
    window.find_box.textEdited.emit("လူထု")  # as an input method commits a word
    dialog = dialog_of(window)
    qtbot.waitUntil(lambda: {h.record_id for h in dialog.hits} == {meeting.id, action.id})
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    chosen = dialog.hits[dialog.results.currentRow()]
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.current_key() == {"meeting": "meetings", "action": "actions"}[chosen.kind]
