"""Find every place a protected person's name, or a distinctive part of it, appears in free text.

Matching is accent-, case-, apostrophe-, hyphen- and spacing-insensitive and script-aware: Latin
names are matched between word boundaries; Burmese names (no word boundaries, particles written
onto names, honorifics such as ဦး ဒေါ်) are matched inside runs, on syllable boundaries, never as a
single syllable alone. Spans are returned in the caller's text so the caller can replace them."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fieldgroup.core import name_words

# ---- folding: the text as the matcher compares it, with where each character came from ----------

_LATIN_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TO_SPACE = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00a0\u202f\u2007\u3000_/"
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u00b4`\u2032"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_VARIANTS = str.maketrans({**{c: " " for c in _TO_SPACE}, **{c: "'" for c in _APOSTROPHES},
                           **{c: None for c in _INVISIBLE}})


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    # Accents of Latin letters go (Núñez = Nunez); Burmese vowel signs and tones are letters and stay.
    decomposed = unicodedata.normalize("NFD", char.casefold())
    return _LATIN_MARKS.sub("", decomposed).translate(_VARIANTS)


def fold(text: str) -> str:
    """`text` as the matcher sees it: lower case, Latin accents and invisible characters gone."""
    if text.isascii():  # most text: the same result, ten times faster
        return text.lower().translate(_VARIANTS)
    return "".join(map(_fold_char, text))


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in `text` it came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded:
            pieces.append(folded)
            origin.extend([index] * len(folded))
    return "".join(pieces), origin


# ---- Burmese: syllables, marks and honorifics ----------------------------------------------------

_MY_CHAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")
_MY_BASE = "\u1000-\u102a\u103f\u104c-\u104f"  # consonants and independent vowels
_MY_MARK = "\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d"
_MY_KILLER = "\u103a\u1039"  # asat and virama: the consonant closes the syllable before it
# A Burmese match may not end before a mark or a consonant that closes the last syllable (ချို ≠ ချိုး, ချိုက်),
# nor start on a stacked consonant.
_MY_BEFORE = "(?<!\u1039)"
_MY_AFTER = f"(?![{_MY_MARK}]|[{_MY_BASE}]\u1037?[{_MY_KILLER}])"


# Folded like the text they are compared with (ဦ decomposes to ဥ + ီ).
HONORIFICS = frozenset(fold(h) for h in name_words.HONORIFICS)
MY_HONORIFICS = frozenset(fold(h) for h in name_words.MY_HONORIFICS)
COMMON_WORDS = {lang: frozenset(fold(w) for w in words) for lang, words in name_words.COMMON_WORDS.items()}
MY_COMMON_WORDS = frozenset(fold(w) for w in name_words.MY_COMMON_WORDS)


def is_burmese(text: str) -> bool:
    return _MY_CHAR.search(text) is not None


def syllables(text: str) -> list[str]:
    """Burmese syllables of `text` (spaces dropped); a syllable starts at a base not closed by asat/virama."""
    text = re.sub(r"\s+", "", text)
    starts = [i for i, c in enumerate(text) if re.match(f"[{_MY_BASE}]", c)
              and not (i + 1 < len(text) and text[i + 1] in _MY_KILLER)
              and not (i + 2 < len(text) and text[i + 1] == "\u1037" and text[i + 2] in _MY_KILLER)]
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    return [text[a:b] for a, b in itertools.pairwise([*starts, len(text)]) if text[a:b]]


def _strip_my_honorifics(core: str) -> str:
    """The name without the honorifics written before it (ဒေါ်အေးချို → အေးချို, ဦးလှ → လှ)."""
    for _round in range(2):  # "ဒေါက်တာဒေါ်…": at most two in a row
        for honorific in sorted(MY_HONORIFICS, key=len, reverse=True):
            rest = core[len(honorific):].lstrip()
            if core.startswith(honorific) and _starts_syllable(rest):
                core = rest
                break
        else:
            break
    return core


def _starts_syllable(text: str) -> bool:
    return bool(text) and re.match(f"[{_MY_BASE}]", text[0]) is not None and not (len(text) > 1 and text[1] in _MY_KILLER)


def my_parts(core: str) -> list[str]:
    """The parts of a Burmese name (honorifics stripped) matched without an honorific: the name, and
    for names of three syllables or more the first and the last two or more (ခင်မာအေး → ခင်မာ, မာအေး),
    as people shorten them; never one syllable, never a common word."""
    sylls = syllables(core)
    cuts = [sylls[:k] for k in range(2, len(sylls))] + [sylls[k:] for k in range(1, len(sylls) - 1)]
    parts = ["".join(core_syllables) for core_syllables in cuts]
    return [p for p in dict.fromkeys(parts) if p not in MY_COMMON_WORDS]


def my_glued(before: str | None, first: str, last: str, after: str | None) -> bool:
    """True when a part found in a run shares its first or last syllable with a common word around it."""
    before, after = (_MY_NOT_LETTER.sub("", s) if s else None for s in (before, after))  # ပေါင်း၃၅ is ပေါင်း
    return bool(before and before + first in MY_COMMON_WORDS) or bool(after and last + after in MY_COMMON_WORDS)


_MY_NOT_LETTER = re.compile("[\u1040-\u104f]")
_MY_LETTERS = "[\u1000-\u103f\u1050-\u109f\\s]*"  # Burmese letters and marks, not digits (၀-၉) nor ၊ ။
_MY_LETTERS_START = re.compile(_MY_LETTERS)
_MY_LETTERS_END = re.compile(_MY_LETTERS + "$")


def _my_neighbours(folded: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The Burmese syllables just before `start` and just after `end` (spaces ignored, digits and
    punctuation ending the run: ပေါင်း၃၅ is ပေါင်း), if any."""
    head = syllables(_MY_LETTERS_END.search(folded[max(0, start - 24):start]).group(0))
    tail = syllables(_MY_LETTERS_START.match(folded[end:end + 24]).group(0))
    return (head[-1] if head and is_burmese(head[-1]) else None,
            tail[0] if tail and is_burmese(tail[0]) else None)


