"""The action tracker: open and overdue items grouped by pillar and organisation, with owner and days overdue."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.platypus import Flowable

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
from fieldgroup.reports.fmt import format_date, format_number
from fieldgroup.reports.fonts import markup
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.styles import bold, cell, header_row, para, section, table

NO_PILLAR = ""


def build(context: ReportContext, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    if not store.actions.count(group_id=group.id):
        raise NothingToReportError(
            _("The group {group} has no action items yet; record action items before printing the tracker.")
            .format(group=group.name))
    rows = action_rows(context, Directory(store, group.id), store.actions.open(group.id))
    width = content_width(context.paper)
    overdue = sum(r.days_overdue is not None for r in rows)
    story: list[Flowable] = [
        para(_("Action tracker"), "title"),
        para(_("Open and in-progress action items on {date}.").format(date=format_date(context.today, "long"))),
    ]
    if not rows:
        return _("Action tracker"), [*story, para(_("No open action items: everything is done or dropped."), "note")]
    story += [para(ngettext("{n} item is overdue.", "{n} items are overdue.", overdue).format(n=format_number(overdue))),
              _summary(rows, width)]
    by_pillar: dict[str, list[ActionRow]] = defaultdict(list)
    for row in rows:
        by_pillar[row.pillar or NO_PILLAR].append(row)
    for pillar in (*PILLARS, NO_PILLAR):
        if by_pillar.get(pillar):
            title = str(PILLAR_LABELS[pillar]) if pillar else _("No owner organisation")
            story += section(width, heading(title), _pillar_table(by_pillar[pillar], width, pillar))
    return _("Action tracker"), story


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
