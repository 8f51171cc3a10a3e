"""The one way to work off the GUI thread: read ops on a read-only connection, write ops that say what changed.

Modelled on Anki's QueryOp/CollectionOp and Picard's run_task: the function runs on the thread pool
on its OWN connection to the store file (never the GUI's: sqlite connections are not shared between
threads, and a GUI write must not join a background transaction), and its result comes back to the
GUI thread. A read op opens the file read-only (no lock, nothing written); a write op opens it for
writing, returns a `Changes` (the tables it touched), and the pages are told through
`AppContext.changed()`. Errors reach the user as one sentence, tracebacks only the log."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldgroup.core import Store
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _
from fieldgroup.ui import collector

log = logging.getLogger(__name__)

# A background op holds the interpreter lock until the GUI thread has waited this long for it, and the
# GUI thread gives the lock up in every Qt call: at Python's 5 ms, a busy read made each call of a
# repaint wait up to 5 ms (tick p95 9 ms while the Indicators page read; 2 ms at 1 ms; bench/stalls.py).
sys.setswitchinterval(0.001)

T = TypeVar("T")

# Signals of ops still running. Without this reference a caller that ignores the return value
# would let Python collect the QObject while the worker thread is about to emit on it (a crash).
_RUNNING: set[OpSignals] = set()
_IDLE_TASKS: list[tuple[QObject, Callable[[], Any]]] = []  # run when no op is left running
# While the app's first window is built and painted (app.run_app), ops wait here to start: see hold().
_HELD: list[QRunnable] | None = None


class Cancelled(Exception):
    """Raised inside an op when the user pressed Cancel."""


@dataclass(frozen=True)
class Changes:
    """What a write op changed: table names ("" for "many"), for pages to decide whether to reload."""

    tables: tuple[str, ...] = ()
    value: Any = None  # anything else the caller wants back (a new id, a count)

    @classmethod
    def of(cls, *tables: str, value: Any = None) -> Changes:
        return cls(tuple(tables), value)


@dataclass
class Progress:
    """Handed to an op: report progress, and stop when the user cancels."""

    signals: OpSignals
    cancelled: bool = field(default=False)

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self.signals.progress.emit(done, total, text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class OpSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


def error_sentence(exc: BaseException) -> str:
    """The one sentence a user sees for `exc`; anything unexpected goes to the log with its traceback."""
    if isinstance(exc, FieldGroupError):
        return str(exc)
    log.error("Background operation failed", exc_info=exc)
    return _("Something went wrong; the details are in the log file (Help ▸ Open log folder).")


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: OpSignals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the application is closing and took the signals with it
            log.info("Background operation finished after its window closed")

    def _run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # the user gets a sentence; the details go to the log
            self.signals.failed.emit(error_sentence(exc))
        else:
            self.signals.finished.emit(result)


def run_op(parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
           on_done: Callable[[Any], None] | None = None, on_error: Callable[[str], None] | None = None,
           *, show_dialog: bool = True, on_cancelled: Callable[[], None] | None = None) -> OpSignals:
    """Run `fn(progress)` on the thread pool, with a cancellable progress dialog after 300 ms.

    `fn` must not touch widgets nor the GUI's store. `on_done(result)` runs on the GUI thread; an
    error shows as a message box unless `on_error` is given; `on_cancelled()` runs after Cancel. Returns the
    signals (tests wait on them). Connect nothing to them afterwards: once the op has reported back they
    are deleted, and a slot connected after that deletion was scheduled may never run (the Sync page's
    Cancel sometimes never ended its flow)."""
    signals = OpSignals()
    progress = Progress(signals)
    dialog = _progress_dialog(parent, title, progress, signals) if show_dialog else None

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

    signals.finished.connect(close_dialog)
    signals.cancelled.connect(close_dialog)
    signals.failed.connect(failed)
    if on_done:
        signals.finished.connect(on_done)
    if on_cancelled:
        signals.cancelled.connect(on_cancelled)
    for signal in (signals.finished, signals.failed, signals.cancelled):
        signal.connect(lambda *_a: _ended(signals))  # connected last: callbacks above run first
    _RUNNING.add(signals)
    collector.pause()
    runnable = _Runnable(fn, signals, progress)
    if _HELD is not None:
        _HELD.append(runnable)
    else:
        QThreadPool.globalInstance().start(runnable)
    return signals


def hold() -> None:
    """Start-up: ops asked for from now on wait for `start_held`. The first window's reads would take
    the CPU and the interpreter from its building and first paint (~5-10 % of the start, more on an
    encrypted store), and what they find is shown after that paint anyway."""
    global _HELD
    if _HELD is None:
        _HELD = []


def start_held() -> None:
    """Start the ops held since `hold`, in the order asked; later ones start at once again."""
    global _HELD
    held, _HELD = _HELD or [], None
    for runnable in held:
        QThreadPool.globalInstance().start(runnable)


def _progress_dialog(parent: QWidget | None, title: str, progress: Progress, signals: OpSignals) -> QProgressDialog:
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work finishes without a flashing dialog

    def cancel() -> None:
        progress.cancelled = True

    dialog.canceled.connect(cancel)  # the Cancel button; Escape or closing the dialog rejects it
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
    return dialog


def drop_later(garbage: list[Any]) -> None:
    """Free big replaced data (lists and dicts of 100,000 rows) on the thread pool, a slice at a time.

    Freeing 100,000 row objects in one go holds the interpreter lock ~0.2 s; in slices the GUI thread
    gets the lock back between them. After each 2 ms of freeing it sleeps as long, leaving the lock free:
    freeing flat out made every Qt call of the GUI thread wait for it (the tracker's reload right after
    took 40-100 ms instead of 5; bench/stalls.py). Nothing waits for the memory."""
    if garbage:
        run_op(None, "", lambda _p: _drop(garbage), on_error=lambda message: log.warning("Freeing failed: %s", message),
               show_dialog=False)


def _drop(garbage: list[Any], step: int = 500) -> None:
    breather = _Breather()
    while garbage:
        thing = garbage.pop()
        if isinstance(thing, list):
            while thing:
                del thing[-step:]
                breather.maybe_pause()
        elif isinstance(thing, dict):
            while thing:
                for _n in range(min(step, len(thing))):
                    thing.popitem()
                breather.maybe_pause()
        del thing


class _Breather:
    """Pauses as long as it has worked, once it has worked `WORK_S`: half the lock for the GUI thread."""

    WORK_S = 0.002

    def __init__(self) -> None:
        self.since = time.perf_counter()

    def maybe_pause(self) -> None:
        worked = time.perf_counter() - self.since
        if worked >= self.WORK_S:
            time.sleep(worked)
            self.since = time.perf_counter()


def _ended(signals: OpSignals) -> None:
    if signals in _RUNNING:
        _RUNNING.discard(signals)
        # Its connections hold the callbacks, which hold it: a cycle through Qt that Python's collector
        # cannot see, so every op's signals and closures stayed for the session (bench/long_session.py).
        QTimer.singleShot(0, signals.deleteLater)  # after every slot the same signal has queued
        collector.resume()
        if not _RUNNING:
            _run_idle_tasks()


def when_idle(owner: QObject, task: Callable[[], Any]) -> None:
    """Run `task` on the GUI thread each time the last running op has reported back, while `owner` lives
    (work that another connection's open read would refuse, such as wiping an erased name's pages)."""
    _IDLE_TASKS.append((owner, task))


def _run_idle_tasks() -> None:
    from shiboken6 import isValid

    _IDLE_TASKS[:] = [(owner, task) for owner, task in _IDLE_TASKS if isValid(owner)]
    for _owner, task in list(_IDLE_TASKS):
        try:
            task()
        except Exception:  # noqa: BLE001  (a closed store at quit: the next start finishes the work)
            log.warning("A task waiting for the background reads failed", exc_info=True)


def running_ops() -> int:
    """How many ops have not reported back yet (the window waits for them on quit)."""
    return len(_RUNNING)


# ---- connections of their own --------------------------------------------------------------------


def own_store(gui_store: Store, *, read_only: bool) -> Store:
    """A second connection to the GUI store's file (same clock source and today) for one op."""
    return gui_store.reopen(read_only=read_only)


