"""The M&E report by objective and result: each indicator's periods with target, actual, note, evidence and check."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from fieldgroup.core import periods
from fieldgroup.core.indicators import STATUS_LABELS
from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS, HORIZON_LABELS, RESULT_TYPE_LABELS
from fieldgroup.core.results_framework import framework
from fieldgroup.formatting import format_period
from fieldgroup.i18n import _
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import NothingToReportError, ReportOptionError
from fieldgroup.reports.fmt import format_date
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.me_progress import value_text
from fieldgroup.reports.styles import cell, header_row, para, table

RECENT = 4  # periods per indicator when no period is chosen


def build(context: ReportContext, *, period: str | None = None, **_options: Any) -> tuple[str, list[Flowable]]:
    if period and not (periods.is_valid(period, "quarter") or periods.is_valid(period, "year")):
        raise ReportOptionError(_("Period must look like 2025-Q3 or 2025."))
    tree = framework(context.store, context.group.id)
    if not tree.objectives and not tree.unlinked_indicators:
        raise NothingToReportError(_("The group {group} has no objectives or indicators yet; add them before printing "
                                     "this report.").format(group=context.group.name))
    width = content_width(context.paper)
    title = _("M&E report by objective and result")
    story: list[Flowable] = [para(title, "title")]
    if period:
        story.append(para(_("Period: {period}.").format(period=format_period(period))))
    evidence = _Evidence(context)
    for node in tree.objectives:
        objective = node.objective
        story += [CondPageBreak(120), heading(" ".join(p for p in (objective.code, context.protector.text(objective.title)) if p)),
                  para(str(HORIZON_LABELS[objective.horizon]), "note")]
        for result_node in node.results:
            result = result_node.result
            name = " ".join(p for p in (result.code, context.protector.text(result.title)) if p)
            story.append(para(f"{name} ({RESULT_TYPE_LABELS[result.result_type]})", "h3"))
            for indicator in result_node.indicators:
                story += _indicator(context, indicator, period, evidence, width)
            story += _activities(context, result_node.activities)
    if tree.unlinked_indicators:
        story += [CondPageBreak(120), heading(_("Indicators not linked to a result"))]
        for indicator in tree.unlinked_indicators:
            story += _indicator(context, indicator, period, evidence, width)
    return title, story


class _Evidence:
    """What a value points to, as one line: the meeting (date and title) or the action item."""

    def __init__(self, context: ReportContext):
        self.context = context
        self.meetings = {m.id: m for m in context.store.meetings.list(group_id=context.group.id)}

    def text(self, value: Any) -> str:
        protect = self.context.protector
        parts = []
        if value.note:
            parts.append(protect.text(value.note))
        meeting = self.meetings.get(value.evidence_meeting_id or "")
        if meeting is not None:
            label = " ".join(p for p in (format_date(meeting.date), protect.text(meeting.title)) if p)
            parts.append(_("Evidence: meeting {meeting}").format(meeting=label))
        if value.evidence_action_id:
            item = self.context.store.actions.find(value.evidence_action_id)
            if item is not None:
                parts.append(_("Evidence: action item {title}").format(title=protect.text(item.title)))
        if value.verified:
            parts.append(_("Verified by {who} on {day}").format(who=protect.text(value.verified_by or "—"),
                                                                day=format_date(value.verified_on)))
        return "\n".join(parts)


def _indicator(context: ReportContext, indicator: Any, period: str | None, evidence: _Evidence,
               width: float) -> list[Flowable]:
    rows = context.store.indicator_progress(indicator.id)
    if period:
        start, end = periods.bounds(period)
        rows = [r for r in rows if start <= periods.bounds(r.period)[0] <= end]
    else:
        rows = [r for r in rows if r.actual is not None][-RECENT:]
    values = {v.period: v for v in context.store.values.list(indicator_id=indicator.id)}
    name = " ".join(p for p in (indicator.code, context.protector.text(indicator.name)) if p)
    story: list[Flowable] = [para(name, "cell_bold")]
    if not rows:
        return story + [para(_("No data yet."), "note"), Spacer(1, 4)]
    body: list[list[Any]] = [header_row([_("Period"), _("Target"), _("Actual"), _("Status"), _("Note and evidence")])]
    for row in rows:
        value = values.get(row.period)
        body.append([cell(format_period(row.period)), cell(value_text(row.target, indicator.unit)),
                     cell(value_text(row.actual, indicator.unit)), cell(str(STATUS_LABELS.get(row.status, row.status))),
                     para((evidence.text(value) if value else "").replace("\n", " · "), "cell")])
    weights = [12.0, 11.0, 11.0, 12.0, 54.0]
    return story + [table(body, [width * w / sum(weights) for w in weights]), Spacer(1, 4)]


def _activities(context: ReportContext, activities: list[Any]) -> list[Flowable]:
    if not activities:
        return []
    story: list[Flowable] = [para(_("Activities"), "cell_bold")]
    for activity in activities:
        dates = " – ".join(format_date(d) for d in (activity.start_date, activity.end_date) if d)
        status = str(ACTIVITY_STATUS_LABELS[activity.status])
        if activity.is_late(context.today):
            status += " — " + _("late")
        text = " ".join(p for p in (activity.code, context.protector.text(activity.title)) if p)
        story.append(para(f"{text} ({', '.join(p for p in (dates, status) if p)})", "bullet", bulletText="•"))
    return story + [Spacer(1, 4)]
