"""The action tracker: open and overdue items grouped by pillar and organisation, with owner and days overdue."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.platypus import Flowable

from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.actions_table import (
    ActionRow,
    Directory,
    action_rows,
    days_text,
    status_label,
    title_cell,
)
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import NothingToReportError
from fieldgroup.reports.fmt import format_date, format_list, format_number
from fieldgroup.reports.fonts import markup
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.styles import bold, cell, header_row, para, section, table

NO_PILLAR = ""


def build(context: ReportContext, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    # The group itself only, unless sub-groups are asked for (the tracker page's "with sub-groups").
    groups = subgroup_ids(store, group.id, context.include_subgroups)
    if not any(store.actions.count(group_id=gid) for gid in groups):
        raise NothingToReportError(
            _("The group {group} has no action items yet; record action items before printing the tracker.")
            .format(group=group.name))
    directory = Directory(store, groups)
    rows_by_group = {gid: action_rows(context, directory, store.actions.open(gid)) for gid in groups}
    rows = [row for gid in groups for row in rows_by_group[gid]]
    width = content_width(context.paper)
    overdue = sum(r.days_overdue is not None for r in rows)
    names = _group_order(store, groups)
    story: list[Flowable] = [
        para(_("Action tracker"), "title"),
        para(_("Open and in-progress action items on {date}.").format(date=format_date(context.today, "long"))),
    ]
    if names:
        story.append(para(_("Including the sub-groups: {groups}.").format(groups=format_list(list(names.values())[1:])),
                          "note"))
    if not rows:
        return _("Action tracker"), [*story, para(_("No open action items: everything is done or dropped."), "note")]
    story += [para(ngettext("{n} item is overdue.", "{n} items are overdue.", overdue).format(n=format_number(overdue))),
              _summary(rows, width)]
    if not names:
        return _("Action tracker"), story + _pillar_sections(rows, width)
    story += section(width, heading(_("By group")), _group_summary(names, rows_by_group, width))
    for gid, name in names.items():
        if rows_by_group[gid]:
            # Each group's items under its own name: who owes what to which group stays plain.
            story += _pillar_sections(rows_by_group[gid], width, "h3", lead=heading(name))
    return _("Action tracker"), story


def _group_order(store: Any, groups: list[str]) -> dict[str, str]:
    """id -> name: the group itself, then its sub-groups by name; empty for the group alone."""
    if len(groups) < 2:
        return {}
    names = {g.id: g.name for g in store.groups.list()}
    rest = sorted(groups[1:], key=lambda g: names.get(g, g).casefold())
    return {g: names.get(g, g) for g in (groups[0], *rest)}


def _pillar_sections(rows: list[ActionRow], width: float, level: str = "h2",
                     lead: Flowable | None = None) -> list[Flowable]:
    """A table per pillar under its heading; `lead` (a group's name) is kept with the first one."""
    by_pillar: dict[str, list[ActionRow]] = defaultdict(list)
    for row in rows:
        by_pillar[row.pillar or NO_PILLAR].append(row)
    story: list[Flowable] = []
    for pillar in (*PILLARS, NO_PILLAR):
        if by_pillar.get(pillar):
            title = str(PILLAR_LABELS[pillar]) if pillar else _("No owner organisation")
            first = [lead] if lead is not None and not story else []
            story += section(width, *first, heading(title, level), _pillar_table(by_pillar[pillar], width, pillar))
    return story


def _group_summary(names: dict[str, str], rows_by_group: dict[str, list[ActionRow]], width: float) -> Flowable:
    """One row per group: open and overdue items, so a national coordinator sees which group lags."""
    body: list[list[Any]] = [header_row([_("Group"), _("Open"), _("Overdue")])]
    for gid, name in names.items():
        mine = rows_by_group[gid]
        late = sum(r.days_overdue is not None for r in mine)
        body.append([cell(name), cell(format_number(len(mine))), cell(format_number(late))])
    return table(body, width * 0.7)


def _summary(rows: list[ActionRow], width: float) -> Flowable:
    """Open and overdue counts per pillar, so the first page already says where the backlog is."""
    body: list[list[Any]] = [header_row([_("Pillar"), _("Open"), _("Overdue")])]
    for pillar in (*PILLARS, NO_PILLAR):
        mine = [r for r in rows if (r.pillar or NO_PILLAR) == pillar]
        if mine:
            late = sum(r.days_overdue is not None for r in mine)
            body.append([cell(str(PILLAR_LABELS[pillar]) if pillar else _("No owner organisation")),
                         cell(format_number(len(mine))), cell(format_number(late))])
    late_total = sum(r.days_overdue is not None for r in rows)
    body.append([para(_("Total"), "cell_bold"), para(format_number(len(rows)), "cell_bold"),
                 para(format_number(late_total), "cell_bold")])
    return table(body, width * 0.7, extra=[("LINEABOVE", (0, -1), (-1, -1), 1, "black")])


def _pillar_table(rows: list[ActionRow], width: float, pillar: str) -> Flowable:
    by_org: dict[str, list[ActionRow]] = defaultdict(list)
    for row in rows:
        by_org[row.organisation].append(row)
    body: list[list[Any]] = [header_row([_("Action"), _("Owner"), _("Due"), _("Days overdue"), _("Status")])]
    group_rows = []
    for org in sorted(by_org, key=lambda name: (name == "", name.casefold())):
        items = sorted(by_org[org], key=lambda r: (-(r.days_overdue or -1), r.item.due_date is None, r.item.due_date))
        late = sum(r.days_overdue is not None for r in items)
        group_rows.append(len(body))
        count = ngettext("{n} open", "{n} open", len(items)).format(n=format_number(len(items)))
        if late:
            overdue_text = ngettext("{n} overdue", "{n} overdue", late).format(n=format_number(late))
            count = _("{open}, {overdue}").format(open=count, overdue=overdue_text)
        # Without a name here the items are either unowned or owned by a protected person whose
        # organisation is withheld (it could identify them).
        name = org or (_("Organisation not shown") if pillar else _("No organisation"))
        body.append([para(f"{bold(name)} — {markup(count)}", "cell", is_markup=True), "", "", "", ""])
        for row in items:
            body.append([title_cell(row), cell(row.owner or "—"), cell(format_date(row.item.due_date)),
                         cell(days_text(row)), status_label(row)])
    return table(body, width, group_rows=group_rows)
