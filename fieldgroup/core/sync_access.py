"""The narrow door sync uses into a store: rows since a vector, merged writes in one transaction, vectors, peers.

Sync (bundles, merge, folder sync, the Sync page) talks to a store only through `store.sync`, an
instance of `SyncAccess`; it never holds the connection. Reads may happen at any time; every write
must happen inside `store.transaction()` (one import = one transaction), which the writes check.
Device-local tables (peers, import history, conflicts, settings) never travel in a bundle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fieldgroup.core import store_sync as sql
from fieldgroup.core.hlc import stamp_device
from fieldgroup.core.schema import TABLE_ORDER, TABLES

if TYPE_CHECKING:
    from fieldgroup.core.api import Store

# A row as it travels: [id, field values..., stamps JSON, newest stamp].
Row = list
# Decides whether one row may travel to the audience of a bundle: (table, row) -> keep it?
AudienceFilter = Callable[[str, Row], bool]


@dataclass(frozen=True, slots=True)
class Peer:
    """A laptop this one has heard of, with the newest version vector received from it."""

    device: str
    name: str | None
    vector: dict[str, str]
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One bundle imported on this laptop (device-local history)."""

    bundle_id: str
    file_name: str
    sender_device: str
    imported_at: str
    counts: dict[str, Any]
    note: str


@dataclass(frozen=True, slots=True)
class StoredConflict:
    """The losing side of a concurrent edit as stored; values are decoded from JSON."""

    id: int
    table: str
    record_id: str
    field: str
    kept_value: Any
    kept_stamp: str | None
    lost_value: Any
    lost_stamp: str
    detected_at: str
    kind: str = "field"  # or 'orphan': kept although its parent was deleted elsewhere (parent recreated)


