"""Sync round two, one scenario of issue 20's "Why" at a time: nothing diverges, nothing is silently lost."""

from __future__ import annotations

from datetime import date

from fieldgroup.sync import review, state
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def send(source, target, folder, for_device=False):
    path = folder / f"{source.name}-to-{target.name}-{source.ms}.fgbundle"
    export_bundle(source.store, path, for_device=target.store.device_id if for_device else None)
    return import_bundle(target.store, path)


def test_a_bundle_for_one_device_carries_a_third_laptops_work_and_never_diverges(laptops, fast_dir):
    accra, tarkwa, obuasi = laptops
    group, _people, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    send(accra, obuasi, fast_dir)
    # Obuasi adds an organisation early on; accra and tarkwa then work later in the day.
    org = obuasi.store.organisations.create(group_id=group.id, name="Golden Star", pillar="company")
    accra.tick(60_000)
    accra.store.meetings.update(meeting.id, place="Takoradi")
    send(accra, tarkwa, fast_dir)
    tarkwa.tick(120_000)
    tarkwa.store.groups.update(group.id, region="Western")
    send(tarkwa, accra, fast_dir)  # accra learns what tarkwa has seen
    # Later still, obuasi adds a person to its new organisation and sends one full bundle.
    obuasi.tick(300_000)
    kofi = obuasi.store.people.create(organisation_id=org.id, name="Kofi Boateng")
    from_obuasi = fast_dir / "obuasi.fgbundle"
    export_bundle(obuasi.store, from_obuasi)
    import_bundle(accra.store, from_obuasi)
    report = send(accra, tarkwa, fast_dir, for_device=True)
    assert report.counts.conflicts == 0
    assert tarkwa.store.people.get(kofi.id).organisation_id == org.id  # with their new organisation
    assert tarkwa.store.digest() == accra.store.digest()
    # Obuasi's own bundle still reads as nothing new or brings what is missing; everyone agrees.
    import_bundle(tarkwa.store, from_obuasi)
    send(tarkwa, obuasi, fast_dir)
    assert len({laptop.store.digest() for laptop in laptops}) == 1


def test_a_laptop_is_marked_as_seen_only_for_what_a_bundle_really_carried(laptops, fast_dir):
    accra, tarkwa, obuasi = laptops
    group, _people, _meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    send(accra, obuasi, fast_dir)
    obuasi.store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 4, 1), title="Grievances")
    from_obuasi = fast_dir / "obuasi.fgbundle"
    export_bundle(obuasi.store, from_obuasi)
    import_bundle(accra.store, from_obuasi)
    send(tarkwa, accra, fast_dir)
    # A bundle made for tarkwa against a vector that tarkwa does not have (a stale or wrong peer record).
    with accra.store.transaction():
        accra.store.sync.save_peer(tarkwa.store.device_id, "tarkwa", state.seen_vector(accra.store),
                                   "2025-06-15T00:00:00+00:00")
    path = fast_dir / "thin.fgbundle"
    export_bundle(accra.store, path, for_device=tarkwa.store.device_id)
    import_bundle(tarkwa.store, path)
    # Tarkwa must not believe it has obuasi's meeting: obuasi's own (same) bundle still brings it.
    report = import_bundle(tarkwa.store, from_obuasi)
    assert not report.already_had
    assert tarkwa.store.meetings.count() == obuasi.store.meetings.count()


