"""Who is missing (issue 18): members that never came or stopped coming, focal points, absent sub-types, regions.

Lists name organisations only, never people, and never an organisation a protected person belongs
to (they are counted in `unnamed`): a "who is missing" list must not place a protected person."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from fieldgroup.core import store_members
from fieldgroup.core.choices import DIVERSITY, DIVERSITY_MIN_PEOPLE, ORG_SUBTYPE, SUBTYPE_PILLAR
from fieldgroup.core.entities import Organisation
from fieldgroup.core.members import network_root, subgroup_ids

if TYPE_CHECKING:
    from fieldgroup.core.api import Store

# A member "stopped attending" when absent from the last RECENT meetings it could have attended
# (the participation report's rule); sub-types are checked over the last WINDOW meetings of a kind.
RECENT = 3
WINDOW = 4
CHURN_DAYS = 365
WATCHED_PILLARS = ("government", "civil_society")


@dataclass(frozen=True, slots=True)
class Stopped:
    organisation: Organisation
    last_attended: date


@dataclass(frozen=True, slots=True)
class Churn:
    organisation: Organisation
    focal_points: int  # how many focal points started in the last 12 months


@dataclass(frozen=True, slots=True)
class AbsentSubtype:
    subtype: str
    members: int  # member organisations of this sub-type (0: the group has none to invite)


@dataclass(slots=True)
class WhoIsMissing:
    """What the dashboard and the participation report show under "Who is missing"."""

    never_attended: list[Organisation] = field(default_factory=list)
    stopped: list[Stopped] = field(default_factory=list)
    without_focal_point: list[Organisation] = field(default_factory=list)
    focal_point_churn: list[Churn] = field(default_factory=list)
    absent_subtypes: list[AbsentSubtype] = field(default_factory=list)
    window: int = 0  # how many meetings of `window_kind` the absent sub-types were checked over
    window_kind: str = "plenary"
    held: int = 0
    held_outside_capital: int = 0
    unnamed: int = 0  # organisations left out of the lists because a protected person belongs to them

    @property
    def outside_capital_share(self) -> float | None:
        return self.held_outside_capital / self.held if self.held else None


def who_is_missing(store: Store, group_id: str, *, include_subgroups: bool = False, window: int = WINDOW,
                   window_kind: str = "plenary") -> WhoIsMissing:
    """Every "who is missing" list for the group (and its sub-groups when asked), as of today."""
    today = store.today()
    groups = subgroup_ids(store, group_id, include_subgroups)
    members = _members(store, groups, today)
    hidden = store_members.organisations_with_protected_people(store.conn)
    meetings = store_members.held_meetings(store.conn, groups, today.isoformat())
    presence = store_members.presence(store.conn, groups, today.isoformat())
    present: dict[str, set[str]] = defaultdict(set)
    subtypes_present: dict[str, set[str]] = defaultdict(set)
    for meeting_id, _day, _kind, _region, _group, _person, org_id, subtype in presence:
        present[meeting_id].add(org_id)
        if subtype:
            subtypes_present[meeting_id].add(subtype)
    result = WhoIsMissing(window_kind=window_kind)
    named = [o for o in members if o.id not in hidden]
    result.unnamed = len(members) - len(named)
    attended = set().union(*present.values()) if present else set()
    result.never_attended = [o for o in named if o.id not in attended]
    result.stopped = _stopped(named, meetings, present)
    result.without_focal_point, result.focal_point_churn = _focal_points(store, named, today)
    result.absent_subtypes, result.window = _absent_subtypes(members, meetings, subtypes_present, window, window_kind)
    result.held, result.held_outside_capital = _outside_capital(store, group_id, meetings)
    return result


def _members(store: Store, groups: list[str], today: date) -> list[Organisation]:
    ids = {m.organisation_id for g in groups for m in store.memberships.of_group(g)
           if m.status == "member" and m.is_current(today)}
    return sorted((o for o in store.organisations.list(id=tuple(ids))), key=lambda o: o.name.casefold())


def _could_attend(meeting: tuple, organisation: Organisation) -> bool:
    """The participation report's rule: not another pillar's pillar meeting, not another region's meeting."""
    _id, _day, kind, region, pillar, _group = meeting
    if kind == "pillar" and pillar and pillar != organisation.pillar:
        return False
    if kind == "subnational" and region and organisation.region:
        return region.casefold() == organisation.region.casefold()
    return True


