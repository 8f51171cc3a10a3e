"""The SQLite file behind a store: open safely, migrate, transactions, and stamped record writes."""

from __future__ import annotations

import errno
import json
import logging
import platform
import secrets
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldgroup import private_files
from fieldgroup.core import keys, leftovers, store_db, store_integrity, store_sync
from fieldgroup.core.atomic import replace_durably
from fieldgroup.core.errors import DiskFullError, NewerStoreError, NotAStoreError, NotFoundError
from fieldgroup.core.hlc import HybridClock, wall_clock_ms
from fieldgroup.core.schema import TABLES
from fieldgroup.core.store_db import SQLITE_HEADER, read_only_uri, uri_path
from fieldgroup.core.store_lock import StoreLock, read_only_error
from fieldgroup.core.store_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from fieldgroup.i18n import _

log = logging.getLogger(__name__)

__all__ = ["SQLITE_HEADER", "RecordStore", "read_only_uri", "uri_path"]


def _machine_id() -> str:
    """Something that differs between laptops, to notice a store file copied to another one."""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(candidate).read_text().strip()
        except OSError:
            continue
    return f"{platform.node()}-{uuid.getnode():x}"


def _home_marker(path: Path) -> str:
    """Where this file lives: laptop, absolute path and file identity. A copy or restore changes it."""
    st = path.stat()
    return f"{_machine_id()}|{path.resolve()}|{st.st_dev}:{st.st_ino}"


