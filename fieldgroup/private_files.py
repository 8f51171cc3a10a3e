"""Files only this user may read: 0600 files in 0700 folders on POSIX (Windows keeps them in the user's profile)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = sys.platform != "win32"


def private_dir(folder: Path | str) -> Path:
    """Create FieldGroup's own folder (and missing parents) as 0700; an existing one of ours is tightened."""
    folder = Path(folder)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if POSIX:
        try:
            os.chmod(folder, DIR_MODE)
        except OSError:
            pass  # a folder we do not own (a stick's FAT file system has no modes): its files are still 0600
    return folder


def create_private(path: Path | str) -> Path:
    """Make sure `path` exists and is readable by this user only; an existing file keeps its bytes."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if POSIX:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def restrict(path: Path | str) -> Path:
    """Make an existing file readable by this user only (a file written by a library we cannot tell how)."""
    path = Path(path)
    if POSIX and path.exists():
        try:
            os.chmod(path, FILE_MODE)
        except OSError:
            pass
    return path


def open_private(path: Path | str, mode: str = "wb", encoding: str | None = None):  # noqa: ANN201 — a file object
    """open() for writing ('w'/'a', text or binary), but the file is created 0600 from its first byte."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    if POSIX:
        os.fchmod(fd, FILE_MODE)
    return os.fdopen(fd, mode, encoding=encoding)

