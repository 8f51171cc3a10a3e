"""The window's one directory of people (what a mention shows as): read again in the background when
people change, so a list or a meeting opened next does not wait for it on the GUI thread (issue 16)."""

from __future__ import annotations

import threading

from fieldgroup.core.mentions import Directory, mention
from fieldgroup.ui import ops
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.widgets import screen_text


def _reads_on(monkeypatch) -> list[bool]:
    """Records, for every reading of the directory, whether it ran on the GUI thread."""
    on_gui: list[bool] = []
    real = Directory.from_store.__func__

    def recording(cls, store):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(cls, store)

    monkeypatch.setattr(Directory, "from_store", classmethod(recording))
    return on_gui


def test_a_renamed_person_shows_under_the_new_name_read_off_the_gui_thread(qtbot, store, pillars, monkeypatch):
    org, person = pillars["civil_society"]
    ctx = AppContext(store)
    screen = screen_text.screen()
    assert screen.shown(f"Call {mention(person.id)}") == f"Call {person.name}"
    on_gui = _reads_on(monkeypatch)
    store.people.update(person.id, name="Akosua Darko")
    ctx.changed("people")
    qtbot.waitUntil(lambda: ops.running_ops() == 0)
    assert screen.shown(f"Call {mention(person.id)}") == "Call Akosua Darko"
    assert on_gui == [False]  # read once, in the background, before anything asked for it

