"""Opening a store off the GUI thread, with a progress window when it takes a while.

The first open after an update can migrate the file: building the full-text index (migration 4)
takes ~11 s on the stress store. Done on the GUI thread, the app looked dead for all of it; here
the open runs through ui/ops.py and a window says what is happening after a short moment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from fieldgroup.core import Store, open_store, refuse_if_open_here
from fieldgroup.i18n import _
from fieldgroup.ui.ops import run_op

SHOW_AFTER_MS = 400  # an everyday open takes a few milliseconds: no window flashes for it


def open_with_progress(path: Path, parent: QWidget | None = None, **options: Any) -> Store:
    """`open_store(path, **options)` on the thread pool while the event loop keeps the screen alive;
    raises whatever open_store raised, on the GUI thread."""
    if QApplication.instance() is None:
        return open_store(path, **options)
    refuse_if_open_here(path)  # a worker thread would be let in beside the window that has it open
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def work(_progress: object) -> tuple[Store | None, BaseException | None]:
        try:
            return open_store(path, **options), None
        except BaseException as exc:  # handed to the GUI thread, which raises it where the caller expects
            return None, exc

    def done(result: tuple) -> None:
        outcome["result"] = result
        loop.quit()

    dialog = progress_dialog(parent, path)
    run_op(parent, "", work, done, on_error=lambda message: done((None, RuntimeError(message))), show_dialog=False)
    if "result" not in outcome:
        loop.exec()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    store, error = outcome["result"]
    if error is not None:
        raise error
    return store


def progress_dialog(parent: QWidget | None, path: Path) -> QProgressDialog:
    """A busy bar and one sentence; no Cancel: a migration stops only when it is done or rolled back."""
    dialog = QProgressDialog(_("Opening {name}… The first start after an update prepares the store for "
                               "searching; on a big store this takes a minute at most.").format(name=path.name),
                             "", 0, 0, parent)
    dialog.setObjectName("opening_progress")
    dialog.setWindowTitle("FieldGroup")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)  # Qt shows it only once the open has taken this long
    dialog.setValue(0)
    return dialog
