"""What every export shares: its options, the group it is for, names of people, protected text, safe writing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fieldgroup.core.choices import protected_placeholder
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _
from fieldgroup.reports.protect import Protector


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


class People:
    """Names as an export may show them: a protected person is the placeholder unless asked otherwise.

    Free text goes through the same safety net as every printed page (reports/protect.py): mentions,
    and protected names still typed as plain text (a surname alone, a Burmese name with a particle,
    an e-mail address), become the placeholder."""

    def __init__(self, store: Any, include_protected: bool = False):
        self.store = store
        self.include_protected = include_protected
        self._orgs = {o.id: o for o in store.organisations.list()}
        self._people = {p.id: p for p in store.people.list()}
        self._protector = Protector.from_store(store, include_protected)

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
        return bool(person and self._protector.hides(bool(person.protected)))

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

    def person_record(self, person_id: str | None) -> Any:
        return self._people.get(person_id or "")

    def text(self, value: str | None) -> str:
        """Free text with mentions written out and every protected person's name replaced by their placeholder."""
        return self._protector.text(value)


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
