"""Store files that are not open: read a backup without writing to it, copy, check and put one in place."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from fieldgroup.core import store_db, store_integrity, store_maintenance
from fieldgroup.core.atomic import fsync_file, fsync_folder, replace_durably
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.store import (
    backup_to,
    copy_database,
    disk_full_error,
    is_disk_full,
    read_only_uri,
)

log = logging.getLogger(__name__)


def _read_only(path: Path) -> sqlite3.Connection:
    """A reading connection; an encrypted backup opens with a passphrase unlocked in this run."""
    return store_db.connect(read_only_uri(path), store_db.key_for(path), uri=True)


def read_summary(path: Path) -> tuple[int, dict[str, int]]:
    """Schema version and record counts of a store file, read without writing a byte to it."""
    conn = _read_only(path)
    try:
        return store_maintenance.schema_version(conn), store_maintenance.record_counts(conn)
    finally:
        conn.close()


def is_sound(path: Path) -> bool:
    """SQLite's quick_check on a closed store file, read-only."""
    if store_integrity.truncated(path):
        return False
    try:
        conn = _read_only(path)
    except (*store_db.database_errors(), FieldGroupError):
        return False
    try:
        return not store_integrity.quick_problems(conn)
    finally:
        conn.close()


def copy_closed_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store nobody has open, WAL included; a byte copy if SQLite cannot read it."""
    try:
        key = store_db.key_for(source)
        conn = store_db.connect(source, key)  # read-write, so that a leftover -wal is read too
        try:
            backup_to(conn, target, key)
        finally:
            conn.close()
    except store_db.database_errors() as exc:
        if is_disk_full(exc):
            raise disk_full_error() from exc
        # Damaged beyond what the backup API copies: keep every byte (file and -wal) for support.
        log.warning("Backup API could not read the store (%s); copying its bytes instead", exc)
        for suffix in ("", "-wal"):
            part = source.with_name(source.name + suffix)
            if part.exists():
                _copy_bytes(part, target.with_name(target.name + suffix))
    fsync_file(target)
    fsync_folder(target.parent)
    return target


def _copy_bytes(source: Path, target: Path) -> None:
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full_error() from exc
        raise


def put_in_place(backup: Path, store_path: Path) -> None:
    """Replace the (closed, locked, already saved) store file by a copy of `backup`, atomically."""
    key = store_db.key_for(backup)
    source = store_db.connect(read_only_uri(backup), key, uri=True)
    try:
        restored = copy_database(source, store_path.with_name(store_path.name + ".restoring"), key)
    finally:
        source.close()
    # A -wal left beside the old file would be replayed into the new one and corrupt it; its
    # content is already in the safety copy the caller made.
    for suffix in ("-wal", "-shm"):
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)
    replace_durably(restored, store_path)
