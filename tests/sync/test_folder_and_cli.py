"""Folder sync as a mailbox, and the export / import / sync-folder commands."""

import json
import subprocess
import sys

from fieldgroup.core import open_store
from fieldgroup.sync.folder import MAILBOX, sync_folder
from tests.sync.conftest import seed_group


def test_one_stick_passed_around_brings_everything_to_everyone(laptops, fast_dir):
    stick = fast_dir / "stick"
    stick.mkdir()
    accra, tarkwa, obuasi = laptops
    seed_group(accra.store)
    sync_folder(accra.store, stick)
    for laptop in (tarkwa, obuasi):
        sync_folder(laptop.store, stick)
        laptop.store.groups.update(laptop.store.groups.list()[0].id, region=laptop.name)  # each edits something
    for laptop in (accra, tarkwa, obuasi, accra, tarkwa):  # the stick goes round once more
        sync_folder(laptop.store, stick)
    assert len({laptop.store.digest() for laptop in laptops}) == 1
    mailbox = stick / MAILBOX / accra.store.groups.list()[0].id
    assert sorted(p.name for p in mailbox.iterdir()) == sorted(f"{device.store.device_id}.fgbundle" for device in laptops)


def test_temporary_conflict_copies_and_arriving_files_are_left_alone(laptops, fast_dir):
    stick = fast_dir / "shared"
    stick.mkdir()
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    result = sync_folder(accra.store, stick)
    mailbox = result.exported.path.parent
    full = result.exported.path.read_bytes()
    (mailbox / ".syncthing.0123456789abcdef.fgbundle.tmp").write_bytes(full[:50])
    (mailbox / f"{accra.store.device_id}.sync-conflict-20250101-120000-ABC.fgbundle").write_bytes(b"junk")
    (mailbox / "~lock.fgbundle#").write_bytes(b"")
    arriving = mailbox / "fedcba9876543210.fgbundle"
    arriving.write_bytes(full[: len(full) // 2])  # still being copied by Syncthing
    outcome = sync_folder(tarkwa.store, stick)
    assert outcome.not_ready == ["fedcba9876543210.fgbundle"] and not outcome.refused
    assert [r.file_name for r in outcome.imported] == [f"{accra.store.device_id}.fgbundle"]
    assert tarkwa.store.digest() == accra.store.digest()


def test_a_folder_that_cannot_be_used_is_one_sentence(laptops, fast_dir):
    from fieldgroup.core import FieldGroupError

    seed_group(laptops[0].store)
    try:
        sync_folder(laptops[0].store, fast_dir / "no-such-stick")
    except FieldGroupError as error:
        assert "plug in the stick" in str(error)
    else:
        raise AssertionError("a missing folder was accepted")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)


def test_export_import_join_and_json(laptops, fast_dir):
    accra = laptops[0]
    seed_group(accra.store)
    accra.store.close()
    source = accra.store.path
    out = fast_dir / "accra.fgbundle"
    refused = cli("export", "--store", str(source), "--out", str(out))
    assert refused.returncode == 2 and "--unencrypted" in refused.stderr and not out.exists()
    exported = cli("export", "--store", str(source), "--out", str(out), "--json", "--unencrypted")
    assert exported.returncode == 0, exported.stderr
    assert "not encrypted" in exported.stderr  # a plain bundle is never written without a warning
    assert json.loads(exported.stdout)["full"] is True
    new_store = fast_dir / "joined.fgstore"
    dry = cli("import", "--store", str(new_store), str(out), "--dry-run")
    assert dry.returncode == 1 and not new_store.exists()  # a dry run does not create a store
    joined = cli("import", "--store", str(new_store), str(out), "--json")
    report = json.loads(joined.stdout)
    assert joined.returncode == 0 and report["counts"]["new"] == 14 and report["counts"]["conflicts"] == 0
    again = cli("import", "--store", str(new_store), str(out))
    assert again.returncode == 0 and "Nothing new" in again.stdout
    with open_store(source) as a, open_store(new_store) as b:
        assert a.digest() == b.digest()
    folder = fast_dir / "usb"
    folder.mkdir()
    synced = cli("sync-folder", "--store", str(new_store), str(folder), "--json", "--unencrypted")
    assert synced.returncode == 0 and json.loads(synced.stdout)["exported"]["full"] is True


def test_refused_join_leaves_no_empty_store_behind(fast_dir):
    junk = fast_dir / "junk.fgbundle"
    junk.write_bytes(b"not a bundle")
    target = fast_dir / "new.fgstore"
    result = cli("import", "--store", str(target), str(junk))
    assert result.returncode == 1 and not target.exists()


def test_passphrase_file_round_trip(laptops, fast_dir):
    accra = laptops[0]
    seed_group(accra.store)
    accra.store.close()
    secret = fast_dir / "pass.txt"
    secret.write_text("our group sentence\n")
    out = fast_dir / "enc.fgbundle"
    assert cli("export", "--store", str(accra.store.path), "--out", str(out), "--passphrase-file", str(secret)).returncode == 0
    refused = cli("import", "--store", str(fast_dir / "j.fgstore"), str(out))
    assert refused.returncode == 1 and "passphrase" in refused.stderr
    ok = cli("import", "--store", str(fast_dir / "j.fgstore"), str(out), "--passphrase-file", str(secret))
    assert ok.returncode == 0, ok.stderr
    empty = fast_dir / "empty.txt"
    empty.write_text("")
    assert cli("export", "--store", str(accra.store.path), "--out", str(out), "--passphrase-file", str(empty)).returncode == 2
