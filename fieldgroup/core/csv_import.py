"""Import people and organisations from a CSV sign-in list: read, map columns, check each row, apply."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.schema import GENDERS, PILLAR_LABELS, PILLARS
from fieldgroup.i18n import N_, _

# The fields a sign-in list can fill, in the order the mapping shows them.
TARGETS: dict[str, Any] = {
    "name": N_("Name"),
    "organisation": N_("Organisation"),
    "pillar": N_("Pillar"),
    "gender": N_("Gender"),
    "role": N_("Role"),
    "email": N_("Email"),
    "phone": N_("Phone"),
}
REQUIRED = ("name", "organisation")

# Header words (lower case) that suggest a target field; sign-in lists come in several languages.
_HEADER_WORDS = {
    "name": ("name", "full name", "participant", "nom", "nombre", "nome", "nama"),
    "organisation": ("organisation", "organization", "org", "organisation name", "organización", "organizacion",
                     "organização", "organisasi", "institution", "company", "entity"),
    "pillar": ("pillar", "sector", "pilier", "pilar", "stakeholder group"),
    "gender": ("gender", "sex", "genre", "sexe", "género", "genero", "jenis kelamin"),
    "role": ("role", "position", "title", "function", "fonction", "cargo", "jabatan", "rôle"),
    "email": ("email", "e-mail", "mail", "courriel", "correo"),
    "phone": ("phone", "telephone", "tel", "mobile", "téléphone", "teléfono", "telefone", "telepon"),
}

_PILLAR_WORDS = {
    "company": ("company", "companies", "business", "private sector"),
    "government": ("government", "governments", "gov", "govt"),
    "civil_society": ("civil society", "civil_society", "civil-society"),
    "observer": ("observer", "observers"),
}
_GENDER_WORDS = {"female": ("female", "f", "woman", "w"), "male": ("male", "m", "man"), "other": ("other",)}

ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A decoded CSV file: its header, its data rows, and how it was read."""

    header: list[str]
    rows: list[list[str]]
    delimiter: str
    encoding: str


@dataclass(frozen=True, slots=True)
class PersonLine:
    """One valid row, ready to import. `row` is the line number a spreadsheet shows (header = row 1)."""

    row: int
    name: str
    organisation: str
    pillar: str | None
    gender: str | None
    role: str | None
    email: str | None
    phone: str | None


@dataclass
class ImportPlan:
    """What an import would do: the rows to create, new organisations, skipped rows and row errors."""

    lines: list[PersonLine] = field(default_factory=list)
    new_organisations: dict[str, str] = field(default_factory=dict)  # name -> pillar
    duplicates: list[int] = field(default_factory=list)  # row numbers already in the store
    errors: list[str] = field(default_factory=list)  # "Row 7: ..."


@dataclass(frozen=True, slots=True)
class ImportResult:
    people: int
    organisations: int
    skipped: int


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding that read it: UTF-8 (with or without BOM), else Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise FieldGroupError(_("The file is not a text file in UTF-8 or Windows-1252; save it as CSV UTF-8 and try again."))


