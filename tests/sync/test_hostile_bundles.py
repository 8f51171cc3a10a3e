"""Bundles with a valid checksum but content FieldGroup never writes are refused whole, in one sentence."""

import json
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import FieldGroupError
from fieldgroup.core.schema import TABLES
from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import ClockAheadError, import_bundle
from tests.sync.conftest import seed_group

YEAR_2200_MS = 7_258_118_400_000


def col(table, field):
    return 1 + TABLES[table].field_names.index(field)


@pytest.fixture
def source(laptops, fast_dir):
    """(accra's full bundle: group, orgs, people, meeting, attendance, an action item; tarkwa's empty store)."""
    accra, tarkwa, _ = laptops
    group, people, meeting = seed_group(accra.store)
    accra.store.actions.create(group_id=group.id, meeting_id=meeting.id, title="Map the road", status="open",
                               due_date=date(2025, 4, 1))
    path = fast_dir / "accra.fgbundle"
    export_bundle(accra.store, path)
    return path, tarkwa.store


def craft(source_path, out, payload_change=None, manifest_change=None):
    manifest, compressed = bundle.read_manifest(source_path.read_bytes())
    payload = bundle.read_payload(compressed)
    if payload_change:
        payload_change(payload)
    if manifest_change:
        manifest_change(manifest)
    out.write_bytes(bundle.encode(manifest, payload))
    return out


def rows(payload, table):
    return payload["tables"][table]["rows"]


def set_field(table, field, value):
    def change(payload):
        rows(payload, table)[0][col(table, field)] = value
    return change


def refused(store, path, **kwargs):
    before = store.digest()
    with pytest.raises(FieldGroupError) as info:
        import_bundle(store, path, **kwargs)
    message = str(info.value)
    assert store.digest() == before
    assert store.counts()["groups"] == 0 or kwargs.get("joined")
    assert "\n" not in message and message.endswith(".") and len(message) < 400
    return message


@pytest.mark.parametrize("change, words", [
    (set_field("organisations", "pillar", "mercenaries"), "Pillar must be one of"),
    (set_field("organisations", "pillar", "pirates"), "pirates"),
    (set_field("people", "name", "K" * 5_000_000), "too long"),
    (set_field("people", "gender", "robot"), "Gender must be one of"),
    (set_field("attendance", "status", "maybe"), "Attendance must be one of"),
    (set_field("action_items", "status", "exploded"), "Status must be one of"),
    (set_field("action_items", "due_date", "not-a-date"), "Due date must be a date"),
    (set_field("people", "name", None), "Name is required"),
    (set_field("people", "protected", "yes"), "Protected"),
    (set_field("groups", "balance_threshold", "0.9"), "Balance threshold"),
    (set_field("groups", "balance_threshold", float("inf")), "Balance threshold"),
    (set_field("people", "organisation_id", 42), "Organisation"),
])
def test_a_value_the_store_would_refuse_refuses_the_whole_bundle(source, fast_dir, change, words):
    path, store = source
    message = refused(store, craft(path, fast_dir / "bad.fgbundle", change))
    assert words in message and "nothing was imported" in message


def test_an_integer_id_and_a_duplicated_id(source, fast_dir):
    path, store = source

    def integer_id(payload):
        rows(payload, "people")[0][0] = 12345

    def twice(payload):
        rows(payload, "people").append(list(rows(payload, "people")[0]))

    assert "id" in refused(store, craft(path, fast_dir / "a.fgbundle", integer_id))
    assert "twice" in refused(store, craft(path, fast_dir / "b.fgbundle", twice))


@pytest.mark.parametrize("stamps", ['{}', '{"name": "0"}', '{', '[]', 'null',
                                    json.dumps({"*": "ffffffffffff000000" + "ab" * 8}),
                                    json.dumps({"*": "0197" * 9}), json.dumps({"*": "0" * 34, "ghost": "0" * 34})])
def test_row_stamps_without_star_or_broken_or_past_9999_are_refused(source, fast_dir, stamps):
    path, store = source

    def change(payload):
        row = rows(payload, "people")[0]
        row[-2] = stamps
    assert "stamps are not valid" in refused(store, craft(path, fast_dir / "bad.fgbundle", change))


def test_one_crafted_bundle_no_longer_poisons_the_group(source, laptops, fast_dir):
    """Stamps without "*" used to import with exit 0 and break every later import between any two laptops."""
    path, store = source
    accra, tarkwa, obuasi = laptops

    def no_star(payload):
        for row in rows(payload, "people"):
            row[-2] = json.dumps({k: v for k, v in json.loads(row[-2]).items() if k != "*"} or {"name": row[-1]})
    poisoned = craft(path, fast_dir / "poison.fgbundle", no_star)
    refused(tarkwa.store, poisoned)
    import_bundle(tarkwa.store, path)  # the honest bundle still goes through, and travels on
    export_bundle(tarkwa.store, fast_dir / "tarkwa.fgbundle")
    import_bundle(obuasi.store, fast_dir / "tarkwa.fgbundle")
    assert obuasi.store.digest() == accra.store.digest()


