"""The participation report's "Who is missing" section (issue 18): organisations only, never a protected one."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from fieldgroup.core.who_is_missing import summary
from fieldgroup.i18n import _
from fieldgroup.reports.layout import heading
from fieldgroup.reports.styles import para


def section(store: Any, group_id: str, *, include_subgroups: bool = False) -> list[Flowable]:
    """The same lists the dashboard shows, without members that stopped attending (the report's own table)."""
    lines, unnamed = summary(store, group_id, include_subgroups=include_subgroups, stopped=False)
    story: list[Flowable] = [CondPageBreak(120), heading(_("Who is missing"))]
    story += [KeepTogether([heading(title, "h3"), para(text)]) for title, text in lines]
    if unnamed:
        story.append(para(unnamed, "note"))
    story.append(para(_("Diversity totals come from optional self-declared tags; a total below 5 is not shown."),
                      "note"))
    return story