def _my_pattern(core: str) -> str:
    """`core` with optional spaces between its syllables."""
    return r"\s*".join(re.escape(s) for s in syllables(core))


# ---- Latin parts ---------------------------------------------------------------------------------

_PART_SPLIT = re.compile(r"[\s,;()\[\]\"]+")
_WORD = re.compile(r"[^\W_]+")


def _letters(part: str) -> int:
    return sum(1 for c in part if c.isalpha())


def _part_pattern(part: str) -> str:
    # O'Brien = OBrien = O Brien = O’Brien (apostrophes were folded to ').
    return "".join(r"'?\s?" if c == "'" else re.escape(c) for c in part.strip("."))


def is_distinctive(part: str, languages: Iterable[str] | None = None) -> bool:
    """A Latin part is matched alone when it has 4 letters or more and is not a common word."""
    if _letters(part) < 4:
        return False
    langs = COMMON_WORDS if languages is None else {k: COMMON_WORDS[k] for k in languages if k in COMMON_WORDS}
    return not any(part.replace("'", "") in words for words in langs.values())


@dataclass(frozen=True, slots=True)
class ProtectedPerson:
    """What the matcher needs to know of a protected person."""

    id: str
    name: str
    email: str | None = None
    pillar: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """One place in the text: text[start:end] names the person `person_id`; `kind` says how."""

    start: int
    end: int
    person_id: str
    kind: str
    text: str
    # Other protected people the very same words name too ("Kilonzo" when two are called Kilonzo):
    # the span is then ambiguous and must never be turned into a mention of one of them.
    others: tuple[str, ...] = ()


def name_parts(name: str) -> list[str]:
    """The folded parts of a name (honorifics and initials dropped): "Dr Núñez-Quispe" → [nunez, quispe]."""
    folded = fold(name)
    if is_burmese(folded):
        core = _strip_my_honorifics(re.sub(r"\s+", "", _strip_latin_in_my(folded)))
        return [core] if core else []
    words = [w.strip(".'") for w in _PART_SPLIT.split(folded) if w.strip(".'")]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return [w for w in words if _letters(w) >= 2 or len(words) == 1]


