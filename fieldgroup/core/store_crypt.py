"""Encrypting a plain store in place (verify, then replace) and changing the passphrase of an encrypted one."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from fieldgroup import private_files
from fieldgroup.core import keys, store_db, store_maintenance
from fieldgroup.core.atomic import fsync_file
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.store import _home_marker, refuse_unless_store
from fieldgroup.core.store_lock import StoreLock
from fieldgroup.i18n import _

log = logging.getLogger(__name__)

PARTIAL = ".encrypting"
# Before encryption, the Sync page kept the group passphrase in plain text in this device-local key.
LEGACY_PASSPHRASE_KEY = "group_passphrase"


def _fingerprint(conn: sqlite3.Connection) -> tuple[str, dict[str, int], int, int]:
    """What must be equal before and after: digest, counts, schema version and application id."""
    return (store_maintenance.digest(conn), store_maintenance.record_counts(conn),
            conn.execute("PRAGMA user_version").fetchone()[0], conn.execute("PRAGMA application_id").fetchone()[0])


def export_encrypted(source: Path, target: Path, key: keys.StoreKey) -> None:
    """Write an encrypted copy of the plain file `source` to `target` (sqlcipher_export), verified and flushed."""
    target.unlink(missing_ok=True)
    private_files.create_private(target)
    conn = store_db.connect(source, cipher=True, isolation_level=None)  # no key: SQLCipher reads plain files too
    try:
        before = _fingerprint(conn)
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.pragma()}", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        # sqlcipher_export copies tables and rows, not these two header fields.
        conn.execute(f"PRAGMA encrypted.user_version = {int(before[2])}")
        conn.execute(f"PRAGMA encrypted.application_id = {int(before[3])}")
        drop_stored_passphrase(conn, "encrypted")  # a secret never travels into an encrypted copy either
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    check = store_db.connect(target, key)
    try:
        after = _fingerprint(check)
        check.execute("PRAGMA journal_mode = WAL")
    finally:
        check.close()
    if after != before:
        target.unlink(missing_ok=True)
        raise FieldGroupError(_("The encrypted copy of {name} did not match it, so the store was left as it was; "
                                "try again or contact support.").format(name=source.name))
    fsync_file(target)


def drop_stored_passphrase(conn: sqlite3.Connection, schema: str = "main") -> None:
    try:
        conn.execute(f"DELETE FROM {schema}.local_settings WHERE key = ?", (LEGACY_PASSPHRASE_KEY,))
    except store_db.operational_errors():
        pass  # a store of schema 0 has no settings table


def stored_passphrase(conn: sqlite3.Connection) -> str | None:
    """The plain-text passphrase an older FieldGroup kept in the store, if it is still there."""
    try:
        row = conn.execute("SELECT value FROM local_settings WHERE key = ?", (LEGACY_PASSPHRASE_KEY,)).fetchone()
    except store_db.operational_errors():
        return None
    return row[0] if row and row[0] else None


def encrypt_in_place(path: Path | str, passphrase: keys.Passphrase, locked: bool = False) -> Path:
    """Encrypt a closed plain store: encrypted backup, encrypted copy, verify, atomic swap. Returns the backup.

    A kill at any moment leaves the old plain file or the new encrypted one, never neither: the
    only change to the store's name is one os.replace of a verified, flushed file."""
    path = Path(path)
    if refuse_unless_store(path) is not None:
        raise FieldGroupError(_("{name} is already encrypted.").format(name=path.name))
    lock = None if locked else StoreLock(path).acquire()  # `locked`: the caller has the store open
    try:
        _settle_plain(path)
        key = keys.new_key(passphrase)
        backup = _backup_path(path)
        export_encrypted(path, backup, key)
        partial = path.with_name(path.name + PARTIAL)
        export_encrypted(path, partial, key)
        _keep_home(path, partial, key)
        os.replace(partial, path)
        fsync_file(path)
        encrypt_plain_backups(path, key)
    finally:
        if lock is not None:
            lock.release()
    log.info("Encrypted %s in place; encrypted backup %s", path.name, backup.name)
    return backup


