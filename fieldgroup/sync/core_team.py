"""The core-team bundle (issue 19): incidents travel only in their own file, encrypted with the core-team passphrase.

Beside each laptop's ordinary `<device>.fgbundle` in the group's folder, a core-team laptop writes
`<device>.core.fgbundle`: every core-team row (incidents, their organisations and steps, the response
protocol) and their tombstones, with the rows they point to, encrypted with the group's second
passphrase. Laptops without it never match that name and skip it. The file is always full, so a
laptop given the core-team passphrase later receives every incident at its first sync.

The core-team passphrase is held in memory for this run only, like the group passphrase; a
verifier (a small age file only it opens) in the laptop's local settings tells a typo from the
right one. Its own version vector (`core_seen_vector`) says which devices' core rows this laptop
holds: the ordinary vector cannot, since ordinary bundles carry no incident."""

from __future__ import annotations

import base64
import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store, backups, erasure, keys, protected_contacts, typed_names
from fieldgroup.core.schema import CORE_TEAM, CORE_TEAM_TABLES, TABLE_ORDER, TABLES
from fieldgroup.i18n import _
from fieldgroup.sync import bundle, compat, state, validate
from fieldgroup.sync.exporter import _write_verified
from fieldgroup.sync.importer import check_clock, check_group, read_bundle_file
from fieldgroup.sync.merge import MergeCounts, Merger

CORE_NAME = re.compile(r"^([0-9a-f]{16})\.core\.fgbundle$")
_CHECK_SETTING = "core_team_check"
_VECTOR_SETTING = "core_seen_vector"
_MARKER = b"fieldgroup-core-team\n"
log = logging.getLogger(__name__)
_held: dict[str, keys.Passphrase] = {}  # store path -> core-team passphrase, memory only


class CoreTeamError(FieldGroupError):
    """The core-team passphrase is missing, wrong or unusable; the message says what to do."""


def _key(store: Store) -> str:
    return str(Path(store.path).resolve())


# ---- holding the core-team passphrase ----------------------------------------------------------

def hold(store: Store, passphrase: keys.Passphrase) -> None:
    """Hold the core-team passphrase for this run; the first time on this laptop it is remembered as a verifier."""
    if store.passphrase is not None and passphrase == store.passphrase:
        raise CoreTeamError(_("The core-team passphrase must differ from the group passphrase; choose another one."))
    check = store.local_setting(_CHECK_SETTING)
    if check:
        try:
            bundle.decrypt(base64.b64decode(check), passphrase)
        except bundle.BundleError:
            raise CoreTeamError(_("That is not the core-team passphrase of this group; check it with the core team.")) from None
    else:
        problem = keys.weakness(passphrase.reveal())
        if problem:
            raise CoreTeamError(problem)
        store.set_local_setting(_CHECK_SETTING, base64.b64encode(bundle.encrypt(_MARKER, passphrase)).decode())
    _held[_key(store)] = passphrase


def held(store: Store) -> keys.Passphrase | None:
    """The core-team passphrase when this laptop holds it in this run, else None."""
    return _held.get(_key(store))


def is_core_laptop(store: Store) -> bool:
    """True when this laptop has been given the core-team passphrase at some time (it may hold incidents)."""
    return bool(store.local_setting(_CHECK_SETTING))


def release(store: Store) -> None:
    _held.pop(_key(store), None)


# ---- what travels --------------------------------------------------------------------------------

def ordinary_audience(table: str, _row: list) -> bool:
    """store.sync's audience filter for the ordinary bundle: every laptop of the group, so no core-team row."""
    return table not in CORE_TEAM_TABLES


def core_payload(store: Store) -> tuple[dict[str, Any], dict[str, int]]:
    """Every core-team row and tombstone, with every row they point to (so no link arrives dangling)."""
    rows: dict[str, list[list]] = {name: [list(r) for r in store.sync.rows(name)] for name in CORE_TEAM_TABLES}
    _add_parents(store, rows)
    tombstones = [list(t) for t in store.sync.tombstones() if t[0] in CORE_TEAM_TABLES]
    tables = {name: {"fields": list(TABLES[name].field_names), "rows": sorted(rows[name])}
              for name in TABLE_ORDER if name in rows}
    tables = protected_contacts.without_held_back(store, tables)  # a protected contact or owner: no e-mail, no phone
    counts = {name: len(rows[name]) for name in CORE_TEAM_TABLES} | {"tombstones": len(tombstones)}
    return {"tables": tables, "tombstones": tombstones}, counts