def _strip_latin_in_my(folded: str) -> str:
    return "".join(c for c in folded if _MY_CHAR.match(c) or c.isspace())


def _gap() -> str:
    return r"(?:\s*,\s*|\s+)"  # "Ofori, Kofi", "MBALA  Véronique"


def _alternation(patterns: Iterable[str]) -> str:
    unique = list(dict.fromkeys(p for p in patterns if p))
    return "(?:" + "|".join(sorted(unique, key=len, reverse=True)) + ")" if unique else ""


_LATIN_HONORIFIC = "(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True)) + r")(?:\.\s*|\s+)"
_MY_HONORIFIC = "(?:" + "|".join(sorted((re.escape(h) for h in MY_HONORIFICS), key=len, reverse=True)) + r")\s*"


def _latin_regex(person: ProtectedPerson, parts: list[str], languages: Iterable[str] | None) -> re.Pattern[str] | None:
    pats = [_part_pattern(p) for p in parts]
    branches: list[tuple[str, str]] = []  # (group name, pattern)
    if len(parts) > 1:
        # Two or more of the parts, in any order ("Quispe, Amara"): one pattern, not every permutation.
        any_part = _alternation(pats)
        multi = f"{any_part}(?:{_gap()}{any_part}){{1,{len(parts) - 1}}}"
        branches.append(("full", f"(?:{_LATIN_HONORIFIC})?{multi}"))
        initials = "".join(sorted({p[0] for p in parts[:-1] if p[0].isalpha()}))
        if initials:
            family = _alternation(pats[1:])
            branches.append(("initials", f"(?:[{re.escape(initials)}](?:\\.\\s*|\\s+)){{1,3}}{family}"))
    branches.append(("honorific", f"{_LATIN_HONORIFIC}{_alternation(pats)}"))
    alone = [_part_pattern(p) for p in parts if is_distinctive(p, languages) or (len(parts) == 1 and _letters(p) >= 2)]
    if alone:
        branches.append(("part", _alternation(alone)))
    body = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in branches)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _burmese_regex(parts: list[str]) -> re.Pattern[str] | None:
    branches, alone = [], []
    for core in parts:
        pattern = _my_pattern(core)
        if len(syllables(core)) >= 2 and core not in MY_COMMON_WORDS:
            branches.append(f"(?:{_MY_HONORIFIC})?{pattern}")
        elif core:
            branches.append(f"{_MY_HONORIFIC}{pattern}")  # one syllable or a common word: only with an honorific (ဦးလှ)
        for part in my_parts(core):
            alone.append(f"(?:{_MY_HONORIFIC})?{_my_pattern(part)}")
    if not branches:
        return None
    body = f"(?P<full>{_alternation(branches)})" + (f"|(?P<part>{_alternation(alone)})" if alone else "")
    return re.compile(f"{_MY_BEFORE}(?:{body}){_MY_AFTER}")


