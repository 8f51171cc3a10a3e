"""A small group with a results framework, funder codes, a protected person and formula-like text."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def funded(store, group, pillars):
    """(store, group, ids): two indicators with values in 2025, one mapped per period and one for every period."""
    s = store
    s.profiles.set(group.id, reporting_org_ref="GH-CHC-0001", reporting_org_name="Ghana ICWG secretariat",
                   dhis2_org_unit="OuGhana0001", currency="GHS", mission="Convene the three pillars")
    objective = s.objectives.create(group_id=group.id, code="O1", title="Dialogue", horizon="short",
                                    start_date="2025-01-01", end_date="2025-12-31")
    result = s.results.create(objective_id=objective.id, title="Guards trained", result_type="output")
    outcome = s.results.create(objective_id=objective.id, title="Fewer incidents", result_type="outcome")
    trained = s.indicators.create(group_id=group.id, code="M5", name="Guards trained", result_id=result.id,
                                  baseline_value=50, baseline_date="2024-12-31")
    incidents = s.indicators.create(group_id=group.id, code="M6", name="Incidents", direction="decrease",
                                    period_kind="year", result_id=outcome.id, baseline_value=12)
    protected = pillars["civil_society"][1]
    s.people.update(protected.id, protected=True, name="Ama Boateng", phone="+233 24 123 4567")
    open_person = pillars["company"][1]
    s.people.update(open_person.id, name="Kofi Mensah", phone="+233 20 765 4321", email="kofi@example.org")
    meeting = s.meetings.create(group_id=group.id, kind="plenary", date="2025-03-07", title="First plenary",
                                place="Accra", agenda="Welcome\nReport by Ama Boateng")
    for person in (protected, open_person):
        s.attendance.set(meeting.id, person.id)
    s.targets.set(trained.id, "2025-Q1", 100)
    s.values.set(trained.id, "2025-Q1", 80, note="Sheets checked with Ama Boateng", evidence_meeting_id=meeting.id)
    s.values.set(trained.id, "2025-Q2", 130.5)
    s.values.set(trained.id, "2024-Q4", 60)
    s.values.set(incidents.id, "2025", 7, note="Police records")
    s.funder_codes.create(indicator_id=trained.id, data_element="deTrained01")  # every period
    s.funder_codes.create(indicator_id=trained.id, period="2025-Q2", data_element="deTrained02",
                          period_code="2025Q2", org_unit="OuWestern01", category_option_combo="cocMale0001")
    s.funder_codes.create(indicator_id=incidents.id, data_element="deIncident1")
    s.actions.create(group_id=group.id, title="=HYPERLINK(\"http://x\",\"click\")", status="open",
                     due_date="2025-07-01", owner_person_id=protected.id,
                     owner_organisation_id=pillars["civil_society"][0].id, description="@SUM(1+1)")
    s.actions.create(group_id=group.id, title="Call +233 20 765 4321", status="done", due_date="2025-02-01",
                     completed_on="2025-01-30", owner_person_id=open_person.id)
    s.activities.create(group_id=group.id, result_id=result.id, title="-2+3 training", start_date="2025-02-01",
                        end_date="2025-05-31", owner_person_id=protected.id, budget_amount=2500, currency="GHS")
    s.activities.create(group_id=group.id, objective_id=objective.id, title="Plenaries", start_date=date(2025, 1, 1),
                        end_date=date(2025, 12, 31), owner_person_id=open_person.id, status="in_progress")
    return s, group, {"trained": trained.id, "incidents": incidents.id, "meeting": meeting.id}
