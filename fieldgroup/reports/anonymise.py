"""People as their pillar, for outputs that must name nobody (the alert sheet, `list incidents`); no reportlab here."""

from __future__ import annotations

import re
from typing import Any

from fieldgroup.core.choices import PILLAR, protected_placeholder
from fieldgroup.core.mentions import TOKEN as MENTION  # `@{person:<id>}`, `@{erased:<pillar>}`
from fieldgroup.i18n import _
from fieldgroup.reports.protect import ProtectedName, Protector


class Anonymiser:
    """Turns people into their pillar, for a page that must name nobody."""

    def __init__(self, store: Any):
        self.people = {p.id: p for p in store.people.list()}
        self.orgs = {o.id: o for o in store.organisations.list()}
        # Every person known, protected or not, is caught if typed as plain text.
        self.net = Protector(ProtectedName(p.name, self._pillar(p.id) or "") for p in self.people.values())

    def _pillar(self, person_id: str | None) -> str | None:
        person = self.people.get(person_id or "")
        org = self.orgs.get(person.organisation_id) if person else None
        return org.pillar if org else None

    def person(self, person_id: str | None) -> str:
        if not person_id:
            return "—"
        person = self.people.get(person_id)
        pillar = self._pillar(person_id)
        if person is None or person.protected:
            return protected_placeholder(pillar)
        return _("a representative of {pillar}").format(pillar=PILLAR.label(pillar) or _("unknown pillar"))

    def text(self, text: str | None) -> str:
        def one(match: re.Match) -> str:
            if match.group(1) != "person":  # erased, or a name two protected people share
                return protected_placeholder(match.group(2))
            return self.person(match.group(2))

        return self.net.text(MENTION.sub(one, text or ""))

    def contact(self, org_id: str | None, person_id: str | None) -> str:
        """A step's contact: organisation and person; a protected person's own organisation is left
        out, since printed beside the placeholder it would place them."""
        person = self.people.get(person_id or "")
        places = person is not None and person.protected and person.organisation_id == org_id
        parts = [self.organisation(org_id)] if org_id and not places else []
        if person_id:
            parts.append(self.person(person_id))
        return " · ".join(parts) or "—"

    def organisation(self, org_id: str | None) -> str:
        org = self.orgs.get(org_id or "")
        return org.name if org else "—"