def _settle_plain(path: Path) -> None:
    """Fold the -wal into the file and remove it, so the plain file alone is the whole store."""
    path.with_name(path.name + PARTIAL).unlink(missing_ok=True)  # left by an earlier, interrupted attempt
    conn = store_db.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _keep_home(path: Path, partial: Path, key: keys.StoreKey) -> None:
    """The encrypted file replaces the plain one on this laptop: it keeps the device id (os.replace
    keeps the new file's inode, which is what the home marker records)."""
    plain = store_db.connect(store_db.read_only_uri(path), uri=True)
    try:
        row = plain.execute("SELECT value FROM local_settings WHERE key = 'home'").fetchone()
    except store_db.database_errors():
        row = None  # a store of schema 0 has no settings yet
    finally:
        plain.close()
    if row is None or row[0] != _home_marker(path):
        return
    marker = _home_marker(partial).replace(str(partial.resolve()), str(path.resolve()))
    conn = store_db.connect(partial, key)
    try:
        conn.execute("UPDATE local_settings SET value = ? WHERE key = 'home'", (marker,))
        conn.commit()
    finally:
        conn.close()


def _backup_path(path: Path) -> Path:
    folder = private_files.private_dir(path.parent / "backups")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return folder / f"{path.stem}.{stamp}.before-encryption{path.suffix}"


def encrypt_plain_backups(store_path: Path, key: keys.StoreKey) -> list[Path]:
    """Rewrite every plain backup of this store (in its backups folder) encrypted; returns those rewritten."""
    folder = store_path.parent / "backups"
    found = sorted(folder.glob(f"{store_path.stem}.*")) if folder.is_dir() else []
    found += sorted(store_path.parent.glob(f"{store_path.stem}.before-v*.bak"))  # made before migrations
    done = []
    for backup in found:
        if not backup.is_file() or not store_db.is_plain(backup):
            continue
        partial = backup.with_name(backup.name + PARTIAL)
        try:
            export_encrypted(backup, partial, key)
        except (FieldGroupError, *store_db.database_errors()) as exc:
            log.warning("Could not encrypt backup %s (%s); it was left as it was", backup.name, type(exc).__name__)
            partial.unlink(missing_ok=True)
            continue
        os.replace(partial, backup)
        fsync_file(backup)
        done.append(backup)
    return done


def change_passphrase(conn: sqlite3.Connection, old: keys.StoreKey, new: keys.Passphrase,
                      store_path: Path | None = None) -> keys.StoreKey:
    """Re-key an open encrypted store (PRAGMA rekey), and its backups on this laptop; same salt, new key."""
    key = keys.derive(new, old.salt)
    conn.execute(f"PRAGMA rekey = {key.pragma()}")
    keys.unlock(new)
    keys.session.remember(key, new)
    if store_path is not None:
        _rekey_backups(store_path, old, key)
    return key


def _rekey_backups(store_path: Path, old: keys.StoreKey, new: keys.StoreKey) -> None:
    """Backups made with the old key take the new one too: a lost old passphrase no longer opens them."""
    folder = store_path.parent / "backups"
    found = sorted(folder.glob(f"{store_path.stem}.*")) if folder.is_dir() else []
    found += sorted(store_path.parent.glob(f"{store_path.stem}.before-v*.bak"))
    for backup in found:
        if not backup.is_file() or store_db.file_salt(backup) != old.salt or not store_db.opens_with(backup, old):
            continue
        conn = store_db.connect(backup, old)
        try:
            conn.execute(f"PRAGMA rekey = {new.pragma()}")
        except store_db.database_errors() as exc:
            log.warning("Could not re-key backup %s (%s)", backup.name, type(exc).__name__)
        finally:
            conn.close()
