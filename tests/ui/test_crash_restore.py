"""What is typed survives a crash: the real app is killed (SIGKILL) after typing minutes, or a new person in
the New person… dialog, and the next start restores it."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from fieldgroup.core import create_store, open_store

HERE = Path(__file__).resolve().parent
TEXT = "Agreed: map grievances in Tarkwa; ကျေးရွာ consultations next month"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_minutes_typed_before_a_crash_are_restored_at_the_next_start(qtbot, tmp_path):
    path = tmp_path / "day.fgstore"
    made = create_store(path)
    group = made.groups.create(name="Ghana ICWG")
    meeting = made.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary")
    made.close()
    _type_then_kill(tmp_path, "crash_typist.py", str(path), meeting.id, TEXT)

    store = open_store(path)
    try:
        assert store.meetings.get(meeting.id).minutes in (None, "")  # the kill came before the save
        from fieldgroup.ui.main_window import MainWindow

        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        editor = window.pages["meetings"].editor
        assert window.current_key() == "meetings" and editor.meeting.id == meeting.id
        assert editor.minutes.toPlainText() == TEXT
        assert editor.notice.isVisible() and "restored" in editor.notice.text()
        qtbot.waitUntil(lambda: store.meetings.get(meeting.id).minutes == TEXT)  # and saved again as usual
        window.close()
    finally:
        store.close()


def _type_then_kill(tmp_path: Path, helper: str, *args: str) -> None:
    """Run the real app in a child (tests/ui/HELPER), wait until it says TYPED, then SIGKILL it."""
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    child = subprocess.Popen([sys.executable, str(HERE / helper), *args],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _w, _x = select.select([child.stdout], [], [], 60)  # never hang the suite on a stuck child
        line = child.stdout.readline() if ready else ""
        assert line.strip() == "TYPED", child.stderr.read()[-3000:] if child.poll() is not None else "no answer"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)


NAME, ROLE = "Ama Serwaa ဒေါ်အေးအေး", "Community liaison"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_person_typed_in_the_new_person_dialog_before_a_crash_is_offered_at_the_next_start(qtbot, tmp_path,
                                                                                            answer_dialog):
    from PySide6.QtWidgets import QDialogButtonBox, QLabel
    from qt_helpers import press

    from fieldgroup.core import drafts as journal
    from fieldgroup.ui.dialogs.person_dialog import PersonDialog

    path = tmp_path / "day.fgstore"
    made = create_store(path)
    group = made.groups.create(name="Ghana ICWG")
    org = made.organisations.create(group_id=group.id, name="Voices Network", pillar="civil_society")
    made.close()
    _type_then_kill(tmp_path, "crash_dialog_typist.py", str(path), NAME, ROLE)

    store = open_store(path)
    try:
        assert store.people.list() == []  # killed with the dialog open: nothing was saved but the draft
        assert [d.key for d in journal.list_drafts(store)] == ["person:new"]
        found: dict[str, object] = {}

        def check_and_save(dialog: PersonDialog) -> None:
            found.update(name=dialog.name.text(), role=dialog.role.text(),
                         notice=dialog.findChild(QLabel, "draft_notice").text())
            press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

        offered = answer_dialog(PersonDialog, check_and_save)
        from fieldgroup.ui.main_window import MainWindow

        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(offered))  # the dialog comes back once the window shows
        assert found["name"] == NAME and found["role"] == ROLE
        assert "closed before this was saved" in found["notice"]
        people = store.people.list()
        assert [(p.name, p.role, p.organisation_id) for p in people] == [(NAME, ROLE, org.id)]
        assert journal.list_drafts(store) == []  # saved: the draft is gone
        window.close()
    finally:
        store.close()
