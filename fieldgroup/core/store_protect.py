"""SQL for protection: who can be mentioned, free text of every table, and wiping what erasure leaves behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from fieldgroup.core.schema import TABLES


def directory_rows(conn: sqlite3.Connection) -> list[tuple]:
    """(id, name, pillar, protected, email, phone) of every person."""
    return [(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in conn.execute(
        "SELECT p.id, p.name, o.pillar, p.protected, p.email, p.phone FROM people p"
        " LEFT JOIN organisations o ON o.id = p.organisation_id")]


def protected_people_groups(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """(person id, group id) of every protected person."""
    return conn.execute("SELECT p.id, o.group_id FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id"
                        " WHERE p.protected").fetchall()


def person_for_erasure(conn: sqlite3.Connection, person_id: str) -> tuple | None:
    """(name, email, pillar, group id, phone) of a person, or None."""
    return conn.execute(
        "SELECT p.name, p.email, o.pillar, o.group_id, p.phone FROM people p"
        " LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?", (person_id,)).fetchone()


def text_rows(conn: sqlite3.Connection, table: str, fields: tuple[str, ...], with_ver: bool = False) -> Iterator[tuple]:
    """(id, values...) of every row of a record table that has text in one of `fields`; (id, _ver,
    values...) when `with_ver`."""
    spec = TABLES[table]
    for name in fields:
        spec.field(name)  # only declared columns may be named
    where = " OR ".join(f"{name} IS NOT NULL AND {name} != ''" for name in fields)
    ver = "_ver, " if with_ver else ""
    yield from conn.execute(f"SELECT id, {ver}{', '.join(fields)} FROM {table} WHERE {where}")


def text_rows_since(conn: sqlite3.Connection, table: str, fields: tuple[str, ...], since: str,
                    ids: Iterable[str] = ()) -> Iterator[tuple]:
    """(id, values...) of the rows of `table` with text in `fields` changed after the stamp
    `since` (through the `_ver` index), or whose id is in `ids`."""
    spec = TABLES[table]
    for name in fields:
        spec.field(name)
    ids = list(ids)
    where = " OR ".join(f"{name} IS NOT NULL AND {name} != ''" for name in fields)
    columns = f"id, {', '.join(fields)}"
    yield from conn.execute(f"SELECT {columns} FROM {table} WHERE _ver > ? AND ({where})", (since,))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        yield from conn.execute(f"SELECT {columns} FROM {table} WHERE _ver <= ? AND id IN ({', '.join('?' * len(chunk))})"
                                f" AND ({where})", (since, *chunk))


def protected_facts(conn: sqlite3.Connection) -> list[tuple]:
    """(id, name, email, phone) of every protected person: what the typed-name matcher knows of them."""
    return conn.execute("SELECT id, name, email, phone FROM people WHERE protected ORDER BY id").fetchall()


def set_text_unstamped(conn: sqlite3.Connection, table: str, record_id: str, changes: dict[str, Any]) -> None:
    """Write scrubbed text into a backup copy (its stamps stay; the live store carries the newer ones)."""
    for name in changes:
        TABLES[table].field(name)
    assignments = ", ".join(f"{name} = ?" for name in changes)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*changes.values(), record_id))


# ---- tables that never sync: conflicts, import history, settings, drafts, search index ----------

_INTERNAL = ("sqlite_", "tombstones", "peers")
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def local_text_columns(conn: sqlite3.Connection) -> list[tuple[str, list[str], bool]]:
    """(table, its text columns, is an FTS table) of every table that is not a synced record table.

    Found from the file itself, so a device-local table added later (drafts, a search index) is
    scrubbed without anyone remembering to list it."""
    found = []
    fts = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts%'")}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if name in TABLES or name.startswith(_INTERNAL) or any(name == f + s for f in fts for s in _FTS_SHADOWS):
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')
                   if name in fts or (r[2] or "").upper() in ("TEXT", "", "BLOB") and r[1] not in ("id", "rowid")]
        if columns:
            found.append((name, columns, name in fts))
    return found


def local_rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    """(rowid, values...) of a device-local table."""
    names = ", ".join(f'"{c}"' for c in columns)
    yield from conn.execute(f'SELECT rowid, {names} FROM "{table}"')


def set_local_row(conn: sqlite3.Connection, table: str, rowid: int, changes: dict[str, Any]) -> None:
    assignments = ", ".join(f'"{c}" = ?' for c in changes)
    conn.execute(f'UPDATE "{table}" SET {assignments} WHERE rowid = ?', (*changes.values(), rowid))


def rebuild_fts(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild a full-text index from its (scrubbed) content, so no old term lingers in it."""
    try:
        conn.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
    except sqlite3.DatabaseError:
        pass  # a contentless index cannot be rebuilt; its rows were rewritten above