def _stopped(members: list[Organisation], meetings: list[tuple], present: dict[str, set[str]]) -> list[Stopped]:
    last_seen: dict[str, str] = {}
    for meeting in meetings:  # oldest first: the last one written is the latest
        for org_id in present.get(meeting[0], ()):
            last_seen[org_id] = meeting[1]
    recent_for: dict[tuple, list[tuple]] = {}  # organisations of one pillar and region share their meetings
    stopped = []
    for organisation in members:
        if organisation.id not in last_seen:
            continue
        key = (organisation.pillar, (organisation.region or "").casefold())
        if key not in recent_for:
            recent_for[key] = [m for m in meetings if _could_attend(m, organisation)][-RECENT:]
        recent = recent_for[key]
        if len(recent) == RECENT and not any(organisation.id in present.get(m[0], ()) for m in recent):
            stopped.append(Stopped(organisation, date.fromisoformat(last_seen[organisation.id])))
    return sorted(stopped, key=lambda s: (s.last_attended, s.organisation.name.casefold()))


def _focal_points(store: Store, members: list[Organisation], today: date) -> tuple[list[Organisation], list[Churn]]:
    histories: dict[str, list] = defaultdict(list)
    for role in store.roles.list(role="focal_point"):  # one read for every organisation
        histories[role.organisation_id].append(role)
    missing, churn = [], []
    since = today - timedelta(days=CHURN_DAYS)
    for organisation in members:
        history = histories.get(organisation.id, [])
        if not any(role.is_current(today) for role in history):
            missing.append(organisation)
        started = sum(1 for role in history if role.start_date and since < role.start_date <= today)
        if started > 2 or (started == 2 and any(r.start_date is None or r.start_date <= since for r in history)):
            churn.append(Churn(organisation, started))  # changed more than once: two changes or more
    return missing, churn


def _absent_subtypes(members: list[Organisation], meetings: list[tuple], subtypes_present: dict[str, set[str]],
                     window: int, kind: str) -> tuple[list[AbsentSubtype], int]:
    last = [m for m in meetings if m[2] == kind][-window:]
    if not last:
        return [], 0
    seen = set().union(*(subtypes_present.get(m[0], set()) for m in last))
    by_subtype: dict[str, int] = defaultdict(int)
    for organisation in members:
        if organisation.subtype:
            by_subtype[organisation.subtype] += 1
    absent = [AbsentSubtype(s, by_subtype[s]) for s, pillar in SUBTYPE_PILLAR.items()
              if pillar in WATCHED_PILLARS and s not in seen]
    return absent, len(last)


def _outside_capital(store: Store, group_id: str, meetings: list[tuple]) -> tuple[int, int]:
    """A meeting is outside the capital when its region is recorded and is not the national group's own
    region (national groups meet in the capital and usually leave their region empty)."""
    root = store.groups.get(network_root(store, group_id))
    capital = (root.region or "").casefold()
    outside = sum(1 for m in meetings if m[3] and m[3].casefold() != capital)
    return len(meetings), outside


@dataclass(frozen=True, slots=True)
class DiversityTotal:
    tag: str
    people: int | None  # None: fewer than DIVERSITY_MIN_PEOPLE, not shown


def diversity_totals(store: Store, group_id: str, *, include_subgroups: bool = False,
                     days: int = CHURN_DAYS) -> tuple[int, list[DiversityTotal]]:
    """People present at the group's meetings in the last `days`, and how many carry each diversity tag.

    Totals only, never who: a total below DIVERSITY_MIN_PEOPLE is withheld (None), and nothing is given
    when fewer than DIVERSITY_MIN_PEOPLE people took part at all."""
    today = store.today()
    since = (today - timedelta(days=days)).isoformat()
    groups = subgroup_ids(store, group_id, include_subgroups)
    person_ids = {row[5] for row in store_members.presence(store.conn, groups, today.isoformat(), since)}
    if len(person_ids) < DIVERSITY_MIN_PEOPLE:
        return len(person_ids), [DiversityTotal(tag, None) for tag in DIVERSITY.values]
    people = store.people.list(id=tuple(person_ids))
    totals = []
    for tag in DIVERSITY.values:
        n = sum(1 for p in people if getattr(p, tag))
        totals.append(DiversityTotal(tag, n if n >= DIVERSITY_MIN_PEOPLE else None))
    return len(person_ids), totals


