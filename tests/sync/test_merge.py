"""Merge rules of DESIGN §5, one scenario at a time."""

from datetime import date

from fieldgroup.core import store_sync
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def send(source, target, folder, name=None):
    path = folder / (name or f"{source.name}-{source.ms}.fgbundle")
    export_bundle(source.store, path)
    return import_bundle(target.store, path)


def test_joining_from_a_bundle_gives_the_same_store(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    report = send(accra, tarkwa, fast_dir)
    # organisations, their memberships (issue 18), people, meeting, attendance
    assert report.counts.new == accra.store.counts()["groups"] + 3 + 3 + 3 + 1 + 3
    assert tarkwa.store.digest() == accra.store.digest()
    assert tarkwa.store.problems() == []


def test_importing_the_same_bundle_twice_changes_nothing_and_says_so(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "a.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "a.fgbundle")
    digest = tarkwa.store.digest()
    again = import_bundle(tarkwa.store, fast_dir / "a.fgbundle")
    assert again.already_had and "Nothing new" in again.summary()
    assert tarkwa.store.digest() == digest


def test_an_old_bundle_never_brings_a_deleted_record_back(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, people, meeting = seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "old.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "old.fgbundle")
    tarkwa.tick()
    tarkwa.store.meetings.delete(meeting.id)
    tarkwa.store.people.delete(people[0].id)
    send(tarkwa, accra, fast_dir)
    report = import_bundle(tarkwa.store, fast_dir / "old.fgbundle")
    assert tarkwa.store.meetings.find(meeting.id) is None and tarkwa.store.people.find(people[0].id) is None
    assert report.counts.new == 0
    assert accra.store.meetings.find(meeting.id) is None
    assert accra.store.digest() == tarkwa.store.digest()


def test_concurrent_edits_keep_the_newer_value_and_the_loser_as_a_conflict(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, _, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.tick(5)
    accra.store.meetings.update(meeting.id, place="Tarkwa community hall")
    tarkwa.tick(10)
    tarkwa.store.meetings.update(meeting.id, place="Tarkwa district office")
    # Both laptops write their bundle before either imports: each finds the conflict.
    export_bundle(accra.store, fast_dir / "a.fgbundle")
    export_bundle(tarkwa.store, fast_dir / "t.fgbundle")
    to_tarkwa = import_bundle(tarkwa.store, fast_dir / "a.fgbundle")
    to_accra = import_bundle(accra.store, fast_dir / "t.fgbundle")
    for store in (accra.store, tarkwa.store):
        assert store.meetings.get(meeting.id).place == "Tarkwa district office"
        conflict = store_sync.open_conflicts(store.conn)[0]
        assert conflict[3] == "place" and conflict[6] == '"Tarkwa community hall"'
    assert to_tarkwa.counts.conflicts == 1 and to_accra.counts.conflicts == 1
    assert accra.store.digest() == tarkwa.store.digest()


def test_the_same_change_on_two_laptops_is_not_a_conflict(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, _, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.store.meetings.update(meeting.id, region="Western")
    tarkwa.store.meetings.update(meeting.id, region="Western")
    assert send(accra, tarkwa, fast_dir).counts.conflicts == 0
    assert send(tarkwa, accra, fast_dir).counts.conflicts == 0


def test_an_edit_seen_before_is_not_a_conflict(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, _, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.store.meetings.update(meeting.id, place="Takoradi")
    send(accra, tarkwa, fast_dir)
    tarkwa.tick()
    tarkwa.store.meetings.update(meeting.id, place="Sekondi")  # made after seeing Takoradi
    assert send(tarkwa, accra, fast_dir).counts.conflicts == 0
    assert accra.store.meetings.get(meeting.id).place == "Sekondi"


def test_delete_beats_a_concurrent_edit_which_is_kept_as_a_conflict(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, _, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    tarkwa.tick(50)
    tarkwa.store.meetings.update(meeting.id, minutes="Long minutes typed in the field")
    accra.store.meetings.delete(meeting.id)
    send(accra, tarkwa, fast_dir)
    send(tarkwa, accra, fast_dir)
    for store in (accra.store, tarkwa.store):
        assert store.meetings.find(meeting.id) is None
    # The laptop where the minutes were typed keeps them for review.
    kept = [c for c in store_sync.open_conflicts(tarkwa.store.conn) if c[3] == "minutes"]
    assert kept and kept[0][6] == '"Long minutes typed in the field"'
    assert accra.store.digest() == tarkwa.store.digest()


def test_two_laptops_adding_the_same_person_to_a_meeting_make_one_record(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, _ = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    workshop = accra.store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 5, 5))
    send(accra, tarkwa, fast_dir)
    accra.store.attendance.set(workshop.id, people[1].id, "present")
    tarkwa.store.attendance.set(workshop.id, people[1].id, "present")
    send(accra, tarkwa, fast_dir)
    send(tarkwa, accra, fast_dir)
    assert accra.store.attendance.count(meeting_id=workshop.id) == 1
    assert accra.store.digest() == tarkwa.store.digest()


def test_a_person_removed_and_added_again_stays(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    _, people, meeting = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.store.attendance.remove(meeting.id, people[0].id)
    send(accra, tarkwa, fast_dir)
    accra.tick()
    accra.store.attendance.set(meeting.id, people[0].id, "excused")
    send(accra, tarkwa, fast_dir)
    line = [a for a in tarkwa.store.attendance.of_meeting(meeting.id) if a.person_id == people[0].id]
    assert line and line[0].status == "excused"


def test_attendance_added_for_a_person_deleted_elsewhere_goes_with_them(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, _ = seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    later = tarkwa.store.meetings.create(group_id=group.id, kind="pillar", date=date(2025, 4, 4))
    tarkwa.store.attendance.set(later.id, people[2].id)
    tarkwa.store.actions.create(group_id=group.id, title="Call back", owner_person_id=people[2].id)
    accra.store.people.delete(people[2].id)
    send(accra, tarkwa, fast_dir)
    send(tarkwa, accra, fast_dir)
    for store in (accra.store, tarkwa.store):
        assert store.people.find(people[2].id) is None
        assert store.attendance.count(person_id=people[2].id) == 0
        assert store.problems() == []
    assert accra.store.digest() == tarkwa.store.digest()


def test_erasing_a_protected_person_wipes_their_fields_everywhere(laptops, fast_dir):
    accra, tarkwa, obuasi = laptops
    _, people, _ = seed_group(accra.store)
    protected = people[2]
    send(accra, tarkwa, fast_dir)
    tarkwa.store.people.update(protected.id, phone="+233 20 000 0000")
    accra.store.people.update(protected.id, phone="+233 24 111 1111")
    send(tarkwa, accra, fast_dir)  # leaves a conflict holding a phone number on accra
    accra.store.people.delete(protected.id)
    send(accra, tarkwa, fast_dir)
    path = fast_dir / "after-erasure.fgbundle"
    export_bundle(accra.store, path)
    import_bundle(obuasi.store, path)
    for laptop in laptops:
        assert laptop.store.people.find(protected.id) is None
        assert not [c for c in store_sync.open_conflicts(laptop.store.conn) if c[2] == protected.id]
    from fieldgroup.sync import bundle

    _, payload = bundle.read_manifest(path.read_bytes())
    assert b"Ama Boateng" not in bundle.zlib.decompress(payload) and b"+233" not in bundle.zlib.decompress(payload)


def test_dry_run_reports_the_same_counts_and_writes_nothing(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    accra.store.people.update(accra.store.people.list()[0].id, role="Director")
    export_bundle(accra.store, fast_dir / "b.fgbundle")
    digest = tarkwa.store.digest()
    dry = import_bundle(tarkwa.store, fast_dir / "b.fgbundle", dry_run=True)
    assert tarkwa.store.digest() == digest and dry.dry_run
    real = import_bundle(tarkwa.store, fast_dir / "b.fgbundle")
    assert dry.counts.as_dict() == real.counts.as_dict() and real.counts.updated == 1


def test_incremental_bundle_carries_only_what_the_peer_lacks(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    send(accra, tarkwa, fast_dir)
    send(tarkwa, accra, fast_dir)  # accra now knows what tarkwa has seen
    person = accra.store.people.list()[0]
    accra.store.people.update(person.id, role="Security manager")
    result = export_bundle(accra.store, fast_dir / "inc.fgbundle", for_device=tarkwa.store.device_id)
    # The person travels with what they point to (their organisation and its group), nothing else.
    assert not result.full and result.counts["people"] == 1
    assert sum(result.counts.values()) == 3 and result.counts["organisations"] == result.counts["groups"] == 1
    import_bundle(tarkwa.store, fast_dir / "inc.fgbundle")
    assert tarkwa.store.digest() == accra.store.digest()


def test_import_history_and_peers_are_remembered(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    send(accra, tarkwa, fast_dir, name="from-accra.fgbundle")
    history = store_sync.import_history(tarkwa.store.conn)
    assert history[0][1] == "from-accra.fgbundle" and history[0][2] == accra.store.device_id
    assert store_sync.peer(tarkwa.store.conn, accra.store.device_id) is not None


def test_a_merge_survivor_deleted_here_gets_our_rename_back_from_a_colleague(laptops, fast_dir):
    """Opposite merges: the laptop that renamed the survivor first deleted it (one merge) and then got
    it back from a colleague who had not seen the rename (the other merge). A later bundle holding
    the rename must still be merged, though this laptop's vector already claims that rename."""
    accra, tarkwa, obuasi = laptops
    _group, people, _meeting = seed_group(accra.store)
    kept, other = sorted(people[:2], key=lambda p: p.id)  # opposite merges: the smaller id lives on
    for laptop in (tarkwa, obuasi):
        send(accra, laptop, fast_dir)
        send(laptop, accra, fast_dir)
    accra.store.merge_people(other.id, kept.id)
    tarkwa.store.merge_people(kept.id, other.id)
    export_bundle(accra.store, fast_dir / "a1.fgbundle")
    export_bundle(tarkwa.store, fast_dir / "t1.fgbundle")
    obuasi.tick(10)
    obuasi.store.people.update(kept.id, name="Renamed on obuasi")
    export_bundle(obuasi.store, fast_dir / "o1.fgbundle")
    import_bundle(obuasi.store, fast_dir / "a1.fgbundle")
    import_bundle(obuasi.store, fast_dir / "t1.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "o1.fgbundle")
    assert tarkwa.store.people.get(kept.id).name == "Renamed on obuasi"
    export_bundle(tarkwa.store, fast_dir / "t2.fgbundle")
    import_bundle(obuasi.store, fast_dir / "t2.fgbundle")
    assert obuasi.store.people.get(kept.id).name == "Renamed on obuasi"
