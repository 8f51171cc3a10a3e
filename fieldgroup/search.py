"""What a search shows, for the command line and the window alike: hits with protected people hidden.

Protected people appear as the placeholder (their name in a person hit, and wherever their name is
written in a title or snippet) unless the caller asks for them, as `report --include-protected` does."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from fieldgroup.core import full_text
from fieldgroup.core.full_text import HIT_END, HIT_START


@dataclass(frozen=True)
class ShownHit:
    kind: str
    record_id: str
    group_id: str | None
    day: str | None
    title: str
    snippet: str  # with HIT_START/HIT_END around each match

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["snippet"] = plain_snippet(self.snippet)
        return data


def _mark(text: str, query: str) -> str:
    terms = sorted({t for t in query.split() if t}, key=len, reverse=True)
    if not terms:
        return text
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    return pattern.sub(lambda m: HIT_START + m.group(0) + HIT_END, text)


# A snippet is a window of words: it may cut a mention token at either end, which rendering would
# then leave as raw text ("…a4f2-9c1d} will brief", "Visit to @{person:5b…"). Such pieces go.
_CUT_AT_START = re.compile(r"^…[A-Za-z0-9_:-]*\}")
_CUT_AT_END = re.compile(r"@(\{[A-Za-z0-9_:-]*)?…$")


def _whole_mentions(snippet: str) -> str:
    return _CUT_AT_END.sub("…", _CUT_AT_START.sub("…", snippet))


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(HIT_START, start).replace(HIT_END, end)


def find(store: Any, query: str, group_id: str | None = None, *, include_protected: bool = False) -> list[ShownHit]:
    """Search the store (see core/full_text.py) and apply the protection rule to what is shown."""
    from fieldgroup.reports.protect import Protector, placeholder

    hits = full_text.search(store, query, group_id)
    protector = Protector.from_store(store, include_protected)
    shown = []
    for hit in hits:
        title = protector.text(hit.title)
        if hit.kind == "person":
            person = store.people.find(hit.record_id)
            if person is not None and person.protected and not include_protected:
                organisation = store.organisations.find(person.organisation_id)
                title = placeholder(organisation.pillar if organisation else "")
        # Protect the plain text first (a marker inside a name would hide it from the rule), then mark.
        snippet = _mark(protector.text(_whole_mentions(hit.snippet.replace(HIT_START, "").replace(HIT_END, ""))), query)
        shown.append(ShownHit(hit.kind, hit.record_id, hit.group_id, hit.day, title, snippet))
    return shown
