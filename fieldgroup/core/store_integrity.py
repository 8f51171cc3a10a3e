"""The integrity check on open: cheap every time, SQLite's quick_check when it is worth its cost."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from fieldgroup.core import store_db
from fieldgroup.core.errors import DamagedStoreError
from fieldgroup.i18n import _, ngettext

log = logging.getLogger(__name__)

# quick_check reads every page: ~0.1 s warm and ~1 s from a cold disk cache on the 72 MB stress
# store, ~10 ms on a 5 MB realistic one. Below this size it runs on every open; above it, when the
# previous session ended without closing, when the file is new to this laptop, or once a week.
ALWAYS_CHECK_BELOW_BYTES = 16 * 1024 * 1024
CHECK_EVERY = timedelta(days=7)
CHECKED_KEY = "integrity_checked"


def truncated(path: Path) -> bool:
    """True when the header promises more pages than the file holds (a copy cut short)."""
    if path.with_name(path.name + "-wal").exists():
        return False  # pages may legitimately live in the WAL
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100:
        return True
    if header[:16] != store_db.SQLITE_HEADER:  # encrypted: its header is sealed, but it is made of whole pages
        return path.stat().st_size % store_db.CIPHER_PAGE != 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]  # the in-header size is only valid then
    return header_valid and pages * page_size > path.stat().st_size


def quick_problems(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check (structure, not index contents): an empty list for a sound file."""
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    except store_db.database_errors() as exc:
        return [str(exc)]


def _due(conn: sqlite3.Connection, path: Path, after_crash: bool, home: str, today: date) -> bool:
    if after_crash or path.stat().st_size < ALWAYS_CHECK_BELOW_BYTES:
        return True
    try:
        row = conn.execute("SELECT value FROM local_settings WHERE key = ?", (CHECKED_KEY,)).fetchone()
        stored_home = conn.execute("SELECT value FROM local_settings WHERE key = 'home'").fetchone()
    except store_db.database_errors():
        return True
    if row is None or stored_home is None or stored_home[0] != home:  # never checked, or copied/restored
        return True
    try:
        return today - date.fromisoformat(row[0]) >= CHECK_EVERY
    except ValueError:
        return True


def no_room_beside(path: Path) -> bool:
    """True when the store's folder has no room left: a failure to open is then the full disk, not damage."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def damaged_error(path: Path) -> DamagedStoreError:
    """The sentence for a damaged store, offering the newest backup that opens soundly."""
    from fieldgroup.core.backups import newest_good_backup  # backups build on the store module

    backup = newest_good_backup(path)
    if backup is None:
        error = DamagedStoreError(
            _("{name} is damaged, so FieldGroup did not change it; restore a copy of it or ask for support.").format(name=path.name)
        )
    else:
        error = DamagedStoreError(
            _("{name} is damaged, so FieldGroup did not change it; restore the newest good backup, from {when} (Help ▸ Restore from backup).")
            .format(name=path.name, when=backup.label)
        )
    error.store_path = path
    error.backup = backup
    return error


def verify_on_open(
    conn: sqlite3.Connection, path: Path, *, after_crash: bool, home: str, today: date | None = None
) -> None:
    """Raise DamagedStoreError before anything is written to a store that fails its check."""
    today = today or date.today()
    if truncated(path):
        log.warning("Store file is shorter than its header says; refusing to write to it")
        raise damaged_error(path)
    if not _due(conn, path, after_crash, home, today):
        return
    problems = quick_problems(conn)
    if problems:
        log.warning("Store failed quick_check (%d problems); refusing to write to it", len(problems))
        raise damaged_error(path)
    if conn.execute("PRAGMA user_version").fetchone()[0] > 0:
        _note_checked(conn, today)


def _note_checked(conn: sqlite3.Connection, today: date) -> None:
    # Only bookkeeping: a store on a full disk must still open, so a failed write here is let go.
    try:
        row = conn.execute("SELECT value FROM local_settings WHERE key = ?", (CHECKED_KEY,)).fetchone()
        if row is None or row[0] != today.isoformat():
            conn.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (CHECKED_KEY, today.isoformat()))
    except store_db.operational_errors() as exc:
        log.warning("Could not note the integrity check date: %s", exc)


def row_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Stored rows that break the rules every bundle is checked by (a store poisoned before those
    checks existed says so here): values, ids and stamps; at most `limit` named, then a count."""
    from fieldgroup.core import row_check
    from fieldgroup.core.schema import TABLE_ORDER, TABLES

    found: list[str] = []
    extra = 0
    for name in TABLE_ORDER:
        columns = ", ".join(("id", *TABLES[name].field_names, "_stamps", "_ver"))
        for row in conn.execute(f"SELECT {columns} FROM {name}"):
            try:
                row_check.check_row(name, list(row))
            except row_check.RowProblem as problem:
                if len(found) < limit:
                    found.append(_("{kind} {id}: {problem}").format(
                        kind=str(TABLES[name].label), id=row_check.excerpt(row[0]), problem=problem))
                else:
                    extra += 1
    for tbl, record_id, stamp in conn.execute("SELECT tbl, id, stamp FROM tombstones"):
        if tbl not in TABLES or not row_check.valid_stamp(stamp):
            found.append(_("deletion record {id}: its stamp is not valid").format(id=row_check.excerpt(record_id)))
    if extra:
        found.append(ngettext("and {n} more record breaks the rules", "and {n} more records break the rules", extra)
                     .format(n=extra))
    return found
