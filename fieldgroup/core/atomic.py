"""Writing a file all or nothing: a temporary file beside it, flushed, then renamed over it (one helper for all)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_file(target: Path, verify: Callable[[Path], None] | None = None) -> Iterator[BinaryIO]:
    """A private temporary file beside `target`, renamed over it only when the block ends without error.

    Readers see the old file or the whole new one, never half of it, even after a power cut; the
    temporary file is removed whatever happens. OSError passes through for the caller to put in words.
    `verify(temp)` may read the written file back and raise: the previous `target` then stays."""
    target = Path(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if verify is not None:
            verify(temp)
        os.replace(temp, target)
        fsync_folder(target.parent)
    finally:
        temp.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes, verify: Callable[[Path], None] | None = None) -> None:
    with atomic_file(target, verify) as stream:
        stream.write(data)


def replace_durably(temp: Path, target: Path) -> None:
    """Rename a finished temporary file (written by someone else, e.g. SQLite) over `target`, durably."""
    fsync_file(temp)
    os.replace(temp, target)
    fsync_folder(target.parent)


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to the disk."""
    with Path(path).open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush the folder entry that names a renamed file, where the system allows it (not on Windows)."""
    if sys.platform == "win32":
        return  # Windows cannot open folders; its rename is durable enough
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse; the rename itself has happened
    finally:
        os.close(fd)
