"""Incident tests share the sync tests' laptops; `team` is a core-team laptop with an incident and a stick."""

from datetime import date

import pytest

from fieldgroup.core import keys
from fieldgroup.sync import bundle, core_team
from tests.sync.conftest import fast_dir, laptops, seed_group  # noqa: F401 - fixtures

CORE = keys.Passphrase("copper-island-meadow-falcon-ninety")


@pytest.fixture
def team(laptops, fast_dir):  # noqa: F811 - the imported fixtures, asked for by name
    """accra (core team) records an incident naming a protected defender by mention; the stick is `fast_dir/stick`."""
    accra = laptops[0].store
    group, people, _meeting = seed_group(accra)
    defender = people[2]
    reg = accra.incidents
    reg.add_protocol_step(group.id, "Call the defender's organisation", 0)
    reg.add_protocol_step(group.id, "Inform the embassy focal points", 3)
    incident = reg.open(group.id, date=date(2025, 6, 10), kind="threat_to_defender", severity="high",
                        title=f"Night visit to @{{person:{defender.id}}} by armed men",
                        description="Secret-incident-text-4711", organisation_ids=[people[0].organisation_id])
    core_team.hold(accra, CORE)
    stick = fast_dir / "stick"
    stick.mkdir()
    yield laptops, stick, group, incident
    for laptop in laptops:
        core_team.release(laptop.store)


def read_plain_bundle(path) -> dict:
    manifest, compressed = bundle.read_manifest(path.read_bytes())
    return {"manifest": manifest, "payload": bundle.read_payload(compressed)}