def _add_parents(store: Store, rows: dict[str, list[list]]) -> None:
    changed = True
    while changed:
        changed = False
        for name in list(rows):
            for index, spec_field in enumerate(TABLES[name].fields, start=1):
                parent = spec_field.references
                if not parent:
                    continue
                have = {r[0] for r in rows.get(parent, [])}
                wanted = {r[index] for r in rows[name] if r[index]} - have
                found = store.sync.rows_by_ids(parent, wanted) if wanted else []
                if found:
                    rows.setdefault(parent, []).extend(found)
                    changed = True


def core_vector(store: Store) -> dict[str, str]:
    """Device -> newest stamp of that device whose core-team rows this laptop holds."""
    vector = json.loads(store.local_setting(_VECTOR_SETTING) or "{}")
    own = store.sync.last_stamp()
    if own > vector.get(store.device_id, ""):
        vector[store.device_id] = own
    return vector


@dataclass
class CoreSyncResult:
    """What the core-team part of a folder sync did."""

    imported: dict[str, MergeCounts] = field(default_factory=dict)
    up_to_date: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    written: Path | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"imported": {name: c.as_dict() for name, c in self.imported.items()}, "up_to_date": self.up_to_date,
                "refused": self.refused, "written": str(self.written) if self.written else None}


def export_core_bundle(store: Store, out: Path | str, passphrase: keys.Passphrase | None = None) -> Path:
    """Write the core-team bundle to `out`, encrypted with the core-team passphrase, read back and verified."""
    passphrase = passphrase or held(store)
    if passphrase is None:
        raise CoreTeamError(_("This laptop does not hold the core-team passphrase; enter it to share incidents."))
    typed_names.run(store)  # names typed in incidents become mentions first, as for every bundle
    payload, counts = core_payload(store)
    group_id, group_name = state.sync_group(store)
    manifest = bundle.Manifest(
        bundle_id=str(uuid.uuid4()), group_id=group_id, sender_device=store.device_id,
        created=store.sync.new_stamp(), vector=core_vector(store), counts=counts, payload_sha256="",
        payload_bytes=0, full=True, sender_name=state.device_name(store), group_name=group_name)
    data = bundle.encrypt(bundle.encode(manifest, payload), passphrase)
    out = Path(out)
    _write_verified(out, data, passphrase, manifest.bundle_id)
    return out


def import_core_bundle(store: Store, path: Path | str, passphrase: keys.Passphrase | None = None,
                       *, arriving_ok: bool = False, accept_future: bool | set[str] = False) -> MergeCounts | None:
    """Merge a colleague's core-team bundle (all or nothing); None when this laptop already had all of it.

    Held to every rule of an ordinary bundle (bounded read, age file, group, clocks, row checks)
    and to one more: it holds only core-team rows, their tombstones and the rows they point to."""
    passphrase = passphrase or held(store)
    if passphrase is None:
        raise CoreTeamError(_("This laptop does not hold the core-team passphrase; enter it to receive incidents."))
    path = Path(path)
    try:
        return _import_core(store, path, passphrase, arriving_ok, accept_future)
    except FieldGroupError:
        raise
    except Exception as exc:  # a hostile file must never surface as a traceback: one sentence, store untouched
        log.exception("Import of %s failed", path.name)
        raise bundle.BundleError(_("{file} could not be imported ({reason}); nothing was changed — ask the colleague "
                                   "who sent it for a new bundle.").format(file=path.name, reason=type(exc).__name__)) from exc


def _import_core(store: Store, path: Path, passphrase: keys.Passphrase, arriving_ok: bool,
                 accept_future: bool | set[str]) -> MergeCounts | None:
    manifest, compressed = read_bundle_file(path, passphrase.reveal(), arriving_ok=arriving_ok, require_encrypted=True)
    check_group(store, manifest)
    check_clock(store, manifest, accept_future=accept_future, remember=True)
    seen = core_vector(store)
    if manifest.sender_device == store.device_id or state.covers(seen, manifest.vector):
        return None
    payload = compat.readable_payload(bundle.read_payload(compressed, manifest.payload_plain_bytes), manifest.format)
    rows_newest = validate.check_payload(store, manifest, payload)
    _check_core_only(payload)
    check_clock(store, manifest, accept_future=accept_future, remember=True, rows=rows_newest)
    payload = _only_missing_parents(store, payload)
    backup = backups.backup_before(store, "import")
    try:
        with store.transaction():
            merger = Merger(store, manifest.vector, seen)
            counts = merger.apply(payload)
            # As for ordinary bundles: a vector grows only for devices whose stamps the payload holds,
            # and the clock never follows one far ahead.
            received = state.received_vector(seen, manifest.vector, None, merger.devices, manifest.sender_device)
            state.observe_received(store, {d: s for d, s in manifest.vector.items() if d in received}
                                   | {d: s for d, s in rows_newest.items() if d in received})
            store.set_local_setting(_VECTOR_SETTING, json.dumps(received, sort_keys=True))
            typed_names.run(store, merger.written)  # converted on arrival, stamped after it
    except BaseException:
        backups.discard_unused(store, backup)  # a refused bundle takes no backup
        raise
    backups.merged(store, backup)
    erasure.finish_if_pending(store)  # a person erased by this merge: free pages, WAL, backups
    return counts


