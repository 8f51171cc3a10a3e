"""Fixtures for sync tests: several laptops, each with its own store and clock."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from fieldgroup.core import create_store

# Bundles and stores in RAM where the machine offers it: the merge logic is what is tested here,
# not the disk, and synchronous=FULL on every commit would make hundreds of examples slow.
FAST_TMP = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The sync state machines: 200 examples by default (CI); FIELDGROUP_HYPOTHESIS=dev for a quick run.
# On CI the examples are derandomized: the same 200 every run, so a landing never hangs on a coin; the
# random search (and the .hypothesis database of failures it finds) runs on developers' machines.
settings.register_profile("sync-ci", max_examples=200, derandomize=bool(os.environ.get("CI")))
settings.register_profile("sync-dev", max_examples=25)
# FIELDGROUP_HYPOTHESIS=search: a long random hunt on a developer's machine (never derandomized);
# FIELDGROUP_EXAMPLES sets how many examples (failures land in .hypothesis/ and are printed as a blob).
settings.register_profile("sync-search", max_examples=int(os.environ.get("FIELDGROUP_EXAMPLES", "2000")),
                          derandomize=False, print_blob=True)
SYNC_PROFILE = f"sync-{os.environ.get('FIELDGROUP_HYPOTHESIS', 'ci')}"


class Laptop:
    """One device: a store plus a fake wall clock that the test moves."""

    def __init__(self, folder: Path, name: str, start_ms: int):
        self.ms = start_ms
        self.store = create_store(folder / f"{name}.fgstore", wall=lambda: self.ms, today=lambda: date(2025, 6, 15))
        self.name = name

    def tick(self, ms: int = 1) -> None:
        self.ms += ms


@pytest.fixture
def fast_dir():
    with tempfile.TemporaryDirectory(dir=FAST_TMP) as folder:
        yield Path(folder)


@pytest.fixture
def laptops(fast_dir):
    devices = [Laptop(fast_dir, name, 1_750_000_000_000 + i) for i, name in enumerate(("accra", "tarkwa", "obuasi"))]
    yield devices
    for device in devices:
        device.store.close()


def seed_group(store):
    """A tiny working group: group, three organisations, three people, one meeting with attendance."""
    group = store.groups.create(name="Ghana ICWG")
    people = []
    for pillar, name in (("company", "Kofi Mensah"), ("government", "Abena Owusu"), ("civil_society", "Ama Boateng")):
        org = store.organisations.create(group_id=group.id, name=f"{pillar} org", pillar=pillar)
        people.append(store.people.create(organisation_id=org.id, name=name, protected=pillar == "civil_society"))
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 7), place="Accra")
    for person in people:
        store.attendance.set(meeting.id, person.id)
    return group, people, meeting
