"""Opening, refusing, migrating, copying and backing up store files."""

import hashlib
import shutil
import sqlite3

import pytest

from fieldgroup.core import NewerStoreError, NotAStoreError, create_store, open_store, store_schema
from fieldgroup.core import store as store_module


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_bad_files(tmp_path):
    random_file = tmp_path / "photo.fgstore"
    random_file.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.fgstore"
    empty.write_bytes(b"")
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    truncated = tmp_path / "truncated.fgstore"
    with create_store(tmp_path / "good.fgstore") as s:
        s.groups.create(name="G")
    truncated.write_bytes((tmp_path / "good.fgstore").read_bytes()[:100])
    return [random_file, empty, foreign, truncated]


def test_files_that_are_not_stores_are_refused_and_left_unchanged(tmp_path):
    for path in make_bad_files(tmp_path):
        before = file_hash(path)
        with pytest.raises(NotAStoreError) as info:
            open_store(path)
        assert str(info.value).endswith(".") and "\n" not in str(info.value)
        assert file_hash(path) == before
        assert not path.with_name(path.name + "-wal").exists()


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    with pytest.raises(NotAStoreError, match="folder"):
        open_store(tmp_path)
    with pytest.raises(NotAStoreError, match="no store"):
        open_store(tmp_path / "missing.fgstore")


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.fgstore"
    create_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store_schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = file_hash(path)
    with pytest.raises(NewerStoreError, match="newer version"):
        open_store(path)
    assert file_hash(path) == before


def test_pragmas_of_design(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migration_backs_the_file_up_first(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    with monkeypatch.context() as old_version:  # a store written by version 1 of the schema
        old_version.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:1])
        old_version.setattr(store_module, "SCHEMA_VERSION", 1)
        with create_store(path) as s:
            # Raw SQL: the API writes today's columns, which a version-1 store does not have yet.
            s.conn.execute("INSERT INTO groups (id, name, _stamps, _ver) VALUES ('g', 'Before migration', ?, ?)",
                           ('{"*": "0"}', "0"))
            assert s.schema_version == 1
    with open_store(path) as s:
        assert s.schema_version == store_schema.SCHEMA_VERSION > 1
        assert s.groups.list()[0].name == "Before migration"
    backups = list(tmp_path.glob("old.before-v2.*.bak"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM groups").fetchone()[0] == "Before migration"
    conn.close()


def test_a_copied_store_takes_a_new_device_id(tmp_path):
    path = tmp_path / "a.fgstore"
    with create_store(path) as s:
        original = s.device_id
    with open_store(path) as s:
        assert s.device_id == original  # same file, same laptop: same device
    copy = tmp_path / "copy.fgstore"
    shutil.copyfile(path, copy)
    with open_store(copy) as s:
        assert s.device_id != original


def test_a_copy_of_a_copy_still_sends_what_it_made(tmp_path):
    """A store moved twice (the demo builds under a temporary name, then it is moved) took two new
    ids; a full bundle from it must still bring everything into an empty store, not 'nothing new'."""
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.sync.importer import import_bundle

    first = tmp_path / "first.fgstore"
    with create_store(first) as s:
        s.groups.create(name="Made before the moves")
    second = tmp_path / "second.fgstore"
    shutil.move(first, second)
    open_store(second).close()
    third = tmp_path / "third.fgstore"
    shutil.move(second, third)
    with open_store(third) as s:
        export_bundle(s, tmp_path / "full.fgbundle")
    with create_store(tmp_path / "empty.fgstore") as empty:
        report = import_bundle(empty, tmp_path / "full.fgbundle")
        assert not report.already_had
        assert [g.name for g in empty.groups.list()] == ["Made before the moves"]


def test_a_restored_backup_takes_a_new_device_id(store, tmp_path):
    store.groups.create(name="Backed up")
    target = store.backup(tmp_path / "backup.fgstore")
    with open_store(target) as restored:
        assert restored.device_id != store.device_id
        assert restored.digest() == store.digest()


def test_a_failed_write_leaves_nothing_half_written(store, group):
    from fieldgroup.core import ValidationError

    before = store.digest()
    with pytest.raises(ValidationError):
        with store.transaction():
            store.organisations.create(group_id=group.id, name="Half", pillar="company")
            store.organisations.create(group_id=group.id, name="Bad", pillar="ngo")
    assert store.digest() == before


def test_stores_in_folders_with_uri_characters_open(tmp_path):
    folder = tmp_path / "Q3 report #2 ? 100%"
    folder.mkdir()
    path = folder / "group.fgstore"
    with create_store(path) as s:
        s.groups.create(name="Peru GTM")
    with open_store(path) as s:
        assert [g.name for g in s.groups.list()] == ["Peru GTM"]
    with open_store(path, read_only=True) as s:
        assert s.groups.count() == 1


def test_a_store_that_vanished_is_not_recreated_empty(tmp_path, monkeypatch):
    path = tmp_path / "gone.fgstore"
    create_store(path).close()
    monkeypatch.setattr(store_module, "refuse_unless_store", lambda p: p.unlink())  # deleted right after the check
    from fieldgroup.core import FieldGroupError

    with pytest.raises((FieldGroupError, sqlite3.OperationalError)):
        open_store(path)
    assert not path.exists()
