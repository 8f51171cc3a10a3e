"""Starts the desktop app: Qt application, fonts, language, log file, crash handler, store and main window.

Importing this module is light on purpose: run_app starts deriving an encrypted store's key first,
and the log file, Qt's translations and fonts (with Qt's own enums, ~25 ms) and the store API load
while the key is being derived on another thread."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldgroup import private_files
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _, current_locale, is_pseudo, normalise_locale, set_locale, system_locale
from fieldgroup.paths import default_store_path, log_dir
from fieldgroup.ui import settings

if TYPE_CHECKING:  # the store API is imported once the key of an encrypted store is being derived
    from fieldgroup.core import Store

log = logging.getLogger("fieldgroup")


def _show_unexpected(error: BaseException, reference: str) -> None:
    """The user gets one sentence; the traceback is already in the log."""
    if isinstance(error, FieldGroupError):
        message = str(error)
    else:
        message = _("Something went wrong and was not saved; the details are in the log file "
                    "(Help ▸ Open log folder, reference {reference}).").format(reference=reference)
    if QApplication.instance() is not None:
        QMessageBox.warning(QApplication.activeWindow(), "FieldGroup", message)


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook of the app: the details go to the log, the user gets one sentence."""
    from fieldgroup.logs import excepthook

    excepthook(_show_unexpected)(exc_type, exc, tb)


def choose_language(locale: str | None) -> str:
    """--locale wins; then the language chosen in Settings; then the computer's own language."""
    for candidate in (locale, settings.value(settings.LANGUAGE)):
        if candidate:
            try:
                chosen = normalise_locale(str(candidate))
                break
            except ValueError:
                log.warning("Ignoring unsupported language %r", candidate)
    else:
        chosen = system_locale()
    if chosen != current_locale() or is_pseudo():
        set_locale(chosen)
    return chosen


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("FieldGroup")
    return app


def open_or_create(path: Path) -> Store | None:
    from fieldgroup.core import create_store
    from fieldgroup.ui.first_run import open_unlocked  # asks for the passphrase of an encrypted store

    if path.exists():
        return open_unlocked(path)
    private_files.private_dir(path.parent)
    return create_store(path)


def store_to_open(store_path: str | None) -> Path | None:
    """The store `first_store` will open, when there is one (for deriving its key early)."""
    if store_path:
        return Path(store_path)
    last = settings.value(settings.LAST_STORE)
    if last and Path(last).exists():
        return Path(last)
    return default_store_path() if default_store_path().exists() else None


def first_store(store_path: str | None) -> Store | None:
    """The store named on the command line (made if missing); else the one opened last time; else the
    default one; on a laptop with none yet, the welcome dialog asks (None when it is closed)."""
    if store_path:
        return open_or_create(Path(store_path))
    from fieldgroup.ui.first_run import open_unlocked, welcome

    last = settings.value(settings.LAST_STORE)
    if last and Path(last).exists():
        return open_unlocked(Path(last))
    path = default_store_path()
    if path.exists():
        return open_unlocked(path)

    return welcome(path)


def run_app(store_path: str | None, locale: str | None) -> int:
    """Open the main window on `store_path` (the default store when None) and run until it closes."""
    app = make_application()
    from fieldgroup.ui.first_run import prefetch_key

    # First of all: the KDF of an encrypted store (~130 ms, off the GIL) runs on its own thread while
    # this one imports the store API, sets up logging, language and fonts, and builds the window.
    prefetch_key(store_to_open(store_path))
    from fieldgroup.logs import setup_logging
    from fieldgroup.ui.qt_i18n import install_qt_translations, register_fonts

    setup_logging(folder=log_dir())
    sys.excepthook = handle_exception
    choose_language(locale)
    install_qt_translations(app, current_locale())  # also sets QLocale's default: date fields follow
    register_fonts()
    # The window's modules (and with them the store API) load before the store opens: an encrypted
    # store's key is still being derived meanwhile, and for a plain one the order makes no difference.
    from fieldgroup.ui import ops
    from fieldgroup.ui.main_window import OPEN_WINDOWS, MainWindow

    try:
        store = first_store(store_path)
    except FieldGroupError as exc:
        QMessageBox.critical(None, "FieldGroup", str(exc))
        return 1
    except OSError as exc:
        QMessageBox.critical(None, "FieldGroup", _("Could not open the store ({reason}); check that the folder exists "
                                                   "and that you may write to it.").format(reason=exc.strerror or exc))
        return 1
    if store is None:
        return 0  # the welcome dialog was closed: nothing to open
    before = current_locale()
    if not locale and choose_language(None) != before:  # chosen in the welcome dialog: applies now
        install_qt_translations(app, current_locale())
    ops.hold()  # the window's background reads start once it has painted (ReadsAfterFirstPaint)
    try:
        window = MainWindow(store)
    except BaseException:
        ops.start_held()
        raise
    OPEN_WINDOWS.append(window)
    window.show()
    ReadsAfterFirstPaint(window)
    for notice in store.notices:  # e.g. the plain-text passphrase an older version kept was removed
        QMessageBox.information(window, "FieldGroup", notice)
    QTimer.singleShot(2000, window.daily_backup)  # once start-up is over, so it never delays the window
    log.info("Opened store %s", store.path.name)
    code = app.exec()
    ops.start_held()  # a window closed before it ever painted: its held reads still start, and end
    QThreadPool.globalInstance().waitForDone(5000)  # background reads finish before the store closes
    close_stores(app, store)
    return code


class ReadsAfterFirstPaint(QObject):
    """Starts the ops held while `window` was built (ops.hold) once it has painted for the first time,
    or after FALLBACK_MS if it is not painted by then (shown minimised, say)."""

    FALLBACK_MS = 2000

    def __init__(self, window: QObject):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start)  # once this paint is done
        return False

    def _start(self) -> None:
        from fieldgroup.ui import ops

        ops.start_held()


def close_stores(app: QApplication, first: Store) -> None:
    """Close every window's store on quit. A clean close empties the lock file; left full, the next
    start takes this session for a crash and re-checks the whole file (0.1 s warm, ~1 s cold on a big
    store: bench/README.md). Closing twice is harmless."""
    from fieldgroup.ui.main_window import MainWindow

    for window in app.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.ctx.store.close()
    first.close()
