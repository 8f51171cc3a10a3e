"""The participation report: balance per meeting over time, women's and pillars' shares, organisations that stopped coming."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from fieldgroup.core import periods
from fieldgroup.core.balance import STATUS_LABELS as BALANCE_LABELS
from fieldgroup.core.balance import Balance, average_index
from fieldgroup.core.entities import Meeting, Organisation
from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.schema import BALANCE_PILLARS, PILLAR_LABELS, PILLARS
from fieldgroup.core.who_is_missing import region_breakdown
from fieldgroup.formatting import format_index, format_percent
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import NothingToReportError
from fieldgroup.reports.fmt import format_date, format_list, format_number, format_period
from fieldgroup.reports.graphics import StatusLabel, time_chart
from fieldgroup.reports.labels import MEETING_KIND_LABELS, label
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.meeting_handout import BALANCE_MARKS
from fieldgroup.reports.styles import bold, cell, header_row, para, section, table, words_fit
from fieldgroup.reports.who_is_missing import section as who_is_missing_section

RECENT = 3


@dataclass(frozen=True, slots=True)
class Lapsed:
    organisation: Organisation
    last_attended: date
    missed: int


def could_attend(meeting: Meeting, organisation: Organisation) -> bool:
    """Was this organisation expected at this meeting? Not at another pillar's pillar meeting, nor at a
    sub-national meeting of another region (when both regions are recorded)."""
    if meeting.kind == "pillar" and meeting.pillar and meeting.pillar != organisation.pillar:
        return False
    if meeting.kind == "subnational" and meeting.region and organisation.region:
        return meeting.region.casefold() == organisation.region.casefold()
    return True


def stopped_attending(meetings: list[Meeting], organisations: list[Organisation],
                      present: dict[str, set[str]]) -> list[Lapsed]:
    """Organisations whose people were present at one or more of the group's meetings, but at none of
    the last three meetings the organisation could have attended.

    Why this rule: the store does not record invitations (an "absent" line is kept only when the
    coordinator bothers), so "invited" is approximated by "could have attended": every plenary and
    workshop, the organisation's own pillar's meetings, and sub-national meetings of its region. Three
    meetings is the issue's own window; fewer than three such meetings is too little to judge, so
    nobody is listed then. `present` maps a meeting id to the ids of the organisations present.
    `meetings` must be in date order, oldest first."""
    lapsed = []
    for organisation in organisations:
        attended = [m for m in meetings if organisation.id in present.get(m.id, ())]
        if not attended:
            continue
        eligible = [m for m in meetings if could_attend(m, organisation)]
        recent = eligible[-RECENT:]
        if len(recent) < RECENT or any(organisation.id in present.get(m.id, ()) for m in recent):
            continue
        last = attended[-1].date
        lapsed.append(Lapsed(organisation, last, sum(m.date > last for m in eligible)))
    return sorted(lapsed, key=lambda item: (item.last_attended, item.organisation.name.casefold()))


def build(context: ReportContext, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    # The group itself only, unless sub-groups are asked for (the dashboard's "with sub-groups").
    groups = subgroup_ids(store, group.id, context.include_subgroups)
    # A meeting that has not happened yet counts nowhere (0 present, "missing pillar" otherwise).
    meetings = sorted((m for gid in groups for m in store.meetings.list(group_id=gid) if m.date <= context.today),
                      key=lambda m: (m.date, m.id))
    if not meetings:
        raise NothingToReportError(
            _("The group {group} has no meetings yet; record a meeting before printing the participation report.")
            .format(group=group.name))
    balances = {m.id: store.meetings.balance(m.id) for m in meetings}
    organisations = [o for gid in groups for o in store.organisations.list(group_id=gid)]
    width = content_width(context.paper)
    title = _("Participation")
    first, last = meetings[0].date, meetings[-1].date
    story: list[Flowable] = [
        para(title, "title"),
        para(ngettext("{n} meeting from {first} to {last}.", "{n} meetings from {first} to {last}.", len(meetings)).format(
            n=format_number(len(meetings)), first=format_date(first, "long"), last=format_date(last, "long"))),
        *_subgroups_note(store, group.id, groups[1:], width, context.protector.text),
        *_charts(meetings, balances, store.groups.threshold(group.id), width),
        *section(width, heading(_("Shares by quarter")), _quarters(meetings, balances, width)),
    ]
    lapsed = stopped_attending(meetings, organisations, _present_organisations(store, meetings, organisations))
    story += section(width, heading(_("Organisations that stopped attending")),
                     para(_("Present at one or more meetings, but at none of the last three meetings they could attend "
                            "(plenaries, workshops, their pillar's meetings and sub-national meetings of their region)."),
                          "note"), _lapsed_table(lapsed, width))
    story += who_is_missing_section(store, group.id, include_subgroups=context.include_subgroups)
    story += section(width, heading(_("Balance per meeting")),
                     _meetings_table(meetings, balances, width, _group_order(store, groups)))
    return title, story


def _group_names(store: Any) -> dict[str, str]:
    return {g.id: g.name for g in store.groups.list()}


def _group_order(store: Any, groups: list[str]) -> dict[str, str] | None:
    """id -> name: the group itself, then its sub-groups by name; None for the group alone."""
    if len(groups) < 2:
        return None
    names = _group_names(store)
    rest = sorted(groups[1:], key=lambda g: names.get(g, g).casefold())
    return {g: names.get(g, g) for g in (groups[0], *rest)}


def _subgroups_note(store: Any, group_id: str, subgroups: list[str], width: float,
                    text: Callable[[str | None], str]) -> list[Flowable]:
    """With sub-groups: which groups are taken in, and meetings and attendance per region (as the dashboard)."""
    if not subgroups:
        return []
    names = _group_names(store)
    flowables: list[Flowable] = [para(_("Including the sub-groups: {groups}.").format(
        groups=format_list(sorted((names.get(gid, gid) for gid in subgroups), key=str.casefold))), "note")]
    regions = region_breakdown(store, group_id)
    if regions:
        body: list[list[Any]] = [header_row([_("Region"), _("Meetings"), _("Present")])]
        body += [[cell(text(r.region)), cell(format_number(r.meetings)), cell(format_number(r.present))] for r in regions]
        flowables += section(width, heading(_("By region"), "h3"), table(body, width))
    return flowables


def _present_organisations(store: Any, meetings: list[Meeting], organisations: list[Organisation]) -> dict[str, set[str]]:
    org_ids = [o.id for o in organisations]
    person_org = {p.id: p.organisation_id for p in store.people.list(organisation_id=tuple(org_ids))} if org_ids else {}
    present: dict[str, set[str]] = defaultdict(set)
    for record in store.attendance.list(status="present", meeting_id=tuple(m.id for m in meetings)):
        org = person_org.get(record.person_id)
        if org:
            present[record.meeting_id].add(org)
    return present


def _charts(meetings: list[Meeting], balances: dict[str, Balance], threshold: float, width: float) -> list[Flowable]:
    with_people = [m for m in meetings if balances[m.id].present]
    if not with_people:
        return [para(_("No attendance recorded yet."), "note")]
    day = lambda value: format_date(date.fromordinal(int(value)), "short")  # noqa: E731
    index_points = [(m.date.toordinal(), balances[m.id].index) for m in with_people if balances[m.id].in_averages]
    women_points = [(m.date.toordinal(), 100 * balances[m.id].women_share) for m in with_people
                    if balances[m.id].women_share is not None]
    flowables: list[Flowable] = [KeepTogether([
        heading(_("Balance index per meeting"), "h3"),
        para(_("1.00 is equal thirds of companies, government and civil society. Dashed line: the group's "
               "threshold ({threshold}).").format(threshold=format_index(threshold)), "note"),
        time_chart(index_points, day, format_index, 1.0, guide=threshold, width=width),
    ])]
    if women_points:
        flowables.append(KeepTogether([
            heading(_("Women's share per meeting"), "h3"),
            time_chart(women_points, day, lambda v: format_percent(v / 100), 100.0, width=width),
        ]))
    return flowables


def _quarters(meetings: list[Meeting], balances: dict[str, Balance], width: float) -> Flowable:
    by_quarter: dict[str, list[Balance]] = defaultdict(list)
    for meeting in meetings:
        by_quarter[periods.period_of(meeting.date, "quarter")].append(balances[meeting.id])
    labels = [_("Quarter"), _("Meetings"), _("Average index (without pillar meetings)"), *(str(PILLAR_LABELS[p]) for p in PILLARS),
              _("Women's share")]
    body: list[list[Any]] = [header_row(labels)]
    for quarter in sorted(by_quarter, key=lambda p: periods.bounds(p)[0]):
        items = by_quarter[quarter]
        people = sum(b.present for b in items)
        average = average_index(items)  # pillar meetings left out, as on the dashboard
        recorded = sum(b.gender_recorded for b in items)
        body.append([
            cell(format_period(quarter)), cell(format_number(len(items))),
            cell(format_index(average) if average is not None else "—"),
            *(cell(format_percent(sum(b.counts.get(p, 0) for b in items) / people) if people else "—") for p in PILLARS),
            cell(format_percent(sum(b.women for b in items) / recorded) if recorded else "—"),
        ])
    return table(body, width)


def _lapsed_table(lapsed: list[Lapsed], width: float) -> Flowable:
    if not lapsed:
        return para(_("None: every organisation that has taken part came to at least one of its last three meetings."),
                    "note")
    body: list[list[Any]] = [header_row([_("Organisation"), _("Pillar"), _("Last present"), _("Meetings missed since")])]
    for item in lapsed:
        body.append([cell(item.organisation.name), cell(str(PILLAR_LABELS.get(item.organisation.pillar, ""))),
                     cell(format_date(item.last_attended)), cell(format_number(item.missed))])
    return table(body, width)


def _meetings_table(meetings: list[Meeting], balances: dict[str, Balance], width: float,
                    groups: dict[str, str] | None = None) -> Flowable:
    """Newest first. With sub-groups, `groups` (id -> name, the group itself first) puts the meetings
    under a row naming the group that held them."""
    labels = [_("Date"), _("Meeting type"), _("Present"), *(str(PILLAR_LABELS[p]) for p in BALANCE_PILLARS),
              _("Index"), _("Status"), _("Women's share")]
    for breakable in (False, True):
        body: list[list[Any]] = [header_row(labels)]
        group_rows: list[int] = []
        for group_id in groups or [None]:
            held = [m for m in reversed(meetings) if group_id is None or m.group_id == group_id]
            if group_id is not None and held:
                group_rows.append(len(body))
                body.append([para(bold(groups[group_id]), "cell", is_markup=True), *([""] * (len(labels) - 1))])
            body += [_meeting_row(meeting, balances[meeting.id], breakable) for meeting in held]
        # Nine columns: on A4 a long date ("14 de nov. de 2025") leaves too little for the other columns'
        # longest words, which were then cut ("202|5", "desequilibrad|a"); the date then wraps before its year.
        if words_fit(body, width, set(group_rows)):
            break
    return table(body, width, group_rows=group_rows)


def _date_cell(day: date, breakable: bool) -> Any:
    text = format_date(day)
    if breakable and "\u00a0" in text:
        start, year = text.rsplit("\u00a0", 1)
        text = f"{start} {year}"
    return cell(text)


def _meeting_row(meeting: Meeting, b: Balance, breakable_date: bool = False) -> list[Any]:
    return [
        _date_cell(meeting.date, breakable_date), cell(label(MEETING_KIND_LABELS, meeting.kind)),
        cell(format_number(b.present)),
        *(cell(format_number(b.counts.get(p, 0))) for p in BALANCE_PILLARS),
        cell(format_index(b.index) if b.in_averages else "—"),
        StatusLabel(BALANCE_MARKS.get(b.status, "none"), str(BALANCE_LABELS.get(b.status, b.status))),
        cell(format_percent(b.women_share) if b.women_share is not None else "—"),
    ]