@dataclass
class Changes:
    """What a bundle carries: rows by table (parents first) and tombstones [table, id, stamp]."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    tombstones: list[list[str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {name: len(rows) for name, rows in self.tables.items()}
        counts["tombstones"] = len(self.tombstones)
        return counts


def lacks_stamp(vector: dict[str, str]) -> Callable[[str], bool]:
    """A test for stamps the holder of `vector` has not seen yet."""
    return lambda stamp: vector.get(stamp_device(stamp), "") < stamp


class SyncAccess:
    """`store.sync`: everything bundles and merges need from a store, and nothing more."""

    def __init__(self, store: Store):
        self._store = store

    @property
    def _conn(self):
        return self._store.conn

    def _writing(self) -> Any:
        """The connection, for a write; refused outside a transaction (a merge is all or nothing)."""
        if not self._store.in_transaction:
            raise RuntimeError("sync writes must happen inside store.transaction()")  # a programming error
        return self._store.conn

    # ---- what travels ---------------------------------------------------------------------------

    def rows(self, table: str, since: str | None = None) -> Iterator[tuple]:
        """Every row of `table` as it travels, or only rows whose newest stamp is after `since`."""
        return sql.export_rows(self._conn, table, since)

    def tombstones(self, since: str | None = None) -> list[tuple[str, str, str]]:
        return sql.export_tombstones(self._conn, since)

    def rows_by_ids(self, table: str, ids: Iterable[str]) -> list[list]:
        """Rows as they travel for the given ids (those that exist), by id."""
        return sql.travelling_rows_by_id(self._conn, table, ids)

    def changes_since(self, vector: dict[str, str] | None = None, *, audience: AudienceFilter | None = None,
                      close_references: bool = True) -> Changes:
        """What the holder of `vector` lacks (everything when None), of the rows `audience` lets through.

        Closed under references: a row that travels takes every row it points to (which the
        audience must also allow), so the receiving laptop never holds a link to nothing."""
        lacks = None if vector is None else lacks_stamp(vector)
        since = self._lower_bound(vector)  # older rows are skipped by SQL
        changes = Changes()
        for name in TABLE_ORDER:
            rows = [list(row) for row in self.rows(name, since)]
            if lacks is not None:
                rows = [r for r in rows if any(lacks(s) for s in json.loads(r[-2]).values())]
            if audience is not None:
                rows = [r for r in rows if audience(name, r)]
            changes.tables[name] = rows
        changes.tombstones = [list(t) for t in self.tombstones(since) if lacks is None or lacks(t[2])]
        if close_references and (vector is not None or audience is not None):
            self._close_under_references(changes, audience)
        return changes

    def _lower_bound(self, vector: dict[str, str] | None) -> str | None:
        """A stamp below which the holder of `vector` has everything from every device whose stamps
        this store holds; None when it lacks a device entirely (its rows may be of any age)."""
        devices = set(self.seen_vector())
        if not vector or any(device not in vector for device in devices):
            return None
        return min(vector[device] for device in devices)

    def close_under_references(self, changes: Changes, audience: AudienceFilter | None = None) -> None:
        """Add the rows that travelling rows point to (after rows were added by hand, e.g. merge targets)."""
        self._close_under_references(changes, audience)

    def merges(self) -> list[tuple[str, str, str, str]]:
        """(table, duplicate id, id it was merged into, stamp) of every merge of duplicates this store knows."""
        return sql.export_merges(self._conn)

    def merges_of(self, table: str) -> list[tuple[str, str, str]]:
        """(duplicate, keep, stamp) of the merges of one table."""
        return sql.merges_of(self._conn, table)

    def add_merges(self, merges: Iterable[tuple[str, str, str, str]]) -> None:
        sql.add_merges(self._writing(), merges)

    def _close_under_references(self, changes: Changes, audience: AudienceFilter | None) -> None:
        """Add the rows that travelling rows point to; drop rows that point to one the audience may not have."""
        withheld: dict[str, set[str]] = {name: set() for name in TABLE_ORDER}
        for _round in range(len(TABLE_ORDER) * 4):  # groups point to groups: repeat until settled
            changed = False
            for name in reversed(TABLE_ORDER):
                for index, spec_field in enumerate(TABLES[name].fields, start=1):
                    parent = spec_field.references
                    if not parent:
                        continue
                    wanted = {row[index] for row in changes.tables[name] if row[index]}
                    changed |= self._add_rows(changes, parent, wanted, audience, withheld[parent])
                    kept = [row for row in changes.tables[name] if row[index] not in withheld[parent]]
                    if len(kept) != len(changes.tables[name]):
                        withheld[name].update(row[0] for row in changes.tables[name] if row[index] in withheld[parent])
                        changes.tables[name] = kept
                        changed = True
            if not changed:
                return

    def _add_rows(self, changes: Changes, table: str, ids: set[str], audience: AudienceFilter | None,
                  withheld: set[str]) -> bool:
        missing = ids - {row[0] for row in changes.tables[table]} - withheld
        if not missing:
            return False
        found = self.rows_by_ids(table, missing)  # a deleted parent is not found
        for row in found:
            if audience is None or audience(table, row):
                changes.tables[table].append(row)
            else:
                withheld.add(row[0])
        changes.tables[table].sort(key=lambda r: r[0])
        return bool(found)

    def snapshot(self):
        """A context in which every read sees the store at one moment (one read transaction), whatever
        a background task commits meanwhile: a bundle must never hold attendance without its meeting."""
        return self._store.records.snapshot()

    def newest_stamp(self) -> str | None:
        return sql.newest_stamp(self._conn)

    # ---- reading the local side of a merge -----------------------------------------------------

    def has_tombstones(self) -> bool:
        return sql.has_tombstones(self._conn)

    def tombstones_of(self, table: str) -> dict[str, str]:
        return sql.tombstones_of(self._conn, table)

    def table_is_empty(self, table: str) -> bool:
        return sql.table_is_empty(self._conn, table)

    def rows_by_id(self, table: str, ids: Iterable[str]) -> dict[str, tuple]:
        """Local rows (id, values..., stamps JSON) for the given ids."""
        return sql.rows_by_id(self._conn, table, ids)

    def known_ids(self, table: str, ids: Iterable[str]) -> set[str]:
        """Those of `ids` this store holds in `table`, as a record or as a tombstone."""
        return sql.known_ids(self._conn, table, ids)

    def orphans(self, table: str, column: str) -> list[tuple[str, str, str | None]]:
        """(row id, missing parent id, the parent's tombstone stamp or None)."""
        return sql.orphans(self._conn, table, column)

    def get_row(self, table: str, record_id: str) -> dict[str, Any] | None:
        return self._store.records.get_row(table, record_id)

    def tombstone(self, table: str, record_id: str) -> str | None:
        return self._store.records.tombstone(table, record_id)

    def exists(self, table: str, record_id: str) -> bool:
        return self._store.records.exists(table, record_id)

    def record_name(self, table: str, record_id: str, fields: Iterable[str]) -> str:
        """The first of `fields` that has a value in that record, for naming it in a review."""
        row = self._store.records.get_row(table, record_id)
        return next((str(row[f]) for f in fields if row and row.get(f)), "")

    # ---- records merged away: kept in case an opposite merge brings them back -----------------

    def keep_merged_away(self, table: str, record_id: str, values: dict[str, Any], stamps: dict[str, str]) -> None:
        """Remember a merged-away record's last values with their stamps (field by field, newest wins):
        an opposite merge may make it the survivor again, and edits this laptop has seen must not be
        lost then, since its seen vector tells the others it holds them."""
        key = _merged_away_key(table, record_id)
        kept = json.loads(self._store.records.get_local(key) or "{}")
        for name, value in values.items():
            stamp = stamps.get(name, stamps["*"])
            if name not in kept or stamp > kept[name][1]:
                kept[name] = [value, stamp]
        self._writing()
        self._store.records.set_local(key, json.dumps(kept, sort_keys=True, ensure_ascii=False))

    def take_merged_away(self, table: str, record_id: str) -> dict[str, list]:
        """Field -> [value, stamp] remembered for a merged-away record that lives on after all; forgotten now."""
        key = _merged_away_key(table, record_id)
        kept = self._store.records.get_local(key)
        if kept is not None:
            self.forget_merged_away(table, record_id)
        return json.loads(kept or "{}")

    def forget_merged_away(self, table: str, record_id: str) -> None:
        """Erasure: nothing of a deleted record lingers in what merges remember."""
        self._writing()
        self._store.records.delete_local(_merged_away_key(table, record_id))

    def forget_merged_into(self, table: str, record_id: str) -> None:
        """Erasure of a person: forget what merges remember of them and of every duplicate merged into
        them (directly or through a chain of merges), so no old name or contact of theirs lingers."""
        linked: dict[str, set[str]] = {}
        for duplicate, keep, _stamp in self.merges_of(table):
            linked.setdefault(keep, set()).add(duplicate)
            linked.setdefault(duplicate, set()).add(keep)
        seen, todo = {record_id}, [record_id]
        while todo:
            for other in linked.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        for other in seen:
            self.forget_merged_away(table, other)

    # ---- applying a merge (inside one transaction) --------------------------------------------

    def insert_rows(self, table: str, rows: Iterable[tuple | list]) -> None:
        sql.insert_rows(self._writing(), table, rows)

    def replace_row(self, table: str, row: tuple) -> None:
        sql.replace_row(self._writing(), table, row)

    def delete_row(self, table: str, record_id: str) -> None:
        sql.delete_row(self._writing(), table, record_id)

    def set_tombstone(self, table: str, record_id: str, stamp: str) -> None:
        sql.set_tombstone(self._writing(), table, record_id, stamp)

    def drop_tombstone(self, table: str, record_id: str) -> None:
        sql.drop_tombstone(self._writing(), table, record_id)

    def add_conflict(self, table: str, record_id: str, field_name: str, kept: tuple[Any, str | None],
                     lost: tuple[Any, str], detected_at: str, kind: str = "field") -> None:
        sql.add_conflict(self._writing(), table, record_id, field_name, kept, lost, detected_at, kind)

    def forget_conflicts_of(self, table: str, record_id: str) -> None:
        sql.forget_conflicts_of(self._writing(), table, record_id)

    def delete_record(self, table: str, record_id: str) -> None:
        """A stamped delete made here (a record whose required parent was deleted elsewhere)."""
        self._writing()
        self._store.records.delete(table, record_id)

    def set_field(self, table: str, record_id: str, field_name: str, value: Any) -> None:
        """A stamped change made here (a link cleared, a losing value kept after review)."""
        self._writing()
        self._store.records.update(table, record_id, {field_name: value})

    def insert_record(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        """A stamped creation made here (a deleted parent recreated, a pair moved to a merge's survivor)."""
        self._writing()
        self._store.records.insert(table, record_id, values)

    # ---- conflicts kept for review --------------------------------------------------------------

    def open_conflicts(self) -> list[StoredConflict]:
        return [_conflict(row) for row in sql.open_conflicts(self._conn)]

    def conflict(self, conflict_id: int) -> StoredConflict | None:
        row = sql.conflict_by_id(self._conn, conflict_id)
        return _conflict(row) if row else None

    def resolve_conflict(self, conflict_id: int, resolution: str, when: str) -> None:
        sql.resolve_conflict(self._writing(), conflict_id, resolution, when)

    # ---- clock, vectors, peers, history -----------------------------------------------------------

    def new_stamp(self) -> str:
        return self._store.records.clock.now()

    def observe(self, stamp: str) -> None:
        """Move this laptop's clock past a stamp seen in a bundle."""
        self._store.records.clock.observe(stamp)

    def last_stamp(self) -> str:
        """The newest stamp this laptop has issued or observed."""
        return self._store.records.clock.last()

    def wall_ms(self) -> int:
        """This laptop's wall clock in ms (what a bundle's stamps are judged against)."""
        return self._store.records.clock.wall()

    def seen_vector(self) -> dict[str, str]:
        """Device id -> newest stamp of that device this store holds everything up to."""
        vector = json.loads(self._store.local_setting("seen_vector") or "{}")
        # This laptop's own entry follows its data, not its clock: making or reading a bundle moves
        # the clock, and a vector that moves without new data makes every sync look like news.
        # A copied or restored store took a new id: what it made under its previous id is its own too.
        for device in (self._store.device_id, self._store.local_setting("previous_device_id")):
            own = sql.newest_stamp_of(self._conn, device) if device else None
            if own and own > vector.get(device, ""):
                vector[device] = own
        return vector

    def save_seen_vector(self, vector: dict[str, str]) -> None:
        self._writing()
        self._store.set_local_setting("seen_vector", json.dumps(vector, sort_keys=True))

    def peer(self, device: str) -> Peer | None:
        row = sql.peer(self._conn, device)
        return _peer(row) if row else None

    def peers(self) -> list[Peer]:
        """Every laptop heard of, the most recently heard first."""
        return [_peer(row) for row in sql.peers(self._conn)]

    def save_peer(self, device: str, name: str | None, vector: dict[str, str], when: str) -> None:
        sql.save_peer(self._writing(), device, name, vector, when)

    def add_import(self, bundle_id: str, file_name: str, sender: str, when: str, counts: dict[str, Any],
                   note: str = "") -> None:
        sql.add_import_history(self._writing(), bundle_id, file_name, sender, when, counts, note)

    def import_history(self, limit: int = 200) -> list[ImportRecord]:
        """Bundles imported here, newest first."""
        return [
            ImportRecord(bundle_id, file_name, sender, when, json.loads(counts or "{}"), note or "")
            for bundle_id, file_name, sender, when, counts, note in sql.import_history(self._conn, limit)
        ]

    def folder_files(self) -> dict[str, tuple[str, str, str | None, str | None, str]]:
        """File name -> (sha256, outcome, reason, device, when): what folder sync did with each file."""
        return sql.folder_files(self._conn)

    def save_folder_file(self, file_name: str, sha256: str, outcome: str, reason: str | None, device: str | None,
                         when: str) -> None:
        sql.save_folder_file(self._writing(), file_name, sha256, outcome, reason, device, when)

    def top_level_groups(self) -> list[tuple[str, str, str]]:
        """(id, name, creation stamp) of groups without a parent."""
        return [(gid, name, json.loads(stamps)["*"]) for gid, name, stamps in sql.top_level_groups(self._conn)]


def _peer(row: tuple) -> Peer:
    device, name, vector, last_seen = row
    return Peer(device, name, json.loads(vector or "{}"), last_seen)


def _conflict(row: tuple) -> StoredConflict:
    cid, table, record_id, field_name, kept, kept_stamp, lost, lost_stamp, detected, kind = row
    return StoredConflict(cid, table, record_id, field_name, json.loads(kept) if kept else None, kept_stamp,
                          json.loads(lost) if lost else None, lost_stamp, detected, kind or "field")


def _merged_away_key(table: str, record_id: str) -> str:
    return f"merged_away/{table}/{record_id}"
