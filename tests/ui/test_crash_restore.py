"""Typed minutes survive a crash: the real app is killed (SIGKILL) after typing, the next start restores them."""

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
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    child = subprocess.Popen([sys.executable, str(HERE / "crash_typist.py"), str(path), meeting.id, TEXT],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _w, _x = select.select([child.stdout], [], [], 60)  # never hang the suite on a stuck child
        line = child.stdout.readline() if ready else ""
        assert line.strip() == "TYPED", child.stderr.read()[-3000:] if child.poll() is not None else "no answer"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

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
