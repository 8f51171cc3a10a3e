"""Merge a bundle's rows and tombstones into a store: per-field last writer wins, deletes win, conflicts kept."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fieldgroup.core import Store, erasure
from fieldgroup.core.hlc import stamp_device
from fieldgroup.core.repository import pair_id
from fieldgroup.core.schema import TABLE_ORDER, TABLES
from fieldgroup.i18n import _
from fieldgroup.sync.bundle import BundleError

# Deleting a person is also erasing them: their losing edits are not kept as conflicts, and a
# record under an erased person follows them (erasure wins over "nothing silently destroyed").
NO_CONFLICT_COPIES = {"people"}
# A parent deleted on one laptop while another added something under it comes back under a new id
# (a tombstone is final); the id is derived from the old one, so every laptop makes the same record.
RECREATED = uuid.UUID("5d7c0a3e-1b52-4b8e-9f4c-7a61d2e0c9b4")
# When two people merged into one were on the same list, keep the stronger record of presence.
ATTENDANCE_RANK = {"present": 2, "excused": 1, "absent": 0}


def recreated_id(old_id: str) -> str:
    return str(uuid.uuid5(RECREATED, old_id))


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
        self.devices: set[str] = set()  # devices whose stamps the payload holds (bounds the seen vector)
        self.buried: dict[tuple[str, str], dict[str, Any]] = {}  # values of records deleted during this merge
        self.survivors: dict[str, set[str]] = {}  # merged-away records that live on (opposite merges)
        self.merge_stamps: dict[str, dict[str, set[str]]] = {}  # table -> duplicate -> stamps of its merges
        self.written: dict[str, set[str]] = {}  # table -> ids whose values this merge changed (typed_names.py)

    # ---- concurrency ----

    def _we_had_seen(self, stamp: str) -> bool:
        return self.seen_before.get(stamp_device(stamp), "") >= stamp

    def _they_had_seen(self, stamp: str) -> bool:
        return self.bundle_vector.get(stamp_device(stamp), "") >= stamp

    def _concurrent(self, local_stamp: str, incoming_stamp: str) -> bool:
        return not self._we_had_seen(incoming_stamp) and not self._they_had_seen(local_stamp)

    # ---- the payload ----

    def apply(self, payload: dict[str, Any]) -> MergeCounts:
        with erasure.guarding_merge(self.store, payload):  # erase and scrub what this merge brings
            return self._apply(payload)

    def _apply(self, payload: dict[str, Any]) -> MergeCounts:
        tables = payload.get("tables")
        tombstones = payload.get("tombstones")
        merges = payload.get("merges", [])
        if not isinstance(tables, dict) or not isinstance(tombstones, list) or set(tables) - set(TABLES):
            raise _damaged()
        if not isinstance(merges, list):
            raise _damaged()
        incoming_tombs: dict[str, dict[str, str]] = {}
        for entry in tombstones:
            if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in TABLES):
                raise _damaged()
            incoming_tombs.setdefault(entry[0], {})[entry[1]] = entry[2]
            self.devices.add(stamp_device(entry[2]))
        for entry in merges:
            if not (isinstance(entry, list) and len(entry) == 4 and entry[0] in TABLES
                    and all(isinstance(x, str) for x in entry)):
                raise _damaged()
        self.db.add_merges(tuple(entry) for entry in merges)  # a grow-only set: every laptop ends with all
        had_tombstones = self.db.has_tombstones()
        checked = {name: self._checked_rows(name, tables.get(name, {"fields": list(TABLES[name].field_names),
                                                                    "rows": []})) for name in TABLE_ORDER}
        for name in {m[0] for m in self.db.merges()}:
            self.survivors[name] = self._opposite_merge_survivors(name, checked[name])
        for name in TABLE_ORDER:
            tombs = {k: v for k, v in incoming_tombs.get(name, {}).items() if not self._void(name, k, v)}
            self._apply_table(name, checked[name], tombs)
            self._keep_void_tombstones(name, incoming_tombs.get(name, {}), tombs)
        self._enforce_merges()
        if had_tombstones or self.removed_locally or incoming_tombs:
            self._settle_orphans()
        return self.counts

    def _merge_edges(self, name: str) -> dict[str, str]:
        """Duplicate -> the record its newest merge kept (a pure function of the merges set)."""
        newest: dict[str, tuple[str, str]] = {}
        stamps = self.merge_stamps.setdefault(name, {})
        for duplicate, keep, stamp in self.db.merges_of(name):
            stamps.setdefault(duplicate, set()).add(stamp)
            if duplicate not in newest or (stamp, keep) > newest[duplicate]:
                newest[duplicate] = (stamp, keep)
        return {duplicate: keep for duplicate, (_stamp, keep) in newest.items()}

    def _opposite_merge_survivors(self, name: str, rows: list[list]) -> set[str]:
        """Merged-away records whose merge does not count here (yet): the survivor of a circle of
        merges (opposite merges: the smallest id lives on), and any record whose surviving record
        this laptop does not hold, so nothing pointing to it is lost while that record travels.

        Decided from the merges alone, so every laptop ends with the same survivor whatever the order."""
        edges = self._merge_edges(name)
        available = {row[0] for row in rows}
        kept = set()
        for duplicate in edges:
            root = self._root(duplicate, edges)
            if root == duplicate or not (root in available or self.db.exists(name, root)):
                kept.add(duplicate)
        return kept

    def merges_pending(self) -> bool:
        """True while a merge of duplicates waits for a record this laptop does not hold (a survivor
        still deleted here, or one whose survivor has not arrived): then a bundle is read even when
        its vector is already covered, since it may carry that record."""
        for name in {m[0] for m in self.db.merges()}:
            edges = self._merge_edges(name)
            for duplicate in edges:
                root = self._root(duplicate, edges)
                if not self.db.exists(name, root) or (root != duplicate and self.db.exists(name, duplicate)):
                    return True
        return False

    @staticmethod
    def _root(record_id: str, edges: dict[str, str]) -> str:
        """Where a merged-away record lives on: the end of its chain of merges, or the smallest id of a circle."""
        path, node = [], record_id
        while node in edges and node not in path:
            path.append(node)
            node = edges[node]
        return min(path[path.index(node):]) if node in path else node

    def _enforce_merges(self) -> None:
        """A record merged away stays away, even one that an earlier circle of merges (or a survivor
        not yet received) kept: once its survivor is here, what the merges say wins on every laptop."""
        for name in self.survivors:
            edges = self._merge_edges(name)
            for duplicate, stamps in self.merge_stamps.get(name, {}).items():
                root = self._root(duplicate, edges)
                if root == duplicate or not self.db.exists(name, root):
                    continue
                row = self.db.get_row(name, duplicate)
                merged_at = max(stamps)
                if row is None or json.loads(row["_stamps"])["*"] > merged_at:
                    continue  # gone already, or made again after the merge (a pair record)
                self.db.keep_merged_away(name, duplicate, {f: row[f] for f in TABLES[name].field_names},
                                         json.loads(row["_stamps"]))
                self.db.delete_row(name, duplicate)
                self.db.set_tombstone(name, duplicate, self._tomb(name, duplicate, merged_at,
                                                                  self.db.tombstone(name, duplicate)))
                self.removed_locally = True
                self.counts.add(name, "deleted")

    def _tomb(self, name: str, record_id: str, *stamps: str | None) -> str | None:
        """The tombstone that counts of several: a real delete (for a person, an erasure) over any tombstone
        of a merge, whatever their stamps — a merge's may be voided later (opposite merges), and an erasure
        hidden under a newer one would come back with it; else the newest."""
        present = [s for s in stamps if s]
        merges = self.merge_stamps.get(name, {}).get(record_id, ())
        real = [s for s in present if s not in merges]
        return max(real or present, default=None)

    def _keep_void_tombstones(self, name: str, incoming: dict[str, str], counted: dict[str, str]) -> None:
        """A merge's tombstone that does not count yet (its record may be the survivor of opposite merges)
        is still kept when this laptop holds neither the record nor a tombstone of it: every laptop then
        holds the same tombstones, and the record still comes back when its row arrives (`_apply_table`)."""
        for record_id, stamp in incoming.items():
            if record_id not in counted and not self.db.exists(name, record_id) \
                    and self.db.tombstone(name, record_id) is None:
                self.db.set_tombstone(name, record_id, stamp)

    def _void(self, name: str, record_id: str, stamp: str | None) -> bool:
        """A tombstone made by one of the record's merges does not count while the merge is kept
        (above); a later delete (an erasure) always does."""
        return (stamp is not None and record_id in self.survivors.get(name, ())
                and stamp in self.merge_stamps.get(name, {}).get(record_id, ()))

    def _checked_rows(self, name: str, section: Any) -> list[list]:
        if not isinstance(section, dict) or section.get("fields") != list(TABLES[name].field_names):
            raise _damaged()
        rows = section.get("rows")
        width = len(TABLES[name].field_names) + 3  # id, values..., stamps, newest stamp
        if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != width for r in rows):
            raise _damaged()
        for row in rows:
            try:
                self.devices.update(stamp_device(s) for s in json.loads(row[-2]).values())
            except (TypeError, ValueError, AttributeError):
                raise _damaged() from None
        return rows

    def _apply_table(self, name: str, rows: list[list], tombs: dict[str, str]) -> None:
        local_tombs = self.db.tombstones_of(name)
        first_rows = not local_tombs and self.db.table_is_empty(name)
        for survivor in self.survivors.get(name, ()):
            if self._void(name, survivor, local_tombs.get(survivor)):
                local_tombs.pop(survivor)  # the survivor of opposite merges is not deleted after all
        if first_rows:
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
        tomb = self._tomb(name, record_id, local_tomb, incoming_tomb)
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
        voided = local_tomb is None and self._void(name, record_id, self.db.tombstone(name, record_id))
        if local_tomb is not None or voided:
            self.db.drop_tombstone(name, record_id)  # re-created after the delete, or a merge survivor
            merged = self._with_buried(name, record_id, merged)
        self._write(name, local, merged)

    def _with_buried(self, name: str, record_id: str, merged: tuple) -> tuple:
        """A record that comes back (the survivor of opposite merges, or a pair added again after its
        removal) gets back the edits this laptop buried with it that are newer than what comes back.

        Why: this laptop's seen vector already tells the others it holds those edits, so no later
        bundle brings them again, while a laptop that never buried them merges them field by field;
        folding them back in here makes the result the same whatever order the laptops saw things in.
        This is the one mechanism for records coming back; nothing needs reading twice.

        An edit folded back in is stamped anew, as an edit made here now: it may exist nowhere else
        (made on this laptop and merged away before any bundle carried it), and the old stamp, which
        every vector already covers, would never travel again (a rename seen by one laptop only)."""
        kept = self.db.take_merged_away(name, record_id)
        if not kept:
            return merged
        stamps = json.loads(merged[-2])
        values = list(merged[1:-2])
        for index, field_name in enumerate(TABLES[name].field_names):
            if field_name in kept and kept[field_name][1] > _stamp_of(stamps, field_name):
                values[index] = kept[field_name][0]
                stamps[field_name] = max(kept[field_name][1], self.db.new_stamp())
        compact = {"*": stamps["*"]} | {k: v for k, v in stamps.items() if k != "*" and v != stamps["*"]}
        return (merged[0], *values, json.dumps(compact, sort_keys=True), merged[-1])

    def _write(self, name: str, local: tuple | None, merged: tuple) -> None:
        stamps = json.loads(merged[-2])
        row = (*merged[:-1], max(stamps.values()))
        if local is None:
            self.db.insert_rows(name, [row])
            self.counts.add(name, "new")
            self.written.setdefault(name, set()).add(row[0])
            return
        if tuple(local) == tuple(row[:-1]):
            self.counts.add(name, "unchanged")
            return
        self.db.replace_row(name, row)
        values_changed = tuple(local[1:-1]) != tuple(row[1:-2])
        self.counts.add(name, "updated" if values_changed else "unchanged")
        if values_changed:
            self.written.setdefault(name, set()).add(row[0])

    def _bury(self, name: str, record_id: str, local: tuple | None, incoming: list | None,
              tomb: str, local_tomb: str | None) -> None:
        """The delete wins; edits the deleting side never saw are kept as conflicts."""
        row = tuple(local[:-1]) if local is not None else tuple(incoming[:-2]) if incoming is not None else None
        if row is not None:
            self.buried[(name, record_id)] = dict(zip(TABLES[name].field_names, row[1:], strict=True))
        self._remember_buried(name, record_id, local, incoming, tomb)
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
            if tomb not in self.merge_stamps.get(name, {}).get(record_id, ()):
                self.db.forget_merged_into(name, record_id)  # an erasure: nothing of them or their duplicates
        if tomb != local_tomb:
            self.db.set_tombstone(name, record_id, tomb)

    def _remember_buried(self, name: str, record_id: str, local: tuple | None, incoming: list | None,
                         tomb: str) -> None:
        """Remember what a tombstone that may be undone buries, for `_with_buried`: every value buried
        by a merge (an opposite merge may bring the record back), and of a pair record (this person at
        this meeting, which may be added again) the edits stamped after the delete — a re-creation made
        on a laptop that had not seen them is older than they are. A real delete of any other record
        (a tombstone is final; for a person, an erasure) leaves nothing behind."""
        merged_away = tomb in self.merge_stamps.get(name, {}).get(record_id, ())
        if not merged_away and TABLES[name].pair is None:
            self.db.forget_merged_away(name, record_id)
            return
        names = TABLES[name].field_names
        for row, stamps in ((local, local and local[-1]), (incoming, incoming and incoming[-2])):
            if row is None:
                continue
            values, stamps = dict(zip(names, row[1:len(names) + 1], strict=True)), json.loads(stamps)
            if not merged_away:
                values = {f: v for f, v in values.items() if _stamp_of(stamps, f) > tomb}
            if values:
                self.db.keep_merged_away(name, record_id, values, stamps)

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
        """Records that point to a deleted record: moved to what it was merged into, kept under a
        recreated parent (nothing silently destroyed), or, under an erased person or for an optional
        link, they follow the delete or lose the link."""
        for _round in range(2 * len(TABLE_ORDER) + 2):
            settled_any = False
            for name in TABLE_ORDER:
                for spec_field in TABLES[name].fields:
                    if not spec_field.references:
                        continue
                    for record_id, parent, tomb in self.db.orphans(name, spec_field.name):
                        if tomb is None:
                            raise BundleError(_(
                                "This bundle refers to records this laptop has never received; "
                                "import a full bundle from that laptop first."))
                        if self.db.exists(name, record_id):
                            self._settle(name, spec_field, record_id, parent, tomb)
                        settled_any = True
            if not settled_any:
                return

    def _settle(self, name: str, spec_field: Any, record_id: str, parent: str, tomb: str) -> None:
        survivor = self._survivor_of(spec_field.references, parent)
        if survivor is not None:
            self._relink(name, spec_field, record_id, survivor)
        elif spec_field.required and spec_field.references not in NO_CONFLICT_COPIES:
            self._rescue(name, spec_field, record_id, parent, tomb)
        else:
            self._detach(name, spec_field, record_id)

    def _survivor_of(self, table: str, record_id: str) -> str | None:
        """Follow merges (duplicate -> kept) to a record that still exists."""
        edges = self._merge_edges(table)
        if record_id not in edges:
            return None
        root = self._root(record_id, edges)
        return root if root != record_id and self.db.exists(table, root) else None

    def _relink(self, name: str, spec_field: Any, record_id: str, target: str) -> str:
        """Point a record at `target` instead; a pair record (this person at this meeting) moves to the new pair."""
        spec = TABLES[name]
        if spec.pair is None or spec_field.name not in spec.pair:
            self.db.set_field(name, record_id, spec_field.name, target)
            self.counts.add(name, "updated")
            return record_id
        values = self.db.get_row(name, record_id)
        moved = {n: values[n] for n in spec.field_names} | {spec_field.name: target}
        new_id = pair_id(*(moved[n] for n in spec.pair))
        existing = self.db.get_row(name, new_id)
        if existing is None:
            self.db.insert_record(name, new_id, moved)
        elif name == "attendance" and ATTENDANCE_RANK[moved["status"]] > ATTENDANCE_RANK[existing["status"]]:
            self.db.set_field(name, new_id, "status", moved["status"])
        self.db.delete_record(name, record_id)
        self.counts.add(name, "updated")
        return new_id

    def _rescue(self, name: str, spec_field: Any, record_id: str, parent: str, tomb: str) -> None:
        """Keep a record added under a parent deleted elsewhere: recreate the parent from its old values."""
        table = spec_field.references
        values = self.buried.get((table, parent))
        new_id = recreated_id(parent)
        while self.db.tombstone(table, new_id):  # the recreated one was deleted too
            new_id = recreated_id(new_id)
        if not self.db.exists(table, new_id):
            if values is None:  # nothing to recreate it from (an old or partial bundle): follow the delete
                self._detach(name, spec_field, record_id)
                return
            self.db.insert_record(table, new_id, values)
            self.counts.add(table, "new")
        record_id = self._relink(name, spec_field, record_id, new_id)
        self.db.add_conflict(name, record_id, spec_field.name, (new_id, None), (parent, tomb), self.now,
                         kind="orphan")
        self.counts.add(name, "conflicts")

    def _detach(self, name: str, spec_field: Any, record_id: str) -> None:
        if spec_field.required:
            self.db.delete_record(name, record_id)
            if name == "people":
                self.db.forget_conflicts_of(name, record_id)
            self.counts.add(name, "deleted")
        else:
            self.db.set_field(name, record_id, spec_field.name, None)
