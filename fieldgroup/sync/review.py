"""What the Sync page shows: conflicts to review (and keeping one side), import history, peers, passphrase."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core import store_sync as sql
from fieldgroup.core.hlc import stamp_device, stamp_ms
from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import _


@dataclass(frozen=True, slots=True)
class Conflict:
    """One field changed on two laptops without either seeing the other; or an edit lost to a delete."""

    id: int
    table: str
    record_id: str
    field: str
    kept_value: Any
    kept_device: str | None
    kept_at: datetime | None
    lost_value: Any
    lost_device: str
    lost_at: datetime
    record_deleted: bool

    @property
    def field_label(self) -> str:
        return str(TABLES[self.table].field(self.field).label)

    @property
    def kind_label(self) -> str:
        return str(TABLES[self.table].label)


def _when(stamp: str | None) -> datetime | None:
    return datetime.fromtimestamp(stamp_ms(stamp) / 1000, tz=UTC) if stamp else None


def open_conflicts(store: Store) -> list[Conflict]:
    result = []
    for cid, table, record_id, field, kept, kept_stamp, lost, lost_stamp, _detected in sql.open_conflicts(store.conn):
        result.append(Conflict(
            cid, table, record_id, field, json.loads(kept) if kept else None,
            stamp_device(kept_stamp) if kept_stamp else None, _when(kept_stamp),
            json.loads(lost) if lost else None, stamp_device(lost_stamp), _when(lost_stamp),
            record_deleted=not store.records.exists(table, record_id),
        ))
    return result


def keep_current(store: Store, conflict_id: int) -> None:
    """The coordinator keeps the value in force: the conflict is closed, nothing else changes."""
    _close(store, conflict_id, "kept current")


def keep_lost_value(store: Store, conflict_id: int) -> None:
    """The coordinator prefers the losing value: it is saved again now, so it wins on every laptop."""
    row = sql.conflict_by_id(store.conn, conflict_id)
    if row is None:
        raise FieldGroupError(_("That conflict was already resolved."))
    _cid, table, record_id, field, _kept, _ks, lost, _ls, _d = row
    if not store.records.exists(table, record_id):
        raise FieldGroupError(_("The record was deleted on another laptop, so its old value cannot be restored; "
                                "enter it again as a new record if it is still needed."))
    with store.transaction():
        store.records.update(table, record_id, {field: json.loads(lost) if lost else None})
        _close(store, conflict_id, "kept other")


def _close(store: Store, conflict_id: int, resolution: str) -> None:
    with store.transaction():
        sql.resolve_conflict(store.conn, conflict_id, resolution, datetime.now(UTC).isoformat(timespec="seconds"))


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    file_name: str
    sender_device: str
    sender_name: str | None
    imported_at: datetime
    counts: dict[str, Any]
    note: str


def import_history(store: Store, limit: int = 200) -> list[HistoryEntry]:
    names = device_names(store)
    return [
        HistoryEntry(file_name, sender, names.get(sender), datetime.fromisoformat(when), json.loads(counts or "{}"), note or "")
        for _bundle, file_name, sender, when, counts, note in sql.import_history(store.conn, limit)
    ]


def device_names(store: Store) -> dict[str, str]:
    """Device id -> laptop name, for every laptop this one has heard of."""
    from fieldgroup.sync.state import device_name

    names = {device: name for device, name, _v, _s in sql.peers(store.conn) if name}
    names[store.device_id] = device_name(store)
    return names


def last_sync(store: Store) -> datetime | None:
    value = store.records.get_local("last_sync")
    return datetime.fromisoformat(value) if value else None


def passphrase(store: Store) -> str | None:
    """The group passphrase remembered on this laptop (device-local; never travels in a bundle)."""
    return store.records.get_local("group_passphrase") or None


def set_passphrase(store: Store, value: str | None) -> None:
    if value is not None and 0 < len(value) < 8:
        raise FieldGroupError(_("A group passphrase needs at least 8 characters; a short sentence is best."))
    with store.transaction():
        store.records.set_local("group_passphrase", value or None)
