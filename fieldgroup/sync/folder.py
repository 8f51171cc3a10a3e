"""Folder sync: a folder (USB stick, shared drive, Syncthing folder) used as a mailbox of bundles."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store, backups, typed_names
from fieldgroup.i18n import _
from fieldgroup.sync import bundle, state
from fieldgroup.sync.clocks import AheadDevice, ClockAheadError
from fieldgroup.sync.exporter import ExportResult, export_bundle
from fieldgroup.sync.importer import ImportReport, import_bundle

log = logging.getLogger(__name__)

MAILBOX = "FieldGroup"
# Only '<16 hex digits>.fgbundle' is a device's bundle: Syncthing's '.syncthing.*.tmp', Nextcloud's
# '.~lock', '(conflicted copy)', 'sync-conflict' copies and our own '.*.tmp' files never match.
BUNDLE_NAME = re.compile(r"^[0-9a-f]{16}\.fgbundle$")
# A temporary file this laptop's bundle writer leaves when killed (atomic.py: '.<name>.<random>.part';
# older versions '.tmp'); only this laptop's own, and only once nobody can still be writing it.
LEFTOVER_AFTER_S = 3600


@dataclass
class FolderSyncResult:
    """What one folder sync did: bundles imported, skipped as not ready, refused, and the one written."""

    folder: Path
    imported: list[ImportReport] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    not_ready: list[str] = field(default_factory=list)
    # Refused and set aside on this laptop (by content hash) until the file changes: file -> reason.
    set_aside: dict[str, str] = field(default_factory=dict)
    # Refusals the user can fix (passphrase, a clock ahead), tried again at every sync: file -> reason.
    waiting: dict[str, str] = field(default_factory=dict)
    clock_ahead: dict[str, list[AheadDevice]] = field(default_factory=dict)
    exported: ExportResult | None = None
    core_team: Any = None  # sync/core_team.CoreSyncResult on a laptop holding the core-team passphrase
    swept: list[str] = field(default_factory=list)  # this laptop's own leftover temporary files removed

    @property
    def refused(self) -> dict[str, str]:
        """Every file not imported for a reason (set aside or waiting for a decision)."""
        return self.set_aside | self.waiting

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "imported": [r.as_dict() for r in self.imported],
            "up_to_date": self.up_to_date,
            "not_ready": self.not_ready,
            "refused": self.refused,
            "set_aside": self.set_aside,
            "waiting": self.waiting,
            "clock_ahead": {name: [a.as_dict() for a in devices] for name, devices in self.clock_ahead.items()},
            "exported": self.exported.as_dict() if self.exported else None,
            "core_team": self.core_team.as_dict() if self.core_team else None,
            "swept": self.swept,
        }


def mailbox_for(store: Store, folder: Path) -> Path:
    """The group's subfolder; a new, empty store joins the one group found on the stick."""
    group_id, _name = state.sync_group(store)
    if group_id is not None:
        return Path(folder) / MAILBOX / group_id
    try:
        groups = [p for p in (Path(folder) / MAILBOX).iterdir() if p.is_dir()]
    except OSError:
        groups = []
    if len(groups) == 1:
        return groups[0]
    if not groups:
        raise FieldGroupError(_("This store has no working group yet and {folder} holds no colleague's bundles; "
                                "create a group or use the stick a colleague synced to.").format(folder=folder))
    raise FieldGroupError(_("{folder} holds bundles of several working groups; join by importing the bundle of "
                            "your group (Sync ▸ Import a bundle).").format(folder=folder))


def peer_bundles(store: Store, mailbox: Path) -> list[Path]:
    own = f"{store.device_id}.fgbundle"
    return sorted(p for p in mailbox.iterdir() if BUNDLE_NAME.match(p.name) and p.name != own and p.is_file())


