"""Full-text search (core/store_search.py, `fieldgroup search`): minutes are found, Burmese inside a run too."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date

from fieldgroup.core import full_text
from fieldgroup.search import find

BURMESE_MINUTES = "ကျေးရွာလူထုနှင့်တွေ့ဆုံဆွေးနွေးခဲ့သည်"  # "met and discussed with the village community", no spaces


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)


def test_a_word_in_the_minutes_finds_the_meeting_with_it_marked(store, group):
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), title="Plenary",
                          minutes="The company presented its vetting procedure for security staff.")
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Other")
    [hit] = full_text.search(store, "vetting")
    assert (hit.kind, hit.title) == ("meeting", "Plenary")
    assert "\x02vetting\x03" in hit.snippet


def test_burmese_word_inside_a_run_is_found(store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), minutes=BURMESE_MINUTES)
    assert [h.record_id for h in full_text.search(store, "လူထု")] == [meeting.id]  # "community", mid-run


def test_every_word_must_appear_and_edits_and_deletes_follow(store, group):
    item = store.actions.create(group_id=group.id, title="Map grievance channels", status="open")
    assert full_text.search(store, "grievance map")
    assert full_text.search(store, "grievance police") == []
    store.actions.update(item.id, title="Invite the police")
    assert full_text.search(store, "grievance") == [] and full_text.search(store, "police")
    store.actions.delete(item.id)
    assert full_text.search(store, "police") == []


def test_short_words_and_groups(store, group):
    other = store.groups.create(name="Ashanti")
    store.actions.create(group_id=group.id, title="Call EU desk", status="open")
    store.actions.create(group_id=other.id, title="Call EU office", status="open")
    assert len(full_text.search(store, "EU")) == 2
    assert [h.title for h in full_text.search(store, "EU", group_id=other.id)] == ["Call EU office"]


def test_protected_people_are_placeholders_unless_asked(store, group, pillars):
    org = pillars["civil_society"][0]
    store.people.create(organisation_id=org.id, name="Amara Mensah", protected=True, notes="Reported threats")
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), minutes="Amara Mensah spoke.")
    shown = {h.kind: h for h in find(store, "Amara")}
    assert "Amara" not in shown["person"].title and "Amara" not in shown["meeting"].snippet
    assert "Amara" in {h.kind: h for h in find(store, "Amara", include_protected=True)}["person"].title


def test_the_command_finds_without_touching_the_store(store, group):
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), title="Plenary",
                          decisions="Adopt the vetting checklist")
    path = store.path
    store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    done = cli("search", "vetting", "--store", str(path), "--json")
    assert done.returncode == 0, done.stderr
    [hit] = json.loads(done.stdout)
    assert hit["kind"] == "meeting" and "[vetting]" in hit["snippet"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    plain = cli("search", "nothing-like-this", "--store", str(path))
    assert plain.returncode == 0 and "Nothing found" in plain.stdout


def test_deleting_a_protected_person_takes_their_name_out_of_the_index(store, group, pillars):
    org = pillars["civil_society"][0]
    person = store.people.create(organisation_id=org.id, name="Amara Mensah", protected=True)
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), minutes="Amara Mensah spoke.")
    assert full_text.search(store, "Mensah")
    store.people.delete(person.id)  # erases the name from free text too
    assert full_text.search(store, "Mensah") == []
