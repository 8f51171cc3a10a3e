"""The store encrypted at rest: nothing readable without the passphrase, in the store or its backups."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldgroup.core import backups, create_store, encrypt_store, keys, open_store
from fieldgroup.core.errors import NotAStoreError

PASSPHRASE = "river-candle-orbit-maple-stone"
SECRET_NAME = "Aung Thandar Kyaw"
SECRET_TITLE = "Security incident at the Tarkwa mine"


def _fill(store) -> None:
    group = store.groups.create(name="Ghana ICWG", country="GH")
    org = store.organisations.create(group_id=group.id, name="Friends of the Forest", pillar="civil_society")
    store.people.create(organisation_id=org.id, name=SECRET_NAME, protected=True)
    store.meetings.create(group_id=group.id, kind="plenary", date="2025-05-01", title=SECRET_TITLE)


def _readable(path: Path) -> list[bytes]:
    """Known strings (and the SQLite header) found in the bytes of a file and its -wal."""
    data = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    needles = [SECRET_NAME.encode(), SECRET_TITLE.encode(), PASSPHRASE.encode(), b"SQLite format 3", b"Friends of"]
    return [n for n in needles if n in data]


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "group.fgstore"
    with create_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        _fill(store)
        digest = store.digest()
    keys.forget_all()  # as after quitting: the next open needs the passphrase again
    return path, digest


def test_store_and_backups_hold_nothing_readable(encrypted):
    path, digest = encrypted
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        assert store.encrypted
        assert _readable(path) == []
        backup = backups.backup_now(store)
    assert _readable(backup) == []
    keys.forget_all()
    with pytest.raises(keys.LockedStoreError):
        open_store(backup)
    with open_store(backup, passphrase=keys.Passphrase(PASSPHRASE), read_only=True) as copy:
        assert copy.digest() == digest


def test_wrong_passphrase_is_one_sentence_and_writes_nothing(encrypted):
    path, digest = encrypted
    before = sorted(p.name for p in path.parent.iterdir())
    data = path.read_bytes()
    with pytest.raises(keys.WrongPassphraseError) as caught:
        open_store(path, passphrase=keys.Passphrase("not the right passphrase"))
    assert str(caught.value).endswith(").") and str(caught.value).count(". ") == 0 and PASSPHRASE not in str(caught.value)
    assert sorted(p.name for p in path.parent.iterdir()) == before and path.read_bytes() == data
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        assert store.digest() == digest


def test_passphrase_is_nfc_normalised(tmp_path):
    composed, decomposed = "caf\u00e9 au lait sans sucre", "cafe\u0301 au lait sans sucre"
    path = tmp_path / "s.fgstore"
    create_store(path, passphrase=keys.Passphrase(composed)).close()
    keys.forget_all()
    open_store(path, passphrase=keys.Passphrase(decomposed)).close()


def test_passphrase_files_give_the_same_key_and_non_utf8_is_refused(tmp_path):
    typed = keys.Passphrase("Ngwe Ngwe  säkerhet ")
    for raw in (b"Ngwe Ngwe  s\xc3\xa4kerhet ", b"\xef\xbb\xbfNgwe Ngwe  s\xc3\xa4kerhet \r\n",
                b"Ngwe Ngwe  s\xc3\xa4kerhet \n\n"):
        (tmp_path / "f").write_bytes(raw)
        assert keys.read_file(tmp_path / "f") == typed
    (tmp_path / "f").write_bytes("Ngwe säkerhet".encode("latin-1"))
    with pytest.raises(keys.PassphraseError, match="not UTF-8"):
        keys.read_file(tmp_path / "f")


def test_sqlcipher_writes_nothing_on_stderr_for_a_wrong_passphrase(encrypted):
    path, _digest = encrypted
    script = textwrap.dedent(f"""
        from fieldgroup.core import keys, open_store
        try:
            open_store({str(path)!r}, passphrase=keys.Passphrase("wrong wrong wrong"))
        except keys.WrongPassphraseError:
            print("refused")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "refused"
    assert done.stderr == ""


def test_files_are_private(encrypted):
    path, _digest = encrypted
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        backup = backups.backup_now(store)
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600
        assert backup.stat().st_mode & 0o777 == 0o600
        assert backup.parent.stat().st_mode & 0o777 == 0o700


def test_a_random_file_is_not_called_encrypted(tmp_path):
    odd = tmp_path / "notes.fgstore"
    odd.write_bytes(os.urandom(1000))
    with pytest.raises(NotAStoreError):
        open_store(odd)


def test_plain_store_encrypted_in_place_keeps_everything(tmp_path):
    path = tmp_path / "old.fgstore"
    with create_store(path) as store:
        _fill(store)
        device, digest = store.device_id, store.digest()
        old_backup = backups.backup_now(store)
    assert _readable(old_backup)  # a plain backup, as stores made before this change have
    safety = encrypt_store(path, keys.Passphrase(PASSPHRASE))
    assert _readable(path) == [] and _readable(safety) == [] and _readable(old_backup) == []
    keys.forget_all()
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        assert store.encrypted and store.digest() == digest
        assert store.device_id == device  # the same laptop: encrypting is not copying
    with open_store(old_backup, read_only=True) as copy:
        assert copy.digest() == digest


