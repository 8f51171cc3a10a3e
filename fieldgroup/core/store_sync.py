"""SQL for sync: rows and tombstones as they travel in bundles, merged writes, conflicts, history, peers."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from fieldgroup.core.schema import TABLE_ORDER, TABLES


def export_rows(conn: sqlite3.Connection, table: str, since: str | None = None) -> Iterator[tuple]:
    """(id, field values..., stamps JSON, newest stamp) of every row, or of rows changed after `since`."""
    columns = ", ".join(("id", *TABLES[table].field_names, "_stamps", "_ver"))
    if since is None:
        yield from conn.execute(f"SELECT {columns} FROM {table} ORDER BY id")
    else:
        yield from conn.execute(f"SELECT {columns} FROM {table} WHERE _ver > ? ORDER BY id", (since,))


def export_tombstones(conn: sqlite3.Connection, since: str | None = None) -> list[tuple[str, str, str]]:
    if since is None:
        return conn.execute("SELECT tbl, id, stamp FROM tombstones ORDER BY tbl, id").fetchall()
    return conn.execute("SELECT tbl, id, stamp FROM tombstones WHERE stamp > ? ORDER BY tbl, id", (since,)).fetchall()


def export_merges(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(table, duplicate id, id it was merged into, stamp) of every merge of duplicates this store knows."""
    return conn.execute("SELECT tbl, duplicate, keep, stamp FROM merges ORDER BY tbl, duplicate, stamp").fetchall()


def merges_of(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, str]]:
    """(duplicate, keep, stamp) of the merges of one table."""
    return conn.execute("SELECT duplicate, keep, stamp FROM merges WHERE tbl = ?", (table,)).fetchall()


def add_merges(conn: sqlite3.Connection, merges: Iterable[tuple[str, str, str, str]]) -> None:
    conn.executemany("INSERT OR IGNORE INTO merges (tbl, duplicate, keep, stamp) VALUES (?, ?, ?, ?)", merges)


def record_merge(conn: sqlite3.Connection, table: str, duplicate: str, keep: str) -> None:
    """A merge of duplicates just made: `duplicate` (deleted, with its tombstone's stamp) lives on as `keep`."""
    conn.execute("INSERT OR IGNORE INTO merges (tbl, duplicate, keep, stamp)"
                 " SELECT tbl, id, ?, stamp FROM tombstones WHERE tbl = ? AND id = ?", (keep, table, duplicate))


def newest_stamp(conn: sqlite3.Connection) -> str | None:
    """The newest stamp of any record or tombstone in the store."""
    candidates = [conn.execute(f"SELECT MAX(_ver) FROM {t}").fetchone()[0] for t in TABLE_ORDER]
    candidates.append(conn.execute("SELECT MAX(stamp) FROM tombstones").fetchone()[0])
    return max((c for c in candidates if c), default=None)


def newest_stamp_of(conn: sqlite3.Connection, device: str) -> str | None:
    """The newest row or tombstone stamp made by `device` that is still the newest of its row.

    It may miss an older stamp of `device` hidden under a later change of the same row: used for a
    version vector, that only ever claims less than the store has, which is safe."""
    candidates = [conn.execute(f"SELECT MAX(_ver) FROM {t} WHERE substr(_ver, 19) = ?", (device,)).fetchone()[0]
                  for t in TABLE_ORDER]
    candidates.append(conn.execute("SELECT MAX(stamp) FROM tombstones WHERE substr(stamp, 19) = ?",
                                   (device,)).fetchone()[0])
    return max((c for c in candidates if c), default=None)


def table_is_empty(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {TABLES[table].name} LIMIT 1").fetchone() is None


def tombstones_of(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return dict(conn.execute("SELECT id, stamp FROM tombstones WHERE tbl = ?", (table,)))


def has_tombstones(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM tombstones LIMIT 1").fetchone() is not None


def rows_by_id(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> dict[str, tuple]:
    """Local rows (id, values..., stamps JSON) for the given ids, fetched in chunks."""
    columns = ", ".join(("id", *TABLES[table].field_names, "_stamps"))
    found: dict[str, tuple] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT {columns} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})"
        for row in conn.execute(sql, chunk):
            found[row[0]] = row
    return found


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[tuple]) -> None:
    """Insert (id, values..., stamps JSON, newest stamp) rows as they are: the bulk path of an import."""
    names = TABLES[table].field_names
    placeholders = ", ".join("?" * (len(names) + 3))
    conn.executemany(
        f"INSERT INTO {table} (id, {', '.join(names)}, _stamps, _ver) VALUES ({placeholders})", rows
    )


def replace_row(conn: sqlite3.Connection, table: str, row: tuple) -> None:
    """Write a merged row (id, values..., stamps JSON, newest stamp), replacing the local one."""
    names = TABLES[table].field_names
    assignments = ", ".join(f"{n} = ?" for n in (*names, "_stamps", "_ver"))
    cursor = conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*row[1:], row[0]))
    if cursor.rowcount == 0:
        insert_rows(conn, table, [row])


def delete_row(conn: sqlite3.Connection, table: str, record_id: str) -> None:
    conn.execute(f"DELETE FROM {TABLES[table].name} WHERE id = ?", (record_id,))


def set_tombstone(conn: sqlite3.Connection, table: str, record_id: str, stamp: str) -> None:
    conn.execute("INSERT OR REPLACE INTO tombstones (tbl, id, stamp) VALUES (?, ?, ?)", (table, record_id, stamp))