def test_records_added_under_a_concurrently_deleted_organisation_and_group_are_kept_and_listed(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group = accra.store.groups.create(name="Ghana ICWG")
    region = accra.store.groups.create(name="Western region", parent_id=group.id, region="Western")
    org = accra.store.organisations.create(group_id=group.id, name="Tarkwa Mining", pillar="company")
    ama = accra.store.people.create(organisation_id=accra.store.organisations.create(
        group_id=group.id, name="WACAM", pillar="civil_society").id, name="Ama Boateng")
    send(accra, tarkwa, fast_dir)
    # Accra deletes the organisation and the regional group; tarkwa, not knowing, works under them.
    accra.tick(1000)
    accra.store.organisations.delete(org.id)
    accra.store.groups.delete(region.id)
    tarkwa.tick(2000)
    kofi = tarkwa.store.people.create(organisation_id=org.id, name="Kofi Mensah")
    meeting = tarkwa.store.meetings.create(group_id=region.id, kind="subnational", date=date(2025, 5, 2),
                                          minutes="Water pollution in Huni Valley discussed.")
    tarkwa.store.attendance.set(meeting.id, ama.id)
    item = tarkwa.store.actions.create(group_id=region.id, meeting_id=meeting.id, title="Write to the EPA")
    to_accra = send(tarkwa, accra, fast_dir)
    send(accra, tarkwa, fast_dir)
    for laptop in (accra, tarkwa):
        store = laptop.store
        person = store.people.get(kofi.id)
        assert store.meetings.get(meeting.id).minutes == "Water pollution in Huni Valley discussed."
        assert store.attendance.find(store_sync_pair(meeting.id, ama.id)) is not None
        assert store.actions.get(item.id).meeting_id == meeting.id
        # The organisation comes back as a new record with its old values; the old id stays deleted.
        recreated = store.organisations.get(person.organisation_id)
        assert recreated.id != org.id and recreated.name == "Tarkwa Mining"
        assert store.organisations.find(org.id) is None
        assert store.groups.get(store.meetings.get(meeting.id).group_id).name == "Western region"
        assert store.problems() == []
        kept = [c for c in review.open_conflicts(store) if c.kind == "orphan"]
        assert {c.record_id for c in kept} >= {kofi.id, meeting.id}
    assert to_accra.counts.conflicts >= 2
    assert accra.store.digest() == tarkwa.store.digest()


def store_sync_pair(meeting_id, person_id):
    from fieldgroup.core.repository import pair_id

    return pair_id(meeting_id, person_id)


def test_a_delete_still_wins_over_an_edit_of_the_same_record(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _group, _people, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.tick(1000)
    accra.store.meetings.delete(meeting.id)
    tarkwa.tick(2000)
    tarkwa.store.meetings.update(meeting.id, minutes="Late minutes")
    send(tarkwa, accra, fast_dir)
    send(accra, tarkwa, fast_dir)
    for laptop in (accra, tarkwa):
        assert laptop.store.meetings.find(meeting.id) is None
    assert accra.store.digest() == tarkwa.store.digest()


def test_opposite_merges_of_the_same_duplicates_keep_one_person_with_all_attendance(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, meeting = seed_group(accra.store)
    kofi = people[0]
    twin = accra.store.people.create(organisation_id=kofi.organisation_id, name="Kofi Mensah (2)", role="Manager")
    second = accra.store.meetings.create(group_id=group.id, kind="pillar", date=date(2025, 4, 3))
    accra.store.attendance.set(second.id, twin.id, "excused")
    item = accra.store.actions.create(group_id=group.id, title="Site visit", owner_person_id=twin.id)
    send(accra, tarkwa, fast_dir)
    accra.tick(1000)
    accra.store.merge_people(kofi.id, twin.id)
    tarkwa.tick(2000)
    tarkwa.store.merge_people(twin.id, kofi.id)
    send(tarkwa, accra, fast_dir)
    send(accra, tarkwa, fast_dir)
    assert accra.store.digest() == tarkwa.store.digest()
    for laptop in (accra, tarkwa):
        store = laptop.store
        alive = [p for p in store.people.list() if p.id in (kofi.id, twin.id)]
        assert len(alive) == 1
        survivor = alive[0]
        assert survivor.id == min(kofi.id, twin.id)
        assert {a.meeting_id for a in store.attendance.list(person_id=survivor.id)} == {meeting.id, second.id}
        assert store.actions.get(item.id).owner_person_id == survivor.id
        assert store.problems() == []


def test_opposite_merges_of_organisations_keep_one_with_everyone_in_it(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, _meeting = seed_group(accra.store)
    first = people[0].organisation_id
    other = accra.store.organisations.create(group_id=group.id, name="company org (dup)", pillar="company")
    extra = accra.store.people.create(organisation_id=other.id, name="Esi Arthur")
    send(accra, tarkwa, fast_dir)
    accra.tick(1000)
    accra.store.merge_organisations(first, other.id)
    tarkwa.tick(2000)
    tarkwa.store.merge_organisations(other.id, first)
    send(tarkwa, accra, fast_dir)
    send(accra, tarkwa, fast_dir)
    assert accra.store.digest() == tarkwa.store.digest()
    survivor = min(first, other.id)
    for laptop in (accra, tarkwa):
        assert laptop.store.people.get(extra.id).organisation_id == survivor
        assert laptop.store.people.get(people[0].id).organisation_id == survivor


def test_the_review_can_keep_move_or_delete_a_record_kept_under_a_deleted_parent(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group = accra.store.groups.create(name="Ghana ICWG")
    org = accra.store.organisations.create(group_id=group.id, name="Tarkwa Mining", pillar="company")
    other = accra.store.organisations.create(group_id=group.id, name="WACAM", pillar="civil_society")
    send(accra, tarkwa, fast_dir)
    accra.tick(1000)
    accra.store.organisations.delete(org.id)
    tarkwa.tick(2000)
    kofi = tarkwa.store.people.create(organisation_id=org.id, name="Kofi Mensah")
    ama = tarkwa.store.people.create(organisation_id=org.id, name="Ama Owusu")
    send(tarkwa, accra, fast_dir)
    store = accra.store
    kept = {c.record_id: c for c in review.open_conflicts(store) if c.kind == "orphan"}
    sentence = review.describe_orphan(store, kept[kofi.id])
    assert "Tarkwa Mining" in sentence and "Kofi Mensah" in sentence
    review.move_orphan(store, kept[kofi.id].id, other.id)
    assert store.people.get(kofi.id).organisation_id == other.id
    recreated = kept[ama.id].kept_value
    assert store.organisations.find(recreated) is not None  # still holds Ama
    review.delete_orphan(store, kept[ama.id].id)
    assert store.people.find(ama.id) is None and store.organisations.find(recreated) is None
    assert [c for c in review.open_conflicts(store) if c.kind == "orphan"] == []
    send(accra, tarkwa, fast_dir)
    assert tarkwa.store.digest() == store.digest()


def test_an_edit_seen_while_a_person_was_merged_away_survives_the_opposite_merge(laptops, fast_dir):
    """A rename that arrives while the record is merged away here is not lost when the opposite merge
    makes that record the survivor: this laptop had told the others it held the rename."""
    accra, tarkwa, obuasi = laptops
    _group, people, _meeting = seed_group(accra.store)
    twin = accra.store.people.create(organisation_id=people[0].organisation_id, name="Kofi Mensah (2)")
    survivor, duplicate = sorted((people[0].id, twin.id))
    for other in (tarkwa, obuasi):
        send(accra, other, fast_dir)
    obuasi.tick(500)
    obuasi.store.people.update(survivor, name="Kofi A. Mensah")
    accra.tick(1000)
    accra.store.merge_people(duplicate, survivor)  # here the survivor-to-be is merged away...
    tarkwa.tick(2000)
    tarkwa.store.merge_people(survivor, duplicate)  # ...and there the other way round
    send(obuasi, accra, fast_dir)  # the rename reaches accra while the person is merged away there
    send(tarkwa, accra, fast_dir)  # the opposite merge: the person lives on after all
    assert accra.store.people.get(survivor).name == "Kofi A. Mensah"
    for _round in range(2):
        for source in laptops:
            for target in laptops:
                if source is not target:
                    send(source, target, fast_dir)
    assert len({laptop.store.digest() for laptop in laptops}) == 1
    assert all(laptop.store.people.get(survivor).name == "Kofi A. Mensah" for laptop in laptops)
    assert not any(laptop.store.people.find(duplicate) for laptop in laptops)
