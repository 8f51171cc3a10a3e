"""Backups: daily rotation, before imports, listing without writing, restoring without losing anything."""

import hashlib
import sqlite3
from datetime import datetime, timedelta

import pytest

from fieldgroup.core import backups, create_store, open_store, store_integrity, store_schema
from fieldgroup.core.errors import DamagedStoreError, NewerStoreError, StoreBusyError

NOON = datetime(2025, 6, 15, 12, 0, 0)


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(store):
    return sorted(g.name for g in store.groups.list())


def test_backup_now_writes_into_the_backups_folder_and_lists_it_with_counts(store, group, pillars):
    path = backups.backup_now(store, "manual", now=NOON)
    assert path.parent == store.path.parent / "backups"
    [info] = backups.list_backups(store.path)
    assert info.path == path and info.reason == "manual" and info.taken_at == NOON
    assert info.counts["people"] == 4 and info.counts["organisations"] == 4 and info.records == 13
    assert info.problem is None and info.size == path.stat().st_size
    assert info.schema_version == store_schema.SCHEMA_VERSION


def test_listing_backups_writes_nothing_to_them(store, group):
    path = backups.backup_now(store, now=NOON)
    before = file_hash(path)
    backups.list_backups(store.path)
    assert backups.newest_good_backup(store.path).path == path
    assert file_hash(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, -shm or lock beside it


def test_daily_backup_once_a_day_and_only_the_newest_are_kept(store, group):
    backups.set_keep_count(store, 3)
    made = [backups.backup_if_due(store, now=NOON + timedelta(days=d)) for d in range(5)]
    assert all(made)
    assert backups.backup_if_due(store, now=NOON + timedelta(days=4, hours=3)) is None
    manual = backups.backup_now(store, "manual", now=NOON)
    kept = backups.list_backups(store.path)
    # The newest three, and the first two after joining (days 0 and 1).
    assert [b.path for b in kept if b.reason == "daily"] == made[::-1]
    assert manual in [b.path for b in kept]  # a backup made by hand is never pruned


def test_the_first_backups_and_one_a_week_for_two_months_are_kept_besides_the_daily_ones(store, group):
    backups.set_keep_count(store, 3)
    made = [backups.backup_if_due(store, now=NOON + timedelta(days=d)) for d in range(120)]
    kept = {b.taken_at for b in backups.list_backups(store.path)}
    last = NOON + timedelta(days=119)
    assert {NOON, NOON + timedelta(days=1)} <= kept  # the first after joining
    assert {last - timedelta(days=d) for d in range(3)} <= kept  # the newest, daily
    recent_weeks = {(last - timedelta(days=d)).isocalendar()[:2] for d in range(61)}
    assert {t.isocalendar()[:2] for t in kept if last - t <= timedelta(days=61)} == recent_weeks
    assert all(t.date() < NOON.date() + timedelta(days=2) or last - t <= timedelta(days=61) for t in kept)
    assert len(kept) <= 2 + 3 + 10 and len(made) == 120


def test_keep_count_is_a_local_setting_that_survives_reopening(tmp_path):
    with create_store(tmp_path / "s.fgstore") as s:
        assert backups.keep_count(s) == backups.DEFAULT_KEEP
        backups.set_keep_count(s, 4)
    with open_store(tmp_path / "s.fgstore") as s:
        assert backups.keep_count(s) == 4


def test_backup_before_import_is_labelled_and_rotated(store, group):
    backups.set_keep_count(store, 2)
    for minute in range(5):
        backups.backup_now(store, "import", now=NOON + timedelta(minutes=minute))
    listed = backups.list_backups(store.path)
    # The newest two and the first two after joining; the middle one went.
    assert [b.reason_label for b in listed] == ["Before an import"] * 4
    assert NOON + timedelta(minutes=2) not in {b.taken_at for b in listed}
    assert backups.backup_before(store, "import").name.endswith(".import.fgstore")


def test_restore_puts_the_backup_back_and_keeps_the_current_file(tmp_path):
    path = tmp_path / "group.fgstore"
    with create_store(path) as s:
        s.groups.create(name="Before")
        backup = backups.backup_now(s, now=NOON)
        s.groups.create(name="After")
        old_device = s.device_id
    kept = backups.restore_backup(backup, path, now=NOON + timedelta(hours=1))
    with open_store(path) as s:
        assert names(s) == ["Before"]
        assert s.device_id != old_device  # a restored store never writes with the old device id
    with open_store(kept) as copy:
        assert names(copy) == ["After", "Before"]  # nothing was lost
    assert [b.reason for b in backups.list_backups(path)] == ["before-restore", "manual"]


def test_restore_refuses_while_the_store_is_open(store):
    backup = backups.backup_now(store, now=NOON)
    with pytest.raises(StoreBusyError, match="already open"):
        backups.restore_backup(backup, store.path)


def test_restore_refuses_a_damaged_or_newer_backup_and_leaves_the_store(tmp_path, store, group):
    good = backups.backup_now(store, now=NOON)
    store.close()
    damaged = good.with_name("store.20250101-000000.manual.fgstore")
    damaged.write_bytes(good.read_bytes()[: 4096 * 2])
    newer = good.with_name("store.20250102-000000.manual.fgstore")
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {store_schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = file_hash(store.path)
    with pytest.raises(DamagedStoreError, match="damaged"):
        backups.restore_backup(damaged, store.path)
    with pytest.raises(NewerStoreError, match="newer version"):
        backups.restore_backup(newer, store.path)
    assert file_hash(store.path) == before


def fill(path, n=300):
    with create_store(path) as s, s.transaction():
        g = s.groups.create(name="G")
        for i in range(n):
            s.actions.create(group_id=g.id, title=f"Action {i} " + "x" * 200, status="open")


def corrupt_a_data_page(path):
    """Scribble over a table page near the end of the file; the header and schema stay readable."""
    data = bytearray(path.read_bytes())
    page = 4096
    start = len(data) - 3 * page
    data[start : start + page] = bytes([0x5A]) * page
    path.write_bytes(bytes(data))


def test_a_damaged_store_is_not_written_to_and_the_newest_good_backup_is_offered(tmp_path):
    path = tmp_path / "group.fgstore"
    fill(path)
    with open_store(path) as s:
        backups.backup_now(s, now=NOON)
    corrupt_a_data_page(path)
    before = file_hash(path)
    with pytest.raises(DamagedStoreError) as info:
        open_store(path)
    message = str(info.value)
    assert "damaged" in message and "Jun 15, 2025 12:00" in message and "\n" not in message
    assert info.value.backup.taken_at == NOON
    assert file_hash(path) == before and not path.with_name(path.name + ".lock").exists()
    # ... and restoring that backup gives a store that opens and passes its check.
    backups.restore_backup(info.value.backup, path)
    with open_store(path) as s:
        assert s.actions.count() == 300 and s.problems() == []


def test_a_store_cut_short_is_refused_even_when_the_weekly_check_is_not_due(tmp_path, monkeypatch):
    monkeypatch.setattr(store_integrity, "ALWAYS_CHECK_BELOW_BYTES", 0)
    path = tmp_path / "group.fgstore"
    fill(path)
    open_store(path).close()  # checked today: the full check is not due for a week
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 8192])
    with pytest.raises(DamagedStoreError, match="restore a copy"):
        open_store(path)


