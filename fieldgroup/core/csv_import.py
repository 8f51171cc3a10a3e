"""Import people and organisations from a sign-in sheet (CSV or .xlsx): map columns, check each row, apply."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fieldgroup.core import choice_words, import_flags
from fieldgroup.core.choice_words import fold
from fieldgroup.core.choices import GENDER
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.row_check import excerpt
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS, TABLES
from fieldgroup.core.sheet_reader import CsvTable, clean_cell, decode, read_csv, read_sheet, sniff_delimiter
from fieldgroup.i18n import N_, _

__all__ = ["CsvTable", "decode", "read_csv", "read_csv_file", "sniff_delimiter"]

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
GENDER_LABELS = GENDER.labels()
# A cell this long is not a name or a phone number: the row is refused rather than cut.
MAX_CELL = 1000
_LIMITS = {"name": TABLES["people"].field("name").max_length,
           "organisation": TABLES["organisations"].field("name").max_length,
           **{t: TABLES["people"].field(t).max_length for t in ("role", "email", "phone")}}

# Header words (folded: lower case, no accents) that suggest a target field, in the six languages.
_HEADER_WORDS = {
    "name": ("name", "full name", "participant", "participants", "names", "nom", "nom complet", "nom et prenom",
             "nombre", "nombre completo", "nombres", "nome", "nome completo", "nama", "nama lengkap",
             "အမည်", "နာမည်"),
    "organisation": ("organisation", "organization", "org", "organisation name", "organizacion", "organizacao",
                     "organisasi", "institution", "institucion", "instituicao", "instansi", "lembaga", "company",
                     "entity", "entite", "entidad", "structure", "အဖွဲ့အစည်း"),
    "pillar": ("pillar", "sector", "pilier", "pilar", "stakeholder group", "secteur", "setor", "sektor", "kategori",
               "categorie", "categoria", "ကဏ္ဍ"),
    "gender": ("gender", "sex", "genre", "sexe", "genero", "sexo", "jenis kelamin", "l/p", "h/f", "m/f", "h/m",
               "ကျား/မ", "လိင်"),
    "role": ("role", "position", "title", "function", "fonction", "poste", "titre", "cargo", "funcion", "funcao",
             "jabatan", "posisi", "ရာထူး"),
    "email": ("email", "e-mail", "mail", "courriel", "correo", "correo electronico", "surel", "အီးမေးလ်"),
    "phone": ("phone", "telephone", "tel", "mobile", "telefono", "celular", "telefone", "telepon", "hp", "no hp",
              "ဖုန်း"),
}


def read_csv_file(path: Path | str) -> CsvTable:
    """A sign-in sheet from a file: CSV (any common encoding) or .xlsx."""
    return read_sheet(path)


@dataclass(frozen=True, slots=True)
class PersonLine:
    """One valid row, ready to import. `row` is the row number the spreadsheet shows."""

    row: int
    name: str
    organisation: str
    pillar: str | None
    gender: str | None
    role: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class MergeProposal:
    """A row naming someone already in the store (or earlier in the file), spelled a little differently."""

    row: int
    name: str  # as the row writes it
    existing_name: str
    person_id: str | None  # None: the earlier row of the same file
    fills: dict[str, str]  # empty fields of the existing person that the row fills in
    accepted: bool = True  # False: the user declined it; the row is added as a person of its own


@dataclass
class ImportPlan:
    """What an import would do: the rows to create, new organisations, merges and row errors."""

    lines: list[PersonLine] = field(default_factory=list)
    new_organisations: dict[str, str] = field(default_factory=dict)  # name -> pillar
    duplicates: list[int] = field(default_factory=list)  # row numbers of people already there
    merges: list[MergeProposal] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Row 7: ..."
    refused_rows: list[int] = field(default_factory=list)
    # Rows that may be a living protected person: held back until the user decides (core.import_flags).
    protected: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportResult:
    people: int
    organisations: int
    skipped: int
    merged: int = 0
    protected_merged: int = 0  # rows the user said are the protected person they resemble
    protected_added: int = 0  # rows the user said are someone else
    held: int = 0  # rows resembling a protected person, left out (no decision)


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """For each target field, the column whose header names it (or None)."""
    mapping: dict[str, int | None] = dict.fromkeys(TARGETS)
    used: set[int] = set()
    folded = [fold(title) for title in header]
    for target, words in _HEADER_WORDS.items():
        wanted = {fold(w) for w in words}
        for index, title in enumerate(folded):
            if index not in used and title.rstrip(" :*") in wanted:
                mapping[target] = index
                used.add(index)
                break
    return mapping


def parse_pillar(text: str) -> str | None:
    """A pillar key from what people write in a sign-in list, in any of the six languages; None if unknown."""
    return choice_words.pillar_of(text) or _label_match(text, {k: PILLAR_LABELS[k] for k in PILLARS})


def parse_gender(text: str, spanish_initials: bool = False) -> str | None:
    return choice_words.gender_of(text, spanish_initials) or _label_match(text, GENDER_LABELS)


def _label_match(text: str, labels: dict[str, Any]) -> str | None:
    """Also the labels the app itself shows in the current language."""
    folded = fold(text)
    return next((key for key, label in labels.items() if fold(str(label)) == folded), None)


def _choices(labels: dict[str, Any]) -> str:
    return ", ".join(str(label) for label in labels.values())


class _Planner:
    """Checks every row against the mapping and the store's organisations and people."""

    def __init__(self, table: CsvTable, mapping: dict[str, int | None], organisations: dict[str, tuple[str, str]],
                 people: dict[tuple[str, str], dict[str, Any]], keep_separate: frozenset[int] = frozenset()):
        self.table, self.mapping, self.keep_separate = table, mapping, keep_separate
        self.orgs = {fold(name): value for name, value in organisations.items()}
        self.people = people
        self.plan = ImportPlan()
        self.new_orgs: dict[str, str] = {}  # folded name -> name as first written
        self.seen: dict[tuple[str, str], int] = {}  # key -> index in plan.lines
        gender_col = mapping.get("gender")
        self.spanish = gender_col is not None and choice_words.uses_spanish_initials(
            [r[gender_col] for r in table.rows[:500] if gender_col < len(r)])

    def run(self) -> ImportPlan:
        for index, record in enumerate(self.table.rows):
            number = self.table.number_of(index)
            if not any(c.strip() for c in record):
                continue
            line, error = self._check(number, record)
            if error:
                self.plan.errors.append(_("Row {row}: {problem}").format(row=number, problem=error))
                self.plan.refused_rows.append(number)
            else:
                self._place(line)
        return self.plan

    def _org_key(self, name: str) -> str:
        known = self.orgs.get(fold(name))
        return known[0] if known else "new:" + fold(name)

    def _place(self, line: PersonLine) -> None:
        key = (self._org_key(line.organisation), fold(line.name))
        fields = {"gender": line.gender, "role": line.role, "email": line.email, "phone": line.phone}
        declined = line.row in self.keep_separate
        if key in self.people:
            existing = self.people[key]
            fills = {k: v for k, v in fields.items() if v and not existing.get(k)}
            self._propose(MergeProposal(line.row, line.name, existing["name"], existing["id"], fills, not declined))
            if not declined:
                return
        elif key in self.seen:
            earlier = self.plan.lines[self.seen[key]]
            fills = {k: v for k, v in fields.items() if v and not getattr(earlier, k)}
            self._propose(MergeProposal(line.row, line.name, earlier.name, None, fills, not declined))
            if not declined:
                self.plan.lines[self.seen[key]] = replace(earlier, **fills)
                return
        if declined:  # a person of their own; later rows with the same name still merge with the first
            self.plan.lines.append(line)
            return
        self.seen[key] = len(self.plan.lines)
        if key[0].startswith("new:") and key[0][4:] not in self.new_orgs:
            self.new_orgs[key[0][4:]] = line.organisation
            self.plan.new_organisations[line.organisation] = line.pillar or ""
        self.plan.lines.append(line)

    def _propose(self, proposal: MergeProposal) -> None:
        self.plan.merges.append(proposal)
        if proposal.accepted:
            self.plan.duplicates.append(proposal.row)

    def _check(self, number: int, record: list[str]) -> tuple[PersonLine | None, str | None]:
        longest = max((len(c) for c in record), default=0)
        if longest > MAX_CELL:
            return None, _("a cell holds {n} characters, more than any name or contact; shorten it or remove it.").format(
                n=longest)
        values = {t: clean_cell(record[i]) if i is not None and i < len(record) else "" for t, i in self.mapping.items()}
        for target, limit in _LIMITS.items():
            if len(values[target]) > limit:
                return None, _("{field} is longer than {n} characters.").format(field=str(TARGETS[target]), n=limit)
        if not values["name"]:
            return None, _("the name is empty.")
        if not values["organisation"]:
            return None, _("the organisation of {name} is empty.").format(name=values["name"])
        pillar = None
        if values["pillar"]:
            pillar = parse_pillar(values["pillar"])
            if pillar is None:
                return None, _("pillar “{value}” is not recognised; write one of: {choices}.").format(
                    value=excerpt(values["pillar"]), choices=_choices(PILLAR_LABELS))
        known = fold(values["organisation"]) in self.orgs or fold(values["organisation"]) in self.new_orgs
        if not known and pillar is None:
            return None, _("organisation “{name}” is new, so its pillar is needed ({choices}).").format(
                name=excerpt(values["organisation"]), choices=_choices(PILLAR_LABELS))
        gender = None
        if values["gender"]:
            gender = parse_gender(values["gender"], self.spanish)
            if gender is None:
                return None, _("gender “{value}” is not recognised; write one of: {choices}, or leave it empty.").format(
                    value=excerpt(values["gender"]), choices=_choices(GENDER_LABELS))
        return PersonLine(number, values["name"], values["organisation"], pillar, gender,
                          values["role"] or None, values["email"] or None, values["phone"] or None), None