def _check_core_only(payload: dict[str, Any]) -> None:
    """Refuse ordinary rows the core-team rows do not point to, and any ordinary deletion: whoever holds
    only the core-team passphrase must not add, change or delete what the ordinary bundles carry.
    The payload has passed validate.check_payload: its layout is the one the exporter writes."""
    tables = {name: section["rows"] for name, section in payload["tables"].items()}
    by_id = {(name, r[0]): r for name, rows in tables.items() if name not in CORE_TEAM_TABLES for r in rows}
    queue = [(name, r) for name in tables if name in CORE_TEAM_TABLES for r in tables[name]]
    wanted: dict[str, set[str]] = {}
    while queue:  # each ordinary row is reached at most once: a chain of any length costs one pass
        name, row = queue.pop()
        for index, spec_field in enumerate(TABLES[name].fields, start=1):
            target, value = spec_field.references, row[index]
            if target and value is not None and value not in wanted.setdefault(target, set()):
                wanted[target].add(value)
                if (target, value) in by_id:
                    queue.append((target, by_id[target, value]))
    stray = any(r[0] not in wanted.get(name, set()) for name, rows in tables.items()
                if name not in CORE_TEAM_TABLES for r in rows)
    if stray or any(entry[0] not in CORE_TEAM_TABLES for entry in payload["tombstones"]):
        raise bundle.BundleError(_("This core-team bundle holds records that travel only in the ordinary bundle, so "
                                   "nothing was imported; ask the colleague who sent it for a new bundle."))


def _only_missing_parents(store: Store, payload: dict[str, Any]) -> dict[str, Any]:
    """Ordinary rows ride along only so that incidents never point to nothing: those this laptop
    has (or deleted) are left to the ordinary bundles, so they never raise a conflict here."""
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        return payload  # the merge refuses it with its sentence
    for name, section in tables.items():
        if name in CORE_TEAM_TABLES or name not in TABLES or not isinstance(section, dict):
            continue
        rows = section.get("rows")
        if not isinstance(rows, list):
            continue
        ids = [r[0] for r in rows if isinstance(r, list) and r and isinstance(r[0], str)]
        known = set(store.sync.rows_by_id(name, ids)) | set(store.sync.tombstones_of(name))
        section["rows"] = [r for r in rows if not (isinstance(r, list) and r and r[0] in known)]
    return payload


def sync_mailbox(store: Store, mailbox: Path, accept_clock_ahead: set[str] | None = None) -> CoreSyncResult | None:
    """Import every colleague's core-team bundle in the group's folder, then write this laptop's; None without the passphrase."""
    passphrase = held(store)
    if passphrase is None:
        return None
    result = CoreSyncResult()
    for path in sorted(mailbox.iterdir()):
        match = CORE_NAME.match(path.name)
        if not match or match.group(1) == store.device_id or not path.is_file():
            continue
        try:
            counts = import_core_bundle(store, path, passphrase, arriving_ok=True,
                                        accept_future=accept_clock_ahead or set())
        except bundle.BundleError as exc:
            result.refused[path.name] = str(exc)
            continue
        if counts is None:
            result.up_to_date.append(path.name)
        else:
            result.imported[path.name] = counts
    result.written = export_core_bundle(store, mailbox / f"{store.device_id}.core.fgbundle", passphrase)
    return result


__all__ = ["CORE_TEAM", "CoreSyncResult", "CoreTeamError", "core_payload", "export_core_bundle", "held", "hold",
           "import_core_bundle", "is_core_laptop", "ordinary_audience", "release", "sync_mailbox"]
