"""The members migration (issue 18): sure sub-types, memberships and focal-point roles, the same on every laptop."""

from __future__ import annotations

import json
import shutil
from datetime import date

from fieldgroup.core import open_store, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.core.members import organisations_to_review, subtype_review_pending
from fieldgroup.core.repository import pair_id
from fieldgroup.core.store import RecordStore
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle

DEVICE = "a1b2c3d4e5f60718"


def stamp(n: int) -> str:
    return f"{1_750_000_000_000 + n:012x}{0:06x}{DEVICE}"


GROUPS = [("g1", "Ghana ICWG", None), ("g2", "Western Region", "g1")]
ORGANISATIONS = [  # id, group, name, pillar, kind, expected sub-type
    ("o_emb", "g1", "Embassy of Canada", "government", None, "home_government"),
    ("o_amb", "g1", "Ambassade de Suisse", "government", "ambassade", "home_government"),
    ("o_pol", "g1", "Policía Nacional", "government", "Policía", "public_security"),
    ("o_min", "g1", "Ministère des Mines", "government", "ministère", "host_government"),
    ("o_mine", "g1", "PT Emas", "company", "pertambangan emas", "extractive"),
    ("o_my", "g1", "ရွှေ အမျိုးသမီး", "civil_society", "အမျိုးသမီး အဖွဲ့", "womens"),
    ("o_obs", "g1", "UNDP", "observer", "UN agency", "international"),
    ("o_farm", "g1", "Farmers' Union", "civil_society", "farmers' union", None),
    ("o_nhri", "g1", "Human Rights Commission", "government", "human rights institution", None),
    ("o_mix", "g1", "Indigenous Women Forum", "civil_society", "indigenous women's association", None),
    ("o_reg", "g2", "Tarkwa Youth", "civil_society", "youth group", "youth"),
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
        row("people", {"id": "p1", "organisation_id": "o_min", "name": "Abena Owusu", "focal_point": 1})
        row("people", {"id": "p2", "organisation_id": "o_farm", "name": "Kofi Mensah", "focal_point": 0})
        row("meetings", {"id": "m1", "group_id": "g1", "kind": "plenary", "date": "2025-03-07"})
        row("attendance", {"id": pair_id("m1", "p1"), "meeting_id": "m1", "person_id": "p1", "status": "present"})
        # As after a sync: this laptop holds everything the device that wrote the data had made.
        records.set_local("seen_vector", json.dumps({DEVICE: stamp(n)}))
        records.close()


def test_migration_fills_sure_sub_types_and_lists_the_rest_for_review(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    make_store_before_members(path, monkeypatch)
    with open_store(path, today=lambda: date(2025, 6, 15)) as store:
        subtypes = {o.id: o.subtype for o in store.organisations.list()}
        assert subtypes == {oid: expected for oid, *_rest, expected in ORGANISATIONS}
        assert sorted(o.id for o in organisations_to_review(store)) == ["o_farm", "o_mix", "o_nhri"]
        assert subtype_review_pending(store)
        assert store.local_setting("notice:home_governments_apart") == "pending"
        assert {g.id: g.kind for g in store.groups.list()} == {"g1": "national", "g2": "regional"}
        memberships = {(m.organisation_id, m.group_id): m.status for m in store.memberships.list()}
        assert memberships[("o_reg", "g2")] == "member" and memberships[("o_obs", "g1")] == "observer"
        assert len(memberships) == len(ORGANISATIONS)
        # The API finds the migrated membership under the id it would give the pair itself.
        assert store.memberships.set("o_emb", "g1", "observer").id == pair_id("o_emb", "g1")
        assert [(r.person_id, r.organisation_id, r.role) for r in store.roles.focal_point_history("o_min")] == [
            ("p1", "o_min", "focal_point")]
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
        accra.meetings.create(group_id="g1", kind="workshop", date=date(2025, 5, 2))
        tarkwa.people.update("p2", gender="male")
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
