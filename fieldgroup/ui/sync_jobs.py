"""The Sync page's background work: folder sync, import and export, each a write op on its own connection (ui/ops.py).

Why a second connection rather than the GUI's: the progress dialog only blocks input after 300 ms
and timers on other pages may still read or write; on one shared sqlite connection such a write would
silently join the sync's open transaction (and be rolled back with it, or commit half a merge). A second
connection in WAL mode lets the GUI keep reading the last committed state while the merge runs, and
a GUI write simply waits for the sync to commit (busy_timeout). The one thing the two connections do
not share is the in-memory hybrid clock: `catch_up_clock()` runs on the GUI store afterwards so that the
next edit made in the GUI is stamped after the changes that just came in (core's transaction() also
observes the saved clock when it begins; catching up here keeps reads outside a transaction, such as
the version vector an export writes, current too). Nothing here touches widgets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldgroup.core import Store
from fieldgroup.sync import bundle
from fieldgroup.sync.clocks import AheadDevice
from fieldgroup.sync.exporter import ExportResult, export_bundle
from fieldgroup.sync.folder import FolderSyncResult, mailbox_for, sync_folder
from fieldgroup.sync.importer import (
    ClockAheadError,
    ImportReport,
    PlainBundleRefused,
    check_clock,
    import_bundle,
    read_bundle_file,
)
from fieldgroup.ui.ops import Progress, with_own_store


@dataclass
class FolderOutcome:
    """A folder sync, plus the refused files the page can do something about."""

    result: FolderSyncResult
    locked: dict[str, str] = field(default_factory=dict)  # file -> sentence; a (right) passphrase would open it
    clock_ahead: dict[str, str] = field(default_factory=dict)  # file -> sentence; importable when accepted
    # file -> the laptops whose clocks were ahead in it (the page asks about each laptop by name)
    ahead_devices: dict[str, list[AheadDevice]] = field(default_factory=dict)
    unencrypted: dict[str, str] = field(default_factory=dict)  # file -> sentence; a plain bundle, importable when accepted


def folder_sync_job(gui_store: Store, folder: Path, passphrase: str | None) -> Callable[[Progress], FolderOutcome]:
    def work(progress: Progress) -> FolderOutcome:
        def run(store: Store) -> FolderOutcome:
            # Cancel is honoured between bundles: each import is all-or-nothing on its own.
            result = sync_folder(store, folder, passphrase, progress.report)
            outcome = FolderOutcome(result)
            if result.refused:
                _classify_refused(store, mailbox_for(store, folder), passphrase, outcome)
            for name, devices in result.clock_ahead.items():  # judged by the rows too, not only the manifest
                outcome.ahead_devices[name] = devices
                outcome.clock_ahead.setdefault(name, result.waiting.get(name, ""))
            return outcome

        return with_own_store(gui_store, run)

    return work


def _classify_refused(store: Store, mailbox: Path, passphrase: str | None, outcome: FolderOutcome) -> None:
    """Tell refusals the user can fix here (passphrase, a clock ahead) from damaged or foreign files."""
    for name in outcome.result.waiting:  # set-aside files are not opened again
        try:
            manifest, _payload = read_bundle_file(mailbox / name, passphrase or store.passphrase, arriving_ok=True,
                                                  require_encrypted=bool(passphrase or store.passphrase))
            check_clock(store, manifest)
        except bundle.PassphraseNeeded as exc:
            outcome.locked[name] = str(exc)
        except PlainBundleRefused as exc:
            outcome.unencrypted[name] = str(exc)
        except ClockAheadError as exc:
            outcome.clock_ahead[name] = str(exc)
            outcome.ahead_devices[name] = exc.devices
        except bundle.BundleError:
            pass


@dataclass
class ImportOutcome:
    """An import (or dry run), or the reason it needs the user first."""

    report: ImportReport | None = None
    needs_passphrase: str | None = None
    clock_ahead: str | None = None
    ahead_devices: list[AheadDevice] = field(default_factory=list)  # the laptops to ask about, by name
    unencrypted: str | None = None  # a plain bundle for a group with a passphrase: the page asks first


def import_job(gui_store: Store, path: Path, passphrase: str | None, dry_run: bool,
               accept_future: bool | set[str], accept_unencrypted: bool = False) -> Callable[[Progress], ImportOutcome]:
    def work(progress: Progress) -> ImportOutcome:
        progress.check()

        def run(store: Store) -> ImportOutcome:
            try:
                return ImportOutcome(import_bundle(store, path, passphrase, dry_run=dry_run, accept_future=accept_future,
                                                   accept_unencrypted=accept_unencrypted))
            except PlainBundleRefused as exc:
                return ImportOutcome(unencrypted=str(exc))
            except bundle.PassphraseNeeded as exc:
                return ImportOutcome(needs_passphrase=str(exc))
            except ClockAheadError as exc:
                return ImportOutcome(clock_ahead=str(exc), ahead_devices=exc.devices)

        return with_own_store(gui_store, run)

    return work


def accept_future_job(gui_store: Store, paths: list[Path], passphrase: str | None,
                      accept_unencrypted: bool = False,
                      accept_future: bool | set[str] = False) -> Callable[[Progress], list[Any]]:
    """Import bundles the user said yes to: from the laptops whose clocks were ahead that they accepted
    (a set of device ids; stamps of any other laptop still ahead keep the bundle out), or plain ones."""
    def work(progress: Progress) -> list[Any]:
        def run(store: Store) -> list[Any]:
            done: list[Any] = []
            for index, path in enumerate(paths):
                progress.report(index, len(paths), path.name)
                try:
                    done.append(import_bundle(store, path, passphrase, accept_future=accept_future,
                                              accept_unencrypted=accept_unencrypted))
                except bundle.BundleError as exc:
                    done.append((path.name, str(exc)))
            return done

        return with_own_store(gui_store, run)

    return work


def export_job(gui_store: Store, out: Path, passphrase: str | None) -> Callable[[Progress], ExportResult]:
    def work(progress: Progress) -> ExportResult:
        progress.check()
        return with_own_store(gui_store, lambda store: export_bundle(store, out, passphrase))

    return work
