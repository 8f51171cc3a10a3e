"""What the Sync page shows: conflicts to review (and keeping one side), import history, peers, passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.hlc import stamp_device, stamp_ms
from fieldgroup.core.repository import pair_id
from fieldgroup.core.schema import TABLES
from fieldgroup.formatting import format_date
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
    # 'field': a value lost to a concurrent edit or delete. 'orphan': the record was added or moved
    # under a parent (lost_value) deleted on laptop lost_device; the parent was recreated as kept_value.
    kind: str = "field"

    @property
    def field_label(self) -> str:
        return str(TABLES[self.table].field(self.field).label)

    @property
    def kind_label(self) -> str:
        return str(TABLES[self.table].label)


def _when(stamp: str | None) -> datetime | None:
    return datetime.fromtimestamp(stamp_ms(stamp) / 1000, tz=UTC) if stamp else None


def open_conflicts(store: Store) -> list[Conflict]:
    return [
        Conflict(c.id, c.table, c.record_id, c.field, c.kept_value,
                 stamp_device(c.kept_stamp) if c.kept_stamp else None, _when(c.kept_stamp),
                 c.lost_value, stamp_device(c.lost_stamp), _when(c.lost_stamp),
                 record_deleted=not store.sync.exists(c.table, c.record_id), kind=c.kind)
        for c in store.sync.open_conflicts()
    ]


def describe_orphan(store: Store, conflict: Conflict) -> str:
    """One sentence for a record kept although its parent was deleted on another laptop."""
    parent_table = TABLES[conflict.table].field(conflict.field).references
    names = device_names(store)
    parent = record_label(store, parent_table, conflict.kept_value) if conflict.kept_value else ""
    record = record_label(store, conflict.table, conflict.record_id)
    return _("The {parent_kind} {parent} was deleted on {laptop} while {record} was added to it on another "
             "laptop: keep the recreated {parent_kind}, move {record} elsewhere, or delete it.").format(
        parent_kind=str(TABLES[parent_table].label), parent=parent or conflict.lost_value,
        laptop=names.get(conflict.lost_device, conflict.lost_device), record=record or conflict.record_id)


_NAMING = ("name", "title", "place")


def record_label(store: Store, table: str, record_id: str) -> str:
    """How people recognise a record: its name (or title, or place), with its date for a meeting."""
    row = store.sync.get_row(table, record_id)
    if row is None:
        return ""
    name = next((str(row[f]) for f in _NAMING if row.get(f)), "")
    when = row.get("date")
    if not when:
        return name
    try:
        day = format_date(date.fromisoformat(str(when)))
    except ValueError:
        day = str(when)
    return _("{name}, {date}").format(name=name, date=day) if name else day


def orphans(store: Store) -> list[Conflict]:
    """Records kept although their parent was deleted on another laptop, still waiting for a decision."""
    return [c for c in open_conflicts(store) if c.kind == "orphan" and not c.record_deleted]


def move_targets(store: Store, conflict: Conflict) -> list[tuple[str, str]]:
    """(id, name) of the records a kept record can be moved under, by name: every record of the parent's
    kind except the recreated parent it is under now."""
    parent_table = TABLES[conflict.table].field(conflict.field).references
    current = store.sync.get_row(conflict.table, conflict.record_id) or {}
    targets = [(r.id, record_label(store, parent_table, r.id) or r.id)
               for r in _repository(store, parent_table).list() if r.id != current.get(conflict.field)]
    return sorted(targets, key=lambda target: (target[1].casefold(), target[0]))


def move_orphan(store: Store, conflict_id: int, new_parent: str) -> None:
    """Move the kept record under another parent; the recreated parent goes if nothing else uses it."""
    conflict = _orphan(store, conflict_id)
    parent_table = TABLES[conflict.table].field(conflict.field).references
    if not store.sync.exists(parent_table, new_parent):
        raise FieldGroupError(_("That {kind} was deleted meanwhile; choose another one.").format(
            kind=str(TABLES[parent_table].label)))
    with store.transaction():
        _move(store, conflict, new_parent)
        _drop_unused(store, parent_table, conflict.kept_value)
        _close(store, conflict_id, "moved")


def _move(store: Store, conflict: Conflict, new_parent: str) -> None:
    """Point the record at its new parent; a pair record (this person at this meeting) becomes the new
    pair's record, since its id is made from the pair (a stronger attendance already there stays)."""
    spec = TABLES[conflict.table]
    if spec.pair is None or conflict.field not in spec.pair:
        store.sync.set_field(conflict.table, conflict.record_id, conflict.field, new_parent)
        return
    values = store.sync.get_row(conflict.table, conflict.record_id)
    moved = {name: values[name] for name in spec.field_names} | {conflict.field: new_parent}
    new_id = pair_id(*(moved[name] for name in spec.pair))
    if not store.sync.exists(conflict.table, new_id):
        store.sync.insert_record(conflict.table, new_id, moved)
    store.sync.delete_record(conflict.table, conflict.record_id)