# A phone number as people write it: +country code or a leading 0 or neither, digits grouped by
# spaces, dashes, dots, slashes or brackets (the folding made dashes and slashes spaces already).
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+\s?)?\(?\d(?:[\s.()]{0,3}\d){5,16}(?!\w)")
PHONE_CORE = 9  # national numbers are 6-10 digits; the last 9 tell two apart without the country code
_PHONE_PREFIX = 5  # digits a written number may carry before the core: 00 + country code, or a 0


def _digits(text: str) -> str:
    """The digits of `text` as ASCII (Burmese ၀၉ and other scripts' digits too)."""
    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


def phone_core(phone: str | None) -> str | None:
    """The digits that identify a phone number however it is written (None when too short to tell)."""
    digits = _digits(phone or "").lstrip("0")
    core = digits[-PHONE_CORE:]
    return core if len(core) >= 6 else None


def phone_runs(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, its digits in ASCII) of everything in `text` written like a phone number."""
    for match in _PHONE_RUN.finditer(text):
        yield match.start(), match.end(), _digits(match.group(0))


def phone_spans(folded: str, cores: dict[str, list[str]]) -> Iterable[tuple[int, int, str]]:
    """(start, end, person id) of every written phone number in `folded` whose digits end in a known core."""
    for start, end, digits in phone_runs(folded):
        for core, ids in cores.items():
            if digits.endswith(core) and len(digits) - len(core) <= _PHONE_PREFIX:
                for person_id in ids:
                    yield start, end, person_id


def _email_regex(email: str | None) -> re.Pattern[str] | None:
    if not email or "@" not in email:
        return None
    return re.compile(rf"(?<![\w.+-])(?P<email>{re.escape(fold(email.strip()))})(?![\w-])")


class _PersonPatterns:
    """The compiled patterns of one person and the cheap substrings that must be present first."""

    def __init__(self, person: ProtectedPerson, languages: Iterable[str] | None):
        self.person = person
        self.languages = languages
        self.parts = name_parts(person.name)
        self._regexes: list[re.Pattern[str]] | None = None
        self.anchors: list[str] = []  # Burmese: syllables one of which any match holds
        self.words: set[str] = set()  # Latin: words one of which any match holds, whole
        if self.parts and is_burmese(self.parts[0]):
            sylls = syllables(self.parts[0])
            self.anchors += [sylls[-1]] + ([sylls[1]] if len(sylls) > 2 else [])  # the name or its first part
        else:
            for part in self.parts:  # O'Brien: "o", "brien" and "obrien"
                pieces = _WORD.findall(part)
                self.words.update([*pieces, "".join(pieces)])
        if person.email and "@" in person.email:
            self.words.update(_WORD.findall(fold(person.email.strip()).split("@")[0]))
        self.words.discard("")

    @property
    def regexes(self) -> list[re.Pattern[str]]:
        """Compiled the first time a text holds one of the anchors: most people never need it."""
        if self._regexes is None:
            parts = self.parts
            regex = None
            if parts:
                regex = _burmese_regex(parts) if is_burmese(parts[0]) else _latin_regex(self.person, parts, self.languages)
            self._regexes = [r for r in (regex, _email_regex(self.person.email)) if r is not None]
        return self._regexes

    def spans(self, folded: str) -> Iterable[tuple[int, int, str]]:
        for regex in self.regexes:
            for match in regex.finditer(folded):
                kind = match.lastgroup or "full"
                if kind == "full" and not self._distinct_parts(match.group(0)):
                    continue  # "Aye, aye" is one part said twice, not the name
                if kind == "part" and is_burmese(match.group(0)) and self._glued(folded, match):
                    continue  # ကျန်းမာအေးချမ်း: the syllables belong to the words around them
                yield match.start(), match.end(), kind

    @staticmethod
    def _glued(folded: str, match: re.Match[str]) -> bool:
        found = syllables(match.group(0))
        if _strip_my_honorifics(match.group(0).replace(" ", "")) != "".join(found):
            return False  # after an honorific it is a name
        before, after = _my_neighbours(folded, match.start(), match.end())
        return my_glued(before, found[0], found[-1], after)

    def _distinct_parts(self, found: str) -> bool:
        if is_burmese(found):
            return True
        words = [w.replace("'", "") for w in re.split(r"[\s,.]+", found) if w]
        named = {w for w in words if w in {p.replace("'", "") for p in self.parts}}
        return len(named) >= 2 or len(self.parts) < 2 or any(w not in HONORIFICS and w not in named for w in words)


class NameMatcher:
    """Finds protected people's names in text; build once per document or save, call `find` per text."""

    def __init__(self, people: Iterable[ProtectedPerson], languages: Iterable[str] | None = None,
                 ignore: Iterable[tuple[str, str]] | Callable[[str, str], bool] = ()):
        langs = tuple(languages) if languages is not None else None
        self.people = [_PersonPatterns(p, langs) for p in people]
        # A cheap first look, so that a document or a bundle of 100,000 texts costs one set
        # intersection per text: which people could any text with these words name at all?
        self._by_word: dict[str, list[int]] = {}
        for index, person in enumerate(self.people):
            for word in person.words:
                self._by_word.setdefault(word, []).append(index)
        self._burmese = [(index, p.anchors) for index, p in enumerate(self.people) if p.anchors]
        self._phones: dict[str, list[str]] = {}
        for person in self.people:
            core = phone_core(person.person.phone)
            if core:
                self._phones.setdefault(core, []).append(person.person.id)
        # "Not this person": (person id, phrase) pairs the coordinator said are someone else, or a
        # function answering that question for a person id and a folded phrase.
        if callable(ignore):
            self._dismissed = ignore
        else:
            pairs = {(pid, fold(phrase).strip()) for pid, phrase in ignore}
            self._dismissed = lambda pid, phrase: (pid, phrase) in pairs

    def __bool__(self) -> bool:
        return bool(self.people)

    def find(self, text: str | None, skip: Sequence[tuple[int, int]] = ()) -> list[Span]:
        """Every name found in `text`, left to right, without overlaps (the longest wins).

        `skip` lists ranges of `text` (mentions) the matcher must not look into."""
        if not text or not self.people:
            return []
        folded_text = fold(text)
        who = self._who_may_be_named(folded_text)
        # Most texts hold no phone number of a protected person: looked for on the folded text first.
        phones = bool(self._phones) and next(iter(phone_spans(folded_text, self._phones)), None) is not None
        candidates = []
        origin: list[int] = []
        if who or phones:
            folded, origin = fold_with_origin(text)
            hidden = _mask(folded, origin, skip)
            for index in who:
                person = self.people[index]
                for start, end, kind in person.spans(hidden):
                    candidates.append((start, end, kind, person.person.id))
            if phones:
                candidates += [(start, end, "phone", pid) for start, end, pid in phone_spans(hidden, self._phones)]
        return self._resolve(text, origin, candidates)

    def _who_may_be_named(self, folded: str) -> list[int]:
        found = {i for word in set(_WORD.findall(folded)) & self._by_word.keys() for i in self._by_word[word]}
        if self._burmese and is_burmese(folded):
            found.update(i for i, anchors in self._burmese if any(a in folded for a in anchors))
        return sorted(found)

    def _resolve(self, text: str, origin: list[int], candidates: list) -> list[Span]:
        spans: list[Span] = []
        last_end = -1
        candidates = [c for c in candidates if not self._dismissed(c[3], fold(_found(text, origin, c)).strip())]
        same: dict[tuple[int, int], list[str]] = {}
        for start, end, _kind, person_id in candidates:
            same.setdefault((start, end), []).append(person_id)
        for start, end, kind, person_id in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
            if start < last_end:
                continue
            a, b = _span_in_text(text, origin, start, end)
            others = tuple(dict.fromkeys(p for p in same[(start, end)] if p != person_id))
            spans.append(Span(a, b, person_id, kind, text[a:b], others))
            last_end = end
        return spans

    def replace(self, text: str | None, replacement, skip: Sequence[tuple[int, int]] = ()) -> str:
        """`text` with every span replaced by `replacement(span)`."""
        if not text:
            return text or ""
        spans = self.find(text, skip)
        return apply_spans(text, spans, replacement)


def apply_spans(text: str, spans: Sequence[Span], replacement) -> str:
    """Replace each (non-overlapping, ordered) span of `text` with `replacement(span)`."""
    if not spans:
        return text
    pieces, last = [], 0
    for span in spans:
        pieces += [text[last:span.start], replacement(span)]
        last = span.end
    pieces.append(text[last:])
    return "".join(pieces)


def _mask(folded: str, origin: list[int], skip: Sequence[tuple[int, int]]) -> str:
    """Blank out the folded characters that came from a skipped range (a mention token)."""
    if not skip:
        return folded
    chars = list(folded)
    for i, source in enumerate(origin):
        if any(a <= source < b for a, b in skip):
            chars[i] = "\x00"
    return "".join(chars)


def _found(text: str, origin: list[int], candidate: tuple) -> str:
    a, b = _span_in_text(text, origin, candidate[0], candidate[1])
    return text[a:b]


def _span_in_text(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    a, b = origin[start], origin[end - 1] + 1
    while b < len(text) and _LATIN_MARKS.match(text[b]) or (b < len(text) and text[b] in _INVISIBLE):
        b += 1  # accents typed as separate marks belong to the name
    return a, b
