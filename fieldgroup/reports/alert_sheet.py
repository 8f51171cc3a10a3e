"""The alert sheet (issue 19): open incidents, overdue steps first, and the incident indicators — core team only.

No person's name is printed at all: a mention prints as the protected placeholder (protected people)
or "a representative of <pillar>"; step owners and focal points likewise; any known person's name
typed as plain text is replaced too (the safety net). Every page is marked internal."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from fieldgroup.core.choices import INCIDENT_KIND, INCIDENT_SEVERITY, INCIDENT_STATUS
from fieldgroup.core.incidents import Alert
from fieldgroup.formatting import format_percent
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.anonymise import Anonymiser
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.fmt import format_date, format_number, format_period
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.styles import CELL_PADDING, cell, fit_widths, header_row, para, table, text_width


def INTERNAL_MARK() -> str:  # noqa: N802 - read by reports/api.py: this document is internal on every page
    return _("Internal — core team only")


def build(context: ReportContext, **_options: Any) -> tuple[str, list[Flowable]]:
    store, group = context.store, context.group
    alerts = store.incidents.alerts(group.id)
    who = Anonymiser(store)
    width = content_width(context.paper)
    overdue = sum(1 for a in alerts if a.overdue)
    story: list[Flowable] = [
        para(_("Alert sheet"), "title"),
        para(_("Open incidents on {date}, those with overdue steps first. No person is named on this sheet.")
             .format(date=format_date(context.today, "long"))),
        para(ngettext("{n} open incident", "{n} open incidents", len(alerts)).format(n=format_number(len(alerts)))
             + " · " + ngettext("{n} with overdue steps", "{n} with overdue steps", overdue).format(n=format_number(overdue))),
    ]
    if not alerts:
        story.append(para(_("No open incidents."), "note"))
    for alert in alerts:
        story += [CondPageBreak(120), *_incident(alert, who, width, context)]
    story += _indicators(store.incidents.quarterly(group.id), width)
    return _("Alert sheet"), story


def _incident(alert: Alert, who: Anonymiser, width: float, context: ReportContext) -> list[Flowable]:
    incident = alert.incident
    facts = [
        [_("Date"), format_date(incident.date)], [_("Region"), who.text(incident.region) or "—"],
        [_("Kind"), INCIDENT_KIND.label(incident.kind)], [_("Severity"), INCIDENT_SEVERITY.label(incident.severity)],
        [_("Status"), INCIDENT_STATUS.label(incident.status)],
        [_("Organisations involved"), ", ".join(who.organisation(o) for o in alert.organisation_ids) or "—"],
    ]
    out: list[Flowable] = [heading(who.text(incident.title), "h3"),
                           table([[cell(k, "cell_bold"), cell(v)] for k, v in facts], [width * 0.3, width * 0.7],
                                 header=False)]
    if incident.description:
        out += [Spacer(1, 4), para(who.text(incident.description))]
    if alert.steps:
        out.append(_steps(alert, who, width, context))
    return out


def _steps(alert: Alert, who: Anonymiser, width: float, context: ReportContext) -> Flowable:
    body: list[list[Any]] = [header_row([_("Step"), _("Contact"), _("Owner"), _("Due"), _("State")])]
    for step in alert.steps:
        if step.completed_on:
            state = _("done {date}").format(date=format_date(step.completed_on))
        elif step.overdue(context.today):
            days = (context.today - step.due_date).days
            state = ngettext("{n} day overdue", "{n} days overdue", days).format(n=format_number(days))
        else:
            state = _("to do")
        contact = who.contact(step.contact_organisation_id, step.contact_person_id)
        body.append([cell(who.text(step.what)), cell(contact), cell(who.person(step.owner_person_id)),
                     cell(format_date(step.due_date)), cell(state)])
    return table(body, width)  # widths from the content: fixed shares cut Portuguese dates ("2|025")


def _indicators(quarters: list, width: float) -> list[Flowable]:
    if not quarters:
        return []
    kinds = list(INCIDENT_KIND)
    body: list[list[Any]] = [header_row([_("Quarter"), *(_(k.label) for k in kinds), _("Resolved within 90 days"),
                                         _("Grievances with a published outcome")])]
    for q in quarters:
        share = format_percent(q.resolved_within_90) if q.resolved_within_90 is not None else "—"
        body.append([cell(format_period(q.quarter)), *(cell(format_number(q.by_kind[k.value])) for k in kinds),
                     cell(share), cell(format_number(q.grievances_published))])
    return [CondPageBreak(90), heading(_("Incident indicators by quarter")), table(body, _widths(body, quarters, width))]


def _widths(body: list[list[Any]], quarters: list, width: float) -> list[float]:
    """Widths from the words in the document's language (equal columns hyphenated "inci- dent"), with the
    quarter's name on one line ("၂၀၂၅ ပထမ သုံးလပတ်" would otherwise break between its words)."""
    widths = fit_widths(body, width)
    need = max(text_width(format_period(q.quarter), 8.5) for q in quarters) + 2 * CELL_PADDING + 1
    if widths[0] >= need:
        return widths
    rest = sum(widths[1:])
    return [need, *(w - (need - widths[0]) * w / rest for w in widths[1:])]
