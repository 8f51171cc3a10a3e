"""The protection rule on paper: protected people show as "Protected participant (pillar)" unless asked otherwise.

Every free text that goes into a document passes through `Protector.text`: mentions print as the
name or the placeholder according to the person's status now, and any protected name still typed
as plain text (not yet converted into a mention) is hidden by the name matcher — the safety net."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldgroup.core.mentions import PRINT, Directory, Mentionable, placeholder

__all__ = ["ProtectedName", "Protector", "placeholder"]


@dataclass(frozen=True, slots=True)
class ProtectedName:
    name: str
    pillar: str
    email: str | None = None
    phone: str | None = None


class Protector:
    """Applies the protection rule to names, owners and free text for one printed document."""

    def __init__(self, protected: Iterable[ProtectedName] = (), include_protected: bool = False,
                 directory: Directory | None = None):
        self.include_protected = include_protected
        self.directory = directory or Directory(
            Mentionable(f"name-{i}", p.name, p.pillar, True, p.email, p.phone) for i, p in enumerate(protected))

    @classmethod
    def from_store(cls, store, include_protected: bool = False) -> Protector:
        """Every person in the store (not only the group's: minutes can name anyone), status as of now."""
        return cls(include_protected=include_protected, directory=Directory.from_store(store))

    def name(self, name: str, pillar: str | None, protected: bool) -> str:
        """A person's name as it may be printed."""
        if protected and not self.include_protected:
            return placeholder(pillar)
        return name

    def hides(self, protected: bool) -> bool:
        """True when this person's identity (and so their organisation) must not be printed."""
        return protected and not self.include_protected

    def text(self, text: str | None) -> str:
        """Free text (minutes, decisions, titles) with mentions rendered and every protected name hidden."""
        return self.directory.render(text, PRINT, self.include_protected)