def plan_import(
    table: CsvTable,
    mapping: dict[str, int | None],
    organisations: dict[str, tuple[str, str]],
    existing_people: dict[tuple[str, str], dict[str, Any]] | set[tuple[str, str]],
    keep_separate: Iterable[int] = (),
) -> ImportPlan:
    """Check every row against the mapping.

    `organisations`: name -> (id, pillar) of the group's organisations; `existing_people`:
    (organisation id, folded person name) -> the person's fields (id, name, gender, role, email, phone).
    `keep_separate`: spreadsheet rows whose proposed merge the user declined: each becomes a person of
    its own (the proposal stays in `plan.merges` with accepted=False, so it can be ticked again)."""
    missing = [str(TARGETS[t]) for t in REQUIRED if mapping.get(t) is None]
    if missing:
        raise FieldGroupError(_("Choose which column holds: {fields}.").format(fields=", ".join(missing)))
    if isinstance(existing_people, set):
        existing_people = {(org, fold(name)): {"id": None, "name": name} for org, name in existing_people}
    return _Planner(table, mapping, organisations, existing_people, frozenset(keep_separate)).run()


def plan_for_store(store: Any, group_id: str, table: CsvTable, mapping: dict[str, int | None],
                   keep_separate: Iterable[int] = ()) -> ImportPlan:
    """`plan_import` against what the group's store already holds."""
    orgs = {o.name: (o.id, o.pillar) for o in store.organisations.list(group_id=group_id)}
    org_ids = {o_id for o_id, _pillar in orgs.values()}
    people = {(p.organisation_id, fold(p.name)): {"id": p.id, "name": p.name, "gender": p.gender, "role": p.role,
                                                 "email": p.email, "phone": p.phone}
              for p in store.people.list() if p.organisation_id in org_ids}
    plan = plan_import(table, mapping, orgs, people, keep_separate)
    import_flags.flag(store, plan)  # a protected person is never silently merged nor duplicated
    return plan


