"""Hypothesis writes minutes around generated variants of protected names; every variant is found and replaced."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgroup.core.name_match import NameMatcher, ProtectedPerson

LATIN = [
    ProtectedPerson("a", "Zawadi Kilonzo"),
    ProtectedPerson("b", "Amara Núñez-Quispe"),
    ProtectedPerson("c", "Véronique Mbala"),
    ProtectedPerson("d", "Kofi Ofori"),
    ProtectedPerson("e", "Siobhan O'Brien"),
]
BURMESE = [ProtectedPerson("m", "ဒေါ်အေးချို"), ProtectedPerson("n", "ဦးမြင့်ဆွေ")]
CORES = {"m": ["အေး", "ချို"], "n": ["မြင့်", "ဆွေ"]}
PARTICLES = ["", "က", "ကို", "နှင့်", "၏", "သည်", "မှ", "တို့"]
MY_HONORIFICS = ["", "ဒေါ်", "ဦး", "မ", "ကို", "ဒေါက်တာ"]
FILLER_LATIN = ["the", "meeting", "agreed", "that", "police", "will", "report", "on", "security", "la", "réunion",
                "a", "décidé", "el", "comité", "acordó", "rapat", "menyepakati", "bahwa", "o", "grupo", "decidiu"]
FILLER_MY = ["အစည်းအဝေး", "တွင်", "ဆုံးဖြတ်", "ခဲ့သည်", "ရဲ", "လုံခြုံရေး", "အစီရင်ခံ", "မည်"]
HONORIFICS = ["", "Ms ", "Mr. ", "Mme ", "Sra. ", "Ibu ", "Dr "]
GAPS = [" ", "  ", "\u00a0", "-", " - ", ", "]


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@st.composite
def latin_variant(draw):
    person = draw(st.sampled_from(LATIN))
    parts = person.name.replace("-", " ").split()
    size = draw(st.integers(min_value=2, max_value=len(parts)))
    chosen = draw(st.permutations(parts))[:size]
    words = []
    for part in chosen:
        part = draw(st.sampled_from([part, part.upper(), part.lower(), _strip_accents(part), part.title()]))
        if "'" in part:
            part = part.replace("'", draw(st.sampled_from(["'", "\u2019", "", " "])))
        words.append(part)
    gap = draw(st.sampled_from(GAPS))
    return person, draw(st.sampled_from(HONORIFICS)) + gap.join(words)


@st.composite
def burmese_variant(draw):
    person = draw(st.sampled_from(BURMESE))
    inner = draw(st.sampled_from(["", " ", "\u200b"]))
    after_honorific = draw(st.sampled_from(["", " "]))
    name = draw(st.sampled_from(MY_HONORIFICS)) + after_honorific + inner.join(CORES[person.id])
    return person, name, draw(st.sampled_from(PARTICLES))


@settings(max_examples=300, deadline=None)
@given(latin_variant(), st.lists(st.sampled_from(FILLER_LATIN), max_size=12), st.lists(st.sampled_from(FILLER_LATIN), max_size=12),
       st.sampled_from(["", ".", ",", ";", ")", "'s"]))
def test_latin_variants_inside_minutes_are_found(variant, before, after, punctuation):
    person, name = variant
    text = " ".join([*before, name + punctuation, *after])
    replaced = NameMatcher(LATIN).replace(text, lambda s: "<P>")
    surnames = [w for w in _strip_accents(person.name).lower().replace("-", " ").replace("'", "").split()]
    left = _strip_accents(replaced).lower().replace("'", "").replace("\u2019", "")
    assert "<P>" in replaced
    assert not any(w in left.split() for w in surnames), (text, replaced)


@settings(max_examples=300, deadline=None)
@given(burmese_variant(), st.lists(st.sampled_from(FILLER_MY), max_size=8), st.lists(st.sampled_from(FILLER_MY), max_size=8),
       st.sampled_from(["", " "]))
def test_burmese_variants_with_particles_are_found(variant, before, after, space):
    person, name, particle = variant
    text = "".join(before) + space + name + particle + space + "".join(after)
    replaced = NameMatcher(BURMESE).replace(text, lambda s: "<P>")
    assert "".join(CORES[person.id]) not in replaced.replace(" ", "").replace("\u200b", ""), (text, replaced)
    assert "<P>" + particle in replaced
