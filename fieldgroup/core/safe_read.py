"""Read a file someone handed us: folders, devices and pipes refused before opening, sizes bounded."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _

_CHUNK = 1 << 20
_SHOWN_CHARS = 80


def shown(path: Path | str) -> str:
    """A path fit for a one-line message: control characters escaped, very long names shortened."""
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in str(path))
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS // 2 - 1] + "…" + text[-_SHOWN_CHARS // 2:]


def read_bounded(path: Path | str, limit: int, error: type[FieldGroupError] = FieldGroupError,
                 check_start: Callable[[bytes], None] | None = None) -> bytes:
    """The whole file, if it is an ordinary file of at most `limit` bytes; otherwise `error` with one sentence.

    The type and size are judged from stat before opening (a FIFO would block, /dev/zero never
    ends, a sparse file claims gigabytes), and again while reading, in case the file changed.
    `check_start` sees the first megabyte before the rest is read, to refuse a file that is not
    of the expected kind without reading it whole."""
    path = Path(path)
    try:
        info = os.stat(path)
        _judge(path, info, limit, error)
        # O_NONBLOCK: should the file have become a FIFO since stat, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            _judge(path, os.fstat(fd), limit, error)
            return _read_at_most(fd, path, limit, error, check_start)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise error(_("There is no file at {path}; check the stick and the file name.").format(path=shown(path))) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise error(_("{path} is a folder; choose a file.").format(path=shown(path))) from None
        raise error(_("Could not read {path} ({reason}); check the stick and try again.").format(
            path=shown(path), reason=exc.strerror or exc)) from None


def check_file(path: Path | str, limit: int, error: type[FieldGroupError] = FieldGroupError) -> None:
    """Refuse (one sentence) anything but an ordinary file of at most `limit` bytes, without opening it."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(_("There is no file at {path}; check the stick and the file name.").format(path=shown(path))) from None
    except OSError as exc:
        raise error(_("Could not read {path} ({reason}); check the stick and try again.").format(
            path=shown(path), reason=exc.strerror or exc)) from None
    _judge(path, info, limit, error)


def _judge(path: Path, info: os.stat_result, limit: int, error: type[FieldGroupError]) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(_("{path} is a folder; choose a file.").format(path=shown(path)))
    if not stat.S_ISREG(info.st_mode):
        raise error(_("{path} is not an ordinary file (it is a device or a pipe); choose a file.").format(path=shown(path)))
    if info.st_size > limit:
        raise _too_large(path, error)


def _read_at_most(fd: int, path: Path, limit: int, error: type[FieldGroupError],
                  check_start: Callable[[bytes], None] | None) -> bytes:
    parts, size = [], 0
    while True:
        chunk = os.read(fd, _CHUNK)
        if check_start is not None and not parts:
            check_start(chunk)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:  # the file grew while we read it
            raise _too_large(path, error)
        parts.append(chunk)


def _too_large(path: Path, error: type[FieldGroupError]) -> FieldGroupError:
    return error(_("{path} is far larger than any file FieldGroup reads here; choose the right file.").format(path=shown(path)))