def test_after_a_crash_the_full_check_runs_even_when_not_due(tmp_path, monkeypatch):
    monkeypatch.setattr(store_integrity, "ALWAYS_CHECK_BELOW_BYTES", 0)
    path = tmp_path / "group.fgstore"
    fill(path)
    open_store(path).close()
    corrupt_a_data_page(path)
    open_store(path).close()  # not due: the cheap checks pass (the trade-off for fast start-up)
    # A lock file still holding its writer's details means that writer was killed.
    path.with_name(path.name + ".lock").write_text('{"pid": 999999, "host": "laptop"}')
    with pytest.raises(DamagedStoreError):
        open_store(path)


def test_migration_backups_beside_the_store_are_listed(store):
    copy = store.backup(store.path.with_name("test.before-v2.20250101-090000.fgstore.bak"))
    [info] = backups.list_backups(store.path)
    assert info.path == copy and info.reason_label == "Before an upgrade"


def test_a_backup_from_a_newer_version_is_listed_with_a_reason_it_cannot_be_restored(store):
    path = backups.backup_now(store, now=NOON)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store_schema.SCHEMA_VERSION + 1}")
    conn.close()
    [info] = backups.list_backups(store.path)
    assert info.counts is None and "newer version" in info.problem
    assert backups.newest_good_backup(store.path) is None


def test_backups_made_by_the_sync_import_are_listed_and_rotated(tmp_path):
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.sync.importer import import_bundle

    with create_store(tmp_path / "a.fgstore") as a, create_store(tmp_path / "b.fgstore") as b:
        a.groups.create(name="G")
        export_bundle(a, tmp_path / "a.fgbundle")
        report = import_bundle(b, tmp_path / "a.fgbundle")
        [info] = backups.list_backups(b.path)
        assert str(info.path) == report.backup and info.reason == "import" and info.counts["groups"] == 0


def test_restoring_over_a_store_cut_short_keeps_its_bytes_for_support(tmp_path):
    path = tmp_path / "group.fgstore"
    fill(path)
    with open_store(path) as s:
        backup = backups.backup_now(s, now=NOON)
    damaged = path.read_bytes()[: 4096 * 3]
    path.write_bytes(damaged)
    with pytest.raises(DamagedStoreError):
        open_store(path)
    kept = backups.restore_backup(backup, path, now=NOON + timedelta(hours=1))
    assert kept.read_bytes() == damaged  # SQLite could not read it, so every byte was kept as it was
    with open_store(path) as s:
        assert s.actions.count() == 300
