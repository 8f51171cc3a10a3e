"""Domain rules: invalid values are refused with a sentence that names the field."""

from datetime import date

import pytest

from fieldgroup.core import InUseError, NotFoundError, ValidationError


def refused(call, field):
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.field == field
    message = str(info.value)
    assert message[0].isupper() and message.endswith(".")
    return message


def test_required_fields(store, group):
    assert "Name" in refused(lambda: store.groups.create(name="  "), "name")
    refused(lambda: store.meetings.create(group_id=group.id, kind="plenary"), "date")
    refused(lambda: store.actions.create(group_id=group.id, title=""), "title")


def test_an_organisation_belongs_to_exactly_one_known_pillar(store, group):
    message = refused(lambda: store.organisations.create(group_id=group.id, name="X", pillar="ngo"), "pillar")
    assert "civil_society" in message
    refused(lambda: store.organisations.create(group_id=group.id, name="X"), "pillar")


def test_a_persons_organisation_must_exist(store):
    refused(lambda: store.people.create(organisation_id="nope", name="Ana"), "organisation_id")


def test_an_action_item_is_not_due_before_its_meeting(store, group):
    meeting = store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 4, 10))
    refused(lambda: store.actions.create(meeting_id=meeting.id, title="T", due_date=date(2025, 4, 9)), "due_date")
    item = store.actions.create(meeting_id=meeting.id, title="T", due_date=date(2025, 4, 10))
    assert item.group_id == group.id
    refused(lambda: store.actions.update(item.id, due_date="2025-01-01"), "due_date")
    refused(lambda: store.meetings.update(meeting.id, date=date(2025, 5, 1)), "date")


def test_dates_numbers_and_choices_are_checked(store, group):
    refused(lambda: store.meetings.create(group_id=group.id, kind="plenary", date="7 March"), "date")
    refused(lambda: store.meetings.create(group_id=group.id, kind="party", date="2025-03-07"), "kind")
    refused(lambda: store.groups.update(group.id, balance_threshold="high"), "balance_threshold")
    refused(lambda: store.groups.update(group.id, balance_threshold=1.5), "balance_threshold")
    refused(lambda: store.groups.create(name="x" * 201), "name")
    refused(lambda: store.groups.create(name="G", colour="red"), "colour")


def test_done_sets_and_reopening_clears_the_completion_date(store, group):
    item = store.actions.create(group_id=group.id, title="Visit the mine site")
    done = store.actions.update(item.id, status="done")
    assert done.completed_on == date(2025, 6, 15)
    assert store.actions.update(item.id, status="open").completed_on is None
    refused(lambda: store.actions.update(item.id, completed_on=date(2025, 1, 1)), "completed_on")


def test_open_and_overdue_actions(store, group):
    late = store.actions.create(group_id=group.id, title="Late", due_date=date(2025, 6, 1))
    store.actions.create(group_id=group.id, title="Soon", due_date=date(2025, 7, 1))
    store.actions.create(group_id=group.id, title="Done", due_date=date(2025, 5, 1), status="done")
    assert [a.title for a in store.actions.open(group.id)] == ["Late", "Soon"]
    assert [a.id for a in store.actions.overdue(group.id)] == [late.id]


def test_indicator_periods_and_values(store, group):
    indicator = store.indicators.create(group_id=group.id, name="Women in plenaries", unit="percent")
    refused(lambda: store.targets.set(indicator.id, "2025", 40), "period")
    refused(lambda: store.values.set(indicator.id, "2025-Q1", 140), "value")
    yearly = store.indicators.create(group_id=group.id, name="MoU signed", unit="yes_no", period_kind="year")
    refused(lambda: store.values.set(yearly.id, "2025", 2), "value")
    assert store.values.set(yearly.id, "2025", 1).value == 1


def test_deleting_what_others_point_to(store, group, pillars):
    org, person = pillars["company"]
    with pytest.raises(InUseError, match="1 person"):
        store.organisations.delete(org.id)
    item = store.actions.create(group_id=group.id, title="Report back", owner_person_id=person.id)
    store.people.delete(person.id)
    assert store.actions.get(item.id).owner_person_id is None
    store.organisations.delete(org.id)
    with pytest.raises(NotFoundError):
        store.organisations.get(org.id)
    with pytest.raises(InUseError):
        store.groups.delete(group.id)


def test_deleting_a_meeting_keeps_its_action_items(store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    store.attendance.set(meeting.id, pillars["company"][1].id)
    item = store.actions.create(meeting_id=meeting.id, title="Follow up")
    store.meetings.delete(meeting.id)
    assert store.actions.get(item.id).meeting_id is None
    assert store.attendance.count() == 0


def test_merging_people_moves_attendance_and_actions_and_keeps_protection(store, group, pillars):
    org, keep = pillars["civil_society"]
    duplicate = store.people.create(organisation_id=org.id, name="C. Person", protected=True, email="c@example.org")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    store.attendance.set(meeting.id, duplicate.id)
    item = store.actions.create(group_id=group.id, title="Call back", owner_person_id=duplicate.id)
    merged = store.merge_people(keep.id, duplicate.id)
    assert merged.protected and merged.email == "c@example.org"
    assert [a.person_id for a in store.attendance.list(meeting_id=meeting.id)] == [keep.id]
    assert store.actions.get(item.id).owner_person_id == keep.id
    assert store.people.find(duplicate.id) is None
    assert store.problems() == []


def test_merging_organisations_moves_people(store, group, pillars):
    org, person = pillars["government"]
    duplicate = store.organisations.create(group_id=group.id, name="Min. of Mines", pillar="government")
    moved = store.people.create(organisation_id=duplicate.id, name="Officer")
    store.merge_organisations(org.id, duplicate.id)
    assert store.people.get(moved.id).organisation_id == org.id


def test_erasing_a_protected_person_takes_their_name_out_of_free_text(store, group, pillars):
    org, _ = pillars["civil_society"]
    person = store.people.create(organisation_id=org.id, name="Siobhan O'Neill", protected=True)
    meeting = store.meetings.create(
        group_id=group.id, kind="plenary", date=date(2025, 3, 1), title="Visit with SIOBHAN O’NEILL",
        minutes="Siobhan  O'Neill reported threats.\nOthers listened.")
    item = store.actions.create(meeting_id=meeting.id, title="Call Siobhan O'Neill back",
                                description="Not Siobhan O'Neills' cousin")
    store.people.delete(person.id)
    after = store.meetings.get(meeting.id)
    assert "Siobhan" not in after.title and "Siobhan" not in after.minutes
    # Stored as the erased-person token, read in any language as the placeholder.
    from fieldgroup.core.mentions import Directory

    render = Directory([]).render
    assert render(after.minutes).startswith("Protected participant (Civil society) reported threats.")
    assert render(store.actions.get(item.id).title) == "Call Protected participant (Civil society) back"
    assert "Siobhan" not in store.actions.get(item.id).description  # a distinctive given name alone goes too


def test_deleting_an_unprotected_person_leaves_free_text_alone(store, group, pillars):
    _, person = pillars["company"]
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="company person presented the plan.")
    store.people.delete(person.id)
    assert store.meetings.get(meeting.id).minutes == "company person presented the plan."
