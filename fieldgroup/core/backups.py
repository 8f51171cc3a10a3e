"""Backups of a store: daily rotating copies, copies before imports and migrations, listing and restoring.

Backups live in a `backups/` folder beside the store file. They travel with the store when the
folder is copied, support can find them by telling someone "look next to your store", a store on a
USB stick or shared drive keeps its own, and two stores in one folder are told apart by name."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fieldgroup import private_files
from fieldgroup.core import keys, store_backup, store_db
from fieldgroup.core.errors import DamagedStoreError, FieldGroupError, NewerStoreError, NotAStoreError
from fieldgroup.core.store import refuse_unless_store
from fieldgroup.core.store_lock import StoreLock
from fieldgroup.i18n import N_, _

if TYPE_CHECKING:
    from fieldgroup.core.api import Store

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_KEY = "backup_keep"
DEFAULT_KEEP = 10
STAMP = "%Y%m%d-%H%M%S"
# Automatic backups rotate; the ones a person asked for, or made before a migration or a restore, stay.
ROTATED = ("daily", "import")
# Besides the newest ones, pruning keeps the first backups after joining (the two oldest automatic
# ones: the one before the first import is of an empty store) and one per week for two months.
KEEP_FIRST = 2
WEEKLY_FOR = timedelta(days=61)
REASON_LABELS = {
    "daily": N_("Daily backup"),
    "manual": N_("Backed up by hand"),
    "import": N_("Before an import"),
    "migration": N_("Before an upgrade"),
    "before-restore": N_("Before a restore"),
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when and why it was made, its size and what it holds (or why it cannot be used)."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    schema_version: int | None = None
    counts: dict[str, int] | None = None
    problem: str | None = None

    @property
    def label(self) -> str:
        from fieldgroup.formatting import format_date

        return f"{format_date(self.taken_at)} {self.taken_at:%H:%M}"

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS.get(self.reason, self.reason))

    @property
    def records(self) -> int:
        return sum(n for name, n in (self.counts or {}).items() if name != "tombstones")


def backup_folder(store_path: Path | str) -> Path:
    return Path(store_path).parent / FOLDER


def _new_backup_path(store_path: Path, reason: str, now: datetime) -> Path:
    folder = backup_folder(store_path)
    try:
        private_files.private_dir(folder)
    except OSError as exc:
        raise FieldGroupError(
            _("Could not make the backup folder {folder} ({reason}); check that you can write there.")
            .format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    base = f"{store_path.stem}.{now.strftime(STAMP)}"
    target, n = folder / f"{base}.{reason}{store_path.suffix}", 1
    while target.exists():  # two backups within one second
        n += 1
        target = folder / f"{base}-{n}.{reason}{store_path.suffix}"
    return target


def backup_now(store: Store, reason: str = "manual", now: datetime | None = None) -> Path:
    """A consistent copy of the open store in the backup folder; then old automatic ones are pruned."""
    target = store.backup(_new_backup_path(store.path, reason, now or datetime.now()))
    log.info("Backup (%s) written: %s", reason, target.name)
    if reason in ROTATED:
        prune(store.path, keep_count(store), now)
    return target


# Stores inside one folder sync (resolved path -> {"path": the sync's backup, "used": merged into}).
_SYNCS: dict[Path, dict[str, Path | bool | None]] = {}


@contextmanager
def one_backup_per_sync(store: Store) -> Iterator[None]:
    """Within a folder sync, every import shares one backup, taken before the first merge and never
    pruned by the same sync (14 imports used to prune the copy from before the sync)."""
    key = Path(store.path).resolve()
    _SYNCS[key] = {"path": None, "used": False}
    try:
        yield
    finally:
        _SYNCS.pop(key, None)


def backup_before(store: Store, operation: str) -> Path:
    """Always called before an import or a migration: `backup_before(store, "import")`."""
    sync = _SYNCS.get(Path(store.path).resolve())
    if sync is not None and isinstance(sync["path"], Path) and sync["path"].exists():
        return sync["path"]
    path = backup_now(store, operation)
    if sync is not None:
        sync["path"] = path
    return path


def merged(store: Store, path: Path) -> None:
    """The import that `path` was taken for changed the store: the backup is worth keeping."""
    sync = _SYNCS.get(Path(store.path).resolve())
    if sync is not None and sync["path"] == path:
        sync["used"] = True


def discard_unused(store: Store, path: Path) -> None:
    """The import was refused and the store is unchanged: its backup would only push older ones out."""
    sync = _SYNCS.get(Path(store.path).resolve())
    if sync is not None and sync["path"] == path:
        if sync["used"]:
            return
        sync["path"] = None
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """The daily backup: made when no daily backup of this store exists from today."""
    now = now or datetime.now()
    latest = [b.taken_at for b in _scan(store.path) if b.reason == "daily"]
    if latest and max(latest).date() >= now.date():
        return None
    return backup_now(store, "daily", now)


def keep_count(store: Store) -> int:
    """How many automatic backups of each kind to keep (a setting of this laptop, never synced)."""
    try:
        return max(1, int(store.records.get_local(KEEP_KEY) or DEFAULT_KEEP))
    except ValueError:
        return DEFAULT_KEEP


def set_keep_count(store: Store, keep: int) -> None:
    if keep < 1:
        raise FieldGroupError(_("Keep at least one backup; choose a number of 1 or more."))
    with store.transaction():
        store.records.set_local(KEEP_KEY, str(keep))
    prune(store.path, keep)


def prune(store_path: Path | str, keep: int, now: datetime | None = None) -> list[Path]:
    """Remove automatic backups beyond the newest `keep` of each rotated kind, except the first ones
    after joining, one per week for two months, and the one of a sync in progress; returns what went."""
    found = _scan(Path(store_path))
    protected = _long_term(found, now or datetime.now())
    sync = _SYNCS.get(Path(store_path).resolve())
    if sync is not None and isinstance(sync["path"], Path):
        protected.add(sync["path"])
    removed = []
    for reason in ROTATED:
        same_kind = sorted((b for b in found if b.reason == reason), key=lambda b: b.taken_at, reverse=True)
        for old in same_kind[keep:]:
            if old.path in protected:
                continue
            for suffix in ("", "-wal", "-shm"):
                old.path.with_name(old.path.name + suffix).unlink(missing_ok=True)
            removed.append(old.path)
    return removed


def _long_term(found: list[BackupInfo], now: datetime) -> set[Path]:
    automatic = sorted((b for b in found if b.reason in ROTATED), key=lambda b: b.taken_at)
    protected = {b.path for b in automatic[:KEEP_FIRST]}
    newest_of_week: dict[tuple[int, int], BackupInfo] = {}
    for info in automatic:
        if now - info.taken_at <= WEEKLY_FOR:
            newest_of_week[info.taken_at.isocalendar()[:2]] = info  # sorted: the last one of the week wins
    return protected | {b.path for b in newest_of_week.values()}


def _scan(store_path: Path) -> list[BackupInfo]:
    """Backup files of this store by their names alone (no file is opened)."""
    stem, suffix = re.escape(store_path.stem), re.escape(store_path.suffix)
    pattern = re.compile(rf"^{stem}\.(\d{{8}}-\d{{6}})(?:-\d+)?\.([a-z-]+){suffix}$")
    # Made by the store itself before a migration, beside the store: <stem>.before-vN.<stamp><suffix>.bak
    migration = re.compile(rf"^{stem}\.before-v\d+\.(\d{{8}}-\d{{6}}){suffix}\.bak$")
    # Made by fieldgroup.sync before an import: backups/<stem>.before-import.<stamp>-<microseconds><suffix>
    sync_import = re.compile(rf"^{stem}\.before-import\.(\d{{8}}-\d{{6}})-\d+{suffix}$")
    found = []
    places = ((backup_folder(store_path), pattern, None), (store_path.parent, migration, "migration"),
              (backup_folder(store_path), sync_import, "import"))
    for folder, regex, fixed_reason in places:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = regex.match(path.name)
            if match:
                reason = fixed_reason or match.group(2)
                when = datetime.strptime(match.group(1), STAMP)
                found.append(BackupInfo(path, when, reason, path.stat().st_size))
    return found


def _describe(info: BackupInfo) -> BackupInfo:
    """Open the backup read-only for its schema version and counts; a sentence if it cannot be used."""
    try:
        refuse_unless_store(info.path)
        version, counts = store_backup.read_summary(info.path)
    except NewerStoreError:
        return _with(info, problem=_("Made by a newer version of FieldGroup; install that version to restore it."))
    except keys.PassphraseError:  # made before the group passphrase was changed
        return _with(info, problem=_("Locked with another group passphrase (an older one); it cannot be restored here."))
    except (NotAStoreError, OSError, *store_db.database_errors()):
        return _with(info, problem=_("Damaged; choose another backup."))
    return _with(info, schema_version=version, counts=counts)


def _with(info: BackupInfo, **changes: object) -> BackupInfo:
    return replace(info, **changes)


def list_backups(store_path: Path | str) -> list[BackupInfo]:
    """Every backup of the store, newest first, with record counts; nothing is written to any of them."""
    return [_describe(b) for b in sorted(_scan(Path(store_path)), key=lambda b: b.taken_at, reverse=True)]


def newest_good_backup(store_path: Path | str) -> BackupInfo | None:
    """The newest backup that opens and passes SQLite's quick_check."""
    for info in list_backups(store_path):
        if info.problem is None and store_backup.is_sound(info.path):
            return info
    return None


def restore_backup(backup: Path | BackupInfo, store_path: Path | str, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of the store, after saving the current file as a backup; returns that copy.

    The store must be closed (StoreBusyError otherwise). The restored store takes a new device id on
    its next open, because backups do not know which laptop they came from."""
    backup_path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    store_path = Path(store_path)
    try:
        refuse_unless_store(backup_path)
    except DamagedStoreError as exc:
        raise DamagedStoreError(_("That backup is damaged; choose an older one.")) from exc
    if not store_backup.is_sound(backup_path):
        raise DamagedStoreError(_("That backup is damaged; choose an older one."))
    lock = StoreLock(store_path).acquire(exclusive=True)
    try:
        kept = None
        if store_path.exists():
            kept = store_backup.copy_closed_store(store_path, _new_backup_path(store_path, "before-restore", now or datetime.now()))
            log.info("Kept the current store as %s before restoring", kept.name)
        store_backup.put_in_place(backup_path, store_path)
    finally:
        lock.release()
    log.info("Restored %s from %s", store_path.name, backup_path.name)
    return kept
