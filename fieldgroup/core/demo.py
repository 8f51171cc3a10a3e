"""Demo data: a believable working group in the locale's language, built only through the public API."""

from __future__ import annotations

import os
import random
import secrets
import unicodedata
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from fieldgroup import i18n
from fieldgroup.core import create_store, keys
from fieldgroup.core.api import Store
from fieldgroup.core.demo_incidents import add_incidents
from fieldgroup.core.demo_indicators import add_indicators
from fieldgroup.core.demo_members import add_members
from fieldgroup.core.demo_results import add_results_framework
from fieldgroup.core.demo_text import DemoText, text_for
from fieldgroup.core.demo_thematic import add_thematic_group
from fieldgroup.core.demo_writing import action_fields, meeting_fields
from fieldgroup.core.entities import Group, Meeting, Organisation, Person
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.indicators import ActionFacts
from fieldgroup.core.schema import BALANCE_PILLARS


@dataclass(frozen=True, slots=True)
class Size:
    organisations: int
    people: int
    meetings: int  # including the upcoming ones
    actions: int
    manual_indicators: int
    years: int  # how far back the meetings go
    attendance: int | None = None  # exact total (stress), else drawn per meeting
    periods: int | None = None  # exact periods per indicator (stress), else the span of the meetings


SIZES = {
    "small": Size(10, 30, 12, 40, 3, 1),
    "realistic": Size(60, 250, 120, 1500, 12, 2),
    # DESIGN §9, exactly.
    "stress": Size(600, 3000, 2000, 100_000, 192, 10, attendance=60_000, periods=40),
}
UPCOMING = 2
PILLAR_WEIGHTS = {"company": 0.30, "government": 0.28, "civil_society": 0.32, "observer": 0.10}
# Who comes to what: shares of the people invited, per pillar (observers never count in balance).
ATTENDANCE_MIX = {
    "plenary": {"company": 0.38, "government": 0.24, "civil_society": 0.26, "observer": 0.12},
    "subnational": {"company": 0.30, "government": 0.22, "civil_society": 0.43, "observer": 0.05},
    "workshop": {"company": 0.32, "government": 0.25, "civil_society": 0.33, "observer": 0.10},
}
# The pillar that sometimes stays away entirely from this kind of meeting, and how often.
OFTEN_MISSING = {"plenary": ("government", 0.15), "subnational": ("government", 0.25), "workshop": ("civil_society", 0.12)}
INVITED = {"plenary": (22, 36), "pillar": (6, 12), "subnational": (12, 24), "workshop": (14, 28)}
# Some meetings lean heavily towards one pillar (companies fill plenaries, communities the regional ones).
SKEWED = {"plenary": ("company", 0.35), "subnational": ("civil_society", 0.3), "workshop": ("company", 0.2)}
# Women are fewer among company and government delegates than in civil society.
WOMEN_SHARE = {"company": 0.30, "government": 0.27, "civil_society": 0.55, "observer": 0.50}
ACTION_WEIGHT = {"plenary": 3.0, "pillar": 1.0, "subnational": 1.3, "workshop": 1.0}


