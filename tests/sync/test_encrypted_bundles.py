"""Bundles are always encrypted with the group passphrase; plain ones are refused by a group with one."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldgroup.core import create_store, keys, open_store
from fieldgroup.sync import age_format, bundle
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import sync_folder
from fieldgroup.sync.importer import PlainBundleRefused, import_bundle
from tests.sync.conftest import seed_group

PASSPHRASE = "lantern-harbour-pepper-violet-seven"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def group_store(fast_dir):
    """An encrypted store holding a small group, closed (another process opens it), and the passphrase file."""
    path = fast_dir / "accra.fgstore"
    with create_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        seed_group(store)
    secret = fast_dir / "pass.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")  # as Notepad saves it
    keys.forget_all()
    return path, secret


def test_export_of_an_encrypted_store_is_encrypted_without_a_flag(group_store, fast_dir):
    path, secret = group_store
    out = fast_dir / "accra.fgbundle"
    done = cli("export", "--store", str(path), "--out", str(out), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    for secret_text in (b"Kofi Mensah", b"Ghana ICWG", PASSPHRASE.encode(), b"SQLite format 3", b"FGBUNDLE"):
        assert secret_text not in data
    # The bundle opens with the passphrase, outside FieldGroup's own code too (pyrage is another age implementation).
    import pyrage

    manifest, _payload = bundle.read_manifest(pyrage.passphrase.decrypt(data, PASSPHRASE))
    assert manifest.group_name == "Ghana ICWG"
    if sys.platform != "win32":
        assert out.stat().st_mode & 0o777 == 0o600


def test_environment_variable_names_the_passphrase_file(group_store):
    path, secret = group_store
    locked = cli("info", "--store", str(path))
    assert locked.returncode == 1 and "--passphrase-file" in locked.stderr and locked.stderr.count("\n") == 1
    opened = cli("info", "--store", str(path), env={"FIELDGROUP_PASSPHRASE_FILE": str(secret)})
    assert opened.returncode == 0, opened.stderr


def test_wrong_passphrase_is_one_sentence_exit_1_nothing_written(group_store, fast_dir):
    path, _secret = group_store
    wrong = fast_dir / "wrong.txt"
    wrong.write_text("not our passphrase at all\n")
    before = sorted(p.name for p in path.parent.iterdir())
    data = path.read_bytes()
    for command in (["info"], ["digest"], ["check"], ["backup", "--out", str(fast_dir / "b.fgstore")],
                    ["export", "--out", str(fast_dir / "x.fgbundle")]):
        done = cli(*command, "--store", str(path), "--passphrase-file", str(wrong))
        assert done.returncode == 1, done
        assert done.stderr.count("\n") == 1 and "passphrase does not open" in done.stderr
        assert "hmac" not in done.stderr.lower()
    assert sorted(p.name for p in path.parent.iterdir()) == before and path.read_bytes() == data


def test_non_utf8_passphrase_file_is_refused_with_a_sentence(group_store, fast_dir):
    path, _secret = group_store
    latin = fast_dir / "latin.txt"
    latin.write_bytes("contraseña de grupo".encode("latin-1"))
    done = cli("info", "--store", str(path), "--passphrase-file", str(latin))
    assert done.returncode == 2 and "not UTF-8" in done.stderr and done.stderr.count("\n") == 1


def test_group_with_a_passphrase_refuses_plain_bundles_unless_accepted(fast_dir):
    plain_laptop = create_store(fast_dir / "old.fgstore")
    seed_group(plain_laptop)
    plain_bundle = fast_dir / "old.fgbundle"
    export_bundle(plain_laptop, plain_bundle)  # a stick made before the switch
    plain_laptop.close()
    with create_store(fast_dir / "new.fgstore", passphrase=keys.Passphrase(PASSPHRASE)) as store:
        with pytest.raises(PlainBundleRefused) as refused:
            import_bundle(store, plain_bundle)
        assert "old.fgbundle" in str(refused.value) and store.counts()["people"] == 0
        report = import_bundle(store, plain_bundle, accept_unencrypted=True)
        assert report.counts.new > 0


def test_folder_sync_refuses_a_plain_bundle_dropped_in_the_shared_folder(fast_dir):
    stick = fast_dir / "shared"
    stick.mkdir()
    with create_store(fast_dir / "accra.fgstore", passphrase=keys.Passphrase(PASSPHRASE)) as accra:
        seed_group(accra)
        mailbox = sync_folder(accra, stick).exported.path.parent
        assert bundle.is_encrypted(next(mailbox.iterdir()).read_bytes())
        intruder = create_store(fast_dir / "intruder.fgstore")
        seed_group(intruder)
        forged = mailbox / "0123456789abcdef.fgbundle"
        export_bundle(intruder, forged)
        intruder.close()
        result = sync_folder(accra, stick)
        assert "0123456789abcdef.fgbundle" in result.refused and not result.imported
        assert "not encrypted" in result.refused["0123456789abcdef.fgbundle"]


def test_old_passphrase_bundle_waits_for_the_old_passphrase(fast_dir):
    with create_store(fast_dir / "a.fgstore", passphrase=keys.Passphrase(PASSPHRASE)) as accra:
        seed_group(accra)
        old_bundle = fast_dir / "old.fgbundle"
        export_bundle(accra, old_bundle)
        accra.change_passphrase(keys.Passphrase("a completely new group passphrase"))
        new_bundle = fast_dir / "new.fgbundle"
        export_bundle(accra, new_bundle)
    keys.forget_all()
    with create_store(fast_dir / "b.fgstore", passphrase=keys.Passphrase("a completely new group passphrase")) as b:
        assert import_bundle(b, new_bundle).counts.new > 0
        with pytest.raises(bundle.PassphraseNeeded):
            import_bundle(b, old_bundle)  # asks again; the file is left where it is
        assert old_bundle.exists()
        import_bundle(b, old_bundle, passphrase=PASSPHRASE)


def test_work_factor_is_bounded_before_any_work_and_armor_is_accepted():
    p = keys.Passphrase(PASSPHRASE)
    data = age_format.encrypt(b"hello", p, log_n=10)
    assert age_format.decrypt(data, p) == b"hello"
    armored = (b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b"\n".join(
        base64.b64encode(data)[i:i + 64] for i in range(0, len(base64.b64encode(data)), 64))
        + b"\n-----END AGE ENCRYPTED FILE-----\n")
    assert age_format.decrypt(armored, p) == b"hello"
    costly = data.replace(b" 10\n", b" 19\n", 1)
    with pytest.raises(age_format.AgeTooCostly):
        age_format.decrypt(costly, p)
    with pytest.raises(bundle.BundleError, match="unreasonable"):
        bundle.decrypt(costly, p)
    with pytest.raises(age_format.AgeWrongPassphrase):
        age_format.decrypt(data, keys.Passphrase("wrong"))
    with pytest.raises(age_format.AgeError):
        age_format.decrypt(data[:-3], p)  # truncated


def test_chunks_of_exactly_64_kib_round_trip():
    p = keys.Passphrase(PASSPHRASE)
    for size in (0, 1, 65536, 65537, 3 * 65536):
        data = os.urandom(size)
        assert age_format.decrypt(age_format.encrypt(data, p, log_n=10), p) == data


@pytest.mark.skipif(shutil.which("age") is None or shutil.which("script") is None,
                    reason="the age command-line tool is not installed")
def test_age_tool_opens_a_bundle_with_the_passphrase(group_store, fast_dir):
    path, secret = group_store
    out = fast_dir / "emergency.fgbundle"
    assert cli("export", "--store", str(path), "--out", str(out), "--passphrase-file", str(secret)).returncode == 0
    plain = fast_dir / "plain.bin"
    subprocess.run(["script", "-qec", f"age -d -o {plain} {out}", "/dev/null"], input=PASSPHRASE + "\n",
                   capture_output=True, text=True, timeout=60)
    manifest, payload = bundle.read_manifest(plain.read_bytes())
    assert "Kofi Mensah" in json.dumps(bundle.read_payload(payload), ensure_ascii=False)


def test_legacy_plain_text_passphrase_is_removed_from_store_and_backups(fast_dir):
    from fieldgroup.core import backups

    path = fast_dir / "legacy.fgstore"
    with create_store(path) as store:
        seed_group(store)
        with store.transaction():
            store.records.set_local("group_passphrase", PASSPHRASE)  # what the Sync page did before
        old_backup = backups.backup_now(store)
    assert PASSPHRASE.encode() in old_backup.read_bytes()
    with open_store(path) as store:  # first start after the upgrade
        assert store.encrypted and store.notices and "copies elsewhere" in store.notices[0]
    for file in (path, old_backup, *Path(path.parent / "backups").iterdir()):
        data = file.read_bytes()
        assert PASSPHRASE.encode() not in data and b"SQLite format 3" not in data and b"Kofi" not in data
    keys.forget_all()
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        assert store.records.get_local("group_passphrase") is None
        assert store.counts()["people"] == 3


def test_an_old_passphrase_typed_for_an_old_bundle_never_encrypts_ours(fast_dir):
    stick = fast_dir / "stick"
    stick.mkdir()
    new = "a completely new group passphrase"
    with create_store(fast_dir / "a.fgstore", passphrase=keys.Passphrase(PASSPHRASE)) as accra:
        seed_group(accra)
        sync_folder(accra, stick)  # made before the change: the old passphrase
    keys.forget_all()
    with create_store(fast_dir / "b.fgstore", passphrase=keys.Passphrase(new)) as tarkwa:
        result = sync_folder(tarkwa, stick, PASSPHRASE)  # the old passphrase, typed when asked
        assert len(result.imported) == 1
        own = result.exported.path.read_bytes()
        with pytest.raises(age_format.AgeWrongPassphrase):
            age_format.decrypt(own, keys.Passphrase(PASSPHRASE))
        assert age_format.decrypt(own, keys.Passphrase(new)).startswith(bundle.MAGIC)


def test_cli_demo_with_a_passphrase_file_is_encrypted_and_nothing_is_logged(fast_dir, caplog):
    import logging

    secret = fast_dir / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    store = fast_dir / "demo.fgstore"
    done = cli("demo", "--store", str(store), "--size", "small", "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    assert b"SQLite format 3" not in store.read_bytes() and PASSPHRASE not in done.stdout + done.stderr
    with caplog.at_level(logging.DEBUG, logger="fieldgroup"):
        with open_store(store, passphrase=keys.read_file(secret)) as opened:
            export_bundle(opened, fast_dir / "demo.fgbundle")
    assert PASSPHRASE not in caplog.text
