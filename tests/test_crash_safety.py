"""Crash safety: a killed writer loses no reported save; a full disk gets one sentence and loses nothing."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from crash_writer import Reported, problems_after_crash, run_once

from fieldgroup.cli import main as cli
from fieldgroup.core import create_store, open_store
from fieldgroup.core.errors import DiskFullError, ReadOnlyStoreError

DISK_FULL = "The disk is full; free some space and try again — nothing was lost."


def seeded_store(path):
    with create_store(path) as s:
        group = s.groups.create(name="Crash group", country="GH")
        s.organisations.create(group_id=group.id, name="Ministry", pillar="government")


def test_killing_the_writer_at_random_points_loses_no_reported_save(tmp_path, capsys):
    path = tmp_path / "crash.fgstore"
    seeded_store(path)
    reported = Reported()
    total = 0
    for run in range(30):
        total += run_once(path, seed=run, reported=reported)
        assert problems_after_crash(path, reported) == [], f"run {run}"
        assert cli(["check", "--store", str(path)]) == 0
    # The runs really saved and changed things: the checks above had something to find.
    assert total > 150 and len(reported.saved["people"]) > 20 and reported.deleted and reported.revs


# ---- disk full ------------------------------------------------------------------------------


def limit_size(store, spare_pages=0):
    """SQLite refuses to grow the file past max_page_count, exactly as on a full disk."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


def test_a_full_disk_during_a_save_says_so_and_keeps_earlier_data(store, group, pillars):
    before = store.digest()
    limit_size(store)
    with pytest.raises(DiskFullError) as info:
        store.meetings.create(group_id=group.id, kind="plenary", date="2025-06-01", minutes="long minutes " * 10000)
    assert str(info.value) == DISK_FULL
    assert store.digest() == before and store.problems() == []
    limit_size(store, spare_pages=10_000)  # space freed: the same save now works
    store.meetings.create(group_id=group.id, kind="plenary", date="2025-06-01", minutes="long minutes " * 10000)
    assert store.meetings.count() == 1


def test_a_full_disk_during_a_bulk_write_undoes_all_of_it(store, group):
    org = store.organisations.create(group_id=group.id, name="Mine", pillar="company")
    before = store.counts()
    limit_size(store, spare_pages=5)
    with pytest.raises(DiskFullError, match="nothing was lost"):
        with store.transaction():
            for i in range(3000):
                store.people.create(organisation_id=org.id, name=f"Participant {i}", notes="n" * 300)
    assert store.counts() == before and store.problems() == []
    store.people.create(organisation_id=org.id, name="After freeing nothing, a small save still fits")


def test_a_full_disk_during_an_import_leaves_the_store_as_it_was(tmp_path):
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.sync.importer import import_bundle

    with create_store(tmp_path / "accra.fgstore") as accra, create_store(tmp_path / "tarkwa.fgstore") as tarkwa:
        group = accra.groups.create(name="Shared group")
        org = accra.organisations.create(group_id=group.id, name="NGO", pillar="civil_society")
        export_bundle(accra, tmp_path / "first.fgbundle")
        import_bundle(tarkwa, tmp_path / "first.fgbundle")  # the earlier data
        with accra.transaction():
            for i in range(400):
                accra.people.create(organisation_id=org.id, name=f"Member {i}", notes="x" * 200)
        export_bundle(accra, tmp_path / "accra.fgbundle")
        before = tarkwa.digest()
        limit_size(tarkwa, spare_pages=3)
        with pytest.raises(DiskFullError) as info:
            import_bundle(tarkwa, tmp_path / "accra.fgbundle")
        assert str(info.value) == DISK_FULL
        assert tarkwa.digest() == before and tarkwa.problems() == []
    assert cli(["check", "--store", str(tmp_path / "tarkwa.fgstore")]) == 0


def test_the_cli_reports_a_full_disk_in_one_line(tmp_path, capsys):
    path = tmp_path / "s.fgstore"
    seeded_store(path)
    code = subprocess.run(  # a real small disk is not needed: the backup target is a full one
        [sys.executable, "-m", "fieldgroup", "backup", "--store", str(path), "--out", "/dev/full/x.fgstore"],
        capture_output=True, text=True,
    )
    assert code.returncode == 1 and code.stderr.count("\n") == 1


def test_a_store_in_a_read_only_folder_gets_one_sentence_and_stays_untouched(tiny_disk: Path):
    path = tiny_disk / "group.fgstore"
    with create_store(path) as s:
        s.groups.create(name="G")
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    with pytest.raises(ReadOnlyStoreError) as info:
        open_store(path)
    assert "cannot write in the folder" in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == before


TMPFS_SIZE = "3m"  # the empty store grows with each feature's tables (results, incidents): room for dozens of saves


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 2 MB file system (tmpfs), when this test runs as root on Linux; skipped elsewhere."""
    mount = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a tiny file system needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tiny file system here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_loses_nothing_already_saved(tiny_disk: Path):
    path = tiny_disk / "small.fgstore"
    saved = []
    with create_store(path) as s:
        group = s.groups.create(name="G")
        org = s.organisations.create(group_id=group.id, name="O", pillar="company")
        with pytest.raises(DiskFullError) as info:
            for i in range(100_000):
                saved.append(s.people.create(organisation_id=org.id, name=f"P{i}", notes="n" * 500).id)
        assert str(info.value) == DISK_FULL
    assert len(saved) > 20
    with open_store(path) as s:  # reopening needs no space: every reported save is there
        assert s.problems() == []
        assert all(s.records.exists("people", i) for i in saved)
