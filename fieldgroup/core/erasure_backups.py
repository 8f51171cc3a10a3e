"""Rewrite each backup on this laptop without the people erased since: same set of backups, no trace left.

Backups written elsewhere (`fieldgroup backup --out`, a USB stick) are remembered on this laptop and
rewritten too when they can be reached; those that cannot (the stick is gone, the file is read-only)
are kept in a list, with why, until a later erasure or protection check reaches them — the user is
told which files still hold the name and what to do."""

from __future__ import annotations

import errno
import json
import logging
from pathlib import Path
from typing import Any

from fieldgroup.core import erasure, store_db, store_protect
from fieldgroup.core.name_match import NameMatcher

log = logging.getLogger(__name__)


def rewrite_backups(store: Any) -> erasure.ErasureReport:
    """Every backup of the store (rotating, by hand, before imports and upgrades), rewritten in place."""
    from fieldgroup.core.backups import list_backups

    report = erasure.ErasureReport()
    erased = store_protect.rows_of(store.conn, "erasures")
    if not erased:
        return report
    paths = [str(info.path) for info in list_backups(store.path)]
    paths += [p for p in copies(store) if p not in paths]
    for path in paths:
        why = _rewrite_or_why(store, Path(path), erased)
        if why is None:
            report.rewritten.append(path)
        else:
            report.not_rewritten.append(path)
            report.why[path] = why
    _set_json(store, UNREACHED_KEY, {p: report.why[p] for p in report.not_rewritten})
    return report


# Device-local settings: backups made elsewhere, and those an erasure could not rewrite (path -> why).
COPIES_KEY = "backup_copies_elsewhere"
UNREACHED_KEY = "erasure_unreached_backups"
MISSING, READ_ONLY, UNREADABLE = "missing", "read_only", "unreadable"


def remember_copy(store: Any, path: Path | str) -> None:
    """A backup written outside the backup folder: an erasure must try to reach it too."""
    if getattr(store, "read_only", False):
        return
    known = copies(store)
    path = str(Path(path).resolve())
    if path not in known:
        with store.transaction():
            _write_json(store, COPIES_KEY, [*known, path])


def copies(store: Any) -> list[str]:
    return list(_get_json(store, COPIES_KEY, []))


def unreached(store: Any) -> dict[str, str]:
    """Backups that still hold an erased person's name (path -> missing / read_only / unreadable)."""
    return dict(_get_json(store, UNREACHED_KEY, {}))


def _rewrite_or_why(store: Any, path: Path, erased: list[tuple]) -> str | None:
    if not path.exists():
        return MISSING
    try:
        if not _writable(path):
            return READ_ONLY
        rewrite_one(store, path, erased)
        return None
    except (*store_db.database_errors(), OSError) as exc:
        log.warning("Could not rewrite backup %s: %s", path, exc)
        read_only = isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
        return READ_ONLY if read_only or "readonly" in str(exc).replace("-", "").replace(" ", "").lower() else UNREADABLE


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _get_json(store: Any, key: str, default: Any) -> Any:
    try:
        return json.loads(store.records.get_local(key) or "null") or default
    except ValueError:
        return default


def _set_json(store: Any, key: str, value: Any) -> None:
    if getattr(store, "read_only", False):
        return
    with store.transaction():
        _write_json(store, key, value)


def _write_json(store: Any, key: str, value: Any) -> None:
    store.records.set_local(key, json.dumps(value) if value else None)


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
            if row is not None:  # the backup still knows their name, e-mail and phone as they were then
                people.append(erasure.as_protected(person_id, row, pillar))
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


def advice(path: str, why: str) -> str:
    """One sentence: which file still holds an erased name, and what to do about it."""
    from fieldgroup.i18n import _

    if why == MISSING:
        return _("{path} was not found (a USB stick that is not plugged in?): plug it in and run the protection "
                 "check again, or delete that file wherever it is.").format(path=path)
    if why == READ_ONLY:
        return _("{path} is read-only: make it writable and run the protection check again, or delete it.").format(
            path=path)
    return _("{path} could not be opened: delete it.").format(path=path)
