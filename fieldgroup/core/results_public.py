"""Public text: every person's name (protected or not) becomes "a representative of civil society" and the like."""

from __future__ import annotations

import re
from typing import Any

from fieldgroup.core.mentions import TOKEN, Directory, token_ranges
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson
from fieldgroup.i18n import N_, _

# A mention inside free text (fieldgroup/core/mentions.py): of a person, an erased one, or the neutral token.
MENTION = TOKEN

REPRESENTATIVE = {
    "company": N_("a representative of a company"),
    "government": N_("a representative of the government"),
    "civil_society": N_("a representative of civil society"),
    "observer": N_("an observer"),
}


def representative(pillar: str | None) -> str:
    """How a public document names anyone: by pillar only."""
    label = REPRESENTATIVE.get(pillar or "")
    return str(label) if label else _("a participant")


class PublicText:
    """Takes every person's name out of free text: mentions, names typed as text, parts of them, e-mails.

    The matching is the print safety net's (core/name_match.py: case, accents, apostrophes, a surname
    alone, a Burmese name with a particle written onto it, an e-mail address), through the same
    Directory as every printed page for protected and erased people, and applied to everyone else too:
    a public document names no one."""

    def __init__(self, store: Any):
        pillars = {o.id: o.pillar for o in store.organisations.list()}
        people = store.people.list()
        self._directory = Directory.from_store(store)
        self._pillar_of = {p.id: pillars.get(p.organisation_id) for p in people}
        self._others = NameMatcher(ProtectedPerson(p.id, p.name, p.email, pillars.get(p.organisation_id))
                                   for p in people if not p.protected)

    def __call__(self, text: str | None) -> str:
        text = text or ""
        if not text:
            return text
        spans = self._directory.find_names(text, erased=True)
        taken = token_ranges(text) + [(s.start, s.end) for s in spans]
        spans = sorted(spans + self._others.find(text, taken), key=lambda s: s.start)
        pieces, last = [], 0
        for span in spans:
            pieces += [MENTION.sub(self._mention, text[last:span.start]), representative(self._pillar(span.person_id))]
            last = span.end
        pieces.append(MENTION.sub(self._mention, text[last:]))
        return "".join(pieces)

    def _pillar(self, person_id: str) -> str | None:
        if person_id in self._pillar_of:
            return self._pillar_of[person_id]
        return self._directory.erased_pillars.get(person_id)

    def _mention(self, match: re.Match[str]) -> str:
        kind, value = match.group(1), match.group(2)
        return representative(self._pillar_of.get(value) if kind == "person" else value)
