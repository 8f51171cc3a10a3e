"""The M&E progress report: each indicator's baseline, target, actual, progress bar, status and trend."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from fieldgroup.core import periods
from fieldgroup.core.choices import PROGRESS_STATUS
from fieldgroup.core.entities import Indicator
from fieldgroup.core.indicators import (
    COUNTS,
    NO_DATA,
    STATUS_LABELS,
    PeriodProgress,
    comparison_text,
    progress_text,
    shown_progress,
    value_text,
)
from fieldgroup.formatting import format_percent
from fieldgroup.i18n import _
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import NothingToReportError, ReportOptionError
from fieldgroup.reports.fmt import format_period
from fieldgroup.reports.graphics import ProgressBar, StatusLabel, trend_chart
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.styles import header_row, para, section, table

STATUS_MARKS = PROGRESS_STATUS.marks()


def default_period(today: date, indicators: list[Indicator]) -> str:
    """The last complete period: the last quarter that has ended when any indicator is quarterly,
    else the last complete year (the current period is still being filled in)."""
    kind = "quarter" if any(i.period_kind == "quarter" for i in indicators) else "year"
    return periods.last_complete(today, kind)


def latest_period_with_data(progress: dict[str, list[PeriodProgress]]) -> str | None:
    """The period, over all indicators, that ends last among those with an actual value."""
    with_data = {row.period for rows in progress.values() for row in rows if row.actual is not None}
    return max(with_data, key=lambda p: (periods.bounds(p)[1], "-Q" in p), default=None)


def row_for(rows: list[PeriodProgress], period: str | None, kind: str) -> PeriodProgress | None:
    """This indicator's row for the report period; quarterly indicators in a yearly report show their
    latest quarter of that year, yearly indicators in a quarterly report show the year around it."""
    if period is None:
        return None
    start, end = periods.bounds(period)
    exact = [r for r in rows if r.period == period]
    if exact:
        return exact[0]
    if kind == "quarter" and "-Q" not in period:
        inside = [r for r in rows if start <= periods.bounds(r.period)[0] <= end]
        with_data = [r for r in inside if r.actual is not None]
        return (with_data or inside or [None])[-1]
    if kind == "year" and "-Q" in period:
        return next((r for r in rows if r.period == str(start.year)), None)
    return None


def _code_order(indicator: Indicator) -> tuple:
    """Codes in reading order: 1.2 before 1.10, S9 before S10; indicators without a code last."""
    parts = re.split(r"(\d+)", indicator.code or "")
    return (not indicator.code, [int(p) if p.isdigit() else p.casefold() for p in parts], indicator.name.casefold())


def _check_period(period: str | None) -> None:
    if period and not (periods.is_valid(period, "quarter") or periods.is_valid(period, "year")):
        raise ReportOptionError(_("Period must look like 2025-Q3 or 2025."))


def build(context: ReportContext, *, period: str | None = None, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    _check_period(period)
    indicators = sorted(store.indicators.list(group_id=group.id), key=_code_order)
    if not indicators:
        raise NothingToReportError(
            _("The group {group} has no indicators yet; add indicators before printing the M&E report.")
            .format(group=group.name))
    progress: dict[str, list[PeriodProgress]] = {}
    for number, indicator in enumerate(indicators):
        context.report(0, 3, _("Reading indicator {n} of {total}…").format(n=number + 1, total=len(indicators)))
        progress[indicator.id] = store.indicator_progress(indicator.id, this_group_only=context.this_group_only)
    chosen = period or default_period(context.today, indicators)
    width = content_width(context.paper)
    title = _("M&E progress")
    intro = _("Period: {period}.").format(period=format_period(chosen))
    if latest_period_with_data(progress) is None:
        intro += " " + _("No indicator has an actual value yet.")
    story: list[Flowable] = [para(title, "title"), para(intro), _overview(context, indicators, progress, chosen, width)]
    rule = _("Progress is measured from the baseline toward the target: (actual − baseline) ÷ (target − baseline), "
             "shown from {none} to {full}. Status: met at {full} or more, on track from {on_track}, behind below "
             "{on_track} (or below the baseline), no data without an actual value or target.")
    story += [Spacer(1, 4), para(rule.format(none=format_percent(0.0), full=format_percent(1.0),
                                             on_track=format_percent(0.85)), "note")]
    story += section(width, heading(_("Trends")),
                     para(_("Solid line with filled squares: actual. Dashed line with hollow circles: target."), "note"),
                     _trends(context, indicators, progress, width))
    return title, story


def _overview(context: ReportContext, indicators: list[Indicator], progress: dict[str, list[PeriodProgress]],
              period: str, width: float) -> Flowable:
    protect = context.protector
    body: list[list[Any]] = [header_row([_("Indicator"), _("Actual"), _("Progress"), _("Status")])]
    for indicator in indicators:
        row = row_for(progress[indicator.id], period, indicator.period_kind)
        name = " ".join(p for p in (indicator.code, protect.text(indicator.name)) if p)
        if row is not None and row.period != period:
            name = _("{name} ({period})").format(name=name, period=format_period(row.period))
        status = row.status if row is not None else NO_DATA
        share = row.progress if row is not None else None
        if indicator.unit == "yes_no" and share is not None:
            words = _("met") if share >= 1 else _("not met")  # a yes/no target is reached or not
        else:
            words = progress_text(share, indicator.direction)
        result = comparison_text(row.actual if row else None, row.target if row else None, indicator.baseline_value,
                                 indicator.unit, whole=indicator.computed in COUNTS)
        body.append([
            para(name, "cell"),
            para(result, "cell"),
            ProgressBar(shown_progress(share), words),
            StatusLabel(STATUS_MARKS.get(status, "none"), str(STATUS_LABELS.get(status, status))),
        ])
    return table(body, width)


def _trends(context: ReportContext, indicators: list[Indicator], progress: dict[str, list[PeriodProgress]],
            width: float) -> Flowable:
    """Two small charts per row, each under the indicator's name."""
    cells: list[list[Flowable]] = []
    chart_width = width / 2 - 12
    for indicator in indicators:
        rows = progress[indicator.id]
        name = " ".join(p for p in (indicator.code, context.protector.text(indicator.name)) if p)
        if not any(r.actual is not None or r.target is not None for r in rows):
            cells.append([para(name, "cell_bold"), para(_("No data yet."), "note")])
            continue

        def label(value: float, unit: str = indicator.unit, whole: bool = indicator.computed in COUNTS) -> str:
            return value_text(value, unit, whole)

        chart = trend_chart([format_period(r.period) for r in rows], [r.actual for r in rows],
                            [r.target for r in rows], label, width=chart_width, yes_no=indicator.unit == "yes_no")
        cells.append([para(name, "cell_bold"), chart])
    grid = [cells[i:i + 2] + [[]] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    return table(grid, [width / 2, width / 2], header=False, rules=False,
                 extra=[("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
