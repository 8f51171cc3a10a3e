"""Crash-test helper: the real app (run_app) on a store; types minutes into a meeting, says TYPED once
the draft journal has them, then waits to be killed. Run as `python crash_typist.py STORE MEETING_ID TEXT`.

The meeting's pause-save is pushed back so that the kill lands, as a power cut would, between the
keys and the next save: what the next start finds can only come from the draft journal."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest


def main() -> None:
    store_path, meeting_id, text = sys.argv[1], sys.argv[2], sys.argv[3]
    from fieldgroup.core import drafts as journal
    from fieldgroup.ui import app as app_module
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    def type_minutes() -> None:
        if not OPEN_WINDOWS:  # the store is still opening (off the GUI thread, the event loop running)
            QTimer.singleShot(50, type_minutes)
            return
        window = OPEN_WINDOWS[0]
        window.ctx.open_record("meetings", meeting_id)
        editor = window.pages["meetings"].editor
        editor.save_timer.setInterval(3_600_000)
        editor.tabs.setCurrentIndex(2)
        typed = text[: next((i for i, c in enumerate(text) if ord(c) > 127), len(text))]
        QTest.keyClicks(editor.minutes, typed)  # key by key, as typed on a keyboard
        editor.minutes.insertPlainText(text[len(typed):])  # the rest as an input method commits it

        def check() -> None:
            drafts = journal.list_drafts(window.ctx.store)
            if drafts and drafts[0].fields.get("minutes") == text:
                print("TYPED", flush=True)
            else:
                QTimer.singleShot(20, check)

        QTimer.singleShot(20, check)

    app_module.make_application()  # timers need the application that run_app will then use
    QTimer.singleShot(100, type_minutes)
    app_module.run_app(store_path, "en")


if __name__ == "__main__":
    main()
