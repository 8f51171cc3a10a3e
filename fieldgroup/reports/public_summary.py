"""The public summary of a meeting: what it was, who took part by pillar (numbers only), its public sections.

It prints no one's name: a name or a mention in a public section becomes "a representative of civil
society" (or of a company, of the government, "an observer"). Internal and members' sections are left out."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from fieldgroup.core.results_public import PublicText
from fieldgroup.core.schema import BALANCE_PILLARS, PILLAR_LABELS
from fieldgroup.i18n import _, ngettext
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.errors import ReportOptionError
from fieldgroup.reports.fmt import format_date, format_number
from fieldgroup.reports.layout import heading
from fieldgroup.reports.styles import para
from fieldgroup.reports.text import rich_text


def build(context: ReportContext, *, meeting_id: str | None = None, **_options: Any) -> tuple[str, list[Flowable]]:
    if not meeting_id:
        raise ReportOptionError(_("Choose the meeting to print the public summary for."))
    store = context.store
    meeting = store.meetings.get(meeting_id)
    public = PublicText(store)
    title = _("Public summary of the meeting of {date}").format(date=format_date(meeting.date, "long"))
    story: list[Flowable] = [para(title, "title")]
    where = ", ".join(public(p) for p in (meeting.title, meeting.place) if p)
    if where:
        story.append(para(where))
    story.append(para(_attendance(store, meeting_id)))
    sections = store.minute_sections.of_meeting(meeting_id, ("public",))
    if not sections:
        story.append(para(_("Nothing from this meeting has been made public yet."), "note"))
    for section in sections:
        if section.heading:
            story.append(heading(public(section.heading), "h3"))
        story += rich_text(public(section.body), "")
    return title, story


def _attendance(store: Any, meeting_id: str) -> str:
    """Who took part, counted by pillar: numbers only, so that no one can be placed."""
    counts = dict.fromkeys((*BALANCE_PILLARS, "observer"), 0)
    for line in store.attendance.of_meeting(meeting_id):
        if line.status == "present":
            counts[line.pillar] = counts.get(line.pillar, 0) + 1
    parts = [f"{PILLAR_LABELS[p]}: {format_number(counts[p])}" for p in counts if counts[p]]
    total = sum(counts.values())
    return ngettext("{n} participant", "{n} participants", total).format(n=format_number(total)) + (
        " (" + ", ".join(parts) + ")" if parts else "")
