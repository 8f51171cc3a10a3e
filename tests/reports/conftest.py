"""A small working group for the report tests: pillars, a protected person, accents, actions, indicators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from fieldgroup.i18n import set_locale
from tests.reports.helpers import PROTECTED

MINUTES = f"""Ouverture par la présidente. Réunion tenue à Bogotá avec la señora Núñez.
Les élèves de l'école ont présenté leurs préoccupations.

- Point sécurité : la compañía informa sobre el acuerdo de año nuevo
- {PROTECTED} a décrit les menaces reçues
- Seguimiento con la Defensoría del Pueblo

Clôture à 17h00 ; prochaine réunion en août."""


@dataclass
class Sample:
    group: object
    meeting: object
    earlier: object
    protected: object
    indicator_with_values: object
    indicator_without_values: object


@pytest.fixture(autouse=True)
def english():
    set_locale("en")
    yield
    set_locale("en")


@pytest.fixture
def sample(store, group) -> Sample:
    with store.transaction():  # one disk flush instead of ~80
        return _fill(store, group)


def _fill(s, group) -> Sample:
    orgs = {
        "company": s.organisations.create(group_id=group.id, name="Minera Andina S.A.", pillar="company"),
        "government": s.organisations.create(group_id=group.id, name="Ministère des Mines", pillar="government"),
        "civil_society": s.organisations.create(group_id=group.id, name="Asociación Campesina del Cauca", pillar="civil_society"),
        "observer": s.organisations.create(group_id=group.id, name="Bureau des Nations Unies", pillar="observer"),
    }
    defenders = s.organisations.create(group_id=group.id, name="Red de Defensoras", pillar="civil_society")
    quiet = s.organisations.create(group_id=group.id, name="Société Aurifère du Nord", pillar="company")
    people = {
        "ana": s.people.create(organisation_id=orgs["company"].id, name="Ana Gómez", gender="female"),
        "kofi": s.people.create(organisation_id=orgs["company"].id, name="Kofi Mensah", gender="male"),
        "helene": s.people.create(organisation_id=orgs["government"].id, name="Hélène Dubois", gender="female"),
        "jose": s.people.create(organisation_id=orgs["civil_society"].id, name="José Núñez", gender="male"),
        "obs": s.people.create(organisation_id=orgs["observer"].id, name="Ingrid Olsen"),
        "quiet": s.people.create(organisation_id=quiet.id, name="Pierre Lefèvre", gender="male"),
    }
    protected = s.people.create(organisation_id=defenders.id, name=PROTECTED, gender="female", protected=True)
    meetings = [
        s.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 1, 20), title="Plénière de janvier", place="Accra"),
        s.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 3, 10), title="Atelier sur les plaintes", place="Tamale"),
        s.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 4, 28), title="Plénière d'avril", place="Kumasi"),
    ]
    meeting = s.meetings.create(
        group_id=group.id, kind="plenary", date=date(2025, 6, 10), title="Plénière de juin — sécurité et droits humains",
        place="Bogotá, Salón Núñez",
        agenda="Bienvenue et présentations\nSeguimiento de acuerdos\nRapport de " + PROTECTED + "\nDivers",
        minutes=MINUTES, decisions="- Adopter le mécanisme de plainte\n- Crear una comisión de año nuevo",
    )
    for person in ("ana", "kofi", "helene", "jose", "obs"):
        s.attendance.set(meeting.id, people[person].id, "present")
    s.attendance.set(meeting.id, protected.id, "present")
    s.attendance.set(meeting.id, people["quiet"].id, "absent")
    for m in meetings:
        for person in ("ana", "helene", "jose"):
            s.attendance.set(m.id, people[person].id, "present")
    s.attendance.set(meetings[0].id, people["quiet"].id, "present")  # then stopped coming
    earlier = meetings[1]
    s.actions.create(group_id=group.id, meeting_id=earlier.id, title="Envoyer le rapport à la Défensoría",
                     owner_person_id=people["helene"].id, due_date=date(2025, 5, 1))  # overdue at 2025-06-15
    s.actions.create(group_id=group.id, meeting_id=earlier.id, title=f"Protection plan for {PROTECTED}",
                     owner_person_id=protected.id, due_date=date(2025, 7, 1), status="in_progress")
    s.actions.create(group_id=group.id, meeting_id=earlier.id, title="Closed item", status="done",
                     owner_person_id=people["kofi"].id, due_date=date(2025, 4, 1))
    s.actions.create(group_id=group.id, meeting_id=meeting.id, title="Réviser le protocole de sécurité",
                     owner_person_id=people["ana"].id, due_date=date(2025, 8, 30))
    s.actions.create(group_id=group.id, meeting_id=meeting.id, title="Accompagner la défenseure",
                     description=f"Contact {PROTECTED.lower()} before the visit.",
                     owner_person_id=protected.id, due_date=date(2025, 7, 15))
    with_values = s.indicators.create(group_id=group.id, code="1.1", name="Plaintes résolues à temps",
                                      unit="percent", baseline_value=20)
    for period, target, actual in (("2025-Q1", 40, 35), ("2025-Q2", 60, 58), ("2025-Q3", 80, None)):
        s.targets.set(with_values.id, period, target)
        if actual is not None:
            s.values.set(with_values.id, period, actual)
    without = s.indicators.create(group_id=group.id, code="2.1", name="Compañías con política de derechos humanos",
                                  unit="number", baseline_value=2)
    s.targets.set(without.id, "2025-Q2", 5)
    s.indicators.create(group_id=group.id, code="3.1", computed="meetings_held")
    return Sample(group, meeting, earlier, protected, with_values, without)

