"""Rewrite each backup on this laptop without the people erased since: same set of backups, no trace left."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fieldgroup.core import erasure, store_db, store_protect
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson

log = logging.getLogger(__name__)


def rewrite_backups(store: Any) -> erasure.ErasureReport:
    """Every backup of the store (rotating, by hand, before imports and upgrades), rewritten in place."""
    from fieldgroup.core.backups import list_backups

    report = erasure.ErasureReport()
    erased = store_protect.rows_of(store.conn, "erasures")
    if not erased:
        return report
    for info in list_backups(store.path):
        try:
            rewrite_one(store, info.path, erased)
            report.rewritten.append(str(info.path))
        except (*store_db.database_errors(), OSError) as exc:
            log.warning("Could not rewrite backup %s: %s", info.path, exc)
            report.not_rewritten.append(str(info.path))
    return report


def rewrite_one(store: Any, path: Path, erased: list[tuple]) -> None:
    """Remove the erased people from one backup file and scrub its text, in place, all or nothing.

    Opened with the store's key (a backup of an encrypted store is encrypted the same way); then
    vacuumed with secure_delete on, so that no old page of it keeps the name."""
    conn = store_protect.open_copy(str(path), store.records.key)
    try:
        store_protect.begin(conn)
        pillars = {row[0]: row[2] for row in erased}
        people = []
        for person_id, pillar in pillars.items():
            row = store_protect.person_for_erasure(conn, person_id)
            if row is not None:  # the backup still knows their name as it was then
                people.append(ProtectedPerson(person_id, row[0], row[1], pillar))
            attendance = [r[0] for r in store_protect.rows_of(conn, "attendance") if r[2] == person_id]
            store_protect.delete_person_rows(conn, person_id, store_protect.tombstones_for(store.conn, [person_id, *attendance]))
        for table in ("group_secrets", "erasures"):
            store_protect.copy_rows(conn, table, store_protect.full_rows(
                store.conn, table, [r[0] for r in store_protect.rows_of(store.conn, table)]))
        replace = erasure.replacer(pillars, NameMatcher(people) if people else None, erasure.scanner(store.conn))
        erasure.scrub_records(conn, replace, lambda t, i, c: store_protect.set_text_unstamped(conn, t, i, c))
        erasure.scrub_local(conn, replace)
        store_protect.commit(conn)
        store_protect.wipe_free_space(conn)
    except BaseException:
        store_protect.rollback(conn)
        raise
    finally:
        conn.close()
