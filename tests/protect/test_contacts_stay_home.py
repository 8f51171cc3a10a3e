"""Contact details of protected people stay on this laptop unless the group shares them; then they arrive in full."""

from __future__ import annotations

import json

from fieldgroup.core import protected_contacts
from fieldgroup.sync.exporter import build_payload, export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def _send(source, target, folder, name, incremental=False):
    path = folder / f"{name}.fgbundle"
    export_bundle(source.store, path, for_device=target.store.device_id if incremental else None)
    import_bundle(target.store, path)


def test_contacts_stay_home_until_the_group_shares_them_then_arrive_in_full(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, _meeting = seed_group(accra.store)
    ama, kofi = people[2], people[0]
    accra.store.people.update(ama.id, email="ama@defenders.org", phone="+233 20 000 0000", notes="Lives near the mine")
    accra.store.people.update(kofi.id, email="kofi@mine.com")
    payload, _ = build_payload(accra.store, None)
    assert "ama@defenders.org" not in json.dumps(payload) and "Lives near" not in json.dumps(payload)
    assert "kofi@mine.com" in json.dumps(payload)
    _send(accra, tarkwa, fast_dir, "first")
    _send(tarkwa, accra, fast_dir, "back")  # tarkwa now has a vector that covers accra's stamps
    assert tarkwa.store.people.get(ama.id).email is None
    assert accra.store.people.get(ama.id).email == "ama@defenders.org"  # never overwritten by the empty copy
    assert accra.store.digest() == tarkwa.store.digest()  # defined over what is shared

    accra.tick(10)
    protected_contacts.set_sharing(accra.store, group.id, True)
    _send(accra, tarkwa, fast_dir, "shared", incremental=True)
    shared = tarkwa.store.people.get(ama.id)
    assert (shared.email, shared.phone, shared.notes) == ("ama@defenders.org", "+233 20 000 0000", "Lives near the mine")
    assert accra.store.digest() == tarkwa.store.digest()
