"""Reviewing conflicts: both values, which laptop and when; keeping either side."""

from fieldgroup.sync import review
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def make_conflict(laptops, folder):
    accra, tarkwa, _ = laptops
    _, _, meeting = seed_group(accra.store)
    export_bundle(accra.store, folder / "j.fgbundle")
    import_bundle(tarkwa.store, folder / "j.fgbundle")
    accra.store.meetings.update(meeting.id, place="Prestea")
    tarkwa.tick(100)
    tarkwa.store.meetings.update(meeting.id, place="Bogoso")
    export_bundle(accra.store, folder / "a.fgbundle")
    import_bundle(tarkwa.store, folder / "a.fgbundle")
    return tarkwa.store, meeting


def test_a_conflict_shows_both_values_laptops_and_times(laptops, fast_dir):
    store, meeting = make_conflict(laptops, fast_dir)
    [conflict] = review.open_conflicts(store)
    assert (conflict.kept_value, conflict.lost_value) == ("Bogoso", "Prestea")
    assert conflict.kept_device == store.device_id and conflict.lost_device == laptops[0].store.device_id
    assert conflict.lost_at < conflict.kept_at and conflict.field_label == "Place"
    names = review.device_names(store)
    assert names[conflict.lost_device]  # the sending laptop's name is known from its bundle


def test_keeping_the_other_value_saves_it_again_so_it_wins_everywhere(laptops, fast_dir):
    store, meeting = make_conflict(laptops, fast_dir)
    [conflict] = review.open_conflicts(store)
    review.keep_lost_value(store, conflict.id)
    assert store.meetings.get(meeting.id).place == "Prestea"
    assert review.open_conflicts(store) == []
    export_bundle(store, fast_dir / "t.fgbundle")
    accra = laptops[0].store
    import_bundle(accra, fast_dir / "t.fgbundle")
    assert accra.meetings.get(meeting.id).place == "Prestea" and accra.digest() == store.digest()


def test_keeping_the_current_value_just_closes_the_conflict(laptops, fast_dir):
    store, meeting = make_conflict(laptops, fast_dir)
    digest = store.digest()
    review.keep_current(store, review.open_conflicts(store)[0].id)
    assert review.open_conflicts(store) == [] and store.digest() == digest


def test_import_history_and_passphrase(laptops, fast_dir):
    store, _ = make_conflict(laptops, fast_dir)
    entries = review.import_history(store)
    assert [e.file_name for e in entries] == ["a.fgbundle", "j.fgbundle"]
    assert entries[0].counts["conflicts"] == 1
    review.set_passphrase(store, "a long group sentence")
    assert review.passphrase(store) == "a long group sentence"
    try:
        review.set_passphrase(store, "short")
    except Exception as error:
        assert "12 characters" in str(error)
    else:
        raise AssertionError("a short passphrase was accepted")