def drop_tombstone(conn: sqlite3.Connection, table: str, record_id: str) -> None:
    conn.execute("DELETE FROM tombstones WHERE tbl = ? AND id = ?", (table, record_id))


def orphans(conn: sqlite3.Connection, table: str, column: str) -> list[tuple[str, str, str | None]]:
    """(row id, missing parent id, parent's tombstone stamp or None) for rows whose `column` points nowhere."""
    parent = TABLES[table].field(column).references
    return conn.execute(
        f"SELECT c.id, c.{column}, t.stamp FROM {table} c"
        f" LEFT JOIN {parent} p ON p.id = c.{column}"
        f" LEFT JOIN tombstones t ON t.tbl = ? AND t.id = c.{column}"
        f" WHERE c.{column} IS NOT NULL AND p.id IS NULL",
        (parent,),
    ).fetchall()


def add_conflict(conn: sqlite3.Connection, table: str, record_id: str, field: str, kept: tuple[Any, str | None],
                 lost: tuple[Any, str], detected_at: str, kind: str = "field") -> None:
    conn.execute(
        "INSERT INTO conflicts (tbl, record_id, field, kept_value, kept_stamp, lost_value, lost_stamp, detected_at,"
        " kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (table, record_id, field, json.dumps(kept[0], ensure_ascii=False), kept[1],
         json.dumps(lost[0], ensure_ascii=False), lost[1], detected_at, kind),
    )


def open_conflicts(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT id, tbl, record_id, field, kept_value, kept_stamp, lost_value, lost_stamp, detected_at, kind"
        " FROM conflicts WHERE resolved_at IS NULL ORDER BY id"
    ).fetchall()


def conflict_by_id(conn: sqlite3.Connection, conflict_id: int) -> tuple | None:
    return conn.execute(
        "SELECT id, tbl, record_id, field, kept_value, kept_stamp, lost_value, lost_stamp, detected_at, kind"
        " FROM conflicts WHERE id = ?", (conflict_id,)
    ).fetchone()


def resolve_conflict(conn: sqlite3.Connection, conflict_id: int, resolution: str, when: str) -> None:
    conn.execute("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?", (when, resolution, conflict_id))


def forget_conflicts_of(conn: sqlite3.Connection, table: str, record_id: str) -> None:
    """Erasure: no losing value of a deleted person may linger in the conflicts table."""
    conn.execute("DELETE FROM conflicts WHERE tbl = ? AND record_id = ?", (table, record_id))


def add_import_history(conn: sqlite3.Connection, bundle_id: str, file_name: str, sender: str,
                       when: str, counts: dict[str, Any], note: str = "") -> None:
    conn.execute(
        "INSERT INTO import_history (bundle_id, file_name, sender_device, imported_at, counts, note)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (bundle_id, file_name, sender, when, json.dumps(counts), note),
    )


def import_history(conn: sqlite3.Connection, limit: int = 200) -> list[tuple]:
    return conn.execute(
        "SELECT bundle_id, file_name, sender_device, imported_at, counts, note FROM import_history"
        " ORDER BY id DESC LIMIT ?", (limit,)
    ).fetchall()


def peer(conn: sqlite3.Connection, device: str) -> tuple | None:
    return conn.execute("SELECT device, name, vector, last_seen FROM peers WHERE device = ?", (device,)).fetchone()


def peers(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT device, name, vector, last_seen FROM peers ORDER BY last_seen DESC").fetchall()


def save_peer(conn: sqlite3.Connection, device: str, name: str | None, vector: dict[str, str], when: str) -> None:
    conn.execute(
        "INSERT INTO peers (device, name, vector, last_seen) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(device) DO UPDATE SET name = COALESCE(excluded.name, name), vector = excluded.vector,"
        " last_seen = excluded.last_seen",
        (device, name, json.dumps(vector, sort_keys=True), when),
    )


def top_level_groups(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, name, creation stamps JSON) of groups without a parent."""
    return conn.execute("SELECT id, name, _stamps FROM groups WHERE parent_id IS NULL").fetchall()


def folder_files(conn: sqlite3.Connection) -> dict[str, tuple[str, str, str | None, str | None, str]]:
    """File name -> (sha256, outcome, reason, device, when) of what folder sync did with each file."""
    return {row[0]: row[1:] for row in conn.execute(
        "SELECT file_name, sha256, outcome, reason, device, at FROM folder_files")}


def save_folder_file(conn: sqlite3.Connection, file_name: str, sha256: str, outcome: str, reason: str | None,
                     device: str | None, when: str) -> None:
    conn.execute("INSERT OR REPLACE INTO folder_files (file_name, sha256, outcome, reason, device, at)"
                 " VALUES (?, ?, ?, ?, ?, ?)", (file_name, sha256, outcome, reason, device, when))


def travelling_rows_by_id(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> list[list]:
    """Rows as they travel (id, values..., stamps JSON, newest stamp) for the given ids, by id."""
    columns = ", ".join(("id", *TABLES[table].field_names, "_stamps", "_ver"))
    ids = sorted(ids)
    found: list[list] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += [list(row) for row in conn.execute(
            f"SELECT {columns} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))}) ORDER BY id", chunk)]
    return found


def known_ids(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> set[str]:
    """Those of `ids` this store holds in `table`, as a record or as a tombstone (a deleted record)."""
    found: set[str] = set()
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT id FROM {TABLES[table].name} WHERE id IN ({marks})", chunk))
        found.update(r[0] for r in conn.execute(
            f"SELECT id FROM tombstones WHERE tbl = ? AND id IN ({marks})", (table, *chunk)))
    return found
