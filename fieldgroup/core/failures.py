"""Failures that are not FieldGroup's own, worded for a user: a full disk, for callers outside core."""

from __future__ import annotations

from fieldgroup.core.errors import DiskFullError
from fieldgroup.core.store import disk_full_error, is_disk_full

__all__ = ["disk_full", "disk_full_error"]


def disk_full(exc: BaseException) -> DiskFullError | None:
    """The disk-full sentence when `exc` (or what caused it) is a full disk, else None."""
    for candidate in (exc, exc.__cause__, exc.__context__):
        if candidate is not None and (isinstance(candidate, DiskFullError) or is_disk_full(candidate)):
            return disk_full_error()
    return None