def apply_import(
    store: Any, group_id: str, plan: ImportPlan, report: Callable[[int, int], None] | None = None,
    fill_existing: bool = True, decisions: dict[int, str] | None = None,
) -> ImportResult:
    """Create the plan's organisations and people and (with `fill_existing`) fill in the empty fields
    of people already there, in one transaction; nothing is written if anything fails (or if
    `report` raises: a cancelled dialog). Rows that may be a protected person follow `decisions`
    (row number -> same/other/leave); without a decision they are left out."""
    created_orgs = 0
    merged = 0
    with store.transaction():
        ids = {fold(o.name): o.id for o in store.organisations.list(group_id=group_id)}
        for name, pillar in plan.new_organisations.items():
            if fold(name) not in ids:
                ids[fold(name)] = store.organisations.create(group_id=group_id, name=name, pillar=pillar).id
                created_orgs += 1
        total = len(plan.lines)
        for done, line in enumerate(plan.lines, start=1):
            store.people.create(organisation_id=ids[fold(line.organisation)], name=line.name, gender=line.gender,
                                role=line.role, email=line.email, phone=line.phone)
            if report and (done % 50 == 0 or done == total):
                report(done, total)
        for proposal in plan.merges if fill_existing else []:
            if proposal.accepted and proposal.person_id and proposal.fills:
                store.people.update(proposal.person_id, **proposal.fills)
                merged += 1
        same, other = import_flags.apply_decisions(store, group_id, plan, decisions or {})
    return ImportResult(len(plan.lines) + other, created_orgs, len(plan.errors), merged, same, other,
                        len(plan.protected) - same - other)