def refuse_unless_store(path: Path) -> keys.StoreKey | None:
    """Raise NotAStoreError unless `path` looks like a FieldGroup store; reads only, writes nothing.

    Returns the key that opens it (None for a plain store); an encrypted store needs a passphrase
    unlocked in this run (keys.unlock), else LockedStoreError or WrongPassphraseError."""
    if path.is_dir():
        raise NotAStoreError(_("{path} is a folder, not a FieldGroup store; choose the store file inside it.").format(path=path))
    if not path.exists():
        raise NotAStoreError(_("There is no store at {path}; check the path or create a new store.").format(path=path))
    if not store_db.is_plain(path) and not store_db.looks_encrypted(path):
        raise NotAStoreError(_("{path} is not a FieldGroup store; choose a file made by FieldGroup.").format(path=path))
    key = store_db.key_for(path)
    try:
        conn = store_db.connect(read_only_uri(path), key, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # Reading the schema touches every page of it: a truncated file fails here.
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except store_db.database_errors() as exc:
        if store_integrity.no_room_beside(path):  # SQLite says only "disk I/O error" when it cannot make its -shm
            raise disk_full_error() from None
        if key is not None or header_app_id(path) == APPLICATION_ID:  # ours, but damaged: offer the newest good backup
            raise store_integrity.damaged_error(path) from None
        raise NotAStoreError(
            _("{path} is damaged or not a FieldGroup store; restore it from a backup.").format(path=path)
        ) from exc
    if app_id != APPLICATION_ID:
        raise NotAStoreError(_("{path} is a database of another program, not a FieldGroup store.").format(path=path))
    if version > 0 and not {"tombstones", "local_settings"} <= tables:
        raise NotAStoreError(_("{path} is damaged or not a FieldGroup store; restore it from a backup.").format(path=path))
    if version > SCHEMA_VERSION:
        raise NewerStoreError(
            _("{path} was written by a newer version of FieldGroup; install the newer version to open it.").format(path=path)
        )
    return key


def header_app_id(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(72)
    return int.from_bytes(header[68:72], "big") if len(header) == 72 else 0


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full" (also hit at PRAGMA max_page_count) or the OS's ENOSPC."""
    if isinstance(exc, store_db.operational_errors()):
        return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_FULL or "is full" in str(exc)
    return isinstance(exc, OSError) and exc.errno == errno.ENOSPC


def disk_full_error() -> DiskFullError:
    return DiskFullError(_("The disk is full; free some space and try again — nothing was lost."))


def backup_to(conn: sqlite3.Connection, target: Path, key: keys.StoreKey | None = None) -> Path:
    """Write a consistent copy of the open store to `target` through the SQLite backup API.

    With the store's key the copy is encrypted like the store (same key and salt): a backup of an
    encrypted store is never readable without the passphrase."""
    return copy_database(conn, Path(target), key)


def copy_database(source: sqlite3.Connection, target: Path, key: keys.StoreKey | None = None) -> Path:
    """Copy `source` to `target` (temporary file, flush, rename); the copy forgets this laptop.

    A restored or copied store must not write with this laptop's device id, so its 'home' is
    removed and it takes a new id where it is next opened."""
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    private_files.create_private(tmp)
    dest = store_db.connect(tmp, key)
    try:
        source.backup(dest)
        dest.execute("DELETE FROM local_settings WHERE key = 'home'")
        dest.commit()
    except (*store_db.database_errors(), OSError) as exc:
        dest.close()
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full_error() from exc
        raise
    finally:
        dest.close()
    replace_durably(tmp, target)
    return target


def _remove_store_files(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)


class RecordStore:
    """One open store file: the only place that talks SQL to it for writes."""

    def __init__(self, path: Path, conn: sqlite3.Connection, wall: Callable[[], int] = wall_clock_ms, read_only: bool = False,
                 key: keys.StoreKey | None = None):
        self.path = path
        self.conn = conn
        self.key = key  # None: a plain (unencrypted) store
        self.read_only = read_only
        self.lock: StoreLock | None = None
        self.device_id = (self.get_local("device_id") or "") if read_only else self._device_id()
        self.clock = HybridClock(self.device_id, self.get_local("clock"), wall)
        self._saved_clock = self.clock.last()
        self._depth = 0

    # ---- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, create: bool = False, wall: Callable[[], int] = wall_clock_ms, read_only: bool = False,
        passphrase: keys.Passphrase | None = None,
    ) -> RecordStore:
        """Open (or create) the store; a new store with a passphrase is encrypted from its first byte."""
        path = Path(path)
        keys.unlock(passphrase)
        is_new = create and not path.exists()
        if is_new:
            if not path.parent.is_dir():
                raise NotAStoreError(_("The folder {folder} does not exist; choose another place for the store.").format(folder=path.parent))
            key = keys.new_key(passphrase) if passphrase is not None else None
        else:
            try:
                key = refuse_unless_store(path)
            except keys.WrongPassphraseError:
                keys.session.discard(passphrase)  # a mistyped passphrase is not tried on later files
                raise
        if read_only:  # for looking into backups: no lock, no migration, no device id, not a byte written
            conn = store_db.connect(read_only_uri(path, live=True), key, uri=True, check_same_thread=False)
            return cls(path, conn, wall, read_only=True, key=key)
        lock = StoreLock(path).acquire()
        leftovers.clean(path)  # under the lock: this store's own temporary files are nobody's work in progress
        conn = None
        try:
            if is_new:
                private_files.create_private(path)  # SQLite gives its -wal and -shm files the same mode
            # mode=rw: if the file vanished since the check (a folder being cleaned, a stick pulled
            # out), SQLite must fail rather than create an empty store.
            conn = store_db.connect(f"file:{uri_path(path)}?mode=rw", key, uri=True, isolation_level=None,
                                    check_same_thread=False)
            cls._configure(conn)
            if is_new:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                lock.cover_identity()  # the file exists now: lock it by its identity too
            else:
                store_integrity.verify_on_open(conn, path, after_crash=lock.stale is not None, home=_home_marker(path))
            cls._migrate(conn, path, key)
            store = cls(path, conn, wall, key=key)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            lock.release()
            if is_new:
                _remove_store_files(path)
            if isinstance(exc, PermissionError) or (
                    isinstance(exc, store_db.operational_errors()) and ("readonly" in str(exc) or "unable to open" in str(exc))):
                raise read_only_error(path.parent) from exc
            raise
        store.lock = lock
        return store

    @staticmethod
    def _configure(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")

    def _keep_own_stamps(self, device: str) -> None:
        """What this file made under its earlier ids stays in its seen vector. Only the latest previous
        id is remembered as such, so a copy of a copy (a store built under a temporary name, then
        moved) would otherwise export an empty vector, and its bundles would look like nothing new."""
        vector = json.loads(self.get_local("seen_vector") or "{}")
        for old in {device, self.get_local("previous_device_id")} - {None}:
            own = store_sync.newest_stamp_of(self.conn, old)
            if own and own > vector.get(old, ""):
                vector[old] = own
        self.set_local("seen_vector", json.dumps(vector, sort_keys=True))

    @staticmethod
    def _migrate(conn: sqlite3.Connection, path: Path, key: keys.StoreKey | None) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.before-v{version + 1}.{stamp}{path.suffix}.bak")
            backup_to(conn, backup, key)
            log.info("Backed up %s to %s before migrating", path, backup)
        # A step that rebuilds a table others point to (SQLite's 12-step table change) must run with
        # foreign keys off — a pragma that cannot change inside a transaction; they are checked before
        # each step commits, and switched back on whatever happens.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            for step in range(version, SCHEMA_VERSION):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    MIGRATIONS[step](conn)
                    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise sqlite3.IntegrityError(f"migration step {step + 1} left a broken link")
                    conn.execute(f"PRAGMA user_version = {step + 1}")
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                        conn.execute("ROLLBACK")
                    raise
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    def _device_id(self) -> str:
        """This installation's id; a new one when the file was copied, moved or restored from a backup."""
        device = self.get_local("device_id")
        home = _home_marker(self.path)
        if device and self.get_local("home") == home:
            return device
        new_device = secrets.token_hex(8)
        with self._raw_transaction():
            self.set_local("device_id", new_device)
            self.set_local("home", home)
            if device:
                self._keep_own_stamps(device)
                self.set_local("previous_device_id", device)
        if device:
            log.info("Store %s was copied or restored: new device id %s (was %s)", self.path, new_device, device)
        return new_device

    def reopen_around(self, change: Callable[[], Any]) -> Any:
        """Close the connection (keeping the lock), run `change` on the file, open it again with its key.

        For encrypting in place, which replaces the file under the open store."""
        self.conn.close()
        try:
            return change()
        finally:
            self.key = store_db.key_for(self.path)
            self.conn = store_db.connect(f"file:{uri_path(self.path)}?mode=rw", self.key, uri=True,
                                         isolation_level=None, check_same_thread=False)
            self._configure(self.conn)

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.release()

    # ---- transactions --------------------------------------------------------------------------

    @contextmanager
    def _raw_transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if is_disk_full(exc):
                raise disk_full_error() from exc
            raise

    def _rollback(self, savepoint: str | None = None) -> None:
        """Undo, unless SQLite already rolled the whole transaction back (it does on a full disk)."""
        if not self.conn.in_transaction:
            return
        if savepoint:
            self.conn.execute(f"ROLLBACK TO {savepoint}")
            self.conn.execute(f"RELEASE {savepoint}")
        else:
            self.conn.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: nested calls become savepoints; the clock is saved with the outermost commit."""
        if self._depth:
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
                self.conn.execute(f"RELEASE {name}")
            except BaseException:
                self._rollback(name)
                raise
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        # Another connection to this file (a background task) may have stamped changes since we
        # last looked; under the write lock, move past its saved clock so no stamp is issued twice.
        persisted = self.get_local("clock")
        if persisted and persisted > self.clock.last():
            self.clock.observe(persisted)
        clock_before = self.clock.last()
        try:
            yield
            if self.clock.last() != self._saved_clock:
                self.set_local("clock", self.clock.last())
            self.conn.execute("COMMIT")
            self._saved_clock = self.clock.last()
        except BaseException as exc:
            self._rollback()
            # Stamps issued inside a rolled-back transaction were never written; moving the clock
            # back to where it was keeps it monotonic for what did reach the disk.
            self.clock = HybridClock(self.device_id, clock_before, self.clock.wall)
            if is_disk_full(exc):
                raise disk_full_error() from exc
            raise
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: everything read inside sees the store at one moment, whatever
        other connections (a background task) commit meanwhile. Inside a write transaction it
        adds nothing: that already sees one moment."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            self.conn.execute("SELECT 1 FROM local_settings LIMIT 1").fetchall()  # the snapshot starts here
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")  # only reads happened: nothing to undo

    # ---- device-local settings (never stamped) ------------------------------------------------

    def get_local(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM local_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_local(self, key: str, value: str | None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (key, value))

    def delete_local(self, key: str) -> None:
        self.conn.execute("DELETE FROM local_settings WHERE key = ?", (key,))

    # ---- stamped record writes ----------------------------------------------------------------

    def get_row(self, table: str, record_id: str) -> dict[str, Any] | None:
        cursor = self.conn.execute(f"SELECT * FROM {TABLES[table].name} WHERE id = ?", (record_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def tombstone(self, table: str, record_id: str) -> str | None:
        row = self.conn.execute("SELECT stamp FROM tombstones WHERE tbl = ? AND id = ?", (table, record_id)).fetchone()
        return row[0] if row else None

    def insert(self, table: str, record_id: str, values: dict[str, Any]) -> str:
        """Create a record; every field carries the creation stamp. Returns the stamp."""
        spec = TABLES[table]
        if self.tombstone(table, record_id):
            if spec.pair is None:
                raise NotFoundError(_("That {kind} was deleted and cannot be restored.").format(kind=spec.label))
            # A pair (this person at this meeting) may be added again after removal: the new
            # creation stamp is newer than the tombstone, which is what sync compares.
            self.conn.execute("DELETE FROM tombstones WHERE tbl = ? AND id = ?", (table, record_id))
        stamp = self.clock.now()
        names = spec.field_names
        placeholders = ", ".join("?" * (len(names) + 3))
        self.conn.execute(
            f"INSERT INTO {table} (id, {', '.join(names)}, _stamps, _ver) VALUES ({placeholders})",
            (record_id, *[values.get(n) for n in names], json.dumps({"*": stamp}), stamp),
        )
        return stamp

    def update(self, table: str, record_id: str, changes: dict[str, Any]) -> str | None:
        """Change fields whose value differs; each changed field gets one new stamp. None if nothing changed."""
        row = self.get_row(table, record_id)
        if row is None:
            raise NotFoundError(_("That {kind} no longer exists; it may have been deleted.").format(kind=TABLES[table].label))
        changed = {name: value for name, value in changes.items() if row[name] != value}
        if not changed:
            return None
        stamp = self.clock.now()
        stamps = json.loads(row["_stamps"])
        stamps.update({name: stamp for name in changed})
        assignments = ", ".join(f"{name} = ?" for name in changed)
        self.conn.execute(
            f"UPDATE {table} SET {assignments}, _stamps = ?, _ver = ? WHERE id = ?",
            (*changed.values(), json.dumps(stamps), stamp, record_id),
        )
        return stamp

    def delete(self, table: str, record_id: str) -> str:
        """Remove a record and leave a tombstone so that no older bundle can bring it back."""
        cursor = self.conn.execute(f"DELETE FROM {TABLES[table].name} WHERE id = ?", (record_id,))
        if cursor.rowcount == 0:
            raise NotFoundError(_("That {kind} no longer exists; it may have been deleted.").format(kind=TABLES[table].label))
        stamp = self.clock.now()
        self.conn.execute(
            "INSERT OR REPLACE INTO tombstones (tbl, id, stamp) VALUES (?, ?, ?)", (table, record_id, stamp)
        )
        return stamp

    def exists(self, table: str, record_id: str) -> bool:
        return self.conn.execute(f"SELECT 1 FROM {TABLES[table].name} WHERE id = ?", (record_id,)).fetchone() is not None

