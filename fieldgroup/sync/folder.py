"""Folder sync: a folder (USB stick, shared drive, Syncthing folder) used as a mailbox of bundles."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.i18n import _
from fieldgroup.sync import bundle, state
from fieldgroup.sync.exporter import ExportResult, export_bundle
from fieldgroup.sync.importer import ImportReport, import_bundle

MAILBOX = "FieldGroup"
# Only '<16 hex digits>.fgbundle' is a device's bundle: Syncthing's '.syncthing.*.tmp', Nextcloud's
# '.~lock', '(conflicted copy)', 'sync-conflict' copies and our own '.*.tmp' files never match.
BUNDLE_NAME = re.compile(r"^[0-9a-f]{16}\.fgbundle$")


@dataclass
class FolderSyncResult:
    """What one folder sync did: bundles imported, skipped as not ready, refused, and the one written."""

    folder: Path
    imported: list[ImportReport] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    not_ready: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    exported: ExportResult | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "imported": [r.as_dict() for r in self.imported],
            "up_to_date": self.up_to_date,
            "not_ready": self.not_ready,
            "refused": self.refused,
            "exported": self.exported.as_dict() if self.exported else None,
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
                accept_unencrypted: bool = False) -> FolderSyncResult:
    """Import every colleague's newer bundle from the folder, then write this laptop's own bundle there."""
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
    candidates = peer_bundles(store, mailbox)
    for index, path in enumerate(candidates):
        if progress:
            progress(index, len(candidates) + 1, _("Reading {name}").format(name=path.name))
        _import_one(store, path, passphrase, result, accept_unencrypted)
    if progress:
        progress(len(candidates), len(candidates) + 1, _("Writing this laptop's bundle"))
    result.exported = export_bundle(store, mailbox / f"{store.device_id}.fgbundle", passphrase)
    store.set_local_setting("last_sync", _now())
    return result


def _import_one(store: Store, path: Path, passphrase: str | None, result: FolderSyncResult,
                accept_unencrypted: bool = False) -> None:
    try:
        report = import_bundle(store, path, passphrase, arriving_ok=True, accept_unencrypted=accept_unencrypted)
    except bundle.BundleNotReady:
        result.not_ready.append(path.name)
    except bundle.BundleError as exc:
        result.refused[path.name] = str(exc)
    else:
        if report.already_had:
            result.up_to_date.append(path.name)
        else:
            result.imported.append(report)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
