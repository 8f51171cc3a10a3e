"""The stores the benchmarks run on: the stress demo (DESIGN §9 sizes), built once and cached in bench/cache/.

Uses `fieldgroup.core.demo.generate_demo` when it exists; until then a plain builder below makes a store
of the same sizes through the public API, in one transaction."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# BENCH_CACHE moves the cache (the test suite's smoke run uses a temporary folder).
CACHE = Path(os.environ.get("BENCH_CACHE") or Path(__file__).resolve().parent / "cache")
# Built as of today, so that the app (which runs on the wall clock) sees past and upcoming meetings
# as the demo meant them; the month is in the cache key, so the store is rebuilt at most monthly.
TODAY = date.today()
WORDS = ("security community agreement company defender grievance mechanism meeting follow-up human rights "
         "government police training project report commission region mining consultation hearing "
         "assessment risk access justice water land women youth").split()


@dataclass(frozen=True)
class Sizes:
    organisations: int
    people: int
    meetings: int
    attendance: int
    actions: int
    indicators: int
    periods: int


FALLBACK = {"stress": Sizes(600, 3000, 2000, 60_000, 100_000, 200, 40), "small": Sizes(10, 30, 12, 120, 40, 4, 6)}


def _source_key(size: str) -> str:
    """Changes whenever the generator or the schema changes, so a stale cached store is never used."""
    digest = hashlib.sha256(f"{size} {TODAY:%Y-%m}".encode())
    for name in sorted((ROOT / "fieldgroup" / "core").glob("demo*.py")) + [ROOT / "fieldgroup/core/store_schema.py",
                                                                          Path(__file__)]:
        digest.update(name.read_bytes())
    return digest.hexdigest()[:10]


def has_generator() -> bool:
    try:
        from fieldgroup.core.demo import generate_demo  # noqa: F401
    except ImportError:
        return False
    return True


def cached_store(size: str) -> Path:
    """Path of the cached `size` store ("stress" or "small"), built first when missing or stale."""
    builder = "demo" if has_generator() else "fallback"
    path = CACHE / f"{size}-{builder}-{_source_key(size)}.fgstore"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob(f"{size}-*.fgstore*"):
            old.unlink()
        temp = path.with_name("building-" + path.name)
        for leftover in CACHE.glob("building-*"):
            leftover.unlink()
        build_store(temp, size, builder)
        shutil.move(temp, path)
    return path


def build_store(path: Path, size: str, builder: str) -> None:
    if builder == "demo":
        from fieldgroup.core.demo import generate_demo

        generate_demo(path, size=size, seed=1, today=TODAY)
    else:
        _fallback(path, FALLBACK[size])
    from fieldgroup.core import open_store

    open_store(path).close()  # checkpoints the WAL: the cached store is one self-contained file


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _fallback(path: Path, s: Sizes) -> None:
    from fieldgroup.core import create_store

    rng = random.Random(1)
    store = create_store(path, today=lambda: TODAY)
    pillars = ("company", "government", "civil_society", "observer")
    with store.transaction():
        group = store.groups.create(name="Stress working group", country="CO")
        orgs = [store.organisations.create(group_id=group.id, name=f"Organisation {i} {rng.choice(WORDS)}",
                                           pillar=pillars[i % 4]) for i in range(s.organisations)]
        people = [store.people.create(organisation_id=rng.choice(orgs).id, name=f"Person {i} {rng.choice(WORDS)}",
                                      gender=rng.choice(("female", "male", None)), protected=i % 25 == 0)
                  for i in range(s.people)]
        first = TODAY - timedelta(days=3650)
        meetings = [store.meetings.create(group_id=group.id, kind=rng.choice(("plenary", "workshop", "subnational")),
                                          date=first + timedelta(days=i * 3650 // s.meetings), place="Bogotá",
                                          title=f"Meeting {i + 1}: {_sentence(rng, 4)}",
                                          agenda="\n".join(_sentence(rng, 5) for _ in range(6)),
                                          minutes="\n\n".join(_sentence(rng, 30) for _ in range(4)),
                                          decisions="\n".join("- " + _sentence(rng, 8) for _ in range(3)))
                    for i in range(s.meetings)]
        per_meeting = s.attendance // s.meetings
        for meeting in meetings:
            for person in rng.sample(people, per_meeting):
                store.attendance.set(meeting.id, person.id, rng.choice(("present",) * 5 + ("excused", "absent")))
        for i in range(s.actions):
            meeting = meetings[i % len(meetings)]
            due = meeting.date + timedelta(days=rng.randint(7, 120))
            status = rng.choice(("open", "in_progress", "done", "done", "dropped"))
            store.actions.create(group_id=group.id, meeting_id=meeting.id, title=_sentence(rng, 6),
                                 description=_sentence(rng, 12), owner_person_id=rng.choice(people).id,
                                 due_date=due, status=status, completed_on=due if status == "done" else None)
        quarters = [f"{y}-Q{q}" for y in range(2016, 2026) for q in (1, 2, 3, 4)][-s.periods:]
        for i in range(s.indicators):
            indicator = store.indicators.create(group_id=group.id, code=f"{i // 10 + 1}.{i % 10 + 1}",
                                                name=f"Indicator {i}: {_sentence(rng, 5)}", unit="number",
                                                baseline_value=10)
            for n, quarter in enumerate(quarters):
                store.targets.set(indicator.id, quarter, 10 + 5 * (n + 1))
                store.values.set(indicator.id, quarter, 10 + rng.randint(3, 6) * (n + 1))
    store.close()
