"""What every export shares: its options, the group it is for, names of people, protected text, safe writing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.results_public import MENTION, WORD, name_key, name_pattern
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.i18n import _


class ExportError(FieldGroupError):
    """An export could not be made; the message says what to do."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    group_id: str | None = None
    year: int | None = None
    meeting_id: str | None = None
    period: str | None = None
    table: str | None = None
    include_protected: bool = False


def choose_group(store: Any, group_id: str | None) -> Any:
    """The asked group, or the only top-level group of the store."""
    if group_id:
        group = store.groups.find(group_id)
        if group is None:
            raise ExportError(_("There is no group with id {id} in this store; check the group id.").format(id=group_id))
        return group
    top = [g for g in store.groups.list() if g.parent_id is None]
    if not top:
        raise ExportError(_("This store has no group yet; create a group before exporting."))
    if len(top) > 1:
        raise ExportError(_("This store holds {n} groups; choose the group to export with --group.").format(n=len(top)))
    return top[0]


def protected_placeholder(pillar: str | None) -> str:
    label = str(PILLAR_LABELS.get(pillar or "", "")) or _("unknown pillar")
    return _("Protected participant ({pillar})").format(pillar=label)


class People:
    """Names as an export may show them: a protected person is the placeholder unless asked otherwise."""

    def __init__(self, store: Any, include_protected: bool = False):
        self.store = store
        self.include_protected = include_protected
        self._orgs = {o.id: o for o in store.organisations.list()}
        self._people = {p.id: p for p in store.people.list()}
        # Names of protected people, longest first, to take out of free text they were typed into.
        hidden = [] if include_protected else sorted(
            (p for p in self._people.values() if p.protected), key=lambda p: -len(p.name))
        self._patterns = [(name_key(p.name), pattern, self.placeholder_of(p.id))
                          for p in hidden if (pattern := name_pattern(p.name))]

    def pillar_of(self, person_id: str) -> str | None:
        person = self._people.get(person_id)
        org = self._orgs.get(person.organisation_id) if person else None
        return org.pillar if org else None

    def organisation_pillar(self, organisation_id: str | None) -> str | None:
        org = self._orgs.get(organisation_id or "")
        return org.pillar if org else None

    def placeholder_of(self, person_id: str) -> str:
        return protected_placeholder(self.pillar_of(person_id))

    def is_hidden(self, person_id: str | None) -> bool:
        person = self._people.get(person_id or "")
        return bool(person and person.protected and not self.include_protected)

    def name(self, person_id: str | None) -> str:
        person = self._people.get(person_id or "")
        if person is None:
            return ""
        return self.placeholder_of(person.id) if self.is_hidden(person.id) else person.name

    def organisation(self, organisation_id: str | None, person_id: str | None = None) -> str:
        """The organisation's name; hidden with a hidden owner, so that it cannot place them."""
        if self.is_hidden(person_id):
            return ""
        org = self._orgs.get(organisation_id or "")
        return org.name if org else ""

    def _mention(self, match: Any) -> str:
        kind, value = match.group(1), match.group(2)
        return self.name(value) or protected_placeholder(None) if kind == "person" else protected_placeholder(value)

    def person_record(self, person_id: str | None) -> Any:
        return self._people.get(person_id or "")

    def text(self, value: str | None) -> str:
        """Free text with mentions written out and every protected person's name replaced by their placeholder."""
        text = MENTION.sub(self._mention, value or "")
        if not self._patterns or not text:
            return text
        words = set(WORD.findall(text.lower()))
        for key, pattern, placeholder in self._patterns:
            if key in words:
                text = pattern.sub(placeholder, text)
        return text


@contextmanager
def atomic_output(out_path: Path | str, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file beside the target, flush it, then rename: no half-written export."""
    out = Path(out_path)
    if out.is_dir():
        raise ExportError(_("{path} is a folder; give a file name for the export.").format(path=out))
    if not out.parent.is_dir():
        raise ExportError(_("The folder {folder} does not exist; choose another place for the export.")
                          .format(folder=out.parent))
    tmp = out.with_name(out.name + ".partial")
    try:
        handle = tmp.open("wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""}))
    except OSError as exc:
        raise ExportError(_("Could not write {path} ({reason}); choose a folder you can write to.")
                          .format(path=out, reason=exc.strerror or exc)) from exc
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def number_text(value: float) -> str:
    """A value as funders' systems read it: 12 rather than 12.0, 12.5 as it is."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
