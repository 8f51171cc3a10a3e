"""Folder sync that never stops the group, bounded manifests, exports that never make things worse,
clocks forgiven per laptop and backups worth having (issue 20, items 3-7)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from fieldgroup.core import FieldGroupError, backups
from fieldgroup.core.hlc import stamp_ms
from fieldgroup.sync import bundle, clocks, exporter
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import sync_folder
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group

DAY = 86_400_000


def cli(*args):
    return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)


def _malformed(store) -> bytes:
    """A bundle whose checksums hold but whose rows have no creation stamp (hostile or buggy)."""
    payload, counts = exporter.build_payload(store, None)
    for section in payload["tables"].values():
        for row in section["rows"]:
            row[-2] = "{}"
    stamp = store.records.clock.now()[:18] + "0" * 16
    manifest = bundle.Manifest(bundle_id="bad", group_id=store.groups.list()[0].id, sender_device="0" * 16,
                               created=stamp, vector={"0" * 16: stamp}, counts=counts, payload_sha256="",
                               payload_bytes=0)
    return bundle.encode(manifest, payload)


class FakeAge:
    """Stands in for age in tests that count decryptions (real scrypt costs seconds on a shared machine)."""

    MARK = b"FAKE-AGE\n"

    def __init__(self, monkeypatch):
        self.opened = 0
        monkeypatch.setattr(bundle, "encrypt", self.encrypt)
        monkeypatch.setattr(bundle, "decrypt", self.decrypt)
        monkeypatch.setattr(bundle, "is_encrypted", lambda data: data.startswith(self.MARK))

    @classmethod
    def _key(cls, passphrase) -> bytes:
        text = passphrase.reveal() if hasattr(passphrase, "reveal") else passphrase
        return hashlib.sha256(text.encode()).hexdigest().encode()

    @classmethod
    def encrypt(cls, data: bytes, passphrase) -> bytes:
        return cls.MARK + cls._key(passphrase) + b"\n" + data

    def decrypt(self, data: bytes, passphrase) -> bytes:
        self.opened += 1
        head, body = data[len(self.MARK):].split(b"\n", 1)
        if not passphrase or head != self._key(passphrase):
            raise bundle.PassphraseNeeded("The passphrase does not open this bundle.")
        return body


@pytest.fixture
def stick(laptops, fast_dir):
    """A shared folder where accra and obuasi have written their bundles; tarkwa has not synced yet."""
    accra, tarkwa, obuasi = laptops
    seed_group(accra.store)
    folder = fast_dir / "shared"
    folder.mkdir()
    sync_folder(accra.store, folder)
    sync_folder(obuasi.store, folder)
    obuasi.store.groups.update(obuasi.store.groups.list()[0].id, region="Ashanti")
    sync_folder(obuasi.store, folder)
    return folder


def test_one_bad_file_is_set_aside_and_everything_else_goes_on(laptops, stick):
    accra, tarkwa, obuasi = laptops
    mailbox = next((stick / "FieldGroup").iterdir())
    export_bundle(accra.store, mailbox / "join.fgbundle")
    import_bundle(tarkwa.store, mailbox / "join.fgbundle")
    (mailbox / "join.fgbundle").unlink()
    bad = mailbox / "0000000000000000.fgbundle"  # read first, before the good ones
    bad.write_bytes(_malformed(accra.store))  # a sound container whose content is not
    tarkwa.store.close()
    result = cli("sync-folder", "--store", str(tarkwa.store.path), str(stick), "--unencrypted")
    assert result.returncode == 3, result.stderr
    assert "0000000000000000.fgbundle" in result.stdout and "Traceback" not in result.stderr
    assert (mailbox / "0000000000000000.fgbundle").read_bytes() == bad.read_bytes()  # never moved or renamed
    from fieldgroup.core import open_store

    with open_store(tarkwa.store.path) as store:
        assert store.groups.list()[0].region == "Ashanti"  # obuasi's bundle came in after the bad one
        assert (mailbox / f"{store.device_id}.fgbundle").exists()  # and tarkwa's own bundle was written
        again = sync_folder(store, stick)
        assert list(again.set_aside) == ["0000000000000000.fgbundle"]
        from fieldgroup.sync.folder import set_aside_files

        assert list(set_aside_files(store)) == ["0000000000000000.fgbundle"]
        # Once the file changes (its laptop wrote a good one), it is tried again.
        bad.write_bytes((mailbox / f"{accra.store.device_id}.fgbundle").read_bytes())
        assert not sync_folder(store, stick).set_aside


def test_a_crash_inside_the_merge_sets_the_file_aside_too(laptops, stick, monkeypatch):
    _accra, tarkwa, _ = laptops
    from fieldgroup.sync import merge

    def explode(self, payload):
        raise KeyError("*")

    monkeypatch.setattr(merge.Merger, "apply", explode)
    result = sync_folder(tarkwa.store, stick)
    assert len(result.set_aside) == 2 and result.exported is not None and result.exported.path.exists()


def test_files_already_imported_are_skipped_without_decrypting(laptops, fast_dir, monkeypatch):
    folder = fast_dir / "shared"
    folder.mkdir()
    secret = "our group sentence"
    age = FakeAge(monkeypatch)
    seed_group(laptops[0].store)
    for laptop in (*laptops, *laptops, *laptops):  # until every laptop has everyone's newest file
        sync_folder(laptop.store, folder, secret)
    age.opened = 0
    result = sync_folder(laptops[0].store, folder, secret)
    assert age.opened == 0 and len(result.up_to_date) == 2 and not result.imported
    assert result.exported.path.exists()


def test_a_wrong_passphrase_waits_for_the_user_instead_of_being_set_aside(laptops, fast_dir, monkeypatch):
    FakeAge(monkeypatch)
    folder = fast_dir / "shared"
    folder.mkdir()
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    sync_folder(accra.store, folder, "the old sentence")
    sync_folder(tarkwa.store, folder, "the old sentence")
    accra.tick()
    accra.store.groups.update(accra.store.groups.list()[0].id, region="Western")
    sync_folder(accra.store, folder, "the new sentence 2026")
    waiting = sync_folder(tarkwa.store, folder, "the old sentence")
    assert list(waiting.waiting) == [f"{accra.store.device_id}.fgbundle"] and not waiting.set_aside
    assert sync_folder(tarkwa.store, folder, "the new sentence 2026").imported


def test_two_crafted_bundles_cannot_grow_this_laptops_manifest(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "join.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "join.fgbundle")
    for n in range(2):  # each just under the manifest limit, nothing new inside
        payload, counts = exporter.build_payload(accra.store, None)
        fake = {f"{n:02x}{i:014x}": "0197742000000000000000000000000000"[:18] + f"{n:02x}{i:014x}" for i in range(6000)}
        manifest = bundle.Manifest(
            bundle_id=f"crafted-{n}", group_id=accra.store.groups.list()[0].id, sender_device=f"ee{n:014x}",
            created=accra.store.records.clock.now(), vector=fake, counts=counts, payload_sha256="", payload_bytes=0,
            devices={device: "x" * 60 for device in fake})
        path = fast_dir / f"crafted-{n}.fgbundle"
        path.write_bytes(bundle.encode(manifest, payload))
        import_bundle(tarkwa.store, path)
    result = export_bundle(tarkwa.store, fast_dir / "tarkwa.fgbundle")
    manifest, _ = bundle.read_manifest((fast_dir / "tarkwa.fgbundle").read_bytes())
    assert len(manifest.vector) <= 5 and len(manifest.devices) <= 5 and result.size < 20_000


def test_a_failed_verification_leaves_the_previous_good_bundle_in_place(laptops, fast_dir, monkeypatch):
    accra = laptops[0]
    seed_group(accra.store)
    out = fast_dir / "accra.fgbundle"
    export_bundle(accra.store, out)
    good = out.read_bytes()
    accra.store.groups.update(accra.store.groups.list()[0].id, region="Western")

    def failing(*args, **kwargs):
        raise bundle.BundleError("bad read-back")

    monkeypatch.setattr(exporter, "_verify", failing)
    with pytest.raises(FieldGroupError, match="does not read back"):
        export_bundle(accra.store, out)
    assert out.read_bytes() == good and [p.name for p in fast_dir.iterdir() if p.name.startswith(".")] == []


def _edit_with_clock_ahead(laptop, days):
    laptop.tick(days * DAY)
    laptop.store.groups.update(laptop.store.groups.list()[0].id, country="GH")
    laptop.tick(-days * DAY)  # the clock is fixed afterwards
    laptop.store.groups.update(laptop.store.groups.list()[0].id, region="Western")


def test_a_laptop_whose_clock_was_ahead_is_named_and_accepted_per_device(laptops, fast_dir):
    accra, tarkwa, obuasi = laptops
    seed_group(accra.store)
    folder = fast_dir / "shared"
    folder.mkdir()
    for laptop in laptops:
        sync_folder(laptop.store, folder)
    with accra.store.transaction():
        accra.store.records.set_local("device_name", "Accra office")
    _edit_with_clock_ahead(accra, 3)
    sync_folder(accra.store, folder)
    refused = sync_folder(tarkwa.store, folder)
    [devices] = refused.clock_ahead.values()
    assert [d.device for d in devices] == [accra.store.device_id]
    assert "Accra office" in next(iter(refused.waiting.values()))
    accepted = sync_folder(tarkwa.store, folder, accept_clock_ahead={accra.store.device_id})
    assert accepted.imported and not accepted.waiting
    store = tarkwa.store
    assert store.groups.list()[0].country == "GH"
    # This laptop's clock was not dragged three days ahead: its own bundles stay acceptable.
    assert stamp_ms(store.records.clock.now()) < tarkwa.ms + DAY
    assert not sync_folder(store, folder).waiting  # accepted once, for that laptop
    # Obuasi gets accra's future stamps relayed in tarkwa's full bundle: accra is named, not tarkwa.
    path = folder / "FieldGroup" / accra.store.groups.list()[0].id / f"{tarkwa.store.device_id}.fgbundle"
    with pytest.raises(clocks.ClockAheadError) as info:
        import_bundle(obuasi.store, path)
    assert [d.device for d in info.value.devices] == [accra.store.device_id]


def test_this_laptops_clock_years_behind_is_named_as_this_laptops_problem(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "a.fgbundle")
    tarkwa.ms = 946_684_800_000  # 2000-01-01: a flat clock battery
    with pytest.raises(clocks.ThisClockBehindError, match="This laptop's clock"):
        import_bundle(tarkwa.store, fast_dir / "a.fgbundle")


def test_a_sync_importing_many_bundles_keeps_the_backup_from_before_it(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    folder = fast_dir / "shared"
    folder.mkdir()
    sync_folder(accra.store, folder)
    sync_folder(tarkwa.store, folder)
    backups.set_keep_count(tarkwa.store, 1)
    mailbox = next((folder / "FieldGroup").iterdir())
    source = mailbox / f"{accra.store.device_id}.fgbundle"
    for n in range(4):  # colleagues' bundles, each with something new
        accra.tick()
        accra.store.groups.update(accra.store.groups.list()[0].id, region=f"Region {n}")
        export_bundle(accra.store, mailbox / f"{n:016x}.fgbundle")
    before = {b.path for b in backups.list_backups(tarkwa.store.path)}
    result = sync_folder(tarkwa.store, folder)
    assert len(result.imported) >= 2
    made = {b.path for b in backups.list_backups(tarkwa.store.path)} - before
    assert len(made) == 1 and {r.backup for r in result.imported} == {str(p) for p in made}
    assert source.exists()


def test_a_bundle_refused_during_the_merge_takes_no_backup(laptops, fast_dir, monkeypatch):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "a.fgbundle")
    from fieldgroup.sync import merge

    def refuse(self, payload):
        raise bundle.BundleError("refused inside")

    monkeypatch.setattr(merge.Merger, "apply", refuse)
    for _ in range(3):
        with pytest.raises(bundle.BundleError):
            import_bundle(tarkwa.store, fast_dir / "a.fgbundle")
    assert backups.list_backups(tarkwa.store.path) == []


def test_a_file_cut_short_is_left_for_one_sync_then_set_aside(laptops, stick):
    accra, tarkwa, _ = laptops
    mailbox = next((stick / "FieldGroup").iterdir())
    whole = (mailbox / f"{accra.store.device_id}.fgbundle").read_bytes()
    (mailbox / "0123456789abcdef.fgbundle").write_bytes(whole[: len(whole) // 2])
    assert sync_folder(tarkwa.store, stick).not_ready == ["0123456789abcdef.fgbundle"]
    again = sync_folder(tarkwa.store, stick)  # the same bytes: it was not arriving after all
    assert list(again.set_aside) == ["0123456789abcdef.fgbundle"] and not again.not_ready