def sniff_delimiter(text: str) -> str:
    """The delimiter used by most lines among comma, semicolon, tab and bar."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def read_csv(data: bytes) -> CsvTable:
    """Decode and split a CSV file; the first non-empty line is the header."""
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    records = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    # Keep blank lines in the numbering so row numbers match what a spreadsheet shows.
    while records and not any(c.strip() for c in records[0]):
        records.pop(0)
    if not records:
        raise FieldGroupError(_("The file is empty; choose a sign-in list with a header line and at least one person."))
    header = [c.strip() for c in records[0]]
    return CsvTable(header, records[1:], delimiter, encoding)


def read_csv_file(path: Path | str) -> CsvTable:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FieldGroupError(
            _("Could not read {path} ({reason}); check the file and try again.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    return read_csv(data)


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """For each target field, the column whose header names it (or None)."""
    mapping: dict[str, int | None] = dict.fromkeys(TARGETS)
    used: set[int] = set()
    for target, words in _HEADER_WORDS.items():
        for index, title in enumerate(header):
            if index not in used and title.strip().lower() in words:
                mapping[target] = index
                used.add(index)
                break
    return mapping


def _norm(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).lower()


def parse_pillar(text: str) -> str | None:
    """A pillar key from what people write in a sign-in list; None when not recognised."""
    value = _norm(text)
    for key in PILLARS:
        if value in (_norm(w) for w in _PILLAR_WORDS[key]) or value == _norm(str(PILLAR_LABELS[key])):
            return key
    return None


def parse_gender(text: str) -> str | None:
    value = _norm(text)
    for key in GENDERS:
        if value in _GENDER_WORDS[key] or value == _(key).lower():
            return key
    return None


def _pillar_choices() -> str:
    return ", ".join(k.replace("_", " ") for k in PILLARS)


def plan_import(
    table: CsvTable,
    mapping: dict[str, int | None],
    organisations: dict[str, tuple[str, str]],
    existing_people: set[tuple[str, str]],
) -> ImportPlan:
    """Check every row against the mapping.

    `organisations`: lower-case name -> (id, pillar) of the group's organisations;
    `existing_people`: (organisation id or lower-case new name, lower-case person name) already stored."""
    missing = [str(TARGETS[t]) for t in REQUIRED if mapping.get(t) is None]
    if missing:
        raise FieldGroupError(_("Choose which column holds: {fields}.").format(fields=", ".join(missing)))
    plan = ImportPlan()
    seen: set[tuple[str, str]] = set()
    for offset, record in enumerate(table.rows):
        number = offset + 2  # the header is row 1
        if not any(c.strip() for c in record):
            continue
        line, error = _check_row(number, record, mapping, organisations, plan.new_organisations)
        if error:
            plan.errors.append(_("Row {row}: {problem}").format(row=number, problem=error))
            continue
        org = organisations.get(line.organisation.lower())
        key = (org[0] if org else line.organisation.lower(), line.name.lower())
        if key in existing_people or key in seen:
            plan.duplicates.append(number)
            continue
        seen.add(key)
        if org is None and line.organisation.lower() not in {n.lower() for n in plan.new_organisations}:
            plan.new_organisations[line.organisation] = line.pillar or ""
        plan.lines.append(line)
    return plan


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _check_row(
    number: int,
    record: list[str],
    mapping: dict[str, int | None],
    organisations: dict[str, tuple[str, str]],
    new_organisations: dict[str, str],
) -> tuple[PersonLine | None, str | None]:
    values = {target: _cell(record, index) for target, index in mapping.items()}
    if not values["name"]:
        return None, _("the name is empty.")
    if not values["organisation"]:
        return None, _("the organisation of {name} is empty.").format(name=values["name"])
    pillar = None
    if values["pillar"]:
        pillar = parse_pillar(values["pillar"])
        if pillar is None:
            return None, _("pillar '{value}' is not one of {choices}.").format(value=values["pillar"], choices=_pillar_choices())
    known = organisations.get(values["organisation"].lower())
    planned = {n.lower(): p for n, p in new_organisations.items()}.get(values["organisation"].lower())
    if known is None and planned is None and pillar is None:
        return None, _("organisation '{name}' is new, so its pillar is needed ({choices}).").format(
            name=values["organisation"], choices=_pillar_choices())
    gender = None
    if values["gender"]:
        gender = parse_gender(values["gender"])
        if gender is None:
            return None, _("gender '{value}' is not one of female, male, other (or leave it empty).").format(
                value=values["gender"])
    for target, limit in (("name", 200), ("organisation", 200), ("role", 200), ("email", 200), ("phone", 200)):
        if len(values[target]) > limit:
            return None, _("{field} is longer than {n} characters.").format(field=str(TARGETS[target]), n=limit)
    line = PersonLine(number, values["name"], values["organisation"], pillar, gender,
                      values["role"] or None, values["email"] or None, values["phone"] or None)
    return line, None


def plan_for_store(store: Any, group_id: str, table: CsvTable, mapping: dict[str, int | None]) -> ImportPlan:
    """`plan_import` against what the group's store already holds."""
    orgs = {o.name.lower(): (o.id, o.pillar) for o in store.organisations.list(group_id=group_id)}
    org_ids = {o_id for o_id, _pillar in orgs.values()}
    people = {(p.organisation_id, p.name.lower()) for p in store.people.list() if p.organisation_id in org_ids}
    return plan_import(table, mapping, orgs, people)


def apply_import(
    store: Any, group_id: str, plan: ImportPlan, report: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Create the plan's organisations and people in one transaction; nothing is written if anything fails
    (or if `report` raises, which is how a cancelled progress dialog stops the import)."""
    created_orgs = 0
    with store.transaction():
        ids = {o.name.lower(): o.id for o in store.organisations.list(group_id=group_id)}
        for name, pillar in plan.new_organisations.items():
            if name.lower() not in ids:
                ids[name.lower()] = store.organisations.create(group_id=group_id, name=name, pillar=pillar).id
                created_orgs += 1
        total = len(plan.lines)
        for done, line in enumerate(plan.lines, start=1):
            store.people.create(organisation_id=ids[line.organisation.lower()], name=line.name, gender=line.gender,
                                role=line.role, email=line.email, phone=line.phone)
            if report and (done % 50 == 0 or done == total):
                report(done, total)
    return ImportResult(len(plan.lines), created_orgs, len(plan.duplicates) + len(plan.errors))
