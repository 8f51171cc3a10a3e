"""Public text: every person's name (protected or not) becomes "a representative of civil society" and the like."""

from __future__ import annotations

import re
from typing import Any

from fieldgroup.i18n import N_, _

# A mention of a person inside free text (the protection work's token, fieldgroup/core/mentions.py).
MENTION = re.compile(r"@\{(person|erased):([A-Za-z0-9_-]{1,64})\}")

REPRESENTATIVE = {
    "company": N_("a representative of a company"),
    "government": N_("a representative of the government"),
    "civil_society": N_("a representative of civil society"),
    "observer": N_("an observer"),
}


WORD = re.compile(r"\w+")
_GAP = r"[\s\-\u2010-\u2014\u00a0\u202f]+"  # "Marie-Claire" / "Marie Claire"
_APOSTROPHE = r"['\u2019\u2018\u02bc\u00b4`]"


def name_pattern(name: str) -> re.Pattern[str] | None:
    """The whole name, whatever its case, spacing, hyphens or apostrophes; never inside a longer word.

    Public text hides every person, protected or not, so it matches whole names only; the protected
    people's name parts are the job of core/name_match.py (the print safety net)."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2014]+", name.strip()) if w]
    if not words:
        return None
    escaped = [re.sub(r"\\?['\u2019\u2018\u02bc\u00b4`]", lambda _m: _APOSTROPHE, re.escape(w)) for w in words]
    return re.compile(r"(?<!\w)" + _GAP.join(escaped) + r"(?!\w)", re.IGNORECASE)


def name_key(name: str) -> str:
    """The longest word of a name: a text can only hold the name if it holds this word, whole.

    Checking one word in a set first saves running every person's pattern over every text (an export
    of 100,000 action items with 120 protected people ran 14 million regex passes)."""
    return max(WORD.findall(name.lower()), key=len, default="")


def representative(pillar: str | None) -> str:
    """How a public document names anyone: by pillar only."""
    label = REPRESENTATIVE.get(pillar or "")
    return str(label) if label else _("a participant")


class PublicText:
    """Takes every person's name out of free text, whatever its case, spacing or accents' apostrophes."""

    def __init__(self, store: Any):
        pillars = {o.id: o.pillar for o in store.organisations.list()}
        people = sorted(store.people.list(), key=lambda p: -len(p.name))  # "Ama Boateng-Mensah" before "Ama Boateng"
        self._pillar_of = {p.id: pillars.get(p.organisation_id) for p in people}
        self._patterns = [(name_key(p.name), pattern, representative(pillars.get(p.organisation_id)))
                          for p in people if (pattern := name_pattern(p.name))]

    def __call__(self, text: str | None) -> str:
        result = MENTION.sub(self._mention, text or "")
        words = set(WORD.findall(result.lower()))
        for key, pattern, replacement in self._patterns:
            if key in words:
                result = pattern.sub(replacement, result)
        return result

    def _mention(self, match: re.Match[str]) -> str:
        kind, value = match.group(1), match.group(2)
        return representative(self._pillar_of.get(value) if kind == "person" else value)
