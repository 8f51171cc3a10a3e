"""FieldGroup child for start-up and memory: the real `run_app` on a store, quit after the first paint.

No hook in the app: the QApplication is created here as a subclass whose `exec` starts the watcher,
and `run_app` picks it up through `QApplication.instance()`, then does everything it always does
(logging, language, fonts, opening the store, building the main window, showing it)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from bench.first_paint import FirstPaint, exit_now


class BenchApplication(QApplication):
    def exec(self) -> int:  # noqa: A003 (Qt's name)
        self.watcher = FirstPaint(self)
        return super().exec()


def main() -> None:
    app = BenchApplication(sys.argv[:1])
    from fieldgroup.ui.app import run_app

    code = run_app(sys.argv[1], None)
    # Nothing is closed here on purpose: whatever the app leaves behind when it quits (a lock file
    # that says "did not close cleanly", say) is what its next start has to deal with, as for a user.
    del app
    exit_now(code)


if __name__ == "__main__":
    main()
