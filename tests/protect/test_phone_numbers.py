"""A protected person's phone number typed in free text is caught like their e-mail (issue 13): on paper,
by the protection check and by the pass before export, however it is spaced or prefixed."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.core import protection_check
from fieldgroup.core.mentions import mention
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson
from fieldgroup.reports.protect import ProtectedName, Protector

STORED = {"ke": "+254 700 123 456", "fr": "06 12 34 56 78", "mm": "09 421 234 567", "id": "+62 812-3456-7890"}

# (stored number, as typed in the minutes)
FOUND = [
    ("ke", "0700 123 456"), ("ke", "+254 700 123 456"), ("ke", "+254-700-123-456"), ("ke", "254.700.123.456"),
    ("ke", "(0700) 123-456"), ("ke", "00254 700123456"), ("ke", "0700123456"), ("ke", "700 123 456"),
    ("ke", "+254700123456"), ("ke", "+254 (0) 700 123 456"),
    ("fr", "06.12.34.56.78"), ("fr", "+33 6 12 34 56 78"), ("fr", "0033612345678"), ("fr", "06-12-34-56-78"),
    ("mm", "09421234567"), ("mm", "+95 9 421 234 567"), ("mm", "၀၉ ၄၂၁ ၂၃၄ ၅၆၇"),
    ("id", "0812 3456 7890"), ("id", "+62 812 3456 7890"), ("id", "62-812-3456-7890"),
]
NOT_FOUND = [
    "0700 123 457", "+254 711 123 456", "Meeting on 2025-03-01 at 10:30", "Budget 1,700,123 shillings",
    "Ref 123456", "06 12 34", "+33 6 12 34 56 79",
]


def _matcher(key: str) -> NameMatcher:
    return NameMatcher([ProtectedPerson("p", "Zawadi Kilonzo", None, "civil_society", STORED[key])])


@pytest.mark.parametrize(("key", "typed"), FOUND)
def test_a_protected_persons_number_is_found_however_it_is_written(key, typed):
    text = f"Call her on {typed}, then report."
    spans = _matcher(key).find(text)
    assert [(s.text, s.person_id) for s in spans] == [(typed, "p")]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_other_numbers_are_left_alone(text):
    assert all(_matcher(key).find(f"Noted: {text}.") == [] for key in STORED)


@pytest.mark.parametrize(("key", "typed"), FOUND)
def test_the_number_never_prints(key, typed):
    protector = Protector([ProtectedName("Zawadi Kilonzo", "civil_society", None, STORED[key])])
    printed = protector.text(f"Call her on {typed}.")
    assert typed not in printed and "Protected participant" in printed


def test_the_check_and_the_export_pass_catch_the_number(store, tmp_path):
    from fieldgroup.sync.exporter import export_bundle

    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", phone="+254 700 123 456",
                                 protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="Reach the defender on 0700-123-456.")
    assert [f.record_id for f in protection_check.find(store)] == [meeting.id]
    export_bundle(store, tmp_path / "o.fgbundle", passphrase="correct horse battery staple")
    assert store.meetings.find(meeting.id).minutes == f"Reach the defender on {mention(zawadi.id)}."
    assert store.people.find(zawadi.id).phone == "+254 700 123 456"  # her own record keeps it


def test_an_erased_persons_number_is_scrubbed_and_caught_later_by_its_fingerprint(store, tmp_path):
    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", phone="+254 700 123 456",
                                 protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="Reach the defender on 0700-123-456.")
    store.people.delete(zawadi.id)  # erased
    assert "123" not in store.meetings.find(meeting.id).minutes
    store.meetings.update(meeting.id, decisions="Call +254-700-123456 first.")  # typed later, from memory
    assert [f.record_id for f in protection_check.find(store)] == [meeting.id]
    printed = Protector.from_store(store).text(store.meetings.find(meeting.id).decisions)
    assert "123" not in printed and "Protected participant" in printed