def test_change_passphrase_rekeys_the_store_and_its_backups(encrypted):
    path, digest = encrypted
    new = "orange-tiger-window-salt-eleven"
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        backup = backups.backup_now(store)
        store.change_passphrase(keys.Passphrase(new))
    keys.forget_all()
    with pytest.raises(keys.WrongPassphraseError):
        open_store(path, passphrase=keys.Passphrase(PASSPHRASE))
    keys.forget_all()
    with pytest.raises(keys.WrongPassphraseError):
        open_store(backup, passphrase=keys.Passphrase(PASSPHRASE), read_only=True)  # the old one opens no copy here
    keys.forget_all()
    with open_store(path, passphrase=keys.Passphrase(new)) as store:
        assert store.digest() == digest


def test_short_passphrase_refused_for_encrypting(tmp_path):
    with pytest.raises(keys.PassphraseError, match="at least"):
        encrypt_store(tmp_path / "s.fgstore", keys.Passphrase("short"))
    assert not (tmp_path / "s.fgstore").exists()


KILL_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from fieldgroup.core import encrypt_store, keys, store_crypt
    point = sys.argv[2]
    real_export, real_replace = store_crypt.export_encrypted, os.replace
    def export(source, target, key):
        if point == "export" and target.name.endswith(store_crypt.PARTIAL):
            target.write_bytes(b"half")
            os._exit(9)
        real_export(source, target, key)
    def replace(src, dst):
        if point == "before-replace":
            os._exit(9)
        real_replace(src, dst)
        if point == "after-replace":
            os._exit(9)
    store_crypt.export_encrypted, store_crypt.os.replace = export, replace
    encrypt_store(Path(sys.argv[1]), keys.Passphrase(sys.argv[3]))
""")


@pytest.mark.parametrize("point", ["export", "before-replace", "after-replace", "never"])
def test_encrypting_in_place_survives_a_kill(tmp_path, point):
    path = tmp_path / "old.fgstore"
    with create_store(path) as store:
        _fill(store)
        digest = store.digest()
    subprocess.run([sys.executable, "-c", KILL_CHILD, str(path), point, PASSPHRASE], timeout=60,
                   env={**os.environ, "FIELDGROUP_TEST_FAST_KDF": "1"})
    # Old or new file, never neither; and the store opens afterwards either way.
    with open_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        assert store.digest() == digest
        assert store.encrypted == (point in ("after-replace", "never"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_log_and_its_rotations_are_private(tmp_path):
    import logging

    from fieldgroup import logs

    logs.stop_logging()
    try:
        path = logs.setup_logging(folder=tmp_path / "logs")
        handler = logs._handler
        logging.getLogger("fieldgroup").info("x" * 100)
        handler.doRollover()
        logging.getLogger("fieldgroup").info("after rotation")
    finally:
        logs.stop_logging()
    assert path.parent.stat().st_mode & 0o777 == 0o700
    for file in path.parent.iterdir():
        assert file.stat().st_mode & 0o777 == 0o600, file.name


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_pdf_is_private(store, group, tmp_path):
    from fieldgroup.reports import build_report

    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-05-01", title="Plenary")
    out = build_report("meeting", store, tmp_path / "handout.pdf", meeting_id=meeting.id)
    assert out.stat().st_mode & 0o777 == 0o600


def test_truncated_or_foreign_encrypted_files_are_one_sentence(encrypted, tmp_path):
    from fieldgroup.core.errors import FieldGroupError

    path, _digest = encrypted
    data = path.read_bytes()
    cut = tmp_path / "cut.fgstore"
    cut.write_bytes(data[: len(data) // 2 + 100])  # copied off a stick pulled out too early
    foreign = tmp_path / "foreign.fgstore"
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(foreign))  # SQLCipher 3's settings: another KDF, another HMAC
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad in (cut, foreign):
        before = bad.read_bytes()
        with pytest.raises(FieldGroupError) as caught:
            open_store(bad, passphrase=keys.Passphrase(PASSPHRASE))
        assert "\n" not in str(caught.value) and str(caught.value).endswith(".")
        assert bad.read_bytes() == before and sorted(p.name for p in bad.parent.glob(bad.name + "*")) == [bad.name]


def test_cli_encrypt_and_change_passphrase(tmp_path):
    path = tmp_path / "old.fgstore"
    with create_store(path) as store:
        _fill(store)
        digest = store.digest()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new.write_text("a brand new group sentence\n", encoding="utf-8")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True, timeout=120)

    assert cli("encrypt", "--store", str(path), "--passphrase-file", str(old)).returncode == 0
    assert _readable(path) == []
    done = cli("change-passphrase", "--store", str(path), "--passphrase-file", str(old), "--new-passphrase-file", str(new))
    assert done.returncode == 0, done.stderr
    assert cli("digest", "--store", str(path), "--passphrase-file", str(old)).returncode == 1
    shown = cli("digest", "--store", str(path), "--passphrase-file", str(new))
    assert shown.returncode == 0 and shown.stdout.strip() == digest
