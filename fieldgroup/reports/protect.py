"""The protection rule: protected people show as "Protected participant (pillar)" unless asked otherwise."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from fieldgroup.core.choices import protected_placeholder


@dataclass(frozen=True, slots=True)
class ProtectedName:
    name: str
    pillar: str


def placeholder(pillar: str | None) -> str:
    """What a printed page says instead of a protected person's name."""
    return protected_placeholder(pillar)


# How a name may be typed differently from how it is stored: "Marie-Claire" / "Marie Claire",
# "O'Neill" / "O’Neill" (phones and word processors curl apostrophes), invisible soft hyphens.
_SAME_AS_SPACE = "-\u2010\u2011\u2012\u2013\u2014\u00a0\u202f"
_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_VARIANTS = str.maketrans({**{c: " " for c in _SAME_AS_SPACE}, **{c: "'" for c in _APOSTROPHES},
                           **{c: None for c in _INVISIBLE}})


def _quick_fold(text: str) -> str:
    """`text` lower-cased without accents, as `_fold` makes it, but without the index map (faster)."""
    if text.isascii():
        return text.lower().translate(_VARIANTS)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_VARIANTS)


def _fold(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased without accents, with the index in `text` each folded character came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFD", char):
            if unicodedata.combining(part):
                continue
            for lower in part.casefold().translate(_VARIANTS):
                folded.append(lower)
                origin.append(index)
    return "".join(folded), origin


def _name_pattern(name: str) -> str | None:
    words = _fold(name)[0].split()
    if not words:
        return None
    return r"\s+".join(re.escape(word) for word in words)


class Protector:
    """Applies the protection rule to names, owners and free text for one printed document.

    A protected person's whole name is found in free text whatever its case, accents or spacing
    ("AMARA  protected-person", "Amára Protected-Person"), and never inside a longer word."""

    def __init__(self, protected: Iterable[ProtectedName], include_protected: bool = False):
        self.include_protected = include_protected
        people = sorted(protected, key=lambda p: len(p.name), reverse=True)  # longest name first
        self._pillar_by_pattern: dict[str, str] = {}
        alternatives = []
        for person in people:
            pattern = _name_pattern(person.name)
            if pattern and pattern not in self._pillar_by_pattern:
                self._pillar_by_pattern[pattern] = person.pillar
                alternatives.append(f"(?P<p{len(alternatives)}>{pattern})")
        self._pillars = list(self._pillar_by_pattern.values())
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives and not include_protected else None
        )

    @classmethod
    def from_store(cls, store, include_protected: bool = False) -> Protector:
        """Every protected person in the store (not only the group's: minutes can name anyone)."""
        people = store.people.list(protected=True)
        pillars = {o.id: o.pillar for o in store.organisations.list(id=tuple({p.organisation_id for p in people}))}
        return cls((ProtectedName(p.name, pillars.get(p.organisation_id, "")) for p in people), include_protected)

    def name(self, name: str, pillar: str | None, protected: bool) -> str:
        """A person's name as it may be printed."""
        if protected and not self.include_protected:
            return placeholder(pillar)
        return name

    def hides(self, protected: bool) -> bool:
        """True when this person's identity (and so their organisation) must not be printed."""
        return protected and not self.include_protected

    def text(self, text: str | None) -> str:
        """Free text (minutes, decisions, titles) with every protected name replaced."""
        if not text or self._regex is None:
            return text or ""
        if not self._regex.search(_quick_fold(text)):
            return text  # the common case: no protected name, no need to map positions
        folded, origin = _fold(text)
        pieces, last = [], 0
        for match in self._regex.finditer(folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1  # accents typed as separate marks belong to the name
            group = next(i for i, value in enumerate(match.groups()) if value is not None)
            pieces += [text[last:start], placeholder(self._pillars[group])]
            last = end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)
