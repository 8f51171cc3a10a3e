"""The participation report's "Who is missing" section names organisations, never a protected person's (issue 18)."""

from __future__ import annotations

from datetime import date

from fieldgroup.reports.api import build_participation
from tests.reports.helpers import PROTECTED, pdf_text


def test_who_is_missing_in_the_report_never_names_a_protected_person_or_their_organisation(store, group, tmp_path):
    mine = store.organisations.create(group_id=group.id, name="Came Mining", pillar="company", subtype="extractive")
    away = store.organisations.create(group_id=group.id, name="Absent Ministry", pillar="government",
                                      subtype="host_government")
    defenders = store.organisations.create(group_id=group.id, name="Defenders Desk", pillar="civil_society",
                                           subtype="ngo")
    came = store.people.create(organisation_id=mine.id, name="Kofi Mensah")
    store.people.create(organisation_id=away.id, name="Yaw Boateng", focal_point=True)
    store.people.create(organisation_id=defenders.id, name=PROTECTED, protected=True, focal_point=True)
    for month in (1, 3, 5):
        meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, month, 9),
                                        region="Western" if month == 5 else None)
        store.attendance.set(meeting.id, came.id)
    pages = pdf_text(build_participation(store, tmp_path / "p.pdf", group_id=group.id))
    text = " ".join(pages)
    section = text[text.index("Who is missing"):text.index("Balance per meeting")]
    assert "Members that never attended Absent Ministry" in section
    assert "Came Mining" in section  # no focal point
    assert "Public security forces" in section  # never present at the last 3 plenaries
    assert "33% of the meetings held (1 of 3)." in section
    assert "1 member organisation is not named in these lists." in section
    assert "Defenders Desk" not in section and PROTECTED not in text
