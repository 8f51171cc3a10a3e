"""A realistic-size store for timing the reports until `fieldgroup demo --size realistic` lands.

One group, 60 organisations, 300 people (some protected), 120 meetings with ~35 people each,
long minutes, 1,200 action items, 24 indicators with 12 quarters of targets and values."""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from fieldgroup.core import create_store

WORDS = ("sécurité communauté acuerdo compañía défenseur mécanisme de plainte réunion seguimiento "
         "derechos humanos gouvernement police formation proyecto informe comisión región minería "
         "consultation audiencia pública evaluación riesgos accès à la justice").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def minutes(rng: random.Random) -> str:
    blocks = []
    for _ in range(8):
        blocks.append(" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(3, 6))))
        blocks.append("\n".join("- " + sentence(rng, rng.randint(5, 12)) for _ in range(rng.randint(2, 5))))
    return "\n\n".join(blocks)


def make_store(path: Path, seed: int = 7) -> str:
    """Create the store at `path`; returns the id of its newest meeting (the one to print)."""
    rng = random.Random(seed)
    store = create_store(path, today=lambda: date(2025, 12, 15))
    pillars = ("company", "government", "civil_society", "observer")
    with store.transaction():
        group = store.groups.create(name="Colombia ICWG — Comité Minero-Energético", country="CO")
        orgs = [store.organisations.create(group_id=group.id, name=f"Organización {i:02d} {rng.choice(WORDS)}",
                                           pillar=pillars[i % 4] if i % 10 else "civil_society") for i in range(60)]
        people = [store.people.create(organisation_id=rng.choice(orgs).id, name=f"Persona {i:03d} Núñez",
                                      gender=rng.choice(("female", "male", None)), protected=i % 40 == 0)
                  for i in range(300)]
        start = date(2023, 1, 10)
        meetings = []
        for i in range(120):
            meeting = store.meetings.create(
                group_id=group.id, kind=rng.choice(("plenary", "workshop", "subnational")),
                date=start + timedelta(days=7 * i), title=f"Sesión {i + 1}: {sentence(rng, 5)}", place="Bogotá",
                agenda="\n".join(sentence(rng, 6) for _ in range(12)), minutes=minutes(rng),
                decisions="\n".join("- " + sentence(rng, 10) for _ in range(6)))
            meetings.append(meeting)
            for person in rng.sample(people, 35):
                store.attendance.set(meeting.id, person.id, rng.choice(("present",) * 5 + ("excused", "absent")))
            for _ in range(10):
                due = meeting.date + timedelta(days=rng.randint(7, 120))
                status = rng.choice(("open", "in_progress", "done", "done", "done", "dropped"))
                store.actions.create(group_id=group.id, meeting_id=meeting.id, title=sentence(rng, 7),
                                     description=sentence(rng, 15), owner_person_id=rng.choice(people).id,
                                     due_date=due, status=status,
                                     completed_on=due if status == "done" else None)
        quarters = [f"{y}-Q{q}" for y in (2023, 2024, 2025) for q in (1, 2, 3, 4)]
        for i in range(24):
            indicator = store.indicators.create(group_id=group.id, code=f"{i // 4 + 1}.{i % 4 + 1}",
                                                name=f"Indicador {i}: {sentence(rng, 6)}", unit="number",
                                                baseline_value=10)
            for n, quarter in enumerate(quarters):
                store.targets.set(indicator.id, quarter, 10 + 5 * (n + 1))
                if n < 11 and i % 6:
                    store.values.set(indicator.id, quarter, 10 + rng.randint(3, 6) * (n + 1))
    store.close()
    return meetings[-1].id


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    print(make_store(parser.parse_args().store))
