"""Who may see incidents (issue 19): they travel only in the core-team bundle, beside the ordinary one."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldgroup.core import keys
from fieldgroup.sync import bundle, core_team
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import MAILBOX, sync_folder
from fieldgroup.sync.importer import import_bundle
from tests.incidents.conftest import CORE, read_plain_bundle
from tests.sync.conftest import seed_group


def test_the_bundle_for_a_laptop_outside_the_core_team_holds_no_incident(team):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    sync_folder(accra, stick)
    mailbox = stick / MAILBOX / group.id
    ordinary = read_plain_bundle(mailbox / f"{accra.device_id}.fgbundle")
    tables = ordinary["payload"]["tables"]
    assert not set(tables) & {"incidents", "incident_steps", "incident_organisations", "response_steps"}
    text = json.dumps(ordinary["payload"])
    assert incident.id not in text and "Secret-incident-text-4711" not in text and "Night visit" not in text
    assert not any(t[0] == "incidents" for t in ordinary["payload"]["tombstones"])
    # The core-team file beside it is encrypted with the core-team passphrase, not readable as a bundle.
    core_file = (mailbox / f"{accra.device_id}.core.fgbundle").read_bytes()
    assert bundle.is_encrypted(core_file) and b"Secret-incident" not in core_file
    sync_folder(tarkwa, stick)
    assert tarkwa.incidents.list() == [] and tarkwa.incidents.protocol_of(group.id) == []
    assert tarkwa.counts()["organisations"] == 3
    assert tarkwa.digest() == accra.digest()
    assert accra.digest(core_team=True) != tarkwa.digest(core_team=True)
    assert not (mailbox / f"{tarkwa.device_id}.core.fgbundle").exists()


def test_a_laptop_given_the_core_team_passphrase_later_receives_every_incident(team):
    laptops, stick, group, incident = team
    accra, obuasi = laptops[0].store, laptops[2].store
    sync_folder(accra, stick)
    sync_folder(obuasi, stick)
    assert obuasi.incidents.list() == []
    core_team.hold(obuasi, CORE)
    sync_folder(obuasi, stick)
    assert [i.id for i in obuasi.incidents.list()] == [incident.id]
    assert len(obuasi.incidents.steps_of(incident.id)) == 2
    assert obuasi.digest(core_team=True) == accra.digest(core_team=True)
    assert obuasi.digest() == accra.digest()
    assert obuasi.sync.open_conflicts() == []


def test_two_core_team_laptops_converge_on_incidents(team):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0], laptops[1]
    sync_folder(accra.store, stick)
    core_team.hold(tarkwa.store, CORE)
    sync_folder(tarkwa.store, stick)
    step = tarkwa.store.incidents.steps_of(incident.id)[0]
    tarkwa.tick(10)
    tarkwa.store.incidents.complete_step(step.id, on=date(2025, 6, 11))
    accra.tick(20)
    accra.store.incidents.update(incident.id, severity="critical")
    second = accra.store.incidents.open(group.id, date=date(2025, 6, 12), kind="grievance", title="Water")
    for laptop in (tarkwa, accra, tarkwa):
        laptop.tick(5)
        sync_folder(laptop.store, stick)
    for laptop in (accra, tarkwa):
        got = laptop.store.incidents.get(incident.id)
        assert got.severity == "critical" and got.status == "follow_up"
        assert laptop.store.incidents.steps_of(incident.id)[0].completed_on == date(2025, 6, 11)
    assert accra.store.digest(core_team=True) == tarkwa.store.digest(core_team=True)
    assert accra.store.digest() == tarkwa.store.digest()
    tarkwa.tick(5)
    tarkwa.store.incidents.delete(second.id)
    sync_folder(tarkwa.store, stick)
    sync_folder(accra.store, stick)
    assert [i.id for i in accra.store.incidents.list()] == [incident.id]
    assert accra.store.digest(core_team=True) == tarkwa.store.digest(core_team=True)


def test_wrong_or_reused_core_team_passphrase_is_one_sentence(team):
    laptops, stick, group, incident = team
    accra = laptops[0].store
    with pytest.raises(core_team.CoreTeamError, match="not the core-team passphrase"):
        core_team.hold(accra, keys.Passphrase("another-long-phrase-entirely-wrong"))
    assert core_team.is_core_laptop(accra) and not core_team.is_core_laptop(laptops[1].store)


def test_a_core_bundle_opened_with_the_group_passphrase_fails(team, fast_dir):
    laptops, stick, group, incident = team
    accra = laptops[0].store
    out = core_team.export_core_bundle(accra, fast_dir / "x.core.fgbundle")
    with pytest.raises(bundle.BundleError):
        import_bundle(laptops[1].store, out, passphrase="lantern-harbour-pepper-violet-seven")
    assert laptops[1].store.incidents.list() == []


def test_cli_sync_folder_with_the_core_team_passphrase_file(tmp_path, capsys):
    from fieldgroup.cli import main
    from fieldgroup.core import create_store

    secret = tmp_path / "core.txt"
    secret.write_text(CORE.reveal() + "\n")
    stick = tmp_path / "stick"
    stick.mkdir()
    with create_store(tmp_path / "a.fgstore") as accra:
        group, _people, _meeting = seed_group(accra)
        accra.incidents.open(group.id, date=date(2025, 6, 10), kind="grievance", title="Water complaint")
    create_store(tmp_path / "b.fgstore").close()
    for name in ("a", "b", "a", "b"):
        assert main(["sync-folder", "--store", str(tmp_path / f"{name}.fgstore"), str(stick), "--unencrypted",
                     "--core-passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert "core-team bundle" in out and "Water complaint" not in out
    digests = []
    for name in ("a", "b"):
        main(["digest", "--core-team", "--store", str(tmp_path / f"{name}.fgstore")])
        digests.append(capsys.readouterr().out)
    assert digests[0] == digests[1]


def test_a_hostile_core_file_in_the_folder_is_refused_and_the_sync_goes_on(team):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    sync_folder(accra, stick)
    mailbox = stick / MAILBOX / group.id
    other_group = keys.Passphrase("someone-elses-long-core-phrase-here")
    (mailbox / "00000000000000aa.core.fgbundle").write_bytes(bundle.encrypt(b"not a bundle at all", other_group))
    (mailbox / "00000000000000bb.core.fgbundle").write_bytes(b"\x00" * 1000)
    core_team.hold(tarkwa, CORE)
    result = sync_folder(tarkwa, stick).core_team
    assert set(result.refused) == {"00000000000000aa.core.fgbundle", "00000000000000bb.core.fgbundle"}
    assert all(reason.count(".") <= 2 and "\n" not in reason for reason in result.refused.values())
    assert [i.id for i in tarkwa.incidents.list()] == [incident.id]
    assert result.written.exists()


def test_incident_text_naming_an_erased_person_is_scrubbed_on_arrival_from_a_laptop_that_had_not_heard(team):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0], laptops[1]
    defender = next(p for p in accra.store.people.list() if p.protected)
    sync_folder(accra.store, stick)
    core_team.hold(tarkwa.store, CORE)
    sync_folder(tarkwa.store, stick)
    tarkwa.tick(10)
    tarkwa.store.people.delete(defender.id)  # erasure, on tarkwa only for now
    accra.tick(20)
    accra.store.incidents.update(incident.id, description=f"{defender.name} was followed again; Boateng moved.")
    sync_folder(accra.store, stick)  # accra has not heard of the erasure
    sync_folder(tarkwa.store, stick)
    arrived = tarkwa.store.incidents.get(incident.id)
    assert "Boateng" not in (arrived.description or "") and "Ama" not in (arrived.description or "")
    assert "Night visit" in arrived.title and defender.id not in arrived.title
    sync_folder(accra.store, stick)  # now accra hears of it: its own copy is scrubbed too
    assert "Boateng" not in (accra.store.incidents.get(incident.id).description or "")
    for laptop in (tarkwa, accra):
        laptop.tick(5)
        sync_folder(laptop.store, stick)
    assert accra.store.digest(core_team=True) == tarkwa.store.digest(core_team=True)


def test_an_encrypted_bundle_for_a_laptop_outside_the_core_team_decrypts_to_no_incident(team, fast_dir):
    laptops, stick, group, incident = team
    accra = laptops[0].store
    group_phrase = "lantern-harbour-pepper-violet-seven"
    for laptop in (accra, laptops[1].store, accra):  # accra hears of tarkwa, so it can make a bundle for it
        sync_folder(laptop, stick)
    for for_device in (None, laptops[1].store.device_id):  # a full bundle and one made for a colleague
        out = fast_dir / "ordinary.fgbundle"
        export_bundle(accra, out, group_phrase, for_device=for_device)
        data = out.read_bytes()
        assert bundle.is_encrypted(data)
        manifest, compressed = bundle.read_manifest(bundle.decrypt(data, group_phrase))
        payload = bundle.read_payload(compressed, manifest.payload_plain_bytes)
        text = json.dumps(payload, ensure_ascii=False)
        assert not set(payload["tables"]) & {"incidents", "incident_steps", "incident_organisations", "response_steps"}
        assert incident.id not in text and "Night visit" not in text and "Secret-incident" not in text
        assert not set(manifest.counts) & {"incidents", "incident_steps", "incident_organisations", "response_steps"}


def test_a_protected_step_owner_travels_in_the_core_bundle_without_their_contacts(team, fast_dir):
    laptops, stick, group, incident = team
    accra, tarkwa = laptops[0].store, laptops[1].store
    defender = next(p for p in accra.people.list() if p.protected)
    accra.people.update(defender.id, email="ama.boateng@example.org", phone="+233 20 000 0000")
    accra.incidents.open(group.id, date=date(2025, 6, 12), kind="grievance", title="Dust",
                         owner_person_id=defender.id)
    out = core_team.export_core_bundle(accra, fast_dir / "x.core.fgbundle")
    manifest, compressed = bundle.read_manifest(bundle.decrypt(out.read_bytes(), CORE))
    text = json.dumps(bundle.read_payload(compressed), ensure_ascii=False)
    assert defender.id in text and "ama.boateng@example.org" not in text and "000 0000" not in text
    core_team.hold(tarkwa, CORE)
    assert core_team.import_core_bundle(tarkwa, out)
    received = tarkwa.people.get(defender.id)
    assert received.protected and received.email is None and received.phone is None
