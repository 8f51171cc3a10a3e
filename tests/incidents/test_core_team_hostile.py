"""Crafted core-team bundles and incidents in ordinary bundles (issue 19 with issue 14): refused in one sentence, nothing merged."""

from __future__ import annotations

import json

import pytest

from fieldgroup.core.schema import TABLES
from fieldgroup.sync import bundle, core_team, importer
from fieldgroup.sync.clocks import ClockAheadError
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import sync_folder
from fieldgroup.sync.importer import import_bundle
from tests.incidents.conftest import CORE, read_plain_bundle

FIELDS = TABLES["incidents"].field_names


def _forge(store, out, mutate, *, encrypt=True):
    """The store's own core-team bundle, changed by `mutate(manifest, payload)` and sealed again."""
    honest = core_team.export_core_bundle(store, out)
    manifest, compressed = bundle.read_manifest(bundle.decrypt(honest.read_bytes(), CORE))
    payload = bundle.read_payload(compressed)
    mutate(manifest, payload)
    data = bundle.encode(manifest, payload)
    out.write_bytes(bundle.encrypt(data, CORE) if encrypt else data)
    return out


def _incident_row(payload):
    return payload["tables"]["incidents"]["rows"][0]


def _set(name, value):
    def mutate(_manifest, payload):
        _incident_row(payload)[1 + FIELDS.index(name)] = value
    return mutate


def _one_sentence(message: str) -> bool:
    return "\n" not in message and message.rstrip().endswith(".") and "Secret-incident" not in message


@pytest.mark.parametrize("mutate, words", [
    (_set("kind", "coup"), "incident"),
    (_set("severity", 7), "incident"),
    (_set("title", "x" * 501), "incident"),
    (_set("date", "2025-02-30"), "incident"),
    (_set("group_id", "not-a-uuid"), "incident"),
    (_set("outcome_published", "yes"), "incident"),
    (_set("group_id", "6f1d2c3b-0000-4000-8000-000000000000"), "never received"),
    (lambda _m, p: _incident_row(p).__setitem__(0, "incident-1"), "id is not valid"),
])
def test_a_crafted_core_bundle_is_refused_by_the_row_checks(team, fast_dir, mutate, words):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    forged = _forge(accra, fast_dir / "forged.core.fgbundle", mutate)
    core_team.hold(tarkwa, CORE)
    before = tarkwa.digest(core_team=True), tarkwa.digest()
    with pytest.raises(bundle.BundleError) as refused:
        core_team.import_core_bundle(tarkwa, forged)
    assert words in str(refused.value) and _one_sentence(str(refused.value))
    assert (tarkwa.digest(core_team=True), tarkwa.digest()) == before and tarkwa.incidents.list() == []


def test_a_core_bundle_cannot_add_or_delete_ordinary_records(team, fast_dir):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    sync_folder(accra, stick)
    sync_folder(tarkwa, stick)  # tarkwa holds the group's people
    core_team.hold(tarkwa, CORE)
    person = next(p for p in accra.sync.rows("people"))
    stray = accra.people.create(organisation_id=person[1], name="Planted Person")
    planted = [list(r) for r in accra.sync.rows_by_ids("people", [stray.id])]

    def plant(_manifest, payload):
        payload["tables"].setdefault("people", {"fields": list(TABLES["people"].field_names), "rows": []})
        payload["tables"]["people"]["rows"] += planted

    def bury(_manifest, payload):
        payload["tombstones"].append(["people", person[0], accra.sync.new_stamp()])

    for mutate in (plant, bury):
        forged = _forge(accra, fast_dir / "forged.core.fgbundle", mutate)
        with pytest.raises(bundle.BundleError, match="travel only in the ordinary bundle"):
            core_team.import_core_bundle(tarkwa, forged)
        assert tarkwa.people.get(person[0]) and tarkwa.incidents.list() == []
        assert not tarkwa.sync.rows_by_ids("people", [stray.id])
    # The honest one, with the rows its incident points to, still merges.
    assert core_team.import_core_bundle(tarkwa, core_team.export_core_bundle(accra, fast_dir / "ok.core.fgbundle"))
    assert [i.id for i in tarkwa.incidents.list()] == [incident.id]


