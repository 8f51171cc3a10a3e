"""One store, one writer: an exclusive lock file beside the store while it is open for writing."""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import sys
from pathlib import Path

from fieldgroup.core.errors import ReadOnlyStoreError, StoreBusyError
from fieldgroup.i18n import _

log = logging.getLogger(__name__)

# On Windows the locked byte must lie outside the text we write, because Windows locks are
# mandatory: a locked byte cannot even be read by another process that wants to say who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 30


def read_only_error(folder: Path) -> ReadOnlyStoreError:
    return ReadOnlyStoreError(
        _("FieldGroup cannot write in the folder {folder}; copy the store to a folder you can write to, "
          "or ask for permission to write there.").format(folder=folder)
    )


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False when another open file (any process) holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        # A file system without locks (some network shares): better to open unlocked than not at all.
        log.warning("Cannot lock files on this file system (%s); opening without the one-window guard.", exc.strerror)
        return True
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class StoreLock:
    """The `<store>.lock` file. `acquire()` raises StoreBusyError while another opener holds it.

    The OS releases the lock when its holder dies, however it dies, so a lock left by a killed
    process is simply taken over; `stale` then says the previous session did not close cleanly."""

    def __init__(self, store_path: Path):
        self.path = lock_path(Path(store_path))
        self._fd: int | None = None
        self.stale: dict | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> StoreLock:
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise read_only_error(self.path.parent) from exc
            if not _try_lock(fd):
                os.close(fd)
                raise StoreBusyError(
                    _("This store is already open in another FieldGroup window; switch to that window or close it first.")
                )
            # The previous holder may have removed the file between our open and our lock:
            # then we locked a file nobody else will look at, and must try again.
            if sys.platform == "win32" or self._still_there(fd):
                self._fd = fd
                self._note_previous_holder()
                self._write_holder()
                return self
            _unlock(fd)
            os.close(fd)
        raise StoreBusyError(
            _("This store is already open in another FieldGroup window; switch to that window or close it first.")
        )

    def _still_there(self, fd: int) -> bool:
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    def _note_previous_holder(self) -> None:
        """A clean close empties the file; text left in it means its writer was killed or crashed."""
        assert self._fd is not None
        os.lseek(self._fd, 0, os.SEEK_SET)
        text = os.read(self._fd, 4096).decode("utf-8", "replace").strip()
        if not text:
            return
        try:
            self.stale = json.loads(text)
        except ValueError:
            self.stale = {"raw": text[:100]}
        log.info("Took over the lock of a session that did not close cleanly (pid %s)", self.stale.get("pid"))

    def _write_holder(self) -> None:
        assert self._fd is not None
        holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode()
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, holder)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            if sys.platform != "win32":
                # Removed while still locked, so that no one can lock the old file in between.
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Could not tidy the lock file: %s", exc.strerror)
        finally:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