def test_check_names_a_store_already_poisoned(tmp_path, capsys):
    from fieldgroup.core import create_store

    store_path = tmp_path / "s.fgstore"
    with create_store(store_path) as s:
        group, people, meeting = seed_group(s)
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE people SET _stamps = '{\"name\": \"x\"}' WHERE id = ?", (people[0].id,))
    conn.execute("UPDATE organisations SET pillar = 'mercenaries'")
    conn.commit()
    conn.close()
    assert main(["check", "--store", str(store_path)]) == 1
    out = capsys.readouterr().out
    assert "stamps are not valid" in out and "mercenaries" in out and "The store is sound" not in out


def test_a_reference_to_a_record_neither_side_has_is_refused(source, fast_dir):
    path, store = source

    def dangling(payload):
        rows(payload, "attendance")[0][col("attendance", "person_id")] = "00000000-0000-4000-8000-000000000000"
    assert "never received" in refused(store, craft(path, fast_dir / "bad.fgbundle", dangling))


def test_a_reference_to_a_record_this_store_deleted_is_valid(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, meeting = seed_group(accra.store)
    export_bundle(accra.store, fast_dir / "join.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "join.fgbundle")
    tarkwa.tick()
    tarkwa.store.meetings.delete(meeting.id)  # tarkwa deletes the meeting; accra still edits its attendance
    accra.tick(5)
    accra.store.attendance.set(meeting.id, people[0].id, status="excused")
    export_bundle(accra.store, fast_dir / "edit.fgbundle", for_device=None)
    report = import_bundle(tarkwa.store, fast_dir / "edit.fgbundle")
    assert tarkwa.store.meetings.find(meeting.id) is None and report.counts.new == 0


def test_a_foreign_top_level_group_under_a_manifest_without_group_is_refused(source, fast_dir):
    path, store = source

    def no_group(manifest):
        manifest.group_id = None
    message = refused(store, craft(path, fast_dir / "bad.fgbundle", manifest_change=no_group))
    assert "working group" in message


@pytest.mark.parametrize("field, value", [
    ("vector", ["a", "b"]), ("vector", {"x": "y"}), ("created", "not hex at all"), ("created", "ffffffffffff" + "0" * 22),
    ("counts", "many"), ("devices", ["laptop"]), ("sender_name", "x" * 5000), ("full", "yes"), ("bundle_id", 7), ("bundle_id", "x" * 100),
])
def test_a_malformed_manifest_is_one_sentence(source, fast_dir, field, value):
    path, store = source

    def change(manifest):
        if field == "vector" and isinstance(value, dict):
            setattr(manifest, field, value)
        else:
            setattr(manifest, field, value)
    message = refused(store, craft(path, fast_dir / "bad.fgbundle", manifest_change=change))
    assert "manifest is not valid" in message and field in message


def test_row_stamps_in_2200_under_a_normal_manifest_are_judged_like_a_future_manifest(source, laptops, fast_dir):
    path, store = source
    device = json.loads(rows(bundle.read_payload(bundle.read_manifest(path.read_bytes())[1]), "people")[0][-2])["*"][18:]
    future = f"{YEAR_2200_MS:012x}000000{device}"

    def change(payload):
        row = rows(payload, "people")[0]
        row[-2], row[-1] = json.dumps({"*": future}), future
    crafted = craft(path, fast_dir / "future.fgbundle", change)
    with pytest.raises(ClockAheadError):
        import_bundle(store, crafted)
    assert store.counts()["people"] == 0
    report = import_bundle(store, crafted, accept_future=True)
    assert report.warnings


def test_row_stamps_a_little_ahead_are_observed_so_later_local_edits_win(source, laptops, fast_dir):
    """Accepted far-future stamps are never observed (sync/clocks.py); stamps within the day's
    tolerance are, from the rows too: later local edits must sort after them."""
    path, store = source
    tarkwa = laptops[1]
    device = json.loads(rows(bundle.read_payload(bundle.read_manifest(path.read_bytes())[1]), "people")[0][-2])["*"][18:]
    ahead = f"{tarkwa.ms + 12 * 3600 * 1000:012x}000000{device}"

    def change(payload):
        row = rows(payload, "people")[0]
        row[-2], row[-1] = json.dumps({"*": ahead}), ahead
    import_bundle(store, craft(path, fast_dir / "ahead.fgbundle", change))
    tarkwa.tick()
    person = store.people.list()[0]
    assert store.records.update("people", person.id, {"role": "Chair"}) > ahead


def test_cli_refuses_a_crafted_bundle_with_one_line_and_no_traceback(source, fast_dir):
    path, store = source
    crafted = craft(path, fast_dir / "bad.fgbundle", set_field("people", "gender", "robot"))
    store.close()
    result = subprocess.run([sys.executable, "-m", "fieldgroup", "import", "--store", str(store.path), str(crafted)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "robot" in result.stderr


def test_every_row_of_demo_stores_passes_validation(tmp_path):
    """The rules are not stricter than what FieldGroup itself writes."""
    from fieldgroup.core import open_store
    from fieldgroup.core.demo import generate_demo

    generate_demo(tmp_path / "demo.fgstore", size="small", seed=3, locale="fr")
    with open_store(tmp_path / "demo.fgstore") as store:
        assert store.problems() == []


def test_an_unexpected_failure_inside_the_merge_is_one_sentence_and_nothing_is_written(source, monkeypatch):
    path, store = source
    from fieldgroup.sync import merge

    def explode(self, payload):
        raise KeyError("*")
    monkeypatch.setattr(merge.Merger, "apply", explode)
    message = refused(store, path)
    assert "could not be imported (KeyError)" in message