def test_a_core_bundle_stamped_far_ahead_waits_for_the_same_decision_as_an_ordinary_one(team, fast_dir):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0], laptops[1]
    accra.tick(40 * 86_400_000)  # accra's clock runs forty days ahead
    accra.store.incidents.update(incident.id, severity="critical")
    core_team.hold(tarkwa.store, CORE)
    out = core_team.export_core_bundle(accra.store, fast_dir / "ahead.core.fgbundle")
    with pytest.raises(ClockAheadError):
        core_team.import_core_bundle(tarkwa.store, out)
    assert tarkwa.store.incidents.list() == []
    assert core_team.import_core_bundle(tarkwa.store, out, accept_future={accra.store.device_id})
    assert tarkwa.store.incidents.get(incident.id).severity == "critical"


def test_core_bundles_are_read_bounded_and_must_be_encrypted(team, fast_dir, monkeypatch):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    core_team.hold(tarkwa, CORE)
    plain = _forge(accra, fast_dir / "plain.core.fgbundle", lambda _m, _p: None, encrypt=False)
    with pytest.raises(bundle.BundleError, match="not encrypted"):
        core_team.import_core_bundle(tarkwa, plain)
    honest = core_team.export_core_bundle(accra, fast_dir / "big.core.fgbundle")
    monkeypatch.setattr(importer, "MAX_BUNDLE_BYTES", honest.stat().st_size - 1)
    with pytest.raises(bundle.BundleError) as too_big:
        core_team.import_core_bundle(tarkwa, honest)
    assert _one_sentence(str(too_big.value)) and tarkwa.incidents.list() == []

    def bomb(manifest, payload):
        payload["tables"]["incidents"]["rows"][0][1 + FIELDS.index("description")] = "a" * 3_000_000
    monkeypatch.setattr(importer, "MAX_BUNDLE_BYTES", 256 << 20)
    monkeypatch.setattr(bundle, "MAX_PLAIN_BYTES", 1_000_000)
    with pytest.raises(bundle.BundleError):
        core_team.import_core_bundle(tarkwa, _forge(accra, fast_dir / "bomb.core.fgbundle", bomb))
    assert tarkwa.incidents.list() == []


def test_incidents_inside_an_ordinary_bundle_are_refused(team, fast_dir):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    out = fast_dir / "forged.fgbundle"
    export_bundle(accra, out)
    data = read_plain_bundle(out)
    rows = [list(r) for r in accra.sync.rows("incidents")]
    data["payload"]["tables"]["incidents"] = {"fields": list(FIELDS), "rows": rows}
    out.write_bytes(bundle.encode(data["manifest"], data["payload"]))
    with pytest.raises(bundle.BundleError, match="only in the core-team bundle") as refused:
        import_bundle(tarkwa, out)
    assert _one_sentence(str(refused.value))
    assert tarkwa.incidents.list() == [] and tarkwa.counts()["groups"] == 0
    # A deletion of an incident is refused the same way: only the core team may delete one.
    export_bundle(accra, out)
    data = read_plain_bundle(out)
    data["payload"]["tombstones"].append(["incidents", incident.id, accra.sync.new_stamp()])
    out.write_bytes(bundle.encode(data["manifest"], data["payload"]))
    with pytest.raises(bundle.BundleError, match="only in the core-team bundle"):
        import_bundle(tarkwa, out)


def test_a_core_bundle_handed_to_an_ordinary_member_reveals_nothing(team, fast_dir):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    out = core_team.export_core_bundle(accra, fast_dir / f"{accra.device_id}.core.fgbundle")
    for typed in (None, "lantern-harbour-pepper-violet-seven", CORE.reveal()):
        with pytest.raises(bundle.BundleError) as refused:
            import_bundle(tarkwa, out, passphrase=typed)
        assert _one_sentence(str(refused.value)) and "Night visit" not in str(refused.value)
    assert tarkwa.incidents.list() == [] and tarkwa.counts()["groups"] == 0
    # In the folder, a laptop without the core-team passphrase leaves the file alone.
    sync_folder(accra, stick)
    result = sync_folder(tarkwa, stick)
    assert result.core_team is None and not result.refused and tarkwa.incidents.list() == []
    assert json.dumps(result.as_dict()).count("core.fgbundle") == 0
