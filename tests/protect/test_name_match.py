"""The name matcher, language by language: every variant of a protected name is found, ordinary words are not."""

from __future__ import annotations

import pytest

from fieldgroup.core.name_match import (
    NameMatcher,
    ProtectedPerson,
    apply_spans,
    fold,
    is_distinctive,
    syllables,
)
from tests.protect.cases import CASES

FOUND = [(lang, person, text, phrase) for lang, (person, found, _) in CASES.items() for text, phrase in found]
NOT_FOUND = [(lang, person, text) for lang, (person, _, clean) in CASES.items() for text in clean]


@pytest.mark.parametrize(("lang", "person", "text", "phrase"), FOUND, ids=[f"{c[0]}:{c[2][:30]}" for c in FOUND])
def test_every_variant_is_found_with_its_span(lang, person, text, phrase):
    spans = NameMatcher([person]).find(text)
    assert [s.text for s in spans] == [phrase]
    assert spans[0].person_id == person.id
    assert text[spans[0].start:spans[0].end] == phrase


@pytest.mark.parametrize(("lang", "person", "text"), NOT_FOUND, ids=[f"{c[0]}:{c[2][:30]}" for c in NOT_FOUND])
def test_ordinary_words_are_not_names(lang, person, text):
    assert NameMatcher([person]).find(text) == []


def test_spans_let_the_caller_replace_and_several_people_at_once():
    people = [CASES["en"][0], CASES["es"][0], CASES["my"][0]]
    text = "Ms Kilonzo met Ñúñez-Quispe and ဒေါ်အေးချိုနှင့် others."
    out = apply_spans(text, NameMatcher(people).find(text), lambda s: f"<{s.person_id}>")
    assert out == "<p-en> met <p-es> and <p-my>နှင့် others."


def test_ranges_to_skip_are_never_looked_into():
    text = "@{person:Kilonzo} and Kilonzo"
    spans = NameMatcher([CASES["en"][0]]).find(text, skip=[(0, 17)])
    assert [(s.start, s.text) for s in spans] == [(22, "Kilonzo")]


def test_not_this_person_is_respected_per_phrase():
    matcher = NameMatcher([CASES["en"][0]], ignore=[("p-en", "ZAWADI")])
    assert [s.text for s in matcher.find("Zawadi and Kilonzo")] == ["Kilonzo"]


def test_languages_narrow_the_common_word_lists():
    assert not is_distinctive("costa")
    assert is_distinctive("costa", languages=["en"])
    assert not is_distinctive("li") and is_distinctive("kilonzo")


def test_folding_and_syllables():
    assert fold("Ñúñez-Quispe") == "nunez quispe"
    assert fold("O’Brien") == "o'brien"
    assert syllables("အေးချို") == ["အေး", "ချို"]
    assert syllables("ဒေါ်အေးချို") == ["ဒေါ်", "အေး", "ချို"]
    assert len(syllables("သတ္တု")) == 2


def test_many_people_and_long_text_stay_quick_enough_to_run_on_every_save():
    people = [ProtectedPerson(str(i), f"Person{i} Familyname{i}") for i in range(60)]
    matcher = NameMatcher(people)
    text = "The meeting discussed security arrangements at the mine site. " * 2000 + "Familyname42 said"
    assert [s.person_id for s in matcher.find(text)] == ["42"]