def summary(store: Store, group_id: str, *, include_subgroups: bool = False,
            stopped: bool = True) -> tuple[list[tuple[str, str]], str | None]:
    """The lists as (title, text) in the user's language, and a note on organisations left unnamed.

    The dashboard and the participation report both show exactly these; `stopped=False` leaves out
    members that stopped attending (the report has its own table of them)."""
    from fieldgroup.formatting import format_date, format_number, format_percent
    from fieldgroup.i18n import _, ngettext

    missing = who_is_missing(store, group_id, include_subgroups=include_subgroups)

    def names(items: list[str]) -> str:
        return ", ".join(items) if items else _("None.")

    lines = [(_("Members that never attended"), names([o.name for o in missing.never_attended]))]
    if stopped:
        lines.append((_("Members that stopped attending"), names([
            _("{organisation} (last {date})").format(organisation=s.organisation.name,
                                                     date=format_date(s.last_attended))
            for s in missing.stopped])))
    lines.append((_("Members without a current focal point"), names([o.name for o in missing.without_focal_point])))
    lines.append((_("Focal point changed more than once in 12 months"), names([
        _("{organisation} ({n} focal points)").format(organisation=c.organisation.name, n=format_number(c.focal_points))
        for c in missing.focal_point_churn])))
    if missing.window:
        title = ngettext("Never present at the last plenary", "Never present at the last {n} plenaries",
                         missing.window).format(n=format_number(missing.window))
        lines.append((title, names([ORG_SUBTYPE.label(a.subtype) for a in missing.absent_subtypes])))
    if missing.held:
        lines.append((_("Meetings outside the capital"), _("{share} of the meetings held ({outside} of {held}).").format(
            share=format_percent(missing.outside_capital_share), outside=format_number(missing.held_outside_capital),
            held=format_number(missing.held))))
    people, totals = diversity_totals(store, group_id, include_subgroups=include_subgroups)
    parts = [_("{tag}: {n}").format(tag=DIVERSITY.label(t.tag),
                                     n=format_number(t.people) if t.people is not None else _("fewer than 5"))
             for t in totals]
    lines.append((_("Diversity of participants (last 12 months)"),
                  ngettext("{n} person took part.", "{n} people took part.", people).format(n=format_number(people))
                  + " " + "; ".join(parts)))
    unnamed = ngettext("{n} member organisation is not named in these lists.",
                       "{n} member organisations are not named in these lists.",
                       missing.unnamed).format(n=format_number(missing.unnamed)) if missing.unnamed else None
    return lines, unnamed


@dataclass(frozen=True, slots=True)
class RegionRow:
    region: str
    meetings: int
    present: int  # attendance lines marked present (a person at two meetings counts twice)


def region_breakdown(store: Store, group_id: str) -> list[RegionRow]:
    """Meetings held and people present per region, over the group and its sub-groups; a meeting without a
    region counts in its group's region, or the capital for a national group."""
    from fieldgroup.i18n import _

    today = store.today().isoformat()
    groups = subgroup_ids(store, group_id)
    region_of_group = {g.id: g.region for g in store.groups.list()}
    capital = _("Capital")
    meetings: dict[str, int] = defaultdict(int)
    present: dict[str, int] = defaultdict(int)

    def where(region: str | None, group: str) -> str:
        return region or region_of_group.get(group) or capital

    for _id, _day, _kind, region, _pillar, group in store_members.held_meetings(store.conn, groups, today):
        meetings[where(region, group)] += 1
    for _id, _day, _kind, region, group, *_rest in store_members.presence(store.conn, groups, today):
        present[where(region, group)] += 1
    return [RegionRow(r, meetings[r], present[r]) for r in sorted(meetings, key=lambda r: (r != capital, r))]
