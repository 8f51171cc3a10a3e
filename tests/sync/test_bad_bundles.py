"""Damaged, truncated, foreign, newer, encrypted-wrong and future bundles are refused; the store is untouched."""

import json
import random
import shutil
import subprocess
import sys

import pytest

from fieldgroup.core import FieldGroupError
from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import ClockAheadError, import_bundle
from tests.sync.conftest import seed_group


@pytest.fixture
def pair(laptops, fast_dir):
    """(a bundle from accra, tarkwa's store that already joined from an earlier bundle)."""
    accra, tarkwa, _ = laptops
    group, people, meeting = seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "join.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "join.fgbundle")
    accra.tick()
    accra.store.meetings.update(meeting.id, minutes="Noted: the access road is closed.")
    path = fast_dir / "accra.fgbundle"
    export_bundle(accra.store, path)
    return path, tarkwa.store


def refuse(store, path, **kwargs):
    before = store.digest()
    with pytest.raises(FieldGroupError) as info:
        import_bundle(store, path, **kwargs)
    assert store.digest() == before
    message = str(info.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_every_single_byte_change_is_refused(pair, fast_dir):
    path, store = pair
    original = path.read_bytes()
    rng = random.Random(7)
    offsets = range(len(original)) if len(original) <= 2500 else rng.sample(range(len(original)), 2000)
    damaged = fast_dir / "damaged.fgbundle"
    before = store.digest()
    for offset in offsets:
        data = bytearray(original)
        data[offset] ^= 1 + rng.randrange(255)
        damaged.write_bytes(bytes(data))
        with pytest.raises(FieldGroupError):
            import_bundle(store, damaged)
    assert store.digest() == before


def test_truncated_and_extended_bundles_are_refused(pair, fast_dir):
    path, store = pair
    original = path.read_bytes()
    rng = random.Random(11)
    cut = fast_dir / "cut.fgbundle"
    for length in rng.sample(range(len(original)), min(200, len(original))):
        cut.write_bytes(original[:length])
        assert "damaged or incomplete" in refuse(store, cut) or "not a FieldGroup bundle" in refuse(store, cut)
    cut.write_bytes(original + b"\x00extra")
    assert "damaged" in refuse(store, cut)


def test_a_file_that_is_not_a_bundle(pair, fast_dir):
    _, store = pair
    other = fast_dir / "holiday.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0" + bytes(500))
    assert "not a FieldGroup bundle" in refuse(store, other)
    assert "no file" in refuse(store, fast_dir / "missing.fgbundle")
    assert "folder" in refuse(store, fast_dir)


def test_a_bundle_of_another_group(laptops, pair, fast_dir):
    _, store = pair
    obuasi = laptops[2]
    obuasi.store.groups.create(name="Peru GTM")
    export_bundle(obuasi.store, fast_dir / "peru.fgbundle")
    assert "another working group (Peru GTM)" in refuse(store, fast_dir / "peru.fgbundle")


def rewrite_manifest(path, target, change):
    manifest, payload = bundle.read_manifest(path.read_bytes())
    change(manifest)
    data = bundle.encode(manifest, bundle.read_payload(payload))
    target.write_bytes(data)


def test_a_bundle_of_a_newer_format(pair, fast_dir):
    path, store = pair
    newer = fast_dir / "newer.fgbundle"

    def bump(manifest):
        manifest.format = bundle.FORMAT_VERSION + 1
    rewrite_manifest(path, newer, bump)
    assert "newer version of FieldGroup" in refuse(store, newer)


def test_a_bundle_from_a_laptop_whose_clock_is_years_ahead(laptops, pair, fast_dir):
    _, store = pair
    accra = laptops[0]
    accra.tick(3 * 365 * 86_400_000)
    accra.store.groups.update(accra.store.groups.list()[0].id, country="GH")
    export_bundle(accra.store, fast_dir / "future.fgbundle")
    with pytest.raises(ClockAheadError, match="clock"):
        import_bundle(store, fast_dir / "future.fgbundle")
    report = import_bundle(store, fast_dir / "future.fgbundle", accept_future=True)
    assert report.warnings and "ahead" in report.warnings[0]


def test_encrypted_bundle_needs_the_right_passphrase(laptops, pair, fast_dir):
    accra = laptops[0]
    _, store = pair
    path = fast_dir / "secret.fgbundle"
    export_bundle(accra.store, path, passphrase="mango season 2025")
    data = path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1") and b"Kofi" not in data
    assert "encrypted" in refuse(store, path)
    assert "passphrase does not open" in refuse(store, path, passphrase="wrong")
    report = import_bundle(store, path, passphrase="mango season 2025")
    assert report.counts.updated == 1


def test_an_absurd_scrypt_work_factor_is_refused_before_any_work(pair, fast_dir):
    _, store = pair
    hostile = fast_dir / "hostile.fgbundle"
    hostile.write_bytes(b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 40\nAAAA\n--- AAAA\n" + bytes(64))
    assert "unreasonable" in refuse(store, hostile, passphrase="x")


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command-line tool is not installed")
def test_the_standard_age_tool_opens_an_encrypted_bundle(laptops, fast_dir):
    accra = laptops[0]
    seed_group(accra.store)
    path = fast_dir / "emergency.fgbundle"
    export_bundle(accra.store, path, passphrase="open sesame")
    # age reads the passphrase from the terminal only; `script` gives it one.
    result = subprocess.run(
        ["script", "-qec", f"age -d -o {fast_dir / 'plain.bin'} {path}", "/dev/null"],
        input="open sesame\n", capture_output=True, text=True, timeout=60,
    )
    plain = (fast_dir / "plain.bin").read_bytes()
    manifest, payload = bundle.read_manifest(plain)
    assert manifest.sender_device == accra.store.device_id, result.stdout
    assert "Kofi Mensah" in json.dumps(bundle.read_payload(payload), ensure_ascii=False)


def test_cli_import_refusal_exits_1_with_one_sentence(pair, fast_dir):
    path, store = pair
    bad = fast_dir / "bad.fgbundle"
    bad.write_bytes(path.read_bytes()[:-10])
    store.close()  # another process cannot open a store this one has open (store lock)
    result = subprocess.run([sys.executable, "-m", "fieldgroup", "import", "--store", str(store.path), str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "damaged" in result.stderr
