"""The results framework and work plan travel in bundles like every record, edits and deletes included."""

from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def send(source, target, folder):
    path = folder / f"{source.name}-{source.ms}.fgbundle"
    export_bundle(source.store, path)
    return import_bundle(target.store, path)


def test_two_laptops_exchange_a_framework_and_agree(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, meeting = seed_group(accra.store)
    s = accra.store
    s.profiles.set(group.id, vision="Rights respected", reporting_org_ref="GH-CHC-1234")
    objective = s.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    result = s.results.create(objective_id=objective.id, title="Plenaries held", result_type="output")
    indicator = s.indicators.create(group_id=group.id, name="Plenaries", result_id=result.id)
    s.funder_codes.create(indicator_id=indicator.id, data_element="deAbc123456")
    activity = s.activities.create(group_id=group.id, result_id=result.id, title="Quarterly plenary",
                                   owner_person_id=people[0].id, start_date="2025-01-01", end_date="2025-03-31")
    s.activities.link_meeting(activity.id, meeting.id)
    send(accra, tarkwa, fast_dir)
    assert tarkwa.store.digest() == accra.store.digest()
    # Edits on the other laptop come back, and a delete there removes the link here too.
    tarkwa.tick(10)
    tarkwa.store.activities.update(activity.id, status="done")
    tarkwa.store.profiles.set(group.id, mission="Convene the three pillars")
    tarkwa.store.activities.unlink_meeting(activity.id, meeting.id)
    accra.tick(20)
    send(tarkwa, accra, fast_dir)
    assert accra.store.activities.get(activity.id).status == "done"
    assert accra.store.profiles.of_group(group.id).mission == "Convene the three pillars"
    assert accra.store.activities.meeting_ids(activity.id) == []
    assert accra.store.digest() == tarkwa.store.digest()
    assert accra.store.problems() == []


def test_a_result_deleted_on_one_laptop_unlinks_indicators_on_the_other(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, _people, _meeting = seed_group(accra.store)
    objective = accra.store.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    result = accra.store.results.create(objective_id=objective.id, title="Plenaries held", result_type="output")
    send(accra, tarkwa, fast_dir)
    tarkwa.tick(5)
    indicator = tarkwa.store.indicators.create(group_id=group.id, name="Plenaries", result_id=result.id)
    accra.tick(5)
    accra.store.results.delete(result.id)
    send(accra, tarkwa, fast_dir)
    send(tarkwa, accra, fast_dir)
    assert accra.store.indicators.get(indicator.id).result_id is None
    assert accra.store.digest() == tarkwa.store.digest()
