"""Sign-in import: rows that may be a protected person already in the store wait for the user's decision.

A sheet passed around a meeting room names people as they write themselves ("KILONZO Zawadi",
"z.kilonzo@…", another organisation). Without this step such a row would become a second, unprotected
record that prints the name, or silently fill in the protected person's contact details. Each such
row is held back until the user says: the same person (fill in their empty details), someone else
(added as a new person, and the guard stops asking about those words), or leave it out. A row naming
an erased protected person (known only by the keyed fingerprints in the tombstone) is held back too:
someone else, or leave it out; adding it would bring back the name the erasure took away."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldgroup.core import erasure, store_protect
from fieldgroup.core.choice_words import fold as fold_org
from fieldgroup.core.mentions import Directory, Mentionable
from fieldgroup.core.name_match import fold

SAME, OTHER, LEAVE = "same", "other", "leave"


@dataclass(frozen=True, slots=True)
class ProtectedMatch:
    """One row that may be a living protected person: never merged nor added until decided."""

    row: int
    name: str  # as the row writes it
    person_id: str  # the protected person it may be
    phrases: tuple[str, ...]  # the words that matched (recorded as "not this person" when someone else)
    fills: dict[str, str] = field(default_factory=dict)  # their empty details the row would fill in
    line: Any = None  # the PersonLine to add when it is someone else (None: the row merged into them)
    new_pillar: str | None = None  # the pillar of the row's organisation when the sheet brings it
    erased: bool = False  # it resembles a protected person who was erased: there is no record to fill in


def protected_directory(store: Any) -> Directory:
    """Living protected people only (erased ones are gone; the guard's "not this person" is respected)."""
    rows = [Mentionable(*r) for r in store_protect.directory_rows(store.conn) if r[3]]
    return Directory(rows, ignore=erasure.dismissal_check(store))


def flag(store: Any, plan: Any) -> None:
    """Move the plan's rows and merges that may be a protected person into `plan.protected`."""
    directory = protected_directory(store)
    scan = erasure.scanner(store.conn)
    if not directory.by_id and not scan:
        return
    emails = {fold(p.email.strip()): p.id for p in directory.by_id.values() if p.email}
    kept_merges = []
    for merge in plan.merges:
        if merge.person_id in directory.by_id:
            plan.protected.append(ProtectedMatch(merge.row, merge.name, merge.person_id, (), dict(merge.fills)))
            plan.duplicates.remove(merge.row)
        else:
            kept_merges.append(merge)
    plan.merges[:] = kept_merges
    kept_lines = []
    for line in plan.lines:
        match = _match(directory, emails, line)
        erased = None if match else _erased_match(scan, line)
        if match is None and erased is None:
            kept_lines.append(line)
            continue
        pillar = next((p for name, p in plan.new_organisations.items() if fold_org(name) == fold_org(line.organisation)), None)
        if erased is not None:
            plan.protected.append(ProtectedMatch(line.row, line.name, erased, (), {}, line, pillar, erased=True))
        else:
            person_id, phrases = match
            fills = {k: v for k, v in _details(line).items() if v}
            plan.protected.append(ProtectedMatch(line.row, line.name, person_id, phrases, fills, line, pillar))
    plan.lines[:] = kept_lines
    # An organisation only a held-back row brings is not created for nothing (nor named by it).
    used = {fold_org(line.organisation) for line in kept_lines}
    for name in [n for n in plan.new_organisations if fold_org(n) not in used]:
        del plan.new_organisations[name]
    plan.protected.sort(key=lambda m: m.row)


def _match(directory: Directory, emails: dict[str, str], line: Any) -> tuple[str, tuple[str, ...]] | None:
    spans = directory.find_names(line.name, erased=False)
    if spans:
        return spans[0].person_id, tuple(s.text for s in spans if s.person_id == spans[0].person_id)
    if line.email and fold(line.email.strip()) in emails:
        return emails[fold(line.email.strip())], ()
    spans = directory.find_names(line.phone, erased=False) if line.phone else []  # +254 700… = 0700…
    return (spans[0].person_id, ()) if spans else None


def _erased_match(scan: Any, line: Any) -> str | None:
    """The id of the erased protected person the row's name, e-mail or phone matches by fingerprint, if any."""
    if not scan:
        return None
    spans = scan.find(line.name) or next((found for value in (line.email, line.phone) if value
                                          and (found := scan.find(value))), [])
    return spans[0].person_id if spans else None


def _details(line: Any) -> dict[str, str | None]:
    return {"gender": line.gender, "role": line.role, "email": line.email, "phone": line.phone}


def apply_decisions(store: Any, group_id: str, plan: Any, decisions: dict[int, str]) -> tuple[int, int]:
    """Carry out the user's decisions (row -> same/other/leave) inside the import's transaction:
    (rows merged into the protected person, rows added as someone else). Undecided rows are left out."""
    merged = added = 0
    for match in plan.protected:
        decision = decisions.get(match.row, LEAVE)
        if match.erased and decision == SAME:
            continue  # an erased person has no record to fill in: left out
        if decision == SAME:
            person = store.people.get(match.person_id)
            fills = {k: v for k, v in match.fills.items() if v and not getattr(person, k, None)}
            if fills:
                store.people.update(match.person_id, **fills)
            merged += 1
        elif decision == OTHER and match.line is not None:
            for phrase in match.phrases:  # none for an erased person: nobody to tell the guard about
                erasure.dismiss(store, match.person_id, phrase)
            line = match.line
            org = next((o for o in store.organisations.list(group_id=group_id) if fold_org(o.name) == fold_org(line.organisation)),
                       None) or store.organisations.create(group_id=group_id, name=line.organisation,
                                                           pillar=match.new_pillar or line.pillar)
            store.people.create(organisation_id=org.id, name=line.name, gender=line.gender, role=line.role,
                                email=line.email, phone=line.phone)
            added += 1
    return merged, added
