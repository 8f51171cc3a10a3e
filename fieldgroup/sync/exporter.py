"""Write a bundle of a store: full or only what one peer lacks, written safely and verified by reading back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store, protected_contacts, typed_names
from fieldgroup.core.atomic import write_atomically
from fieldgroup.core.schema import CORE_TEAM_TABLES, TABLES
from fieldgroup.core.sync_access import lacks_stamp
from fieldgroup.i18n import _, ngettext
from fieldgroup.sync import bundle, state


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    full: bool
    counts: dict[str, int]
    encrypted: bool
    size: int
    converted: int = 0  # names typed as plain text turned into mentions just before (typed_names.py)

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "bundle_id": self.bundle_id, "full": self.full, "counts": self.counts,
                "encrypted": self.encrypted, "bytes": self.size, "names_converted": self.converted}


def build_payload(store: Store, peer_vector: dict[str, str] | None) -> tuple[dict[str, Any], dict[str, int]]:
    """Every synced row and tombstone, or everything the peer lacks from every device, closed under references.

    A merge of duplicates travels with its tombstone, and with the record it kept."""
    changes = store.sync.changes_since(peer_vector)
    lacks = (lambda stamp: True) if peer_vector is None else lacks_stamp(peer_vector)
    merges = [list(m) for m in store.sync.merges() if lacks(m[3])]
    if peer_vector is not None and merges:
        for table, _duplicate, keep, _stamp in merges:
            present = {row[0] for row in changes.tables[table]}
            if keep not in present:
                changes.tables[table] += store.sync.rows_by_ids(table, [keep])
        store.sync.close_under_references(changes)
    # Never a core-team row (incidents): those travel only in the core-team bundle (sync/core_team.py).
    for name in CORE_TEAM_TABLES:
        changes.tables.pop(name, None)
    changes.tombstones = [t for t in changes.tombstones if t[0] not in CORE_TEAM_TABLES]
    tables = {name: {"fields": list(TABLES[name].field_names), "rows": rows} for name, rows in changes.tables.items()}
    tables = protected_contacts.outgoing(store, tables)  # contacts of protected people stay home
    counts = changes.counts() | {"people": len(tables["people"]["rows"])}
    return {"tables": tables, "tombstones": changes.tombstones, "merges": merges}, counts


def export_bundle(store: Store, out: Path | str, passphrase: str | None = None,
                  for_device: str | None = None) -> ExportResult:
    """Write a bundle to `out`: temporary file, flush, rename, read back and verify.

    Encrypted with the passphrase that unlocked the store (an old passphrase typed to read a
    colleague's old bundle never encrypts ours), else with `passphrase` (a plain store); plain only
    when neither exists (the command line then insists on --unencrypted)."""
    out = Path(out)
    passphrase = store.passphrase or passphrase
    # Names typed as plain text become mentions in the store first: the text sent equals the text kept.
    converted = typed_names.run(store)
    peer_vector = None
    if for_device:
        known = store.sync.peer(for_device)
        if known is None:
            raise FieldGroupError(_("This laptop has never received a bundle from device {device}; "
                                    "export a full bundle instead.").format(device=for_device))
        # Only devices this laptop holds stamps of matter; the rest of a stored vector is noise.
        mine = state.seen_vector(store)
        peer_vector = {d: s for d, s in known.vector.items() if d in mine}
    # One snapshot for rows, tombstones and vector: a background task committing a meeting and its
    # attendance in between must not leave the bundle with the attendance but not the meeting.
    with store.sync.snapshot():
        payload, counts = build_payload(store, peer_vector)
        vector = state.seen_vector(store)
        group_id, group_name = state.sync_group(store)
        # Names only of devices in the vector, so the manifest grows with the group, not with what was claimed.
        names = {p.device: p.name[: state.MAX_NAME] for p in store.sync.peers() if p.name and p.device in vector}
        manifest = bundle.Manifest(
            bundle_id=str(uuid.uuid4()), group_id=group_id, sender_device=store.device_id,
            created=store.sync.new_stamp(), vector=vector, counts=counts,
            payload_sha256="", payload_bytes=0, full=peer_vector is None, sender_name=state.device_name(store),
            devices=names | {store.device_id: state.device_name(store)}, base=peer_vector,
            group_name=(group_name or "")[:200] or None,  # the manifest check (bundle.py) allows 200
        )
    data = bundle.encode(manifest, payload)
    if passphrase:
        data = bundle.encrypt(data, passphrase)
    _write_verified(out, data, passphrase, manifest.bundle_id)
    return ExportResult(out, manifest.bundle_id, manifest.full, counts, bool(passphrase), len(data), converted)


def converted_sentence(n: int) -> str:
    """What the Sync page and the command line say after the pass (never a name)."""
    return ngettext("{n} name typed as plain text was turned into a mention before export.",
                    "{n} names typed as plain text were turned into mentions before export.", n).format(n=n)


def _write_verified(out: Path, data: bytes, passphrase: str | None, bundle_id: str) -> None:
    """Temporary file, flush, read back and verify, and only then replace the previous bundle."""
    if out.is_dir():
        raise FieldGroupError(_("{path} is a folder; give a file name for the bundle.").format(path=out))
    try:
        write_atomically(out, data, verify=lambda temp: _verify(temp.read_bytes(), passphrase, bundle_id))
    except OSError as exc:
        raise FieldGroupError(
            _("Could not write the bundle to {folder} ({reason}); check that the stick is plugged in, "
              "not full and not read-only, then try again.").format(folder=out.parent, reason=exc.strerror or exc)
        ) from exc
    except bundle.BundleError as exc:
        raise FieldGroupError(
            _("The bundle written to {path} does not read back correctly; the stick may be failing — "
              "try another one.").format(path=out)
        ) from exc


def _verify(written: bytes, passphrase: str | None, bundle_id: str) -> None:
    if bundle.is_encrypted(written):
        written = bundle.decrypt(written, passphrase)
    manifest, _payload = bundle.read_manifest(written)
    if manifest.bundle_id != bundle_id:
        raise bundle.BundleError("read back a different bundle")
