"""Mentions (token, rendering per audience, conversion), "Not this person", and the protection check."""

from __future__ import annotations

import csv
import io
from datetime import date

from fieldgroup.cli import main
from fieldgroup.core import erasure, mentions, protection_check
from fieldgroup.core.mentions import PRESENTATION, PRINT, SCREEN, Directory, Mentionable

ZAWADI = Mentionable("p1", "Zawadi Kilonzo", "civil_society", True)
KWAME = Mentionable("p2", "Kwame Asante", "company", False)


def test_a_mention_holds_no_name_and_survives_csv():
    token = mentions.mention("4f1c2d3e-0000-4000-8000-00000000abcd")
    assert "Kilonzo" not in token and token.isascii()
    buffer = io.StringIO()
    csv.writer(buffer).writerow([f"Met {token}, then left", "x"])
    assert next(csv.reader(io.StringIO(buffer.getvalue())))[0] == f"Met {token}, then left"
    assert mentions.mentioned_ids(f"a {token} b") == {"4f1c2d3e-0000-4000-8000-00000000abcd"}


def test_rendering_per_audience():
    directory = Directory([ZAWADI, KWAME])
    text = f"{mentions.mention('p1')} and {mentions.mention('p2')}; Ms Kilonzo typed."
    assert directory.render(text, SCREEN) == "Zawadi Kilonzo and Kwame Asante; Ms Kilonzo typed."
    assert directory.render(text, PRINT) == \
        "Protected participant (Civil society) and Kwame Asante; Protected participant (Civil society) typed."
    assert directory.render(text, PRINT, include_protected=True) == "Zawadi Kilonzo and Kwame Asante; Ms Kilonzo typed."
    assert directory.render(text, PRESENTATION).startswith("Protected participant (Civil society) and Kwame Asante")
    assert directory.render("@{erased:company} left") == "Protected participant (Companies) left"


def test_the_matcher_never_looks_inside_a_mention():
    directory = Directory([Mentionable("kilonzo", "Zawadi Kilonzo", "civil_society", True)])
    assert directory.find_names("@{person:kilonzo} spoke") == []


def test_converting_found_names_into_mentions():
    directory = Directory([ZAWADI])
    text = "Ms Kilonzo will brief; KILONZO, Zawadi agreed."
    converted = mentions.convert(text, directory.find_names(text))
    assert converted == "@{person:p1} will brief; @{person:p1} agreed."
    assert directory.render(converted) == "Zawadi Kilonzo will brief; Zawadi Kilonzo agreed."


def _store_with_names(store):
    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", email="zk@haki.org", protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="Zawadi gave the report. Ms Kilonzo will brief.")
    return person, meeting


def test_not_this_person_is_synced_data_without_the_phrase(store):
    person, meeting = _store_with_names(store)
    erasure.dismiss(store, person.id, "Zawadi")
    rows = store.conn.execute("SELECT person_id, fingerprint FROM name_dismissals").fetchall()
    assert rows and "zawadi" not in str(rows).lower()
    found = Directory.from_store(store).find_names(store.meetings.get(meeting.id).minutes)
    assert [s.text for s in found] == ["Ms Kilonzo"]


def test_protection_check_lists_and_fixes(store):
    person, meeting = _store_with_names(store)
    [finding] = protection_check.find(store)
    assert (finding.table, finding.field, finding.count) == ("meetings", "minutes", 2)
    assert protection_check.fix(store) == 1
    assert protection_check.find(store) == []
    assert store.meetings.get(meeting.id).minutes == f"{mentions.mention(person.id)} gave the report. " \
                                                     f"{mentions.mention(person.id)} will brief."


def test_check_protection_on_the_command_line(store, capsys):
    _store_with_names(store)
    path = store.path
    store.close()
    assert main(["check", "--store", str(path), "--protection"]) == 1
    out = capsys.readouterr().out
    assert "Kilonzo" not in out and "outside a mention" in out
    assert main(["check", "--store", str(path), "--protection", "--fix"]) == 0
    assert main(["check", "--store", str(path), "--protection"]) == 0


def test_merging_duplicates_points_their_mentions_at_the_person_kept(store):
    from datetime import date

    from fieldgroup.core.mentions import mention
    from fieldgroup.core.repositories import merge_people

    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    keep = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    duplicate = store.people.create(organisation_id=org.id, name="Z. Kilonzo")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes=f"{mention(duplicate.id)} will brief.", agenda=f"Report by {mention(duplicate.id)}")
    merge_people(store, keep.id, duplicate.id)
    after = store.meetings.get(meeting.id)
    assert after.minutes == f"{mention(keep.id)} will brief." and after.agenda == f"Report by {mention(keep.id)}"