def delete_orphan(store: Store, conflict_id: int) -> None:
    """Delete the kept record after all (and the recreated parent if nothing else uses it)."""
    conflict = _orphan(store, conflict_id)
    parent_table = TABLES[conflict.table].field(conflict.field).references
    with store.transaction():
        _repository(store, conflict.table).delete(conflict.record_id)
        _drop_unused(store, parent_table, conflict.kept_value)
        _close(store, conflict_id, "deleted")


def _orphan(store: Store, conflict_id: int) -> Conflict:
    found = [c for c in open_conflicts(store) if c.id == conflict_id and c.kind == "orphan"]
    if not found or found[0].record_deleted:
        raise FieldGroupError(_("That conflict was already resolved."))
    return found[0]


def _drop_unused(store: Store, table: str, record_id: str | None) -> None:
    if record_id and store.sync.exists(table, record_id):
        try:
            _repository(store, table).delete(record_id)
        except FieldGroupError:
            pass  # still used by other records: it stays


def _repository(store: Store, table: str) -> Any:
    return {"groups": store.groups, "organisations": store.organisations, "people": store.people,
            "meetings": store.meetings, "attendance": store.attendance, "action_items": store.actions,
            "indicators": store.indicators, "indicator_targets": store.targets,
            "indicator_values": store.values}[table]


def keep_current(store: Store, conflict_id: int) -> None:
    """The coordinator keeps the value in force: the conflict is closed, nothing else changes."""
    _close(store, conflict_id, "kept current")


def keep_lost_value(store: Store, conflict_id: int) -> None:
    """The coordinator prefers the losing value: it is saved again now, so it wins on every laptop."""
    conflict = store.sync.conflict(conflict_id)
    if conflict is None:
        raise FieldGroupError(_("That conflict was already resolved."))
    if not store.sync.exists(conflict.table, conflict.record_id):
        raise FieldGroupError(_("The record was deleted on another laptop, so its old value cannot be restored; "
                                "enter it again as a new record if it is still needed."))
    with store.transaction():
        store.sync.set_field(conflict.table, conflict.record_id, conflict.field, conflict.lost_value)
        _close(store, conflict_id, "kept other")


def _close(store: Store, conflict_id: int, resolution: str) -> None:
    with store.transaction():
        store.sync.resolve_conflict(conflict_id, resolution, datetime.now(UTC).isoformat(timespec="seconds"))


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
        HistoryEntry(h.file_name, h.sender_device, names.get(h.sender_device), datetime.fromisoformat(h.imported_at),
                     h.counts, h.note)
        for h in store.sync.import_history(limit)
    ]


def device_names(store: Store) -> dict[str, str]:
    """Device id -> laptop name, for every laptop this one has heard of."""
    from fieldgroup.sync.state import device_name

    names = {peer.device: peer.name for peer in store.sync.peers() if peer.name}
    names[store.device_id] = device_name(store)
    return names


def last_sync(store: Store) -> datetime | None:
    value = store.local_setting("last_sync")
    return datetime.fromisoformat(value) if value else None


def passphrase(store: Store) -> str | None:
    """The group passphrase that unlocked this store in this run (memory only, never in a file of ours)."""
    return store.passphrase.reveal() if store.passphrase else None


def set_passphrase(store: Store, value: str | None) -> None:
    """Encrypt a plain store with the group passphrase, or change the passphrase of an encrypted one."""
    from fieldgroup.core import keys

    if not value:
        raise FieldGroupError(_("An encrypted store cannot go back to plain; choose a new passphrase instead."))
    if store.encrypted:
        store.change_passphrase(keys.Passphrase(value))
    else:
        store.encrypt(keys.Passphrase(value))
    store.set_local_setting("own_bundle", None)  # the next folder sync writes it with the new passphrase
