"""Erasure across laptops: late text from a laptop that had not synced, and protect-and-delete at once."""

from __future__ import annotations

import json

from fieldgroup.core import backups, store_protect
from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import build_payload, export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def send(source, target, folder, name):
    path = folder / f"{name}.fgbundle"
    export_bundle(source.store, path)
    return import_bundle(target.store, path)


def _everything(store) -> str:
    payload, _counts = build_payload(store, None)
    conflicts = store.conn.execute("SELECT kept_value, lost_value FROM conflicts").fetchall()
    return json.dumps(payload, ensure_ascii=False) + json.dumps(conflicts, ensure_ascii=False)


def test_text_from_a_laptop_that_had_not_synced_is_scrubbed_on_merge(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _group, people, meeting = seed_group(accra.store)
    ama = people[2]  # protected
    send(accra, tarkwa, fast_dir, "join")
    accra.tick(10)
    accra.store.people.delete(ama.id)  # erased on accra
    tarkwa.tick(20)
    tarkwa.store.meetings.update(meeting.id, minutes="Ama Boateng will brief the police; Ms Boateng agreed.")
    send(tarkwa, accra, fast_dir, "late")
    assert "Boateng" not in _everything(accra.store)
    assert "@{erased:civil_society}" in accra.store.meetings.get(meeting.id).minutes
    send(accra, tarkwa, fast_dir, "back")
    assert "Boateng" not in _everything(tarkwa.store)
    for copy in backups.list_backups(tarkwa.store.path):  # made before the imports, rewritten after
        assert b"Boateng" not in copy.path.read_bytes(), copy.path.name
    assert accra.store.meetings.get(meeting.id).minutes == tarkwa.store.meetings.get(meeting.id).minutes


def test_protect_on_one_laptop_and_delete_on_another_ends_erased_everywhere(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _group, people, meeting = seed_group(accra.store)
    kofi = people[0]  # not protected yet
    accra.store.meetings.update(meeting.id, minutes="Kofi Mensah reported; Mr Mensah will follow up.")
    send(accra, tarkwa, fast_dir, "join")
    accra.tick(5)
    accra.store.people.update(kofi.id, protected=True)
    tarkwa.tick(5)
    tarkwa.store.people.delete(kofi.id)  # tarkwa still sees him unprotected
    send(accra, tarkwa, fast_dir, "a1")
    send(tarkwa, accra, fast_dir, "t1")
    send(accra, tarkwa, fast_dir, "a2")
    for laptop in (accra, tarkwa):
        assert "Mensah" not in _everything(laptop.store), laptop.name
        assert not laptop.store.records.exists("people", kofi.id)
        copies = backups.list_backups(laptop.store.path)
        assert copies  # made before each import
        for copy in copies:
            assert b"Mensah" not in copy.path.read_bytes(), (laptop.name, copy.path.name)
    assert accra.store.meetings.get(meeting.id).minutes == tarkwa.store.meetings.get(meeting.id).minutes


def test_fingerprints_travel_inside_the_encrypted_bundle_and_the_name_does_not(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _group, people, _meeting = seed_group(accra.store)
    accra.store.people.delete(people[2].id)
    path = fast_dir / "enc.fgbundle"
    export_bundle(accra.store, path, passphrase="correct horse battery")
    raw = path.read_bytes()
    assert b"Boateng" not in raw
    _manifest, compressed = bundle.read_manifest(bundle.decrypt(raw, "correct horse battery"))
    payload = bundle.read_payload(compressed)
    assert "Boateng" not in json.dumps(payload, ensure_ascii=False)
    assert payload["tables"]["erasures"]["rows"] and payload["tables"]["group_secrets"]["rows"]
    import_bundle(tarkwa.store, path, passphrase="correct horse battery")
    assert store_protect.rows_of(tarkwa.store.conn, "erasures")