def is_external_fts(conn: sqlite3.Connection, table: str) -> bool:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return bool(row and "content=" in (row[0] or "").replace(" ", "").lower() and "content=''" not in row[0].replace(" ", ""))


# ---- the erased person's own traces ---------------------------------------------------------------

def delete_person_rows(conn: sqlite3.Connection, person_id: str, tombstones: Iterable[tuple[str, str, str]]) -> None:
    """In a backup copy: remove the person, their attendance and dismissals; copy the live tombstones."""
    conn.execute("DELETE FROM attendance WHERE person_id = ?", (person_id,))
    conn.execute("UPDATE action_items SET owner_person_id = NULL WHERE owner_person_id = ?", (person_id,))
    conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
    if _has_table(conn, "name_dismissals"):
        conn.execute("DELETE FROM name_dismissals WHERE person_id = ?", (person_id,))
    conn.execute("DELETE FROM conflicts WHERE tbl = 'people' AND record_id = ?", (person_id,))
    conn.executemany("INSERT OR REPLACE INTO tombstones (tbl, id, stamp) VALUES (?, ?, ?)", list(tombstones))


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def tombstones_for(conn: sqlite3.Connection, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    ids = list(ids)
    if not ids:
        return []
    return conn.execute(f"SELECT tbl, id, stamp FROM tombstones WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()


def copy_rows(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    """Copy record rows (id, values..., _stamps, _ver) into a backup that may lack them."""
    if not rows or not _has_table(conn, table):
        return
    names = ", ".join(("id", *TABLES[table].field_names, "_stamps", "_ver"))
    conn.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({', '.join('?' * (len(rows[0])))})", rows)


def full_rows(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> list[tuple]:
    ids = list(ids)
    if not ids:
        return []
    names = ", ".join(("id", *TABLES[table].field_names, "_stamps", "_ver"))
    return conn.execute(f"SELECT {names} FROM {table} WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()


def secure_delete_on(conn: sqlite3.Connection) -> None:
    """From now on SQLite overwrites deleted content with zeros instead of leaving it in free pages."""
    conn.execute("PRAGMA secure_delete = ON")


def wipe_free_space(conn: sqlite3.Connection) -> bool:
    """Rewrite the file without free pages and empty the WAL, so no old page of text survives in either.

    False when another connection kept the file busy: the caller tries again later."""
    from fieldgroup.core import store_db

    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except store_db.database_errors():
        return False
    return not busy


def open_copy(path: str, key: Any = None) -> Any:
    """A connection to a backup copy, to rewrite it (never a live store); `key` for an encrypted one."""
    from fieldgroup.core import store_db

    conn = store_db.connect(path, key, isolation_level=None)
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def begin(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")


def commit(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


def rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def rows_of(conn: sqlite3.Connection, table: str) -> list[tuple]:
    """Every row (id, values...) of a synced table, if the file has it."""
    if not _has_table(conn, table):
        return []
    return conn.execute(f"SELECT id, {', '.join(TABLES[table].field_names)} FROM {table}").fetchall()
