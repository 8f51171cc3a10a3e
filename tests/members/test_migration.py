"""The members migration (issue 18): sure sub-types, memberships and focal-point roles, the same on every laptop."""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import date

from fieldgroup.core import open_store, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.core.members import organisations_to_review, subtype_review_pending
from fieldgroup.core.repository import pair_id
from fieldgroup.core.store import RecordStore
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle

DEVICE = "a1b2c3d4e5f60718"


def U(short: str) -> str:
    """A readable test id made into the UUID every real record has (bundles and checks refuse others)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"fieldgroup-test/{short}"))


def stamp(n: int) -> str:
    return f"{1_750_000_000_000 + n:012x}{0:06x}{DEVICE}"


GROUPS = [(U("g1"), "Ghana ICWG", None), (U("g2"), "Western Region", U("g1"))]
ORGANISATIONS = [  # id, group, name, pillar, kind, expected sub-type
    (U("o_emb"), U("g1"), "Embassy of Canada", "government", None, "home_government"),
    (U("o_amb"), U("g1"), "Ambassade de Suisse", "government", "ambassade", "home_government"),
    (U("o_pol"), U("g1"), "Policía Nacional", "government", "Policía", "public_security"),
    (U("o_min"), U("g1"), "Ministère des Mines", "government", "ministère", "host_government"),
    (U("o_mine"), U("g1"), "PT Emas", "company", "pertambangan emas", "extractive"),
    (U("o_my"), U("g1"), "ရွှေ အမျိုးသမီး", "civil_society", "အမျိုးသမီး အဖွဲ့", "womens"),
    (U("o_obs"), U("g1"), "UNDP", "observer", "UN agency", "international"),
    (U("o_farm"), U("g1"), "Farmers' Union", "civil_society", "farmers' union", None),
    (U("o_nhri"), U("g1"), "Human Rights Commission", "government", "human rights institution", None),
    (U("o_mix"), U("g1"), "Indigenous Women Forum", "civil_society", "indigenous women's association", None),
    (U("o_reg"), U("g2"), "Tarkwa Youth", "civil_society", "youth group", "youth"),
]


def make_store_before_members(path, monkeypatch):
    """A store as version 6 of the schema left it (the one before the members step), written with SQL (the API writes today's columns)."""
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:6])
        old.setattr(store_module, "SCHEMA_VERSION", 6)
        records = RecordStore.open(path, create=True)
        conn = records.conn
        n = 0

        def row(table, values):
            nonlocal n
            n += 1
            names = ", ".join(values)
            conn.execute(f"INSERT INTO {table} ({names}, _stamps, _ver) VALUES ({', '.join('?' * len(values))}, ?, ?)",
                         (*values.values(), json.dumps({"*": stamp(n)}), stamp(n)))

        for gid, name, parent in GROUPS:
            row("groups", {"id": gid, "name": name, "parent_id": parent})
        for oid, gid, name, pillar, kind, _expected in ORGANISATIONS:
            row("organisations", {"id": oid, "group_id": gid, "name": name, "pillar": pillar, "kind": kind})
        row("people", {"id": U("p1"), "organisation_id": U("o_min"), "name": "Abena Owusu", "focal_point": 1})
        row("people", {"id": U("p2"), "organisation_id": U("o_farm"), "name": "Kofi Mensah", "focal_point": 0})
        row("meetings", {"id": U("m1"), "group_id": U("g1"), "kind": "plenary", "date": "2025-03-07"})
        row("attendance", {"id": pair_id(U("m1"), U("p1")), "meeting_id": U("m1"), "person_id": U("p1"), "status": "present"})
        # As after a sync: this laptop holds everything the device that wrote the data had made.
        records.set_local("seen_vector", json.dumps({DEVICE: stamp(n)}))
        records.close()


def test_migration_fills_sure_sub_types_and_lists_the_rest_for_review(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    make_store_before_members(path, monkeypatch)
    with open_store(path, today=lambda: date(2025, 6, 15)) as store:
        subtypes = {o.id: o.subtype for o in store.organisations.list()}
        assert subtypes == {oid: expected for oid, *_rest, expected in ORGANISATIONS}
        assert sorted(o.id for o in organisations_to_review(store)) == sorted([U("o_farm"), U("o_mix"), U("o_nhri")])
        assert subtype_review_pending(store)
        assert store.local_setting("notice:home_governments_apart") == "pending"
        assert {g.id: g.kind for g in store.groups.list()} == {U("g1"): "national", U("g2"): "regional"}
        memberships = {(m.organisation_id, m.group_id): m.status for m in store.memberships.list()}
        assert memberships[(U("o_reg"), U("g2"))] == "member" and memberships[(U("o_obs"), U("g1"))] == "observer"
        assert len(memberships) == len(ORGANISATIONS)
        # The API finds the migrated membership under the id it would give the pair itself.
        assert store.memberships.set(U("o_emb"), U("g1"), "observer").id == pair_id(U("o_emb"), U("g1"))
        assert [(r.person_id, r.organisation_id, r.role) for r in store.roles.focal_point_history(U("o_min"))] == [
            (U("p1"), U("o_min"), "focal_point")]
        assert store.problems() == []


def test_two_laptops_migrating_the_same_data_agree_without_conflicts(tmp_path, monkeypatch):
    first, second = tmp_path / "accra.fgstore", tmp_path / "tarkwa.fgstore"
    make_store_before_members(first, monkeypatch)
    shutil.copy(first, second)  # the same data on two laptops, as after a sync before this step
    wall = {"ms": 1_760_000_000_000}
    accra = open_store(first, wall=lambda: wall["ms"], today=lambda: date(2025, 6, 15))
    tarkwa = open_store(second, wall=lambda: wall["ms"] + 7, today=lambda: date(2025, 6, 15))
    try:
        assert accra.device_id != tarkwa.device_id
        assert accra.digest() == tarkwa.digest()
        # Each laptop changes something after migrating, so each bundle has news to merge.
        accra.meetings.create(group_id=U("g1"), kind="workshop", date=date(2025, 5, 2))
        tarkwa.people.update(U("p2"), gender="male")
        export_bundle(accra, tmp_path / "a.fgbundle")
        export_bundle(tarkwa, tmp_path / "t.fgbundle")
        into_tarkwa = import_bundle(tarkwa, tmp_path / "a.fgbundle")
        into_accra = import_bundle(accra, tmp_path / "t.fgbundle")
        for report in (into_tarkwa, into_accra):
            assert not report.already_had
            assert report.counts.conflicts == 0 and "memberships" not in report.counts.by_table or \
                report.counts.by_table["memberships"].get("new", 0) == 0, report.counts.as_dict()
            assert report.counts.conflicts == 0, tarkwa.sync.open_conflicts()
        assert accra.sync.open_conflicts() == [] and tarkwa.sync.open_conflicts() == []
        assert accra.digest() == tarkwa.digest()
        assert accra.counts()["memberships"] == tarkwa.counts()["memberships"] == len(ORGANISATIONS)
    finally:
        accra.close()
        tarkwa.close()
