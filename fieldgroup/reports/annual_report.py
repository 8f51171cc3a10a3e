"""The annual report: objectives and results with their indicators, the work plan, meetings by quarter, successes.

Public by default: it prints no one's name (every name in free text becomes "a representative of …"),
no owner, no minutes and no action item."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from fieldgroup.core import periods
from fieldgroup.core.indicators import NO_DATA, STATUS_LABELS
from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS, HORIZON_LABELS, RESULT_TYPE_LABELS
from fieldgroup.core.results_framework import framework, workplan_progress
from fieldgroup.core.results_public import PublicText
from fieldgroup.formatting import format_currency, format_index, format_percent, format_period
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import NothingToReportError, ReportOptionError
from fieldgroup.reports.fmt import format_date
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.me_progress import row_for, value_text
from fieldgroup.reports.styles import cell, header_row, para, table

QUARTER_KEYS = ("meetings_held", "subnational_meetings", "average_balance", "all_pillars_pct")


def build(context: ReportContext, *, year: int | None = None, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    year = year or context.today.year
    if not 1900 < year < 3000:
        raise ReportOptionError(_("The year must look like 2025."))
    tree = framework(store, group.id)
    if not tree.objectives:
        raise NothingToReportError(
            _("The group {group} has no objectives yet; add its results framework before printing the annual report.")
            .format(group=group.name))
    public = PublicText(store)
    width = content_width(context.paper)
    title = _("Annual report {year}").format(year=year)
    story: list[Flowable] = [para(title, "title")]
    story += _vision(tree.profile, public)
    story += [heading(_("Objectives and results"))]
    for node in tree.objectives:
        context.report(0, 3, node.objective.title)
        story += _objective(context, node, public, year, width)
    story += [CondPageBreak(160), heading(_("Work plan"))] + _work_plan(context, tree, public, year, width)
    story += [CondPageBreak(140), heading(_("Meetings and balance by quarter")), _quarters(context, year, width)]
    story += [CondPageBreak(100), heading(_("Successes"))] + _successes(tree, public)
    return title, story


def _vision(profile: Any, public: PublicText) -> list[Flowable]:
    if profile is None:
        return []
    found: list[Flowable] = []
    for label, text in ((_("Vision"), profile.vision), (_("Mission"), profile.mission)):
        if text:
            found += [para(label, "h3"), para(public(text))]
    return found


def _objective(context: ReportContext, node: Any, public: PublicText, year: int, width: float) -> list[Flowable]:
    objective = node.objective
    name = " ".join(p for p in (objective.code, public(objective.title)) if p)
    span = " – ".join(format_date(d) for d in (objective.start_date, objective.end_date) if d)
    detail = str(HORIZON_LABELS[objective.horizon]) + (f", {span}" if span else "")
    story: list[Flowable] = [CondPageBreak(90), para(name, "h3"), para(detail, "note")]
    for result_node in node.results:
        result = result_node.result
        label = " ".join(p for p in (result.code, public(result.title)) if p)
        story.append(para(f"{label} ({RESULT_TYPE_LABELS[result.result_type]})", "cell_bold"))
        if result_node.indicators:
            story.append(_indicator_table(context, result_node.indicators, public, year, width))
        else:
            story.append(para(_("No indicator measures this result yet."), "note"))
        story.append(Spacer(1, 4))
    return story


def _indicator_table(context: ReportContext, indicators: list[Any], public: PublicText, year: int,
                     width: float) -> Flowable:
    body: list[list[Any]] = [header_row([_("Indicator"), _("Baseline"), _("Target"), _("Actual"), _("Status")])]
    for indicator in indicators:
        row = row_for(context.store.indicator_progress(indicator.id), str(year), indicator.period_kind)
        status = row.status if row is not None else NO_DATA
        body.append([para(public(indicator.name), "cell"), cell(value_text(indicator.baseline_value, indicator.unit)),
                     cell(value_text(row.target if row else None, indicator.unit)),
                     cell(value_text(row.actual if row else None, indicator.unit)),
                     cell(str(STATUS_LABELS.get(status, status)))])
    return table(body, width)  # widths from the content: fixed shares cut Portuguese dates and words


def _in_year(activity: Any, year: int) -> bool:
    start = activity.start_date or activity.end_date
    end = activity.end_date or activity.start_date
    return start is None or start.year <= year <= end.year


def _work_plan(context: ReportContext, tree: Any, public: PublicText, year: int, width: float) -> list[Flowable]:
    activities = [a for a in tree.activities if _in_year(a, year)]
    if not activities:
        return [para(_("No activity of the work plan falls in this year."), "note")]
    progress = workplan_progress(activities, context.today)
    done = progress.by_status.get("done", 0)
    summary = ngettext("{done} of {n} activity done", "{done} of {n} activities done", progress.total).format(
        done=done, n=progress.total)
    if progress.late:
        summary += "; " + ngettext("{n} late", "{n} late", progress.late).format(n=progress.late)
    budget = ", ".join(format_currency(amount, currency or None) for currency, amount in sorted(progress.budget.items()))
    story: list[Flowable] = [para(summary + "."), *([para(_("Budget planned: {amount}.").format(amount=budget))]
                                                    if budget else [])]
    body: list[list[Any]] = [header_row([_("Activity"), _("Start"), _("End"), _("Status")])]
    for activity in activities:
        status = str(ACTIVITY_STATUS_LABELS[activity.status])
        if activity.is_late(context.today):
            status += " — " + _("late")
        body.append([para(" ".join(p for p in (activity.code, public(activity.title)) if p), "cell"),
                     cell(format_date(activity.start_date)), cell(format_date(activity.end_date)), cell(status)])
    # Widths from the content: fixed shares cut Portuguese dates ("1 de jul. de 202|4").
    story.append(table(body, width))
    return story


def _quarters(context: ReportContext, year: int, width: float) -> Flowable:
    store, group = context.store, context.group
    quarters = [f"{year}-Q{q}" for q in range(1, 5)]
    values = {key: store.computed_values(group.id, key, "quarter", dict.fromkeys(quarters, 0.0)) for key in QUARTER_KEYS}
    body: list[list[Any]] = [header_row([_("Quarter"), _("Meetings held"), _("Sub-national meetings"),
                                         _("Average balance index"), _("Meetings with all three pillars")])]
    for quarter in quarters:
        if periods.bounds(quarter)[0] > context.today:
            continue
        held, regional = values["meetings_held"].get(quarter), values["subnational_meetings"].get(quarter)
        balance, full = values["average_balance"].get(quarter), values["all_pillars_pct"].get(quarter)
        body.append([cell(format_period(quarter)), cell(value_text(held, "number")), cell(value_text(regional, "number")),
                     cell(format_index(balance) if balance is not None else "—"),
                     cell(format_percent(full / 100) if full is not None else "—")])
    return table(body, [width / 5] * 5)


def _successes(tree: Any, public: PublicText) -> list[Flowable]:
    story: list[Flowable] = []
    for node in tree.objectives:
        if node.objective.successes:
            story += [para(public(node.objective.title), "cell_bold"), para(public(node.objective.successes))]
    return story or [para(_("No success has been written down yet."), "note")]
