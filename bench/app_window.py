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
    close_stores()
    del app
    exit_now(code)


def close_stores() -> None:
    """Close the store like a user quitting would, so the next run does not find a stale lock
    (which would make it run the after-a-crash integrity check and measure that instead)."""
    import gc

    from fieldgroup.core import Store

    for thing in gc.get_objects():
        if isinstance(thing, Store):
            thing.close()


if __name__ == "__main__":
    main()
