"""Import a bundle all or nothing: verify everything first, back up, merge in one transaction, report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store, backups, erasure, typed_names
from fieldgroup.core.hlc import stamp_ms
from fieldgroup.core.safe_read import read_bounded
from fieldgroup.core.schema import CORE_TEAM_TABLES
from fieldgroup.i18n import _, ngettext
from fieldgroup.sync import bundle, clocks, compat, state, validate
from fieldgroup.sync.clocks import ClockAheadError  # noqa: F401  (callers catch it from here)
from fieldgroup.sync.merge import MergeCounts, Merger
from fieldgroup.sync.state import FUTURE_TOLERANCE_MS

log = logging.getLogger(__name__)

# The stress store's bundle is about 16 MB (59 MB unpacked): a file sixteen times that is not a bundle.
MAX_BUNDLE_BYTES = 256 << 20


@dataclass
class ImportReport:
    """What an import did: counts, whether anything was new, and warnings worth reading."""

    file_name: str
    bundle_id: str
    sender_device: str
    sender_name: str | None
    dry_run: bool
    already_had: bool
    counts: MergeCounts = field(default_factory=MergeCounts)
    warnings: list[str] = field(default_factory=list)
    backup: str | None = None
    converted: int = 0  # names typed as plain text in what came in, turned into mentions on arrival

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file_name, "bundle_id": self.bundle_id, "sender_device": self.sender_device,
                "sender_name": self.sender_name, "dry_run": self.dry_run, "already_had": self.already_had,
                "counts": self.counts.as_dict(), "warnings": self.warnings, "backup": self.backup,
                "names_converted": self.converted}

    def converted_sentence(self) -> str | None:
        """One sentence when names typed in the colleague's text were turned into mentions (never a name)."""
        if not self.converted:
            return None
        return ngettext("{n} name typed as plain text in what came in was turned into a mention.",
                        "{n} names typed as plain text in what came in were turned into mentions.",
                        self.converted).format(n=self.converted)

    def summary(self) -> str:
        if self.already_had:
            return _("Nothing new: this laptop already has everything in {file}.").format(file=self.file_name)
        c = self.counts
        values = {"new": c.new, "updated": c.updated, "deleted": c.deleted, "unchanged": c.unchanged,
                  "conflicts": c.conflicts}
        if self.dry_run:
            return ngettext(
                "Dry run, nothing written: {new} new, {updated} updated, {deleted} deleted, {unchanged} unchanged, "
                "{conflicts} conflict.",
                "Dry run, nothing written: {new} new, {updated} updated, {deleted} deleted, {unchanged} unchanged, "
                "{conflicts} conflicts.", c.conflicts).format(**values)
        return ngettext(
            "{new} new, {updated} updated, {deleted} deleted, {unchanged} unchanged, {conflicts} conflict.",
            "{new} new, {updated} updated, {deleted} deleted, {unchanged} unchanged, {conflicts} conflicts.",
            c.conflicts).format(**values)


class PlainBundleRefused(bundle.BundleError):
    """A group with a passphrase was handed a bundle that is not encrypted: anyone could have written it."""

    needs_decision = True  # folder sync: waits for the user instead of being set aside


def read_bundle_file(path: Path, passphrase: str | None, *, arriving_ok: bool = False,
                     require_encrypted: bool = False) -> tuple[bundle.Manifest, bytes]:
    """Read and verify a bundle file; nothing is written anywhere.

    With require_encrypted (a group with a passphrase), a plain bundle is refused: whoever can
    write to the stick or the shared folder could have made it."""
    data = read_bounded(path, MAX_BUNDLE_BYTES, bundle.BundleError, check_start=bundle.check_start)
    if bundle.is_encrypted(data):
        data = bundle.decrypt(data, passphrase)
    elif require_encrypted and data.startswith(bundle.MAGIC):
        raise PlainBundleRefused(
            _("{name} is not encrypted, so anyone could have written it; import it only if you know it comes from a "
              "colleague's laptop from before the switch to encryption, and accept it explicitly.").format(name=path.name))
    return bundle.read_manifest(data, arriving_ok=arriving_ok)


def check_group(store: Store, manifest: bundle.Manifest) -> None:
    group_id, group_name = state.sync_group(store)
    if group_id is not None and manifest.group_id is not None and manifest.group_id != group_id:
        raise bundle.BundleError(
            _("This bundle belongs to another working group ({other}), not to {mine}; import it into that group's store.")
            .format(other=manifest.group_name or manifest.group_id, mine=group_name)
        )


def newest_by_device(manifest: bundle.Manifest, rows: dict[str, str] | None = None) -> dict[str, str]:
    """The newest stamp of each laptop in the bundle, judged per laptop that made the stamps (full
    bundles relay others' changes): the manifest's, and with `rows` (from the checked payload) the
    rows' own — what the merge writes is judged, not only what the manifest says."""
    newest = dict(manifest.vector)
    sender = manifest.sender_device
    newest[sender] = max(newest.get(sender, ""), manifest.created)
    for device, stamp in (rows or {}).items():
        newest[device] = max(newest.get(device, ""), stamp)
    return newest


def check_clock(store: Store, manifest: bundle.Manifest, *, accept_future: bool | set[str] = False,
                remember: bool = False, rows: dict[str, str] | None = None) -> list[str]:
    names = {peer.device: peer.name for peer in store.sync.peers() if peer.name} | dict(manifest.devices)
    return clocks.check(store, newest_by_device(manifest, rows), names, accept_future, remember=remember)


