"""Mentions: a person referenced inside free text by a token holding their id, rendered per audience.

The token is plain ASCII (`@{person:<id>}`), so it survives sync, CSV files and editing in any
program, holds no part of the name, and is skipped by the name matcher. An erased person's
mentions become `@{erased:<pillar>}`, which always renders as the protected placeholder; so does
`@{protected:<pillar>}`, what a typed name shared by two protected people becomes (never a guess)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldgroup.core.choices import protected_placeholder
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson, Span, apply_spans
from fieldgroup.core.schema import PILLARS

TOKEN = re.compile(r"@\{(person|erased|protected):([A-Za-z0-9_-]{1,64})\}")

SCREEN, PRINT, PRESENTATION = "screen", "print", "presentation"


def mention(person_id: str) -> str:
    """The token that stands for `person_id` in free text."""
    return f"@{{person:{person_id}}}"


def erased_mention(pillar: str | None) -> str:
    """What an erased person's name or mention becomes: the placeholder, in whatever language it is read."""
    return f"@{{erased:{pillar if pillar in PILLARS else 'unknown'}}}"


def neutral_mention(pillars: Iterable[str | None]) -> str:
    """What a typed name shared by several protected people becomes: the placeholder, naming no one."""
    found = set(pillars)
    pillar = found.pop() if len(found) == 1 else None
    return f"@{{protected:{pillar if pillar in PILLARS else 'unknown'}}}"


def placeholder(pillar: str | None) -> str:
    """What a printed page says instead of a protected person's name."""
    return protected_placeholder(pillar)


def shown_name(name: str, pillar: str | None, protected: bool, presenting: bool) -> str:
    """A name as a screen shows it: the placeholder for a protected person in presentation mode."""
    return placeholder(pillar) if protected and presenting else name


def token_ranges(text: str | None) -> list[tuple[int, int]]:
    """Where the mention tokens are, for the matcher to skip."""
    return [m.span() for m in TOKEN.finditer(text or "")]


def mentioned_ids(text: str | None) -> set[str]:
    return {m.group(2) for m in TOKEN.finditer(text or "") if m.group(1) == "person"}


@dataclass(frozen=True, slots=True)
class Mentionable:
    """What rendering needs to know of a person."""

    id: str
    name: str
    pillar: str | None
    protected: bool
    email: str | None = None
    phone: str | None = None


class Directory:
    """Everyone a mention may point to, and the matcher for the protected among them."""

    def __init__(self, people: Iterable[Mentionable], ignore: Any = (), erased: Any = None):
        self.by_id = {p.id: p for p in people}
        protected = [ProtectedPerson(p.id, p.name, p.email, p.pillar, p.phone) for p in self.by_id.values() if p.protected]
        self.matcher = NameMatcher(protected, ignore=ignore)
        # Erased people are known only by fingerprints: text typed or arriving later is still found.
        self.erased = erased
        self.erased_pillars: dict[str, str | None] = {e.id: e.pillar for e in erased.erased} if erased else {}

    @classmethod
    def from_store(cls, store: Any) -> Directory:
        """Every person of the store (minutes can name anyone), with their pillar and status now."""
        from fieldgroup.core import erasure, store_protect

        dismissed = erasure.dismissal_check(store)
        return cls((Mentionable(*row) for row in store_protect.directory_rows(store.conn)),
                   ignore=dismissed, erased=erasure.scanner(store.conn))

    def label(self, person_id: str, mode: str, include_protected: bool = False) -> str:
        """How a mention of `person_id` reads on screen, on paper, or projected."""
        person = self.by_id.get(person_id)
        if person is None:
            return placeholder(None)
        hidden = person.protected and (mode == PRESENTATION or (mode == PRINT and not include_protected))
        return placeholder(person.pillar) if hidden else person.name

    def render(self, text: str | None, mode: str = SCREEN, include_protected: bool = False) -> str:
        """`text` with its mentions as names or placeholders; outside the screen, any protected
        name still typed as plain text is hidden too (the safety net until it is converted)."""
        if not text:
            return text or ""
        spans = [] if mode == SCREEN or include_protected else self.find_names(text, erased=True)
        return render_with(text, spans, lambda pid: self.label(pid, mode, include_protected),
                           lambda span: placeholder(self._pillar(span.person_id)))

    def pillar_of(self, person_id: str) -> str | None:
        person = self.by_id.get(person_id)
        return person.pillar if person else self.erased_pillars.get(person_id)

    _pillar = pillar_of

    def find_names(self, text: str | None, erased: bool = True) -> list[Span]:
        """Protected (and erased) names typed as plain text, outside mentions: what the guard flags."""
        if not text:
            return []
        skip = token_ranges(text)
        spans = self.matcher.find(text, skip)
        if erased and self.erased:
            taken = [(s.start, s.end) for s in spans] + skip
            spans += [s for s in self.erased.find(text)
                      if not any(a < s.end and s.start < b for a, b in taken)]
            spans.sort(key=lambda s: s.start)
        return spans


def render_with(text: str, spans: Sequence[Span], label: Callable[[str], str],
                hide: Callable[[Span], str]) -> str:
    """Replace tokens by `label(person id)` (erased ones by the placeholder) and spans by `hide(span)`."""
    def token(match: re.Match[str]) -> str:
        kind, value = match.groups()
        return label(value) if kind == "person" else placeholder(value)

    pieces, last = [], 0
    for span in spans:
        pieces += [TOKEN.sub(token, text[last:span.start]), hide(span)]
        last = span.end
    pieces.append(TOKEN.sub(token, text[last:]))
    return "".join(pieces)


def conversions(directory: Directory, text: str | None, own: str | None = None) -> list[tuple[Span, str]]:
    """Each protected (or erased) name typed outside a mention, with the token it becomes: the person's
    mention when the words name only them, else the neutral placeholder token; `own` is the id of the
    person whose own record holds the text (their own e-mail in their notes is not a leak)."""
    if not text:
        return []
    skip = token_ranges(text)
    living = directory.matcher.find(text, skip)
    erased = [s for s in directory.erased.find(text) if not _overlaps(s, skip)] if directory.erased else []
    found = []
    for span in living:
        ids = tuple(dict.fromkeys((span.person_id, *span.others,
                                   *(e.person_id for e in erased if _overlaps(e, [(span.start, span.end)])))))
        if ids == (own,):
            continue
        found.append((span, mention(span.person_id) if len(ids) == 1
                      else neutral_mention(directory.pillar_of(pid) for pid in ids)))
    taken = [(s.start, s.end) for s in living] + skip
    found += [(s, erased_mention(directory.erased_pillars.get(s.person_id))) for s in erased if not _overlaps(s, taken)]
    return sorted(found, key=lambda pair: pair[0].start)


def convert_all(text: str, found: Sequence[tuple[Span, str]]) -> str:
    """`text` with each (span, token) of `conversions` applied."""
    tokens = {span.start: token for span, token in found}
    return apply_spans(text, [span for span, _token in found], lambda span: tokens[span.start])


def _overlaps(span: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a < span.end and span.start < b for a, b in ranges)


def convert(text: str, spans: Sequence[Span]) -> str:
    """Turn the names the matcher found into mentions (the guard's one click)."""
    return apply_spans(text, spans, lambda span: mention(span.person_id))


def replace_mentions_of(text: str | None, person_id: str, replacement: str) -> str | None:
    """`text` with every mention of `person_id` replaced (erasure)."""
    if not text or person_id not in text:
        return text
    return TOKEN.sub(lambda m: replacement if m.groups() == ("person", person_id) else m.group(0), text)
