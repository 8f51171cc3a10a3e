"""Long work off the GUI thread: a cancellable progress dialog, errors as one sentence, tracebacks to the log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _

log = logging.getLogger(__name__)

# Signals of tasks still running. Without this reference a caller that ignores the return value
# would let Python collect the QObject while the worker thread is about to emit on it (a crash).
_RUNNING: set[_TaskSignals] = set()


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Handed to a task function: report progress, and stop when the user cancels."""

    def __init__(self, signals: _TaskSignals):
        self._signals = signals
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self._signals.progress.emit(done, total, text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _TaskSignals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the application is closing and took the signals with it
            log.info("Background task finished after its window closed")

    def _run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except FieldGroupError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:  # the user gets a sentence; the details go to the log
            log.exception("Background task failed")
            self.signals.failed.emit(_("Something went wrong; the details are in the log file (Help ▸ Open log folder)."))
        else:
            self.signals.finished.emit(result)


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    show_dialog: bool = True,
) -> _TaskSignals:
    """Run `fn(progress)` on the thread pool with a cancellable progress dialog.

    `fn` must not touch widgets, and should open its own store connection (`open_store(path)`)
    rather than share the GUI's. `on_done(result)` runs on the GUI thread; errors show as a message
    box unless `on_error` is given. Returns the signals so tests can wait on `finished`/`failed`."""
    signals = _TaskSignals()
    progress = Progress(signals)
    dialog = None
    if show_dialog:
        dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick work finishes without a flashing dialog
        def cancel() -> None:
            progress.cancelled = True

        # The Cancel button emits `canceled`; Escape or closing the dialog rejects it.
        dialog.canceled.connect(cancel)
        dialog.rejected.connect(cancel)

        def show_progress(done: int, total: int, text: str) -> None:
            if dialog.wasCanceled():
                cancel()
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        signals.progress.connect(show_progress)

    def close_dialog(*_args: object) -> None:
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def failed(message: str) -> None:
        close_dialog()
        if on_error:
            on_error(message)
        else:
            QMessageBox.warning(parent, title, message)

    def forget(*_args: object) -> None:
        _RUNNING.discard(signals)

    signals.finished.connect(close_dialog)
    signals.cancelled.connect(close_dialog)
    signals.failed.connect(failed)
    if on_done:
        signals.finished.connect(on_done)
    for signal in (signals.finished, signals.failed, signals.cancelled):
        signal.connect(forget)  # connected last, so the callbacks above run first
    _RUNNING.add(signals)
    QThreadPool.globalInstance().start(_Runnable(fn, signals, progress))
    return signals


def running_tasks() -> int:
    """How many background tasks have not reported back yet (the window waits for them on quit)."""
    return len(_RUNNING)


class StoreLoader:
    """Reads for one page on a private connection to the same store file, off the GUI thread.

    Big stores make some reads (balances of 2,000 meetings, overdue counts over 100,000 items) take
    a noticeable moment; the page shows what it has and fills in the rest when this reports back.
    Only the newest request's result is delivered, and never to a page that was closed."""

    def __init__(self, owner: QWidget, store: Any):
        self.owner, self.store = owner, store
        self.generation = 0

    def load(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[str], None] | None = None) -> _TaskSignals:
        from shiboken6 import isValid

        from fieldgroup.core import open_store

        self.generation += 1
        generation, path, today = self.generation, self.store.path, self.store.today

        def work(_progress: Progress) -> Any:
            with open_store(path, today=today) as own:
                return fn(own)

        def deliver(result: Any) -> None:
            if generation == self.generation and isValid(self.owner):
                on_done(result)

        def failed(message: str) -> None:
            if generation == self.generation and isValid(self.owner):
                (on_error or (lambda m: log.warning("Background read failed: %s", m)))(message)

        return run_task(self.owner, "", work, on_done=deliver, on_error=failed, show_dialog=False)
