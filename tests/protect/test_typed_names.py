"""Before a bundle is written, names typed as plain text become mentions in the store (issue 13):
unambiguous ones as the person's mention, shared ones as the placeholder, "Not this person" respected,
only new rows read when nothing else changed, and the user told in one sentence without names."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import erasure, mentions, typed_names
from fieldgroup.core.mentions import Directory, Mentionable, mention
from fieldgroup.reports.protect import Protector
from fieldgroup.sync.exporter import export_bundle

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def world(store):
    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", email="zk@example.org", protected=True)
    juma = store.people.create(organisation_id=org.id, name="Juma Otieno")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="Ms Kilonzo will brief. Juma Otieno chairs.", title="Visit to Kilonzo")
    return store, group, org, zawadi, juma, meeting


def _export(store, tmp_path, name="out.fgbundle"):
    return export_bundle(store, tmp_path / name, passphrase=PASSPHRASE)


def test_export_turns_typed_names_into_mentions_in_the_store_and_says_how_many(world, tmp_path):
    store, _g, _o, zawadi, _j, meeting = world
    result = _export(store, tmp_path)
    assert result.converted == 2
    stored = store.meetings.find(meeting.id)
    assert stored.minutes == f"{mention(zawadi.id)} will brief. Juma Otieno chairs."  # only protected people
    assert stored.title == f"Visit to {mention(zawadi.id)}"
    assert _export(store, tmp_path, "again.fgbundle").converted == 0


def test_the_conversion_is_an_ordinary_stamped_edit(world, tmp_path):
    store, *_rest, meeting = world
    before = store.records.get_row("meetings", meeting.id)["_ver"]
    _export(store, tmp_path)
    assert store.records.get_row("meetings", meeting.id)["_ver"] > before


def test_a_name_two_protected_people_share_becomes_the_placeholder_never_a_guess(world, tmp_path):
    store, _g, org, zawadi, _j, meeting = world
    other = store.people.create(organisation_id=org.id, name="Amani Kilonzo", protected=True)
    store.meetings.update(meeting.id, minutes="Kilonzo will brief. Zawadi Kilonzo agreed.")
    _export(store, tmp_path)
    minutes = store.meetings.find(meeting.id).minutes
    assert minutes == f"@{{protected:civil_society}} will brief. {mention(zawadi.id)} agreed."
    assert other.id not in minutes
    printed = Protector.from_store(store).text(minutes)
    assert "Kilonzo" not in printed and printed.startswith(mentions.placeholder("civil_society"))
    assert Directory.from_store(store).render(minutes).startswith(mentions.placeholder("civil_society"))


def test_not_this_person_is_respected(world, tmp_path):
    store, *_rest, meeting = world
    store.meetings.update(meeting.id, minutes="Kilonzo Road was closed.")
    erasure.dismiss(store, world[3].id, "Kilonzo")
    assert _export(store, tmp_path).converted == 0
    assert store.meetings.find(meeting.id).minutes == "Kilonzo Road was closed."


def test_a_conversion_undone_by_hand_and_dismissed_stays_as_typed(world, tmp_path):
    """The way back from a wrong conversion: type the words again and say "Not this person"."""
    store, _g, _o, zawadi, _j, meeting = world
    _export(store, tmp_path)
    store.meetings.update(meeting.id, minutes="Ms Kilonzo will brief. Juma Otieno chairs.")
    erasure.dismiss(store, zawadi.id, "Ms Kilonzo")
    assert _export(store, tmp_path, "b.fgbundle").converted == 0
    assert store.meetings.find(meeting.id).minutes.startswith("Ms Kilonzo will brief.")


def test_own_contacts_and_labels_are_left_alone(world, tmp_path):
    store, group, org, zawadi, juma, _m = world
    store.people.update(zawadi.id, notes="Reach her at zk@example.org")
    store.people.update(juma.id, notes="Copy zk@example.org")
    store.organisations.update(org.id, name="Kilonzo Foundation")
    _export(store, tmp_path)
    assert store.people.find(zawadi.id).notes == "Reach her at zk@example.org"
    assert store.people.find(juma.id).notes == f"Copy {mention(zawadi.id)}"
    assert store.organisations.find(org.id).name == "Kilonzo Foundation"


def test_an_erased_persons_name_typed_later_becomes_the_placeholder(world, tmp_path):
    store, _g, _o, zawadi, _j, meeting = world
    store.people.delete(zawadi.id)  # a protected person deleted is erased
    store.meetings.update(meeting.id, minutes="Zawadi Kilonzo called.")
    _export(store, tmp_path)
    assert store.meetings.find(meeting.id).minutes == "@{erased:civil_society} called."


def test_nothing_new_reads_no_text_through_the_matcher(world, tmp_path, monkeypatch):
    store, _g, org, _z, _j, meeting = world
    _export(store, tmp_path)
    built = []
    original = Directory.from_store
    monkeypatch.setattr(Directory, "from_store", classmethod(lambda cls, s: built.append(1) or original.__func__(cls, s)))
    assert typed_names.run(store) == 0 and built == []  # nothing changed since the last pass
    store.meetings.update(meeting.id, decisions="Nothing to report.")
    assert typed_names.run(store) == 0 and built == [1]  # one new row: read
    assert typed_names.run(store) == 0 and built == [1]
    store.meetings.update(meeting.id, decisions="Amani Odhiambo will follow up.")
    assert typed_names.run(store) == 0
    # Someone newly protected: every row is read again, old ones too.
    store.people.create(organisation_id=org.id, name="Amani Odhiambo", protected=True)
    assert typed_names.run(store) == 1


def test_the_command_line_says_how_many_names_it_converted_without_naming_anyone(world, tmp_path, capsys):
    store = world[0]
    path = store.path
    store.close()
    assert main(["export", "--store", str(path), "--out", str(tmp_path / "o.fgbundle"), "--unencrypted"]) == 0
    out = capsys.readouterr().out
    assert "2 names typed as plain text were turned into mentions before export." in out
    assert "Kilonzo" not in out and "Zawadi" not in out


def test_an_open_editors_text_is_reconciled_with_the_converted_store():
    directory = Directory([Mentionable("z", "Zawadi Kilonzo", "civil_society", True)])
    base, converted = "Ms Kilonzo will brief.", "@{person:z} will brief."
    assert typed_names.reconciled(base, base, converted, directory) == converted  # no unsaved edit: reload
    mine = "Ms Kilonzo will brief. Adjourned."
    assert typed_names.reconciled(base, mine, converted, directory) == "@{person:z} will brief. Adjourned."
    assert typed_names.reconciled(base, mine, base, directory) is None  # nothing changed under it
