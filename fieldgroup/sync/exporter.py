"""Write a bundle of a store: full or only what one peer lacks, written safely and verified by reading back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.atomic import write_atomically
from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import _
from fieldgroup.sync import bundle, state


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    full: bool
    counts: dict[str, int]
    encrypted: bool
    size: int

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "bundle_id": self.bundle_id, "full": self.full, "counts": self.counts,
                "encrypted": self.encrypted, "bytes": self.size}


def build_payload(store: Store, peer_vector: dict[str, str] | None) -> tuple[dict[str, Any], dict[str, int]]:
    """Every synced row and tombstone, or only those with a stamp the peer has not seen."""
    changes = store.sync.changes_since(peer_vector, close_references=False)
    tables = {name: {"fields": list(TABLES[name].field_names), "rows": rows} for name, rows in changes.tables.items()}
    return {"tables": tables, "tombstones": changes.tombstones}, changes.counts()


def export_bundle(store: Store, out: Path | str, passphrase: str | None = None,
                  for_device: str | None = None) -> ExportResult:
    """Write a bundle to `out`: temporary file, flush, rename, read back and verify.

    Encrypted with the passphrase that unlocked the store (an old passphrase typed to read a
    colleague's old bundle never encrypts ours), else with `passphrase` (a plain store); plain only
    when neither exists (the command line then insists on --unencrypted)."""
    out = Path(out)
    passphrase = store.passphrase or passphrase
    peer_vector = None
    if for_device:
        known = store.sync.peer(for_device)
        if known is None:
            raise FieldGroupError(_("This laptop has never received a bundle from device {device}; "
                                    "export a full bundle instead.").format(device=for_device))
        peer_vector = known.vector
    payload, counts = build_payload(store, peer_vector)
    group_id, group_name = state.sync_group(store)
    names = {peer.device: peer.name for peer in store.sync.peers() if peer.name}
    manifest = bundle.Manifest(
        bundle_id=str(uuid.uuid4()), group_id=group_id, sender_device=store.device_id,
        created=store.sync.new_stamp(), vector=state.seen_vector(store), counts=counts,
        payload_sha256="", payload_bytes=0, full=peer_vector is None, sender_name=state.device_name(store),
        devices=names | {store.device_id: state.device_name(store)}, group_name=group_name,
    )
    data = bundle.encode(manifest, payload)
    if passphrase:
        data = bundle.encrypt(data, passphrase)
    _write_verified(out, data, passphrase, manifest.bundle_id)
    return ExportResult(out, manifest.bundle_id, manifest.full, counts, bool(passphrase), len(data))


def _write_verified(out: Path, data: bytes, passphrase: str | None, bundle_id: str) -> None:
    if out.is_dir():
        raise FieldGroupError(_("{path} is a folder; give a file name for the bundle.").format(path=out))
    try:
        write_atomically(out, data)
        written = out.read_bytes()
        if bundle.is_encrypted(written):
            written = bundle.decrypt(written, passphrase)
        manifest, _payload = bundle.read_manifest(written)
        if manifest.bundle_id != bundle_id:
            raise OSError("read back a different bundle")
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