def with_own_store(gui_store: Store, work: Callable[[Store], T], *, read_only: bool = False) -> T:
    """Run `work` on a fresh connection to the GUI store's file, then close it."""
    store = own_store(gui_store, read_only=read_only)
    try:
        return work(store)
    finally:
        store.close()
        _let_go(store)


def _let_go(store: Store) -> None:
    """Empty a closed op store. It and its repositories point at each other, a cycle only Python's
    collector frees; and collector.py freezes whatever the ops leave behind, so every op's store
    (its connection, and the key of an encrypted file) stayed for the whole session: ~4 a round in
    bench/long_session.py, memory growing without end. Emptied, it is freed at once. A closed store
    is of no use to anything that still holds it."""
    vars(store).clear()


def catch_up_clock(gui_store: Store) -> None:
    """Move the GUI connection's clock past every stamp a background connection saved, so the next
    edit made in the GUI is stamped after them."""
    gui_store.catch_up_clock()


# ---- the two kinds of op -------------------------------------------------------------------------


class QueryOp:
    """Reads for one page on a read-only connection. Only the newest request's result is delivered,
    and never to a widget that was closed: a page can ask again on every change without stacking up."""

    def __init__(self, owner: QWidget, store: Store):
        self.owner, self.store = owner, store
        self.generation = 0

    def run(self, fn: Callable[[Store], T], on_done: Callable[[T], None],
            on_error: Callable[[str], None] | None = None) -> OpSignals:
        from shiboken6 import isValid

        self.generation += 1
        generation, gui_store = self.generation, self.store

        def current() -> bool:
            return generation == self.generation and isValid(self.owner)

        def deliver(result: Any) -> None:
            if current():
                on_done(result)

        def failed(message: str) -> None:
            if current():
                (on_error or (lambda m: log.warning("Background read failed: %s", m)))(message)

        return run_op(self.owner, "", lambda _p: with_own_store(gui_store, fn, read_only=True),
                      deliver, failed, show_dialog=False)


def write_op(parent: QWidget, ctx: Any, fn: Callable[[Store], Changes], on_done: Callable[[Changes], None] | None = None,
             on_error: Callable[[str], None] | None = None, *, title: str = "") -> OpSignals:
    """Run a write on its own connection; afterwards the GUI clock catches up and every page hears
    which tables changed (`ctx.changed`). `fn` returns a `Changes`."""
    gui_store = ctx.store

    def done(changes: Changes) -> None:
        catch_up_clock(gui_store)
        if on_done:
            on_done(changes)
        for table in _tables(changes.tables):
            ctx.changed(table)

    return run_op(parent, title, lambda _p: with_own_store(gui_store, fn), done, on_error, show_dialog=bool(title))


def _tables(tables: Iterable[str]) -> list[str]:
    tables = list(dict.fromkeys(tables))
    return [""] if "" in tables else tables
