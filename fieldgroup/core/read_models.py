"""Typed read models for pages and reports: meeting balances, people to pick, overdue items, indicators behind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from fieldgroup.core import indicators as indicator_maths
from fieldgroup.core import periods, store_queries
from fieldgroup.core.balance import Balance, balance_index, balance_pillar, balance_status
from fieldgroup.core.entities import Indicator, Meeting, Person
from fieldgroup.core.indicators import BEHIND, NO_DATA, PeriodProgress
from fieldgroup.core.members import member_organisation_ids, network_group_ids, subgroup_ids
from fieldgroup.core.schema import MEETING_KINDS, PERIOD_KINDS, TABLES

if TYPE_CHECKING:
    from fieldgroup.core.api import Store


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One meeting in a list, with its balance computed from who was present (None until known)."""

    meeting: Meeting
    balance: Balance | None


def balances_by_meeting(store: Store, group_id: str | None, *, include_subgroups: bool = False) -> dict[str, Balance]:
    """The balance of every meeting of the group (and its sub-groups when asked, each meeting by its own
    group's settings), from one grouped query per group (meetings nobody attended are absent)."""
    if not group_id:
        return {}
    if include_subgroups:
        return {meeting_id: balance for gid in subgroup_ids(store, group_id)
                for meeting_id, balance in balances_by_meeting(store, gid).items()}
    threshold = store.groups.threshold(group_id)
    kinds = {m.id: m.kind for m in store.meetings.list(group_id=group_id)}  # pillar meetings: their own status
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    women: dict[str, int] = defaultdict(int)
    recorded: dict[str, int] = defaultdict(int)
    include = store.groups.includes_home_governments(group_id)
    for meeting_id, raw_pillar, gender, n, subtype in store_queries.meetings_with_attendance_counts(store.conn, group_id):
        pillar = balance_pillar(raw_pillar, subtype, include)
        counts[meeting_id][pillar] = counts[meeting_id].get(pillar, 0) + n
        if gender:
            recorded[meeting_id] += n
            women[meeting_id] += n if gender == "female" else 0
    return {
        meeting_id: Balance(counts=c, index=balance_index(c), status=balance_status(c, threshold, kinds.get(meeting_id)),
                            women=women[meeting_id], gender_recorded=recorded[meeting_id], present=sum(c.values()))
        for meeting_id, c in counts.items()
    }


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """A person offered in the attendance picker, with organisation and pillar for display and balance."""

    person: Person
    organisation: str
    pillar: str

    @property
    def id(self) -> str:
        return self.person.id


def person_choices(store: Store, group_id: str | None) -> list[PersonChoice]:
    """Everyone in the group's network (its national group and every sub-group) with organisation and
    pillar: people of this group's member organisations first, then the others, each by name (issue 18:
    members attend across groups)."""
    names = ("id", *TABLES["people"].field_names)
    network = set(network_group_ids(store, group_id)) if group_id else None
    members = (member_organisation_ids(store, group_id) | {o.id for o in store.organisations.list(group_id=group_id)}
               if group_id else set())
    result, others = [], []
    for row in store_queries.people_rows(store.conn, None):
        if network is not None and row[-1] not in network:
            continue
        values = dict(zip(names, row, strict=False))
        for flag in (f.name for f in TABLES["people"].fields if f.kind == "bool"):
            values[flag] = bool(values[flag])
        choice = PersonChoice(Person(**values), row[len(names)], row[len(names) + 1])
        (result if network is None or choice.person.organisation_id in members else others).append(choice)
    return result + others


@dataclass(frozen=True, slots=True)
class OverdueItem:
    id: str
    title: str
    due_date: date
    owner: str


def overdue_summary(store: Store, group_id: str | None, limit: int = 5) -> tuple[int, list[OverdueItem]]:
    """The number of overdue items and the few most overdue, without loading every open item."""
    if not group_id:
        return 0, []
    count, rows = store_queries.overdue_actions(store.conn, group_id, store.today().isoformat(), limit)
    items = [OverdueItem(r[0], r[1], date.fromisoformat(r[2]), r[3] or r[5] or "") for r in rows]
    return count, items


@dataclass(frozen=True, slots=True)
class IndicatorBehind:
    id: str
    name: str
    period: str
    progress: float | None
    direction: str = "increase"  # "below baseline" reads "above baseline" for a decrease indicator


def indicators_behind(store: Store, group_id: str | None) -> list[IndicatorBehind]:
    """Indicators whose latest measured period (up to the current one) is behind its target."""
    if not group_id:
        return []
    current = {kind: periods.bounds(periods.period_of(store.today(), kind))[0] for kind in PERIOD_KINDS}
    facts: tuple | None = None
    behind = []
    for indicator in store.indicators.list(group_id=group_id):
        now = current[indicator.period_kind]
        if indicator.computed:
            if facts is None:
                # Store.indicator_progress re-reads every meeting and action item for each computed
                # indicator (seconds each on a big store); the facts are read once here instead.
                facts = (store.meeting_facts(group_id), store.action_facts(group_id))
            latest = _latest_computed(store, indicator, now, facts)
        else:
            measured = [p for p in store.indicator_progress(indicator.id)
                        if p.status != NO_DATA and periods.bounds(p.period)[0] <= now]
            latest = measured[-1] if measured else None
        if latest is not None and latest.status == BEHIND:
            behind.append(IndicatorBehind(indicator.id, indicator.name, latest.period, latest.progress,
                                          indicator.direction))
    return behind


def _latest_computed(store: Store, indicator: Indicator, now: date, facts: tuple) -> PeriodProgress | None:
    """Progress of a computed indicator in its latest period (up to now) that has a target and a value."""
    meetings, actions = facts
    targets = {t.period: t.value for t in store.targets.list(indicator_id=indicator.id)}
    for period in sorted((p for p in targets if periods.bounds(p)[0] <= now), key=lambda p: periods.bounds(p)[0],
                         reverse=True):
        actual = indicator_maths.compute(indicator.computed, period, meetings, actions)
        if actual is None:
            continue
        value = indicator_maths.progress(actual, indicator.baseline_value, targets[period], indicator.direction)
        return PeriodProgress(period, targets[period], actual, value, indicator_maths.status(value))
    return None


# Pillar meetings bring one pillar together by design, so their balance says nothing.
BALANCE_KINDS = tuple(kind for kind in MEETING_KINDS if kind != "pillar")


def recent_meetings(store: Store, group_id: str | None, held: int = 10) -> tuple[MeetingRow | None, list[MeetingRow]]:
    """The next meeting (today or later) and the last `held` meetings before today whose balance
    matters (not pillar meetings), newest first, each with its balance; reads only those meetings."""
    if not group_id:
        return None, []
    upcoming, past = store_queries.meeting_ids_around(store.conn, group_id, store.today().isoformat(), 1, held,
                                                      BALANCE_KINDS)

    def row(meeting_id: str) -> MeetingRow:
        return MeetingRow(store.meetings.get(meeting_id), store.meetings.balance(meeting_id))

    return (row(upcoming[0]) if upcoming else None), [row(m) for m in past]
