"""The incident register (issue 19): record, protocol steps with deadlines, overdue first, indicators."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.core import ValidationError
from fieldgroup.core.schema import CORE_TEAM_TABLES, TABLES


@pytest.fixture
def protocol(store, group, pillars):
    org, person = pillars["civil_society"]
    reg = store.incidents
    reg.add_protocol_step(group.id, "Call the defender's organisation", 0, contact_organisation_id=org.id,
                          contact_person_id=person.id)
    reg.add_protocol_step(group.id, "Inform the embassy focal points", 2)
    reg.add_protocol_step(group.id, "Raise it with the company's security manager", 7)
    return reg.protocol_of(group.id)


def defender(store, pillars):
    org, _person = pillars["civil_society"]
    return store.people.create(organisation_id=org.id, name="Aung Min Thu", protected=True)


def test_opening_an_incident_instantiates_the_protocol_with_deadlines(store, group, pillars, protocol):
    person = defender(store, pillars)
    company = pillars["company"][0]
    incident = store.incidents.open(
        group.id, date=date(2025, 6, 1), kind="threat_to_defender", severity="high",
        title=f"Threats against @{{person:{person.id}}} after the meeting", organisation_ids=[company.id],
        owner_person_id=pillars["government"][1].id)
    steps = store.incidents.steps_of(incident.id)
    assert [s.what for s in steps] == [p.what for p in protocol]
    assert [s.due_date for s in steps] == [date(2025, 6, 1), date(2025, 6, 3), date(2025, 6, 8)]
    assert {s.owner_person_id for s in steps} == {pillars["government"][1].id}
    assert store.incidents.organisations_of(incident.id) == [company.id]
    assert "Aung" not in str(store.incidents.get(incident.id))  # the name is a mention, never stored


def test_overdue_steps_come_first_and_completing_them_clears_the_alert(store, group, pillars, protocol):
    older = store.incidents.open(group.id, date=date(2025, 6, 1), kind="security_incident", severity="low",
                                 title="Road block near the mine")
    newer = store.incidents.open(group.id, date=date(2025, 6, 15), kind="grievance", severity="critical",
                                 title="Water complaint")
    alerts = store.incidents.alerts(group.id)
    assert [a.incident.id for a in alerts] == [older.id, newer.id]  # today is 2025-06-15
    assert len(store.incidents.overdue_steps(group.id)) == 3
    for step in store.incidents.steps_of(older.id):
        store.incidents.complete_step(step.id)
    assert store.incidents.overdue_steps(group.id) == []
    first = store.incidents.steps_of(older.id)[0]
    store.incidents.reopen_step(first.id)
    assert store.incidents.overdue_steps(group.id) == [store.incidents.steps_of(older.id)[0]]
    store.incidents.complete_step(first.id)
    assert [a.incident.id for a in store.incidents.alerts(group.id)] == [newer.id, older.id]
    assert store.incidents.get(older.id).status == "follow_up"


def test_status_dates_fill_in_and_closed_incidents_leave_the_alerts(store, group):
    incident = store.incidents.open(group.id, date=date(2025, 6, 1), kind="other", title="Leaflets")
    store.incidents.update(incident.id, status="resolved")
    assert store.incidents.get(incident.id).resolved_on == date(2025, 6, 15)
    assert store.incidents.alerts(group.id) == []
    with pytest.raises(ValidationError):
        store.incidents.update(incident.id, closed_on=date(2025, 5, 1))


def test_there_is_no_field_for_a_person_name(store, group):
    with pytest.raises(ValidationError):
        store.incidents.open(group.id, date=date(2025, 6, 1), kind="other", title="x", victim="Aung Min Thu")
    names = {f.name for name in CORE_TEAM_TABLES for f in TABLES[name].fields}
    assert not names & {"victim", "reporter", "name", "person_name"}


def test_quarterly_indicators(store, group):
    reg = store.incidents
    reg.open(group.id, date=date(2025, 1, 10), kind="grievance", title="a", resolved_on=date(2025, 2, 1),
             status="resolved", outcome="Compensation paid", outcome_published=True)
    reg.open(group.id, date=date(2025, 2, 10), kind="threat_to_defender", title="b", resolved_on=date(2025, 9, 1),
             status="resolved")
    reg.open(group.id, date=date(2025, 4, 2), kind="grievance", title="c")
    q1, q2 = reg.quarterly(group.id)
    assert q1.quarter == "2025-Q1" and q1.by_kind["grievance"] == 1 and q1.by_kind["threat_to_defender"] == 1
    assert q1.resolved_within_90 == 0.5 and q1.grievances_published == 1
    assert q2.total == 1 and q2.resolved_within_90 == 0.0


def test_deleting_an_organisation_or_person_keeps_incidents_consistent(store, group, pillars, protocol):
    org, person = pillars["civil_society"]
    incident = store.incidents.open(group.id, date=date(2025, 6, 1), kind="other", title="x",
                                    organisation_ids=[org.id], owner_person_id=person.id)
    store.people.delete(person.id)
    store.organisations.delete(org.id)
    assert store.incidents.organisations_of(incident.id) == []
    assert all(s.owner_person_id is None and s.contact_organisation_id is None
               for s in store.incidents.steps_of(incident.id))
    assert store.problems() == []


@pytest.mark.parametrize("locale", ["en", "fr", "es", "pt", "id", "my"])
def test_demo_stores_carry_a_handful_of_incidents_in_every_language(tmp_path, locale):
    from fieldgroup.core import open_store
    from fieldgroup.core.demo import generate_demo
    from fieldgroup.core.demo_incidents import INCIDENTS
    from fieldgroup.core.demo_text import text_for
    from fieldgroup.core.incidents import incident_indicator_values, incident_indicators

    path = tmp_path / "demo.fgstore"
    generate_demo(path, size="small", locale=locale, today=date(2025, 6, 15))
    with open_store(path, today=lambda: date(2025, 6, 15)) as store:
        group = store.groups.list(parent_id=None)[0]
        incidents = store.incidents.list(group.id)
        assert {i.title for i in incidents} == {row[4] for row in INCIDENTS[locale]}
        threat = next(i for i in incidents if i.kind == "threat_to_defender")
        person_id = threat.description.split("@{person:")[1].split("}")[0]
        assert store.people.get(person_id).protected
        assert store.incidents.alerts(group.id) and store.incidents.quarterly(group.id)
        assert len(store.incidents.protocol_of(group.id)) == 3
        # The hand-typed "incidents at project sites" indicator (M6) is now computed from the register.
        assert "M6" not in {spec.code for spec in text_for(locale).indicators}
        by_code = {i.code: i for i in incident_indicators(store, group.id)}
        assert sum(incident_indicator_values(store, group.id, by_code["I1"].computed).values()) == 1  # the threat
        assert sum(incident_indicator_values(store, group.id, by_code["I2"].computed).values()) == 1  # road block
        assert sum(incident_indicator_values(store, group.id, "grievances_published").values()) == 1


def test_erasing_a_protected_person_scrubs_incidents_too(store, group, pillars):
    org = pillars["civil_society"][0]
    person = store.people.create(organisation_id=org.id, name="Aung Min Thu", protected=True)
    incident = store.incidents.open(group.id, date=date(2025, 6, 1), kind="threat_to_defender",
                                    title="Aung Min Thu was followed", outcome="Aung Min Thu moved to a safe house")
    store.people.delete(person.id)
    got = store.incidents.get(incident.id)
    assert "Aung" not in got.title and "Aung" not in got.outcome


def test_merging_duplicates_keeps_incident_links(store, group, pillars, protocol):
    org, person = pillars["civil_society"]
    twin_org = store.organisations.create(group_id=group.id, name="civil_society org (2)", pillar="civil_society")
    twin = store.people.create(organisation_id=twin_org.id, name="civil_society person (2)")
    incident = store.incidents.open(group.id, date=date(2025, 6, 1), kind="other", title="x",
                                    organisation_ids=[twin_org.id, org.id], owner_person_id=twin.id)
    store.merge_people(person.id, twin.id)
    store.merge_organisations(org.id, twin_org.id)
    assert store.incidents.organisations_of(incident.id) == [org.id]
    assert {s.owner_person_id for s in store.incidents.steps_of(incident.id)} == {person.id}
    assert store.problems() == []
