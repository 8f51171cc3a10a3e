"""After erasure only keyed fingerprints remain; they still find every variant of the name, per language."""

from __future__ import annotations

import pytest

from fieldgroup.core.fingerprints import Erased, FingerprintScanner, of_person
from fieldgroup.core.name_match import apply_spans, fold
from tests.protect.cases import CASES

KEY = bytes(range(32))
FOUND = [(lang, person, text, phrase) for lang, (person, found, _) in CASES.items() for text, phrase in found]
CLEAN = [(lang, person, text) for lang, (person, _, clean) in CASES.items() for text in clean]


def _scanner(person) -> FingerprintScanner:
    return FingerprintScanner([Erased(person.id, person.pillar, KEY, frozenset(of_person(KEY, person.name, person.email)))])


@pytest.mark.parametrize(("lang", "person", "text", "phrase"), FOUND, ids=[f"{c[0]}:{c[2][:30]}" for c in FOUND])
def test_late_text_is_found_by_fingerprints_alone(lang, person, text, phrase):
    scrubbed = apply_spans(text, _scanner(person).find(text), lambda s: "@{erased}")
    assert " ".join(fold(phrase).split()) not in " ".join(fold(scrubbed).split())


@pytest.mark.parametrize(("lang", "person", "text"), CLEAN, ids=[f"{c[0]}:{c[2][:30]}" for c in CLEAN])
def test_fingerprints_leave_ordinary_words_alone(lang, person, text):
    assert _scanner(person).find(text) == []


def test_fingerprints_hold_no_part_of_the_name_and_depend_on_the_key():
    person = CASES["en"][0]
    prints = of_person(KEY, person.name, person.email)
    assert not any("kilonzo" in p or "zawadi" in p for p in prints)
    assert set(prints).isdisjoint(of_person(bytes(32), person.name, person.email))


def test_ordinary_burmese_minutes_hold_no_erased_name():
    from tests.protect.test_name_match import MY_MINUTES, MY_PEOPLE

    scanner = FingerprintScanner([Erased(p.id, None, KEY, frozenset(of_person(KEY, p.name, None))) for p in MY_PEOPLE])
    assert scanner.find(MY_MINUTES) == []
    assert [s.text for s in scanner.find("ဥက္ကဋ္ဌက ဇော်ဝင်းနှင့် တွေ့ဆုံသည်။")] == ["ဇော်ဝင်း"]
