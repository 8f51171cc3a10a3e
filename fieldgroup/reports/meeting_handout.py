"""The meeting handout: header, agenda, attendance and balance, minutes, decisions, actions, matters arising."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from fieldgroup.core.balance import HOME_GOVERNMENT, PILLAR_MEETING
from fieldgroup.core.balance import STATUS_LABELS as BALANCE_LABELS
from fieldgroup.core.choices import BALANCE_STATUS, ORG_SUBTYPE
from fieldgroup.core.entities import Meeting
from fieldgroup.core.matters_arising import matters_arising
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.formatting import format_index, format_percent, format_time
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.actions_table import Directory, action_rows, actions_table
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.fmt import format_date, format_list, format_number
from fieldgroup.reports.fonts import markup
from fieldgroup.reports.graphics import BalanceBar, StatusLabel
from fieldgroup.reports.labels import ATTENDANCE_LABELS, MEETING_KIND_LABELS, attendance_label, label
from fieldgroup.reports.layout import content_width, heading
from fieldgroup.reports.styles import bold, cell, header_row, para, section, table, text_width
from fieldgroup.reports.text import rich_text

ATTENDANCE_ORDER = {"present": 0, "excused": 1, "absent": 2}
BALANCE_MARKS = BALANCE_STATUS.marks()


def build(context: ReportContext, *, meeting_id: str | None = None, **_options: Any) -> tuple[str, list[Flowable]]:
    store, protect = context.store, context.protector
    meeting = store.meetings.get(meeting_id)
    width = content_width(context.paper)
    kind = label(MEETING_KIND_LABELS, meeting.kind)
    story: list[Flowable] = [para(protect.text(meeting.title) or kind, "title"), _facts(context, meeting, kind, width)]
    story += [heading(_("Agenda")), *_agenda(protect.text(meeting.agenda), width)]
    story += _attendance(context, meeting, width)
    story += [CondPageBreak(60), heading(_("Minutes")), *rich_text(protect.text(meeting.minutes), _("No minutes recorded."))]
    story += [heading(_("Decisions")), *rich_text(protect.text(meeting.decisions), _("No decisions recorded."))]
    story += _actions(context, meeting, width)
    return _("Meeting handout"), story


def _facts(context: ReportContext, meeting: Meeting, kind: str, width: float) -> Flowable:
    parts = [p for p in (context.protector.text(meeting.place), context.protector.text(meeting.region)) if p]
    place = _("{place}, {region}").format(place=parts[0], region=parts[1]) if len(parts) == 2 else "".join(parts)
    rows = [(_("Group"), context.group.name), (_("Meeting type"), kind),
            (_("Date"), format_date(meeting.date, "full")), (_("Place"), place or "—")]
    if meeting.start_time:
        times = format_time(meeting.start_time)
        if meeting.end_time:
            times = _("{start} – {end}").format(start=times, end=format_time(meeting.end_time))
        rows.insert(3, (_("Time"), times.replace(" ", "\u00a0")))  # a time is one unit on paper
    if meeting.pillar:
        rows.append((_("Pillar"), str(PILLAR_LABELS.get(meeting.pillar, meeting.pillar))))
    body = [[para(name, "cell_bold"), para(value, "cell")] for name, value in rows]
    return table(body, [width * 0.22, width * 0.78], header=False)


def _agenda(agenda: str, width: float) -> list[Flowable]:
    items = [line.strip() for line in agenda.splitlines() if line.strip()]
    if not items:
        return [para(_("No agenda recorded."), "note")]
    # The number is a cell of its own (not a bullet drawn straight on the canvas): it goes through
    # the same font choice and shaping as the text, so Myanmar digits print.
    rows = [[para(_("{number}.").format(number=format_number(n))), para(item)] for n, item in enumerate(items, start=1)]
    numbers = max(text_width(row[0].getPlainText(), 9.5) for row in rows) + 8
    return [table(rows, [numbers, width - numbers], header=False, rules=False,
                  extra=[("LEFTPADDING", (0, 0), (0, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])]


def _attendance(context: ReportContext, meeting: Meeting, width: float) -> list[Flowable]:
    store, protect = context.store, context.protector
    balance = store.meetings.balance(meeting.id)
    lines = store.attendance.of_meeting(meeting.id)
    status = str(BALANCE_LABELS.get(balance.status, balance.status))
    if balance.status == PILLAR_MEETING:  # one pillar on purpose: no index, no "missing pillar"
        balance_text = _("Pillar meeting: not counted in balance averages")
    else:
        balance_text = _("Balance: {status} (index {index})").format(status=status, index=format_index(balance.index))
    summary = [
        StatusLabel(BALANCE_MARKS.get(balance.status, "none"), balance_text, "cell_bold"),
        Spacer(1, 3),
        para(ngettext("{n} person present", "{n} people present", balance.present).format(n=format_number(balance.present))),
        para(ngettext("Women's share: {share} of {n} person whose gender is recorded",
                      "Women's share: {share} of {n} people whose gender is recorded", balance.gender_recorded).format(
            share=format_percent(balance.women_share), n=format_number(balance.gender_recorded))
            if balance.women_share is not None else _("Women's share: not recorded")),
    ]
    embassies = balance.counts.get(HOME_GOVERNMENT, 0)
    if embassies:  # as on the dashboard: beside the host government, outside the balance (issue 18)
        summary.append(para(ngettext("{label}: {n} present, not counted in the balance",
                                     "{label}: {n} present, not counted in the balance", embassies).format(
            label=ORG_SUBTYPE.label(HOME_GOVERNMENT), n=format_number(embassies))))
    if balance.missing_pillars:
        missing = format_list([str(PILLAR_LABELS[p]) for p in balance.missing_pillars])
        missing_label = _("Missing:")  # outside the f-string, where Babel's extractor can see it
        summary.append(para(f"{bold(missing_label)} {markup(missing)}", is_markup=True))
    flowables: list[Flowable] = [CondPageBreak(120), heading(_("Attendance")),
                                 KeepTogether([BalanceBar(balance.counts, width), Spacer(1, 4), *summary])]
    if not lines:
        return [*flowables, para(_("No attendance recorded."), "note")]
    rows: list[list[Any]] = [header_row([_("Name"), _("Organisation"), _("Attendance")])]
    group_rows = []
    for pillar in PILLARS:
        members = [line for line in lines if line.pillar == pillar]
        if not members:
            continue
        present = sum(line.status == "present" for line in members)
        group_rows.append(len(rows))
        present_text = ngettext("{n} present", "{n} present", present).format(n=format_number(present))
        rows.append([para(f"{bold(str(PILLAR_LABELS[pillar]))} — {markup(present_text)}",
                          "cell", is_markup=True), "", ""])
        shown = [line for line in members if not protect.hides(line.protected)]
        hidden = [line for line in members if protect.hides(line.protected)]
        for line in shown:
            rows.append([cell(line.name), cell(line.organisation), cell(attendance_label(line.status, line.gender))])
        # Protected people in a block of their own at the end of the pillar, without organisation, in
        # a fixed order (by attendance, never by name or organisation): neither position nor a
        # neighbouring row can point to who they are. They still count in the pillar's figures.
        for line in sorted(hidden, key=lambda line: ATTENDANCE_ORDER.get(line.status, len(ATTENDANCE_ORDER))):
            rows.append([cell(protect.name(line.name, line.pillar, line.protected)), cell(""),
                         cell(label(ATTENDANCE_LABELS, line.status))])
    attendance = table(rows, width, group_rows=group_rows)
    attendance.fieldgroup_head = None  # the bar and summary above already hold the heading
    return [*flowables, Spacer(1, 6), attendance]


def _actions(context: ReportContext, meeting: Meeting, width: float) -> list[Flowable]:
    store = context.store
    directory = Directory(store, meeting.group_id)
    new_items = sorted(store.actions.list(meeting_id=meeting.id), key=lambda a: (a.due_date is None, a.due_date, a.title))
    if new_items:
        flowables = section(width, heading(_("New action items")),
                            actions_table(action_rows(context, directory, new_items), width))
    else:
        flowables = [heading(_("New action items")), para(_("No action items from this meeting."), "note")]
    arising = matters_arising(store, meeting)
    if arising.since is not None:
        intro = _("Open action items due since the previous meeting ({date}), the newest first.").format(
            date=format_date(arising.since.date, "long"))
    else:
        intro = _("Open action items due by this meeting, the newest first.")
    if not arising.items:
        return [*flowables, heading(_("Matters arising")), para(intro, "note"),
                para(_("No open items fell due since the previous meeting."), "note")]
    from_meeting = {m.id: m.date for m in store.meetings.list(group_id=meeting.group_id)}
    flowables += section(width, heading(_("Matters arising")), para(intro, "note"),
                         actions_table(action_rows(context, directory, arising.items), width, from_meeting=from_meeting))
    if arising.more:
        flowables.append(para(ngettext(
            "…and {n} more — see the action tracker.",
            "…and {n} more — see the action tracker.", arising.more).format(n=format_number(arising.more)), "note"))
    return flowables
