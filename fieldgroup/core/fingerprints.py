"""Keyed fingerprints of an erased person's name parts, and finding them again in text that arrives later.

A fingerprint is HMAC-SHA256 (group key) of one normalised form: a part alone when it is
distinctive, a part after an honorific, any two or more parts in any order, the e-mail address,
a Burmese name. The name itself is never kept; text is scanned by fingerprinting its own words."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from fieldgroup.core.name_match import (
    HONORIFICS,
    MY_COMMON_WORDS,
    MY_HONORIFICS,
    Span,
    fold,
    fold_with_origin,
    is_burmese,
    is_distinctive,
    my_glued,
    my_parts,
    name_parts,
    phone_core,
    phone_runs,
    syllables,
)

_WORD = re.compile(r"[^\W_]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MY_RUN = re.compile(r"[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff](?:[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff\s]*[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff])?")
_JOINED = re.compile(r"([^\W_]+)(?=(?:'\s?|\s)([^\W_]+))")  # overlapping pairs of neighbours
MAX_WORDS = 4
MAX_SYLLABLES = 6


def keyed(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def of_person(key: bytes, name: str, email: str | None, phone: str | None = None) -> list[str]:
    """Every fingerprint by which text naming this person can be recognised later."""
    found: set[str] = set()
    core = phone_core(phone)
    if core:
        found.add(keyed(key, "phone", core))
    parts = [p.replace("'", "") for p in name_parts(name)]
    if parts and is_burmese(parts[0]):
        found.add(keyed(key, "my", parts[0]))
        found.update(keyed(key, "mypart", part) for part in my_parts(parts[0]))
    else:
        for part in parts:
            found.add(keyed(key, "hon", part))
            if is_distinctive(part) or len(parts) == 1:
                found.add(keyed(key, "alone", part))
        for given, family in itertools.permutations(parts, 2):
            found.add(keyed(key, "init", f"{given[0]} {family}"))
        for size in range(2, min(len(parts), MAX_WORDS) + 1):
            for combo in itertools.combinations(parts, size):
                found.add(keyed(key, "set", " ".join(sorted(combo))))
    if email and "@" in email:
        found.add(keyed(key, "email", fold(email.strip())))
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Erased:
    """One erased person as the scanner knows them: id, pillar, key and fingerprints."""

    id: str
    pillar: str | None
    key: bytes
    prints: frozenset[str]


class FingerprintScanner:
    """Finds, in any text, the places whose fingerprint belongs to an erased person."""

    def __init__(self, erased: Iterable[Erased]):
        self.erased = list(erased)
        self.keys = {e.key for e in self.erased}
        self._owner: dict[str, Erased] = {p: e for e in self.erased for p in e.prints}
        self._cache: dict[tuple[bytes, str, str], str] = {}

    def __bool__(self) -> bool:
        return bool(self.erased)

    def _who(self, kind: str, value: str) -> Erased | None:
        for key in self.keys:
            cache_key = (key, kind, value)
            digest = self._cache.get(cache_key)
            if digest is None:
                digest = self._cache[cache_key] = keyed(key, kind, value)
            owner = self._owner.get(digest)
            if owner is not None and owner.key == key:
                return owner
        return None

    def _may_name(self, text: str) -> bool:
        """Cheap first look: does any word (or O'Brien-like pair) belong to an erased person's name?"""
        if "@" in text or is_burmese(text):
            return True
        folded = fold(text)
        if self._phones(folded):
            return True
        words = set(_WORD.findall(folded)) | {a + b for a, b in _JOINED.findall(folded)}
        return any(self._who("hon", w) or self._who("alone", w) for w in words)

    def find(self, text: str | None) -> list[Span]:
        if not text or not self.erased or not self._may_name(text):
            return []
        folded, origin = fold_with_origin(text)
        candidates = (self._emails(text) + self._latin(folded, origin, text) + self._burmese(folded, origin, text)
                      + [_span(text, origin, a, b, owner, "phone") for a, b, owner in self._phones(folded)])
        spans, last_end = [], -1
        for span in sorted(candidates, key=lambda s: (s.start, -(s.end - s.start))):
            if span.start >= last_end:
                spans.append(span)
                last_end = span.end
        return spans

    def _phones(self, text: str) -> list[tuple[int, int, Erased]]:
        """Written phone numbers whose last 6 to 9 digits are an erased person's number's fingerprint."""
        out = []
        for start, end, digits in phone_runs(text):
            for size in range(min(9, len(digits)), 5, -1):
                if len(digits) - size > 5:
                    break
                owner = self._who("phone", digits[-size:])
                if owner:
                    out.append((start, end, owner))
                    break
        return out

    def _emails(self, text: str) -> list[Span]:
        out = []
        for m in _EMAIL.finditer(text):
            owner = self._who("email", fold(m.group(0)))
            if owner:
                out.append(Span(m.start(), m.end(), owner.id, "email", m.group(0)))
        return out

    def _latin(self, folded: str, origin: list[int], text: str) -> list[Span]:
        words = [m for m in _WORD.finditer(folded) if not is_burmese(m.group(0))]
        out = []
        for i, word in enumerate(words):
            # O'Brien / O Brien: two words joined by an apostrophe or one space may be one part.
            joined = [(word.group(0), word.end())]
            gap = folded[word.end():words[i + 1].start()] if i + 1 < len(words) else None
            if gap in ("'", "' ") or (gap == " " and len(word.group(0)) <= 2):
                joined.append((word.group(0) + words[i + 1].group(0), words[i + 1].end()))
            start = word.start()
            previous = words[i - 1] if i else None
            after_previous = previous is not None and re.fullmatch(r"\.?\s*", folded[previous.end():start]) is not None
            honorific = after_previous and previous.group(0) in HONORIFICS
            initial = after_previous and len(previous.group(0)) == 1  # "J. Costa"
            for value, end in joined:
                owner = self._who("alone", value)
                if owner is None and honorific:
                    owner = self._who("hon", value)
                if owner is None and initial:
                    owner = self._who("init", f"{previous.group(0)} {value}")
                if owner:
                    first = previous.start() if honorific or initial else start
                    out.append(_span(text, origin, first, end, owner, "part"))
            out += self._word_sets(words, i, folded, origin, text)
        return out

    def _word_sets(self, words: list, i: int, folded: str, origin: list[int], text: str) -> list[Span]:
        out = []
        for size in range(2, MAX_WORDS + 1):
            window = words[i:i + size]
            if len(window) < size or any(re.fullmatch(r"\s*,?\s*", folded[a.end():b.start()]) is None
                                         for a, b in itertools.pairwise(window)):
                break
            owner = self._who("set", " ".join(sorted(w.group(0) for w in window)))
            if owner:
                out.append(_span(text, origin, window[0].start(), window[-1].end(), owner, "full"))
        return out

    def _burmese(self, folded: str, origin: list[int], text: str) -> list[Span]:
        out = []
        for run in _MY_RUN.finditer(folded):
            positions = [run.start() + k for k, c in enumerate(run.group(0)) if not c.isspace()]
            compact = "".join(folded[p] for p in positions)
            sylls = syllables(compact)
            starts = list(itertools.accumulate([0, *map(len, sylls)]))
            for a in range(len(sylls)):
                for b in range(min(len(sylls), a + MAX_SYLLABLES), a, -1):
                    value = "".join(sylls[a:b])
                    owner, kind = self._who("my", value), "my"
                    if owner is None:
                        owner, kind = self._who("mypart", value), "mypart"
                    if owner is None:
                        continue
                    first = next((a - back for back in (2, 1)
                                  if a - back >= 0 and "".join(sylls[a - back:a]) in MY_HONORIFICS), a)
                    if first == a and (b - a < 2 or value in MY_COMMON_WORDS or (kind == "mypart" and my_glued(
                            sylls[a - 1] if a else None, sylls[a], sylls[b - 1], sylls[b] if b < len(sylls) else None))):
                        continue  # one syllable, a common word or syllables of the words around: not a name
                    begin, end = positions[starts[first]], positions[starts[b] - 1] + 1
                    out.append(_span(text, origin, begin, end, owner, "full"))
                    break
        return out


def _span(text: str, origin: list[int], start: int, end: int, owner: Erased, kind: str) -> Span:
    a, b = origin[start], origin[end - 1] + 1
    return Span(a, b, owner.id, kind, text[a:b])
