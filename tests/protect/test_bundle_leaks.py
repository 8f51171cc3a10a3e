"""What leaves in a bundle (issue 13): decrypt one and search its bytes for every variant of a protected name.

A protected name typed as plain text (not yet a mention) is turned into a mention in the store just
before the bundle is written (core/typed_names.py), so the text sent equals the text kept: converting
on the wire only broke convergence."""

from __future__ import annotations

import json
import zlib

from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from tests.protect.cases import CASES
from tests.protect.test_erasure import _world

PASSPHRASE = "correct horse battery staple"
LABELS = {("groups", "name"), ("groups", "country"), ("organisations", "name"), ("organisations", "kind"),
          ("indicators", "name")}


def _payload(path) -> dict:
    data = bundle.decrypt(path.read_bytes(), PASSPHRASE)
    _manifest, compressed = bundle.read_manifest(data)
    return json.loads(zlib.decompress(compressed))


def _outside_own_record(payload: dict, person_id: str) -> str:
    """The payload without the person's own record and the labels that name records themselves."""
    tables = {}
    for name, section in payload["tables"].items():
        labels = [section["fields"].index(f) + 1 for t, f in LABELS if t == name]
        rows = [[None if i in labels else v for i, v in enumerate(row)] for row in section["rows"]
                if (name, row[0]) != ("people", person_id)]
        tables[name] = section | {"rows": rows}
    return json.dumps(payload | {"tables": tables}, ensure_ascii=False)


def test_a_bundle_carries_no_typed_protected_name_outside_the_persons_record(store, tmp_path):
    _group, person, *_ = _world(store)
    path = tmp_path / "out.fgbundle"
    export_bundle(store, path, passphrase=PASSPHRASE)
    folded = " ".join(_outside_own_record(_payload(path), person.id).casefold().split())
    assert "kilonzo" not in folded and "zawadi" not in folded


def test_every_variant_in_every_language_leaves_as_a_mention(store, tmp_path):
    group = store.groups.create(name="Group")
    for lang, (protected, _found, _clean) in CASES.items():
        org = store.organisations.create(group_id=group.id, name=f"Org {lang}", pillar="civil_society")
        store.people.create(organisation_id=org.id, name=protected.name, email=protected.email, protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-03-01",
                                    minutes="\n".join(text for _p, found, _c in CASES.values() for text, _ in found))
    path = tmp_path / "out.fgbundle"
    export_bundle(store, path, passphrase=PASSPHRASE)
    minutes = next(r for r in _payload(path)["tables"]["meetings"]["rows"] if r[0] == meeting.id)
    text = json.dumps(minutes, ensure_ascii=False)
    assert not [phrase for _p, found, _c in CASES.values() for _t, phrase in found if phrase in text]