def import_bundle(store: Store, path: Path | str, passphrase: str | None = None, *, dry_run: bool = False,
                  accept_future: bool | set[str] = False, arriving_ok: bool = False,
                  accept_unencrypted: bool = False) -> ImportReport:
    """Verify, then merge a bundle into `store` in one transaction (rolled back when `dry_run`).

    The passphrase defaults to the one that unlocked the store; a store with a passphrase refuses
    plain bundles unless `accept_unencrypted`."""
    path = Path(path)
    require = bool(passphrase or store.passphrase) and not accept_unencrypted
    try:
        return _import(store, path, passphrase, dry_run, accept_future, arriving_ok, require)
    except FieldGroupError:
        raise
    except Exception as exc:  # a hostile file must never surface as a traceback: one sentence, store untouched
        log.exception("Import of %s failed", path.name)
        raise bundle.BundleError(_("{file} could not be imported ({reason}); nothing was changed — ask the colleague "
                                   "who sent it for a new bundle.").format(file=path.name, reason=type(exc).__name__)) from exc


def _import(store: Store, path: Path, passphrase: str | None, dry_run: bool, accept_future: bool,
            arriving_ok: bool, require: bool) -> ImportReport:
    manifest, compressed = _read_with_either(path, passphrase, store.passphrase, arriving_ok, require)
    check_group(store, manifest)
    warnings = check_clock(store, manifest, accept_future=accept_future, remember=not dry_run)
    report = ImportReport(path.name, manifest.bundle_id, manifest.sender_device, manifest.sender_name,
                          dry_run, already_had=False, warnings=warnings)
    seen_before = state.seen_vector(store)
    if manifest.sender_device == store.device_id or (state.covers(seen_before, manifest.vector)
                                                     and not Merger(store, {}, {}).merges_pending()):
        report.already_had = True
        if not dry_run and manifest.sender_device != store.device_id:
            with store.transaction():  # what the sender has is still worth knowing (bundles for that device)
                state.remember_peer(store, manifest, seen_before)
        return report
    payload = compat.readable_payload(bundle.read_payload(compressed, manifest.payload_plain_bytes), manifest.format)
    rows_newest = validate.check_payload(store, manifest, payload)
    _refuse_core_team_rows(payload)
    report.warnings += [w for w in check_clock(store, manifest, accept_future=accept_future, remember=not dry_run,
                                               rows=rows_newest) if w not in report.warnings]
    backup = None if dry_run else backups.backup_before(store, "import")
    report.backup = str(backup) if backup else None
    try:
        with store.transaction():
            merger = Merger(store, manifest.vector, seen_before)
            report.counts = merger.apply(payload)
            # Past every row stamp that arrived (not only the manifest's): later local edits sort after
            # them. Accepted future stamps are not observed (clocks.py): this laptop's bundles stay acceptable.
            limit = store.sync.wall_ms() + FUTURE_TOLERANCE_MS
            observable = [s for s in rows_newest.values() if stamp_ms(s) <= limit]
            if observable:
                store.sync.observe(max(observable))
            # A colleague's older text naming a protected person is converted on arrival, stamped after it.
            report.converted = typed_names.run(store, merger.written)
            if dry_run:
                raise _Rollback()  # same work as a real import, then undone: the counts are the real ones
            _remember(store, manifest, path, report, seen_before, merger.devices)
    except _Rollback:
        pass
    except BaseException:
        if backup:
            backups.discard_unused(store, backup)  # a refused bundle takes no backup
        raise
    if backup:
        backups.merged(store, backup)
    erasure.finish_if_pending(store)  # a person erased by this merge: free pages, WAL, backups
    return report


def _read_with_either(path: Path, typed, own, arriving_ok: bool, require: bool) -> tuple[bundle.Manifest, bytes]:  # noqa: ANN001
    """The passphrase typed (an old one, for a bundle made before the change) or the store's own."""
    candidates = [p for p in (typed, own) if p] or [None]
    for index, candidate in enumerate(candidates):
        try:
            return read_bundle_file(path, candidate, arriving_ok=arriving_ok, require_encrypted=require)
        except bundle.PassphraseNeeded:
            if index == len(candidates) - 1:
                raise
    raise AssertionError("unreachable")


def _refuse_core_team_rows(payload: dict[str, Any]) -> None:
    """An ordinary bundle never holds incidents (the exporter leaves them out): one that does was made
    by hand, and whoever holds only the group passphrase must not plant or delete one."""
    if (any(payload["tables"].get(name, {}).get("rows") for name in CORE_TEAM_TABLES)
            or any(entry[0] in CORE_TEAM_TABLES for entry in payload["tombstones"])):
        raise bundle.BundleError(_("This bundle holds incidents, which travel only in the core-team bundle, so nothing "
                                   "was imported; ask the colleague who sent it for a new bundle."))


class _Rollback(Exception):
    """Raised to undo a dry run's transaction."""


def _remember(store: Store, manifest: bundle.Manifest, path: Path, report: ImportReport,
              seen_before: dict[str, str], present: set[str]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    base = None if manifest.full else (manifest.base if manifest.base is not None else manifest.vector)
    seen = state.received_vector(seen_before, manifest.vector, base, present, manifest.sender_device)
    state.observe_received(store, {d: s for d, s in manifest.vector.items() if d in seen})
    state.save_seen_vector(store, seen)
    for device, name in manifest.devices.items():
        if device in seen and device not in (manifest.sender_device, store.device_id) and store.sync.peer(device) is None:
            store.sync.save_peer(device, (name or "")[: state.MAX_NAME] or None, {}, now)
    state.remember_peer(store, manifest, seen)
    store.sync.add_import(manifest.bundle_id, path.name, manifest.sender_device, now,
                          report.counts.as_dict(), " ".join(report.warnings))
    store.set_local_setting("last_sync", now)
    if manifest.group_id and not store.local_setting("sync_group"):
        store.set_local_setting("sync_group", manifest.group_id)
