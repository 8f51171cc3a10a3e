"""One store, one writer: an exclusive lock file beside the store while it is open for writing."""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import sys
import threading
from pathlib import Path
from typing import NoReturn

from fieldgroup.core.errors import DiskFullError, ReadOnlyStoreError, StoreBusyError
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


def _raise_cannot_write(exc: OSError, path: Path) -> NoReturn:
    if exc.errno == errno.ENOSPC:
        raise DiskFullError(_("The disk is full; free some space and try again — nothing was lost.")) from exc
    if exc.errno == errno.ENAMETOOLONG:
        raise exc  # the command line's guard words it; "cannot write in the folder" would mislead
    raise read_only_error(path.parent) from exc


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


def _busy() -> StoreBusyError:
    return StoreBusyError(
        _("This store is already open in another FieldGroup window; switch to that window or close it first.")
    )


def _identity_lock_path(store_path: Path) -> Path | None:
    """A lock file named after the store file's identity (device and inode; on Windows the volume
    and file id), in this user's data folder: every name of the file — a hard link, a symlink, a
    second mount — leads to it, and deleting the `.lock` beside the store does not remove it."""
    try:
        info = os.stat(store_path)
    except OSError:
        return None  # a store being created has no identity yet (and no other names)
    from fieldgroup.paths import data_dir  # the user's own folder: no one else can plant a file there

    folder = data_dir() / "locks"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        log.warning("Cannot create the lock folder (%s); the store is locked by its name only.", exc.strerror)
        return None
    return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"


class _OsLock:
    """The OS locks on a store's lock files, and how many openers in this process use them."""

    def __init__(self, path: Path, identity: Path | None = None):
        self.path = path
        self.users = 1
        self.stale: dict | None = None
        self.fd = self._take()
        self.identity = identity
        self.identity_fd: int | None = None
        if identity is not None:
            try:
                self.identity_fd = _OsLock._hold(identity)
            except BaseException:
                self.release()
                raise

    @staticmethod
    def _hold(path: Path) -> int:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            log.warning("Cannot open the identity lock (%s); the store is locked by its name only.", exc.strerror)
            return -1
        if not _try_lock(fd):
            os.close(fd)
            raise _busy()
        return fd

    def _take(self) -> int:
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                _raise_cannot_write(exc, self.path)
            if not _try_lock(fd):
                os.close(fd)
                raise _busy()
            # The previous holder may have removed the file between our open and our lock:
            # then we locked a file nobody else will look at, and must try again.
            if sys.platform == "win32" or self._still_there(fd):
                try:
                    self._note_previous_holder(fd)
                    self._write_holder(fd)
                except OSError as exc:  # a full disk cannot even take the few bytes naming the holder
                    _release_fd(fd, self.path)  # removed while still ours, as on a clean close
                    _raise_cannot_write(exc, self.path)
                return fd
            _unlock(fd)
            os.close(fd)
        raise _busy()

    def _still_there(self, fd: int) -> bool:
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    def _note_previous_holder(self, fd: int) -> None:
        """A clean close empties the file; text left in it means its writer was killed or crashed."""
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 4096).decode("utf-8", "replace").strip()
        if not text:
            return
        try:
            self.stale = json.loads(text)
        except ValueError:
            self.stale = {"raw": text[:100]}
        log.info("Took over the lock of a session that did not close cleanly (pid %s)", self.stale.get("pid"))

    @staticmethod
    def _write_holder(fd: int) -> None:
        holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode()
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, holder)

    def release(self) -> None:
        if getattr(self, "identity_fd", None) not in (None, -1):
            _release_fd(self.identity_fd, self.identity)
        try:
            os.ftruncate(self.fd, 0)
        except OSError as exc:
            log.warning("Could not tidy the lock file: %s", exc.strerror)
        _release_fd(self.fd, self.path)


def _release_fd(fd: int, path: Path | None) -> None:
    try:
        if sys.platform != "win32" and path is not None:
            # Removed while still locked, so that no one can lock the old file in between.
            path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("Could not tidy the lock file: %s", exc.strerror)
    finally:
        _unlock(fd)
        os.close(fd)


# The OS locks this process holds, by lock file. A worker thread's own connection (ui/ops.py asks
# background work to open one) shares its window's lock instead of being refused.
_HELD: dict[str, _OsLock] = {}
_HELD_GUARD = threading.Lock()


class StoreLock:
    """The `<store>.lock` file beside the real store file, and a lock named after the file's identity
    (so hard links, symlinks and a deleted `.lock` file cannot let a second writer in).
    `acquire()` raises StoreBusyError while another opener holds them.

    The OS releases the lock when its holder dies, however it dies, so a lock left by a killed
    process is simply taken over; `stale` then says the previous session did not close cleanly.
    Within this process, a second open from the main thread (a second window, a second command)
    is refused like one from another process; an open from a worker thread shares the lock,
    which is released when the last user closes."""

    def __init__(self, store_path: Path):
        real = Path(store_path).resolve()  # through symlinks to the real file: the lock sits beside it
        self.path = lock_path(real)
        self._real = real
        self.identity = _identity_lock_path(real)
        self._key = str(self.path)
        self.held = False
        self.stale: dict | None = None

    def acquire(self, *, exclusive: bool = False) -> StoreLock:
        """`exclusive`: refuse even a worker thread of a window that has the store open (restoring)."""
        with _HELD_GUARD:
            os_lock = _HELD.get(self._key)
            if os_lock is None:
                os_lock = _HELD[self._key] = _OsLock(self.path, self.identity)
                self.stale = os_lock.stale
            elif exclusive or threading.current_thread() is threading.main_thread():
                raise _busy()
            else:
                os_lock.users += 1
            self.held = True
        return self

    def cover_identity(self) -> None:
        """Take the identity lock of a store file created after `acquire()` (a new store)."""
        with _HELD_GUARD:
            os_lock = _HELD.get(self._key)
            if os_lock is None or os_lock.identity_fd not in (None, -1):
                return
            self.identity = _identity_lock_path(self._real)
            if self.identity is not None:
                os_lock.identity, os_lock.identity_fd = self.identity, _OsLock._hold(self.identity)

    def release(self) -> None:
        with _HELD_GUARD:
            if not self.held:
                return
            self.held = False
            os_lock = _HELD[self._key]
            os_lock.users -= 1
            if os_lock.users == 0:
                del _HELD[self._key]
                os_lock.release()

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def refuse_if_open_here(path: Path) -> None:
    """Raise StoreBusyError when a window of this process has `path` open. For opening a store on a
    worker thread (ui/opening.py): acquire() lets worker threads share a window's lock, so the GUI
    thread asks first, as its own acquire() would."""
    with _HELD_GUARD:
        if str(StoreLock(path).path) in _HELD:
            raise _busy()
