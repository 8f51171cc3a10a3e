"""Bundles between releases: newer releases read older bundles, older ones refuse newer bundles (issue 11)."""

from __future__ import annotations

import pytest

from fieldgroup.sync import bundle, compat
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle


@pytest.fixture
def sent(laptops, fast_dir):
    accra = laptops[0]
    group = accra.store.groups.create(name="Ghana ICWG")
    org = accra.store.organisations.create(group_id=group.id, name="WACAM", pillar="civil_society")
    accra.store.people.create(organisation_id=org.id, name="Ama Owusu", notes="Prefers calls")
    return export_bundle(accra.store, fast_dir / "accra.fgbundle").path


def rewrite(path, change_manifest=None, change_payload=None):
    """The same bundle as another release would have written it."""
    manifest, compressed = bundle.read_manifest(path.read_bytes())
    payload = bundle.read_payload(compressed)
    if change_manifest:
        change_manifest(manifest)
    if change_payload:
        change_payload(payload)
    path.write_bytes(bundle.encode(manifest, payload))
    return path


def test_this_release_reads_its_own_format(laptops, sent):
    report = import_bundle(laptops[1].store, sent)
    # group, organisation, its membership (issue 18) and person
    assert report.counts.new == 4 and laptops[1].store.digest() == laptops[0].store.digest()


def test_the_next_release_reads_this_releases_bundle(laptops, sent, monkeypatch):
    steps = []

    def upgrade_1_to_2(payload):
        steps.append("1->2")
        return payload

    monkeypatch.setattr(bundle, "FORMAT_VERSION", bundle.FORMAT_VERSION + 1)
    monkeypatch.setattr(compat, "UPGRADES", [*compat.UPGRADES, upgrade_1_to_2])
    report = import_bundle(laptops[1].store, sent)
    assert steps == ["1->2"] and report.counts.new == 4


def test_a_newer_bundle_is_refused_in_one_sentence_and_nothing_is_written(laptops, sent):
    def from_the_future(manifest):
        manifest.format = bundle.FORMAT_VERSION + 1

    newer = rewrite(sent, change_manifest=from_the_future)
    tarkwa = laptops[1].store
    before = tarkwa.digest()
    with pytest.raises(bundle.BundleError) as refused:
        import_bundle(tarkwa, newer)
    message = str(refused.value)
    assert "update FieldGroup" in message and message.count(".") == 1 and "\n" not in message
    assert tarkwa.digest() == before and tarkwa.sync.import_history() == []


def test_a_bundle_from_a_release_whose_table_had_fewer_fields_still_merges(laptops, sent):
    def without_notes(payload):
        section = payload["tables"]["people"]
        at = section["fields"].index("notes") + 1
        section["fields"].remove("notes")
        section["rows"] = [row[:at] + row[at + 1:] for row in section["rows"]]

    older = rewrite(sent, change_payload=without_notes)
    tarkwa = laptops[1].store
    import_bundle(tarkwa, older)
    [person] = tarkwa.people.list()
    assert person.name == "Ama Owusu" and person.notes is None


def test_a_field_no_release_has_is_damage_not_an_old_format(laptops, sent):
    def with_unknown_field(payload):
        section = payload["tables"]["groups"]
        section["fields"].append("colour")
        section["rows"] = [[*row[:-2], "red", *row[-2:]] for row in section["rows"]]

    odd = rewrite(sent, change_payload=with_unknown_field)
    with pytest.raises(bundle.BundleError, match="damaged"):
        import_bundle(laptops[1].store, odd)
