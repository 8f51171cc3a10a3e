"""Merge a bundle's rows and tombstones into a store: per-field last writer wins, deletes win, conflicts kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fieldgroup.core import Store
from fieldgroup.core.hlc import stamp_device
from fieldgroup.core.schema import TABLE_ORDER, TABLES
from fieldgroup.i18n import _
from fieldgroup.sync.bundle import BundleError

# Deleting a person is also erasing them: their losing edits are not kept as conflicts.
NO_CONFLICT_COPIES = {"people"}


@dataclass
class MergeCounts:
    """What an import did (or, in a dry run, would do)."""

    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, table: str, kind: str, n: int = 1) -> None:
        setattr(self, kind, getattr(self, kind) + n)
        per_table = self.by_table.setdefault(table, {})
        per_table[kind] = per_table.get(kind, 0) + n

    def as_dict(self) -> dict[str, Any]:
        return {"new": self.new, "updated": self.updated, "deleted": self.deleted,
                "unchanged": self.unchanged, "conflicts": self.conflicts, "by_table": self.by_table}


def _damaged() -> BundleError:
    return BundleError(_("This bundle is damaged inside; ask for a new one."))


def _stamp_of(stamps: dict[str, str], name: str) -> str:
    return stamps.get(name, stamps["*"])


class Merger:
    """Applies one verified payload inside the caller's transaction."""

    def __init__(self, store: Store, bundle_vector: dict[str, str], seen_before: dict[str, str]):
        self.store = store
        self.db = store.sync
        self.bundle_vector = bundle_vector
        self.seen_before = seen_before
        self.counts = MergeCounts()
        self.now = datetime.now(UTC).isoformat(timespec="seconds")
        self.removed_locally = False

    # ---- concurrency ----

    def _we_had_seen(self, stamp: str) -> bool:
        return self.seen_before.get(stamp_device(stamp), "") >= stamp

    def _they_had_seen(self, stamp: str) -> bool:
        return self.bundle_vector.get(stamp_device(stamp), "") >= stamp

    def _concurrent(self, local_stamp: str, incoming_stamp: str) -> bool:
        return not self._we_had_seen(incoming_stamp) and not self._they_had_seen(local_stamp)

    # ---- the payload ----

    def apply(self, payload: dict[str, Any]) -> MergeCounts:
        tables = payload.get("tables")
        tombstones = payload.get("tombstones")
        if not isinstance(tables, dict) or not isinstance(tombstones, list) or set(tables) - set(TABLES):
            raise _damaged()
        incoming_tombs: dict[str, dict[str, str]] = {}
        for entry in tombstones:
            if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in TABLES):
                raise _damaged()
            incoming_tombs.setdefault(entry[0], {})[entry[1]] = entry[2]
        had_tombstones = self.db.has_tombstones()
        for name in TABLE_ORDER:
            section = tables.get(name, {"fields": list(TABLES[name].field_names), "rows": []})
            rows = self._checked_rows(name, section)
            self._apply_table(name, rows, incoming_tombs.get(name, {}))
        if had_tombstones or self.removed_locally or incoming_tombs:
            self._settle_orphans()
        return self.counts

    def _checked_rows(self, name: str, section: Any) -> list[list]:
        if not isinstance(section, dict) or section.get("fields") != list(TABLES[name].field_names):
            raise _damaged()
        rows = section.get("rows")
        width = len(TABLES[name].field_names) + 3  # id, values..., stamps, newest stamp
        if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != width for r in rows):
            raise _damaged()
        return rows

    def _apply_table(self, name: str, rows: list[list], tombs: dict[str, str]) -> None:
        local_tombs = self.db.tombstones_of(name)
        if not local_tombs and self.db.table_is_empty(name):
            # Joining or first sync: nothing to compare with, so insert in bulk.
            self.db.insert_rows(name, rows)
            self.counts.add(name, "new", len(rows))
            for record_id, stamp in tombs.items():
                self.db.set_tombstone(name, record_id, stamp)
            return
        incoming = {row[0]: row for row in rows}
        local = self.db.rows_by_id(name, incoming.keys() | tombs.keys())
        for record_id in incoming.keys() | tombs.keys():
            self._resolve(name, record_id, local.get(record_id), local_tombs.get(record_id),
                          incoming.get(record_id), tombs.get(record_id))

    # ---- one record ----

    def _resolve(self, name: str, record_id: str, local: tuple | None, local_tomb: str | None,
                 incoming: list | None, incoming_tomb: str | None) -> None:
        tomb = max(local_tomb or "", incoming_tomb or "") or None
        if local is not None and incoming is not None:
            merged = self._merge_rows(name, local, incoming)
        else:
            merged = tuple(incoming) if incoming is not None else (tuple(local) + (None,) if local else None)
        if merged is not None and tomb is not None and json.loads(merged[-2])["*"] <= tomb:
            self._bury(name, record_id, local, incoming, tomb, local_tomb)
            return
        if merged is None:
            if tomb != local_tomb:
                self.db.set_tombstone(name, record_id, tomb)
            self.counts.add(name, "unchanged")
            return
        if local_tomb is not None:
            self.db.drop_tombstone(name, record_id)  # re-created after the delete
        self._write(name, local, merged)

    def _write(self, name: str, local: tuple | None, merged: tuple) -> None:
        stamps = json.loads(merged[-2])
        row = (*merged[:-1], max(stamps.values()))
        if local is None:
            self.db.insert_rows(name, [row])
            self.counts.add(name, "new")
            return
        if tuple(local) == tuple(row[:-1]):
            self.counts.add(name, "unchanged")
            return
        self.db.replace_row(name, row)
        values_changed = tuple(local[1:-1]) != tuple(row[1:-2])
        self.counts.add(name, "updated" if values_changed else "unchanged")

    def _bury(self, name: str, record_id: str, local: tuple | None, incoming: list | None,
              tomb: str, local_tomb: str | None) -> None:
        """The delete wins; edits the deleting side never saw are kept as conflicts."""
        if local is not None:
            self._keep_unseen_edits(name, record_id, local, tomb, seen=self._they_had_seen)
            self.db.delete_row(name, record_id)
            self.removed_locally = True
            self.counts.add(name, "deleted")
        else:
            if incoming is not None:
                self._keep_unseen_edits(name, record_id, tuple(incoming), tomb, seen=self._we_had_seen)
            self.counts.add(name, "unchanged")
        if name == "people":
            self.db.forget_conflicts_of(name, record_id)
        if tomb != local_tomb:
            self.db.set_tombstone(name, record_id, tomb)

    def _keep_unseen_edits(self, name: str, record_id: str, row: tuple, tomb: str, seen) -> None:
        if name in NO_CONFLICT_COPIES:
            return
        stamps = json.loads(row[len(TABLES[name].field_names) + 1])
        for index, field_name in enumerate(TABLES[name].field_names, start=1):
            stamp = stamps.get(field_name)
            if stamp and not seen(stamp):
                self.db.add_conflict(name, record_id, field_name, (None, tomb), (row[index], stamp), self.now)
                self.counts.add(name, "conflicts")

    def _merge_rows(self, name: str, local: tuple, incoming: list) -> tuple:
        """Field by field, the newer stamp wins; concurrent different values leave a conflict."""
        names = TABLES[name].field_names
        local_stamps = json.loads(local[-1])
        incoming_stamps = json.loads(incoming[-2])
        values, stamps = list(local[1:-1]), {}
        for index, field_name in enumerate(names):
            mine, theirs = _stamp_of(local_stamps, field_name), _stamp_of(incoming_stamps, field_name)
            winner_is_theirs = theirs > mine
            if winner_is_theirs:
                values[index] = incoming[index + 1]
            stamps[field_name] = max(mine, theirs)
            if local[index + 1] != incoming[index + 1] and self._concurrent(mine, theirs):
                kept = (incoming[index + 1], theirs) if winner_is_theirs else (local[index + 1], mine)
                lost = (local[index + 1], mine) if winner_is_theirs else (incoming[index + 1], theirs)
                self.db.add_conflict(name, local[0], field_name, kept, lost, self.now)
                self.counts.add(name, "conflicts")
        creation = max(local_stamps["*"], incoming_stamps["*"])
        compact = {"*": creation} | {k: v for k, v in stamps.items() if v != creation}
        return (local[0], *values, json.dumps(compact, sort_keys=True), None)

    # ---- links to deleted records ----

    def _settle_orphans(self) -> None:
        """Records that point to a deleted record follow the delete (required link) or lose the link."""
        for _round in range(len(TABLE_ORDER) + 1):
            settled_any = False
            for name in TABLE_ORDER:
                for spec_field in TABLES[name].fields:
                    if not spec_field.references:
                        continue
                    for record_id, _parent, parent_deleted in self.db.orphans(name, spec_field.name):
                        if not parent_deleted:
                            raise BundleError(_(
                                "This bundle refers to records this laptop has never received; "
                                "import a full bundle from that laptop first."))
                        self._detach(name, spec_field, record_id)
                        settled_any = True
            if not settled_any:
                return

    def _detach(self, name: str, spec_field: Any, record_id: str) -> None:
        if spec_field.required:
            self.db.delete_record(name, record_id)
            if name == "people":
                self.db.forget_conflicts_of(name, record_id)
            self.counts.add(name, "deleted")
        else:
            self.db.set_field(name, record_id, spec_field.name, None)
