"""Crash-test helper: the real app (run_app) on a store; opens New person… on the People page, types a name
and a role, says TYPED once the draft journal has them, then waits (the dialog open) to be killed.
Run as `python crash_dialog_typist.py STORE NAME ROLE`."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def main() -> None:
    store_path, name, role = sys.argv[1], sys.argv[2], sys.argv[3]
    from fieldgroup.core import drafts as journal
    from fieldgroup.ui import app as app_module
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    def open_dialog() -> None:
        if not OPEN_WINDOWS:  # the store is still opening (off the GUI thread, the event loop running)
            QTimer.singleShot(50, open_dialog)
            return
        window = OPEN_WINDOWS[0]
        page = window.show_page("people")
        QTimer.singleShot(0, lambda: type_into(window))
        page.new_person_button.click()  # exec(): a modal dialog, as a click opens it

    def type_into(window) -> None:
        from fieldgroup.ui.dialogs.person_dialog import PersonDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, lambda: type_into(window))
            return
        QTest.keyClicks(dialog.name, name[: next((i for i, c in enumerate(name) if ord(c) > 127), len(name))])
        dialog.name.insert(name[len(dialog.name.text()):])  # the rest as an input method commits it
        QTest.keyClicks(dialog.role, role)

        def check() -> None:
            drafts = journal.list_drafts(window.ctx.store)
            if drafts and drafts[0].fields.get("name") == name and drafts[0].fields.get("role") == role:
                print("TYPED", flush=True)
            else:
                QTimer.singleShot(20, check)

        QTimer.singleShot(20, check)

    app_module.make_application()
    QTimer.singleShot(100, open_dialog)
    app_module.run_app(store_path, "en")


if __name__ == "__main__":
    main()
