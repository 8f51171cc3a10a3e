"""The log file: rotating, in the user log folder, with ids rather than names and ~ for the home folder."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from fieldgroup import __version__, private_files
from fieldgroup.paths import log_dir

LOG_NAME = "fieldgroup.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handler: logging.Handler | None = None


class HomeFolderFilter(logging.Filter):
    """Writes the home folder as ~: on most laptops its name is the user's own name."""

    def __init__(self) -> None:
        super().__init__()
        self.home = str(Path.home())

    def filter(self, record: logging.LogRecord) -> bool:
        if self.home and len(self.home) > 1:
            message = record.getMessage()
            if self.home in message:
                record.msg, record.args = message.replace(self.home, "~"), None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log and each file it rotates into are created readable by this user only (0600)."""

    def _open(self):  # noqa: ANN202 — logging's own hook
        return private_files.open_private(self.baseFilename, "a", encoding=self.encoding)


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path | None:
    """Send FieldGroup's log to a rotating file (1 MB × 5); returns its path, or None if it cannot be written.

    Called once by the app and the command line; calling it again changes nothing. A read-only or
    missing log folder never stops the app: the log then goes to stderr only."""
    global _handler
    root = logging.getLogger("fieldgroup")
    root.setLevel(level)
    if _handler is not None:
        return Path(getattr(_handler, "baseFilename", "")) or None
    path = (folder or log_dir()) / LOG_NAME
    try:
        private_files.private_dir(path.parent)
        handler: logging.Handler = PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        result: Path | None = path
    except OSError:
        handler, result = logging.StreamHandler(sys.stderr), None
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(HomeFolderFilter())
    root.addHandler(handler)
    _handler = handler
    root.info("FieldGroup %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform)
    return result


def stop_logging() -> None:
    """Close the log file (tests; the app simply exits)."""
    global _handler
    if _handler is not None:
        logging.getLogger("fieldgroup").removeHandler(_handler)
        _handler.close()
        _handler = None


def log_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Write an unexpected error with its traceback to the log; returns a short reference for the user."""
    frames = traceback.extract_tb(tb)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    logging.getLogger("fieldgroup").error("Unexpected %s at %s", exc_type.__name__, where, exc_info=(exc_type, exc, tb))
    return f"{exc_type.__name__} ({where})"


def excepthook(show: Callable[[BaseException, str], None] | None = None) -> Callable[..., None]:
    """The one hook for unexpected errors (the app installs it as sys.excepthook): the details go to
    the log, `show` gets the error and a short reference for a dialog.

    The user sees no traceback and no personal data: the reference names the kind of error and the
    line of code, never the values involved."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        reference = log_unexpected(exc_type, exc, tb)
        if show is not None:
            show(exc, reference)

    return hook