def sync_folder(store: Store, folder: Path | str, passphrase: str | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                accept_unencrypted: bool = False,
                accept_clock_ahead: set[str] | None = None) -> FolderSyncResult:
    """Import every colleague's newer bundle from the folder, then write this laptop's own bundle there.

    A file that is refused is set aside on this laptop only (never moved in the shared folder) and
    skipped until it changes; the rest goes on, and this laptop's bundle is always written."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FieldGroupError(_("{folder} is not a folder that can be opened; plug in the stick or choose another folder.")
                              .format(folder=folder))
    mailbox = mailbox_for(store, folder)
    try:
        mailbox.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FieldGroupError(_("Could not create the FieldGroup folder on {folder} ({reason}); check that it is "
                                "not read-only or full.").format(folder=folder, reason=exc.strerror or exc)) from exc
    result = FolderSyncResult(folder)
    result.swept = sweep_own_leftovers(mailbox, store.device_id)
    candidates = peer_bundles(store, mailbox)
    known = store.sync.folder_files()
    with backups.one_backup_per_sync(store):
        for index, path in enumerate(candidates):
            if progress:
                progress(index, len(candidates) + 1, _("Reading {name}").format(name=path.name))
            _import_one(store, path, passphrase, result, known.get(path.name), accept_clock_ahead or set(),
                        accept_unencrypted)
    if progress:
        progress(len(candidates), len(candidates) + 1, _("Writing this laptop's bundle"))
    own = mailbox / f"{store.device_id}.fgbundle"
    converted = typed_names.run(store)  # before the "unchanged" test: a conversion is a change to send
    result.exported = _unchanged_own_bundle(store, own, passphrase) or export_bundle(store, own, passphrase)
    result.exported.converted += converted
    from fieldgroup.sync import core_team  # imports the importer and exporter: late, to keep folder.py light

    result.core_team = core_team.sync_mailbox(store, mailbox, accept_clock_ahead or set())
    with store.transaction():
        store.set_local_setting("last_sync", _now())
        _remember_own_bundle(store, result.exported)
    return result


def sweep_own_leftovers(mailbox: Path, device_id: str, now: float | None = None) -> list[str]:
    """Remove the temporary files a killed bundle writer of this laptop left in the mailbox, once an hour old.

    Only names made from this laptop's own device id: no other laptop writes those, so none is
    removed while a colleague writes it (over a shared drive) or while Syncthing brings it; Syncthing's
    own '.syncthing.*.tmp' and conflict copies are Syncthing's business. A removal that fails
    (read-only stick, a file held open) is left for the next sync."""
    now = time.time() if now is None else now
    pattern = re.compile(rf"^\.{re.escape(device_id)}\.fgbundle\.[A-Za-z0-9_]+\.(part|tmp)$")
    swept = []
    try:
        names = [entry.name for entry in mailbox.iterdir() if pattern.match(entry.name)]
    except OSError:
        return swept
    for name in names:
        path = mailbox / name
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > LEFTOVER_AFTER_S:
                path.unlink()
                swept.append(name)
        except OSError as exc:
            log.info("Could not remove a leftover bundle file: %s", exc.strerror)
    return swept


OWN_KEY = "own_bundle"


def _unchanged_own_bundle(store: Store, own: Path, passphrase: str | None) -> ExportResult | None:
    """This laptop's bundle already in the folder, when nothing changed since it was written: writing
    it again would cost a full export (and scrypt twice) at every sync of a group where nothing is new."""
    try:
        known = json.loads(store.local_setting(OWN_KEY) or "null")
        if not known or known["vector"] != state.seen_vector(store) or known["encrypted"] != bool(passphrase):
            return None
        if known["path"] != str(own) or file_hash(own) != known["sha256"]:
            return None
        return ExportResult(own, known["bundle_id"], True, known["counts"], known["encrypted"], known["bytes"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember_own_bundle(store: Store, exported: ExportResult) -> None:
    try:
        digest = file_hash(exported.path)
    except OSError:
        return
    record = {"path": str(exported.path), "sha256": digest, "vector": state.seen_vector(store),
              "encrypted": exported.encrypted, "bundle_id": exported.bundle_id, "counts": exported.counts,
              "bytes": exported.size}
    store.set_local_setting(OWN_KEY, json.dumps(record, sort_keys=True))


def file_hash(path: Path) -> str:
    """SHA-256 of the file as it is now (read in blocks: no decryption, little memory)."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def _import_one(store: Store, path: Path, passphrase: str | None, result: FolderSyncResult,
                known: tuple | None, accept_clock_ahead: set[str], accept_unencrypted: bool = False) -> None:
    try:
        digest = file_hash(path)
    except OSError:
        result.not_ready.append(path.name)  # vanished or locked while the folder syncs
        return
    if known is not None and known[0] == digest and known[1] in ("imported", "set_aside"):
        if known[1] == "imported":
            result.up_to_date.append(path.name)  # same bytes as last time: not even decrypted
        else:
            result.set_aside[path.name] = known[2] or ""
        return
    # A file still "arriving" with the very same bytes as at the last sync is not arriving: it is cut short.
    arriving_ok = not (known is not None and known[0] == digest and known[1] == "not_ready")
    try:
        report = import_bundle(store, path, passphrase, arriving_ok=arriving_ok, accept_future=accept_clock_ahead,
                               accept_unencrypted=accept_unencrypted)
    except bundle.BundleNotReady:
        result.not_ready.append(path.name)
        _remember(store, path.name, digest, "not_ready", None)
        return
    except ClockAheadError as exc:
        result.waiting[path.name] = str(exc)
        result.clock_ahead[path.name] = exc.devices
        _remember(store, path.name, digest, "waiting", str(exc))
        return
    except bundle.BundleError as exc:
        outcome = "waiting" if isinstance(exc, bundle.PassphraseNeeded) or getattr(exc, "needs_decision", False) \
            else "set_aside"
        (result.waiting if outcome == "waiting" else result.set_aside)[path.name] = str(exc)
        _remember(store, path.name, digest, outcome, str(exc))
        return
    except Exception as exc:  # noqa: BLE001 - a hostile file must not stop the group's sync
        log.warning("Set aside %s (%s)", path.name, type(exc).__name__)
        log.debug("Why %s was set aside", path.name, exc_info=True)
        reason = _("This file could not be imported ({kind}); it is set aside on this laptop until it changes.").format(
            kind=type(exc).__name__)
        result.set_aside[path.name] = reason
        _remember(store, path.name, digest, "set_aside", reason)
        return
    (result.up_to_date if report.already_had else result.imported).append(
        path.name if report.already_had else report)
    _remember(store, path.name, digest, "imported", None, report.sender_device)


def _remember(store: Store, name: str, digest: str, outcome: str, reason: str | None,
              device: str | None = None) -> None:
    with store.transaction():
        store.sync.save_folder_file(name, digest, outcome, reason, device, _now())


def set_aside_files(store: Store) -> dict[str, str]:
    """Files this laptop set aside in folder sync (file -> reason), for the Sync page."""
    return {name: entry[2] or "" for name, entry in store.sync.folder_files().items() if entry[1] == "set_aside"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
