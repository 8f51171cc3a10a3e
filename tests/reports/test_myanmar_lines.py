"""Burmese line breaking: syllables found by rule, lines broken only between them."""

from __future__ import annotations

import pytest

from fieldgroup.reports.myanmar import break_lines, syllables


@pytest.mark.parametrize(("word", "expected"), [
    ("တက်ရောက်", ["တက်", "ရောက်"]),  # a break inside cut off the vowel sign ေ (dotted circle)
    ("လူ့", ["လူ့"]),  # one syllable: the dot below stays on its vowel
    ("ညွှန်းကိန်း", ["ညွှန်း", "ကိန်း"]),  # medials and asat stay with their consonant
    ("အင်္ဂလိပ်", ["အင်္ဂ", "လိပ်"]),  # kinzi
    ("ဗုဒ္ဓ", ["ဗုဒ္ဓ"]),  # stacked consonant
    ("၂၀၂၅ ခုနှစ်", ["၂၀၂၅", " ", "ခု", "နှစ်"]),  # a number is never cut
    ("Q1 ၂၀၂၅", ["Q1", " ", "၂၀၂၅"]),
])
def test_syllables(word, expected):
    assert syllables(word) == expected


def test_lines_break_between_syllables_only():
    text = "အစည်းအဝေးတက်ရောက်သူညွှန်းကိန်း"
    lines = break_lines(text, 3, len)  # three characters wide: one syllable per line at most
    assert "".join(lines) == text
    assert all(line in syllables(text) or len(syllables(line)) > 1 for line in lines)
    assert "ရောက်" in lines and "ညွှန်း" in lines
