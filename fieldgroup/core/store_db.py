"""The one place that creates database connections: plain SQLite, or SQLCipher with a raw key."""

from __future__ import annotations

import os
import sqlite3
import sys
import urllib.parse
from pathlib import Path
from typing import Any

from fieldgroup.core import keys
from fieldgroup.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
CIPHER_PAGE = 4096  # SQLCipher 4's page size: an encrypted store is a whole number of these
ENCRYPTED_CACHE_KIB = 32 * 1024


def database_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's DatabaseError and, once SQLCipher is loaded, its own (they share no base class).

    Used as `except database_errors():` — evaluated only when an exception arrives, so plain
    stores never import SQLCipher."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.DatabaseError,) if cipher is None else (sqlite3.DatabaseError, cipher.DatabaseError)


def operational_errors() -> tuple[type[BaseException], ...]:
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.OperationalError,) if cipher is None else (sqlite3.OperationalError, cipher.OperationalError)


def uri_path(path: Path) -> str:
    """The path as SQLite's file: URIs want it: '?', '#' and '%' in folder names are percent-encoded."""
    return urllib.parse.quote(path.resolve().as_posix())


def read_only_uri(path: Path, *, live: bool = False) -> str:
    """A URI that reads without writing a byte of the file.

    A file nothing writes (a backup, a file being identified) without a -wal beside it opens as
    immutable, so that not even a -wal/-shm file is created. A `live` store, which the app may be
    writing at this moment, opens with mode=ro, which sees the app's commits through the WAL
    (SQLite may leave empty -wal/-shm files beside it); only in a folder nobody can write to,
    where no one can be writing either, does it fall back to immutable."""
    has_wal = path.with_name(path.name + "-wal").exists()
    if has_wal or (live and os.access(path.parent, os.W_OK)):
        return f"file:{uri_path(path)}?mode=ro"
    return f"file:{uri_path(path)}?mode=ro&immutable=1"


def read_header(path: Path, size: int = 100) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def is_plain(path: Path) -> bool:
    return read_header(path, len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """Not plain SQLite, and shaped like an SQLCipher file (whole pages, first 16 bytes its salt)."""
    size = path.stat().st_size
    return not is_plain(path) and size >= CIPHER_PAGE and size % CIPHER_PAGE == 0


def is_encrypted_store(path: Path | str) -> bool:
    """True when the file at `path` looks like an encrypted store (it needs the group passphrase)."""
    path = Path(path)
    return path.is_file() and looks_encrypted(path)


def file_salt(path: Path) -> bytes:
    return read_header(path, keys.SALT_BYTES)


def connect(target: str | Path, key: keys.StoreKey | None = None, *, uri: bool = False, cipher: bool = False,
            **options: Any) -> Any:
    """Every connection to a store file, backup or export is made here.

    Without a key: the standard library's sqlite3 (plain files). With one: SQLCipher, told the raw
    key so that it runs no KDF, with its own error log silenced (it would write "hmac check failed"
    lines to stderr, which the command line promises to keep to one sentence). `cipher` opens a
    plain file through SQLCipher all the same (to export it into an encrypted one)."""
    if key is None and not cipher:
        return sqlite3.connect(target, uri=uri, **options)
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(target), uri=uri, **options)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is None:
            return conn
        conn.execute(f"PRAGMA key = {key.pragma()}")
        # A plain store's pages are re-read from the OS cache for a memcpy; an encrypted one's must be
        # decrypted and checked again each time. A 32 MiB page cache (SQLite's default is 2 MiB) keeps
        # them decrypted: measured on the stress store, a full import went from ~45 s to ~18 s.
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


def opens_with(path: Path, key: keys.StoreKey) -> bool:
    """True when `key` decrypts the file's first page (read-only, nothing written)."""
    try:
        conn = connect(read_only_uri(path), key, uri=True)
    except database_errors():
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except database_errors():
        return False
    finally:
        conn.close()


def key_for(path: Path) -> keys.StoreKey | None:
    """The key that opens `path`: None for a plain file; raises when no passphrase of this run opens it."""
    if not looks_encrypted(path):
        return None
    salt = file_salt(path)
    tried = False
    for key, passphrase in keys.session.candidates(salt):
        tried = True
        if opens_with(path, key):
            keys.session.remember(key, passphrase)
            return key
    if not tried:
        raise keys.LockedStoreError(
            _("{name} is encrypted; give the group passphrase to open it.").format(name=path.name))
    raise keys.WrongPassphraseError(
        _("The passphrase does not open {name}; check it and try again (nothing was changed).").format(name=path.name))