def generate_demo(
    path: Path | str, size: str = "realistic", seed: int = 1, locale: str = "en", today: date | None = None,
    passphrase: keys.Passphrase | None = None,
) -> dict[str, int]:
    """Create a new store at `path` holding a demo working group; returns the store's record counts.

    The same seed, locale and `today` always give the same content (equal `store.digest()`)."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}")
    day = today or date.today()
    path = Path(path)
    if path.exists():
        raise FieldGroupError(i18n._("{path} already exists; choose a new file name for the new store.").format(path=path))
    # Built under a temporary name and renamed when complete: a killed demo leaves no half-made
    # store at `path` (its temporary file is removed when a store in that folder is next opened).
    building = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    store = create_store(building, today=lambda: day, passphrase=passphrase)
    try:
        with store.transaction():
            _DemoBuilder(store, random.Random(seed), text_for(locale), SIZES[size], day).build()
        counts = store.counts()
        store.close()
        os.replace(building, path)
        return counts
    finally:
        store.close()
        for leftover in (building, *(building.with_name(building.name + s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)


def spread(total: int, weights: list[float], rng: random.Random) -> list[int]:
    """Split `total` into whole shares proportional to `weights`, summing exactly to `total`."""
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for index in rng.sample(range(len(weights)), total - sum(shares)):
        shares[index] += 1
    return shares


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


class _DemoBuilder:
    """Fills one store; every choice comes from `rng`, so a seed always gives the same group."""

    def __init__(self, store: Store, rng: random.Random, text: DemoText, size: Size, today: date):
        self.store, self.rng, self.text, self.size, self.today = store, rng, text, size, today
        self.first_day = today - timedelta(days=365 * size.years)
        self.groups: list[Group] = []
        self.regions: dict[str, tuple[str, tuple[str, ...]]] = {}  # group id -> (region, towns)
        self.orgs: dict[str, list[Organisation]] = defaultdict(list)  # group id -> organisations
        self.org_by_id: dict[str, Organisation] = {}
        self.people: dict[str, list[Person]] = defaultdict(list)  # group id -> people
        self.pillar_of: dict[str, str] = {}  # person id -> pillar
        self.meetings: list[Meeting] = []
        self.present: dict[str, list[Person]] = {}  # meeting id -> people present
        self.done_actions: dict[str, list[tuple[date, str]]] = defaultdict(list)  # group -> (due, id)
        # What the computed indicators are made of, kept while writing (re-reading 100,000 items is slow).
        self.action_facts: dict[str, list[ActionFacts]] = defaultdict(list)  # group -> facts
        self.context: dict[str, dict[str, str]] = {}  # meeting id -> what its texts talk about
        self.names_used: set[str] = set()
        self.title_decks: dict[str, list[str]] = {}  # meeting id -> action titles not yet used
        self.evidence: dict[tuple[str, str], tuple[dict[str, list[str]], dict[str, list[str]]]] = {}
        self._pool_cache: dict[tuple[str, str], tuple[list[Person], list[Person]]] = {}

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def build(self) -> None:
        self._groups()
        self._organisations()
        self._people()
        self._meetings()
        self._actions()
        add_indicators(self)
        add_results_framework(self)
        add_members(self)  # last: what it adds leaves the records made before it unchanged
        add_thematic_group(self)  # after it, for the same reason
        add_incidents(self)  # core-team data (issue 19), after everything public

    # ---- groups, organisations, people ----

    def _groups(self) -> None:
        text = self.text
        national = self.store.groups.create(
            id=self.new_id(), name=text.national_group, country=text.country, language=text.language)
        self.groups.append(national)
        self.regions[national.id] = ("", (text.capital,))
        for number, region in enumerate(text.regions):
            group = self.store.groups.create(
                id=self.new_id(), name=region.group, country=text.country, region=region.name,
                parent_id=national.id, language=text.language,
                # One regional group asks more of its meetings, to show the setting at work.
                balance_threshold=0.85 if number else None)
            self.groups.append(group)
            self.regions[group.id] = (region.name, region.towns)

    @property
    def national(self) -> Group:
        return self.groups[0]

    def _organisations(self) -> None:
        total = self.size.organisations
        regional_each = max(3, round(total * 0.15))
        national = total - 2 * regional_each
        capacity = [sum(self._capacity(group).values()) for group in self.groups]
        if national > capacity[0] and total <= sum(capacity):
            # Few distinct names in this language: more regional members rather than "branch" offices.
            national = capacity[0]
            regional_each = (total - national) // 2
        counts = [total - 2 * regional_each, regional_each, regional_each]
        for group, count in zip(self.groups, counts, strict=True):
            used: dict[str, int] = defaultdict(int)
            for pillar in self._pillar_plan(group, count):
                name, kind = self._org_name(group, pillar, used[pillar])
                used[pillar] += 1
                region, towns = self.regions[group.id]
                org = self.store.organisations.create(
                    id=self.new_id(), group_id=group.id, name=name, pillar=pillar, kind=kind, region=region or None)
                self.orgs[group.id].append(org)
                self.org_by_id[org.id] = org

    def _capacity(self, group: Group) -> dict[str, int]:
        """How many organisations of each pillar the text can name in this group without repeating."""
        if group is self.national:
            return {pillar: len(names) for pillar, names in self.text.organisations.items()}
        towns = len(self.regions[group.id][1])
        return {pillar: len(names) * towns for pillar, names in self.text.regional_organisations.items()}

    def _pillar_plan(self, group: Group, count: int) -> list[str]:
        plan = list(BALANCE_PILLARS) + (["observer"] if group is self.national else [])
        capacity, taken = self._capacity(group), defaultdict(int, {p: plan.count(p) for p in PILLAR_WEIGHTS})
        while len(plan) < count:
            room = [p for p in PILLAR_WEIGHTS if taken[p] < capacity[p]] or list(PILLAR_WEIGHTS)
            pillar = self.rng.choices(room, [PILLAR_WEIGHTS[p] for p in room])[0]
            plan.append(pillar)
            taken[pillar] += 1
        return plan[:count]

    def _org_name(self, group: Group, pillar: str, index: int) -> tuple[str, str]:
        region, towns = self.regions[group.id]
        if group is self.national:
            names = self.text.organisations[pillar]
        else:
            names = self.text.regional_organisations[pillar]
        name, kind = names[index % len(names)]
        # Each round through the names moves every name to the next town: no two alike.
        town = towns[(index % len(names) + index // len(names)) % len(towns)]
        name = name.format(town=town, region=region)
        rounds = index // (len(names) * (1 if group is self.national else len(towns)))
        if rounds:  # more organisations than names: other offices of the same bodies
            all_towns = [t for r in self.text.regions for t in r.towns]
            name = self.text.branch.format(name=name, town=all_towns[(rounds - 1) % len(all_towns)])
            if rounds > len(all_towns):
                name = f"{name} {rounds // len(all_towns) + 1}"
        return name, kind

    def _people(self) -> None:
        orgs = [org for group in self.groups for org in self.orgs[group.id]]
        weights = [{"company": 1.3, "government": 1.2, "civil_society": 1.0, "observer": 0.6}[o.pillar] for o in orgs]
        per_org = [n + 1 for n in spread(self.size.people - len(orgs), weights, self.rng)]
        civil = [i for i, o in enumerate(orgs) if o.pillar == "civil_society"]
        protected_count = max(1, round(self.size.people * 0.04))
        protected_orgs = [civil[i % len(civil)] for i in range(protected_count)]
        for index, (org, count) in enumerate(zip(orgs, per_org, strict=True)):
            protect = protected_orgs.count(index)
            for number in range(count):
                self._person(org, focal=number == 0 and self.rng.random() < 0.6, protected=number < protect)

    def _person(self, org: Organisation, focal: bool, protected: bool) -> None:
        rng, text = self.rng, self.text
        women = WOMEN_SHARE[org.pillar]
        gender = rng.choices(["female", "male", "other", None], [0.9 * women, 0.89 * (1 - women), 0.01, 0.09])[0]
        first_names = {"female": text.female_names, "male": text.male_names}.get(
            gender, rng.choice((text.female_names, text.male_names)))
        for _attempt in range(6):  # avoid namesakes while there are names left
            first, last = rng.choice(first_names), rng.choice(text.surnames)
            name = text.name_format.format(first=first, last=last)
            if name not in self.names_used:
                break
        self.names_used.add(name)
        forms = rng.choice(text.protected_roles if protected else text.roles[org.pillar]).split("|")
        role = forms[-1] if gender == "female" else forms[0]
        slug = _ascii_slug(first)[:1] + "." + _ascii_slug(last)
        acronym = org.name.partition("(")[2].rstrip(")")
        domain = _ascii_slug(acronym or " ".join([w for w in org.name.split() if len(w) > 3][:2]))[:16]
        email = f"{slug}@{domain}.example" if len(slug) > 2 and domain and rng.random() < 0.7 else None
        phone = f"{text.dial_code} {rng.randint(20, 59)} 555 {rng.randint(0, 9999):04d}" if rng.random() < 0.6 else None
        person = self.store.people.create(
            id=self.new_id(), organisation_id=org.id, name=name, role=role, gender=gender, email=email,
            phone=phone, protected=protected, focal_point=focal)
        self.people[org.group_id].append(person)
        self.pillar_of[person.id] = org.pillar

    # ---- meetings and attendance ----

    def _schedule(self) -> list[tuple[date, str, Group]]:
        """(date, kind, group) of every meeting: quarterly plenaries, the rest spread over the years."""
        rng, span = self.rng, (self.today - self.first_day).days
        past = self.size.meetings - UPCOMING
        quarters = min(self.size.years * 4, past // 3)
        plan = [(self.first_day + timedelta(days=int(span * (q + 0.5) / quarters) + rng.randint(-10, 10)),
                 "plenary", self.national) for q in range(quarters)]
        kinds = ["pillar", "subnational", "workshop"]
        kinds += rng.choices(kinds, [0.35, 0.40, 0.25], k=past - quarters - len(kinds))
        for kind in kinds:
            day = self.first_day + timedelta(days=rng.randint(1, span - 1))
            plan.append((day, kind, self._meeting_group(kind)))
        plan = [(d - timedelta(days=max(0, d.weekday() - 4)), k, g) for d, k, g in plan]  # weekdays only
        plan.append((self.today + timedelta(days=rng.randint(10, 25)), "plenary", self.national))
        plan.append((self.today + timedelta(days=rng.randint(30, 45)), "subnational", rng.choice(self.groups[1:])))
        return sorted(plan, key=lambda item: (item[0], item[1]))

    def _meeting_group(self, kind: str) -> Group:
        share_national = {"pillar": 0.85, "subnational": 0.35, "workshop": 0.6}[kind]
        return self.national if self.rng.random() < share_national else self.rng.choice(self.groups[1:])

    def _meetings(self) -> None:
        schedule = self._schedule()
        past = [item for item in schedule if item[0] < self.today]
        invited = self._invited_sizes(past)
        numbers: dict[tuple[str, str], int] = defaultdict(int)
        for (day, kind, group), size in zip(schedule, invited + [0] * UPCOMING, strict=True):
            numbers[group.id, kind] += 1
            pillar = self.rng.choice(BALANCE_PILLARS) if kind == "pillar" else None
            region, towns = self.regions[group.id]
            if kind == "subnational" and group is self.national:
                chosen = self.rng.choice(self.text.regions)
                region, towns = chosen.name, chosen.towns
            fields, context = meeting_fields(self, kind, day, group, pillar, region, towns, numbers[group.id, kind])
            meeting = self.store.meetings.create(id=self.new_id(), group_id=group.id, kind=kind, date=day,
                                                 pillar=pillar, region=region or None, **fields)
            self.meetings.append(meeting)
            self.context[meeting.id] = context
            if day < self.today:
                self._attendance(meeting, size)

    def _invited_sizes(self, past: list[tuple[date, str, Group]]) -> list[int]:
        if self.size.attendance is not None:
            return spread(self.size.attendance, [sum(INVITED[k]) for _d, k, _g in past], self.rng)
        return [self.rng.randint(*INVITED[kind]) for _d, kind, _g in past]

    def _attendance(self, meeting: Meeting, size: int) -> None:
        rng = self.rng
        invited = self._invite(meeting, size)
        missing = None
        if meeting.kind in OFTEN_MISSING and rng.random() < OFTEN_MISSING[meeting.kind][1]:
            missing = OFTEN_MISSING[meeting.kind][0]
        present = []
        for person in invited:
            if self.pillar_of[person.id] == missing:
                status = rng.choice(("excused", "absent"))
            else:
                status = rng.choices(("present", "excused", "absent"), (0.87, 0.09, 0.04))[0]
            self.store.attendance.set(meeting.id, person.id, status)
            if status == "present":
                present.append(person)
        self.present[meeting.id] = present

    def _invite(self, meeting: Meeting, size: int) -> list[Person]:
        """Who is on the list: mostly the group's own people, in the mix typical of the meeting kind."""
        mix = {meeting.pillar: 1.0} if meeting.kind == "pillar" else dict(ATTENDANCE_MIX[meeting.kind])
        if meeting.kind in SKEWED and self.rng.random() < SKEWED[meeting.kind][1]:
            heavy = SKEWED[meeting.kind][0]
            mix[heavy] *= self.rng.uniform(2.0, 3.5)
            mix = {pillar: share / sum(mix.values()) for pillar, share in mix.items()}
        chosen: list[Person] = []
        for pillar, share in mix.items():
            want = round(size * share)
            for pool in self._pools(meeting.group_id, pillar):  # own group first, then the others
                picks = self.rng.sample(pool, min(want, len(pool)))
                chosen += picks
                want -= len(picks)
                if want <= 0:
                    break
        if len(chosen) < size:  # small stores, or the exact stress total: fill from anyone left
            taken = {p.id for p in chosen}
            rest = [p for g in self.groups for p in self.people[g.id] if p.id not in taken]
            chosen += self.rng.sample(rest, min(size - len(chosen), len(rest)))
        return chosen[:size]

    def _pools(self, group_id: str, pillar: str) -> tuple[list[Person], list[Person]]:
        key = (group_id, pillar)
        if key not in self._pool_cache:
            own = [p for p in self.people[group_id] if self.pillar_of[p.id] == pillar]
            others = [p for g in self.groups if g.id != group_id for p in self.people[g.id]
                      if self.pillar_of[p.id] == pillar]
            self._pool_cache[key] = (own, others)
        return self._pool_cache[key]

    # ---- action items ----

    def _actions(self) -> None:
        past = [m for m in self.meetings if m.date < self.today]
        weights = [ACTION_WEIGHT[m.kind] for m in past] + [len(past) * 0.02]
        shares = spread(self.size.actions, weights, self.rng)
        for meeting, count in zip(past, shares, strict=False):
            for _ in range(count):
                self._action(meeting, meeting.group_id, meeting.date, action_fields(self, meeting))
        for _ in range(shares[-1]):  # a few items agreed outside any meeting
            start = self.first_day + timedelta(days=self.rng.randint(0, (self.today - self.first_day).days))
            self._action(None, self.national.id, start, action_fields(self, None))

    def _action(self, meeting: Meeting | None, group_id: str, start: date, fields: dict[str, object]) -> None:
        rng = self.rng
        due = start + timedelta(days=rng.choice((7, 14, 14, 21, 30, 30, 45, 60, 90, 120)))
        age = (self.today - start).days / max(1, (self.today - self.first_day).days)
        if due < self.today:
            # Older items were more often closed; recent ones are still open and overdue.
            still_open = 0.05 + 0.35 * (1 - age)
            status = rng.choices(("open", "in_progress", "done", "dropped"),
                                 (still_open * 0.6, still_open * 0.4, 0.88 - still_open, 0.08))[0]
        else:
            status = rng.choices(("open", "in_progress", "done", "dropped"), (0.5, 0.3, 0.17, 0.03))[0]
        completed = None
        if status == "done":
            late = rng.random() < 0.3
            span = (due - start).days
            offset = span + rng.randint(1, 45) if late else rng.randint(0, span)
            completed = min(start + timedelta(days=offset), self.today)
        if rng.random() < 0.04:
            due = None  # a few items without a due date
        item = self.store.actions.create(
            id=self.new_id(), group_id=group_id, meeting_id=meeting.id if meeting else None, due_date=due,
            status=status, completed_on=completed, **fields)
        if status == "done" and due is not None:
            self.done_actions[group_id].append((due, item.id))
        self.action_facts[group_id].append(ActionFacts(due, status, completed))
