"""Burmese line breaking: a rule-based syllable segmenter and a greedy line filler that breaks only
between syllables (reportlab itself breaks only at spaces, and cuts a long run anywhere)."""

from __future__ import annotations

import re
from collections.abc import Callable

_CONSONANT = "\u1000-\u1021"
_ASAT = "\u103a"  # killer: the consonant before it closes the previous syllable
_STACKER = "\u1039"  # virama: the next consonant stacks under this one
_DIGIT = "\u1040-\u1049"
# A new syllable starts at a consonant neither stacked under the one before (preceded by the
# virama) nor killed or stacking (followed by asat or virama); at an independent vowel or symbol;
# at the first of a run of digits or Latin letters; and after any space or punctuation.
_START = re.compile(
    rf"(?<!{_STACKER})[{_CONSONANT}](?![{_ASAT}{_STACKER}])"
    rf"|[\u1023-\u102a\u103f\u104c-\u104f]"
    rf"|(?<![{_DIGIT}0-9.,A-Za-z\u00c0-\u024f])[{_DIGIT}0-9]"
    rf"|(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]"
    rf"|[\u104a\u104b]|\s"
)


def syllables(text: str) -> list[str]:
    """`text` cut into Myanmar syllables: ''.join(syllables(t)) == t; 'တက်ရောက်' -> ['တက်', 'ရောက်']."""
    starts = sorted({0, *(m.start() for m in _START.finditer(text))})
    bounds = [s for s in starts if s < len(text)] + [len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    # A sign that closes a syllable (၊ ။) stays on the line of the syllable before it.
    merged: list[str] = []
    for piece in pieces:
        if merged and piece[0] in "\u104a\u104b":
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines no wider than `width` (by `measure`), broken at spaces, else between syllables.

    A single syllable wider than `width` gets a line of its own (it is never cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in syllables(paragraph):
            candidate = line + piece
            if line and measure(candidate.rstrip()) > width + 0.01:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line = candidate
        lines.append(line.rstrip())
    return lines
